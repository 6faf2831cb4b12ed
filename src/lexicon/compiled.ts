/**
 * A lexicon compiled for matching: token tries for actor names and agent nouns (names are tokenised with the
 * same tokenizer as the text), verb and noun patterns indexed by head lemma, modality cues by first word.
 */
import { pushTo } from '../core/collections.ts';
import { Doc } from '../core/doc.ts';
import { normalise, tokenize } from '../nlp/tokenize.ts';
import type { ActorEntry, AgentEntry, Lexicon, ModalityCue, VerbPattern } from './types.ts';

export interface TrieHit<T> {
  value: T;
  /** token count matched */
  length: number;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** values that match whatever the case of the text */
  values: T[];
  /** values that match only the exact surface tokens */
  exact: { value: T; tokens: string[] }[];
}

/**
 * Longest-match token trie. Keys are normalised tokens; a value added with `exact` only matches when the text
 * tokens equal the name's tokens exactly (short all-capital names such as "US", which must not match "us").
 */
export class TokenTrie<T> {
  private root: TrieNode<T> = { next: new Map(), values: [], exact: [] };
  size = 0;

  add(tokens: string[], value: T, exact: boolean): void {
    let node = this.root;
    for (const t of tokens) {
      const k = normalise(t);
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), values: [], exact: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    if (exact) node.exact.push({ value, tokens });
    else node.values.push(value);
    this.size++;
  }

  /** All values of the longest name starting at `from` (norms and surface texts of the tokens). */
  match(
    norms: readonly string[],
    texts: readonly string[],
    from: number,
    to = norms.length,
  ): TrieHit<T[]> | null {
    let node: TrieNode<T> | undefined = this.root;
    let best: T[] | null = null;
    let bestLength = 0;
    for (let j = from; j < to; j++) {
      node = node.next.get(norms[j]!);
      if (!node) break;
      let found: T[] | null = node.values.length ? node.values : null;
      if (node.exact.length) {
        const ok = node.exact
          .filter((v) => v.tokens.every((t, k) => texts[from + k] === t))
          .map((v) => v.value);
        if (ok.length) found = found ? [...found, ...ok] : ok;
      }
      if (found) {
        best = found;
        bestLength = j - from + 1;
      }
    }
    return best ? { value: best, length: bestLength } : null;
  }
}

export interface ActorName {
  entry: ActorEntry;
  adjectival: boolean;
}

export interface CompiledLexicon {
  source: Lexicon;
  actors: TokenTrie<ActorName>;
  agents: TokenTrie<AgentEntry>;
  /** verb patterns by head lemma, most specific first */
  verbs: Map<string, VerbPattern[]>;
  /** noun patterns by head lemma */
  nouns: Map<string, VerbPattern[]>;
  /** modality cues by their first word */
  modality: Map<string, ModalityCue[]>;
  /** honorifics that may precede a name ("Mr", "Mrs", "Dr") */
  honorifics: Set<string>;
  /**
   * For patterns that require object words ("impose {sanction|embargo}"): object word → those patterns. A clause
   * tries such a pattern only when its object has one of the words (most of "threaten"'s 291 patterns are skipped).
   */
  objectWordIndex: Map<string, Set<VerbPattern>>;
  needsObjectWord: Set<VerbPattern>;
  /** lemmas that head any pattern (for tagger repairs) */
  verbLemmas: Set<string>;
  nounLemmas: Set<string>;
  discards: string[][];
  /** sentence discard phrases by their first word */
  discardsByFirst: Map<string, string[][]>;
  storyDiscards: string[][];
  scoreWords: Set<string>;
}

const DEFAULT_HONORIFICS = [
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'sir',
  'dame',
  'lord',
  'lady',
  'madam',
];

/** Tokenises many short strings at once through the document tokenizer (one wink call per batch). */
export function tokenizeNames(names: string[]): string[][] {
  const out: string[][] = new Array(names.length);
  const BATCH = 2000;
  for (let b = 0; b < names.length; b += BATCH) {
    const slice = names.slice(b, b + BATCH);
    const text = slice.join('\n');
    const doc = new Doc(text, { id: 'names', date: '2000-01-01' });
    tokenize(doc);
    // map tokens back to lines by offset
    const lineStarts: number[] = [];
    let pos = 0;
    for (const s of slice) {
      lineStarts.push(pos);
      pos += s.length + 1;
    }
    let line = 0;
    const groups: string[][] = slice.map(() => []);
    for (const t of doc.tokens) {
      while (line + 1 < lineStarts.length && t.start >= lineStarts[line + 1]!) line++;
      groups[line]!.push(t.text);
    }
    for (let k = 0; k < slice.length; k++) out[b + k] = groups[k]!;
  }
  return out;
}

