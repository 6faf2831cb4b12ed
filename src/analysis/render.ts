/** Output for the analysis commands: aligned text tables on a terminal, CSV (RFC 4180) and JSON. */
import { fail } from '../core/errors.ts';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

export function parseFormat(s: string | undefined): Format {
  if (s === undefined) return 'table';
  if ((FORMATS as readonly string[]).includes(s)) return s as Format;
  throw fail('E_ARGS', `expected --format table, csv or json, found "${s}"`);
}

function show(v: Cell, digits: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  return String(v);
}

/** A text table; numeric columns are right-aligned. */
export function table(rows: readonly Row[], columns: readonly string[], digits = 2): string {
  const cells = rows.map((r) => columns.map((c) => show(r[c], digits)));
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number'));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

const csvCell = (v: Cell): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csv(rows: readonly Row[], columns: readonly string[]): string {
  return (
    [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join(
      '\n',
    ) + '\n'
  );
}

/** Renders rows; JSON prints `json` (the structured result) when given, else the rows. */
export function render(
  format: Format,
  rows: readonly Row[],
  columns: readonly string[],
  json?: unknown,
): string {
  if (format === 'json') return JSON.stringify(json ?? rows, null, 2) + '\n';
  if (format === 'csv') return csv(rows, columns);
  return rows.length ? table(rows, columns) : '(no rows)\n';
}
