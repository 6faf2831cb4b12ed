/**
 * Reader for riposte's native dictionary formats (docs/dictionaries.md): actors, agents, verb patterns and
 * modality cues, from data/ by default. Every syntax error names FILE:LINE, what was expected and what was found.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../core/errors.ts';
import { err, ok, type Result } from '../core/result.ts';
import { isCameoCode } from '../ontology/cameo.ts';
import type {
  ActorEntry,
  ActorKind,
  ActorRole,
  AgentEntry,
  Lexicon,
  ModalityCue,
  ModalityCueKind,
  PatternSlot,
  VerbPattern,
} from './types.ts';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

const ACTOR_KINDS = new Set<ActorKind>([
  'country',
  'person',
  'org',
  'igo',
  'ngo',
  'media',
  'party',
  'group',
  'metonym',
  'capital',
  'place',
]);

/** CAMEO actor codes: 3-letter blocks, or "---" placeholders, up to 5 blocks. */
const ACTOR_CODE = /^(?:[A-Z]{3}|---)(?:[A-Z0-9]{3}){0,4}$/;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function stripComment(line: string): string {
  const i = line.indexOf('#');
  return (i >= 0 ? line.slice(0, i) : line).replace(/\s+$/, '');
}

function rel(file: string): string {
  const r = relative(process.cwd(), file);
  return r.startsWith('..') ? file : r;
}

