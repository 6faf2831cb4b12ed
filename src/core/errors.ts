/**
 * The catalogue of coded errors. Every message names what was expected and what was found.
 * Codes are stable: scripts and the HTTP API rely on them.
 */
export const ERRORS = {
  E_INPUT_READ: (path: string, reason: string) => `cannot read input file ${path}: ${reason}`,
  E_INPUT_JSONL: (line: number, reason: string) => `invalid JSONL at line ${line}: ${reason}`,
  E_INPUT_DATE: (found: string) => `expected a date written YYYY-MM-DD, found "${found}"`,
  E_INPUT_EMPTY: (what: string) => `expected non-empty ${what}, found nothing`,
  E_ARGS: (detail: string) => `bad arguments: ${detail}`,
  E_DICT_SYNTAX: (file: string, line: number, expected: string, found: string) =>
    `${file}:${line}: expected ${expected}, found "${found}"`,
  E_DICT_CODE: (file: string, line: number, found: string) =>
    `${file}:${line}: expected a known CAMEO code, found "${found}"`,
  E_DICT_READ: (file: string, reason: string) => `cannot read dictionary ${file}: ${reason}`,
  E_PIPELINE_ORDER: (stage: string, missing: string) =>
    `pipeline stage "${stage}" requires "${missing}", which no earlier stage assigns`,
  E_STAGE: (stage: string, reason: string) => `stage "${stage}" failed: ${reason}`,
  E_STORE: (detail: string) => `store error: ${detail}`,
  E_NOT_FOUND: (what: string) => `not found: ${what}`,
  E_EVAL_FORMAT: (file: string, line: number, expected: string, found: string) =>
    `${file}:${line}: expected ${expected}, found "${found}"`,
  E_INTERNAL: (detail: string) => `internal error: ${detail}`,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class RiposteError extends Error {
  readonly code: ErrorCode;
  /** exit status for the CLI: 2 for bad input, 1 otherwise */
  readonly exit: number;
  constructor(code: ErrorCode, message: string, exit = 2) {
    super(message);
    this.name = 'RiposteError';
    this.code = code;
    this.exit = exit;
  }
}

/** Builds a coded error from the catalogue: `fail('E_INPUT_DATE', '2016-13-45')`. */
export function fail<C extends ErrorCode>(code: C, ...args: Parameters<(typeof ERRORS)[C]>): RiposteError {
  const make = ERRORS[code] as (...a: unknown[]) => string;
  const exit = code === 'E_INTERNAL' || code === 'E_STORE' ? 1 : 2;
  return new RiposteError(code, make(...args), exit);
}

export const isRiposteError = (e: unknown): e is RiposteError => e instanceof RiposteError;
