/**
 * Repairs of the tagger errors that matter for coding. Each rule is small, named, and recorded on the token
 * (`token.repaired`), so `--explain` shows why a tag changed.
 */
import lemmatizer from 'wink-lemmatizer';
import { WEEKDAY_NAMES } from '../core/calendar.ts';
import type { Doc, Pos, Token } from '../core/doc.ts';

/** A dictionary of names: the length of the longest name starting at a token (see TokenTrie). */
interface NameMatcher {
  match(
    norms: readonly string[],
    texts: readonly string[],
    from: number,
    to?: number,
  ): { length: number; value?: readonly unknown[] } | null;
}

export interface RepairLexicon {
  /** lemmas heading verb patterns */
  verbLemmas: ReadonlySet<string>;
  /** lemmas heading noun (nominal trigger) patterns */
  nounLemmas: ReadonlySet<string>;
  /** actor names and agent nouns: their capitalised words are not verbs ("the Ministry of Silly Walks") */
  actors?: NameMatcher;
  agents?: NameMatcher;
}

const NP_START = new Set<Pos>(['DET', 'NUM', 'ADJ', 'PROPN', 'NOUN', 'PRON']);
const WEEKDAYS = new Set(WEEKDAY_NAMES);
const PREP_BEFORE_GERUND = new Set([
  'by',
  'from',
  'of',
  'for',
  'after',
  'before',
  'without',
  'about',
  'in',
  'on',
  'at',
  'while',
  'through',
  'upon',
  'against',
  'despite',
]);

/** participles that mostly describe the noun after them: "starving civilians", "warring factions" */
const PRENOMINAL_ING = new Set(['starving', 'dying', 'fleeing', 'warring', 'ruling', 'suffering', 'leading']);

function setPos(t: Token, pos: Pos, rule: string): void {
  t.pos = pos;
  t.repaired = rule;
  t.lemma = pos === 'VERB' ? lemmatizer.verb(t.norm) : pos === 'NOUN' ? lemmatizer.noun(t.norm) : t.lemma;
}

/** verbs that take a to-infinitive ("plans to visit"): their -s form before "to" + verb is a verb, not a noun */
const INFINITIVE_TAKERS = new Set([
  'plan',
  'hope',
  'want',
  'need',
  'aim',
  'intend',
  'seek',
  'vow',
  'threaten',
  'promise',
  'agree',
  'refuse',
  'decide',
  'try',
  'expect',
  'wish',
  'prepare',
  'offer',
  'pledge',
  'continue',
  'begin',
  'start',
  'fail',
  'attempt',
  'struggle',
  'appear',
  'seem',
  'tend',
  'claim',
  'pretend',
  'decline',
  'demand',
  'ask',
  'urge',
  'vote',
  'move',
  'resolve',
  'mean',
]);

const CLAUSE_OPENERS = new Set([
  'after',
  'before',
  'since',
  'until',
  'till',
  'once',
  'as',
  'because',
  'while',
  'though',
  'although',
]);

/** Does a noun phrase start at `k` and run straight into a finite verb ("Hamas gunmen killed …")? */
function opensClause(toks: Token[], k: number, end: number): boolean {
  let j = k;
  while (
    (j < end && /^(DET|ADJ|NUM|NOUN|PROPN|PRON)$/.test(toks[j]!.pos)) ||
    (j < end && toks[j]!.norm === "'s")
  )
    j++;
  if (j === k || j >= end) return false;
  const v = toks[j]!;
  return (v.pos === 'VERB' && !/ing$/.test(v.norm)) || v.pos === 'AUX';
}

/** Is the proper-noun run ending at `k` at a clause start ("that North Korea …", sentence start)? */
function clauseOpensBefore(toks: Token[], k: number, sentStart: number): boolean {
  let j = k;
  // over a coordination of names: "that Ukraine and Poland freeze …"
  while (
    j > sentStart &&
    (toks[j - 1]!.pos === 'PROPN' ||
      (j - 1 > sentStart &&
        toks[j - 2]!.pos === 'PROPN' &&
        (toks[j - 1]!.norm === ',' || /^(and|or)$/.test(toks[j - 1]!.norm))))
  )
    j--;
  if (j === sentStart) return true;
  const before = toks[j - 1]!;
  return before.pos === 'SCONJ' || /^(that|whether|if|,)$/.test(before.norm);
}

