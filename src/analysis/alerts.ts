/**
 * Escalation alerts with ACLED-style thresholds (ACLED Early Warning Dashboard / Conflict Change Map): a dyad's
 * conflict in the latest period against the mean of the previous four periods,
 *   change = (current − baseline) / baseline
 *   > +25 % large increase · +10 … +25 % moderate increase · −25 … +10 % limited change · < −25 % large decrease.
 * Small-baseline guard: when the baseline mean is ≤ 2 and the current value ≤ 5 (in the measure's units) the
 * change is reported as "limited change" whatever the percentage (one event after an empty month is not a
 * +100 % surge). A zero baseline with a current value above the guard is a large increase with no percentage.
 */
import type { EventRecord, IsoDate } from '../core/types.ts';
import type { ActorLevel, ActorSelector } from './actors.ts';
import { actorKey, selectorOf } from './actors.ts';
import type { Granularity } from './dates.ts';
import { dayNumber, periodKey, periodStart, shiftPeriods } from './dates.ts';
import type { SelectOptions } from './filter.ts';
import { isConflict, selectEvents } from './filter.ts';
import type { SeriesPoint } from './series.ts';
import { dyadSeries } from './series.ts';

export const ALERT_LEVELS = [
  'large increase',
  'moderate increase',
  'limited change',
  'large decrease',
] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export interface AlertOptions extends SelectOptions {
  /** period length (default week) */
  by?: Granularity;
  /** periods in the baseline (default 4) */
  baselinePeriods?: number;
  /** conflict measured as conflictual events (quad 3–4, default) or as |Σ min(Goldstein, 0)| */
  measure?: 'events' | 'goldstein';
  /** guard: a baseline mean at or below this … (default 2) */
  minBaseline?: number;
  /** … with a current value at or below this is "limited change" (default 5) */
  minCurrent?: number;
}

export interface ChangeClass {
  level: AlertLevel;
  /** relative change, null for a zero baseline */
  change: number | null;
  /** the small-baseline guard decided the level */
  guarded: boolean;
}

export function classifyChange(
  current: number,
  baselineMean: number,
  opts: { minBaseline?: number; minCurrent?: number } = {},
): ChangeClass {
  const minBaseline = opts.minBaseline ?? 2;
  const minCurrent = opts.minCurrent ?? 5;
  if (baselineMean <= minBaseline && current <= minCurrent) {
    return {
      level: 'limited change',
      change: baselineMean > 0 ? (current - baselineMean) / baselineMean : null,
      guarded: true,
    };
  }
  if (baselineMean <= 0) return { level: 'large increase', change: null, guarded: false };
  const change = (current - baselineMean) / baselineMean;
  const level: AlertLevel =
    change > 0.25
      ? 'large increase'
      : change >= 0.1
        ? 'moderate increase'
        : change >= -0.25
          ? 'limited change'
          : 'large decrease';
  return { level, change, guarded: false };
}

export interface Alert extends ChangeClass {
  source: string;
  target: string;
  period: string;
  start: IsoDate;
  current: number;
  baseline: number;
}

const measureOf = (p: Pick<SeriesPoint, 'conflictEvents' | 'conflict'>, m: AlertOptions['measure']) =>
  m === 'goldstein' ? -p.conflict : p.conflictEvents;

/** The alert level of every period of A→B that has a full baseline before it, in order. */
export function alertHistory(
  all: readonly EventRecord[],
  a: string | ActorSelector,
  b: string | ActorSelector,
  opts: AlertOptions = {},
): Alert[] {
  const k = opts.baselinePeriods ?? 4;
  const s = dyadSeries(all, selectorOf(a), selectorOf(b), { ...opts, by: opts.by ?? 'week' });
  const values = s.points.map((p) => measureOf(p, opts.measure));
  const out: Alert[] = [];
  for (let i = k; i < s.points.length; i++) {
    const baseline = values.slice(i - k, i).reduce((x, y) => x + y, 0) / k;
    const p = s.points[i]!;
    out.push({
      source: s.source,
      target: s.target,
      period: p.period,
      start: p.start,
      current: values[i]!,
      baseline,
      ...classifyChange(values[i]!, baseline, opts),
    });
  }
  return out;
}

export interface AlertsOptions extends AlertOptions {
  /** the latest period is the one containing this date (default: the last event's date) */
  at?: IsoDate;
  /** group actors by country (default) or full code */
  level?: ActorLevel;
  /** merge A→B and B→A (default false: directed dyads) */
  undirected?: boolean;
}

const SEVERITY: Record<AlertLevel, number> = {
  'large increase': 0,
  'moderate increase': 1,
  'limited change': 2,
  'large decrease': 3,
};

/** Every dyad with conflict in the latest period or its baseline, classified; increases first. */
export function escalationAlerts(all: readonly EventRecord[], opts: AlertsOptions = {}): Alert[] {
  const by = opts.by ?? 'week';
  const k = opts.baselinePeriods ?? 4;
  const level = opts.level ?? 'country';
  const events = selectEvents(all, opts);
  const at = opts.at ?? events[events.length - 1]?.date;
  if (!at) return [];
  const latest = periodStart(at, by);
  const first = dayNumber(shiftPeriods(latest, by, -k));
  const end = dayNumber(shiftPeriods(latest, by, 1));
  const keys = Array.from({ length: k + 1 }, (_, i) => periodKey(shiftPeriods(latest, by, i - k), by));
  const index = new Map(keys.map((key, i) => [key, i]));
  const dyads = new Map<
    string,
    { source: string; target: string; cells: { conflictEvents: number; conflict: number }[] }
  >();
  for (const e of events) {
    const d = dayNumber(e.date);
    if (d < first || d >= end || !isConflict(e)) continue;
    let s = actorKey(e.source, level);
    let t = actorKey(e.target, level);
    if (!s || !t || s === t) continue;
    if (opts.undirected && t < s) [s, t] = [t, s];
    const key = `${s}|${t}`;
    let dy = dyads.get(key);
    if (!dy) {
      dy = { source: s, target: t, cells: keys.map(() => ({ conflictEvents: 0, conflict: 0 })) };
      dyads.set(key, dy);
    }
    const cell = dy.cells[index.get(periodKey(e.date, by))!]!;
    cell.conflictEvents += 1;
    cell.conflict += Math.min(e.goldstein, 0);
  }
  const out: Alert[] = [];
  for (const dy of dyads.values()) {
    const values = dy.cells.map((c) => measureOf(c, opts.measure));
    const current = values[k]!;
    const baseline = values.slice(0, k).reduce((x, y) => x + y, 0) / k;
    out.push({
      source: dy.source,
      target: dy.target,
      period: keys[k]!,
      start: latest,
      current,
      baseline,
      ...classifyChange(current, baseline, opts),
    });
  }
  return out.sort(
    (x, y) =>
      SEVERITY[x.level] - SEVERITY[y.level] ||
      (y.change ?? Number.POSITIVE_INFINITY) - (x.change ?? Number.POSITIVE_INFINITY) ||
      y.current - x.current ||
      `${x.source}|${x.target}`.localeCompare(`${y.source}|${y.target}`),
  );
}
