import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventRecord } from '../core/types.ts';
import { addDays } from './dates.ts';
import { responses } from './responses.ts';
import { onDay, prng, synthEvent } from './synth.ts';

const START = '2020-01-06';

/** A stream where B answers every A→B action after `lag` days with `answer`, among unrelated noise. */
function answeredStream(lag: number, answer: string, n: number, seed: number): EventRecord[] {
  const rand = prng(seed);
  const out: EventRecord[] = [];
  for (let i = 0; i < n; i++) {
    const t = i * 40; // stimuli far apart: windows do not overlap
    out.push(onDay(START, t, { source: 'AAAGOV', target: 'BBB', code: '112' }));
    out.push(onDay(START, t + lag, { source: 'BBBGOV', target: 'AAA', code: answer }));
    // noise: third parties and B towards others, inside the window
    out.push(onDay(START, t + 1 + Math.floor(rand() * 20), { source: 'BBB', target: 'CCC', code: '190' }));
    out.push(onDay(START, t + 1 + Math.floor(rand() * 20), { source: 'CCC', target: 'AAA', code: '173' }));
  }
  return out;
}

describe('responses', () => {
  test('recovers a known lag and sign', () => {
    for (const lag of [2, 5, 11]) {
      const r = responses(answeredStream(lag, '138', 6, lag), 'AAA', 'BBB');
      assert.equal(r.summary.stimuli, 6);
      assert.equal(r.summary.responseRate, 1);
      assert.equal(r.summary.medianLatency, lag);
      // 112 accuse (−2, verbal conflict) answered by 138 threaten force (−7, verbal conflict): same quad
      assert.equal(r.summary.inKindRate, 1);
      for (const i of r.items) assert.ok(i.delta! < 0, 'the answer is harsher: negative delta');
    }
  });

  test('a harsher answer of another class is an escalation, a milder one a de-escalation', () => {
    const esc = responses(answeredStream(3, '190', 4, 1), 'AAA', 'BBB');
    assert.equal(esc.summary.escalationRate, 1);
    assert.ok(esc.items.every((i) => i.outcome === 'escalated' && !i.inKind));
    const calm = responses(answeredStream(3, '036', 4, 2), 'AAA', 'BBB');
    assert.equal(calm.summary.deescalationRate, 1);
    assert.ok(calm.items.every((i) => i.outcome === 'de-escalated' && i.delta! > 0));
  });

  test('an unanswered stimulus, and replies outside the window do not count', () => {
    const events = [
      onDay(START, 0, { source: 'AAA', target: 'BBB', code: '163' }),
      onDay(START, 31, { source: 'BBB', target: 'AAA', code: '163' }), // day 31: outside the default window
      onDay(START, 100, { source: 'AAA', target: 'BBB', code: '163' }),
      onDay(START, 110, { source: 'BBB', target: 'AAA', code: '163' }),
    ];
    const r = responses(events, 'AAA', 'BBB');
    assert.deepEqual(
      r.items.map((i) => [i.stimulus.date, i.outcome, i.latency]),
      [
        [START, 'unanswered', null],
        [addDays(START, 100), 'in-kind', 10],
      ],
    );
    assert.equal(r.summary.responseRate, 0.5);
    const wide = responses(events, 'AAA', 'BBB', { windowDays: 31 });
    assert.equal(wide.items[0]!.latency, 31);
  });

  test('a negated reply is a declined response: de-escalation, not a missing event', () => {
    const events = [
      onDay(START, 0, { source: 'AAA', target: 'BBB', code: '163' }),
      onDay(START, 2, { source: 'BBB', target: 'AAA', code: '163', modality: 'negated' }),
    ];
    const r = responses(events, 'AAA', 'BBB');
    const item = r.items[0]!;
    assert.equal(item.outcome, 'de-escalated');
    assert.equal(item.declined, true);
    assert.equal(item.inKind, false, 'the same code, negated, is not an in-kind answer');
    assert.equal(item.latency, 2);
    assert.equal(item.response?.declined, 'negated');
    // without the negated event the stimulus is unanswered
    assert.equal(responses(events.slice(0, 1), 'AAA', 'BBB').items[0]!.outcome, 'unanswered');
  });

  test('an actual reply on the first reply day outweighs a declined one', () => {
    const events = [
      onDay(START, 0, { source: 'AAA', target: 'BBB', code: '163' }),
      onDay(START, 2, { source: 'BBB', target: 'AAA', code: '161', modality: 'negated' }),
      onDay(START, 2, { source: 'BBB', target: 'AAA', code: '163' }),
    ];
    const item = responses(events, 'AAA', 'BBB').items[0]!;
    assert.equal(item.outcome, 'in-kind');
    assert.equal(item.replies.length, 2);
  });

  test('a proposal rejected by its own side is declined; the rejection is consumed', () => {
    const events = [
      synthEvent({ date: '2021-03-01', source: 'AAA', target: 'BBB', code: '163', doc: 'x' }),
      synthEvent({
        date: '2021-03-03',
        source: 'BBBGOV',
        target: 'AAA',
        code: '161',
        modality: 'proposed',
        doc: 'y',
      }),
      synthEvent({ date: '2021-03-04', source: 'BBBGOV', target: 'AAA', code: '120', doc: 'z' }),
    ];
    const r = responses(events, 'AAA', 'BBB');
    const item = r.items[0]!;
    assert.equal(item.outcome, 'de-escalated');
    assert.equal(item.response?.declined, 'rejected');
    assert.equal(item.latency, 3, 'declined on the day of the rejection');
    assert.equal(item.replies.length, 1, 'the rejection is not also a verbal-conflict reply');
    assert.equal(responses(events, 'BBB', 'AAA').summary.stimuli, 0, 'nor a stimulus towards A');
    // a proposal nobody rejects is not an action: unanswered
    assert.equal(responses(events.slice(0, 2), 'AAA', 'BBB').items[0]!.outcome, 'unanswered');
    // a rejection long after (and from another document) does not decline the proposal: it is a reply of its own
    const late = [
      ...events.slice(0, 2),
      synthEvent({ date: '2021-03-20', source: 'BBB', target: 'AAA', code: '120' }),
    ];
    const lateItem = responses(late, 'AAA', 'BBB').items[0]!;
    assert.equal(lateItem.declined, false);
    assert.equal(lateItem.latency, 19);
  });

  test('stimulus filter and one-a-day de-duplication', () => {
    const events = [
      onDay(START, 0, { source: 'AAA', target: 'BBB', code: '163' }),
      onDay(START, 0, { source: 'AAA', target: 'BBB', code: '163' }),
      onDay(START, 1, { source: 'AAA', target: 'BBB', code: '057' }),
    ];
    assert.equal(responses(events, 'AAA', 'BBB').summary.stimuli, 3);
    assert.equal(responses(events, 'AAA', 'BBB', { oneADay: true }).summary.stimuli, 2);
    assert.equal(responses(events, 'AAA', 'BBB', { stimuli: 'conflict' }).summary.stimuli, 2);
    assert.equal(responses(events, 'AAA', 'BBB', { stimuli: 'cooperation' }).summary.stimuli, 1);
  });
});
