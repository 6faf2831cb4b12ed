/**
 * The command line (src/cli/main.ts) through `main(argv, io)` with in-memory streams: JSONL output that validates
 * against the event record schema, exit 2 with one line naming the problem on bad input, JSONL batches that keep
 * coding after a bad line, and the annotate object. Uses the fixture dictionaries (src/coder/fixtures).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { EventRecordSchema } from '../core/types.ts';
import { main } from './main.ts';

const DICT = '--dictionaries=native:src/coder/fixtures';
const dir = mkdtempSync(join(tmpdir(), 'riposte-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (errText += String(c)));
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([stdin]), isTTY: false });
  return { code, out, err: errText };
}

const ARTICLE = file(
  'article.txt',
  'The Obama administration imposed sanctions on Russia on Thursday. Russia will not expel US diplomats, Putin said.\n',
);

describe('riposte code', () => {
  test('JSONL: every line parses and validates against EventRecordSchema', async () => {
    const r = await run(['code', ARTICLE, '--date', '2016-12-30', DICT]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n').filter(Boolean);
    assert.ok(lines.length >= 2, `at least the sanctions and the negated expulsion: ${r.out}`);
    for (const l of lines) {
      const v = EventRecordSchema.safeParse(JSON.parse(l));
      assert.ok(v.success, v.success ? '' : JSON.stringify(v.error.issues));
      assert.equal(v.data.doc, 'article', 'the document id defaults to the file name');
    }
    const sanctions = lines.map((l) => JSON.parse(l)).find((e) => e.code === '163');
    assert.equal(sanctions?.date, '2016-12-29');
    assert.equal(sanctions?.dateSource, 'text');
  });

  test('--id names the document; stdin is read with "-"', async () => {
    const r = await run(
      ['code', '-', '--date', '2016-12-30', '--id', 'a7', DICT],
      'Russia expelled 35 US diplomats.',
    );
    assert.equal(r.code, 0, r.err);
    const e = JSON.parse(r.out.split('\n')[0]!);
    assert.equal(e.doc, 'a7');
    assert.equal(e.code, '161');
  });

  const BAD: [string, string[], RegExp][] = [
    ['an impossible date', ['code', ARTICLE, '--date', '2016-13-45', DICT], /YYYY-MM-DD.*2016-13-45/],
    ['a date in another format', ['code', ARTICLE, '--date', '30/12/2016', DICT], /YYYY-MM-DD.*30\/12\/2016/],
    [
      'an unreadable file',
      ['code', join(dir, 'no-such-file.txt'), '--date', '2016-12-30', DICT],
      /no-such-file\.txt/,
    ],
    ['an unknown --format', ['code', ARTICLE, '--format', 'xml', DICT], /--format.*xml/],
    ['an unknown option', ['code', ARTICLE, '--bogus', DICT], /bogus/],
  ];
  for (const [what, argv, message] of BAD) {
    test(`exit 2 with one line naming the problem: ${what}`, async () => {
      const r = await run(argv);
      assert.equal(r.code, 2);
      const lines = r.err.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, `one line: ${r.err}`);
      assert.match(lines[0]!, message);
      assert.equal(r.out, '', 'nothing on stdout');
    });
  }

  test('--input jsonl: a bad line is reported with its line number, the others are still coded, exit 2', async () => {
    const jsonl = file(
      'batch.jsonl',
      [
        JSON.stringify({ id: 'd1', text: 'Russia expelled 35 US diplomats.', date: '2016-12-30' }),
        '{"id": "d2", "text": unterminated',
        '',
        JSON.stringify({ id: 'd3', text: 'Egypt criticized Israel.', date: '2016-12-30' }),
        JSON.stringify({ id: 'd4', text: 'Putin met Trump.', date: '2016-12-32' }),
        JSON.stringify({ text: 'no id' }),
      ].join('\n'),
    );
    const r = await run(['code', jsonl, '--input', 'jsonl', DICT]);
    assert.equal(r.code, 2);
    assert.match(r.err, /line 2\b/);
    assert.match(r.err, /line 5\b/);
    assert.match(r.err, /line 6\b/);
    assert.doesNotMatch(r.err, /line [134]\b/);
    const docs = new Set(
      r.out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).doc),
    );
    assert.deepEqual([...docs].sort(), ['d1', 'd3']);
  });

  test('--format table prints a header and one row per event', async () => {
    const r = await run(['code', ARTICLE, '--date', '2016-12-30', '--format', 'table', DICT]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /source/);
    assert.match(r.out, /163/);
  });
});

describe('riposte annotate', () => {
  test('prints one JSON object {text, sentences, mentions, quotes, events}', async () => {
    const text =
      '"We will not expel anyone," Putin said. The Obama administration imposed sanctions on Russia.';
    const r = await run(['annotate', file('quote.txt', text), '--date', '2016-12-30', DICT]);
    assert.equal(r.code, 0, r.err);
    const a = JSON.parse(r.out);
    for (const k of ['text', 'sentences', 'mentions', 'quotes', 'events']) assert.ok(k in a, `has ${k}`);
    assert.equal(a.text, text);
    assert.equal(a.sentences.length, 2);
    for (const s of a.sentences) assert.equal(s.text, text.slice(s.start, s.end));
    for (const m of a.mentions) assert.equal(m.text, text.slice(m.start, m.end));
    assert.ok(a.mentions.some((m: { code: string }) => m.code === 'RUSGOV'));
    assert.equal(a.quotes.length, 1);
    assert.equal(a.quotes[0].speaker.code, 'RUSGOV');
    assert.equal(text.slice(a.quotes[0].start, a.quotes[0].end).startsWith('"We will not'), true);
    for (const e of a.events) assert.ok(EventRecordSchema.safeParse(e).success);
  });
  test('bad date: exit 2, one line', async () => {
    const r = await run(['annotate', ARTICLE, '--date', '2016-02-30', DICT]);
    assert.equal(r.code, 2);
    assert.equal(r.err.split('\n').filter(Boolean).length, 1);
    assert.match(r.err, /YYYY-MM-DD/);
  });
});

describe('riposte code --input petrarch', () => {
  test('codes the text of each <Sentence> with its own date and id, ignoring any <Parse>', async () => {
    const xml = file(
      'records.xml',
      [
        '<Sentences>',
        '<Sentence date="20161230" id="A-1" sentence="True" source="test">',
        '<Text>The Obama administration imposed sanctions on Russia on Thursday.</Text>',
        '<Parse>(ROOT (S (NP (NNP Nonsense))))</Parse>',
        '</Sentence>',
        '<Sentence date="20161230" id="A-2" sentence="True" source="test">',
        '<Text>The weather was mild.</Text>',
        '</Sentence>',
        '</Sentences>',
      ].join('\n'),
    );
    const r = await run(['code', xml, '--input', 'petrarch', DICT]);
    assert.equal(r.code, 0, r.err);
    const events = r.out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => EventRecordSchema.parse(JSON.parse(l)));
    assert.ok(events.length >= 1);
    for (const e of events) assert.equal(e.doc, 'A-1');
    const sanction = events.find((e) => e.code === '163');
    assert.equal(sanction?.date, '2016-12-29');
    assert.equal(sanction?.target?.country, 'RUS');
  });
});
