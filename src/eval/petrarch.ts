/**
 * `riposte eval petrarch RECORDS.xml --dictionaries petrarch:DIR [--json]`: codes each `<Sentence>` of a PETRARCH
 * validation file with riposte's coder and compares the result with its `<EventCoding>` elements. Matching rules
 * (docs/petrarch.md, "Validation"): a record passes when the set of coded (source, target, code) triples equals
 * the expected set, after expanding compound codes (`FRO/BIL/SAM`) into one triple per member; `noevents`
 * passes when nothing is coded; an expected error passes when the coder refuses the record or codes nothing.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CommandIO } from '../cli/command.ts';
import { fail } from '../core/errors.ts';
import type { EventRecord } from '../core/types.ts';
import { parsePetrarchSpec } from '../lexicon/petrarch/index.ts';
import { type ParsedRecords, parseIsBalanced, parsePetrarchRecords } from '../lexicon/petrarch/records.ts';
import type { PetrarchRecord } from '../lexicon/petrarch/types.ts';
import { type CoderLike, type EvalDeps, loadCoder } from './confli.ts';

/** A coded event as the comparison sees it. */
export interface Triple {
  source: string;
  target: string;
  code: string;
}

/** What the coder did with one record. */
export interface CoderOutcome {
  events: Triple[];
  /** set when the coder refused the record (`{ok: false}`) */
  error?: string;
}

export interface Comparison {
  pass: boolean;
  /** expected triples the coder did not produce */
  missing: Triple[];
  /** produced triples that were not expected */
  extra: Triple[];
  /** why it failed, in words (empty when passed) */
  reason: string;
}

const key = (t: Triple) => `${t.source}\t${t.target}\t${t.code}`;
const fmtTriple = (t: Triple) => `${t.source} ${t.target} ${t.code}`;

/** An actor code as compared: upper-case, blanks removed; empty or missing = "---". */
export function normActor(code: string | null | undefined): string {
  const c = (code ?? '').trim().toUpperCase();
  return c === '' ? '---' : c;
}

/** `FRO/BIL/SAM → GON` → three triples (PETRARCH compound actor codes). */
export function expandTriple(t: Triple): Triple[] {
  const src = normActor(t.source).split('/').filter(Boolean);
  const tgt = normActor(t.target).split('/').filter(Boolean);
  const out: Triple[] = [];
  for (const s of src.length ? src : ['---'])
    for (const g of tgt.length ? tgt : ['---']) out.push({ source: s, target: g, code: t.code.trim() });
  return out;
}

/** Expands and de-duplicates (one triple per sentence, as PETRARCH's story filter). */
export function tripleSet(ts: readonly Triple[]): Map<string, Triple> {
  const m = new Map<string, Triple>();
  for (const t of ts) for (const e of expandTriple(t)) m.set(key(e), e);
  return m;
}

/**
 * Compares one record with what the coder produced. Pure.
 * - events: set equality of (source, target, code) after compound expansion, duplicates counted once;
 * - noevents: passes when nothing was coded;
 * - expected error: passes when the coder refused the record or coded nothing (riposte reports discards
 *   and unusable input by coding nothing); with `parseChecked`, a `bad_input_parse` record also needs an
 *   unbalanced parse.
 */
