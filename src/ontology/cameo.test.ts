import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cameoTable, describeCode, isCameoCode, quadClass } from './cameo.ts';

test('codes are strings: "010" is not "10"', () => {
  assert.equal(isCameoCode('010'), true);
  assert.equal(isCameoCode('10'), true); // root 10 DEMAND exists as its own code
  assert.notEqual(describeCode('010')?.name, describeCode('10')?.name);
});

test('every root 01–20 is present and every code starts with its root', () => {
  for (let r = 1; r <= 20; r++) assert.ok(isCameoCode(String(r).padStart(2, '0')), `root ${r}`);
  for (const c of cameoTable().values()) assert.equal(c.code.slice(0, 2), c.root);
});

const quads: [string, 'gdelt' | 'icews' | 'phoenix', number][] = [
  ['163', 'gdelt', 4],
  ['163', 'phoenix', 3],
  ['036', 'gdelt', 1],
  ['120', 'gdelt', 3],
  ['145', 'gdelt', 3],
  ['145', 'icews', 4],
  ['094', 'gdelt', 2],
  ['010', 'phoenix', 0],
];
for (const [code, conv, q] of quads) {
  test(`quad class of ${code} under ${conv} is ${q}`, () => assert.equal(quadClass(code, conv), q));
}

test('describeCode gives Goldstein and PLOVER', () => {
  const d = describeCode('163');
  assert.equal(d?.goldstein, -8);
  assert.equal(d?.plover.event, 'COERCE');
  assert.equal(describeCode('161')?.plover.event, 'SANCTION');
  assert.equal(describeCode('010')?.plover.event, 'NONE');
  assert.equal(describeCode('999'), undefined);
});
