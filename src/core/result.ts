/** Results inside the pipeline: failures are values, only the edges (CLI, HTTP) turn them into exits or responses. */
import type { RiposteError } from './errors.ts';

export type Result<T, E = RiposteError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Unwraps a result, throwing its error; for edges and tests only. */
export function unwrap<T, E>(r: Result<T, E>): T {
  if (r.ok) return r.value;
  throw r.error;
}
