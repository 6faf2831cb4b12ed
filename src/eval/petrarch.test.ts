import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CommandIO } from '../cli/command.ts';
import type { EventRecord } from '../core/types.ts';
import { parsePetrarchRecords } from '../lexicon/petrarch/records.ts';
import type { CoderLike } from './confli.ts';
import {
  categoryOf,
  compareRecord,
  dictionarySpec,
  expandTriple,
  requireDyad,
  run,
  triplesOf,
} from './petrarch.ts';

const T = (source: string, target: string, code: string) => ({ source, target, code });
const rec = (
  expected: ReturnType<typeof T>[],
  extra: { noEvents?: boolean; expectedError?: string } = {},
) => ({
  expected,
  noEvents: extra.noEvents ?? false,
  ...(extra.expectedError ? { expectedError: extra.expectedError } : {}),
});

describe('compareRecord', () => {
  it('passes on equal sets, in any order, duplicates counted once', () => {
    const r = rec([T('GON', 'OSG', '064'), T('OSG', 'GON', '064')]);
    assert.equal(compareRecord(r, { events: [T('OSG', 'GON', '064'), T('GON', 'OSG', '064')] }).pass, true);
    assert.equal(
      compareRecord(r, { events: [T('OSG', 'GON', '064'), T('GON', 'OSG', '064'), T('GON', 'OSG', '064')] })
        .pass,
      true,
    );
  });
  it('reports missing and extra triples', () => {
    const c = compareRecord(rec([T('ARN', 'GON', '064')]), {
      events: [T('ARN', 'GON', '061'), T('ARN', 'ROH', '064')],
    });
    assert.equal(c.pass, false);
    assert.deepEqual(c.missing, [T('ARN', 'GON', '064')]);
    assert.deepEqual(c.extra, [T('ARN', 'GON', '061'), T('ARN', 'ROH', '064')]);
    assert.equal(c.reason, 'missing ARN GON 064; extra ARN GON 061, ARN ROH 064');
    // a subset is not enough
    assert.equal(
      compareRecord(rec([T('A', 'B', '010'), T('A', 'C', '010')]), { events: [T('A', 'B', '010')] }).pass,
      false,
    );
  });
  it('expands compound actor codes on either side', () => {
    assert.deepEqual(expandTriple(T('FRO/BIL', 'gon', '041')), [
      T('FRO', 'GON', '041'),
      T('BIL', 'GON', '041'),
    ]);
    const r = rec([T('FRO', 'GON', '041'), T('BIL', 'GON', '041'), T('SAM', 'GON', '041')]);
    assert.equal(compareRecord(r, { events: [T('FRO/BIL/SAM', 'GON', '041')] }).pass, true);
  });
  it('treats empty actor codes as ---', () => {
    assert.equal(
      compareRecord(rec([T('---GOV', '---', '023')]), { events: [T('---GOV', '', '023')] }).pass,
      true,
    );
  });
  it('noevents passes only when nothing is coded', () => {
    assert.equal(compareRecord(rec([], { noEvents: true }), { events: [] }).pass, true);
    const c = compareRecord(rec([], { noEvents: true }), { events: [T('A', 'B', '010')] });
    assert.equal(c.pass, false);
    assert.equal(c.reason, 'expected no events');
  });
  it('an expected error passes when the coder refuses or codes nothing', () => {
    const r = rec([], { expectedError: 'storydiscard' });
    assert.equal(compareRecord(r, { events: [] }).pass, true);
    assert.equal(compareRecord(r, { events: [], error: 'discarded' }).pass, true);
    assert.equal(compareRecord(r, { events: [T('ARN', 'GON', '064')] }).pass, false);
    const p = rec([], { expectedError: 'bad_input_parse' });
    assert.equal(compareRecord(p, { events: [T('ARN', 'GON', '064')] }, { balanced: false }).pass, true);
    assert.equal(compareRecord(p, { events: [] }, { balanced: true }).pass, false);
  });
  it('a coder failure fails a record that expects events', () => {
    const c = compareRecord(rec([T('A', 'B', '010')]), { events: [], error: 'boom' });
    assert.equal(c.pass, false);
    assert.match(c.reason, /boom/);
  });
});

const ev = (src: string | null, tgt: string | null, code: string, modality = 'asserted') =>
  ({
    code,
    modality,
    source: src === null ? null : { code: src },
    target: tgt === null ? null : { code: tgt },
  }) as unknown as EventRecord;

