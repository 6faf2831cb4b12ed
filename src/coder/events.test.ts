/**
 * Coding (src/coder/events.ts) with the fixture dictionaries: who did what to whom, with what modality and date,
 * from whole sentences. Each case lists events a correct coder must give ("SOURCE CODE TARGET modality") and events
 * it must not give; source and target are CAMEO actor codes, "∅" for none.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventRecord } from '../core/types.ts';
import { createCoder } from '../index.ts';

const PUB = '2016-12-30';
const coder = await createCoder({ dictionaries: 'native:src/coder/fixtures' });

function code(text: string): EventRecord[] {
  const r = coder.code({ id: 't', text, date: PUB });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value.events;
}

const key = (e: EventRecord) => `${e.source?.code ?? '∅'} ${e.code} ${e.target?.code ?? '∅'} ${e.modality}`;

interface Case {
  text: string;
  /** events that must be coded */
  want: string[];
  /** events that must not be coded (any modality when the modality is left out) */
  not?: string[];
  todo?: string;
}

function check(c: Case): void {
  const events = code(c.text);
  const got = events.map(key);
  for (const w of c.want) assert.ok(got.includes(w), `expected ${w}; got ${JSON.stringify(got)}`);
  for (const n of c.not ?? []) {
    const parts = n.split(' ');
    const bad = got.filter((g) => (parts.length === 3 ? g.startsWith(`${n} `) : g === n));
    assert.deepEqual(bad, [], `must not code ${n}; got ${JSON.stringify(got)}`);
  }
}

const run = (title: string, cases: Case[]) =>
  describe(title, () => {
    for (const c of cases) test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => check(c));
  });

