/**
 * Loads the coder for ingest and recode: the real one from the library entry (`src/index.ts`, `createCoder`),
 * or `fake[:DELAY_MS]`, the deterministic synthetic coder used by tests and store benchmarks.
 */
import { fail } from '../core/errors.ts';
import type { QuadConvention } from '../core/types.ts';
import { type CoderLike, createFakeCoder } from './fake-coder.ts';

export interface CoderChoice {
  /** "real" (default) or "fake[:DELAY_MS]" */
  coder?: string;
  dictionaries?: string;
  quad?: QuadConvention;
}

export async function loadCoder(c: CoderChoice = {}): Promise<CoderLike> {
  const spec = c.coder ?? 'real';
  const fake = /^fake(?::(\d+))?$/.exec(spec);
  if (fake) return createFakeCoder(fake[1] ? { delayMs: Number(fake[1]) } : {});
  if (spec !== 'real') throw fail('E_ARGS', `expected --coder real or fake[:DELAY_MS], found "${spec}"`);
  // the library entry point; a variable specifier keeps this module loadable before the coder lands
  const entry = '../index.ts';
  let mod: { createCoder?: (o?: { dictionaries?: string; quad?: QuadConvention }) => Promise<CoderLike> };
  try {
    mod = (await import(entry)) as typeof mod;
  } catch (e) {
    throw fail(
      'E_INTERNAL',
      `cannot load the coder from src/index.ts: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (typeof mod.createCoder !== 'function') {
    throw fail('E_INTERNAL', 'expected src/index.ts to export createCoder(), found no such export');
  }
  const opts: { dictionaries?: string; quad?: QuadConvention } = {};
  if (c.dictionaries) opts.dictionaries = c.dictionaries;
  if (c.quad) opts.quad = c.quad;
  return mod.createCoder(opts);
}
