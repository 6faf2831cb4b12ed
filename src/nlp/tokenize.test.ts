/**
 * Table tests of the tokenizer (src/nlp/tokenize.ts): offsets round-trip, sentences, compounds, possessives,
 * abbreviations and normalisation. Every case states what correct English tokenisation must give.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Doc } from '../core/doc.ts';
import { normalise, tokenize } from './tokenize.ts';

const PUB = '2016-12-30';

function tok(text: string): Doc {
  const doc = new Doc(text, { id: 't', date: PUB });
  tokenize(doc);
  return doc;
}

const sentencesOf = (doc: Doc) => doc.sentences.map((s) => doc.span(s.start, s.end));
const textsOf = (doc: Doc) => doc.tokens.map((t) => t.text);

describe('tokenize: offsets round-trip', () => {
  const TEXTS = [
    'The Obama administration on Thursday imposed sanctions on Russia.',
    '  Leading spaces,\ttabs and   runs of spaces survive.  ',
    'Putin said: “We will not expel anyone.” Trump’s team said nothing.',
    'Russia\u2019s foreign ministry — not the Kremlin — spoke first.\n\nA second paragraph follows.',
    'U.S. officials met in St. Petersburg, Russia, on Dec. 29 at 10:30 a.m.',
    'Émigrés in Zürich protested; prices rose 3.5% (from $12.40).',
  ];
  for (const text of TEXTS) {
    test(JSON.stringify(text.slice(0, 40)), () => {
      const doc = tok(text);
      let prevEnd = 0;
      const covered = new Array<boolean>(text.length).fill(false);
      for (const t of doc.tokens) {
        assert.equal(t.text, text.slice(t.start, t.end), `token ${t.i} text equals its slice`);
        assert.ok(t.start >= prevEnd, `token ${t.i} starts after the previous token ends`);
        assert.ok(t.end > t.start, `token ${t.i} is not empty`);
        prevEnd = t.end;
        for (let k = t.start; k < t.end; k++) covered[k] = true;
      }
      for (let k = 0; k < text.length; k++)
        if (!/\s/.test(text[k]!))
          assert.ok(covered[k], `non-space char ${JSON.stringify(text[k])} at ${k} is in a token`);
      for (const [i, t] of doc.tokens.entries()) assert.equal(t.i, i);
      // sentences partition the tokens in order
      let next = 0;
      for (const s of doc.sentences) {
        assert.equal(s.tokStart, next);
        assert.ok(s.tokEnd > s.tokStart);
        for (let k = s.tokStart; k < s.tokEnd; k++) assert.equal(doc.tokens[k]!.sent, s.i);
        assert.equal(s.start, doc.tokens[s.tokStart]!.start);
        assert.equal(s.end, doc.tokens[s.tokEnd - 1]!.end);
        next = s.tokEnd;
      }
      assert.equal(next, doc.tokens.length);
    });
  }
});

interface SentCase {
  text: string;
  sentences: string[];
  todo?: string;
}

const SENTENCES: SentCase[] = [
  {
    text: 'Russia expelled 35 diplomats. The US responded on Friday.',
    sentences: ['Russia expelled 35 diplomats.', 'The US responded on Friday.'],
  },
  {
    text: 'Did Moscow respond? Nobody knows! Officials were silent.',
    sentences: ['Did Moscow respond?', 'Nobody knows!', 'Officials were silent.'],
  },
  // a line break ends a sentence even without punctuation (headlines, datelines)
  {
    text: 'Obama expels 35 Russian diplomats\nThe White House said on Thursday that it acted.',
    sentences: ['Obama expels 35 Russian diplomats', 'The White House said on Thursday that it acted.'],
  },
  {
    text: 'MOSCOW (Reuters)\n\nPutin spoke.',
    sentences: ['MOSCOW (Reuters)', 'Putin spoke.'],
  },
  // abbreviations do not end sentences
  {
    text: 'The talks in St. Petersburg ended. Mr. Putin left.',
    sentences: ['The talks in St. Petersburg ended.', 'Mr. Putin left.'],
  },
  {
    text: 'The U.S. State Department said Mr. Kerry would travel.',
    sentences: ['The U.S. State Department said Mr. Kerry would travel.'],
  },
  {
    text: 'Gen. Mattis met Dr. Smith on Dec. 29 in Washington.',
    sentences: ['Gen. Mattis met Dr. Smith on Dec. 29 in Washington.'],
  },
];

describe('tokenize: sentences', () => {
  for (const c of SENTENCES) {
    test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => {
      assert.deepEqual(sentencesOf(tok(c.text)), c.sentences);
    });
  }
});

interface TokCase {
  text: string;
  /** these surface strings must each be exactly one token */
  whole?: string[];
  /** these token sequences must appear, in order and adjacent */
  seq?: string[];
  todo?: string;
}

