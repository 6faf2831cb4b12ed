/**
 * The native dictionary reader (src/lexicon/native.ts): syntax errors name FILE:LINE, what was expected and what was
 * found; plurals; partial dates; the role that applies on a date; and integrity checks of the real data/ files,
 * written to stay valid while those files grow.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { codeOnDate } from '../coder/actors.ts';
import type { Result } from '../core/result.ts';
import { cameoTable } from '../ontology/cameo.ts';
import {
  DATA_DIR,
  expandDate,
  loadNativeLexicon,
  parseActors,
  parseAgents,
  parseModality,
  parseVerbs,
  pluralise,
} from './native.ts';
import type { ActorEntry } from './types.ts';

type Parser = (text: string, file: string) => Result<unknown[]>;

interface ErrCase {
  what: string;
  parse: Parser;
  text: string;
  /** the line the error must name */
  line: number;
  /** words the "expected …" part must contain */
  expected: RegExp;
  /** the text the "found" part must quote */
  found: string;
  code?: 'E_DICT_SYNTAX' | 'E_DICT_CODE';
}

const ERRORS: ErrCase[] = [
  {
    what: 'actor role date with a one-digit month',
    parse: parseActors,
    text: 'Vladimir Putin | Putin => RUS :person\n  + RUSGOV 2012-5-07.. president\n',
    line: 2,
    expected: /YYYY-MM-DD/,
    found: '+ RUSGOV 2012-5-07.. president',
  },
  {
    what: 'actor role whose FROM is after its TO',
    parse: parseActors,
    text: '# people\nVladimir Putin => RUS :person\n  + RUSGOV 2012..2010\n',
    line: 3,
    expected: /FROM/,
    found: '+ RUSGOV 2012..2010',
  },
  {
    what: 'unknown actor flag',
    parse: parseActors,
    text: 'Vladimir Putin => RUS :persn\n',
    line: 1,
    expected: /known flag/,
    found: 'Vladimir Putin => RUS :persn',
  },
  {
    what: 'lower-case actor code',
    parse: parseActors,
    text: '\n\nRussia => Rus :country\n',
    line: 3,
    expected: /CAMEO actor code/,
    found: 'Russia => Rus :country',
  },
  {
    what: 'role code that is not an actor code',
    parse: parseActors,
    text: 'Vladimir Putin => RUS :person\n  + RUS-GOV 2012..\n',
    line: 2,
    expected: /CAMEO actor code/,
    found: '+ RUS-GOV 2012..',
  },
  {
    what: 'continuation line before any entry',
    parse: parseActors,
    text: '  + RUSGOV 2012.. president\n',
    line: 1,
    expected: /actor entry/,
    found: '+ RUSGOV 2012.. president',
  },
  {
    what: 'continuation line with an unknown marker',
    parse: parseActors,
    text: 'Russia => RUS :country\n  - Russian\n',
    line: 2,
    expected: /"\+".*"~"/,
    found: '- Russian',
  },
  {
    what: 'agent type in lower case',
    parse: parseAgents,
    text: 'diplomat => gov\n',
    line: 1,
    expected: /agent line/,
    found: 'diplomat => gov',
  },
  {
    what: 'unknown agent flag',
    parse: parseAgents,
    text: '# comment\nforeign minister => GOV :titel\n',
    line: 2,
    expected: /known flag/,
    found: 'foreign minister => GOV :titel',
  },
  {
    what: 'verb code that is not digits',
    parse: parseVerbs,
    text: '16x verb expel T\n',
    line: 1,
    expected: /CAMEO code/,
    found: '16x verb expel T',
  },
  {
    what: 'unknown CAMEO event code',
    parse: parseVerbs,
    text: '161 verb expel T\n999 verb frobnicate T\n',
    line: 2,
    expected: /known CAMEO code/,
    found: '999',
    code: 'E_DICT_CODE',
  },
  {
    what: 'kind other than verb/noun',
    parse: parseVerbs,
    text: '161 verbs expel T\n',
    line: 1,
    expected: /"verb" or "noun"/,
    found: '161 verbs expel T',
  },
  {
    what: 'slot before the pattern words',
    parse: parseVerbs,
    text: '161 verb T expel\n',
    line: 1,
    expected: /words before slots/,
    found: '161 verb T expel',
  },
  {
    what: 'flag before a slot',
    parse: parseVerbs,
    text: '161 verb expel :speech T\n',
    line: 1,
    expected: /end of the line/,
    found: '161 verb expel :speech T',
  },
  {
    what: 'no lemma',
    parse: parseVerbs,
    text: '161 verb\n',
    line: 1,
    expected: /lemma/,
    found: '161 verb',
  },
  {
    what: 'unknown modality',
    parse: parseModality,
    text: 'maybe propose\n',
    line: 1,
    expected: /modality/,
    found: 'maybe propose',
  },
  {
    what: 'modality :code= with an unknown CAMEO code',
    parse: parseModality,
    text: 'negated reject :code=999\n',
    line: 1,
    expected: /known CAMEO code/,
    found: '999',
    code: 'E_DICT_CODE',
  },
];

