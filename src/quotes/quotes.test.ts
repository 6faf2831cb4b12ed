import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Doc, type Mention } from '../core/doc.ts';
import { tokenize } from '../nlp/tokenize.ts';
import { type AttributedQuote, findQuotes, quoteSpans } from './quotes.ts';

interface Who {
  /** surface words of the mention, matched as a token sequence */
  words: string;
  code: string;
  name?: string;
  /** which occurrence (0-based) */
  nth?: number;
  via?: Mention['via'];
  person?: boolean;
  adjectival?: boolean;
}

/** A tokenised doc with hand-made mentions, as the mention and coreference stages would leave them. */
function docWith(text: string, who: Who[]): Doc {
  const doc = new Doc(text, { id: 't', date: '2016-12-30' });
  tokenize(doc);
  for (const w of who) {
    const words = w.words.split(' ');
    let seen = 0;
    for (let k = 0; k + words.length <= doc.tokens.length; k++) {
      if (!words.every((x, j) => doc.tokens[k + j]!.text === x)) continue;
      if (seen++ < (w.nth ?? 0)) continue;
      const span = doc.tokSpan(k, k + words.length);
      doc.mentions.push({
        i: doc.mentions.length,
        start: span.start,
        end: span.end,
        tokStart: k,
        tokEnd: k + words.length,
        actor: {
          text: span.text,
          start: span.start,
          end: span.end,
          code: w.code,
          country: w.code.slice(0, 3),
          types: [],
          ...(w.name ? { name: w.name } : {}),
        },
        via: w.via ?? 'dictionary',
        entries: [],
        ...(w.person !== undefined ? { person: w.person } : {}),
        ...(w.adjectival ? { adjectival: true } : {}),
      });
      break;
    }
  }
  doc.mentions
    .sort((a, b) => a.tokStart - b.tokStart)
    .forEach((m, i) => {
      m.i = i;
    });
  return doc;
}

/** "quoted text → speaker name | how | cue" */
function show(doc: Doc, qs: AttributedQuote[]): string[] {
  return qs.map((q) => {
    const who = q.speakerActor ? (q.speakerActor.name ?? q.speakerActor.text) : '-';
    return `${doc.text.slice(q.start, q.end)} → ${who} | ${q.attribution ?? '-'} | ${q.cue?.text ?? '-'}`;
  });
}

const PUTIN: Who = { words: 'Putin', code: 'RUSGOV', name: 'Vladimir Putin', person: true };
const HE_PUTIN: Who = { words: 'he', code: 'RUSGOV', name: 'Vladimir Putin', via: 'pronoun', person: true };

test('spans: straight and curly quotes, nested singles, unclosed to paragraph end', () => {
  const text = 'A “b ‘c’ d” e "f g" h.\n“Unclosed i j\nk “l” m';
  const spans = quoteSpans(text).map((s) => `${text.slice(s.start, s.end)}${s.closed ? '' : ' (open)'}`);
  assert.deepEqual(spans, ['“b ‘c’ d”', '"f g"', '“Unclosed i j (open)', '“l”']);
});

test('spans: apostrophes and single quotes never open a quote', () => {
  assert.deepEqual(quoteSpans("Russia's 'kitchen' level, the president’s move"), []);
});

test('spans: a second opening mark closes an unclosed one', () => {
  const text = 'He said “one two “three four”';
  assert.deepEqual(
    quoteSpans(text).map((s) => text.slice(s.start, s.end)),
    ['“one two', '“three four”'],
  );
});

