/**
 * Whole-article expectations (test/golden/*.expect.json[l]) checked against coder output, and the negative-cases
 * file. The expectation format is documented in docs/evaluation.md; `riposte eval golden` prints a report,
 * test/golden.test.ts turns it into tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO } from '../cli/command.ts';
import { fail } from '../core/errors.ts';
import type { Actor, EventRecord, Modality, QuoteRecord } from '../core/types.ts';
import { type CoderLike, type EvalDeps, loadCoder } from './confli.ts';

type OneOrMany<T> = T | T[];

export interface EventExpectation {
  /** CAMEO actor-code prefixes; null = the event has no source; absent = any */
  source?: OneOrMany<string> | null;
  target?: OneOrMany<string> | null;
  code?: OneOrMany<string>;
  root?: OneOrMany<string>;
  quad?: OneOrMany<number>;
  /** default "asserted" */
  modality?: OneOrMany<Modality>;
  /** the event's date, exactly */
  date?: string;
  /** the event's date lies in [from, to], or its dateRange overlaps it */
  dateWithin?: [string, string];
  /** reported, never failing */
  soft?: boolean;
  note?: string;
}

export interface MentionExpectation {
  /** the name a mention ends with (see mentionOf) */
  text: string;
  code: string;
  /** every mention containing `text` must have `code` (else: at least one) */
  all?: boolean;
  note?: string;
}

export interface QuoteExpectation {
  /** substring of the quotation */
  contains: string;
  /** substring of the speaker's name or text */
  speaker?: string;
  /** prefix of the speaker's actor code */
  speakerCode?: string;
}

export interface DocExpectation {
  id: string;
  date?: string;
  file?: string;
  events: EventExpectation[];
  forbid: EventExpectation[];
  mentions?: MentionExpectation[];
  quotes?: QuoteExpectation[];
}

export interface CodedDoc {
  text: string;
  events: EventRecord[];
  mentions?: Actor[];
  quotes?: QuoteRecord[];
}

const many = <T>(x: OneOrMany<T>): T[] => (Array.isArray(x) ? x : [x]);

function actorOk(want: OneOrMany<string> | null | undefined, a: Actor | null): boolean {
  if (want === undefined) return true;
  if (want === null) return a === null;
  if (!a) return false;
  const code = a.code.toUpperCase();
  return many(want).some((p) => code.startsWith(p.toUpperCase()));
}

/** True when the event satisfies every field the expectation gives. */
export function eventMatches(want: EventExpectation, e: EventRecord): boolean {
  if (!actorOk(want.source, e.source) || !actorOk(want.target, e.target)) return false;
  if (want.code !== undefined && !many(want.code).includes(e.code)) return false;
  if (want.root !== undefined && !many(want.root).includes(e.root)) return false;
  if (want.quad !== undefined && !many(want.quad).includes(e.quad)) return false;
  if (!many(want.modality ?? 'asserted').includes(e.modality)) return false;
  if (want.date !== undefined && e.date !== want.date) return false;
  if (want.dateWithin) {
    const [from, to] = want.dateWithin;
    const [a, b] = e.dateRange ?? [e.date, e.date];
    if (b < from || a > to) return false;
  }
  return true;
}

/** One line per event, for failure messages. */
export function describeEvent(e: EventRecord): string {
  const range = e.dateRange ? ` [${e.dateRange[0]}..${e.dateRange[1]}]` : '';
  return `${e.source?.code ?? '-'}→${e.target?.code ?? '-'} ${e.code} ${e.modality} ${e.date}${range} «${e.evidence[0]?.trigger.text ?? ''}»`;
}

export function describeExpectation(w: EventExpectation): string {
  const f = (x: unknown) =>
    x === undefined ? '*' : x === null ? '-' : Array.isArray(x) ? x.join('|') : String(x);
  const what =
    w.code !== undefined
      ? `code ${f(w.code)}`
      : w.root !== undefined
        ? `root ${f(w.root)}`
        : w.quad !== undefined
          ? `quad ${f(w.quad)}`
          : 'any';
  const when = w.date ? ` ${w.date}` : w.dateWithin ? ` ${w.dateWithin.join('..')}` : '';
  return `${f(w.source)}→${f(w.target)} ${what} ${f(w.modality ?? 'asserted')}${when}${w.note ? ` (${w.note})` : ''}`;
}

export interface Finding {
  kind: 'missing' | 'forbidden' | 'mention' | 'quote';
  soft: boolean;
  message: string;
}

/**
 * A mention is "of" a name when its text, without a trailing possessive, ends with the name: "Mr Trump" and
 * "president-elect Donald Trump" are mentions of Trump, "Mr Trump's January 20 inauguration" is not.
 */
