/**
 * `riposte eval confli --class FILE.tsv --spans FILE.txt`: scores the coder on the ConfliBERT CAMEO format.
 * The class file is `sentence<TAB>class` (five-way: 0 statement … 4 material conflict); the span file is one
 * `token TAG` per line (BIO over S source, T target, R other), sentences separated by blank lines. The two files are
 * different samples and are scored each on its own. How coder output becomes a class and spans: docs/evaluation.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO } from '../cli/command.ts';
import { fail } from '../core/errors.ts';
import type { EventRecord } from '../core/types.ts';
import {
  bioToSpans,
  type ClassReport,
  classReport,
  FIVE_WAY_LABELS,
  fiveWayOfRoot,
  fmt,
  formatConfusion,
  type PRF,
  type Span,
  SpanScorer,
  spanHit,
} from './metrics.ts';

// ---------------------------------------------------------------------------------------------------------------
// The coder, as the evaluations see it (src/index.ts: createCoder(options?) → coder.code(doc) → Result)

type MaybePromise<T> = T | Promise<T>;
export interface CodeOutput {
  events: EventRecord[];
}
export type CodeResult = { ok: true; value: CodeOutput } | { ok: false; error: { message: string } };
export interface CoderLike {
  code(doc: { id: string; text: string; date?: string }): MaybePromise<CodeResult>;
}
export interface EvalDeps {
  /** injected by tests; otherwise loaded from src/index.ts */
  coder?: CoderLike;
}