const CASES: [string, string, Who[], string[]][] = [
  [
    'after: pronoun then verb',
    '“We will not expel anyone,” he said.',
    [HE_PUTIN],
    ['“We will not expel anyone,” → Vladimir Putin | after | he said'],
  ],
  [
    'after: verb then name',
    '“The sanctions are illegal,” said Mr Putin.',
    [{ ...PUTIN, words: 'Mr Putin' }],
    ['“The sanctions are illegal,” → Vladimir Putin | after | said Mr Putin'],
  ],
  [
    'after: name, appositive, verb',
    '“We will respond,” Sergei Lavrov, the foreign minister, said on Friday.',
    [
      { words: 'Sergei Lavrov', code: 'RUSGOV', name: 'Sergei Lavrov', person: true },
      { words: 'foreign minister', code: 'RUSGOV', via: 'agent' },
    ],
    ['“We will respond,” → Sergei Lavrov | after | Sergei Lavrov, the foreign minister, said'],
  ],
  [
    'after: straight quotes, adverb before the verb',
    '"Talks will resume," the ministry later added.',
    [{ words: 'ministry', code: 'RUSGOV', via: 'agent' }],
    ['"Talks will resume," → ministry | after | the ministry later added'],
  ],
  [
    'after: no mention at the speaker position keeps the cue',
    '“This is a mistake,” one diplomat said.',
    [],
    ['“This is a mistake,” → - | after | one diplomat said'],
  ],
  [
    'after: a quote that ends its sentence takes no cue from the next',
    '“We will win.” He said the army was ready.',
    [HE_PUTIN],
    ['“We will win.” → - | - | -'],
  ],
  [
    'before: colon',
    'Mr Putin said: “We will not stoop to that level.”',
    [{ ...PUTIN, words: 'Mr Putin' }],
    ['“We will not stoop to that level.” → Vladimir Putin | before | Mr Putin said'],
  ],
  [
    'before: told reporters',
    'Mr Putin told reporters “we will not expel anyone”.',
    [{ ...PUTIN, words: 'Mr Putin' }],
    ['“we will not expel anyone” → Vladimir Putin | before | Mr Putin told reporters'],
  ],
  [
    'before: said that',
    'The Kremlin said that “all options remain open”.',
    [{ words: 'Kremlin', code: 'RUSGOV', via: 'metonym' }],
    ['“all options remain open” → Kremlin | before | Kremlin said'],
  ],
  [
    'before: a split quote takes the cue between its halves',
    '“We will not expel anyone,” he said, “and we will not ban their families.”',
    [HE_PUTIN],
    [
      '“We will not expel anyone,” → Vladimir Putin | after | he said',
      '“and we will not ban their families.” → Vladimir Putin | before | he said',
    ],
  ],
  [
    'according to',
    '“The hackers were paid by Moscow,” according to US officials.',
    [
      { words: 'Moscow', code: 'RUSGOV' },
      { words: 'US officials', code: 'USAGOV', via: 'agent' },
    ],
    ['“The hackers were paid by Moscow,” → US officials | according | according to US officials'],
  ],
  [
    'tweeted',
    '“Trump is already making US foreign policy,” tweeted David Rothkopf, editor of a magazine.',
    [
      { words: 'Trump', code: 'USAELI', name: 'Donald Trump', person: true },
      { words: 'US', code: 'USA' },
      { words: 'David Rothkopf', code: 'USAMED', name: 'David Rothkopf', person: true },
    ],
    ['“Trump is already making US foreign policy,” → David Rothkopf | after | tweeted David Rothkopf'],
  ],
  [
    'embedded partial quote: the first person mention before it',
    'Mr Trump called on the US “to move on to bigger and better things”.',
    [
      { words: 'Mr Trump', code: 'USAELI', name: 'Donald Trump', person: true },
      { words: 'US', code: 'USA' },
    ],
    ['“to move on to bigger and better things” → Donald Trump | embedded | -'],
  ],
  [
    'scare quotes get no speaker',
    'Mr Putin rejected the “kitchen” level of diplomacy.',
    [{ ...PUTIN, words: 'Mr Putin' }],
    ['“kitchen” → - | - | -'],
  ],
  [
    'continuation in the same paragraph',
    '“We will not expel anyone,” he said. “We will not ban their families.” Then he left.',
    [HE_PUTIN],
    [
      '“We will not expel anyone,” → Vladimir Putin | after | he said',
      '“We will not ban their families.” → Vladimir Putin | continued | he said',
    ],
  ],
  [
    'continuation into the next paragraph that opens with a quote',
    '“We will not expel anyone,” he said.\n“We will not ban their families.”',
    [HE_PUTIN],
    [
      '“We will not expel anyone,” → Vladimir Putin | after | he said',
      '“We will not ban their families.” → Vladimir Putin | continued | he said',
    ],
  ],
  [
    'no continuation across other text',
    '“We will not expel anyone,” he said. The ministry disagreed. “That is final.”',
    [HE_PUTIN, { words: 'ministry', code: 'RUSGOV', via: 'agent' }],
    ['“We will not expel anyone,” → Vladimir Putin | after | he said', '“That is final.” → - | - | -'],
  ],
  [
    'an unclosed quote runs to the paragraph end',
    'Mr Putin said: “We will respond in kind\nThe ministry agreed.',
    [{ ...PUTIN, words: 'Mr Putin' }],
    ['“We will respond in kind → Vladimir Putin | before | Mr Putin said'],
  ],
  [
    'after: two speakers joined by "and"',
    '“We agree,” Mr Putin and Mr Erdogan said.',
    [
      { ...PUTIN, words: 'Mr Putin' },
      { words: 'Mr Erdogan', code: 'TURGOV', name: 'Recep Tayyip Erdogan', person: true },
    ],
    ['“We agree,” → Vladimir Putin | after | Mr Putin and Mr Erdogan said'],
  ],
  [
    'after: a gerund after a preposition is not a cue',
    'France accused Rwanda of making “unacceptable accusations” by alleging Paris had a role.',
    [{ words: 'France', code: 'FRA' }],
    ['“unacceptable accusations” → - | - | -'],
  ],
  [
    'Penn Treebank quotes (Gigaword)',
    "``We will not retreat,'' the minister said.",
    [{ words: 'minister', code: 'IRQGOV', via: 'agent' }],
    ["``We will not retreat,'' → minister | after | the minister said"],
  ],
  [
    'mentions inside quotes are never speakers',
    '“Obama is done,” the analyst wrote.',
    [{ words: 'Obama', code: 'USAGOV', name: 'Barack Obama', person: true }],
    ['“Obama is done,” → - | after | the analyst wrote'],
  ],
];

