/**
 * Synthetic event streams with known ground truth, for tests, demos and checking the analysis: a seeded PRNG
 * and an event builder that fills the contract from the CAMEO ontology.
 */
import type { Actor, EventRecord, Modality } from '../core/types.ts';
import { describeCode } from '../ontology/cameo.ts';
import { addDays } from './dates.ts';

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from a uniform PRNG. */
export function gaussian(rand: () => number): number {
  const u = Math.max(rand(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

export function synthActor(code: string, extra: Partial<Actor> = {}): Actor {
  const country = /^[A-Z]{3}/.test(code) && !code.startsWith('---') ? code.slice(0, 3) : null;
  const types = code.length > 3 ? (code.slice(3).match(/.{3}/g) ?? []) : [];
  return {
    text: extra.name ?? code,
    start: 0,
    end: (extra.name ?? code).length,
    code,
    country,
    types,
    ...extra,
  };
}

export interface SynthEvent {
  date: string;
  source: string | Actor;
  target: string | Actor;
  code: string;
  modality?: Modality;
  /** overrides the ontology's Goldstein value */
  goldstein?: number;
  doc?: string;
  id?: string;
}

let counter = 0;

/** One event record: quad class, root, Goldstein and PLOVER from the CAMEO ontology (GDELT convention). */
export function synthEvent(s: SynthEvent): EventRecord {
  const info = describeCode(s.code);
  if (!info) throw new Error(`synthEvent: unknown CAMEO code ${s.code}`);
  const source = typeof s.source === 'string' ? synthActor(s.source) : s.source;
  const target = typeof s.target === 'string' ? synthActor(s.target) : s.target;
  const id = s.id ?? `synth-${++counter}`;
  const text = `${source.text} ${info.name.toLowerCase()} ${target.text}`;
  return {
    id,
    doc: s.doc ?? `doc-${id}`,
    sentence: 0,
    date: s.date,
    dateSource: 'text',
    source,
    target,
    code: s.code,
    root: info.root,
    goldstein: s.goldstein ?? info.goldstein,
    quad: info.quad,
    plover: info.plover,
    modality: s.modality ?? 'asserted',
    evidence: [
      { start: 0, end: text.length, text, trigger: { start: 0, end: 0, text: '' }, rule: 'synthetic' },
    ],
    confidence: 1,
    codeName: info.name,
  };
}

/** `synthEvent` on day `offset` after `start`. */
export const onDay = (start: string, offset: number, s: Omit<SynthEvent, 'date'>): EventRecord =>
  synthEvent({ ...s, date: addDays(start, offset) });
