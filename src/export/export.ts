/**
 * Writes stored events in an export format to a stream, or (Parquet) to a file through an in-memory DuckDB.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { fail } from '../core/errors.ts';
import type { EventFilter, Store, StoredEvent } from '../store/store.ts';
import {
  csvLine,
  type ExportFormat,
  FLAT_COLUMNS,
  flatRow,
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  gdeltEventLine,
  gdeltMentionLine,
  ploverRecord,
} from './formats.ts';

export interface ExportOptions {
  /** GDELT and CSV: write a header line (GDELT files have none by default) */
  header?: boolean;
  /** jsonl: one line per cluster instead of per event */
  clusters?: boolean;
}

type Sink = { write(s: string): unknown };

/** Writes the export; returns the number of records written. */
export async function exportTo(
  store: Store,
  format: ExportFormat,
  filter: EventFilter,
  out: Sink,
  o: ExportOptions = {},
): Promise<number> {
  if (format === 'parquet')
    throw fail('E_ARGS', 'expected -o FILE with --format parquet, found standard output');
  if (format === 'gdelt') {
    const clusters = await store.queryClusters(filter);
    if (o.header) out.write(`${GDELT_EVENT_COLUMNS.join('\t')}\n`);
    for (const c of clusters) out.write(`${gdeltEventLine(c)}\n`);
    return clusters.length;
  }
  if (format === 'jsonl' && o.clusters) {
    const clusters = await store.queryClusters(filter);
    for (const c of clusters) out.write(`${JSON.stringify(c)}\n`);
    return clusters.length;
  }
  const events = await store.queryEvents(filter);
  if (format === 'gdelt-mentions') {
    if (o.header) out.write(`${GDELT_MENTION_COLUMNS.join('\t')}\n`);
    const lengths = await docLengths(store, events);
    for (const e of events) out.write(`${gdeltMentionLine(e, lengths.get(e.doc) ?? -1)}\n`);
  } else if (format === 'plover') {
    for (const e of events) out.write(`${JSON.stringify(ploverRecord(e))}\n`);
  } else if (format === 'jsonl') {
    for (const e of events) out.write(`${JSON.stringify(e)}\n`);
  } else if (format === 'csv') {
    out.write(`${FLAT_COLUMNS.map(([n]) => n).join(',')}\n`);
    for (const e of events) out.write(`${csvLine(flatRow(e))}\n`);
  }
  return events.length;
}

async function docLengths(store: Store, events: StoredEvent[]): Promise<Map<string, number>> {
  const m = new Map<string, number>();
  for (const e of events) {
    if (m.has(e.doc)) continue;
    const d = await store.getDocument(e.doc);
    m.set(e.doc, d ? d.text.length : -1);
  }
  return m;
}

/** Writes the events as a Parquet file (zstd) through an in-memory DuckDB: appender, then COPY … TO. */
export async function writeParquet(events: readonly StoredEvent[], path: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(`CREATE TABLE x (${FLAT_COLUMNS.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
    const ap = await c.createAppender('x');
    for (const e of events) {
      for (const v of flatRow(e)) {
        if (v === null) ap.appendNull();
        else if (typeof v === 'number') ap.appendDouble(v);
        else ap.appendVarchar(v);
      }
      ap.endRow();
    }
    ap.closeSync();
    await c.run(`COPY x TO '${path.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
  } catch (e) {
    throw fail('E_STORE', `cannot write Parquet file ${path}: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** The store's events matching the filter as a Parquet file; returns how many were written. */
export async function exportParquet(store: Store, filter: EventFilter, path: string): Promise<number> {
  const events = await store.queryEvents(filter);
  await writeParquet(events, path);
  return events.length;
}
