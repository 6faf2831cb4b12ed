/**
 * PETRARCH/TABARI dictionaries → riposte's Lexicon. Entry point for `--dictionaries petrarch:DIR`.
 *
 * Which files make the set (`petrarch:DIR[?set=…|?files=…]`):
 * - `?files=A,B,…` (or the `files` argument): exactly these files of DIR, each classified by its name
 *   (`*.verbs.txt`/`CAMEO*` verbs, `*actors*` actors, `*agents*` agents, `*discards*` discards, `*Issue*` issues);
 * - `?set=validate`: the `PETR.Validate.*` files (what PETR.UnitTest.records.xml names);
 * - `?set=phoenix` or nothing: `CAMEO.2.0.txt` + `Phoenix.*` (the production set); when DIR has no
 *   CAMEO.2.0.txt but has PETR.Validate.* files, those.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fail, isRiposteError } from '../../core/errors.ts';
import { err, ok, type Result } from '../../core/result.ts';
import type { ActorEntry, AgentEntry, Lexicon, VerbPattern } from '../types.ts';
import { parseActors } from './actors.ts';
import { parseAgents } from './agents.ts';
import type { ReadOptions } from './common.ts';
import { parseDiscards, parseIssues } from './discards.ts';
import type { IssueEntry, PetrarchAlternatives, PetrarchTransformation } from './types.ts';
import { parseVerbs } from './verbs.ts';

export { parseActors } from './actors.ts';
export { parseAgents, splitTypes } from './agents.ts';
export { tabariDate } from './common.ts';
export { parseDiscards, parseIssues } from './discards.ts';
export { parsePetrarchRecords } from './records.ts';
export type * from './types.ts';
export { parseVerbs } from './verbs.ts';

export type PetrarchFileKind = 'verbs' | 'actors' | 'agents' | 'discards' | 'issues' | 'ignored';

/** The kind of a dictionary file, from its name. */
export function fileKind(name: string): PetrarchFileKind {
  const n = name.toLowerCase();
  if (n.includes('verb') || n.startsWith('cameo')) return 'verbs';
  if (n.includes('actor')) return 'actors';
  if (n.includes('agent')) return 'agents';
  if (n.includes('discard')) return 'discards';
  if (n.includes('issue')) return 'issues';
  return 'ignored';
}

export const VALIDATE_SET = [
  'PETR.Validate.verbs.txt',
  'PETR.Validate.actors.txt',
  'PETR.Validate.agents.txt',
  'PETR.Validate.discards.txt',
];
export const PHOENIX_SET = [
  'CAMEO.2.0.txt',
  'Phoenix.Countries.actors.txt',
  'Phoenix.International.actors.txt',
  'Phoenix.MilNonState.actors.txt',
  'Phoenix.agents.txt',
  'Phoenix.discards.txt',
  'Phoenix.IssueCoding.txt',
];

/** `petrarch:DIR?files=a,b` / `DIR?set=validate` / `DIR` → directory and file list (undefined = default set). */
export function parsePetrarchSpec(spec: string): { dir: string; files?: string[]; set?: string } {
  const s = spec.startsWith('petrarch:') ? spec.slice('petrarch:'.length) : spec;
  const q = s.indexOf('?');
  if (q < 0) return { dir: s };
  const dir = s.slice(0, q);
  const params = new URLSearchParams(s.slice(q + 1));
  const files = params.get('files');
  const set = params.get('set') ?? undefined;
  if (files)
    return {
      dir,
      files: files
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    };
  if (set && set !== 'validate' && set !== 'phoenix')
    throw fail('E_ARGS', `expected ?set=validate or ?set=phoenix in "${spec}", found "${set}"`);
  return set ? { dir, set } : { dir };
}

function chooseFiles(names: string[], set?: string): string[] {
  if (set === 'validate') return VALIDATE_SET;
  if (set === 'phoenix') return PHOENIX_SET;
  if (names.includes('CAMEO.2.0.txt')) return PHOENIX_SET.filter((f) => names.includes(f));
  if (names.some((n) => n.startsWith('PETR.Validate.'))) return VALIDATE_SET.filter((f) => names.includes(f));
  return names.filter((n) => fileKind(n) !== 'ignored').sort();
}

export interface PetrarchLoad {
  lexicon: Lexicon;
  warnings: string[];
  files: { file: string; kind: PetrarchFileKind; entries: number }[];
  synsets: Map<string, PetrarchAlternatives>;
  transformations: PetrarchTransformation[];
  ms: number;
}

