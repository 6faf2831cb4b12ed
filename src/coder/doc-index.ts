/**
 * Lookup tables over a Doc's layers, built once per layer state and cached, so stages never scan whole arrays
 * per token (a 1 MB document must stay linear). A table is rebuilt when its layer's length changes.
 */
import { pushTo } from '../core/collections.ts';
import type { Chunk, Clause, DateMention, Doc, Mention } from '../core/doc.ts';

type NP = Extract<Chunk, { type: 'NP' }>;
type VG = Extract<Chunk, { type: 'VG' }>;
type PP = Extract<Chunk, { type: 'PP' }>;

export interface ChunkIndex {
  npAt: Map<number, NP>;
  npEndingAt: Map<number, NP>;
  /** NP chunk covering each token, or undefined */
  npCovering: (NP | undefined)[];
  vgAt: Map<number, VG>;
  /** PP chunk wrapping the NP chunk with this index */
  ppOfNp: Map<number, PP>;
  /** index of each chunk in doc.chunks */
  position: Map<Chunk, number>;
}

const chunkCache = new WeakMap<Doc, { n: number; index: ChunkIndex }>();
const mentionCache = new WeakMap<Doc, { n: number; bySent: Map<number, Mention[]> }>();
const clauseCache = new WeakMap<Doc, { n: number; bySent: Map<number, Clause[]> }>();
const tokenCache = new WeakMap<Doc, Map<number, number>>();

export function chunkIndex(doc: Doc): ChunkIndex {
  const hit = chunkCache.get(doc);
  if (hit && hit.n === doc.chunks.length) return hit.index;
  const index: ChunkIndex = {
    npAt: new Map(),
    npEndingAt: new Map(),
    npCovering: new Array(doc.tokens.length),
    vgAt: new Map(),
    ppOfNp: new Map(),
    position: new Map(),
  };
  doc.chunks.forEach((c, k) => {
    index.position.set(c, k);
    if (c.type === 'NP') {
      index.npAt.set(c.start, c);
      index.npEndingAt.set(c.end, c);
      for (let t = c.start; t < c.end; t++) index.npCovering[t] = c;
    } else if (c.type === 'VG') index.vgAt.set(c.start, c);
    else index.ppOfNp.set(c.np, c);
  });
  chunkCache.set(doc, { n: doc.chunks.length, index });
  return index;
}

/** Mentions of each sentence, in text order. */
export function mentionsBySentence(doc: Doc): Map<number, Mention[]> {
  const hit = mentionCache.get(doc);
  if (hit && hit.n === doc.mentions.length) return hit.bySent;
  const bySent = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    const s = doc.tokens[m.tokStart]!.sent;
    pushTo(bySent, s, m);
  }
  for (const list of bySent.values()) list.sort((a, b) => a.start - b.start);
  mentionCache.set(doc, { n: doc.mentions.length, bySent });
  return bySent;
}

export function clausesBySentence(doc: Doc): Map<number, Clause[]> {
  const hit = clauseCache.get(doc);
  if (hit && hit.n === doc.clauses.length) return hit.bySent;
  const bySent = new Map<number, Clause[]>();
  for (const c of doc.clauses) {
    pushTo(bySent, c.sent, c);
  }
  clauseCache.set(doc, { n: doc.clauses.length, bySent });
  return bySent;
}

/** Token index by its start offset. */
export function tokenAt(doc: Doc, start: number): number | undefined {
  let map = tokenCache.get(doc);
  if (!map || map.size !== doc.tokens.length) {
    map = new Map(doc.tokens.map((t) => [t.start, t.i]));
    tokenCache.set(doc, map);
  }
  return map.get(start);
}

const dateCache = new WeakMap<Doc, { n: number; bySent: Map<number, DateMention[]> }>();

/** Date mentions of each sentence, in text order. */
export function datesBySentence(doc: Doc): Map<number, DateMention[]> {
  const hit = dateCache.get(doc);
  if (hit && hit.n === doc.dates.length) return hit.bySent;
  const bySent = new Map<number, DateMention[]>();
  for (const d of doc.dates) {
    pushTo(bySent, d.sent, d);
  }
  dateCache.set(doc, { n: doc.dates.length, bySent });
  return bySent;
}
