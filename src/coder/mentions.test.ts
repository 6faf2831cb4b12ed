/**
 * Actor mentions (src/coder/mentions.ts) with the fixture dictionaries in src/coder/fixtures: dictionary names,
 * metonyms, places, dated roles, titles before known and unknown names, agents combined with countries, and the
 * actor each noun phrase denotes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Doc } from '../core/doc.ts';
import { createCoder } from '../index.ts';

const PUB = '2016-12-30';
const coder = await createCoder({ dictionaries: 'native:src/coder/fixtures' });

function run(text: string, date = PUB): Doc {
  const r = coder.code({ id: 't', text, date });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value.doc;
}

interface Case {
  text: string;
  date?: string;
  /** mention surface text → code it must carry ("text#2" for the second mention with that text) */
  want: Record<string, string>;
  /** surface texts that must not be (non-locative) actor mentions */
  none?: string[];
  todo?: string;
}

const CASES: Case[] = [
  // dictionary names, metonyms and capitals
  { text: 'The Kremlin criticized Washington.', want: { 'The Kremlin': 'RUSGOV', Washington: 'USAGOV' } },
  { text: 'The White House condemned Moscow.', want: { 'The White House': 'USAGOV', Moscow: 'RUSGOV' } },
  { text: 'Russia expelled 35 US diplomats.', want: { Russia: 'RUS', '35 US diplomats': 'USAGOV' } },
  // a capital after a locative preposition is a place, not an actor
  { text: 'Putin spoke to reporters in Washington.', want: { Putin: 'RUSGOV' }, none: ['Washington'] },
  { text: 'Trump flew from Moscow to Cairo.', want: { Trump: 'USAELI' }, none: ['Moscow'] },
  // "US" is the United States, "us" is a pronoun
  { text: 'They told us the US would act.', want: { US: 'USA' }, none: ['us'] },
  { text: 'Tell us what the US did.', want: { US: 'USA' }, none: ['us'] },
  // dated roles: the code an entry has on the publication date
  { text: 'Trump criticized Russia.', date: '2016-12-30', want: { Trump: 'USAELI' } },
  { text: 'Trump criticized Russia.', date: '2017-03-01', want: { Trump: 'USAGOV' } },
  { text: 'Trump criticized Russia.', date: '2016-06-01', want: { Trump: 'USABUS' } },
  { text: 'Obama criticized Russia.', date: '2016-12-30', want: { Obama: 'USAGOV' } },
  { text: 'Obama criticized Russia.', date: '2017-06-01', want: { Obama: 'USA' } },
  // a capitalised word before a title is not a name with it: "Deputy" + "Foreign Minister Sergei Ryabkov"
  {
    text: 'Deputy Foreign Minister Sergei Ryabkov criticized Obama.',
    want: { 'Foreign Minister Sergei Ryabkov': '---GOV' },
    none: ['Deputy Foreign Minister'],
  },
  // agents with the country of their noun phrase
  // … or of a place they are in ("in" only: "diplomats from Moscow" may be anyone's)
  // … for every country of a list
  {
    text: 'The diplomats of Russia, Egypt and Israel condemned the strike.',
    want: { 'The diplomats of Russia': 'RUSGOV', 'Egypt#2': 'EGYGOV', 'Israel#2': 'ISRGOV' },
  },
  { text: 'Diplomats in Russia criticized Obama.', want: { Diplomats: 'RUSGOV' } },
  {
    text: 'The Obama administration expelled 35 Russian operatives.',
    want: { 'The Obama administration': 'USAGOV', '35 Russian operatives': 'RUSSPY' },
  },
  {
    text: "Russia's two main intelligence services were sanctioned.",
    want: { "Russia's two main intelligence services": 'RUSSPY' },
  },
  { text: 'Moscow will bar US diplomatic staff.', want: { 'US diplomatic staff': 'USAGOV' } },
  {
    text: 'Putin invited the children of American diplomats.',
    want: { 'the children of American diplomats': 'USACVL' },
  },
  {
    text: 'The Russian troops attacked Ukrainian soldiers.',
    want: { 'The Russian troops': 'RUSMIL', 'Ukrainian soldiers': 'UKRMIL' },
  },
  // titles before known names join the mention
  { text: 'President Putin met Trump.', want: { 'President Putin': 'RUSGOV' } },
  { text: 'Mr. Putin met Trump.', want: { 'Mr. Putin': 'RUSGOV' } },
  // title + unknown name: the type from the title, the country from the sentence
  {
    text: 'Czech Foreign Minister Jan Novak criticized Russia.',
    want: { 'Foreign Minister Jan Novak': 'CZEGOV' },
  },
  {
    text: "The Czech Republic's Foreign Minister Jan Novak criticized Russia.",
    want: { 'Foreign Minister Jan Novak': 'CZEGOV' },
  },
  {
    text: 'Foreign Minister Jan Novak of the Czech Republic criticized Russia.',
    want: { 'Foreign Minister Jan Novak': 'CZEGOV' },
  },
  // unknown people without a title: a person with an unknown code
  { text: 'Jan Novak criticized Russia.', want: { 'Jan Novak': '---' } },
  // a dictionary person named in full after a title is found again by surname
  {
    text: 'President Juan Manuel Santos spoke. Later Santos criticized Germany.',
    date: '2016-11-25',
    want: { 'President Juan Manuel Santos': 'COLGOV', Santos: 'COLGOV' },
  },
  // an appositive's role is the name's, but not a role or a person after "of"
  { text: 'Jan Novak, a Russian official, criticized Germany.', want: { 'Jan Novak': 'RUSGOV' } },
  { text: 'Jan Novak, a critic of President Putin, criticized Germany.', want: { 'Jan Novak': '---' } },
  // a bare definite phrase repeating an earlier head is that actor ("The officials" after "US officials")
  {
    text: 'US officials met Putin. Russia criticized the sanctions and the Kremlin expelled diplomats. The officials left.',
    want: { 'The officials': 'USAGOV' },
  },
  // people in someone's hands do not take the holder's country; a country written with them still counts
  { text: 'Russia was holding 20 hostages.', want: { '20 hostages': '---CVL' } },
  { text: 'Russia was holding 20 American hostages.', want: { '20 American hostages': 'USACVL' } },
  // a dictionary surname that runs on into another name is someone else ("spokesman Abbas Mousavi")
  {
    text: 'Russian spokesman Lavrov Petrov criticized Germany.',
    want: { 'spokesman Lavrov Petrov': 'RUSGOV' },
  },
  { text: 'Merkel Schulz criticized Russia.', want: { Russia: 'RUS' }, none: ['Merkel', 'Merkel Schulz'] },
  // a state office with no country speaks for the state that was the subject just before
  {
    text: 'Egypt denied any role. "Israel is lying," spokesman Ahmed Hafez said.',
    want: { 'spokesman Ahmed Hafez': 'EGYGOV' },
  },
  // … not for a country that was only acted on
  {
    text: 'The rebels attacked Egypt. "We are ready," spokesman Ahmed Hafez said.',
    want: { 'spokesman Ahmed Hafez': '---GOV' },
  },
  // … but not into a date, an actor or a title-case headline
  { text: 'Lavrov Monday criticized Germany.', want: { Lavrov: 'RUSGOV' } },
  { text: 'Putin Rejects Call To Expel American Diplomats', want: { Putin: 'RUSGOV' } },
];

