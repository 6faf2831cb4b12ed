import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRiposteError } from '../core/errors.ts';
import { addDays, dayNumber, isoWeek, periodKey, periodRange, periodStart, shiftPeriods } from './dates.ts';

test('ISO weeks across year boundaries', () => {
  assert.deepEqual(isoWeek('2016-01-01'), { year: 2015, week: 53 }); // a Friday
  assert.deepEqual(isoWeek('2018-12-31'), { year: 2019, week: 1 }); // a Monday
  assert.deepEqual(isoWeek('2016-12-29'), { year: 2016, week: 52 });
  assert.equal(periodKey('2021-01-03', 'week'), '2020-W53'); // a Sunday
  assert.equal(periodStart('2016-12-29', 'week'), '2016-12-26');
  assert.equal(periodStart('2016-12-29', 'month'), '2016-12-01');
});

test('period ranges and shifts', () => {
  assert.deepEqual(
    periodRange('2016-11-20', '2017-01-02', 'month').map((p) => p.key),
    ['2016-11', '2016-12', '2017-01'],
  );
  assert.deepEqual(
    periodRange('2016-12-25', '2017-01-02', 'week').map((p) => [p.key, p.start]),
    [
      ['2016-W51', '2016-12-19'],
      ['2016-W52', '2016-12-26'],
      ['2017-W01', '2017-01-02'],
    ],
  );
  assert.equal(periodRange('2016-12-25', '2016-12-24', 'day').length, 0);
  assert.equal(shiftPeriods('2016-02-15', 'month', -4), '2015-10-01');
  assert.equal(shiftPeriods('2016-12-29', 'week', 1), '2017-01-02');
  assert.equal(addDays('2016-02-28', 1), '2016-02-29');
});

test('impossible dates are coded errors', () => {
  for (const bad of ['2016-02-30', '2016-13-01', '29/12/2016']) {
    assert.throws(
      () => dayNumber(bad),
      (e) => isRiposteError(e) && e.code === 'E_INPUT_DATE',
    );
  }
});
