/**
 * In-article coreference (src/coder/coref.ts) with the fixture dictionaries: "Mr Putin"/"Putin" → the entity;
 * he/she → the last compatible person, quotes respected; they → the previous subject; I/we inside a quote → the
 * speaker and the speaker's organisation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Doc } from '../core/doc.ts';
import { createCoder } from '../index.ts';

const PUB = '2016-12-30';
const coder = await createCoder({ dictionaries: 'native:src/coder/fixtures' });

function run(text: string): Doc {
  const r = coder.code({ id: 't', text, date: PUB });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value.doc;
}

interface Case {
  text: string;
  /** the pronoun (its nth occurrence, 0-based) */
  word: string;
  nth?: number;
  /** [code, name] of what it must resolve to, or null: it must stay unresolved */
  want: [string, string | undefined] | null;
  todo?: string;
}

const CASES: Case[] = [
  // he/she: the last compatible person, subjects first
  {
    text: 'Putin met Trump on Thursday. He criticized the United States.',
    word: 'He',
    want: ['RUSGOV', 'Vladimir Putin'],
  },
  { text: 'Merkel met Putin. She criticized Russia.', word: 'She', want: ['DEUGOV', 'Angela Merkel'] },
  { text: 'Putin met Merkel. She criticized Russia.', word: 'She', want: ['DEUGOV', 'Angela Merkel'] },
  { text: 'Merkel met Putin. He criticized Germany.', word: 'He', want: ['RUSGOV', 'Vladimir Putin'] },
  {
    text: 'Merkel met Putin. His visit angered Washington.',
    word: 'His',
    want: ['RUSGOV', 'Vladimir Putin'],
  },
  // quotes respected: a person named only inside a quote is not the antecedent of a pronoun outside it
  {
    text: '"Obama is wrong," Putin said. He criticized the United States.',
    word: 'He',
    want: ['RUSGOV', 'Vladimir Putin'],
  },
  // inside a quote, a person of the same quote comes first
  {
    text: 'Putin met Merkel. "She criticized Russia," he said.',
    word: 'She',
    want: ['DEUGOV', 'Angela Merkel'],
  },
  {
    text: 'Putin met Merkel. "She criticized Russia," he said.',
    word: 'he',
    want: ['RUSGOV', 'Vladimir Putin'],
  },
  // no person to refer to
  { text: 'Russia expelled 35 US diplomats. He left.', word: 'He', want: null },
  // they: the previous sentence's non-person subject
  {
    text: 'The Russian diplomats criticized Washington. They were expelled.',
    word: 'They',
    want: ['RUSGOV', undefined],
  },
  // an object "them" is not its clause's subject: the nearest plural phrase that is no subject
  {
    text: 'Russia detained American diplomats and expelled them.',
    word: 'them',
    want: ['USAGOV', undefined],
  },
  // a possessive "their" after a verb whose subject is singular is not that subject: the latest plural phrase,
  // also of the sentence before
  {
    text: 'Moscow detained Egyptian diplomats. Washington condemned the move and demanded their release.',
    word: 'their',
    want: ['EGYGOV', undefined],
  },
  // with a plural subject it stays the subject's
  {
    text: 'American diplomats criticized Moscow. The Russian diplomats defended their conduct.',
    word: 'their',
    want: ['RUSGOV', undefined],
  },
  // I/we inside a quote: the speaker, and the speaker's organisation
  { text: '"We will not expel US diplomats," Putin said.', word: 'We', want: ['RUSGOV', undefined] },
  { text: 'Putin said: "I will not expel US diplomats."', word: 'I', want: ['RUSGOV', 'Vladimir Putin'] },
  { text: '"Let us talk," Lavrov said.', word: 'us', want: ['RUSGOV', undefined] },
  {
    text: '\u201cI will meet Putin next week,\u201d Trump said.',
    word: 'I',
    want: ['USAELI', 'Donald Trump'],
  },
  // "we" outside any quote is not resolved to anyone
  { text: 'Putin spoke. We do not know what he meant.', word: 'We', want: null },
];

describe('coref: pronouns', () => {
  for (const c of CASES) {
    test(`${c.word} in ${JSON.stringify(c.text)}`, c.todo ? { todo: c.todo } : {}, () => {
      const doc = run(c.text);
      const toks = doc.tokens.filter((t) => t.text === c.word);
      const tok = toks[c.nth ?? 0];
      assert.ok(tok, `"${c.word}" is a token`);
      const m = doc.mentions.find((x) => x.via === 'pronoun' && x.tokStart === tok.i);
      if (!c.want) {
        assert.equal(m, undefined, `"${c.word}" stays unresolved, got ${m?.actor.code}`);
        return;
      }
      assert.ok(m, `"${c.word}" is resolved`);
      assert.equal(m.actor.code, c.want[0]);
      if (c.want[1]) assert.equal(m.actor.name, c.want[1]);
      assert.equal(m.actor.text, c.word, 'the mention is the pronoun itself');
    });
  }
});

describe('coref: names', () => {
  const NAMES: [string, string, string, string][] = [
    ['Mr Putin criticized Trump. Putin met Obama.', 'Putin', 'RUSGOV', 'Vladimir Putin'],
    ['Vladimir Putin criticized Trump. Mr. Putin met Obama.', 'Mr. Putin', 'RUSGOV', 'Vladimir Putin'],
    // a surname seen before with a title + name keeps the code the title gave it
    ['Czech Foreign Minister Jan Novak criticized Russia. Novak met Putin.', 'Novak', 'CZEGOV', 'Jan Novak'],
  ];
  for (const [text, surface, code, name] of NAMES) {
    test(`${surface} in ${JSON.stringify(text)}`, () => {
      const doc = run(text);
      const all = doc.mentions.filter((m) => m.actor.text === surface);
      const m = all.at(-1);
      assert.ok(m, `a mention "${surface}"`);
      assert.equal(m.actor.code, code);
      assert.equal(m.actor.name, name);
    });
  }
});
