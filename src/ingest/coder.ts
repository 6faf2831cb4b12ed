/**
 * Loads the coder for ingest and recode: the real one from the library entry (`src/index.ts`, `createCoder`) with
 * `--dictionaries native|native:DIR|petrarch:DIR` exactly as `riposte code` takes it, or `fake[:DELAY_MS]`, the
 * deterministic synthetic coder used by tests and store benchmarks.
 */
import { existsSync } from 'node:fs';
import { fail } from '../core/errors.ts';
import type { QuadConvention } from '../core/types.ts';
import { type CoderLike, createFakeCoder } from './fake-coder.ts';

export interface CoderChoice {
  /** "real" (default) or "fake[:DELAY_MS]" */
  coder?: string;
  /** "native" (default), "native:DIR" or "petrarch:DIR" */
  dictionaries?: string;
  quad?: QuadConvention;
}

export const DICTIONARIES_USAGE = '--dictionaries native|native:DIR|petrarch:DIR';

const DICTIONARIES = /^(native|native:.+|petrarch:.+)$/;

export async function loadCoder(c: CoderChoice = {}): Promise<CoderLike> {
  const spec = c.coder ?? 'real';
  const fake = /^fake(?::(\d+))?$/.exec(spec);
  if (fake) {
    if (c.dictionaries !== undefined)
      throw fail('E_ARGS', 'expected no --dictionaries with --coder fake (the fake coder has none)');
    return createFakeCoder(fake[1] ? { delayMs: Number(fake[1]) } : {});
  }
  if (spec !== 'real') throw fail('E_ARGS', `expected --coder real or fake[:DELAY_MS], found "${spec}"`);
  const dictionaries = c.dictionaries ?? 'native';
  if (!DICTIONARIES.test(dictionaries))
    throw fail('E_ARGS', `expected ${DICTIONARIES_USAGE}, found "${dictionaries}"`);
  const dir = dictionaries.slice(dictionaries.indexOf(':') + 1);
  if (dictionaries !== 'native' && !existsSync(dir))
    throw fail('E_ARGS', `expected ${DICTIONARIES_USAGE} naming an existing folder, found no "${dir}"`);
  // loaded on demand: the fake coder (tests, benchmarks) does not pay for the coder's modules
  const { createCoder } = await import('../index.ts');
  const coder = await createCoder({ dictionaries, ...(c.quad ? { quad: c.quad } : {}) });
  return {
    version: coder.version,
    dictVersion: coder.lexicon.source.version,
    code: (input) => coder.code(input),
  };
}
