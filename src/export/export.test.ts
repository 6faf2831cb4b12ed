import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDuckDbStore } from '../store/duckdb.ts';
import { syntheticEvent } from '../store/fixtures.ts';
import { doc } from '../store/store.conformance.ts';
import type { Store, StoredEvent } from '../store/store.ts';
import { exportParquet, exportTo } from './export.ts';
import { FLAT_COLUMNS, fractionDate, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS } from './formats.ts';

const dir = mkdtempSync(join(tmpdir(), 'riposte-export-'));
const SHARED = '/work/shared/reference/gdelt';
let store: Store;
let events: StoredEvent[];

before(async () => {
  store = await openDuckDbStore(join(dir, 'x.duckdb'));
  const same = { source: 'RUSGOV', target: 'USA', code: '163', date: '2024-06-01' } as const;
  for (const [i, outlet] of ['tass.ru', 'tass.ru', 'reuters.com', null].entries()) {
    const evs = [
      syntheticEvent(10 * i, { ...same, doc: `d${i}`, sentence: i }),
      syntheticEvent(10 * i + 1, { doc: `d${i}` }),
    ];
    await store.putDocument({
      doc: doc(`d${i}`, `text ${i} `.repeat(20 + i), { outlet }),
      events: evs,
      mentions: [],
      quotes: [],
    });
  }
  events = await store.queryEvents();
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function capture(f: (out: { write(s: string): unknown }) => Promise<unknown>): Promise<string> {
  let s = '';
  await f({ write: (x: string) => (s += x) });
  return s;
}

async function sql(q: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = (await c.runAndReadAll(q)).getRowObjectsJson() as Record<string, unknown>[];
  c.closeSync();
  db.closeSync();
  return r;
}

describe('GDELT 2.0 exports', () => {
  it('writes the Events columns in codebook order (checked against the shared header file when present)', (t) => {
    assert.equal(GDELT_EVENT_COLUMNS.length, 61);
    assert.equal(GDELT_MENTION_COLUMNS.length, 16);
    const ev = join(SHARED, 'GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv');
    const me = join(SHARED, 'GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv');
    if (!existsSync(ev) || !existsSync(me)) return t.skip('GDELT header files not available');
    const names = readFileSync(ev, 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]);
    assert.deepEqual(GDELT_EVENT_COLUMNS, names);
    const mnames = readFileSync(me, 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split('\t')[1]);
    assert.deepEqual(GDELT_MENTION_COLUMNS, mnames);
  });

  it('round-trips clusters through 61 tab-separated fields', async () => {
    const text = await capture((o) => exportTo(store, 'gdelt', {}, o));
    const rows = text
      .slice(0, -1)
      .split('\n')
      .map((l) => l.split('\t'));
    const clusters = await store.queryClusters();
    assert.equal(rows.length, clusters.length);
    for (const r of rows) assert.equal(r.length, 61);
    const rec = (r: string[]) => Object.fromEntries(GDELT_EVENT_COLUMNS.map((c, i) => [c, r[i]]));
    const main = rows.map(rec).find((r) => r.NumMentions === '4');
    assert.ok(main);
    const c = clusters.find((x) => x.mentions === 4);
    assert.ok(c);
    assert.deepEqual(
      [
        main.GLOBALEVENTID,
        main.SQLDATE,
        main.MonthYear,
        main.Year,
        main.FractionDate,
        main.Actor1Code,
        main.Actor1CountryCode,
        main.Actor1Type1Code,
      ],
      [String(c.id), '20240601', '202406', '2024', fractionDate('2024-06-01'), 'RUSGOV', 'RUS', 'GOV'],
    );
    assert.deepEqual(
      [
        main.Actor2Code,
        main.EventCode,
        main.EventBaseCode,
        main.EventRootCode,
        main.QuadClass,
        main.NumSources,
        main.NumArticles,
        main.IsRootEvent,
      ],
      ['USA', '163', '163', '16', String(c.quad), '3', '4', '1'],
    );
    assert.equal(main.DATEADDED, '20240601000000');
    assert.equal(main.SOURCEURL, 'https://news.example/d0');
    assert.equal(fractionDate('2024-06-01'), (2024 + (6 * 30 + 1) / 365).toFixed(4));
    const header = await capture((o) => exportTo(store, 'gdelt', { limit: 1 }, o, { header: true }));
    assert.equal(header.split('\n')[0], GDELT_EVENT_COLUMNS.join('\t'));
  });

  it('writes one Mentions row per event report with sentence ids and character offsets', async () => {
    const text = await capture((o) => exportTo(store, 'gdelt-mentions', {}, o));
    const rows = text
      .slice(0, -1)
      .split('\n')
      .map((l) => l.split('\t'));
    assert.equal(rows.length, events.length);
    for (const [i, r] of rows.entries()) {
      const e = events[i] as StoredEvent;
      assert.equal(r.length, 16);
      const m = Object.fromEntries(GDELT_MENTION_COLUMNS.map((c, j) => [c, r[j]]));
      assert.equal(m.GLOBALEVENTID, String(e.clusterId));
      assert.equal(m.SentenceID, String(e.sentence + 1));
      assert.equal(m.Actor1CharOffset, String(e.source?.start ?? -1));
      assert.equal(m.Actor2CharOffset, String(e.target?.start ?? -1));
      assert.equal(m.ActionCharOffset, String(e.evidence[0]?.trigger.start));
      assert.equal(m.Confidence, String(Math.round(e.confidence * 100)));
      assert.equal(m.MentionDocLen, String((await store.getDocument(e.doc))?.text.length));
      assert.equal(m.MentionIdentifier, e.url);
      assert.equal(m.MentionType, '1');
    }
  });
});

describe('PLOVER, JSON lines, CSV and Parquet exports', () => {
  it('writes PLOVER records with the required fields', async () => {
    const text = await capture((o) => exportTo(store, 'plover', {}, o));
    const recs = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(recs.length, events.length);
    for (const [i, r] of recs.entries()) {
      const e = events[i] as StoredEvent;
      for (const k of ['id', 'date', 'actor', 'event']) assert.ok(k in r, `PLOVER field ${k}`);
      assert.deepEqual(
        [r.id, r.date, r.event, r.actor[0]?.code, r.recipient[0]?.code],
        [e.id, e.date, [e.plover.event], e.source?.country, e.target?.country],
      );
      assert.ok([1, 2, 3, 4].includes(r.quad_code));
      assert.equal(r.event_text, e.evidence[0]?.text);
    }
  });

  it('round-trips events through JSON lines', async () => {
    const text = await capture((o) => exportTo(store, 'jsonl', {}, o));
    assert.deepEqual(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l)),
      JSON.parse(JSON.stringify(events)),
    );
    const cl = await capture((o) => exportTo(store, 'jsonl', {}, o, { clusters: true }));
    assert.equal(cl.trimEnd().split('\n').length, (await store.queryClusters()).length);
  });

  it('round-trips events through CSV (quoted tabs, quotes and line breaks survive)', async () => {
    const path = join(dir, 'x.csv');
    const text = await capture((o) => exportTo(store, 'csv', {}, o));
    (await import('node:fs')).writeFileSync(path, text);
    const rows = await sql(`SELECT * FROM read_csv('${path}', header = true, all_varchar = true)`);
    assert.deepEqual(
      Object.keys(rows[0] ?? {}),
      FLAT_COLUMNS.map(([n]) => n),
    );
    assert.deepEqual(
      rows.map((r) => [r.id, r.code, r.evidence_text, JSON.parse(String(r.evidence_json))]),
      events.map((e) => [e.id, e.code, e.evidence[0]?.text, e.evidence]),
    );
  });

  it('writes Parquet with the flat schema', async () => {
    const path = join(dir, 'x.parquet');
    assert.equal(
      await exportParquet(store, { source: 'RUS' }, path),
      events.filter((e) => e.source?.code.startsWith('RUS')).length,
    );
    const schema = await sql(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
    assert.deepEqual(
      schema.map((r) => [r.column_name, r.column_type]),
      FLAT_COLUMNS.map(([n, t]) => [n, t]),
    );
    const rows = await sql(
      `SELECT id, date::VARCHAR AS date, goldstein, cluster_id FROM read_parquet('${path}')`,
    );
    const want = events.filter((e) => e.source?.code.startsWith('RUS'));
    assert.deepEqual(
      rows.map((r) => [r.id, r.date, r.goldstein, Number(r.cluster_id)]),
      want.map((e) => [e.id, e.date, e.goldstein, e.clusterId]),
    );
  });
});
