/**
 * The store: one async interface over documents, coded events, actor mentions, quotes and event clusters,
 * with two implementations — embedded DuckDB (the default, one file) and PostgreSQL (`postgres://…`).
 * Both pass the same conformance suite (`store.conformance.ts`).
 */
import { fail } from '../core/errors.ts';
import type { Actor, EventRecord, IsoDate, Modality, QuoteRecord } from '../core/types.ts';
import type { DocumentKey, DocumentMatch } from './sql.ts';

export type { DocumentKey, DocumentMatch };

export const DEFAULT_DB = './riposte-data/riposte.duckdb';

export type DocStatus = 'ok' | 'failed';

/** One stored version of a document. `(id, version)` is unique; the highest version is the current one. */
export interface DocumentRow {
  id: string;
  version: number;
  url: string | null;
  /** source / outlet name ("reuters.com", "Le Monde") */
  outlet: string | null;
  title: string | null;
  /** publication date */
  date: IsoDate | null;
  language: string | null;
  /** sha-256 of the text (of the raw input for a document that failed to parse) */
  hash: string;
  text: string;
  status: DocStatus;
  error: string | null;
  /** the coder version that produced the stored events (null for failed documents) */
  coderVersion: string | null;
  current?: boolean;
}

/** Everything stored for one document version, written atomically. */
export interface DocBundle {
  doc: DocumentRow;
  events: EventRecord[];
  mentions: Actor[];
  quotes: QuoteRecord[];
  /** dictionary version that produced the events */
  dictVersion?: string | null;
}

/** An event as read back: the event record plus its provenance. */
export interface StoredEvent extends EventRecord {
  docVersion: number;
  coderVersion: string | null;
  dictVersion: string | null;
  outlet: string | null;
  url: string | null;
  /** GDELT-style event id shared by every report of the same (date, source, target, code, modality) */
  clusterId: number;
}

/** Events reported by several documents: one cluster per (date, source code, target code, CAMEO code, modality). */
export interface Cluster {
  id: number;
  date: IsoDate;
  sourceCode: string | null;
  targetCode: string | null;
  code: string;
  root: string;
  quad: number;
  goldstein: number;
  modality: Modality;
  /** number of events (mentions) in the cluster, several per document possible */
  mentions: number;
  /** distinct documents */
  documents: number;
  /** distinct outlets (a document without an outlet counts as its own) */
  sources: number;
  /** the ids of every member event, in document order */
  events: string[];
  /** every piece of evidence of every member event */
  evidence: EventRecord['evidence'];
  /** URL of the first report */
  url: string | null;
  /** source / target actors of one member (names, countries, types for exports) */
  source: Actor | null;
  target: Actor | null;
  plover: EventRecord['plover'];
}

export interface EventFilter {
  /** actor code prefix: a country ("RUS") or a full code ("RUSGOV") */
  source?: string;
  target?: string;
  from?: IsoDate;
  to?: IsoDate;
  /** a CAMEO code, exact ("163") or a prefix wildcard ("16*") */
  code?: string;
  quad?: number;
  modality?: Modality;
  doc?: string;
  limit?: number;
  offset?: number;
}

export interface DocumentFilter {
  id?: string;
  status?: DocStatus;
  /** only current versions (default true) */
  current?: boolean;
  limit?: number;
  offset?: number;
}

export interface StoreCounts {
  documents: number;
  versions: number;
  failed: number;
  events: number;
  mentions: number;
  quotes: number;
}

export interface StoredMention extends Actor {
  doc: string;
  docVersion: number;
}
export interface StoredQuote extends QuoteRecord {
  doc: string;
  docVersion: number;
}

export interface Store {
  readonly kind: 'duckdb' | 'postgres';
  /** where the data lives (file path or connection URL without password) */
  readonly location: string;
  /** applies pending migrations; returns the schema version */
  migrate(): Promise<number>;
  schemaVersion(): Promise<number>;
  /** current version of a document matching the content hash, or else the URL, or else the id */
  findDocument(key: DocumentKey): Promise<DocumentRow | null>;
  /** the same look-up in one query, reading only which key matched and the (id, version) it found */
  resolveDocument(key: DocumentKey): Promise<DocumentMatch | null>;
  /**
   * Stores one document version with its events, mentions and quotes in one transaction.
   * Older versions of the same id stay as history but lose their events (only current versions carry events).
   */
  putDocument(bundle: DocBundle): Promise<void>;
  /**
   * Group commit: writes after `begin()` (putDocument, replaceCoding, insertEvents) join one transaction until
   * `commit()` or `rollback()`, instead of committing one by one. Reads on the same store see them. Used by
   * ingest and recode to commit a few dozen documents at a time; a crash loses the open batch as a whole.
   */
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Replaces the events, mentions and quotes of a stored document version atomically (recode). */
  replaceCoding(
    id: string,
    version: number,
    coding: Omit<DocBundle, 'doc'> & { coderVersion: string; status?: DocStatus; error?: string | null },
  ): Promise<void>;
  getDocument(id: string, version?: number): Promise<DocumentRow | null>;
  listDocuments(filter?: DocumentFilter): Promise<DocumentRow[]>;
  /** bulk insert of events outside any document (benchmarks, imports); returns the number inserted */
  insertEvents(
    events: EventRecord[],
    meta?: { docVersion?: number; coderVersion?: string; outlet?: string },
  ): Promise<number>;
  queryEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  /** number of events matching the filter (its limit and offset ignored): the total behind a page */
  countEvents(filter?: EventFilter): Promise<number>;
  queryClusters(filter?: EventFilter): Promise<Cluster[]>;
  mentions(doc?: string): Promise<StoredMention[]>;
  quotes(doc?: string): Promise<StoredQuote[]>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}

/** Opens a store by URL: `postgres://…` / `postgresql://…` is PostgreSQL, anything else a DuckDB file path. */
export async function openStore(url?: string): Promise<Store> {
  const target = url && url.length > 0 ? url : (process.env.RIPOSTE_DB ?? DEFAULT_DB);
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { openPostgresStore } = await import('./postgres.ts');
    return openPostgresStore(target);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw fail('E_ARGS', `expected --db a DuckDB file path or a postgres:// URL, found "${target}"`);
  }
  const { openDuckDbStore } = await import('./duckdb.ts');
  return openDuckDbStore(target);
}
