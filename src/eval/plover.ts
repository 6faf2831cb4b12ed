/**
 * `riposte eval plover FILE`: scores the coder on PLOVER gold records (a JSON array, or JSON lines, of
 * `{id, date, text, event, source: [{actorText, code}], target: [{actorText, code}] | ""}`). Reports event-type
 * accuracy with a confusion table, source and target code accuracy and actor-span P/R/F1. Definitions:
 * docs/evaluation.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO } from '../cli/command.ts';
import { fail } from '../core/errors.ts';
import type { Actor, EventRecord } from '../core/types.ts';
import { type CoderLike, checkGates, chooseEvent, codeText, type EvalDeps, loadCoder } from './confli.ts';
import {
  type ClassReport,
  classReport,
  fmt,
  formatConfusion,
  type PRF,
  prf,
  type Span,
  SpanScorer,
} from './metrics.ts';

export interface GoldActor {
  actorText: string;
  code: string;
}

export interface PloverGold {
  id: string;
  date: string;
  text: string;
  event: string;
  mode?: string;
  source: GoldActor[];
  target: GoldActor[];
}

const asActors = (v: unknown): GoldActor[] =>
  Array.isArray(v)
    ? v
        .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null)
        .map((a) => ({ actorText: String(a.actorText ?? ''), code: String(a.code ?? '') }))
        .filter((a) => a.code !== '' || a.actorText !== '')
    : [];

/** Reads PLOVER gold records: a JSON array or one object per line. Records without text (DOCUMENT) are dropped. */
/**
 * Event types of PLOVER 0.5 (the gold records' "version 0.5b1") under the names the current PLOVER codebook and
 * riposte's CAMEO → PLOVER mapping use: DEMAND became REQUEST, DISAPPROVE and INVESTIGATE became ACCUSE (with
 * modes), FIGHT became part of ASSAULT. Other names are unchanged.
 */
export const PLOVER_RENAMED: Record<string, string> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

export function currentPloverType(name: string): string {
  const up = name.toUpperCase();
  return PLOVER_RENAMED[up] ?? up;
}

export function readPlover(content: string, file = 'PLOVER file'): PloverGold[] {
  let raw: unknown[];
  const trimmed = content.trim();
  if (trimmed.startsWith('[')) {
    try {
      raw = JSON.parse(trimmed) as unknown[];
    } catch (e) {
      throw fail(
        'E_EVAL_FORMAT',
        file,
        1,
        'a JSON array of PLOVER records',
        e instanceof Error ? e.message : String(e),
      );
    }
  } else {
    raw = [];
    trimmed.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        raw.push(JSON.parse(line));
      } catch {
        throw fail('E_INPUT_JSONL', i + 1, 'expected one PLOVER record per line');
      }
    });
  }
  const out: PloverGold[] = [];
  raw.forEach((r, i) => {
    // (gold records of PLOVER 0.5 use its older event names: see currentPloverType)
    if (typeof r !== 'object' || r === null)
      throw fail('E_EVAL_FORMAT', file, i + 1, 'a PLOVER record object', String(r));
    const o = r as Record<string, unknown>;
    if (
      typeof o.text !== 'string' ||
      o.text.trim() === '' ||
      typeof o.event !== 'string' ||
      o.event === 'DOCUMENT'
    )
      return;
    const date = typeof o.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.date) ? o.date : '2000-01-01';
    out.push({
      id: String(o.id ?? `record-${i + 1}`),
      date,
      text: o.text,
      event: currentPloverType(o.event),
      ...(typeof o.mode === 'string' && o.mode !== '' ? { mode: o.mode } : {}),
      source: asActors(o.source),
      target: asActors(o.target),
    });
  });
  return out;
}

/** The comparable part of an actor code: its first three letters (country, IGO, NGO …). */
export const actorKey = (code: string): string => code.trim().toUpperCase().slice(0, 3);

/** True when the predicted actor's code agrees with one of the gold actors (first three letters). */
export function actorMatches(pred: Actor | null | undefined, gold: readonly GoldActor[]): boolean {
  if (!pred) return false;
  const keys = new Set([pred.code, pred.country ?? ''].filter(Boolean).map(actorKey));
  return gold.some((g) => keys.has(actorKey(g.code)));
}