run('events: sources and targets through syntax', [
  // "neither … nor" coordinates the subjects and denies the action
  {
    text: 'Neither Russia nor Egypt condemned Ukraine.',
    want: ['RUS 111 UKR negated', 'EGY 111 UKR negated'],
    not: ['RUS 111 UKR asserted', 'EGY 111 UKR asserted'],
  },
  { text: 'The Obama administration imposed sanctions on Russia.', want: ['USAGOV 163 RUS asserted'] },
  {
    text: 'The Obama administration on Thursday imposed sanctions on Russia.',
    want: ['USAGOV 163 RUS asserted'],
  },
  // passive with a by-agent: the agent is the source
  {
    text: 'Russia was sanctioned by the United States.',
    want: ['USA 163 RUS asserted'],
    not: ['RUS 163 USA'],
  },
  {
    text: 'Russian diplomats were expelled by Washington.',
    want: ['USAGOV 161 RUSGOV asserted'],
    not: ['RUSGOV 161 USAGOV'],
  },
  // a carrier noun stands for what it carries: "a sanctions package" is sanctions
  {
    text: 'The Obama administration imposed a sanctions package on Russia.',
    want: ['USAGOV 163 RUS asserted'],
  },
  { text: 'The Obama administration imposed a travel package on Russia.', want: [], not: ['USAGOV 163 RUS'] },
  // fire aimed at a facility is aimed at whoever the text says is in it
  { text: 'Russia fired missiles at bases hosting US troops.', want: ['RUS 194 USAMIL asserted'] },
  { text: 'Russia fired missiles at a base used by US troops.', want: ['RUS 194 USAMIL asserted'] },
  { text: 'Russia fired missiles at bases near the border.', want: ['RUS 194 ∅ asserted'] },
  // "the sanctions" told again by an action of the same kind is aimed where the sanctions were
  {
    text: 'The United States imposed sanctions on Russia. Putin criticized the sanctions imposed by Washington.',
    want: ['USA 163 RUS asserted', 'USAGOV 163 RUS asserted'],
    not: ['USAGOV 163 USA'],
  },
  // an event in the background of another is not the subject's doing
  {
    text: 'Putin criticized Washington over the sanctions on Russia.',
    want: ['RUSGOV 111 USAGOV asserted'],
    not: ['RUSGOV 163 RUS'],
  },
  // a passive without an agent has no source: no event
  { text: 'Russian diplomats were expelled.', want: [], not: ['RUSGOV 161 ∅', '∅ 161 RUSGOV'] },
  // reduced relative
  {
    text: 'Russia condemned the sanctions imposed on Russian officials by Washington.',
    want: ['USAGOV 163 RUSGOV asserted'],
    not: ['RUSGOV 163 USAGOV'],
  },
  {
    text: 'The sanctions imposed on Russia by Washington took effect.',
    want: ['USAGOV 163 RUS asserted'],
  },
  // subjects carried into "by -ing", participles and coordinated verbs
  {
    text: 'Moscow will respond by expelling US diplomats and bar US diplomatic staff from two compounds.',
    want: ['RUSGOV 161 USAGOV intended', 'RUSGOV 160 USAGOV intended'],
  },
  {
    text: 'The United States responded by expelling 35 Russian diplomats.',
    want: ['USA 161 RUSGOV asserted'],
  },
  {
    text: 'The United States imposed sanctions on Russia, expelling 35 Russian diplomats.',
    want: ['USA 163 RUS asserted', 'USA 161 RUSGOV asserted'],
  },
  {
    text: 'The United States expelled 35 Russian diplomats and sanctioned Russia.',
    want: ['USA 161 RUSGOV asserted', 'USA 163 RUS asserted'],
  },
  // relative clauses
  {
    text: 'The Russian diplomats who criticized the United States were expelled.',
    want: ['RUSGOV 111 USA asserted'],
    not: ['∅ 161', 'RUSGOV 161 USA'],
  },
  {
    text: 'Russia, which criticized the United States, expelled US diplomats.',
    want: ['RUS 111 USA asserted', 'RUS 161 USAGOV asserted'],
    not: ['USA 161 USAGOV'],
  },
  {
    text: 'Putin met the Russian diplomats who were expelled by the United States.',
    want: ['USA 161 RUSGOV asserted'],
  },
  // reported clause after a speech verb
  {
    text: "Egypt's president said the Egyptian troops attacked Israeli soldiers.",
    want: ['EGYMIL 190 ISRMIL asserted'],
    not: ['EGYGOV 190 EGYMIL'],
  },
  {
    text: 'Putin said on Thursday that Russia would not expel US diplomats.',
    want: ['RUS 161 USAGOV negated'],
    not: ['RUS 161 USAGOV asserted'],
  },
  // appositions
  {
    text: 'Putin, the Russian president, met Trump.',
    want: ['RUSGOV 040 USAELI asserted'],
    not: ['USAELI 040'],
  },
  // title + unknown name
  { text: 'Czech Foreign Minister Jan Novak criticized Russia.', want: ['CZEGOV 111 RUS asserted'] },
  {
    text: 'Foreign Minister Jan Novak of the Czech Republic criticized Russia.',
    want: ['CZEGOV 111 RUS asserted'],
  },
  // same code on both sides: not an event
  { text: 'Putin rejected Lavrov.', want: [], not: ['RUSGOV 120 RUSGOV'] },
]);

run('events: coordinated subjects', [
  { text: 'Egypt and Israel signed a peace treaty.', want: ['EGY 057 ISR asserted', 'ISR 057 EGY asserted'] },
  {
    text: 'Russia and Ukraine will meet next week.',
    want: ['RUS 040 UKR intended', 'UKR 040 RUS intended'],
  },
  // a directed action with coordinated subjects: each subject acts on the target, not on each other
  {
    text: 'Egypt and Israel criticized Russia.',
    want: ['EGY 111 RUS asserted', 'ISR 111 RUS asserted'],
    not: ['EGY 111 ISR', 'ISR 111 EGY'],
  },
]);

