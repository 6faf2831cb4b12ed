/**
 * Clause analysis over chunks: one clause per verb group, with its subject, object and prepositional phrases.
 * Handles passives with "by" agents, reduced relatives ("sanctions imposed by Washington"), relative clauses,
 * "that" complements, infinitive and gerund complements (with subject/object control), participle clauses
 * (", expelling 35 …") and coordinated verbs, which take their subjects from the clause that governs them.
 */
import type { Argument, Chunk, Clause, Doc, PrepArg, Token } from '../core/doc.ts';
import { isPastForm, PAST_ONLY } from '../nlp/chunk.ts';
import { chunkIndex as chunkIndexOf } from './doc-index.ts';
import { agentLists } from './mentions.ts';

type NP = Extract<Chunk, { type: 'NP' }>;
type VG = Extract<Chunk, { type: 'VG' }>;

/** verbs whose object (or "on"/"to" phrase) is the subject of their infinitive complement */
const OBJECT_CONTROL = new Set([
  'urge',
  'call',
  'ask',
  'tell',
  'invite',
  'persuade',
  'force',
  'order',
  'allow',
  'encourage',
  'press',
  'push',
  'pressure',
  'request',
  'instruct',
  'warn',
  'advise',
  'appeal',
  'implore',
  'compel',
  'permit',
  'authorize',
  'authorise',
]);
const GERUND_SUBJECT_PREPS = new Set([
  'by',
  'after',
  'before',
  'while',
  'without',
  'through',
  'upon',
  'despite',
  'since',
]);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/** participles of state and the preposition that follows them: "engaged in", "involved in", "opposed to" */
const STATIVE_PARTICIPLES: Record<string, string> = { engage: 'in', involve: 'in', oppose: 'to' };

/** documents that say something: a participle right after one says what its issuer does */
const STATEMENT_NOUNS = new Set([
  'statement',
  'declaration',
  'communique',
  'communiqué',
  'resolution',
  'letter',
  'message',
  'note',
  'appeal',
  'ultimatum',
]);

/** prepositions whose phrase never precedes an object ("after", "because of" …) */
const SUBORDINATE = new Set([
  'after',
  'before',
  'because',
  'since',
  'until',
  'despite',
  'as',
  'like',
  'than',
]);

/** nouns after "by" that name a channel or a means, not an agent: "spoke by phone" */
const BY_NOT_AGENT = new Set([
  'phone',
  'telephone',
  'video',
  'videoconference',
  'videolink',
  'email',
  'letter',
  'mail',
  'train',
  'car',
  'plane',
  'air',
  'sea',
  'road',
  'land',
  'force',
  'decree',
  'law',
  'mistake',
  'accident',
  'chance',
  'far',
  'midnight',
  'noon',
  'then',
  'now',
  'default',
  'hand',
  'name',
  'proxy',
  'satellite',
  'radio',
  'post',
  'vote',
  'majority',
  'consensus',
]);

/** verbs that take a bare clause as complement ("said the troops attacked", "believes Russia will …") */
const COMPLEMENT_TAKING = new Set([
  'say',
  'tell',
  'claim',
  'announce',
  'state',
  'declare',
  'insist',
  'warn',
  'note',
  'add',
  'argue',
  'admit',
  'deny',
  'believe',
  'think',
  'know',
  'fear',
  'hope',
  'feel',
  'expect',
  'suggest',
  'report',
  'confirm',
  'allege',
  'assert',
  'acknowledge',
  'predict',
  'reckon',
  'suspect',
  'understand',
  'estimate',
  'show',
  'indicate',
  'signal',
  'communicate',
]);

/** words the tagger reads as prepositions that also open a clause ("after Russia and Ukraine agreed") */
const SUBORDINATOR_PREPS = new Set(['after', 'before', 'since', 'until', 'once', 'as', 'while']);

/** speech verbs that may put their subject after them: "…,” said the minister / tweeted David Rothkopf */
const SPEECH = new Set([
  'say',
  'tell',
  'tweet',
  'add',
  'write',
  'declare',
  'state',
  'insist',
  'warn',
  'note',
  'explain',
  'announce',
  'claim',
  'ask',
  'reply',
  'argue',
  'continue',
  'conclude',
  'stress',
  'post',
  'comment',
  'remark',
  'admit',
  'acknowledge',
]);
const STOP_ARGS = new Set([';', ':', '\u201c', '\u201d', '"', '(', ')', '[', ']', '\u2014', '\u2013']);

