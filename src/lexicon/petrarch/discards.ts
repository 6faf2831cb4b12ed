/**
 * PETRARCH discard files (`Phoenix.discards.txt`, `PETR.Validate.discards.txt`) and issue files
 * (`Phoenix.IssueCoding.txt`).
 *
 *   MONTHS LATER              sentence-level discard: a sentence containing it yields no event
 *   +World Golf Championships story-level discard: the whole story yields no event
 *
 *   <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
 *   n:teacher [TEACHERS]      n: singular and plural;  v: regular verb forms
 *   pre+n:school [EARLY_CHILDHOOD_EDUCATION]   + = joined by a blank or a hyphen
 *   ~a head start             ignore phrase
 *   european central bank     no code: the block's category
 *   </ISSUE>
 */

import { cleanLines, LoadContext, phraseTokens, pluralOf, type ReadOptions, verbForms } from './common.ts';
import type { IssueEntry } from './types.ts';

export interface Discards {
  /** lower-case phrases, words separated by one blank */
  sentence: string[];
  story: string[];
}

export function parseDiscards(
  content: string,
  file: string,
  opts: ReadOptions = {},
): Discards & { warnings: string[] } {
  const ctx = new LoadContext(file, opts.strict);
  const sentence: string[] = [];
  const story: string[] = [];
  for (const { n, text } of cleanLines(content)) {
    let t = text.trim();
    if (t === '') continue;
    const isStory = t.startsWith('+');
    if (isStory) t = t.slice(1).trim();
    if (/[[\]{}<>]/.test(t)) ctx.error(n, 'a discard phrase (optionally after "+")', text);
    const phrase = phraseTokens(t).join(' ');
    if (phrase === '') ctx.error(n, 'a discard phrase after "+"', text);
    (isStory ? story : sentence).push(phrase);
  }
  return { sentence: [...new Set(sentence)], story: [...new Set(story)], warnings: ctx.warnings };
}

/** all variants of one issue word: n:/v: forms, + joins */
function wordVariants(w: string): string[] {
  // "pre+n:school": split on '+', each piece may carry n:/v:
  const pieces = w.split('+').map((p) => {
    const m = /^([nv]):(.*)$/i.exec(p);
    if (!m) return [p.toLowerCase()];
    const base = m[2]!.toLowerCase();
    if (m[1]!.toLowerCase() === 'v') return verbForms(base);
    const pl = pluralOf(base);
    return pl ? [base, pl] : [base];
  });
  let out: string[] = [''];
  pieces.forEach((vs, k) => {
    const next: string[] = [];
    for (const o of out)
      for (const v of vs) {
        if (k === 0) next.push(v);
        else next.push(`${o} ${v}`, `${o}-${v}`);
      }
    out = next;
  });
  return out;
}

export function parseIssues(
  content: string,
  file: string,
  opts: ReadOptions = {},
): { issues: IssueEntry[]; warnings: string[] } {
  const ctx = new LoadContext(file, opts.strict);
  const issues: IssueEntry[] = [];
  let category: string | undefined;
  for (const { n, text } of cleanLines(content)) {
    const t = text.trim();
    if (t === '') continue;
    const open = /^<ISSUE\s+CATEGORY\s*=\s*"([^"]+)"[^>]*>$/i.exec(t);
    if (open) {
      if (category) ctx.error(n, `</ISSUE> closing "${category}" before a new <ISSUE>`, t);
      category = open[1]!;
      continue;
    }
    if (/^<\/ISSUE>$/i.test(t)) {
      if (!category) ctx.warn(n, 'an <ISSUE CATEGORY="…"> before </ISSUE>', t);
      category = undefined;
      continue;
    }
    if (!category) {
      ctx.warn(n, 'an issue phrase inside an <ISSUE CATEGORY="…"> block', t);
      continue;
    }
    const ignore = t.startsWith('~');
    const m = /^~?\s*([^[\]]+?)\s*(?:\[([^\]]*)\])?$/.exec(t);
    if (!m) {
      ctx.warn(n, 'one issue phrase followed by [CODE]', t);
      continue;
    }
    let phrases: string[] = [''];
    for (const w of m[1]!.split(/\s+/)) {
      const vs = wordVariants(w);
      phrases = phrases.flatMap((p) => vs.map((v) => (p ? `${p} ${v}` : v)));
    }
    issues.push({
      phrases: [...new Set(phrases)],
      // a phrase without a code takes its block's category
      code: ignore ? '' : (m[2] ?? category!).trim(),
      category: category!,
      ignore,
      source: { file, line: n },
    });
  }
  if (category) ctx.error(content.split('\n').length, `</ISSUE> closing "${category}"`, 'end of file');
  return { issues, warnings: ctx.warnings };
}
