/**
 * PETRARCH verb dictionaries → VerbPattern. Reads both dialects:
 *
 * - PETRARCH-2 (`CAMEO.2.0.txt`): `&SYNSET` sets, `--- NAME [CODE] ---` blocks with their verbs
 *   (`HURRY {HURRIES HURRYING HURRIED}`, multi-word `+CORDON_OFF {…}`, `WIRE_+TAP`), patterns
 *   `- [pre-verb] * [post-verb] [CODE]` with `{noun phrase}` and `(PREP …)` parts, `[A:B]` paired codes and
 *   `~` transformations;
 * - PETRARCH-1 / TABARI (`PETR.Validate.verbs.txt`): the same blocks with flat word sequences and the markers
 *   `$` source, `+` target, `^` skip, `%` compound, `_` adjacency.
 *
 * Every block pattern applies to every verb of its block (as in PETRARCH). Each (verb, pattern) pair becomes
 * one VerbPattern: its slots are riposte's approximation (docs/petrarch.md), `petrarch` keeps the pattern as
 * written for a coder that wants the word order.
 */
import type { PatternSlot, VerbPattern } from '../types.ts';
import { cleanLines, LoadContext, phraseTokens, pluralOf, type ReadOptions, verbForms } from './common.ts';
import type {
  PetrarchAlternatives,
  PetrarchElement,
  PetrarchPattern,
  PetrarchTransformation,
} from './types.ts';

/** Prepositions that open a prepositional slot in a flat (PETRARCH-1) pattern. */
const PREPS = new Set(
  (
    'about above across after against along amid among around as at before behind below beneath beside ' +
    'besides between beyond by despite during for from in inside into like near of off on onto out outside over ' +
    'past per since than through throughout to toward towards under underneath until unto upon via with within without'
  ).split(' '),
);
/** Words right after the verb that make a phrasal verb ("put UP resistance", "set OFF (FOR)"). */
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'away', 'back', 'forward', 'aside', 'apart']);

interface RawVerb {
  verb: string;
  pre: string[];
  post: string[];
  forms: string[];
  code?: string;
  line: number;
}
interface RawPattern {
  text: string;
  code: string;
  line: number;
}
interface RawBlock {
  name: string;
  code?: string;
  line: number;
  verbs: RawVerb[];
  patterns: RawPattern[];
}
interface RawSynset {
  name: string;
  plural: boolean;
  members: { text: string; line: number }[];
  line: number;
}

export interface VerbDictionary {
  verbs: VerbPattern[];
  synsets: Map<string, PetrarchAlternatives>;
  transformations: PetrarchTransformation[];
  /** verb blocks read */
  blocks: number;
  /** pattern lines read (before the expansion over a block's verbs) */
  patternLines: number;
  warnings: string[];
}

type Code = { code: string; paired?: string; reverse?: boolean; none?: boolean };

/** `[042]`, `[042:043]`, `[:173]`, `[---]` → a code; null when not a CAMEO-shaped code. */
function parseCode(s: string): Code | null {
  const t = s.trim();
  if (t === '---') return { code: '---', none: true };
  const m = /^(\d{2,4}|---)?\s*(?::\s*(\d{2,4}|---))?$/.exec(t);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  if (m[1] === undefined || m[1] === '---') {
    if (m[2] === undefined || m[2] === '---') return { code: '---', none: true };
    return { code: m[2], reverse: true };
  }
  return m[2] === undefined || m[2] === '---' ? { code: m[1] } : { code: m[1], paired: m[2] };
}

/** crude singular, so that a head "dollars" also matches the lemma "dollar" */
function singular(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/[^siu]s$/.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}
function heads(alts: PetrarchAlternatives): string[] {
  const out = new Set<string>();
  for (const a of alts) {
    const w = a[a.length - 1];
    if (!w) continue;
    out.add(w);
    out.add(singular(w));
  }
  return [...out];
}

