/**
 * What the DuckDB and PostgreSQL stores share: the schema (as migrations), the column order of the events
 * table, the mapping between event records and rows, the filter → WHERE translation and the cluster key.
 */
import { createHash } from 'node:crypto';
import { fail } from '../core/errors.ts';
import type { Actor, EventRecord, QuoteRecord } from '../core/types.ts';
import type { Cluster, DocumentRow, EventFilter, StoredEvent, StoredMention, StoredQuote } from './store.ts';

export type Dialect = 'duckdb' | 'postgres';

/** What a store's storage can do, where the migrations depend on it. */
export interface MigrationOptions {
  /**
   * DuckDB: the file's storage format has zstd string compression (files created with storage version 1.2 or
   * later; `openDuckDbStore` creates new files with 1.5). In older files `USING COMPRESSION zstd` would store the
   * column uncompressed, so step 3 leaves them as they are.
   */
  zstd?: boolean;
}

/** Migrations in order; `schema_version` records the applied ones. Never edit a released step: add one. */
export function migrations(d: Dialect, o: MigrationOptions = {}): string[][] {
  const json = d === 'postgres' ? 'JSONB' : 'TEXT';
  const dbl = d === 'postgres' ? 'DOUBLE PRECISION' : 'DOUBLE';
  return [
    [
      `CREATE TABLE documents (
        id TEXT NOT NULL, version INTEGER NOT NULL, url TEXT, outlet TEXT, title TEXT, date DATE, language TEXT,
        hash TEXT NOT NULL, length INTEGER NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL, error TEXT,
        coder_version TEXT, is_current BOOLEAN NOT NULL, ingested_at TIMESTAMP NOT NULL,
        PRIMARY KEY (id, version))`,
      `CREATE TABLE events (
        id TEXT NOT NULL, doc TEXT NOT NULL, doc_version INTEGER NOT NULL, sentence INTEGER NOT NULL,
        date DATE NOT NULL, date_source TEXT NOT NULL, date_from DATE, date_to DATE,
        source_code TEXT, source_country TEXT, source_json ${json},
        target_code TEXT, target_country TEXT, target_json ${json},
        code TEXT NOT NULL, base TEXT NOT NULL, root TEXT NOT NULL, goldstein ${dbl} NOT NULL, quad INTEGER NOT NULL,
        plover_event TEXT NOT NULL, plover_mode TEXT, modality TEXT NOT NULL, evidence ${json} NOT NULL,
        quote ${json}, confidence ${dbl} NOT NULL, code_name TEXT, in_response_to TEXT,
        outlet TEXT, url TEXT, cluster_id BIGINT NOT NULL, coder_version TEXT, dict_version TEXT)`,
      `CREATE TABLE mentions (
        doc TEXT NOT NULL, doc_version INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
        text TEXT NOT NULL, code TEXT NOT NULL, country TEXT, types TEXT NOT NULL, name TEXT, entity_id TEXT)`,
      `CREATE TABLE quotes (
        doc TEXT NOT NULL, doc_version INTEGER NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
        speaker ${json}, cue ${json})`,
    ],
    d === 'postgres'
      ? [
          'CREATE INDEX documents_hash ON documents (hash)',
          'CREATE INDEX documents_url ON documents (url)',
          'CREATE INDEX events_doc ON events (doc)',
          'CREATE INDEX events_dyad ON events (source_code text_pattern_ops, target_code text_pattern_ops, date)',
          'CREATE INDEX events_target ON events (target_code text_pattern_ops, date)',
          'CREATE INDEX events_date ON events (date)',
          'CREATE INDEX events_cluster ON events (cluster_id)',
          'CREATE INDEX mentions_doc ON mentions (doc)',
          'CREATE INDEX quotes_doc ON quotes (doc)',
        ]
      : [
          // DuckDB: ART indexes only where point look-ups happen per document; the events table relies on
          // zone maps (min/max per row group) so the appender stays fast.
          'CREATE INDEX documents_hash ON documents (hash)',
          'CREATE INDEX documents_url ON documents (url)',
        ],
    // 3. DuckDB: the evidence column (the largest, ≈ 45% of an event's bytes, unique text per event) compressed
    // with zstd: the commit of a bulk load compresses it in a third of the time FSST took and the file is about
    // half as large. DuckDB cannot change a column's compression in place, so the table is rebuilt (same columns,
    // same order). PostgreSQL, and DuckDB files in a storage format without zstd: nothing to do.
    d === 'duckdb' && o.zstd
      ? [
          `CREATE TABLE events_v3 (
            id TEXT NOT NULL, doc TEXT NOT NULL, doc_version INTEGER NOT NULL, sentence INTEGER NOT NULL,
            date DATE NOT NULL, date_source TEXT NOT NULL, date_from DATE, date_to DATE,
            source_code TEXT, source_country TEXT, source_json TEXT,
            target_code TEXT, target_country TEXT, target_json TEXT,
            code TEXT NOT NULL, base TEXT NOT NULL, root TEXT NOT NULL, goldstein DOUBLE NOT NULL, quad INTEGER NOT NULL,
            plover_event TEXT NOT NULL, plover_mode TEXT, modality TEXT NOT NULL,
            evidence TEXT NOT NULL USING COMPRESSION zstd,
            quote TEXT, confidence DOUBLE NOT NULL, code_name TEXT, in_response_to TEXT,
            outlet TEXT, url TEXT, cluster_id BIGINT NOT NULL, coder_version TEXT, dict_version TEXT)`,
          'INSERT INTO events_v3 SELECT * FROM events',
          'DROP TABLE events',
          'ALTER TABLE events_v3 RENAME TO events',
        ]
      : [],
  ];
}

