/** Building `Actor` records from dictionary entries and CAMEO actor codes. */
import type { Actor } from '../core/types.ts';
import type { ActorEntry, ActorRole } from '../lexicon/types.ts';

/** Code prefixes that are not countries. */
const NON_COUNTRY = new Set([
  'IGO',
  'NGO',
  'MNC',
  'NGM',
  'IMG',
  'UIS',
  'UNO',
  '---',
  'INT',
  'CVL',
  'REB',
  'INS',
  'UAF',
  'SPY',
  'MED',
  'BUS',
  'CRM',
  'OPP',
  'REF',
  'AGR',
  'EDU',
  'ELI',
  'ENV',
  'HLH',
  'HRI',
  'LAB',
  'LEG',
  'MOD',
  'RAD',
  'REL',
  'SEP',
  'GOV',
  'MIL',
  'COP',
  'JUD',
  'PTY',
]);

export function splitCode(code: string): { country: string | null; types: string[] } {
  const blocks = code.match(/.{1,3}/g) ?? [];
  const first = blocks[0] ?? '---';
  if (NON_COUNTRY.has(first)) return { country: null, types: blocks.filter((b) => b !== '---') };
  return { country: first, types: blocks.slice(1) };
}

/** The actor code an entry has on a date: the first role whose interval contains it, else the entry's code. */
/** The role an entry holds on a date, if any. */
export function roleOnDate(entry: ActorEntry, date: string): ActorRole | undefined {
  return entry.roles.find((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
}

export function codeOnDate(entry: ActorEntry, date: string): string {
  return roleOnDate(entry, date)?.code ?? entry.code ?? '---';
}

export function makeActor(
  text: string,
  start: number,
  end: number,
  code: string,
  extra: { name?: string; id?: string } = {},
): Actor {
  const { country, types } = splitCode(code);
  const a: Actor = { text, start, end, code, country, types };
  if (extra.name) a.name = extra.name;
  if (extra.id) a.id = extra.id;
  return a;
}

/** Combines a country or actor code with an agent type: ("USA", "GOV") → "USAGOV"; a typed code stays. */
export function combine(base: string, agentType: string): string {
  const { country, types } = splitCode(base);
  if (!country) return types.length ? base : `---${agentType}`;
  if (types.length > 0) return base;
  return `${country}${agentType}`;
}
