/**
 * Actor selectors. "RUS" (a country) matches every actor code starting with RUS and every actor whose country is
 * RUS; "RUSGOV" (a full code) matches exactly that code and the codes extending it (RUSGOVMIL); a name matches
 * `actor.name` or `actor.id`, case-insensitively. Prefixes force a reading: `country:RUS`, `code:RUSGOV`,
 * `name:Vladimir Putin`, `id:Q7747`.
 */
import { fail } from '../core/errors.ts';
import type { Actor } from '../core/types.ts';

export type ActorSelector =
  | { kind: 'country'; code: string; label: string }
  | {
      kind: 'code';
      code: string;
      label: string /** match the code only, not its extensions */;
      exact?: boolean;
    }
  | { kind: 'name'; name: string; label: string };

/** A CAMEO code is upper-case letters or dashes in blocks of three: USA, RUSGOV, ---REB, IGOUNO. */
const CODE_RE = /^(?:[A-Z-]{3})+$/;

export function parseSelector(input: string): ActorSelector {
  const s = input.trim();
  if (!s)
    throw fail('E_ARGS', 'expected an actor (a country like RUS, a code like RUSGOV or a name), found ""');
  const m = /^(country|code|name|id):(.+)$/.exec(s);
  if (m) {
    const [, kind, value] = m as unknown as [string, string, string];
    if (kind === 'name' || kind === 'id') return { kind: 'name', name: value.trim(), label: value.trim() };
    const code = value.trim().toUpperCase();
    return kind === 'country' ? { kind, code, label: code } : { kind: 'code', code, label: code };
  }
  if (CODE_RE.test(s)) {
    return s.length === 3 ? { kind: 'country', code: s, label: s } : { kind: 'code', code: s, label: s };
  }
  return { kind: 'name', name: s, label: s };
}

export function matchesActor(actor: Actor | null | undefined, sel: ActorSelector): boolean {
  if (!actor) return false;
  switch (sel.kind) {
    case 'country':
      return actor.code.startsWith(sel.code) || actor.country === sel.code;
    case 'code':
      return sel.exact ? actor.code === sel.code : actor.code.startsWith(sel.code);
    case 'name': {
      const want = sel.name.toLowerCase();
      return actor.name?.toLowerCase() === want || actor.id?.toLowerCase() === want;
    }
  }
}

export const selectorOf = (s: string | ActorSelector): ActorSelector =>
  typeof s === 'string' ? parseSelector(s) : s;

/** The grouping key for dyad discovery: the country (or the code's first block) or the full code. */
export type ActorLevel = 'country' | 'code';

export function actorKey(actor: Actor | null | undefined, level: ActorLevel): string | null {
  if (!actor?.code) return null;
  if (level === 'code') return actor.code;
  return actor.country ?? actor.code.slice(0, 3);
}
