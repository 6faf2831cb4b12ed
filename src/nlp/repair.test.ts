/**
 * Table tests of the tagger repairs (src/nlp/repair.ts). Each case may first force the tagger's output for a word
 * (`tagger`) so that the case tests the repair rule itself, whatever the wink model does on that sentence; then it
 * states the part of speech English grammar gives the word and, for repaired words, the rule that must be recorded.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Doc, type Pos } from '../core/doc.ts';
import { TokenTrie } from '../lexicon/compiled.ts';
import { repairTags } from './repair.ts';
import { tokenize } from './tokenize.ts';

const PUB = '2016-12-30';

/** names of several words, as the compiled lexicon's tries find them */
const NAMES = new TokenTrie<string>();
NAMES.add(['Human', 'Rights', 'Watch'], 'org', false);
NAMES.add(['Ministry', 'of', 'Fair', 'Trade'], 'agent', false);
NAMES.add(['Central', 'Asian', 'Union'], 'igo', false);
NAMES.add(['Polish'], 'country', false);
NAMES.add(['Downing', 'Street'], 'metonym', false);
/** role nouns; titles may stand before a name */
const AGENTS = new TokenTrie<{ title?: boolean }>();
AGENTS.add(['premier'], { title: true }, false);
AGENTS.add(['forces'], { title: false }, false);
NAMES.add(['Chase'], 'person', false);

/** a small lexicon: the heads of verb and noun patterns, as a compiled lexicon would list them */
const LEX = {
  verbLemmas: new Set([
    'expel',
    'bar',
    'impose',
    'sanction',
    'meet',
    'attack',
    'close',
    'condemn',
    'stage',
    'wage',
    'lay',
    'give',
    'call',
    'shoot',
    'close',
  ]),
  nounLemmas: new Set(['sanction', 'expulsion', 'meeting', 'attack']),
  actors: NAMES,
  agents: AGENTS,
};

interface Case {
  text: string;
  /** word → POS the tagger is made to give before repair (simulates the tagger error) */
  tagger?: Record<string, Pos>;
  /** word → [POS after repair, rule recorded (true: any rule; null: the tag must not be changed by a rule)] */
  want: Record<string, [Pos, string | true | null]>;
  todo?: string;
}

