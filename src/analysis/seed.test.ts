/**
 * The seed article (FT, 2016-12-30: "Russia will not expel any US diplomats …"): the US sanctions and
 * expulsions are stimuli; Russia's declined retaliation is a de-escalating, not-in-kind response.
 * First on hand-written records mirroring what the coder must output, then — when the coder and the shared
 * seed exist — on the real article.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { EventRecord } from '../core/types.ts';
import { SEED_DOC as DOC, seedEvents } from './fixtures.ts';
import { responses } from './responses.ts';
import { dyadSeries } from './series.ts';
import { titForTat } from './titfortat.ts';

describe('the seed article, hand-written records', () => {
  test('the US actions are stimuli answered by a declined, de-escalating, not-in-kind response', () => {
    const r = responses(seedEvents, 'USA', 'RUS');
    assert.deepEqual(
      r.items.map((i) => i.stimulus.code),
      ['163', '161'],
    );
    for (const i of r.items) {
      assert.equal(i.outcome, 'de-escalated');
      assert.equal(i.inKind, false);
      assert.equal(i.declined, true);
      assert.equal(i.latency, 1);
      assert.ok(i.delta! > 0);
      // the negated expulsion and the rejected proposal are both declined replies; Putin's rejection is consumed
      assert.deepEqual(i.replies.map((x) => x.declined).sort(), ['negated', 'rejected']);
    }
    assert.equal(r.summary.responseRate, 1);
    assert.equal(r.summary.inKindRate, 0);
    assert.equal(r.summary.escalationRate, 0);
    assert.equal(r.summary.deescalationRate, 1);
    assert.equal(r.summary.declined, 2);
  });

  test('by actor name, and with the coded country selectors', () => {
    const byName = responses(seedEvents, 'USAGOV', 'Vladimir Putin');
    assert.equal(byName.summary.stimuli, 0, 'the US acted against Russia, not against Putin');
    const rus = responses(seedEvents, 'RUS', 'USA');
    assert.equal(
      rus.summary.stimuli,
      0,
      "Putin's rejection of his own side's proposal is no action against the US",
    );
  });

  test('no tit-for-tat, and the series shows only the US side of the conflict', () => {
    assert.equal(titForTat(seedEvents, 'USA', 'RUS', { minTurns: 2 }).length, 0);
    const ab = dyadSeries(seedEvents, 'USA', 'RUS', { by: 'day' });
    assert.deepEqual(
      ab.points.map((p) => [p.period, p.goldsteinSum]),
      [
        ['2016-12-29', -12],
        ['2016-12-30', 0],
      ],
    );
  });
});

describe('the seed article, coded by the real coder', () => {
  const seedFile = '/work/shared/seed/000_b682c74007a363c0.txt';
  const coderFile = fileURLToPath(new URL('../index.ts', import.meta.url));
  const missing = !existsSync(seedFile)
    ? `${seedFile} is not available`
    : !existsSync(coderFile)
      ? 'the coder (src/index.ts) has not landed'
      : null;
  test('US actions are stimuli; the declined retaliation de-escalates', {
    skip: missing ?? false,
  }, async (t) => {
    const path = '../index.ts';
    let mod: { createCoder?: () => unknown };
    try {
      mod = (await import(path)) as typeof mod;
    } catch (e) {
      // the coder is assembled from several colleagues' modules: skip, loudly, while one is missing
      const reason = `the coder does not load yet: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      console.log(`skipping the real-coder seed test: ${reason}`);
      t.skip(reason);
      return;
    }
    if (typeof mod.createCoder !== 'function') {
      console.log('skipping the real-coder seed test: src/index.ts exports no createCoder()');
      t.skip('no createCoder()');
      return;
    }
    const coder = (await mod.createCoder()) as {
      code(d: {
        id: string;
        text: string;
        date: string;
      }): Promise<{ ok: boolean; value?: { events: EventRecord[] } }>;
    };
    const text = readFileSync(seedFile, 'utf8');
    const res = await coder.code({ id: DOC, text, date: '2016-12-30' });
    assert.ok(res.ok && res.value, 'the coder codes the seed');
    if (res.value.events.length === 0) {
      // extraction itself is the coder's own golden test; this one judges the analysis of what it extracts
      console.log('skipping the real-coder seed test: the coder extracts no events from the seed yet');
      t.skip('the coder extracts no events yet');
      return;
    }
    const r = responses(res.value.events, 'USA', 'RUS');
    assert.ok(r.summary.stimuli >= 1, 'the US sanctions or expulsions are stimuli');
    assert.ok(r.summary.answered >= 1, 'Russia answered');
    assert.equal(r.summary.inKindRate, 0, 'not in kind');
    assert.equal(r.summary.escalationRate, 0, 'no escalation');
    assert.ok(r.items.some((i) => i.declined && i.outcome === 'de-escalated'));
  });
  if (missing) console.log(`skipping the real-coder seed test: ${missing}`);
});
