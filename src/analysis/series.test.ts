import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dyad, dyadSeries } from './series.ts';
import { onDay } from './synth.ts';

// 2020-01-06 is a Monday: day offsets 0–6 are week 2020-W02, 7–13 week W03, …
const S = '2020-01-06';
const events = [
  onDay(S, 0, { source: 'USAGOV', target: 'RUS', code: '163' }), // −8, quad 4
  onDay(S, 1, { source: 'USA', target: 'RUSGOV', code: '036' }), // +4, quad 1
  onDay(S, 1, { source: 'USA', target: 'RUS', code: '036' }),
  onDay(S, 2, { source: 'USA', target: 'RUS', code: '190', modality: 'negated' }), // dropped by default
  onDay(S, 15, { source: 'USA', target: 'RUS', code: '112' }), // −2, quad 3, week W04
  onDay(S, 15, { source: 'RUS', target: 'USA', code: '057' }), // +8, other direction
  onDay(S, 16, { source: 'CHN', target: 'FRA', code: '042' }), // volume only
];

test('weekly directed series with empty weeks filled', () => {
  const s = dyadSeries(events, 'USA', 'RUS', { by: 'week' });
  assert.deepEqual(
    s.points.map((p) => p.period),
    ['2020-W02', '2020-W03', '2020-W04'],
  );
  const [w2, w3, w4] = s.points;
  assert.equal(w2!.n, 3);
  assert.deepEqual(w2!.quad, [0, 2, 0, 0, 1]);
  assert.equal(w2!.goldsteinSum, 0);
  assert.equal(w2!.goldsteinMean, 0);
  assert.equal(w2!.coop, 8);
  assert.equal(w2!.conflict, -8);
  assert.equal(w2!.coopEvents, 2);
  assert.equal(w2!.conflictEvents, 1);
  assert.equal(w3!.n, 0);
  assert.equal(w3!.goldsteinMean, null);
  assert.equal(w4!.goldsteinSum, -2);
  assert.equal(w4!.volume, 3);
});

test('modality, one-a-day, normalisation and moving averages', () => {
  const all = dyadSeries(events, 'USA', 'RUS', { by: 'month', assertedOnly: false });
  assert.equal(all.points[0]!.n, 5);
  const dup = [...events, onDay(S, 1, { source: 'USA', target: 'RUS', code: '036' })];
  assert.equal(dyadSeries(dup, 'USA', 'RUS', { by: 'month' }).points[0]!.n, 5);
  assert.equal(dyadSeries(dup, 'USA', 'RUS', { by: 'month', oneADay: true }).points[0]!.n, 4);
  const norm = dyadSeries(events, 'USA', 'RUS', { by: 'week', normalize: true, movingAverage: 2 });
  assert.equal(norm.points[2]!.normalized!.n, 1 / 3);
  assert.equal(norm.points[0]!.normalized!.n, 1);
  assert.equal(norm.points[1]!.ma!.n, 1.5);
  assert.equal(norm.points[2]!.ma!.goldsteinSum, -1);
  const days = dyadSeries(events, 'USA', 'RUS', { by: 'day', from: '2020-01-05', to: '2020-01-08' });
  assert.deepEqual(
    days.points.map((p) => p.n),
    [0, 1, 2, 0],
  );
});

test('both directions share the periods', () => {
  const { ab, ba } = dyad(events, 'RUS', 'USA');
  assert.deepEqual(
    ab.points.map((p) => p.period),
    ba.points.map((p) => p.period),
  );
  assert.equal(ab.points[2]!.goldsteinSum, 8);
  assert.equal(ba.points[0]!.goldsteinSum, 0);
});
