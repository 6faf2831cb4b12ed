/**
 * Stage 7, quotes: quotation spans and who said them.
 *
 * Spans: straight (") and curly (“ ”) double quotes, paired within a paragraph (a line break ends a paragraph);
 * single quotes (‘ ’, ') are never quote marks here, so nested quotes and apostrophes stay inside. An unclosed
 * quote runs to the end of its paragraph.
 *
 * Attribution, first rule that fires:
 *   after      “…,” he said / “…,” said Mr Putin / “…,” tweeted David Rothkopf / “…,” Sergei Lavrov, the foreign
 *              minister, added
 *   before     Mr Putin said: “…” / He told reporters “…” / The Kremlin said that “…”
 *   according  “…”, according to the Kremlin
 *   embedded   a partial quote inside a clause (“calling on the US “to move on …””): the clause's subject
 *   continued  a quote with no cue of its own that directly follows an attributed quote inherits its speaker
 *
 * The speaker is a mention (doc.mentions) in the cue's subject slot; pronouns are mentions already resolved by
 * coreference. No mention there: `speaker` undefined, `speakerActor` null, the cue is still reported.
 * Rules and decisions: docs/dates-and-quotes.md.
 */
import type { Doc, Mention, Quote, Token } from '../core/doc.ts';

/** how the speaker was found */
export type Attribution = 'after' | 'before' | 'according' | 'embedded' | 'continued';

export interface AttributedQuote extends Quote {
  attribution?: Attribution;
  /** true when the closing mark is missing and the quote runs to the end of the paragraph */
  unclosed?: boolean;
}

/** lemmas of speech verbs */
export const SPEECH_LEMMAS = new Set(
  (
    'say tell tweet add write declare state insist warn note explain announce claim ask reply respond answer ' +
    'argue suggest comment remark continue conclude stress emphasise emphasize admit acknowledge assert maintain ' +
    'recall caution vow promise pledge predict complain quip joke shout urge post report observe testify concede ' +
    'deny allege retort counter confirm reiterate underline proclaim contend agree mutter scream yell whisper'
  ).split(' '),
);
/** inflected forms the tagger sometimes mislabels or mis-lemmatises */
const SPEECH_FORMS = new Set([
  'said',
  'says',
  'told',
  'tells',
  'tweeted',
  'tweets',
  'added',
  'adds',
  'wrote',
  'writes',
  'warned',
  'insisted',
  'declared',
  'stated',
  'noted',
  'explained',
  'announced',
  'claimed',
  'asked',
  'replied',
  'posted',
]);

const isSpeech = (t: Token | undefined): boolean =>
  !!t && (SPEECH_FORMS.has(t.norm) || (t.pos === 'VERB' && SPEECH_LEMMAS.has(t.lemma)));
/** tokens that end a cue search */
const HARD_STOP = new Set(['.', '!', '?', ';', '"', '``', "''"]);

interface Span {
  start: number;
  end: number;
  closed: boolean;
}

/** line breaks, curly and straight double quotes, and the Penn Treebank pair `` '' (Gigaword style) */
const MARKS = /[\n\u201c\u201d"]|``|''/g;

/** quotation spans, marks included; an unclosed quote ends at its paragraph's end */
export function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  const close = (end: number, closed: boolean) => {
    let e = end;
    if (!closed) while (e > open && /\s/.test(text[e - 1]!)) e--;
    if (e - open > 1) out.push({ start: open, end: e, closed });
    open = -1;
  };
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    const c = m[0];
    if (c === '\n') {
      if (open >= 0) close(i, false);
    } else if (c === '\u201c' || c === '``') {
      if (open >= 0) close(i, false);
      open = i;
    } else if (c === '\u201d' || c === "''") {
      if (open >= 0) close(i + c.length, true);
    } else if (open >= 0) close(i + 1, true);
    else open = i;
  }
  if (open >= 0) close(text.length, false);
  return out;
}

