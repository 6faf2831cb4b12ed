import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type Clause, Doc } from '../core/doc.ts';
import { tokenize } from '../nlp/tokenize.ts';
import { dateForSpan, findDates } from './dates.ts';

/** publication date of every case: Friday 2016-12-30 */
const PUB = '2016-12-30';

function docOf(text: string, date = PUB): Doc {
  const doc = new Doc(text, { id: 't', date });
  tokenize(doc);
  return doc;
}

/** one line per date mention: "text date[..end] grain rule[ MOD]" */
function datesOf(text: string, date = PUB): string[] {
  return findDates(docOf(text, date)).map(
    (d) =>
      `${d.text} ${d.date}${d.range ? `..${d.range[1]}` : ''} ${d.grain} ${d.rule}${d.modifier ? ' MOD' : ''}`,
  );
}

const CASES: [string, string[]][] = [
  // bare weekdays by tense; the publication weekday itself is the publication day
  ['The army attacked the town on Thursday.', ['Thursday 2016-12-29 day weekday-past']],
  ['Putin said on Friday that Russia would respond.', ['Friday 2016-12-30 day weekday-past']],
  ['Rebels shelled the city on Saturday.', ['Saturday 2016-12-24 day weekday-past']],
  ['The ministers will meet on Monday.', ['Monday 2017-01-02 day weekday-future']],
  ['The ministers will meet on Thursday.', ['Thursday 2017-01-05 day weekday-future']],
  ['The ministers will meet on Friday.', ['Friday 2016-12-30 day weekday-future']],
  ['Talks are scheduled for Tuesday.', ['Tuesday 2017-01-03 day weekday-future']],
  ['The delegation is visiting Beijing on Wednesday.', ['Wednesday 2017-01-04 day weekday-future']],
  ['Mr Kerry plans to travel to Cairo on Sunday.', ['Sunday 2017-01-01 day weekday-future']],
  ['Protesters gathered last Monday in Kiev.', ['last Monday 2016-12-26 day weekday-last']],
  ['The vote takes place next Friday.', ['next Friday 2017-01-06 day weekday-next']],
  ['Officials met on Tuesday night.', ['Tuesday night 2016-12-27 day weekday-past']],
  ['On Thursday the Obama administration imposed sanctions.', ['Thursday 2016-12-29 day weekday-past']],
  ['Police arrest protesters on Mondays.', []],
  // explicit days: chrono
  ['Parliament will convene on Tuesday, January 10.', ['Tuesday, January 10 2017-01-10 day chrono']],
  ['Trump will be sworn in on January 20.', ['January 20 2017-01-20 day chrono']],
  ['The report was published on 12/29/2016.', ['12/29/2016 2016-12-29 day chrono']],
  [
    'The talks ran from December 1 to December 5.',
    ['December 1 to December 5 2016-12-01..2016-12-05 day chrono'],
  ],
  ['Rebels attacked a convoy yesterday.', ['yesterday 2016-12-29 day chrono-relative']],
  ['The president spoke today.', ['today 2016-12-30 day chrono-relative']],
  ['Gunmen killed two police officers two days ago.', ['two days ago 2016-12-28 day chrono-relative']],
  [
    'The truce was announced two months ago.',
    ['two months ago 2016-10-01..2016-10-31 month chrono-relative'],
  ],
  ['Right now, the talks are stalled.', []],
  ['Three weeks later, the rebels withdrew.', []],
  ['The base was attacked at 10am.', []],
  ['The station Russia Today reported the clash.', []],
  // ISO weeks
  ['The summit was held last week.', ['last week 2016-12-19..2016-12-25 week week-range']],
  ['Talks will resume this week.', ['this week 2016-12-26..2017-01-01 week week-range']],
  ['Next week the delegation will travel to Moscow.', ['Next week 2017-01-02..2017-01-08 week week-range']],
  ['Fighting broke out earlier this week.', ['earlier this week 2016-12-26..2016-12-29 week week-range']],
  ['The envoy will return later this week.', ['later this week 2016-12-31..2017-01-01 week week-range']],
  ['The envoy will arrive early next week.', ['early next week 2017-01-02..2017-01-04 week week-range']],
  // months
  ['Elections will take place next month.', ['next month 2017-01-01..2017-01-31 month month-range']],
  ['The ceasefire collapsed last month.', ['last month 2016-11-01..2016-11-30 month month-range']],
  ['Clashes erupted earlier this month.', ['earlier this month 2016-12-01..2016-12-29 month month-range']],
  ['The talks broke down late last month.', ['late last month 2016-11-21..2016-11-30 month month-range']],
  ['The treaty was signed in March.', ['March 2016-03-01..2016-03-31 month month-past']],
  ['The elections will be held in March.', ['March 2017-03-01..2017-03-31 month month-future']],
  ['Troops were deployed in May.', ['May 2016-05-01..2016-05-31 month month-past']],
  ['The deal was agreed in March 2015.', ['March 2015 2015-03-01..2015-03-31 month month-name']],
  ['The law was passed in early January.', ['early January 2016-01-01..2016-01-10 month month-past']],
  ['The army withdrew last March.', ['last March 2016-03-01..2016-03-31 month month-last']],
  ['Theresa May said the UK would leave.', []],
  ['Thousands march through the capital.', []],
  // years and decades
  ['Russia annexed Crimea in 2014.', ['2014 2014-01-01..2014-12-31 year year']],
  ['The vote is expected in 2017.', ['2017 2017-01-01..2017-12-31 year year']],
  ['Inflation fell earlier this year.', ['earlier this year 2016-01-01..2016-12-29 year year-range']],
  ['Growth slowed last year.', ['last year 2015-01-01..2015-12-31 year year-range']],
  ['Mid-2015 saw heavy fighting.', ['Mid-2015 2015-05-01..2015-08-31 year year']],
  ['Relations soured in the 1990s.', ['1990s 1990-01-01..1999-12-31 year decade']],
  [
    'The country held elections in 2012 and in 2016.',
    ['2012 2012-01-01..2012-12-31 year year', '2016 2016-01-01..2016-12-31 year year'],
  ],
  ['He served for 2000 years.', []],
  ['She has 2015 reasons.', []],
  ['The budget rose by 2.5% to $2016 million.', []],
  // holidays: a date only when used as one
  ['The president addressed the nation on Christmas Day.', ['Christmas Day 2016-12-25 day holiday-past']],
  ['Troops will be home by Christmas.', ['Christmas 2017-12-25 day holiday-future']],
  ['The president will travel to Paris at Easter.', ['Easter 2017-04-16 day holiday-future']],
  ["The bombing on New Year's Eve killed 39.", ["New Year's Eve 2015-12-31 day holiday-past"]],
  ['Families travel during the New Year holidays.', []],
  ['He invited children to the New Year and Christmas tree celebrations.', []],
  // modifiers: kept, never an event's date
  ['The 2015 nuclear deal limits enrichment.', ['2015 2015-01-01..2015-12-31 year year MOD']],
  ["He spoke after Mr Trump's January 20 inauguration.", ['January 20 2017-01-20 day chrono MOD']],
  ['The Sept. 11 attacks changed US policy.', ['Sept. 11 2016-09-11 day chrono MOD']],
  ["The army said Thursday's attack killed 12.", ['Thursday 2016-12-29 day weekday-past MOD']],
  ["Last year's election was disputed.", ['Last year 2015-01-01..2015-12-31 year year-range MOD']],
  ['The Christmas Day attack killed 12.', ['Christmas Day 2016-12-25 day holiday-past MOD']],
  ['Yesterday police arrested 40 people.', ['Yesterday 2016-12-29 day chrono-relative']],
];