run('events: modality', [
  { text: 'Russia expelled US diplomats.', want: ['RUS 161 USAGOV asserted'] },
  // negation in the verb group
  {
    text: 'Russia did not expel US diplomats.',
    want: ['RUS 161 USAGOV negated'],
    not: ['RUS 161 USAGOV asserted'],
  },
  {
    text: 'The Kremlin will not expel US diplomats.',
    want: ['RUSGOV 161 USAGOV negated'],
    not: ['RUSGOV 161 USAGOV asserted', 'RUSGOV 161 USAGOV intended'],
  },
  { text: 'Russia never expelled US diplomats.', want: ['RUS 161 USAGOV negated'] },
  // will → intended
  { text: 'Russia will expel US diplomats.', want: ['RUS 161 USAGOV intended'] },
  // could / might / would / if → hypothetical
  { text: 'Russia could expel US diplomats.', want: ['RUS 161 USAGOV hypothetical'] },
  { text: 'Russia might expel US diplomats.', want: ['RUS 161 USAGOV hypothetical'] },
  { text: 'Russia would expel US diplomats.', want: ['RUS 161 USAGOV hypothetical'] },
  {
    text: 'If Russia expels US diplomats, Washington will respond.',
    want: ['RUS 161 USAGOV hypothetical'],
    not: ['RUS 161 USAGOV asserted'],
  },
  // questions are not assertions
  { text: 'Will Russia expel US diplomats?', want: [], not: ['RUS 161 USAGOV asserted'] },
  { text: 'Did Russia expel US diplomats?', want: [], not: ['RUS 161 USAGOV asserted'] },
  // governing cue verbs
  { text: 'The Kremlin proposed that Russia expel 35 US diplomats.', want: ['RUS 161 USAGOV proposed'] },
  { text: 'Lavrov proposed to expel US diplomats.', want: ['RUSGOV 161 USAGOV proposed'] },
  // a passive expulsion with no agent: the country expelled from expels
  { text: 'Two US diplomats were expelled from Russia on Friday.', want: ['RUS 161 USAGOV asserted'] },
  { text: 'Two US diplomats were expelled from the club on Friday.', want: [], not: ['RUS 161 USAGOV'] },
  // a phrasal verb's particle after its object
  { text: 'Russia kicked the US diplomats out on Friday.', want: ['RUS 161 USAGOV asserted'] },
  { text: 'Russia kicked out the US diplomats on Friday.', want: ['RUS 161 USAGOV asserted'] },
  // a commitment not to act is no intent to act
  {
    text: 'Putin promised not to meet Obama.',
    want: ['RUSGOV 040 USAGOV negated'],
    not: ['RUSGOV 036 USAGOV'],
  },
  // a that-clause governed by a cue noun
  {
    text: 'The Kremlin repeated its demand today that Russia expel 35 US diplomats.',
    want: ['RUS 161 USAGOV proposed'],
    not: ['RUS 161 USAGOV asserted'],
  },
  {
    text: 'The Kremlin announced its plan that Russia expel 35 US diplomats.',
    want: ['RUS 161 USAGOV intended'],
  },
  {
    text: 'The Kremlin proposed expelling 35 US diplomats.',
    want: ['RUSGOV 161 USAGOV proposed'],
    not: ['RUSGOV 161 USAGOV asserted'],
  },
  {
    text: 'Putin refused to expel US diplomats.',
    want: ['RUSGOV 161 USAGOV negated'],
    not: ['RUSGOV 161 USAGOV asserted'],
  },
  { text: 'Russia refused to meet with Trump.', want: ['RUS 040 USAELI negated'] },
  {
    text: 'Russia plans to expel US diplomats.',
    want: ['RUS 161 USAGOV intended'],
    not: ['RUS 161 USAGOV asserted'],
  },
  // modality of a coordinated verb follows the shared auxiliary
  {
    text: 'Russia refused to expel US diplomats and bar US diplomatic staff.',
    want: ['RUS 161 USAGOV negated', 'RUS 160 USAGOV negated'],
  },
  // governing nouns
  {
    text: "Lavrov's proposals for the expulsion of 35 US diplomats were rejected.",
    want: ['RUSGOV 161 USAGOV proposed'],
    not: ['RUSGOV 161 USAGOV asserted'],
  },
  { text: 'Putin voiced his refusal to expel US diplomats.', want: ['RUSGOV 161 USAGOV negated'] },
  {
    text: "Putin's refusal to expel US diplomats surprised Washington.",
    want: ['RUSGOV 161 USAGOV negated'],
  },
  // a cue verb governing an event noun
  {
    text: 'The Obama administration proposed sanctions on Russia.',
    want: ['USAGOV 163 RUS proposed'],
    not: ['USAGOV 163 RUS asserted'],
  },
  {
    text: 'The United States called for sanctions on Russia.',
    want: ['USA 163 RUS proposed'],
    not: ['USA 163 RUS asserted'],
  },
]);

