/**
 * Stage 6, dates: the date phrases of a document, resolved against the publication date (`doc.meta.date`).
 *
 * chrono-node finds explicit and relative days ("December 29", "yesterday", "two days ago"); news rules on top
 * resolve what chrono gets wrong or leaves out: bare weekdays by the tense of their clause, ISO weeks, months and
 * years as ranges, "earlier this month", "late last year", month names, bare years, decades and holidays.
 * Dates that modify a noun ("the 2015 nuclear deal", "Mr Trump's January 20 inauguration") are kept but marked
 * `modifier`, so they never date the clause's event. The rules and the decisions are in docs/dates-and-quotes.md.
 */
import * as chrono from 'chrono-node';
import { MONTH_NUMBERS, WEEKDAY_NAMES } from '../core/calendar.ts';
import type { DateMention, Doc, Sentence, Token } from '../core/doc.ts';
import type { IsoDate } from '../core/types.ts';
import {
  dayFromYmd,
  dayOf,
  easterSunday,
  isoOf,
  isoWeek,
  monthSpan,
  type Part,
  partOfMonth,
  partOfWeek,
  partOfYear,
  thanksgiving,
  weekdayOf,
  yearSpan,
  ymdOf,
} from './calendar.ts';
import { type Tense, tenseAt } from './tense.ts';

type Grain = DateMention['grain'];

interface Cand {
  /** absolute character offsets */
  start: number;
  end: number;
  date: number;
  range?: [number, number];
  grain: Grain;
  rule: string;
  /** higher wins an overlap: explicit chrono days 3, news rules 2, relative chrono days 1 */
  prio: number;
  /** a modifier by construction (a holiday followed by a noun) */
  modifier?: boolean;
}

interface Ctx {
  doc: Doc;
  s: Sentence;
  text: string;
  pub: number;
}

/** cheap test: does the sentence contain anything a date could be made of? */
const PRECHECK =
  /\d|\b(?:(?:jan|febr)uary|march|april|may|june|july|august|(?:sept|octo|nov|dec)ember|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|ago|week|month|year|christmas|easter|thanksgiving|hence)/i;

const WEEKDAYS = WEEKDAY_NAMES;
const MONTHS = MONTH_NUMBERS;
/** prepositions that make a following holiday, month or year a time expression */
const TEMPORAL_PREP = new Set([
  'on',
  'in',
  'at',
  'over',
  'during',
  'before',
  'after',
  'until',
  'till',
  'since',
  'by',
  'from',
  'through',
  'throughout',
  'around',
  'of',
  'to',
  'between',
  'for',
]);
const POSSESSIVE_DET = new Set([
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  "'s",
  'the',
  'a',
  'an',
  'this',
  'that',
]);
const TIME_OF_DAY = new Set([
  'morning',
  'afternoon',
  'evening',
  'night',
  'noon',
  'midnight',
  'overnight',
  'time',
]);

/** Finds and resolves the date phrases of every sentence. Reads doc.tokens, doc.sentences and (if set) doc.clauses. */
export function findDates(doc: Doc): DateMention[] {
  const out: DateMention[] = [];
  const pub = dayOf(doc.meta.date);
  const ref: chrono.ParsingReference = { instant: new Date(`${doc.meta.date}T12:00:00Z`), timezone: 'UTC' };
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    if (!PRECHECK.test(text)) continue;
    const ctx: Ctx = { doc, s, text, pub };
    const cands: Cand[] = [];
    weekdays(ctx, cands);
    relativeUnits(ctx, cands);
    monthNames(ctx, cands);
    years(ctx, cands);
    holidays(ctx, cands);
    chronoDays(ctx, ref, cands);
    for (const c of select(cands)) out.push(toMention(ctx, c));
  }
  return out;
}