export function compareRecord(
  rec: Pick<PetrarchRecord, 'expected' | 'noEvents' | 'expectedError'>,
  got: CoderOutcome,
  parseChecked?: { balanced: boolean },
): Comparison {
  const exp = tripleSet(rec.expected);
  const have = tripleSet(got.events);
  const missing = [...exp].filter(([k]) => !have.has(k)).map(([, t]) => t);
  const extra = [...have].filter(([k]) => !exp.has(k)).map(([, t]) => t);
  if (rec.expectedError !== undefined) {
    if (parseChecked && rec.expectedError === 'bad_input_parse')
      return parseChecked.balanced
        ? { pass: false, missing: [], extra, reason: 'expected an unbalanced parse, the parse is balanced' }
        : { pass: true, missing: [], extra: [], reason: '' };
    const refused = got.error !== undefined || have.size === 0;
    return refused
      ? { pass: true, missing: [], extra: [], reason: '' }
      : { pass: false, missing: [], extra, reason: `expected error "${rec.expectedError}", got events` };
  }
  if (got.error !== undefined && exp.size > 0)
    return { pass: false, missing, extra, reason: `the coder failed: ${got.error}` };
  if (rec.noEvents || exp.size === 0)
    return have.size === 0
      ? { pass: true, missing: [], extra: [], reason: '' }
      : { pass: false, missing: [], extra, reason: 'expected no events' };
  const pass = missing.length === 0 && extra.length === 0;
  const parts: string[] = [];
  if (missing.length) parts.push(`missing ${missing.map(fmtTriple).join(', ')}`);
  if (extra.length) parts.push(`extra ${extra.map(fmtTriple).join(', ')}`);
  return { pass, missing, extra, reason: parts.join('; ') };
}

/**
 * Which riposte events count as PETRARCH codings. PETRARCH has no modality: it codes "will abandon ties" or
 * "proposed talks" as the action itself, but a negated action is not one. `coded` (the default) therefore counts
 * every modality but `negated`; `asserted` and `all` are there for comparison.
 */
export type ModalityPolicy = 'coded' | 'asserted' | 'all';

/**
 * Riposte events → triples. `asserted` keeps asserted events only; with `requireDyad` (PETRARCH's default
 * `require_dyad = True`) events without a source or a target are dropped, as PETRARCH drops them.
 */
export function triplesOf(
  events: readonly EventRecord[],
  modality: ModalityPolicy,
  requireDyad: boolean,
): Triple[] {
  const out: Triple[] = [];
  for (const e of events) {
    if (modality === 'asserted' && e.modality !== 'asserted') continue;
    if (modality === 'coded' && e.modality === 'negated') continue;
    const source = normActor(e.source?.code);
    const target = normActor(e.target?.code);
    if (requireDyad && (source === '---' || target === '---')) continue;
    out.push({ source, target, code: e.code });
  }
  return out;
}

/** `require_dyad` as set by the `<Config>` records in force (default true). */
export function requireDyad(config: Record<string, string>): boolean {
  const v = config.require_dyad;
  return v === undefined ? true : !/^false$/i.test(v.trim());
}

/** Category of a record for the table: variants such as AGENTS or COMPOUNDx join their base category. */
export function categoryOf(category: string, known: ReadonlySet<string>): string {
  const c = category.trim().toUpperCase() || '(none)';
  const base = c.replace(/(S|X)$/, '');
  return base !== c && known.has(base) ? base : c;
}

export interface RecordResult {
  id: string;
  index: number;
  category: string;
  text: string;
  expected: Triple[];
  noEvents: boolean;
  expectedError?: string;
  got: Triple[];
  error?: string;
  pass: boolean;
  reason: string;
  /** `<Config>` settings in force that differ from PETRARCH's defaults */
  config?: Record<string, string>;
}

export interface PetrarchReport {
  file: string;
  dictionaries: string;
  modality: ModalityPolicy;
  records: number;
  passed: number;
  percent: number;
  categories: { category: string; records: number; passed: number; percent: number }[];
  failures: RecordResult[];
  /** pass count when every modality counts (for comparison with the chosen policy) */
  passedAllModalities: number;
  ms: number;
}

const pct = (n: number, m: number) => (m === 0 ? 0 : Math.round((1000 * n) / m) / 10);

