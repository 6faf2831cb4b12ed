import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRiposteError } from '../../core/errors.ts';
import { parseActors } from './actors.ts';
import { parseAgents, splitTypes } from './agents.ts';
import { cleanLines, pluralOf, tabariDate, verbForms } from './common.ts';
import { parseDiscards, parseIssues } from './discards.ts';
import { buildPetrarchLexicon, fileKind, parsePetrarchSpec } from './index.ts';
import { parseVerbs } from './verbs.ts';

/** asserts that fn throws E_DICT_SYNTAX naming file:line */
function throwsAt(fn: () => unknown, where: string, expected?: RegExp) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(isRiposteError(e), `not a RiposteError: ${String(e)}`);
    assert.equal(e.code, 'E_DICT_SYNTAX');
    assert.ok(e.message.startsWith(`${where}: expected`), e.message);
    if (expected) assert.match(e.message, expected);
    return true;
  });
}

describe('common', () => {
  it('strips # and <!-- --> comments, keeps [###] codes and line numbers', () => {
    const lines = cleanLines('A [X] # note\n<!-- one\ntwo -->\n- * B [###]  # c\n\n# only\nC ;legacy');
    assert.deepEqual(
      lines.map((l) => [l.n, l.text]),
      [
        [1, 'A [X]'],
        [4, '- * B [###]'],
        [5, ''],
        [7, 'C'],
      ],
    );
  });
  it('reads YYMMDD and YYYYMMDD dates', () => {
    assert.equal(tabariDate('950601'), '1995-06-01');
    assert.equal(tabariDate('090120'), '2009-01-20');
    assert.equal(tabariDate('20130119'), '2013-01-19');
    assert.equal(tabariDate('2004017'), null);
    assert.equal(tabariDate('20131301'), null);
  });
  it('makes plurals and verb forms', () => {
    assert.equal(pluralOf('congress'), 'congresses');
    assert.equal(pluralOf('authority'), 'authorities');
    assert.equal(pluralOf('dollars'), null);
    assert.deepEqual(verbForms('accuse'), ['accuse', 'accuses', 'accused', 'accusing']);
    assert.deepEqual(verbForms('hurry'), ['hurry', 'hurries', 'hurried', 'hurrying']);
  });
});

