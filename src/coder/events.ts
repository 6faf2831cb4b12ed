/**
 * Coding: verb patterns matched on clauses and noun patterns on event nouns give CAMEO events with a source,
 * a target, a modality, a date, evidence and a confidence. Duplicates within a story merge their evidence.
 */

import { pushTo } from '../core/collections.ts';
import type { Argument, Chunk, Clause, DateMention, Doc, Mention, Token } from '../core/doc.ts';
import type { Actor, EventRecord, Evidence, Modality } from '../core/types.ts';
import type { PatternSlot, VerbPattern } from '../lexicon/types.ts';
import { describeCode, ploverOf } from '../ontology/cameo.ts';
import { makeActor, splitCode } from './actors.ts';
import type { CoderContext } from './context.ts';
import { chunkIndex, clausesBySentence, datesBySentence, mentionsBySentence, tokenAt } from './doc-index.ts';

type NP = Extract<Chunk, { type: 'NP' }>;

/** verbs that report speech or decisions: "would" in their complement is a future in the past */
const REPORTING = new Set([
  'say',
  'tell',
  'announce',
  'state',
  'declare',
  'add',
  'confirm',
  'report',
  'warn',
  'pledge',
  'promise',
  'vow',
  'insist',
  'claim',
  'write',
  'tweet',
  'indicate',
  'signal',
  'decide',
  'agree',
]);

/** actions done together: with coordinated subjects and no target they are coded both ways */
const SYMMETRIC = new Set([
  'meet',
  'sign',
  'agree',
  'negotiate',
  'talk',
  'clash',
  'fight',
  'cooperate',
  'trade',
  'discuss',
  'confer',
  'reconcile',
  'ally',
  'exchange',
  'hold',
]);

const MODALITY_RANK: Record<Modality, number> = {
  asserted: 0,
  intended: 1,
  hypothetical: 2,
  proposed: 3,
  negated: 4,
};
const CONDITIONAL = new Set(['if', 'unless', 'whether', 'lest']);

interface Candidate {
  sent: number;
  pattern: VerbPattern;
  source: Mention;
  target: Mention | null;
  modality: Modality;
  /** why the modality is what it is, for --explain */
  modalityWhy: string;
  trigger: { start: number; end: number };
  /** token span of the evidence */
  tokStart: number;
  tokEnd: number;
  confidence: number;
  extraEntries: string[];
  /** tokens that head this event (verb, consumed object noun, trigger noun): dates attached to them date it */
  heads: number[];
  /** a date written inside an event noun's own phrase ("the 2015 nuclear deal", "Thursday's attack") */
  ownDate?: DateMention;
  /** token span of what the action is done to (the clause's object, the noun's "of" phrase) */
  patient?: { start: number; end: number };
  /** token span of the clause's direct object, whatever the pattern made of it */
  objectSpan?: { start: number; end: number };
  /** the subject is an anaphoric event noun ("the US measures"): date it like the event it refers back to */
  anaphoric?: boolean;
  /** token span the target is named in when it is not the target mention's own phrase ("52 people in London") */
  targetPhrase?: { start: number; end: number };
}

/** event nouns that refer back to an action already reported ("The US measures targeted …") */
const ANAPHORIC_HEADS = new Set([
  'measure',
  'move',
  'sanction',
  'step',
  'action',
  'decision',
  'penalty',
  'retaliation',
  'response',
]);

const slotText = (s: PatternSlot) =>
  s.type === 'object-target'
    ? 'T'
    : s.type === 'object-words'
      ? `{${s.words.join('|')}}`
      : s.type === 'pp-target'
        ? `${s.prep}=T`
        : `${s.prep}={${s.words.join('|')}}`;

export const ruleText = (p: VerbPattern) =>
  `${p.kind}:${p.code} ${[...p.words, ...p.slots.map(slotText)].join(' ')}`;

/** prepositions that aim a verb's action at its object when the pattern names no target */
const AIMED_PREPS = new Set(['against', 'on', 'at', 'into', 'toward', 'towards', 'upon']);

// destinations only: "arrive in=T"; never "from" ("expelled 35 diplomats from Moscow" targets the diplomats)
const LOCATIVE_PREPS = new Set(['in', 'at', 'into']);

/** goods and flows that belong to whoever their "of"/"from" phrase names */
const GOODS_HEADS = new Set([
  'import',
  'export',
  'product',
  'good',
  'shipment',
  'commodity',
  'produce',
  'investment',
  'asset',
  'company',
  'firm',
  'airline',
  'vessel',
  'flight',
]);

/**
 * "lifted a ban on imports of Egyptian agricultural products": a phrase naming goods or firms with no actor of its
 * own stands for the actor its "of"/"from" phrase names.
 */
function goodsOwner(doc: Doc, c: Clause, a: Argument): Mention | undefined {
  if (!GOODS_HEADS.has(doc.tokens[a.head]!.lemma)) return undefined;
  const next = c.pps.find((x) => x.prepToken === a.end && (x.prep === 'of' || x.prep === 'from'));
  return next ? actorMention(doc, next) : undefined;
}

/** The mention of an argument even when it is used as a place ("arrived in Taipei"), if it has a country. */
function placeMention(doc: Doc, a: Argument | undefined): Mention | undefined {
  if (!a || a.mention === undefined) return undefined;
  const m = doc.mentions[a.mention]!;
  return m.actor.country ? m : undefined;
}

function actorMention(doc: Doc, a: Argument | undefined): Mention | undefined {
  if (!a || a.mention === undefined) return undefined;
  const m = doc.mentions[a.mention]!;
  return m.locative ? undefined : m;
}

const CURRENCY = /^[$€£¥₹]|^(dollars?|euros?|pounds?|yuan|yen|rupees?|roubles?|rubles?)$/i;

const lemmaCache = new WeakMap<Argument, string[]>();

/** heads that name a vehicle or a tranche of what their modifier names */
const CARRIER_HEADS = new Set([
  'convoy',
  'shipment',
  'delivery',
  'consignment',
  'package',
  'programme',
  'program',
  'funding',
  'payment',
  'transfer',
  'flow',
  'supply',
  'cargo',
  'tranche',
]);

/**
 * heads that measure or count what their "of" phrase names ("a team of doctors", "700 kg of medicine", "a series
 * of bombs", "10 days of war games", "three of the hostages")
 */
const PARTITIVE_HEADS = new Set([
  'team',
  'series',
  'batch',
  'number',
  'wave',
  'group',
  'set',
  'round',
  'lot',
  'load',
  'planeload',
  'truckload',
  'shipload',
  'ton',
  'tonne',
  'kg',
  'kilogram',
  'kilo',
  'litre',
  'liter',
  'barrel',
  'percent',
  'part',
  'portion',
  'share',
  'dozen',
  'hundred',
  'thousand',
  'day',
  'week',
  'month',
  'worth',
  'quantity',
  'amount',
  'some',
  'many',
  'all',
  'most',
  'several',
  'few',
  'dozens',
  'hundreds',
  'thousands',
  'scores',
]);

/** The argument an "of" phrase after a partitive head names ("700 kg | of medicine"), through at most two heads. */
function partitiveOf(doc: Doc, x: Argument): Argument | undefined {
  const { npAt } = chunkIndex(doc);
  let cur: Argument = x;
  let found: Argument | undefined;
  for (let hop = 0; hop < 2; hop++) {
    const head = doc.tokens[cur.head]!;
    // "4 million dollars worth of medical equipment": a sum's worth of goods names the goods
    const worth = doc.tokens[cur.end]?.norm === 'worth' && doc.tokens[cur.end + 1]?.norm === 'of' ? 1 : 0;
    if (!worth && !PARTITIVE_HEADS.has(head.lemma) && !PARTITIVE_HEADS.has(head.norm) && head.pos !== 'NUM')
      break;
    if (doc.tokens[cur.end + worth]?.norm !== 'of') break;
    const np = npAt.get(cur.end + worth + 1);
    if (!np || doc.tokens[np.start]!.sent !== head.sent) break;
    cur = { start: np.start, end: np.end, head: np.head };
    found = cur;
  }
  return found;
}

/** Head lemmas of an argument and its coordinated phrases; a sum of money also counts as "money" ("$2 million"). */
function headLemmas(doc: Doc, a: Argument): string[] {
  const hit = lemmaCache.get(a);
  if (hit) return hit;
  const out: string[] = [];
  const args = [a, ...(a.coord ?? [])];
  for (const x of [...args]) {
    const inner = partitiveOf(doc, x);
    if (inner) args.push(inner);
  }
  for (const x of args) {
    const head = doc.tokens[x.head]!;
    out.push(head.lemma);
    // dictionaries written in surface forms (PETRARCH's "RELATIONS") match the word as written too
    if (head.norm !== head.lemma) out.push(head.norm);
    // a compound head ("diplomatic ties" → diplomatic_tie) for patterns that name one
    if (x.head > x.start) out.push(`${doc.tokens[x.head - 1]!.lemma}_${head.lemma}`);
    // "joint" anywhere before the head makes the activity a shared one ("a joint missile exercise" → joint_exercise)
    if (x.head > x.start + 1 && hasWord(doc, x.start, x.head - 1, 'joint')) out.push(`joint_${head.lemma}`);
    // a hyphenated dictionary word also names the two-word compound: {hunger-strike} "a hunger strike",
    // {car-bomb} "car bombs", {war-game} "war games"
    if (x.head > x.start) out.push(`${doc.tokens[x.head - 1]!.norm}-${head.lemma}`);
    // a noun that only carries another ("aid convoys", "arms shipments", "an aid package"): the carried noun counts
    if (x.head > x.start && CARRIER_HEADS.has(head.lemma) && doc.tokens[x.head - 1]!.pos === 'NOUN')
      out.push(doc.tokens[x.head - 1]!.lemma);
    // unknown plurals keep their -s in the lemma ("airstrikes"): try the singular too
    if (head.lemma === head.norm && /[^s]s$/.test(head.norm)) out.push(head.norm.slice(0, -1));
    for (let t = x.start; t < x.end; t++) if (CURRENCY.test(doc.tokens[t]!.text)) out.push('money');
  }
  lemmaCache.set(a, out);
  return out;
}

/** A term of a PETRARCH pattern as lower-case words ("UNITED_NATIONS_" → ["united", "nations"]). */
const termWords = (alt: string[]) => alt.map((w) => w.toLowerCase().replace(/_$/, ''));

/** True when an object-word slot of the pattern names the object's two-word compound ("cyber-attack", "car_bomb"). */
function namesCompound(doc: Doc, c: Clause, p: VerbPattern): boolean {
  if (!c.object) return false;
  const compounds = headLemmas(doc, c.object).filter((w) => w.includes('-') || w.includes('_'));
  return p.slots.some((s) => s.type === 'object-words' && s.words.some((w) => compounds.includes(w)));
}

/**
 * Whether PETRARCH terms occur in the tokens [from, to) in their order, with gaps allowed except before a term
 * glued to the previous one (`_`); each term is one of its alternatives, whose words are consecutive.
 */
export function termsInOrder(
  toks: readonly { norm: string; lemma: string }[],
  from: number,
  to: number,
  terms: readonly { alts: string[][]; glued: boolean }[],
  surfaceOnly = false,
  /** the last term must end at `to` ("RECENTLY_*": right before the verb) */
  endAnchored = false,
): boolean {
  const at = (k: number, w: string) =>
    k < to && (toks[k]!.norm === w || (!surfaceOnly && toks[k]!.lemma === w));
  const go = (i: number, pos: number, prevEnd: number): boolean => {
    if (i === terms.length) return true;
    const t = terms[i]!;
    const last = i > 0 && t.glued ? prevEnd : to - 1;
    for (let k = i > 0 && t.glued ? prevEnd : pos; k <= last && k < to; k++)
      for (const alt of t.alts) {
        const ws = termWords(alt);
        if (endAnchored && i === terms.length - 1 && k + ws.length !== to) continue;
        if (ws.every((w, j) => at(k + j, w)) && go(i + 1, k + ws.length, k + ws.length)) return true;
      }
    return false;
  };
  return go(0, from, from);
}

/**
 * The literal words a PETRARCH pattern writes must occur in the sentence: those after the verb (`BREAK * TREATY`,
 * `+ KNOWN_ * IN_ $`) in the clause after the verb group, those before it (`INDICATED SHOULD *`, `FAILED_TO_*`)
 * between the sentence start and the verb, each group in its written order (TABARI's linear match: a blank allows
 * words in between, `_` does not). The slot model keeps only the object and prepositional parts, so this keeps a
 * broad variant from matching sentences the pattern never meant.
 */
function petrarchTermsPresent(doc: Doc, c: Clause, p: VerbPattern): boolean {
  const pet = p.petrarch!;
  const terms = (els: typeof pet.post) =>
    els.filter((e): e is Extract<typeof e, { kind: 'term' }> => e.kind === 'term');
  const sent = doc.sentences[c.sent]!;
  // TABARI writes words as they appear ("PROGRAMS"; synsets list their plurals), PETRARCH-2 noun heads as lemmas
  const surface = pet.dialect === 'petr1';
  const post = terms(pet.post);
  // TABARI reads on to the end of the sentence; PETRARCH-2 stays in the verb's phrase
  const postEnd = surface ? sent.tokEnd : Math.min(c.end, sent.tokEnd);
  if (post.length && !termsInOrder(doc.tokens, c.vgEnd, postEnd, post, surface)) return false;
  const pre = terms(pet.pre);
  // a last word glued to the verb ("RECENTLY_*") stands right before it; an auxiliary in between breaks that
  // ("recently did allow"), except the "to" of an infinitive written in the pattern ("FAILED_TO_*")
  if (pre.length && !termsInOrder(doc.tokens, sent.tokStart, c.head, pre, surface, pet.preGlued === true))
    return false;
  return true;
}

/** particles a phrasal verb may place after its object ("kick out the envoy" / "kick the envoy out") */
const SHIFTED_PARTICLES = new Set(['out', 'off', 'down', 'up', 'back', 'away', 'over']);

/**
 * The object a verb pattern acts on: the clause's object, or for a multi-word pattern ("refuse to lift {…}", "shut
 * down {…}") the noun phrase right after its fixed words. Null when the fixed words are not there.
 */
function patternObject(
  doc: Doc,
  c: Clause,
  p: VerbPattern,
): { object: Argument | undefined; after?: number } | null {
  const toks = doc.tokens;
  // particles / fixed words after the verb
  const wordsFrom = (from: number): number | null => {
    let after = from;
    for (let w = 1; w < p.words.length; w++) {
      while (after < toks.length && toks[after]!.pos === 'ADV' && toks[after]!.norm !== p.words[w]) after++;
      const t = toks[after];
      if (!t || (t.norm !== p.words[w] && t.lemma !== p.words[w])) return null;
      after++;
    }
    return after;
  };
  const after = wordsFrom(c.vgEnd);
  if (after === null) {
    // an object complement: the fixed words follow the object ("held Pyongyang accountable", "declared the
    // diplomat persona non grata")
    const o = c.object;
    if (!o || p.words.length === 1 || c.verb.voice !== 'active' || o.start !== c.vgEnd) return null;
    // a particle moved after the object of a phrasal verb: "kicked the diplomats out", "turned the offer down"
    if (p.words.length === 2 && SHIFTED_PARTICLES.has(p.words[1]!) && toks[o.end]?.norm === p.words[1])
      return { object: o };
    // only an adjective or noun complement, never a particle or preposition ("withdrew troops from …")
    const complement = toks[o.end];
    if (!complement || (complement.pos !== 'ADJ' && complement.pos !== 'NOUN')) return null;
    return wordsFrom(o.end) === null ? null : { object: o };
  }
  if (p.words.length === 1 || c.verb.voice !== 'active') return { object: c.object };
  // (past an adverb of the phrase: "hand over urgently needed supplies")
  let at = after;
  while (toks[at]?.pos === 'ADV' && toks[at + 1]?.pos !== 'ADP') at++;
  const np = chunkIndex(doc).npAt.get(at) ?? chunkIndex(doc).npAt.get(after);
  // "handed over 700 kg of medicine": the tagger took the particle into the object phrase
  if (!np && c.object && c.object.start === after - 1 && c.object.end > after && p.words.length === 2)
    return { object: c.object };
  if (!np) return { object: undefined, after };
  if (c.object?.start === np.start) return { object: c.object };
  return {
    object: {
      start: np.start,
      end: np.end,
      head: np.head,
      ...(np.actor !== undefined ? { mention: np.actor } : {}),
    },
  };
}

/**
 * Where a TABARI-style pattern puts an actor: its elements after the verb are walked in order over the sentence (a
 * word at its next occurrence, `^` over the noun phrase at hand), and `+` (target) or `$` (source) is the next
 * actor, so "- * IFTAR IN ^ +" takes the actor after the phrase that follows "in". Returns that actor with the
 * actors coordinated with it, [] when the pattern's words or the actor are not there, undefined when the pattern
 * has no such marker after its verb.
 */
function linearActor(
  doc: Doc,
  c: Clause,
  p: VerbPattern,
  kind: 'target' | 'source',
  other: Mention | undefined,
): Mention[] | undefined {
  let post = p.petrarch!.post;
  if (!post.some((e) => e.kind === kind)) {
    // a pattern that ends in a preposition ("- * ASSURANCES FROM") aims at the actor after it
    const last = post[post.length - 1];
    const word = last?.kind === 'term' && last.alts.length === 1 ? last.alts[0]!.join(' ') : '';
    const endsInPrep =
      kind === 'target' &&
      !p.flags.has('pp-target-variant') &&
      p.slots.some((x) => x.type === 'pp-target' && x.prep === word.toLowerCase());
    if (!endsInPrep) return undefined;
    post = [...post, { kind: 'target' }];
  }
  const toks = doc.tokens;
  const sent = doc.sentences[c.sent]!;
  const nps = doc.chunks.filter(
    (x): x is NP => x.type === 'NP' && x.start >= c.vgEnd && x.end <= sent.tokEnd && !x.time,
  );
  const mentions = mentionsBySentence(doc).get(c.sent) ?? [];
  let pos = c.vgEnd;
  for (const e of post) {
    if (e.kind === 'term') {
      let found = -1;
      for (let k = pos; k < sent.tokEnd && found < 0; k++)
        for (const alt of e.alts) {
          const ws = termWords(alt);
          if (ws.every((w, j) => k + j < sent.tokEnd && toks[k + j]!.norm === w)) {
            found = k + ws.length;
            break;
          }
        }
      if (found < 0) return [];
      pos = found;
    } else if (e.kind === 'skip') {
      const np = nps.find((x) => x.end > pos);
      if (!np) return [];
      pos = np.end;
    } else if (e.kind === kind) {
      let best: Mention | undefined;
      for (const m of mentions) {
        if (m.tokStart < pos || m.actor.code === other?.actor.code) continue;
        if (!best || m.tokStart < best.tokStart || (m.tokStart === best.tokStart && m.tokEnd > best.tokEnd))
          best = m;
      }
      if (!best) return [];
      const out = [best];
      for (const d of clausesBySentence(doc).get(c.sent) ?? [])
        for (const a of [d.subject, d.object, ...d.pps])
          if (a && a.mention === best.i)
            for (const x of a.coord ?? []) {
              const m = actorMention(doc, x);
              if (m && !out.includes(m)) out.push(m);
            }
      return out;
    }
  }
  return [];
}

/**
 * A pattern that puts its target before the verb after words of its own ("- NOTED + * [115]": "X noted that Y
 * regretted …"): the target is the clause's subject, the source the subject of the clause that governs it.
 */
function reportedTarget(
  doc: Doc,
  c: Clause,
  p: VerbPattern,
): { sources: Mention[]; targets: Mention[] } | undefined {
  const pre = p.petrarch!.pre;
  const at = pre.findIndex((e) => e.kind === 'target');
  if (at <= 0 || !pre.slice(0, at).some((e) => e.kind === 'term') || c.parent === undefined) return undefined;
  const targets = actorsBeforeVerb(doc, c);
  const sources = actorsBeforeVerb(doc, doc.clauses[c.parent]!).filter(
    (m) => !targets.some((t) => t.actor.code === m.actor.code),
  );
  return targets.length && sources.length ? { sources, targets } : undefined;
}

/** The actors of the phrase before the verb: the subject, or a passive clause's subject turned object. */
function actorsBeforeVerb(doc: Doc, c: Clause): Mention[] {
  const a =
    c.subject && c.subjectFrom === 'explicit'
      ? c.subject
      : c.object && c.object.start < c.vgStart
        ? c.object
        : undefined;
  if (!a) return [];
  return [a, ...(a.coord ?? [])]
    .map((x) => actorMention(doc, x))
    .filter((m): m is Mention => m !== undefined);
}

/**
 * A TABARI-style pattern that puts its source after the verb ("- + * FROM $", "- + WAS * DEAD IN $"): the source
 * found there, and as targets the actors before the verb when the pattern puts its target there. Undefined when
 * the pattern has no `$` after its verb; sources [] when there is no actor where it puts it.
 */
function linearSource(
  doc: Doc,
  c: Clause,
  p: VerbPattern,
): { sources: Mention[]; targets: Mention[] } | undefined {
  const sources = linearActor(doc, c, p, 'source', undefined);
  if (!sources) return undefined;
  const targets = p.petrarch!.pre.some((e) => e.kind === 'target') ? targetBeforeVerb(doc, c, p) : [];
  return { sources: sources.filter((m) => !targets.some((t) => t.actor.code === m.actor.code)), targets };
}

/**
 * The target a pattern puts before its verb: the actors before the verb, or, when the pattern writes words between
 * `+` and the verb ("- + HOSTING * …"), the actor right before the first of those words.
 */