run('events: nominal events', [
  { text: 'Russia ordered the expulsion of 35 US diplomats.', want: ['RUS 161 USAGOV asserted'] },
  { text: "Russia's expulsion of 35 US diplomats angered Washington.", want: ['RUS 161 USAGOV asserted'] },
  { text: 'US sanctions on Russia took effect.', want: ['USA 163 RUS asserted'] },
  // no source anywhere: no event
  {
    text: 'The expulsion of 35 US diplomats angered Washington.',
    want: [],
    not: ['USAGOV 161 USAGOV', '∅ 161 USAGOV'],
  },
  // "no" before an event noun negates it
  {
    text: 'Washington said there would be no sanctions on Russia.',
    want: [],
    not: ['USAGOV 163 RUS asserted'],
  },
]);

run('events: reported obligations, conditional threats, pronouns and coordinated subjects', [
  // an obligation laid on another actor in a reported statement is a demand; the action itself stays proposed
  {
    text: 'The United States said on Monday that Russia must expel the Egyptian diplomats.',
    want: ['USA 100 RUS asserted', 'RUS 161 EGYGOV proposed'],
    not: ['RUS 161 EGYGOV asserted'],
  },
  { text: 'Egypt said Israel should sign the treaty.', want: ['EGY 020 ISR asserted'] },
  // the speaker obliging itself demands nothing of anyone; a denied statement demands nothing
  { text: 'Russia said it must expel the American diplomats.', want: [], not: ['RUS 100', 'RUS 020'] },
  { text: 'Egypt did not say that Israel must sign the treaty.', want: [], not: ['EGY 100 ISR'] },
  // a hostile action made to depend on another's conduct with "unless" is a threat of its kind
  {
    text: 'Russia will impose sanctions on Egypt unless Cairo expels the American diplomats.',
    want: ['RUS 1312 EGY asserted', 'RUS 163 EGY intended'],
    not: ['RUS 163 EGY asserted'],
  },
  {
    text: 'Israel said it would attack the rebels unless they released the hostages.',
    want: ['ISR 138 ---REB asserted'],
  },
  // the action inside the "unless" clause is not the threat; a plain future is no threat
  { text: 'Russia will meet Egypt unless Israel attacks the rebels.', want: [], not: ['ISR 138'] },
  { text: 'Russia will impose sanctions on Egypt.', want: ['RUS 163 EGY intended'], not: ['RUS 1312'] },
  // they → a plural role noun ("leaders" is no single person); he → a role noun subject of the same sentence
  { text: 'Egyptian leaders said they would meet Putin.', want: ['EGYGOV 040 RUSGOV intended'] },
  { text: 'The Russian foreign minister said he would visit Egypt.', want: ['RUSGOV 042 EGY intended'] },
  {
    text: 'The Russian foreign minister met Putin. He said he would visit Egypt.',
    want: ['RUSGOV 042 EGY intended'],
  },
  // a coordinated subject whose first conjunct names no actor of its own: the other conjuncts are the sources
  // … and a conjunct that is only a country adjective shares the next one's head: Egyptian officials too
  {
    text: 'Senior Egyptian and Israeli officials condemned Russia.',
    want: ['ISRGOV 111 RUS asserted', 'EGYGOV 111 RUS asserted'],
  },
]);

