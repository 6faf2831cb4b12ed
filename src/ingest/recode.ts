/** Re-coding stored documents: each current document version gets the new coder's events in one transaction. */
import type { Store } from '../store/store.ts';
import type { CoderLike } from './fake-coder.ts';
import { Batch, type BatchOptions, codeSafely } from './ingest.ts';

export interface RecodeSummary {
  documents: number;
  events: number;
  previousEvents: number;
  failed: number;
  skipped: number;
}

export async function recode(
  store: Store,
  coder: CoderLike,
  f: {
    id?: string;
    status?: 'ok' | 'failed';
    stale?: boolean;
    pageSize?: number;
    batch?: BatchOptions;
  } = {},
): Promise<RecodeSummary> {
  const s: RecodeSummary = { documents: 0, events: 0, previousEvents: 0, failed: 0, skipped: 0 };
  const page = f.pageSize ?? 200;
  // the selection is fixed first: recoding changes status and coder version, which the filter may look at
  const keys: { id: string; version: number }[] = [];
  for (let offset = 0; ; offset += page) {
    const docs = await store.listDocuments({
      ...(f.id ? { id: f.id } : {}),
      ...(f.status ? { status: f.status } : {}),
      limit: page,
      offset,
    });
    for (const d of docs) {
      // a document that failed to parse has no text to code: only coder failures are retried
      if ((d.status === 'failed' && d.coderVersion === null) || (f.stale && d.coderVersion === coder.version))
        s.skipped++;
      else keys.push({ id: d.id, version: d.version });
    }
    if (docs.length < page) break;
  }
  const batch = new Batch(store, f.batch);
  try {
    for (const k of keys) {
      await batch.open();
      await recodeOne(k);
      await batch.done();
    }
    await batch.close();
  } catch (e) {
    await batch.abort();
    throw e;
  }
  return s;

  async function recodeOne(k: { id: string; version: number }): Promise<void> {
    const d = await store.getDocument(k.id, k.version);
    if (!d) return;
    s.previousEvents += (await store.queryEvents({ doc: d.id })).length;
    const input = {
      id: d.id,
      text: d.text,
      ...(d.date ? { date: d.date } : {}),
      ...(d.title ? { title: d.title } : {}),
      ...(d.url ? { url: d.url } : {}),
      ...(d.outlet ? { source: d.outlet } : {}),
    };
    const r = await codeSafely(coder, input);
    if (!r.ok) {
      await store.replaceCoding(d.id, d.version, {
        events: [],
        mentions: [],
        quotes: [],
        coderVersion: coder.version,
        status: 'failed',
        error: r.error,
      });
      s.failed++;
    } else {
      const events = r.value.events.map((e) => (e.doc === d.id ? e : { ...e, doc: d.id }));
      await store.replaceCoding(d.id, d.version, {
        events,
        mentions: r.value.annotation.mentions,
        quotes: r.value.annotation.quotes,
        coderVersion: coder.version,
        dictVersion: coder.dictVersion ?? null,
      });
      s.events += events.length;
    }
    s.documents++;
  }
}