function targetBeforeVerb(doc: Doc, c: Clause, p: VerbPattern): Mention[] {
  const pre = p.petrarch!.pre;
  const words = pre.slice(pre.findIndex((e) => e.kind === 'target') + 1);
  const first = words.find((e): e is Extract<typeof e, { kind: 'term' }> => e.kind === 'term');
  if (!first) return actorsBeforeVerb(doc, c);
  const toks = doc.tokens;
  const sent = doc.sentences[c.sent]!;
  let at = -1;
  for (let k = sent.tokStart; k < c.head && at < 0; k++)
    if (first.alts.some((alt) => termWords(alt).every((w, j) => toks[k + j]?.norm === w))) at = k;
  if (at < 0) return actorsBeforeVerb(doc, c);
  let best: Mention | undefined;
  for (const m of mentionsBySentence(doc).get(c.sent) ?? [])
    if (
      m.tokEnd <= at &&
      (!best || m.tokEnd > best.tokEnd || (m.tokEnd === best.tokEnd && m.tokStart < best.tokStart))
    )
      best = m;
  return best ? [best] : [];
}

/** Matches a verb pattern against a clause: returns the target mentions (possibly [null] when none is needed). */
function matchVerb(doc: Doc, c: Clause, p: VerbPattern): (Mention | null)[] | null {
  const toks = doc.tokens;
  if (p.petrarch && !petrarchTermsPresent(doc, c, p)) return null;
  // "% HAVE *": the pattern is for a compound subject ("Varnova and Zundia have …")
  if (p.petrarch?.pre.some((e) => e.kind === 'compound') && !c.subject?.coord?.length) return null;
  if (p.petrarch?.dialect === 'petr1') {
    const placed = linearActor(doc, c, p, 'target', actorMention(doc, c.subject));
    if (placed) return placed.length ? placed : null;
    const from = linearSource(doc, c, p);
    if (from) return from.sources.length ? (from.targets.length ? from.targets : [null]) : null;
  }
  // (one-word patterns, the most tried, act on the clause's object as it is)
  const po = p.words.length === 1 ? undefined : patternObject(doc, c, p);
  if (po === null) return null;
  const object = po ? po.object : c.object;
  const linear = p.petrarch?.dialect === 'petr1';
  const firstPhraseOnly = p.flags.has('pp-target-variant');
  // an actor object comes before any phrase: the pattern as written takes it ("meet Varnovan and Zundian leaders
  // during a visit to Pell")
  if (firstPhraseOnly && c.object) {
    const om = actorMention(doc, c.object);
    // (another actor than the subject, and not a pronoun: "their resumption", "his licence")
    if (om && om.via !== 'pronoun' && om.actor.code !== actorMention(doc, c.subject)?.actor.code) return null;
  }
  const targetPhrase = new Map<Mention, number>();
  const targets: (Mention | null)[] = [];
  let needsTarget = false;
  let ppTargetSlots = 0;
  let ppTargetMatched = false;
  for (const s of p.slots) {
    if (s.type === 'object-target') {
      needsTarget = true;
      if (!object) return null;
      for (const a of [object, ...(object.coord ?? [])]) {
        const m = actorMention(doc, a);
        if (m) targets.push(m);
      }
      if (targets.length === 0) return null;
    } else if (s.type === 'object-words') {
      // a TABARI-style pattern's words were matched in order above, wherever they stand ("fired two artillery
      // shells": ARTILLERY need not head the object)
      if (linear) continue;
      // "gave the Ivory Coast 5.1 million dollars": the second object carries the words, the first is the target
      if (c.object2 && object === c.object && headLemmas(doc, c.object2).some((l) => s.words.includes(l))) {
        const m = actorMention(doc, c.object);
        if (m && !targets.includes(m)) targets.push(m);
        ppTargetMatched = true;
        continue;
      }
      if (!object || !headLemmas(doc, object).some((l) => s.words.includes(l))) return null;
    } else if (s.type === 'pp-words') {
      const pp = c.pps.find(
        (x) =>
          x.prep === s.prep &&
          (s.words.includes(toks[x.head]!.lemma) || s.words.includes(toks[x.head]!.norm)),
      );
      if (!linear && !pp) return null;
      // "clashed with police": a role noun the words name is whom the action is aimed at
      const m = pp ? actorMention(doc, pp) : undefined;
      if (m && m.via === 'agent' && !linear && !targets.includes(m)) targets.push(m);
    } else {
      ppTargetSlots++;
      needsTarget = true;
      for (const x of c.pps) {
        if (x.prep !== s.prep) continue;
        // "of" belongs to the noun right before it: "expelled the diplomats of X", not "… over the refusal of X"
        if (s.prep === 'of' && object && x.prepToken !== object.end) continue;
        for (const a of [x, ...(x.coord ?? [])]) {
          // a pattern that names a locative preposition ("arrive in=T") takes the place as its target
          // (PETRARCH has no places: any actor in the phrase is one)
          const m =
            LOCATIVE_PREPS.has(s.prep) || p.petrarch
              ? placeMention(doc, a)
              : (actorMention(doc, a) ?? (linear ? undefined : goodsOwner(doc, c, a)));
          // (TABARI resolves no pronouns: "for it" names no actor)
          if (m && linear && m.via === 'pronoun') continue;
          if (m && !targets.includes(m)) {
            targets.push(m);
            targetPhrase.set(m, x.start);
            ppTargetMatched = true;
          }
        }
      }
    }
  }
  if (ppTargetSlots > 0 && !ppTargetMatched && !p.slots.some((s) => s.type === 'object-target')) return null;
  if (firstPhraseOnly && targets.length > 1) {
    // the first phrase that names an actor other than the subject
    const own = actorMention(doc, c.subject)?.actor.code;
    const others = targets.filter((m) => m && m.actor.code !== own);
    const first = Math.min(...others.map((m) => targetPhrase.get(m!) ?? Number.POSITIVE_INFINITY));
    if (others.length) return others.filter((m) => targetPhrase.get(m!) === first);
  }
  if (needsTarget && targets.length === 0) return null;
  if (!needsTarget) {
    // a bare pattern needs an actor object as its target; a pattern with word slots or :nontarget may have none
    // a PETRARCH verb block's default code applies whatever the object is (its target comes from elsewhere)
    const specific =
      p.flags.has('nontarget') ||
      p.petrarch !== undefined ||
      p.slots.some((s) => s.type === 'object-words' || s.type === 'pp-words');
    const m = p.flags.has('nontarget') ? undefined : (actorMention(doc, object) ?? targets[0] ?? undefined);
    if (!m && !specific) return null;
    // a PETRARCH verb's object with its coordinated actors: "will meet Varnovan and Zundian leaders"
    if (m && p.petrarch && object?.coord)
      return [
        m,
        ...object.coord.map((x) => actorMention(doc, x)).filter((x): x is Mention => x !== undefined),
      ];
    return [m ?? null];
  }
  return targets;
}

/**
 * verbs after a place that name who is in it: "bases hosting US troops". ("of" is not one: on the dev sets "the
 * office of …" named owners far more often than targets.)
 */
const OCCUPANT_LINKS = new Set(['host', 'house', 'station', 'shelter', 'harbour', 'harbor', 'use']);

/**
 * The actor a facility belongs to, named right after it: "fired missiles at bases hosting US troops" is aimed at the
 * troops, "at bases used by US forces" too.
 */
function occupantOf(doc: Doc, k: number): Mention | undefined {
  const link = doc.tokens[k];
  if (!link || !OCCUPANT_LINKS.has(link.lemma) || link.pos !== 'VERB') return undefined;
  // "used" only as "used by …": "bases used for training" name no one
  if (link.lemma === 'use' && (link.norm !== 'used' || doc.tokens[k + 1]?.norm !== 'by')) return undefined;
  const from = link.lemma === 'use' ? k + 2 : k + 1;
  const sent = doc.tokens[k]!.sent;
  let best: Mention | undefined;
  for (const m of mentionsBySentence(doc).get(sent) ?? []) {
    if (m.tokStart < from || m.tokStart > from + 2 || m.locative || m.actor.code === '---') continue;
    // the whole phrase ("US troops") rather than its country word ("US")
    if (!best || m.tokStart < best.tokStart || (m.tokStart === best.tokStart && m.tokEnd > best.tokEnd))
      best = m;
  }
  return best;
}

/** nouns of attitude that a verb "expresses" or "voices": the attitude is part of the action, its topic the patient */
const ATTITUDE_NOUNS = new Set([
  'concern',
  'worry',
  'fear',
  'alarm',
  'dismay',
  'doubt',
  'skepticism',
  'scepticism',
  'pessimism',
  'optimism',
  'hope',
  'confidence',
  'satisfaction',
  'regret',
  'sympathy',
  'condolence',
  'support',
  'solidarity',
  'gratitude',
  'appreciation',
  'opposition',
  'outrage',
  'anger',
  'disappointment',
  'displeasure',
  'responsibility',
  'credit',
]);

/** prepositions after an action noun that name what the action is about or aimed at ("a ban on X", "concern for X") */
const TOPIC_PREPS = new Set([
  ...AIMED_PREPS,
  'about',
  'over',
  'for',
  'to',
  'regarding',
  'concerning',
  'between',
]);

/**
 * What the action is done to (`object` of the record, also when no actor is named): the clause's object — "killed
 * six soldiers", "rejected the draft resolution" — unless the object is part of the action itself ("imposed a ban
 * on X", "expressed concern for X", "launched an attack against X"), when it is the phrase the action noun is
 * aimed at, if any.
 */
function patientOf(
  doc: Doc,
  ctx: CoderContext,
  c: Clause,
  p: VerbPattern,
): { patient?: { start: number; end: number } } {
  const po = patternObject(doc, c, p);
  const o = po?.object;
  if (!o) {
    // "is pessimistic about the possibility of a deal": what a multi-word pattern is about, after its words
    if (po?.after !== undefined) {
      // ("is skeptical of a Russian announcement": after an adjective, "of" names the topic too)
      const adj = doc.tokens[po.after - 1]?.pos === 'ADJ';
      const aimed = aimedPhraseAfter(doc, po.after, { of: adj, that: adj });
      if (aimed) return { patient: aimed };
    }
    // "remained on alert in New Delhi": a phrase the pattern names is the action; where it applies comes after it
    for (const sl of p.slots) {
      if (sl.type !== 'pp-words') continue;
      const x = c.pps.find((y) => y.prep === sl.prep && sl.words.includes(doc.tokens[y.head]!.lemma));
      if (!x) continue;
      const at = skipTime(doc, x.end);
      // "conceded to the demands of the truck drivers", "resigned as president of the Soviet Union"
      const whose = /^(of|from)$/.test(doc.tokens[at]?.norm ?? '')
        ? chunkIndex(doc).npAt.get(at + 1)
        : undefined;
      if (whose && !whose.time) return { patient: fullPhrase(doc, whose.start, whose.end) };
      const aimed = placeAfter(doc, at) ?? aimedPhraseAfter(doc, at);
      if (aimed) return { patient: aimed };
    }
    return {};
  }
  // "provided training to AMISOM", "returned artifacts to the government of Italy": what is given goes to someone
  if (p.code.startsWith('07') || GIVING_VERBS.has(c.verb.lemma)) {
    const to = c.pps.find((x) => x.prep === 'to' && x.prepToken >= o.end);
    if (to) return { patient: fullPhrase(doc, to.start, to.end) };
  }
  // "withdrew its troops from Abyei", "withdrew most of its troops from Syria": a withdrawal is from somewhere
  if (WITHDRAWAL_VERBS.has(c.verb.lemma)) {
    const oEnd = Math.max(o.end + 1, fullPhrase(doc, o.start, o.end).end);
    for (let at = o.end; at < oEnd; at++) {
      if (doc.tokens[at]?.norm !== 'from') continue;
      const np = chunkIndex(doc).npAt.get(at + 1);
      if (np && !np.time) return { patient: fullPhrase(doc, np.start, np.end) };
      break;
    }
  }
  const headWord = actionHeadWord(ctx, doc.tokens[o.head]!);
  const partOfAction = namesTheAction(ctx, c, p, doc.tokens[o.head]!, headWord);
  // "opened its borders to Somali refugees": the subject's own thing is handed or opened to someone
  if (!partOfAction && /^(its|their|his|her|our)$/.test(doc.tokens[o.start]!.norm)) {
    const aimed = aimedPhraseAfter(doc, o.end);
    if (aimed && doc.tokens[aimed.start - 1]?.norm !== 'about') return { patient: aimed };
  }
  if (!partOfAction) {
    // "considering giving money to local communities": an action named by a gerund
    const aimed = gerundAim(doc, o);
    if (aimed) return { patient: aimed };
    // "attacked the Syrian army and its ally Hezbollah": the whole coordination is what the action is done to
    const last = o.coord?.at(-1);
    return { patient: fullPhrase(doc, o.start, last ? fullPhrase(doc, last.start, last.end).end : o.end) };
  }
  // "lifted its blockade of the UK": an action noun's "of" phrase is what it is done to, unless the pattern names
  // it as part of the action ("a state {of emergency}")
  const namesOf = p.slots.some((sl) => sl.type === 'pp-words' && sl.prep === 'of');
  const after = doc.tokens[o.end]?.norm;
  // … and a request is answered to whoever made it: "accepted the demands by protesters in the southeast"
  const whose = after === 'of' || ((after === 'by' || after === 'from') && REQUEST_NOUNS.has(headWord));
  if (!namesOf && whose && ctx.lex.nouns.has(headWord)) {
    const of = chunkIndex(doc).npAt.get(o.end + 1);
    if (of && !of.time) return { patient: fullPhrase(doc, of.start, of.end) };
  }
  // else the phrase it is aimed at, or where it applies: "declared a ceasefire in Idlib", "a curfew in Kashmir"
  const from = skipTime(doc, skipOfPhrase(doc, o.end));
  const aimed =
    aimedPhraseAfter(doc, from, {
      eventNoun: (l) => ctx.lex.nouns.has(l),
      that: ATTITUDE_NOUNS.has(doc.tokens[o.head]!.lemma),
      // "ended mediation efforts with the truckers": a relation is with its partner
      with: /^(03|04|05|06|16)/.test(p.code),
    }) ?? placeAfter(doc, from);
  return aimed ? { patient: aimed } : {};
}

/** The word an object's head stands for in the lexicon: "cyber-attacks" → attack. */
function actionHeadWord(ctx: CoderContext, head: Token): string {
  const last = head.lemma.includes('-') ? head.lemma.slice(head.lemma.lastIndexOf('-') + 1) : head.lemma;
  return !ctx.lex.nouns.has(last) && last.endsWith('s') ? last.slice(0, -1) : last;
}

/**
 * Whether the object's noun names the action itself rather than what it is done to: an event or attitude noun
 * ("launched an attack", "expressed concern"), a weapon ("fired missiles at …"), forces moved in a show of force
 * ("deployed troops to …"), a named state ("declared a state {of emergency}"), a sum or a good handed over
 * ("provided $340 million", "donated medical supplies"). Not for agreements kept or broken ("violated a ceasefire")
 * nor for a one-word reaction, which is to the thing itself ("rejected the demands", "welcomed NATO's decision";
 * but "refused to lift the ban on X" is about X).
 */
function namesTheAction(
  ctx: CoderContext,
  c: Clause,
  p: VerbPattern,
  head: Token,
  headWord: string,
): boolean {
  const wordSlot = p.slots.some((sl) => sl.type === 'object-words');
  if (!wordSlot && !MONEY.test(head.norm) && head.pos !== 'NUM') return false;
  if (KEEPING_VERBS.has(c.verb.lemma) || (REACTION_ROOTS.has(p.code.slice(0, 2)) && p.words.length === 1))
    return false;
  return (
    ctx.lex.nouns.has(head.lemma) ||
    ctx.lex.nouns.has(headWord) ||
    EVENTISH.has(head.lemma) ||
    ATTITUDE_NOUNS.has(head.lemma) ||
    WEAPON_NOUNS.has(head.lemma) ||
    (FORCE_NOUNS.has(head.lemma) && p.code.startsWith('15')) ||
    MONEY.test(head.norm) ||
    head.pos === 'NUM' ||
    // (aid handed over, not people taken in: "accepts 1,500 refugees" is done to the refugees)
    (p.code.startsWith('07') && !p.code.startsWith('075')) ||
    p.slots.some((sl) => sl.type === 'pp-words' && sl.prep === 'of')
  );
}

/** armed forces as what is moved: deployed, sent, mobilised */
const FORCE_NOUNS = new Set(
  'troop soldier force army unit warship ship vessel jet aircraft tank battalion brigade division reservist militia contingent'.split(
    ' ',
  ),
);

/** weapons: the instrument of an attack ("fired missiles at X", "used tear gas on protesters"), not its target */
const WEAPON_NOUNS = new Set(
  (
    'missile rocket shell mortar bomb grenade drone bullet round artillery salvo barrage projectile munition ' +
    'explosive charge device mine torpedo baton truncheon teargas tear-gas gas cannon weapon firearm gun rifle'
  ).split(' '),
);

/** sums of money */
const MONEY =
  /^(?:[$€£¥₹]|million|billion|trillion|dollars?|euros?|pounds?|yen|yuan|rupees?|roubles?|rubles?)$/;

/** The token after an "of" phrase that names the action ("a state of emergency"), or `end` when there is none. */
function skipOfPhrase(doc: Doc, end: number): number {
  if (doc.tokens[end]?.norm !== 'of') return end;
  const np = chunkIndex(doc).npAt.get(end + 1);
  return np ? np.end : end;
}

/** verbs of keeping or breaking an agreement: the agreement is their object ("violated the ceasefire") */
const KEEPING_VERBS = new Set([
  'violate',
  'breach',
  'defy',
  'honour',
  'honor',
  'respect',
  'observe',
  'uphold',
  'implement',
  'ratify',
  'flout',
]);

/** The token after a date phrase starting at `from` ("Sunday in …", "on Monday in …"), or `from` when there is none. */
function skipTime(doc: Doc, from: number): number {
  const npAt = chunkIndex(doc).npAt;
  const toks = doc.tokens;
  let t = from;
  if (/^(on|in|at|during|since|until|by|last|this|next)$/.test(toks[t]?.norm ?? '') && npAt.get(t + 1)?.time)
    t = npAt.get(t + 1)!.end;
  else if (npAt.get(t)?.time) t = npAt.get(t)!.end;
  return t;
}

/** The place right after an action noun ("a curfew in parts of Kashmir"), when it names a place, not a time. */
function placeAfter(doc: Doc, from: number): { start: number; end: number } | undefined {
  const toks = doc.tokens;
  if (!/^(in|throughout|across)$/.test(toks[from]?.norm ?? '') || toks[from]!.sent !== toks[from - 1]!.sent)
    return undefined;
  const np = chunkIndex(doc).npAt.get(from + 1);
  if (!np || np.time || TIME_NOUNS.has(toks[np.head]!.lemma) || toks[np.head]!.pos === 'NUM')
    return undefined;
  return fullPhrase(doc, np.start, np.end);
}

/** roots of reactions to something (approve, disapprove, reject): the object noun is what they react to */
const REACTION_ROOTS = new Set(['05', '11', '12']);

/**
 * The phrase an action noun is aimed at, starting within three tokens after it: "a ban on X", "attacks, primarily
 * on military targets", "a travel ban imposed on Chadian citizens".
 */
/** what else may introduce an aimed phrase: "of" after an adjective, "that" after an attitude, "with" a partner */
interface AimOptions {
  eventNoun?: (lemma: string) => boolean;
  of?: boolean;
  that?: boolean;
  with?: boolean;
}

function aimedPhraseAfter(
  doc: Doc,
  from: number,
  opts: AimOptions = {},
): { start: number; end: number } | undefined {
  const npAt = chunkIndex(doc).npAt;
  const sentEnd = doc.sentences[doc.tokens[from - 1]!.sent]!.tokEnd;
  for (let t = from; t < Math.min(from + 4, sentEnd - 1); t++) {
    const tok = doc.tokens[t]!;
    // "a ceasefire on Monday in South Sudan": a date phrase is passed over
    const after = skipTime(doc, t);
    if (after > t) {
      t = after - 1;
      continue;
    }
    if (
      TOPIC_PREPS.has(tok.norm) ||
      (opts.of && tok.norm === 'of') ||
      (opts.with && tok.norm === 'with') ||
      // "pessimistic that the Olympics will go ahead": the subject of what the attitude is about
      (opts.that && tok.norm === 'that')
    ) {
      // "concern about **the standoff**", "pessimism over holding **negotiations**": past one gerund
      const next = doc.tokens[t + 1];
      const at = next?.pos === 'VERB' && next.norm.endsWith('ing') ? t + 2 : t + 1;
      const np = npAt.get(at);
      // (never a time, "for the first time", nor a sum, "an appeal for $80 million")
      const head = np ? doc.tokens[np.head]! : undefined;
      if (
        !np ||
        !head ||
        np.time ||
        TIME_NOUNS.has(head.lemma) ||
        MONEY.test(head.norm) ||
        head.pos === 'NUM'
      )
        return undefined;
      // "mobilised the army for a ground assault against Gaza": an action noun passes on to what it is aimed at
      const onward = opts.eventNoun?.(doc.tokens[np.head]!.lemma) ? aimedPhraseAfter(doc, np.end) : undefined;
      return onward ?? fullPhrase(doc, np.start, np.end);
    }
    // only a comma, an adverb or a participle may stand between the noun and its phrase
    if (!(tok.pos === 'PUNCT' && tok.norm === ',') && tok.pos !== 'ADV' && tok.pos !== 'VERB')
      return undefined;
  }
  return undefined;
}

/** nouns of trade flows and the preposition that names the partner country */
const FLOW_NOUNS: Record<string, string> = {
  import: 'from',
  purchase: 'from',
  export: 'to',
  shipment: 'to',
  sale: 'to',
  delivery: 'to',
};

/** verbs of pulling out: the place left is what the action concerns */
const WITHDRAWAL_VERBS = new Set(['withdraw', 'pull', 'evacuate', 'redeploy', 'relocate', 'move']);

/** verbs of handing something over: the recipient, not the thing, is what the action is aimed at */
const GIVING_VERBS = new Set([
  'give',
  'provide',
  'send',
  'deliver',
  'donate',
  'distribute',
  'allocate',
  'hand',
  'return',
  'supply',
  'ship',
  'transfer',
  'grant',
  'extend',
  'offer',
  'pledge',
  'lend',
]);