run('events: stated intentions and partitive objects', [
  // an actor announcing its own future action: cooperative → expressed intent (03x), hostile → threat (13x)
  { text: 'Egypt will meet Israel.', want: ['EGY 036 ISR asserted', 'EGY 040 ISR intended'] },
  {
    text: 'Russia announced on Monday that it will impose sanctions on Egypt.',
    want: ['RUS 1312 EGY asserted', 'RUS 163 EGY intended'],
  },
  { text: 'Israel plans to attack the rebels.', want: ['ISR 138 ---REB asserted'] },
  // an international body announces too (it has no country of its own)
  { text: 'The United Nations will impose sanctions on Russia.', want: ['IGOUNO 1312 RUS asserted'] },
  { text: 'Russia will expel 35 American diplomats, Putin said.', want: ['RUS 1313 USAGOV asserted'] },
  // someone else's view of an actor's future is not the actor's statement
  { text: 'The United States believes Russia will attack Ukraine.', want: [], not: ['RUS 138'] },
  { text: 'Russia will attack Ukraine, Egypt said.', want: ['RUS 190 UKR intended'], not: ['RUS 138'] },
  { text: 'Egyptian officials fear that Israel will attack the rebels.', want: [], not: ['ISR 138'] },
  // an actor's own withholding of a cooperative action is a rejection of its kind (12x); the action stays negated
  { text: 'Egypt will not meet Israel.', want: ['EGY 125 ISR asserted', 'EGY 040 ISR negated'] },
  { text: 'Russia failed to sign the treaty with Egypt.', want: ['RUS 127 EGY asserted'] },
  // not someone else's forecast, and not a hostile action withheld
  { text: 'The United States believes Egypt will not meet Israel.', want: [], not: ['EGY 125'] },
  { text: 'Russia did not expel the American diplomats.', want: ['RUS 161 USAGOV negated'], not: ['RUS 12'] },
  // what others expect of an actor is no announcement
  { text: 'The Russian foreign minister is expected to visit Egypt.', want: [], not: ['RUSGOV 036'] },
  // an offer to act is no threat
  { text: 'Russia offered to attack the rebels.', want: [], not: ['RUS 138'] },
  // a head that counts what its "of" phrase names: the words of the pattern are in the "of" phrase
  { text: 'Russia expelled dozens of American diplomats.', want: ['RUS 161 USAGOV asserted'] },
  { text: 'Israel fired a series of missiles at Egypt.', want: ['ISR 194 EGY asserted'] },
  // a pattern naming the object's compound beats one naming only its head, whatever their phrase slots
  { text: 'Russia launched cyber attacks on Ukraine.', want: ['RUS 170 UKR asserted'], not: ['RUS 190'] },
  { text: 'Russia launched attacks on Ukraine.', want: ['RUS 190 UKR asserted'], not: ['RUS 170'] },
  // a hyphenated dictionary word names the two-word compound too: {war-game} "war games"
  { text: 'Israel and Egypt held war games on Monday.', want: ['ISR 062 EGY asserted'] },
]);

run('events: violence by an unnamed perpetrator', [
  // the weapon or the attackers as subject, a named victim with a country: an event with an unknown source
  { text: 'A car bomb attacked two Israeli soldiers in Jerusalem.', want: ['--- 190 ISRMIL asserted'] },
  // a passive with no agent names the weapon in an "in"/"by" phrase
  { text: 'Two Israeli soldiers were attacked in a bombing near Gaza.', want: ['--- 190 ISRMIL asserted'] },
  { text: 'Two Israeli soldiers were attacked by an explosive device.', want: ['--- 190 ISRMIL asserted'] },
  // no weapon, no attacker: nothing to code
  { text: 'Two Israeli soldiers were attacked on Monday.', want: [], not: ['--- 190 ISRMIL'] },
]);

run('events: targets from complement clauses, countries from "in" places', [
  // a demand is aimed at the actor its complement clause names as subject; the demanded action stays proposed
  {
    text: 'The United States demanded that Russia expel the Egyptian diplomats.',
    want: ['USA 100 RUS asserted', 'RUS 161 EGYGOV proposed'],
  },
  // a call for a hostile action against an actor disapproves of that actor; the action stays proposed
  {
    text: 'The United States called for sanctions on Russia.',
    want: ['USA 110 RUS asserted', 'USA 163 RUS proposed'],
    not: ['USA 163 RUS asserted'],
  },
  // a protest is aimed where the demand of its purpose infinitive is, and is the main event
  {
    text: 'Egyptian officials staged a protest to demand reforms by the Israeli government.',
    want: ['EGYGOV 141 ISRGOV asserted', 'EGYGOV 104 ISRGOV asserted'],
  },
  // the speaker is no target of its own demand
  { text: 'Russia demanded that it be heard.', want: [], not: ['RUS 100 RUS'] },
  // an agent with no country of its own takes the country of the place "in" names
  { text: 'Officials in Israel demanded that Egypt expel the rebels.', want: ['ISRGOV 100 EGY asserted'] },
  { text: 'Officials in Cairo condemned Israel.', want: ['EGYGOV 111 ISR asserted'] },
  // a place before a role noun lends its country: "the Alexandria governor"; but a place names no actor by itself
  { text: 'The Alexandria officials condemned Israel.', want: ['EGYGOV 111 ISR asserted'] },
  { text: 'The Alexandria riots were condemned by Israel.', want: [], not: ['ISR 111 EGY'] },
  // people of the place a sentence happens in, when it names no other country
  { text: 'Officials rejected the treaty at a meeting in Alexandria.', want: ['EGYGOV 120 ∅ asserted'] },
  { text: 'Officials condemned Israel at a meeting in Alexandria.', want: [], not: ['EGYGOV 111 ISR'] },
  // praising the relationship with an actor
  { text: 'Egypt praised its relations with Israel.', want: ['EGY 051 ISR asserted'] },
  // "supporters of X", "allies of X": the plural head is matched by its lemma as well as its written form
  { text: 'Hundreds of supporters of Egypt condemned Israel.', want: ['EGY 111 ISR asserted'] },
  {
    text: 'Tens of thousands of officials throughout Egypt condemned Israel.',
    want: ['EGYGOV 111 ISR asserted'],
  },
]);