const CASES: Case[] = [
  // a past form right after a weekday, before a phrase, is the verb
  {
    text: 'Russia on Sunday expelled a Lebanese diplomat.',
    tagger: { expelled: 'ADJ' },
    want: { expelled: ['VERB', 'verb-after-time-word'] },
  },
  // "hand over" after a name is the verb; a participle between an -ly adverb and a noun after a preposition or a
  // determiner describes the noun, but not after a subject
  {
    text: 'Germany and UNICEF hand over 30 vehicles.',
    tagger: { hand: 'NOUN' },
    want: { hand: ['VERB', 'phrasal-hand-over'] },
  },
  {
    text: 'The EU handed over urgently needed medical supplies.',
    tagger: { needed: 'VERB' },
    want: { needed: ['ADJ', 'participle-after-adverb'] },
  },
  {
    text: 'The army reportedly killed civilians.',
    want: { killed: ['VERB', null] },
  },
  // an -ing word between a plural possessive and its noun describes the noun
  {
    text: "Militants raided a girls' boarding school.",
    tagger: { boarding: 'VERB' },
    want: { boarding: ['ADJ', 'modifier-after-plural-possessive'] },
  },
  // an "-en" participle between a conjunction and a noun modifies the noun; after an auxiliary it stays a verb
  {
    text: 'China banned imports of citrus fruit and frozen fish.',
    tagger: { frozen: 'VERB' },
    want: { frozen: ['ADJ', 'participle-modifier-after-conjunction'] },
  },
  {
    text: 'The militants had beaten guards and taken prisoners.',
    tagger: { taken: 'VERB' },
    want: { taken: ['VERB', null] },
  },
  // a "verb" coordinated with an adjective before a noun
  {
    text: 'Its weary and cool envoy spoke.',
    tagger: { cool: 'VERB' },
    want: { cool: ['ADJ', 'adjective-coordinated-with-adjective'] },
  },
  // an "adjective" between a noun and an auxiliary heads the subject
  {
    text: 'The casualty total has risen again.',
    tagger: { total: 'ADJ' },
    want: { total: ['NOUN', 'noun-before-auxiliary'] },
  },
  {
    text: 'The army was ready.',
    want: { ready: ['ADJ', null] },
  },
  // a capitalised word inside a dictionary name is not a verb
  {
    text: 'Human Rights Watch condemned the attack.',
    tagger: { Watch: 'VERB' },
    want: { Watch: ['PROPN', 'word-of-a-name'], condemned: ['VERB', null] },
  },
  {
    text: 'The Ministry of Fair Trade condemned the attack.',
    tagger: { Trade: 'VERB' },
    want: { Trade: ['PROPN', 'word-of-a-name'] },
  },
  {
    text: 'Russia and the Central Asian Union agree.',
    tagger: { Central: 'ADJ', Asian: 'ADJ' },
    want: { Central: ['PROPN', 'word-of-a-name'], Asian: ['PROPN', 'word-of-a-name'] },
  },
  // "part" before "of" after a verb is the object noun
  {
    text: 'Russia suspended part of its aid to Egypt.',
    tagger: { part: 'ADV' },
    want: { part: ['NOUN', 'part-of'] },
  },
  {
    text: 'Egypt agreed in part of the talks.',
    tagger: { part: 'ADV' },
    want: { part: ['ADV', null] },
  },
  // a participle of suspicion before a noun describes it
  {
    text: 'Egypt extradited suspected Russian spies to Russia.',
    tagger: { suspected: 'VERB' },
    want: { suspected: ['ADJ', 'participle-of-suspicion'] },
  },
  {
    text: 'Police arrested two alleged smugglers.',
    tagger: { alleged: 'VERB' },
    want: { alleged: ['ADJ', 'participle-of-suspicion'] },
  },
  // … but after its subject or an auxiliary it is the verb
  {
    text: 'Egypt has accused Israeli troops of the attack.',
    tagger: { accused: 'VERB' },
    want: { accused: ['VERB', null] },
  },
  {
    text: 'They suspected Russian hackers.',
    tagger: { suspected: 'VERB' },
    want: { suspected: ['VERB', null] },
  },
  // a one-word name or nationality inside the sentence is no verb either
  {
    text: 'Egypt is opposed to Polish mediation.',
    tagger: { Polish: 'VERB' },
    want: { Polish: ['PROPN', 'one-word-name'] },
  },
  // … but a sentence's first word may be a verb
  {
    text: 'Chase the rebels out, the minister said.',
    tagger: { Chase: 'VERB' },
    want: { Chase: ['VERB', null] },
  },
  // … a lower-case one may be
  {
    text: 'Rights watch the attack.',
    tagger: { watch: 'VERB' },
    want: { watch: ['VERB', null] },
  },
  // a present verb after coordinated names, tagged as an adjective before a determiner
  {
    text: 'Russia and Ukraine condemn the attack.',
    tagger: { condemn: 'ADJ' },
    want: { condemn: ['VERB', 'verb-after-clause-subject'] },
  },
  {
    text: 'Russia, Egypt and Ukraine condemn the attack.',
    tagger: { condemn: 'NOUN' },
    want: { condemn: ['VERB', 'verb-after-clause-subject'] },
  },
  {
    text: 'Police used tear gas on the crowd.',
    tagger: { tear: 'VERB' },
    want: { tear: ['NOUN', 'tear-gas'] },
  },
  // a capitalised "verb" ending a run of capitalised words before the clause's verb is part of a name (two repair
  // rules know it: a word of a dictionary name, a capitalised word before the verb)
  {
    text: 'Human Rights Watch called for sanctions.',
    tagger: { Watch: 'VERB' },
    want: { Watch: ['PROPN', true] },
  },
  {
    text: 'Rights groups watch the trial closely.',
    tagger: { watch: 'VERB' },
    want: { watch: ['VERB', null] },
  },
  // a describing participle before a noun is an adjective; after an auxiliary or "of" it stays the verb
  {
    text: "Ali Salem, Egypt's leading rights lawyer, was arrested.",
    tagger: { leading: 'VERB' },
    want: { leading: ['ADJ', 'describing-participle'] },
  },
  {
    text: 'Egypt is leading talks between the two sides.',
    tagger: { leading: 'VERB' },
    want: { leading: ['VERB', null] },
  },
  {
    text: 'The convoy brought food to starving civilians.',
    tagger: { starving: 'VERB' },
    want: { starving: ['ADJ', 'describing-participle'] },
  },
  {
    text: 'Aid workers rushed to feed starving children.',
    tagger: { starving: 'VERB' },
    want: { starving: ['ADJ', 'describing-participle'] },
  },
  {
    text: 'The army is starving the city.',
    tagger: { starving: 'VERB' },
    want: { starving: ['VERB', null] },
  },
  {
    text: 'They accused the army of starving civilians.',
    tagger: { starving: 'VERB' },
    want: { starving: ['VERB', null] },
  },
  // "sanctions" after a determiner, "to", a possessive or a name is the noun
  {
    text: 'The sanctions hurt Russia.',
    tagger: { sanctions: 'VERB' },
    want: { sanctions: ['NOUN', 'event-noun-not-verb'] },
  },
  {
    text: 'Russia responded to sanctions imposed by Washington.',
    tagger: { sanctions: 'VERB' },
    want: { sanctions: ['NOUN', 'event-noun-not-verb'], imposed: ['VERB', null] },
  },
  {
    text: 'US sanctions on Russia took effect.',
    tagger: { sanctions: 'VERB' },
    want: { sanctions: ['NOUN', 'event-noun-not-verb'] },
  },
  {
    text: 'The EU said its sanctions would stay.',
    tagger: { sanctions: 'VERB' },
    want: { sanctions: ['NOUN', 'event-noun-not-verb'] },
  },
  {
    text: "Washington's sanctions angered Moscow.",
    tagger: { sanctions: 'VERB' },
    want: { sanctions: ['NOUN', 'event-noun-not-verb'] },
  },
  {
    text: 'New sanctions were announced.',
    tagger: { sanctions: 'VERB' },
    want: { sanctions: ['NOUN', 'event-noun-not-verb'] },
  },
  // …but a finite verb between two names stays a verb
  {
    text: 'Washington sanctions Moscow.',
    tagger: { sanctions: 'VERB' },
    want: { sanctions: ['VERB', null] },
  },
  { text: 'The US will sanction Russia.', want: { sanction: ['VERB', null] } },
  // the tagger's own mistake on a present-tense verb: "Obama sanctions Russia" is subject–verb–object
  {
    text: 'Obama sanctions Russia.',
    want: { sanctions: ['VERB', true] },
  },
  // a title read as an adjective before a name; a name's first word read as a verb inside the sentence
  {
    text: 'May held talks with the Irish premier Leo Varadkar.',
    tagger: { premier: 'ADJ' },
    want: { premier: ['NOUN', 'title-before-name'] },
  },
  {
    text: 'She met him at Downing Street.',
    tagger: { Downing: 'VERB' },
    want: { Downing: ['PROPN', 'word-of-a-name'] },
  },
  // a role noun before a past form the tagger read as a noun: the past form is the verb
  {
    text: 'Ukrainian forces shot down 15 Russian drones overnight.',
    tagger: { shot: 'NOUN' },
    want: { shot: ['VERB', 'verb-after-role-noun'] },
  },
  // a bare verb read as an adjective after a modal, before its object
  {
    text: 'Poland will close its border with Belarus.',
    tagger: { close: 'ADJ' },
    want: { close: ['VERB', 'verb-after-modal'] },
  },
  // …not an adjective after a copula's modal: "will be close", and not before a noun phrase's noun
  { text: 'The vote will be close.', want: { close: ['ADJ', null] } },
  // headlines: a subject with its modifier, a preposition after the verb, a coordinated subject with the bare form
  { text: 'U.S. military gives medical equipment to Nicaragua.', want: { gives: ['VERB', true] } },
  { text: 'China and Russia call on US to lift sanctions against Iran.', want: { call: ['VERB', true] } },
  // …not a noun of a sentence that has its own finite verb
  { text: 'China and Russia call it a day, officials said.', want: { call: ['NOUN', null] } },
  // "-ing" after a preposition is a verb, with its object after it
  {
    text: 'Moscow responded by expelling 35 diplomats.',
    tagger: { expelling: 'NOUN' },
    want: { expelling: ['VERB', 'gerund-after-preposition'] },
  },
  {
    text: 'They talked about expelling them.',
    tagger: { expelling: 'NOUN' },
    want: { expelling: ['VERB', 'gerund-after-preposition'] },
  },
  {
    text: 'The government, expelling 35 diplomats, said it acted.',
    tagger: { expelling: 'NOUN' },
    want: { expelling: ['VERB', 'gerund-after-preposition'] },
  },
  // an "-ing" noun with no object after it stays a noun
  { text: 'It was a meeting of minds.', want: { meeting: ['NOUN', null] } },
  // a gerund object of a verb: "proposed expelling 35 US diplomats"
  {
    text: 'The Kremlin proposed expelling 35 US diplomats.',
    want: { expelling: ['VERB', true] },
  },
  // a bare verb coordinated with an earlier verb
  {
    text: 'Moscow responded by expelling 35 diplomats and bar US diplomatic staff from two compounds.',
    tagger: { expelling: 'NOUN', bar: 'NOUN' },
    want: { expelling: ['VERB', 'gerund-after-preposition'], bar: ['VERB', 'coordinated-bare-verb'] },
  },
  {
    text: 'Russia will expel diplomats and bar US staff.',
    tagger: { bar: 'NOUN' },
    want: { bar: ['VERB', 'coordinated-bare-verb'] },
  },
  // no earlier verb: "and bar" is not coordinated with anything
  { text: 'Diplomats and bar staff left.', tagger: { bar: 'NOUN' }, want: { bar: ['NOUN', null] } },
];

