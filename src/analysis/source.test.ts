import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRiposteError } from '../core/errors.ts';
import { parseEventsJsonl, queryAll } from './source.ts';
import { synthEvent } from './synth.ts';

const e1 = synthEvent({ date: '2016-12-29', source: 'USAGOV', target: 'RUS', code: '163' });
const e2 = synthEvent({ date: '2016-12-30', source: 'RUS', target: 'USA', code: '161', modality: 'negated' });

test('JSONL of event records or of documents with events', () => {
  const text = `${JSON.stringify(e1)}\n\n${JSON.stringify({ doc: { id: 'x' }, events: [e2] })}\n`;
  assert.deepEqual(parseEventsJsonl(text), [e1, e2]);
});

test('bad lines are coded errors naming the line', () => {
  const bad = [
    `${JSON.stringify(e1)}\n{oops`,
    `${JSON.stringify(e1)}\n${JSON.stringify({ ...e2, date: 'Friday' })}`,
  ];
  for (const text of bad) {
    assert.throws(
      () => parseEventsJsonl(text),
      (e) => isRiposteError(e) && e.code === 'E_INPUT_JSONL' && e.message.includes('line 2'),
    );
  }
});

test('a store is asked for the date range only', async () => {
  const seen: unknown[] = [];
  const fake = {
    queryEvents: async (f?: unknown) => {
      seen.push(f);
      return [e1];
    },
  };
  assert.deepEqual(await queryAll(fake, { from: '2016-12-01' }), [e1]);
  assert.deepEqual(seen, [{ from: '2016-12-01' }]);
});