run('events: quotes', [
  {
    text: '"We will not expel US diplomats," Putin said.',
    want: ['RUSGOV 161 USAGOV negated'],
    not: ['RUSGOV 161 USAGOV asserted'],
  },
  { text: 'Putin said: "I will not expel US diplomats."', want: ['RUSGOV 161 USAGOV negated'] },
  { text: '"We expelled US diplomats," Russian officials said.', want: ['RUSGOV 161 USAGOV asserted'] },
  { text: '\u201cI will meet Putin next week,\u201d Trump said.', want: ['USAELI 040 RUSGOV intended'] },
]);

describe('events: records', () => {
  test('a quoted event carries the quote and its speaker; the source is the speaker', () => {
    const text = '"We will not expel US diplomats," Putin said.';
    const [e] = code(text);
    assert.ok(e);
    assert.ok(e.quote, 'has a quote');
    assert.equal(e.quote.speaker?.code, 'RUSGOV');
    assert.equal(e.quote.speaker?.name, 'Vladimir Putin');
    assert.ok(e.quote.start <= e.evidence[0]!.trigger.start && e.evidence[0]!.trigger.end <= e.quote.end);
  });
  test('duplicates within a story merge into one event with several evidence spans', () => {
    const text = 'Russia expelled US diplomats. Later, Russia expelled US diplomats again.';
    const events = code(text);
    const e = events.filter((x) => key(x) === 'RUS 161 USAGOV asserted');
    assert.equal(e.length, 1);
    assert.equal(e[0]!.evidence.length, 2);
    assert.notEqual(e[0]!.evidence[0]!.start, e[0]!.evidence[1]!.start);
  });
  test('the same action with different modalities stays two events', () => {
    const events = code('Russia did not expel US diplomats. Russia will expel US diplomats.');
    // (the announced expulsion is also a threat, 1313: see the stated-intention cases)
    assert.deepEqual(
      events
        .filter((e) => e.code === '161')
        .map(key)
        .sort(),
      ['RUS 161 USAGOV intended', 'RUS 161 USAGOV negated'],
    );
  });
  test('evidence carries the rule, the pattern and the dictionary entries that fired', () => {
    const text = 'The Obama administration imposed sanctions on Russia.';
    const [e] = code(text);
    assert.ok(e);
    const ev = e.evidence[0]!;
    assert.equal(text.slice(ev.start, ev.end), ev.text);
    assert.equal(text.slice(ev.trigger.start, ev.trigger.end), ev.trigger.text);
    assert.equal(ev.trigger.text, 'imposed');
    assert.match(
      ev.rule,
      /^verb:163 impose \{sanction\|embargo\} on=T against=T \(src\/coder\/fixtures\/verbs\/conflict\.txt:\d+\)/,
    );
    const entries = ev.entries ?? [];
    assert.ok(
      entries.some((x) => /fixtures\/verbs\/conflict\.txt:\d+$/.test(x)),
      'the verb pattern',
    );
    assert.ok(
      entries.some((x) => /fixtures\/agents\.txt:\d+$/.test(x)),
      'the agent "administration"',
    );
    assert.ok(
      entries.some((x) => /fixtures\/actors\/people\.txt:\d+$/.test(x)),
      'Obama',
    );
    assert.ok(
      entries.some((x) => /fixtures\/actors\/countries\.txt:\d+$/.test(x)),
      'Russia',
    );
    assert.equal(ev.sentence, 0);
  });
  test('a modality other than asserted says why in the rule', () => {
    const [e] = code('Putin refused to expel US diplomats.');
    assert.ok(e);
    assert.match(e.evidence[0]!.rule, /negated: .*refused/);
  });
  test('CAMEO facts come from the ontology', () => {
    const [e] = code('The Obama administration imposed sanctions on Russia.');
    assert.ok(e);
    assert.equal(e.root, '16');
    assert.equal(e.quad, 4);
    assert.ok(e.goldstein < 0);
  });
});

