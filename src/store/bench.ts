/**
 * Store benchmarks (`npm run bench:store`, `riposte bench-store`): bulk event insert rate into DuckDB, a filtered
 * dyad query over 10 million events, and ingest throughput (documents/s, sentences/s) on DuckDB and PostgreSQL.
 * Prints whole figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoderLike } from '../ingest/fake-coder.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { type DuckDbStore, openDuckDbStore } from './duckdb.ts';
import { syntheticEvent } from './fixtures.ts';
import { openPostgresStore } from './postgres.ts';
import type { Store } from './store.ts';

export interface BenchOptions {
  insertEvents?: number;
  queryEvents?: number;
  ingestDocs?: number;
  pg?: string;
  coder: CoderLike;
  log: (line: string) => void;
}

const ms = (t0: number) => performance.now() - t0;
const whole = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * n synthetic rows generated inside DuckDB, laid out by dyad and date as `optimize()` does. Source country,
 * source type, target and CAMEO code vary independently enough that every benchmark filter finds rows
 * (e.g. RUSGOV→USA and RUS with code 16*).
 */
export async function fillEvents(s: DuckDbStore, n: number): Promise<void> {
  const c =
    "['RUS','USA','UKR','CHN','FRA','DEU','GBR','IRN','ISR','TUR','IND','JPN','BRA','ZAF','EGY','SAU']";
  const t = "['','GOV','MIL','BUS','MED','REB']";
  const codes =
    "['010','020','036','042','051','061','071','112','120','138','141','163','172','190','0251','1662']";
  const src = `${c}[1 + i % 16]`;
  const tgt = `${c}[1 + (i * 7 + 3 + i // 16) % 16]`;
  const code = `${codes}[1 + (i + (i // 16) * 5) % 16]`;
  await s.connection.run(`INSERT INTO events SELECT
      'b-e' || i, 'b' || (i // 4), 1, i % 5,
      DATE '2015-01-01' + CAST(i % 3650 AS INTEGER), 'publication', NULL, NULL,
      ${src} || ${t}[1 + (i // 48) % 6], ${src}, NULL,
      ${tgt} || ${t}[1 + (i // 96) % 6], ${tgt}, NULL,
      ${code}, substr(${code}, 1, 3), substr(${code}, 1, 2),
      ((i % 21) - 10) * 0.5, 1 + i % 4, 'CONSULT', NULL, 'asserted',
      '[{"start":0,"end":10,"text":"synthetic","trigger":{"start":0,"end":3,"text":"syn"},"rule":"bench"}]', NULL,
      (i % 10) / 10, NULL, NULL, 'outlet' || (i % 50), NULL, hash(i) >> 12, 'bench', NULL
    FROM range(${n}) r(i) ORDER BY 9, 12, 5`);
}

async function ingestBench(
  kind: string,
  store: Store,
  coder: CoderLike,
  dir: string,
  log: (l: string) => void,
): Promise<void> {
  const r = await ingestPaths(store, coder, [dir]);
  const secs = Math.max(r.seconds, 0.001);
  log(
    `ingest ${kind} (${coder.version}): ${whole(r.seen)} documents, ${whole(r.sentences)} sentences, ${whole(r.events)} events in ${whole(secs * 1000)} ms: ${whole(r.seen / secs)} documents/s, ${whole(r.sentences / secs)} sentences/s`,
  );
}

export async function benchStore(o: BenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'riposte-bench-'));
  try {
    // 1. bulk insert through the appender
    const n = o.insertEvents ?? 500_000;
    const evs = Array.from({ length: n }, (_, i) => syntheticEvent(i));
    const s1 = await openDuckDbStore(join(dir, 'insert.duckdb'));
    let t0 = performance.now();
    await s1.insertEvents(evs);
    const insMs = ms(t0);
    o.log(
      `bulk insert DuckDB: ${whole(n)} events in ${whole(insMs)} ms: ${whole((n / insMs) * 1000)} events/s`,
    );
    await s1.close();

    // 2. dyad query over 10M events
    const q = o.queryEvents ?? 10_000_000;
    const s2 = await openDuckDbStore(join(dir, 'query.duckdb'));
    t0 = performance.now();
    await fillEvents(s2, q);
    o.log(
      `dyad query setup: ${whole(q)} events generated and sorted by dyad and date in ${whole(ms(t0))} ms`,
    );
    for (const [label, f] of [
      ['RUS→USA, one year', { source: 'RUS', target: 'USA', from: '2020-01-01', to: '2020-12-31' }],
      ['RUSGOV→USA, all years', { source: 'RUSGOV', target: 'USA' }],
      ['RUS→any, code 16*, one year', { source: 'RUS', code: '16*', from: '2020-01-01', to: '2020-12-31' }],
      ['RUS→UKR, one month', { source: 'RUS', target: 'UKR', from: '2022-02-01', to: '2022-02-28' }],
    ] as const) {
      await s2.queryEvents({ ...f, limit: 1 }); // warm the file cache
      t0 = performance.now();
      const rows = await s2.queryEvents(f);
      const qms = ms(t0);
      t0 = performance.now();
      const cl = await s2.queryClusters(f);
      o.log(
        `dyad query ${label}: ${whole(rows.length)} events in ${whole(qms)} ms; ${whole(cl.length)} clusters in ${whole(ms(t0))} ms`,
      );
    }
    await s2.close();

    // 3. ingest throughput
    const docs = o.ingestDocs ?? 300;
    const corpus = join(dir, 'corpus');
    const lines: string[] = [];
    const cs = ['Russia', 'the United States', 'Ukraine', 'China', 'France', 'Germany', 'Iran', 'Israel'];
    const cc = ['RUS', 'USA', 'UKR', 'CHN', 'FRA', 'DEU', 'IRN', 'ISR'];
    for (let i = 0; i < docs; i++) {
      const a = i % 8;
      const b = (i * 3 + 1) % 8;
      const text = [
        `${cs[a]} (${cc[a]}) imposed new sanctions on ${cs[b]} (${cc[b]}) on Monday, officials said.`,
        `${cs[b]} accused ${cs[a]} of violating the agreement.`,
        `Leaders of ${cs[a]} and ${cs[b]} will meet for talks next week.`,
        `"We will respond," a spokesman for ${cs[b]} said.`,
        `Analysts said the dispute could escalate (report ${i}).`,
      ].join(' ');
      lines.push(
        JSON.stringify({
          id: `b${i}`,
          text,
          date: '2024-06-01',
          url: `https://bench.example/${i}`,
          source: `outlet${i % 7}`,
        }),
      );
    }
    writeFileSync(`${corpus}.jsonl`, lines.join('\n'));
    const s3 = await openDuckDbStore(join(dir, 'ingest.duckdb'));
    await ingestBench('DuckDB', s3, o.coder, `${corpus}.jsonl`, o.log);
    await s3.close();
    if (o.pg) {
      const schema = `bench_${process.pid}`;
      const s4 = await openPostgresStore(o.pg, { schema });
      try {
        await ingestBench('PostgreSQL', s4, o.coder, `${corpus}.jsonl`, o.log);
      } finally {
        await s4.close();
        const pg = (await import('pg')).default;
        const c = new pg.Client({ connectionString: o.pg });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
    } else {
      o.log('ingest PostgreSQL: skipped (pass --pg postgres://… or set RIPOSTE_TEST_PG)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
