/**
 * A small deterministic coder for tests and store benchmarks (`riposte ingest --coder fake`): every sentence
 * naming two three-letter upper-case country codes ("RUS ... USA") yields one event; keywords pick the CAMEO
 * code. It has the shape of the real coder (`code(input) → Result<{events, annotation, doc}>`, `version`).
 */
import { fail } from '../core/errors.ts';
import { err, ok, type Result } from '../core/result.ts';
import type { Actor, Annotation, DocInput, EventRecord, QuoteRecord } from '../core/types.ts';

export interface CoderOutput {
  events: EventRecord[];
  annotation: Annotation;
  doc?: unknown;
}

/** What ingest needs from a coder: the real one (src/index.ts `createCoder`) fits. */
export interface CoderLike {
  version: string;
  dictVersion?: string;
  code(input: DocInput, opts?: unknown): Result<CoderOutput> | Promise<Result<CoderOutput>>;
}

const KEYWORDS: [RegExp, string, number, number, string][] = [
  [/sanction/i, '163', -8, 4, 'SANCTION'],
  [/attack|strike|shell/i, '190', -10, 4, 'ASSAULT'],
  [/meet|talks/i, '036', 4, 1, 'CONSULT'],
  [/accuse|condemn/i, '112', -2, 3, 'ACCUSE'],
  [/\baid\b|\bhelp/i, '070', 7, 2, 'AID'],
  [/threat/i, '138', -7, 3, 'THREATEN'],
];

function sentences(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const re = /[^.!?\n]+[.!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0].trim();
    if (!t) continue;
    const start = m.index + m[0].indexOf(t);
    out.push({ start, end: start + t.length, text: t });
  }
  return out;
}

function actor(code: string, start: number): Actor {
  return { text: code, start, end: start + code.length, code, country: code, types: [] };
}

export function createFakeCoder(o: { version?: string; delayMs?: number } = {}): CoderLike {
  const version = o.version ?? 'fake-1';
  return {
    version,
    dictVersion: 'fake-dict-1',
    code(input: DocInput): Result<CoderOutput> {
      if (o.delayMs) {
        const until = Date.now() + o.delayMs;
        while (Date.now() < until) {
          /* simulated coding work */
        }
      }
      if (input.text.includes('CODER-FAIL'))
        return err(fail('E_STAGE', 'fake', 'the text asked the fake coder to fail'));
      const date = input.date ?? '2024-01-01';
      const sents = sentences(input.text);
      const mentions: Actor[] = [];
      const events: EventRecord[] = [];
      for (const [si, s] of sents.entries()) {
        const codes = [...s.text.matchAll(/\b[A-Z]{3}\b/g)].map((m) => actor(m[0], s.start + (m.index ?? 0)));
        mentions.push(...codes);
        if (codes.length < 2) continue;
        const [src, tgt] = codes as [Actor, Actor];
        const k = KEYWORDS.find(([re]) => re.test(s.text)) ?? [/./, '010', 0, 1, 'AGREE'];
        const trig = k[0].exec(s.text);
        const tStart = s.start + (trig?.index ?? 0);
        const tText = trig?.[0] ?? s.text.slice(0, 1);
        events.push({
          id: `${input.id}#${events.length}`,
          doc: input.id,
          sentence: si,
          date,
          dateSource: 'publication',
          source: src,
          target: tgt,
          code: k[1],
          root: k[1].slice(0, 2),
          goldstein: k[2],
          quad: k[3],
          plover: { event: k[4] },
          modality: /\bnot\b|\bnever\b/i.test(s.text)
            ? 'negated'
            : /\bwill\b|\bplans?\b/i.test(s.text)
              ? 'intended'
              : 'asserted',
          evidence: [
            {
              start: s.start,
              end: s.end,
              text: s.text,
              trigger: { start: tStart, end: tStart + tText.length, text: tText },
              rule: `fake:${k[1]}`,
              sentence: si,
            },
          ],
          confidence: 0.5,
        });
      }
      const quotes: QuoteRecord[] = [];
      for (const m of input.text.matchAll(/"([^"]+)"/g)) {
        const start = m.index ?? 0;
        quotes.push({ start, end: start + m[0].length, speaker: null });
      }
      const annotation: Annotation = {
        text: input.text,
        doc: { id: input.id, date },
        sentences: sents.map((s) => ({ start: s.start, end: s.end, text: s.text })),
        mentions,
        quotes,
        events,
      };
      return ok({ events, annotation });
    },
  };
}