/** Codes every record and compares. */
export async function evaluateRecords(
  parsed: ParsedRecords,
  coder: CoderLike,
  opts: { file: string; dictionaries: string; modality: ModalityPolicy; useParse: boolean },
): Promise<PetrarchReport> {
  const t0 = performance.now();
  const known = new Set(parsed.records.map((r) => r.category.trim().toUpperCase()));
  const results: RecordResult[] = [];
  let passedAll = 0;
  for (const rec of parsed.records) {
    let events: EventRecord[] = [];
    let error: string | undefined;
    try {
      const r = await coder.code({
        id: rec.doc.id,
        text: rec.doc.text,
        ...(rec.doc.date ? { date: rec.doc.date } : {}),
      });
      if (r.ok) events = r.value.events;
      else error = r.error.message;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const dyad = requireDyad(rec.config);
    const parseChecked = opts.useParse
      ? { balanced: rec.parse !== undefined && parseIsBalanced(rec.parse) }
      : undefined;
    const got: CoderOutcome = { events: triplesOf(events, opts.modality, dyad), ...(error ? { error } : {}) };
    const cmp = compareRecord(rec, got, parseChecked);
    const all = compareRecord(rec, { ...got, events: triplesOf(events, 'all', dyad) }, parseChecked);
    if (all.pass) passedAll++;
    const config = Object.fromEntries(
      Object.entries(rec.config).filter(
        ([k, v]) =>
          !(k === 'require_dyad' && /^true$/i.test(v)) &&
          !(k === 'new_actor_length' && v === '0') &&
          k !== 'stop_on_error',
      ),
    );
    const res: RecordResult = {
      id: rec.id,
      index: rec.index,
      category: categoryOf(rec.category, known),
      text: rec.doc.text,
      expected: rec.expected.map((t) => ({ source: t.source, target: t.target, code: t.code })),
      noEvents: rec.noEvents,
      got: got.events,
      pass: cmp.pass,
      reason: cmp.reason,
    };
    if (rec.expectedError !== undefined) res.expectedError = rec.expectedError;
    if (error !== undefined) res.error = error;
    if (Object.keys(config).length) res.config = config;
    results.push(res);
  }
  const cats = new Map<string, { records: number; passed: number }>();
  for (const r of results) {
    const c = cats.get(r.category) ?? { records: 0, passed: 0 };
    c.records++;
    if (r.pass) c.passed++;
    cats.set(r.category, c);
  }
  const passed = results.filter((r) => r.pass).length;
  return {
    file: opts.file,
    dictionaries: opts.dictionaries,
    modality: opts.modality,
    records: results.length,
    passed,
    percent: pct(passed, results.length),
    categories: [...cats].map(([category, c]) => ({ category, ...c, percent: pct(c.passed, c.records) })),
    failures: results.filter((r) => !r.pass),
    passedAllModalities: passedAll,
    ms: Math.round(performance.now() - t0),
  };
}

const expectedText = (r: RecordResult) =>
  r.expectedError !== undefined
    ? `error ${r.expectedError}`
    : r.noEvents || r.expected.length === 0
      ? 'no events'
      : r.expected.map(fmtTriple).join(', ');

/** The text report; its last line is `petrarch: passed N/M records (P%)`. */
export function formatReport(rep: PetrarchReport): string {
  const lines: string[] = [];
  lines.push(`PETRARCH validation: ${rep.file}`);
  lines.push(`dictionaries: ${rep.dictionaries}   counted: ${rep.modality} events   ${rep.ms} ms`);
  lines.push('');
  lines.push(`${'category'.padEnd(12)}${'records'.padStart(8)}${'passed'.padStart(8)}${'%'.padStart(8)}`);
  for (const c of rep.categories)
    lines.push(
      `${c.category.padEnd(12)}${String(c.records).padStart(8)}${String(c.passed).padStart(8)}${c.percent.toFixed(1).padStart(8)}`,
    );
  lines.push(
    `${'total'.padEnd(12)}${String(rep.records).padStart(8)}${String(rep.passed).padStart(8)}${rep.percent.toFixed(1).padStart(8)}`,
  );
  if (rep.failures.length) {
    lines.push('');
    lines.push(`failures (${rep.failures.length}):`);
    for (const f of rep.failures) {
      lines.push(`  ${f.id} [${f.category}]${f.config ? ` config ${JSON.stringify(f.config)}` : ''}`);
      lines.push(`    text:     ${f.text.length > 160 ? `${f.text.slice(0, 157)}...` : f.text}`);
      lines.push(`    expected: ${expectedText(f)}`);
      lines.push(
        `    got:      ${f.error ? `error: ${f.error}` : f.got.length ? f.got.map(fmtTriple).join(', ') : 'no events'}`,
      );
      if (f.reason) lines.push(`    why:      ${f.reason}`);
    }
  }
  if (rep.modality !== 'all') {
    lines.push('');
    lines.push(`(counting every modality, negated included: ${rep.passedAllModalities}/${rep.records})`);
  }
  lines.push(`petrarch: passed ${rep.passed}/${rep.records} records (${rep.percent.toFixed(1)}%)`);
  return lines.join('\n');
}

export const USAGE =
  'riposte eval petrarch RECORDS.xml --dictionaries petrarch:DIR [--json] [--modality coded|asserted|all] ' +
  '[--use-parse] [--min-pass PCT]';

/** The dictionary spec to use: the files named by the records' <Environment> unless the spec names files. */
export function dictionarySpec(spec: string, parsed: ParsedRecords): string {
  const p = parsePetrarchSpec(spec);
  if (p.files || p.set) return spec.startsWith('petrarch:') ? spec : `petrarch:${spec}`;
  const env = parsed.environment;
  const files = [env.verbfile, env.actorfile, env.agentfile, env.discardfile].filter((f): f is string => !!f);
  return files.length ? `petrarch:${p.dir}?files=${files.join(',')}` : `petrarch:${p.dir}`;
}

export async function run(argv: string[], io: CommandIO, deps: EvalDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dictionaries: { type: 'string' },
      json: { type: 'boolean', default: false },
      modality: { type: 'string', default: 'coded' },
      'use-parse': { type: 'boolean', default: false },
      'min-pass': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw fail('E_ARGS', `expected one RECORDS.xml file (${USAGE})`);
  if (!values.dictionaries?.startsWith('petrarch:'))
    throw fail('E_ARGS', `expected --dictionaries petrarch:DIR, found "${values.dictionaries ?? ''}"`);
  const modality = values.modality as ModalityPolicy;
  if (modality !== 'coded' && modality !== 'asserted' && modality !== 'all')
    throw fail('E_ARGS', `expected --modality coded, asserted or all, found "${values.modality}"`);
  const minPass = values['min-pass'] === undefined ? undefined : Number(values['min-pass']);
  if (minPass !== undefined && !Number.isFinite(minPass))
    throw fail('E_ARGS', `expected a percentage after --min-pass, found "${values['min-pass']}"`);
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (e) {
    throw fail('E_INPUT_READ', file, e instanceof Error ? e.message : String(e));
  }
  const parsed = parsePetrarchRecords(xml, file);
  if (parsed.records.length === 0) throw fail('E_INPUT_EMPTY', `<Sentence> records in ${file}`);
  const dictionaries = dictionarySpec(values.dictionaries, parsed);
  const coder = deps.coder ?? (await loadCoder(dictionaries));
  const rep = await evaluateRecords(parsed, coder, {
    file,
    dictionaries,
    modality,
    useParse: values['use-parse'] ?? false,
  });
  io.stdout.write(values.json ? `${JSON.stringify(rep, null, 2)}\n` : `${formatReport(rep)}\n`);
  if (minPass !== undefined && rep.percent < minPass) {
    io.stderr.write(`riposte eval petrarch: pass rate ${rep.percent}% is below --min-pass ${minPass}%\n`);
    return 1;
  }
  return 0;
}