/** prepositions whose phrase belongs to the noun phrase before it: "a military base in Borno", "dozens of supporters of X" */
const NP_PREPS = new Set(['of', 'in', 'from', 'across']);

/** prepositions that complete a describing participle: "proposed by", "stationed in", "known as" */
const PARTICIPLE_PREPS = new Set(['by', 'in', 'as', 'near', 'at', 'on', 'from', 'across', 'along', 'inside']);

/**
 * A noun phrase with the "of"/"in"/"from" phrases that complete it (up to three), within its sentence. Only a
 * phrase headed by a common noun takes them ("the police in Gaza", not "Fiji in response"), and never a date or a
 * number ("in 2020", "in recent months").
 */
function fullPhrase(doc: Doc, start: number, end: number): { start: number; end: number } {
  const npAt = chunkIndex(doc).npAt;
  const toks = doc.tokens;
  const sentEnd = doc.sentences[toks[start]!.sent]!.tokEnd;
  let head = toks[end - 1]!;
  for (let hops = 0; hops < 3 && end < sentEnd - 1; hops++) {
    // (a common noun capitalised as the sentence's first word counts: "Authorities in Pakistan")
    const common =
      head.pos === 'NOUN' ||
      PLACE_NOUNS.has(head.lemma) ||
      (head.pos === 'PROPN' && head.i === start && head.i === doc.sentences[head.sent]!.tokStart) ||
      // "most of its troops", "some of the detainees", "two of them"
      (toks[end]!.norm === 'of' && (head.pos === 'NUM' || QUANTITY_HEADS.has(head.norm)));
    if (!common) break;
    // a participle that describes the phrase: "the draft proposed by the Security Council", "PKK targets stationed
    // in northern Iraq", "the group known as the White Helmets"
    const part = toks[end]!;
    if (
      part.pos === 'VERB' &&
      PARTICIPLE_PREPS.has(toks[end + 1]?.norm ?? '') &&
      (clausesBySentence(doc).get(part.sent) ?? []).some(
        (k) => k.vgStart === end && k.role === 'reduced-relative',
      )
    ) {
      const by = npAt.get(end + 2);
      if (!by || by.time) break;
      end = by.end;
      head = toks[by.head]!;
      continue;
    }
    if (!NP_PREPS.has(toks[end]!.norm)) break;
    const np = npAt.get(end + 1);
    if (!np || np.time || toks[np.head]!.pos === 'NUM' || TIME_NOUNS.has(toks[np.head]!.lemma)) break;
    // "in" completes a phrase with a place ("a base in Borno state"), not with an occasion ("… in an attempt")
    if (toks[end]!.norm === 'in' && toks[np.head]!.pos !== 'PROPN' && !PLACE_NOUNS.has(toks[np.head]!.lemma))
      break;
    end = np.end;
    head = toks[np.head]!;
  }
  return { start, end };
}

/** words that stand for a quantity of what their "of" phrase names */
const QUANTITY_HEADS = new Set([
  'some',
  'most',
  'many',
  'all',
  'several',
  'few',
  'part',
  'half',
  'rest',
  'none',
  'each',
  'both',
]);

/** heads of noun phrases that name places */
const PLACE_NOUNS = new Set(
  (
    'town city village province region district state country area capital county camp border neighbourhood ' +
    'neighborhood territory zone enclave strip valley governorate municipality island peninsula coast port ' +
    'prison jail street square suburb part north south east west northeast northwest southeast southwest ' +
    'centre center frontier republic kingdom ' +
    'nation countryside'
  ).split(' '),
);

/** heads of durations and periods: "in recent months", "in the past week" are not part of a noun phrase */
const TIME_NOUNS = new Set([
  'day',
  'week',
  'month',
  'year',
  'decade',
  'hour',
  'time',
  'period',
  'past',
  'future',
  'moment',
  'weekend',
  'morning',
  'evening',
  'night',
  'afternoon',
]);

/** With no actor target, an actor named inside the object ("rebuild Russian-American relations") other than the source. */
function modifierTarget(doc: Doc, c: Clause, source: Mention, code = '', petrarch = false): Mention | null {
  // "suspended imports of fruit from Taiwan", "halted exports to Iran": trade flows name their partner
  const flowPrep = c.object ? FLOW_NOUNS[doc.tokens[c.object.head]!.lemma] : undefined;
  if (flowPrep) {
    for (const x of c.pps) {
      if (x.prep !== flowPrep || x.prepToken < c.object!.end) continue;
      const m = actorMention(doc, x) ?? placeMention(doc, x);
      if (m && m.actor.country !== source.actor.country) return m;
    }
  }
  // "returned six Iraqi artifacts to the government of Iraq": what is handed over goes to its recipient
  if (code.startsWith('07') || GIVING_VERBS.has(c.verb.lemma)) {
    const to = c.pps.find((x) => x.prep === 'to' && actorMention(doc, x));
    const m = to ? actorMention(doc, to) : undefined;
    if (m && m.actor.code !== source.actor.code) return m;
  }
  // an actor against whom the action is aimed: "launched rocket fire against Kampuchean guerrilla camps"
  for (const x of c.pps) {
    if (!AIMED_PREPS.has(x.prep)) continue;
    const m = actorMention(doc, x) ?? placeMention(doc, x) ?? occupantOf(doc, x.end);
    if (m && m.actor.country !== source.actor.country) return m;
  }
  const object = c.object;
  if (object) {
    const whole = actorMention(doc, object);
    if (whole?.actor.country && whole.actor.country !== source.actor.country) return whole;
    const inside = (mentionsBySentence(doc).get(doc.tokens[object.head]!.sent) ?? []).find(
      (m) =>
        m.tokStart >= object.start &&
        m.tokEnd <= object.end &&
        !m.locative &&
        m.actor.country &&
        m.actor.country !== source.actor.country,
    );
    if (inside) return inside;
  }
  // "condemned an attack by Osgiliath soldiers": a reaction to an event is aimed at the event's agent
  if (object && doc.tokens[object.head]!.pos === 'NOUN' && c.pps.length) {
    const by = c.pps.find((x) => x.prep === 'by' && x.start === object.end + 1);
    const agent = by ? actorMention(doc, by) : undefined;
    if (agent && agent.actor.code !== source.actor.code) return agent;
  }
  // "spoke by phone with Netanyahu": a consultation or cooperation is with its partner
  if (/^0[3-6]/.test(code)) {
    const partner = c.pps.find((x) => x.prep === 'with' && actorMention(doc, x));
    const m = partner ? actorMention(doc, partner) : undefined;
    if (m && m.actor.code !== source.actor.code) return m;
  }
  // "summoned the US ambassador to lodge a protest": a purpose infinitive is aimed at its governor's object
  if (c.verb.form === 'infinitive' && c.parent !== undefined) {
    const gov = actorMention(doc, doc.clauses[c.parent]!.object);
    if (gov && gov.actor.code !== source.actor.code) return gov;
  }
  // "demanded that Mugabe abandon his policy", "urged that Israel withdraw": an appeal, demand, accusation or threat
  // is aimed at the actor its complement clause names as subject (PETRARCH's default target reads that clause
  // itself, with its coordinated actors)
  if (/^(02|10|11|13)/.test(code) && !petrarch) {
    for (const k of doc.clauses) {
      if (k.parent !== c.i || k.role !== 'complement' || k.subjectFrom !== 'explicit') continue;
      const m = actorMention(doc, k.subject);
      if (m && m.actor.code !== source.actor.code && m.via !== 'pronoun') return m;
    }
  }
  return null;
}

const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'our', 'my', 'your']);

const NEGATION_WORDS = new Set(["n't", 'not', 'never', 'no']);

/** Whether a PETRARCH pattern's words before the verb include a negation ("DID N'T", "WILL NOT"). */
function writesNegation(p: VerbPattern): boolean {
  return p.petrarch!.pre.some(
    (e) => e.kind === 'term' && e.alts.some((alt) => alt.some((w) => NEGATION_WORDS.has(w.toLowerCase()))),
  );
}

/**
 * PETRARCH's default target when a pattern names none: the first actor after the verb in its own clause (before any
 * clause that depends on it), other than the source and not a place ("clashed over the efforts of Varnova").
 */
function firstActorAfterVerb(doc: Doc, c: Clause, source: Mention, linear: boolean): Mention[] {
  // TABARI reads on through what the verb governs ("allowed that Varnova …"); riposte's clause ends before that
  const sentEnd = doc.sentences[c.sent]!.tokEnd;
  let end = linear ? sentEnd : Math.min(c.end, sentEnd);
  for (const d of clausesBySentence(doc).get(c.sent) ?? []) {
    if (d.vgStart < c.vgEnd) continue;
    if (d.parent === c.i && !(linear && (d.role === 'complement' || d.subjectFrom !== 'explicit')))
      end = Math.min(end, d.vgStart, d.subjectFrom === 'explicit' ? d.subject!.start : d.vgStart);
    // nor into a later clause of its own, such as the reporting one ("…, a Pell official said")
    else if (
      linear &&
      d.parent !== c.i &&
      d.subjectFrom === 'explicit' &&
      d.subject!.start >= c.vgEnd &&
      doc.tokens[d.subject!.start - 1]?.norm === ','
    )
      end = Math.min(end, d.subject!.start);
  }
  let best: Mention | null = null;
  for (const m of mentionsBySentence(doc).get(c.sent) ?? []) {
    if (m.tokStart < c.vgEnd || m.tokEnd > end || m.actor.code === source.actor.code) continue;
    // TABARI resolves no pronouns: "win a role for it" names no actor
    if (linear && m.via === 'pronoun') continue;
    // PETRARCH has no places ("cordoned off the roads into Varnova"); riposte's own reading keeps them out
    if (m.locative && !(linear && m.actor.country)) continue;
    if (!best || m.tokStart < best.tokStart || (m.tokStart === best.tokStart && m.tokEnd > best.tokEnd))
      best = m;
  }
  if (!best) return [];
  // with the phrases coordinated with it: "believes Varnova and Zundia can …"
  const out = [best];
  for (const d of clausesBySentence(doc).get(c.sent) ?? [])
    for (const a of [d.subject, d.object, ...d.pps]) {
      if (!a || a.mention !== best.i) continue;
      for (const x of a.coord ?? []) {
        const m = actorMention(doc, x);
        if (m && !out.includes(m) && m.tokEnd <= end && m.actor.code !== source.actor.code) out.push(m);
      }
    }
  return out;
}

function findCue(ctx: CoderContext, doc: Doc, headTok: number) {
  const t = doc.tokens[headTok]!;
  const cues = ctx.lex.modality.get(t.lemma) ?? ctx.lex.modality.get(t.norm);
  if (!cues) return undefined;
  for (const cue of cues) {
    let ok = true;
    for (let w = 1; w < cue.words.length; w++) {
      const u = doc.tokens[headTok + w];
      if (!u || (u.norm !== cue.words[w] && u.lemma !== cue.words[w])) ok = false;
    }
    if (ok) return cue;
  }
  return undefined;
}

/** Own modality of a clause from its verb group and a conditional conjunction. */
function ownModality(doc: Doc, c: Clause): [Modality, string] {
  if (c.verb.negated) return ['negated', `negation in "${doc.tokSpan(c.vgStart, c.vgEnd).text}"`];
  // a conditional conjunction before the clause's subject or verb
  const from = Math.max(doc.sentences[c.sent]!.tokStart, (c.subject?.start ?? c.vgStart) - 2);
  for (let t = from; t < (c.subject?.start ?? c.vgStart); t++)
    if (CONDITIONAL.has(doc.tokens[t]!.norm)) return ['hypothetical', `conditional "${doc.tokens[t]!.text}"`];
  const m = c.verb.modal;
  // "announced that the US would reimpose sanctions": "would" reports a future, not a condition
  if (
    m === 'would' &&
    c.role === 'complement' &&
    c.parent !== undefined &&
    REPORTING.has(doc.clauses[c.parent]!.verb.lemma)
  )
    return ['intended', 'reported future "would"'];
  if (m === 'could' || m === 'might' || m === 'may' || m === 'would') return ['hypothetical', `modal "${m}"`];
  if (m === 'should' || m === 'must') return ['proposed', `modal "${m}"`];
  if (m === 'will') return ['intended', 'future "will"'];
  return ['asserted', ''];
}

function strongest(a: [Modality, string], b: [Modality, string]): [Modality, string] {
  return MODALITY_RANK[b[0]] > MODALITY_RANK[a[0]] ? b : a;
}

/** Effective modality: own, the governing verb's cue, and what the governing clause passes down. */
/** words that put a non-finite adverbial beside its governing verb in time, not under it */
const TIME_SUBORDINATORS = new Set([
  'after',
  'before',
  'since',
  'while',
  'whilst',
  'when',
  'upon',
  'following',
  'until',
  'despite',
]);

function clauseModality(
  doc: Doc,
  ctx: CoderContext,
  c: Clause,
  memo: Map<number, [Modality, string]>,
): [Modality, string] {
  const hit = memo.get(c.i);
  if (hit) return hit;
  let result = ownModality(doc, c);
  if (c.parent !== undefined && c.role !== 'relative' && c.role !== 'reduced-relative' && c.role !== 'main') {
    const parent = doc.clauses[c.parent]!;
    const cue = findCue(ctx, doc, parent.head);
    // a finite adverbial clause ("after Putin launched …", "because talks failed") is not governed by the verb
    // before it; a non-finite one ("respond by expelling …") is
    // (but not one that only says when or despite what: "called off the strike hours after reaching agreement")
    const governed =
      c.role === 'complement' ||
      c.role === 'coordinate' ||
      (c.role === 'adverbial' &&
        c.verb.form !== 'finite' &&
        !TIME_SUBORDINATORS.has(doc.tokens[c.vgStart - 1]?.norm ?? ''));
    if (cue && governed && c.role !== 'coordinate')
      result = strongest(result, [
        cue.modality,
        // a cue of several words is named whole: "be ready" (to host), not its head "be"
        `governed by "${cue.words.length > 1 && cue.words[0] === 'be' ? cue.words.join(' ') : doc.tokens[parent.head]!.text}" (${cue.source.file}:${cue.source.line})`,
      ]);
    const pm = clauseModality(doc, ctx, parent, memo);
    // its own auxiliary or copula ("but was ready to …") gives a coordinate clause its own modality
    const ownAux = c.verb.aux.length > 0 || doc.tokens[c.head]!.pos === 'AUX';
    if (pm[0] !== 'asserted' && governed && (c.role !== 'coordinate' || !ownAux)) {
      // speech verbs report, they do not change factuality; a coordinate with its own auxiliary has its own modality
      result = strongest(result, [pm[0], `inherited from "${doc.tokens[parent.head]!.text}": ${pm[1]}`]);
    }
  }
  // a purpose infinitive after the governing verb's object or phrase says what was intended: "held talks on
  // Wednesday to defuse the situation", "sent troops to Syria to attack the rebels"
  if (c.verb.form === 'infinitive' && c.parent !== undefined && result[0] === 'asserted') {
    const parent = doc.clauses[c.parent]!;
    const to = doc.tokens[c.vgStart]?.norm === 'to' ? doc.tokens[c.vgStart] : doc.tokens[c.vgStart - 1];
    if (
      to?.norm === 'to' &&
      parent.vgEnd < to.i &&
      parent.head < c.head &&
      !findCue(ctx, doc, parent.head) &&
      !CAUSATIVE.has(parent.verb.lemma) &&
      !SPEECH_ACT_PURPOSES.has(c.verb.lemma) &&
      // "conceded to demands from UNITA to overhaul …": a cue noun between them governs the infinitive instead
      !doc.tokens.slice(parent.vgEnd, to.i).some((u) => u.pos === 'NOUN' && findCue(ctx, doc, u.i)) &&
      doc.tokens[to.i - 1]?.pos !== 'ADJ'
    )
      result = ['intended', `purpose of "${doc.tokens[parent.head]!.text}"`];
  }
  // an infinitive governed by a noun cue: "a refusal to be drawn", "plans to visit"
  if (c.verb.form === 'infinitive' && c.vgStart > 0) {
    const before = doc.tokens[c.vgStart - 1]!;
    // "plans to visit" (noun), "ready to negotiate" (adjective)
    if (before.pos === 'NOUN' || before.pos === 'ADJ') {
      const cue = findCue(ctx, doc, before.i);
      if (cue) result = strongest(result, [cue.modality, `governed by "${before.text}"`]);
    }
  }
  // a that-clause governed by a noun cue: "its demand (today) that Israel ease …", "the pledge that troops will …"
  if (c.role === 'complement' && c.subject && c.subject.start > 1) {
    const toks = doc.tokens;
    const that = c.subject.start - 1;
    const from = doc.sentences[c.sent]!.tokStart;
    for (let j = that - 1; toks[that]!.norm === 'that' && j >= Math.max(from, that - 3); j--) {
      const u = toks[j]!;
      if (u.pos !== 'NOUN') break;
      const cue = findCue(ctx, doc, u.i);
      if (cue) {
        result = strongest(result, [cue.modality, `governed by "${u.text}"`]);
        break;
      }
    }
  }
  memo.set(c.i, result);
  return result;
}

/** Whether a token in [from, to) is written `word` (a loop: this runs for every phrase). */
function hasWord(doc: Doc, from: number, to: number, word: string): boolean {
  for (let t = from; t < to; t++) if (doc.tokens[t]!.norm === word) return true;
  return false;
}

/** The coordinated actors (two or more) of the nearest clause before a noun phrase, if any. */
function jointParties(doc: Doc, np: NP): { parties: Mention[]; clause: Clause } | undefined {
  const sent = doc.tokens[np.head]!.sent;
  // the nearest clause before it with coordinated subjects ("X and Y announced …, in a joint pledge")
  const owner = (clausesBySentence(doc).get(sent) ?? [])
    .filter((c) => c.head < np.start && c.subject?.coord?.length && c.subjectFrom === 'explicit')
    .at(-1);
  if (!owner?.subject) return undefined;
  const parties = [owner.subject, ...(owner.subject.coord ?? [])]
    .map((a) => actorMention(doc, a))
    .filter((m): m is Mention => m !== undefined);
  return parties.length > 1 ? { parties, clause: owner } : undefined;
}

/** verbs whose object is often left out when it was just named: "invited to the talks, he would not attend" */
const ELLIPSIS_VERBS = new Set(['attend', 'join', 'boycott', 'sign', 'ratify', 'skip', 'accept', 'reject']);

/**
 * A pattern matched with an object left out: the nearest noun phrase before the verb, in its sentence or the one
 * before, whose head is one of a pattern's object words ("talks" for "attend {talk}"). Only patterns that need no
 * actor target take it.
 */
function elidedObjectMatch(
  doc: Doc,
  c: Clause,
  patterns: readonly VerbPattern[],
): { p: VerbPattern; targets: (Mention | null)[] } | undefined {
  const { npAt } = chunkIndex(doc);
  const from = doc.sentences[Math.max(0, c.sent - 1)]!.tokStart;
  for (let t = c.vgStart - 1; t >= from; t--) {
    const np = npAt.get(t);
    if (!np || np.time || np.actor !== undefined) continue;
    const arg: Argument = { start: np.start, end: np.end, head: np.head };
    const words = new Set(headLemmas(doc, arg));
    for (const p of patterns) {
      const slot = p.slots.find((sl) => sl.type === 'object-words');
      if (slot?.type !== 'object-words' || !slot.words.some((w) => words.has(w))) continue;
      if (p.slots.some((sl) => sl.type === 'object-target' || sl.type === 'pp-target')) continue;
      const targets = matchVerb(doc, { ...c, object: arg }, p);
      if (targets) return { p, targets };
    }
  }
  return undefined;
}

/** verbs of a decision taken by an actor: what they decide to impose is imposed */
const DECISION_VERBS = new Set(['agree', 'decide', 'vote', 'resolve']);

/**
 * The clause of a decision that makes a governed sanction or restriction (roots 16–17) an act: a past, affirmative
 * "agreed/decided/voted to ban …". Undefined otherwise.
 */
function decisionTaken(doc: Doc, c: Clause, p: VerbPattern, modality: Modality): Clause | undefined {
  if (modality !== 'intended' || c.parent === undefined || c.verb.form !== 'infinitive') return undefined;
  if (!/^(16|17)/.test(p.code)) return undefined;
  const d = doc.clauses[c.parent]!;
  if (!DECISION_VERBS.has(d.verb.lemma) || d.verb.tense !== 'past' || d.verb.negated || d.verb.modal)
    return undefined;
  return d;
}

/** verbs whose infinitive says what happened, not what was meant: "helped Iraq to rebuild", "forced them to leave" */
const CAUSATIVE = new Set([
  'help',
  'force',
  'allow',
  'enable',
  'let',
  'cause',
  'get',
  'make',
  'compel',
  'lead',
  'permit',
  'require',
  'oblige',
  'push',
  'prompt',
  'drive',
  'persuade',
  'convince',
]);

/**
 * speech acts done by the very act before them, so not merely intended: "summoned the ambassador to lodge a
 * protest", "met Lavrov to discuss Syria"
 */
const SPEECH_ACT_PURPOSES = new Set([
  'lodge',
  'protest',
  'express',
  'convey',
  'discuss',
  'deliver',
  'complain',
  'raise',
  'present',
  'explain',
  'voice',
  'register',
  'demand',
  'urge',
  'ask',
  'press',
  'announce',
  'sign',
  'review',
  'talk',
]);

/** "both sides", "the two countries", "both governments": a phrase naming the two parties of a story */
const SIDES = new Set([
  'leader',
  'delegation',
  'side',
  'country',
  'nation',
  'party',
  'government',
  'state',
  'army',
  'military',
  'neighbour',
  'neighbor',
]);

/**
 * The two parties a "both sides" subject names — the two countries mentioned most in the sentences before (the
 * first mentioned breaks ties) — as mentions over the subject phrase, keeping the phrase's agent type ("military
 * commanders from both sides" → INDMIL, CHNMIL). Undefined when the subject names no such pair or the story has
 * fewer than two countries.
 */
