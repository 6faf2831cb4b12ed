/**
 * Calendar words shared by the chunker (time phrases), the date stage (resolution) and the mention stage (words
 * that are never part of a person's name).
 */

/** weekday names in `Date#getUTCDay()` order (Sunday = 0) */
export const WEEKDAY_NAMES: readonly string[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];

/** month names, January first */
export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** month names and their abbreviations → month number (1–12) */
export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(MONTH_NAMES.map((m, k) => [m, k + 1])),
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
