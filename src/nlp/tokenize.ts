/**
 * Text analysis: sentences, tokens with character offsets, UPOS tags and lemmas, from wink-nlp's English model,
 * normalised for coding: whitespace tokens dropped (a line break ends a sentence), hyphenated compounds joined
 * ("president-elect", "Russian-American"), attached possessives split ("Trump's" → "Trump" "'s").
 * Tagger repairs that matter for coding are a separate step (src/nlp/repair.ts).
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import type { Doc, Pos, Sentence, Token } from '../core/doc.ts';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

const TYPOGRAPHIC = /[\u2018\u2019\u02bc`\u201c\u201d]/;

/** lower-cased, with typographic quotes folded to ASCII */
export function normalise(s: string): string {
  const lower = s.toLowerCase();
  if (!TYPOGRAPHIC.test(lower)) return lower;
  return lower.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

interface RawTok {
  start: number;
  end: number;
  pos: Pos;
  lemma: string;
  /** a line break precedes this token */
  br: boolean;
  /** wink starts a sentence here */
  sbd: boolean;
}

const POSSESSIVE = /^(.+?)(['\u2019]s?)$/u;
/** lower-case abbreviations that keep their full stop */
const ABBREVIATIONS = new Set([
  'etc.',
  'vs.',
  'approx.',
  'cf.',
  'ca.',
  'incl.',
  'esp.',
  'no.',
  'pp.',
  'vol.',
]);

/** Fills doc.tokens and doc.sentences. */
export function tokenize(doc: Doc): void {
  const text = doc.text;
  const wdoc = nlp.readDoc(text);
  const values = wdoc.tokens().out(its.value) as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const tags = wdoc.tokens().out(its.pos) as string[];
  const lemmas = wdoc.tokens().out(lemmaOf) as string[];
  const sentStarts = new Set<number>();
  for (const [a] of wdoc.sentences().out(its.span) as unknown as [number, number][]) sentStarts.add(a);

  const raw: RawTok[] = [];
  let offset = 0;
  let pendingBreak = false;
  let pendingSbd = false;
  for (let k = 0; k < values.length; k++) {
    const sp = spaces[k] ?? '';
    if (sp.includes('\n')) pendingBreak = true;
    offset += sp.length;
    const v = values[k]!;
    const start = text.indexOf(v, offset) === offset ? offset : text.indexOf(v, offset);
    const end = start + v.length;
    offset = end;
    if (sentStarts.has(k)) pendingSbd = true;
    const pos = (tags[k] ?? 'X') as Pos;
    if (pos === 'SPACE' || /^\s+$/.test(v)) {
      if (v.includes('\n')) pendingBreak = true;
      continue;
    }
    // an underscore joining two words ("Dol_Amroth", as PETRARCH texts write names) separates them like a blank
    if (v === '_' && sp === '' && (spaces[k + 1] ?? ' ') === '' && /\w/.test(text[start - 1] ?? '')) continue;
    const t: RawTok = {
      start,
      end,
      pos,
      lemma: normalise(lemmas[k] ?? v),
      br: pendingBreak,
      sbd: pendingSbd,
    };
    pendingBreak = false;
    pendingSbd = false;
    // a word with the sentence's full stop attached ("allowed in. Hamas said"): split it off
    const stop = /^([a-z]{2,})\.$/.exec(v);
    if (stop && !ABBREVIATIONS.has(v) && /^\s*[A-Z"\u201c]/.test(text.slice(end, end + 3))) {
      raw.push({ ...t, end: end - 1, lemma: normalise(stop[1]!) });
      raw.push({ start: end - 1, end, pos: 'PUNCT', lemma: '.', br: false, sbd: false });
      pendingSbd = true;
      continue;
    }
    // attached possessive: "Trump's" → "Trump" + "'s"
    const m = POSSESSIVE.exec(v);
    if (m && v.length > 2 && (pos === 'PROPN' || pos === 'NOUN') && /[A-Za-z]/.test(m[1]!)) {
      const cut = start + m[1]!.length;
      raw.push({ ...t, end: cut, lemma: normalise(m[1]!) });
      raw.push({ start: cut, end, pos: 'PART', lemma: "'s", br: false, sbd: false });
      continue;
    }
    raw.push(t);
  }

  // join hyphenated compounds written without spaces: A - B (- C …)
  const joined: RawTok[] = [];
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k]!;
    let j = k;
    while (
      j + 2 < raw.length &&
      text.slice(raw[j + 1]!.start, raw[j + 1]!.end) === '-' &&
      raw[j]!.end === raw[j + 1]!.start &&
      raw[j + 1]!.end === raw[j + 2]!.start &&
      /^[A-Za-z]/.test(text.slice(raw[j + 2]!.start, raw[j + 2]!.end)) &&
      /[A-Za-z]$/.test(text.slice(raw[j]!.start, raw[j]!.end))
    )
      j += 2;
    if (j === k) {
      joined.push(t);
      continue;
    }
    const last = raw[j]!;
    const surface = text.slice(t.start, last.end);
    joined.push({
      start: t.start,
      end: last.end,
      pos: 'NOUN',
      lemma: normalise(surface),
      br: t.br,
      sbd: t.sbd,
    });
    k = j;
  }
  // a hyphenated compound before a noun is an adjective ("Russian-American relations")
  for (let k = 0; k < joined.length - 1; k++) {
    const t = joined[k]!;
    if (t.pos === 'NOUN' && text.slice(t.start, t.end).includes('-')) {
      const next = joined[k + 1]!.pos;
      if (next === 'NOUN' || next === 'PROPN') t.pos = 'ADJ';
    }
  }

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentStart = 0;
  const closeSentence = (endTok: number) => {
    if (endTok <= sentStart) return;
    const a = tokens[sentStart]!;
    const b = tokens[endTok - 1]!;
    sentences.push({ i: sentences.length, start: a.start, end: b.end, tokStart: sentStart, tokEnd: endTok });
    sentStart = endTok;
  };
  for (const r of joined) {
    const i = tokens.length;
    if (i > 0 && (r.br || (r.sbd && !continuesSentence(text, tokens[i - 1]!, r)))) closeSentence(i);
    const surface = text.slice(r.start, r.end);
    tokens.push({
      i,
      start: r.start,
      end: r.end,
      text: surface,
      norm: normalise(surface),
      pos: r.pos,
      lemma: r.lemma,
      sent: sentences.length,
    });
  }
  closeSentence(tokens.length);
  doc.tokens = tokens;
  doc.sentences = sentences;
}

/** wink occasionally splits after abbreviations such as "St." or "Gen."; keep those together. */
function continuesSentence(text: string, prev: Token, next: RawTok): boolean {
  if (
    !/^(st|gen|col|lt|sen|rep|gov|mr|mrs|ms|dr|prof|sgt|capt|maj|adm|no|vs|jan|feb|aug|sept|oct|nov|dec)\.$/i.test(
      prev.text,
    )
  )
    return false;
  return /^[A-Z0-9]/.test(text.slice(next.start, next.end));
}
