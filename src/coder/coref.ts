/**
 * In-article coreference: he/she → the last compatible person (subjects preferred, quotes respected);
 * they → the previous sentence's non-person subject; I/we inside a quote → the speaker and their organisation.
 * Name coreference ("Mr Putin"/"Putin" → the full entity) happens in the mention stage through the dictionary
 * and the surname table.
 */
import type { Doc, Mention, Token } from '../core/doc.ts';
import { makeActor, splitCode } from './actors.ts';
import { chunkIndex, mentionsBySentence } from './doc-index.ts';

const MALE = new Set(['he', 'him', 'his', 'himself']);
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
const PLURAL = new Set(['they', 'them', 'their', 'themselves']);
/** "it"/"its" for an organisation or state: "Iraq's foreign ministry said it would summon …" */
const NEUTER = new Set(['it', 'its', 'itself']);
const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself']);
const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves']);

/** Character ranges of quotations, paired “…” and "…" within a paragraph (for antecedent filtering). */
export function quoteRanges(doc: Doc): [number, number][] {
  if (doc.quotes.length) return doc.quotes.map((q) => [q.start, q.end]);
  const out: [number, number][] = [];
  let open = -1;
  for (const t of doc.tokens) {
    if (t.text === '\u201c' || (t.text === '"' && open < 0)) open = t.start;
    else if ((t.text === '\u201d' || t.text === '"') && open >= 0) {
      out.push([open, t.end]);
      open = -1;
    }
  }
  return out;
}

