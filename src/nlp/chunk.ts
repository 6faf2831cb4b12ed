/**
 * A chunker over POS tags: noun phrases (NP), verb groups (VG: auxiliaries, modals, negation, tense, voice)
 * and prepositional phrases (PP). No parser: English word order and a few closed word classes are enough for
 * the clause analysis in src/coder/clauses.ts.
 */
import { MONTH_NUMBERS, WEEKDAY_NAMES } from '../core/calendar.ts';
import type { Chunk, Doc, Token, VerbGroupInfo } from '../core/doc.ts';

export const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'re", "'m"]);
const HAVE = new Set(['have', 'has', 'had', "'ve"]);
const DO = new Set(['do', 'does', 'did']);
const GET = new Set(['get', 'gets', 'got', 'gotten', 'getting']);
export const MODAL: Record<string, string> = {
  will: 'will',
  wo: 'will',
  "'ll": 'will',
  shall: 'will',
  would: 'would',
  "'d": 'would',
  can: 'can',
  ca: 'can',
  could: 'could',
  may: 'may',
  might: 'might',
  must: 'must',
  should: 'should',
};
export const NEG = new Set(['not', "n't", 'never']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did']);
const PERSONAL = new Set([
  'i',
  'me',
  'we',
  'us',
  'you',
  'he',
  'him',
  'she',
  'her',
  'it',
  'they',
  'them',
  'anyone',
  'anybody',
  'nobody',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'none',
  'one',
  'who',
  'whom',
  'which',
  'what',
  'this',
  'that',
  'these',
  'those',
  'itself',
  'himself',
  'herself',
  'themselves',
  'ourselves',
  'myself',
  'both',
  'each',
  'all',
  'others',
  'other',
]);
const POSSESSIVE_DET = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const WEEKDAYS = new Set(WEEKDAY_NAMES);
const MONTHS = new Set(Object.keys(MONTH_NUMBERS));
const TIME_NOUNS = new Set([
  'week',
  'month',
  'year',
  'weekend',
  'day',
  'morning',
  'evening',
  'night',
  'afternoon',
  'decade',
  'summer',
  'winter',
  'spring',
  'autumn',
  'fall',
]);
const TIME_MODS = new Set([
  'next',
  'last',
  'this',
  'coming',
  'past',
  'previous',
  'following',
  'same',
  'that',
  'early',
  'late',
  'earlier',
  'later',
]);
const TIME_WORDS = new Set(['today', 'tomorrow', 'yesterday', 'tonight']);

/** verbs whose past tense is written like the base form: in news narration, read as past */
const SAME_PAST = new Set([
  'cut',
  'put',
  'hit',
  'set',
  'let',
  'shut',
  'quit',
  'spread',
  'cost',
  'hurt',
  'burst',
  'cast',
  'broadcast',
  'forecast',
  'bet',
  'bid',
  'split',
  'shed',
  'upset',
  'thrust',
]);

/** adjectives that head a noun phrase when nothing nominal follows: "the Nigerian military", "the civilians" */
const NOMINAL_ADJ = new Set([
  'military',
  'civilian',
  'civilians',
  'official',
  'officials',
  'militant',
  'militants',
  'rebel',
  'rebels',
  'insurgent',
  'insurgents',
  'extremist',
  'extremists',
  'radical',
  'radicals',
  'conservative',
  'conservatives',
  'liberal',
  'liberals',
  'moderate',
  'moderates',
  'national',
  'nationals',
  'separatist',
  'separatists',
  'loyalist',
  'loyalists',
  'opposition',
  'wounded',
  'dead',
  'injured',
  'accused',
  'elderly',
  'poor',
]);

const QUANTITY_PREFIX = [
  ['more', 'than'],
  ['less', 'than'],
  ['fewer', 'than'],
  ['at', 'least'],
  ['up', 'to'],
  ['as', 'many', 'as'],
  ['nearly'],
  ['almost'],
  ['about'],
  ['around'],
  ['some'],
  ['over'],
];

/** nouns that count like numbers after "a": "about a dozen", "more than a third" */
const COUNT_WORDS = new Set([
  'dozen',
  'score',
  'hundred',
  'thousand',
  'million',
  'billion',
  'third',
  'quarter',
  'half',
  'fifth',
  'tenth',
  'few',
  'handful',
]);

/** quantity words that open a noun phrase like a determiner: "several TTP camps" */
const QUANTIFIERS = new Set([
  'several',
  'many',
  'few',
  'some',
  'numerous',
  'various',
  'multiple',
  'two',
  'three',
  'four',
  'five',
]);

/** simple-past forms that are never participles ("spoke" vs "spoken"): never passive, never reduced relatives */
export const PAST_ONLY = new Set([
  'spoke',
  'took',
  'gave',
  'wrote',
  'broke',
  'ate',
  'began',
  'chose',
  'drove',
  'flew',
  'froze',
  'knew',
  'rose',
  'saw',
  'shook',
  'stole',
  'swore',
  'threw',
  'went',
  'woke',
  'wore',
  'drew',
  'grew',
  'blew',
  'fell',
  'forgot',
  'hid',
  'rode',
  'sang',
  'sank',
  'drank',
  'swam',
  'ran',
  'came',
  'became',
  'did',
  'showed',
  'struck',
  'fought',
  'overtook',
  'undertook',
  'withdrew',
  'forbade',
  'arose',
  'strove',
  'tore',
  'bore',
  'bit',
  'mistook',
  'shrank',
  'sprang',
  'stank',
]);

export const isPastForm = (t: Token): boolean =>
  t.pos === 'VERB' &&
  t.norm !== t.lemma &&
  !/ing$/.test(t.norm) &&
  !(t.norm === `${t.lemma}s` || t.norm === `${t.lemma}es` || (/ies$/.test(t.norm) && t.lemma.endsWith('y')));

const isNeg = (t: Token) => NEG.has(t.norm);

/** After the run of adverbs starting at j, does a verb, an auxiliary or a negation follow? */
function verbAfterAdverbs(toks: Token[], j: number, end: number): boolean {
  let k = j;
  while (k < end && toks[k]!.pos === 'ADV' && !NEG.has(toks[k]!.norm)) k++;
  const t = toks[k];
  return t !== undefined && k < end && k > j && (t.pos === 'VERB' || t.pos === 'AUX' || NEG.has(t.norm));
}
const isModal = (t: Token) => MODAL[t.norm] !== undefined && (t.pos === 'AUX' || t.pos === 'VERB');

function verbInfo(toks: Token[], start: number, end: number, head: number): VerbGroupInfo {
  const main = toks[head]!;
  const aux: number[] = [];
  let negated = false;
  let modal: string | undefined;
  let passiveAux = false;
  let pastAux = false;
  let infinitive = false;
  for (let k = start; k < end; k++) {
    const t = toks[k]!;
    if (k === head) continue;
    if (t.norm === 'to' && (k === start || (k === start + 1 && isNeg(toks[start]!)))) infinitive = true;
    if (isNeg(t)) negated = true;
    if (isModal(t)) modal ??= MODAL[t.norm];
    if (BE.has(t.norm) || GET.has(t.norm) || t.norm === "'s") passiveAux = true;
    else if (HAVE.has(t.norm) || DO.has(t.norm) || isModal(t) || isNeg(t)) passiveAux = passiveAux && false;
    if (PAST_AUX.has(t.norm)) pastAux = true;
    if (t.pos === 'AUX' || t.pos === 'PART' || isNeg(t)) aux.push(k);
  }
  const participle =
    isPastForm(main) || (main.pos === 'VERB' && /(en|wn|ne)$/.test(main.norm) && main.norm !== main.lemma);
  const voice = passiveAux && main.pos === 'VERB' && participle ? 'passive' : 'active';
  const hasFiniteAux = aux.some((k) => toks[k]!.pos === 'AUX');
  let form: VerbGroupInfo['form'] = 'finite';
  if (infinitive) form = 'infinitive';
  else if (!hasFiniteAux && /ing$/.test(main.norm) && main.pos === 'VERB') form = 'gerund';
  let tense: VerbGroupInfo['tense'];
  if (form !== 'finite') tense = 'nonfinite';
  else if (modal === 'will') tense = 'future';
  else if (pastAux || (!hasFiniteAux && (isPastForm(main) || SAME_PAST.has(main.norm)))) tense = 'past';
  else if (aux.some((k) => HAVE.has(toks[k]!.norm))) tense = 'past';
  else tense = 'present';
  const lemma =
    main.pos === 'AUX' ? (BE.has(main.norm) || main.norm === "'s" ? 'be' : main.lemma) : main.lemma;
  const info: VerbGroupInfo = { lemma, negated, tense, voice, form, aux };
  if (modal) info.modal = modal;
  return info;
}

function isTimeNP(toks: Token[], start: number, end: number, head: number): boolean {
  const h = toks[head]!;
  if (WEEKDAYS.has(h.norm) || TIME_WORDS.has(h.norm)) return true;
  if (MONTHS.has(h.norm) && h.pos === 'PROPN') return true;
  if (h.pos === 'NUM' && head > start && MONTHS.has(toks[head - 1]!.norm)) return true;
  if (TIME_NOUNS.has(h.norm) || TIME_NOUNS.has(h.lemma))
    return end - start >= 2 && (TIME_MODS.has(toks[start]!.norm) || WEEKDAYS.has(toks[start]!.norm));
  return false;
}

/** Fills doc.chunks with NP, VG and PP chunks in text order (PP chunks follow the NP they contain). */
export function chunk(doc: Doc): void {
  const toks = doc.tokens;
  const chunks: Chunk[] = [];
  /** NPs that begin with a quantity prefix: number token → the prefix's first token */
  const quantityStart = new Map<number, number>();
  for (const s of doc.sentences) {
    let i = s.tokStart;
    while (i < s.tokEnd) {
      const t = toks[i]!;
      // verb groups: [to] (AUX|neg|ADV)* VERB | AUX+
      const startsInf =
        t.norm === 'to' &&
        i + 1 < s.tokEnd &&
        (toks[i + 1]!.pos === 'VERB' || (toks[i + 1]!.pos === 'AUX' && toks[i + 1]!.norm === 'be'));
      // "never expelled": a negation adverb directly before a verb belongs to its group
      const startsNeg =
        isNeg(t) && i + 1 < s.tokEnd && (toks[i + 1]!.pos === 'VERB' || toks[i + 1]!.pos === 'AUX');
      // "vowed not to return": a negation before an infinitive's "to" belongs to its group
      const startsNegInf =
        isNeg(t) &&
        i + 2 < s.tokEnd &&
        toks[i + 1]!.norm === 'to' &&
        (toks[i + 2]!.pos === 'VERB' || (toks[i + 2]!.pos === 'AUX' && toks[i + 2]!.norm === 'be'));
      if (
        t.pos === 'AUX' ||
        t.pos === 'VERB' ||
        startsInf ||
        startsNeg ||
        startsNegInf ||
        (isModal(t) && t.pos !== 'NOUN')
      ) {
        let j = startsNegInf ? i + 2 : startsInf ? i + 1 : i;
        let head = -1;
        while (j < s.tokEnd) {
          const u = toks[j]!;
          if (u.pos === 'VERB') {
            head = j;
            j++;
            break;
          }
          if (
            u.pos === 'AUX' ||
            isNeg(u) ||
            // adverbs inside the group, also several: "is once again sending"
            (u.pos === 'ADV' && j > i && verbAfterAdverbs(toks, j, s.tokEnd))
          ) {
            j++;
            continue;
          }
          break;
        }
        if (head < 0) {
          // auxiliaries alone: a copula or an elliptical group ("Trump [is] already making")
          let last = j - 1;
          while (last > i && (toks[last]!.pos === 'ADV' || isNeg(toks[last]!))) last--;
          head = last;
          if (head < i) {
            i++;
            continue;
          }
        }
        const end = Math.max(j, head + 1);
        chunks.push({ type: 'VG', start: i, end, head, verb: verbInfo(toks, i, end, head) });
        i = end;
        continue;
      }
      // noun phrases
      const npStart =
        t.pos === 'NOUN' ||
        t.pos === 'PROPN' ||
        t.pos === 'NUM' ||
        // a sum of money: "$2 million", "€3.5 million"
        (/^[$€£¥₹]$/.test(t.text) && i + 1 < s.tokEnd && toks[i + 1]!.pos === 'NUM') ||
        t.pos === 'ADJ' ||
        (t.pos === 'DET' && !/^(that|which|whose)$/.test(t.norm)) ||
        (t.pos === 'PRON' && (PERSONAL.has(t.norm) || POSSESSIVE_DET.has(t.norm))) ||
        (t.pos === 'DET' && t.norm === 'that' && i + 1 < s.tokEnd && toks[i + 1]!.pos === 'NOUN');
      // quantity prefixes: "more than a dozen missiles", "at least 20 people", "up to 6,000"
      const quantity = QUANTITY_PREFIX.find(
        (q) => q.every((w, k) => toks[i + k]?.norm === w) && i + q.length < s.tokEnd,
      );
      const afterQuantity = quantity ? toks[i + quantity.length] : undefined;
      if (
        afterQuantity &&
        (afterQuantity.pos === 'NUM' ||
          /^[$€£¥₹]$/.test(afterQuantity.text) ||
          // "about a dozen", "more than a hundred" — but "about the prices", "over the border" are prepositions
          (/^an?$/.test(afterQuantity.norm) && COUNT_WORDS.has(toks[i + quantity!.length + 1]?.norm ?? '')))
      ) {
        const inner = i + quantity!.length;
        // re-enter the loop at the number, remembering where the phrase starts
        quantityStart.set(inner, i);
        i = inner;
        continue;
      }
      if (npStart && !(t.pos === 'PRON' && !POSSESSIVE_DET.has(t.norm))) {
        let j = i + 1;
        let sawNoun = t.pos === 'NOUN' || t.pos === 'PROPN';
        let afterPossessive = false;
        while (j < s.tokEnd) {
          const u = toks[j]!;
          // "'s", or a lone apostrophe after a plural ("a girls' boarding school", "the farmers' union")
          const pluralPossessive =
            (u.text === "'" || u.text === '’') &&
            /s$/i.test(toks[j - 1]!.text) &&
            toks[j - 1]!.end === u.start &&
            j + 1 < s.tokEnd &&
            /^(NOUN|PROPN|ADJ|VERB)$/.test(toks[j + 1]!.pos);
          if ((u.norm === "'s" || pluralPossessive) && u.pos !== 'AUX' && sawNoun) {
            afterPossessive = true;
            sawNoun = false;
            j++;
            continue;
          }
          // a time word after a name starts its own phrase: "Israel Friday reimposed", "officers today ended"
          if (
            (u.pos === 'NOUN' || u.pos === 'PROPN') &&
            j > i &&
            (WEEKDAYS.has(u.norm) || TIME_WORDS.has(u.norm))
          )
            break;
          // "On Monday Trump condemned …": a name after a weekday that a preposition dates starts its own phrase
          if (
            u.pos === 'PROPN' &&
            j > i &&
            WEEKDAYS.has(toks[j - 1]!.norm) &&
            j - 2 >= s.tokStart &&
            /^(on|since|until|till|by|last|this|next|from)$/.test(toks[j - 2]!.norm)
          )
            break;
          // "called off their strike hours after …": a span of time before after/before/later/ago measures when,
          // it is not the phrase's head
          if (
            u.pos === 'NOUN' &&
            sawNoun &&
            /^(minutes|hours|days|weeks|months|years)$/.test(u.norm) &&
            /^(after|before|later|ago|earlier)$/.test(toks[j + 1]?.norm ?? '')
          )
            break;
          if (u.pos === 'NOUN' || u.pos === 'PROPN') {
            sawNoun = true;
            afterPossessive = false;
            j++;
            continue;
          }
          if (u.pos === 'NUM' && (!sawNoun || MONTHS.has(toks[j - 1]!.norm))) {
            j++;
            continue;
          }
          // a hyphenated measure before the noun: "a 24-hour hunger strike", "a 30-day state of siege"
          if (
            u.text === '-' &&
            !sawNoun &&
            toks[j - 1]!.pos === 'NUM' &&
            toks[j - 1]!.end === u.start &&
            j + 1 < s.tokEnd &&
            toks[j + 1]!.start === u.end &&
            /^(NOUN|ADJ)$/.test(toks[j + 1]!.pos) &&
            j + 2 < s.tokEnd &&
            /^(NOUN|ADJ)$/.test(toks[j + 2]!.pos)
          ) {
            j += 2;
            continue;
          }
          // "US diplomatic staff", "EU foreign ministers": a bare proper-noun modifier before adjective + noun
          // also a single noun modifier after a determiner: "an emergency virtual summit"
          const propnModifier =
            u.pos === 'ADJ' &&
            !TIME_MODS.has(u.norm) &&
            j + 1 < s.tokEnd &&
            toks[j + 1]!.pos === 'NOUN' &&
            ((toks[j - 1]!.pos === 'PROPN' &&
              (j - 1 === i ||
                // "the US", "several TTP terrorist camps": after one determiner or quantity word
                (j - 2 === i && (toks[i]!.pos === 'DET' || QUANTIFIERS.has(toks[i]!.norm))))) ||
              (toks[j - 1]!.pos === 'NOUN' && j - 2 === i && toks[i]!.pos === 'DET'));
          // an adjective heading the phrase: "the U.S. military is training …", "the Nigerian military of …"
          const adjHead =
            u.pos === 'ADJ' &&
            (toks[j - 1]!.pos === 'PROPN' || toks[j - 1]!.pos === 'ADJ' || toks[j - 1]!.pos === 'DET') &&
            (NOMINAL_ADJ.has(u.norm)
              ? !(j + 1 < s.tokEnd && /^(NOUN|PROPN|ADJ)$/.test(toks[j + 1]!.pos))
              : toks[j - 1]!.pos === 'PROPN' &&
                j + 1 < s.tokEnd &&
                (toks[j + 1]!.pos === 'AUX' || toks[j + 1]!.pos === 'VERB'));
          if (adjHead) {
            sawNoun = true;
            j++;
            continue;
          }
          if ((u.pos === 'ADJ' || u.pos === 'DET') && (!sawNoun || afterPossessive || propnModifier)) {
            j++;
            continue;
          }
          // coordinated adjectives before their noun: "economic and military aid", "its awful and evil minister"
          if (
            /^(and|or)$/.test(u.norm) &&
            toks[j - 1]!.pos === 'ADJ' &&
            (!sawNoun || afterPossessive) &&
            j + 2 < s.tokEnd &&
            toks[j + 1]!.pos === 'ADJ' &&
            /^(NOUN|PROPN|ADJ)$/.test(toks[j + 2]!.pos)
          ) {
            j++;
            continue;
          }
          if (
            u.pos === 'ADV' &&
            !sawNoun &&
            j + 1 < s.tokEnd &&
            (toks[j + 1]!.pos === 'ADJ' || toks[j + 1]!.pos === 'NUM')
          ) {
            j++;
            continue;
          }
          // quoted single words inside a noun phrase: a ‘kitchen’ level
          if (
            (u.text === '\u2018' || u.text === '\u2019') &&
            j + 1 < s.tokEnd &&
            (toks[j + 1]!.pos === 'NOUN' || toks[j + 1]!.pos === 'ADJ')
          ) {
            j++;
            continue;
          }
          break;
        }
        let head = j - 1;
        while (head > i && (toks[head]!.pos === 'PUNCT' || toks[head]!.norm === "'s")) head--;
        chunks.push({
          type: 'NP',
          start: quantityStart.get(i) ?? i,
          end: j,
          head,
          ...(isTimeNP(toks, i, j, head) ? { time: true } : {}),
        });
        i = j;
        continue;
      }
      if (t.pos === 'PRON') {
        chunks.push({ type: 'NP', start: i, end: i + 1, head: i });
        i++;
        continue;
      }
      i++;
    }
  }
  // PP chunks: a preposition directly followed by an NP
  const withPP: Chunk[] = [];
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    withPP.push(c);
    if (c.type === 'NP' && c.start > 0) {
      const p = toks[c.start - 1]!;
      if (
        (p.pos === 'ADP' || (p.norm === 'to' && p.pos === 'PART') || (p.pos === 'SCONJ' && !p.repaired)) &&
        p.sent === toks[c.start]!.sent &&
        !/^(that|if|unless|because|whether|although|though|while)$/.test(p.norm)
      ) {
        withPP.push({ type: 'PP', start: c.start - 1, end: c.end, prep: c.start - 1, np: withPP.length - 1 });
      }
    }
  }
  doc.chunks = withPP;
}