describe('native reader: every syntax error names FILE:LINE, what was expected and what was found', () => {
  for (const c of ERRORS) {
    test(c.what, () => {
      const r = c.parse(c.text, 'dict/test.txt');
      assert.equal(r.ok, false, 'the line is rejected');
      if (r.ok) return;
      assert.equal(r.error.code, c.code ?? 'E_DICT_SYNTAX');
      const m = /^(.+?):(\d+): expected (.+), found "(.*)"$/.exec(r.error.message);
      assert.ok(m, `message shape FILE:LINE: expected …, found "…": ${r.error.message}`);
      assert.equal(m[1], 'dict/test.txt');
      assert.equal(Number(m[2]), c.line);
      assert.match(m[3]!, c.expected);
      assert.equal(m[4], c.found);
      assert.equal(r.error.exit, 2);
    });
  }
});

describe('native reader: well-formed entries', () => {
  test('actor entry with roles, adjectives, flags and comments', () => {
    const r = parseActors(
      [
        '# comment',
        'Donald Trump | Trump => USABUS :person :male  # trailing comment',
        '  + USAELI 2016-11-09..2017-01-19 president-elect',
        '  + USAGOV 2017-01..2021 president',
        'Russia | Russian Federation => RUS :country',
        '  ~ Russian | Russians',
        'Kremlin => RUSGOV :metonym :id=kremlin-ru',
      ].join('\n'),
      'a.txt',
    );
    assert.ok(r.ok);
    const [trump, russia, kremlin] = r.value;
    assert.deepEqual(trump!.aliases, ['Donald Trump', 'Trump']);
    assert.equal(trump!.kind, 'person');
    assert.equal(trump!.gender, 'male');
    assert.equal(trump!.code, 'USABUS');
    assert.deepEqual(trump!.roles, [
      { code: 'USAELI', from: '2016-11-09', to: '2017-01-19', title: 'president-elect' },
      { code: 'USAGOV', from: '2017-01-01', to: '2021-12-31', title: 'president' },
    ]);
    assert.deepEqual(trump!.source, { file: 'a.txt', line: 2 });
    assert.deepEqual(russia!.adjectives, ['Russian', 'Russians']);
    assert.equal(russia!.kind, 'country');
    assert.equal(kremlin!.kind, 'metonym');
    assert.equal(kremlin!.id, 'kremlin-ru');
  });
  test('verb patterns: words, slots, flags, specificity', () => {
    const r = parseVerbs(
      '163 verb impose {sanction|Embargo} on=T against=T\n010 verb say :nontarget :speech\n',
      'v.txt',
    );
    assert.ok(r.ok);
    const [impose, say] = r.value;
    assert.deepEqual(impose!.words, ['impose']);
    assert.deepEqual(impose!.slots, [
      { type: 'object-words', words: ['sanction', 'embargo'] },
      { type: 'pp-target', prep: 'on' },
      { type: 'pp-target', prep: 'against' },
    ]);
    assert.ok(impose!.specificity > say!.specificity, 'more slots are more specific');
    assert.deepEqual([...say!.flags], ['nontarget', 'speech']);
    assert.equal(impose!.id, 'v.txt:1');
  });
});

