import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dayOf,
  easterSunday,
  isoOf,
  isoWeek,
  monthSpan,
  partOfMonth,
  thanksgiving,
  weekdayOf,
} from './calendar.ts';

test('calendar: day numbers round-trip and weekdays are right', () => {
  for (const d of ['1970-01-01', '2016-02-29', '2016-12-30', '2017-01-01', '2099-12-31'])
    assert.equal(isoOf(dayOf(d)), d);
  assert.equal(weekdayOf(dayOf('2016-12-30')), 5); // Friday
  assert.equal(weekdayOf(dayOf('1970-01-01')), 4); // Thursday
});

const WEEKS: [string, string, string][] = [
  ['2016-12-30', '2016-12-26', '2017-01-01'],
  ['2017-01-01', '2016-12-26', '2017-01-01'], // Sunday ends its ISO week
  ['2017-01-02', '2017-01-02', '2017-01-08'],
];
for (const [d, a, b] of WEEKS) {
  test(`calendar: ISO week of ${d}`, () => assert.deepEqual(isoWeek(dayOf(d)).map(isoOf), [a, b]));
}

test('calendar: months, thirds, holidays', () => {
  assert.deepEqual(monthSpan(2016, 2).map(isoOf), ['2016-02-01', '2016-02-29']);
  assert.deepEqual(monthSpan(2016, 13).map(isoOf), ['2017-01-01', '2017-01-31']); // rolls over
  assert.deepEqual(partOfMonth(2016, 11, 'late').map(isoOf), ['2016-11-21', '2016-11-30']);
  assert.equal(isoOf(easterSunday(2017)), '2017-04-16');
  assert.equal(isoOf(easterSunday(2016)), '2016-03-27');
  assert.equal(isoOf(thanksgiving(2016)), '2016-11-24');
});