describe('triplesOf and helpers', () => {
  it('keeps asserted events and applies require_dyad', () => {
    const events = [ev('ARN', 'GON', '064'), ev('ARN', 'GON', '111', 'negated'), ev('---GOV', null, '023')];
    assert.deepEqual(triplesOf(events, 'asserted', true), [T('ARN', 'GON', '064')]);
    // PETRARCH codes intentions and proposals as the action, but not negated actions
    const intended = [...events, ev('ARN', 'GON', '036', 'intended')];
    assert.deepEqual(triplesOf(intended, 'coded', true), [T('ARN', 'GON', '064'), T('ARN', 'GON', '036')]);
    assert.deepEqual(triplesOf(events, 'all', false), [
      T('ARN', 'GON', '064'),
      T('ARN', 'GON', '111'),
      T('---GOV', '---', '023'),
    ]);
    assert.equal(requireDyad({}), true);
    assert.equal(requireDyad({ require_dyad: 'FALSE' }), false);
  });
  it('groups category variants with their base', () => {
    const known = new Set(['AGENT', 'AGENTS', 'COMPOUND', 'COMPOUNDX', 'DEMO']);
    assert.equal(categoryOf('AGENTS', known), 'AGENT');
    assert.equal(categoryOf('COMPOUNDx', known), 'COMPOUND');
    assert.equal(categoryOf('DEMO', known), 'DEMO');
    assert.equal(categoryOf('', known), '(none)');
  });
  it('uses the files named by <Environment> unless the spec names files', () => {
    const parsed = parsePetrarchRecords(
      '<Environment><Verbfile>V.txt</Verbfile><Actorfile>A.txt</Actorfile></Environment>',
      'x',
    );
    assert.equal(dictionarySpec('petrarch:/d', parsed), 'petrarch:/d?files=V.txt,A.txt');
    assert.equal(dictionarySpec('petrarch:/d?set=phoenix', parsed), 'petrarch:/d?set=phoenix');
  });
});

const XML = `<Environment><Verbfile>V.txt</Verbfile></Environment>
<Sentence date="19950101" id="DEMO-00" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restores ties with Gondor.</Text></Sentence>
<Sentence date="19950101" id="DEMO-01" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor will restore ties with Gondor.</Text></Sentence>
<Sentence date="19950101" id="DISCARD-01" category="ERROR">
<EventCoding error="storydiscard"></EventCoding>
<Text>A typhoon.</Text></Sentence>`;

function io() {
  let out = '';
  let err = '';
  const w = (f: (s: string) => void) =>
    ({
      write: (s: string) => {
        f(s);
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
  const cio: CommandIO = {
    stdout: w((s) => {
      out += s;
    }),
    stderr: w((s) => {
      err += s;
    }),
    stdin: process.stdin,
    isTTY: false,
  };
  return { cio, out: () => out, err: () => err };
}

describe('eval petrarch run', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'petr-'));
  const file = join(dir, 'records.xml');
  writeFileSync(file, XML);
  const seen: { id: string; date?: string }[] = [];
  const coder: CoderLike = {
    code(doc) {
      seen.push(doc);
      if (doc.text.includes('typhoon')) return { ok: true, value: { events: [] } };
      const modality = doc.text.includes('will') ? 'intended' : 'asserted';
      return { ok: true, value: { events: [ev('ARN', 'GON', '064', modality)] } };
    },
  };

  it('prints the table, the failures and the final line', async () => {
    const o = io();
    const code = await run([file, '--dictionaries', 'petrarch:/dicts', '--modality', 'asserted'], o.cio, {
      coder,
    });
    assert.equal(code, 0);
    const text = o.out();
    assert.match(text, /^DEMO\s+2\s+1\s+50\.0$/m);
    assert.match(text, /^ERROR\s+1\s+1\s+100\.0$/m);
    assert.match(text, /DEMO-01 \[DEMO\]\n.*\n {4}expected: ARN GON 064\n {4}got: {6}no events/);
    assert.match(text, /counting every modality, negated included: 3\/3/);
    assert.equal(text.trimEnd().split('\n').at(-1), 'petrarch: passed 2/3 records (66.7%)');
    assert.deepEqual(seen[0], {
      id: 'DEMO-00',
      text: 'Arnor restores ties with Gondor.',
      date: '1995-01-01',
    });
  });
  it('gives the same as JSON, and gates on --min-pass', async () => {
    const o = io();
    const code = await run(
      [file, '--dictionaries', 'petrarch:/dicts', '--modality', 'asserted', '--json', '--min-pass', '90'],
      o.cio,
      {
        coder,
      },
    );
    assert.equal(code, 1);
    const rep = JSON.parse(o.out());
    assert.equal(rep.passed, 2);
    assert.equal(rep.records, 3);
    assert.equal(rep.dictionaries, 'petrarch:/dicts?files=V.txt');
    assert.deepEqual(
      rep.failures.map((f: { id: string }) => f.id),
      ['DEMO-01'],
    );
    assert.match(o.err(), /below --min-pass 90%/);
  });
  it('rejects a missing petrarch: spec', async () => {
    await assert.rejects(() => run([file], io().cio, { coder }), /expected --dictionaries petrarch:DIR/);
  });
});
