/**
 * Calendar arithmetic for the analysis: day numbers (days since 1970-01-01, UTC) and period keys at day,
 * ISO-week and month resolution. Dates are the contract's `YYYY-MM-DD` strings; no time zones are involved.
 */
import { fail } from '../core/errors.ts';
import type { IsoDate } from '../core/types.ts';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Event streams repeat a few thousand distinct dates: memoise the parsing (bounded).
const DAY_CACHE = new Map<string, number>();
const KEY_CACHE = new Map<string, string>();
const CACHE_MAX = 100_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date; throws E_INPUT_DATE on anything else (including 2016-02-30). */
export function dayNumber(date: IsoDate): number {
  const hit = DAY_CACHE.get(date);
  if (hit !== undefined) return hit;
  const n = parseDay(date);
  if (DAY_CACHE.size >= CACHE_MAX) DAY_CACHE.clear();
  DAY_CACHE.set(date, n);
  return n;
}

function parseDay(date: IsoDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw fail('E_INPUT_DATE', date);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw fail('E_INPUT_DATE', date);
  }
  return Math.round(ms / DAY_MS);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a);

/** ISO weekday, Monday = 1 … Sunday = 7. */
function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO-8601 week of a day: the year that owns the week's Thursday, and the week number. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const day = dayNumber(date);
  const thursday = day - isoWeekday(day) + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.round(Date.UTC(year, 0, 1) / DAY_MS);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** The first day of the period that contains `date`: the day itself, the Monday of its ISO week, the 1st. */
export function periodStart(date: IsoDate, by: Granularity): IsoDate {
  if (by === 'day') return fromDayNumber(dayNumber(date));
  if (by === 'month') return `${date.slice(0, 7)}-01`;
  const day = dayNumber(date);
  return fromDayNumber(day - isoWeekday(day) + 1);
}

/** The period's label: `2016-12-29`, `2016-W52`, `2016-12`. */
export function periodKey(date: IsoDate, by: Granularity): string {
  const ck = `${by}|${date}`;
  const hit = KEY_CACHE.get(ck);
  if (hit !== undefined) return hit;
  const key = computeKey(date, by);
  if (KEY_CACHE.size >= CACHE_MAX) KEY_CACHE.clear();
  KEY_CACHE.set(ck, key);
  return key;
}

function computeKey(date: IsoDate, by: Granularity): string {
  if (by === 'day') return fromDayNumber(dayNumber(date));
  if (by === 'month') return date.slice(0, 7);
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The start of the period after the one that starts on `start`. */
export function nextPeriodStart(start: IsoDate, by: Granularity): IsoDate {
  if (by === 'day') return addDays(start, 1);
  if (by === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Every period from the one containing `from` to the one containing `to`, inclusive, in order. */
export function periodRange(from: IsoDate, to: IsoDate, by: Granularity): { key: string; start: IsoDate }[] {
  if (dayNumber(to) < dayNumber(from)) return [];
  const out: { key: string; start: IsoDate }[] = [];
  const last = periodStart(to, by);
  for (let s = periodStart(from, by); dayNumber(s) <= dayNumber(last); s = nextPeriodStart(s, by)) {
    out.push({ key: periodKey(s, by), start: s });
  }
  return out;
}

export function parseGranularity(s: string | undefined, fallback: Granularity): Granularity {
  if (s === undefined) return fallback;
  if ((GRANULARITIES as readonly string[]).includes(s)) return s as Granularity;
  throw fail('E_ARGS', `expected --by day, week or month, found "${s}"`);
}

/** The start of the period `k` periods after (k < 0: before) the one containing `date`. */
export function shiftPeriods(date: IsoDate, by: Granularity, k: number): IsoDate {
  const start = periodStart(date, by);
  if (by === 'day') return addDays(start, k);
  if (by === 'week') return addDays(start, 7 * k);
  const total = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + k;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}
