/** Flags that several commands share, checked in one place so their messages stay the same. */
import { fail } from '../core/errors.ts';
import { QUAD_CONVENTIONS, type QuadConvention } from '../core/types.ts';
import type { CoderChoice } from '../ingest/coder.ts';

/** `--coder`, `--dictionaries` and `--quad` as `loadCoder` takes them (ingest, recode). */
export function coderChoice(values: { coder?: string; dictionaries?: string; quad?: string }): CoderChoice {
  if (values.quad !== undefined && !(QUAD_CONVENTIONS as readonly string[]).includes(values.quad))
    throw fail('E_ARGS', `expected --quad one of ${QUAD_CONVENTIONS.join(', ')}, found "${values.quad}"`);
  return {
    ...(values.coder ? { coder: values.coder } : {}),
    ...(values.dictionaries ? { dictionaries: values.dictionaries } : {}),
    ...(values.quad ? { quad: values.quad as QuadConvention } : {}),
  };
}

/** `--batch N`: documents per transaction (ingest, recode). */
export function batchOption(batch: string | undefined): { batch?: { docs: number } } {
  if (batch === undefined) return {};
  if (!/^[1-9]\d*$/.test(batch))
    throw fail('E_ARGS', `expected --batch a whole number ≥ 1 (documents per transaction), found "${batch}"`);
  return { batch: { docs: Number(batch) } };
}
