/**
 * Shared pieces of the PETRARCH dictionary readers: comment stripping with line numbers, phrase tokens,
 * TABARI dates, English plural and verb forms, and the load context that collects warnings.
 */
import { fail } from '../../core/errors.ts';

/** A line of a dictionary with its comments removed. */
export interface CleanLine {
  /** 1-based line number in the file */
  n: number;
  /** content without comments, right-trimmed (leading whitespace kept: it matters for actor code lines) */
  text: string;
  /** the line as written (for error messages) */
  raw: string;
}

/** Options of every reader. */
export interface ReadOptions {
  /**
   * Tolerated defects of the shipped files (a malformed date in a restriction, an agent without a code, a
   * non-numeric verb code, an undefined synset) are warnings by default; `strict` makes them errors.
   */
  strict?: boolean;
}

/** Collects warnings; in strict mode a warning is thrown as E_DICT_SYNTAX. */
export class LoadContext {
  readonly warnings: string[] = [];
  constructor(
    readonly file: string,
    readonly strict = false,
  ) {}
  /** a broken line: always fatal */
  error(line: number, expected: string, found: string): never {
    throw fail('E_DICT_SYNTAX', this.file, line, expected, found.trim());
  }
  /** a tolerated defect: a warning unless strict */
  warn(line: number, expected: string, found: string, outcome = 'skipped'): void {
    if (this.strict) this.error(line, expected, found);
    this.warnings.push(`${this.file}:${line}: expected ${expected}, found "${found.trim()}" (${outcome})`);
  }
}

/**
 * Splits a dictionary into lines without comments. `#` (and TABARI's legacy `;`) starts a comment to the end of
 * the line, except inside `[…]` (codes such as `[###]`); `<!-- … -->` and its misspelling `<! -- … -->` may span lines.
 * Lines that held only a comment are dropped; truly blank lines are kept (as empty text).
 */
export function cleanLines(content: string): CleanLine[] {
  const out: CleanLine[] = [];
  const lines = content.split(/\r?\n/);
  let inXml = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    let s = raw;
    let hadComment = false;
    if (inXml) {
      const end = s.indexOf('-->');
      if (end < 0) continue;
      s = s.slice(end + 3);
      inXml = false;
      hadComment = true;
    }
    // XML comments (possibly several on one line, possibly unterminated)
    for (;;) {
      const m = /<!\s*--/.exec(s);
      if (!m) break;
      hadComment = true;
      const end = s.indexOf('-->', m.index + m[0].length);
      if (end < 0) {
        s = s.slice(0, m.index);
        inXml = true;
        break;
      }
      s = s.slice(0, m.index) + ' ' + s.slice(end + 3);
    }
    // # comments outside brackets
    let depth = 0;
    for (let j = 0; j < s.length; j++) {
      const c = s[j];
      if (c === '[') depth++;
      else if (c === ']') depth = Math.max(0, depth - 1);
      else if ((c === '#' || c === ';') && depth === 0) {
        s = s.slice(0, j);
        hadComment = true;
        break;
      }
    }
    s = s.trimEnd();
    if (s.trim() === '' && hadComment) continue;
    out.push({ n: i + 1, text: s.trim() === '' ? '' : s, raw });
  }
  return out;
}

/** `AFGHANISTAN_`, `CARAS GALADHON`, `U.S.` → lower-case tokens (`_` and blanks both separate words). */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .replace(/_/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/**
 * An actor alias as riposte writes it: lower-case (PETRARCH matches case-insensitively), except one-word
 * acronyms of up to 4 letters (`US`, `UN`, `IMF`, `USSR`), which stay in capitals so that riposte's
 * capitals-only rule keeps "us" from becoming the United States.
 */
export function actorAlias(phrase: string): string {
  const toks = phrase.replace(/_/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (toks.length === 1 && /^[A-Z]{2,4}$/.test(toks[0]!)) return toks[0]!;
  return toks.join(' ').toLowerCase();
}

/**
 * The capitalised form of a one-word all-capital alias of 3 or 4 letters (`BREE` → `Bree`, `IRAN` → `Iran`,
 * `NATO` → `Nato`): PETRARCH writes every name in capitals, so such a word may be a name as well as an acronym.
 * Two-letter words (`US`, `UN`) stay capitals only ("Us", "Un" begin sentences). Undefined for other aliases.
 */
export function capitalisedAlias(phrase: string): string | undefined {
  const toks = phrase.replace(/_/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (toks.length !== 1 || !/^[A-Z]{3,4}$/.test(toks[0]!)) return undefined;
  return toks[0]!.charAt(0) + toks[0]!.slice(1).toLowerCase();
}

/** "AFGHANISTAN" → "Afghanistan", "UNITED_NATIONS" → "United Nations" (display names). */
export function displayName(phrase: string): string {
  const words = phrase.replace(/_/g, ' ').trim().split(/\s+/);
  if (words.length === 1 && /^[A-Z]{2,4}$/.test(words[0]!)) return words[0]!; // an acronym: IMF, USSR
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}

/**
 * A TABARI date, `YYMMDD` or `YYYYMMDD`, to `YYYY-MM-DD`; null when malformed. Two-digit years below 30 are
 * 20YY, others 19YY (PETRARCH's window, matching the Phoenix files: `780101-000101` = 1978 to 2000).
 */
export function tabariDate(s: string): string | null {
  let y: number;
  let rest: string;
  if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    rest = s.slice(4);
  } else if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    y = yy < 30 ? 2000 + yy : 1900 + yy;
    rest = s.slice(2);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${String(y).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
}

/**
 * Regular English plural of a word (PETRARCH's rules plus -ch/-sh/-x); null for a word that already looks
 * plural ("dollars", "troops"), so that no "dollarses" is generated.
 */
export function pluralOf(word: string): string | null {
  const w = word.toLowerCase();
  if (/[^siu]s$/.test(w)) return null;
  if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  return w + 's';
}

/** Regular verb forms: base, -s, -ed, -ing (no consonant doubling, as PETRARCH). */
export function verbForms(base: string): string[] {
  const w = base.toLowerCase();
  const s = /(s|x|z|ch|sh)$/.test(w) ? w + 'es' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : w + 's';
  const ed = w.endsWith('e') ? w + 'd' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ied' : w + 'ed';
  const ing = /[^e]e$/.test(w) ? w.slice(0, -1) + 'ing' : w + 'ing';
  return [...new Set([w, s, ed, ing])];
}

/** Cleans a code in brackets: upper-case, no blanks. */
export function normCode(code: string): string {
  return code.trim().toUpperCase();
}

/** "CARAS GALADHON" → "caras-galadhon" (entry ids). */
export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