/** Expands a partial date to the first (from) or last (to) day it covers. */
export function expandDate(d: string, end: boolean): string {
  if (d.length === 10) return d;
  if (d.length === 7) {
    if (!end) return `${d}-01`;
    const [y, m] = d.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${d}-${String(last).padStart(2, '0')}`;
  }
  return end ? `${d}-12-31` : `${d}-01-01`;
}

interface DictLine {
  lineNo: number;
  /** the line without its comment, indentation kept */
  line: string;
  /** the same, trimmed */
  raw: string;
  /** the file:line syntax error for this line */
  bad(expected: string): Result<never>;
}

/** The meaningful lines of a dictionary file: comments stripped, blank lines skipped. */
function* dictLines(text: string, file: string): Generator<DictLine> {
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = stripComment(lines[n]!);
    const raw = line.trim();
    if (!raw) continue;
    const lineNo = n + 1;
    yield {
      lineNo,
      line,
      raw,
      bad: (expected) => err(fail('E_DICT_SYNTAX', rel(file), lineNo, expected, raw)),
    };
  }
}

function splitNames(s: string): string[] {
  return s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function parseActors(text: string, file: string): Result<ActorEntry[]> {
  const out: ActorEntry[] = [];
  let current: ActorEntry | null = null;
  for (const { line: raw, lineNo, bad } of dictLines(text, file)) {
    if (/^\s/.test(raw)) {
      if (!current) return bad('an actor entry before its indented continuation line');
      const body = raw.trim();
      if (body.startsWith('+')) {
        const m = /^\+\s*(\S+)\s+(\S*)\.\.(\S*)(?:\s+(.*))?$/.exec(body);
        if (!m) return bad('a role line "+ CODE FROM..TO [title]"');
        const [, code, from, to, title] = m as unknown as [
          string,
          string,
          string,
          string,
          string | undefined,
        ];
        if (!ACTOR_CODE.test(code)) return bad(`a CAMEO actor code such as USAGOV (role of ${current.name})`);
        if ((from && !DATE.test(from)) || (to && !DATE.test(to)))
          return bad('role dates written YYYY-MM-DD, YYYY-MM or YYYY');
        const role: ActorRole = { code };
        if (from) role.from = expandDate(from, false);
        if (to) role.to = expandDate(to, true);
        if (role.from && role.to && role.from > role.to)
          return bad('a role whose FROM date is not after its TO date');
        if (title?.trim()) role.title = title.trim();
        current.roles.push(role);
      } else if (body.startsWith('~')) {
        const forms = splitNames(body.slice(1));
        if (forms.length === 0) return bad('adjectival forms after "~"');
        current.adjectives.push(...forms);
      } else return bad('a continuation line starting with "+" (role) or "~" (adjectival forms)');
      continue;
    }
    // header: NAMES [=> CODE] [:flag[=value]]*
    const flags: string[] = [];
    let head = raw.trim();
    const flagRe = /\s+:([a-z-]+(?:=[^\s]+)?)\s*$/;
    for (let m = flagRe.exec(head); m; m = flagRe.exec(head)) {
      flags.unshift(m[1]!);
      head = head.slice(0, m.index);
    }
    let code: string | undefined;
    const arrow = head.indexOf('=>');
    if (arrow >= 0) {
      code = head.slice(arrow + 2).trim();
      head = head.slice(0, arrow);
      if (!ACTOR_CODE.test(code)) return bad('a CAMEO actor code after "=>", such as USA or RUSGOV');
    }
    const names = splitNames(head);
    if (names.length === 0) return bad('actor names separated by "|"');
    let kind: ActorKind | undefined;
    let gender: 'male' | 'female' | undefined;
    let id: string | undefined;
    for (const f of flags) {
      if (f === 'male' || f === 'female') gender = f;
      else if (f.startsWith('id=')) id = f.slice(3);
      else if (ACTOR_KINDS.has(f as ActorKind)) kind = f as ActorKind;
      else return bad(`a known flag (${[...ACTOR_KINDS].join(', ')}, male, female, id=…), not ":${f}"`);
    }
    current = {
      id: id ?? slug(names[0]!),
      name: names[0]!,
      aliases: names,
      adjectives: [],
      kind: kind ?? (code && code.length === 3 ? 'country' : 'org'),
      roles: [],
      source: { file: rel(file), line: lineNo },
    };
    if (code) current.code = code;
    if (gender) current.gender = gender;
    out.push(current);
  }
  return ok(out);
}

const PLURAL_EXCEPTIONS: Record<string, string> = {
  staff: 'staff',
  police: 'police',
  personnel: 'personnel',
};

export function pluralise(word: string): string {
  const w = word.toLowerCase();
  if (PLURAL_EXCEPTIONS[w]) return word;
  if (/(s|x|z|ch|sh)$/.test(w)) return `${word}es`;
  if (/[^aeiou]y$/.test(w)) return `${word.slice(0, -1)}ies`;
  if (/man$/.test(w)) return `${word.slice(0, -3)}men`;
  return `${word}s`;
}

export function parseAgents(text: string, file: string): Result<AgentEntry[]> {
  const out: AgentEntry[] = [];
  for (const { raw, lineNo, bad } of dictLines(text, file)) {
    const m = /^(.+?)=>\s*([A-Z]{3}(?:\s+[A-Z]{3})*)((?:\s+:[a-z-]+)*)$/.exec(raw);
    if (!m) return bad('an agent line "NOUN [| NOUN]* => TYPE [TYPE] [:flag]*"');
    const flags = new Set(
      (m[3] ?? '')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((f) => f.slice(1)),
    );
    for (const f of flags)
      if (!['title', 'person', 'noplural'].includes(f))
        return bad(`a known flag (title, person, noplural), not ":${f}"`);
    const forms: string[] = [];
    for (const part of splitNames(m[1]!)) {
      const irregular = /^(.*?)\s*\{([^}]+)\}$/.exec(part);
      if (irregular) {
        forms.push(irregular[1]!.trim(), irregular[2]!.trim());
      } else {
        forms.push(part);
        if (!flags.has('noplural')) {
          const words = part.split(/\s+/);
          const last = words.pop()!;
          if (!/^[A-Z]/.test(last) || words.length > 0) forms.push([...words, pluralise(last)].join(' '));
          else forms.push(pluralise(last));
        }
      }
    }
    out.push({
      forms: [...new Set(forms.filter(Boolean))],
      types: m[2]!.trim().split(/\s+/),
      title: flags.has('title'),
      person: flags.has('person'),
      source: { file: rel(file), line: lineNo },
    });
  }
  return ok(out);
}

const SLOT = /^(?:T|\{[^}]+\}|[a-z]+(?:_[a-z]+)*=(?:T|\{[^}]+\}))$/;

export function parseVerbs(text: string, file: string): Result<VerbPattern[]> {
  const out: VerbPattern[] = [];
  for (const { raw, lineNo, bad } of dictLines(text, file)) {
    const parts = raw.split(/\s+/);
    const code = parts.shift()!;
    if (!/^\d{2,4}$/.test(code)) return bad('a pattern line starting with a CAMEO code such as 163');
    if (!isCameoCode(code)) return err(fail('E_DICT_CODE', rel(file), lineNo, code));
    const kind = parts.shift();
    if (kind !== 'verb' && kind !== 'noun') return bad('"verb" or "noun" after the code');
    const words: string[] = [];
    const slots: PatternSlot[] = [];
    const flags = new Set<string>();
    for (const p of parts) {
      if (p.startsWith(':')) {
        flags.add(p.slice(1));
        continue;
      }
      if (flags.size > 0) return bad('flags (":nontarget", ":speech" …) only at the end of the line');
      if (SLOT.test(p)) {
        const words = (s: string) =>
          s
            .slice(1, -1)
            .split('|')
            .map((w) => w.trim().toLowerCase())
            .filter(Boolean);
        if (p === 'T') slots.push({ type: 'object-target' });
        else if (p.startsWith('{')) slots.push({ type: 'object-words', words: words(p) });
        else {
          const [prep, what] = p.split('=') as [string, string];
          const prepWords = prep.replace(/_/g, ' ');
          if (what === 'T') slots.push({ type: 'pp-target', prep: prepWords });
          else slots.push({ type: 'pp-words', prep: prepWords, words: words(what) });
        }
        continue;
      }
      if (slots.length > 0) return bad('pattern words before slots (T, {…}, prep=T)');
      if (!/^[a-z][a-z'-]*$/i.test(p))
        return bad('a lemma, a slot (T, {a|b}, prep=T, prep={a|b}) or a :flag');
      words.push(p.toLowerCase());
    }
    if (words.length === 0) return bad('at least one lemma after "verb"/"noun"');
    let pairedCode: string | undefined;
    for (const f of flags) {
      if (!f.startsWith('paired=')) continue;
      pairedCode = f.slice(7);
      if (!isCameoCode(pairedCode)) return err(fail('E_DICT_CODE', rel(file), lineNo, pairedCode));
    }
    const specificity =
      words.length * 2 +
      slots.reduce((s, x) => s + (x.type === 'object-words' || x.type === 'pp-words' ? 3 : 1), 0);
    out.push({
      id: `${rel(file)}:${lineNo}`,
      kind,
      code,
      words,
      slots,
      flags,
      specificity,
      source: { file: rel(file), line: lineNo },
      ...(pairedCode ? { pairedCode } : {}),
    });
  }
  return ok(out);
}

const MODALITIES = new Set<ModalityCueKind>(['negated', 'intended', 'proposed', 'hypothetical']);

export function parseModality(text: string, file: string): Result<ModalityCue[]> {
  const out: ModalityCue[] = [];
  for (const { raw, lineNo, bad } of dictLines(text, file)) {
    const parts = raw.split(/\s+/);
    const modality = parts.shift() as ModalityCueKind;
    if (!MODALITIES.has(modality))
      return bad(`a modality (${[...MODALITIES].join(', ')}) at the start of the line`);
    const words: string[] = [];
    const cue: ModalityCue = { modality, words, source: { file: rel(file), line: lineNo } };
    for (const p of parts) {
      if (p.startsWith(':code=')) {
        const code = p.slice(6);
        if (!isCameoCode(code)) return err(fail('E_DICT_CODE', rel(file), lineNo, code));
        cue.code = code;
      } else if (p.startsWith(':')) {
        // other flags are kept for forward compatibility but must be well formed
        if (!/^:[a-z-]+(=\S+)?$/.test(p)) return bad('a flag written :name or :name=value');
      } else words.push(p.toLowerCase());
    }
    if (words.length === 0) return bad('the cue words after the modality');
    out.push(cue);
  }
  return ok(out);
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

function readAll<T>(files: string[], parse: (text: string, file: string) => Result<T[]>): Result<T[]> {
  const all: T[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      return err(fail('E_DICT_READ', f, e instanceof Error ? e.message : String(e)));
    }
    const r = parse(text, f);
    if (!r.ok) return r;
    all.push(...r.value);
  }
  return ok(all);
}

export interface Discards {
  sentence: string[];
  story: string[];
  scoreWords: string[];
}

export function parseDiscards(text: string, file: string): Result<Discards> {
  const out: Discards = { sentence: [], story: [], scoreWords: [] };
  for (const { raw, bad } of dictLines(text, file)) {
    if (raw.startsWith('@score'))
      out.scoreWords.push(...raw.slice(6).trim().toLowerCase().split(/\s+/).filter(Boolean));
    else if (raw.startsWith('@')) return bad('a phrase, "+phrase" or "@score WORDS"');
    else if (raw.startsWith('+')) out.story.push(raw.slice(1).trim().toLowerCase());
    else out.sentence.push(raw.toLowerCase());
  }
  return ok(out);
}

/** Loads the native lexicon from a data directory laid out as data/: actors/, agents.txt, verbs/, modality.txt. */
export function loadNativeLexicon(dir: string = DATA_DIR): Result<Lexicon> {
  const actorFiles = listFiles(join(dir, 'actors'));
  const agentFiles = listFiles(join(dir, 'agents.txt'));
  const verbFiles = listFiles(join(dir, 'verbs'));
  const modalityFiles = listFiles(join(dir, 'modality.txt'));
  const hash = createHash('sha256');
  for (const f of [...actorFiles, ...agentFiles, ...verbFiles, ...modalityFiles])
    hash.update(readFileSync(f));
  const actors = readAll(actorFiles, parseActors);
  if (!actors.ok) return actors;
  const agents = readAll(agentFiles, parseAgents);
  if (!agents.ok) return agents;
  const verbs = readAll(verbFiles, parseVerbs);
  if (!verbs.ok) return verbs;
  const modality = readAll(modalityFiles, parseModality);
  if (!modality.ok) return modality;
  const discardFile = join(dir, 'discards.txt');
  let discards: Discards = { sentence: [], story: [], scoreWords: [] };
  if (existsSync(discardFile)) {
    hash.update(readFileSync(discardFile));
    const r = parseDiscards(readFileSync(discardFile, 'utf8'), discardFile);
    if (!r.ok) return r;
    discards = r.value;
  }
  return ok({
    name: 'native',
    version: `native@${hash.digest('hex').slice(0, 12)}`,
    actors: actors.value,
    agents: agents.value,
    verbs: verbs.value,
    modality: modality.value,
    discards: discards.sentence,
    storyDiscards: discards.story,
    scoreWords: discards.scoreWords,
  });
}