export function mentionOf(mention: string, name: string): boolean {
  return mention
    .trim()
    .replace(/['’]s?$/, '')
    .toLowerCase()
    .endsWith(name.toLowerCase());
}

/** Checks one coded document against its expectations; an empty list means it passes. */
export function checkDoc(x: DocExpectation, doc: CodedDoc): Finding[] {
  const out: Finding[] = [];
  for (const w of x.events) {
    if (!doc.events.some((e) => eventMatches(w, e))) {
      out.push({ kind: 'missing', soft: Boolean(w.soft), message: `missing ${describeExpectation(w)}` });
    }
  }
  for (const w of x.forbid) {
    for (const e of doc.events.filter((ev) => eventMatches(w, ev))) {
      out.push({
        kind: 'forbidden',
        soft: Boolean(w.soft),
        message: `forbidden ${describeExpectation(w)}: found ${describeEvent(e)}`,
      });
    }
  }
  for (const m of x.mentions ?? []) {
    const ms = (doc.mentions ?? []).filter((a) => mentionOf(a.text, m.text));
    const wrong = ms.filter((a) => a.code !== m.code);
    if (ms.length === 0)
      out.push({ kind: 'mention', soft: false, message: `no mention containing "${m.text}"` });
    else if (m.all ? wrong.length > 0 : wrong.length === ms.length) {
      out.push({
        kind: 'mention',
        soft: false,
        message: `mentions of "${m.text}" should be ${m.code}: ${wrong.map((a) => `${a.text}@${a.start}=${a.code}`).join(', ')}`,
      });
    }
  }
  for (const q of x.quotes ?? []) {
    const qs = (doc.quotes ?? []).filter((r) => doc.text.slice(r.start, r.end).includes(q.contains));
    const ok = qs.some((r) => {
      const s = r.speaker;
      if (!s) return false;
      if (q.speaker && !`${s.name ?? ''} ${s.text}`.toLowerCase().includes(q.speaker.toLowerCase()))
        return false;
      if (q.speakerCode && !s.code.toUpperCase().startsWith(q.speakerCode.toUpperCase())) return false;
      return true;
    });
    if (!ok) {
      const found =
        qs.map((r) => (r.speaker ? `${r.speaker.text}=${r.speaker.code}` : 'no speaker')).join(', ') ||
        'no quote';
      out.push({
        kind: 'quote',
        soft: false,
        message: `quote "${q.contains}" should be attributed to ${q.speaker ?? ''}${q.speakerCode ? ` (${q.speakerCode})` : ''}: ${found}`,
      });
    }
  }
  return out;
}

/** Reads expectations from a .json (one object) or .jsonl (one a line) file. */
export function readExpectations(content: string, file: string): DocExpectation[] {
  const parse = (s: string, line: number): DocExpectation => {
    let o: Partial<DocExpectation>;
    try {
      o = JSON.parse(s) as Partial<DocExpectation>;
    } catch (e) {
      throw fail(
        'E_EVAL_FORMAT',
        file,
        line,
        'a JSON expectation object',
        e instanceof Error ? e.message : String(e),
      );
    }
    if (!o.id) throw fail('E_EVAL_FORMAT', file, line, 'an expectation with an id', s.slice(0, 40));
    return { ...o, id: o.id, events: o.events ?? [], forbid: o.forbid ?? [] };
  };
  if (file.endsWith('.jsonl')) {
    return content
      .split(/\r?\n/)
      .map((l, i) => [l, i + 1] as const)
      .filter(([l]) => l.trim() !== '')
      .map(([l, i]) => parse(l, i));
  }
  return [parse(content, 1)];
}

/** Sentences of the negative-cases file (comments and blank lines dropped). */
export function readNegativeCases(content: string): { line: number; text: string; group: string }[] {
  const out: { line: number; text: string; group: string }[] = [];
  let group = '';
  content.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (l === '') return;
    if (l.startsWith('#')) {
      group = l.replace(/^#+\s*/, '');
      return;
    }
    out.push({ line: i + 1, text: l, group });
  });
  return out;
}

/** Codes a document and brings back what the checks need (annotation when the coder returns one). */
export async function codeDoc(coder: CoderLike, id: string, text: string, date: string): Promise<CodedDoc> {
  const r = await coder.code({ id, text, date });
  if (!r.ok) throw new Error(`coder failed on ${id}: ${r.error.message}`);
  const v = r.value as { events: EventRecord[]; annotation?: { mentions?: Actor[]; quotes?: QuoteRecord[] } };
  return {
    text,
    events: v.events,
    ...(v.annotation?.mentions ? { mentions: v.annotation.mentions } : {}),
    ...(v.annotation?.quotes ? { quotes: v.annotation.quotes } : {}),
  };
}

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');
export const NEGATIVE_DATE = '2024-01-15';

export interface GoldenReport {
  docs: { id: string; kind: 'seed' | 'sample'; events: number; findings: Finding[] }[];
  negatives: { line: number; text: string; asserted: string[] }[];
  skipped: string[];
}

/** Runs the seed, the sample corpus and the negative cases; whatever is absent is listed as skipped. */
export async function runGolden(coder: CoderLike): Promise<GoldenReport> {
  const report: GoldenReport = { docs: [], negatives: [], skipped: [] };
  const seedX = readExpectations(
    readFileSync(resolve(ROOT, 'test/golden/seed.expect.json'), 'utf8'),
    'seed.expect.json',
  )[0]!;
  const seedFile = resolve(SHARED, seedX.file ?? '');
  if (existsSync(seedFile)) {
    const doc = await codeDoc(coder, seedX.id, readFileSync(seedFile, 'utf8'), seedX.date ?? '2016-12-30');
    report.docs.push({
      id: seedX.id,
      kind: 'seed',
      events: doc.events.length,
      findings: checkDoc(seedX, doc),
    });
  } else report.skipped.push(`seed: ${seedFile} absent`);
  const corpus = new Map(
    readFileSync(resolve(ROOT, 'data/samples/corpus.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; date: string; text: string })
      .map((d) => [d.id, d]),
  );
  const sampleFile = resolve(ROOT, 'test/golden/samples.expect.jsonl');
  for (const x of readExpectations(readFileSync(sampleFile, 'utf8'), sampleFile)) {
    const d = corpus.get(x.id);
    if (!d) throw fail('E_NOT_FOUND', `sample article ${x.id} in data/samples/corpus.jsonl`);
    const doc = await codeDoc(coder, d.id, d.text, d.date);
    report.docs.push({ id: x.id, kind: 'sample', events: doc.events.length, findings: checkDoc(x, doc) });
  }
  for (const n of readNegativeCases(readFileSync(resolve(ROOT, 'test/negative-cases.txt'), 'utf8'))) {
    const doc = await codeDoc(coder, `negative-${n.line}`, n.text, NEGATIVE_DATE);
    report.negatives.push({
      line: n.line,
      text: n.text,
      asserted: doc.events.filter((e) => e.modality === 'asserted').map(describeEvent),
    });
  }
  return report;
}

export const USAGE =
  'riposte eval golden [--dictionaries DIR] [--json] [--soft] [--max-failed-checks N]   (the seed and the negative cases must always pass)';

export async function run(argv: string[], io: CommandIO, deps: EvalDeps = {}): Promise<number> {
  let values: { dictionaries?: string; json?: boolean; soft?: boolean; 'max-failed-checks'?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dictionaries: { type: 'string' },
        json: { type: 'boolean', default: false },
        soft: { type: 'boolean', default: false },
        'max-failed-checks': { type: 'string' },
      },
      strict: true,
    }));
  } catch (e) {
    throw fail('E_ARGS', `${e instanceof Error ? e.message : String(e)}; usage: ${USAGE}`);
  }
  const coder = deps.coder ?? (await loadCoder(values.dictionaries));
  const r = await runGolden(coder);
  const hard = r.docs.reduce((n, d) => n + d.findings.filter((f) => !f.soft).length, 0);
  const negFail = r.negatives.filter((n) => n.asserted.length > 0);
  if (values.json) io.stdout.write(`${JSON.stringify(r)}\n`);
  else {
    const lines: string[] = [];
    for (const d of r.docs) {
      const shown = d.findings.filter((f) => values.soft || !f.soft);
      const hardN = d.findings.filter((f) => !f.soft).length;
      lines.push(`${hardN === 0 ? '✔' : '✖'} ${d.id} (${d.events} events)`);
      for (const f of shown) lines.push(`    ${f.soft ? '(soft) ' : ''}${f.message}`);
    }
    for (const n of negFail)
      lines.push(`✖ negative line ${n.line}: ${n.text}\n    ${n.asserted.join('\n    ')}`);
    lines.push(
      `golden: ${r.docs.filter((d) => d.findings.every((f) => f.soft)).length}/${r.docs.length} documents pass, ` +
        `${hard} failed checks; negative cases: ${r.negatives.length - negFail.length}/${r.negatives.length} clean`,
    );
    for (const s of r.skipped) lines.push(`skipped ${s}`);
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  // a gate: the seed and every negative case must pass; the sample corpus may fail at most N checks
  const limit = values['max-failed-checks'];
  if (limit !== undefined) {
    const max = Number(limit);
    if (!Number.isInteger(max) || max < 0)
      throw fail('E_ARGS', `expected --max-failed-checks a whole number, found "${limit}"`);
    const seedHard = r.docs
      .filter((d) => d.kind === 'seed')
      .reduce((n, d) => n + d.findings.filter((f) => !f.soft).length, 0);
    const ok = seedHard === 0 && negFail.length === 0 && hard <= max;
    io.stdout.write(
      `golden gate: ${ok ? 'passed' : 'FAILED'} (seed ${seedHard} failed checks, negatives ${negFail.length}, all ${hard} ≤ ${max})\n`,
    );
    return ok ? 0 : 1;
  }
  return hard + negFail.length > 0 ? 1 : 0;
}