interface DateCase {
  text: string;
  /** event key → [date, dateSource, range end?] */
  want: Record<string, [string, 'text' | 'publication', string?]>;
  todo?: string;
}

const DATES: DateCase[] = [
  // a bare weekday in a past clause: the latest such day before publication (Friday 2016-12-30)
  {
    text: 'The Obama administration imposed sanctions on Russia on Thursday.',
    want: { 'USAGOV 163 RUS asserted': ['2016-12-29', 'text'] },
  },
  {
    text: 'On Thursday, the Obama administration imposed sanctions on Russia.',
    want: { 'USAGOV 163 RUS asserted': ['2016-12-29', 'text'] },
  },
  { text: 'Russia attacked Ukraine on Monday.', want: { 'RUS 190 UKR asserted': ['2016-12-26', 'text'] } },
  // a weekday in a future clause: the next such day
  {
    text: 'Russia will attack Ukraine on Thursday.',
    want: { 'RUS 190 UKR intended': ['2017-01-05', 'text'] },
  },
  // "next week" is a range; the event's date is its first day
  {
    text: 'Trump announced a meeting with Russian officials next week.',
    want: { 'USAELI 036 RUSGOV intended': ['2017-01-02', 'text', '2017-01-08'] },
  },
  {
    text: 'Trump will meet Russian officials next week.',
    want: { 'USAELI 040 RUSGOV intended': ['2017-01-02', 'text', '2017-01-08'] },
  },
  // no date in the clause: the publication date
  {
    text: 'Russia expelled US diplomats.',
    want: { 'RUS 161 USAGOV asserted': ['2016-12-30', 'publication'] },
  },
  // a date attached to another event word does not date the event
  {
    text: 'Russia criticized the United States over the sanctions announced on Thursday.',
    want: { 'RUS 111 USA asserted': ['2016-12-30', 'publication'] },
  },
  {
    text: 'Russia criticized the United States over the attack on Thursday.',
    want: { 'RUS 111 USA asserted': ['2016-12-30', 'publication'] },
  },
  // a sentence-initial date dates every event of the sentence
  {
    text: 'On Thursday, Russia expelled US diplomats and criticized the United States.',
    want: {
      'RUS 161 USAGOV asserted': ['2016-12-29', 'text'],
      'RUS 111 USA asserted': ['2016-12-29', 'text'],
    },
  },
  // a date after the last of two verbs sharing a subject dates both; a verb's own earlier date wins
  {
    text: 'Russia expelled US diplomats and attacked Ukraine on Thursday.',
    want: {
      'RUS 161 USAGOV asserted': ['2016-12-29', 'text'],
      'RUS 190 UKR asserted': ['2016-12-29', 'text'],
    },
  },
  {
    text: 'Russia expelled US diplomats on Monday and attacked Ukraine on Thursday.',
    want: {
      'RUS 161 USAGOV asserted': ['2016-12-26', 'text'],
      'RUS 190 UKR asserted': ['2016-12-29', 'text'],
    },
  },
  // the instrument is the same action: its date dates the verb
  {
    text: 'Russia attacked Ukraine with sanctions on Monday.',
    want: { 'RUS 190 UKR asserted': ['2016-12-26', 'text'] },
  },
  // the date of the speech act dates the speech, not the reported event
  {
    text: 'Putin said on Thursday that Russia would not expel US diplomats.',
    want: { 'RUS 161 USAGOV negated': ['2016-12-30', 'publication'] },
  },
];

describe('events: dates', () => {
  for (const c of DATES) {
    test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => {
      const events = code(c.text);
      for (const [k, [date, source, to]] of Object.entries(c.want)) {
        const e = events.find((x) => key(x) === k);
        assert.ok(e, `${k} among ${JSON.stringify(events.map(key))}`);
        assert.equal(e.date, date, `date of ${k}`);
        assert.equal(e.dateSource, source, `dateSource of ${k}`);
        if (to) assert.deepEqual(e.dateRange, [date, to]);
        else assert.equal(e.dateRange, undefined);
      }
    });
  }
});
