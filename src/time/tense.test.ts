import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../core/doc.ts';
import { tokenize } from '../nlp/tokenize.ts';
import { tenseAt } from './tense.ts';

/** the tense at the last word before the final full stop */
const CASES: [string, string | undefined][] = [
  ['The army attacked the town on Thursday.', 'past'],
  ['Mr Trump has questioned the findings on Thursday.', 'past'],
  ['Putin said on Friday.', 'past'],
  ['The ministers will meet on Monday.', 'future'],
  ["The ministers won't meet on Monday.", 'future'],
  ['Mr Kerry plans to travel to Cairo on Sunday.', 'future'],
  ['The delegation is visiting Beijing on Wednesday.', 'future'],
  ['Talks are scheduled for Tuesday.', 'future'],
  ['The vote takes place on Friday.', 'present'],
  ['The summit was in Moscow on Monday.', 'past'],
  ['On Thursday.', undefined],
];
for (const [text, want] of CASES) {
  test(`tense: ${text}`, () => {
    const doc = new Doc(text, { id: 't', date: '2016-12-30' });
    tokenize(doc);
    assert.equal(tenseAt(doc, 0, doc.tokens.length - 2), want);
  });
}
