/**
 * Table tests of the chunker (src/nlp/chunk.ts): noun phrases, time phrases, verb groups with their negation,
 * modal, tense, voice and form, and prepositional phrases. Text is tokenised and repaired first, as in the pipeline.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Chunk, Doc, type VerbGroupInfo } from '../core/doc.ts';
import { chunk } from './chunk.ts';
import { repairTags } from './repair.ts';
import { tokenize } from './tokenize.ts';

const PUB = '2016-12-30';
const LEX = {
  verbLemmas: new Set(['expel', 'bar', 'impose', 'sanction', 'meet', 'propose', 'draw', 'ignore']),
  nounLemmas: new Set(['sanction', 'expulsion', 'meeting']),
};

function chunked(text: string): Doc {
  const doc = new Doc(text, { id: 't', date: PUB });
  tokenize(doc);
  repairTags(doc, LEX);
  chunk(doc);
  return doc;
}

const spanOf = (doc: Doc, c: Chunk) => doc.tokSpan(c.start, c.end).text;
const find = (doc: Doc, type: Chunk['type'], text: string) =>
  doc.chunks.find((c) => c.type === type && spanOf(doc, c) === text);
const listOf = (doc: Doc, type: Chunk['type']) =>
  doc.chunks.filter((c) => c.type === type).map((c) => spanOf(doc, c));

interface NPCase {
  text: string;
  /** NP chunk text → its head word; time phrases are flagged */
  nps: Record<string, { head: string; time?: boolean }>;
  todo?: string;
}

const NPS: NPCase[] = [
  // a name after a weekday that a preposition dates starts its own phrase
  {
    text: 'On Monday Trump condemned the attack.',
    nps: { Monday: { head: 'Monday', time: true }, Trump: { head: 'Trump' } },
  },
  // a span of time before "after" measures when: it does not head the object before it
  {
    text: 'The miners called off their strike hours after the deal.',
    nps: { 'their strike': { head: 'strike' } },
  },
  // a proper-noun modifier after a quantity word stays in the phrase
  {
    text: 'The army destroyed several TTP terrorist camps.',
    nps: { 'several TTP terrorist camps': { head: 'camps' } },
  },
  // a plural possessive joins its noun phrase
  {
    text: "Militants raided a girls' boarding school.",
    nps: { "a girls' boarding school": { head: 'school' } },
  },
  { text: "The farmers' union protested.", nps: { "The farmers' union": { head: 'union' } } },
  // a quantity word before a number or "a dozen" belongs to the phrase; before an article it is a preposition
  { text: 'Police held about a dozen men.', nps: { 'about a dozen men': { head: 'men' } } },
  { text: 'Rebels killed more than 40 soldiers.', nps: { 'more than 40 soldiers': { head: 'soldiers' } } },
  { text: 'He spoke about the rising food prices.', nps: { 'the rising food prices': { head: 'prices' } } },
  { text: 'Troops crossed over the border.', nps: { 'the border': { head: 'border' } } },
  // a hyphenated measure stays inside its noun phrase
  {
    text: 'The activists began a 24-hour hunger strike.',
    nps: { 'a 24-hour hunger strike': { head: 'strike' } },
  },
  { text: 'The army declared a 30-day curfew.', nps: { 'a 30-day curfew': { head: 'curfew' } } },
  // coordinated adjectives stay with their noun
  {
    text: "Egypt's weary and angry minister spoke.",
    nps: { "Egypt's weary and angry minister": { head: 'minister' } },
  },
  { text: 'The US expelled 35 US diplomats.', nps: { '35 US diplomats': { head: 'diplomats' } } },
  {
    text: 'The Obama administration acted.',
    nps: { 'The Obama administration': { head: 'administration' } },
  },
  {
    text: "Russia's two main intelligence services were sanctioned.",
    nps: { "Russia's two main intelligence services": { head: 'services' } },
  },
  { text: 'Moscow will bar US diplomatic staff.', nps: { 'US diplomatic staff': { head: 'staff' } } },
  { text: "President-elect Trump's team met.", nps: { "President-elect Trump's team": { head: 'team' } } },
  // time phrases are NPs marked as time (never arguments)
  {
    text: 'Trump will meet intelligence officials next week.',
    nps: { 'next week': { head: 'week', time: true } },
  },
  { text: 'The US imposed sanctions on Thursday.', nps: { Thursday: { head: 'Thursday', time: true } } },
  { text: 'Officials met last month.', nps: { 'last month': { head: 'month', time: true } } },
  { text: 'The talks will resume in January.', nps: { January: { head: 'January', time: true } } },
  // a time phrase after a name is its own NP, not part of the name's NP
  {
    text: 'The United States will meet Russia next week.',
    nps: { Russia: { head: 'Russia' }, 'next week': { head: 'week', time: true } },
  },
  {
    text: 'Trump said he would meet Putin next week.',
    nps: { Putin: { head: 'Putin' }, 'next week': { head: 'week', time: true } },
  },
];

