/**
 * Idempotent, crash-safe ingest: read → decide (skip / new / new version) → code → store, one document at a
 * time, each document (row, events, mentions, quotes, status) committed in one transaction.
 *
 * Why a killed run restarts to the same result: every decision is taken against committed state only. A
 * document whose text (hash) is stored in any version is skipped; otherwise it becomes version 1, or the next
 * version of the stored document with the same URL (else the same id). The document being written when the
 * process died was never committed, so the restart writes it exactly as the uninterrupted run would have.
 */
import { createHash } from 'node:crypto';
import { isRiposteError } from '../core/errors.ts';
import type { Annotation, DocInput, EventRecord } from '../core/types.ts';
import type { Store } from '../store/store.ts';
import type { CoderLike } from './fake-coder.ts';
import type { Progress } from './progress.ts';
import { type InputItem, listInputs, readInputs } from './readers.ts';

export interface IngestSummary {
  /** documents read (including failed ones) */
  seen: number;
  /** new documents stored (version 1) */
  added: number;
  /** changed texts stored as a new version */
  updated: number;
  /** already stored: same text */
  unchanged: number;
  /** stored with status failed (bad input or coder error) */
  failed: number;
  events: number;
  sentences: number;
  seconds: number;
}

export interface IngestOptions {
  progress?: Progress;
  /** stop after this many documents (tests, sampling) */
  limit?: number;
  batch?: BatchOptions;
}

export interface BatchOptions {
  /** documents per transaction (default 64; 1 commits each document on its own) */
  docs?: number;
  /** commit an open batch after this many milliseconds at the latest (default 2000) */
  ms?: number;
}

/**
 * Group commit for ingest and recode: up to `docs` documents (or `ms` milliseconds of work) per transaction, so
 * DuckDB pays one WAL sync per batch instead of one per document. Crash safety is unchanged: every decision
 * reads the store through the same connection, which sees the open batch, so a batch killed before its commit
 * vanishes as a whole and the restart redoes it with the same decisions.
 */
export class Batch {
  private readonly docs: number;
  private readonly ms: number;
  private n = 0;
  private since = 0;
  private isOpen = false;
  constructor(
    private readonly store: Store,
    o: BatchOptions = {},
  ) {
    this.docs = Math.max(1, o.docs ?? 64);
    this.ms = o.ms ?? 2000;
  }
  async open(): Promise<void> {
    if (this.docs === 1 || this.isOpen) return;
    await this.store.begin();
    this.isOpen = true;
    this.n = 0;
    this.since = performance.now();
  }
  /** one document written: commit when the batch is full or old enough */
  async done(): Promise<void> {
    if (!this.isOpen) return;
    if (++this.n >= this.docs || performance.now() - this.since >= this.ms) await this.close();
  }
  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    await this.store.commit();
  }
  async abort(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    await this.store.rollback().catch(() => undefined);
  }
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function ingestPaths(
  store: Store,
  coder: CoderLike,
  paths: string[],
  o: IngestOptions = {},
): Promise<IngestSummary> {
  const files = listInputs(paths);
  o.progress?.start(files.reduce((n, f) => n + f.bytes, 0));
  return ingestItems(store, coder, readInputs(files), o);
}

export async function ingestItems(
  store: Store,
  coder: CoderLike,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  o: IngestOptions = {},
): Promise<IngestSummary> {
  const t0 = performance.now();
  const s: IngestSummary = {
    seen: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    events: 0,
    sentences: 0,
    seconds: 0,
  };
  const batch = new Batch(store, o.batch);
  try {
    for await (const item of items) {
      if (o.limit !== undefined && s.seen >= o.limit) break;
      s.seen++;
      await batch.open();
      const r = await ingestOne(store, coder, item);
      await batch.done();
      s[r.outcome]++;
      if (r.failed) s.failed++;
      s.events += r.events;
      s.sentences += r.sentences;
      o.progress?.tick(item.bytes, r.events, r.sentences);
    }
    await batch.close();
  } catch (e) {
    await batch.abort();
    throw e;
  }
  s.seconds = (performance.now() - t0) / 1000;
  o.progress?.done();
  return s;
}

export interface OneResult {
  outcome: 'added' | 'updated' | 'unchanged';
  failed: boolean;
  events: number;
  sentences: number;
}

export async function ingestOne(store: Store, coder: CoderLike, item: InputItem): Promise<OneResult> {
  const text = item.ok ? item.doc.text : item.raw;
  const hash = sha256(text);
  const url = item.ok ? (item.doc.url ?? null) : (item.url ?? null);
  const givenId = item.ok ? item.doc.id : item.id;
  // one query: any version with this text, else the current version with this URL, else with this id
  const prev = await store.resolveDocument({ hash, url, id: givenId });
  if (prev?.by === 'hash') return { outcome: 'unchanged', failed: false, events: 0, sentences: 0 };
  const id = prev?.id ?? givenId;
  const version = (prev?.version ?? 0) + 1;
  const outcome = prev ? 'updated' : 'added';
  const base = {
    id,
    version,
    url,
    outlet: item.ok ? (item.doc.outlet ?? item.doc.source ?? null) : null,
    title: item.ok ? (item.doc.title ?? null) : null,
    date: item.ok ? (item.doc.date ?? null) : null,
    language: item.ok ? (item.doc.language ?? null) : null,
    hash,
    text,
  };
  if (!item.ok) {
    await store.putDocument({
      doc: {
        ...base,
        status: 'failed',
        error: `${item.error.code}: ${item.error.message}`,
        coderVersion: null,
      },
      events: [],
      mentions: [],
      quotes: [],
    });
    return { outcome, failed: true, events: 0, sentences: 0 };
  }
  const coded = await codeSafely(coder, { ...item.doc, id });
  if (!coded.ok) {
    await store.putDocument({
      doc: { ...base, status: 'failed', error: coded.error, coderVersion: coder.version },
      events: [],
      mentions: [],
      quotes: [],
    });
    return { outcome, failed: true, events: 0, sentences: 0 };
  }
  const { events, annotation } = coded.value;
  const evs = events.map((e) => (e.doc === id ? e : { ...e, doc: id }));
  await store.putDocument({
    doc: { ...base, status: 'ok', error: null, coderVersion: coder.version },
    events: evs,
    mentions: annotation.mentions,
    quotes: annotation.quotes,
    dictVersion: coder.dictVersion ?? null,
  });
  return { outcome, failed: false, events: evs.length, sentences: annotation.sentences.length };
}

type Coded =
  | { ok: true; value: { events: EventRecord[]; annotation: Annotation } }
  | { ok: false; error: string };

/** a coder error (returned or thrown) becomes the document's recorded error */
export async function codeSafely(coder: CoderLike, input: DocInput): Promise<Coded> {
  try {
    const r = await coder.code(input);
    if (r.ok) return { ok: true, value: r.value };
    return { ok: false, error: `${r.error.code}: ${r.error.message}` };
  } catch (e) {
    if (isRiposteError(e)) return { ok: false, error: `${e.code}: ${e.message}` };
    return { ok: false, error: `E_INTERNAL: ${e instanceof Error ? e.message : String(e)}` };
  }
}