function bothSides(doc: Doc, c: Clause, source: Mention | undefined): Mention[] | undefined {
  const subject = c.subject;
  if (!subject || (c.subjectFrom !== 'explicit' && c.subjectFrom !== 'inherited')) return undefined;
  const toks = doc.tokens;
  const vgAt = chunkIndex(doc).vgAt;
  let found = false;
  // the subject phrase with what completes it before a verb: "commanders from both sides"
  for (let t = subject.start; t < subject.end + 4 && t < toks.length && !vgAt.has(t) && !found; t++) {
    const two = toks[t]!.norm === 'both' ? 1 : toks[t]!.norm === 'two' && toks[t - 1]?.norm === 'the' ? 1 : 0;
    if (two && SIDES.has(toks[t + 1]?.lemma ?? '')) found = true;
  }
  if (!found) return undefined;
  const sent = toks[subject.start]!.sent;
  const counts = new Map<string, number>();
  for (const m of doc.mentions) {
    if (toks[m.tokStart]!.sent >= sent || m.locative || !m.actor.country || m.via === 'pronoun') continue;
    counts.set(m.actor.country, (counts.get(m.actor.country) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
  if (top.length < 2) return undefined;
  const types = source?.actor.types ?? [];
  const span = doc.tokSpan(subject.start, subject.end);
  return top.map(
    ([country], i): Mention => ({
      i: -1 - i,
      start: span.start,
      end: span.end,
      tokStart: subject.start,
      tokEnd: subject.end,
      actor: {
        text: span.text,
        start: span.start,
        end: span.end,
        code: `${country}${types.join('')}`,
        country,
        types,
      },
      via: 'agent',
      entries: source?.entries ?? [],
    }),
  );
}

/**
 * The actors of a clause's subject and its coordinated phrases. A conjunct that is only a country adjective shares
 * the head of the next one: "French and Egyptian warships" → FRAMIL and EGYMIL, "Senior Hungarian and Romanian
 * officials" → HUNGOV and ROUGOV.
 */
function subjectConjuncts(doc: Doc, c: Clause): Mention[] {
  const args = c.subject ? [c.subject, ...(c.subject.coord ?? [])] : [];
  const out: Mention[] = [];
  args.forEach((a, k) => {
    const own = actorMention(doc, a);
    if (own) {
      out.push(own);
      return;
    }
    const next = args
      .slice(k + 1)
      .map((b) => actorMention(doc, b))
      .find((m) => m !== undefined);
    if (!next) return;
    const adj = (mentionsBySentence(doc).get(doc.tokens[a.start]!.sent) ?? []).find(
      (m) =>
        m.adjectival && m.actor.country && m.tokStart >= a.start && m.tokEnd <= a.end && m.tokEnd === a.end,
    );
    // only a role noun of a country lends its head ("Romanian officials"), not a body ("EU negotiators")
    const { country, types } = splitCode(next.actor.code);
    if (!adj || !country || next.via !== 'agent' || !types.length || adj.actor.country === country) return;
    const code = `${adj.actor.country}${types.join('')}`;
    const m: Mention = {
      i: doc.mentions.length,
      start: adj.start,
      end: adj.end,
      tokStart: adj.tokStart,
      tokEnd: adj.tokEnd,
      actor: makeActor(adj.actor.text, adj.start, adj.end, code),
      via: 'agent',
      entries: [...adj.entries, ...next.entries],
    };
    doc.mentions.push(m);
    out.push(m);
  });
  return out;
}

function sourceOf(doc: Doc, c: Clause): Mention | undefined {
  return actorMention(doc, c.subject);
}

function confidenceFor(
  c: Clause | undefined,
  source: Mention,
  target: Mention | null,
  nominal: boolean,
): number {
  let conf = 0.92;
  if (c?.subjectFrom && c.subjectFrom !== 'explicit') conf -= 0.08;
  // "warplanes supported by Russia pounded …": a reduced relative describes a phrase of the sentence, it is not
  // what the sentence reports
  if (c?.role === 'reduced-relative') conf -= 0.1;
  if (source.via === 'pronoun') conf -= 0.07;
  if (source.via === 'agent') conf -= 0.05;
  if (source.actor.code.startsWith('---')) conf -= 0.2;
  if (target?.actor.code.startsWith('---')) conf -= 0.15;
  if (!target) conf -= 0.1;
  if (nominal) conf -= 0.1;
  return Math.max(0.05, Math.min(0.99, Math.round(conf * 100) / 100));
}

const SCORE = /(?:^|[^\d.,:/])\d{1,2}\s?[-\u2013]\s?\d{1,2}(?![\d.,:/])/;

/** Why a sentence yields no event: a discard phrase (PETRARCH's or ours), or a sports score in sports words. */
function discardReason(doc: Doc, ctx: CoderContext, sent: number): string | null {
  const s = doc.sentences[sent]!;
  const toks = doc.tokens;
  const byFirst = ctx.lex.discardsByFirst;
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    const phrases = byFirst.get(toks[k]!.norm);
    if (!phrases) continue;
    const phrase = phrases.find((d) => d.every((w, j) => k + j < s.tokEnd && toks[k + j]!.norm === w));
    if (phrase) return `discard phrase "${phrase.join(' ')}": no events in this sentence`;
  }
  if (ctx.lex.scoreWords.size && SCORE.test(doc.span(s.start, s.end))) {
    for (let k = s.tokStart; k < s.tokEnd; k++)
      if (ctx.lex.scoreWords.has(toks[k]!.norm)) return 'a sports score: no events in this sentence';
  }
  return null;
}

/**
 * Adds a candidate, honouring pattern flags: `no-event` (the pattern exists to stop coding), `reverse` (code the
 * action from target to source) and a paired code (also code the reverse action: A visits B → B hosts A).
 */
function emit(out: Candidate[], c: Candidate): void {
  const p = c.pattern;
  if (p.flags.has('no-event')) return;
  const reversed = (code: string): Candidate | null =>
    c.target
      ? { ...c, pattern: { ...p, code, id: `${p.id}(reverse)` }, source: c.target, target: c.source }
      : null;
  if (p.flags.has('reverse')) {
    const r = reversed(p.pairedCode ?? p.code);
    if (r) out.push(r);
    return;
  }
  out.push(c);
  if (p.pairedCode) {
    const r = reversed(p.pairedCode);
    if (r) out.push(r);
  }
}

/**
 * The patterns for a verb: by lemma, else by the form as written. A PETRARCH verb written in an inflected form
 * ("--- LEFT [032:033] ---" beside "--- LEAVE [012] ---") is its own entry, as in TABARI, which matches words as
 * written: its patterns come first.
 */
function verbPatterns(ctx: CoderContext, lemma: string, surface: string): VerbPattern[] | undefined {
  const byLemma = ctx.lex.verbs.get(lemma);
  if (surface === lemma) return byLemma;
  const bySurface = ctx.lex.verbs.get(surface);
  const own = bySurface?.filter((p) => p.petrarch && p.words[0] === surface);
  if (!own?.length) return byLemma ?? bySurface;
  return byLemma ? [...own, ...byLemma] : bySurface;
}

export function codeEvents(doc: Doc, ctx: CoderContext): void {
  const toks = doc.tokens;
  const candidates: Candidate[] = [];
  const memo = new Map<number, [Modality, string]>();
  const consumedNouns = new Set<number>();
  const discarded = new Set<number>();
  if (ctx.lex.storyDiscards.length) {
    const norms = toks.map((t) => t.norm);
    if (ctx.lex.storyDiscards.some((d) => norms.some((_, k) => d.every((w, j) => norms[k + j] === w)))) {
      doc.note(0, 'events', 'the story contains a story-level discard phrase: no events');
      doc.events = [];
      return;
    }
  }
  for (const s of doc.sentences) {
    const why = discardReason(doc, ctx, s.i);
    if (why) {
      discarded.add(s.i);
      doc.note(s.i, 'events', why);
    }
  }

  for (const c of doc.clauses) {
    if (discarded.has(c.sent)) continue;
    const patterns = verbPatterns(ctx, c.verb.lemma, toks[c.head]!.norm);
    if (!patterns) {
      doc.note(c.sent, 'events', () => `verb "${c.verb.lemma}": no verb pattern`);
      continue;
    }
    // the actors of a coordinated subject ("Senior Hungarian and Romanian officials agreed" → HUNGOV, ROUGOV);
    // PETRARCH takes them even when the first conjunct names none ("Lions, tigers and Zundia"), riposte only after
    // an actor first conjunct (on the dev sets, the other way costs precision)
    const first = sourceOf(doc, c);
    // "Military commanders from both sides held talks": the story's two main parties, each toward the other
    const sides = bothSides(doc, c, first);
    const conjuncts = sides ? [] : subjectConjuncts(doc, c);
    const firstNamed =
      conjuncts[0] !== undefined &&
      c.subject !== undefined &&
      conjuncts[0].tokStart >= c.subject.start &&
      conjuncts[0].tokEnd <= c.subject.end;
    const sources = sides
      ? [...sides]
      : first || firstNamed || ctx.lex.source.conventions === 'petrarch'
        ? conjuncts
        : [];
    let source = sources[0];
    let chosen: { p: VerbPattern; targets: (Mention | null)[] } | undefined;
    // patterns that need object words are tried only when the object (or a second object) has one of them;
    // particle patterns ("shut down {…}") find their own object, so they are always tried
    let allowed: Set<VerbPattern> | undefined;
    for (const p of patterns) {
      // a ":joint" pattern is for two or more subjects acting together ("the US and South Korea held exercises")
      if (p.flags.has('joint') && sources.length < 2) continue;
      if (ctx.lex.needsObjectWord.has(p) && p.words.length === 1) {
        if (!allowed) {
          allowed = new Set();
          for (const a of [c.object, c.object2])
            if (a)
              for (const w of headLemmas(doc, a))
                for (const q of ctx.lex.objectWordIndex.get(w) ?? []) allowed.add(q);
        }
        if (!allowed.has(p)) continue;
      }
      // a pattern that names the object's compound ("launch {cyber-attack}") beats one that names only its head
      // ("launch {attack} on=T against=T into=T"), however many phrase slots that one lists
      if (chosen && !namesCompound(doc, c, p)) continue;
      const targets = matchVerb(doc, c, p);
      if (targets) {
        if (chosen) {
          chosen = { p, targets };
          break;
        }
        chosen = { p, targets };
        if (namesCompound(doc, c, p)) break;
      }
    }
    // "… hold a new round of talks. Kurti said he would not attend": an object left out is the one just named
    if (!chosen && !c.object && source && c.verb.voice === 'active' && ELLIPSIS_VERBS.has(c.verb.lemma))
      chosen = elidedObjectMatch(doc, c, patterns);
    // "Russia and Ukraine will meet": a symmetric verb with coordinated subjects needs no object
    if (!chosen && sources.length > 1 && SYMMETRIC.has(c.verb.lemma)) {
      const p = patterns.find((x) =>
        x.slots.every((sl) => sl.type === 'object-target' || sl.type === 'pp-target'),
      );
      if (p && !c.object) chosen = { p, targets: [null] };
    }
    if (!chosen) {
      doc.note(c.sent, 'events', () => `verb "${c.verb.lemma}": no pattern's slots matched`);
      continue;
    }
    const { p } = chosen;
    let { targets } = chosen;
    // "- + * FROM $": the pattern names its source after the verb, its target before it
    const placedSource = p.petrarch?.dialect === 'petr1' ? linearSource(doc, c, p) : undefined;
    // "- NOTED + * [115]": the target is this clause's subject, the source the subject of the clause around it
    const reported = !placedSource?.sources.length && p.petrarch ? reportedTarget(doc, c, p) : undefined;
    const placed = placedSource?.sources.length ? placedSource : reported;
    if (placed) {
      sources.length = 0;
      sources.push(...placed.sources);
      source = sources[0];
      if (placed === reported) targets = reported.targets;
    }
    // violence by an unnamed perpetrator against a named target ("a car bomb killed two Russian soldiers") is an
    // event with an unknown source, as ACLED and GDELT record it; other actions need a known source
    // "three civilians were killed in a suicide car bombing": a passive with no agent names the weapon in a phrase
    const perpetrator =
      source || !VIOLENT_ROOTS.has(p.code.slice(0, 2))
        ? undefined
        : c.subject && PERPETRATOR.has(toks[c.subject.head]!.lemma)
          ? c.subject
          : !c.subject && c.verb.voice === 'passive'
            ? c.pps.find((x) => (x.prep === 'in' || x.prep === 'by') && PERPETRATOR.has(toks[x.head]!.lemma))
            : undefined;
    // "two diplomats were expelled from Russia", "inspectors were ordered out of Iraq": with no agent named, the
    // country one is expelled from is the one expelling
    if (!source && !c.subject && c.verb.voice === 'passive' && /^(161|166|174)/.test(p.code)) {
      const from = c.pps.find(
        (x) => x.prep === 'from' || (x.prep === 'of' && toks[x.prepToken - 1]?.norm === 'out'),
      );
      const m = from?.mention !== undefined ? doc.mentions[from.mention]! : undefined;
      if (m && m.actor.code.length === 3 && m.actor.code === m.actor.country) {
        sources.push(m);
        source = m;
      }
    }
    // "2,000 Russian soldiers were deployed as peacekeepers": forces deployed or sent with no agent named were sent
    // by their own country
    if (!source && !c.subject && c.verb.voice === 'passive' && /^(15|074)/.test(p.code)) {
      const forces = actorMention(doc, c.object);
      if (forces?.actor.country && ARMED.some((t) => forces.actor.types.includes(t))) {
        const state: Mention = {
          ...forces,
          actor: { ...forces.actor, code: forces.actor.country, types: [] },
        };
        sources.push(state);
        source = state;
      }
    }
    // "The missiles fired by the Israeli military struck an arms depot": a subject that a reduced relative says was
    // fired, launched or sent by an actor carries out that actor's action
    if (!source && c.subject && c.verb.voice === 'active') {
      const subj = c.subject;
      const by = (clausesBySentence(doc).get(c.sent) ?? []).find(
        (r) =>
          r.role === 'reduced-relative' &&
          r.verb.voice === 'passive' &&
          r.subjectFrom === 'by-agent' &&
          r.object?.start === subj.start &&
          SENT_OFF.has(r.verb.lemma),
      );
      const m = by ? actorMention(doc, by.subject) : undefined;
      if (m) {
        sources.push(m);
        source = m;
      }
    }
    if (perpetrator && !source) {
      const unknown = unknownActor(doc, perpetrator);
      const aimed = targets.find((t) => t !== null) ?? modifierTarget(doc, c, unknown);
      if (aimed?.actor.country) {
        sources.push(unknown);
        source = unknown;
      }
    }
    if (!source) {
      doc.note(
        c.sent,
        'events',
        () =>
          `${ruleText(p)} matched "${doc.tokSpan(c.vgStart, c.vgEnd).text}" but the clause has no actor subject`,
      );
      continue;
    }
    // speaking to nobody in particular, or to the press ("told reporters", "told state media"), is attribution
    if (p.flags.has('speech') && targets.every((t) => t === null || t.actor.types.includes('MED'))) {
      doc.note(
        c.sent,
        'events',
        () => `speech verb "${c.verb.lemma}" without an addressee: attribution only, no event`,
      );
      continue;
    }
    if (c.object && p.slots.some((sl) => sl.type === 'object-words')) consumedNouns.add(c.object.head);
    // "declared a state of siege": the noun a word slot matched is part of this event, not one of its own
    for (const sl of p.slots)
      if (sl.type === 'pp-words')
        for (const x of c.pps)
          if (
            x.prep === sl.prep &&
            (sl.words.includes(toks[x.head]!.lemma) || sl.words.includes(toks[x.head]!.norm))
          )
            consumedNouns.add(x.head);
    let modality = clauseModality(doc, ctx, c, memo);
    // a PETRARCH pattern that writes the negation before its verb ("&NEGATVAUXVRB * …") codes the negated action
    // itself: its code is what happened
    if (modality[0] === 'negated' && p.petrarch && writesNegation(p))
      modality = ['asserted', 'the negation is part of the PETRARCH pattern'];
    // "Neither Russia nor China condemned …" denies the action (PETRARCH codes it as done)
    if (
      c.subject?.coord?.length &&
      [c.subject.start, c.subject.start - 1].some((k) => toks[k]?.norm === 'neither') &&
      ctx.lex.source.conventions !== 'petrarch'
    )
      modality = ['negated', '"neither … nor" subject'];
    // "EU leaders agreed on Monday to ban Belarusian airlines": a decision taken to sanction or restrict is the act
    // (dated by the decision); a cooperative action agreed stays intended, with its expressed intent coded apart
    const decider = decisionTaken(doc, c, p, modality[0]);
    if (decider) modality = ['asserted', `decided ("${toks[decider.head]!.text}")`];
    // "Egypt and Israel signed a treaty": a symmetric action between coordinated subjects runs both ways
    const pairs: [Mention, Mention | null][] = [];
    // a PETRARCH pattern with "%" before its verb ("% HAVE * [191]"): the members of the compound subject act on
    // each other, whatever the object names
    const compoundSubject = p.petrarch?.pre.some((e) => e.kind === 'compound') === true;
    if (
      sources.length > 1 &&
      (compoundSubject ||
        (targets.every((t) => t === null) &&
          (sides !== undefined || p.flags.has('symmetric') || SYMMETRIC.has(p.words[0]!))))
    ) {
      for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
    } else for (const a of sources) for (const t of targets) pairs.push([a, t]);
    const expanded: [Mention, Mention | null][] = [];
    // (the object as the pattern reads it: "shot down 15 Russian drones" has its object after the particle)
    const patternObj = !c.object && p.words.length > 1 ? patternObject(doc, c, p)?.object : undefined;
    const cm = patternObj ? { ...c, object: patternObj } : c;
    for (const [src, given] of pairs) {
      // a pattern without a target slot (":nontarget" included) still takes the actor its object or aimed phrase names
      const target = given ?? modifierTarget(doc, cm, src, p.code, ctx.lex.source.conventions === 'petrarch');
      // the subject's own thing ("halted his march"): PETRARCH looks further for another actor (a pronoun that
      // is the subject again, "hinted it would …", is no target at all)
      const own =
        target &&
        p.petrarch &&
        target.actor.code === src.actor.code &&
        (target.via !== 'pronoun' || POSSESSIVES.has(toks[target.tokStart]!.norm));
      if ((target && !own) || !p.petrarch) expanded.push([src, target]);
      else {
        const found = firstActorAfterVerb(doc, c, src, p.petrarch.dialect === 'petr1');
        if (found.length) for (const t of found) expanded.push([src, t]);
        else expanded.push([src, target]);
      }
    }
    for (const [src, target] of expanded) {
      emit(candidates, {
        sent: c.sent,
        pattern: p,
        source: src,
        target,
        modality: modality[0],
        modalityWhy: modality[1],
        trigger: { start: toks[c.vgStart]!.start, end: toks[c.vgEnd - 1]!.end },
        tokStart: c.start,
        tokEnd: c.end,
        confidence: confidenceFor(c, src, target, false),
        extraEntries: [],
        heads: decider ? [...clauseHeads(doc, c), decider.head] : clauseHeads(doc, c),
        ...(c.object ? { objectSpan: { start: c.object.start, end: c.object.end } } : {}),
        ...patientOf(doc, ctx, c, p),
        anaphoric:
          c.subject !== undefined &&
          ANAPHORIC_HEADS.has(toks[c.subject.head]!.lemma) &&
          /^(the|these|those|this|such)$/.test(toks[c.subject.start]!.norm),
      });
    }
  }

  // nominal events: "the expulsion of 35 US diplomats", "US sanctions on Russia"
  for (let k = 0; k < doc.chunks.length; k++) {
    const np = doc.chunks[k]!;
    if (np.type !== 'NP' || np.time) continue;
    const head = toks[np.head]!;
    const sent = head.sent;
    if (discarded.has(sent) || consumedNouns.has(np.head)) continue;
    const patterns = ctx.lex.nouns.get(head.lemma) ?? ctx.lex.nouns.get(head.norm);
    if (!patterns) continue;
    const pps = followingPPs(doc, k);
    const ofActor = np.of !== undefined ? (doc.chunks[np.of] as NP).actor : undefined;
    const joint = hasWord(doc, np.start, np.head, 'joint');
    for (const p of patterns) {
      // a ":joint" noun pattern is for a phrase that says so ("a joint missile exercise")
      if (p.flags.has('joint') && !joint) continue;
      // the words of a compound stand right before its head: "election boycott", "peace talks"
      let ok = true;
      for (let j = 0, n = p.words.length - 1; ok && j < n; j++) {
        const t = toks[np.head - n + j];
        ok = t !== undefined && t.i >= np.start && (t.lemma === p.words[j] || t.norm === p.words[j]);
      }
      if (!ok) continue;
      const targets: Mention[] = [];
      let needs = false;
      let symmetricParties: Mention[] | undefined;
      // the clauses whose dates date a joint action: the one naming the parties and the one governing it
      let jointHeads: number[] = [];
      for (const s of p.slots) {
        if (s.type === 'object-target' || (s.type === 'pp-target' && s.prep === 'of')) {
          needs = true;
          const m = ofActor !== undefined ? doc.mentions[ofActor] : undefined;
          if (m && !m.locative) targets.push(m);
        } else if (s.type === 'pp-target') {
          needs = true;
          for (const x of pps)
            if (x.prep === s.prep && x.mention !== undefined && !doc.mentions[x.mention]!.locative)
              targets.push(doc.mentions[x.mention]!);
        } else if (s.type === 'pp-words') {
          if (!pps.some((x) => x.prep === s.prep && s.words.includes(toks[x.head]!.lemma))) ok = false;
        } else if (s.type === 'object-words') ok = false;
      }
      if (!ok || (needs && targets.length === 0)) continue;
      if (!needs && !p.flags.has('nontarget') && !p.slots.some((x) => x.type === 'pp-words')) continue;
      let src = nounSource(doc, k, np, pps);
      // "a summit between Trump and Kim": the parties of a "between" phrase meet each other
      const between = pps.find((x) => x.prep === 'between' && x.mention !== undefined && x.coord?.length);
      if (!src && between) {
        const parties = [between, ...(between.coord ?? [])]
          .map((a) => actorMention(doc, a))
          .filter((m): m is Mention => m !== undefined);
        if (parties.length > 1) {
          src = parties[0]!;
          targets.length = 0;
          targets.push(...parties.slice(1));
          needs = true;
          symmetricParties = parties;
        }
      }
      // "the US and South Korea responded with a joint missile exercise", "announced a joint pledge": a joint
      // action of coordinated subjects runs between them
      if (!symmetricParties && joint && p.flags.has('joint')) {
        const joint = jointParties(doc, np);
        const parties = joint?.parties;
        if (joint && parties) {
          jointHeads = [joint.clause.head];
          if (joint.clause.parent !== undefined) jointHeads.push(doc.clauses[joint.clause.parent]!.head);
          src = parties[0]!;
          targets.length = 0;
          targets.push(...parties.slice(1));
          needs = true;
          symmetricParties = parties;
        }
      }
      if (!src) {
        doc.note(sent, 'events', () => `${ruleText(p)} matched "${head.text}" but no source actor was found`);
        break;
      }
      const clause = clausesBySentence(doc)
        .get(sent)
        ?.find(
          (c) =>
            c.start <= np.start &&
            np.end <= c.end &&
            (c.object?.start === np.start || c.pps.some((x) => x.start === np.start)),
        );
      // the clause the noun belongs to: as object or in a phrase of it, or as its subject
      const owner =
        clause ??
        clausesBySentence(doc)
          .get(sent)
          ?.find((c) => c.subject?.start === np.start && c.subjectFrom === 'explicit');
      let modality: [Modality, string] = owner ? clauseModality(doc, ctx, owner, memo) : ['asserted', ''];
      // "called for an arms embargo": the cue verb governs its prepositional object
      const verbCue = clause ? findCue(ctx, doc, clause.head) : undefined;
      if (verbCue && clause)
        modality = strongest(modality, [
          verbCue.modality,
          `governed by "${doc.tokSpan(clause.vgStart, clause.vgEnd).text}"`,
        ]);
      const gov = governingNounCue(doc, ctx, np);
      if (gov) modality = strongest(modality, gov);
      // "blamed Russian aircraft for the strike", "accused Iran of the attack": the action is alleged, not reported
      if (
        clause &&
        ALLEGING.has(clause.verb.lemma) &&
        clause.pps.some((x) => x.start === np.start && (x.prep === 'for' || x.prep === 'of'))
      )
        modality = strongest(modality, [
          'hypothetical',
          `alleged by "${doc.tokSpan(clause.vgStart, clause.vgEnd).text}"`,
        ]);
      if (np.start < toks.length && toks[np.start]!.norm === 'no') modality = ['negated', 'determiner "no"'];
      const end = Math.max(
        np.end,
        ...pps.map((x) => x.end),
        np.of !== undefined ? (doc.chunks[np.of] as NP).end : 0,
      );
      if (!needs && !p.flags.has('nontarget')) {
        // a noun pattern without a target slot still takes a target its phrase names: "an arms embargo against Moscow"
        const t = nounTarget(doc, np, pps, src);
        if (t) targets.push(t);
      }
      const pairs: [Mention, Mention | null][] = symmetricParties
        ? symmetricParties.flatMap((a) =>
            symmetricParties!.filter((b) => b !== a).map((b): [Mention, Mention] => [a, b]),
          )
        : (targets.length ? targets : [null]).map((t): [Mention, Mention | null] => [src!, t]);
      for (const [from, target] of pairs) {
        if (target && target.actor.code === from.actor.code) continue;
        emit(candidates, {
          sent,
          pattern: p,
          source: from,
          target,
          modality: modality[0],
          modalityWhy: modality[1],
          trigger: { start: head.start, end: head.end },
          tokStart: Math.min(
            np.start,
            src.tokStart >= doc.sentences[sent]!.tokStart ? src.tokStart : np.start,
          ),
          tokEnd: end,
          confidence: confidenceFor(clause, src, target, true),
          extraEntries: [],
          heads: [np.head, ...(owner ? [owner.head] : []), ...jointHeads, ...partHeads(doc, np, src)],
          ...nounPatient(doc, np),
          ...ownDateOf(doc, np),
        });
      }
      break;
    }
  }
  eventAnaphora(doc, ctx, candidates);
  protestPurposes(doc, candidates);
  expressedIntents(doc, candidates);
  cueEvents(doc, ctx, candidates);
  // events riposte derives from others (a reported "must", a call for hostile action, a conditional threat, a
  // stated intention or refusal); PETRARCH's conventions code only what its patterns name
  if (ctx.lex.source.conventions !== 'petrarch') {
    reportedDemands(doc, candidates);
    hostileAppeals(candidates);
    conditionalThreats(doc, candidates);
    statedIntentions(doc, candidates);
    statedRefusals(doc, candidates);
  }
  patientsFromGoverned(doc, candidates);
  conditionAddressees(doc, candidates);
  hostileCommitments(doc, candidates);
  if (ctx.lex.source.conventions !== 'petrarch') {
    mediatedParties(doc, candidates);
    rejectedRequests(doc, candidates);
    ownAttacksClaimed(doc, candidates);
    claimedAttacks(doc, candidates);
    peacekeepingContributions(doc, candidates);
    concessionCounterparts(candidates);
    placeTargets(doc, candidates);
  }
  doc.events = toRecords(doc, ctx, candidates);
}

/**
 * CAMEO families whose action falls on, or is asked of, the people of a place when the sentence names no one else:
 * appeals (02), intents to cooperate (03), aid (07), easing, ceasefires and withdrawals (08), demands, disapproval,
 * rejections and threats (10–13), repression (17), assaults (18), fighting (19), mass violence (20). Statements,
 * meetings and diplomatic or material cooperation (01, 04–06) need a named counterpart; protests (14) happen in a
 * place without being aimed at it; force postures and cuts in relations (15, 16) name whom they are aimed at.
 */
const PLACE_AIMED = /^(02|03|07|08|10|11|12|13|17|18|19|20)/;
/** verbs of saying one did something, when what one did is violence: a claim of responsibility */
const CLAIM_VERBS = new Set(['claim', 'boast', 'admit', 'acknowledge']);

/**
 * "The rebels claimed that they had attacked two army camps": saying one carried out an attack is claiming
 * responsibility for it (015, aimed where the attack was). The attack stays an event, with less confidence: only
 * its perpetrator vouches for it.
 */
function ownAttacksClaimed(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const byTrigger = firstByTrigger(candidates);
  for (const child of doc.clauses) {
    if (child.role !== 'complement' || child.parent === undefined) continue;
    const parent = doc.clauses[child.parent]!;
    if (!CLAIM_VERBS.has(parent.verb.lemma) || parent.verb.negated) continue;
    const attack = byTrigger.get(toks[child.vgStart]!.start);
    if (!attack || !/^(18|19|20)/.test(attack.pattern.code) || attack.modality !== 'asserted') continue;
    const source = sourceOf(doc, parent);
    if (!source || byTrigger.has(toks[parent.vgStart]!.start)) continue;
    const own =
      attack.source === source ||
      attack.source.actor.code === source.actor.code ||
      (attack.source.antecedent !== undefined && doc.mentions[attack.source.antecedent] === source);
    if (!own) continue;
    candidates.push({
      ...attack,
      pattern: derivedPattern(
        '015',
        parent.verb.lemma,
        `rule:claimed-own-attack ${attack.pattern.code} → 015`,
      ),
      source,
      trigger: { start: toks[parent.vgStart]!.start, end: toks[parent.vgEnd - 1]!.end },
      tokStart: parent.start,
      extraEntries: [...attack.extraEntries],
      heads: clauseHeads(doc, parent),
    });
    attack.confidence = Math.max(0.3, attack.confidence - 0.1);
  }
}

/** what weapons and armed forces strike ("missiles struck a rebel-held area") */
const STRIKERS = new Set([
  ...WEAPON_NOUNS,
  'warplane',
  'jet',
  'aircraft',
  'plane',
  'helicopter',
  'bomber',
  'airstrike',
  'gunship',
]);
const STRUCK_PLACES = new Set([
  'area',
  'position',
  'target',
  'base',
  'camp',
  'town',
  'village',
  'city',
  'district',
  'neighbourhood',
  'neighborhood',
  'hideout',
  'stronghold',
  'convoy',
  'checkpoint',
  'facility',
  'depot',
  'airport',
  'port',
]);

/** attacks one claims responsibility for */
const ATTACK_NOUNS = new Set([
  'attack',
  'bombing',
  'blast',
  'explosion',
  'strike',
  'airstrike',
  'assault',
  'raid',
  'ambush',
  'shooting',
  'killing',
  'murder',
  'assassination',
  'abduction',
  'kidnapping',
  'arson',
  'act',
  'operation',
]);
const AIMED_AT = new Set(['on', 'against', 'at', 'targeting', 'upon']);

/**
 * "The Houthis claimed responsibility for a drone attack on the government army's sites": a claim of
 * responsibility is aimed at whoever the claimed attack was aimed at — the actor after "on/against/at" in the
 * attack's phrase, else the place it happened in ("several attacks in Rwanda's Southern Province").
 */
function claimedAttacks(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const { npAt } = chunkIndex(doc);
  for (const c of candidates) {
    if (c.pattern.code !== '015') continue;
    const sent = doc.sentences[c.sent]!;
    let k = tokenAt(doc, c.trigger.start);
    if (k === undefined) continue;
    // "claimed responsibility for": the attack phrase after "for"
    while (
      (k < sent.tokEnd && toks[k]!.norm !== 'for' && toks[k]!.pos !== 'VERB') ||
      k === tokenAt(doc, c.trigger.start)
    )
      k++;
    if (toks[k]?.norm !== 'for') continue;
    const attack = npAt.get(k + 1);
    if (!attack) continue;
    let heads = [attack.head];
    let end = attack.end;
    // "missile and drone attack", "an act of arson"
    while ((toks[end]?.norm === 'and' || toks[end]?.norm === 'or') && npAt.get(end + 1)) {
      const next = npAt.get(end + 1)!;
      heads = [...heads, next.head];
      end = next.end;
    }
    if (toks[end]?.norm === 'of' && npAt.get(end + 1)) {
      const inner = npAt.get(end + 1)!;
      heads = [...heads, inner.head];
      end = inner.end;
    }
    if (!heads.some((h) => ATTACK_NOUNS.has(toks[h]!.lemma))) continue;
    const mentions = mentionsBySentence(doc).get(c.sent) ?? [];
    let target: Mention | undefined;
    for (let j = end; j < sent.tokEnd && !target; ) {
      const prep = toks[j]!.norm;
      if (toks[j]!.pos === 'VERB' && prep !== 'targeting') break;
      const np = npAt.get(j + 1);
      if (!np || !(AIMED_AT.has(prep) || IN_PLACE.has(prep))) break;
      const m = mentions.find((x) => x.tokStart >= np.start && x.tokEnd <= np.end && x.actor.country);
      if (m && AIMED_AT.has(prep) && !m.locative) target = m;
      else if (m && IN_PLACE.has(prep) && m.locative && !m.actor.code.startsWith('---'))
        target = countryOfPlace(m);
      j = np.end;
    }
    if (!target || target.actor.code === c.source.actor.code) continue;
    c.target = target;
    c.extraEntries.push('rule:claimed-attack (a claim is aimed where the claimed attack was)');
  }
}

/**
 * "launched a mediation effort to resolve the rift between Qatar and other Gulf states", "… to help the Government
 * and the secessionists reach a settlement": a mediation with no target is aimed at the parties it mediates between
 * — the pair after "between" in its sentence, else the coordinated object of its purpose clause — one event each.
 */
function mediatedParties(doc: Doc, candidates: Candidate[]): void {
  const extra: Candidate[] = [];
  for (const c of candidates) {
    if (c.target || !c.pattern.code.startsWith('045')) continue;
    const after = tokenAt(doc, c.trigger.start) ?? 0;
    const clauses = clausesBySentence(doc).get(c.sent) ?? [];
    const between = clauses
      .flatMap((k) => k.pps)
      .find((x) => x.prep === 'between' && x.start > after && x.coord?.length);
    const purpose = clauses.find(
      (k) => k.vgStart > after && k.verb.form !== 'finite' && k.object?.coord?.length,
    );
    const pair: Argument | undefined = between ?? purpose?.object;
    if (!pair) continue;
    const parties = [pair, ...(pair.coord ?? [])]
      .map((a) => actorMention(doc, a))
      .filter((m): m is Mention => !!m && m.actor.code !== c.source.actor.code);
    if (parties.length === 0) continue;
    c.target = parties[0]!;
    c.extraEntries.push('rule:mediated-parties (a mediation is aimed at the parties it mediates between)');
    for (const m of parties.slice(1)) extra.push({ ...c, target: m, extraEntries: [...c.extraEntries] });
  }
  candidates.push(...extra);
}

/**
 * "Truck drivers called off their strike after reaching agreement with the government": a concession (08x) that
 * names no target is made to the party its source agreed or talked with in the same sentence (03x–05x).
 */
function concessionCounterparts(candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.target || !c.pattern.code.startsWith('08')) continue;
    const deal = candidates.find(
      (x) =>
        x !== c &&
        x.sent === c.sent &&
        x.target &&
        x.source.actor.code === c.source.actor.code &&
        /^0[345]/.test(x.pattern.code) &&
        x.modality !== 'negated',
    );
    if (!deal?.target) continue;
    c.target = deal.target;
    c.extraEntries.push('rule:concession-counterpart (made to the party its source agreed with)');
  }
}