describe('actors', () => {
  const fixture = [
    '# test actors',
    'ARNOR_  [ARN]',
    '+ARNORIAN',
    'SAM_GAMGEE [HOB]  # default',
    '\t[HOBCIV <20080120]',
    '\t[ORCHOB 20100109-20100112]',
    '\t[HOBELI >130119]',
    'PRINCE OF DOL AMROTH',
    '\t[--- <950630]',
    '\t[DOL]',
    'THE_SHIRE  [FRO/BIL/SAM]',
    'IMF [imf]',
    'ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]',
  ].join('\n');
  const { actors, warnings } = parseActors(fixture, 'fx.actors.txt');

  it('reads primary phrases, synonyms and default codes', () => {
    assert.equal(actors.length, 6);
    const arn = actors[0]!;
    assert.equal(arn.name, 'Arnor');
    assert.deepEqual(arn.aliases, ['arnor', 'arnorian']);
    assert.equal(arn.code, 'ARN');
    assert.deepEqual(arn.source, { file: 'fx.actors.txt', line: 2 });
    assert.deepEqual(warnings, []);
  });
  it('reads date restrictions in file order, inclusive, mixed date widths', () => {
    const sam = actors[1]!;
    assert.equal(sam.code, 'HOB');
    assert.deepEqual(sam.roles, [
      { code: 'HOBCIV', to: '2008-01-20' },
      { code: 'ORCHOB', from: '2010-01-09', to: '2010-01-12' },
      { code: 'HOBELI', from: '2013-01-19' },
    ]);
    const prince = actors[2]!;
    assert.equal(prince.code, 'DOL');
    assert.deepEqual(prince.roles, [{ code: '---', to: '1995-06-30' }]);
  });
  it('keeps compound codes, upper-cases codes, reads several codes on one line', () => {
    assert.equal(actors[3]!.code, 'FRO/BIL/SAM');
    assert.equal(actors[4]!.code, 'IMF');
    assert.deepEqual(actors[4]!.aliases, ['IMF']); // short acronyms stay in capitals
    assert.deepEqual(actors[4]!.capitalised, ['Imf']); // … and may be short names written capitalised
    assert.deepEqual(actors[5]!.roles, [
      { code: 'USAGOV', from: '2001-01-20', to: '2005-01-20' },
      { code: 'IGOUNOKID', from: '2005-05-01' },
    ]);
    assert.equal(actors[5]!.kind, 'person');
    assert.equal(actors[0]!.kind, 'country');
  });
  it('gives one-word names of 3 or 4 capitals a capitalised form; 2 capitals and longer names get none', () => {
    const cases: [string, string[] | undefined][] = [
      ['PELL [PEL]', ['Pell']],
      ['VAR_ [VAR]', ['Var']],
      ['+ZE [ZEZ]', undefined],
      ['ANORIEN [ANO]', undefined],
      ['LOND DAER [LDA]', undefined],
    ];
    for (const [line, want] of cases) {
      const a = parseActors(line.replace(/^\+/, ''), 't.txt').actors[0]!;
      assert.deepEqual(a.capitalised, want, line);
    }
  });
  it('stops on a broken line with file:line and what was expected', () => {
    throwsAt(() => parseActors('\t[ARN]\n', 'a.txt'), 'a.txt:1', /primary phrase/);
    throwsAt(() => parseActors('ARNOR [ARN]\n\t[ARN 950101 <]\n', 'a.txt'), 'a.txt:2', /restriction/);
    throwsAt(() => parseActors('ARNOR [ARN]\n{BAD}\n', 'a.txt'), 'a.txt:2');
  });
  it('skips a defective entry with a warning, or stops in strict mode', () => {
    const r = parseActors('GONDOR [GON\n+MINAS_TIRITH\nROHAN [ROH]\n\t[ROHGOV 2004017-20061201]\n', 'b.txt');
    assert.deepEqual(
      r.actors.map((a) => a.name),
      ['Rohan'],
    );
    assert.equal(r.warnings.length, 2);
    assert.match(r.warnings[0]!, /^b\.txt:1: expected a closing "\]"/);
    assert.match(r.warnings[1]!, /^b\.txt:4: expected dates/);
    throwsAt(
      () => parseActors('ROHAN [ROH]\n\t[ROHGOV 2004017-20061201]\n', 'b.txt', { strict: true }),
      'b.txt:2',
    );
  });
});

describe('agents', () => {
  const fixture = [
    '!PERSON! = MAN, MEN, WOMAN, WOMEN',
    '!MINST! = MINISTER, MINISTRY',
    'FOREIGN_MINISTER [~GOVFRM]',
    'CONGRESS!PERSON! [~LEG]',
    '!MINST!_OF_SILLY_WALKS [~GOV]',
    'GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]',
    'POLICE {} [ ~COP]',
    'MSF {}  [NGO~]',
    'AUTHORITY [~GOV]',
  ].join('\n');
  const { agents } = parseAgents(fixture, 'fx.agents.txt');
  it('reads codes, prefixes and plurals', () => {
    assert.equal(agents.length, 7);
    assert.deepEqual(agents[0]!.forms, ['foreign minister', 'foreign ministers']);
    assert.deepEqual(agents[0]!.types, ['GOV', 'FRM']);
    assert.equal(agents[0]!.title, true);
    assert.deepEqual(agents[3]!.forms, ['golden goose', 'golden geese']);
    assert.deepEqual(agents[4]!.forms, ['police']);
    assert.equal(agents[5]!.prefix, true);
    assert.deepEqual(agents[5]!.types, ['NGO']);
    assert.deepEqual(agents[6]!.forms, ['authority', 'authorities']);
  });
  it('expands substitution sets literally', () => {
    assert.deepEqual(agents[1]!.forms, ['congressman', 'congressmen', 'congresswoman', 'congresswomen']);
    assert.deepEqual(agents[2]!.forms, ['minister of silly walks', 'ministry of silly walks']);
  });
  it('splits types in threes', () => {
    assert.deepEqual(splitTypes('MOSREB'), ['MOS', 'REB']);
    assert.deepEqual(splitTypes('GOVX'), ['GOVX']);
  });
  it('errors on an unknown substitution set; warns on an agent without a code', () => {
    throwsAt(() => parseAgents('X!FOO! [~GOV]', 'g.txt'), 'g.txt:1', /!FOO!/);
    const r = parseAgents('ISLAMIC_EXTREMIST\nCLERIC [~REL]', 'g.txt');
    assert.equal(r.agents.length, 1);
    assert.match(r.warnings[0]!, /^g\.txt:1: expected a code/);
  });
});

