import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bioToSpans,
  classReport,
  fiveWayOfRoot,
  formatConfusion,
  iou,
  matchSpans,
  overlap,
  prf,
  SpanScorer,
} from './metrics.ts';

describe('prf', () => {
  it('computes precision, recall and F1 from counts', () => {
    const r = prf(2, 1, 1);
    assert.equal(r.precision, 2 / 3);
    assert.equal(r.recall, 2 / 3);
    assert.ok(Math.abs(r.f1 - 2 / 3) < 1e-12);
  });
  it('gives 0 on empty denominators', () => {
    assert.deepEqual(prf(0, 0, 0), { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
  });
});

describe('span geometry', () => {
  it('overlap and IoU', () => {
    assert.equal(overlap({ start: 0, end: 4 }, { start: 2, end: 6 }), 2);
    assert.equal(iou({ start: 0, end: 4 }, { start: 2, end: 6 }), 2 / 6);
    assert.equal(iou({ start: 0, end: 2 }, { start: 2, end: 4 }), 0);
    assert.equal(iou({ start: 1, end: 3 }, { start: 1, end: 3 }), 1);
  });
});

describe('matchSpans', () => {
  const gold = [
    { start: 0, end: 3 },
    { start: 10, end: 12 },
  ];
  it('partial: any overlap counts', () => {
    assert.deepEqual(matchSpans(gold, [{ start: 2, end: 3 }], 'partial'), { tp: 1, fp: 0, fn: 1 });
  });
  it('strict: IoU must reach 0.5', () => {
    // IoU({0,3},{2,3}) = 1/3 → miss; IoU({0,3},{1,3}) = 2/3 → hit
    assert.deepEqual(matchSpans(gold, [{ start: 2, end: 3 }], 'strict'), { tp: 0, fp: 1, fn: 2 });
    assert.deepEqual(matchSpans(gold, [{ start: 1, end: 3 }], 'strict'), { tp: 1, fp: 0, fn: 1 });
    // exactly one half
    assert.deepEqual(matchSpans([{ start: 0, end: 2 }], [{ start: 0, end: 1 }], 'strict'), {
      tp: 1,
      fp: 0,
      fn: 0,
    });
  });
  it('exact: identical bounds only', () => {
    assert.deepEqual(matchSpans(gold, [{ start: 1, end: 3 }], 'exact'), { tp: 0, fp: 1, fn: 2 });
    assert.deepEqual(matchSpans(gold, [{ start: 10, end: 12 }], 'exact'), { tp: 1, fp: 0, fn: 1 });
  });
  it('is one-to-one: one prediction never counts twice', () => {
    const g = [
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ];
    assert.deepEqual(matchSpans(g, [{ start: 0, end: 4 }], 'partial'), { tp: 1, fp: 0, fn: 1 });
  });
  it('prefers the best-IoU pairing', () => {
    const g = [{ start: 0, end: 4 }];
    const p = [
      { start: 3, end: 4 },
      { start: 0, end: 4 },
    ];
    assert.deepEqual(matchSpans(g, p, 'exact'), { tp: 1, fp: 1, fn: 0 });
  });
});

describe('SpanScorer', () => {
  it('accumulates over sentences', () => {
    const s = new SpanScorer();
    s.add([{ start: 0, end: 2 }], [{ start: 0, end: 2 }]);
    s.add([{ start: 0, end: 4 }], [{ start: 3, end: 4 }]);
    s.add([], [{ start: 0, end: 1 }]);
    const r = s.result();
    assert.equal(s.sentences, 3);
    assert.deepEqual([r.partial.tp, r.partial.fp, r.partial.fn], [2, 1, 0]);
    assert.deepEqual([r.strict.tp, r.strict.fp, r.strict.fn], [1, 2, 1]);
    assert.deepEqual([r.exact.tp, r.exact.fp, r.exact.fn], [1, 2, 1]);
  });
});

describe('bioToSpans', () => {
  const tags = ['B-S', 'I-S', 'O', 'B-T', 'I-T', 'I-T', 'B-S', 'B-S', 'I-R', 'O', 'I-T'];
  it('reads B/I runs per label', () => {
    assert.deepEqual(bioToSpans(tags, 'S'), [
      { start: 0, end: 2 },
      { start: 6, end: 7 },
      { start: 7, end: 8 },
    ]);
    assert.deepEqual(bioToSpans(tags, 'T'), [
      { start: 3, end: 6 },
      { start: 10, end: 11 },
    ]);
    assert.deepEqual(bioToSpans(tags, 'R'), [{ start: 8, end: 9 }]);
  });
});

describe('classReport', () => {
  it('accuracy, macro-F1 and confusion on a known case', () => {
    const gold = [0, 0, 1, 1, 2];
    const pred = [0, 1, 1, 1, 0];
    const r = classReport(gold, pred, ['a', 'b', 'c']);
    assert.equal(r.accuracy, 3 / 5);
    assert.deepEqual(r.confusion, [
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 0],
    ]);
    // a: P 1/2 R 1/2 F 1/2; b: P 2/3 R 1 F 0.8; c: 0
    assert.ok(Math.abs(r.macroF1 - (0.5 + 0.8 + 0) / 3) < 1e-12);
    assert.equal(r.perClass[1]!.support, 2);
  });
  it('ignores labels absent from gold and predictions in the macro mean', () => {
    const r = classReport([0, 1], [0, 1], ['a', 'b', 'c']);
    assert.equal(r.macroF1, 1);
  });
  it('formats a confusion table', () => {
    const t = formatConfusion(classReport([0, 1], [1, 1], ['x', 'y']));
    assert.match(t, /gold\\pred/);
    assert.equal(t.split('\n').length, 3);
  });
});

describe('fiveWayOfRoot', () => {
  it('maps CAMEO roots to the ConfliBERT classes', () => {
    const table: [string, number][] = [
      ['01', 0],
      ['02', 0],
      ['03', 1],
      ['05', 1],
      ['06', 2],
      ['08', 2],
      ['09', 3],
      ['13', 3],
      ['16', 3],
      ['14', 4],
      ['15', 4],
      ['17', 4],
      ['20', 4],
      ['163', 3],
    ];
    for (const [root, cls] of table) assert.equal(fiveWayOfRoot(root), cls, root);
  });
});