for (const [text, want] of CASES) {
  test(`dates: ${text}`, () => assert.deepEqual(datesOf(text), want));
}

test('dates: another publication date moves everything', () => {
  // 2017-03-15 is a Wednesday
  assert.deepEqual(datesOf('The army attacked the town on Thursday.', '2017-03-15'), [
    'Thursday 2017-03-09 day weekday-past',
  ]);
  assert.deepEqual(datesOf('Talks will resume next week.', '2017-03-15'), [
    'next week 2017-03-20..2017-03-26 week week-range',
  ]);
  assert.deepEqual(datesOf('The treaty was signed in March.', '2017-03-15'), [
    'March 2017-03-01..2017-03-31 month month-past',
  ]);
});

test('dates: character offsets point at the phrase', () => {
  const doc = docOf('First sentence here. The army attacked the town on Thursday.');
  const [d] = findDates(doc);
  assert.ok(d);
  assert.equal(doc.text.slice(d.start, d.end), 'Thursday');
  assert.equal(d.sent, 1);
});

test('dates: the tense of a clause overrides the local heuristic', () => {
  const doc = docOf('Officials meet on Tuesday.');
  // a clause layer that says the verb group is future
  const clause: Clause = {
    i: 0,
    sent: 0,
    role: 'main',
    vgStart: 1,
    vgEnd: 2,
    head: 1,
    verb: { lemma: 'meet', negated: false, tense: 'future', voice: 'active', form: 'finite', aux: [] },
    pps: [],
    start: 0,
    end: doc.tokens.length,
  };
  assert.equal(findDates(doc)[0]?.date, '2016-12-27'); // present: the nearest Tuesday
  doc.clauses = [clause];
  assert.equal(findDates(doc)[0]?.date, '2017-01-03');
  assert.equal(findDates(doc)[0]?.rule, 'weekday-future');
});