/**
 * "Mr. Sisi rejected appeals to release Aya Hijazi", "a German court rejected an extradition request for Carles
 * Puigdemont": a rejection (12x) of a request with no target of its own concerns whom the request is about — the
 * target of the action requested (the event of the infinitive after the request), else the actor its "for" phrase
 * names.
 */
function rejectedRequests(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const byTrigger = firstByTrigger(candidates);
  for (const c of candidates) {
    const patient = c.patient;
    if (c.target || !c.pattern.code.startsWith('12') || !patient) continue;
    if (!REQUEST_NOUNS.has(toks[patient.end - 1]!.lemma)) continue;
    let target: Mention | undefined;
    // the requested action: a clause whose verb group starts right after the request ("appeals to release …")
    const next = (clausesBySentence(doc).get(c.sent) ?? []).find(
      (k) => k.verb.form === 'infinitive' && (k.vgStart === patient.end || k.vgStart === patient.end + 1),
    );
    const requested = next ? byTrigger.get(toks[next.vgStart]!.start) : undefined;
    if (requested?.target && requested.target.actor.code !== c.source.actor.code) target = requested.target;
    // "a request for Carles Puigdemont"
    if (!target && toks[patient.end]?.norm === 'for') {
      const np = chunkIndex(doc).npAt.get(patient.end + 1);
      const m = np
        ? (mentionsBySentence(doc).get(c.sent) ?? []).find(
            (x) => x.tokStart >= np.start && x.tokEnd <= np.end && !x.locative && x.actor.country,
          )
        : undefined;
      if (m && m.actor.code !== c.source.actor.code) target = m;
    }
    if (!target) continue;
    c.target = target;
    c.extraEntries.push('rule:rejected-request (concerns whom the request is about)');
  }
}

/** what sends a weapon or a force on its way: "missiles fired by …", "troops sent by …" */
const SENT_OFF = new Set([
  'fire',
  'launch',
  'send',
  'deploy',
  'drop',
  'dispatch',
  'shoot',
  'lob',
  'plant',
  'detonate',
]);

/** the bodies a peacekeeping contribution goes to: "the UN peacekeeping mission", "an AU stabilisation force" */
const MISSION_HEADS = new Set(['mission', 'force', 'forces', 'operation', 'contingent', 'deployment']);
const MISSION_KINDS = /^(peacekeeping|peace-keeping|stabili[sz]ation|monitoring|observer)$/;

/**
 * "Britain is deploying 300 troops to the UN peacekeeping mission in Mali": troops, money or support sent to a
 * peacekeeping mission are a contribution to peacekeeping (CAMEO 074, not a mobilisation, 15x) and go to the
 * country the mission is in, when the phrase names it; the mission's organisation is only the channel.
 */
function peacekeepingContributions(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  for (const c of candidates) {
    // troops do not pay visits: armed forces arriving somewhere are deployed there, peacekeepers to keep the peace
    if (c.pattern.code === '042' && c.source.actor.types.includes('MIL')) {
      const words = doc.tokens.slice(c.source.tokStart, c.source.tokEnd);
      const keepers = words.some((t) => /^peace-?keep/.test(t.norm));
      c.pattern = {
        ...c.pattern,
        code: keepers ? '074' : '154',
        id: `${c.pattern.id} (armed forces arriving → ${keepers ? '074' : '154'})`,
      };
    }
    // a force sent "on a peacekeeping mission" is sent to keep the peace, wherever it goes
    if (c.pattern.code.startsWith('15') && onMission(doc, c)) {
      c.pattern = { ...c.pattern, code: '074', id: `${c.pattern.id} (on a peacekeeping mission → 074)` };
    }
    const t = c.target;
    if (!t || t.locative) continue;
    let mission = -1;
    for (let k = t.tokStart; k < t.tokEnd; k++) if (MISSION_KINDS.test(toks[k]!.norm)) mission = k;
    if (mission < 0) continue;
    let head = mission + 1;
    while (head < t.tokEnd - 1 && !MISSION_HEADS.has(toks[head]!.lemma)) head++;
    if (!MISSION_HEADS.has(toks[head]?.lemma ?? '')) continue;
    if (c.pattern.code.startsWith('15'))
      c.pattern = { ...c.pattern, code: '074', id: `${c.pattern.id} (sent to a peacekeeping mission → 074)` };
    const k = head + 1;
    if (!IN_PLACE.has(toks[k]?.norm ?? '')) continue;
    const from = k + 1;
    const place = (mentionsBySentence(doc).get(c.sent) ?? []).find(
      (m) =>
        m.tokStart >= from &&
        m.tokStart <= from + 2 &&
        m.actor.country &&
        !m.actor.code.startsWith('---') &&
        toks.slice(from, m.tokStart).every((x) => PLACE_QUALIFIERS.test(x.norm)),
    );
    if (!place || place.actor.country === c.source.actor.country) continue;
    c.target = countryOfPlace(place);
    c.extraEntries.push(
      'rule:peacekeeping-host (a mission in a country: its contribution goes to that country)',
    );
  }
}

/** A peacekeeping mission, force or operation named after the trigger in the event's sentence. */
function onMission(doc: Doc, c: Candidate): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[c.sent]!;
  const from = tokenAt(doc, c.trigger.start);
  if (from === undefined) return false;
  let k = from + 1;
  while (k < sent.tokEnd && toks[k]!.end <= c.trigger.end) k++;
  for (; k < sent.tokEnd - 1; k++) {
    // (not past another clause: "… while the UN peacekeeping mission stayed")
    if (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX' || toks[k]!.pos === 'SCONJ') return false;
    if (!MISSION_KINDS.test(toks[k]!.norm) || toks[k]!.norm === 'monitoring' || toks[k]!.norm === 'observer')
      continue;
    if (MISSION_HEADS.has(toks[k + 1]!.lemma) || MISSION_HEADS.has(toks[k + 2]?.lemma ?? '')) return true;
  }
  return false;
}

/** An agent whose country no word of its own names ("Officials", "the ministry"): it came from the context. */
function countryFromContext(doc: Doc, src: Mention): boolean {
  if (src.via !== 'agent') return false;
  return !(mentionsBySentence(doc).get(doc.tokens[src.tokStart]!.sent) ?? []).some(
    (x) =>
      x !== src &&
      x.tokStart >= src.tokStart &&
      x.tokEnd <= src.tokEnd &&
      x.actor.country === src.actor.country,
  );
}

/** A place as a target: its country (a capital named as the place stands for its country, not its government). */
function countryOfPlace(m: Mention): Mention {
  return m.actor.code === m.actor.country
    ? m
    : { ...m, actor: { ...m.actor, code: m.actor.country!, types: [] } };
}

/** people named by where they are ("81 people in Nigeria", "civilians in Idlib") */
const PEOPLE_OF_PLACE = new Set([
  'people',
  'person',
  'civilian',
  'resident',
  'villager',
  'inhabitant',
  'worshipper',
  'passenger',
  'pilgrim',
  'child',
  'woman',
  'man',
  'family',
  'household',
  'individual',
  'population',
  'refugee',
  'migrant',
  'student',
  'protester',
  'demonstrator',
  'worker',
  'farmer',
  'fisherman',
  'soldier',
  'troop',
  'policeman',
  'militant',
  'fighter',
  'rebel',
  'those',
]);
/** prepositions that put an action inside a place */
const IN_PLACE = new Set(['in', 'inside', 'throughout', 'across']);
/** words allowed between such a preposition and the place: "in northern Mexico", "in the east of" is not */
const PLACE_QUALIFIERS =
  /^(the|northern|southern|eastern|western|north|south|east|west|central|northeastern|northwestern|southeastern|southwestern|north-eastern|north-western|south-eastern|south-western|northeast|northwest|southeast|southwest|war-torn|rebel-held|neighbouring|neighboring)$/;

/**
 * "Four bombers killed 52 people in London", "aid to 1.5 million people … in Haiti", "mass killings throughout the
 * Central African Republic": an aid, easing or violent event that names no target actor is aimed at the place where
 * it happens, when that place has a country and is named in the event's own clause after its trigger (no other
 * verb in between), or frames the sentence ("In Colombia, the ELN declared a ceasefire"). GDELT and ICEWS code
 * such events the same way (the second actor is the place's country).
 */