/** participles that describe a person as suspected of something: "suspected militant", "alleged spy" */
const SUSPICION = new Set([
  'suspected',
  'alleged',
  'presumed',
  'purported',
  'reputed',
  'accused',
  'convicted',
]);

export function repairTags(doc: Doc, lex: RepairLexicon): void {
  const toks = doc.tokens;
  namesAreNotVerbs(doc, lex);
  // a verb lemma the tagger got wrong ("staged" → "stag"): when it heads no pattern and the dictionary lemmatiser's
  // does, take that one
  for (const t of toks) {
    if (t.pos !== 'VERB' || lex.verbLemmas.has(t.lemma)) continue;
    const alt = lemmatizer.verb(t.norm);
    if (alt !== t.lemma && lex.verbLemmas.has(alt)) t.lemma = alt;
    // "staged", "waging" read as stag+ed, wag+ing: a single final consonant before -ed/-ing means a silent e was
    // dropped (a stem in -g would double it: "wagged"), so the verb is stage, wage
    else if (
      (t.norm === `${alt}ed` || t.norm === `${alt}ing`) &&
      /[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(alt) &&
      lex.verbLemmas.has(`${alt}e`)
    )
      t.lemma = `${alt}e`;
  }
  // "lay down their arms", "laying siege": the tagger's lemma is lie (whose past is "lay"); a "lay" with an object,
  // or with a particle and then an object, is the verb lay
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.pos !== 'VERB' || t.lemma !== 'lie' || !lex.verbLemmas.has('lay')) continue;
    if (t.norm === 'lays' || t.norm === 'laying') t.lemma = 'lay';
    else if (t.norm === 'lay') {
      const j = /^(down|off|out|aside)$/.test(toks[i + 1]?.norm ?? '') ? i + 2 : i + 1;
      const u = toks[j];
      if (u && u.sent === t.sent && /^(DET|NOUN|ADJ|NUM)$/.test(u.pos)) t.lemma = 'lay';
      else if (u && u.sent === t.sent && /^(his|her|its|their|our|my|your)$/.test(u.norm)) t.lemma = 'lay';
    }
  }
  for (const s of doc.sentences) {
    let sawVerb = false;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      const t = toks[i]!;
      const prev = i > s.tokStart ? toks[i - 1] : undefined;
      const next = i + 1 < s.tokEnd ? toks[i + 1] : undefined;
      // event nouns tagged as verbs: "in response to sanctions imposed", "the sanctions", "US sanctions on Russia"
      if (t.pos === 'VERB' && lex.nounLemmas.has(lemmatizer.noun(t.norm))) {
        const plural = /s$/.test(t.norm) && !/ss$/.test(t.norm);
        const afterDet =
          prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM' || prev.norm === "'s");
        const afterTo = prev && prev.norm === 'to' && plural;
        const afterName =
          prev &&
          (prev.pos === 'PROPN' || prev.pos === 'NOUN') &&
          plural &&
          (!next ||
            next.pos === 'ADP' ||
            next.pos === 'PUNCT' ||
            next.pos === 'VERB' ||
            next.pos === 'AUX' ||
            next.pos === 'CCONJ');
        const possessive = prev && prev.pos === 'PRON' && /^(his|her|its|their|our|my|your)$/.test(prev.norm);
        if (afterDet || afterTo || afterName || possessive) {
          setPos(t, 'NOUN', 'event-noun-not-verb');
          continue;
        }
      }
      // "suspended part of the aid", "captured part of a stronghold": "part" before "of" is the noun
      if (t.norm === 'part' && t.pos !== 'NOUN' && next?.norm === 'of' && prev?.pos === 'VERB') {
        setPos(t, 'NOUN', 'part-of');
        continue;
      }
      // "EU and UN hand over medical supplies": "hand" with its particle before a phrase, after a name, is the verb
      if (
        t.norm === 'hand' &&
        t.pos !== 'VERB' &&
        (next?.norm === 'over' || next?.norm === 'out') &&
        prev !== undefined &&
        (prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'PRON') &&
        /^(DET|ADJ|NOUN|NUM|PROPN|VERB|ADV)$/.test(toks[i + 2]?.pos ?? '')
      ) {
        setPos(t, 'VERB', 'phrasal-hand-over');
        continue;
      }
      // "handed over urgently needed medical supplies", "the badly damaged buildings": an -ed participle between an
      // -ly adverb and a noun, after a determiner or a preposition, describes the noun ("the army reportedly killed
      // civilians" keeps its verb)
      if (
        t.pos === 'VERB' &&
        /ed$/.test(t.norm) &&
        prev?.pos === 'ADV' &&
        /ly$/.test(prev.norm) &&
        next !== undefined &&
        /^(NOUN|ADJ)$/.test(next.pos) &&
        /^(DET|ADP)$/.test(toks[i - 2]?.pos ?? '')
      ) {
        setPos(t, 'ADJ', 'participle-after-adverb');
        continue;
      }
      // "IDF troops on Sunday apprehended a man": a past form right after a time word, before a phrase, is the verb
      if (
        t.pos === 'ADJ' &&
        /ed$/.test(t.norm) &&
        prev !== undefined &&
        (WEEKDAYS.has(prev.norm) || /^(today|yesterday|tonight)$/.test(prev.norm)) &&
        next !== undefined &&
        /^(DET|NUM|PROPN|PRON)$/.test(next.pos) &&
        lex.verbLemmas.has(lemmatizer.verb(t.norm))
      ) {
        setPos(t, 'VERB', 'verb-after-time-word');
        continue;
      }
      // "used tear gas": "tear" before "gas" is the noun
      if (t.norm === 'tear' && next?.norm === 'gas' && t.pos !== 'NOUN') {
        setPos(t, 'NOUN', 'tear-gas');
        continue;
      }
      // "Human Rights Watch called …": a capitalised "verb" inside a run of capitalised words, right before the
      // clause's verb, ends a name
      if (
        t.pos === 'VERB' &&
        i > s.tokStart &&
        /^[A-Z][a-z]/.test(t.text) &&
        prev !== undefined &&
        (prev.pos === 'PROPN' || prev.pos === 'NOUN') &&
        /^[A-Z]/.test(prev.text) &&
        next !== undefined &&
        (next.pos === 'VERB' || next.pos === 'AUX')
      ) {
        setPos(t, 'PROPN', 'capitalised-name-word');
        continue;
      }
      // "extradited suspected militant X", "arrested two alleged spies": a participle of suspicion between a verb,
      // a determiner or a number and a noun describes the noun
      if (
        t.pos === 'VERB' &&
        SUSPICION.has(t.norm) &&
        next !== undefined &&
        /^(NOUN|PROPN|ADJ)$/.test(next.pos) &&
        prev !== undefined &&
        (prev.pos === 'VERB' || prev.pos === 'DET' || prev.pos === 'NUM' || prev.pos === 'ADP')
      ) {
        setPos(t, 'ADJ', 'participle-of-suspicion');
        continue;
      }
      // "food for starving civilians", "feed starving children", "the warring factions": a describing participle
      // before a noun is an adjective, unless an auxiliary, a comma or a preposition of a gerund comes before it
      // ("is starving the city", "accused of starving civilians")
      if (
        t.pos === 'VERB' &&
        PRENOMINAL_ING.has(t.norm) &&
        next !== undefined &&
        /^(NOUN|PROPN|ADJ)$/.test(next.pos) &&
        prev !== undefined &&
        prev.pos !== 'AUX' &&
        prev.norm !== ',' &&
        !(PREP_BEFORE_GERUND.has(prev.norm) && prev.norm !== 'for')
      ) {
        setPos(t, 'ADJ', 'describing-participle');
        continue;
      }
      // "-ing" after a preposition or starting a participle clause is a verb: "by expelling", ", expelling 35 …"
      if ((t.pos === 'NOUN' || t.pos === 'ADJ') && /ing$/.test(t.norm) && t.norm.length > 5) {
        const lemma = lemmatizer.verb(t.norm);
        const known = lex.verbLemmas.has(lemma);
        const afterPrep = prev && prev.pos === 'ADP' && PREP_BEFORE_GERUND.has(prev.norm);
        const afterComma = !prev || prev.norm === ',';
        // "proposed expelling 35 diplomats": a gerund object of a verb
        const afterVerb =
          prev !== undefined &&
          prev.pos === 'VERB' &&
          t.pos === 'NOUN' &&
          next !== undefined &&
          next.pos !== 'NOUN' &&
          next.pos !== 'ADJ';
        if ((afterPrep || afterComma || afterVerb) && known && next && NP_START.has(next.pos)) {
          setPos(t, 'VERB', 'gerund-after-preposition');
          sawVerb = true;
          continue;
        }
      }
      // "-ing" participle after a plural noun and before a preposition: "ministers meeting in Brussels"
      if (
        t.pos === 'NOUN' &&
        /ing$/.test(t.norm) &&
        prev?.pos === 'NOUN' &&
        /s$/.test(prev.norm) &&
        next?.pos === 'ADP' &&
        lex.verbLemmas.has(lemmatizer.verb(t.norm))
      ) {
        setPos(t, 'VERB', 'participle-after-noun');
        continue;
      }
      // a third-person verb before an infinitive: "Rasmussen plans to visit", "Iran hopes to …"
      if (
        t.pos === 'NOUN' &&
        /s$/.test(t.norm) &&
        INFINITIVE_TAKERS.has(lemmatizer.verb(t.norm)) &&
        (prev?.pos === 'PROPN' || prev?.pos === 'NOUN' || prev?.pos === 'PRON') &&
        next?.norm === 'to' &&
        toks[i + 2]?.pos === 'VERB' &&
        toks[i + 2]!.sent === t.sent
      ) {
        setPos(t, 'VERB', 'verb-before-infinitive');
        sawVerb = true;
        continue;
      }
      // "after Hamas gunmen killed …": a preposition that opens a clause is a conjunction
      if (t.pos === 'ADP' && CLAUSE_OPENERS.has(t.norm) && opensClause(toks, i + 1, s.tokEnd)) {
        t.pos = 'SCONJ';
        t.repaired = 'conjunction-before-clause';
        continue;
      }
      // a plural "verb" right after an adjective is a noun: "Iraqi pilots", "new strikes", "military talks"
      const demonym =
        prev?.pos === 'PROPN' &&
        /(an|ese|i|ish|ch)$/.test(prev.norm) &&
        next !== undefined &&
        /^(ADP|PART|PUNCT|CCONJ)$/.test(next.pos);
      if (
        t.pos === 'VERB' &&
        (prev?.pos === 'ADJ' || demonym) &&
        /[^s]s$/.test(t.norm) &&
        !(i >= s.tokStart + 2 && toks[i - 2]!.pos === 'AUX') &&
        next?.pos !== 'DET'
      ) {
        setPos(t, 'NOUN', 'plural-noun-after-adjective');
        continue;
      }
      // a "verb" coordinated with an adjective before a noun is an adjective: "its awful and cool minister"
      if (
        t.pos === 'VERB' &&
        prev &&
        /^(and|or)$/.test(prev.norm) &&
        i - 2 >= s.tokStart &&
        toks[i - 2]!.pos === 'ADJ' &&
        next?.pos === 'NOUN' &&
        !/(ed|ing)$/.test(t.norm)
      ) {
        setPos(t, 'ADJ', 'adjective-coordinated-with-adjective');
        continue;
      }
      // an "adjective" between a noun and an auxiliary heads the subject: "the death total has risen"
      if (t.pos === 'ADJ' && prev?.pos === 'NOUN' && next?.pos === 'AUX' && !/(ed|ing)$/.test(t.norm)) {
        setPos(t, 'NOUN', 'noun-before-auxiliary');
        continue;
      }
      // a base-form "verb" right after a preposition is a noun: "freed on bail", "in control", "under arrest"
      if (
        t.pos === 'VERB' &&
        prev?.pos === 'ADP' &&
        prev.norm !== 'to' &&
        !/(ing|ed)$/.test(t.norm) &&
        next?.pos !== 'DET'
      ) {
        setPos(t, 'NOUN', 'noun-after-preposition');
        continue;
      }
      // an "-en" participle between a conjunction and a noun, with no auxiliary before, modifies the noun:
      // "imports of citrus fruit and frozen fish", "weapons and stolen goods" (not "had beaten and taken prisoners")
      if (
        t.pos === 'VERB' &&
        /en$/.test(t.norm) &&
        t.lemma !== t.norm &&
        prev?.pos === 'CCONJ' &&
        toks[i - 2]?.pos === 'NOUN' &&
        next?.pos === 'NOUN' &&
        !toks.slice(Math.max(s.tokStart, i - 8), i).some((u) => u.pos === 'AUX')
      ) {
        setPos(t, 'ADJ', 'participle-modifier-after-conjunction');
        continue;
      }
      // an -ing word between a plural possessive and its noun describes the noun: "a girls' boarding school"
      if (
        t.pos === 'VERB' &&
        /ing$/.test(t.norm) &&
        (prev?.text === "'" || prev?.text === '’') &&
        /s$/i.test(toks[i - 2]?.text ?? '') &&
        next?.pos === 'NOUN'
      ) {
        setPos(t, 'ADJ', 'modifier-after-plural-possessive');
        continue;
      }
      // a "verb" right after a determiner is not one: "a televised address", "the proposed deal"
      if (
        t.pos === 'VERB' &&
        prev &&
        (prev.pos === 'DET' || /^(its|their|his|her|our|my|your)$/.test(prev.norm)) &&
        prev.norm !== 'that'
      ) {
        const modifier =
          /(ed|ing|en)$/.test(t.norm) &&
          next &&
          (next.pos === 'NOUN' || next.pos === 'VERB' || next.pos === 'PROPN');
        setPos(t, modifier ? 'ADJ' : 'NOUN', 'no-verb-after-determiner');
        if (next && next.pos === 'VERB' && modifier) setPos(next, 'NOUN', 'no-verb-after-determiner');
        continue;
      }
      // a subjunctive or present verb tagged as a noun after a name that opens a clause:
      // "proposed that North Korea freeze its tests"
      // ("welcome a resumption": an adjective does not stand before a determiner either)
      if (
        (t.pos === 'NOUN' || t.pos === 'ADJ') &&
        prev?.pos === 'PROPN' &&
        next &&
        (next.pos === 'DET' || next.pos === 'NUM' || /^(its|their|his|her|our|my|your)$/.test(next.norm)) &&
        lex.verbLemmas.has(lemmatizer.verb(t.norm)) &&
        clauseOpensBefore(toks, i - 1, s.tokStart)
      ) {
        setPos(t, 'VERB', 'verb-after-clause-subject');
        sawVerb = true;
        continue;
      }
      // a bare verb coordinated with an earlier verb: "respond by expelling … and bar US diplomatic staff"
      if (
        (t.pos === 'NOUN' || t.pos === 'ADJ') &&
        sawVerb &&
        prev &&
        prev.pos === 'CCONJ' &&
        next &&
        (next.pos === 'DET' || next.pos === 'PROPN' || next.pos === 'NUM' || next.pos === 'PRON') &&
        lex.verbLemmas.has(lemmatizer.verb(t.norm)) &&
        !lex.nounLemmas.has(t.norm)
      ) {
        setPos(t, 'VERB', 'coordinated-bare-verb');
        continue;
      }
      // "-s" noun after an "-ly" adverb and before a clause: "effectively communicates he feels"
      if (
        t.pos === 'NOUN' &&
        /s$/.test(t.norm) &&
        prev?.pos === 'ADV' &&
        /ly$/.test(prev.norm) &&
        next &&
        (next.pos === 'PRON' || next.pos === 'DET' || next.norm === 'that')
      ) {
        setPos(t, 'VERB', 'verb-after-adverb');
      }
      if (t.pos === 'VERB' && prev?.norm !== 'to') sawVerb = true;
    }
    // headline-style present tense between two names: "Obama sanctions Russia", "China bans imports" (a sentence with
    // no finite verb: an infinitive does not count, "… call on US to lift sanctions")
    const finite = (k: number) =>
      (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX') && !(k > s.tokStart && toks[k - 1]!.norm === 'to');
    if (!sawVerb && !toks.slice(s.tokStart, s.tokEnd).some((t) => finite(t.i))) {
      for (let i = s.tokStart + 1; i < s.tokEnd - 1; i++) {
        const t = toks[i]!;
        const prev = toks[i - 1]!;
        const next = toks[i + 1]!;
        // ("U.S. military gives medical equipment to Nicaragua", "Myint Swe calls for reform"; a plural subject of
        // coordinated names takes the bare form: "China and Russia call on US to lift sanctions")
        const coordinated = toks.slice(s.tokStart, i).some((x) => x.norm === 'and') && prev.pos === 'PROPN';
        // "Ukrainian forces shot down …": a role noun before a past form is the subject, the past form the verb
        const pastNext =
          next.pos === 'NOUN' &&
          lemmatizer.verb(next.norm) !== next.norm &&
          !/s$/.test(next.norm) &&
          lex.verbLemmas.has(lemmatizer.verb(next.norm));
        if (t.pos === 'NOUN' && pastNext && lex.agents?.match([t.norm], [t.text], 0, 1)) {
          next.lemma = lemmatizer.verb(next.norm);
          setPos(next, 'VERB', 'verb-after-role-noun');
          break;
        }
        if (
          t.pos === 'NOUN' &&
          (/s$/.test(t.norm) || coordinated) &&
          (prev.pos === 'PROPN' ||
            ((prev.pos === 'NOUN' || prev.pos === 'ADJ') &&
              i - 1 > s.tokStart &&
              toks[i - 2]!.pos === 'PROPN')) &&
          (next.pos === 'PROPN' ||
            next.pos === 'DET' ||
            next.pos === 'NUM' ||
            next.pos === 'NOUN' ||
            next.pos === 'ADJ' ||
            (next.pos === 'ADP' && next.norm !== 'of')) &&
          lex.verbLemmas.has(lemmatizer.verb(t.norm))
        ) {
          setPos(t, 'VERB', 'present-verb-between-names');
          break;
        }
      }
    }
  }
}

