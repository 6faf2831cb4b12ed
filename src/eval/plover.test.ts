import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { captureIO, fakeEvent, tableCoder } from './confli.test.ts';
import { actorKey, actorMatches, currentPloverType, goldSpans, readPlover, run } from './plover.ts';

const RECORDS = [
  { id: 'DOC-1', event: 'DOCUMENT', eventText: 'notes' },
  {
    id: 'R-1',
    date: '2001-02-03',
    source: [{ actorText: 'Hungarian', code: 'HUN', sector: 'GOV' }],
    target: [{ actorText: 'Romania', code: 'ROM' }],
    event: 'AGREE',
    text: 'Hungarian officials agreed to help Romania.',
  },
  {
    id: 'R-2',
    date: '2001-02-03',
    source: [{ actorText: 'Rebels', code: 'COLREB' }],
    target: '',
    event: 'ASSAULT',
    text: 'Rebels bombed a bus station.',
  },
  {
    id: 'R-3',
    source: [{ actorText: 'Japan', code: 'JPN' }],
    target: [{ actorText: 'China', code: 'CHN' }],
    event: 'REJECT',
    text: 'Japan turned down the offer from China.',
  },
];

describe('PLOVER reader', () => {
  it('reads a JSON array, drops DOCUMENT records, normalises empty targets', () => {
    const rs = readPlover(JSON.stringify(RECORDS));
    assert.deepEqual(
      rs.map((r) => r.id),
      ['R-1', 'R-2', 'R-3'],
    );
    assert.deepEqual(rs[1]!.target, []);
    assert.equal(rs[2]!.date, '2000-01-01');
    assert.deepEqual(rs[0]!.source, [{ actorText: 'Hungarian', code: 'HUN' }]);
  });
  it('reads JSON lines too', () => {
    const rs = readPlover(RECORDS.map((r) => JSON.stringify(r)).join('\n'));
    assert.equal(rs.length, 3);
  });
  it('reports a broken JSON line', () => {
    assert.throws(() => readPlover('{"id": 1}\n{broken'), /line 2/);
  });
});

describe('actor comparison', () => {
  it('compares the first three letters of codes', () => {
    assert.equal(actorKey('usagov'), 'USA');
    const a = { text: 'x', start: 0, end: 1, code: 'IGOUNO', country: null, types: [] };
    assert.ok(actorMatches(a, [{ actorText: 'UN', code: 'IGO' }]));
    assert.ok(!actorMatches(a, [{ actorText: 'US', code: 'USA' }]));
    assert.ok(!actorMatches(null, [{ actorText: 'US', code: 'USA' }]));
  });
  it('finds gold actor spans by text', () => {
    assert.deepEqual(
      goldSpans('Japan met China', [
        { actorText: 'China', code: 'CHN' },
        { actorText: 'Peru', code: 'PER' },
      ]),
      [{ start: 10, end: 15 }],
    );
  });
});

describe('riposte eval plover', () => {
  const dir = mkdtempSync(join(tmpdir(), 'riposte-plover-'));
  const file = join(dir, 'gold.json');
  writeFileSync(file, JSON.stringify(RECORDS));
  const coder = tableCoder([
    [/agreed/, (t) => [fakeEvent(t, { root: '03', src: 'Hungarian', tgt: 'Romania', plover: 'AGREE' })]],
    [/bombed/, (t) => [fakeEvent(t, { root: '18', src: 'Rebels', plover: 'FIGHT' })]],
  ]);

  it('scores event type, source and target', async () => {
    const c = captureIO();
    const code = await run([file, '--json'], c.io, { coder });
    assert.equal(code, 0, c.err());
    const j = JSON.parse(c.out());
    assert.equal(j.records, 3);
    assert.equal(j.eventType.accuracy, 1 / 3);
    // fake codes are the first three letters of the text: HUN ✓, REB ✗ (gold COL), none for Japan
    assert.equal(j.source.n, 3);
    assert.equal(j.source.accuracy, 1 / 3);
    assert.equal(j.target.accuracy, 1 / 2);
    assert.equal(j.joint.n, 2);
    assert.equal(j.joint.accuracy, 1 / 2);
    assert.ok(j.eventType.labels.includes('NONE'));
  });

  it('prints a readable report and gates on event accuracy', async () => {
    const c = captureIO();
    const code = await run([file, '--min-event-accuracy', '0.5'], c.io, { coder });
    assert.equal(code, 1);
    assert.match(c.out(), /event type accuracy 0\.333/);
    assert.match(c.out(), /confusion/);
    assert.match(c.err(), /gate event-accuracy: 0\.333 < 0\.5/);
  });

  it('chooses among events with a PLOVER type: a statement or appeal is no PLOVER event', async () => {
    const both = tableCoder([
      [
        /turned down/,
        (t) => [
          fakeEvent(t, { root: '01', src: 'Japan', confidence: 0.9, plover: 'NONE' }),
          fakeEvent(t, { root: '12', src: 'Japan', tgt: 'China', confidence: 0.5, plover: 'REJECT' }),
        ],
      ],
      [/bombed/, (t) => [fakeEvent(t, { root: '01', src: 'Rebels', plover: 'NONE' })]],
    ]);
    const c = captureIO();
    assert.equal(await run([file, '--json'], c.io, { coder: both }), 0, c.err());
    const j = JSON.parse(c.out());
    // R-3 is the REJECT; R-2 has only a statement and stays NONE; R-1 has no event
    assert.equal(j.eventType.accuracy, 1 / 3);
  });

  const real = '../shared/eval/dev/plover/PLOVER_GSR_CAMEO.txt';
  it('reads the real dev file when present', { skip: !existsSync(real) && `${real} absent` }, () => {
    const rs = readPlover(readFileSync(real, 'utf8'));
    assert.ok(rs.length > 300);
    assert.ok(rs.every((r) => r.text.length > 0 && r.event !== 'DOCUMENT'));
  });
});

describe('PLOVER 0.5 event names', () => {
  it('are read under their current names; other names are unchanged', () => {
    const rows: [string, string][] = [
      ['DEMAND', 'REQUEST'],
      ['disapprove', 'ACCUSE'],
      ['INVESTIGATE', 'ACCUSE'],
      ['FIGHT', 'ASSAULT'],
      ['AGREE', 'AGREE'],
      ['SANCTION', 'SANCTION'],
    ];
    for (const [old, now] of rows) assert.equal(currentPloverType(old), now);
  });
});
