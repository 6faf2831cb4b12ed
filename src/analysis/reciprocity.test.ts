import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventRecord } from '../core/types.ts';
import { laggedRegression, reciprocity, reciprocityTable } from './reciprocity.ts';
import { gaussian, onDay, prng } from './synth.ts';

describe('laggedRegression', () => {
  test('recovers a known slope from noisy series (seeded)', () => {
    for (const [beta, lag, seed] of [
      [0.6, 1, 7],
      [-0.8, 2, 11],
      [1.5, 0, 13],
    ] as const) {
      const rand = prng(seed);
      const n = 200;
      const x = Array.from({ length: n }, () => 10 * gaussian(rand));
      const y = x.map((_, t) => (t >= lag ? 2 + beta * x[t - lag]! + 3 * gaussian(rand) : 0));
      const r = laggedRegression(x, y, lag)!;
      assert.equal(r.n, n - lag);
      assert.ok(Math.abs(r.slope - beta) < 3 * r.se, `slope ${r.slope} within 3 SE (${r.se}) of ${beta}`);
      assert.ok(r.se > 0 && r.se < 0.05, `se ${r.se}`);
      assert.ok(Math.abs(r.intercept - 2) < 1.5);
      assert.ok(r.r2! > 0.8 && r.r2! <= 1);
      // the wrong lag finds nothing
      const wrong = laggedRegression(x, y, lag + 3)!;
      assert.ok(Math.abs(wrong.slope) < 4 * wrong.se && wrong.r2! < 0.1);
    }
  });

  test('the standard error matches its textbook form', () => {
    // y = x + e with residuals ±1 alternating, x = 0..5: SSR = 6, Sxx = 17.5 → se = √(6/4/17.5)
    const x = [0, 1, 2, 3, 4, 5];
    const e = [1, -1, -1, 1, 1, -1];
    const y = x.map((v, i) => v + e[i]!);
    const r = laggedRegression(x, y, 0)!;
    const xbar = 2.5;
    const sxx = x.reduce((s, v) => s + (v - xbar) ** 2, 0);
    const ssr = x.reduce((s, v, i) => s + (y[i]! - (r.intercept + r.slope * v)) ** 2, 0);
    assert.ok(Math.abs(r.se - Math.sqrt(ssr / 4 / sxx)) < 1e-12);
    assert.ok(Math.abs(r.slope - 1) < 0.2);
  });

  test('degenerate input gives null', () => {
    assert.equal(laggedRegression([1, 2], [1, 2], 0), null);
    assert.equal(laggedRegression([3, 3, 3, 3], [1, 2, 3, 4], 1), null);
    assert.equal(laggedRegression([1, 2, 3, 4], [1, 2, 3, 4], -1), null);
  });
});

/**
 * Weekly event streams: A→B net cooperation G_AB,w is random; B answers one week later with
 * G_BA,w+1 = β · G_AB,w + noise, carried by one event whose Goldstein value is that number.
 */
function reciprocalStream(beta: number, seed: number, weeks = 80): EventRecord[] {
  const rand = prng(seed);
  const out: EventRecord[] = [];
  const start = '2019-01-07'; // a Monday
  for (let w = 0; w < weeks; w++) {
    const k = 1 + Math.floor(rand() * 3);
    let g = 0;
    for (let i = 0; i < k; i++) {
      const conflict = rand() < 0.5;
      const e = onDay(start, 7 * w + Math.floor(rand() * 7), {
        source: 'AAAGOV',
        target: 'BBB',
        code: conflict ? '163' : '057',
        goldstein: conflict ? -8 : 8,
      });
      g += e.goldstein;
      out.push(e);
    }
    if (w + 1 < weeks) {
      const answer = beta * g + gaussian(rand);
      out.push(
        onDay(start, 7 * (w + 1) + 3, {
          source: 'BBB',
          target: 'AAA',
          code: answer < 0 ? '112' : '051',
          goldstein: answer,
        }),
      );
    }
  }
  return out;
}

describe('reciprocity over event streams', () => {
  test('reciprocity and bullying recovered with their sign at the true lag', () => {
    for (const [beta, seed] of [
      [0.5, 3],
      [-0.7, 5],
    ] as const) {
      const events = reciprocalStream(beta, seed);
      const r = reciprocity(events, 'AAA', 'BBB', { by: 'week', lag: 1 });
      assert.equal(r.responder, 'BBB');
      const reg = r.regression!;
      assert.ok(Math.abs(reg.slope - beta) < 3 * reg.se, `${reg.slope} ± ${reg.se} vs ${beta}`);
      assert.equal(Math.sign(reg.slope), Math.sign(beta));
      assert.ok(reg.r2! > 0.7);
      const at0 = reciprocity(events, 'AAA', 'BBB', { by: 'week', lag: 0 }).regression!;
      assert.ok(at0.r2! < 0.2, `lag 0 explains little (${at0.r2})`);
    }
  });

  test('the table ranks pairs by volume and gives both directions', () => {
    const events = [
      ...reciprocalStream(0.5, 3, 30),
      onDay('2019-02-01', 0, { source: 'CCC', target: 'DDD', code: '042' }),
    ];
    const t = reciprocityTable(events, { top: 5 });
    assert.deepEqual(
      t.map((p) => [p.a, p.b]),
      [
        ['AAA', 'BBB'],
        ['CCC', 'DDD'],
      ],
    );
    assert.equal(t[0]!.bToA.responder, 'BBB');
    assert.equal(t[0]!.aToB.responder, 'AAA');
    assert.ok(t[0]!.bToA.regression!.slope > 0.3);
    const silent = t[1]!.bToA.regression!;
    assert.equal(silent.slope, 0, 'DDD never answers');
    assert.equal(silent.r2, null, 'R² undefined for a constant response series');
    assert.equal(reciprocityTable(events, { top: 1 }).length, 1);
    // the one-pass table agrees with the per-pair computation
    for (const measure of ['goldsteinSum', 'conflict', 'n'] as const) {
      const one = reciprocity(events, 'AAA', 'BBB', { measure, lag: 2 }).regression!;
      const tab = reciprocityTable(events, { measure, lag: 2 })[0]!.bToA.regression!;
      assert.equal(tab.n, one.n);
      assert.ok(Math.abs(tab.slope - one.slope) < 1e-9 && Math.abs(tab.se - one.se) < 1e-9, measure);
    }
  });
});
