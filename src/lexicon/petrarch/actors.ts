/**
 * PETRARCH/TABARI actor dictionaries → ActorEntry.
 *
 *   AFGHANISTAN_  [AFG]          primary phrase + default code
 *   +AFGHAN_                     synonym of the entry above
 *   BARACK_OBAMA                 primary phrase, codes on the following indented lines
 *   	[USAELI 780101-000101]     restriction: date range (inclusive), YYMMDD or YYYYMMDD
 *   	[USAGOV >090120]           from the date on;  [X <D] up to the date;  [X] default code
 *   ANN_VENEMAN_ [USAGOV 010120-050120] [IGOUNOKID >050501]   several codes on one line
 */
import type { ActorEntry, ActorKind, ActorRole } from '../types.ts';
import {
  actorAlias,
  capitalisedAlias,
  cleanLines,
  displayName,
  LoadContext,
  normCode,
  type ReadOptions,
  slug,
  tabariDate,
} from './common.ts';

const CODE = /^[A-Z0-9\-+/#*]+$/;
const BRACKETS = /\[([^\]]*)\]/g;

interface Draft {
  phrases: string[];
  code?: string;
  roles: ActorRole[];
  line: number;
}

/** Parses one bracket's content ("USAGOV >090120") into a default code or a dated role. */
function parseRestriction(ctx: LoadContext, line: number, body: string, d: Draft): void {
  const m = /^\s*(\S+)\s*(.*)$/.exec(body);
  if (!m) ctx.error(line, 'a code in brackets such as [USA] or [USAGOV >090120]', `[${body}]`);
  const code = normCode(m[1]!);
  if (!CODE.test(code)) ctx.error(line, 'an actor code of letters, digits or "-"', `[${body}]`);
  const rest = m[2]!.trim();
  if (rest === '') {
    if (d.code === undefined) d.code = code;
    else d.roles.push({ code }); // a second undated code: kept as an open role after the dated ones
    return;
  }
  const before = /^([<>])\s*(\d+)$/.exec(rest);
  if (before) {
    const date = tabariDate(before[2]!);
    if (!date) ctx.warn(line, 'a date YYMMDD or YYYYMMDD', `[${body}]`);
    else d.roles.push(before[1] === '<' ? { code, to: date } : { code, from: date });
    return;
  }
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(rest);
  if (range) {
    const from = tabariDate(range[1]!);
    const to = tabariDate(range[2]!);
    if (!from || !to) ctx.warn(line, 'dates YYMMDD or YYYYMMDD', `[${body}]`);
    else d.roles.push({ code, from, to });
    return;
  }
  if (/^\d+$/.test(rest)) {
    // a lone date without < or >: the Phoenix files use it for a start date ("entered Foreign Service")
    const from = tabariDate(rest);
    if (!from) ctx.warn(line, 'a restriction <DATE, >DATE or DATE-DATE', `[${body}]`);
    else {
      ctx.warn(line, 'a restriction <DATE, >DATE or DATE-DATE', `[${body}]`, 'read as >DATE');
      d.roles.push({ code, from });
    }
    return;
  }
  ctx.error(line, 'a restriction <DATE, >DATE or DATE-DATE after the code', `[${body}]`);
}