function placeTargets(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  for (const c of candidates) {
    // "recalled its ambassador from Moscow": a recall is from the country the envoy was posted to
    const recall = c.pattern.words[0] === 'recall' && c.pattern.code.startsWith('16');
    if (c.target || (!PLACE_AIMED.test(c.pattern.code) && !recall)) continue;
    // an object that names an actor is the target's business, not the place's ("attacked an Afghan army base")
    const patient = c.patient;
    if (
      patient &&
      (mentionsBySentence(doc).get(c.sent) ?? []).some(
        (m) =>
          !m.locative &&
          m.actor.country &&
          // (the source's own people are no target: "recalled its ambassador from Moscow")
          m.actor.country !== c.source.actor.country &&
          m.tokStart >= patient.start &&
          m.tokEnd <= patient.end,
      )
    )
      continue;
    const sent = doc.sentences[c.sent]!;
    let after = tokenAt(doc, c.trigger.start);
    if (after === undefined) continue;
    while (toks[after + 1] && toks[after + 1]!.end <= c.trigger.end) after++;
    let place: Mention | undefined;
    let placePrep = -1;
    for (const m of mentionsBySentence(doc).get(c.sent) ?? []) {
      if (!m.locative || !m.actor.country || m.actor.code.startsWith('---')) continue;
      let k = m.tokStart - 1;
      while (k > sent.tokStart && PLACE_QUALIFIERS.test(toks[k]!.norm)) k--;
      // "pounded the rebel-held enclave of eastern Ghouta": a place noun's "of" names the place too
      const ofPlace = toks[k]?.norm === 'of' && k > 0 && PLACE_NOUNS.has(toks[k - 1]!.lemma);
      // a withdrawal or retreat is from a place: "will withdraw its troops from Niger"
      const fromPlace = toks[k]?.norm === 'from' && (/^087/.test(c.pattern.code) || recall);
      if (!IN_PLACE.has(toks[k]?.norm ?? '') && !ofPlace && !fromPlace) continue;
      const framing = k === sent.tokStart && toks[m.tokEnd]?.norm === ',' && m.tokEnd <= c.tokStart;
      if (!framing) {
        if (m.tokStart <= after) continue;
        // another clause in between ("resigned after unrest sparked by elections in Kyrgyzstan") owns the place;
        // a participle between a preposition and its noun ("in coordinated attacks") is no clause
        let crossed = false;
        for (let j = after + 1; j < k && !crossed; j++) {
          const t = toks[j]!;
          if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
          crossed = !(toks[j - 1]?.pos === 'ADP' && toks[j + 1]?.pos === 'NOUN' && /(ed|en)$/.test(t.norm));
        }
        if (crossed) continue;
      }
      // a place that told whose the source is says where it acted, not at whom ("officials rejected the treaty at a
      // meeting in Alexandria": the officials are Egyptian because of Alexandria)
      if (m.actor.country === c.source.actor.country && countryFromContext(doc, c.source)) continue;
      // the place of the source ("released by rebel forces in Tripoli") says where the source is
      if (k === c.source.tokEnd) continue;
      place = m;
      placePrep = k;
      break;
    }
    if (!place) continue;
    c.target = countryOfPlace(place);
    // the people the action fell on, named with their place, are the target's phrase ("killed 81 people in Nigeria")
    if (
      patient &&
      patient.start < placePrep &&
      (patient.end === placePrep || patient.end === place.tokEnd) &&
      PEOPLE_OF_PLACE.has(toks[placePrep - 1]!.lemma)
    )
      c.targetPhrase = { start: patient.start, end: place.tokEnd };
    c.extraEntries.push('rule:place-target (no target actor: the place it happens in)');
  }
}

/** nouns of letting people go: asked of whoever holds them */
const RELEASE_NOUNS = new Set(['release', 'freeing', 'liberation', 'handover', 'return']);
/** arrest, detention, abduction, hostage-taking (CAMEO 173, 1711?, 181) */
const HOLDING_CODES = /^(173|174|181|1711)/;

/** The first candidate of each trigger (by the trigger's start offset): the event a verb group or noun heads. */
function firstByTrigger(candidates: readonly Candidate[]): Map<number, Candidate> {
  const out = new Map<number, Candidate>();
  for (const x of candidates) if (!out.has(x.trigger.start)) out.set(x.trigger.start, x);
  return out;
}

/** The clause of each verb group, by the start offset of its first token (a candidate's trigger start). */
function clauseByTrigger(doc: Doc): Map<number, Clause> {
  const out = new Map<number, Clause>();
  for (const c of doc.clauses) out.set(doc.tokens[c.vgStart]!.start, c);
  return out;
}

/**
 * "Belgrade condemned the arrests": a definite event noun as the object of a targetless reaction refers back to an
 * event already reported; the reaction is aimed at that event's source.
 */
function eventAnaphora(doc: Doc, ctx: CoderContext, candidates: Candidate[]): void {
  const toks = doc.tokens;
  // one pass in text order, remembering the asserted events of each root so far
  const byRoot = new Map<string, Candidate[]>();
  for (const x of [...candidates].sort((u, v) => u.trigger.start - v.trigger.start)) {
    const definite =
      x.objectSpan && /^(the|this|that|these|those|its|their)$/.test(toks[x.objectSpan.start]!.norm);
    // "demanded their release": a release is asked of whoever holds them — the source of the latest arrest,
    // detention or abduction — not of the people released (who stay the event's object)
    if (definite && RELEASE_NOUNS.has(toks[x.objectSpan!.end - 1]!.lemma)) {
      const inObject =
        x.target && x.target.tokStart >= x.objectSpan!.start && x.target.tokEnd <= x.objectSpan!.end;
      const held = [...(byRoot.get('17') ?? []), ...(byRoot.get('18') ?? [])]
        .filter((e) => HOLDING_CODES.test(e.pattern.code) && e.source.actor.code !== x.source.actor.code)
        .sort((u, v) => u.trigger.start - v.trigger.start)
        .pop();
      if (held && (!x.target || inObject)) {
        x.target = held.source;
        if (x.modality === 'asserted') pushTo(byRoot, x.pattern.code.slice(0, 2), x);
        continue;
      }
    }
    if (!x.target && definite) {
      const head = toks[x.objectSpan!.end - 1]!;
      let earlier: Candidate | undefined;
      for (const p of ctx.lex.nouns.get(head.lemma) ?? []) {
        const list = byRoot.get(p.code.slice(0, 2)) ?? [];
        // (of the noun's own kind: "restore the ceasefire" does not repeat a release coded just before)
        const kind = p.code.length > 2 ? p.code.slice(0, 3) : p.code;
        for (let k = list.length - 1; k >= 0 && !earlier; k--)
          if (list[k]!.source.actor.code !== x.source.actor.code && list[k]!.pattern.code.startsWith(kind))
            earlier = list[k];
        if (earlier) break;
      }
      // "mocked the sanctions imposed by Washington": an action of the same kind on "the sanctions" is that event
      // told again, aimed where it was; a reaction ("condemned the arrests") is aimed at the earlier source
      if (earlier)
        x.target =
          earlier.pattern.code.slice(0, 2) === x.pattern.code.slice(0, 2) ? earlier.target : earlier.source;
    }
    if (x.modality === 'asserted') pushTo(byRoot, x.pattern.code.slice(0, 2), x);
  }
}

/**
 * A governing verb that is an event in its own right (modality cues with `:code=`, docs/dictionaries.md):
 * "Putin refused to expel …" (120), "Tehran denied any role" (016), "Hamas threatened to kill …" (130),
 * "the EU envoy proposed that Serbia and Kosovo hold talks" (020) — coded when no verb pattern of its own matched,
 * aimed at its object, else at the target or the subject of the action it governs.
 */
function cueEvents(doc: Doc, ctx: CoderContext, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const byTrigger = firstByTrigger(candidates);
  const childOf = new Map<number, Clause>();
  for (const k of doc.clauses)
    if (
      k.parent !== undefined &&
      !childOf.has(k.parent) &&
      (k.role === 'complement' || k.verb.form !== 'finite')
    )
      childOf.set(k.parent, k);
  for (const c of doc.clauses) {
    if (byTrigger.has(toks[c.vgStart]!.start)) continue;
    const cue = findCue(ctx, doc, c.head);
    if (!cue?.code) continue;
    const source = sourceOf(doc, c);
    if (!source) continue;
    const child = childOf.get(c.i);
    const childEvent = child ? byTrigger.get(toks[child.vgStart]!.start) : undefined;
    const childSubject =
      child && child.subjectFrom === 'explicit' ? actorMention(doc, child.subject) : undefined;
    let target = actorMention(doc, c.object) ?? childEvent?.target ?? childSubject ?? null;
    if (target && target.actor.code === source.actor.code) target = null;
    const modality = ownModality(doc, c);
    candidates.push({
      sent: c.sent,
      pattern: derivedPattern(
        cue.code,
        c.verb.lemma,
        `rule:cue-event ${cue.words.join(' ')} :code=${cue.code} (${cue.source.file}:${cue.source.line})`,
      ),
      source,
      target,
      modality: modality[0],
      modalityWhy: modality[1],
      trigger: { start: toks[c.vgStart]!.start, end: toks[c.vgEnd - 1]!.end },
      tokStart: c.start,
      tokEnd: c.end,
      confidence: confidenceFor(c, source, target, false) - 0.05,
      extraEntries: [],
      heads: clauseHeads(doc, c),
      ...cuePatient(doc, c, cue.words, childEvent),
    });
  }
}

/** What an event noun is done to: its "of" phrase ("the expulsion of 35 diplomats"), else what it is aimed at. */
function nounPatient(doc: Doc, np: NP): { patient?: { start: number; end: number } } {
  if (np.of !== undefined) {
    const of = doc.chunks[np.of] as NP;
    return { patient: fullPhrase(doc, of.start, of.end) };
  }
  const aimed = aimedPhraseAfter(doc, np.end) ?? placeAfter(doc, np.end);
  if (aimed) return { patient: aimed };
  // "a car bombing by the group killed at least 75 people": an event that is a clause's subject did its object
  const owner = (clausesBySentence(doc).get(doc.tokens[np.head]!.sent) ?? []).find(
    (c) => c.subject?.start === np.start && c.subjectFrom === 'explicit' && c.verb.voice === 'active',
  );
  return owner?.object ? { patient: fullPhrase(doc, owner.object.start, owner.object.end) } : {};
}

/** verbs of commitment whose bare pattern codes an intent to cooperate (030) */
const COMMITTING = new Set(['vow', 'pledge', 'promise', 'swear', 'commit']);

/**
 * "Hamas vowed to fight Israel": a commitment to a hostile action (roots 13–20) is no intent to cooperate but a
 * threat of that action (13x by its kind, aimed where the action is); the action keeps its intended event. A
 * commitment to another verbal act (roots 10–12) codes nothing of its own.
 */
function hostileCommitments(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const clauseAt = new Map<number, Clause>();
  for (const c of doc.clauses) clauseAt.set(toks[c.vgStart]!.start, c);
  const drop = new Set<Candidate>();
  for (const x of candidates) {
    if (x.pattern.code !== '030' || x.pattern.kind !== 'verb' || !COMMITTING.has(x.pattern.words[0]!))
      continue;
    const c = clauseAt.get(x.trigger.start);
    if (!c) continue;
    const action = candidates.find((y) => {
      const k = clauseAt.get(y.trigger.start);
      return k?.parent === c.i && y.modality !== 'negated' && Number(y.pattern.code.slice(0, 2)) >= 10;
    });
    if (!action) continue;
    const code = action.pattern.code;
    const threat = THREAT_CODE[code] ?? THREAT_CODE[code.slice(0, 3)] ?? THREAT_CODE[code.slice(0, 2)];
    if (!threat || threat.startsWith('13') === false) {
      drop.add(x);
      continue;
    }
    x.pattern = derivedPattern(
      threat,
      x.pattern.words[0]!,
      `rule:hostile-commitment ${x.pattern.words[0]} + ${code} → ${threat}`,
    );
    x.target = action.target;
  }
  if (drop.size) candidates.splice(0, candidates.length, ...candidates.filter((x) => !drop.has(x)));
}

/**
 * A threat whose target names no country is aimed at whoever its condition names: "threatened to kill them if
 * Israel struck civilian homes" threatens Israel (the captives stay the object).
 */
function conditionAddressees(doc: Doc, candidates: Candidate[]): void {
  for (const x of candidates) {
    if (!x.pattern.code.startsWith('13') || x.target?.actor.country) continue;
    for (const k of clausesBySentence(doc).get(x.sent) ?? []) {
      if (!k.subject || k.subjectFrom !== 'explicit' || k.start < x.tokStart) continue;
      if (!/^(if|unless)$/.test(doc.tokens[k.subject.start - 1]?.norm ?? '')) continue;
      const m = actorMention(doc, k.subject);
      if (m?.actor.country && m.actor.country !== x.source.actor.country) {
        if (x.target && !x.patient) x.patient = { start: x.target.tokStart, end: x.target.tokEnd };
        x.target = m;
        break;
      }
    }
  }
}

/**
 * An event aimed at nothing it names itself takes what the action it governs is done to: "agreed to lift the ban
 * on British beef", "refused to join the NATO exercises".
 */
function patientsFromGoverned(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const byTrigger = firstByTrigger(candidates);
  for (const k of doc.clauses) {
    if (k.parent === undefined || (k.role !== 'complement' && k.verb.form !== 'infinitive')) continue;
    const gov = byTrigger.get(toks[doc.clauses[k.parent]!.vgStart]!.start);
    if (!gov || gov.target || gov.patient) continue;
    const child = byTrigger.get(toks[k.vgStart]!.start);
    if (child?.patient) gov.patient = child.patient;
    else if (child?.target) gov.patient = { start: child.target.tokStart, end: child.target.tokEnd };
  }
}

/**
 * What an event-coding cue is about: its object ("vetoed the draft resolution"), the phrase its own preposition
 * governs, or what that phrase is aimed at ("called for sanctions against Turkey"), else what the action it governs
 * is done to ("agreed to lift the ban on British beef").
 */
function cuePatient(
  doc: Doc,
  c: Clause,
  cueWords: readonly string[],
  child: Candidate | undefined,
): { patient?: { start: number; end: number } } {
  if (c.object) {
    // "considering sending aid to Mahmoud Abbas": an action named by a gerund is aimed where its phrase says
    const aimed = gerundAim(doc, c.object);
    if (aimed) return { patient: aimed };
    // "sought refuge in Bangladesh": a place sought is where they go
    if (REFUGE_NOUNS.has(doc.tokens[c.object.head]!.lemma)) {
      const where = placeAfter(doc, c.object.end) ?? aimedPhraseAfter(doc, c.object.end);
      if (where) return { patient: where };
    }
    return { patient: fullPhrase(doc, c.object.start, c.object.end) };
  }
  const own = cueWords.length > 1 ? c.pps.find((x) => x.prep === cueWords[cueWords.length - 1]) : undefined;
  if (own) return { patient: aimedPhraseAfter(doc, own.end) ?? fullPhrase(doc, own.start, own.end) };
  if (child?.patient) return { patient: child.patient };
  if (child?.target) return { patient: { start: child.target.tokStart, end: child.target.tokEnd } };
  return {};
}

/**
 * What an action named by a gerund object is aimed at: "considering sending aid to Mahmoud Abbas", "giving money
 * to local communities" (the tagger may read the gerund as a noun or an adjective).
 */
function gerundAim(doc: Doc, o: Argument): { start: number; end: number } | undefined {
  const first = doc.tokens[o.start]!;
  if (!/^(VERB|NOUN|ADJ)$/.test(first.pos) || !first.norm.endsWith('ing') || o.end <= first.i + 1)
    return undefined;
  return aimedPhraseAfter(doc, fullPhrase(doc, o.start, o.end).end);
}

/** nouns of asking: accepted, rejected or answered, they concern whoever asked */
const REQUEST_NOUNS = new Set([
  'demand',
  'request',
  'appeal',
  'call',
  'proposal',
  'offer',
  'invitation',
  'ultimatum',
  'condition',
  'plea',
]);

/** what is sought in a place: refuge, asylum, shelter */
const REFUGE_NOUNS = new Set(['refuge', 'asylum', 'shelter', 'sanctuary', 'protection', 'safety']);

/** verbs and adjectives of commitment: "agreed to", "pledged to", "offered to", "is ready to" */
const COMMITMENT = new Set([
  'agree',
  'pledge',
  'promise',
  'offer',
  'vow',
  'commit',
  'undertake',
  'volunteer',
  'consent',
  'ready',
  'willing',
  'prepared',
  'decide',
  'resolve',
]);

/** CAMEO codes the expression of an intention by the root (or code) of the intended cooperative action. */
const INTENT_CODE: Record<string, string> = {
  '03': '030',
  '04': '036',
  '05': '032',
  '06': '031',
  '07': '033',
  '08': '035',
  '045': '039',
  '046': '036',
  '057': '030',
  '061': '0311',
  '062': '0312',
  '063': '0313',
  '064': '0314',
  '071': '0331',
  '072': '0332',
  '073': '0333',
  '074': '0334',
  '081': '0351',
  '083': '0352',
  '084': '0353',
  '085': '0354',
  '086': '0355',
  '087': '0356',
};

function intentCode(code: string): string | undefined {
  return INTENT_CODE[code] ?? INTENT_CODE[code.slice(0, 3)] ?? INTENT_CODE[code.slice(0, 2)];
}

/** An asserted event derived from another (a threat, intention or refusal it states), a little less sure. */
function derivedFrom(x: Candidate, code: string, word: string, rule: string): Candidate {
  return {
    ...x,
    pattern: derivedPattern(code, word, rule),
    modality: 'asserted',
    modalityWhy: '',
    confidence: Math.max(0.05, x.confidence - 0.1),
  };
}

function derivedPattern(code: string, word: string, rule: string): VerbPattern {
  return {
    id: rule,
    kind: 'verb',
    code,
    words: [word],
    slots: [],
    // a derived event names its own kind ("denied", "refused"): it needs no target
    flags: new Set(['nontarget']),
    specificity: 0,
    source: { file: 'src/coder/events.ts', line: 0 },
  };
}

/**
 * CAMEO codes a stated commitment as an event of its own ("agreed to meet" → 036, "pledged aid" → 033): for a
 * cooperative action governed by a verb or adjective of commitment, the expression of the intention is coded too,
 * asserted, from the committing clause; the action itself keeps its intended modality.
 */
function expressedIntents(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const extra: Candidate[] = [];
  const symmetricOf: { trigger: number; partners: Mention[] }[] = [];
  const untargetedOf: { trigger: number; source: Mention }[] = [];
  const byTrigger = new Map<number, Candidate[]>();
  for (const x of candidates) pushTo(byTrigger, x.trigger.start, x);
  for (const c of doc.clauses) {
    if (c.parent === undefined || (c.role !== 'complement' && c.verb.form !== 'infinitive')) continue;
    const parent = doc.clauses[c.parent]!;
    const before = toks[c.vgStart - 1];
    const governor = COMMITMENT.has(parent.verb.lemma)
      ? parent
      : before && before.pos === 'ADJ' && COMMITMENT.has(before.lemma)
        ? parent
        : undefined;
    // a commitment not to act ("vowed not to return the Golan") is a refusal (statedRefusals), no intent
    if (!governor || governor.verb.negated || c.verb.negated) continue;
    const word = COMMITMENT.has(governor.verb.lemma) ? governor.verb.lemma : before!.lemma;
    const own = byTrigger.get(toks[c.vgStart]!.start) ?? [];
    if (own.length === 0) {
      // "Jordan and Britain agreed to undertake joint exercises": an intention to cooperate (030) between the
      // coordinated subjects, or towards the actor the intended action names
      const subj = actorMention(doc, governor.subject);
      if (!subj) continue;
      const others = (governor.subject?.coord ?? [])
        .map((a) => actorMention(doc, a))
        .filter((m): m is Mention => !!m);
      const named =
        actorMention(doc, c.object) ??
        c.pps
          .map((x) => (x.prep === 'with' || x.prep === 'to' ? actorMention(doc, x) : undefined))
          .find(Boolean);
      const pairs: [Mention, Mention][] = others.length
        ? [subj, ...others].flatMap((a, _, all) =>
            all.filter((b) => b !== a).map((b): [Mention, Mention] => [a, b]),
          )
        : named && named.actor.code !== subj.actor.code
          ? [[subj, named]]
          : [];
      for (const [a, b] of pairs)
        extra.push({
          sent: c.sent,
          pattern: derivedPattern('030', word, `rule:expressed-intent ${word} + ${c.verb.lemma} → 030`),
          source: a,
          target: b,
          modality: 'asserted',
          modalityWhy: '',
          trigger: { start: toks[governor.vgStart]!.start, end: toks[governor.vgEnd - 1]!.end },
          tokStart: governor.start,
          tokEnd: c.end,
          confidence: confidenceFor(governor, a, b, false) - 0.1,
          extraEntries: [],
          heads: [governor.head],
        });
      continue;
    }
    for (const x of own) {
      const code = intentCode(x.pattern.code);
      if (!code || !x.target) continue;
      // "Mexico and Canada agreed to lift tariffs on American products": the partners intend an action aimed at a
      // third party; they did not agree with each other, so the symmetric "agree" between them goes
      const partners = [governor.subject, ...(governor.subject?.coord ?? [])]
        .map((a) => actorMention(doc, a))
        .filter((m): m is Mention => !!m);
      if (partners.length > 1 && !partners.includes(x.target))
        symmetricOf.push({ trigger: toks[governor.vgStart]!.start, partners });
      // the intent with its target says what the bare "agreed" said: the targetless 030 of the governor goes
      untargetedOf.push({ trigger: toks[governor.vgStart]!.start, source: x.source });
      extra.push({
        ...x,
        pattern: derivedPattern(code, word, `rule:expressed-intent ${word} + ${x.pattern.code} → ${code}`),
        modality: 'asserted',
        modalityWhy: '',
        trigger: { start: toks[governor.vgStart]!.start, end: toks[governor.vgEnd - 1]!.end },
        heads: [governor.head],
        confidence: Math.max(0.05, x.confidence - 0.05),
      });
    }
  }
  candidates.push(...extra);
  for (const { trigger, source } of untargetedOf)
    for (let i = candidates.length - 1; i >= 0; i--) {
      const x = candidates[i]!;
      if (x.trigger.start === trigger && x.pattern.code === '030' && !x.target && x.source === source)
        candidates.splice(i, 1);
    }
  for (const { trigger, partners } of symmetricOf)
    for (let i = candidates.length - 1; i >= 0; i--) {
      const x = candidates[i]!;
      if (
        x.trigger.start === trigger &&
        x.pattern.code === '030' &&
        x.target &&
        partners.includes(x.source) &&
        partners.includes(x.target)
      )
        candidates.splice(i, 1);
    }
}

