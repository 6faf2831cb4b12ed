/**
 * Store benchmarks (`npm run bench:store`, `riposte bench-store`): bulk event insert rate into DuckDB, a filtered
 * dyad query over 10 million events, and ingest throughput (documents/s, sentences/s) on DuckDB and PostgreSQL.
 * Prints whole figures.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../core/errors.ts';
import type { DocInput } from '../core/types.ts';
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
  /** JSONL documents for the ingest benchmark (default data/samples/corpus.jsonl), repeated to ingestDocs */
  corpus?: string;
  only?: BenchPart[];
  /** a DuckDB file for the query part, filled on first use and reused after (the fill takes a minute) */
  queryDb?: string;
  /** required for the ingest part */
  coder?: CoderLike;
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

/** the parts `riposte bench-store --only` can pick */
export const BENCH_PARTS = ['insert', 'query', 'ingest'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export const DEFAULT_CORPUS = fileURLToPath(new URL('../../data/samples/corpus.jsonl', import.meta.url));

/**
 * The ingest corpus: the documents of a JSONL file repeated until `docs` documents, each copy with its own id,
 * URL and a one-sentence suffix ("Copy N.") so its content hash differs (the same text would be skipped).
 */
export function benchCorpus(file: string, docs: number): string {
  const base = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown> & { id: string; text: string });
  if (base.length === 0) throw fail('E_INPUT_EMPTY', `no documents in ${file}`);
  const lines: string[] = [];
  for (let i = 0; i < docs; i++) {
    const d = base[i % base.length] as (typeof base)[number];
    const copy = Math.floor(i / base.length);
    lines.push(
      JSON.stringify({
        ...d,
        id: `${d.id}-${copy}`,
        url: `https://bench.example/${d.id}/${copy}`,
        text: copy === 0 ? d.text : `${d.text}\n\nCopy ${copy}.`,
      }),
    );
  }
  return lines.join('\n');
}

export async function benchStore(o: BenchOptions): Promise<void> {
  const parts = new Set<BenchPart>(o.only ?? BENCH_PARTS);
  const dir = mkdtempSync(join(tmpdir(), 'riposte-bench-'));
  try {
    if (parts.has('insert')) await insertBench(o, dir);
    if (parts.has('query')) await queryBench(o, dir);
    if (parts.has('ingest')) await ingestBenches(o, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 1. bulk insert: synthetic events, each run into a new file, whole transaction included */
async function insertBench(o: BenchOptions, dir: string): Promise<void> {
  const n = o.insertEvents ?? 500_000;
  const evs = Array.from({ length: n }, (_, i) => syntheticEvent(i));
  const rates: number[] = [];
  for (let run = 0; run < 3; run++) {
    const s = await openDuckDbStore(join(dir, `insert${run}.duckdb`));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await s.insertEvents(evs);
    const insMs = ms(t0);
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    rates.push((n / insMs) * 1000);
    o.log(
      `bulk insert DuckDB, run ${run + 1}: ${whole(n)} events in ${whole(insMs)} ms: ${whole((n / insMs) * 1000)} events/s (CPU ${whole(cpuMs)} ms over all threads)`,
    );
    await s.close();
  }
  o.log(`bulk insert DuckDB: best ${whole(Math.max(...rates))} events/s of 3 runs`);
}

/** 2. dyad queries over (by default) 10M events: the first page and the total, every raw event, clusters */
async function queryBench(o: BenchOptions, dir: string): Promise<void> {
  const q = o.queryEvents ?? 10_000_000;
  const s = await openDuckDbStore(o.queryDb ?? join(dir, 'query.duckdb'));
  const have = await s.countEvents({});
  if (o.queryDb && have === q) o.log(`dyad query setup: reusing ${whole(q)} events in ${o.queryDb}`);
  else {
    if (have > 0) throw fail('E_ARGS', `expected --query-db to hold 0 or ${q} events, found ${have}`);
    const t0 = performance.now();
    await fillEvents(s, q);
    o.log(
      `dyad query setup: ${whole(q)} events generated and sorted by dyad and date in ${whole(ms(t0))} ms`,
    );
  }
  for (const [label, f] of [
    ['RUS→USA, one year', { source: 'RUS', target: 'USA', from: '2020-01-01', to: '2020-12-31' }],
    ['RUSGOV→USA, all years', { source: 'RUSGOV', target: 'USA' }],
    ['RUS→any, code 16*, one year', { source: 'RUS', code: '16*', from: '2020-01-01', to: '2020-12-31' }],
    ['RUS→UKR, one month', { source: 'RUS', target: 'UKR', from: '2022-02-01', to: '2022-02-28' }],
  ] as const) {
    // one untimed round reads every column these queries touch into the cache; then the median of 3 rounds
    const page = () => Promise.all([s.queryEvents({ ...f, limit: 100 }), s.countEvents(f)]);
    const all = () => s.queryEvents(f);
    const clusters = () => s.queryClusters(f);
    await page();
    await all();
    await clusters();
    const [pageMs, [first, total]] = await median3(page);
    const [allMs, rows] = await median3(all);
    const [clMs, cl] = await median3(clusters);
    o.log(
      `dyad query ${label}: first page ${whole(first.length)} of ${whole(total)} events in ${whole(pageMs)} ms; all ${whole(rows.length)} events in ${whole(allMs)} ms; ${whole(cl.length)} clusters in ${whole(clMs)} ms (medians of 3)`,
    );
  }
  await s.close();
}

async function median3<T>(f: () => Promise<T>): Promise<[number, T]> {
  const times: number[] = [];
  let v: T | undefined;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    v = await f();
    times.push(ms(t0));
  }
  return [times.sort((a, b) => a - b)[1] as number, v as T];
}

/** 3. ingest throughput, coding included, on DuckDB and PostgreSQL; coding alone for comparison */
async function ingestBenches(o: BenchOptions, dir: string): Promise<void> {
  const coder = o.coder;
  if (!coder) throw fail('E_ARGS', 'expected a coder for the ingest benchmark, found none');
  const docs = o.ingestDocs ?? 520;
  const corpus = join(dir, 'corpus.jsonl');
  writeFileSync(corpus, benchCorpus(o.corpus ?? DEFAULT_CORPUS, docs));
  const t0 = performance.now();
  let sentences = 0;
  for (const line of readFileSync(corpus, 'utf8').split('\n')) {
    const r = await coder.code(JSON.parse(line) as DocInput);
    if (r.ok) sentences += r.value.annotation.sentences.length;
  }
  const secs = ms(t0) / 1000;
  o.log(
    `coding alone (${coder.version}): ${whole(docs)} documents, ${whole(sentences)} sentences in ${whole(secs * 1000)} ms: ${whole(docs / secs)} documents/s, ${whole(sentences / secs)} sentences/s`,
  );
  const s3 = await openDuckDbStore(join(dir, 'ingest.duckdb'));
  await ingestBench('DuckDB', s3, coder, corpus, o.log);
  await s3.close();
  if (o.pg) {
    const schema = `bench_${process.pid}`;
    const s4 = await openPostgresStore(o.pg, { schema });
    try {
      await ingestBench('PostgreSQL', s4, coder, corpus, o.log);
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
}
