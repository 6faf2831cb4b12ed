import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { batchSizes, bulkOptions, type DuckDbStore, openDuckDbStore } from './duckdb.ts';
import { storeConformance } from './store.conformance.ts';
import { openStore, type StoredEvent } from './store.ts';

const dir = mkdtempSync(join(tmpdir(), 'riposte-duck-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeConformance('duckdb', () => openDuckDbStore(join(dir, `t${n++}.duckdb`)));

describe('duckdb store file', () => {
  it('persists across reopen and does not re-run migrations', async () => {
    const path = join(dir, 'sub', 'persist.duckdb');
    const s = await openStore(path);
    assert.equal(s.kind, 'duckdb');
    await s.insertEvents([(await import('./fixtures.ts')).syntheticEvent(1)]);
    await s.close();
    const s2 = await openStore(path);
    assert.equal((await s2.counts()).events, 1);
    assert.equal(await s2.schemaVersion(), 3);
    await s2.close();
  });
  it('bulk-loads large batches through JSON lines with every field intact and the same cluster ids', async () => {
    const { syntheticEvent } = await import('./fixtures.ts');
    const { clusterId, clusterKey } = await import('./sql.ts');
    const s = await openDuckDbStore(join(dir, 'copy.duckdb'));
    const evs = Array.from({ length: 6000 }, (_, i) => syntheticEvent(i));
    // awkward values: control characters, quotes, the CSV delimiter DuckDB reads with, empty strings, unicode
    const odd = [
      {
        ...syntheticEvent(1, { doc: 'odd\t"1"', source: null }),
        codeName: '',
        inResponseTo: 'a\u0002b\r\nc',
      },
      { ...syntheticEvent(2, { doc: 'odd\t"1"', target: null }), id: 'é\u2028ü — 北京', codeName: '\\N' },
      // the marker the JSON-lines writer puts between events, inside an event: that batch falls back
      {
        ...syntheticEvent(3, { doc: 'odd\t"1"' }),
        evidence: [{ ...syntheticEvent(3).evidence[0], entries: ['a', '\u0000', 'b'] }],
      },
    ];
    // two bulk loads: plain events (one JSON.stringify per batch), then the odd ones among 3,000 more (the
    // marker inside the last one sends that batch down the one-call-per-event path)
    assert.equal(await s.insertEvents(evs), 6000);
    const more = Array.from({ length: 3000 }, (_, i) => syntheticEvent(10_000 + i));
    assert.equal(await s.insertEvents([...more, ...odd]), 3003);
    assert.equal((await s.counts()).events, 9003);
    const strip = ({
      docVersion: _v,
      coderVersion: _c,
      dictVersion: _d,
      outlet: _o,
      url: _u,
      clusterId: _k,
      ...e
    }: StoredEvent) => e;
    const back = await s.queryEvents({ doc: 'd7' });
    assert.deepEqual(
      back.map(strip),
      evs.filter((e) => e.doc === 'd7'),
    );
    for (const e of back) assert.equal(e.clusterId, clusterId(clusterKey(e)));
    const oddBack = await s.queryEvents({ doc: 'odd\t"1"' });
    assert.deepEqual(
      oddBack.map(strip).sort((a, b) => a.sentence - b.sentence),
      odd.sort((a, b) => a.sentence - b.sentence),
    );
    for (const e of oddBack) assert.equal(e.clusterId, clusterId(clusterKey(e)));
    await s.close();
  });
  it('bulk-loads in several overlapping batches as one transaction, and a bad batch leaves nothing', async () => {
    const { syntheticEvent } = await import('./fixtures.ts');
    const s = await openDuckDbStore(join(dir, 'batches.duckdb'));
    // the settings a bulk load changes while it runs
    const threads = async () =>
      (
        await s.connection.runAndReadAll(
          "SELECT current_setting('threads') || '/' || current_setting('write_buffer_row_group_count')",
        )
      ).getRows()[0]?.[0];
    const before = await threads();
    const saved = bulkOptions.batch;
    bulkOptions.batch = 1000;
    try {
      const evs = Array.from({ length: 5500 }, (_, i) => syntheticEvent(i));
      assert.equal(await s.insertEvents(evs), 5500);
      assert.equal((await s.counts()).events, 5500);
      assert.equal(new Set((await s.queryEvents({})).map((e) => e.id)).size, 5500);
      // a malformed date in a later batch: the batches before it are rolled back with it
      const bad = Array.from({ length: 5500 }, (_, i) => syntheticEvent(10_000 + i));
      bad[4200] = { ...(bad[4200] as (typeof bad)[number]), date: '2024-13-45' };
      await assert.rejects(s.insertEvents(bad), /out of range/);
      assert.equal((await s.counts()).events, 5500);
      assert.equal(await threads(), before);
    } finally {
      bulkOptions.batch = saved;
      await s.close();
    }
  });
  it('migrates a version-2 file to zstd evidence keeping every row; a 1.0-format file keeps its evidence as it was', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { fillEvents } = await import('./bench.ts');
    const { migrations } = await import('./sql.ts');
    const all = 'SELECT * EXCLUDE (cluster_id), CAST(cluster_id AS DOUBLE) AS k FROM events ORDER BY id';
    const evidence =
      "SELECT DISTINCT compression FROM pragma_storage_info('events') WHERE column_name = 'evidence' AND segment_type = 'VARCHAR'";
    for (const [format, zstd] of [
      ['v1.5.0', true],
      ['v1.0.0', false],
    ] as const) {
      const path = join(dir, `v2-${format}.duckdb`);
      // a store as the released version 2 left it, with 5,000 events in it
      const inst = await DuckDBInstance.create(path, { storage_compatibility_version: format });
      const c = await inst.connect();
      await c.run('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)');
      for (const [i, step] of migrations('duckdb').slice(0, 2).entries()) {
        for (const sql of step) await c.run(sql);
        await c.run(`INSERT INTO schema_version VALUES (${i + 1}, current_timestamp)`);
      }
      await fillEvents({ connection: c } as unknown as DuckDbStore, 5000);
      const before = (await c.runAndReadAll(all)).getRowsJson();
      c.closeSync();
      inst.closeSync();
      const s = await openDuckDbStore(path);
      assert.equal(await s.schemaVersion(), 3);
      assert.deepEqual((await s.connection.runAndReadAll(all)).getRowsJson(), before);
      await s.connection.run('CHECKPOINT');
      const comp = (await s.connection.runAndReadAll(evidence)).getRows().map((r) => String(r[0]));
      if (zstd) assert.deepEqual(comp, ['ZSTD']);
      else assert.ok(!comp.includes('ZSTD') && !comp.includes('Uncompressed'), comp.join());
      await s.close();
    }
  });
  it('splits a bulk load into batches that cover every event, smaller at both ends', () => {
    assert.deepEqual(batchSizes(200_000, 40_960), [8192, 16384, 37712, 37712, 37712, 37712, 16384, 8192]);
    assert.deepEqual(batchSizes(2500, 40_960), [2500]);
    for (const n of [2000, 40_960, 57_344, 60_000, 123_457, 1_000_001]) {
      const b = batchSizes(n, 40_960);
      assert.equal(
        b.reduce((x, y) => x + y, 0),
        n,
      );
      assert.ok(b.every((x) => x > 0 && x <= 40_960));
    }
  });
  it('rejects an unknown URL scheme', async () => {
    await assert.rejects(openStore('mysql://x/y'), /E_ARGS|postgres/);
  });
});