/**
 * "Students staged demonstrations to demand reforms by Suharto's government": a protest with no target of its own is
 * aimed where the demand or appeal of its purpose infinitive is, and it, not the purpose, is the main event.
 */
function protestPurposes(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const byTrigger = new Map<number, Candidate[]>();
  for (const x of candidates) pushTo(byTrigger, x.trigger.start, x);
  for (const c of doc.clauses) {
    const protests = (byTrigger.get(toks[c.vgStart]!.start) ?? []).filter(
      (x) => x.pattern.code.startsWith('14') && !x.target,
    );
    if (!protests.length) continue;
    for (const k of doc.clauses) {
      if (k.parent !== c.i || k.verb.form !== 'infinitive') continue;
      for (const y of byTrigger.get(toks[k.vgStart]!.start) ?? []) {
        if (!y.target || !/^(02|10)/.test(y.pattern.code)) continue;
        for (const x of protests) {
          if (x.source.actor.code !== y.source.actor.code) continue;
          x.target = y.target;
          x.confidence = Math.min(0.99, Math.max(x.confidence + 0.1, y.confidence + 0.01));
        }
      }
    }
  }
}

/** verbs that report what their subject holds: "said that", "insisted that", "concluded that" */
const ASSERTING = new Set([
  'say',
  'tell',
  'state',
  'declare',
  'add',
  'announce',
  'reiterate',
  'repeat',
  'insist',
  'stress',
  'emphasize',
  'emphasise',
  'underline',
  'conclude',
  'argue',
  'write',
  'tweet',
]);

/**
 * "Russia said Sudan must return the helicopter": an obligation laid on another actor in a reported statement is
 * a demand (100) from the speaker to that actor; with "should" it is an appeal (020). The action itself stays
 * proposed. Not when the statement is negated or the obliged actor is the speaker ("Iran said it must …").
 */
function reportedDemands(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  for (const c of doc.clauses) {
    if (c.role !== 'complement' || c.parent === undefined || c.verb.negated) continue;
    const modal = c.verb.modal;
    if (modal !== 'must' && modal !== 'should') continue;
    const parent = doc.clauses[c.parent]!;
    if (!ASSERTING.has(parent.verb.lemma) || parent.verb.negated) continue;
    const source = sourceOf(doc, parent);
    const target =
      c.subjectFrom === 'explicit' || c.subjectFrom === undefined ? actorMention(doc, c.subject) : undefined;
    if (!source || !target || source.actor.code.startsWith('---') || !namesActor(doc, c.subject!, target))
      continue;
    // "the French minister said France must cut its deficit": a speaker's own state is no addressee
    if (target.actor.code === source.actor.code || target.actor.code === source.actor.country) continue;
    const code = modal === 'must' ? '100' : '020';
    const modality = ownModality(doc, parent);
    candidates.push({
      sent: c.sent,
      pattern: derivedPattern(
        code,
        parent.verb.lemma,
        `rule:reported-obligation ${parent.verb.lemma} + ${modal} → ${code}`,
      ),
      source,
      target,
      modality: modality[0],
      modalityWhy: modality[1],
      trigger: { start: toks[parent.vgStart]!.start, end: toks[parent.vgEnd - 1]!.end },
      tokStart: parent.start,
      tokEnd: c.end,
      confidence: confidenceFor(parent, source, target, false) - 0.1,
      extraEntries: [],
      heads: [parent.head, c.head],
    });
  }
}

/**
 * True when the argument denotes its actor itself (a name, a role noun, a pronoun), not a thing the actor owns
 * ("Germany's exports", "its economy").
 */
function namesActor(doc: Doc, a: Argument, m: Mention): boolean {
  const head = doc.tokens[a.head]!;
  return m.via === 'agent' || m.via === 'pronoun' || head.pos === 'PROPN' || head.pos === 'PRON';
}

/**
 * "Netanyahu called for sanctions against the court", "called for the arrest of the general": an appeal with no
 * addressee that asks for a hostile action against an actor is a disapproval (110) of that actor, asserted; the
 * action itself stays proposed.
 */
function hostileAppeals(candidates: Candidate[]): void {
  const extra: Candidate[] = [];
  for (const x of candidates) {
    // an unidentified caller ("opposition lawmakers called for sanctions") says too little to code
    if (
      x.modality !== 'asserted' ||
      !x.pattern.code.startsWith('02') ||
      x.source.actor.code.startsWith('---')
    )
      continue;
    // (an appeal "aimed" at the very actor the hostile action is against was not addressed to it)
    const asked = candidates.find(
      (y) =>
        y.sent === x.sent &&
        y.modality === 'proposed' &&
        y.target !== null &&
        /^(1[3-9]|20)/.test(y.pattern.code) &&
        y.source.actor.code === x.source.actor.code &&
        y.target.actor.code !== x.source.actor.code &&
        (x.target === null || x.target.actor.code === y.target.actor.code),
    );
    if (!asked) continue;
    extra.push({
      ...x,
      pattern: derivedPattern('110', x.pattern.words[0]!, `rule:hostile-appeal ${asked.pattern.code} → 110`),
      target: asked.target,
      // with a target of its own the appeal would score 0.1 higher (confidenceFor); less 0.05 for the derivation
      confidence: Math.min(0.99, x.confidence + (x.target ? 0.01 : 0.05)),
    });
  }
  candidates.push(...extra);
}

/** CAMEO threat codes by the root (or code) of the action threatened */
const THREAT_CODE: Record<string, string> = {
  '0874': '136',
  '14': '133',
  '15': '138',
  '16': '131',
  '161': '1313',
  '162': '1311',
  '163': '1312',
  '164': '134',
  '165': '135',
  '166': '136',
  '17': '137',
  '172': '132',
  '1723': '1323',
  '1724': '1324',
  '18': '138',
  '19': '138',
  '20': '138',
};

/**
 * "Nigeria will withdraw its force unless Goukouni arranges a ceasefire": a hostile action announced for the future
 * and made to depend on another's conduct with "unless" is a threat (13x by the action's kind), asserted; the
 * action itself keeps its own modality.
 */
function conditionalThreats(doc: Doc, candidates: Candidate[]): void {
  const toks = doc.tokens;
  const extra: Candidate[] = [];
  // a sentence whose own verb already codes the threat ("threatened to launch … unless") needs no second one
  const threatened = new Set(candidates.filter((x) => x.pattern.code.startsWith('13')).map((x) => x.sent));
  for (const x of candidates) {
    if (x.modality !== 'intended' && x.modality !== 'hypothetical') continue;
    if (x.pattern.kind !== 'verb' || threatened.has(x.sent)) continue;
    const code = x.pattern.code;
    const threat = THREAT_CODE[code] ?? THREAT_CODE[code.slice(0, 3)] ?? THREAT_CODE[code.slice(0, 2)];
    if (!threat) continue;
    const s = doc.sentences[x.sent]!;
    // the "unless" follows the action's own trigger ("unless the army attacks" does not threaten the attack)
    let unless = -1;
    for (let t = s.tokStart; t < s.tokEnd && unless < 0; t++)
      if (toks[t]!.norm === 'unless' && toks[t]!.start >= x.trigger.end) unless = t;
    if (unless < 0) continue;
    extra.push(
      derivedFrom(x, threat, toks[unless]!.norm, `rule:conditional-threat ${code} + unless → ${threat}`),
    );
  }
  candidates.push(...extra);
}

/** why an action is intended when its actor announces it: a plain future, or a verb or adjective of resolve */
const ANNOUNCED =
  /^(future "will"|reported future "would"|governed by "(be )?(plan|plans|planned|planning|intends?|intended|prepared?|ready|willing|vows?|vowed|swore|sworn|swears?|pledged?|pledges|promised?|promises|commits?|committed|agreed?|agrees|offered|offers?|volunteered|determined|poised|resolved))/i;

/** verbs of belief and expectation: what follows is someone's view of another's future, not an announcement */
const BELIEVING = new Set([
  'believe',
  'think',
  'fear',
  'expect',
  'hope',
  'worry',
  'doubt',
  'predict',
  'suspect',
  'deny',
  'estimate',
  'speculate',
  'forecast',
  'warn',
  'assume',
  'guess',
]);

/**
 * True when the clause states its actor's own plan: a main clause not attributed to another actor ("Russia will
 * attack, the Pentagon warned" is the Pentagon's view), or a complement of a verb whose subject is the same actor
 * ("Nigeria announced that it will withdraw", "Greece plans to impose") and that is no verb of belief.
 */
function ownAnnouncement(doc: Doc, c: Clause, source: Mention): boolean {
  const who = (m: Mention | undefined) => m?.actor.code.slice(0, 3);
  const mine = who(source);
  let cur = c;
  while (cur.parent !== undefined && (cur.role === 'complement' || cur.role === 'coordinate')) {
    const parent = doc.clauses[cur.parent]!;
    if (BELIEVING.has(parent.verb.lemma)) return false;
    // the governing subject, or one of its conjuncts ("British and EU negotiators failed to …"), is the actor
    const speakers = [parent.subject, ...(parent.subject?.coord ?? [])].map((a) => who(actorMention(doc, a)));
    if (parent.subject && !speakers.includes(mine)) return false;
    cur = parent;
  }
  // a word of belief the tagger missed as a verb ("Western officials fear that Russia will …")
  for (let t = doc.sentences[c.sent]!.tokStart; t < (c.subject?.start ?? c.vgStart); t++)
    if (BELIEVING.has(doc.tokens[t]!.lemma) || BELIEVING.has(doc.tokens[t]!.norm)) return false;
  // an attribution elsewhere in the sentence ("…, the Pentagon warned") must come from the same actor
  for (const o of doc.clauses) {
    if (o.sent !== c.sent || o === cur || o.role !== 'main') continue;
    if (!REPORTING.has(o.verb.lemma) && !ASSERTING.has(o.verb.lemma) && !BELIEVING.has(o.verb.lemma))
      continue;
    if (!o.subject) continue;
    const speaker = sourceOf(doc, o);
    if (BELIEVING.has(o.verb.lemma) || (speaker && who(speaker) !== mine) || !speaker) return false;
  }
  return true;
}

/**
 * "Portugal will support Turkey's bid", "the rebels said they would release the hostages": an action its actor
 * announces for the future is, as CAMEO codes it, a statement of intent — cooperative actions an expressed intent
 * (03x, with a target), hostile ones a threat (13x) — coded asserted; the action itself stays intended. Not for
 * what others expect of an actor ("is expected to visit"), and not twice when the sentence already codes an intent
 * or a threat.
 */
function statedIntentions(doc: Doc, candidates: Candidate[]): void {
  const extra: Candidate[] = [];
  const byTrigger = clauseByTrigger(doc);
  const stated = new Set(
    candidates.filter((x) => x.modality === 'asserted' && /^(03|13)/.test(x.pattern.code)).map((x) => x.sent),
  );
  for (const x of candidates) {
    if (x.modality !== 'intended' || x.pattern.kind !== 'verb' || x.pattern.id.startsWith('rule:')) continue;
    if (stated.has(x.sent) || x.source.actor.code.startsWith('---') || !ANNOUNCED.test(x.modalityWhy))
      continue;
    const clause = byTrigger.get(x.trigger.start);
    if (!clause || !ownAnnouncement(doc, clause, x.source)) continue;
    const code = x.pattern.code;
    // what an actor offers, agrees or promises to do is no threat ("offered to send troops to Uganda")
    const offered = /governed by "(be )?(offer|agree|pledg|promis|commit|volunteer|ready|willing)/i.test(
      x.modalityWhy,
    );
    const threat = offered
      ? undefined
      : (THREAT_CODE[code] ?? THREAT_CODE[code.slice(0, 3)] ?? THREAT_CODE[code.slice(0, 2)]);
    const intent = threat ? undefined : intentCode(code);
    // a concession needs no named counterpart ("the rebels said they would release the hostages")
    if (!threat && !(intent && (x.target || code.startsWith('08')))) continue;
    const derived = (threat ?? intent)!;
    extra.push(derivedFrom(x, derived, x.pattern.words[0]!, `rule:stated-intention ${code} → ${derived}`));
  }
  candidates.push(...extra);
}

/**
 * PLOVER has no future modality: an action announced for the future ("will visit Albania", "would tighten the
 * blockade") is, in PLOVER, the commitment or the threat it expresses — typed as CAMEO's intent (03x) or threat (13x)
 * code for that action (the crosswalk's AGREE, THREATEN); the CAMEO code and the modality stay as they are.
 * `why` is the reason the modality was given. Where the PLOVER codebook separates what the crosswalk joins (an
 * actual resignation), the codebook decides. docs/plover.md lists these readings.
 */
export function ploverOfEvent(
  code: string,
  plover: { event: string; mode?: string },
  modality: Modality,
  why: string,
): { event: string; mode?: string } {
  // a resignation that has happened (0831, "the president resigned") is a material concession: the PLOVER codebook
  // (NGEC 2025) types it RETREAT, mode resign, where the 2021 crosswalk's CONCEDE is left for verbal concessions
  if (code === '0831' && modality === 'asserted') return { event: 'RETREAT', mode: 'resign' };
  // sanctions, an embargo or a boycott imposed (163) end commercial exchanges: the codebook's SANCTION/discontinue
  // ("curtail, decrease, break or terminate diplomatic, commercial or material exchanges"); none of its COERCE modes
  // (the 2021 crosswalk's reading) names them
  if (code === '163' && modality === 'asserted') return { event: 'SANCTION', mode: 'discontinue' };
  // only a future its actor announces or is set for: not a purpose ("opened the bridge to allow aid") or an attempt
  if (modality !== 'intended' || !(ANNOUNCED.test(why) || why.startsWith('dated after'))) return plover;
  if (/^(0[12]|03|13)/.test(code)) return plover;
  const derived =
    THREAT_CODE[code] ?? THREAT_CODE[code.slice(0, 3)] ?? THREAT_CODE[code.slice(0, 2)] ?? intentCode(code);
  return derived ? ploverOf(derived) : plover;
}

/** CAMEO rejection codes by the root (or code) of the cooperative action withheld */
const REFUSAL_CODE: Record<string, string> = {
  '03': '120',
  '04': '125',
  '045': '126',
  '05': '120',
  '057': '127',
  '06': '121',
  '07': '122',
  '08': '124',
  '081': '1241',
  '082': '1242',
  '0831': '1231',
  '0832': '1232',
  '0833': '1233',
  '0834': '1234',
  '084': '124',
  '0841': '1243',
  '085': '1244',
  '086': '1245',
  '087': '1246',
};

/**
 * "Europe will not lift the embargo", "the unions said they will not end the strike", "the two houses failed to reach
 * agreement": an actor's own withholding of a cooperative action or a concession is, as CAMEO codes it, a rejection
 * (12x by the action's kind), asserted; the action itself stays negated. Not for others' forecasts, and not twice
 * when the sentence already codes a rejection ("refused to lift").
 */