export const EVENT_COLUMNS = [
  'id',
  'doc',
  'doc_version',
  'sentence',
  'date',
  'date_source',
  'date_from',
  'date_to',
  'source_code',
  'source_country',
  'source_json',
  'target_code',
  'target_country',
  'target_json',
  'code',
  'base',
  'root',
  'goldstein',
  'quad',
  'plover_event',
  'plover_mode',
  'modality',
  'evidence',
  'quote',
  'confidence',
  'code_name',
  'in_response_to',
  'outlet',
  'url',
  'cluster_id',
  'coder_version',
  'dict_version',
] as const;

export interface EventMeta {
  docVersion: number;
  outlet: string | null;
  url: string | null;
  coderVersion: string | null;
  dictVersion: string | null;
}

/** The key that makes reports of the same event one cluster. */
export function clusterKey(e: Pick<EventRecord, 'date' | 'source' | 'target' | 'code' | 'modality'>): string {
  return [e.date, e.source?.code ?? '', e.target?.code ?? '', e.code, e.modality].join('|');
}

/** A stable 52-bit integer for a cluster key (fits a JS number and a GDELT GLOBALEVENTID). */
export function clusterId(key: string): number {
  return Number.parseInt(createHash('sha1').update(key).digest('hex').slice(0, 13), 16);
}

/** `evt.code` "0251" → base "025"; "163" → "163"; "16" → "16". */
export const baseCode = (code: string): string => code.slice(0, 3);

/** One events-table row, in `EVENT_COLUMNS` order; JSON columns as strings. */
export function eventRow(e: EventRecord, m: EventMeta): (string | number | null)[] {
  return [
    e.id,
    e.doc,
    m.docVersion,
    e.sentence,
    e.date,
    e.dateSource,
    e.dateRange?.[0] ?? null,
    e.dateRange?.[1] ?? null,
    e.source?.code ?? null,
    e.source?.country ?? null,
    e.source ? JSON.stringify(e.source) : null,
    e.target?.code ?? null,
    e.target?.country ?? null,
    e.target ? JSON.stringify(e.target) : null,
    e.code,
    baseCode(e.code),
    e.root,
    e.goldstein,
    e.quad,
    e.plover.event,
    e.plover.mode ?? null,
    e.modality,
    JSON.stringify(e.evidence),
    e.quote ? JSON.stringify(e.quote) : null,
    e.confidence,
    e.codeName ?? null,
    e.inResponseTo ?? null,
    m.outlet,
    m.url,
    clusterId(clusterKey(e)),
    m.coderVersion,
    m.dictVersion,
  ];
}

type Row = Record<string, unknown>;

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
/** DATE values come back as 'YYYY-MM-DD' strings (both stores are configured so) */
const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10));

