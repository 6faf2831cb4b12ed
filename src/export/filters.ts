/** The event filter flags shared by `riposte events`, `export` and `recode`. */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

import { fail } from '../core/errors.ts';
import { MODALITIES, type Modality } from '../core/types.ts';
import type { EventFilter } from '../store/store.ts';

export const FILTER_OPTIONS = {
  source: { type: 'string' },
  target: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  code: { type: 'string' },
  quad: { type: 'string' },
  modality: { type: 'string' },
  doc: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
} as const;

export const FILTER_USAGE =
  '[--source RUS|RUSGOV] [--target USA] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--code 163|16*] [--quad 1-4] [--modality asserted] [--doc ID] [--limit N] [--offset N]';

const int = (name: string, v: string): number => {
  if (!/^\d+$/.test(v)) throw fail('E_ARGS', `expected --${name} a whole number, found "${v}"`);
  return Number(v);
};

export function filterFrom(
  v: Partial<Record<keyof typeof FILTER_OPTIONS, string | boolean | undefined>>,
): EventFilter {
  const f: EventFilter = {};
  const s = (k: keyof typeof FILTER_OPTIONS) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  if (s('source')) f.source = s('source') as string;
  if (s('target')) f.target = s('target') as string;
  if (s('from')) f.from = s('from') as string;
  if (s('to')) f.to = s('to') as string;
  if (s('code')) f.code = s('code') as string;
  if (s('doc')) f.doc = s('doc') as string;
  if (s('quad') !== undefined) f.quad = int('quad', s('quad') as string);
  if (s('limit') !== undefined) f.limit = int('limit', s('limit') as string);
  if (s('offset') !== undefined) f.offset = int('offset', s('offset') as string);
  const m = s('modality');
  if (m !== undefined) {
    if (!(MODALITIES as readonly string[]).includes(m))
      throw fail('E_ARGS', `expected --modality one of ${MODALITIES.join(', ')}, found "${m}"`);
    f.modality = m as Modality;
  }
  return f;
}

/** `parseArgs` with its errors turned into E_ARGS */
export function parseFlags<const O extends ParseArgsOptionsConfig>(
  argv: string[],
  options: O,
  positionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: positionals as true, strict: true as const });
  } catch (e) {
    throw fail('E_ARGS', e instanceof Error ? e.message : String(e));
  }
}