/** first token whose start is >= char */
function tokFrom(doc: Doc, char: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < char) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finds quotations and attributes them. Reads doc.tokens, doc.sentences, doc.mentions and (if set) doc.clauses. */
export function findQuotes(doc: Doc): AttributedQuote[] {
  const spans = quoteSpans(doc.text);
  if (spans.length === 0) return [];
  const quotes: AttributedQuote[] = [];
  for (const s of spans) {
    const tokStart = tokFrom(doc, s.start);
    const tokEnd = tokFrom(doc, s.end);
    if (tokEnd <= tokStart) continue;
    const q: AttributedQuote = { start: s.start, end: s.end, tokStart, tokEnd, speakerActor: null };
    if (!s.closed) q.unclosed = true;
    quotes.push(q);
  }
  const A = new Attributor(doc, quotes);
  for (let i = 0; i < quotes.length; i++) A.attribute(i);
  return quotes;
}

class Attributor {
  /** mentions outside every quote, by token order */
  private readonly outside: Mention[];

  constructor(
    private readonly doc: Doc,
    private readonly quotes: AttributedQuote[],
  ) {
    this.outside = doc.mentions
      .filter((m) => !quotes.some((q) => m.tokStart >= q.tokStart && m.tokStart < q.tokEnd))
      .sort((a, b) => a.tokStart - b.tokStart);
  }

  attribute(i: number): void {
    const q = this.quotes[i]!;
    if (this.after(q) || this.before(q, i) || this.according(q) || this.embedded(q)) return;
    this.continued(q, i);
  }

  private tok(k: number): Token | undefined {
    return this.doc.tokens[k];
  }

  /** the first token of sentence(tok) */
  private sentStart(k: number): number {
    return this.doc.sentences[this.doc.tokens[k]!.sent]!.tokStart;
  }

  private set(
    q: AttributedQuote,
    how: Attribution,
    m: Mention | undefined,
    cueA?: number,
    cueB?: number,
  ): true {
    q.attribution = how;
    if (m) {
      q.speaker = m.i;
      q.speakerActor = m.actor;
    }
    if (cueA !== undefined && cueB !== undefined && cueB > cueA) q.cue = this.doc.tokSpan(cueA, cueB);
    return true;
  }

  /** usable as a speaker: not an adjective ("Russian"), not a place */
  private usable = (m: Mention) => !m.adjectival && !m.locative;

  /** the first usable mention starting in tokens [a, b) */
  private firstIn(a: number, b: number): Mention | undefined {
    return this.outside.find((m) => m.tokStart >= a && m.tokStart < b && this.usable(m));
  }

  /**
   * The subject of a verb group starting at `v`: the nearest usable mention ending before it (from `lo`), moved
   * back across an appositive to a named person ("Sergei Lavrov, the foreign minister, said").
   */
  private subjectBefore(v: number, lo: number): Mention | undefined {
    let cur: Mention | undefined;
    for (const m of this.outside) {
      if (m.tokStart < lo || m.tokEnd > v) continue;
      if (this.usable(m)) cur = m;
    }
    if (!cur) return undefined;
    for (;;) {
      const prev = this.outside
        .filter((m) => m.tokEnd <= cur!.tokStart && m.tokStart >= lo && this.usable(m))
        .pop();
      if (!prev) break;
      // coordinated subjects ("Mr Putin and Mr Erdogan said"): the first conjunct speaks for both
      const gap = prev.tokEnd === cur.tokStart - 1 ? this.tok(prev.tokEnd)!.norm : '';
      if (gap === 'and' || gap === '&') {
        cur = prev;
        continue;
      }
      if (!this.appositive(prev.tokEnd, cur.tokStart)) break;
      if (named(cur) || !prev.person) break;
      cur = prev;
    }
    return cur;
  }

  /** tokens [a, b) are ", (the)" — the glue between a name and its appositive */
  private appositive(a: number, b: number): boolean {
    if (b - a < 1 || b - a > 2 || this.tok(a)!.norm !== ',') return false;
    return b - a === 1 || this.tok(a + 1)!.pos === 'DET';
  }

  /** auxiliaries and adverbs before a verb: "has said", "later told" */
  private groupStart(v: number, lo: number): number {
    let a = v;
    while (a - 1 >= lo) {
      const t = this.tok(a - 1)!;
      if (t.pos === 'AUX' || t.pos === 'ADV' || t.norm === 'not') a--;
      else break;
    }
    return a;
  }

