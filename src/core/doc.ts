/**
 * The Doc owns the text. Everything else is stand-off annotation over it: tokens keep character offsets,
 * sentences, chunks, clauses, mentions, quotes, dates and events are spans (token ranges and/or character
 * offsets) into the same text. Stages fill the annotation layers in the order fixed in `src/core/pipeline.ts`.
 */
import type { Actor, EventRecord, IsoDate } from './types.ts';

/** Universal POS tags (as produced by wink-nlp, then repaired by `src/nlp/repair.ts`). */
export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

export interface Token {
  /** index in doc.tokens */
  i: number;
  start: number;
  end: number;
  /** exact surface text: doc.text.slice(start, end) */
  text: string;
  /** lower-cased, quotes and dashes folded */
  norm: string;
  pos: Pos;
  lemma: string;
  /** sentence index */
  sent: number;
  /** true when a repair rule changed the tagger's POS */
  repaired?: string;
}

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** token range [tokStart, tokEnd) */
  tokStart: number;
  tokEnd: number;
}

/** A chunk: a noun phrase, verb group or prepositional phrase, over tokens [start, end). */
export type Chunk =
  | {
      type: 'NP';
      start: number;
      end: number;
      head: number;
      /** mention index of the actor the whole NP denotes (set by the mention stage) */
      actor?: number;
      /** "of"-phrase NP chunk index attached to this NP ("children of American diplomats") */
      of?: number;
      /** a time expression ("next week", "Thursday"): never an argument */
      time?: boolean;
    }
  | { type: 'VG'; start: number; end: number; head: number; verb: VerbGroupInfo }
  | { type: 'PP'; start: number; end: number; prep: number; np: number /* index of NP chunk */ };

export interface VerbGroupInfo {
  /** lemma of the main verb */
  lemma: string;
  negated: boolean;
  modal?: string;
  tense: 'past' | 'present' | 'future' | 'nonfinite';
  voice: 'active' | 'passive';
  /** "to"-infinitive, gerund, participle or finite */
  form: 'finite' | 'infinitive' | 'gerund' | 'participle';
  /** token indices of auxiliaries, negation and modal words */
  aux: number[];
}

/** A noun phrase with what the mention and agent layers found in it. */
export interface NounPhrase {
  start: number;
  end: number;
  head: number;
  /** index into doc.mentions of the actor this NP denotes, if any */
  actor?: number;
  /** determiner/possessor mention ("Russia's foreign minister" → Russia) */
  possessor?: number;
}

export type ClauseRole =
  | 'main'
  | 'coordinate'
  | 'relative'
  | 'reduced-relative'
  | 'participle'
  | 'complement'
  | 'adverbial';

export interface Argument {
  /** token range of the NP */
  start: number;
  end: number;
  head: number;
  /** mention index when the NP is an actor */
  mention?: number;
  /** coordinated NPs ("the DNC and the campaign of Hillary Clinton") */
  coord?: Argument[];
}

export interface PrepArg extends Argument {
  prep: string;
  prepToken: number;
}

export interface Clause {
  i: number;
  sent: number;
  role: ClauseRole;
  /** the verb group: token indices */
  vgStart: number;
  vgEnd: number;
  head: number;
  verb: VerbGroupInfo;
  subject?: Argument;
  /** how the subject was found: explicit, by-agent of a passive, carried from a governing clause … */
  subjectFrom?: 'explicit' | 'by-agent' | 'inherited' | 'relative-antecedent' | 'quote-speaker';
  object?: Argument;
  /** a second object after an indirect one: "gave **the Ivory Coast** 5.1 million dollars" → object2 = the sum */
  object2?: Argument;
  pps: PrepArg[];
  /** index of the clause this one depends on (complement, participle, relative, coordinate) */
  parent?: number;
  /** token range [start, end) covered by the clause */
  start: number;
  end: number;
}

export interface Mention {
  /** index into doc.mentions */
  i: number;
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  actor: Actor;
  /** how it was recognised: dictionary, title+name, agent, pronoun coreference … */
  via: 'dictionary' | 'title' | 'agent' | 'coref' | 'pronoun' | 'metonym';
  /** dictionary entries that fired */
  entries: string[];
  /** an adjectival use ("American diplomats", "Russian-American") */
  adjectival?: boolean;
  /** person gender for he/she coreference */
  gender?: 'male' | 'female';
  person?: boolean;
  /** used only as a place (after a locative preposition): not an actor of events */
  locative?: boolean;
  /** for a pronoun: the mention it refers back to (index into doc.mentions) */
  antecedent?: number;
}

export interface Quote {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  /** mention index of the speaker */
  speaker?: number;
  speakerActor: Actor | null;
  cue?: { start: number; end: number; text: string };
}

export interface DateMention {
  start: number;
  end: number;
  sent: number;
  text: string;
  date: IsoDate;
  range?: [IsoDate, IsoDate];
  /** the phrase gives a day, a week, a month or a year */
  grain: 'day' | 'week' | 'month' | 'year';
  /** the phrase describes something else ("the 2015 nuclear deal") and must not date an event */
  modifier?: boolean;
  rule: string;
}

export interface DocMeta {
  id: string;
  /** publication date, the reference for relative dates */
  date: IsoDate;
  title?: string;
  url?: string;
  source?: string;
}

/** A trace line for `--explain`: what a stage saw and decided for one sentence. */
export interface ExplainLine {
  sent: number;
  stage: string;
  message: string;
}

export class Doc {
  readonly text: string;
  readonly meta: DocMeta;
  tokens: Token[] = [];
  sentences: Sentence[] = [];
  chunks: Chunk[] = [];
  clauses: Clause[] = [];
  mentions: Mention[] = [];
  quotes: Quote[] = [];
  dates: DateMention[] = [];
  events: EventRecord[] = [];
  /** annotation layers assigned so far (checked by the pipeline) */
  readonly layers = new Set<string>();
  /** filled only when explaining */
  explain: ExplainLine[] | null = null;

  constructor(text: string, meta: DocMeta) {
    this.text = text;
    this.meta = meta;
  }

  span(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** character span of tokens [a, b) */
  tokSpan(a: number, b: number): { start: number; end: number; text: string } {
    const start = this.tokens[a]!.start;
    const end = this.tokens[b - 1]!.end;
    return { start, end, text: this.text.slice(start, end) };
  }

  note(sent: number, stage: string, message: string | (() => string)): void {
    if (this.explain)
      this.explain.push({ sent, stage, message: typeof message === 'function' ? message() : message });
  }

  /** the quote containing a token, if any */
  quoteAt(tok: number): Quote | undefined {
    // quotes are disjoint and in text order
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quotes[mid]!;
      if (tok < q.tokStart) hi = mid - 1;
      else if (tok >= q.tokEnd) lo = mid + 1;
      else return q;
    }
    return undefined;
  }
}