const isExact = (name: string) => /^[A-Z][A-Z.&]*$/.test(name) && name.replace(/[.&]/g, '').length <= 4;

export function compileLexicon(lex: Lexicon, honorifics: string[] = DEFAULT_HONORIFICS): CompiledLexicon {
  const actors = new TokenTrie<ActorName>();
  const agents = new TokenTrie<AgentEntry>();
  const names: string[] = [];
  const actorJobs: { name: string; value: ActorName; exact?: boolean }[] = [];
  for (const e of lex.actors) {
    for (const a of e.aliases) actorJobs.push({ name: a, value: { entry: e, adjectival: false } });
    for (const a of e.capitalised ?? [])
      actorJobs.push({ name: a, value: { entry: e, adjectival: false }, exact: true });
    for (const a of e.adjectives) actorJobs.push({ name: a, value: { entry: e, adjectival: true } });
  }
  for (const j of actorJobs) names.push(j.name);
  const agentJobs: { name: string; value: AgentEntry }[] = [];
  for (const a of lex.agents) for (const f of a.forms) agentJobs.push({ name: f, value: a });
  for (const j of agentJobs) names.push(j.name);
  const toks = tokenizeNames(names);
  actorJobs.forEach((j, k) => {
    const t = toks[k]!;
    if (t.length) actors.add(t, j.value, j.exact ?? isExact(j.name));
  });
  agentJobs.forEach((j, k) => {
    const t = toks[actorJobs.length + k]!;
    if (t.length) agents.add(t, j.value, false);
  });

  const verbs = new Map<string, VerbPattern[]>();
  const nouns = new Map<string, VerbPattern[]>();
  for (const p of lex.verbs) {
    const m = p.kind === 'verb' ? verbs : nouns;
    // a verb is found by its first word ("pull out of"); a noun compound by its head, the last word ("election boycott")
    pushTo(m, p.kind === 'noun' ? p.words[p.words.length - 1]! : p.words[0]!, p);
    // patterns written for inflected forms ("SAID", "MET") are also found by the surface form
    for (const f of p.forms ?? []) if (f !== p.words[0]) pushTo(m, f, p);
  }
  for (const list of [...verbs.values(), ...nouns.values()])
    list.sort((a, b) => b.specificity - a.specificity);
  const modality = new Map<string, ModalityCue[]>();
  for (const c of lex.modality) {
    const k = c.words[0]!;
    pushTo(modality, k, c);
  }
  for (const list of modality.values()) list.sort((a, b) => b.words.length - a.words.length);
  const discards = (lex.discards ?? []).map((d) => d.toLowerCase().split(/\s+/));
  const discardsByFirst = new Map<string, string[][]>();
  for (const d of discards) pushTo(discardsByFirst, d[0]!, d);
  const objectWordIndex = new Map<string, Set<VerbPattern>>();
  const needsObjectWord = new Set<VerbPattern>();
  for (const p of lex.verbs) {
    // TABARI-style patterns match their words in order wherever they stand, not as the object's head
    if (p.kind !== 'verb' || p.petrarch?.dialect === 'petr1') continue;
    for (const sl of p.slots) {
      if (sl.type !== 'object-words') continue;
      needsObjectWord.add(p);
      for (const w of sl.words) {
        const set = objectWordIndex.get(w);
        if (set) set.add(p);
        else objectWordIndex.set(w, new Set([p]));
      }
    }
  }
  return {
    source: lex,
    actors,
    objectWordIndex,
    needsObjectWord,
    agents,
    verbs,
    nouns,
    modality,
    honorifics: new Set(honorifics.map((h) => h.toLowerCase())),
    verbLemmas: new Set(verbs.keys()),
    nounLemmas: new Set(nouns.keys()),
    discards,
    discardsByFirst,
    storyDiscards: (lex.storyDiscards ?? []).map((d) => d.toLowerCase().split(/\s+/)),
    scoreWords: new Set(lex.scoreWords ?? []),
  };
}
