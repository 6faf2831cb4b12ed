import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from './dates.ts';
import { onDay } from './synth.ts';
import { titForTat } from './titfortat.ts';

const S = '2022-03-01';

test('alternating conflictual actions make one episode with the right bounds', () => {
  const events = [
    // background: cooperation and a one-sided conflict burst long before
    onDay(S, 0, { source: 'AAA', target: 'BBB', code: '173' }),
    onDay(S, 3, { source: 'AAA', target: 'BBB', code: '190' }),
    onDay(S, 5, { source: 'BBB', target: 'AAA', code: '057' }),
    // the episode: A, B, B (same turn), A, B
    onDay(S, 100, { source: 'AAAGOV', target: 'BBB', code: '163' }),
    onDay(S, 104, { source: 'BBB', target: 'AAA', code: '161' }),
    onDay(S, 105, { source: 'BBBMIL', target: 'AAA', code: '138' }),
    onDay(S, 109, { source: 'AAA', target: 'BBB', code: '1663' }),
    onDay(S, 112, { source: 'BBB', target: 'AAAGOV', code: '163' }),
    onDay(S, 113, { source: 'AAA', target: 'BBB', code: '042' }), // cooperation: not a turn
    onDay(S, 114, { source: 'CCC', target: 'BBB', code: '190' }), // a third party: not a turn
    // an isolated retaliation after a long quiet spell
    onDay(S, 200, { source: 'AAA', target: 'BBB', code: '112' }),
    onDay(S, 260, { source: 'BBB', target: 'AAA', code: '112' }),
  ];
  const eps = titForTat(events, 'AAA', 'BBB');
  assert.equal(eps.length, 1);
  const ep = eps[0]!;
  assert.equal(ep.start, addDays(S, 100));
  assert.equal(ep.end, addDays(S, 112));
  assert.equal(ep.days, 12);
  assert.deepEqual(
    ep.turns.map((t) => [t.by, t.events.length]),
    [
      ['AAA', 1],
      ['BBB', 2],
      ['AAA', 1],
      ['BBB', 1],
    ],
  );
  assert.equal(ep.initiator, 'AAA');
  assert.equal(ep.lastMover, 'BBB');
  assert.equal(ep.events, 5);
  assert.equal(ep.goldstein.AAA, -8 + -7);
  // a shorter gap limit splits it; two turns are enough when asked
  assert.equal(titForTat(events, 'AAA', 'BBB', { maxGapDays: 3 }).length, 0);
  assert.equal(titForTat(events, 'AAA', 'BBB', { minTurns: 2, maxGapDays: 3 }).length, 1);
  assert.equal(titForTat(events, 'AAA', 'BBB', { minTurns: 2, maxGapDays: 60 }).length, 2);
});

test('negated threats are not turns', () => {
  const events = [
    onDay(S, 0, { source: 'AAA', target: 'BBB', code: '163' }),
    onDay(S, 1, { source: 'BBB', target: 'AAA', code: '163', modality: 'negated' }),
    onDay(S, 2, { source: 'AAA', target: 'BBB', code: '163' }),
  ];
  assert.equal(titForTat(events, 'AAA', 'BBB').length, 0);
  assert.equal(titForTat(events, 'AAA', 'BBB', { assertedOnly: false }).length, 1);
});
