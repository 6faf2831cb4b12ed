/**
 * Directed-dyad time series (Goldstein & Freeman 1990; Goldstein & Pevehouse 1997): for A→B and each period,
 * the event count, counts by quad class, the Goldstein sum ("net cooperation") and mean, and cooperation and
 * conflict kept apart (Σ max(g,0) and Σ min(g,0)). Empty periods are present with zeros, so series align.
 */
import type { EventRecord, IsoDate } from '../core/types.ts';
import type { ActorSelector } from './actors.ts';
import { selectorOf } from './actors.ts';
import type { Granularity } from './dates.ts';
import { periodKey, periodRange } from './dates.ts';
import type { SelectOptions } from './filter.ts';
import { directed, isConflict, isCooperation, selectEvents } from './filter.ts';

export interface SeriesOptions extends SelectOptions {
  /** period length (default week: Goldstein & Pevehouse's weekly series) */
  by?: Granularity;
  /** divide the measures by the total event volume of the period (all dyads), see `normalized` */
  normalize?: boolean;
  /** trailing moving average over this many periods (≥ 2), see `ma` */
  movingAverage?: number;
}

export interface Measures {
  /** events */
  n: number;
  /** Σ Goldstein: net cooperation */
  goldsteinSum: number;
  /** Σ max(g, 0) */
  coop: number;
  /** Σ min(g, 0) (zero or negative) */
  conflict: number;
  /** events of quad class 1 or 2 */
  coopEvents: number;
  /** events of quad class 3 or 4 */
  conflictEvents: number;
}

export interface SeriesPoint extends Measures {
  period: string;
  start: IsoDate;
  /** events by quad class 0 (neutral) … 4 (material conflict) */
  quad: [number, number, number, number, number];
  /** mean Goldstein, null for an empty period */
  goldsteinMean: number | null;
  /** total events of the period in the whole input (after the same filters): the normaliser */
  volume: number;
  /** measures divided by `volume` (0 when the period is empty), when asked */
  normalized?: Measures;
  /** trailing moving averages of the measures, when asked */
  ma?: Measures;
}

export interface DyadSeries {
  source: string;
  target: string;
  by: Granularity;
  points: SeriesPoint[];
}

const MEASURE_KEYS = ['n', 'goldsteinSum', 'coop', 'conflict', 'coopEvents', 'conflictEvents'] as const;

function zeroPoint(period: string, start: IsoDate): SeriesPoint {
  return {
    period,
    start,
    n: 0,
    quad: [0, 0, 0, 0, 0],
    goldsteinSum: 0,
    goldsteinMean: null,
    coop: 0,
    conflict: 0,
    coopEvents: 0,
    conflictEvents: 0,
    volume: 0,
  };
}

/** Adds one event to a point. */
function add(p: SeriesPoint, e: EventRecord): void {
  p.n += 1;
  const q = Math.max(0, Math.min(4, e.quad)) as 0 | 1 | 2 | 3 | 4;
  p.quad[q] += 1;
  p.goldsteinSum += e.goldstein;
  if (e.goldstein > 0) p.coop += e.goldstein;
  if (e.goldstein < 0) p.conflict += e.goldstein;
  if (isCooperation(e)) p.coopEvents += 1;
  if (isConflict(e)) p.conflictEvents += 1;
}

/**
 * The A→B series. `all` is the whole input (used for the period range and the normaliser); the range runs from
 * `opts.from` (or the first event of the input) to `opts.to` (or the last one).
 */
export function dyadSeries(
  all: readonly EventRecord[],
  a: string | ActorSelector,
  b: string | ActorSelector,
  opts: SeriesOptions = {},
): DyadSeries {
  const sa = selectorOf(a);
  const sb = selectorOf(b);
  const by = opts.by ?? 'week';
  const events = selectEvents(all, opts);
  const from = opts.from ?? events[0]?.date;
  const to = opts.to ?? events[events.length - 1]?.date;
  const points = from && to ? periodRange(from, to, by).map((p) => zeroPoint(p.key, p.start)) : [];
  const index = new Map(points.map((p, i) => [p.period, i]));
  for (const e of events) {
    const i = index.get(periodKey(e.date, by));
    if (i !== undefined) points[i]!.volume += 1;
  }
  for (const e of directed(events, sa, sb)) {
    const i = index.get(periodKey(e.date, by));
    if (i !== undefined) add(points[i]!, e);
  }
  for (const p of points) p.goldsteinMean = p.n > 0 ? p.goldsteinSum / p.n : null;
  if (opts.normalize) {
    for (const p of points) p.normalized = mapMeasures(p, (v) => (p.volume > 0 ? v / p.volume : 0));
  }
  if (opts.movingAverage !== undefined) {
    const k = Math.max(1, Math.floor(opts.movingAverage));
    points.forEach((p, i) => {
      const win = points.slice(Math.max(0, i - k + 1), i + 1);
      p.ma = mapMeasures(p, (_v, key) => win.reduce((s, w) => s + w[key], 0) / win.length);
    });
  }
  return { source: sa.label, target: sb.label, by, points };
}

function mapMeasures(p: Measures, f: (v: number, key: keyof Measures) => number): Measures {
  const out = {} as Measures;
  for (const k of MEASURE_KEYS) out[k] = f(p[k], k);
  return out;
}

/** Both directions of a dyad over the same periods. */
export function dyad(
  all: readonly EventRecord[],
  a: string | ActorSelector,
  b: string | ActorSelector,
  opts: SeriesOptions = {},
): { ab: DyadSeries; ba: DyadSeries } {
  const sa = selectorOf(a);
  const sb = selectorOf(b);
  return { ab: dyadSeries(all, sa, sb, opts), ba: dyadSeries(all, sb, sa, opts) };
}
