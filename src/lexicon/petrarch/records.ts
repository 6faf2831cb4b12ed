/**
 * PETRARCH XML input → records. Reads both the validation file (PETR.UnitTest.records.xml: `<Environment>`,
 * `<Config>`, `<Sentence>` with `<EventCoding>`) and plain input (GigaWord.sample.PETR.xml).
 *
 *   <Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
 *   <EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
 *   <Text> … </Text>
 *   <Parse> (ROOT …) </Parse>
 *   </Sentence>
 *
 * Comments are skipped, `<Config option value>` settings are carried to the records that follow, a `<Stop>`
 * element ends the file. The Treebank `<Parse>` is kept verbatim but riposte does not use it unless asked to.
 */
import { fail } from '../../core/errors.ts';
import type { DocInput } from '../../core/types.ts';
import type { ExpectedEvent, PetrarchRecord } from './types.ts';

export interface PetrarchEnvironment {
  verbfile?: string;
  actorfile?: string;
  agentfile?: string;
  discardfile?: string;
  include?: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? '');
  return out;
}

/** `19950101` → `1995-01-01` (also accepts YYYY-MM-DD). */
export function recordDate(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export interface ParsedRecords {
  records: PetrarchRecord[];
  environment: PetrarchEnvironment;
}

/** Parses a PETRARCH XML file. `file` names it in errors. */
export function parsePetrarchRecords(xml: string, file = 'input'): ParsedRecords {
  // blank out comments, keeping line numbers
  const text = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const lineAt = (() => {
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    return (pos: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= pos) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
  })();

  const environment: PetrarchEnvironment = {};
  const env = /<Environment\b[^>]*>([\s\S]*?)<\/Environment>/i.exec(text);
  if (env) {
    const get = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'i').exec(env[1]!)?.[1]?.trim();
    const v = get('Verbfile');
    const a = get('Actorfile');
    const g = get('Agentfile');
    const d = get('Discardfile');
    const inc = get('Include');
    if (v) environment.verbfile = v;
    if (a) environment.actorfile = a;
    if (g) environment.agentfile = g;
    if (d) environment.discardfile = d;
    if (inc) environment.include = inc.split(/\s+/).filter(Boolean);
  }
  const body = env
    ? text.slice(0, env.index) + ' '.repeat(env[0].length) + text.slice(env.index + env[0].length)
    : text;

  const records: PetrarchRecord[] = [];
  const config: Record<string, string> = {};
  const seen = new Map<string, number>();
  const re = /<Config\b([^>]*?)\/?>|<Stop\b[^>]*>|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence\s*>/gi;
  for (const m of body.matchAll(re)) {
    const tag = m[0];
    const line = lineAt(m.index!);
    if (/^<Stop/i.test(tag)) break;
    if (/^<Config/i.test(tag)) {
      const a = attrs(m[1]!);
      if (a.option === undefined)
        throw fail('E_DICT_SYNTAX', file, line, '<Config option="…" value="…">', tag);
      config[a.option] = a.value ?? '';
      continue;
    }
    const a = attrs(m[2]!);
    const inner = m[3]!;
    const id = a.id;
    if (!id) throw fail('E_DICT_SYNTAX', file, line, 'a <Sentence> with an id attribute', tag.slice(0, 80));
    const textM = /<Text>([\s\S]*?)<\/Text>/i.exec(inner);
    if (!textM) throw fail('E_DICT_SYNTAX', file, line, `<Text>…</Text> in sentence ${id}`, 'none');
    const sentenceText = decode(textM[1]!).replace(/\s+/g, ' ').trim();
    const parseM = /<Parse>([\s\S]*?)<\/Parse>/i.exec(inner);
    const expected: ExpectedEvent[] = [];
    let noEvents = false;
    let expectedError: string | undefined;
    for (const ec of inner.matchAll(/<EventCoding\b([^>]*?)\/?>/gi)) {
      const e = attrs(ec[1]!);
      if (e.noevents !== undefined && /^true$/i.test(e.noevents.trim())) noEvents = true;
      else if (e.error !== undefined) expectedError = e.error.trim();
      else if (e.eventcode !== undefined)
        expected.push({
          source: (e.sourcecode ?? '').trim(),
          target: (e.targetcode ?? '').trim(),
          code: e.eventcode.trim(),
        });
      else
        throw fail(
          'E_DICT_SYNTAX',
          file,
          lineAt(m.index! + m[0].indexOf(ec[0])),
          '<EventCoding> with sourcecode/targetcode/eventcode, noevents or error',
          ec[0],
        );
    }
    const k = seen.get(id) ?? 0;
    seen.set(id, k + 1);
    const doc: DocInput = { id: k === 0 ? id : `${id}#${k + 1}`, text: sentenceText };
    if (a.date !== undefined) {
      const date = recordDate(a.date);
      if (!date) throw fail('E_DICT_SYNTAX', file, line, 'a date written YYYYMMDD', a.date);
      doc.date = date;
    }
    if (a.source) doc.source = a.source;
    const rec: PetrarchRecord = {
      id,
      index: records.length,
      category: (a.category ?? '').trim(),
      doc,
      expected,
      noEvents,
      config: { ...config },
      line,
    };
    if (parseM && parseM[1]!.trim() !== '') rec.parse = parseM[1]!.trim();
    if (expectedError !== undefined) rec.expectedError = expectedError;
    records.push(rec);
  }
  return { records, environment };
}

/** Checks that a Treebank parse has balanced parentheses (PETRARCH's `bad_input_parse`). */
export function parseIsBalanced(parse: string): boolean {
  let depth = 0;
  for (const c of parse) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
