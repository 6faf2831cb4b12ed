/**
 * Actor mentions: dictionary names (longest match over tokens), titles and honorifics before names, unknown
 * people by title + proper-noun patterns, agent nouns combined with the country in their noun phrase, and the
 * actor each noun phrase denotes. Pronoun coreference is in src/coder/coref.ts.
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from '../core/calendar.ts';
import type { Chunk, Doc, Mention, Token } from '../core/doc.ts';
import type { Actor } from '../core/types.ts';
import type { ActorName } from '../lexicon/compiled.ts';
import type { AgentEntry } from '../lexicon/types.ts';
import { normalise } from '../nlp/tokenize.ts';
import { codeOnDate, combine, makeActor, roleOnDate, splitCode } from './actors.ts';
import type { CoderContext } from './context.ts';
import { chunkIndex, mentionsBySentence } from './doc-index.ts';

type NP = Extract<Chunk, { type: 'NP' }>;

/** compass qualifiers of a place name: "in northern Mozambique" is still a place */
const COMPASS =
  /^(northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern)$/;
const LOCATIVE = new Set([
  'in',
  'at',
  'from',
  'near',
  'outside',
  'inside',
  'across',
  'throughout',
  'around',
  'within',
  'into',
  'via',
  'towards',
  'toward',
]);
const NOT_NAME = new Set([
  ...MONTH_NAMES,
  ...WEEKDAY_NAMES,
  'new',
  'year',
  'christmas',
  'but',
  'and',
  'the',
  'moreover',
  'however',
  'meanwhile',
  'god',
  'easter',
  'ramadan',
  'eid',
  'north',
  'south',
  'east',
  'west',
  'central',
  'national',
  'democratic',
  'republican',
  'committee',
  'council',
  'ministry',
  'party',
  'day',
]);

interface AgentHit {
  tokStart: number;
  tokEnd: number;
  agent: AgentEntry;
}

