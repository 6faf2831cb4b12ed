/**
 * Exports of the current filter in every format, built in memory for one HTTP response. The events are the
 * filtered ones; the GDELT events file (and JSONL clusters) holds the clusters that contain any of them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeParquet } from '../export/export.ts';
import {
  csvLine,
  FLAT_COLUMNS,
  flatRow,
  GDELT_EVENT_COLUMNS,
  GDELT_MENTION_COLUMNS,
  gdeltEventLine,
  gdeltMentionLine,
  ploverRecord,
} from '../export/formats.ts';
import type { Cluster, Store, StoredEvent } from '../store/store.ts';
import { HttpError } from './errors.ts';
import type { ExportQuery } from './schemas.ts';

export interface ExportBody {
  body: string | Uint8Array<ArrayBuffer>;
  type: string;
  filename: string;
  records: number;
}

const lines = (xs: string[]) => (xs.length ? `${xs.join('\n')}\n` : '');

async function clustersOf(store: Store, q: ExportQuery, events: StoredEvent[]): Promise<Cluster[]> {
  const ids = new Set(events.map((e) => e.id));
  const all = await store.queryClusters({
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  });
  return all.filter((c) => c.events.some((id) => ids.has(id)));
}

export async function exportBody(store: Store, q: ExportQuery, events: StoredEvent[]): Promise<ExportBody> {
  switch (q.format) {
    case 'gdelt': {
      const clusters = await clustersOf(store, q, events);
      const head = q.header ? [GDELT_EVENT_COLUMNS.join('\t')] : [];
      return {
        body: lines([...head, ...clusters.map(gdeltEventLine)]),
        type: 'text/tab-separated-values; charset=utf-8',
        filename: 'riposte-events.gdelt.tsv',
        records: clusters.length,
      };
    }
    case 'gdelt-mentions': {
      const len = new Map<string, number>();
      for (const e of events) {
        if (len.has(e.doc)) continue;
        const d = await store.getDocument(e.doc);
        len.set(e.doc, d ? d.text.length : -1);
      }
      const head = q.header ? [GDELT_MENTION_COLUMNS.join('\t')] : [];
      return {
        body: lines([...head, ...events.map((e) => gdeltMentionLine(e, len.get(e.doc) ?? -1))]),
        type: 'text/tab-separated-values; charset=utf-8',
        filename: 'riposte-mentions.gdelt.tsv',
        records: events.length,
      };
    }
    case 'plover':
      return {
        body: lines(events.map((e) => JSON.stringify(ploverRecord(e)))),
        type: 'application/x-ndjson; charset=utf-8',
        filename: 'riposte-events.plover.jsonl',
        records: events.length,
      };
    case 'jsonl': {
      if (q.clusters) {
        const clusters = await clustersOf(store, q, events);
        return {
          body: lines(clusters.map((c) => JSON.stringify(c))),
          type: 'application/x-ndjson; charset=utf-8',
          filename: 'riposte-clusters.jsonl',
          records: clusters.length,
        };
      }
      return {
        body: lines(events.map((e) => JSON.stringify(e))),
        type: 'application/x-ndjson; charset=utf-8',
        filename: 'riposte-events.jsonl',
        records: events.length,
      };
    }
    case 'csv':
      return {
        body: lines([FLAT_COLUMNS.map(([n]) => n).join(','), ...events.map((e) => csvLine(flatRow(e)))]),
        type: 'text/csv; charset=utf-8',
        filename: 'riposte-events.csv',
        records: events.length,
      };
    case 'parquet':
      return {
        body: await parquet(events),
        type: 'application/vnd.apache.parquet',
        filename: 'riposte-events.parquet',
        records: events.length,
      };
  }
}

/** The flat columns as a Parquet file (zstd), written by `writeParquet` into a temporary folder. */
async function parquet(events: StoredEvent[]): Promise<Uint8Array<ArrayBuffer>> {
  const dir = await mkdtemp(join(tmpdir(), 'riposte-export-'));
  const path = join(dir, 'events.parquet');
  try {
    await writeParquet(events, path);
    const buf = await readFile(path);
    const out = new Uint8Array(new ArrayBuffer(buf.byteLength));
    out.set(buf);
    return out;
  } catch (e) {
    throw new HttpError(
      500,
      'E_STORE',
      `cannot write Parquet: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
