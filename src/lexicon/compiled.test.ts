/**
 * The compiled lexicon (src/lexicon/compiled.ts): longest-match token tries, the case-exact rule for short
 * all-capital names ("US" is the United States, "us" is not), plurals of agents, pattern indexes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Doc } from '../core/doc.ts';
import { tokenize } from '../nlp/tokenize.ts';
import { compileLexicon, TokenTrie } from './compiled.ts';
import { parseActors, parseAgents, parseModality, parseVerbs } from './native.ts';
import type { Lexicon } from './types.ts';

function ok<T>(r: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

const LEX: Lexicon = {
  name: 'test',
  version: 'test@0',
  actors: ok(
    parseActors(
      [
        'United States | US | U.S. | America => USA :country',
        '  ~ American | U.S.',
        'United Nations | UN | U.N. => IGOUNO :igo',
        'United Nations Security Council | UN Security Council => IGOUNOSEC :igo',
        'St. Petersburg | St Petersburg => RUS :place',
        'Kremlin => RUSGOV :metonym',
        'Vladimir Putin | Putin => RUS :person',
      ].join('\n'),
      'actors.txt',
    ),
  ),
  agents: ok(
    parseAgents(
      'foreign minister => GOV :title :person\ndiplomat => GOV\nchild {children} => CVL\n',
      'agents.txt',
    ),
  ),
  verbs: ok(
    parseVerbs('163 verb impose {sanction} on=T\n163 verb impose T\n161 noun expulsion of=T\n', 'verbs.txt'),
  ),
  modality: ok(parseModality('proposed propose\nproposed call for\nnegated refuse\n', 'modality.txt')),
};
const C = compileLexicon(LEX);

function toks(text: string): { norms: string[]; texts: string[] } {
  const doc = new Doc(text, { id: 't', date: '2016-12-30' });
  tokenize(doc);
  return { norms: doc.tokens.map((t) => t.norm), texts: doc.tokens.map((t) => t.text) };
}

interface MatchCase {
  text: string;
  /** token index to match from */
  at: number;
  /** [entry name, tokens matched] or null for no match */
  want: [string, number] | null;
}

const ACTOR_MATCHES: MatchCase[] = [
  { text: 'US diplomats left.', at: 0, want: ['United States', 1] },
  { text: 'The US acted.', at: 1, want: ['United States', 1] },
  // case-exact: the pronoun "us" is never the United States, whatever its case in the sentence
  { text: 'Let us talk.', at: 1, want: null },
  { text: 'Us and them.', at: 0, want: null },
  { text: 'They told us nothing.', at: 2, want: null },
  { text: 'U.S. officials spoke.', at: 0, want: ['United States', 1] },
  // longest match wins
  { text: 'The United Nations Security Council met.', at: 1, want: ['United Nations Security Council', 4] },
  { text: 'The United Nations met.', at: 1, want: ['United Nations', 2] },
  { text: 'The UN Security Council met.', at: 1, want: ['United Nations Security Council', 3] },
  // multi-word names are matched case-insensitively when not short capitals
  { text: 'the united states acted.', at: 1, want: ['United States', 2] },
  { text: 'The talks in St. Petersburg ended.', at: 3, want: ['St. Petersburg', 2] },
  { text: 'The talks in St Petersburg ended.', at: 3, want: ['St. Petersburg', 2] },
  { text: 'The KREMLIN said.', at: 1, want: ['Kremlin', 1] },
  { text: 'Putin spoke.', at: 0, want: ['Vladimir Putin', 1] },
];

describe('compiled actor trie: longest match and the case-exact rule', () => {
  for (const c of ACTOR_MATCHES) {
    test(`${JSON.stringify(c.text)} @${c.at}`, () => {
      const { norms, texts } = toks(c.text);
      const hit = C.actors.match(norms, texts, c.at);
      if (!c.want) {
        assert.equal(hit, null);
        return;
      }
      assert.ok(hit, 'a name matches');
      const [name, length] = c.want;
      assert.equal(hit.length, length);
      assert.ok(
        hit.value.some((v) => v.entry.name === name),
        `${name} among ${hit.value.map((v) => v.entry.name).join(', ')}`,
      );
    });
  }
});