describe('verbs', () => {
  const petr2 = [
    '&CURRENCY',
    '+DOLLAR',
    '+SWISS FRANC',
    '+CASH_',
    '&NESTED',
    '+&CURRENCY',
    '+GOLD',
    '',
    '---  ACCELERATE   [---]  ---',
    'ACCELERATE',
    'HURRY {HURRIES HURRYING HURRIED }',
    'RUSH [073]',
    '+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}',
    'WIRE_+TAP',
    '- * (TO)                 [042:043]     # RUSH',
    '- * {RELIEF ASSISTANCE}  [073]',
    '- * POLICE (TO BORDER)   [153]',
    '- &NESTED *              [154]',
    '- * (BEFORE COURT)       [:173]',
    '- * CARD                 [---]',
    '- * UP RESISTANCE        [110]',
    '',
    '~ a (a b ATTACK) SAY = a b 015',
  ].join('\n');
  const d = parseVerbs(petr2, 'fx.verbs.txt');
  const of = (verb: string, raw?: string) =>
    d.verbs.filter(
      (v) =>
        v.words[0] === verb &&
        !v.id.endsWith(':pp') &&
        (raw === undefined || (raw === '' ? v.petrarch?.raw === '' : v.petrarch?.raw.includes(raw))),
    );

  it('reads synsets with plurals, "_" and nesting', () => {
    assert.deepEqual(d.synsets.get('CURRENCY'), [
      ['dollar'],
      ['dollars'],
      ['swiss', 'franc'],
      ['swiss', 'francs'],
      ['cash'],
    ]);
    assert.equal(d.synsets.get('NESTED')!.length, 7);
    assert.equal(d.transformations.length, 1);
    assert.deepEqual(d.transformations[0]!.result, 'a b 015');
  });
  it('reads verbs, forms, per-verb codes and multi-word verbs', () => {
    assert.equal(d.blocks, 1);
    assert.equal(d.patternLines, 7);
    // [---] block: bare verbs code nothing, except RUSH with its own code
    assert.equal(of('accelerate', '').length, 0);
    const rush = of('rush', '')[0]!;
    assert.equal(rush.code, '073');
    assert.deepEqual(rush.forms, ['rush', 'rushes', 'rushed', 'rushing']);
    assert.deepEqual(of('hurry')[0]!.forms, ['hurry', 'hurries', 'hurrying', 'hurried']);
    const cordon = of('cordon')[0]!;
    assert.deepEqual(cordon.words, ['cordon', 'off']);
    assert.deepEqual(cordon.forms, ['cordon', 'cordoned', 'cordons']);
    assert.deepEqual(of('tap')[0]!.petrarch!.verbPre, ['wire']);
    // every block pattern applies to every verb: 5 verbs x 7 patterns + 1 bare RUSH, plus a pp-target
    // variant of each pattern that names no target: 5 x 6 + 1
    assert.equal(d.verbs.length, 36 + 31);
    const variant = d.verbs.find((v) => v.id.endsWith(':pp') && v.petrarch?.raw.includes('RELIEF'))!;
    assert.deepEqual(variant.slots.slice(0, 2), [
      { type: 'object-words', words: ['assistance'] },
      { type: 'pp-target', prep: 'with' },
    ]);
    assert.ok(variant.flags.has('pp-target-variant') && !variant.flags.has('petrarch-target'));
    const plain = of('rush', 'RELIEF')[0]!;
    assert.equal(variant.specificity, plain.specificity + 0.5);
    assert.ok(d.verbs.indexOf(variant) < d.verbs.indexOf(plain));
  });
  it('maps patterns to slots', () => {
    const to = of('rush', '(TO)')[0]!;
    assert.deepEqual(to.slots, [{ type: 'pp-target', prep: 'to' }]);
    assert.equal(to.code, '042');
    assert.equal(to.pairedCode, '043');
    assert.deepEqual(of('rush', 'RELIEF')[0]!.slots, [{ type: 'object-words', words: ['assistance'] }]);
    assert.deepEqual(of('rush', 'POLICE')[0]!.slots, [
      { type: 'object-words', words: ['police'] },
      { type: 'pp-words', prep: 'to', words: ['border'] },
    ]);
    const pre = of('rush', '&NESTED')[0]!;
    assert.ok(pre.flags.has('pre-words'));
    assert.deepEqual(pre.petrarch!.pre[0], { kind: 'term', alts: d.synsets.get('NESTED'), glued: false });
    const court = of('rush', 'COURT')[0]!;
    assert.equal(court.code, '173');
    assert.ok(court.flags.has('reverse'));
    const card = of('rush', 'CARD')[0]!;
    assert.equal(card.code, '---');
    assert.ok(card.flags.has('no-event'));
    assert.deepEqual(of('rush', 'UP')[0]!.words, ['rush', 'up']);
    assert.ok(of('rush', 'UP')[0]!.specificity > of('rush', 'RELIEF')[0]!.specificity - 1);
  });
  it('reads the PETRARCH-1 flat syntax with $ + ^ % and _', () => {
    const petr1 = [
      '&TIETYPES',
      '+MILITARY',
      '+ECONOMIC',
      '--- AGREE  [081] ---',
      'AGREE',
      '- * WITH % [031]',
      '- % * [030:030]',
      '- FAILED_TO_*  [111]',
      '- + WAS_ * TO_ ^ FROM $  [174]',
      '- * NEW_&TIETYPES_RELATIONS [903]',
      '- *_UPON  [097]',
    ].join('\n');
    const v = parseVerbs(petr1, 'p1.txt').verbs;
    const by = (s: string) => v.find((x) => !x.id.endsWith(':pp') && x.petrarch?.raw.includes(s))!;
    assert.deepEqual(by('WITH %').slots, [{ type: 'pp-target', prep: 'with' }]);
    assert.ok(by('WITH %').flags.has('compound'));
    assert.equal(by('% *').pairedCode, '030');
    assert.equal(by('FAILED').petrarch!.preGlued, true);
    assert.equal(by('WAS_').petrarch!.preGlued, undefined);
    assert.deepEqual(by('FAILED').petrarch!.pre, [
      { kind: 'term', alts: [['failed']], glued: false },
      { kind: 'term', alts: [['to']], glued: true },
    ]);
    const ext = by('WAS_');
    assert.ok(ext.flags.has('target-before-verb') && ext.flags.has('source-marked'));
    assert.deepEqual(ext.slots, []);
    assert.deepEqual(by('NEW_').slots, [{ type: 'object-words', words: ['relations', 'relation'] }]);
    assert.equal(by('NEW_').petrarch!.dialect, 'petr1');
    assert.deepEqual(by('UPON').words, ['agree', 'upon']);
    // the bare verb is read in the file's dialect too
    assert.equal(v.find((x) => x.petrarch?.raw === '')!.petrarch!.dialect, 'petr1');
  });
  it('reads every pattern of a file with a {noun phrase} or (PREP …) pattern as PETRARCH-2', () => {
    const text = '--- SEND [070] ---\nSEND\n- * {FOOD AID} [073]\n- * TROOPS [150]\n';
    const v = parseVerbs(text, 'p2.txt').verbs;
    assert.deepEqual([...new Set(v.map((x) => x.petrarch!.dialect))], ['petr2']);
  });
  it('stops on broken structure; skips a defective pattern with a warning', () => {
    throwsAt(() => parseVerbs('ACCUSE\n', 'v.txt'), 'v.txt:1', /verb block/);
    throwsAt(() => parseVerbs('--- A [010] ---\nA\n- * THING\n', 'v.txt'), 'v.txt:3', /pattern/);
    throwsAt(() => parseVerbs('&BAD LABEL\n+X\n', 'v.txt'), 'v.txt:1', /synset/);
    const r = parseVerbs(
      '--- A [010] ---\nA\n- * (TO BORDER [153]\n- * X [1234X]\n- * &NOPE [010]\n',
      'v.txt',
    );
    assert.equal(r.verbs.length, 2); // the bare verb and its pp-target variant
    assert.equal(r.warnings.length, 3);
    assert.match(r.warnings[0]!, /^v\.txt:3: expected a closing "\)"/);
    throwsAt(
      () => parseVerbs('--- A [010] ---\nA\n- * X [12X]\n', 'v.txt', { strict: true }),
      'v.txt:3',
      /CAMEO code/,
    );
  });
});

