import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import type { CommandIO } from '../cli/command.ts';
import type { EventRecord } from '../core/types.ts';
import {
  type CoderLike,
  charSpanToTokens,
  chooseEvent,
  classOfEvents,
  detokenize,
  readClassTsv,
  readSpanFile,
  run,
  targetPhrase,
} from './confli.ts';

/** A minimal event for tests: source/target located by their text in the sentence. */
export function fakeEvent(
  text: string,
  o: {
    root: string;
    src?: string;
    tgt?: string;
    modality?: EventRecord['modality'];
    confidence?: number;
    plover?: string;
  },
): EventRecord {
  const actor = (s: string | undefined) => {
    if (!s) return null;
    const start = text.indexOf(s);
    return {
      text: s,
      start,
      end: start + s.length,
      code: s.slice(0, 3).toUpperCase(),
      country: null,
      types: [],
    };
  };
  return {
    id: 'e',
    doc: 'd',
    sentence: 0,
    date: '2019-06-01',
    dateSource: 'publication',
    source: actor(o.src),
    target: actor(o.tgt),
    code: `${o.root}0`,
    root: o.root,
    goldstein: 0,
    quad: 1,
    plover: { event: o.plover ?? 'AGREE' },
    modality: o.modality ?? 'asserted',
    evidence: [
      { start: 0, end: text.length, text, trigger: { start: 0, end: 1, text: text[0] ?? '' }, rule: 'test' },
    ],
    confidence: o.confidence ?? 0.5,
  };
}

/** A coder that answers from a table keyed by a word of the sentence. */
export function tableCoder(rules: [RegExp, (text: string) => EventRecord[]][]): CoderLike {
  return {
    code: ({ text }) => {
      for (const [re, make] of rules) if (re.test(text)) return { ok: true, value: { events: make(text) } };
      return { ok: true, value: { events: [] } };
    },
  };
}

export function captureIO(): { io: CommandIO; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c) => {
    o += c;
  });
  stderr.on('data', (c) => {
    e += c;
  });
  return { io: { stdout, stderr, stdin: new PassThrough(), isTTY: false }, out: () => o, err: () => e };
}

const CLASS_SNIPPET = [
  'Iraqi troops attacked the rebels near Mosul.\t4',
  'The minister said the talks were useful.\t0',
  '',
  'Japan praised the agreement.\t1',
].join('\n');

const SPAN_SNIPPET = [
  'Iraqi B-S',
  'troops I-S',
  'attacked O',
  'the B-T',
  'rebels I-T',
  '. O',
  '',
  'Japan B-S',
  "'s O",
  'envoy O',
  'met O',
  'Kim B-R',
  '. O',
  '',
].join('\n');

describe('readers', () => {
  it('reads the class TSV', () => {
    const items = readClassTsv(CLASS_SNIPPET);
    assert.deepEqual(
      items.map((i) => [i.line, i.label]),
      [
        [1, 4],
        [2, 0],
        [4, 1],
      ],
    );
    assert.equal(items[0]!.text, 'Iraqi troops attacked the rebels near Mosul.');
  });
  it('rejects a bad class line with its line number', () => {
    assert.throws(
      () => readClassTsv('ok sentence\t1\nno class here\n', 'f.tsv'),
      (e: Error & { code?: string }) => e.code === 'E_EVAL_FORMAT' && /f\.tsv:2/.test(e.message),
    );
    assert.throws(() => readClassTsv('sentence\t7\n'), /class 0-4/);
  });
  it('reads the BIO span file', () => {
    const items = readSpanFile(SPAN_SNIPPET);
    assert.equal(items.length, 2);
    assert.deepEqual(items[0]!.tags, ['B-S', 'I-S', 'O', 'B-T', 'I-T', 'O']);
    assert.deepEqual(items[1]!.tokens, ['Japan', "'s", 'envoy', 'met', 'Kim', '.']);
  });
  it('rejects an unknown tag', () => {
    assert.throws(() => readSpanFile('word B-X\n'), /BIO tag/);
  });
});

describe('detokenize', () => {
  it('joins tokens and keeps offsets that round-trip', () => {
    const toks = ['The', 'Croatian', 'government', "'s", 'request', '(', 'INA', ')', ',', 'he', 'said', '.'];
    const { text, offsets } = detokenize(toks);
    assert.equal(text, "The Croatian government's request (INA), he said.");
    toks.forEach((t, i) => {
      assert.equal(text.slice(offsets[i]!.start, offsets[i]!.end), t);
    });
  });
  it('writes split hyphenated words and decimals as one word, spaced dashes as dashes', () => {
    const cases: [string[], string][] = [
      [['the', 'rebel', '-', 'held', 'enclave'], 'the rebel-held enclave'],
      [['$', '5', '.', '3', 'million'], '$5.3 million'],
      [['Washington', '-', '-', 'something'], 'Washington - - something'],
      [['war', '.', '5', 'died'], 'war. 5 died'],
      [['-', 'held'], '- held'],
      [['Around', '77', ',', '000', 'Nigerians'], 'Around 77,000 Nigerians'],
      [['in', '2019', ',', 'Iran'], 'in 2019, Iran'],
      [['Sri', 'Lanka', '’', 's', 'police'], 'Sri Lanka’s police'],
    ];
    for (const [toks, want] of cases) {
      const { text, offsets } = detokenize(toks);
      assert.equal(text, want);
      for (const [i, t] of toks.entries()) assert.equal(text.slice(offsets[i]!.start, offsets[i]!.end), t);
    }
  });
  it('maps character spans to token spans', () => {
    const { offsets } = detokenize(['Iraqi', 'troops', 'attacked', 'the', 'rebels']);
    assert.deepEqual(charSpanToTokens(offsets, { start: 0, end: 12 }), { start: 0, end: 2 });
    assert.deepEqual(charSpanToTokens(offsets, { start: 8, end: 10 }), { start: 1, end: 2 });
    assert.equal(charSpanToTokens(offsets, { start: 100, end: 101 }), null);
  });
});