/** Character spans of the gold actors' texts in the sentence (first occurrence; absent texts are skipped). */
export function goldSpans(text: string, actors: readonly GoldActor[]): Span[] {
  const out: Span[] = [];
  for (const a of actors) {
    const at = a.actorText ? text.indexOf(a.actorText) : -1;
    if (at >= 0) out.push({ start: at, end: at + a.actorText.length });
  }
  return out;
}

export interface PloverEval {
  file: string;
  records: number;
  failures: number;
  /** event type of the chosen event (NONE when the coder found nothing) */
  eventType: ClassReport;
  /** the gold type is among the types of all events coded for the sentence */
  anyEventRecall: number;
  source: { accuracy: number; n: number; codes: PRF; spans: Record<'partial' | 'strict' | 'exact', PRF> };
  target: { accuracy: number; n: number; codes: PRF; spans: Record<'partial' | 'strict' | 'exact', PRF> };
  /** event type, source and target all right (over records with gold source and target) */
  joint: { accuracy: number; n: number };
  errors: { id: string; gold: string; pred: string; code?: string; text: string }[];
}

export async function evalPlover(
  records: readonly PloverGold[],
  coder: CoderLike,
  file: string,
  keepErrors = 0,
): Promise<PloverEval> {
  const types = new Set<string>(['NONE']);
  const goldT: string[] = [];
  const predT: string[] = [];
  let failures = 0;
  let anyHit = 0;
  const side = () => ({ n: 0, right: 0, tp: 0, fp: 0, fn: 0, spans: new SpanScorer() });
  const S = side();
  const T = side();
  const J = { n: 0, right: 0 };
  const errors: PloverEval['errors'] = [];
  const score = (
    acc: ReturnType<typeof side>,
    pred: Actor | null | undefined,
    gold: GoldActor[],
    text: string,
  ) => {
    // a pronoun is scored at the phrase it refers back to (gold spans are the actors' names)
    const at = pred?.antecedent ?? pred;
    acc.spans.add(goldSpans(text, gold), at ? [{ start: at.start, end: at.end }] : []);
    if (gold.length === 0) {
      if (pred) acc.fp++;
      return false;
    }
    acc.n++;
    const ok = actorMatches(pred, gold);
    if (ok) {
      acc.right++;
      acc.tp++;
    } else {
      acc.fn++;
      if (pred) acc.fp++;
    }
    return ok;
  };
  for (const r of records) {
    const events: EventRecord[] | null = await codeText(coder, r.id, r.text, r.date);
    if (!events) failures++;
    // PLOVER has no event for CAMEO statements and appeals (01, 02): a riposte event typed NONE is no PLOVER event,
    // so the record's event is chosen among the others (a sentence with only statements still scores NONE)
    const typed = (events ?? []).filter((x) => (x.plover.event?.toUpperCase() || 'NONE') !== 'NONE');
    const e = chooseEvent(typed.length ? typed : (events ?? []));
    const p = e?.plover.event?.toUpperCase() || 'NONE';
    types.add(r.event);
    types.add(p);
    goldT.push(r.event);
    predT.push(p);
    if ((events ?? []).some((x) => x.plover.event?.toUpperCase() === r.event)) anyHit++;
    const sOk = score(S, e?.source, r.source, r.text);
    const tOk = score(T, e?.target, r.target, r.text);
    if (r.source.length && r.target.length) {
      J.n++;
      if (sOk && tOk && p === r.event) J.right++;
    }
    if (p !== r.event && errors.length < keepErrors) {
      errors.push({ id: r.id, gold: r.event, pred: p, ...(e ? { code: e.code } : {}), text: r.text });
    }
  }
  const labels = [...types].sort((a, b) => (a === 'NONE' ? 1 : b === 'NONE' ? -1 : a.localeCompare(b)));
  const idx = new Map(labels.map((l, i) => [l, i]));
  const eventType = classReport(
    goldT.map((t) => idx.get(t)!),
    predT.map((t) => idx.get(t)!),
    labels,
  );
  const fin = (a: ReturnType<typeof side>) => ({
    accuracy: a.n === 0 ? 0 : a.right / a.n,
    n: a.n,
    codes: prf(a.tp, a.fp, a.fn),
    spans: a.spans.result(),
  });
  return {
    file,
    records: records.length,
    failures,
    eventType,
    anyEventRecall: records.length === 0 ? 0 : anyHit / records.length,
    source: fin(S),
    target: fin(T),
    joint: { accuracy: J.n === 0 ? 0 : J.right / J.n, n: J.n },
    errors,
  };
}

