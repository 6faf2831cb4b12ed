/**
 * The PostgreSQL store (`--db postgres://user@host:port/db[?schema=name]`), for teams that share one server.
 * Same schema and the same per-document transactions as the DuckDB store; bulk inserts are multi-row INSERTs.
 */
import pg from 'pg';
import { fail, isRiposteError } from '../core/errors.ts';
import type { EventRecord } from '../core/types.ts';
import { COUNTS_SQL, countsFrom, documentsSql } from './duckdb.ts';
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

const MENTION_COLUMNS = [
  'doc',
  'doc_version',
  'start_offset',
  'end_offset',
  'text',
  'code',
  'country',
  'types',
  'name',
  'entity_id',
];
const QUOTE_COLUMNS = ['doc', 'doc_version', 'start_offset', 'end_offset', 'speaker', 'cue'];

/** DATE stays 'YYYY-MM-DD' (no time-zone shift), BIGINT and NUMERIC become numbers. */
const TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 1082) return (v: string) => v;
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return (pg.types.getTypeParser as (o: number, f?: string) => (v: string) => unknown)(oid, format);
  },
};

export async function openPostgresStore(url: string, opts: { schema?: string } = {}): Promise<PostgresStore> {
  const u = new URL(url);
  const schema = opts.schema ?? u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw fail('E_ARGS', `expected a schema name of lower-case letters, digits and _, found "${schema}"`);
  }
  const client = new pg.Client({ connectionString: u.toString(), types: TYPES as pg.CustomTypesConfig });
  try {
    await client.connect();
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`SET search_path TO ${schema}`);
    }
    await client.query("SET client_min_messages TO 'warning'");
  } catch (e) {
    await client.end().catch(() => undefined);
    throw fail(
      'E_STORE',
      `cannot connect to PostgreSQL at ${redact(u)}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const store = new PostgresStore(client, redact(u) + (schema ? ` (schema ${schema})` : ''));
  await store.migrate();
  return store;
}

function redact(u: URL): string {
  const c = new URL(u.toString());
  if (c.password) c.password = '***';
  return c.toString();
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private readonly client: pg.Client;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(client: pg.Client, location: string) {
    this.client = client;
    this.location = location;
  }

  private serial<T>(f: () => Promise<T>): Promise<T> {
    const next = this.queue.then(f, f);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async rows(sql: string, params: Param[] = []): Promise<Record<string, unknown>[]> {
    try {
      return (await this.client.query(sql, params)).rows as Record<string, unknown>[];
    } catch (e) {
      throw storeError(e, sql);
    }
  }

  private async exec(sql: string, params: Param[] = []): Promise<void> {
    await this.rows(sql, params);
  }

  /** set between `begin()` and `commit()`/`rollback()`: writes join that transaction */
  private batchOpen = false;

  begin(): Promise<void> {
    return this.serial(async () => {
      if (this.batchOpen) throw fail('E_STORE', 'expected one open batch transaction at a time, found two');
      await this.exec('BEGIN');
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
      if (!this.batchOpen) return;
      this.batchOpen = false;
      await this.exec('ROLLBACK');
    });
  }

  private async tx<T>(f: () => Promise<T>): Promise<T> {
    // inside a batch the caller commits or rolls back the whole batch
    if (this.batchOpen) return f();
    await this.exec('BEGIN');
    try {
      const v = await f();
      await this.exec('COMMIT');
      return v;
    } catch (e) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  migrate(): Promise<number> {
    return this.serial(async () => {
      await this.exec(
        'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)',
      );
      const steps = migrations('postgres');
      await this.tx(async () => {
        // one migrator at a time across processes sharing the server
        await this.exec('LOCK TABLE schema_version IN EXCLUSIVE MODE');
        const have = await this.currentVersion();
        for (let v = have + 1; v <= steps.length; v++) {
          for (const sql of steps[v - 1] ?? []) await this.exec(sql);
          await this.exec('INSERT INTO schema_version VALUES ($1, now())', [v]);
        }
      });
      return steps.length;
    });
  }

  private async currentVersion(): Promise<number> {
    const r = await this.rows('SELECT coalesce(max(version), 0) AS v FROM schema_version');
    return Number(r[0]?.v ?? 0);
  }

  schemaVersion(): Promise<number> {
    return this.serial(() => this.currentVersion());
  }

  resolveDocument(key: DocumentKey): Promise<DocumentMatch | null> {
    return this.serial(() => this.resolve(key));
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
    });
  }

  putDocument(b: DocBundle): Promise<void> {
    return this.serial(() =>
      this.tx(async () => {
        const d = b.doc;
        // serialises writers of the same document id across processes
        await this.exec('SELECT pg_advisory_xact_lock(hashtext($1))', [d.id]);
        const prev = await this.rows('SELECT max(version) AS v FROM documents WHERE id = $1', [d.id]);
        if (prev[0]?.v !== null && prev[0]?.v !== undefined) {
          await this.exec('UPDATE documents SET is_current = false WHERE id = $1 AND is_current', [d.id]);
          await this.deleteCoding(d.id);
        }
        await this.exec(
          `INSERT INTO documents (id, version, url, outlet, title, date, language, hash, length, text, status, error,
             coder_version, is_current, ingested_at)
           VALUES ($1, $2, $3, $4, $5, CAST($6 AS DATE), $7, $8, $9, $10, $11, $12, $13, true, now())`,
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
        await this.insertCoding(d.id, d.version, b, {
          docVersion: d.version,
          outlet: d.outlet,
          url: d.url,
          coderVersion: d.coderVersion,
          dictVersion: b.dictVersion ?? null,
        });
      }),
    );
  }

  replaceCoding(
    id: string,
    version: number,
    c: Omit<DocBundle, 'doc'> & { coderVersion: string; status?: 'ok' | 'failed'; error?: string | null },
  ): Promise<void> {
    return this.serial(() =>
      this.tx(async () => {
        await this.exec('SELECT pg_advisory_xact_lock(hashtext($1))', [id]);
        const r = await this.rows('SELECT * FROM documents WHERE id = $1 AND version = $2', [id, version]);
        const d = r[0] ? rowToDocument(r[0]) : null;
        if (!d) throw fail('E_NOT_FOUND', `document ${id} version ${version}`);
        await this.deleteCoding(id);
        await this.exec(
          'UPDATE documents SET coder_version = $1, status = $2, error = $3 WHERE id = $4 AND version = $5',
          [c.coderVersion, c.status ?? 'ok', c.error ?? null, id, version],
        );
        await this.insertCoding(id, version, c, {
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
    for (const t of ['events', 'mentions', 'quotes'])
      await this.exec(`DELETE FROM ${t} WHERE doc = $1`, [id]);
  }

  private async insertCoding(
    id: string,
    version: number,
    c: Omit<DocBundle, 'doc'>,
    meta: EventMeta,
  ): Promise<void> {
    await this.insertRows(
      'events',
      EVENT_COLUMNS,
      c.events.map((e) => eventRow(e, meta)),
    );
    await this.insertRows(
      'mentions',
      MENTION_COLUMNS,
      c.mentions.map((m) => mentionRow(id, version, m)),
    );
    await this.insertRows(
      'quotes',
      QUOTE_COLUMNS,
      c.quotes.map((q) => quoteRow(id, version, q)),
    );
  }

  /** multi-row INSERTs, as many rows per statement as the 65,535-parameter limit allows */
  private async insertRows(table: string, columns: readonly string[], rows: Param[][]): Promise<void> {
    const per = Math.floor(60000 / columns.length);
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const params: Param[] = [];
      const values = chunk.map((r) => {
        const ph = r.map((v) => {
          params.push(v);
          return `$${params.length}`;
        });
        return `(${ph.join(',')})`;
      });
      await this.exec(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${values.join(',')}`, params);
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
      await this.tx(() =>
        this.insertRows(
          'events',
          EVENT_COLUMNS,
          events.map((e) => eventRow(e, m)),
        ),
      );
      return events.length;
    });
  }

  queryEvents(f: EventFilter = {}): Promise<StoredEvent[]> {
    return this.serial(async () => {
      const { sql, params } = eventsSql(f);
      return (await this.rows(sql, params)).map(rowToEvent);
    });
  }

  countEvents(f: EventFilter = {}): Promise<number> {
    return this.serial(async () => {
      const { sql, params } = countSql(f);
      return Number((await this.rows(sql, params))[0]?.n ?? 0);
    });
  }

  queryClusters(f: EventFilter = {}): Promise<Cluster[]> {
    return this.serial(async () => {
      const { sql, params } = clustersSql(f);
      return (await this.rows(sql, params)).map(rowToCluster);
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
    return this.serial(async () => countsFrom((await this.rows(COUNTS_SQL))[0] ?? {}));
  }

  async close(): Promise<void> {
    await this.serial(() => this.client.end());
  }
}

function storeError(e: unknown, what: string) {
  if (isRiposteError(e)) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return fail('E_STORE', `${msg.split('\n')[0]} (in: ${what.replace(/\s+/g, ' ').slice(0, 120)})`);
}