describe('choosing the event of a sentence', () => {
  const t = 'A said B hit C.';
  it('prefers asserted events, then confidence', () => {
    const events = [
      fakeEvent(t, { root: '19', modality: 'hypothetical', confidence: 0.99 }),
      fakeEvent(t, { root: '01', confidence: 0.4 }),
      fakeEvent(t, { root: '18', confidence: 0.8 }),
    ];
    assert.equal(chooseEvent(events)?.root, '18');
    assert.equal(classOfEvents(events), 4);
  });
  it('no event is a statement', () => {
    assert.equal(classOfEvents([]), 0);
    assert.equal(classOfEvents([fakeEvent(t, { root: '11', modality: 'negated' })]), 3);
  });
});

describe('riposte eval confli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'riposte-confli-'));
  const classFile = join(dir, 'c.tsv');
  const spanFile = join(dir, 's.txt');
  writeFileSync(classFile, CLASS_SNIPPET);
  writeFileSync(spanFile, SPAN_SNIPPET);
  const coder = tableCoder([
    [/attacked/, (text) => [fakeEvent(text, { root: '19', src: 'Iraqi troops', tgt: 'rebels' })]],
    [/praised/, (text) => [fakeEvent(text, { root: '05', src: 'Japan' })]],
    [/met/, (text) => [fakeEvent(text, { root: '04', src: "Japan's envoy", tgt: 'Kim' })]],
  ]);

  it('scores both files and prints a report', async () => {
    const c = captureIO();
    const code = await run(['--class', classFile, '--spans', spanFile], c.io, { coder });
    assert.equal(code, 0, c.err());
    assert.match(c.out(), /accuracy 1\.000/);
    assert.match(c.out(), /ConfliBERT spans: 2 sentences/);
  });

  it('prints JSON with the known figures', async () => {
    const c = captureIO();
    await run(['--class', classFile, '--spans', spanFile, '--json'], c.io, { coder });
    const j = JSON.parse(c.out());
    assert.equal(j.class.accuracy, 1);
    assert.equal(j.class.n, 3);
    // source: sentence 1 exact hit; sentence 2 gold "Japan" vs predicted "Japan 's envoy" → partial only (IoU 1/3)
    assert.deepEqual(
      [j.spans.source.partial.tp, j.spans.source.strict.tp, j.spans.source.exact.tp],
      [2, 1, 1],
    );
    // target: gold "the rebels" vs "rebels" → IoU 1/2 strict hit, not exact; "Kim" is R (other), so a false positive
    assert.deepEqual(
      [j.spans.target.strict.tp, j.spans.target.strict.fp, j.spans.target.exact.tp],
      [1, 1, 0],
    );
  });

  it('lists the strict span misses with --errors', async () => {
    const c = captureIO();
    await run(['--spans', spanFile, '--errors', '10'], c.io, { coder });
    // sentence 2: gold source "Japan" vs "Japan 's envoy" (IoU 1/3); the target "Kim" is no gold target
    assert.match(c.out(), /✗ line \d+ source: "Japan" → "Japan 's envoy" \[040\]/);
    assert.match(c.out(), /✗ line \d+ target: \(none\) → "Kim"/);
    assert.doesNotMatch(c.out(), /✗ line 1 source/);
    const quiet = captureIO();
    await run(['--spans', spanFile], quiet.io, { coder });
    assert.doesNotMatch(quiet.out(), /strict misses/);
  });

  it('fails a gate with exit 1', async () => {
    const c = captureIO();
    const code = await run(['--spans', spanFile, '--min-target-f1', '0.9'], c.io, { coder });
    assert.equal(code, 1);
    assert.match(c.err(), /gate target-f1 \(strict\): 0\.667 < 0\.9/);
  });

  it('reports an unreadable file as E_INPUT_READ', async () => {
    await assert.rejects(
      run(['--class', join(dir, 'absent.tsv')], captureIO().io, { coder }),
      /cannot read input file/,
    );
  });

  const real = '../shared/eval/dev/confliBERT';
  it('reads the real dev files when present', { skip: !existsSync(real) && `${real} absent` }, () => {
    const cls = readClassTsv(readFileSync(join(real, 'cameo_class.train.tsv'), 'utf8'));
    const spans = readSpanFile(readFileSync(join(real, 'cameo_ner.train.txt'), 'utf8'));
    assert.ok(cls.length > 1000);
    assert.ok(spans.length > 1000);
    assert.ok(spans.every((s) => s.tokens.length === s.tags.length));
  });
});

describe('the phrase scored as the target', () => {
  const t = 'Israel attacked the Syrian army and its ally Hezbollah.';
  const e = fakeEvent(t, { root: '19', src: 'Israel', tgt: 'the Syrian army' });
  it('is the object when it holds the target actor and is longer (a coordination)', () => {
    const object = { text: 'the Syrian army and its ally Hezbollah', start: 16, end: 54 };
    assert.deepEqual(targetPhrase({ ...e, object }), object);
  });
  it('is the target actor otherwise', () => {
    assert.equal(targetPhrase({ ...e, object: { text: 'the Syrian army', start: 16, end: 31 } })?.start, 16);
    assert.equal(targetPhrase(e), e.target);
    const noTarget = { ...e, target: null, object: { text: 'a base', start: 0, end: 6 } };
    assert.deepEqual(targetPhrase(noTarget), noTarget.object);
  });
});