export function rowToEvent(r: Row): StoredEvent {
  const e: StoredEvent = {
    id: String(r.id),
    doc: String(r.doc),
    sentence: num(r.sentence),
    date: day(r.date) as string,
    dateSource: r.date_source as EventRecord['dateSource'],
    source: r.source_json == null ? null : json<Actor>(r.source_json),
    target: r.target_json == null ? null : json<Actor>(r.target_json),
    code: String(r.code),
    root: String(r.root),
    goldstein: num(r.goldstein),
    quad: num(r.quad),
    plover:
      r.plover_mode == null
        ? { event: String(r.plover_event) }
        : { event: String(r.plover_event), mode: String(r.plover_mode) },
    modality: r.modality as EventRecord['modality'],
    evidence: json<EventRecord['evidence']>(r.evidence),
    confidence: num(r.confidence),
    docVersion: num(r.doc_version),
    coderVersion: str(r.coder_version),
    dictVersion: str(r.dict_version),
    outlet: str(r.outlet),
    url: str(r.url),
    clusterId: num(r.cluster_id),
  };
  if (r.date_from != null && r.date_to != null)
    e.dateRange = [day(r.date_from) as string, day(r.date_to) as string];
  if (r.quote != null) e.quote = json<NonNullable<EventRecord['quote']>>(r.quote);
  if (r.code_name != null) e.codeName = String(r.code_name);
  if (r.in_response_to != null) e.inResponseTo = String(r.in_response_to);
  return e;
}

export function rowToDocument(r: Row): DocumentRow {
  return {
    id: String(r.id),
    version: num(r.version),
    url: str(r.url),
    outlet: str(r.outlet),
    title: str(r.title),
    date: day(r.date),
    language: str(r.language),
    hash: String(r.hash),
    text: String(r.text),
    status: r.status as DocumentRow['status'],
    error: str(r.error),
    coderVersion: str(r.coder_version),
    current: r.is_current === true || r.is_current === 'true',
  };
}

export function rowToMention(r: Row): StoredMention {
  const m: StoredMention = {
    doc: String(r.doc),
    docVersion: num(r.doc_version),
    text: String(r.text),
    start: num(r.start_offset),
    end: num(r.end_offset),
    code: String(r.code),
    country: str(r.country),
    types: r.types ? String(r.types).split(',').filter(Boolean) : [],
  };
  if (r.name != null) m.name = String(r.name);
  if (r.entity_id != null) m.id = String(r.entity_id);
  return m;
}

export function mentionRow(doc: string, version: number, a: Actor): (string | number | null)[] {
  return [
    doc,
    version,
    a.start,
    a.end,
    a.text,
    a.code,
    a.country,
    a.types.join(','),
    a.name ?? null,
    a.id ?? null,
  ];
}

export function quoteRow(doc: string, version: number, q: QuoteRecord): (string | number | null)[] {
  return [
    doc,
    version,
    q.start,
    q.end,
    q.speaker ? JSON.stringify(q.speaker) : null,
    q.cue ? JSON.stringify(q.cue) : null,
  ];
}

export function rowToQuote(r: Row): StoredQuote {
  const q: StoredQuote = {
    doc: String(r.doc),
    docVersion: num(r.doc_version),
    start: num(r.start_offset),
    end: num(r.end_offset),
    speaker: r.speaker == null ? null : json<Actor>(r.speaker),
  };
  if (r.cue != null) q.cue = json<NonNullable<QuoteRecord['cue']>>(r.cue);
  return q;
}

export interface DocumentKey {
  hash?: string;
  url?: string | null;
  id?: string;
}

/** What `resolveDocument` found: the key that matched first (hash, else URL, else id) and that document version. */
export interface DocumentMatch {
  by: 'hash' | 'url' | 'id';
  id: string;
  version: number;
}

/**
 * One query for ingest's three look-ups, in priority order: any version with the content hash, else the current
 * version with the URL, else the current version with the id. Only the key columns are read (no text).
 */