export function analyseClauses(doc: Doc): void {
  const toks = doc.tokens;
  const clauses: Clause[] = [];
  const { ppOfNp, npAt: npAtStart, npEndingAt, position: chunkIndex } = chunkIndexOf(doc);
  const npEndingAtTok = (end: number) => npEndingAt.get(end);
  const inPPChunk = (np: NP) => ppOfNp.has(chunkIndex.get(np)!);
  const single = (np: NP): Argument => {
    const a: Argument = { start: np.start, end: np.end, head: np.head };
    if (np.actor !== undefined) a.mention = np.actor;
    return a;
  };
  const extent = (np: NP) => (np.of !== undefined ? (doc.chunks[np.of] as NP).end : np.end);
  /**
   * An argument with its coordinated noun phrases: "A and B", "A, B and C" (a comma list counts only when it ends
   * in a conjunction, so appositives stay out). After a verb, a phrase followed by a verb starts a new clause.
   */
  const arg = (np: NP, asSubject = false): Argument => {
    const a = single(np);
    const items: NP[] = [];
    const origin = listOrigin.get(np);
    let end = origin ? extent(origin) : extent(np);
    let sawConj = false;
    const sent = toks[np.start]!.sent;
    while (end + 1 < toks.length && toks[end]!.sent === sent) {
      let k = end;
      let conj = false;
      if (toks[k]!.norm === ',') k++;
      if (k < toks.length && toks[k]!.pos === 'CCONJ' && /^(and|or|nor)$/.test(toks[k]!.norm)) {
        conj = true;
        k++;
      }
      if (k === end) break;
      const next = npAtStart.get(k);
      if (!next || next.time || toks[k]!.sent !== sent) break;
      const after = extent(next);
      if (!asSubject && after < toks.length && (toks[after]!.pos === 'VERB' || toks[after]!.pos === 'AUX'))
        break;
      items.push(next);
      end = after;
      if (conj) {
        sawConj = true;
        break;
      }
    }
    if (sawConj && items.length) a.coord = items.map(single);
    return a;
  };
  /**
   * agent phrases whose "of"/"in"/"from" phrase opens the list of a subject ("the ambassadors of A, B and C",
   * "lawmakers in A and B"): the list continues after that phrase
   */
  const listOrigin = new Map<NP, NP>();
  /** The first phrase of a coordinated subject ending at `np` ("Egypt and Israel signed"), else `np`. */
  const listStart = (np: NP): NP => {
    let first = np;
    let k = np.start - 1;
    if (k < 0 || toks[k]!.pos !== 'CCONJ' || !/^(and|or|nor)$/.test(toks[k]!.norm)) return np;
    k--;
    if (k >= 0 && toks[k]!.norm === ',') k--;
    for (;;) {
      const prev = npEndingAtTok(k + 1);
      if (!prev || prev.time || toks[prev.start]!.sent !== toks[np.start]!.sent) break;
      // in a phrase, unless the "preposition" is a conjunction opening this clause: "after Russia and Ukraine agreed"
      if (inPPChunk(prev) && !SUBORDINATOR_PREPS.has(toks[prev.start - 1]?.norm ?? '')) {
        // … or the phrase gives an agent its countries: "the ambassadors of A, B and C presented"
        const owner = /^(of|in|from)$/.test(toks[prev.start - 1]?.norm ?? '')
          ? npEndingAtTok(prev.start - 1)
          : undefined;
        if (owner && agentLists(doc).has(owner.start)) {
          listOrigin.set(owner, prev);
          first = owner;
        }
        break;
      }
      first = prev;
      k = prev.start - 1;
      if (k < 0 || toks[k]!.norm !== ',') break;
      k--;
    }
    return first;
  };

  /**
   * "by" + a noun phrase after a participle, before the next verb group: the agent of a reduced relative
   * ("sanctions imposed on Russia by Washington"), unlike "by" + gerund ("responded by expelling").
   */
  const agentFollows = (from: number): boolean => {
    const s = doc.sentences[toks[from - 1]!.sent]!;
    for (let t = from; t < s.tokEnd; t++) {
      const x = toks[t]!;
      if (x.pos === 'VERB' || x.pos === 'AUX' || x.norm === ',' || x.norm === ';' || x.pos === 'SCONJ')
        return false;
      if (x.norm === 'by') {
        const n = toks[t + 1];
        // "by expelling" is a means, "by phone" a channel: neither is an agent
        return n !== undefined && !(n.pos === 'VERB' && /ing$/.test(n.norm)) && !BY_NOT_AGENT.has(n.lemma);
      }
    }
    return false;
  };
  /**
   * Start of a relative clause that ends right before token `at`: ", which/who … ," closed by a comma, or
   * "who/which/that VG …" whose verb group lies between the pronoun and `at` with no other clause boundary.
   */
  const relativeOpenerBefore = (at: number, sentStart: number): number => {
    let k = at - 1;
    while (k >= sentStart && toks[k]!.pos === 'ADV') k--;
    const comma = k >= sentStart && toks[k]!.norm === ',';
    for (let r = k - 1; r > sentStart; r--) {
      const x = toks[r]!;
      if (x.norm === ';' || x.pos === 'SCONJ') return -1;
      if (comma && x.norm === ',' && !(toks[r + 1] && /^(which|who)$/.test(toks[r + 1]!.norm))) return -1;
      if (
        /^(who|which)$/.test(x.norm) ||
        (x.norm === 'that' && x.pos !== 'DET' && toks[r - 1]?.pos === 'NOUN')
      ) {
        if (comma) return toks[r - 1]?.norm === ',' ? r - 1 : -1;
        // without a comma: the relative clause must hold a verb group
        let hasVerb = false;
        for (let t = r + 1; t < at; t++)
          if (toks[t]!.pos === 'VERB' || toks[t]!.pos === 'AUX') hasVerb = true;
        return hasVerb && toks[r - 1]?.pos !== 'VERB' ? r : -1;
      }
    }
    return -1;
  };
  /** clauses whose subject is a gap (relativised elsewhere): never inherit one */
  const gaps = new Set<Clause>();
  let cursor = 0;
  for (const s of doc.sentences) {
    // chunks are in text order: take this sentence's run
    while (cursor < doc.chunks.length && doc.chunks[cursor]!.start < s.tokStart) cursor++;
    let stop = cursor;
    while (stop < doc.chunks.length && doc.chunks[stop]!.start < s.tokEnd) stop++;
    const chunks = doc.chunks.slice(cursor, stop);
    const sentClauses: Clause[] = [];
    /** the clause of the participle at `vgStart` modifies `np` ("troops stationed in Iraq"): a reduced relative */
    const asReducedRelative = (vgStart: number, np: NP): void => {
      const k = sentClauses.find((x) => x.vgStart === vgStart);
      if (!k || k.role === 'reduced-relative') return;
      k.role = 'reduced-relative';
      k.verb = { ...k.verb, voice: 'passive', tense: 'past' };
      k.object = single(np);
      delete k.subject;
      delete k.subjectFrom;
    };
    for (let ci = 0; ci < chunks.length; ci++) {
      const c = chunks[ci]!;
      if (c.type !== 'VG') continue;
      const vg = c as VG;
      const verb = vg.verb;
      const prevClause = sentClauses[sentClauses.length - 1];
      let p = vg.start - 1;
      while (p >= s.tokStart && toks[p]!.pos === 'ADV') p--;
      const prevTok = p >= s.tokStart ? toks[p]! : undefined;
      const clause: Clause = {
        i: clauses.length,
        sent: s.i,
        role: 'main',
        vgStart: vg.start,
        vgEnd: vg.end,
        head: vg.head,
        verb,
        pps: [],
        start: vg.start,
        end: vg.end,
      };
      const inherit = (from: Clause | undefined, how: Clause['subjectFrom'] = 'inherited') => {
        if (from?.subject) {
          clause.subject = from.subject;
          clause.subjectFrom = how;
        }
      };
      // the noun phrase right before the verb group, if adjacent
      const prevChunk = ci > 0 ? chunks[ci - 1] : undefined;
      const prevNP =
        prevChunk?.type === 'NP' && prevChunk.end === vg.start
          ? (prevChunk as NP)
          : prevChunk?.type === 'PP' &&
              ci > 1 &&
              chunks[ci - 2]!.type === 'NP' &&
              chunks[ci - 2]!.end === vg.start
            ? (chunks[ci - 2] as NP)
            : undefined;

      if (verb.form === 'infinitive') {
        clause.role = 'complement';
        if (prevClause) clause.parent = prevClause.i;
        const governingNoun = prevTok && prevTok.pos === 'NOUN' && vg.start - 1 === p;
        if (governingNoun) {
          // "Putin's refusal to expel …": the noun's possessor does the infinitive's action
          const nounNP = npEndingAt.get(vg.start);
          const owner =
            nounNP &&
            doc.mentions.find((m) => m.tokStart >= nounNP.start && m.tokEnd <= nounNP.head && !m.locative);
          if (owner) {
            clause.subject = {
              start: owner.tokStart,
              end: owner.tokEnd,
              head: owner.tokEnd - 1,
              mention: owner.i,
            };
            clause.subjectFrom = 'inherited';
          }
        }
        if (clause.subject) {
          // given by the governing noun
        } else if (prevClause && !governingNoun && OBJECT_CONTROL.has(prevClause.verb.lemma)) {
          const controller =
            prevClause.object ?? prevClause.pps.find((x) => x.prep === 'on' || x.prep === 'to');
          if (controller) {
            clause.subject = {
              start: controller.start,
              end: controller.end,
              head: controller.head,
              ...(controller.mention !== undefined ? { mention: controller.mention } : {}),
            };
            clause.subjectFrom = 'inherited';
          } else inherit(prevClause);
        } else if (
          prevClause?.verb.voice === 'passive' &&
          !prevClause.subject &&
          prevClause.object &&
          prevClause.object.start < prevClause.vgStart
        ) {
          // "Russia was said to have attacked …", "X was seen to break into …": the passive's own subject
          clause.subject = prevClause.object;
          clause.subjectFrom = 'inherited';
        } else inherit(prevClause);
      } else if (verb.form === 'gerund' && verb.aux.length === 0) {
        if (prevTok && prevTok.pos === 'ADP' && p === vg.start - 1) {
          clause.role = 'adverbial';
          if (prevClause) clause.parent = prevClause.i;
          if (GERUND_SUBJECT_PREPS.has(prevTok.norm)) inherit(prevClause);
        } else if (!prevTok || prevTok.norm === ',' || ci === 0) {
          clause.role = 'participle';
        } else if (prevChunk?.type === 'VG' && prevChunk.end === vg.start && prevClause) {
          clause.role = 'complement';
          clause.parent = prevClause.i;
          inherit(prevClause);
        } else {
          clause.role = 'adverbial';
          if (prevClause) clause.parent = prevClause.i;
        }
      } else if (
        verb.aux.length === 0 &&
        isPastForm(toks[vg.head]!) &&
        !PAST_ONLY.has(toks[vg.head]!.norm) &&
        prevNP &&
        toks[prevNP.head]!.pos !== 'PRON' &&
        // a passive participle takes no direct object: "the Egyptian troops attacked Israeli soldiers" is active
        !(chunks[ci + 1]?.type === 'NP' && chunks[ci + 1]!.start === vg.end) &&
        (agentFollows(vg.end) ||
          (prevClause !== undefined &&
            prevClause.object?.start === prevNP.start &&
            !SPEECH.has(prevClause.verb.lemma)))
      ) {
        // reduced relative: "sanctions imposed by Washington", "compounds used by Russian diplomats"
        clause.role = 'reduced-relative';
        clause.verb = { ...verb, voice: 'passive', tense: 'past' };
        clause.object = arg(prevNP);
        if (prevClause) clause.parent = prevClause.i;
      } else {
        // finite clause: find the subject to the left
        if (prevTok && RELATIVE.has(prevTok.norm) && p === vg.start - 1) {
          clause.role = 'relative';
          let ante = chunks
            .slice(0, ci)
            .reverse()
            .find((k) => k.type === 'NP' && k.end <= p) as NP | undefined;
          // "a fire in its capital city Dhaka that killed …": past a place phrase, the antecedent is the noun before it
          if (ante && inPPChunk(ante) && /^(in|at|near|outside|inside)$/.test(toks[ante.start - 1]!.norm)) {
            const before = npEndingAt.get(ante.start - 1);
            if (before && !before.time) ante = before;
          }
          // "Russia, which criticized …": the antecedent may stand before a comma
          if (ante && (ante.end === p || (ante.end === p - 1 && toks[p - 1]!.norm === ','))) {
            clause.subject = arg(ante);
            clause.subjectFrom = 'relative-antecedent';
          }
          if (prevClause) clause.parent = prevClause.i;
        } else {
          let subj: NP | undefined;
          let boundary = false;
          // "… and bar US diplomatic staff": a verb right after a conjunction shares the earlier clause's subject
          const coordinated = prevTok?.pos === 'CCONJ' && p === vg.start - 1 && prevClause !== undefined;
          // skip a relative clause between the subject and the verb: "Russia, which criticized X, expelled …",
          // "The diplomats who criticized X were expelled"
          const rel = relativeOpenerBefore(vg.start, s.tokStart);
          const limit = rel >= 0 ? rel : vg.start;
          for (let k = ci - 1; k >= 0 && !coordinated; k--) {
            const ch = chunks[k]!;
            if (ch.start >= limit) continue;
            if (ch.type === 'VG') {
              // a participle modifying the subject: "EU foreign ministers meeting in Brussels said …"
              const before = chunks[k - 1];
              // … or a participle with its phrase: "troops stationed in Iraq attacked …", "workers affiliated with
              // the union stopped work"
              const placedParticiple =
                isPastForm(toks[ch.head]!) &&
                !PAST_ONLY.has(toks[ch.head]!.norm) &&
                !INTRANSITIVE.has(toks[ch.head]!.lemma) &&
                PARTICIPLE_PREPS.has(toks[ch.end]?.norm ?? '');
              const modifier =
                ch.verb.aux.length === 0 &&
                (ch.verb.form === 'gerund' ||
                  (isPastForm(toks[ch.head]!) && toks[ch.end]?.norm === 'by') ||
                  placedParticiple) &&
                before?.type === 'NP' &&
                before.end === ch.start;
              if (modifier) {
                // (not past a time word, "the Council today agreed to …", nor for a "verb" that is a possessed
                // noun, "Israel's wish for …")
                if (placedParticiple && ((before as NP).time || toks[vg.start - 1]?.norm === "'s")) break;
                if (placedParticiple) asReducedRelative(ch.start, before as NP);
                continue;
              }
              break;
            }
            if (ch.type === 'PP') continue;
            const np = ch as NP;
            if (inPPChunk(np) || np.time) continue;
            // the second party of a prepositional pair: "a summit between Trump and Kim Jong Un ended …"
            if (np.start >= 2 && /^(and|or)$/.test(toks[np.start - 1]!.norm)) {
              const left = npEndingAtTok(np.start - 1);
              const pp = left ? ppOfNp.get(chunkIndex.get(left)!) : undefined;
              if (pp && /^(between|among|amongst)$/.test(toks[pp.prep]!.norm)) continue;
            }
            // a parenthesis is an aside: "Amnesty International (AI) has accused …"
            if (np.start > 0 && toks[np.start - 1]!.text === '(' && toks[np.end]?.text === ')') continue;
            // the object of a participle modifying the subject: "companies doing business in Iran would …"
            const prior = chunks[k - 1];
            if (
              prior?.type === 'VG' &&
              prior.end === np.start &&
              prior.verb.aux.length === 0 &&
              prior.verb.form === 'gerund' &&
              chunks[k - 2]?.type === 'NP' &&
              chunks[k - 2]!.end === prior.start
            )
              continue;
            // skip an "of" phrase's NP ("the administration of President Trump")
            if (np.start > 0 && toks[np.start - 1]!.norm === 'of') continue;
            subj = np;
            // a bracketed aside inside a name: in "the Liberal (Centre) party said", the head noun after the
            // bracket ends the name before it, which names the actor
            if (np.actor === undefined && np.start >= 3 && toks[np.start - 1]!.text === ')') {
              let open = np.start - 2;
              while (open > s.tokStart && np.start - open <= 8 && !/^[()]$/.test(toks[open]!.text)) open--;
              const name = toks[open]!.text === '(' ? npEndingAtTok(open) : undefined;
              // (not a conjunct: "the Parliament (EP) and Council (EU) body" names more than the one before it)
              const conjunct = name && name.start > 0 && /^(and|or)$/.test(toks[name.start - 1]!.norm);
              if (name?.actor !== undefined && !inPPChunk(name) && !conjunct) subj = name;
            }
            // appositive: "Sergei Lavrov, foreign minister, had proposed"
            if (np.start >= 2 && toks[np.start - 1]!.norm === ',') {
              const before = chunks[k - 1];
              if (before?.type === 'NP' && before.end === np.start - 1 && before.actor !== undefined) {
                const m = doc.mentions[before.actor]!;
                if (m.person || np.actor === undefined) subj = before as NP;
              }
            }
            // a boundary between subject and verb ("that", "if") means the clause starts after it
            for (let t = subj.end; t < vg.start; t++) if (toks[t]!.pos === 'SCONJ') boundary = true;
            break;
          }
          if (subj && !boundary) {
            clause.subject = arg(listStart(subj), true);
            clause.subjectFrom = 'explicit';
            // a "that" (or bare) complement of the previous clause
            const before = subj.start - 1;
            if (
              prevClause &&
              before >= s.tokStart &&
              (toks[before]!.norm === 'that' || toks[before]!.pos === 'SCONJ') &&
              before >= prevClause.vgEnd
            ) {
              // "that"/"whether" open a complement; "after", "because", "if" … an adverbial clause
              clause.role = /^(that|whether)$/.test(toks[before]!.norm) ? 'complement' : 'adverbial';
              clause.parent = prevClause.i;
            } else if (
              prevClause &&
              subj.start >= prevClause.vgEnd &&
              !hasPunctBetween(doc, prevClause.vgEnd, subj.start) &&
              !prevClause.object
            ) {
              clause.role = 'complement';
              clause.parent = prevClause.i;
            }
          } else if (coordinated || (prevTok && prevTok.pos === 'CCONJ' && prevClause)) {
            // "said it would not be drawn into a crisis and urged Beijing …": a plain past verb coordinates with the
            // last earlier clause of the same form, not with a modal or non-finite one
            let partner = prevClause!;
            const plainPast = verb.aux.length === 0 && verb.tense === 'past' && verb.form === 'finite';
            if (plainPast && (partner.verb.aux.length > 0 || partner.verb.form !== 'finite')) {
              const same = [...sentClauses]
                .reverse()
                .find((k) => k.verb.aux.length === 0 && k.verb.tense === 'past' && k.verb.form === 'finite');
              if (same) partner = same;
            }
            clause.role = 'coordinate';
            clause.parent = partner.i;
            inherit(partner);
          } else if (prevClause) {
            // a verb right after another with no subject of its own ("attacks that the CIA says targeted …"):
            // its subject is a gap we cannot fill safely
            clause.parent = prevClause.i;
            clause.role = 'complement';
            gaps.add(clause);
          }
          // speech verb after a quote, subject after it: "…,” tweeted David Rothkopf
          if (
            !clause.subject ||
            (prevTok && (prevTok.text === '\u201d' || prevTok.text === '"' || prevTok.norm === ','))
          ) {
            const next = chunks[ci + 1];
            if (
              next?.type === 'NP' &&
              next.start === vg.end &&
              prevTok &&
              /^[”",]$/u.test(prevTok.text) &&
              toks[vg.head]!.pos === 'VERB' &&
              SPEECH.has(verb.lemma)
            ) {
              const np = next as NP;
              if (
                np.actor !== undefined &&
                (doc.mentions[np.actor]!.person || toks[np.head]!.pos === 'PROPN')
              ) {
                clause.subject = arg(np);
                clause.subjectFrom = 'explicit';
                clause.role = 'main';
                delete clause.parent;
              }
            }
          }
        }
        // a participle of state is no passive: "forces were engaged in ethnic cleansing", "rebels are involved in
        // the fighting" — the subject is the one engaged (an agent named with "by" keeps the passive)
        const stative =
          verb.voice === 'passive' &&
          STATIVE_PARTICIPLES[verb.lemma] === toks[vg.end]?.norm &&
          !toks.slice(vg.end, s.tokEnd).some((u) => u.norm === 'by');
        if (stative) clause.verb = { ...verb, voice: 'active' };
        if (
          verb.voice === 'passive' &&
          !stative &&
          clause.subject &&
          (clause.subjectFrom === 'explicit' || clause.subjectFrom === 'relative-antecedent')
        ) {
          clause.object = clause.subject;
          delete clause.subject;
          delete clause.subjectFrom;
        }
      }
      // object and prepositional phrases to the right
      let k = ci + 1;
      const objectChunk = chunks[k];
      if (
        !clause.object &&
        clause.verb.voice === 'active' &&
        objectChunk?.type === 'NP' &&
        !objectChunk.time &&
        !(clause.subject && objectChunk.start === clause.subject.start) &&
        isAdjacent(doc, vg.end, objectChunk.start) &&
        // "said the Egyptian troops attacked …": the phrase is the subject of a complement clause
        !(COMPLEMENT_TAKING.has(clause.verb.lemma) && startsClause(doc, chunks, k))
      ) {
        clause.object = arg(objectChunk as NP);
        k++;
        // a double object: "gave the Ivory Coast 5.1 million dollars", "sent Israel more weapons"
        const second = chunks[k];
        if (
          second?.type === 'NP' &&
          !second.time &&
          second.start === (objectChunk as NP).end &&
          clause.object.mention !== undefined &&
          second.actor === undefined
        ) {
          clause.object2 = arg(second as NP);
          k++;
        }
      }
      // an object after a bare time phrase: "lifted Friday a blockade", "freed yesterday two prisoners" (not the
      // subject of a complement clause: "said Monday Israel would …")
      if (
        !clause.object &&
        clause.verb.voice === 'active' &&
        objectChunk?.type === 'NP' &&
        objectChunk.time &&
        isAdjacent(doc, vg.end, objectChunk.start)
      ) {
        const next = chunks[k + 1];
        if (
          next?.type === 'NP' &&
          !next.time &&
          next.start === objectChunk.end &&
          !(COMPLEMENT_TAKING.has(clause.verb.lemma) && startsClause(doc, chunks, k + 1))
        ) {
          clause.object = arg(next as NP);
          k += 2;
        }
      }
      // an object after a short adverbial phrase: "freed on bail two ex-ministers", "announced on Monday the
      // expulsion of …" (particle verbs such as "shut down two compounds" are left to the pattern matcher)
      if (
        !clause.object &&
        clause.verb.voice === 'active' &&
        objectChunk?.type === 'NP' &&
        toks[objectChunk.start - 1]?.pos === 'ADP'
      ) {
        const pp = chunks[k + 1];
        const next = chunks[k + 2];
        const short = objectChunk.end - objectChunk.start <= 2 && objectChunk.actor === undefined;
        if (
          short &&
          pp?.type === 'PP' &&
          next?.type === 'NP' &&
          next.start === objectChunk.end &&
          !next.time &&
          toks[next.start]!.pos !== 'ADP' &&
          !SUBORDINATE.has(toks[objectChunk.start - 1]!.norm) &&
          // "said on Friday they would …": the phrase is the subject of a complement clause
          !(COMPLEMENT_TAKING.has(clause.verb.lemma) && startsClause(doc, chunks, k + 2))
        ) {
          clause.object = arg(next as NP);
        }
      }
      for (; k < chunks.length; k++) {
        const ch = chunks[k]!;
        if (ch.type === 'VG') break;
        const gap = hasStopBetween(doc, clause.end, ch.start);
        if (gap) break;
        if (ch.type === 'PP') {
          const np = doc.chunks[ch.np] as NP;
          const prepTok = toks[ch.prep]!;
          const pa: PrepArg = { ...arg(np), prep: prepTok.norm, prepToken: ch.prep };
          clause.pps.push(pa);
          clause.end = Math.max(clause.end, np.end);
          continue;
        }
        const np = ch as NP;
        if (inPPChunk(np)) continue;
        clause.end = Math.max(clause.end, np.end);
      }
      if (clause.object)
        clause.end = Math.max(
          clause.end,
          clause.object.end,
          ...(clause.object.coord ?? []).map((x) => x.end),
        );
      // passive "by" agent
      if (clause.verb.voice === 'passive' && !clause.subject) {
        const by = clause.pps.find((x) => x.prep === 'by') ?? agentOfEventPhrase(clause.pps, toks);
        if (by) {
          clause.subject = {
            start: by.start,
            end: by.end,
            head: by.head,
            ...(by.mention !== undefined ? { mention: by.mention } : {}),
          };
          clause.subjectFrom = 'by-agent';
        }
      }
      if (clause.subject) clause.start = Math.min(clause.start, clause.subject.start);
      sentClauses.push(clause);
      clauses.push(clause);
    }
    // participle clauses take the subject of the sentence's main clause
    const main = sentClauses.find(
      (k) => k.role === 'main' && k.subjectFrom === 'explicit' && k.verb.form === 'finite',
    );
    for (const k of sentClauses) {
      if (k.role !== 'participle' || !main || k === main) continue;
      // a trailing participle (", killing about 20 people") belongs to the nearest finite clause before it (the
      // strike, not the convoy's suspension); a leading one ("Depicting his decision …, Mr Putin focused") to the main
      // clause after it
      let owner = main;
      if (k.vgStart > main.vgStart) {
        const before = [...sentClauses]
          .reverse()
          .find(
            (x) =>
              x.vgStart < k.vgStart &&
              x.verb.form === 'finite' &&
              x.subject !== undefined &&
              x.role !== 'relative',
          );
        if (before) owner = before;
      }
      k.parent = owner.i;
      if (owner.subject) {
        k.subject = owner.subject;
        k.subjectFrom = 'inherited';
      }
    }
    // subjects inherited from clauses analysed later in the sentence (participles) flow to their dependants
    for (const k of sentClauses) {
      if (
        !k.subject &&
        k.parent !== undefined &&
        k.subjectFrom === undefined &&
        k.role !== 'relative' &&
        k.role !== 'reduced-relative' &&
        k.role !== 'adverbial' &&
        !gaps.has(k)
      ) {
        const par = clauses[k.parent]!;
        if (par.subject) {
          k.subject = par.subject;
          k.subjectFrom = 'inherited';
        }
      }
      if (!k.subject && k.role === 'adverbial' && k.parent !== undefined) {
        const prev = toks[k.vgStart - 1];
        if (prev && GERUND_SUBJECT_PREPS.has(prev.norm) && clauses[k.parent]!.subject) {
          k.subject = clauses[k.parent]!.subject;
          k.subjectFrom = 'inherited';
        }
      }
      // what a statement says: "issued a declaration demanding …", "released a statement condemning …" — the
      // one who issues the document does what the participle after it says
      if (!k.subject && k.role === 'adverbial' && k.parent !== undefined && k.verb.form === 'gerund') {
        const par = clauses[k.parent]!;
        const obj = par.object;
        if (par.subject && obj && obj.end === k.vgStart && STATEMENT_NOUNS.has(toks[obj.head]!.lemma)) {
          k.subject = par.subject;
          k.subjectFrom = 'inherited';
        }
      }
      if (!k.subject && k.role === 'coordinate' && k.parent !== undefined && clauses[k.parent]!.subject) {
        k.subject = clauses[k.parent]!.subject;
        k.subjectFrom = 'inherited';
      }
    }
  }
  doc.clauses = clauses;
}

/** Does the NP chunk at position k (with any coordination) stand right before a finite verb group? */
function startsClause(doc: Doc, chunks: Chunk[], k: number): boolean {
  const np = chunks[k] as NP;
  // step over the phrase's own prepositional phrases ("the troops of Egypt attacked")
  let j = k + 1;
  let end = np.end;
  const toks = doc.tokens;
  while (j < chunks.length) {
    const c = chunks[j]!;
    // … and over a coordinated phrase: "said Ukraine and Poland will meet"
    let after = end;
    if (toks[after]?.norm === ',') after++;
    if (toks[after]?.pos === 'CCONJ' && /^(and|or|nor)$/.test(toks[after]!.norm)) after++;
    if (c.type === 'PP' && c.start === end) {
      end = c.end;
      j++;
    } else if (c.type === 'NP' && c.start > np.start && c.end <= end) j++;
    else if (c.type === 'NP' && after > end && c.start === after && !c.time) {
      end = c.end;
      j++;
    } else break;
  }
  const next = chunks[j];
  return (
    next?.type === 'VG' &&
    next.start === end &&
    next.verb.form === 'finite' &&
    !isPastParticipleOnly(doc, next)
  );
}

function isPastParticipleOnly(doc: Doc, vg: VG): boolean {
  return (
    vg.verb.aux.length === 0 && doc.tokens[vg.start - 1]?.pos === 'NOUN' && doc.tokens[vg.end]?.norm === 'by'
  );
}

function isAdjacent(doc: Doc, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (doc.tokens[t]!.pos !== 'ADV') return false;
  return true;
}

function hasPunctBetween(doc: Doc, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (doc.tokens[t]!.pos === 'PUNCT') return true;
  return false;
}

function hasStopBetween(doc: Doc, from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const x = doc.tokens[t]!;
    if (
      x.norm === ',' ||
      STOP_ARGS.has(x.text) ||
      x.pos === 'SCONJ' ||
      (RELATIVE.has(x.norm) && x.pos !== 'DET')
    )
      return true;
  }
  return false;
}