for (const [name, text, who, want] of CASES) {
  test(`quotes: ${name}`, () => {
    const doc = docWith(text, who);
    assert.deepEqual(show(doc, findQuotes(doc)), want);
  });
}

test('quotes: token ranges cover the marks and doc.quoteAt finds them', () => {
  const doc = docWith('He said: “We will respond.” Then he left.', []);
  doc.quotes = findQuotes(doc);
  const [q] = doc.quotes;
  assert.ok(q);
  assert.equal(doc.tokens[q.tokStart]!.text, '“');
  assert.equal(doc.tokens[q.tokEnd - 1]!.text, '”');
  const respond = doc.tokens.findIndex((t) => t.text === 'respond');
  assert.equal(doc.quoteAt(respond), q);
  assert.equal(doc.quoteAt(0), undefined);
});

const SEED = '/work/shared/seed/000_b682c74007a363c0.txt';

test('quotes: the seed article', { skip: !existsSync(SEED) }, () => {
  const T: Who = { words: 'Trump', code: 'USAELI', name: 'Donald Trump', person: true };
  const doc = docWith(readFileSync(SEED, 'utf8'), [
    { words: 'Russia', code: 'RUS' },
    { words: 'Donald Trump', code: 'USAELI', name: 'Donald Trump', person: true },
    { words: 'Vladimir Putin', code: 'RUSGOV', name: 'Vladimir Putin', person: true },
    { words: 'Barack Obama', code: 'USAGOV', name: 'Barack Obama', person: true },
    { words: 'Mr Putin', code: 'RUSGOV', name: 'Vladimir Putin', person: true },
    { words: 'Mr Trump', code: 'USAELI', name: 'Donald Trump', person: true },
    { words: 'we', code: 'RUSGOV', via: 'pronoun' },
    { words: 'Donald Trump', code: 'USAELI', name: 'Donald Trump', person: true, nth: 1 },
    { ...HE_PUTIN, nth: 0 },
    { words: 'Sergei Lavrov', code: 'RUSGOV', name: 'Sergei Lavrov', person: true },
    { words: 'Kremlin', code: 'RUSGOV', via: 'metonym' },
    { words: 'Mr Putin', code: 'RUSGOV', name: 'Vladimir Putin', person: true, nth: 1 },
    { ...HE_PUTIN, nth: 1 },
    { words: 'Kremlin', code: 'RUSGOV', via: 'metonym', nth: 1 },
    { words: 'Mr Trump', code: 'USAELI', name: 'Donald Trump', person: true, nth: 2 },
    { words: 'US', code: 'USA', nth: 6 },
    { words: 'he', code: 'USAELI', name: 'Donald Trump', via: 'pronoun', person: true, nth: 2 },
    { words: 'intelligence officials', code: 'USASPY', via: 'agent', person: true },
    { words: 'Putin', code: 'RUSGOV', name: 'Vladimir Putin', person: true, nth: 4 },
    { words: 'Obama', code: 'USAGOV', name: 'Barack Obama', person: true, nth: 2 },
    { ...T, nth: 6 },
    { words: 'David Rothkopf', code: 'USAMED', name: 'David Rothkopf', person: true },
  ]);
  const qs = findQuotes(doc);
  const got = qs.map((q) => {
    const t = doc.text.slice(q.start, q.end);
    return `${t.slice(0, 20)}… → ${q.speakerActor?.name ?? '-'} (${q.attribution}${q.cue ? `: ${q.cue.text}` : ''})`;
  });
  assert.deepEqual(got, [
    '“Reserving our right… → Vladimir Putin (after: he said)',
    '“We will not create … → Vladimir Putin (after: he said)',
    '“We will not ban the… → Vladimir Putin (continued: he said)',
    '“to move on to bigge… → Donald Trump (embedded)',
    '“in order to be upda… → Donald Trump (embedded)',
    '“Putin’s reaction ef… → David Rothkopf (after: tweeted David Rothkopf)',
  ]);
  // spans cross sentences: quote 2 covers two sentences, quote 3 too
  const s = (k: number) => doc.tokens[k]!.sent;
  assert.equal(s(qs[1]!.tokEnd - 1) - s(qs[1]!.tokStart), 1);
  assert.equal(s(qs[2]!.tokEnd - 1) - s(qs[2]!.tokStart), 1);
  assert.ok(doc.text.slice(qs[0]!.start, qs[0]!.end).includes('‘kitchen’'));
});