const capitalised = (t: Token) =>
  /^[A-Z][a-z\u00c0-\u024f'’-]+$/.test(t.text) || /^[A-Z][a-z]*[A-Z][a-z]+$/.test(t.text);

/**
 * A dictionary person whose name runs on into another capitalised name is someone else: "spokesman Abbas Mousavi"
 * is not Mahmoud Abbas, "Donald Trump Jr" is not the president. Dates, actors ("Putin Monday", "Abbas Hamas")
 * and title-case headlines, where every word is capitalised, do not count.
 */
function nameRunsOn(
  ctx: CoderContext,
  toks: readonly Token[],
  norms: string[],
  texts: string[],
  b: number,
  end: number,
  titleCase: boolean,
): boolean {
  const next = toks[b];
  if (!next || b >= end || titleCase) return false;
  // any capitalised word mid-sentence (the tagger calls rarer surnames nouns)
  if (!capitalised(next) || NOT_NAME.has(next.norm)) return false;
  return !ctx.lex.actors.match(norms, texts, b, end) && !ctx.lex.agents.match(norms, texts, b, end);
}

/** no lower-case word of four letters or more: a headline in title case, where capitals say nothing about names */
function isTitleCase(toks: readonly Token[], a: number, b: number): boolean {
  let words = 0;
  for (let k = a; k < b; k++) {
    const w = toks[k]!.text;
    if (w.length < 4 || !/^[A-Za-z]/.test(w)) continue;
    if (/^[a-z]/.test(w)) return false;
    words++;
  }
  return words >= 3;
}

/**
 * The role an agent adds to an actor code: its first type ("GOV" of GOV MIL), or, under PETRARCH conventions, all of
 * them as PETRARCH writes them ("FOREIGN_MINISTER [~GOVFRM]" → GOVFRM).
 */
function agentType(ctx: CoderContext, agent: AgentEntry): string {
  return ctx.lex.source.conventions === 'petrarch' ? agent.types.join('') : agent.types[0]!;
}

function chooseName(hits: ActorName[], next: Token | undefined, date: string): ActorName | null {
  // a surname several people share ("Clinton", "Castro", "Sharif") is the one who holds an office on the date;
  // none or several: who is meant is unknown, but if they all have the same code on the date ("Bush" in 1996: both
  // former presidents are USA) that code is known
  const people = new Set(hits.filter((h) => h.entry.kind === 'person').map((h) => h.entry));
  if (people.size > 1) {
    const inOffice = [...people].filter((e) => roleOnDate(e, date) !== undefined);
    if (inOffice.length === 1) return hits.find((h) => h.entry === inOffice[0]) ?? null;
    const pool = inOffice.length ? inOffice : [...people];
    const codes = new Set(pool.map((e) => codeOnDate(e, date)));
    if (codes.size !== 1) return null;
    const first = pool[0]!;
    const surname = first.aliases.find((x) => !x.includes(' ')) ?? first.name;
    // one of several people: the code without an identity (no id, the surname as the name, no gender)
    const { gender: _gender, ...rest } = first;
    return { entry: { ...rest, id: '', name: surname, roles: [], code: [...codes][0]! }, adjectival: false };
  }
  // an adjectival form before a noun is preferred ("U.S. officials"); a noun form otherwise
  const nounNext = next && (next.pos === 'NOUN' || next.pos === 'ADJ');
  return hits.find((h) => h.adjectival === Boolean(nounNext)) ?? hits[0]!;
}

export function findMentions(doc: Doc, ctx: CoderContext): void {
  const toks = doc.tokens;
  const norms = toks.map((t) => t.norm);
  const texts = toks.map((t) => t.text);
  const date = doc.meta.date;
  const mentions: Mention[] = [];
  const agentHits: AgentHit[] = [];
  const add = (m: Omit<Mention, 'i'>): Mention => {
    const full = { ...m, i: mentions.length } as Mention;
    mentions.push(full);
    return full;
  };
  /** surname → person mention, for later bare-surname references to people found by pattern */
  const surnames = new Map<string, Mention>();

  for (const s of doc.sentences) {
    let i = s.tokStart;
    const titleCase = isTitleCase(toks, s.tokStart, s.tokEnd);
    while (i < s.tokEnd) {
      const t = toks[i]!;
      const hit = ctx.lex.actors.match(norms, texts, i, s.tokEnd);
      const agentHit = ctx.lex.agents.match(norms, texts, i, s.tokEnd);
      // an agent title ("President", "Foreign Minister") or honorific directly before a name
      const titleLen = agentHit?.value.some((a) => a.title)
        ? agentHit.length
        : ctx.lex.honorifics.has(t.norm)
          ? 1
          : 0;
      if (titleLen > 0 && i + titleLen < s.tokEnd) {
        const nameHit = ctx.lex.actors.match(norms, texts, i + titleLen, s.tokEnd);
        const personHit = nameHit?.value.find((v) => v.entry.kind === 'person');
        const someoneElse =
          nameHit != null &&
          personHit !== undefined &&
          nameRunsOn(ctx, toks, norms, texts, i + titleLen + nameHit.length, s.tokEnd, titleCase);
        // (a dictionary alias that holds the title itself, "President Xi", gives way to the longer title + name)
        if (
          nameHit &&
          personHit &&
          !someoneElse &&
          (!hit || hit.length <= titleLen || titleLen + nameHit.length > hit.length)
        ) {
          const a = i;
          const b = i + titleLen + nameHit.length;
          const e = personHit.entry;
          const span = doc.tokSpan(a, b);
          add({
            start: span.start,
            end: span.end,
            tokStart: a,
            tokEnd: b,
            actor: makeActor(span.text, span.start, span.end, codeOnDate(e, date), {
              name: e.name,
              id: e.id,
            }),
            via: 'dictionary',
            entries: [`${e.source.file}:${e.source.line}`],
            person: true,
            ...(e.gender ? { gender: e.gender } : {}),
          });
          // later bare-surname references: "President Juan Manuel Santos … Santos said"
          surnames.set(toks[b - 1]!.norm, mentions[mentions.length - 1]!);
          i = b;
          continue;
        }
        // unknown person after a title or honorific: "Foreign Minister Sergei Lavrov", "Mr Rothkopf"
        let j = i + titleLen;
        while (
          j < s.tokEnd &&
          j - (i + titleLen) < 3 &&
          toks[j]!.pos === 'PROPN' &&
          capitalised(toks[j]!) &&
          !NOT_NAME.has(toks[j]!.norm)
        )
          j++;
        if (
          j > i + titleLen &&
          (someoneElse || !ctx.lex.actors.match(norms, texts, i + titleLen, s.tokEnd))
        ) {
          const surname = toks[j - 1]!.norm;
          const known = surnames.get(surname);
          const span = doc.tokSpan(i, j);
          const titleAgent = agentHit?.value.find((a) => a.title);
          let code = known?.actor.code ?? '---';
          if (!known && titleAgent)
            code = combine(
              // "German Chancellor X", "X of the Czech Republic": a country written with the title; the sentence's
              // other countries say nothing about an unknown person ("… welcomed President Reagan's statement")
              countryAfterOf(ctx, norms, texts, j, s.tokEnd) ??
                adjacentCountry(doc, mentions, i) ??
                // "Tehran denied any role. … Foreign Ministry spokesman Abbas Mousavi said.": a state office with
                // no country speaks for the state that was the subject just before
                (STATE_OFFICE.has(titleAgent.types[0]!)
                  ? previousSubjectCountry(doc, mentions, s.i)
                  : null) ??
                '---',
              agentType(ctx, titleAgent),
            );
          const m = add({
            start: span.start,
            end: span.end,
            tokStart: i,
            tokEnd: j,
            actor: makeActor(span.text, span.start, span.end, code, {
              name: known?.actor.name ?? doc.tokSpan(i + titleLen, j).text,
            }),
            via: known ? 'coref' : 'title',
            entries: titleAgent ? [`${titleAgent.source.file}:${titleAgent.source.line}`] : [],
            person: true,
            ...(known?.gender ? { gender: known.gender } : {}),
          });
          if (!known) surnames.set(surname, m);
          i = j;
          continue;
        }
      }
      let name = hit ? chooseName(hit.value, toks[i + hit.length], date) : null;
      // a surname after someone else's given name ("Melania Trump", "Indira Gandhi", "Xiomara Castro") is not the
      // listed person: the run of capitalised words is left to the unknown-people rule below
      if (name?.entry.kind === 'person' && hit!.length === 1 && i > s.tokStart) {
        const prev = toks[i - 1]!;
        if (
          prev.pos === 'PROPN' &&
          /^[A-Z][a-z]/.test(prev.text) &&
          !NOT_NAME.has(prev.norm) &&
          !ctx.lex.honorifics.has(prev.norm) &&
          !ctx.lex.agents.match(norms, texts, i - 1, i) &&
          !mentions.some((m) => m.tokEnd === i)
        )
          name = null;
      }
      if (hit && name && (!agentHit || hit.length >= agentHit.length)) {
        const e = name.entry;
        if (e.kind === 'person' && nameRunsOn(ctx, toks, norms, texts, i + hit.length, s.tokEnd, titleCase)) {
          // someone else's full name ("Abbas Mousavi said"): no mention, and none from its later words either
          let j = i + hit.length;
          while (j < s.tokEnd && capitalised(toks[j]!) && !NOT_NAME.has(toks[j]!.norm)) j++;
          i = j;
          continue;
        }
        let a = i;
        const b = i + hit.length;
        if (
          a > s.tokStart &&
          toks[a - 1]!.norm === 'the' &&
          (e.kind === 'metonym' || e.kind === 'org' || e.kind === 'igo' || e.kind === 'group')
        )
          a--;
        const span = doc.tokSpan(a, b);
        const prev = i > s.tokStart ? toks[i - 1]! : undefined;
        // (a compass word between: "in northern Mozambique")
        let pp = a - 1;
        if (pp > s.tokStart && COMPASS.test(toks[pp]!.norm)) pp--;
        // ("in the Democratic Republic of Congo", "in the northern Gaza Strip")
        // (only inside a place: "troops from the United States" come from an actor)
        if (
          pp > s.tokStart &&
          toks[pp]!.norm === 'the' &&
          /^(in|inside|throughout|across)$/.test(toks[pp - 1]!.norm)
        )
          pp--;
        const prevPrep = pp >= s.tokStart ? toks[pp]! : undefined;
        // a place is where things happen, unless it is acted on ("Israel pounded the Gaza Strip"); places with no
        // country of their own (a sea, a region) are never actors
        const locative =
          (e.kind === 'place' && (codeOnDate(e, date) === '---' || !isActedOn(toks, a))) ||
          ((e.kind === 'capital' || e.kind === 'country' || e.kind === 'place') &&
            prevPrep !== undefined &&
            LOCATIVE.has(prevPrep.norm) &&
            !name.adjectival);
        const m = add({
          start: span.start,
          end: span.end,
          tokStart: a,
          tokEnd: b,
          actor: makeActor(span.text, span.start, span.end, codeOnDate(e, date), { name: e.name, id: e.id }),
          via: e.kind === 'metonym' || e.kind === 'capital' ? 'metonym' : 'dictionary',
          entries: [`${e.source.file}:${e.source.line}`],
          ...(name.adjectival ? { adjectival: true } : {}),
          ...(e.kind === 'person' ? { person: true } : {}),
          ...(e.gender ? { gender: e.gender } : {}),
          ...(locative ? { locative: true } : {}),
        });
        if (e.kind === 'person') surnames.set(toks[b - 1]!.norm, m);
        void prev;
        i = b;
        continue;
      }
      // "Vietnamese-led forces", "Saudi-backed government": the actor before the hyphen qualifies the phrase
      const qualified =
        /^(.+)-(led|backed|based|controlled|owned|run|sponsored|allied|aligned|brokered|funded|supported|dominated|held|born|made|flagged|registered|operated)$/i.exec(
          t.text,
        );
      if (qualified && !hit) {
        const part = qualified[1]!;
        const ph = ctx.lex.actors.match([normalise(part)], [part], 0, 1);
        if (ph) {
          const e = ph.value[0]!.entry;
          add({
            start: t.start,
            end: t.start + part.length,
            tokStart: i,
            tokEnd: i + 1,
            actor: makeActor(part, t.start, t.start + part.length, codeOnDate(e, date), {
              name: e.name,
              id: e.id,
            }),
            via: 'dictionary',
            entries: [`${e.source.file}:${e.source.line}`],
            adjectival: true,
          });
          i++;
          continue;
        }
      }
      // hyphenated pairs of actors: "Russian-American relations", "US-China talks"
      if (t.text.includes('-') && !hit) {
        const parts = t.text.split('-');
        let offset = t.start;
        const found: Mention[] = [];
        for (const part of parts) {
          const ph = ctx.lex.actors.match([normalise(part)], [part], 0, 1);
          if (ph && part.length > 1) {
            const e = ph.value[0]!.entry;
            found.push({
              i: -1,
              start: offset,
              end: offset + part.length,
              tokStart: i,
              tokEnd: i + 1,
              actor: makeActor(part, offset, offset + part.length, codeOnDate(e, date), {
                name: e.name,
                id: e.id,
              }),
              via: 'dictionary',
              entries: [`${e.source.file}:${e.source.line}`],
              adjectival: true,
            });
          }
          offset += part.length + 1;
        }
        if (found.length === parts.length && found.length > 1) {
          for (const f of found) add(f);
          i++;
          continue;
        }
      }
      if (agentHit) {
        agentHits.push({ tokStart: i, tokEnd: i + agentHit.length, agent: agentHit.value[0]! });
        i += agentHit.length;
        continue;
      }
      // (a listed person's bare surname does not end the run: "Melania Trump" is someone else)
      const knownNameAt = (j: number) => {
        const m = ctx.lex.actors.match(norms, texts, j, s.tokEnd);
        return m !== null && !(m.length === 1 && m.value.every((v) => v.entry.kind === 'person'));
      };
      // unknown people: a run of 2–3 capitalised proper nouns, or a surname seen before
      if (t.pos === 'PROPN' && capitalised(t) && !NOT_NAME.has(t.norm)) {
        let j = i;
        while (
          j < s.tokEnd &&
          j - i < 3 &&
          toks[j]!.pos === 'PROPN' &&
          capitalised(toks[j]!) &&
          !NOT_NAME.has(toks[j]!.norm) &&
          // a known name starting inside the run ends it: "Speaker Nancy Pelosi"; so does a title ("Deputy Prime
          // Minister Odo" is a deputy, then a title and a name)
          (j === i ||
            (!knownNameAt(j) && !ctx.lex.agents.match(norms, texts, j, s.tokEnd)?.value.some((a) => a.title)))
        )
          j++;
        const known = surnames.get(toks[j - 1]!.norm);
        const followedByOrgWord =
          j < s.tokEnd &&
          /^(magazine|newspaper|company|group|party|agency|university|institute|foundation|bank|times|post|news)$/.test(
            toks[j]!.norm,
          );
        if ((j - i >= 2 && !followedByOrgWord) || known) {
          const span = doc.tokSpan(i, j);
          const code = known?.actor.code ?? appositiveCode(doc, ctx, norms, texts, j, s.tokEnd) ?? '---';
          const m = add({
            start: span.start,
            end: span.end,
            tokStart: i,
            tokEnd: j,
            actor: makeActor(span.text, span.start, span.end, code, { name: known?.actor.name ?? span.text }),
            via: known ? 'coref' : 'title',
            entries: known ? known.entries : [],
            person: true,
            ...(known?.gender ? { gender: known.gender } : {}),
          });
          if (!known) surnames.set(toks[j - 1]!.norm, m);
          i = j;
          continue;
        }
      }
      i++;
    }
  }
  doc.mentions = mentions;
  agentHitsOf.set(doc, agentHits);
}

const agentHitsOf = new WeakMap<Doc, AgentHit[]>();

/** heads of phrases naming people in someone else's hands */
const HELD = new Set(['captive', 'hostage', 'prisoner', 'detainee', 'abductee']);

/** The country of the sentence's first government-like actor before token `tok`, for agents without one. */
function contextCountry(doc: Doc, pool: Mention[], tok: number): string | null {
  const sent = doc.tokens[tok]!.sent;
  let best: Mention | undefined;
  for (let k = pool.length - 1; k >= 0; k--) {
    const m = pool[k]!;
    const ms = doc.tokens[m.tokStart]!.sent;
    if (ms < sent) break;
    if (ms > sent || m.tokStart >= tok || m.locative || !m.actor.country) continue;
    if (!best || m.tokStart > best.tokStart) best = m;
  }
  return best?.actor.country ?? null;
}

/**
 * The code an appositive gives the name before it: ", editor-in-chief of Foreign Policy magazine" (the agent's type
 * with the organisation's code), ", an Afghan defence spokesperson," (the agent's type with the country).
 */
function appositiveCode(
  doc: Doc,
  ctx: CoderContext,
  norms: string[],
  texts: string[],
  j: number,
  end: number,
): string | null {
  const toks = doc.tokens;
  if (j >= end || toks[j]!.norm !== ',') return null;
  let stop = j + 1;
  while (
    stop < end &&
    stop - j < 10 &&
    toks[stop]!.norm !== ',' &&
    toks[stop]!.pos !== 'VERB' &&
    toks[stop]!.pos !== 'AUX'
  )
    stop++;
  let type: string | undefined;
  let country: string | null = null;
  let org: string | undefined;
  // "editor-in-chief of Foreign Policy magazine": the organisation after "of" gives the code; a person there does not
  // ("a critic of President Alexander Lukashenko" is no government official), nor does any role after "of"
  let afterOf = false;
  for (let k = j + 1; k < stop; ) {
    const ag = ctx.lex.agents.match(norms, texts, k, stop);
    const act = ctx.lex.actors.match(norms, texts, k, stop);
    if (act && (!ag || act.length >= ag.length)) {
      const entry = act.value[0]!.entry;
      const code = codeOnDate(entry, doc.meta.date);
      const parts = splitCode(code);
      if (parts.types.length && toks[k - 1]?.norm === 'of' && entry.kind !== 'person') org ??= code;
      country ??= parts.country;
      k += act.length;
    } else if (ag) {
      if (!afterOf) type ??= agentType(ctx, ag.value[0]!);
      k += ag.length;
    } else {
      if (toks[k]!.norm === 'of') afterOf = true;
      k++;
    }
  }
  if (org) return org;
  if (type) return combine(country ?? '---', type);
  return null;
}

/**
 * For every NP chunk: the actor the whole phrase denotes. A name at the head is itself the actor; an agent noun
 * at the head takes its country from a modifier ("US diplomats", "Russia's … services"), an "of" phrase
 * ("children of American diplomats") or, failing those, from the sentence; an actor modifying a non-agent head
 * ("the US measures") stands for the phrase with lower confidence.
 */
export function assignNounPhraseActors(doc: Doc, ctx: CoderContext): void {
  const agentHits = agentHitsOf.get(doc) ?? [];
  const toks = doc.tokens;
  // the mentions found so far, by sentence (the composites added below do not lend countries)
  const sentenceMentions = mentionsBySentence(doc);
  const storyCountry = storyCountries(doc);
  const byTok = new Map<number, Mention>();
  for (const m of doc.mentions) for (let k = m.tokStart; k < m.tokEnd; k++) byTok.set(k, m);
  const agentByTok = new Map<number, AgentHit>();
  for (const h of agentHits) for (let k = h.tokStart; k < h.tokEnd; k++) agentByTok.set(k, h);
  /**
   * Agents that go before the actor's code (PETRARCH `[NGO~]`) written in the phrase before token `to`: "MSF
   * Varnova" → NGO + VAR. Returns the prefix codes and the first token they cover.
   */
  const prefixAgents = (from: number, to: number): { code: string; start: number } | undefined => {
    let code = '';
    let start = to;
    for (const h of agentHits)
      if (h.agent.prefix && h.tokStart >= from && h.tokEnd <= to) {
        code += h.agent.types.join('');
        start = Math.min(start, h.tokStart);
      }
    return code ? { code, start } : undefined;
  };
  /** agent phrases whose country came from an "of"/"in"/"from" phrase: that phrase's chunk, and the agent type */
  const origins = new Map<number, { np: number; type: string }>();
  const chunks = doc.chunks;
  // index NP chunks by start token, to find "of" phrases
  const npAt = new Map<number, number>();
  chunks.forEach((c, k) => {
    if (c.type === 'NP') npAt.set(c.start, k);
  });
  /** the latest earlier actor phrase (this sentence or the three before) with the head of chunk k and a known code */
  const repeatedHead = (k: number): Mention | undefined => {
    const c = chunks[k]!;
    if (c.type !== 'NP') return undefined;
    const lemma = toks[c.head]!.lemma;
    const sent = toks[c.start]!.sent;
    for (let j = k - 1; j >= 0; j--) {
      const e = chunks[j]!;
      if (e.type !== 'NP') continue;
      if (sent - toks[e.start]!.sent > 3) break;
      if (e.actor === undefined || toks[e.head]!.lemma !== lemma) continue;
      const m = doc.mentions[e.actor]!;
      if (!m.actor.code.startsWith('---')) return m;
    }
    return undefined;
  };
  const npActor = (k: number, depth: number): number | undefined => {
    const c = chunks[k]!;
    if (c.type !== 'NP' || c.time) return undefined;
    if (c.actor !== undefined) return c.actor;
    const headMention = byTok.get(c.head);
    // "of" phrase
    let ofChunk: number | undefined;
    if (c.end < toks.length && toks[c.end]!.norm === 'of' && toks[c.end]!.sent === toks[c.start]!.sent)
      ofChunk = npAt.get(c.end + 1);
    if (ofChunk !== undefined) c.of = ofChunk;
    // a demonym at the head is the people: "100 ethnic Albanians demonstrated"
    const peopleDemonym =
      headMention?.adjectival && /s$/.test(toks[c.head]!.norm) && headMention.tokEnd === c.head + 1;
    // PETRARCH: the first actor of the phrase is its actor ("Arnor's Elrond" → ARN, "the evil Arnor awful Gondor"
    // → ARN), with a title between them ("Ithilen's minister Calimehtar" → ITHGOV)
    if (
      headMention &&
      !headMention.adjectival &&
      headMention.via === 'dictionary' &&
      ctx.lex.source.conventions === 'petrarch'
    ) {
      let first: Mention | undefined;
      for (let t = c.start; t < headMention.tokStart && !first; t++) {
        const m = byTok.get(t);
        if (m && !m.locative && m.actor.country && m !== headMention) first = m;
      }
      if (first) {
        const titled = agentHits.find(
          (h) => h.agent.title && h.tokStart >= first!.tokEnd && h.tokEnd <= headMention.tokStart,
        );
        c.actor = composite(
          doc,
          c.start,
          c.end,
          titled ? combine(first.actor.code, agentType(ctx, titled.agent)) : first.actor.code,
          first,
          titled ? 'agent' : first.via,
          first.entries,
        );
        return c.actor;
      }
    }
    if (headMention && (!headMention.adjectival || peopleDemonym)) {
      // "Varnova Prime Minister Odo" where the dictionary gives the name only a country code: the title right
      // before the name adds its role (a name with a role of its own keeps it)
      const title = agentByTok.get(headMention.tokStart - 1);
      if (
        title?.agent.title &&
        title.tokStart >= c.start &&
        !headMention.locative &&
        splitCode(headMention.actor.code).types.length === 0 &&
        splitCode(headMention.actor.code).country
      ) {
        c.actor = composite(
          doc,
          title.tokStart,
          headMention.tokEnd,
          combine(headMention.actor.code, agentType(ctx, title.agent)),
          headMention,
          'agent',
          [`${title.agent.source.file}:${title.agent.source.line}`, ...headMention.entries],
        );
        return c.actor;
      }
      const pre = prefixAgents(c.start, headMention.tokStart);
      if (pre && !headMention.locative) {
        c.actor = composite(
          doc,
          pre.start,
          headMention.tokEnd,
          `${pre.code}${headMention.actor.code}`,
          headMention,
          'agent',
          headMention.entries,
        );
        return c.actor;
      }
      c.actor = headMention.i;
      return c.actor;
    }
    let agent = agentByTok.get(c.head);
    // modifiers: mentions inside the NP before the head
    let modifier: Mention | undefined;
    for (let t = c.start; t < c.head; t++) {
      const m = byTok.get(t);
      if (m && !m.locative) modifier = m;
    }
    // an agent noun modifying a non-agent head: "foreign ministry proposals", "army officers"? (head wins if agent)
    if (!agent && !modifier) {
      for (let t = c.head - 1; t >= c.start; t--) {
        const h = agentByTok.get(t);
        if (h && h.tokEnd <= c.head) {
          agent = h;
          break;
        }
      }
    }
    const ofActor = ofChunk !== undefined && depth < 2 ? npActor(ofChunk, depth + 1) : undefined;
    const ofMention = ofActor !== undefined ? doc.mentions[ofActor] : undefined;
    // "thousands of Iraqi Kurds", "dozens of Russian diplomats": a quantity stands for the people it counts
    if (!agent && !modifier && ofMention && QUANTITY_HEADS.has(toks[c.head]!.lemma)) {
      c.actor = composite(
        doc,
        c.start,
        chunks[ofChunk!]!.end,
        ofMention.actor.code,
        ofMention,
        'agent',
        ofMention.entries,
      );
      return c.actor;
    }
    if (!agent && !modifier) {
      // "the campaign of Hillary Clinton": a non-agent head owned by an actor
      // (the head's lemma or its written form: "supporters" → supporter, "allies" → ally)
      // ("the Central Asian nation of Kyrgyzstan": a descriptive "nation of" is the country itself)
      const OWNED =
        /^(campaign|government|administration|office|forces|army|family|spokesman|spokeswoman|spokesperson|supporters|allies|envoy|nation|country|republic|kingdom)$/;
      if (ofMention && (OWNED.test(toks[c.head]!.lemma) || OWNED.test(toks[c.head]!.norm))) {
        c.actor = composite(
          doc,
          c.start,
          chunks[ofChunk!]!.end,
          ofMention.actor.code,
          ofMention,
          'agent',
          ofMention.entries,
        );
        return c.actor;
      }
      return undefined;
    }
    let code: string;
    const entries: string[] = [];
    let inferred = false;
    if (agent) {
      entries.push(`${agent.agent.source.file}:${agent.agent.source.line}`);
      const type = agentType(ctx, agent.agent);
      // "the Dubai ruler", "Kabul police": a place before a role noun lends its country (only to a role noun: "the
      // Gaza war" names no actor)
      let place: Mention | undefined;
      for (let t = c.start; !modifier && t < agent.tokStart && t < c.head; t++) {
        const m = byTok.get(t);
        if (m?.locative && m.actor.country && m.tokEnd <= agent.tokStart) place = m;
      }
      const base = modifier ?? ofMention ?? place;
      if (base) {
        entries.push(...base.entries);
        if (base === ofMention && !modifier) origins.set(k, { np: ofChunk!, type });
        const { country, types } = splitCode(base.actor.code);
        // a person modifier ("the Obama administration") lends its country, not its own role
        // a person lends their role when they have one ("the Obama administration" → USAGOV in 2016,
        // "Trump's team" → USAELI before the inauguration), else their country
        if (ctx.lex.source.conventions === 'petrarch')
          // PETRARCH appends the agent to the whole code: "activists of Amnesty International" → NGMOPP
          code = base.actor.code.endsWith(type) ? base.actor.code : `${base.actor.code}${type}`;
        else if (base.person && base.via !== 'agent')
          code = types.length ? base.actor.code : combine(country ?? '---', type);
        // "Kremlin officials" keep the modifier's full code; "children of American diplomats" take the head's type
        else
          code =
            types.length && !base.adjectival && base === modifier
              ? base.actor.code
              : combine(country ?? '---', type);
      } else if (
        c.end + 1 < toks.length &&
        (toks[c.end]!.norm === 'from' ||
          (/^(in|across|throughout)$/.test(toks[c.end]!.norm) && !FOREIGN_BASED.has(type))) &&
        originCountry(
          doc,
          byTok,
          c.end + 1,
          toks[c.end]!.norm !== 'from' || ctx.lex.source.conventions === 'petrarch',
        )
      ) {
        // "diplomats from Britain", "lawmakers in Fornost", "human rights activists in Arnor": the country named
        // (but "troops in Syria" are seldom Syria's own)
        code = combine(
          originCountry(
            doc,
            byTok,
            c.end + 1,
            toks[c.end]!.norm !== 'from' || ctx.lex.source.conventions === 'petrarch',
          )!,
          type,
        );
        const origin = npAt.get(c.end + 1);
        if (origin !== undefined) origins.set(k, { np: origin, type });
      } else {
        // "European Union leaders agreed … The leaders also called for …": a bare definite phrase repeats an
        // earlier phrase with the same head and takes its actor
        const earlier = toks[c.start]!.norm === 'the' && c.head === c.start + 1 ? repeatedHead(k) : undefined;
        if (ctx.lex.source.conventions === 'petrarch') {
          // PETRARCH: a country only from the phrase itself
          code = combine('---', type);
        } else if (earlier) {
          code = earlier.actor.code;
          entries.push(...earlier.entries);
        } else {
          // the sentence's earlier country ("foreign ministry proposals", "a meeting with intelligence officials"),
          // but never for armed non-state groups after the verb ("an operation against Kurdish fighters"), which are
          // seldom the subject's own, nor for people held by someone ("was holding more than 100 captives"); "the
          // army", "police" with no country in the sentence: the story's country
          const sentMentions = sentenceMentions.get(toks[c.start]!.sent) ?? [];
          const nonState = NON_STATE.has(type) && verbBefore(toks, c.start);
          const held = HELD.has(toks[c.head]!.lemma) && verbBefore(toks, c.start);
          // "Poland will close its border with Belarus, the interior minister said": the speaker of a reporting
          // clause after the sentence speaks for the sentence's subject, not for the country named last
          const reporting =
            toks[c.start - 1]?.norm === ',' &&
            /^(say|tell|announce|add|confirm|state|report|warn|claim|insist)$/.test(
              toks[c.end]?.lemma ?? '',
            ) &&
            toks[c.end]!.pos === 'VERB';
          const subjectCountry = reporting
            ? sentMentions.find((m) => !m.locative && m.actor.country && m.tokStart < c.start)?.actor.country
            : undefined;
          const country = held
            ? null
            : nonState
              ? followingCountry(sentMentions, c.end)
              : (subjectCountry ??
                contextCountry(doc, sentMentions, c.start) ??
                (DOMESTIC.has(type) ? storyCountry[toks[c.start]!.sent] : undefined) ??
                (PLACE_DOMESTIC.has(type) ? placeCountry(sentMentions) : null));
          inferred = country !== null;
          code = combine(country ?? '---', type);
        }
      }
    } else {
      code = modifier!.actor.code;
      entries.push(...modifier!.entries);
    }
    const end = agent && !modifier && ofMention ? chunks[ofChunk!]!.end : c.end;
    // "an MSF Varnova diplomat": prefix agents before the modifier go before the code
    const pre = modifier ? prefixAgents(c.start, modifier.tokStart) : undefined;
    if (pre && !code.startsWith(pre.code)) code = `${pre.code}${code}`;
    c.actor = composite(
      doc,
      c.start,
      end,
      code,
      modifier ?? ofMention,
      agent ? 'agent' : 'dictionary',
      entries,
      inferred,
    );
    // "leaders", "officials": a plural head names a group, not one person ("Palestinian leaders said they …")
    const h = toks[c.head]!;
    const plural = h.lemma !== h.norm && h.norm.endsWith('s');
    if (agent?.agent.person && !plural) doc.mentions[c.actor]!.person = true;
    return c.actor;
  };
  for (let k = 0; k < chunks.length; k++) if (chunks[k]!.type === 'NP') npActor(k, 0);
  // "the ambassadors of Varnova, Pell and Zundia", "lawmakers in Varnova and Zundia": the agent goes with every
  // country of the list, not only the first
  const lists = new Set<number>();
  agentListsOf.set(doc, lists);
  for (const [k, { np: o, type }] of origins) {
    const first = chunks[o] as NP;
    for (const member of listAfter(doc, npAt, first)) {
      const m = member.actor !== undefined ? doc.mentions[member.actor]! : undefined;
      if (!m) continue;
      const { country, types } = splitCode(m.actor.code);
      if (!country || types.length) continue;
      member.actor = composite(
        doc,
        member.start,
        member.end,
        combine(m.actor.code, type),
        m,
        'agent',
        doc.mentions[(chunks[k] as NP).actor ?? m.i]!.entries,
      );
      lists.add(chunks[k]!.start);
    }
  }
  namesAfterRoles(doc);
  namesWithRoles(doc, ctx, agentHits);
}

/**
 * "the American journalist Danny Fenster", "aid worker Aya Hijazi": an unknown name right after a role noun is the
 * person in that role, with the country named before the role in the same phrase.
 */
function namesWithRoles(doc: Doc, ctx: CoderContext, agentHits: readonly AgentHit[]): void {
  const toks = doc.tokens;
  const byEnd = new Map<number, AgentHit>();
  for (const h of agentHits) byEnd.set(h.tokEnd, h);
  const bySent = mentionsBySentence(doc);
  for (const m of doc.mentions) {
    if (!m.person || m.via !== 'title' || m.actor.code !== '---') continue;
    const hit = byEnd.get(m.tokStart);
    if (!hit || hit.agent.title) continue;
    const sent = toks[m.tokStart]!.sent;
    // the country before the role, inside the same run of modifiers ("the jailed American aid worker")
    let country: string | null = null;
    let k = hit.tokStart - 1;
    while (
      k >= 0 &&
      toks[k]!.sent === sent &&
      /^(ADJ|PROPN|NOUN|VERB)$/.test(toks[k]!.pos) &&
      hit.tokStart - k <= 4
    )
      k--;
    for (const x of bySent.get(sent) ?? [])
      if (x !== m && x.tokStart > k && x.tokEnd <= hit.tokStart && x.actor.country && !x.locative)
        country = x.actor.country;
    const code = combine(country ?? '---', agentType(ctx, hit.agent));
    const { types } = splitCode(code);
    m.actor = { ...m.actor, code, country, types };
  }
}

const agentListsOf = new WeakMap<Doc, Set<number>>();

/**
 * "A spokesman for the Taliban, Qari Yussouf Ahmadi, said": an unknown name set off by commas right after a phrase
 * naming one person's role is that person; it takes the role's code. (The name before its role — "Qari Yussouf
 * Ahmadi, a Taliban spokesman," — is `appositiveCode`'s case.)
 */
function namesAfterRoles(doc: Doc): void {
  const toks = doc.tokens;
  const bySent = mentionsBySentence(doc);
  for (const m of doc.mentions) {
    if (!m.person || m.via !== 'title' || m.actor.code !== '---') continue;
    const comma = m.tokStart - 1;
    const sent = doc.sentences[toks[m.tokStart]!.sent]!;
    if (comma <= sent.tokStart || toks[comma]!.norm !== ',') continue;
    if (toks[m.tokEnd]?.norm !== ',') continue;
    const own = bySent.get(toks[m.tokStart]!.sent) ?? [];
    let role: Mention | undefined;
    for (const a of own) {
      if (a.tokEnd > comma || a.tokStart < Math.max(sent.tokStart, comma - 8)) continue;
      if (a.via !== 'agent' || !a.person) continue;
      let clean = true;
      for (let k = a.tokEnd; k < comma && clean; k++)
        clean = toks[k]!.norm !== ',' && toks[k]!.pos !== 'VERB' && toks[k]!.pos !== 'AUX';
      if (clean && (!role || a.tokStart < role.tokStart)) role = a;
    }
    if (!role) continue;
    // "a spokesman for the Kenyan police": a role with no country of its own speaks for whom it is "for" or "of"
    let code = role.actor;
    const end = role.tokEnd;
    if (!code.country && (toks[end]?.norm === 'for' || toks[end]?.norm === 'of')) {
      // (the whole phrase "the Kenyan police", not its adjective)
      let of: Mention | undefined;
      for (const x of own)
        if (x.tokStart > end && x.tokStart <= end + 2 && x.tokEnd <= comma && !x.locative)
          if (!of || x.tokEnd - x.tokStart > of.tokEnd - of.tokStart) of = x;
      if (of?.actor.country) code = of.actor;
    }
    if (!code.country) continue;
    m.actor = { ...m.actor, code: code.code, country: code.country, types: [...code.types] };
    m.entries = [...m.entries, ...role.entries];
  }
}

/**
 * Start tokens of the agent phrases whose countries run on into a list ("the ambassadors of A, B and C"): the
 * clause stage takes the whole list as the subject.
 */
export function agentLists(doc: Doc): ReadonlySet<number> {
  return agentListsOf.get(doc) ?? new Set();
}

/**
 * The noun phrases listed after `np` ("A, B and C" → B, C): a comma list counts only when it ends in a
 * conjunction. Empty when no list follows.
 */
function listAfter(doc: Doc, npAt: Map<number, number>, np: NP): NP[] {
  const toks = doc.tokens;
  const sent = toks[np.start]!.sent;
  const items: NP[] = [];
  let end = np.end;
  while (end < toks.length && toks[end]!.sent === sent) {
    let k = end;
    let conj = false;
    if (toks[k]!.norm === ',') k++;
    if (k < toks.length && toks[k]!.pos === 'CCONJ' && /^(and|or)$/.test(toks[k]!.norm)) {
      conj = true;
      k++;
    }
    if (k === end) break;
    const next = npAt.get(k);
    if (next === undefined) break;
    const n = doc.chunks[next] as NP;
    if (n.time) break;
    items.push(n);
    end = n.end;
    if (conj) return items;
  }
  return [];
}

/** A place acted on: the direct object of a verb, or after "on"/"against"/"at" ("strikes on Gaza"). */
function isActedOn(toks: Token[], a: number): boolean {
  let k = a - 1;
  while (k >= 0 && /^(DET|ADJ|NUM)$/.test(toks[k]!.pos)) k--;
  const before = toks[k];
  return (
    before !== undefined &&
    (before.pos === 'VERB' || /^(on|against|at|into|toward|towards)$/.test(before.norm))
  );
}

/** Is there a verb between the sentence start and token `k`? (the phrase is on the object side) */
function verbBefore(toks: Token[], k: number): boolean {
  const sent = toks[k]!.sent;
  for (let t = k - 1; t >= 0 && toks[t]!.sent === sent; t--) if (toks[t]!.pos === 'VERB') return true;
  return false;
}

/** The first country named after token `from` in the sentence (places included: "a base in Saudi Arabia"). */
function followingCountry(mentions: Mention[], from: number): string | null {
  for (const m of mentions)
    if (m.tokStart >= from && m.actor.country && !m.adjectival) return m.actor.country;
  return null;
}

/** agent types often stationed abroad: "in <country>" does not give their country */
const FOREIGN_BASED = new Set(['MIL', 'SPY', 'IGO', 'NGO', 'MED', 'BUS', 'REF', 'UAF']);

const QUANTITY_HEADS = new Set([
  'thousand',
  'thousands',
  'hundred',
  'hundreds',
  'dozen',
  'dozens',
  'score',
  'scores',
  'million',
  'millions',
  'some',
  'many',
  'most',
  'all',
  'several',
  'members',
  'member',
  'group',
  'number',
  'majority',
  'minority',
  'handful',
  'crowd',
  'ten',
  'tens',
  'batch',
  'team',
  'delegation',
  'contingent',
  'band',
]);

const NON_STATE = new Set(['REB', 'INS', 'UAF', 'CRM', 'SEP', 'RAD']);

/** agent types of state offices */
const STATE_OFFICE = new Set(['GOV', 'MIL', 'SPY', 'JUD', 'LEG']);

/** The country of the first subject actor of the sentence before `sent` (a phrase followed by its verb group). */
function previousSubjectCountry(doc: Doc, mentions: readonly Mention[], sent: number): string | null {
  if (sent === 0) return null;
  const vgAt = chunkIndex(doc).vgAt;
  for (const m of mentions) {
    if (doc.tokens[m.tokStart]!.sent !== sent - 1 || m.locative || m.adjectival || !m.actor.country) continue;
    let t = m.tokEnd;
    while (t < doc.tokens.length && !vgAt.has(t) && doc.tokens[t]!.pos === 'ADV') t++;
    if (vgAt.has(t)) return m.actor.country;
  }
  return null;
}

/** agent types that, without a country in their sentence, belong to the story's country ("the army", "police") */
const DOMESTIC = new Set(['MIL', 'COP', 'GOV', 'JUD', 'LEG', 'OPP', 'CVL', 'SPY']);

/** people who are mostly of the place they act in (troops, spies and refugees often are not) */
const PLACE_DOMESTIC = new Set(['COP', 'GOV', 'JUD', 'LEG', 'OPP', 'CVL', 'LAB', 'EDU', 'HLH']);

/**
 * "Prisoners rioted at a jail in Dili", "Workers at a mine in Peru went on strike": the country of the place where a
 * sentence happens, when a place names it and the sentence names no other country.
 */
function placeCountry(pool: Mention[]): string | null {
  const countries = new Set(pool.filter((m) => m.actor.country).map((m) => m.actor.country));
  if (countries.size !== 1) return null;
  return pool.find((m) => m.locative && m.actor.country)?.actor.country ?? null;
}

/**
 * For each sentence, the country most mentioned in the sentences before it (the first mentioned breaks ties): the
 * story's country, for domestic agents. One sweep over the mentions.
 */
function storyCountries(doc: Doc): (string | null)[] {
  const bySent = mentionsBySentence(doc);
  const counts = new Map<string, number>();
  const out: (string | null)[] = [];
  let best: string | null = null;
  let n = 0;
  for (const s of doc.sentences) {
    out.push(best);
    for (const m of bySent.get(s.i) ?? []) {
      if (m.locative || !m.actor.country || m.via === 'agent') continue;
      const k = (counts.get(m.actor.country) ?? 0) + 1;
      counts.set(m.actor.country, k);
      if (k > n) [best, n] = [m.actor.country, k];
    }
  }
  return out;
}

/** The country of a mention ending right before token `i` ("German Chancellor …", "Russia's foreign minister …"). */
function adjacentCountry(doc: Doc, mentions: Mention[], i: number): string | null {
  const prev = mentions[mentions.length - 1];
  if (!prev || prev.locative || !prev.actor.country) return null;
  const gap = doc.tokens[i - 1]?.norm === "'s" ? i - 1 : i;
  return prev.tokEnd === gap ? prev.actor.country : null;
}

/** "… of (the) Czech Republic" right after a name: the country named. */
function countryAfterOf(
  ctx: CoderContext,
  norms: string[],
  texts: string[],
  j: number,
  end: number,
): string | null {
  if (j >= end || norms[j] !== 'of') return null;
  const k = norms[j + 1] === 'the' ? j + 2 : j + 1;
  const hit = ctx.lex.actors.match(norms, texts, k, end);
  const e = hit?.value.find((v) => v.entry.kind === 'country')?.entry;
  if (e?.code) return e.code;
  // "the president of the Central Asian nation of Kyrgyzstan": a descriptive "nation of", "country of" first
  for (let t = k; t < Math.min(end, k + 5); t++)
    if (
      /^(nation|country|republic|kingdom|state|island|archipelago)$/.test(norms[t]!) &&
      norms[t + 1] === 'of'
    )
      return countryAfterOf(ctx, norms, texts, t + 1, end);
  return null;
}

/** The country of a country mention starting at (or after an article at) token `k`. */
function originCountry(doc: Doc, byTok: Map<number, Mention>, k: number, places: boolean): string | null {
  // the first actor with a country in the phrase after "from"/"in": "from Britain", "from two American aid groups";
  // with `places`, a place too ("police in Cairo", "workers in Bangladesh")
  const sent = doc.tokens[k - 1]?.sent;
  for (let t = k; t < doc.tokens.length && t < k + 6; t++) {
    const tok = doc.tokens[t]!;
    // (within the sentence: "recalled its ambassador from Moscow. Egyptian mediators …" names no Egyptian envoy)
    if (tok.sent !== sent || tok.pos === 'VERB' || tok.pos === 'AUX' || tok.pos === 'ADP' || tok.norm === ',')
      break;
    const m = byTok.get(t);
    if (m && (places || !m.locative) && m.actor.country) return m.actor.country;
  }
  return null;
}

function composite(
  doc: Doc,
  a: number,
  b: number,
  code: string,
  base: Mention | undefined,
  via: Mention['via'],
  entries: string[],
  inferred = false,
): number {
  const span = doc.tokSpan(a, b);
  const actor: Actor = makeActor(span.text, span.start, span.end, code);
  if (base?.actor.name && base.actor.code === code) actor.name = base.actor.name;
  if (base?.actor.id && base.actor.code === code) actor.id = base.actor.id;
  const m: Mention = {
    i: doc.mentions.length,
    start: span.start,
    end: span.end,
    tokStart: a,
    tokEnd: b,
    actor,
    via,
    entries: [...new Set(entries)],
  };
  if (inferred) m.via = 'agent';
  if (base?.person && base.actor.code === code) m.person = true;
  doc.mentions.push(m);
  return m.i;
}