/** fights and attacks whose other party is who did the harm */
const AGENTIVE_EVENTS = new Set([
  'clash',
  'fighting',
  'battle',
  'skirmish',
  'confrontation',
  'firefight',
  'gunfight',
  'attack',
  'ambush',
  'raid',
]);

/**
 * The agent of an agentless passive told through the event it happened in: "were killed in a clash with Chinese
 * troops", "were wounded in an attack by militants" — the "with"/"by" phrase right after such an event noun.
 */
function agentOfEventPhrase(pps: readonly PrepArg[], toks: readonly Token[]): PrepArg | undefined {
  for (let i = 0; i + 1 < pps.length; i++) {
    const ev = pps[i]!;
    const next = pps[i + 1]!;
    if (ev.prep !== 'in' || !AGENTIVE_EVENTS.has(toks[ev.head]!.lemma)) continue;
    if (
      (next.prep === 'with' || next.prep === 'by') &&
      next.prepToken === ev.end &&
      next.mention !== undefined
    )
      return next;
  }
  return undefined;
}

/** prepositions after a describing participle: "stationed in", "affiliated with", "deployed to" */
const PARTICIPLE_PREPS = new Set([
  'in',
  'with',
  'to',
  'at',
  'near',
  'from',
  'on',
  'across',
  'along',
  'inside',
  'outside',
  'under',
]);

/** verbs with no passive participle to modify a noun ("troops remained on alert" is a clause of its own) */
const INTRANSITIVE = new Set(
  'remain stay arrive return die live happen occur appear seem become rise fall go come continue flee travel escape'.split(
    ' ',
  ),
);