describe('chunk: noun phrases', () => {
  for (const c of NPS) {
    test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => {
      const doc = chunked(c.text);
      for (const [text, want] of Object.entries(c.nps)) {
        const np = find(doc, 'NP', text);
        assert.ok(np && np.type === 'NP', `NP "${text}" in ${JSON.stringify(listOf(doc, 'NP'))}`);
        assert.equal(doc.tokens[np.head]!.text, want.head, `head of "${text}"`);
        assert.equal(
          np.time === true,
          want.time === true,
          `"${text}" ${want.time ? 'is' : 'is not'} a time phrase`,
        );
      }
    });
  }
});

interface VGCase {
  text: string;
  vg: string;
  want: Partial<VerbGroupInfo>;
  todo?: string;
}

const VGS: VGCase[] = [
  // a negation before an infinitive's "to" belongs to its group
  {
    text: 'Russia vowed not to expel US diplomats.',
    vg: 'not to expel',
    want: { lemma: 'expel', negated: true, form: 'infinitive', tense: 'nonfinite' },
  },
  {
    text: 'Russia decided never to meet Ukraine.',
    vg: 'never to meet',
    want: { lemma: 'meet', negated: true, form: 'infinitive' },
  },
  {
    text: 'Russia will not expel US diplomats.',
    vg: 'will not expel',
    want: { lemma: 'expel', negated: true, modal: 'will', tense: 'future', voice: 'active', form: 'finite' },
  },
  {
    text: "Russia won't expel US diplomats.",
    vg: "wo n't expel",
    want: { lemma: 'expel', negated: true, modal: 'will', tense: 'future' },
  },
  {
    text: 'Lavrov had proposed the expulsion.',
    vg: 'had proposed',
    want: { lemma: 'propose', negated: false, tense: 'past', voice: 'active', form: 'finite' },
  },
  {
    text: 'These claims can be ignored.',
    vg: 'can be ignored',
    want: { lemma: 'ignore', modal: 'can', voice: 'passive', form: 'finite', tense: 'present' },
  },
  {
    text: 'Putin refused to be drawn into a fight.',
    vg: 'to be drawn',
    want: { lemma: 'draw', voice: 'passive', form: 'infinitive', tense: 'nonfinite' },
  },
  {
    text: 'Moscow responded by expelling 35 diplomats.',
    vg: 'expelling',
    want: { lemma: 'expel', form: 'gerund', tense: 'nonfinite', voice: 'active' },
  },
  {
    text: 'Russia was sanctioned by the United States.',
    vg: 'was sanctioned',
    want: { lemma: 'sanction', voice: 'passive', tense: 'past' },
  },
  {
    text: 'The US expelled 35 diplomats.',
    vg: 'expelled',
    want: { lemma: 'expel', voice: 'active', tense: 'past', form: 'finite', negated: false },
  },
  {
    text: 'The US did not expel anyone.',
    vg: 'did not expel',
    want: { lemma: 'expel', negated: true, tense: 'past', voice: 'active' },
  },
  {
    text: 'Russia never expelled anyone.',
    vg: 'never expelled',
    want: { lemma: 'expel', negated: true, tense: 'past' },
  },
  { text: 'Russia could expel diplomats.', vg: 'could expel', want: { modal: 'could', negated: false } },
  {
    text: 'The diplomats have been expelled.',
    vg: 'have been expelled',
    want: { lemma: 'expel', voice: 'passive', tense: 'past' },
  },
  {
    text: 'Russia plans to expel diplomats.',
    vg: 'to expel',
    want: { lemma: 'expel', form: 'infinitive', tense: 'nonfinite' },
  },
  {
    text: 'The US imposes sanctions.',
    vg: 'imposes',
    want: { lemma: 'impose', tense: 'present', voice: 'active' },
  },
];

