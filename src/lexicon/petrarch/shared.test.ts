/** The readers on the real PETRARCH files in ../shared (skipped with a reason when the folder is absent). */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type PetrarchLoad, readPetrarchDictionaries } from './index.ts';
import { parsePetrarchRecords } from './records.ts';
import { parseVerbs } from './verbs.ts';

const DIR = '../shared/petrarch2/dictionaries';
const TEXT = '../shared/petrarch2/text';
const skip = existsSync(DIR) ? false : `shared folder ${DIR} not found`;
if (skip) console.log(`# skipping PETRARCH shared-file tests: ${skip}`);

describe('PETR.Validate.* dictionaries', { skip }, () => {
  let load: PetrarchLoad;
  it('loads', async () => {
    load = await readPetrarchDictionaries(`${DIR}?set=validate`);
    assert.deepEqual(
      load.files.map((f) => [f.file, f.kind, f.entries]),
      [
        ['PETR.Validate.verbs.txt', 'verbs', load.lexicon.verbs.length],
        ['PETR.Validate.actors.txt', 'actors', 128],
        ['PETR.Validate.agents.txt', 'agents', 88],
        ['PETR.Validate.discards.txt', 'discards', 9],
      ],
    );
    assert.equal(load.synsets.size, 17);
    // the validation verbs carry deliberately odd codes ([def], [075A], [+++] …): warnings, not errors
    assert.ok(load.warnings.every((w) => w.includes('PETR.Validate.verbs.txt')));
  });
  it('has the date-restricted actors of the DATE records', () => {
    const sam = load.lexicon.actors.find((a) => a.name === 'Sam Gamgee')!;
    assert.equal(sam.code, 'HOB');
    assert.deepEqual(sam.roles[0], { code: 'HOBCIV', to: '2008-01-20' });
    assert.deepEqual(sam.roles[1], { code: 'ORCHOB', from: '2010-01-09', to: '2010-01-12' });
    const gollum = load.lexicon.actors.find((a) => a.name === 'Gollum')!;
    assert.deepEqual(gollum.aliases, ['gollum', 'smeagol', 'slinker', 'stinker']);
    assert.equal(gollum.code, undefined);
    assert.deepEqual(gollum.roles, [
      { code: 'HOB', to: '1995-06-01' },
      { code: 'HOBGOV', from: '1995-06-01', to: '1999-08-15' },
      { code: 'HOBREB', from: '1999-08-16' },
    ]);
    const un = load.lexicon.actors.find((a) => a.name === 'United Nations')!;
    assert.deepEqual(un.aliases, ['united nations', 'u.n.', 'secretary general', 'security council', 'UN']);
  });
  it('has agents with prefixes and substitutions', () => {
    const msf = load.lexicon.agents.find((a) => a.forms.includes('msf'))!;
    assert.equal(msf.prefix, true);
    assert.ok(load.lexicon.agents.some((a) => a.forms.includes('ministry of silly walks')));
    assert.ok(load.lexicon.agents.some((a) => a.forms.includes('golden geese')));
  });
  it('has the verb patterns the SYNSET records use', () => {
    const v = load.lexicon.verbs;
    const tie = v.find(
      (p) => p.words[0] === 'abandon' && !p.id.endsWith(':pp') && p.petrarch?.raw.includes('&TIETYPES TIES'),
    )!;
    assert.equal(tie.code, '902');
    assert.deepEqual(tie.petrarch!.post[0], {
      kind: 'term',
      alts: [['military'], ['militaries'], ['economic'], ['economics'], ['cultural'], ['culturals']],
      glued: false,
    });
    const arrive = v.find((p) => p.words[0] === 'arrive' && p.petrarch?.raw === '')!;
    assert.equal(arrive.code, '032');
    assert.equal(arrive.pairedCode, '033');
    const left = v.find((p) => p.words[0] === 'left' && p.petrarch?.raw === '')!;
    assert.ok(left.forms!.includes('left'));
    assert.deepEqual(load.lexicon.storyDiscards, [
      'world golf championships',
      'manchester united',
      'typhoon',
      'espn2',
    ]);
  });
});

