/**
 * Pipeline construction (src/core/pipeline.ts): a stage may only require layers that an earlier stage assigns;
 * the default coder pipeline satisfies its own declarations; a stage that throws becomes E_STAGE.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_STAGES } from '../coder/stages.ts';
import { Doc } from './doc.ts';
import { type Layer, Pipeline, type Stage } from './pipeline.ts';
import { ok } from './result.ts';

const stage = (
  name: string,
  requires: Layer[],
  assigns: Layer[],
  run: () => void = () => {},
): Stage<null> => ({
  name,
  requires,
  assigns,
  run() {
    run();
    return ok(undefined);
  },
});

interface OrderCase {
  what: string;
  stages: Stage<null>[];
  /** null: accepted; else [stage, missing layer] named in the error */
  error: [string, Layer] | null;
}

const CASES: OrderCase[] = [
  { what: 'empty pipeline', stages: [], error: null },
  {
    what: 'requirements met in order',
    stages: [stage('tok', [], ['tokens']), stage('chunk', ['tokens'], ['chunks'])],
    error: null,
  },
  {
    what: 'requirement assigned only later',
    stages: [stage('chunk', ['tokens'], ['chunks']), stage('tok', [], ['tokens'])],
    error: ['chunk', 'tokens'],
  },
  {
    what: 'requirement never assigned',
    stages: [stage('tok', [], ['tokens']), stage('events', ['tokens', 'clauses'], ['events'])],
    error: ['events', 'clauses'],
  },
  {
    what: 'a stage cannot satisfy its own requirement',
    stages: [stage('self', ['tokens'], ['tokens'])],
    error: ['self', 'tokens'],
  },
  {
    what: 'the default stages without tokenize',
    stages: DEFAULT_STAGES.slice(1) as unknown as Stage<null>[],
    error: [DEFAULT_STAGES[1]!.name, 'tokens'],
  },
  {
    what: 'the default stages with events moved first',
    stages: [DEFAULT_STAGES.at(-1)!, ...DEFAULT_STAGES.slice(0, -1)] as unknown as Stage<null>[],
    error: ['events', 'clauses'],
  },
];

describe('Pipeline.create checks stage order', () => {
  for (const c of CASES) {
    test(c.what, () => {
      const r = Pipeline.create(c.stages);
      if (!c.error) {
        assert.ok(r.ok, r.ok ? '' : r.error.message);
        return;
      }
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.error.code, 'E_PIPELINE_ORDER');
      assert.match(r.error.message, new RegExp(`"${c.error[0]}" requires "${c.error[1]}"`));
    });
  }
  test('the default coder stages are accepted', () => {
    const r = Pipeline.create(DEFAULT_STAGES);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
  });
});

describe('Pipeline.run', () => {
  test('records assigned layers and runs stages in order', () => {
    const seen: string[] = [];
    const p = Pipeline.create([
      stage('a', [], ['tokens'], () => seen.push('a')),
      stage('b', ['tokens'], ['chunks'], () => seen.push('b')),
    ]);
    assert.ok(p.ok);
    const doc = new Doc('x', { id: 't', date: '2016-12-30' });
    const r = p.value.run(doc, null);
    assert.ok(r.ok);
    assert.deepEqual(seen, ['a', 'b']);
    assert.deepEqual([...doc.layers], ['tokens', 'chunks']);
  });
  test('a stage that throws stops the run with E_STAGE naming it', () => {
    const seen: string[] = [];
    const p = Pipeline.create([
      stage('boom', [], ['tokens'], () => {
        throw new Error('bad input');
      }),
      stage('after', ['tokens'], [], () => seen.push('after')),
    ]);
    assert.ok(p.ok);
    const r = p.value.run(new Doc('x', { id: 't', date: '2016-12-30' }), null);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'E_STAGE');
    assert.match(r.error.message, /"boom".*bad input/);
    assert.deepEqual(seen, []);
  });
});