export function formatPloverEval(r: PloverEval): string {
  const side = (name: string, s: PloverEval['source']) => [
    `  ${name}: code accuracy ${fmt(s.accuracy)} over ${s.n} records; codes P ${fmt(s.codes.precision)} R ${fmt(s.codes.recall)} F1 ${fmt(s.codes.f1)}`,
    `    spans F1 partial ${fmt(s.spans.partial.f1)}  strict ${fmt(s.spans.strict.f1)}  exact ${fmt(s.spans.exact.f1)}`,
  ];
  const lines = [
    `PLOVER: ${r.records} records (${r.file})${r.failures ? `, ${r.failures} coder failures` : ''}`,
    `  event type accuracy ${fmt(r.eventType.accuracy)}  macro-F1 ${fmt(r.eventType.macroF1)}  any-event recall ${fmt(r.anyEventRecall)}`,
    ...side('source', r.source),
    ...side('target', r.target),
    `  joint (type + source + target) accuracy ${fmt(r.joint.accuracy)} over ${r.joint.n} records`,
    '  per type:',
    ...r.eventType.perClass
      .filter((c) => c.support > 0 || c.tp + c.fp > 0)
      .map(
        (c) =>
          `    ${c.label.padEnd(12)} P ${fmt(c.precision)}  R ${fmt(c.recall)}  F1 ${fmt(c.f1)}  support ${c.support}`,
      ),
    '  confusion (rows gold, columns predicted):',
    ...formatConfusion(r.eventType)
      .split('\n')
      .map((l) => `    ${l}`),
  ];
  for (const e of r.errors)
    lines.push(`  ✗ ${e.id}: gold ${e.gold} pred ${e.pred}${e.code ? ` (${e.code})` : ''}: ${e.text}`);
  return lines.join('\n');
}

export const USAGE =
  'riposte eval plover [FILE] [--dictionaries DIR] [--limit N] [--errors N] [--json] ' +
  '[--min-event-accuracy X] [--min-source-accuracy X] [--min-target-accuracy X]';

const DEFAULT_FILE = '../shared/eval/dev/plover/PLOVER_GSR_CAMEO.txt';

export async function run(argv: string[], io: CommandIO, deps: EvalDeps = {}): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        dictionaries: { type: 'string' },
        limit: { type: 'string' },
        errors: { type: 'string' },
        json: { type: 'boolean', default: false },
        'min-event-accuracy': { type: 'string' },
        'min-source-accuracy': { type: 'string' },
        'min-target-accuracy': { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (e) {
    throw fail('E_ARGS', `${e instanceof Error ? e.message : String(e)}; usage: ${USAGE}`);
  }
  if (positionals.length > 1) throw fail('E_ARGS', `expected at most one FILE, found ${positionals.length}`);
  const num = (flag: string): number | undefined => {
    const v = values[flag] as string | undefined;
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw fail('E_ARGS', `expected a number after --${flag}, found "${v}"`);
    return n;
  };
  let file = positionals[0];
  if (!file) {
    file = resolve(DEFAULT_FILE);
    if (!existsSync(file)) {
      io.stderr.write(`riposte eval plover: skipped: no FILE given and ${file} is absent\n`);
      return 0;
    }
  }
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    throw fail('E_INPUT_READ', file, e instanceof Error ? e.message : String(e));
  }
  let records = readPlover(content, file);
  const limit = num('limit');
  if (limit !== undefined) records = records.slice(0, limit);
  const coder = deps.coder ?? (await loadCoder(values.dictionaries as string | undefined));
  const t0 = performance.now();
  const r = await evalPlover(records, coder, file, num('errors') ?? 0);
  const seconds = (performance.now() - t0) / 1000;
  const gates = checkGates([
    ['event-accuracy', num('min-event-accuracy'), r.eventType.accuracy],
    ['source-accuracy', num('min-source-accuracy'), r.source.accuracy],
    ['target-accuracy', num('min-target-accuracy'), r.target.accuracy],
  ]);
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ dictionaries: values.dictionaries ?? 'default', seconds, ...r, gates })}\n`,
    );
  } else {
    io.stdout.write(
      `${formatPloverEval(r)}\n(${seconds.toFixed(1)} s, dictionaries: ${values.dictionaries ?? 'default'})\n`,
    );
  }
  for (const g of gates) io.stderr.write(`riposte eval plover: ${g}\n`);
  return gates.length ? 1 : 0;
}