const PLURALS: [string, string][] = [
  ['diplomat', 'diplomats'],
  ['ministry', 'ministries'],
  ['spokesman', 'spokesmen'],
  ['church', 'churches'],
  ['box', 'boxes'],
  ['day', 'days'],
  ['staff', 'staff'],
  ['police', 'police'],
];

describe('native reader: plurals of agent nouns', () => {
  for (const [one, many] of PLURALS) test(`${one} → ${many}`, () => assert.equal(pluralise(one), many));
  test('agent lines: automatic plural of the last word, irregular plural in braces, :noplural', () => {
    const r = parseAgents(
      'foreign minister => GOV :title :person\nchild {children} => CVL\npolice => COP :noplural\n',
      'g.txt',
    );
    assert.ok(r.ok);
    assert.deepEqual(r.value[0]!.forms, ['foreign minister', 'foreign ministers']);
    assert.equal(r.value[0]!.title, true);
    assert.equal(r.value[0]!.person, true);
    assert.deepEqual(r.value[1]!.forms, ['child', 'children']);
    assert.deepEqual(r.value[2]!.forms, ['police']);
  });
});

const DATES: [string, boolean, string][] = [
  ['2016', false, '2016-01-01'],
  ['2016', true, '2016-12-31'],
  ['2016-02', false, '2016-02-01'],
  ['2016-02', true, '2016-02-29'],
  ['2017-02', true, '2017-02-28'],
  ['2016-11', true, '2016-11-30'],
  ['2016-12', true, '2016-12-31'],
  ['2016-11-09', true, '2016-11-09'],
];

describe('expandDate: a partial date covers its whole month or year', () => {
  for (const [d, end, want] of DATES)
    test(`${d} ${end ? 'to' : 'from'} → ${want}`, () => assert.equal(expandDate(d, end), want));
});

function entry(text: string): ActorEntry {
  const r = parseActors(text, 'a.txt');
  assert.ok(r.ok);
  return r.value[0]!;
}

const TRUMP = entry(
  'Donald Trump | Trump => USABUS :person\n  + USAELI 2016-11-09..2017-01-19 president-elect\n  + USAGOV 2017-01-20..2021-01-20 president\n',
);
const NOBODY = entry('Jan Novak :person\n  + CZEGOV 2014..2017 minister\n');

const ON_DATE: [ActorEntry, string, string, string][] = [
  [TRUMP, '2016-11-08', 'USABUS', 'the day before the election win: no role, the entry code'],
  [TRUMP, '2016-11-09', 'USAELI', 'first day of a role (inclusive)'],
  [TRUMP, '2016-12-30', 'USAELI', 'inside the president-elect role'],
  [TRUMP, '2017-01-19', 'USAELI', 'last day of a role (inclusive)'],
  [TRUMP, '2017-01-20', 'USAGOV', 'inauguration day'],
  [TRUMP, '2022-06-01', 'USABUS', 'after every role'],
  [NOBODY, '2016-06-01', 'CZEGOV', 'a role given by years'],
  [NOBODY, '2018-01-01', '---', 'no role and no entry code: unknown'],
];

describe('codeOnDate: the role that applies on a date', () => {
  for (const [e, date, code, why] of ON_DATE)
    test(`${e.name} on ${date} → ${code} (${why})`, () => assert.equal(codeOnDate(e, date), code));
});

// ---------------------------------------------------------------------------------------------------------------
// Integrity of the real data/ dictionaries. These files are being written by several people: the tests check
// general properties, never particular entries.

function txtFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((n) => txtFiles(join(path, n)))
    .filter((p) => p.endsWith('.txt'));
}