/** Parses already-read files (name → content); `dir` only labels the lexicon. */
export function buildPetrarchLexicon(
  dir: string,
  contents: { file: string; path: string; content: string }[],
  opts: ReadOptions = {},
): Omit<PetrarchLoad, 'ms'> {
  const actors: ActorEntry[] = [];
  const agents: AgentEntry[] = [];
  const verbs: VerbPattern[] = [];
  const discards: string[] = [];
  const storyDiscards: string[] = [];
  const issues: IssueEntry[] = [];
  const warnings: string[] = [];
  const files: PetrarchLoad['files'] = [];
  const synsets = new Map<string, PetrarchAlternatives>();
  const transformations: PetrarchTransformation[] = [];
  const hash = createHash('sha1');
  for (const { file, path, content } of contents) {
    hash.update(file).update('\0').update(content);
    const kind = fileKind(file);
    let entries = 0;
    switch (kind) {
      case 'verbs': {
        const r = parseVerbs(content, path, opts);
        verbs.push(...r.verbs);
        for (const [k, v] of r.synsets) synsets.set(k, v);
        transformations.push(...r.transformations);
        warnings.push(...r.warnings);
        entries = r.verbs.length;
        break;
      }
      case 'actors': {
        const r = parseActors(content, path, opts);
        actors.push(...r.actors);
        warnings.push(...r.warnings);
        entries = r.actors.length;
        break;
      }
      case 'agents': {
        const r = parseAgents(content, path, opts);
        agents.push(...r.agents);
        warnings.push(...r.warnings);
        entries = r.agents.length;
        break;
      }
      case 'discards': {
        const r = parseDiscards(content, path, opts);
        discards.push(...r.sentence);
        storyDiscards.push(...r.story);
        warnings.push(...r.warnings);
        entries = r.sentence.length + r.story.length;
        break;
      }
      case 'issues': {
        const r = parseIssues(content, path, opts);
        issues.push(...r.issues);
        warnings.push(...r.warnings);
        entries = r.issues.length;
        break;
      }
      case 'ignored':
        break;
    }
    files.push({ file, kind, entries });
  }
  const lexicon: Lexicon = {
    name: `petrarch:${dir}`,
    version: hash.digest('hex').slice(0, 12),
    actors,
    agents,
    verbs,
    modality: [],
    discards,
    storyDiscards,
    issues,
    conventions: 'petrarch',
  };
  return { lexicon, warnings, files, synsets, transformations };
}

function resolve(
  dirOrSpec: string,
  files?: string[],
): { dir: string; names: string[] | undefined; set?: string } {
  const spec = parsePetrarchSpec(dirOrSpec);
  return { dir: spec.dir, names: files ?? spec.files, ...(spec.set ? { set: spec.set } : {}) };
}

/** Reads a PETRARCH dictionary set with everything the readers found (warnings, synsets, counts). */
export async function readPetrarchDictionaries(
  dirOrSpec: string,
  files?: string[],
  opts: ReadOptions = {},
): Promise<PetrarchLoad> {
  const t0 = performance.now();
  const { dir, names, set } = resolve(dirOrSpec, files);
  let chosen = names;
  if (!chosen) {
    let listing: string[];
    try {
      listing = await readdir(dir);
    } catch (e) {
      throw fail('E_DICT_READ', dir, (e as Error).message);
    }
    chosen = chooseFiles(listing, set);
    if (chosen.length === 0) throw fail('E_DICT_READ', dir, 'expected PETRARCH dictionary files, found none');
  }
  const contents = await Promise.all(
    chosen.map(async (file) => {
      const path = join(dir, file);
      try {
        return { file, path, content: await readFile(path, 'utf8') };
      } catch (e) {
        throw fail('E_DICT_READ', path, (e as Error).message);
      }
    }),
  );
  return { ...buildPetrarchLexicon(dir, contents, opts), ms: performance.now() - t0 };
}

/** The Lexicon of a PETRARCH dictionary set; throws a RiposteError (E_DICT_*) on a broken file. */
export async function loadPetrarchLexicon(
  dirOrSpec: string,
  files?: string[],
  opts: ReadOptions = {},
): Promise<Lexicon> {
  return (await readPetrarchDictionaries(dirOrSpec, files, opts)).lexicon;
}

/** Same as {@link loadPetrarchLexicon}, failures as values. */
export async function tryLoadPetrarchLexicon(
  dirOrSpec: string,
  files?: string[],
  opts: ReadOptions = {},
): Promise<Result<Lexicon>> {
  try {
    return ok(await loadPetrarchLexicon(dirOrSpec, files, opts));
  } catch (e) {
    if (isRiposteError(e)) return err(e);
    throw e;
  }
}

/** Synchronous variant for callers that cannot await. */
export function loadPetrarchLexiconSync(
  dirOrSpec: string,
  files?: string[],
  opts: ReadOptions = {},
): Lexicon {
  const { dir, names, set } = resolve(dirOrSpec, files);
  let chosen = names;
  try {
    chosen ??= chooseFiles(readdirSync(dir), set);
  } catch (e) {
    throw fail('E_DICT_READ', dir, (e as Error).message);
  }
  const contents = chosen.map((file) => {
    const path = join(dir, file);
    try {
      return { file, path, content: readFileSync(path, 'utf8') };
    } catch (e) {
      throw fail('E_DICT_READ', path, (e as Error).message);
    }
  });
  return buildPetrarchLexicon(dir, contents, opts).lexicon;
}