export function parseVerbs(content: string, file: string, opts: ReadOptions = {}): VerbDictionary {
  const ctx = new LoadContext(file, opts.strict);
  const synRaw = new Map<string, RawSynset>();
  const blocks: RawBlock[] = [];
  const transformations: PetrarchTransformation[] = [];
  let block: RawBlock | undefined;
  let syn: RawSynset | undefined;
  let patternLines = 0;

  for (const { n, text } of cleanLines(content)) {
    const t = text.trim();
    if (t === '') {
      syn = undefined;
      continue;
    }
    if (syn && t.startsWith('+')) {
      const member = t.slice(1).trim();
      if (member === '') ctx.error(n, 'a synset member after "+"', t);
      syn.members.push({ text: member, line: n });
      continue;
    }
    syn = undefined;
    if (t.startsWith('&')) {
      const m = /^&([A-Za-z0-9_-]+?)(_?)$/.exec(t);
      if (!m) ctx.error(n, 'a synset label &NAME', t);
      syn = { name: m![1]!.toUpperCase(), plural: m![2] !== '_', members: [], line: n };
      if (synRaw.has(syn.name)) ctx.warn(n, `one definition of &${syn.name}`, t);
      synRaw.set(syn.name, syn);
      continue;
    }
    if (t.startsWith('---')) {
      const codes = [...t.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]!);
      const name = t
        .replace(/\[[^\]]*\]/g, ' ')
        .replace(/^-+/, '')
        .replace(/[-\s]+$/, '')
        .trim();
      if (!/^[A-Za-z][A-Za-z0-9_' -]*$/.test(name) || /[[\]]/.test(t.replace(/\[[^\]]*\]/g, '')))
        ctx.error(n, 'a block header "--- NAME [CODE] ---"', t);
      if (codes.length > 1) ctx.warn(n, 'one code in a block header', t, 'first code used');
      block = { name: name.replace(/_+$/, '').toUpperCase(), line: n, verbs: [], patterns: [] };
      if (codes[0] !== undefined) block.code = codes[0];
      blocks.push(block);
      continue;
    }
    if (t.startsWith('~')) {
      const m = /^~\s*(.+?)\s*=\s*(.+)$/.exec(t);
      if (!m) ctx.error(n, 'a transformation "~ PATTERN = RESULT"', t);
      transformations.push({ pattern: m![1]!, result: m![2]!, source: { file, line: n } });
      continue;
    }
    if (!block)
      ctx.error(n, 'a synset (&NAME), a verb block (--- NAME [CODE] ---) or a transformation (~)', t);
    if (t.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(t);
      if (!m) ctx.error(n, 'a pattern "- … * … [CODE]"', t);
      patternLines++;
      block!.patterns.push({ text: m![1]!, code: m![2]!, line: n });
      continue;
    }
    // a verb of the block
    const m = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?$/.exec(t);
    if (!m) ctx.error(n, 'a verb "VERB [{FORMS}] [[CODE]]"', t);
    const words = m![1]!.trim().replace(/\s+/g, '_').split('_').filter(Boolean);
    let vi = words.findIndex((w) => w.startsWith('+'));
    if (vi < 0) vi = 0;
    const verb = words[vi]!.replace(/^\+/, '').toLowerCase();
    if (!/^[a-z'-]+$/.test(verb)) ctx.error(n, 'a verb of letters', t);
    const rv: RawVerb = {
      verb,
      pre: words.slice(0, vi).map((w) => w.toLowerCase()),
      post: words.slice(vi + 1).map((w) => w.replace(/^\+/, '').toLowerCase()),
      forms: [],
      line: n,
    };
    if (m![2] !== undefined) {
      for (const f of m![2].trim().split(/\s+/).filter(Boolean)) {
        const fw = f.split('_').filter(Boolean);
        const fv = fw.find((w) => w.startsWith('+')) ?? fw[rv.pre.length] ?? fw[0]!;
        rv.forms.push(fv.replace(/^\+/, '').toLowerCase());
      }
      rv.forms = [...new Set([verb, ...rv.forms])];
    } else rv.forms = verbForms(verb);
    if (m![3] !== undefined) rv.code = m![3];
    block!.verbs.push(rv);
  }

  // synsets, resolved with nesting and plurals
  const synsets = new Map<string, PetrarchAlternatives>();
  const resolving = new Set<string>();
  const resolve = (name: string, line: number): PetrarchAlternatives | null => {
    const done = synsets.get(name);
    if (done) return done;
    const raw = synRaw.get(name);
    if (!raw) return null;
    if (resolving.has(name)) return ctx.error(line, `a synset that does not contain itself`, `&${name}`);
    resolving.add(name);
    const alts: string[][] = [];
    for (const mem of raw.members) {
      if (mem.text.startsWith('&')) {
        const inner = mem.text.slice(1).replace(/_+$/, '').toUpperCase();
        const r = resolve(inner, mem.line);
        if (!r) ctx.warn(mem.line, `a defined synset`, mem.text);
        else alts.push(...r);
        continue;
      }
      const toks = phraseTokens(mem.text);
      if (toks.length === 0) continue;
      alts.push(toks);
      const pl = raw.plural && !mem.text.endsWith('_') ? pluralOf(toks[toks.length - 1]!) : null;
      if (pl) alts.push([...toks.slice(0, -1), pl]);
    }
    resolving.delete(name);
    const uniq = [...new Map(alts.map((a) => [a.join(' '), a])).values()];
    synsets.set(name, uniq);
    return uniq;
  };
  for (const name of synRaw.keys()) resolve(name, synRaw.get(name)!.line);

  const termOf = (word: string, line: number): PetrarchAlternatives | null => {
    if (word.startsWith('&')) {
      const name = word.slice(1).replace(/_+$/, '').toUpperCase();
      const r = synsets.get(name);
      if (!r) {
        ctx.warn(line, 'a synset defined in the file', word);
        return null;
      }
      return r;
    }
    return [[word.toLowerCase()]];
  };

  /** pattern text → pre / post elements; null when it refers to an unknown synset */
  const elementsOf = (
    written: string,
    line: number,
  ): { pre: PetrarchElement[]; post: PetrarchElement[]; verbGlued: boolean } | null => {
    // "*SCEPTICAL" (a star stuck to a word without "_") is read as "* SCEPTICAL"
    const text = written.replace(/([^\s_*])\*/g, '$1 *').replace(/\*([^\s_*])/g, '* $1');
    const pre: PetrarchElement[] = [];
    const post: PetrarchElement[] = [];
    let cur = pre;
    let stars = 0;
    let bad = false;
    let i = 0;
    let glueNext = false;
    let verbGlued = false;
    const groupTerms = (inner: string): PetrarchAlternatives[] => {
      const terms: PetrarchAlternatives[] = [];
      for (const w of inner.replace(/[{}]/g, ' ').replace(/_/g, ' ').split(/\s+/).filter(Boolean)) {
        if (/^[$+^%*]$/.test(w)) continue;
        const tm = termOf(w, line);
        if (!tm) bad = true;
        else terms.push(tm);
      }
      return terms;
    };
    while (i < text.length) {
      const c = text[i]!;
      if (/\s/.test(c)) {
        i++;
        glueNext = false;
        continue;
      }
      if (c === '{' || c === '(') {
        const close = c === '{' ? '}' : ')';
        let depth = 0;
        let j = i;
        for (; j < text.length; j++) {
          if (text[j] === c) depth++;
          else if (text[j] === close && --depth === 0) break;
        }
        if (j >= text.length) {
          ctx.warn(line, `a closing "${close}"`, written);
          return null;
        }
        const inner = text.slice(i + 1, j).trim();
        if (c === '{') cur.push({ kind: 'np', terms: groupTerms(inner) });
        else {
          const [prep, ...rest] = inner.split(/\s+/);
          if (!prep || !/^[A-Za-z'-]+$/.test(prep)) {
            ctx.warn(line, 'a preposition after "("', written);
            return null;
          }
          cur.push({ kind: 'pp', prep: prep!.toLowerCase(), terms: groupTerms(rest.join(' ')) });
        }
        i = j + 1;
        continue;
      }
      let j = i;
      while (j < text.length && !/[\s{(]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      i = j;
      if (/[})]/.test(word)) {
        ctx.warn(line, 'balanced "{…}" and "(…)"', written);
        return null;
      }
      const parts = word.split('_');
      parts.forEach((p, k) => {
        const glued = k > 0 || glueNext;
        if (p === '') return;
        if (p === '*' || p === '**') {
          stars++;
          if (glued && pre.length) verbGlued = true;
          cur = post;
          return;
        }
        if (p === '$') cur.push({ kind: 'source' });
        else if (p === '+') cur.push({ kind: 'target' });
        else if (p === '^') cur.push({ kind: 'skip' });
        else if (p === '%') cur.push({ kind: 'compound' });
        else {
          const tm = termOf(p, line);
          if (!tm) bad = true;
          else cur.push({ kind: 'term', alts: tm, glued });
        }
      });
      glueNext = word.endsWith('_');
    }
    if (stars !== 1) {
      ctx.warn(line, 'exactly one verb position "*" in the pattern', written);
      return null;
    }
    return bad ? null : { pre, post, verbGlued };
  };

  const verbs: VerbPattern[] = [];
  const base = file.split('/').pop() ?? file;
  // the dialect is the file's: one "{noun phrase}" or "(PREP …)" in a pattern makes it PETRARCH-2, whose plain-word
  // patterns ("- * &FOOD") are read as PETRARCH-2 too
  const fileDialect = blocks.some((b) => b.patterns.some((p) => /[{(]/.test(p.text))) ? 'petr2' : 'petr1';
  for (const b of blocks) {
    const blockCode = b.code === undefined ? null : parseCode(b.code);
    if (b.code !== undefined && !blockCode)
      ctx.warn(b.line, 'a CAMEO code of 2 to 4 digits or ---', `[${b.code}]`);
    // patterns of the block, shared by its verbs
    const shared: {
      p: RawPattern;
      code: Code;
      els: { pre: PetrarchElement[]; post: PetrarchElement[]; verbGlued: boolean };
      mapped: Mapped;
    }[] = [];
    for (const p of b.patterns) {
      const code = parseCode(p.code);
      if (!code) {
        ctx.warn(p.line, 'a CAMEO code of 2 to 4 digits, [A:B] or [---]', `[${p.code}]`);
        continue;
      }
      const els = elementsOf(p.text, p.line);
      if (!els) continue;
      shared.push({ p, code, els, mapped: mapElements(els.pre, els.post) });
    }
    for (const v of b.verbs) {
      let vcode = blockCode;
      if (v.code !== undefined) {
        vcode = parseCode(v.code);
        if (!vcode) ctx.warn(v.line, 'a CAMEO code of 2 to 4 digits', `[${v.code}]`);
      }
      const vwords = [v.verb, ...v.post];
      const mk = (
        id: string,
        code: Code,
        mapped: Mapped,
        pet: Omit<PetrarchPattern, 'block' | 'verbPre' | 'dialect'>,
        line: number,
      ): VerbPattern => {
        const flags = new Set(mapped.flags);
        flags.add('petrarch');
        if (code.reverse) flags.add('reverse');
        if (code.none) flags.add('no-event');
        const vp: VerbPattern = {
          id,
          kind: 'verb',
          code: code.code,
          words: [...vwords, ...mapped.particles],
          slots: mapped.slots,
          flags,
          specificity: mapped.specificity + v.post.length + v.pre.length,
          source: { file, line },
          forms: v.forms,
          petrarch: { ...pet, block: b.name, verbPre: v.pre, dialect: fileDialect },
        };
        if (code.paired) vp.pairedCode = code.paired;
        return vp;
      };
      const emit = (
        id: string,
        code: Code,
        mapped: Mapped,
        pet: Omit<PetrarchPattern, 'block' | 'verbPre' | 'dialect'>,
        line: number,
      ) => {
        // PETRARCH takes the target from the object or from any prepositional phrase of the verb; riposte's slot
        // model needs that said: a variant with pp-target slots for the usual prepositions is tried first (it
        // is more specific), the pattern as written (object actor as target) after it.
        const variant = ppVariant(mapped);
        if (variant) verbs.push(mk(`${id}:pp`, code, variant, pet, line));
        verbs.push(mk(id, code, mapped, pet, line));
      };
      if (vcode && !vcode.none)
        emit(`petr:${base}:${v.line}`, vcode, BARE, { pre: [], post: [], raw: '' }, v.line);
      for (const s of shared)
        emit(
          `petr:${base}:${s.p.line}:${v.verb}`,
          s.code,
          s.mapped,
          {
            pre: s.els.pre,
            post: s.els.post,
            raw: `- ${s.p.text} [${s.p.code}]`,
            ...(s.els.verbGlued ? { preGlued: true } : {}),
          },
          s.p.line,
        );
    }
  }
  return {
    verbs,
    synsets,
    transformations,
    blocks: blocks.length,
    patternLines,
    warnings: ctx.warnings,
  };
}

/** Prepositions whose object PETRARCH may take as the target when a pattern names none. */
export const TARGET_PREPS = [
  'with',
  'to',
  'against',
  'on',
  'upon',
  'for',
  'from',
  'at',
  'in',
  'into',
  'toward',
  'towards',
  'over',
  'between',
  'about',
];
const TARGET_SLOTS: PatternSlot[] = TARGET_PREPS.map((prep) => ({ type: 'pp-target', prep }));
const BARE: Mapped = {
  slots: [],
  particles: [],
  flags: ['petrarch-target'],
  specificity: 0,
  dialect: 'petr2',
};
const variants = new WeakMap<Mapped, Mapped>();

/** The pp-target variant of a pattern without a target slot (cached, so verbs of a block share it). */
function ppVariant(m: Mapped): Mapped | undefined {
  if (!m.flags.includes('petrarch-target')) return undefined;
  let v = variants.get(m);
  if (!v) {
    v = {
      ...m,
      slots: [...m.slots, ...TARGET_SLOTS],
      flags: [...m.flags.filter((f) => f !== 'petrarch-target'), 'pp-target-variant'],
      // above its own pattern, below a pattern that writes one more element ("* FROM" beats the bare verb)
      specificity: m.specificity + 0.5,
    };
    variants.set(m, v);
  }
  return v;
}

interface Mapped {
  slots: PatternSlot[];
  particles: string[];
  flags: string[];
  specificity: number;
  dialect: 'petr1' | 'petr2';
}

const isPrep = (e: PetrarchElement | undefined): boolean =>
  !!e && e.kind === 'term' && e.alts.length === 1 && e.alts[0]!.length === 1 && PREPS.has(e.alts[0]![0]!);

/** riposte's slot approximation of a PETRARCH pattern (docs/petrarch.md, "Verb patterns"). */
export function mapElements(pre: PetrarchElement[], post: PetrarchElement[]): Mapped {
  const slots: PatternSlot[] = [];
  const particles: string[] = [];
  const flags = new Set<string>();
  let spec = 0;
  let dialect: 'petr1' | 'petr2' = 'petr1';
  for (const e of [...pre, ...post]) {
    if (e.kind === 'np' || e.kind === 'pp') dialect = 'petr2';
    spec +=
      e.kind === 'term' ? 1 : e.kind === 'np' ? e.terms.length : e.kind === 'pp' ? 1 + e.terms.length : 1;
  }
  for (const e of pre) {
    if (e.kind === 'term') flags.add('pre-words');
    else if (e.kind === 'compound') flags.add('compound');
    else if (e.kind === 'target') flags.add('target-before-verb');
    else if (e.kind === 'source') flags.add('source-marked');
  }
  let hasObject = false;
  const hasTarget = () => slots.some((s) => s.type === 'object-target' || s.type === 'pp-target');
  let i = 0;
  // glued words and a first particle make a phrasal verb
  while (i < post.length) {
    const e = post[i]!;
    if (e.kind !== 'term' || e.alts.length !== 1) break;
    const w = e.alts[0]!;
    if (e.glued || (i === 0 && w.length === 1 && PARTICLES.has(w[0]!))) {
      particles.push(...w);
      i++;
      continue;
    }
    break;
  }
  while (i < post.length) {
    const e = post[i]!;
    if (e.kind === 'pp') {
      if (e.terms.length === 0) slots.push({ type: 'pp-target', prep: e.prep });
      else slots.push({ type: 'pp-words', prep: e.prep, words: heads(e.terms[e.terms.length - 1]!) });
      i++;
      continue;
    }
    if (e.kind === 'np') {
      if (!hasObject && e.terms.length > 0) {
        slots.push({ type: 'object-words', words: heads(e.terms[e.terms.length - 1]!) });
        hasObject = true;
      }
      i++;
      continue;
    }
    if (e.kind === 'target' || e.kind === 'compound') {
      if (e.kind === 'compound') flags.add('compound');
      if (!hasObject && !hasTarget()) slots.push({ type: 'object-target' });
      hasObject = true;
      i++;
      continue;
    }
    if (e.kind === 'source') {
      flags.add('source-marked');
      i++;
      continue;
    }
    if (e.kind === 'skip') {
      i++;
      continue;
    }
    if (e.kind === 'term' && isPrep(e)) {
      const prep = e.alts[0]![0]!;
      const next = post[i + 1];
      if (next?.kind === 'skip') {
        i += 2; // PREP ^: a noun phrase that is not an actor of the event
        continue;
      }
      if (!next || next.kind === 'target' || next.kind === 'compound') {
        if (next?.kind === 'compound') flags.add('compound');
        slots.push({ type: 'pp-target', prep });
        i += next ? 2 : 1;
        continue;
      }
      if (next.kind === 'source') {
        flags.add('source-marked');
        i += 2;
        continue;
      }
      // PREP word… → the PP object's head is the last word of the run
      let j = i + 1;
      let last: PetrarchAlternatives | undefined;
      while (j < post.length) {
        const x = post[j]!;
        if (x.kind === 'term' && !isPrep(x)) last = x.alts;
        else if (x.kind === 'np') last = x.terms[x.terms.length - 1];
        else break;
        j++;
      }
      if (last) slots.push({ type: 'pp-words', prep, words: heads(last) });
      else slots.push({ type: 'pp-target', prep });
      i = j;
      continue;
    }
    // a run of words: the object; its last word is the head
    let j = i;
    let last: PetrarchAlternatives | undefined;
    while (j < post.length) {
      const x = post[j]!;
      if (x.kind !== 'term' || isPrep(x)) break;
      last = x.alts;
      j++;
    }
    if (!hasObject && last) {
      slots.push({ type: 'object-words', words: heads(last) });
      hasObject = true;
    }
    i = j;
  }
  if (!hasTarget()) flags.add('petrarch-target');
  return { slots, particles, flags: [...flags], specificity: spec, dialect };
}
