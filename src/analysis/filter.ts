/** Event selection shared by every analysis: modality, date range, one-a-day de-duplication, dyad membership. */
import type { EventRecord, IsoDate } from '../core/types.ts';
import type { ActorSelector } from './actors.ts';
import { matchesActor } from './actors.ts';
import { dayNumber } from './dates.ts';

export interface SelectOptions {
  /** keep only asserted events (default true); negated, proposed, intended and hypothetical events are dropped */
  assertedOnly?: boolean;
  /** inclusive date bounds */
  from?: IsoDate;
  to?: IsoDate;
  /** keep one event per (date, source code, target code, CAMEO code) — the "one-a-day" filter (default false) */
  oneADay?: boolean;
}

export const isConflict = (e: EventRecord): boolean => e.quad >= 3;
export const isCooperation = (e: EventRecord): boolean => e.quad === 1 || e.quad === 2;

/** Events in date order (stable), filtered as asked. */
export function selectEvents(events: readonly EventRecord[], opts: SelectOptions = {}): EventRecord[] {
  const assertedOnly = opts.assertedOnly ?? true;
  const from = opts.from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(opts.from);
  const to = opts.to === undefined ? Number.POSITIVE_INFINITY : dayNumber(opts.to);
  let out = events.filter((e) => {
    if (assertedOnly && e.modality !== 'asserted') return false;
    const d = dayNumber(e.date);
    return d >= from && d <= to;
  });
  out = sortByDate(out);
  if (opts.oneADay) out = oneADay(out);
  return out;
}

export function sortByDate(events: readonly EventRecord[]): EventRecord[] {
  return events
    .map((e, i) => ({ e, i, d: dayNumber(e.date) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.e);
}

/** Keeps the first event of each (date, source code, target code, CAMEO code, modality). */
export function oneADay(events: readonly EventRecord[]): EventRecord[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const k = [e.date, e.source?.code ?? '', e.target?.code ?? '', e.code, e.modality].join('|');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Events whose source matches `a` and target matches `b`. */
export const directed = (events: readonly EventRecord[], a: ActorSelector, b: ActorSelector): EventRecord[] =>
  events.filter((e) => matchesActor(e.source, a) && matchesActor(e.target, b));