/** Loads `createCoder` from src/index.ts; a missing export is an E_NOT_FOUND. */
export async function loadCoder(dictionaries?: string): Promise<CoderLike> {
  const spec: string = '../index.ts';
  let mod: { createCoder?: (o?: { dictionaries?: string }) => MaybePromise<CoderLike> };
  try {
    mod = (await import(spec)) as typeof mod;
  } catch (e) {
    throw fail('E_NOT_FOUND', `the coder (src/index.ts): ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof mod.createCoder !== 'function') throw fail('E_NOT_FOUND', 'createCoder in src/index.ts');
  return await mod.createCoder(dictionaries ? { dictionaries } : undefined);
}

/** Codes one text; a coder failure counts as "no events" and is tallied by the caller. */
export async function codeText(
  coder: CoderLike,
  id: string,
  text: string,
  date: string,
): Promise<EventRecord[] | null> {
  const r = await coder.code({ id, text, date });
  return r.ok ? r.value.events : null;
}

const MODALITY_RANK: Record<string, number> = {
  asserted: 0,
  negated: 1,
  intended: 2,
  proposed: 3,
  hypothetical: 4,
};

/**
 * The event that stands for a sentence: asserted events first, then by descending confidence, then by position of
 * the first evidence span. Undefined when the coder found nothing.
 */
export function chooseEvent(events: readonly EventRecord[]): EventRecord | undefined {
  const pos = (e: EventRecord) => e.evidence[0]?.start ?? 0;
  return [...events].sort(
    (a, b) =>
      (MODALITY_RANK[a.modality] ?? 9) - (MODALITY_RANK[b.modality] ?? 9) ||
      b.confidence - a.confidence ||
      pos(a) - pos(b),
  )[0];
}

/** Five-way class of a sentence: the chosen event's root; no event → 0 (statement). */
export function classOfEvents(events: readonly EventRecord[]): number {
  const e = chooseEvent(events);
  return e ? fiveWayOfRoot(e.root) : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Readers

export interface ClassItem {
  line: number;
  text: string;
  label: number;
}

/** Reads `sentence<TAB>class` lines; blank lines are skipped. */
export function readClassTsv(content: string, file = 'class file'): ClassItem[] {
  const out: ClassItem[] = [];
  content.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const tab = raw.lastIndexOf('\t');
    const label = tab < 0 ? Number.NaN : Number(raw.slice(tab + 1).trim());
    if (tab < 0 || !Number.isInteger(label) || label < 0 || label > 4) {
      throw fail('E_EVAL_FORMAT', file, i + 1, 'a sentence, a tab and a class 0-4', raw.slice(-40));
    }
    out.push({ line: i + 1, text: raw.slice(0, tab).trim(), label });
  });
  return out;
}

export interface SpanItem {
  line: number;
  tokens: string[];
  tags: string[];
}

const TAG = /^(O|[BI]-[STR])$/;

/** Reads `token TAG` lines grouped into sentences by blank lines. */
export function readSpanFile(content: string, file = 'span file'): SpanItem[] {
  const out: SpanItem[] = [];
  let cur: SpanItem | null = null;
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      if (cur) out.push(cur);
      cur = null;
      return;
    }
    const sp = line.lastIndexOf(' ') >= 0 ? line.lastIndexOf(' ') : line.lastIndexOf('\t');
    const tag = sp < 0 ? '' : line.slice(sp + 1);
    if (sp <= 0 || !TAG.test(tag))
      throw fail('E_EVAL_FORMAT', file, i + 1, 'a token and a BIO tag (O, B-S … I-R)', line);
    if (!cur) cur = { line: i + 1, tokens: [], tags: [] };
    cur.tokens.push(line.slice(0, sp).trim());
    cur.tags.push(tag);
  });
  if (cur) out.push(cur);
  return out;
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'S|'re|'ve|'ll|'d|'m|n't|ʼs|’s|'|”)$/;
const NO_SPACE_AFTER = /^(?:[([{$“]|``)$/;

const WORDISH = /^[\p{L}\p{N}]/u;
const DIGITS = /^\p{N}+$/u;

/**
 * Whether token i is written inside a word with its neighbours: the source tokenizer split hyphenated words
 * ("rebel - held", "Japanese - drafted"), decimals ("5 . 3 million"), thousands ("77 , 000") and a curly
 * possessive ("Lanka ’ s"), which news text writes without spaces.
 */
function inWord(tokens: readonly string[], i: number): boolean {
  const [a, b, c] = [tokens[i - 1], tokens[i], tokens[i + 1]];
  if (a === undefined || c === undefined) return false;
  if (b === '-') return WORDISH.test(a) && WORDISH.test(c) && tokens[i - 2] !== '-' && tokens[i + 2] !== '-';
  // "77 , 000" is 77,000; "Lanka ’ s" is Lanka’s
  if (b === ',') return DIGITS.test(a) && /^\d{3}$/.test(c);
  if (b === '’' || b === "'") return WORDISH.test(a) && c === 's';
  return b === '.' && DIGITS.test(a) && DIGITS.test(c);
}

/** Joins tokens into readable text and records each token's character span in it. */
export function detokenize(tokens: readonly string[]): { text: string; offsets: Span[] } {
  let text = '';
  const offsets: Span[] = [];
  tokens.forEach((tok, i) => {
    const glue =
      i === 0 ||
      inWord(tokens, i) ||
      inWord(tokens, i - 1) ||
      NO_SPACE_BEFORE.test(tok) ||
      NO_SPACE_AFTER.test(tokens[i - 1]!);
    if (!glue) text += ' ';
    offsets.push({ start: text.length, end: text.length + tok.length });
    text += tok;
  });
  return { text, offsets };
}

/** The token span covered by a character span (tokens that share at least one character), or null. */
export function charSpanToTokens(offsets: readonly Span[], chars: Span): Span | null {
  let start = -1;
  let end = -1;
  offsets.forEach((o, i) => {
    if (Math.min(o.end, chars.end) > Math.max(o.start, chars.start)) {
      if (start < 0) start = i;
      end = i + 1;
    }
  });
  return start < 0 ? null : { start, end };
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

export interface ClassEval extends ClassReport {
  file: string;
  failures: number;
  errors: { line: number; text: string; gold: number; pred: number; code?: string }[];
}

export async function evalClass(
  items: readonly ClassItem[],
  coder: CoderLike,
  date: string,
  file: string,
  keepErrors = 0,
): Promise<ClassEval> {
  const gold: number[] = [];
  const pred: number[] = [];
  const errors: ClassEval['errors'] = [];
  let failures = 0;
  for (const it of items) {
    const events = await codeText(coder, `confli-class-${it.line}`, it.text, date);
    if (!events) failures++;
    const e = chooseEvent(events ?? []);
    const p = e ? fiveWayOfRoot(e.root) : 0;
    gold.push(it.label);
    pred.push(p);
    if (p !== it.label && errors.length < keepErrors) {
      errors.push({ line: it.line, text: it.text, gold: it.label, pred: p, ...(e ? { code: e.code } : {}) });
    }
  }
  return { file, failures, errors, ...classReport(gold, pred, FIVE_WAY_LABELS) };
}

export interface SpanEval {
  file: string;
  sentences: number;
  failures: number;
  source: Record<'partial' | 'strict' | 'exact', PRF>;
  target: Record<'partial' | 'strict' | 'exact', PRF>;
  /** sentences where a side misses the strict match: gold and predicted phrases, with the event's code */
  errors: {
    line: number;
    text: string;
    side: 'source' | 'target';
    gold: string[];
    got: string | null;
    code?: string;
  }[];
}

/**
 * The phrase scored as the target: the object when it holds the target actor (a coordination, "the Syrian army and
 * its ally Hezbollah"), else the target's phrase, antecedent or span, else the object.
 */
export function targetPhrase(e: EventRecord | undefined): Span | null | undefined {
  const t = e?.target;
  const o = e?.object;
  if (
    t &&
    o &&
    o.start <= t.start &&
    t.end <= o.end &&
    (o.end > (t.phrase?.end ?? t.end) || o.start < (t.phrase?.start ?? t.start))
  )
    return o;
  return t?.phrase ?? t?.antecedent ?? t ?? o;
}

export async function evalSpans(
  items: readonly SpanItem[],
  coder: CoderLike,
  date: string,
  file: string,
  keepErrors = 0,
): Promise<SpanEval> {
  const src = new SpanScorer();
  const tgt = new SpanScorer();
  const errors: SpanEval['errors'] = [];
  let failures = 0;
  for (const it of items) {
    const { text, offsets } = detokenize(it.tokens);
    const events = await codeText(coder, `confli-span-${it.line}`, text, date);
    if (!events) failures++;
    const e = chooseEvent(events ?? []);
    const toSpans = (a: Span | null | undefined): Span[] => {
      const s = a ? charSpanToTokens(offsets, a) : null;
      return s ? [s] : [];
    };
    // ConfliBERT marks argument phrases: the phrase an actor is named in (or a pronoun refers back to), if any;
    // for the target, the target actor, else the phrase the action is done to (ConfliBERT marks non-actor targets)
    const sides = [
      ['source', src, 'S', toSpans(e?.source?.phrase ?? e?.source?.antecedent ?? e?.source ?? null)],
      ['target', tgt, 'T', toSpans(targetPhrase(e))],
    ] as const;
    for (const [side, scorer, tag, pred] of sides) {
      const gold = bioToSpans(it.tags, tag);
      scorer.add(gold, pred);
      if (errors.length >= keepErrors || (!gold.length && !pred.length)) continue;
      if (pred.length && gold.some((g) => spanHit(g, pred[0]!, 'strict'))) continue;
      const words = (sp: Span) => it.tokens.slice(sp.start, sp.end).join(' ');
      errors.push({
        line: it.line,
        text,
        side,
        gold: gold.map(words),
        got: pred[0] ? words(pred[0]) : null,
        ...(e ? { code: e.code } : {}),
      });
    }
  }
  return { file, sentences: items.length, failures, source: src.result(), target: tgt.result(), errors };
}

// ---------------------------------------------------------------------------------------------------------------
// Command

export const USAGE =
  'riposte eval confli [--class FILE.tsv] [--spans FILE.txt] [--date YYYY-MM-DD] [--dictionaries DIR] [--limit N] ' +
  '[--errors N] [--json] [--min-accuracy X] [--min-macro-f1 X] [--min-source-f1 X] [--min-target-f1 X]';

const DEFAULT_DIR = '../shared/eval/dev/confliBERT';

function num(v: string | undefined, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw fail('E_ARGS', `expected a number after ${flag}, found "${v}"`);
  return n;
}

function readInput(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw fail('E_INPUT_READ', path, e instanceof Error ? e.message : String(e));
  }
}

const prfLine = (name: string, r: PRF) =>
  `    ${name.padEnd(8)} P ${fmt(r.precision)}  R ${fmt(r.recall)}  F1 ${fmt(r.f1)}  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`;

export function formatClassEval(c: ClassEval): string {
  const lines = [
    `ConfliBERT class: ${c.n} sentences (${c.file})${c.failures ? `, ${c.failures} coder failures` : ''}`,
    `  accuracy ${fmt(c.accuracy)}  macro-F1 ${fmt(c.macroF1)}`,
    ...c.perClass.map(
      (p, i) =>
        `    ${i} ${p.label.padEnd(10)} P ${fmt(p.precision)}  R ${fmt(p.recall)}  F1 ${fmt(p.f1)}  support ${p.support}`,
    ),
    '  confusion (rows gold, columns predicted):',
    ...formatConfusion(c)
      .split('\n')
      .map((l) => `    ${l}`),
  ];
  for (const e of c.errors)
    lines.push(`  ✗ line ${e.line}: gold ${e.gold} pred ${e.pred}${e.code ? ` (${e.code})` : ''}: ${e.text}`);
  return lines.join('\n');
}

export function formatSpanEval(s: SpanEval): string {
  const block = (name: string, r: SpanEval['source']) => [
    `  ${name}`,
    prfLine('partial', r.partial),
    prfLine('strict', r.strict),
    prfLine('exact', r.exact),
  ];
  return [
    `ConfliBERT spans: ${s.sentences} sentences (${s.file})${s.failures ? `, ${s.failures} coder failures` : ''}`,
    '  (partial = any shared token, strict = IoU ≥ 0.5, exact = same bounds)',
    ...block('source', s.source),
    ...block('target', s.target),
    ...(s.errors.length ? ['  strict misses (line, side: gold → got [event code]):'] : []),
    ...s.errors.map(
      (x) =>
        `  ✗ line ${x.line} ${x.side}: ${x.gold.length ? x.gold.map((g) => `"${g}"`).join(', ') : '(none)'} → ${
          x.got === null ? '(none)' : `"${x.got}"`
        }${x.code ? ` [${x.code}]` : ''}: ${x.text.slice(0, 160)}`,
    ),
  ].join('\n');
}

/** Checks `--min-…` gates; returns the failures as lines. */
export function checkGates(gates: [string, number | undefined, number | undefined][]): string[] {
  const out: string[] = [];
  for (const [name, min, value] of gates) {
    if (min === undefined) continue;
    if (value === undefined) out.push(`gate ${name}: no figure (the evaluation did not run)`);
    else if (value < min) out.push(`gate ${name}: ${fmt(value)} < ${min}`);
  }
  return out;
}

export async function run(argv: string[], io: CommandIO, deps: EvalDeps = {}): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        class: { type: 'string' },
        spans: { type: 'string' },
        date: { type: 'string', default: '2019-06-01' },
        dictionaries: { type: 'string' },
        limit: { type: 'string' },
        errors: { type: 'string' },
        json: { type: 'boolean', default: false },
        'min-accuracy': { type: 'string' },
        'min-macro-f1': { type: 'string' },
        'min-source-f1': { type: 'string' },
        'min-target-f1': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw fail('E_ARGS', `${e instanceof Error ? e.message : String(e)}; usage: ${USAGE}`);
  }
  const date = String(values.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw fail('E_INPUT_DATE', date);
  const limit = num(values.limit as string | undefined, '--limit');
  const keepErrors = num(values.errors as string | undefined, '--errors') ?? 0;

  let classFile = values.class as string | undefined;
  let spanFile = values.spans as string | undefined;
  if (!classFile && !spanFile) {
    classFile = resolve(DEFAULT_DIR, 'cameo_class.train.tsv');
    spanFile = resolve(DEFAULT_DIR, 'cameo_ner.train.txt');
    if (!existsSync(classFile) && !existsSync(spanFile)) {
      io.stderr.write(
        `riposte eval confli: skipped: no --class/--spans given and ${resolve(DEFAULT_DIR)} is absent\n`,
      );
      return 0;
    }
    if (!existsSync(classFile)) classFile = undefined;
    if (!existsSync(spanFile)) spanFile = undefined;
  }
  const cut = <T>(xs: T[]) => (limit === undefined ? xs : xs.slice(0, limit));
  const classItems = classFile ? cut(readClassTsv(readInput(classFile), classFile)) : null;
  const spanItems = spanFile ? cut(readSpanFile(readInput(spanFile), spanFile)) : null;

  const coder = deps.coder ?? (await loadCoder(values.dictionaries as string | undefined));
  const t0 = performance.now();
  const cls =
    classItems && classFile ? await evalClass(classItems, coder, date, classFile, keepErrors) : undefined;
  const spans =
    spanItems && spanFile ? await evalSpans(spanItems, coder, date, spanFile, keepErrors) : undefined;
  const seconds = (performance.now() - t0) / 1000;

  const gateFailures = checkGates([
    ['accuracy', num(values['min-accuracy'] as string | undefined, '--min-accuracy'), cls?.accuracy],
    ['macro-f1', num(values['min-macro-f1'] as string | undefined, '--min-macro-f1'), cls?.macroF1],
    [
      'source-f1 (strict)',
      num(values['min-source-f1'] as string | undefined, '--min-source-f1'),
      spans?.source.strict.f1,
    ],
    [
      'target-f1 (strict)',
      num(values['min-target-f1'] as string | undefined, '--min-target-f1'),
      spans?.target.strict.f1,
    ],
  ]);

  if (values.json) {
    const { errors: _omit, ...clsOut } = cls ?? { errors: [] };
    io.stdout.write(
      `${JSON.stringify({
        dictionaries: values.dictionaries ?? 'default',
        date,
        seconds,
        class: cls ? { ...clsOut, ...(keepErrors ? { errors: cls.errors } : {}) } : null,
        spans: spans ? (keepErrors ? spans : { ...spans, errors: undefined }) : null,
        gates: gateFailures,
      })}\n`,
    );
  } else {
    const parts: string[] = [];
    if (cls) parts.push(formatClassEval(cls));
    if (spans) parts.push(formatSpanEval(spans));
    parts.push(`(${seconds.toFixed(1)} s, dictionaries: ${values.dictionaries ?? 'default'})`);
    io.stdout.write(`${parts.join('\n\n')}\n`);
  }
  for (const g of gateFailures) io.stderr.write(`riposte eval confli: ${g}\n`);
  return gateFailures.length ? 1 : 0;
}
