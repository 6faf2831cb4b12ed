/**
 * Calendar arithmetic on day numbers (whole days since 1970-01-01, UTC). Dates in riposte are calendar days,
 * never instants, so everything here is integer arithmetic over `Date.UTC` and the result is an ISO string.
 */
import type { IsoDate } from '../core/types.ts';

const DAY_MS = 86_400_000;

/** day number of an ISO date `YYYY-MM-DD` */
export function dayOf(iso: IsoDate): number {
  return Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
}

/** day number of a (year, month 1–12, day) triple; out-of-range days roll over as in `Date.UTC` */
export function dayFromYmd(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoOf(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function ymdOf(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO week (Monday–Sunday) containing the day */
export function isoWeek(day: number): [number, number] {
  const mon = day - ((weekdayOf(day) + 6) % 7);
  return [mon, mon + 6];
}

export function monthSpan(y: number, m: number): [number, number] {
  return [dayFromYmd(y, m, 1), dayFromYmd(y, m + 1, 0)];
}

export function yearSpan(y: number): [number, number] {
  return [dayFromYmd(y, 1, 1), dayFromYmd(y, 12, 31)];
}

/** Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(y, month, day);
}

/** US Thanksgiving: the fourth Thursday of November */
export function thanksgiving(y: number): number {
  const first = dayFromYmd(y, 11, 1);
  const toThu = (4 - weekdayOf(first) + 7) % 7;
  return first + toThu + 21;
}

export type Part = 'early' | 'mid' | 'late';

/** early = days 1–10, mid = 11–20, late = 21–end */
export function partOfMonth(y: number, m: number, part: Part): [number, number] {
  const [a, b] = monthSpan(y, m);
  if (part === 'early') return [a, a + 9];
  if (part === 'mid') return [a + 10, a + 19];
  return [a + 20, b];
}

/** early = January–April, mid = May–August, late = September–December */
export function partOfYear(y: number, part: Part): [number, number] {
  if (part === 'early') return [dayFromYmd(y, 1, 1), dayFromYmd(y, 4, 30)];
  if (part === 'mid') return [dayFromYmd(y, 5, 1), dayFromYmd(y, 8, 31)];
  return [dayFromYmd(y, 9, 1), dayFromYmd(y, 12, 31)];
}

/** early = Monday–Wednesday, mid = Tuesday–Thursday, late = Thursday–Sunday of the ISO week */
export function partOfWeek(mon: number, part: Part): [number, number] {
  if (part === 'early') return [mon, mon + 2];
  if (part === 'mid') return [mon + 1, mon + 3];
  return [mon + 3, mon + 6];
}