describe('discards and issues', () => {
  it('separates story and sentence discards', () => {
    const d = parseDiscards(
      '# c\nMONTHS LATER\n+World Golf Championships   # pas\nBASEBALL\n1914\n',
      'd.txt',
    );
    assert.deepEqual(d.sentence, ['months later', 'baseball', '1914']);
    assert.deepEqual(d.story, ['world golf championships']);
  });
  it('expands issue phrases', () => {
    const r = parseIssues(
      '<ISSUE CATEGORY="EDU" TYPE="ALL">\nn:teacher [TEACHERS]\npre+k [EARLY]\n~a head start\neec\n</ISSUE>\n',
      'i.txt',
    );
    assert.deepEqual(r.issues[0]!.phrases, ['teacher', 'teachers']);
    assert.deepEqual(r.issues[1]!.phrases, ['pre k', 'pre-k']);
    assert.equal(r.issues[2]!.ignore, true);
    assert.equal(r.issues[3]!.code, 'EDU');
    throwsAt(() => parseIssues('<ISSUE CATEGORY="A">\nx [A]\n', 'i.txt'), 'i.txt:3', /<\/ISSUE>/);
  });
});

describe('index', () => {
  it('classifies files and reads specs', () => {
    assert.equal(fileKind('CAMEO.2.0.txt'), 'verbs');
    assert.equal(fileKind('Phoenix.Countries.actors.txt'), 'actors');
    assert.equal(fileKind('Phoenix.prepositions.txt'), 'ignored');
    assert.deepEqual(parsePetrarchSpec('petrarch:/d?files=a.txt,b.txt'), {
      dir: '/d',
      files: ['a.txt', 'b.txt'],
    });
    assert.deepEqual(parsePetrarchSpec('petrarch:/d?set=validate'), { dir: '/d', set: 'validate' });
    assert.deepEqual(parsePetrarchSpec('/d'), { dir: '/d' });
  });
  it('builds a Lexicon from several files', () => {
    const r = buildPetrarchLexicon('fx', [
      { file: 'x.actors.txt', path: 'fx/x.actors.txt', content: 'ARNOR [ARN]\n' },
      { file: 'x.agents.txt', path: 'fx/x.agents.txt', content: 'CLERIC [~REL]\n' },
      { file: 'x.verbs.txt', path: 'fx/x.verbs.txt', content: '--- RESTORE [064] ---\nRESTORE\n' },
      { file: 'x.discards.txt', path: 'fx/x.discards.txt', content: '+TYPHOON\nBASEBALL\n' },
    ]);
    const lex = r.lexicon;
    assert.equal(lex.name, 'petrarch:fx');
    assert.match(lex.version, /^[0-9a-f]{12}$/);
    assert.equal(lex.actors.length + lex.agents.length + lex.verbs.length, 4);
    assert.deepEqual(lex.discards, ['baseball']);
    assert.deepEqual(lex.storyDiscards, ['typhoon']);
    assert.deepEqual(lex.modality, []);
    assert.equal(lex.conventions, 'petrarch');
  });
});
