/**
 * Types for what the PETRARCH readers keep beyond riposte's own lexicon model: the verb pattern as written
 * (so a coder can honour word order, pre-verb words and source/target markers), synsets, transformations,
 * issue phrases and the validation records.
 */
import type { DocInput } from '../../core/types.ts';

/**
 * One position of a pattern: alternatives, each a sequence of lower-case tokens. A plain word has one
 * alternative of one token; a synset `&X` has one alternative per member ("swiss francs" → ["swiss", "francs"]).
 */
export type PetrarchAlternatives = string[][];

export type PetrarchElement =
  /** literal word(s) or a synset; `glued` = joined to the previous element with `_` (must be adjacent) */
  | { kind: 'term'; alts: PetrarchAlternatives; glued: boolean }
  /** `{…}` noun phrase (PETRARCH-2): its last term is the head */
  | { kind: 'np'; terms: PetrarchAlternatives[] }
  /** `(PREP …)` prepositional phrase (PETRARCH-2); `terms` empty = `(PREP)` alone, its object is the target */
  | { kind: 'pp'; prep: string; terms: PetrarchAlternatives[] }
  /** `$` the source actor is here */
  | { kind: 'source' }
  /** `+` the target actor is here */
  | { kind: 'target' }
  /** `^` skip a noun phrase */
  | { kind: 'skip' }
  /** `%` compound actor: its members act on each other */
  | { kind: 'compound' };

export interface PetrarchPattern {
  /** the verb block ("--- ACCELERATE [---] ---") */
  block: string;
  /** elements before the verb (`*`), in text order */
  pre: PetrarchElement[];
  /** elements after the verb, in text order */
  post: PetrarchElement[];
  /** words written before the verb inside a multi-word verb (`WIRE_+TAP` → ["wire"]) */
  verbPre: string[];
  /** the last element before the verb is joined to it with `_` (`RECENTLY_*`, `FAILED_TO_*`): no words between */
  preGlued?: boolean;
  /** the pattern line as written ("" for the bare verb) */
  raw: string;
  /** "petr2" = CAMEO.2.0 syntax with {} and (); "petr1" = TABARI-style flat sequence */
  dialect: 'petr1' | 'petr2';
}

/** A PETRARCH-2 `~` transformation rule, kept verbatim (not applied by riposte; see docs/petrarch.md). */
export interface PetrarchTransformation {
  /** left side, e.g. "a (a b ATTACK) SAY" */
  pattern: string;
  /** right side, e.g. "a b 015" */
  result: string;
  source: { file: string; line: number };
}

/** An issue phrase from a PETRARCH issue file (`Phoenix.IssueCoding.txt`). */
export interface IssueEntry {
  /** lower-case token sequences that express the issue (plural / verb / hyphen variants expanded) */
  phrases: string[];
  /** the issue code in brackets (the category when none), e.g. "EARLY_CHILDHOOD_EDUCATION"; "" to ignore */
  code: string;
  /** the enclosing `<ISSUE CATEGORY=…>` */
  category: string;
  /** `~phrase`: cancels issue coding for the sentence */
  ignore: boolean;
  source: { file: string; line: number };
}

/** A gold event of a validation record. */
export interface ExpectedEvent {
  source: string;
  target: string;
  code: string;
}

/** One `<Sentence>` of a PETRARCH XML file. */
export interface PetrarchRecord {
  /** the sentence id as written (not unique in the unit-test file) */
  id: string;
  /** position in the file, 0-based: unique */
  index: number;
  /** `category=` (DEMO, SYNSET …); "" when absent */
  category: string;
  doc: DocInput;
  /** the supplied Treebank parse, verbatim; use only behind an explicit flag */
  parse?: string;
  /** gold events (`<EventCoding sourcecode targetcode eventcode>`) */
  expected: ExpectedEvent[];
  /** `<EventCoding noevents="True">` */
  noEvents: boolean;
  /** `<EventCoding error="…">` */
  expectedError?: string;
  /** `<Config option value>` settings in force at this record (later ones override earlier ones) */
  config: Record<string, string>;
  /** line of the `<Sentence` tag */
  line: number;
}
