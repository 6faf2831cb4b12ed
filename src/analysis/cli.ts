/** Options shared by the analysis commands (dyad, responses, reciprocity, alerts) and their event loading. */
import { parseArgs } from 'node:util';
import { fail } from '../core/errors.ts';
import type { EventRecord, IsoDate } from '../core/types.ts';
import type { Granularity } from './dates.ts';
import { addDays, dayNumber, parseGranularity } from './dates.ts';
import type { Format } from './render.ts';
import { parseFormat } from './render.ts';
import { loadEvents } from './source.ts';

export const COMMON_USAGE =
  '[--events FILE.jsonl | --db PATH|URL] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--by day|week|month] ' +
  '[--all-modalities] [--one-a-day] [--format table|csv|json]';

export const COMMON_OPTIONS = {
  events: { type: 'string' },
  db: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  by: { type: 'string' },
  format: { type: 'string' },
  'all-modalities': { type: 'boolean' },
  'one-a-day': { type: 'boolean' },
} as const;

export interface Common {
  events?: string;
  db?: string;
  from?: IsoDate;
  to?: IsoDate;
  by: Granularity;
  format: Format;
  assertedOnly: boolean;
  oneADay: boolean;
}

type ParseConfig = Parameters<typeof parseArgs>[0] & {};

/** parseArgs with the common options; unknown flags and wrong positional counts are E_ARGS. */
export function parse<O extends NonNullable<ParseConfig['options']>>(
  argv: string[],
  extra: O,
  positionals: [min: number, max: number],
  usage: string,
) {
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...extra },
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (e) {
    throw fail('E_ARGS', `${e instanceof Error ? e.message : String(e)}; usage: ${usage}`);
  }
  const [min, max] = positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    throw fail('E_ARGS', `expected ${want} actor(s), found ${parsed.positionals.length}; usage: ${usage}`);
  }
  const v = parsed.values;
  const date = (k: 'from' | 'to') => {
    const s = v[k] as string | undefined;
    if (s !== undefined) dayNumber(s);
    return s;
  };
  const common: Common = {
    by: parseGranularity(v.by as string | undefined, 'week'),
    format: parseFormat(v.format as string | undefined),
    assertedOnly: !v['all-modalities'],
    oneADay: Boolean(v['one-a-day']),
  };
  if (v.events !== undefined) common.events = v.events as string;
  if (v.db !== undefined) common.db = v.db as string;
  const from = date('from');
  const to = date('to');
  if (from) common.from = from;
  if (to) common.to = to;
  return { common, values: v, positionals: parsed.positionals };
}

export function intOption(v: unknown, name: string, fallback: number, min = 0): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw fail('E_ARGS', `expected --${name} an integer ≥ ${min}, found "${String(v)}"`);
  return n;
}

export function choice<T extends string>(v: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(v)) return v as T;
  throw fail('E_ARGS', `expected --${name} ${allowed.join(', ')}, found "${String(v)}"`);
}

/** Loads the events; `extendDays` widens `to` (replies to late stimuli). */
export async function load(c: Common, extendDays = 0): Promise<EventRecord[]> {
  const opts: { events?: string; db?: string; from?: IsoDate; to?: IsoDate } = {};
  if (c.events !== undefined) opts.events = c.events;
  if (c.db !== undefined) opts.db = c.db;
  if (c.from) opts.from = c.from;
  if (c.to) opts.to = extendDays ? addDays(c.to, extendDays) : c.to;
  return loadEvents(opts);
}

export const round = (x: number | null | undefined, digits = 3): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
