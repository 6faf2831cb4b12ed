/**
 * In-memory lexicon: what every dictionary reader (native or PETRARCH) produces and the coder consumes.
 * Readers translate their file formats into these types; the coder never sees a file format.
 */
import type { IssueEntry, PetrarchPattern } from './petrarch/types.ts';

/** Where a dictionary entry came from, for evidence ("data/actors/people.txt:42"). */
export interface SourceRef {
  file: string;
  line: number;
}

export type ActorKind =
  | 'country'
  | 'person'
  | 'org'
  | 'igo'
  | 'ngo'
  | 'media'
  | 'party'
  | 'group'
  | 'metonym'
  | 'capital'
  | 'place';

export interface ActorRole {
  /** full CAMEO actor code, e.g. "RUSGOV", "USAELI" */
  code: string;
  /** inclusive ISO dates; undefined = open */
  from?: string;
  to?: string;
  title?: string;
}

export interface ActorEntry {
  id: string;
  /** canonical display name (the first name listed) */
  name: string;
  /** every surface form, including the name; each is tokenised for the trie */
  aliases: string[];
  /** adjectival / demonym forms ("American") */
  adjectives: string[];
  /**
   * names that match only as written with an initial capital ("Bree", "Nato"): a dictionary written all in
   * capitals cannot tell a short name from an acronym, so its short names keep the capitals-only rule of
   * acronyms (`BREE` in `aliases`) and also match capitalised
   */
  capitalised?: string[];
  kind: ActorKind;
  /** code when no role applies */
  code?: string;
  roles: ActorRole[];
  gender?: 'male' | 'female';
  source: SourceRef;
}

export interface AgentEntry {
  /** surface forms, singular and plural */
  forms: string[];
  /** CAMEO role types, e.g. ["GOV"], ["REB", "MIL"] */
  types: string[];
  /** usable as a title before a personal name */
  title: boolean;
  /** the types go before the actor's code instead of after it (PETRARCH `[NGO~]`: "MSF Arnor" → NGOARN) */
  prefix?: boolean;
  /** denotes one person */
  person: boolean;
  source: SourceRef;
}

/** A slot of a verb or noun pattern (see docs/dictionaries.md). */
export type PatternSlot =
  | { type: 'object-target' }
  | { type: 'object-words'; words: string[] }
  | { type: 'pp-target'; prep: string }
  | { type: 'pp-words'; prep: string; words: string[] };

export interface VerbPattern {
  id: string;
  /** "verb" patterns match clauses; "noun" patterns match event nouns */
  kind: 'verb' | 'noun';
  code: string;
  /** lemmas: the head first, then particles / fixed words */
  words: string[];
  slots: PatternSlot[];
  flags: Set<string>;
  /** ranking: more specific patterns are tried first */
  specificity: number;
  source: SourceRef;
  /** surface forms of the head verb (lower-case); when present, match the token's form rather than its lemma */
  forms?: string[];
  /** PETRARCH `[A:B]`: also code the reverse event (target → source) with this code; see docs/petrarch.md */
  pairedCode?: string;
  /** the PETRARCH pattern as written, for what the slot model cannot express (src/lexicon/petrarch/types.ts) */
  petrarch?: PetrarchPattern;
}

export type ModalityCueKind = 'negated' | 'intended' | 'proposed' | 'hypothetical';

export interface ModalityCue {
  modality: ModalityCueKind;
  words: string[];
  /** also code the governing verb itself with this CAMEO code */
  code?: string;
  source: SourceRef;
}

export interface Lexicon {
  /** a label for provenance, e.g. "native@<hash>" or "petrarch:DIR" */
  name: string;
  version: string;
  actors: ActorEntry[];
  agents: AgentEntry[];
  verbs: VerbPattern[];
  modality: ModalityCue[];
  /** sentence-level discard phrases (PETRARCH discards); a sentence containing one yields no event */
  discards?: string[];
  /** words that, beside a score ("4-0"), mark a sentence as sports */
  scoreWords?: string[];
  /** story-level discard phrases (PETRARCH `+` discards): a story containing one yields no event */
  storyDiscards?: string[];
  /** issue phrases (PETRARCH issue files) */
  issues?: IssueEntry[];
  /**
   * Coding conventions. "petrarch" (set by the PETRARCH reader) follows PETRARCH where riposte differs by design:
   * an agent noun with no actor in its own phrase ("a senior official said") stays without a country (`---GOV`)
   * instead of taking the sentence's or the story's country; an event whose only actor is such an agent is kept
   * (PETRARCH's require_dyad decides about it downstream); every actor of a coordinated subject is a source; an
   * agent takes the country of a place after "from" as after "in"; and an event dated long before publication is
   * coded like any other (PETRARCH codes sentences, not news); a "neither … nor" subject is not a denial; an
   * agent with several types adds them all (`[~GOVFRM]` → GOVFRM, riposte's own agents add their first) and
   * appends them to the whole code of its actor ("activists of Amnesty International" → NGMOPP); the first actor
   * of a noun phrase is the phrase's actor ("Arnor's Elrond" → ARN).
   * Default "riposte".
   */
  conventions?: 'riposte' | 'petrarch';
}