function run(c: Case): Doc {
  const doc = new Doc(c.text, { id: 't', date: PUB });
  tokenize(doc);
  for (const [w, pos] of Object.entries(c.tagger ?? {})) {
    const t = doc.tokens.find((x) => x.text === w);
    assert.ok(t, `"${w}" is a token`);
    t.pos = pos;
  }
  repairTags(doc, LEX);
  return doc;
}

describe('repair: tags that matter for coding', () => {
  for (const c of CASES) {
    test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => {
      const doc = run(c);
      for (const [w, [pos, rule]] of Object.entries(c.want)) {
        const t = doc.tokens.find((x) => x.text === w);
        assert.ok(t, `"${w}" is a token`);
        assert.equal(t.pos, pos, `"${w}" is ${pos}`);
        if (rule === true) assert.ok(t.repaired, `"${w}" records a rule`);
        else if (rule) assert.equal(t.repaired, rule, `"${w}" records the rule`);
        else assert.equal(t.repaired, undefined, `"${w}" is not changed by a rule`);
      }
    });
  }
});

describe('repair: a repaired token gets the lemma of its new part of speech', () => {
  const LEMMAS: [string, Record<string, Pos>, string, string][] = [
    ['The sanctions hurt Russia.', { sanctions: 'VERB' }, 'sanctions', 'sanction'],
    ['Moscow responded by expelling 35 diplomats.', { expelling: 'NOUN' }, 'expelling', 'expel'],
    ['Russia will expel diplomats and bar US staff.', { bar: 'NOUN' }, 'bar', 'bar'],
    // a silent e dropped before -ed/-ing: stage, not stag; wage, not wag
    ['Students staged a protest.', { staged: 'VERB' }, 'staged', 'stage'],
    ['The rebels are waging a war.', { waging: 'VERB' }, 'waging', 'wage'],
    // "lay" with an object (after a particle) is lay, not the past of lie
    ['The rebels will lay down their arms.', { lay: 'VERB' }, 'lay', 'lay'],
    ['The wounded man lay on the road.', { lay: 'VERB' }, 'lay', 'lie'],
  ];
  for (const [text, tagger, word, lemma] of LEMMAS) {
    test(`${word} → ${lemma}`, () => {
      const doc = run({ text, tagger, want: {} });
      assert.equal(doc.tokens.find((t) => t.text === word)!.lemma, lemma);
    });
  }
});
