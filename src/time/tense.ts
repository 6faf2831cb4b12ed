/**
 * The tense of the clause around a token, for resolving bare weekdays, month names and holidays.
 * With clauses (stage 2) the clause's verb group decides; without them a local heuristic over the sentence's
 * tokens looks at the nearest verb group before the token (else after it).
 */
import type { Clause, Doc, Token } from '../core/doc.ts';

export type Tense = 'past' | 'present' | 'future';

const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo', 'would', "'d"]);
const PAST_AUX = new Set(['had', 'has', 'have', "'ve", 'was', 'were', 'did', 'been']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", "'re", "'m"]);
/** "is scheduled for", "are expected on": a present passive that points ahead */
const SCHEDULED = new Set(['scheduled', 'expected', 'due', 'set', 'planned', 'slated', 'poised', 'supposed']);
/** irregular past forms (and a few ambiguous present/past forms, read as past: news reports the past) */
const IRREGULAR_PAST = new Set(
  (
    'said told made met took gave went came saw held left sent spent began became brought bought built caught ' +
    'chose did drew drove ate fell felt fought found flew forgot forgave froze got grew hung had heard hid kept ' +
    'knew laid led lent lost meant paid rose sought sold shook shot sang sank sat slept slid spoke stood stole ' +
    'struck swore swept taught tore thought threw understood woke wore won wrote withdrew overtook undertook ' +
    'upheld withheld broke dealt fed forbade arose bore bound bled fled flung ground knelt lit mistook overcame ' +
    'overthrew overran ran rang beat bid cut hit put set shut let quit spread cast cost struck stuck spun split ' +
    'sprang shrank strove sped upset wept wound'
  ).split(' '),
);

/** The tense governing token `tok` of sentence `sent`; undefined when the sentence has no verb. */
export function tenseAt(doc: Doc, sent: number, tok: number): Tense | undefined {
  if (doc.clauses.length > 0) {
    const t = tenseFromClauses(doc.clauses, sent, tok);
    if (t) return t;
  }
  return tenseLocal(doc, sent, tok);
}

function tenseFromClauses(clauses: Clause[], sent: number, tok: number): Tense | undefined {
  let best: Clause | undefined;
  for (const c of clauses) {
    if (c.sent !== sent || tok < c.start || tok >= c.end) continue;
    if (!best || c.end - c.start < best.end - best.start) best = c;
  }
  // a non-finite clause takes its tense from the clause it depends on; a to-infinitive looks ahead
  for (
    let c = best, guard = 0;
    c && guard < 8;
    c = c.parent === undefined ? undefined : clauses[c.parent], guard++
  ) {
    if (c.verb.tense !== 'nonfinite') return c.verb.tense;
    if (c.verb.form === 'infinitive') return 'future';
  }
  return undefined;
}

const isVerbish = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';

function tenseLocal(doc: Doc, sent: number, tok: number): Tense | undefined {
  const s = doc.sentences[sent];
  if (!s) return undefined;
  // nearest verb group before the token, skipping participles that inherit a finite verb's tense
  for (let k = Math.min(tok, s.tokEnd) - 1; k >= s.tokStart; k--) {
    const t = doc.tokens[k]!;
    if (!isVerbish(t)) continue;
    const r = classify(doc, s.tokStart, s.tokEnd, k);
    if (r === 'skip') continue;
    return r.tense;
  }
  for (let k = tok; k < s.tokEnd; k++) {
    const t = doc.tokens[k]!;
    if (!isVerbish(t)) continue;
    const r = classify(doc, s.tokStart, s.tokEnd, k);
    if (r === 'skip') continue;
    return r.tense;
  }
  return undefined;
}

/**
 * Classifies the verb group whose last verbish token is at or around `k`. Returns 'skip' for tokens that do not
 * head a finite group (bare participles, gerunds), so the search continues to the next verb.
 */
function classify(doc: Doc, lo: number, hi: number, k: number): { tense: Tense } | 'skip' {
  // move to the main verb of the group: auxiliaries are read from the left of it
  let v = k;
  while (v + 1 < hi) {
    const n = doc.tokens[v + 1]!;
    if (isVerbish(n) || n.norm === 'not' || n.norm === "n't") v++;
    else break;
  }
  const main = doc.tokens[v]!;
  const aux: string[] = [];
  let j = v - 1;
  for (; j >= lo; j--) {
    const t = doc.tokens[j]!;
    if (t.pos === 'AUX' || t.pos === 'VERB' || t.norm === 'not' || t.norm === "n't" || t.pos === 'ADV') {
      if (t.pos !== 'ADV' && t.norm !== 'not' && t.norm !== "n't") aux.push(t.norm);
      continue;
    }
    break;
  }
  const before = j >= lo ? doc.tokens[j]! : undefined;
  const word = main.norm;
  if (aux.some((a) => FUTURE_AUX.has(a))) return { tense: 'future' };
  if (before?.norm === 'to' && aux.length === 0) return { tense: 'future' };
  if (before?.norm === 'to' && aux.length > 0 && aux[aux.length - 1] === 'be') return { tense: 'future' };
  if (aux.some((a) => PAST_AUX.has(a))) return { tense: 'past' };
  if (aux.some((a) => a === 'going')) return { tense: 'future' };
  if (aux.some((a) => PRESENT_BE.has(a)))
    return { tense: word.endsWith('ing') || SCHEDULED.has(word) ? 'future' : 'present' };
  if (main.pos === 'AUX' && aux.length === 0) {
    if (PAST_AUX.has(word)) return { tense: 'past' };
    if (FUTURE_AUX.has(word)) return { tense: 'future' };
    return { tense: 'present' };
  }
  if (aux.length > 0) {
    // "does", "do", "can", "must", "may" …
    if (aux.includes('did') || aux.includes('could') || aux.includes('might')) return { tense: 'past' };
    return { tense: 'present' };
  }
  if (word.endsWith('ing')) return 'skip';
  if (word.endsWith('ed') || IRREGULAR_PAST.has(word)) return { tense: 'past' };
  if (word !== main.lemma && !word.endsWith('s')) return { tense: 'past' };
  return { tense: 'present' };
}