describe('CAMEO.2.0 + Phoenix dictionaries', { skip }, () => {
  it('loads fast, with the expected sizes', async () => {
    const load = await readPetrarchDictionaries(DIR);
    assert.ok(load.ms < 3000, `loading took ${Math.round(load.ms)} ms`);
    const n = Object.fromEntries(load.files.map((f) => [f.file, f.entries]));
    assert.equal(n['Phoenix.Countries.actors.txt'], 18390);
    assert.equal(n['Phoenix.MilNonState.actors.txt'], 1021);
    assert.ok(n['Phoenix.International.actors.txt']! >= 7800);
    assert.ok(n['Phoenix.agents.txt']! > 2200);
    assert.equal(n['Phoenix.discards.txt'], 506);
    assert.equal(load.synsets.size, 40);
    assert.equal(load.transformations.length, 8);
    // every defect of the shipped files is reported with file:line
    for (const w of load.warnings)
      assert.match(w, /^\.\.\/shared\/petrarch2\/dictionaries\/[\w.]+:\d+: expected /);
    const obama = load.lexicon.actors.find((a) => a.name === 'Barack Obama')!;
    assert.ok(obama.aliases.includes('president obama'));
    assert.ok(obama.roles.some((r) => r.code === 'USAGOV' && r.from === '2009-01-20'));
    const afg = load.lexicon.actors.find((a) => a.name === 'Afghanistan')!;
    assert.equal(afg.code, 'AFG');
    assert.equal(afg.kind, 'country');
    const fm = load.lexicon.agents.find((a) => a.forms.includes('foreign minister'))!;
    assert.ok(fm.types.length > 0);
    assert.ok(load.lexicon.issues!.length > 2900);
  });
  it('reads CAMEO.2.0.txt blocks, patterns and paired codes', () => {
    const d = parseVerbs(readFileSync(`${DIR}/CAMEO.2.0.txt`, 'utf8'), 'CAMEO.2.0.txt');
    assert.equal(d.blocks, 397);
    assert.ok(d.patternLines > 4600, String(d.patternLines));
    const rushTo = d.verbs.find(
      (v) => v.words[0] === 'rush' && !v.id.endsWith(':pp') && v.petrarch?.raw.startsWith('- * (TO)'),
    )!;
    assert.equal(rushTo.code, '042');
    assert.equal(rushTo.pairedCode, '043');
    assert.deepEqual(rushTo.slots, [{ type: 'pp-target', prep: 'to' }]);
    const speed = d.verbs.find((v) => v.words[0] === 'speed')!;
    assert.deepEqual(speed.forms, ['speed', 'speeding', 'speeds', 'sped']);
  });
  it('a broken line in a copy of a real file stops the load at that line', () => {
    const lines = readFileSync(`${DIR}/CAMEO.2.0.txt`, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('---  ALTER'));
    lines[at] = '---  ALTER   [---]  [';
    assert.throws(
      () => parseVerbs(lines.join('\n'), 'CAMEO.2.0.txt'),
      new RegExp(`^RiposteError: CAMEO\\.2\\.0\\.txt:${at + 1}: expected a block header`),
    );
  });
});

describe('PETRARCH XML on the shared files', { skip: existsSync(TEXT) ? false : `${TEXT} not found` }, () => {
  it('reads the unit-test records', () => {
    const p = parsePetrarchRecords(readFileSync(`${TEXT}/PETR.UnitTest.records.xml`, 'utf8'), 'x.xml');
    assert.equal(p.records.length, 284);
    assert.equal(p.environment.verbfile, 'PETR.Validate.verbs.txt');
    const events = p.records.reduce((n, r) => n + r.expected.length, 0);
    assert.equal(events, 359);
    assert.equal(p.records.filter((r) => r.noEvents).length, 19);
    assert.equal(p.records.filter((r) => r.expectedError).length, 7);
    assert.equal(new Set(p.records.map((r) => r.doc.id)).size, 284);
    const d0 = p.records[0]!;
    assert.equal(d0.doc.date, '1995-01-01');
    assert.deepEqual(d0.expected, [{ source: 'ARN', target: 'GON', code: '064' }]);
    assert.ok(
      d0.doc.text.startsWith('Arnor is about to restore full diplomatic ties with Gondor almost five years'),
    );
    const s2 = p.records.find((r) => r.id === 'SYNSET-02')!;
    assert.match(s2.doc.text, /full &TIETYPE ties/);
    const demo22 = p.records.find((r) => r.id === 'DEMO-22')!;
    assert.equal(demo22.config.new_actor_length, '4');
    assert.equal(demo22.expected[1]!.source, '"INJURY TOLL"');
  });
  it('reads the GigaWord sample', () => {
    const p = parsePetrarchRecords(readFileSync(`${TEXT}/GigaWord.sample.PETR.xml`, 'utf8'), 'g.xml');
    assert.ok(p.records.length > 10);
    assert.equal(p.records[0]!.doc.date, '2008-08-04');
    assert.equal(p.records[0]!.doc.source, 'AFP');
    assert.ok(p.records[0]!.parse?.startsWith('( (S'));
  });
});