// speed is measured by `npm run bench`, not here: a long document keeps every quote and no quote runs into the next
test('quotes: a long document yields each of its 600 quotes once', () => {
  const para =
    '“We will not expel anyone,” he said. “We will not ban their families.” ' +
    'Mr Trump called on the US “to move on to bigger things”. The ministry declined to comment.\n';
  const doc = docWith(para.repeat(200), [HE_PUTIN]);
  const qs = findQuotes(doc);
  assert.equal(qs.length, 600);
  for (const q of qs)
    assert.ok(!doc.text.slice(q.start + 1, q.end - 1).includes('”'), 'a quote runs into the next');
});

test('quotes: with clauses, an embedded quote takes its clause subject', () => {
  const doc = docWith('The envoy said Mr Trump wants the US “to move on to bigger things”.', [
    { words: 'envoy', code: 'RUSGOV', via: 'agent', person: true },
    { words: 'Mr Trump', code: 'USAELI', name: 'Donald Trump', person: true },
    { words: 'US', code: 'USA' },
  ]);
  const at = (w: string) => doc.tokens.findIndex((t) => t.text === w);
  const verb = { negated: false, voice: 'active' as const, form: 'finite' as const, aux: [] };
  doc.clauses = [
    {
      i: 0,
      sent: 0,
      role: 'main',
      vgStart: at('said'),
      vgEnd: at('said') + 1,
      head: at('said'),
      verb: { ...verb, lemma: 'say', tense: 'past' },
      subject: { start: at('envoy'), end: at('envoy') + 1, head: at('envoy'), mention: 0 },
      pps: [],
      start: 0,
      end: doc.tokens.length,
    },
    {
      i: 1,
      sent: 0,
      role: 'complement',
      vgStart: at('wants'),
      vgEnd: at('wants') + 1,
      head: at('wants'),
      verb: { ...verb, lemma: 'want', tense: 'present' },
      subject: { start: at('Mr'), end: at('Trump') + 1, head: at('Trump'), mention: 1 },
      pps: [],
      parent: 0,
      start: at('Mr'),
      end: doc.tokens.length - 1,
    },
  ];
  const [q] = findQuotes(doc);
  assert.equal(q?.speakerActor?.name, 'Donald Trump');
  assert.equal(q?.attribution, 'embedded');
  // without clauses: the first person mention of the sentence
  doc.clauses = [];
  assert.equal(findQuotes(doc)[0]?.speakerActor?.code, 'RUSGOV');
});
