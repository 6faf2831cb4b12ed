/**
 * The reciprocity coefficient: the lagged regression of B→A net cooperation on A→B net cooperation,
 *   G_BA,t = α + β · G_AB,t−lag + ε
 * over aligned period series (zeros in empty periods). β > 0 is reciprocity, β < 0 an inverse response
 * ("bullying", Goldstein & Pevehouse 1997). Estimated by ordinary least squares with simple-statistics; the
 * slope's standard error is √(SSR / (n − 2)) / √Σ(x − x̄)².
 */
import { linearRegression, linearRegressionLine, rSquared } from 'simple-statistics';
import type { EventRecord } from '../core/types.ts';
import type { ActorLevel, ActorSelector } from './actors.ts';
import { actorKey, selectorOf } from './actors.ts';
import { periodKey, periodRange } from './dates.ts';
import { selectEvents } from './filter.ts';
import type { SeriesOptions, SeriesPoint } from './series.ts';
import { dyad } from './series.ts';

export interface Regression {
  /** β */
  slope: number;
  /** α */
  intercept: number;
  /** standard error of β */
  se: number;
  /** β / se (null when se is 0) */
  t: number | null;
  /** null when y is constant (R² undefined) */
  r2: number | null;
  /** number of (x, y) pairs */
  n: number;
}

/** OLS of y_t on x_{t−lag}; null with fewer than 3 pairs or a constant x. */
export function laggedRegression(x: readonly number[], y: readonly number[], lag = 1): Regression | null {
  if (!Number.isInteger(lag) || lag < 0) return null;
  const len = Math.min(x.length, y.length);
  const data: [number, number][] = [];
  for (let t = lag; t < len; t++) data.push([x[t - lag]!, y[t]!]);
  const n = data.length;
  if (n < 3) return null;
  const xbar = data.reduce((s, d) => s + d[0], 0) / n;
  const sxx = data.reduce((s, d) => s + (d[0] - xbar) ** 2, 0);
  if (sxx === 0) return null;
  const { m, b } = linearRegression(data);
  const line = linearRegressionLine({ m, b });
  const ssr = data.reduce((s, [xi, yi]) => s + (yi - line(xi)) ** 2, 0);
  const se = Math.sqrt(ssr / (n - 2) / sxx);
  const r2 = rSquared(data, line);
  return { slope: m, intercept: b, se, t: se > 0 ? m / se : null, r2: Number.isFinite(r2) ? r2 : null, n };
}

export interface ReciprocityOptions extends SeriesOptions {
  /** periods between A's action and B's answer (default 1) */
  lag?: number;
  /** the series regressed (default goldsteinSum: net cooperation) */
  measure?: 'goldsteinSum' | 'coop' | 'conflict' | 'n';
}

export interface Reciprocity {
  /** the responder B */
  responder: string;
  /** the actor B responds to, A */
  to: string;
  by: string;
  lag: number;
  measure: string;
  /** null when the series are too short or A→B is constant */
  regression: Regression | null;
}

const pick = (points: readonly SeriesPoint[], m: NonNullable<ReciprocityOptions['measure']>) =>
  points.map((p) => p[m]);

/** How B (second) responds to A (first): B→A at t on A→B at t − lag. */
export function reciprocity(
  all: readonly EventRecord[],
  a: string | ActorSelector,
  b: string | ActorSelector,
  opts: ReciprocityOptions = {},
): Reciprocity {
  const sa = selectorOf(a);
  const sb = selectorOf(b);
  const lag = opts.lag ?? 1;
  const measure = opts.measure ?? 'goldsteinSum';
  const { ab, ba } = dyad(all, sa, sb, { ...opts, normalize: false, movingAverage: undefined });
  return {
    responder: sb.label,
    to: sa.label,
    by: ab.by,
    lag,
    measure,
    regression: laggedRegression(pick(ab.points, measure), pick(ba.points, measure), lag),
  };
}

export interface PairReciprocity {
  a: string;
  b: string;
  /** events between the two, both directions */
  events: number;
  /** B's response to A */
  bToA: Reciprocity;
  /** A's response to B */
  aToB: Reciprocity;
}

export interface TopOptions extends ReciprocityOptions {
  /** how many pairs (default 20) */
  top?: number;
  /** group actors by country (default) or full code */
  level?: ActorLevel;
}

/** The busiest undirected pairs (by event count), each with both reciprocity coefficients. */
export function topDyads(
  all: readonly EventRecord[],
  opts: { top?: number; level?: ActorLevel } & ReciprocityOptions = {},
): { a: string; b: string; events: number }[] {
  const level = opts.level ?? 'country';
  const counts = new Map<string, { a: string; b: string; events: number }>();
  for (const e of selectEvents(all, opts)) {
    const s = actorKey(e.source, level);
    const t = actorKey(e.target, level);
    if (!s || !t || s === t) continue;
    const [a, b] = s < t ? [s, t] : [t, s];
    const k = `${a}|${b}`;
    const c = counts.get(k) ?? { a, b, events: 0 };
    c.events += 1;
    counts.set(k, c);
  }
  return [...counts.values()]
    .sort((x, y) => y.events - x.events || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))
    .slice(0, opts.top ?? 20);
}

/** One pass over the events: the busiest pairs' aligned series, then both regressions for each. */
export function reciprocityTable(all: readonly EventRecord[], opts: TopOptions = {}): PairReciprocity[] {
  const level = opts.level ?? 'country';
  const by = opts.by ?? 'week';
  const lag = opts.lag ?? 1;
  const measure = opts.measure ?? 'goldsteinSum';
  const events = selectEvents(all, opts);
  const from = opts.from ?? events[0]?.date;
  const to = opts.to ?? events[events.length - 1]?.date;
  const periods = from && to ? periodRange(from, to, by) : [];
  const index = new Map(periods.map((p, i) => [p.key, i]));
  const top = topDyads(events, {
    ...opts,
    assertedOnly: false,
    oneADay: false,
    from: undefined,
    to: undefined,
  });
  const series = new Map<string, number[]>();
  for (const { a, b } of top) {
    series.set(`${a}|${b}`, new Array(periods.length).fill(0));
    series.set(`${b}|${a}`, new Array(periods.length).fill(0));
  }
  for (const e of events) {
    const s = actorKey(e.source, level);
    const t = actorKey(e.target, level);
    const row = s && t ? series.get(`${s}|${t}`) : undefined;
    const i = row ? index.get(periodKey(e.date, by)) : undefined;
    if (!row || i === undefined) continue;
    row[i]! += contribution(e, measure);
  }
  return top.map(({ a, b, events: n }) => {
    const ab = series.get(`${a}|${b}`)!;
    const ba = series.get(`${b}|${a}`)!;
    const base = { by, lag, measure };
    return {
      a,
      b,
      events: n,
      bToA: { responder: b, to: a, ...base, regression: laggedRegression(ab, ba, lag) },
      aToB: { responder: a, to: b, ...base, regression: laggedRegression(ba, ab, lag) },
    };
  });
}

/** One event's contribution to a period measure. */
function contribution(e: EventRecord, m: NonNullable<ReciprocityOptions['measure']>): number {
  if (m === 'n') return 1;
  if (m === 'coop') return Math.max(e.goldstein, 0);
  if (m === 'conflict') return Math.min(e.goldstein, 0);
  return e.goldstein;
}