describe('mentions: actors and their codes', () => {
  for (const c of CASES) {
    test(`${JSON.stringify(c.text)}${c.date ? ` @${c.date}` : ''}`, c.todo ? { todo: c.todo } : {}, () => {
      const doc = run(c.text, c.date);
      const actors = doc.mentions.filter((m) => !m.locative);
      const seen = actors.map((m) => `${m.actor.text}=${m.actor.code}`).join('; ');
      for (const [key, code] of Object.entries(c.want)) {
        const [text, nth] = key.split('#') as [string, string | undefined];
        const m = actors.filter((x) => x.actor.text === text)[Number(nth ?? 1) - 1];
        assert.ok(m, `a mention "${key}" among ${seen}`);
        assert.equal(m.actor.code, code, `code of "${text}"`);
        assert.equal(c.text.slice(m.actor.start, m.actor.end), text, 'offsets point at the text');
      }
      for (const text of c.none ?? [])
        assert.ok(!actors.some((x) => x.actor.text === text), `"${text}" is not an actor: ${seen}`);
    });
  }
});

describe('mentions: entity details', () => {
  test('a dictionary person carries name, id, gender and the dictionary entry', () => {
    const doc = run('Mr Putin met Merkel.');
    const putin = doc.mentions.find((m) => m.actor.text === 'Mr Putin')!;
    assert.equal(putin.actor.name, 'Vladimir Putin');
    assert.equal(putin.actor.id, 'vladimir-putin');
    assert.equal(putin.gender, 'male');
    assert.equal(putin.person, true);
    assert.match(putin.entries[0]!, /src\/coder\/fixtures\/actors\/people\.txt:\d+/);
    const merkel = doc.mentions.find((m) => m.actor.text === 'Merkel')!;
    assert.equal(merkel.gender, 'female');
  });
  test('the country and types are split from the code', () => {
    const doc = run('The Russian troops attacked Ukrainian soldiers.');
    const troops = doc.mentions.find((m) => m.actor.text === 'The Russian troops')!;
    assert.equal(troops.actor.country, 'RUS');
    assert.deepEqual(troops.actor.types, ['MIL']);
  });
  test('an adjectival country form is marked adjectival', () => {
    const doc = run('Russian diplomats left.');
    const r = doc.mentions.find((m) => m.actor.text === 'Russian')!;
    assert.equal(r.adjectival, true);
  });
});