/** Codes in brackets on a line; null (after a warning) when the brackets are broken. */
function splitCodes(ctx: LoadContext, line: number, text: string): { head: string; bodies: string[] } | null {
  const open = (text.match(/\[/g) ?? []).length;
  const close = (text.match(/\]/g) ?? []).length;
  if (open !== close) {
    ctx.warn(line, 'a closing "]" for every "["', text);
    return null;
  }
  const first = text.indexOf('[');
  const head = first < 0 ? text : text.slice(0, first);
  const bodies: string[] = [];
  if (first >= 0) {
    const tail = text.slice(first);
    const leftover = tail.replace(BRACKETS, '').trim();
    if (/\][^[]*\S[^[]*\[/.test(tail)) {
      ctx.warn(line, 'only codes in brackets after the phrase', text);
      return null;
    }
    // text after the last code (some Phoenix lines carry notes there) is ignored with a warning
    if (leftover !== '') ctx.warn(line, 'nothing after the codes', text, 'text ignored');
    for (const m of tail.matchAll(BRACKETS)) bodies.push(m[1]!);
  }
  return { head: head.trim(), bodies };
}

/** A guess of riposte's ActorKind from a PETRARCH code (PETRARCH has no kinds). */
function kindOf(code: string | undefined, roles: ActorRole[]): ActorKind {
  const c = code ?? roles[0]?.code ?? '';
  if (/^[A-Z]{3}$/.test(c) && roles.every((r) => /^[A-Z]{3}$/.test(r.code))) return 'country';
  if (roles.some((r) => r.from || r.to)) return 'person';
  if (c.startsWith('IGO')) return 'igo';
  if (c.startsWith('NGO') || c.startsWith('NGM')) return 'ngo';
  if (/^[A-Z]{3}$/.test(c)) return 'country';
  if (/MED$/.test(c)) return 'media';
  if (/(REB|INS|UAF|SEP)/.test(c.slice(3))) return 'group';
  return 'org';
}

/** Reads one actor dictionary. `file` names it in SourceRefs and errors. */
export function parseActors(
  content: string,
  file: string,
  opts: ReadOptions = {},
): { actors: ActorEntry[]; warnings: string[] } {
  const ctx = new LoadContext(file, opts.strict);
  const drafts: Draft[] = [];
  let cur: Draft | undefined;
  /** true after a skipped primary line: its synonyms and codes are skipped too */
  let skipping = false;
  for (const { n, text } of cleanLines(content)) {
    if (text === '') continue;
    const t = text.trim();
    if (t.startsWith('[') || t.startsWith('+')) {
      if (skipping) continue;
      if (!cur) ctx.error(n, 'a primary phrase before its codes or synonyms', t);
      const isCode = t.startsWith('[');
      const parts = splitCodes(ctx, n, isCode ? t : t.slice(1));
      if (!parts) continue;
      if (!isCode) {
        if (parts.head === '') ctx.error(n, 'a synonym phrase after "+"', t);
        cur!.phrases.push(parts.head);
      } else if (parts.head !== '') ctx.error(n, 'a line of codes in brackets', t);
      for (const b of parts.bodies) parseRestriction(ctx, n, b, cur!);
      continue;
    }
    if (/^[\]{}()<>~&!-]/.test(t) && !/^-[A-Za-z0-9]/.test(t))
      ctx.error(n, 'a primary phrase, a "+" synonym or an indented [code]', t);
    const parts = splitCodes(ctx, n, t);
    if (!parts || parts.head === '') {
      if (parts) ctx.warn(n, 'a primary phrase', t);
      skipping = true;
      continue;
    }
    skipping = false;
    cur = { phrases: [parts.head], roles: [], line: n };
    drafts.push(cur);
    for (const b of parts.bodies) parseRestriction(ctx, n, b, cur);
  }
  const seen = new Map<string, number>();
  const actors: ActorEntry[] = drafts.map((d) => {
    const aliases = [...new Set(d.phrases.map(actorAlias))];
    let id = 'petr-' + slug(d.phrases[0]!);
    const k = seen.get(id) ?? 0;
    seen.set(id, k + 1);
    if (k > 0) id += `-${d.line}`;
    const entry: ActorEntry = {
      id,
      name: displayName(d.phrases[0]!),
      aliases,
      adjectives: [],
      kind: kindOf(d.code, d.roles),
      roles: d.roles,
      source: { file, line: d.line },
    };
    if (d.code !== undefined) entry.code = d.code;
    const capitalised = [
      ...new Set(d.phrases.map(capitalisedAlias).filter((a): a is string => a !== undefined)),
    ];
    if (capitalised.length) entry.capitalised = capitalised;
    return entry;
  });
  return { actors, warnings: ctx.warnings };
}
