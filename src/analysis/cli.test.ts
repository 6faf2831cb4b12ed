/** The analysis commands end to end through `main`: JSONL input, the embedded store, formats and errors. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main.ts';
import { seedEvents } from './fixtures.ts';
import { onDay } from './synth.ts';

const dir = mkdtempSync(join(tmpdir(), 'riposte-analysis-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  const code = await main(argv, { stdout, stderr, isTTY: false });
  return { code, out, err };
}

const extra = [
  onDay('2017-01-05', 0, { source: 'RUS', target: 'USA', code: '112' }),
  onDay('2017-01-05', 6, { source: 'USA', target: 'RUS', code: '111' }),
];
const file = join(dir, 'events.jsonl');
writeFileSync(file, [...seedEvents, ...extra].map((e) => JSON.stringify(e)).join('\n'));

describe('analysis commands on a JSONL file', () => {
  test('responses: JSON summary of the seed scenario', async () => {
    const r = await run([
      'responses',
      'USA',
      'RUS',
      '--events',
      file,
      '--format',
      'json',
      '--to',
      '2016-12-31',
    ]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.summary.stimuli, 2);
    assert.equal(j.summary.deescalationRate, 1);
    assert.deepEqual(
      j.items.map((i: { declined: string }) => i.declined),
      ['negated', 'negated'],
    );
  });

  test('responses: table with summary and episodes', async () => {
    const r = await run(['responses', 'USA', 'RUS', '--events', file]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /de-escalated/);
    assert.match(r.out, /stimuli 3, answered 2/);
    assert.match(r.out, /tit-for-tat episodes: 1/);
  });

  test('dyad: CSV by day with a header and one row per day', async () => {
    const r = await run([
      'dyad',
      'USA',
      'RUS',
      '--events',
      file,
      '--by',
      'day',
      '--format',
      'csv',
      '--to',
      '2016-12-31',
    ]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0]!, /^period,start,ab_n,/);
    assert.equal(lines.length, 4);
    assert.match(lines[1]!, /^2016-12-29,2016-12-29,2,/);
  });

  test('reciprocity and alerts run and rank', async () => {
    const rec = await run(['reciprocity', '--events', file, '--by', 'day', '--format', 'json']);
    assert.equal(rec.code, 0, rec.err);
    const j = JSON.parse(rec.out);
    assert.equal(j.pairs.length, 1);
    assert.deepEqual([j.pairs[0].a, j.pairs[0].b], ['RUS', 'USA']);
    const al = await run(['alerts', '--events', file, '--by', 'day', '--baseline', '2', '--format', 'json']);
    assert.equal(al.code, 0, al.err);
    assert.ok(Array.isArray(JSON.parse(al.out)));
  });

  test('bad arguments are coded errors with exit 2', async () => {
    for (const argv of [
      ['dyad', 'USA', '--events', file],
      ['dyad', 'USA', 'RUS', '--by', 'year', '--events', file],
      ['responses', 'USA', 'RUS', '--window', 'soon', '--events', file],
      ['reciprocity', 'USA', '--events', file],
      ['alerts', '--events', join(dir, 'missing.jsonl')],
      ['alerts', '--frobnicate'],
    ]) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, /E_(ARGS|INPUT_READ)/);
    }
  });
});

const storeModule = fileURLToPath(new URL('../store/store.ts', import.meta.url));
describe('analysis commands on the embedded store', () => {
  test('the seed article stored: declined retaliation is a de-escalating, not-in-kind response', {
    skip: existsSync(storeModule) ? false : 'the store has not landed',
  }, async () => {
    const { openStore } = await import('../store/store.ts');
    const db = join(dir, 'seed.duckdb');
    const store = await openStore(db);
    try {
      await store.migrate();
      await store.insertEvents(seedEvents);
    } finally {
      await store.close();
    }
    const r = await run(['responses', 'USA', 'RUS', '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.summary.stimuli, 2);
    assert.equal(j.summary.inKindRate, 0);
    assert.equal(j.summary.deescalationRate, 1);
    assert.equal(j.summary.declined, 2);
  });
});
