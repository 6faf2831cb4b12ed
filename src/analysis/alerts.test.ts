import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../core/types.ts';
import { alertHistory, classifyChange, escalationAlerts } from './alerts.ts';
import { addDays } from './dates.ts';
import { onDay, prng } from './synth.ts';

test('ACLED thresholds and the small-baseline guard', () => {
  assert.equal(classifyChange(13, 10).level, 'large increase');
  assert.equal(classifyChange(12.5, 10).level, 'moderate increase'); // exactly +25 %
  assert.equal(classifyChange(11, 10).level, 'moderate increase');
  assert.equal(classifyChange(10.5, 10).level, 'limited change');
  assert.equal(classifyChange(7.5, 10).level, 'limited change'); // exactly −25 %
  assert.equal(classifyChange(7, 10).level, 'large decrease');
  assert.ok(Math.abs(classifyChange(13, 10).change! - 0.3) < 1e-12);
  // one event after an empty baseline, or 5 after a baseline of 1: guarded
  assert.deepEqual(classifyChange(1, 0), { level: 'limited change', change: null, guarded: true });
  assert.equal(classifyChange(5, 1).guarded, true);
  assert.equal(classifyChange(5, 1).level, 'limited change');
  assert.equal(classifyChange(6, 1).level, 'large increase');
  assert.deepEqual(classifyChange(6, 0), { level: 'large increase', change: null, guarded: false });
  assert.equal(classifyChange(4, 3).level, 'large increase', 'a baseline above 2 is not guarded');
  assert.equal(classifyChange(5, 1, { minCurrent: 10 }).guarded, true);
});

/** Conflict A→B at ~3 events a week, jumping to ~9 a week from `jump` on; cooperation and other dyads as noise. */
function escalatingStream(jumpWeek: number, seed: number): EventRecord[] {
  const rand = prng(seed);
  const start = '2023-01-02'; // a Monday
  const out: EventRecord[] = [];
  for (let w = 0; w < 20; w++) {
    const k = w >= jumpWeek ? 9 : 3;
    for (let i = 0; i < k; i++) {
      out.push(onDay(start, 7 * w + Math.floor(rand() * 7), { source: 'AAA', target: 'BBB', code: '173' }));
    }
    out.push(onDay(start, 7 * w + 2, { source: 'AAA', target: 'BBB', code: '042' }));
    out.push(onDay(start, 7 * w + 3, { source: 'CCC', target: 'DDD', code: '112' }));
    out.push(onDay(start, 7 * w + 4, { source: 'CCC', target: 'DDD', code: '112' }));
  }
  return out;
}

test('an escalation is flagged in the week it starts, and only then', () => {
  const events = escalatingStream(12, 42);
  const hist = alertHistory(events, 'AAA', 'BBB', { by: 'week' });
  const large = hist.filter((h) => h.level === 'large increase');
  assert.equal(large[0]!.start, addDays('2023-01-02', 7 * 12));
  // after the jump the baseline catches up: the surge is not flagged for ever
  assert.ok(hist.at(-1)!.level === 'limited change');
  const rising = hist.filter((h) => h.level === 'large increase' || h.level === 'moderate increase');
  assert.ok(rising.every((h) => h.start >= addDays('2023-01-02', 7 * 12)));
});

test('alerts at a date rank the escalating dyad first', () => {
  const events = escalatingStream(12, 42);
  const at = addDays('2023-01-02', 7 * 12 + 3);
  const alerts = escalationAlerts(events, { at });
  assert.equal(alerts[0]!.source, 'AAA');
  assert.equal(alerts[0]!.target, 'BBB');
  assert.equal(alerts[0]!.level, 'large increase');
  assert.equal(alerts[0]!.baseline, 3);
  const ccc = alerts.find((a) => a.source === 'CCC')!;
  assert.equal(ccc.level, 'limited change');
  assert.equal(ccc.guarded, true, 'two events a week: the guard applies');
  // before the jump nothing rises
  const before = escalationAlerts(events, { at: addDays('2023-01-02', 7 * 10) });
  assert.ok(before.every((a) => a.level !== 'large increase' && a.level !== 'moderate increase'));
  // undirected merges nothing here, but keeps the pair ordered
  assert.equal(escalationAlerts(events, { at, undirected: true })[0]!.source, 'AAA');
});
