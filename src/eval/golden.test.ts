import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeEvent } from './confli.test.ts';
import { checkDoc, eventMatches, mentionOf, readExpectations, readNegativeCases } from './golden.ts';

const text = 'Washington imposed sanctions on Moscow.';
const ev = (o: Parameters<typeof fakeEvent>[1], patch: Record<string, unknown> = {}) => ({
  ...fakeEvent(text, o),
  ...patch,
});

describe('eventMatches', () => {
  const e = ev({ root: '16', src: 'Washington', tgt: 'Moscow' }, { code: '163', date: '2016-12-29' });
  it('matches actor-code prefixes, codes, roots and the default modality', () => {
    assert.ok(eventMatches({ source: 'WAS', target: ['RUS', 'MOS'], code: '163' }, e));
    assert.ok(eventMatches({ root: ['15', '16'], date: '2016-12-29' }, e));
    assert.ok(!eventMatches({ code: '163', modality: 'negated' }, e));
    assert.ok(!eventMatches({ source: 'USA' }, e));
    assert.ok(!eventMatches({ target: null }, e));
  });
  it('dateWithin accepts a date inside or an overlapping range', () => {
    assert.ok(eventMatches({ dateWithin: ['2016-12-28', '2016-12-30'] }, e));
    assert.ok(!eventMatches({ dateWithin: ['2017-01-01', '2017-01-08'] }, e));
    const ranged = { ...e, dateRange: ['2017-01-02', '2017-01-08'] as [string, string] };
    assert.ok(eventMatches({ dateWithin: ['2017-01-01', '2017-01-08'] }, ranged));
  });
});

describe('checkDoc', () => {
  const events = [ev({ root: '16', src: 'Washington', tgt: 'Moscow' }, { code: '163' })];
  it('reports missing and forbidden events, soft ones flagged', () => {
    const f = checkDoc(
      {
        id: 'x',
        events: [
          { source: 'WAS', code: '163' },
          { code: '036', modality: 'intended', soft: true },
        ],
        forbid: [{ target: 'MOS', root: '16' }],
      },
      { text, events },
    );
    assert.deepEqual(
      f.map((x) => [x.kind, x.soft]),
      [
        ['missing', true],
        ['forbidden', false],
      ],
    );
  });
  it('checks mentions and quote speakers', () => {
    const actor = (t: string, code: string) => ({
      text: t,
      start: 0,
      end: t.length,
      code,
      country: null,
      types: [],
    });
    const doc = {
      text: '"Go," said Trump.',
      events: [],
      mentions: [actor('Trump', 'USAELI'), actor('Mr Trump', 'USAGOV')],
      quotes: [{ start: 0, end: 5, speaker: actor('Trump', 'USAELI') }],
    };
    const f = checkDoc(
      {
        id: 'y',
        events: [],
        forbid: [],
        mentions: [{ text: 'Trump', code: 'USAELI', all: true }],
        quotes: [{ contains: 'Go', speaker: 'trump', speakerCode: 'USA' }],
      },
      doc,
    );
    assert.equal(f.length, 1);
    assert.match(f[0]!.message, /Mr Trump@0=USAGOV/);
  });
});

describe('readers', () => {
  it('reads JSONL expectations with defaults', () => {
    const xs = readExpectations('{"id":"a","events":[{"code":"010"}]}\n\n{"id":"b"}\n', 'x.jsonl');
    assert.deepEqual(
      xs.map((x) => [x.id, x.events.length, x.forbid.length]),
      [
        ['a', 1, 0],
        ['b', 0, 0],
      ],
    );
    assert.throws(() => readExpectations('{"events":[]}', 'x.json'), /with an id/);
  });
  it('reads negative cases with their group', () => {
    const n = readNegativeCases('# sports\nBrazil beat Argentina.\n\n# history\nIn 1914 war came.\n');
    assert.deepEqual(n, [
      { line: 2, text: 'Brazil beat Argentina.', group: 'sports' },
      { line: 5, text: 'In 1914 war came.', group: 'history' },
    ]);
  });
});

describe('mentionOf', () => {
  it('a mention ends with the name, possessives aside', () => {
    assert.ok(mentionOf('president-elect Donald Trump', 'Trump'));
    assert.ok(mentionOf('Mr Trump’s', 'Trump'));
    assert.ok(mentionOf('the Kremlin', 'Kremlin'));
    assert.ok(!mentionOf('Mr Trump’s January 20 inauguration', 'Trump'));
  });
});