  /** the end of an NP-like run after `a`: up to punctuation, a verb or a preposition other than "of" */
  private npEnd(a: number, limit: number): number {
    let k = a;
    while (k < limit) {
      const t = this.tok(k)!;
      if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'CCONJ')
        break;
      if (t.pos === 'ADP' && t.norm !== 'of') break;
      k++;
    }
    return k;
  }

  /** the quoted text ends a sentence: `… Kremlin.”` — what follows is not its cue */
  private endsSentence(q: AttributedQuote): boolean {
    const text = this.doc.text;
    let e = q.end - 1;
    while (e > q.start && /[\s\u201d"']/.test(text[e]!)) e--;
    return text[e] === '.';
  }

  /** `“…,” he said` · `“…,” said Mr Putin` · `“…,” tweeted David Rothkopf` */
  private after(q: AttributedQuote): boolean {
    if (q.unclosed || this.endsSentence(q)) return false;
    const doc = this.doc;
    let k = q.tokEnd;
    const first = this.tok(k);
    if (!first || /\n/.test(doc.text.slice(q.end, first.start))) return false;
    while (this.tok(k) && /^[,\u2014\u2013-]$/.test(this.tok(k)!.norm)) k++;
    const lo = k;
    const limit = Math.min(doc.tokens.length, lo + 12);
    // verb first: "said Mr Putin", "tweeted David Rothkopf", "added he"
    let v = lo;
    while (v < limit && this.tok(v)!.pos === 'ADV') v++;
    if (isSpeech(this.tok(v)) && !this.tok(v)!.norm.endsWith('ing')) {
      const end = this.npEnd(v + 1, limit);
      const m = this.firstIn(v + 1, Math.max(end, v + 2));
      return this.set(q, 'after', m, lo, Math.max(end, m ? m.tokEnd : v + 1));
    }
    // subject first: "he said", "Sergei Lavrov, the foreign minister, said", "the Kremlin said in a statement"
    for (let j = lo; j < limit; j++) {
      const t = this.tok(j)!;
      if (HARD_STOP.has(t.norm) || t.sent !== this.tok(lo)!.sent) break;
      if (isSpeech(t) && !t.norm.endsWith('ing')) {
        const g = this.groupStart(j, lo);
        const m = this.subjectBefore(g, lo);
        return this.set(q, 'after', m, lo, j + 1);
      }
      // only a subject noun phrase may stand between the quote and its verb
      if (t.pos === 'VERB' || t.pos === 'SCONJ' || (t.pos === 'ADP' && t.norm !== 'of')) break;
    }
    return false;
  }

  /** `Mr Putin said: “…”` · `He told reporters “…”` · `The Kremlin said that “…”` · `…,” he said, “…”` */
  private before(q: AttributedQuote, i: number): boolean {
    let lo = this.sentStart(q.tokStart);
    const prev = this.quotes[i - 1];
    if (prev && prev.tokEnd > lo) lo = prev.tokEnd;
    let j = q.tokStart - 1;
    if (j < lo) return false;
    let separated = false;
    if (/^[:,\u2014]$/.test(this.tok(j)!.norm)) {
      separated = true;
      j--;
    }
    if (j >= lo && this.tok(j)!.norm === 'that') {
      separated = true;
      j--;
    }
    const cueEnd = j + 1;
    const reach = separated ? 8 : 3;
    for (let n = 0; j >= lo && n <= reach; j--, n++) {
      const t = this.tok(j)!;
      if (isSpeech(t)) {
        // inverted: `said Mr Putin: “…”`
        const inv = this.firstIn(j + 1, cueEnd);
        if (inv && inv.tokStart === j + 1) return this.set(q, 'before', inv, j, cueEnd);
        const g = this.groupStart(j, lo);
        const m = this.subjectBefore(g, lo);
        return this.set(q, 'before', m, m && m.tokStart < g ? m.tokStart : g, cueEnd);
      }
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || HARD_STOP.has(t.norm)) break;
    }
    return false;
  }

  /** `“…”, according to the Kremlin` anywhere outside the quote in its sentences */
  private according(q: AttributedQuote): boolean {
    const doc = this.doc;
    const s0 = doc.sentences[this.tok(q.tokStart)!.sent]!;
    const s1 = doc.sentences[this.tok(q.tokEnd - 1)!.sent]!;
    for (let k = s0.tokStart; k + 1 < s1.tokEnd; k++) {
      if (k >= q.tokStart && k < q.tokEnd) continue;
      if (this.tok(k)!.norm !== 'according' || this.tok(k + 1)!.norm !== 'to') continue;
      if (this.quotes.some((o) => k >= o.tokStart && k < o.tokEnd)) continue;
      const end = this.npEnd(k + 2, s1.tokEnd);
      const m = this.firstIn(k + 2, Math.max(end, k + 3));
      return this.set(q, 'according', m, k, Math.max(end, m ? m.tokEnd : k + 2));
    }
    return false;
  }

  /**
   * A partial quote inside a clause: the clause's subject (with clauses), else the first person mention of the
   * sentence before the quote. Scare quotes of one or two words get no speaker.
   */
  private embedded(q: AttributedQuote): boolean {
    const doc = this.doc;
    const lo = this.sentStart(q.tokStart);
    let content = false;
    for (let k = lo; k < q.tokStart; k++) {
      const t = this.tok(k)!;
      if (t.pos !== 'PUNCT' && t.pos !== 'CCONJ') content = true;
    }
    if (!content) return false;
    let words = 0;
    for (let k = q.tokStart; k < q.tokEnd; k++) if (this.tok(k)!.pos !== 'PUNCT') words++;
    if (words < 3) return false;
    const sent = this.tok(q.tokStart)!.sent;
    if (doc.clauses.length > 0) {
      const m = this.clauseSubject(sent, q.tokStart);
      if (m) return this.set(q, 'embedded', m);
    }
    const before = this.outside.filter((m) => m.tokStart >= lo && m.tokEnd <= q.tokStart && this.usable(m));
    const m = before.find((x) => x.person || x.gender || x.via === 'pronoun') ?? before[0];
    if (!m) return false;
    return this.set(q, 'embedded', m);
  }

  /** the subject mention of the innermost clause around `tok` (or ending just before it), up its parents */
  private clauseSubject(sent: number, tok: number): Mention | undefined {
    const doc = this.doc;
    let best: (typeof doc.clauses)[number] | undefined;
    for (const c of doc.clauses) {
      if (c.sent !== sent || c.start > tok) continue;
      const contains = tok < c.end;
      if (
        !best ||
        (contains && c.end - c.start < best.end - best.start) ||
        (!contains && c.end > best.end && !(tok < best.end))
      )
        best = c;
    }
    for (
      let c = best, guard = 0;
      c && guard < 8;
      c = c.parent === undefined ? undefined : doc.clauses[c.parent], guard++
    ) {
      const idx = c.subject?.mention;
      if (idx !== undefined && doc.mentions[idx]) return doc.mentions[idx];
    }
    return undefined;
  }

  /** no cue of its own: directly continues the previous attributed quote (only its cue lies between) */
  private continued(q: AttributedQuote, i: number): boolean {
    const prev = this.quotes[i - 1];
    if (!prev || prev.attribution === undefined) return false;
    let gap = this.doc.text.slice(prev.end, q.start);
    if (prev.cue && prev.cue.start >= prev.end && prev.cue.end <= q.start)
      gap = this.doc.text.slice(prev.end, prev.cue.start) + this.doc.text.slice(prev.cue.end, q.start);
    if (!/^[\s.,;:\u2014\u2013-]*$/.test(gap)) return false;
    // at most one paragraph break: a quote that opens the next paragraph continues the speaker
    if ((gap.match(/\n\s*/g)?.length ?? 0) > 1) return false;
    q.attribution = 'continued';
    if (prev.speaker !== undefined) q.speaker = prev.speaker;
    q.speakerActor = prev.speakerActor;
    if (prev.cue) q.cue = { ...prev.cue };
    return true;
  }
}

/** a person named in the text (not a pronoun or a role noun) */
function named(m: Mention): boolean {
  return !!m.person && (m.via === 'dictionary' || m.via === 'title' || m.via === 'coref');
}