export function resolveSql(key: DocumentKey): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (col: 'hash' | 'url' | 'id', rank: number, v: string | null | undefined) => {
    if (v === undefined || v === null) return;
    params.push(v);
    const cur = col === 'hash' ? '' : ' AND is_current';
    parts.push(`SELECT id, version, ${rank} AS rank FROM documents WHERE ${col} = $${params.length}${cur}`);
  };
  add('hash', 1, key.hash);
  add('url', 2, key.url);
  add('id', 3, key.id);
  if (parts.length === 0) return { sql: '', params };
  return {
    sql: `SELECT id, version, rank FROM (${parts.join(' UNION ALL ')}) m ORDER BY rank, version DESC LIMIT 1`,
    params,
  };
}

export function rowToMatch(r: Record<string, unknown> | undefined): DocumentMatch | null {
  if (!r) return null;
  return {
    by: (['hash', 'url', 'id'] as const)[Number(r.rank) - 1] ?? 'id',
    id: String(r.id),
    version: Number(r.version),
  };
}

const ACTOR_FILTER = /^[A-Z0-9-]{1,30}$/;
const CODE_FILTER = /^(\d{2,4}|\d{1,3}\*)$/;

/**
 * Translates a filter into a WHERE clause with `$n` parameters (both DuckDB and PostgreSQL accept them).
 * For DuckDB an actor prefix is also written as a range (`code >= 'RUS' AND code < 'RUT'`): a range is pushed
 * into the scan and checked against each row group's min/max, so a dyad filter skips almost all of the table
 * (`LIKE` alone is evaluated row by row). Codes are `[A-Z0-9-]`, compared byte by byte, so the range and the
 * prefix select the same rows. PostgreSQL keeps `LIKE` alone (its text_pattern_ops indexes serve it).
 */
export function whereClause(
  f: EventFilter,
  dialect: Dialect = 'postgres',
): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const p = (v: string | number): string => {
    params.push(v);
    return `$${params.length}`;
  };
  for (const side of ['source', 'target'] as const) {
    const v = f[side];
    if (v === undefined) continue;
    const code = v.toUpperCase();
    if (!ACTOR_FILTER.test(code))
      throw fail('E_ARGS', `expected --${side} a CAMEO actor code or prefix (RUS, RUSGOV), found "${v}"`);
    if (dialect === 'duckdb')
      parts.push(`${side}_code >= ${p(code)} AND ${side}_code < ${p(prefixEnd(code))}`);
    parts.push(`${side}_code LIKE ${p(`${code}%`)}`);
  }
  if (f.from !== undefined) parts.push(`date >= CAST(${p(checkDate(f.from, 'from'))} AS DATE)`);
  if (f.to !== undefined) parts.push(`date <= CAST(${p(checkDate(f.to, 'to'))} AS DATE)`);
  if (f.code !== undefined) {
    if (!CODE_FILTER.test(f.code))
      throw fail('E_ARGS', `expected --code a CAMEO code ("163") or prefix ("16*"), found "${f.code}"`);
    if (f.code.endsWith('*')) parts.push(`code LIKE ${p(`${f.code.slice(0, -1)}%`)}`);
    else parts.push(`code = ${p(f.code)}`);
  }
  if (f.quad !== undefined) {
    if (!Number.isInteger(f.quad) || f.quad < 0 || f.quad > 4)
      throw fail('E_ARGS', `expected --quad 0 to 4, found "${f.quad}"`);
    parts.push(`quad = ${p(f.quad)}`);
  }
  if (f.modality !== undefined) parts.push(`modality = ${p(f.modality)}`);
  if (f.doc !== undefined) parts.push(`doc = ${p(f.doc)}`);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** the smallest string greater than every string starting with `prefix` (last character + 1) */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function checkDate(v: string, name: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw fail('E_ARGS', `expected --${name} a date written YYYY-MM-DD, found "${v}"`);
  }
  return v;
}

export function limitClause(f: EventFilter): string {
  const lim = f.limit ?? null;
  const off = f.offset ?? 0;
  for (const [n, v] of [
    ['limit', lim],
    ['offset', off],
  ] as const) {
    if (v !== null && (!Number.isInteger(v) || v < 0))
      throw fail('E_ARGS', `expected --${n} a whole number ≥ 0, found "${v}"`);
  }
  return `${lim !== null ? ` LIMIT ${lim}` : ''}${off ? ` OFFSET ${off}` : ''}`;
}