test('a form listed as name and adjective gives both readings ("U.S.")', () => {
  const { norms, texts } = toks('U.S. officials spoke.');
  const hit = C.actors.match(norms, texts, 0);
  assert.ok(hit);
  assert.deepEqual(hit.value.map((v) => v.adjectival).sort(), [false, true]);
});

describe('compiled agent trie: plurals and multi-word nouns', () => {
  const AGENTS: [string, number, string | null][] = [
    ['diplomats were expelled', 0, 'GOV'],
    ['the children of diplomats', 1, 'CVL'],
    ['the Foreign Minister said', 1, 'GOV'],
    ['foreign ministers met', 0, 'GOV'],
    ['foreign policy', 0, null],
  ];
  for (const [text, at, type] of AGENTS) {
    test(`${JSON.stringify(text)} @${at}`, () => {
      const { norms, texts } = toks(text);
      const hit = C.agents.match(norms, texts, at);
      if (type === null) assert.equal(hit, null);
      else {
        assert.ok(hit);
        assert.equal(hit.value[0]!.types[0], type);
      }
    });
  }
});

describe('TokenTrie', () => {
  test('an exact value matches only the same surface tokens; a plain value matches any case', () => {
    const t = new TokenTrie<string>();
    t.add(['US'], 'exact', true);
    t.add(['Iran'], 'plain', false);
    assert.equal(t.match(['us'], ['US'], 0)?.value[0], 'exact');
    assert.equal(t.match(['us'], ['us'], 0), null);
    assert.equal(t.match(['us'], ['Us'], 0), null);
    assert.equal(t.match(['iran'], ['IRAN'], 0)?.value[0], 'plain');
  });
  test('the match stops at `to`', () => {
    const t = new TokenTrie<string>();
    t.add(['United', 'States'], 'us', false);
    t.add(['United'], 'united', false);
    const norms = ['united', 'states'];
    assert.deepEqual(t.match(norms, ['United', 'States'], 0), { value: ['us'], length: 2 });
    assert.deepEqual(t.match(norms, ['United', 'States'], 0, 1), { value: ['united'], length: 1 });
  });
});

describe('capitalised aliases', () => {
  test('a capitalised alias matches only with its initial capital; the capitals form stays exact', () => {
    const lex: Lexicon = {
      ...LEX,
      actors: [
        {
          id: 'pell',
          name: 'PELL',
          aliases: ['PELL'],
          capitalised: ['Pell'],
          adjectives: [],
          kind: 'country',
          code: 'PEL',
          roles: [],
          source: { file: 't', line: 1 },
        },
      ],
    };
    const c = compileLexicon(lex);
    const cases: [string, boolean][] = [
      ['Pell', true],
      ['PELL', true],
      ['pell', false],
    ];
    for (const [text, want] of cases)
      assert.equal(c.actors.match([text.toLowerCase()], [text], 0) !== null, want, text);
  });
});

describe('compiled patterns and cues', () => {
  test('verb patterns by head lemma, most specific first; nouns apart', () => {
    const impose = C.verbs.get('impose')!;
    assert.equal(impose.length, 2);
    assert.ok(impose[0]!.specificity >= impose[1]!.specificity);
    assert.deepEqual(impose[0]!.slots[0], { type: 'object-words', words: ['sanction'] });
    assert.equal(C.verbs.has('expulsion'), false);
    assert.equal(C.nouns.get('expulsion')![0]!.code, '161');
    assert.ok(C.verbLemmas.has('impose'));
    assert.ok(C.nounLemmas.has('expulsion'));
  });
  test('modality cues by first word, longer cues first', () => {
    assert.deepEqual(C.modality.get('call')![0]!.words, ['call', 'for']);
    assert.equal(C.modality.get('refuse')![0]!.modality, 'negated');
  });
  test('honorifics default to Mr/Mrs/Dr… in lower case', () => {
    assert.ok(C.honorifics.has('mr'));
    assert.ok(C.honorifics.has('mr.'));
  });
});
