/**
 * The data-access seam. The analysis functions take `EventRecord[]`; this module only fetches them — from a
 * JSONL file (event records one a line, as `riposte code` prints them, or documents carrying an `events` array)
 * or from the store (`--db`, DuckDB file or postgres:// URL).
 */
import { readFile } from 'node:fs/promises';
import { fail } from '../core/errors.ts';
import type { EventRecord, IsoDate } from '../core/types.ts';
import { EventRecordSchema } from '../core/types.ts';

/** What the analysis needs from a store: `Store.queryEvents` satisfies it. */
export interface EventSource {
  queryEvents(filter?: { from?: IsoDate; to?: IsoDate }): Promise<EventRecord[]>;
}

function issue(e: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const i = e.issues[0];
  return i ? `${i.path.map(String).join('.') || 'record'}: ${i.message}` : 'not an event record';
}

/** Event records from JSONL text: each line an event record or an object with an `events` array. */
export function parseEventsJsonl(text: string): EventRecord[] {
  const out: EventRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw fail('E_INPUT_JSONL', i + 1, e instanceof Error ? e.message : String(e));
    }
    const records =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Array.isArray((value as { events?: unknown }).events)
        ? (value as { events: unknown[] }).events
        : [value];
    for (const r of records) {
      const parsed = EventRecordSchema.safeParse(r);
      if (!parsed.success)
        throw fail('E_INPUT_JSONL', i + 1, `expected an event record, ${issue(parsed.error)}`);
      out.push(parsed.data);
    }
  });
  return out;
}

export async function readEventsFile(path: string): Promise<EventRecord[]> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (e) {
    throw fail('E_INPUT_READ', path, e instanceof Error ? e.message : String(e));
  }
  return parseEventsJsonl(text);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString('utf8');
}

export async function queryAll(
  source: EventSource,
  range: { from?: IsoDate; to?: IsoDate },
): Promise<EventRecord[]> {
  const filter: { from?: IsoDate; to?: IsoDate } = {};
  if (range.from) filter.from = range.from;
  if (range.to) filter.to = range.to;
  return source.queryEvents(filter);
}

export interface LoadOptions {
  /** a JSONL file of event records ("-" for stdin); takes precedence over the store */
  events?: string;
  /** the store: a DuckDB file path or a postgres:// URL (default: $RIPOSTE_DB or the default file) */
  db?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/**
 * Loads events for an analysis. The date range is only a pre-filter: analyses that look past `to` (replies
 * to a late stimulus) ask for a wider range themselves.
 */
export async function loadEvents(opts: LoadOptions): Promise<EventRecord[]> {
  if (opts.events !== undefined) return readEventsFile(opts.events);
  const { openStore } = await import('../store/store.ts');
  const store = await openStore(opts.db);
  try {
    return await queryAll(store, opts);
  } finally {
    await store.close();
  }
}