/**
 * The columns an event is read back from (`rowToEvent`), each as a text or number value: dates as 'YYYY-MM-DD'
 * text, the 52-bit cluster id as a double. The derived columns (base, actor codes and countries, kept for
 * filtering) are not read.
 */
export const EVENT_READ_COLUMNS = [
  'id',
  'doc',
  'doc_version',
  'sentence',
  'CAST(date AS TEXT) AS date',
  'date_source',
  'CAST(date_from AS TEXT) AS date_from',
  'CAST(date_to AS TEXT) AS date_to',
  'source_json',
  'target_json',
  'code',
  'root',
  'goldstein',
  'quad',
  'plover_event',
  'plover_mode',
  'modality',
  'evidence',
  'quote',
  'confidence',
  'code_name',
  'in_response_to',
  'outlet',
  'url',
  'CAST(cluster_id AS DOUBLE PRECISION) AS cluster_id',
  'coder_version',
  'dict_version',
] as const;

/** Events query: document order. */
export function eventsSql(
  f: EventFilter,
  dialect: Dialect = 'postgres',
): { sql: string; params: (string | number)[] } {
  const w = whereClause(f, dialect);
  return {
    sql: `SELECT ${EVENT_READ_COLUMNS.join(', ')} FROM events ${w.sql} ORDER BY date, doc, sentence, id${limitClause(f)}`,
    params: w.params,
  };
}

/** Number of events matching a filter (limit and offset ignored). */
export function countSql(
  f: EventFilter,
  dialect: Dialect = 'postgres',
): { sql: string; params: (string | number)[] } {
  const w = whereClause(f, dialect);
  return { sql: `SELECT count(*) AS n FROM events ${w.sql}`, params: w.params };
}

/** Clusters query: one row per cluster id with GDELT-style counts. */
export function clustersSql(
  f: EventFilter,
  dialect: Dialect = 'postgres',
): { sql: string; params: (string | number)[] } {
  const w = whereClause(f, dialect);
  // every value plain text or a number (no BIGINT, no DATE), so rows convert cheaply
  const sql = `SELECT CAST(cluster_id AS DOUBLE PRECISION) AS cluster_id, CAST(min(date) AS TEXT) AS date,
      min(source_code) AS source_code, min(target_code) AS target_code,
      min(code) AS code, min(root) AS root, min(quad) AS quad, avg(goldstein) AS goldstein, min(modality) AS modality,
      CAST(count(*) AS INTEGER) AS mentions, CAST(count(DISTINCT doc) AS INTEGER) AS documents,
      CAST(count(DISTINCT coalesce(outlet, 'doc:' || doc)) AS INTEGER) AS sources,
      string_agg(id, '\t' ORDER BY doc, sentence, id) AS ids,
      string_agg(CAST(evidence AS TEXT), ',' ORDER BY doc, sentence, id) AS evidence,
      min(url) AS url, min(CAST(source_json AS TEXT)) AS source_json, min(CAST(target_json AS TEXT)) AS target_json,
      min(plover_event) AS plover_event, min(plover_mode) AS plover_mode
    FROM events ${w.sql} GROUP BY cluster_id ORDER BY min(date), cluster_id${limitClause(f)}`;
  return { sql, params: w.params };
}

export function rowToCluster(r: Row): Cluster {
  const c: Cluster = {
    id: num(r.cluster_id),
    date: day(r.date) as string,
    sourceCode: str(r.source_code),
    targetCode: str(r.target_code),
    code: String(r.code),
    root: String(r.root),
    quad: num(r.quad),
    goldstein: num(r.goldstein),
    modality: r.modality as Cluster['modality'],
    mentions: num(r.mentions),
    documents: num(r.documents),
    sources: num(r.sources),
    events: String(r.ids).split('\t'),
    evidence: (JSON.parse(`[${String(r.evidence)}]`) as EventRecord['evidence'][]).flat(),
    url: str(r.url),
    source: r.source_json == null ? null : json<Actor>(r.source_json),
    target: r.target_json == null ? null : json<Actor>(r.target_json),
    plover:
      r.plover_mode == null
        ? { event: String(r.plover_event) }
        : { event: String(r.plover_event), mode: String(r.plover_mode) },
  };
  return c;
}
