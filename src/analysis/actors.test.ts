import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorKey, matchesActor, parseSelector } from './actors.ts';
import { synthActor } from './synth.ts';

const putin = synthActor('RUSGOV', { name: 'Vladimir Putin', id: 'Q7747' });

test('a country matches every code starting with it', () => {
  const rus = parseSelector('RUS');
  assert.equal(rus.kind, 'country');
  assert.ok(matchesActor(synthActor('RUS'), rus));
  assert.ok(matchesActor(putin, rus));
  assert.ok(matchesActor(synthActor('RUSMILREB'), rus));
  assert.ok(!matchesActor(synthActor('USA'), rus));
  assert.ok(!matchesActor(null, rus));
});

test('a full code matches itself and its extensions only', () => {
  const gov = parseSelector('RUSGOV');
  assert.equal(gov.kind, 'code');
  assert.ok(matchesActor(putin, gov));
  assert.ok(matchesActor(synthActor('RUSGOVMIL'), gov));
  assert.ok(!matchesActor(synthActor('RUS'), gov));
  assert.ok(!matchesActor(synthActor('RUSMIL'), gov));
});

test('a name matches the canonical name or the id, case-insensitively', () => {
  assert.ok(matchesActor(putin, parseSelector('vladimir putin')));
  assert.ok(matchesActor(putin, parseSelector('id:Q7747')));
  assert.ok(!matchesActor(synthActor('RUSGOV'), parseSelector('Vladimir Putin')));
  assert.equal(parseSelector('name:USA').kind, 'name');
  assert.equal(parseSelector('country:usa').kind, 'country');
});

test('dyad keys by country or code', () => {
  assert.equal(actorKey(putin, 'country'), 'RUS');
  assert.equal(actorKey(putin, 'code'), 'RUSGOV');
  assert.equal(actorKey(synthActor('---REB'), 'country'), '---');
});