const SEED = '/work/shared/seed/000_b682c74007a363c0.txt';

test('dates: the seed article', { skip: !existsSafe(SEED) }, () => {
  const doc = docOf(readFileSync(SEED, 'utf8'));
  doc.dates = findDates(doc);
  const lines = doc.dates.map(
    (d) => `${d.sent} ${d.text} ${d.date}${d.range ? `..${d.range[1]}` : ''}${d.modifier ? ' MOD' : ''}`,
  );
  assert.deepEqual(lines, [
    '1 Thursday 2016-12-29',
    '10 January 20 2017-01-20 MOD',
    '11 Thursday 2016-12-29',
    '15 next week 2017-01-02..2017-01-08',
  ]);
  const sanctions = doc.sentences[11]!;
  assert.deepEqual(dateForSpan(doc, 11, sanctions.tokStart, sanctions.tokEnd), {
    date: '2016-12-29',
    dateSource: 'text',
  });
  const meeting = doc.sentences[15]!;
  assert.deepEqual(dateForSpan(doc, 15, meeting.tokStart, meeting.tokEnd), {
    date: '2017-01-02',
    dateSource: 'text',
    dateRange: ['2017-01-02', '2017-01-08'],
  });
  // the inauguration date is a modifier: the sentence's event is dated by publication
  const s10 = doc.sentences[10]!;
  assert.deepEqual(dateForSpan(doc, 10, s10.tokStart, s10.tokEnd), { date: PUB, dateSource: 'publication' });
});

test('dateForSpan: inside the span first, else nearest in the sentence, else publication', () => {
  const doc = docOf('Rebels attacked the town on Thursday and the army responded yesterday. Nothing else.');
  doc.dates = findDates(doc);
  const t = (w: string) => doc.tokens.findIndex((x) => x.text === w);
  // the first clause [Rebels … Thursday]
  assert.equal(dateForSpan(doc, 0, 0, t('and')).date, '2016-12-29');
  // the second clause [the army responded yesterday]
  assert.equal(dateForSpan(doc, 0, t('and') + 1, t('.') + 1).date, '2016-12-29');
  // a span with no date inside takes the nearest date of the sentence
  const r = dateForSpan(doc, 0, t('army'), t('responded') + 1);
  assert.deepEqual(r, { date: '2016-12-29', dateSource: 'text' });
  assert.deepEqual(dateForSpan(doc, 1, t('Nothing'), t('else') + 1), {
    date: PUB,
    dateSource: 'publication',
  });
});

test('dateForSpan: a date in a separate clause does not date the event', () => {
  const doc = docOf('Rebels attacked the town on Thursday and the army responded.');
  doc.dates = findDates(doc);
  const and = doc.tokens.findIndex((x) => x.text === 'and');
  const verb = {
    lemma: 'x',
    negated: false,
    tense: 'past' as const,
    voice: 'active' as const,
    form: 'finite' as const,
  };
  doc.clauses = [
    {
      i: 0,
      sent: 0,
      role: 'main',
      vgStart: 1,
      vgEnd: 2,
      head: 1,
      verb: { ...verb, aux: [] },
      pps: [],
      start: 0,
      end: and,
    },
    {
      i: 1,
      sent: 0,
      role: 'coordinate',
      vgStart: and + 3,
      vgEnd: and + 4,
      head: and + 3,
      verb: { ...verb, aux: [] },
      pps: [],
      start: and + 1,
      end: doc.tokens.length,
    },
  ];
  assert.deepEqual(dateForSpan(doc, 0, and + 1, doc.tokens.length), { date: PUB, dateSource: 'publication' });
  assert.equal(dateForSpan(doc, 0, 0, and).date, '2016-12-29');
});

// speed is measured by `npm run bench`, not here: a long document finds each of its dates once, and nothing else
test('dates: a 1,000-sentence document yields exactly its 250 date phrases', () => {
  const para =
    'The Obama administration imposed sweeping sanctions on Russia on Thursday. ' +
    'Mr Putin rejected the proposal and invited the children of diplomats to a party. ' +
    'The ministry said it would respond. Officials declined to comment on the matter. ';
  const doc = docOf(para.repeat(250));
  const ds = findDates(doc);
  assert.equal(ds.length, 250);
  assert.ok(ds.every((d) => d.text === 'Thursday' || d.text === 'on Thursday'));
});

function existsSafe(p: string): boolean {
  try {
    readFileSync(p);
    return true;
  } catch {
    return false;
  }
}