const DATA_FILES: [string, Parser][] = [
  ...txtFiles(join(DATA_DIR, 'actors')).map((f): [string, Parser] => [f, parseActors]),
  ...txtFiles(join(DATA_DIR, 'agents.txt')).map((f): [string, Parser] => [f, parseAgents]),
  ...txtFiles(join(DATA_DIR, 'verbs')).map((f): [string, Parser] => [f, parseVerbs]),
  ...txtFiles(join(DATA_DIR, 'modality.txt')).map((f): [string, Parser] => [f, parseModality]),
];

describe('data/ integrity', () => {
  test('data/ has actor, agent and verb files', () => {
    assert.ok(
      DATA_FILES.some(([, p]) => p === parseActors),
      'actor files',
    );
    assert.ok(
      DATA_FILES.some(([, p]) => p === parseAgents),
      'agents.txt',
    );
    assert.ok(
      DATA_FILES.some(([, p]) => p === parseVerbs),
      'verb files',
    );
  });

  for (const [file, parse] of DATA_FILES) {
    test(`loads: ${relative(join(DATA_DIR, '..'), file)}`, () => {
      const r = parse(readFileSync(file, 'utf8'), file);
      assert.ok(r.ok, r.ok ? '' : r.error.message);
    });
  }

  const lex = loadNativeLexicon(DATA_DIR);

  test('the whole lexicon loads', () => assert.ok(lex.ok, lex.ok ? '' : lex.error.message));

  test('every verb and noun pattern code is a known CAMEO code', () => {
    assert.ok(lex.ok);
    const table = cameoTable();
    const bad = lex.value.verbs.filter((p) => !table.has(p.code)).map((p) => `${p.id}: ${p.code}`);
    assert.deepEqual(bad, []);
  });

  test('no two roles of one actor entry overlap in dates', () => {
    assert.ok(lex.ok);
    const overlaps: string[] = [];
    for (const e of lex.value.actors) {
      const rs = e.roles;
      for (let i = 0; i < rs.length; i++)
        for (let j = i + 1; j < rs.length; j++) {
          const a = rs[i]!;
          const b = rs[j]!;
          if (
            (a.from ?? '0000-00-00') <= (b.to ?? '9999-99-99') &&
            (b.from ?? '0000-00-00') <= (a.to ?? '9999-99-99')
          )
            overlaps.push(
              `${e.source.file}:${e.source.line} ${e.name}: ${a.code} ${a.from ?? ''}..${a.to ?? ''} and ${b.code} ${b.from ?? ''}..${b.to ?? ''}`,
            );
        }
    }
    assert.deepEqual(overlaps, []);
  });

  // a surname several people share is told apart by who holds an office on the date (src/coder/mentions.ts
  // chooseName); any other shared name would be decided by file order
  test('a name shared by several entries is a surname of people only', () => {
    assert.ok(lex.ok);
    const owners = new Map<string, typeof lex.value.actors>();
    for (const e of lex.value.actors)
      for (const a of new Set(e.aliases)) {
        const list = owners.get(a) ?? [];
        list.push(e);
        owners.set(a, list);
      }
    const bad = [...owners]
      .filter(([a, es]) => es.length > 1 && (a.includes(' ') || es.some((e) => e.kind !== 'person')))
      .map(
        ([a, es]) =>
          `${a}: ${es.map((e) => `${e.source.file}:${e.source.line} ${e.name} (${e.kind})`).join(', ')}`,
      );
    assert.deepEqual(bad, []);
  });

  test('every role date is a real calendar date', () => {
    assert.ok(lex.ok);
    const bad: string[] = [];
    for (const e of lex.value.actors)
      for (const r of e.roles)
        for (const d of [r.from, r.to])
          if (d && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d)
            bad.push(`${e.source.file}:${e.source.line} ${e.name}: ${d}`);
    assert.deepEqual(bad, []);
  });

  test('every CAMEO code in data/ontology/cameo.json has at least one verb or noun pattern', () => {
    assert.ok(lex.ok);
    const used = new Set(lex.value.verbs.map((p) => p.code));
    const missing = [...cameoTable().keys()].filter((c) => !used.has(c));
    assert.equal(
      missing.length,
      0,
      `${missing.length} CAMEO codes have no verb or noun pattern: ${missing.join(' ')}`,
    );
  });
});
