/**
 * PETRARCH agent dictionaries → AgentEntry.
 *
 *   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     substitution set, expanded literally
 *   CATTLE!PERSON! [~AGR]                         → cattleman, cattlemen, cattlewoman …
 *   FOREIGN_MINISTER [~GOVFRM]                    ~CODE: appended to the actor code (ARN → ARNGOVFRM)
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   irregular plural; {} = no plural
 *   HUMAN_RIGHTS_BODY [NGO~]                      CODE~: placed before the actor code (NGOARN)
 */
import type { AgentEntry } from '../types.ts';
import { cleanLines, LoadContext, phraseTokens, pluralOf, type ReadOptions } from './common.ts';

/** Head nouns that denote one person and work as titles before a name ("Prime Minister Telemar"). */
const PERSON_HEADS = new Set([
  'minister',
  'president',
  'ambassador',
  'secretary',
  'general',
  'governor',
  'mayor',
  'chief',
  'leader',
  'king',
  'queen',
  'prince',
  'princess',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'commander',
  'judge',
  'prosecutor',
  'senator',
  'chancellor',
  'premier',
  'diplomat',
  'official',
  'adviser',
  'advisor',
  'cleric',
  'imam',
  'pope',
  'bishop',
  'archbishop',
  'sheikh',
  'emir',
  'sultan',
  'colonel',
  'captain',
  'lieutenant',
  'sergeant',
  'major',
  'admiral',
  'marshal',
  'lawmaker',
  'legislator',
  'deputy',
  'chairman',
  'chairwoman',
  'director',
]);

/** Splits `~GOVFRM` into CAMEO 3-letter types ["GOV", "FRM"]; odd lengths stay whole. */
export function splitTypes(code: string): string[] {
  if (code.length > 0 && code.length % 3 === 0) return code.match(/.{3}/g)!;
  return code ? [code] : [];
}

export function parseAgents(
  content: string,
  file: string,
  opts: ReadOptions = {},
): { agents: AgentEntry[]; warnings: string[] } {
  const ctx = new LoadContext(file, opts.strict);
  const subst = new Map<string, string[]>();
  const agents: AgentEntry[] = [];
  for (const { n, text } of cleanLines(content)) {
    const t = text.trim();
    if (t === '') continue;
    const sm = /^!([A-Za-z0-9_]+)!\s*=\s*(.*)$/.exec(t);
    if (sm) {
      const members = sm[2]!
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (members.length === 0) ctx.error(n, 'members after "!NAME! ="', t);
      subst.set(sm[1]!.toUpperCase(), members);
      continue;
    }
    const m = /^([^[{]*?)\s*(?:\{([^}]*)\}\s*)?(?:\[([^\]]*)\])?\s*$/.exec(t);
    if (!m || m[1]!.trim() === '') {
      ctx.warn(n, 'AGENT [{PLURAL}] [~CODE] or [CODE~]', t);
      continue;
    }
    if (m[3] === undefined) {
      ctx.warn(n, 'a code [~CODE] or [CODE~] after the agent', t);
      continue;
    }
    const code = m[3].replace(/\s+/g, '').toUpperCase();
    let prefix: boolean;
    let types: string;
    if (code.startsWith('~')) {
      prefix = false;
      types = code.slice(1);
    } else if (code.endsWith('~')) {
      prefix = true;
      types = code.slice(0, -1);
    } else {
      ctx.warn(n, 'an agent code with "~": [~CODE] or [CODE~]', `[${m[3]}]`);
      continue;
    }
    if (!/^[A-Z0-9]+$/.test(types)) {
      ctx.warn(n, 'an agent code of letters', `[${m[3]}]`);
      continue;
    }
    // substitution sets: each !X! becomes each of its members
    let phrases = [m[1]!.trim()];
    for (;;) {
      const next: string[] = [];
      let changed = false;
      for (const p of phrases) {
        const r = /!([A-Za-z0-9_]+)!/.exec(p);
        if (!r) {
          next.push(p);
          continue;
        }
        const members = subst.get(r[1]!.toUpperCase());
        if (!members) ctx.error(n, `a substitution set !${r[1]}! defined above`, t);
        changed = true;
        for (const mem of members!) next.push(p.slice(0, r.index) + mem + p.slice(r.index + r[0].length));
      }
      phrases = next;
      if (!changed) break;
    }
    const forms = new Set<string>();
    const explicit = m[2];
    for (const p of phrases) {
      const toks = phraseTokens(p);
      if (toks.length === 0) continue;
      forms.add(toks.join(' '));
      // substitution sets list their plurals themselves
      if (explicit === undefined && !m[1]!.includes('!') && !/_$/.test(p.trim())) {
        const pl = pluralOf(toks[toks.length - 1]!);
        if (pl) forms.add([...toks.slice(0, -1), pl].join(' '));
      }
    }
    if (explicit !== undefined)
      for (const pl of explicit.trim().split(/\s+/).filter(Boolean)) forms.add(phraseTokens(pl).join(' '));
    const head = phraseTokens(phrases[0]!).at(-1) ?? '';
    const person = PERSON_HEADS.has(head);
    agents.push({
      forms: [...forms],
      types: splitTypes(types),
      title: person,
      person,
      ...(prefix ? { prefix: true } : {}),
      source: { file, line: n },
    });
  }
  return { agents, warnings: ctx.warnings };
}
