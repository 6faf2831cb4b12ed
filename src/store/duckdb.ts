/**
 * The embedded store: one DuckDB file (default `./riposte-data/riposte.duckdb`). Every document version is
 * written in one transaction (document row, events, mentions, quotes), so a killed process leaves either the
 * whole document or nothing. Events go in through the appender API (bulk, no row-by-row INSERT).
 */
import {
  closeSync,
  constants,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBResultReader,
} from '@duckdb/node-api';
import { fail, isRiposteError } from '../core/errors.ts';
import type { EventRecord } from '../core/types.ts';
import {
  clustersSql,
  countSql,
  type DocumentKey,
  type DocumentMatch,
  EVENT_COLUMNS,
  type EventMeta,
  eventRow,
  eventsSql,
  mentionRow,
  migrations,
  quoteRow,
  resolveSql,
  rowToCluster,
  rowToDocument,
  rowToEvent,
  rowToMatch,
  rowToMention,
  rowToQuote,
} from './sql.ts';
import type {
  Cluster,
  DocBundle,
  DocumentFilter,
  DocumentRow,
  EventFilter,
  Store,
  StoreCounts,
  StoredEvent,
  StoredMention,
  StoredQuote,
} from './store.ts';

type Param = string | number | boolean | null;

export async function openDuckDbStore(path: string): Promise<DuckDbStore> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    // new files in the 1.5 storage format (DICT_FSST and zstd string compression: a bulk load's commit compresses
    // in ≈ half the time of the 1.0 format DuckDB writes by default); existing files keep their format
    instance = await DuckDBInstance.create(path, { storage_compatibility_version: STORAGE_VERSION });
  } catch (e) {
    throw fail('E_STORE', `cannot open DuckDB file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const store = new DuckDbStore(instance, await instance.connect(), path);
  await store.migrate();
  return store;
}

export class DuckDbStore implements Store {
  readonly kind = 'duckdb' as const;
  readonly location: string;
  private readonly instance: DuckDBInstance;
  /** exposed for COPY-based exports and the benchmark */
  readonly connection: DuckDBConnection;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(instance: DuckDBInstance, connection: DuckDBConnection, location: string) {
    this.instance = instance;
    this.connection = connection;
    this.location = location;
  }

  /**
   * One operation at a time on the connection: transactions must not interleave. Every operation except the
   * document writes and look-ups of `documents` first flushes the appenders a batch keeps open, so reads and
   * deletes of events, mentions and quotes see every row written before them.
   */
  private serial<T>(f: () => Promise<T>, keepAppenders = false): Promise<T> {
    const run = keepAppenders ? f : () => this.flushAppenders().then(f);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** prepared statements of the frequent parameterised SQL (per-document look-ups and writes) */
  private readonly prepared = new Map<string, DuckDBPreparedStatement>();

  private async prepare(sql: string): Promise<DuckDBPreparedStatement> {
    let p = this.prepared.get(sql);
    if (!p) {
      if (this.prepared.size >= 64) this.dropPrepared();
      p = await this.connection.prepare(sql);
      this.prepared.set(sql, p);
    }
    return p;
  }

  private dropPrepared(): void {
    for (const p of this.prepared.values()) p.destroySync();
    this.prepared.clear();
  }

  private async read(sql: string, params: Param[]): Promise<DuckDBResultReader> {
    try {
      if (params.length === 0) return await this.connection.runAndReadAll(sql);
      const p = await this.prepare(sql);
      p.clearBindings();
      p.bind(params);
      return await p.runAndReadAll();
    } catch (e) {
      throw storeError(e, sql);
    }
  }

  private async rows(sql: string, params: Param[] = []): Promise<Record<string, unknown>[]> {
    return (await this.read(sql, params)).getRowObjectsJson() as Record<string, unknown>[];
  }

  private async exec(sql: string, params: Param[] = []): Promise<void> {
    await this.read(sql, params);
  }

  /** appenders a batch keeps open across documents (events, mentions, quotes), flushed before other work */
  private readonly open = new Map<string, DuckDBAppender>();

  private async flushAppenders(): Promise<void> {
    if (this.open.size === 0) return;
    const all = [...this.open];
    this.open.clear();
    let error: unknown;
    for (const [table, ap] of all) {
      try {
        ap.closeSync();
      } catch (e) {
        error ??= storeError(e, `append to ${table}`);
      }
    }
    if (error) throw error;
  }

  /** set between `begin()` and `commit()`/`rollback()`: writes join that transaction */
  private batchOpen = false;

  begin(): Promise<void> {
    return this.serial(async () => {
      if (this.batchOpen) throw fail('E_STORE', 'expected one open batch transaction at a time, found two');
      await this.exec('BEGIN TRANSACTION');
      this.batchOpen = true;
    });
  }

  commit(): Promise<void> {
    return this.serial(async () => {
      if (!this.batchOpen) return;
      this.batchOpen = false;
      await this.exec('COMMIT');
    });
  }

  rollback(): Promise<void> {
    return this.serial(async () => {
      // the rows still in appenders are dropped with the transaction
      await this.flushAppenders().catch(() => undefined);
      if (!this.batchOpen) return;
      this.batchOpen = false;
      await this.exec('ROLLBACK');
    }, true);
  }

  private async tx<T>(f: () => Promise<T>): Promise<T> {
    // inside a batch the caller commits or rolls back the whole batch
    if (this.batchOpen) return f();
    await this.exec('BEGIN TRANSACTION');
    try {
      const v = await f();
      await this.exec('COMMIT');
      return v;
    } catch (e) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  migrate(): Promise<number> {
    return this.serial(async () => {
      await this.exec(
        'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)',
      );
      const have = await this.currentVersion();
      const steps = migrations('duckdb', { zstd: await this.storageHasZstd() });
      for (let v = have + 1; v <= steps.length; v++) {
        await this.tx(async () => {
          for (const sql of steps[v - 1] ?? []) await this.exec(sql);
          await this.exec('INSERT INTO schema_version VALUES ($1, current_timestamp)', [v]);
        });
      }
      return steps.length;
    });
  }

  /** zstd string compression needs a file in storage format 1.2 or later (an in-memory database has it) */
  private async storageHasZstd(): Promise<boolean> {
    const r = await this.rows(
      "SELECT tags['storage_version'] AS v FROM duckdb_databases() WHERE database_name = current_database()",
    );
    const v = r[0]?.v;
    if (typeof v !== 'string') return true;
    const m = /^v(\d+)\.(\d+)/.exec(v);
    return !!m && (Number(m[1]) > 1 || (Number(m[1]) === 1 && Number(m[2]) >= 2));
  }

  private async currentVersion(): Promise<number> {
    const r = await this.rows('SELECT coalesce(max(version), 0) AS v FROM schema_version');
    return Number(r[0]?.v ?? 0);
  }

  schemaVersion(): Promise<number> {
    return this.serial(() => this.currentVersion());
  }

  resolveDocument(key: DocumentKey): Promise<DocumentMatch | null> {
    return this.serial(() => this.resolve(key), true);
  }

  private async resolve(key: DocumentKey): Promise<DocumentMatch | null> {
    const { sql, params } = resolveSql(key);
    if (!sql) return null;
    return rowToMatch((await this.rows(sql, params))[0]);
  }

  findDocument(key: DocumentKey): Promise<DocumentRow | null> {
    return this.serial(async () => {
      const m = await this.resolve(key);
      if (!m) return null;
      const r = await this.rows('SELECT * FROM documents WHERE id = $1 AND version = $2', [m.id, m.version]);
      return r[0] ? rowToDocument(r[0]) : null;
    }, true);
  }

  putDocument(b: DocBundle): Promise<void> {
    return this.serial(
      () =>
        this.tx(async () => {
          const d = b.doc;
          const prev = await this.rows('SELECT max(version) AS v FROM documents WHERE id = $1', [d.id]);
          if (prev[0]?.v !== null && prev[0]?.v !== undefined) {
            await this.exec('UPDATE documents SET is_current = false WHERE id = $1 AND is_current', [d.id]);
            await this.deleteCoding(d.id);
          }
          await this.exec(
            `INSERT INTO documents (id, version, url, outlet, title, date, language, hash, length, text, status, error,
             coder_version, is_current, ingested_at)
           VALUES ($1, $2, $3, $4, $5, CAST($6 AS DATE), $7, $8, $9, $10, $11, $12, $13, true, current_timestamp)`,
            [
              d.id,
              d.version,
              d.url,
              d.outlet,
              d.title,
              d.date,
              d.language,
              d.hash,
              d.text.length,
              d.text,
              d.status,
              d.error,
              d.coderVersion,
            ],
          );
          await this.appendCoding(d.id, d.version, b, {
            docVersion: d.version,
            outlet: d.outlet,
            url: d.url,
            coderVersion: d.coderVersion,
            dictVersion: b.dictVersion ?? null,
          });
        }),
      true,
    );
  }

  replaceCoding(
    id: string,
    version: number,
    c: Omit<DocBundle, 'doc'> & { coderVersion: string; status?: 'ok' | 'failed'; error?: string | null },
  ): Promise<void> {
    return this.serial(() =>
      this.tx(async () => {
        const r = await this.rows('SELECT * FROM documents WHERE id = $1 AND version = $2', [id, version]);
        const d = r[0] ? rowToDocument(r[0]) : null;
        if (!d) throw fail('E_NOT_FOUND', `document ${id} version ${version}`);
        await this.deleteCoding(id);
        await this.exec(
          'UPDATE documents SET coder_version = $1, status = $2, error = $3 WHERE id = $4 AND version = $5',
          [c.coderVersion, c.status ?? 'ok', c.error ?? null, id, version],
        );
        await this.appendCoding(id, version, c, {
          docVersion: version,
          outlet: d.outlet,
          url: d.url,
          coderVersion: c.coderVersion,
          dictVersion: c.dictVersion ?? null,
        });
      }),
    );
  }

  private async deleteCoding(id: string): Promise<void> {
    await this.flushAppenders();
    for (const t of ['events', 'mentions', 'quotes'])
      await this.exec(`DELETE FROM ${t} WHERE doc = $1`, [id]);
  }

  private async appendCoding(
    id: string,
    version: number,
    c: Omit<DocBundle, 'doc'>,
    meta: EventMeta,
  ): Promise<void> {
    if (c.events.length)
      await this.append(
        'events',
        c.events.map((e) => eventRow(e, meta)),
      );
    if (c.mentions.length)
      await this.append(
        'mentions',
        c.mentions.map((m) => mentionRow(id, version, m)),
      );
    if (c.quotes.length)
      await this.append(
        'quotes',
        c.quotes.map((q) => quoteRow(id, version, q)),
      );
  }

  /** Appends rows; inside a batch the table's appender stays open for the next documents (one flush per batch). */
  private async append(table: string, rows: (string | number | null)[][]): Promise<void> {
    let ap = this.open.get(table);
    try {
      if (!ap) {
        ap = await this.connection.createAppender(table);
        if (this.batchOpen) this.open.set(table, ap);
      }
      for (const row of rows) {
        for (const v of row) {
          if (v === null) ap.appendNull();
          else if (typeof v === 'number') ap.appendDouble(v);
          else ap.appendVarchar(v);
        }
        ap.endRow();
      }
      if (!this.batchOpen) ap.closeSync();
    } catch (e) {
      this.open.delete(table);
      try {
        ap?.closeSync();
      } catch {
        /* the append already failed */
      }
      throw storeError(e, `append to ${table}`);
    }
  }

  getDocument(id: string, version?: number): Promise<DocumentRow | null> {
    return this.serial(async () => {
      const r =
        version === undefined
          ? await this.rows('SELECT * FROM documents WHERE id = $1 AND is_current', [id])
          : await this.rows('SELECT * FROM documents WHERE id = $1 AND version = $2', [id, version]);
      return r[0] ? rowToDocument(r[0]) : null;
    });
  }

  listDocuments(f: DocumentFilter = {}): Promise<DocumentRow[]> {
    return this.serial(async () => {
      const { sql, params } = documentsSql(f);
      return (await this.rows(sql, params)).map(rowToDocument);
    });
  }

  /**
   * Bulk insert. Small batches go through the appender. Large ones are written as JSON lines (one native
   * `JSON.stringify` per batch: no per-field work in JavaScript) in batches of 40,960 (smaller at both ends,
   * `batchSizes`) and loaded with `INSERT … SELECT … FROM read_json(…)`, where DuckDB's JSON reader takes the
   * fields apart and SQL derives the rest (base code, actor code and country, the cluster id — the same sha-1 as
   * `clusterId()`). Writing batch k+1 overlaps with DuckDB loading batch k; one transaction for all.
   */
  insertEvents(
    events: EventRecord[],
    meta: { docVersion?: number; coderVersion?: string; outlet?: string } = {},
  ): Promise<number> {
    return this.serial(async () => {
      const m: EventMeta = {
        docVersion: meta.docVersion ?? 1,
        outlet: meta.outlet ?? null,
        url: null,
        coderVersion: meta.coderVersion ?? null,
        dictVersion: null,
      };
      if (events.length < BULK_MIN) {
        await this.tx(() =>
          this.append(
            'events',
            events.map((e) => eventRow(e, m)),
          ),
        );
        return events.length;
      }
      // one DuckDB thread while this thread writes JSON: on two cores, two DuckDB threads and JavaScript competed
      // for them and the load was slower. Each full row group (122,880 rows) is compressed and written by the
      // statement that fills it, while JavaScript writes the next batch, instead of all of them by the commit, which
      // nothing overlaps. Both settings are restored afterwards.
      const before = (
        await this.rows(
          "SELECT current_setting('threads') AS t, current_setting('write_buffer_row_group_count') AS w",
        )
      )[0];
      const threads = Math.max(1, Number(before?.t ?? 1));
      const rowGroups = Math.max(1, Number(before?.w ?? 5));
      const files = new HandOff();
      const params: Param[] = [m.docVersion, m.outlet, m.url, m.coderVersion, m.dictVersion];
      try {
        await this.exec('SET threads = 1');
        await this.exec('SET write_buffer_row_group_count = 1');
        await this.tx(async () => {
          // two files in turn: the one being written is never the one DuckDB is reading. Each statement is
          // prepared (after its file exists: the reader looks for it then) and `run()` starts executing at once,
          // on DuckDB's threads, while this thread writes the next batch; `connection.run(sql)` would only start
          // parsing and wait for the event loop, so batches would not overlap.
          let pending: Promise<void> | null = null;
          try {
            let off = 0;
            let k = 0;
            for (const size of batchSizes(events.length, bulkOptions.batch)) {
              const file = files.write(k++ % 2, events, off, off + size);
              off += size;
              if (pending) await pending;
              const sql = bulkInsertSql(file);
              let st: DuckDBPreparedStatement;
              try {
                st = await this.connection.prepare(sql);
                st.bind(params);
              } catch (e) {
                throw storeError(e, sql);
              }
              pending = st.run().then(
                () => st.destroySync(),
                (e: unknown) => {
                  st.destroySync();
                  throw storeError(e, sql);
                },
              );
              pending.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
            }
            if (pending) await pending;
          } finally {
            await pending?.catch(() => undefined);
          }
        });
      } finally {
        files.remove();
        await this.exec(`SET threads = ${threads}`);
        await this.exec(`SET write_buffer_row_group_count = ${rowGroups}`);
      }
      return events.length;
    });
  }

  /**
   * Events read column by column (`getColumns`: plain strings and numbers, no per-value JSON conversion) and
   * assembled into records by `rowToEvent` over a reused row view.
   */
  queryEvents(f: EventFilter = {}): Promise<StoredEvent[]> {
    return this.serial(async () => {
      const { sql, params } = eventsSql(f, 'duckdb');
      return objects(await this.read(sql, params)).map(rowToEvent);
    });
  }

  countEvents(f: EventFilter = {}): Promise<number> {
    return this.serial(async () => {
      const { sql, params } = countSql(f, 'duckdb');
      return Number((await this.rows(sql, params))[0]?.n ?? 0);
    });
  }

  queryClusters(f: EventFilter = {}): Promise<Cluster[]> {
    return this.serial(async () => {
      const { sql, params } = clustersSql(f, 'duckdb');
      return objects(await this.read(sql, params)).map(rowToCluster);
    });
  }

  mentions(doc?: string): Promise<StoredMention[]> {
    return this.serial(async () => {
      const r = doc
        ? await this.rows('SELECT * FROM mentions WHERE doc = $1 ORDER BY doc, start_offset', [doc])
        : await this.rows('SELECT * FROM mentions ORDER BY doc, start_offset');
      return r.map(rowToMention);
    });
  }

  quotes(doc?: string): Promise<StoredQuote[]> {
    return this.serial(async () => {
      const r = doc
        ? await this.rows('SELECT * FROM quotes WHERE doc = $1 ORDER BY doc, start_offset', [doc])
        : await this.rows('SELECT * FROM quotes ORDER BY doc, start_offset');
      return r.map(rowToQuote);
    });
  }

  counts(): Promise<StoreCounts> {
    return this.serial(async () => {
      const r = await this.rows(COUNTS_SQL);
      return countsFrom(r[0] ?? {});
    });
  }

  /**
   * Rewrites the events table ordered by dyad and date, so the zone maps (min/max per row group) let dyad and
   * date filters skip almost every row group. Run after large loads (`riposte bench-store` does).
   */
  optimize(): Promise<void> {
    return this.serial(() =>
      this.tx(async () => {
        // through a scratch table, so the events table keeps its definition (NOT NULL constraints)
        await this.exec(
          'CREATE TEMP TABLE events_sorted AS SELECT * FROM events ORDER BY source_code, target_code, date, doc',
        );
        await this.exec('DELETE FROM events');
        await this.exec('INSERT INTO events SELECT * FROM events_sorted');
        await this.exec('DROP TABLE events_sorted');
      }),
    );
  }

  async close(): Promise<void> {
    await this.serial(async () => {
      this.dropPrepared();
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }
}

export const COUNTS_SQL = `SELECT
  (SELECT count(*) FROM documents WHERE is_current) AS documents,
  (SELECT count(*) FROM documents) AS versions,
  (SELECT count(*) FROM documents WHERE is_current AND status = 'failed') AS failed,
  (SELECT count(*) FROM events) AS events,
  (SELECT count(*) FROM mentions) AS mentions,
  (SELECT count(*) FROM quotes) AS quotes`;

export function countsFrom(r: Record<string, unknown>): StoreCounts {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    documents: n('documents'),
    versions: n('versions'),
    failed: n('failed'),
    events: n('events'),
    mentions: n('mentions'),
    quotes: n('quotes'),
  };
}

export function documentsSql(f: DocumentFilter): { sql: string; params: Param[] } {
  const parts: string[] = [];
  const params: Param[] = [];
  if (f.current !== false) parts.push('is_current');
  if (f.id !== undefined) {
    params.push(f.id);
    parts.push(`id = $${params.length}`);
  }
  if (f.status !== undefined) {
    params.push(f.status);
    parts.push(`status = $${params.length}`);
  }
  const lim = f.limit !== undefined ? ` LIMIT ${Math.max(0, Math.trunc(f.limit))}` : '';
  const off = f.offset ? ` OFFSET ${Math.max(0, Math.trunc(f.offset))}` : '';
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  return { sql: `SELECT * FROM documents ${where} ORDER BY id, version${lim}${off}`, params };
}

/**
 * Rows as objects from the columns as DuckDB returns them (`getColumns`: strings, numbers, null — the queries
 * cast dates to text and 64-bit integers to doubles), skipping the per-value JSON conversion of
 * `getRowObjectsJson`.
 */
function objects(r: DuckDBResultReader): Record<string, unknown>[] {
  const cols = r.getColumns() as unknown[][];
  const names = r.columnNames();
  const n = r.currentRowCount;
  const out = new Array<Record<string, unknown>>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let k = 0; k < names.length; k++) row[names[k] as string] = cols[k]?.[i];
    out[i] = row;
  }
  return out;
}

/** the storage format of new database files */
const STORAGE_VERSION = 'v1.5.0';

/** below this many events the appender is cheaper than a temporary file */
const BULK_MIN = 2000;
/** events per JSON-lines batch (a third of DuckDB's row group); tests lower it to exercise several batches */
export const bulkOptions = { batch: 40_960 };

/**
 * The events from..to as JSON lines, UTF-8. One `JSON.stringify` for all of them, with a marker string between
 * the events, is cheaper than one call per event plus a join; the markers (`,"\u0000",` — a string holding only
 * U+0000, which an event never contains in practice) are then overwritten in the encoded bytes with blanks and a
 * newline (same length, no second copy of the text), and so are the `["\u0000",` and `]` around them; DuckDB's
 * JSON reader skips the blanks. JSON.stringify escapes every control character, so an event never contains a raw
 * newline, and an ASCII marker cannot match inside a multi-byte UTF-8 character. If an event did contain the
 * marker there are more than n - 1 of them, and the events are written one call each instead.
 */
function jsonLines(events: EventRecord[], from: number, to: number): Buffer {
  const n = to - from;
  const withMarks = new Array<unknown>(2 * n);
  for (let i = 0; i < n; i++) {
    withMarks[2 * i] = '\u0000';
    withMarks[2 * i + 1] = events[from + i];
  }
  // '["\u0000",' … ']' around the events, ',"\u0000",' between them
  const buf = Buffer.from(JSON.stringify(withMarks), 'utf8');
  const head = MARK.length + 2;
  buf.fill(BLANK, 0, head);
  buf[buf.length - 1] = NEWLINE;
  let marks = 0;
  for (let p = buf.indexOf(SEP_BYTES, head); p >= 0; p = buf.indexOf(SEP_BYTES, p + SEP_BYTES.length)) {
    SEP_LINE.copy(buf, p);
    marks++;
  }
  if (marks === n - 1) return buf;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = JSON.stringify(events[from + i]);
  return Buffer.from(`${out.join('\n')}\n`, 'utf8');
}

/**
 * Events per `jsonLines` call. A batch is written in pieces this small (≈ 90 KB of JSON) because V8 allocates
 * such strings and buffers in the young generation, where they die cheaply; one string per 40,960-event batch
 * (26 MB, in large-object space, fresh memory pages each time) cost 25–35% more JavaScript time.
 */
const PIECE = 128;

/** the marker `jsonLines` puts between events, as JSON text, and what it becomes: blanks, then a newline */
const MARK = JSON.stringify('\u0000');
const SEP_BYTES = Buffer.from(`,${MARK},`);
const SEP_LINE = Buffer.from(`${' '.repeat(SEP_BYTES.length - 1)}\n`);
const BLANK = 0x20;
const NEWLINE = 0x0a;

/**
 * The columns `read_json` takes from each JSON line; nested values stay JSON text. Keys an event lacks are NULL,
 * keys not listed are ignored.
 */
const EVENT_JSON_COLUMNS = Object.entries({
  id: 'VARCHAR',
  doc: 'VARCHAR',
  sentence: 'INTEGER',
  date: 'VARCHAR',
  dateSource: 'VARCHAR',
  dateRange: 'DATE[]',
  source: 'JSON',
  target: 'JSON',
  code: 'VARCHAR',
  root: 'VARCHAR',
  goldstein: 'DOUBLE',
  quad: 'INTEGER',
  plover: 'STRUCT(event VARCHAR, mode VARCHAR)',
  modality: 'VARCHAR',
  evidence: 'JSON',
  quote: 'JSON',
  confidence: 'DOUBLE',
  codeName: 'VARCHAR',
  inResponseTo: 'VARCHAR',
})
  .map(([k, t]) => `'${k}': '${t}'`)
  .join(', ');

/**
 * Loads one JSON-lines file into `events`, in `EVENT_COLUMNS` order; $1…$5 are doc_version, outlet, url,
 * coder_version, dict_version. DuckDB's newline-delimited JSON reader takes the fields apart (≈ 10% less work
 * than splitting the lines with `read_csv` and parsing them with `json_transform`). The cluster id is
 * `clusterId(clusterKey(e))` computed in SQL: the first 13 hex digits of the sha-1 of
 * "date|source|target|code|modality" (the test checks both agree).
 */
function bulkInsertSql(file: string): string {
  const path = file.replaceAll("'", "''");
  return `INSERT INTO events
    SELECT e.id, e.doc, CAST($1 AS INTEGER), e.sentence, CAST(e.date AS DATE), e.dateSource, e.dateRange[1], e.dateRange[2],
      s[1], s[2], e.source, t[1], t[2], e.target, e.code, substr(e.code, 1, 3), e.root, e.goldstein, e.quad,
      e.plover.event, e.plover.mode, e.modality, e.evidence, e.quote, e.confidence, e.codeName, e.inResponseTo,
      CAST($2 AS TEXT), CAST($3 AS TEXT),
      CAST('0x' || substr(sha1(concat_ws('|', e.date, coalesce(s[1], ''), coalesce(t[1], ''), e.code, e.modality)), 1, 13) AS BIGINT),
      CAST($4 AS TEXT), CAST($5 AS TEXT)
    FROM (SELECT e, json_extract_string(e.source, ['$.code', '$.country']) AS s,
            json_extract_string(e.target, ['$.code', '$.country']) AS t
          FROM read_json('${path}', format = 'newline_delimited', records = true, auto_detect = false,
            columns = {${EVENT_JSON_COLUMNS}}) e)`;
}

/**
 * Batch sizes for n events: `batch` in the middle, a fifth and two fifths of it at both ends, so DuckDB starts
 * on the first file sooner and the last statement (which nothing overlaps) is short.
 */
export function batchSizes(n: number, batch: number): number[] {
  const ends: number[] = [];
  let left = n;
  for (const e of [Math.round(batch / 5), Math.round((2 * batch) / 5)]) {
    if (e > 0 && left >= 2 * e + batch) {
      ends.push(e);
      left -= 2 * e;
    }
  }
  const m = Math.max(1, Math.ceil(left / batch));
  const mid = Array.from(
    { length: m },
    (_, i) => Math.round((left * (i + 1)) / m) - Math.round((left * i) / m),
  );
  return [...ends, ...mid, ...[...ends].reverse()].filter((x) => x > 0);
}

/** free space a memory file system needs before the hand-off files go there */
const SHM_MIN_FREE = 512 * 1024 * 1024;

/**
 * The two hand-off files of a bulk load. In /dev/shm when it exists with room (memory, no file system journal:
 * writing 140 MB costs ≈ 110 ms there against ≈ 230 ms in an ext4 temp folder); if it fills up anyway (ENOSPC),
 * the files move to the system temp folder. Only the DuckDB database file makes a load durable, so where these
 * files live does not change crash safety.
 */
class HandOff {
  private readonly dirs: string[] = [];
  private dir: string;

  constructor() {
    let shm: string | null = null;
    try {
      const st = statfsSync('/dev/shm');
      if (st.bavail * st.bsize >= SHM_MIN_FREE) shm = mkdtempSync('/dev/shm/riposte-bulk-');
    } catch {
      shm = null;
    }
    this.dir = shm ?? mkdtempSync(join(tmpdir(), 'riposte-bulk-'));
    this.dirs.push(this.dir);
  }

  /**
   * Writes the events from..to as JSON lines into hand-off file i (0 or 1), `PIECE` events at a time, and returns
   * its path. The file is overwritten in place and then cut to length, not truncated first, so the memory pages of
   * the previous batch are reused (DuckDB has finished reading it: that was the statement before the one now
   * reading the other file).
   */
  write(i: number, events: EventRecord[], from: number, to: number): string {
    const file = join(this.dir, `events-${i}.jsonl`);
    try {
      const fd = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
      try {
        let pos = 0;
        for (let at = from; at < to; at += PIECE) {
          const buf = jsonLines(events, at, Math.min(to, at + PIECE));
          for (let done = 0; done < buf.length; )
            done += writeSync(fd, buf, done, buf.length - done, pos + done);
          pos += buf.length;
        }
        ftruncateSync(fd, pos);
      } finally {
        closeSync(fd);
      }
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOSPC' || !this.dir.startsWith('/dev/shm/')) throw e;
      rmSync(file, { force: true });
      this.dir = mkdtempSync(join(tmpdir(), 'riposte-bulk-'));
      this.dirs.push(this.dir);
      return this.write(i, events, from, to);
    }
  }

  remove(): void {
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

function storeError(e: unknown, what: string) {
  if (isRiposteError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return fail('E_STORE', `${msg.split('\n')[0]} (in: ${what.replace(/\s+/g, ' ').slice(0, 120)})`);
}

export { EVENT_COLUMNS };
