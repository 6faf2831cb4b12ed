/** Reading documents for `code` and `annotate`: a file or stdin, plain text or JSONL, validated with zod. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { fail, type RiposteError } from '../core/errors.ts';
import { type DocInput, DocInputSchema } from '../core/types.ts';

export const DateArg = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  );

export function checkDate(value: string | undefined, what = '--date'): string | undefined {
  if (value === undefined) return undefined;
  if (!DateArg.safeParse(value).success) throw fail('E_INPUT_DATE', `${what} ${value}`);
  return value;
}

export async function readInput(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<string> {
  if (!file || file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw fail('E_INPUT_READ', file, e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e));
  }
}

export type ParsedDoc =
  | { ok: true; doc: DocInput; line?: number }
  | { ok: false; error: RiposteError; line: number };

const JsonlDoc = DocInputSchema.extend({ id: z.union([z.string().min(1), z.number()]).transform(String) });

/** One document per JSONL line; bad lines become errors with their line number, never silently dropped. */
export function parseJsonl(text: string): ParsedDoc[] {
  const out: ParsedDoc[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      out.push({
        ok: false,
        line,
        error: fail(
          'E_INPUT_JSONL',
          line,
          `expected a JSON object, found ${e instanceof Error ? e.message : 'invalid JSON'}`,
        ),
      });
      return;
    }
    const r = JsonlDoc.safeParse(value);
    if (!r.success) {
      const detail = r.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ');
      out.push({
        ok: false,
        line,
        error: fail('E_INPUT_JSONL', line, `expected {id, text, date?: YYYY-MM-DD, title?, url?}: ${detail}`),
      });
      return;
    }
    const doc = r.data as DocInput;
    if (doc.date && !DateArg.safeParse(doc.date).success) {
      out.push({
        ok: false,
        line,
        error: fail('E_INPUT_JSONL', line, `expected date YYYY-MM-DD, found "${doc.date}"`),
      });
      return;
    }
    out.push({ ok: true, doc, line });
  });
  return out;
}

export function defaultId(file: string | undefined): string {
  return !file || file === '-' ? 'stdin' : basename(file).replace(/\.[^.]+$/, '');
}