function statedRefusals(doc: Doc, candidates: Candidate[]): void {
  const extra: Candidate[] = [];
  const byTrigger = clauseByTrigger(doc);
  const rejected = new Set(
    candidates.filter((x) => x.modality === 'asserted' && x.pattern.code.startsWith('12')).map((x) => x.sent),
  );
  for (const x of candidates) {
    if (x.modality !== 'negated' || x.pattern.kind !== 'verb' || x.pattern.id.startsWith('rule:')) continue;
    if (rejected.has(x.sent) || x.source.actor.code.startsWith('---')) continue;
    if (!/^(negation in|governed by "fail)/i.test(x.modalityWhy)) continue;
    const code = x.pattern.code;
    if (!/^0[3-8]/.test(code)) continue;
    const refusal = REFUSAL_CODE[code] ?? REFUSAL_CODE[code.slice(0, 3)] ?? REFUSAL_CODE[code.slice(0, 2)]!;
    const clause = byTrigger.get(x.trigger.start);
    if (!clause || !ownAnnouncement(doc, clause, x.source)) continue;
    extra.push(derivedFrom(x, refusal, x.pattern.words[0]!, `rule:stated-refusal ${code} → ${refusal}`));
  }
  candidates.push(...extra);
}

/** prepositions that open an adverbial, not an argument of the noun before them */
const ADVERBIAL_PREPS = new Set([
  'despite',
  'as',
  'because',
  'after',
  'before',
  'during',
  'since',
  'until',
  'amid',
  'while',
  'following',
  'in',
]);

function followingPPs(doc: Doc, k: number): (Argument & { prep: string })[] {
  const out: (Argument & { prep: string })[] = [];
  const np = doc.chunks[k] as NP;
  let end = np.end;
  for (let j = k + 1; j < doc.chunks.length; j++) {
    const c = doc.chunks[j]!;
    if (c.type === 'VG') break;
    if (c.type === 'NP') {
      if (c.end <= end) continue; // already taken as a coordinated phrase
      if (c.start === end && c.time) {
        end = c.end;
        continue;
      }
      if (doc.tokens[c.start - 1]?.pos === 'ADP' || doc.tokens[c.start - 1]?.norm === 'to') continue;
      break;
    }
    if (c.np === k) continue; // the phrase that wraps this noun phrase itself
    if (c.start !== end) break;
    if (ADVERBIAL_PREPS.has(doc.tokens[c.prep]!.norm) || out.length >= 3) break;
    const inner = doc.chunks[c.np] as NP;
    const a: Argument & { prep: string } = {
      start: inner.start,
      end: inner.end,
      head: inner.head,
      prep: doc.tokens[c.prep]!.norm,
    };
    if (inner.actor !== undefined) a.mention = inner.actor;
    out.push(a);
    end = inner.end;
    // coordinated phrases inside it: "between Trump and Kim"
    const { npAt } = chunkIndex(doc);
    while (doc.tokens[end]?.pos === 'CCONJ') {
      const next = npAt.get(end + 1);
      if (!next || next.time) break;
      const b: Argument = { start: next.start, end: next.end, head: next.head };
      if (next.actor !== undefined) b.mention = next.actor;
      if (a.coord) a.coord.push(b);
      else a.coord = [b];
      end = next.end;
    }
  }
  return out;
}

/** Source of a nominal event: a modifier actor, a "by" phrase, the governing noun phrase, or the clause subject. */
function nounSource(doc: Doc, k: number, np: NP, pps: (Argument & { prep: string })[]): Mention | undefined {
  const sentMentions = mentionsBySentence(doc).get(doc.tokens[np.head]!.sent) ?? [];
  for (let t = np.head - 1; t >= np.start; t--) {
    const m = sentMentions.find((x) => x.tokStart <= t && t < x.tokEnd && x.tokEnd <= np.head && !x.locative);
    if (m) return m;
  }
  const by =
    pps[0]?.prep === 'by' && pps[0].mention !== undefined
      ? pps[0]
      : pps[1]?.prep === 'by' && pps[0]?.prep === 'of'
        ? pps[1]
        : undefined;
  if (by) return doc.mentions[by.mention!];
  // governing noun phrase: "foreign ministry proposals for the expulsion of …" (not "pounded Gaza with air strikes")
  const pp = chunkIndex(doc).ppOfNp.get(k);
  if (pp && pp.start > 0) {
    const prep = doc.tokens[pp.prep]!.norm;
    const gov = chunkIndex(doc).npEndingAt.get(pp.start);
    if ((prep === 'for' || prep === 'of') && gov?.actor !== undefined && !doc.mentions[gov.actor]!.locative)
      return doc.mentions[gov.actor];
    // an event named as the background of another ("criticized Washington over the sanctions", "a response to the
    // nerve agent attack") is not the clause subject's own doing; "after"/"following" are left out: on the dev sets
    // the subject often took part in what such a phrase names ("withdrew after clashes with …")
    if (prep === 'over') return undefined;
    if (prep === 'to' && gov && REACTION_HEADS.has(doc.tokens[gov.head]!.lemma)) return undefined;
  }
  const sent = doc.tokens[np.head]!.sent;
  const clause = clausesBySentence(doc)
    .get(sent)
    ?.find((c) => c.object?.start === np.start || c.pps.some((x) => x.start === np.start));
  // "the Security Council condemned the coup in Niger": what one reacts to is not one's own doing
  if (clause && REACTION_VERBS.has(clause.verb.lemma)) return undefined;
  if (clause) return sourceOf(doc, clause);
  // "Ukraine said …, after eight hours of talks with American officials": the subject took part in what a
  // sentence-final "after"/"during"/"following" phrase names
  return takenPartIn(doc, np);
}

/** verbs of reacting to, judging or examining an event: its noun object is someone else's doing */
const REACTION_VERBS = new Set([
  'condemn',
  'criticize',
  'criticise',
  'denounce',
  'deplore',
  'decry',
  'slam',
  'blast',
  'censure',
  'protest',
  'reject',
  'welcome',
  'praise',
  'hail',
  'applaud',
  'commend',
  'mourn',
  'regret',
  'investigate',
  'probe',
  'deny',
  'blame',
  'accuse',
  'oppose',
]);

/** The head of the clause whose subject took part in an event noun of a time phrase: its date dates the noun. */
function partHeads(doc: Doc, np: NP, src: Mention): number[] {
  const first = clausesBySentence(doc).get(doc.tokens[np.head]!.sent)?.[0];
  return first && takenPartIn(doc, np) === src ? [first.head] : [];
}

/** The subject of the sentence's first clause, for an event noun in a time phrase of its own ("after …"). */
function takenPartIn(doc: Doc, np: NP): Mention | undefined {
  const toks = doc.tokens;
  // the phrase's preposition, over an "of" between ("after eight hours of talks")
  let at = np.start - 1;
  if (toks[at]?.norm === 'of') {
    const before = chunkIndex(doc).npEndingAt.get(at);
    // "after fifteen years of occupation" is background, not what the subject just took part in
    if (!before || /^(year|decade|century|generation)$/.test(toks[before.head]!.lemma)) return undefined;
    at = before.start - 1;
  }
  if (!/^(after|during|following)$/.test(toks[at]?.norm ?? '') || toks[at - 1]?.norm !== ',')
    return undefined;
  const first = clausesBySentence(doc).get(toks[np.head]!.sent)?.[0];
  return first && first.subjectFrom === 'explicit' && first.vgStart < at ? sourceOf(doc, first) : undefined;
}

/** "a response to …": what the response answers is someone else's doing ("priority to the shipment" is not) */
const REACTION_HEADS = new Set(['response', 'reaction', 'retaliation', 'reply', 'answer', 'riposte']);

function governingNounCue(doc: Doc, ctx: CoderContext, np: NP): [Modality, string] | undefined {
  // "<cue noun> for/of/to <np>": proposals for the expulsion, threat of sanctions
  const prep = doc.tokens[np.start - 1];
  if (!prep || !/^(for|of|to|on)$/.test(prep.norm)) return undefined;
  const gov = chunkIndex(doc).npEndingAt.get(np.start - 1);
  if (!gov) return undefined;
  const cue = findCue(ctx, doc, gov.head);
  return cue ? [cue.modality, `governed by the noun "${doc.tokens[gov.head]!.text}"`] : undefined;
}

/** verbs that allege an action ("blamed X for the strike"): the action they name is not reported as fact */
const ALLEGING = new Set(['blame', 'accuse', 'charge', 'suspect', 'allege', 'hold', 'indict', 'convict']);

/** actor types that make a "strike" an attack */
const ARMED = ['MIL', 'REB', 'INS', 'UAF', 'SPY'];

/** roots of violence, coded even when the perpetrator is unnamed */
const VIOLENT_ROOTS = new Set(['18', '19', '20']);

/** what an unnamed perpetrator is reported as: the weapon or the attackers ("a car bomb killed …", "gunmen attacked …") */
const PERPETRATOR = new Set([
  'bomb',
  'blast',
  'explosion',
  'bombing',
  'attack',
  'airstrike',
  'strike',
  'missile',
  'rocket',
  'shell',
  'shelling',
  'drone',
  'gunman',
  'gunmen',
  'militant',
  'assailant',
  'attacker',
  'bomber',
  'sniper',
  'warplane',
  'jet',
  'mortar',
  'grenade',
  'mine',
  'ied',
  'shooter',
  'raider',
  'kidnapper',
  'abductor',
  'fire',
  'gunfire',
  'artillery',
  'fighter',
  'device',
  'explosive',
  'landmine',
  'airstrike',
  'air-strike',
  'raid',
  'ambush',
  'assault',
]);

/** A mention for a subject that names no actor ("a car bomb", "gunmen"): code "---", no country. */
function unknownActor(doc: Doc, a: Argument): Mention {
  const span = doc.tokSpan(a.start, a.end);
  const m: Mention = {
    i: doc.mentions.length,
    start: span.start,
    end: span.end,
    tokStart: a.start,
    tokEnd: a.end,
    actor: { text: span.text, start: span.start, end: span.end, code: '---', country: null, types: [] },
    via: 'agent',
    entries: [],
  };
  doc.mentions.push(m);
  return m;
}

/** prepositions whose object is the target of an event noun ("the expulsion of 35 diplomats", "strikes on Gaza") */
const TARGET_PREPS = new Set([
  'of',
  'against',
  'on',
  'with',
  'to',
  'toward',
  'towards',
  'over',
  'at',
  'into',
]);

/** The target a noun phrase names without a pattern slot: an actor in a following phrase or a modifier. */
function nounTarget(doc: Doc, np: NP, pps: (Argument & { prep: string })[], src: Mention): Mention | null {
  for (const x of pps) {
    if (!TARGET_PREPS.has(x.prep) || x.mention === undefined) continue;
    const m = doc.mentions[x.mention]!;
    if (!m.locative && m.actor.code !== src.actor.code) return m;
  }
  const inside = (mentionsBySentence(doc).get(doc.tokens[np.head]!.sent) ?? []).find(
    (m) =>
      m.tokStart >= np.start &&
      m.tokEnd <= np.head &&
      !m.locative &&
      m.actor.country &&
      m.actor.country !== src.actor.country,
  );
  return inside ?? null;
}

/**
 * Tokens whose date phrases date a clause's events: its verb and the heads of its direct object (with coordinated
 * objects): "imposed asset freezes and travel bans … on Monday" dates the imposing, while "criticized X over the
 * attack on Thursday" dates the attack, not the criticism.
 */
function clauseHeads(doc: Doc, c: Clause): number[] {
  const out = [c.head];
  if (c.object) out.push(c.object.head, ...(c.object.coord ?? []).map((a) => a.head));
  // the instrument is the same action: "pounded the Gaza Strip with air strikes on Tuesday"
  for (const x of c.pps) if (x.prep === 'with') out.push(x.head);
  // so is the event it happened in: "were killed in a clash with Chinese troops on Monday night"
  for (const x of c.pps) if (x.prep === 'in' && c.verb.voice === 'passive') out.push(x.head);
  // a later verb sharing the subject shares a date written after both: "raided a school and abducted girls on
  // Monday"; the clause's own date comes first in the text and wins ("annexed Crimea in 2014 and invaded … in 2022")
  for (const d of clausesBySentence(doc).get(c.sent) ?? [])
    if (d.parent === c.i && d.role === 'coordinate' && d.subjectFrom === 'inherited' && d.head > c.head)
      out.push(d.head, ...(d.object ? [d.object.head] : []));
  return out;
}

/** A date modifying an event noun inside its phrase: "the 2015 nuclear deal" is dated 2015, not today. */
function ownDateOf(doc: Doc, np: NP): { ownDate: DateMention } | Record<string, never> {
  const lo = doc.tokens[np.start]!.start;
  const hi = doc.tokens[np.end - 1]!.end;
  const d = (datesBySentence(doc).get(doc.tokens[np.head]!.sent) ?? []).find(
    (x) => x.modifier && x.start >= lo && x.end <= hi,
  );
  return d ? { ownDate: d } : {};
}

/** words that head an event or an action, to which a following date phrase attaches */
const EVENTISH = new Set([
  'move',
  'decision',
  'step',
  'measure',
  'action',
  'announcement',
  'statement',
  'meeting',
  'talk',
  'visit',
  'attack',
  'election',
  'vote',
  'summit',
  'inauguration',
  'speech',
  'deal',
]);

/**
 * The date of an event: a date phrase attaches to the nearest event word before it in the sentence (a verb or an
 * event noun), so "the similar move by Washington on Thursday" dates the move, not the sentence's other events.
 * A date before any event word (sentence-initial "On Thursday, …") dates every event of the sentence.
 */
function eventDate(
  doc: Doc,
  ctx: CoderContext,
  sent: number,
  heads: number[],
): { date: string; dateSource: 'text' | 'publication'; dateRange?: [string, string] } {
  const s = doc.sentences[sent]!;
  let best: DateMention | undefined;
  let fallback: DateMention | undefined;
  for (const d of datesBySentence(doc).get(sent) ?? []) {
    if (d.modifier) continue;
    let first = s.tokStart;
    while (first < s.tokEnd && doc.tokens[first]!.end <= d.start) first++;
    let attach = -1;
    for (let t = first - 1; t >= s.tokStart; t--) {
      const tok = doc.tokens[t]!;
      // "bases hosting US troops early on Wednesday": a participle that modifies the noun before it dates nothing
      if (tok.pos === 'VERB' && /ing$/.test(tok.norm) && doc.tokens[t - 1]?.pos === 'NOUN') continue;
      if (
        tok.pos === 'VERB' ||
        ((tok.pos === 'NOUN' || tok.pos === 'PROPN') &&
          (ctx.lex.nouns.has(tok.lemma) || EVENTISH.has(tok.lemma)))
      ) {
        attach = t;
        break;
      }
    }
    if (heads.includes(attach)) {
      best = d;
      break;
    }
    if (attach === -1) fallback ??= d;
  }
  const d = best ?? fallback;
  if (!d) return { date: doc.meta.date, dateSource: 'publication' };
  return d.range
    ? { date: d.range[0], dateSource: 'text', dateRange: [d.range[0], d.range[1]] }
    : { date: d.date, dateSource: 'text' };
}

/** events written as happening more than this long before publication are background history */
const HISTORY_DAYS = 366;

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/**
 * The record's actor, with the whole noun phrase it is named in when that is longer than the name: "West Bengal
 * Chief Minister Mamata Banerjee", "the police in the Gaza Strip", "the rebel-held enclave of Eastern Ghouta".
 */
function toActor(doc: Doc, m: Mention): Actor {
  const actor: Actor = { ...m.actor };
  const named = m.antecedent !== undefined ? doc.mentions[m.antecedent] : undefined;
  if (named) actor.antecedent = doc.tokSpan(...phraseOf(doc, named));
  if (m.via === 'coref' || m.via === 'pronoun') return actor;
  const [start, end] = phraseOf(doc, m);
  if (start !== m.tokStart || end !== m.tokEnd) actor.phrase = doc.tokSpan(start, end);
  return actor;
}

/**
 * Token range of the whole noun phrase a mention stands in (the mention itself when it is in none), with an
 * appositive that describes it: "Zabihullah Mujahid, the Taliban spokesman, said …".
 */
function phraseOf(doc: Doc, m: Mention): [number, number] {
  const np = npAround(doc, m.tokStart, m.tokEnd);
  if (!np) return [m.tokStart, m.tokEnd];
  const full = fullPhrase(doc, np.start, np.end);
  // "Amnesty International (AI)": an acronym in brackets right after the name belongs to it
  const toks = doc.tokens;
  const end =
    toks[full.end]?.text === '(' &&
    toks[full.end + 2]?.text === ')' &&
    /^[A-Z][A-Z.-]+$/.test(toks[full.end + 1]!.text)
      ? full.end + 3
      : full.end;
  // (a place or country has no describing appositive of its own: "Haifa, Israel's third largest city,")
  const bare = !m.person && m.actor.types.length === 0 && toks[np.head]!.pos === 'PROPN';
  return [full.start, (bare ? undefined : appositiveEnd(doc, end)) ?? end];
}

/**
 * The end of an appositive right after a noun phrase ending at `end`: ", the Taliban spokesman," — a comma, a
 * phrase headed by a common noun, then a comma. A list ("Russia, China and Iran") has no common-noun head and no
 * closing comma before "and".
 */
function appositiveEnd(doc: Doc, start: number): number | undefined {
  const toks = doc.tokens;
  let end = start;
  // "the Omani Ambassador to Qatar, Mohammed Al Harthy,": a title's own "to"/"for" phrase comes first
  const title = toks[end - 1];
  if (
    (toks[end]?.norm === 'to' || toks[end]?.norm === 'for') &&
    title &&
    (TITLE_HEADS.has(title.lemma) || TITLE_HEADS.has(title.norm))
  ) {
    const pp = chunkIndex(doc).npAt.get(end + 1);
    if (pp && toks[pp.end]?.norm === ',') end = pp.end;
  }
  if (toks[end]?.norm !== ',') return undefined;
  const np = chunkIndex(doc).npAt.get(end + 1);
  if (!np || np.time || toks[np.head]!.sent !== toks[end]!.sent) return undefined;
  const full = fullPhrase(doc, np.start, np.end);
  const closer = toks[full.end];
  // a description closed by a comma; "…, officials said" is a reporting clause, not an appositive
  if (toks[np.head]!.pos === 'NOUN') return closer?.norm === ',' ? full.end : undefined;
  // a title followed by the name of its holder: "his Lebanese counterpart, Michel Aoun."
  // (also a capitalised title, or one with its own phrase: "the Sudanese Foreign Minister, Professor Ibrahim
  // Ghandour", "the UAE Ambassador to Bahrain, Abdulridha Khori")
  let titled = false;
  for (let k = end - 1; k >= Math.max(0, end - 5) && !titled && toks[k]!.norm !== ','; k--)
    titled =
      (toks[k]!.pos === 'NOUN' || toks[k]!.pos === 'PROPN') &&
      (TITLE_HEADS.has(toks[k]!.lemma) || TITLE_HEADS.has(toks[k]!.norm)) &&
      (k === end - 1 ||
        toks[k + 1]!.norm === 'to' ||
        toks[k + 1]!.norm === 'of' ||
        toks[k + 1]!.norm === 'for');
  const closed =
    closer === undefined || closer.norm === ',' || closer.sent !== toks[end]!.sent || closer.pos === 'PUNCT';
  return titled && toks[np.head]!.pos === 'PROPN' && closed ? full.end : undefined;
}

/** nouns of office and relation that a holder's name may follow in apposition */
const TITLE_HEADS = new Set(
  (
    'counterpart president minister ambassador envoy spokesman spokeswoman spokesperson leader chief head ' +
    'secretary commander general official representative chairman chairwoman director governor mayor king ' +
    'queen prince premier chancellor negotiator mediator prosecutor judge inmate activist journalist member'
  ).split(' '),
);

/** The noun-phrase chunk that contains tokens [from, to), if any (looked for up to eight tokens back). */
function npAround(doc: Doc, from: number, to: number): NP | undefined {
  const npAt = chunkIndex(doc).npAt;
  const sentStart = doc.sentences[doc.tokens[from]!.sent]!.tokStart;
  for (let t = from; t >= Math.max(sentStart, from - 8); t--) {
    const np = npAt.get(t);
    if (np) return np.end >= to ? np : undefined;
  }
  return undefined;
}

function toRecords(doc: Doc, ctx: CoderContext, candidates: Candidate[]): EventRecord[] {
  const byKey = new Map<string, EventRecord>();
  const out: EventRecord[] = [];
  for (const c of candidates) {
    if (c.target && c.target.actor.code === c.source.actor.code) {
      // "Benin reopened its borders": a pattern that needs no target keeps the event without one; an action that
      // needs a target cannot be aimed at its own source
      const needsNoTarget =
        c.pattern.flags.has('nontarget') ||
        c.pattern.slots.some((x) => x.type === 'object-words' || x.type === 'pp-words');
      if (!needsNoTarget) {
        doc.note(
          c.sent,
          'events',
          () => `${ruleText(c.pattern)}: source and target are both ${c.source.actor.code}; not coded`,
        );
        continue;
      }
      c.target = null;
    }
    // armed forces do not go on strike: a "strike" by a military or armed actor, or one suffered ("was struck by
    // warplanes"), is an attack
    if (
      c.pattern.code === '143' &&
      (ARMED.some((t) => c.source.actor.types.includes(t)) ||
        /^(was|were|been|being)\b/i.test(doc.text.slice(c.trigger.start, c.trigger.end)))
    ) {
      c.pattern = { ...c.pattern, code: '190', id: `${c.pattern.id} (armed strike → 190)` };
    }
    // a labour strike takes no object: "struck a balance", "struck a chord" are no strikes; "struck Hamas targets"
    // is an attack
    if (
      c.pattern.code === '143' &&
      c.pattern.words.length === 1 &&
      c.pattern.words[0] === 'strike' &&
      c.objectSpan
    ) {
      const struck = doc.tokens[c.objectSpan.end - 1]!.lemma;
      const weapon = doc.tokens
        .slice(c.source.tokStart, Math.max(c.source.tokEnd, tokenAt(doc, c.trigger.start) ?? 0))
        .some((t) => STRIKERS.has(t.lemma));
      if (!c.target && !weapon && !STRUCK_PLACES.has(struck)) {
        doc.note(
          c.sent,
          'events',
          () => `${ruleText(c.pattern)}: "strike" with an object is no labour strike`,
        );
        continue;
      }
      c.pattern = { ...c.pattern, code: '190', id: `${c.pattern.id} (strike with an object → 190)` };
    }
    // a code outside the CAMEO codebook can only come from an external dictionary (PETRARCH's validation suite uses
    // codes such as 901): keep it, with no Goldstein value, quad class or PLOVER type
    const info = describeCode(c.pattern.code, ctx.quad) ?? {
      code: c.pattern.code,
      root: c.pattern.code.slice(0, 2),
      goldstein: 0,
      quad: 0,
      plover: { event: 'NONE' },
      name: 'code outside the CAMEO codebook',
    };
    if (!c.target && c.source.actor.code.startsWith('---') && ctx.lex.source.conventions !== 'petrarch') {
      doc.note(
        c.sent,
        'events',
        () =>
          `${ruleText(c.pattern)}: an unidentified source ("${c.source.actor.text}") with no target; not coded`,
      );
      continue;
    }
    // a statement needs an addressee, unless its pattern names what kind of statement it is
    // ("expressed {concern}", "declined to comment", "is pessimistic"): a bare "said"/"announced" is attribution
    const specificStatement =
      c.pattern.id.startsWith('rule:cue-event') ||
      c.pattern.words.length > 1 ||
      c.pattern.slots.some((x) => x.type === 'object-words' || x.type === 'pp-words');
    if (info.root === '01' && !c.target && !specificStatement) {
      doc.note(c.sent, 'events', () => `${ruleText(c.pattern)}: a statement with no addressee; not coded`);
      continue;
    }
    let dated: ReturnType<typeof eventDate> = c.ownDate
      ? c.ownDate.range
        ? {
            date: c.ownDate.range[0],
            dateSource: 'text',
            dateRange: [c.ownDate.range[0], c.ownDate.range[1]],
          }
        : { date: c.ownDate.date, dateSource: 'text' }
      : eventDate(doc, ctx, c.sent, c.heads);
    if (c.anaphoric && dated.dateSource === 'publication') {
      const country = c.source.actor.country;
      const earlier = [...out]
        .reverse()
        .find((e) => e.dateSource === 'text' && e.source?.country === country && e.modality === 'asserted');
      if (earlier)
        dated = {
          date: earlier.date,
          dateSource: 'text',
          ...(earlier.dateRange ? { dateRange: earlier.dateRange } : {}),
        };
    }
    let modality = c.modality;
    let why = c.modalityWhy;
    const sentence = doc.sentences[c.sent]!;
    if (modality === 'asserted' && /\?\s*["”’]?$/.test(doc.span(sentence.start, sentence.end))) {
      modality = 'hypothetical';
      why = 'a question';
    }
    if (
      dated.dateSource === 'text' &&
      daysBetween(dated.dateRange?.[1] ?? dated.date, doc.meta.date) > HISTORY_DAYS &&
      ctx.lex.source.conventions !== 'petrarch'
    ) {
      doc.note(
        c.sent,
        'events',
        () =>
          `${ruleText(c.pattern)}: dated ${dated.date}, more than ${HISTORY_DAYS} days before publication — background, not news; not coded`,
      );
      continue;
    }
    if (modality === 'asserted' && dated.date > doc.meta.date) {
      modality = 'intended';
      why = `dated after publication (${dated.date})`;
    }
    const quote = doc.quoteAt(tokenAt(doc, c.trigger.start)!);
    const span = doc.tokSpan(c.tokStart, c.tokEnd);
    const evidence: Evidence = {
      start: span.start,
      end: span.end,
      text: span.text,
      trigger: {
        start: c.trigger.start,
        end: c.trigger.end,
        text: doc.text.slice(c.trigger.start, c.trigger.end),
      },
      rule: `${ruleText(c.pattern)} (${c.pattern.id})${why ? `; ${modality}: ${why}` : ''}`,
      entries: [
        ...new Set([c.pattern.id, ...c.source.entries, ...(c.target?.entries ?? []), ...c.extraEntries]),
      ],
      sentence: c.sent,
    };
    const key = [c.source.actor.code, c.target?.actor.code ?? '', c.pattern.code, dated.date, modality].join(
      '|',
    );
    const prev = byKey.get(key);
    if (prev) {
      if (
        !prev.evidence.some((e) => e.start === evidence.start && e.trigger.start === evidence.trigger.start)
      )
        prev.evidence.push(evidence);
      prev.confidence = Math.max(prev.confidence, c.confidence);
      continue;
    }
    const rec: EventRecord = {
      id: `${doc.meta.id}-e${out.length + 1}`,
      doc: doc.meta.id,
      sentence: c.sent,
      date: dated.date,
      dateSource: dated.dateSource,
      ...(dated.dateRange ? { dateRange: dated.dateRange } : {}),
      source: toActor(doc, c.source),
      target: c.target
        ? {
            ...toActor(doc, c.target),
            ...(c.targetPhrase ? { phrase: doc.tokSpan(c.targetPhrase.start, c.targetPhrase.end) } : {}),
          }
        : null,
      code: c.pattern.code,
      root: info.root,
      goldstein: info.goldstein,
      quad: info.quad,
      plover: ploverOfEvent(c.pattern.code, info.plover, modality, why),
      modality,
      evidence: [evidence],
      ...(quote ? { quote: { start: quote.start, end: quote.end, speaker: quote.speakerActor } } : {}),
      confidence: c.confidence,
      codeName: info.name,
      ...(c.patient ? { object: doc.tokSpan(c.patient.start, c.patient.end) } : {}),
    };
    byKey.set(key, rec);
    out.push(rec);
    doc.note(
      c.sent,
      'events',
      () =>
        `${rec.source?.code} → ${rec.target?.code ?? '∅'} ${rec.code} ${modality} by ${ruleText(c.pattern)}`,
    );
  }
  return mergeUntargeted(out);
}

/**
 * A target-less event that repeats a targeted one of the same story (same source country, code and modality) is
 * the same event told without its target: its evidence joins the targeted event.
 */
function mergeUntargeted(events: EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (const e of events) {
    if (e.target) {
      out.push(e);
      continue;
    }
    const twin = events.find(
      (x) =>
        x.target && x.code === e.code && x.modality === e.modality && x.source?.country === e.source?.country,
    );
    if (twin)
      twin.evidence.push(...e.evidence.filter((v) => !twin.evidence.some((w) => w.start === v.start)));
    else out.push(e);
  }
  return out;
}