/** index of the range containing pos (ranges sorted and disjoint), or -1 */
function inRange(ranges: [number, number][], pos: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (pos < a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** True when the mention's NP is directly followed by a verb group (it is a subject). */
function subjectLike(doc: Doc, m: Mention): boolean {
  const { vgAt, npAt } = chunkIndex(doc);
  const toks = doc.tokens;
  // a phrase after a preposition is no subject ("Houthi rebels of Yemen have claimed": the rebels are)
  if (toks[m.tokStart - 1]?.pos === 'ADP' && toks[m.tokStart - 1]!.sent === toks[m.tokStart]!.sent)
    return false;
  let t = m.tokEnd;
  // "military officials in Colombo claimed": up to two prepositional phrases of the subject's own
  for (let pp = 0; pp < 2 && /^(of|in|from|at)$/.test(toks[t]?.norm ?? ''); pp++) {
    const np = npAt.get(t + 1);
    if (!np) break;
    t = np.end;
  }
  while (t < toks.length && !vgAt.has(t) && toks[t]!.pos === 'ADV') t++;
  return vgAt.has(t);
}

function pronounMention(
  doc: Doc,
  tok: number,
  antecedent: Mention,
  code = antecedent.actor.code,
  keepName = true,
): Mention {
  const t = doc.tokens[tok]!;
  const actor = makeActor(
    t.text,
    t.start,
    t.end,
    code,
    keepName
      ? {
          ...(antecedent.actor.name ? { name: antecedent.actor.name } : {}),
          ...(antecedent.actor.id ? { id: antecedent.actor.id } : {}),
        }
      : {},
  );
  const m: Mention = {
    i: doc.mentions.length,
    start: t.start,
    end: t.end,
    tokStart: tok,
    tokEnd: tok + 1,
    actor,
    via: 'pronoun',
    entries: antecedent.entries,
    antecedent: antecedent.antecedent ?? antecedent.i,
  };
  if (antecedent.person && keepName) m.person = true;
  if (antecedent.gender && keepName) m.gender = antecedent.gender;
  doc.mentions.push(m);
  return m;
}

/** he/she: run after the mention stage, before noun-phrase actors. */
export function resolvePersonalPronouns(doc: Doc): void {
  const quotes = quoteRanges(doc);
  const base = doc.mentions.slice().sort((a, b) => a.start - b.start);
  for (const t of doc.tokens) {
    if (t.pos !== 'PRON' && t.pos !== 'DET') continue;
    const male = MALE.has(t.norm);
    const female = FEMALE.has(t.norm);
    if (!male && !female) continue;
    const q = inRange(quotes, t.start);
    // candidates nearest first: in the pronoun's own sentence the nearest person wins (a subject first);
    // in earlier sentences a subject beats a more recent object ("Mr Putin focused on working with Mr Trump. … he")
    let best: Mention | undefined;
    let fallback: Mention | undefined;
    let sameSentence: Mention | undefined;
    for (let k = base.length - 1; k >= 0; k--) {
      const m = base[k]!;
      if (m.start >= t.start) continue;
      if (!m.person || m.locative) continue;
      const ms = doc.tokens[m.tokStart]!.sent;
      if (t.sent - ms > 4) break;
      if ((male && m.gender === 'female') || (female && m.gender === 'male')) continue;
      const mq = inRange(quotes, m.start);
      if (q >= 0) {
        // inside a quote: prefer people of the same quote, then the usual search
        if (mq === q) {
          best = m;
          break;
        }
      } else if (mq >= 0) continue;
      if (ms === t.sent) {
        if (subjectLike(doc, m)) {
          best = m;
          break;
        }
        sameSentence ??= m;
        continue;
      }
      if (sameSentence) {
        best = sameSentence;
        break;
      }
      fallback ??= m;
      if (subjectLike(doc, m)) {
        best = m;
        break;
      }
    }
    best ??= sameSentence;
    const ante = best ?? fallback;
    if (ante) {
      // keep `base` in text order: the backward search stops at the first mention too far away
      const pm = pronounMention(doc, t.i, ante);
      let at = base.length;
      while (at > 0 && base[at - 1]!.start > pm.start) at--;
      base.splice(at, 0, pm);
    }
  }
}

/**
 * The antecedent of "them" right after a verb: the nearest earlier actor phrase of its sentence with a plural head
 * that is not a subject (binding: an object pronoun does not refer to its own clause's subject). Undefined when
 * there is none, and the subject rule applies.
 */
function objectPronounAntecedent(doc: Doc, i: number): Mention | undefined {
  const word = doc.tokens[i]!.norm;
  if (word !== 'them' && word !== 'their') return undefined;
  let v = i - 1;
  while (v >= 0 && doc.tokens[v]!.pos === 'ADV') v--;
  if (v < 0 || doc.tokens[v]!.pos !== 'VERB') return undefined;
  const { npAt } = chunkIndex(doc);
  const sent = doc.tokens[i]!.sent;
  const pluralPhrase = (k: number): Mention | undefined => {
    const c = npAt.get(k);
    if (!c || c.actor === undefined) return undefined;
    const m = doc.mentions[c.actor]!;
    const head = doc.tokens[c.head]!;
    const plural = head.pos === 'NOUN' && head.lemma !== head.norm && head.norm.endsWith('s');
    if (m.locative || m.adjectival || m.via === 'pronoun' || !plural) return undefined;
    return subjectLike(doc, { ...m, tokEnd: c.end }) ? undefined : m;
  };
  let best: Mention | undefined;
  for (let k = doc.sentences[sent]!.tokStart; k < i; k++) best = pluralPhrase(k) ?? best;
  if (best || word === 'them') return best;
  // "Belgrade … demanded their release": a possessive "their" after a verb whose subject is not plural is not that
  // subject; it is the latest plural phrase before, also in the sentence before ("arrested three Serbian nationals")
  if (pluralSubjectBefore(doc, v)) return undefined;
  for (let k = doc.sentences[Math.max(0, sent - 1)]!.tokStart; k < doc.sentences[sent]!.tokStart; k++)
    best = pluralPhrase(k) ?? best;
  return best;
}

/** Whether the nearest subject-like actor phrase before token v in its sentence has a plural head. */
function pluralSubjectBefore(doc: Doc, v: number): boolean {
  const { npAt } = chunkIndex(doc);
  let plural = false;
  for (let k = doc.sentences[doc.tokens[v]!.sent]!.tokStart; k < v; k++) {
    const c = npAt.get(k);
    if (!c || c.actor === undefined) continue;
    const m = doc.mentions[c.actor]!;
    if (!subjectLike(doc, { ...m, tokEnd: c.end })) continue;
    const head = doc.tokens[c.head]!;
    plural =
      head.pos === 'PRON' || (head.pos === 'NOUN' && head.lemma !== head.norm && head.norm.endsWith('s'));
  }
  return plural;
}

/** they/them/their: the previous sentence's first non-person subject actor. Run after noun-phrase actors. */
export function resolvePluralPronouns(doc: Doc): void {
  const quotes = quoteRanges(doc);
  for (const t of doc.tokens) {
    if ((!PLURAL.has(t.norm) && !NEUTER.has(t.norm)) || inRange(quotes, t.start) >= 0) continue;
    // "threatened to kill them": an object pronoun is not its own clause's subject; the nearest plural phrase that
    // is no subject is ("holding more than 100 captives and threatened to kill them")
    const ante = objectPronounAntecedent(doc, t.i) ?? subjectAntecedent(doc, t);
    if (!ante) continue;
    const pm = pronounMention(doc, t.i, ante);
    const np = chunkIndex(doc).npCovering[t.i];
    if (np && (np.head === t.i || np.actor === undefined)) np.actor = pm.i;
  }
}

/**
 * he/she left unresolved by the name pass because the antecedent is a role noun ("the Russian foreign minister
 * said he would visit Iran"): the nearest person subject of the pronoun's own sentence, else the last of the
 * sentence before. Run after noun-phrase actors; only subject pronouns, outside quotes.
 */
export function resolvePronounsToRoles(doc: Doc): void {
  const quotes = quoteRanges(doc);
  const resolved = new Set(doc.mentions.filter((m) => m.via === 'pronoun').map((m) => m.tokStart));
  const { npAt, npCovering } = chunkIndex(doc);
  for (const t of doc.tokens) {
    const male = t.norm === 'he';
    if ((!male && t.norm !== 'she') || resolved.has(t.i) || inRange(quotes, t.start) >= 0) continue;
    let ante: Mention | undefined;
    for (let k = doc.sentences[Math.max(0, t.sent - 1)]!.tokStart; k < t.i; k++) {
      const c = npAt.get(k);
      if (!c || c.actor === undefined) continue;
      const m = doc.mentions[c.actor]!;
      if (!m.person || m.locative || m.via === 'pronoun') continue;
      if ((male && m.gender === 'female') || (!male && m.gender === 'male')) continue;
      if (subjectLike(doc, { ...m, tokEnd: c.end })) ante = m;
    }
    if (!ante) continue;
    const pm = pronounMention(doc, t.i, ante);
    const np = npCovering[t.i];
    if (np && (np.head === t.i || np.actor === undefined)) np.actor = pm.i;
  }
}

/** The subject a they/it refers to: the nearest of its own sentence, else the first of the sentence before. */
function subjectAntecedent(doc: Doc, t: Token): Mention | undefined {
  const sent = t.sent;
  let ante: Mention | undefined;
  const { npAt } = chunkIndex(doc);
  const from = doc.sentences[Math.max(0, sent - 1)]!.tokStart;
  for (let k = from; k < t.i; k++) {
    const c = npAt.get(k);
    if (!c || c.actor === undefined) continue;
    const s = doc.tokens[c.start]!.sent;
    const m = doc.mentions[c.actor]!;
    if (!m.person && !m.locative && subjectLike(doc, { ...m, tokEnd: c.end })) {
      // the nearest subject of the pronoun's own sentence wins; else the first subject of the sentence before
      if (s === sent || !ante) ante = m;
    }
  }
  // "Turkey's president says it will …": "it" is the nearest state or organisation of its own sentence
  const sameSentence = ante !== undefined && doc.tokens[ante.tokStart]!.sent === sent;
  if (NEUTER.has(t.norm) && !sameSentence) {
    const own = (mentionsBySentence(doc).get(sent) ?? []).filter(
      (m) =>
        m.tokEnd <= t.i &&
        !m.person &&
        !m.locative &&
        !m.adjectival &&
        m.actor.country !== null &&
        m.via !== 'pronoun',
    );
    if (own.length) ante = own[own.length - 1];
  }
  return ante;
}

/** I/we inside a quote → the speaker (I) and the speaker's organisation (we). Run after the quote stage. */
export function resolveFirstPersonInQuotes(doc: Doc): void {
  for (const q of doc.quotes) {
    if (q.speaker === undefined) continue;
    const speaker = doc.mentions[q.speaker]!;
    for (let k = q.tokStart; k < q.tokEnd; k++) {
      const t = doc.tokens[k]!;
      const singular = FIRST_SINGULAR.has(t.norm);
      const plural = FIRST_PLURAL.has(t.norm) && t.text !== 'US';
      if (!singular && !plural) continue;
      const { country, types } = splitCode(speaker.actor.code);
      const orgCode =
        plural && speaker.person
          ? types.length
            ? speaker.actor.code
            : (country ?? speaker.actor.code)
          : speaker.actor.code;
      const pm = pronounMention(doc, k, speaker, orgCode, singular);
      const np = chunkIndex(doc).npCovering[k];
      if (np && (np.head === k || np.actor === undefined)) np.actor = pm.i;
    }
  }
}