const TOKENS: TokCase[] = [
  // hyphenated compounds are one token
  { text: 'President-elect Trump spoke.', whole: ['President-elect'] },
  { text: 'Russian-American relations are poor.', whole: ['Russian-American'] },
  { text: 'The editor-in-chief of the magazine wrote.', whole: ['editor-in-chief'] },
  // attached possessives are split off the name
  { text: "Trump's team met.", seq: ['Trump', "'s", 'team'] },
  { text: 'Russia\u2019s two main intelligence services were hit.', seq: ['Russia', '\u2019s', 'two'] },
  { text: "The Kremlin's response came fast.", seq: ['Kremlin', "'s", 'response'] },
  // abbreviations keep their full stop
  { text: 'U.S. officials met in St. Petersburg.', whole: ['U.S.', 'St.', 'Petersburg'] },
  { text: 'Mr. Putin spoke.', whole: ['Mr.'] },
  // numbers are single tokens
  { text: 'Russia expelled 35 US diplomats.', whole: ['35', 'US'] },
];

describe('tokenize: tokens', () => {
  for (const c of TOKENS) {
    test(JSON.stringify(c.text), c.todo ? { todo: c.todo } : {}, () => {
      const texts = textsOf(tok(c.text));
      for (const w of c.whole ?? [])
        assert.ok(texts.includes(w), `"${w}" is one token in ${JSON.stringify(texts)}`);
      if (c.seq) {
        const at = texts.findIndex((_, k) => c.seq!.every((w, j) => texts[k + j] === w));
        assert.ok(at >= 0, `${JSON.stringify(c.seq)} in ${JSON.stringify(texts)}`);
      }
    });
  }
});

describe('tokenize: possessive and hyphen tags', () => {
  test("the split-off possessive is a PART with lemma 's; the name keeps its tag", () => {
    const doc = tok("Trump's team met.");
    assert.equal(doc.tokens[0]!.pos, 'PROPN');
    assert.equal(doc.tokens[1]!.pos, 'PART');
    assert.equal(doc.tokens[1]!.lemma, "'s");
  });
  test('a hyphenated compound before a noun is an adjective', () => {
    const doc = tok('Russian-American relations are poor.');
    assert.equal(doc.tokens[0]!.pos, 'ADJ');
  });
});

const NORMS: [string, string][] = [
  ['\u201cWe\u201d', '"we"'],
  ['Trump\u2019s', "trump's"],
  ['\u2018kitchen\u2019', "'kitchen'"],
  ['U.S.', 'u.s.'],
  ['`quoted', "'quoted"],
];

describe('normalise: lower case, curly quotes folded', () => {
  for (const [input, want] of NORMS) test(JSON.stringify(input), () => assert.equal(normalise(input), want));
  test('token norm folds curly quotes and keeps text exact', () => {
    const doc = tok('Putin said: \u201cNo.\u201d Trump\u2019s aides agreed.');
    const open = doc.tokens.find((t) => t.text === '\u201c')!;
    assert.equal(open.norm, '"');
    const close = doc.tokens.find((t) => t.text === '\u201d')!;
    assert.equal(close.norm, '"');
    const poss = doc.tokens.find((t) => t.text === '\u2019s')!;
    assert.equal(poss.norm, "'s");
  });
});

describe('tokenize: underscores joining words', () => {
  const CASES: [string, string[]][] = [
    // PETRARCH texts write names with "_": the underscore separates like a blank
    ['They met Lord_Varnova today.', ['They', 'met', 'Lord', 'Varnova', 'today', '.']],
    // a free-standing underscore stays
    ['a _ b', ['a', '_', 'b']],
  ];
  for (const [text, want] of CASES)
    test(JSON.stringify(text), () => assert.deepEqual(textsOf(tok(text)), want));
});