/**
 * A capitalised word inside a dictionary name of several words is part of the name, not a verb or an adjective:
 * "the Ministry of Silly Walks condemned …", "Human Rights Watch said …", "the Central African Republic".
 */
function namesAreNotVerbs(doc: Doc, lex: RepairLexicon): void {
  if (!lex.actors && !lex.agents) return;
  const toks = doc.tokens;
  const norms = toks.map((t) => t.norm);
  const texts = toks.map((t) => t.text);
  for (const s of doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      // a bare verb read as an adjective or noun right after a modal, before a phrase: "Poland will close its
      // border" (the lemma must head a verb pattern)
      if (
        (toks[i]!.pos === 'ADJ' || toks[i]!.pos === 'NOUN') &&
        i > s.tokStart &&
        /^(will|would|shall|should|can|could|may|might|must)$/.test(norms[i - 1]!) &&
        toks[i - 1]!.pos === 'AUX' &&
        /^(DET|PRON|PROPN|NUM)$/.test(toks[i + 1]?.pos ?? '') &&
        lex.verbLemmas.has(norms[i]!)
      ) {
        toks[i]!.lemma = norms[i]!;
        setPos(toks[i]!, 'VERB', 'verb-after-modal');
        continue;
      }
      // a title read as an adjective before a name: "the Irish premier Leo Varadkar"
      if (
        toks[i]!.pos === 'ADJ' &&
        /^[a-z]/.test(texts[i]!) &&
        toks[i + 1]?.pos === 'PROPN' &&
        /^[A-Z]/.test(texts[i + 1]!) &&
        lex.agents?.match(norms, texts, i, i + 1)?.value?.some((a) => (a as { title?: boolean }).title)
      ) {
        setPos(toks[i]!, 'NOUN', 'title-before-name');
        continue;
      }
      // (names this repairs start with a capital: the dictionaries are not searched from other words)
      if (!/^[A-Z]/.test(texts[i]!)) continue;
      const n = Math.max(
        lex.actors?.match(norms, texts, i, s.tokEnd)?.length ?? 0,
        lex.agents?.match(norms, texts, i, s.tokEnd)?.length ?? 0,
      );
      // a one-word name or nationality tagged as a verb inside the sentence ("is opposed to French mediation"):
      // a capitalised word past the sentence's first is no verb
      if (n === 1 && i > s.tokStart && toks[i]!.pos === 'VERB' && /^[A-Z][a-z]/.test(toks[i]!.text)) {
        setPos(toks[i]!, 'PROPN', 'one-word-name');
        continue;
      }
      if (n < 2) continue;
      for (let k = i; k < i + n; k++) {
        const t = toks[k]!;
        // the first word may be a verb that opens the sentence; an adjective anywhere ("the Central African
        // Republic") would split the name's noun phrase
        if ((t.pos === 'ADJ' || (t.pos === 'VERB' && (k > i || i > s.tokStart))) && /^[A-Z]/.test(t.text))
          setPos(t, 'PROPN', 'word-of-a-name');
      }
      i += n - 1;
    }
  }
}