describe('chunk: verb groups', () => {
  for (const c of VGS) {
    test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => {
      const doc = chunked(c.text);
      const vg = doc.chunks.find(
        (k) =>
          k.type === 'VG' &&
          doc.tokens
            .slice(k.start, k.end)
            .map((t) => t.text)
            .join(' ') === c.vg,
      );
      assert.ok(vg && vg.type === 'VG', `VG "${c.vg}" in ${JSON.stringify(listOf(doc, 'VG'))}`);
      for (const [k, v] of Object.entries(c.want))
        assert.equal(vg.verb[k as keyof VerbGroupInfo], v, `${k} of "${c.vg}"`);
    });
  }
  test('a verb group with no modal has no modal field', () => {
    const doc = chunked('The US expelled 35 diplomats.');
    const vg = doc.chunks.find((k) => k.type === 'VG');
    assert.ok(vg && vg.type === 'VG');
    assert.equal(vg.verb.modal, undefined);
  });
  test('auxiliaries, negation and modals are listed in aux; the main verb is the head', () => {
    const doc = chunked('Russia will not expel US diplomats.');
    const vg = doc.chunks.find((k) => k.type === 'VG');
    assert.ok(vg && vg.type === 'VG');
    assert.deepEqual(
      vg.verb.aux.map((i) => doc.tokens[i]!.text),
      ['will', 'not'],
    );
    assert.equal(doc.tokens[vg.head]!.text, 'expel');
  });
});

interface PPCase {
  text: string;
  /** PP chunk texts with the text of the NP they contain */
  pps: [string, string][];
  todo?: string;
}

const PPS: PPCase[] = [
  { text: 'The US imposed sanctions on Russia.', pps: [['on Russia', 'Russia']] },
  {
    text: 'Russia was sanctioned by the United States.',
    pps: [['by the United States', 'the United States']],
  },
  {
    text: 'Trump announced a meeting with intelligence officials.',
    pps: [['with intelligence officials', 'intelligence officials']],
  },
  {
    text: 'Putin invited the children of US diplomats to the Kremlin.',
    pps: [
      ['of US diplomats', 'US diplomats'],
      ['to the Kremlin', 'the Kremlin'],
    ],
  },
  { text: 'The US acted on Thursday.', pps: [['on Thursday', 'Thursday']] },
];

describe('chunk: prepositional phrases', () => {
  for (const c of PPS) {
    test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => {
      const doc = chunked(c.text);
      for (const [pp, np] of c.pps) {
        const p = find(doc, 'PP', pp);
        assert.ok(p && p.type === 'PP', `PP "${pp}" in ${JSON.stringify(listOf(doc, 'PP'))}`);
        const inner = doc.chunks[p.np]!;
        assert.equal(inner.type, 'NP');
        assert.equal(spanOf(doc, inner), np);
        assert.equal(doc.tokens[p.prep]!.text, pp.split(' ')[0]);
      }
    });
  }
  test('no PP after a subordinating "that" or "if"', () => {
    const doc = chunked('Putin said that Russia would respond if Washington acted.');
    assert.deepEqual(listOf(doc, 'PP'), []);
  });
  test('chunks are in text order and never cross a sentence', () => {
    const doc = chunked('The US imposed sanctions on Russia. Moscow responded on Friday.');
    let prev = -1;
    for (const c of doc.chunks) {
      assert.ok(c.start >= prev || c.type === 'PP', 'text order');
      if (c.type !== 'PP') prev = c.start;
      assert.equal(doc.tokens[c.start]!.sent, doc.tokens[c.end - 1]!.sent);
    }
  });
});
