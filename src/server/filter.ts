/**
 * The events of the current filter: the store does the CLI filters (source, target, dates, code, quad,
 * modality, document); country, CAMEO root and the text search are applied here, then sorting.
 */
import type { EventFilter, Store, StoredEvent } from '../store/store.ts';
import type { EventsQuery, SORT_KEYS } from './schemas.ts';

type Filter = Omit<EventsQuery, 'sort' | 'dir' | 'limit' | 'offset'>;

export async function filterEvents(store: Store, q: Filter): Promise<StoredEvent[]> {
  const f: EventFilter = {};
  if (q.source) f.source = q.source;
  if (q.target) f.target = q.target;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.quad !== undefined) f.quad = q.quad;
  if (q.modality) f.modality = q.modality;
  if (q.doc) f.doc = q.doc;
  if (q.code) f.code = q.code;
  else if (q.root) f.code = `${q.root}*`;
  let events = await store.queryEvents(f);
  if (q.code && q.root) events = events.filter((e) => e.root === q.root);
  if (q.country) {
    const c = q.country;
    const of = (a: StoredEvent['source']) => !!a && (a.country === c || a.code.startsWith(c));
    events = events.filter((e) => of(e.source) || of(e.target));
  }
  const terms = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length) {
    events = events.filter((e) => {
      const hay = haystack(e);
      return terms.every((t) => hay.includes(t));
    });
  }
  return events;
}

function haystack(e: StoredEvent): string {
  const actor = (a: StoredEvent['source']) => (a ? `${a.code} ${a.name ?? ''} ${a.text}` : '');
  return [
    actor(e.source),
    actor(e.target),
    e.code,
    e.codeName ?? '',
    e.plover.event,
    e.modality,
    e.doc,
    ...e.evidence.map((v) => v.text),
  ]
    .join(' ')
    .toLowerCase();
}

const KEY: Record<(typeof SORT_KEYS)[number], (e: StoredEvent) => string | number> = {
  date: (e) => e.date,
  source: (e) => e.source?.code ?? '',
  target: (e) => e.target?.code ?? '',
  code: (e) => e.code,
  quad: (e) => e.quad,
  goldstein: (e) => e.goldstein,
  modality: (e) => e.modality,
  confidence: (e) => e.confidence,
  doc: (e) => e.doc,
};

/** A stable sort; ties keep the store's order (date, document, sentence). */
export function sortEvents(
  events: StoredEvent[],
  key: (typeof SORT_KEYS)[number],
  dir: 'asc' | 'desc',
): StoredEvent[] {
  const k = KEY[key];
  const sign = dir === 'desc' ? -1 : 1;
  return events
    .map((e, i) => ({ e, i, v: k(e) }))
    .sort((a, b) => (a.v < b.v ? -sign : a.v > b.v ? sign : a.i - b.i))
    .map((x) => x.e);
}