/** highest priority first, then longest; keep what does not overlap an earlier choice */
function select(cands: Cand[]): Cand[] {
  if (cands.length < 2) return cands;
  cands.sort((a, b) => b.prio - a.prio || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Cand[] = [];
  for (const c of cands) if (!chosen.some((o) => c.start < o.end && o.start < c.end)) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}

function toMention(ctx: Ctx, c: Cand): DateMention {
  const { doc, s } = ctx;
  const m: DateMention = {
    start: c.start,
    end: c.end,
    sent: s.i,
    text: doc.text.slice(c.start, c.end),
    date: isoOf(c.range ? c.range[0] : c.date),
    grain: c.grain,
    rule: c.rule,
  };
  if (c.range) m.range = [isoOf(c.range[0]), isoOf(c.range[1])];
  if (c.modifier || isModifier(ctx, c.start, c.end)) m.modifier = true;
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// tokens around a span

/** index of the first token of the sentence ending after `char` */
function tokAt(ctx: Ctx, char: number): number {
  const { doc, s } = ctx;
  for (let k = s.tokStart; k < s.tokEnd; k++) if (doc.tokens[k]!.end > char) return k;
  return s.tokEnd;
}
/** index one past the last token starting before `char` */
function tokEndAt(ctx: Ctx, char: number): number {
  const { doc, s } = ctx;
  let k = tokAt(ctx, char - 1);
  while (k < s.tokEnd && doc.tokens[k]!.start < char) k++;
  return k;
}
function tokenBefore(ctx: Ctx, char: number, back = 1): Token | undefined {
  const k = tokAt(ctx, char) - back;
  return k >= ctx.s.tokStart ? ctx.doc.tokens[k] : undefined;
}
function tokenAfter(ctx: Ctx, char: number, ahead = 0): Token | undefined {
  const k = tokEndAt(ctx, char) + ahead;
  return k < ctx.s.tokEnd ? ctx.doc.tokens[k] : undefined;
}
const isNominal = (t: Token | undefined) =>
  !!t && (t.pos === 'NOUN' || t.pos === 'ADJ') && /^[a-z]/.test(t.text) && !TIME_OF_DAY.has(t.norm);

/**
 * A date before a noun, after a determiner or possessive, describes the noun ("the 2015 nuclear deal",
 * "Mr Trump's January 20 inauguration"); so does a date in the possessive ("Thursday's vote").
 */
function isModifier(ctx: Ctx, start: number, end: number): boolean {
  const next = tokenAfter(ctx, end);
  if (next && next.norm === "'s" && isNominal(tokenAfter(ctx, end, 1))) return true;
  if (!isNominal(next)) return false;
  const prev = tokenBefore(ctx, start);
  if (!prev) return false;
  return prev.pos === 'DET' || POSSESSIVE_DET.has(prev.norm) || prev.pos === 'PART';
}

function tense(ctx: Ctx, char: number): Tense | undefined {
  return tenseAt(ctx.doc, ctx.s.i, tokAt(ctx, char));
}

// ---------------------------------------------------------------------------------------------------------------
// weekdays

const WEEKDAY_RE =
  /\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(s?)(?:\s+(morning|afternoon|evening|night))?\b/g;

function weekdays(ctx: Ctx, out: Cand[]): void {
  WEEKDAY_RE.lastIndex = 0;
  for (let m = WEEKDAY_RE.exec(ctx.text); m; m = WEEKDAY_RE.exec(ctx.text)) {
    if (m[3]) continue; // "on Mondays": habitual
    const wd = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    const start = ctx.s.start + m.index;
    const end = start + m[0].length;
    const pubWd = weekdayOf(ctx.pub);
    const back = (pubWd - wd + 7) % 7;
    const fwd = (wd - pubWd + 7) % 7;
    const mod = m[1]?.toLowerCase();
    let day: number;
    let rule: string;
    if (mod === 'last' || mod === 'past') {
      day = ctx.pub - (back || 7);
      rule = 'weekday-last';
    } else if (mod === 'next' || mod === 'coming') {
      day = ctx.pub + (fwd || 7);
      rule = 'weekday-next';
    } else {
      const t = tense(ctx, start);
      if (t === 'future') {
        day = ctx.pub + fwd;
        rule = 'weekday-future';
      } else if (t === 'present') {
        day = back <= fwd ? ctx.pub - back : ctx.pub + fwd;
        rule = 'weekday-nearest';
      } else {
        day = ctx.pub - back;
        rule = 'weekday-past';
      }
    }
    out.push({ start, end, date: day, grain: 'day', rule, prio: 2 });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// this/next/last week, month, year — with earlier/later/early/mid/late

const REL_RE = /\b(?:(earlier|later|early|late|mid)[\s-]+)?(this|next|last)\s+(week|month|year)\b/gi;

function relativeUnits(ctx: Ctx, out: Cand[]): void {
  REL_RE.lastIndex = 0;
  const { pub } = ctx;
  const { y, m: mo } = ymdOf(pub);
  for (let m = REL_RE.exec(ctx.text); m; m = REL_RE.exec(ctx.text)) {
    const part = m[1]?.toLowerCase();
    const which = m[2]!.toLowerCase();
    const unit = m[3]!.toLowerCase() as 'week' | 'month' | 'year';
    const step = which === 'next' ? 1 : which === 'last' ? -1 : 0;
    let span: [number, number];
    if (unit === 'week') span = isoWeek(pub + 7 * step);
    else if (unit === 'month') span = monthSpan(y, mo + step);
    else span = yearSpan(y + step);
    if (part === 'earlier' && step === 0) span = [span[0], Math.max(span[0], pub - 1)];
    else if (part === 'later' && step === 0) span = [Math.min(span[1], pub + 1), span[1]];
    else if (part) {
      const p: Part = part === 'earlier' || part === 'early' ? 'early' : part === 'mid' ? 'mid' : 'late';
      if (unit === 'week') span = partOfWeek(span[0], p);
      else if (unit === 'month') {
        const first = ymdOf(span[0]);
        span = partOfMonth(first.y, first.m, p);
      } else span = partOfYear(ymdOf(span[0]).y, p);
    }
    const start = ctx.s.start + m.index;
    out.push({
      start,
      end: start + m[0].length,
      date: span[0],
      range: span,
      grain: unit,
      rule: `${unit}-range`,
      prio: 2,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// month names without a day: "in March", "last March", "early January", "March 2015"

const MONTH_RE =
  /\b(?:([Ee]arly|[Ll]ate|[Mm]id|[Ee]arlier|[Ll]ater)[\s-]+(?:in\s+)?)?(?:([Ll]ast|[Nn]ext|[Tt]his)\s+)?(January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)(?:,?\s+(?:of\s+)?((?:1[89]|20)\d\d)\b)?/g;
/** month names that are also common words or names ("Theresa May", "the March") */
const AMBIGUOUS_MONTH = new Set(['may', 'march']);

function monthNames(ctx: Ctx, out: Cand[]): void {
  MONTH_RE.lastIndex = 0;
  const { text, pub } = ctx;
  const { y: py, m: pm } = ymdOf(pub);
  for (let m = MONTH_RE.exec(text); m; m = MONTH_RE.exec(text)) {
    const after = text.slice(m.index + m[0].length);
    const before = text.slice(0, m.index);
    if (!m[4] && /^\s*\d{1,2}(?:st|nd|rd|th)?\b/.test(after)) continue; // "March 3": a day, chrono's
    if (/\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$/.test(before)) continue; // "3 March"
    const name = m[3]!.toLowerCase().replace('.', '');
    const month = MONTHS[name]!;
    const start = ctx.s.start + m.index;
    const end = start + m[0].length;
    const prev = tokenBefore(ctx, start);
    if (AMBIGUOUS_MONTH.has(name) && !m[1] && !m[2] && !m[4] && !(prev && TEMPORAL_PREP.has(prev.norm)))
      continue;
    let year: number;
    let rule = 'month-name';
    if (m[4]) year = +m[4];
    else if (m[2]) {
      const w = m[2].toLowerCase();
      year = w === 'this' ? py : w === 'last' ? (month < pm ? py : py - 1) : month > pm ? py : py + 1;
      rule = `month-${w}`;
    } else {
      const t = tense(ctx, start);
      const back = (pm - month + 12) % 12;
      const fwd = (month - pm + 12) % 12;
      const dir = t === 'past' ? -1 : t === 'future' ? 1 : back <= fwd ? -1 : 1;
      year = dir < 0 ? (month <= pm ? py : py - 1) : month >= pm ? py : py + 1;
      rule = t === 'past' ? 'month-past' : t === 'future' ? 'month-future' : 'month-nearest';
    }
    const p = m[1]?.toLowerCase();
    const part: Part | undefined = p
      ? p.startsWith('earl')
        ? 'early'
        : p === 'mid'
          ? 'mid'
          : 'late'
      : undefined;
    const span = part ? partOfMonth(year, month, part) : monthSpan(year, month);
    out.push({ start, end, date: span[0], range: span, grain: 'month', rule, prio: 2 });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// bare years and decades

const YEAR_RE = /(?<![\d$£€.,/-])\b(?:([Ee]arly|[Ll]ate|[Mm]id)[\s-]+)?((?:1[89]|20)\d\d)\b(?![%\d]|[.,]\d)/g;
const DECADE_RE = /\b((?:1[89]|20)\d0)['’]?s\b/g;

function years(ctx: Ctx, out: Cand[]): void {
  const { text } = ctx;
  const py = ymdOf(ctx.pub).y;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
    const year = +m[2]!;
    if (year < py - 200 || year > py + 50) continue;
    const start = ctx.s.start + m.index;
    const end = start + m[0].length;
    const prev = tokenBefore(ctx, start);
    const next = tokenAfter(ctx, end);
    let ok = !!m[1];
    if (!ok && prev && TEMPORAL_PREP.has(prev.norm))
      ok = !(next && next.pos === 'NOUN' && /^[a-z].*s$/.test(next.text)); // "for 2000 years": a count
    if (!ok && prev && (prev.pos === 'DET' || POSSESSIVE_DET.has(prev.norm)) && isNominal(next)) ok = true;
    if (!ok) continue;
    const p = m[1]?.toLowerCase() as Part | undefined;
    const span = p ? partOfYear(year, p) : yearSpan(year);
    out.push({ start, end, date: span[0], range: span, grain: 'year', rule: 'year', prio: 2 });
  }
  DECADE_RE.lastIndex = 0;
  for (let m = DECADE_RE.exec(text); m; m = DECADE_RE.exec(text)) {
    const y0 = +m[1]!;
    const start = ctx.s.start + m.index;
    const span: [number, number] = [yearSpan(y0)[0], yearSpan(y0 + 9)[1]];
    out.push({
      start,
      end: start + m[0].length,
      date: span[0],
      range: span,
      grain: 'year',
      rule: 'decade',
      prio: 2,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// holidays

const HOLIDAY_RE =
  /\b(?:Christmas(?:\s+(Day|Eve))?|New\s+Year(['’]s)?(?:\s+(Day|Eve))?|Easter(?:\s+(Sunday|Monday))?|Thanksgiving(?:\s+(Day))?)\b/g;

function holidayDay(name: string, y: number): number {
  if (name.startsWith('christmas')) return dayFromYmd(y, 12, name.endsWith('eve') ? 24 : 25);
  if (name.startsWith('new')) return name.endsWith('eve') ? dayFromYmd(y - 1, 12, 31) : dayFromYmd(y, 1, 1);
  if (name.startsWith('easter')) return easterSunday(y) + (name.endsWith('monday') ? 1 : 0);
  return thanksgiving(y);
}

function holidays(ctx: Ctx, out: Cand[]): void {
  HOLIDAY_RE.lastIndex = 0;
  const { text, pub } = ctx;
  for (let m = HOLIDAY_RE.exec(text); m; m = HOLIDAY_RE.exec(text)) {
    const start = ctx.s.start + m.index;
    const end = start + m[0].length;
    const named = !!(m[1] || m[2] || m[3] || m[4] || m[5]); // "Christmas Day", "New Year's", "Easter Sunday"
    const next = tokenAfter(ctx, end);
    let modifier = false;
    if (isNominal(next) || next?.norm === "'s") {
      // "the New Year holidays", "the Christmas tree": not a date; "the Christmas Day attack": a modifier
      if (!m[1] && !m[3] && !m[4] && !m[5]) continue;
      modifier = true;
    } else {
      let prev = tokenBefore(ctx, start);
      if (prev?.norm === 'the') prev = tokenBefore(ctx, start, 2);
      if (!named && !(prev && TEMPORAL_PREP.has(prev.norm) && prev.norm !== 'to' && prev.norm !== 'of'))
        continue;
    }
    const name = m[0].toLowerCase().replace(/\s+/g, ' ');
    const { y } = ymdOf(pub);
    // New Year's Eve of year y is December 31 of y-1 in holidayDay's numbering
    const occ = [y - 1, y, y + 1, y + 2].map((yy) => holidayDay(name, yy));
    const t = tense(ctx, start);
    let day: number;
    let rule: string;
    if (t === 'past') {
      day = Math.max(...occ.filter((d) => d <= pub));
      rule = 'holiday-past';
    } else if (t === 'future') {
      day = Math.min(...occ.filter((d) => d >= pub));
      rule = 'holiday-future';
    } else {
      day = occ.reduce((a, b) => (Math.abs(b - pub) < Math.abs(a - pub) ? b : a));
      rule = 'holiday-nearest';
    }
    out.push({ start, end, date: day, grain: 'day', rule, prio: 2, modifier });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// chrono: explicit days ("December 29", "29/12/2016") and relative days ("yesterday", "two days ago")

const LEADING_PREP = /^(?:on|in|at|by|since|during|from|until|till|before|after|of|for|around)\s+/i;

/** chrono only contributes days: explicit ones need a digit, relative ones one of these words */
const CHRONO_PRECHECK =
  /\d|yesterday|today|tonight|tomorrow|\bago\b|from now|\bnight\b|morning|afternoon|evening|\bnoon\b|\bend of\b|\b(?:in|within)\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+(?:days?|weeks?|months?|years?)\b/i;

function chronoDays(ctx: Ctx, ref: chrono.ParsingReference, out: Cand[]): void {
  if (!CHRONO_PRECHECK.test(ctx.text)) return;
  for (const r of chrono.casual.parse(ctx.text, ref, { forwardDate: false })) {
    const st = r.start;
    const tags = st.tags();
    // weekdays, months, years and bare clock times are the news rules' business; "two months ago" is chrono's
    if (
      !st.isCertain('day') &&
      !(tags.has('result/relativeDate') && /\b(?:months?|years?)\s+ago$/i.test(r.text))
    )
      continue;
    if (tags.has('casualReference/now')) continue;
    // a bare duration ("2000 years", "two days") is not a date; "two days ago", "in two days" are
    if (
      tags.has('result/relativeDate') &&
      !/\bago$|\bfrom now$|^(?:in|within)\s|^(?:next|last|this|past)\s/i.test(r.text)
    )
      continue;
    let text = r.text;
    let index = r.index;
    const lead = LEADING_PREP.exec(text);
    if (lead) {
      text = text.slice(lead[0].length);
      index += lead[0].length;
    }
    // "three weeks later", "two days earlier": relative to the story, not to the publication date
    if (/\b(?:later|earlier|before|after|since)$/i.test(text)) continue;
    const start = ctx.s.start + index;
    const end = start + text.length;
    if (/^Today$/.test(text)) {
      const prev = tokenBefore(ctx, start);
      if (prev?.pos === 'PROPN') continue; // "Russia Today", "USA Today"
    }
    let relative = false;
    for (const t of tags)
      if (t.startsWith('result/relative') || t.startsWith('casualReference')) relative = true;
    const day = dayFromYmd(st.get('year')!, st.get('month')!, st.get('day')!);
    let grain: Grain = 'day';
    let range: [number, number] | undefined;
    if (relative && /\bmonths?\b/i.test(text)) {
      grain = 'month';
      const { y, m } = ymdOf(day);
      range = monthSpan(y, m);
    } else if (relative && /\byears?\b/i.test(text)) {
      grain = 'year';
      range = yearSpan(ymdOf(day).y);
    } else if (r.end?.isCertain('day')) {
      const e = r.end;
      const endDay = dayFromYmd(e.get('year')!, e.get('month')!, e.get('day')!);
      if (endDay > day) range = [day, endDay];
    }
    out.push({
      start,
      end,
      date: day,
      ...(range ? { range } : {}),
      grain,
      rule: relative ? 'chrono-relative' : 'chrono',
      prio: relative ? 1 : 3,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// the date of an event

export interface SpanDate {
  date: IsoDate;
  dateSource: 'text' | 'publication';
  dateRange?: [IsoDate, IsoDate];
}

/**
 * The date of an event whose clause covers tokens [tokStart, tokEnd) of sentence `sent`: the first non-modifier
 * date inside that range; else the nearest non-modifier date elsewhere in the sentence that does not belong to a
 * separate clause; else the publication date. A range dates the event by its first day and sets `dateRange`.
 * Reads doc.dates (assign `doc.dates = findDates(doc)` first).
 */
export function dateForSpan(doc: Doc, sent: number, tokStart: number, tokEnd: number): SpanDate {
  const a = doc.tokens[tokStart];
  const b = doc.tokens[Math.max(tokStart, tokEnd - 1)];
  if (!a || !b) return { date: doc.meta.date, dateSource: 'publication' };
  const lo = a.start;
  const hi = b.end;
  let inside: DateMention | undefined;
  let near: DateMention | undefined;
  let nearDist = Number.POSITIVE_INFINITY;
  for (const d of doc.dates) {
    if (d.sent !== sent || d.modifier) continue;
    if (d.start >= lo && d.end <= hi) {
      if (!inside || d.start < inside.start) inside = d;
      continue;
    }
    if (inSeparateClause(doc, sent, d, tokStart, tokEnd)) continue;
    const dist = d.end <= lo ? lo - d.end : d.start - hi;
    if (dist < nearDist) {
      near = d;
      nearDist = dist;
    }
  }
  const d = inside ?? near;
  if (!d) return { date: doc.meta.date, dateSource: 'publication' };
  return d.range
    ? { date: d.range[0], dateSource: 'text', dateRange: [d.range[0], d.range[1]] }
    : { date: d.date, dateSource: 'text' };
}

/** the date lies in a clause whose token range is disjoint from the event's span */
function inSeparateClause(doc: Doc, sent: number, d: DateMention, tokStart: number, tokEnd: number): boolean {
  if (doc.clauses.length === 0) return false;
  let tok = -1;
  const s = doc.sentences[sent]!;
  for (let k = s.tokStart; k < s.tokEnd; k++)
    if (doc.tokens[k]!.end > d.start) {
      tok = k;
      break;
    }
  if (tok < 0) return false;
  for (const c of doc.clauses) {
    if (c.sent !== sent || tok < c.start || tok >= c.end) continue;
    if (c.end <= tokStart || c.start >= tokEnd) {
      // disjoint, unless an enclosing clause of the date also encloses the span
      const enclosing = doc.clauses.some(
        (o) => o.sent === sent && o.start <= tok && tok < o.end && o.start <= tokStart && tokEnd <= o.end,
      );
      if (!enclosing) return true;
    }
  }
  return false;
}
