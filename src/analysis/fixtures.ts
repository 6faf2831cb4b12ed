/**
 * Hand-written event records for the seed article (FT, 2016-12-30, "Russia will not expel any US diplomats"),
 * mirroring what the coder must output for it: the US sanctions and expulsions (2016-12-29), Russia's negated
 * expulsion, Lavrov's proposed expulsion and Putin's rejection of it (2016-12-30). Used by tests and demos.
 */
import type { Actor, EventRecord } from '../core/types.ts';

export const SEED_DOC = '000_b682c74007a363c0';
const DOC = SEED_DOC;

function actor(text: string, code: string, name?: string): Actor {
  const a: Actor = {
    text,
    start: 0,
    end: text.length,
    code,
    country: code.slice(0, 3),
    types: code.length > 3 ? [code.slice(3)] : [],
  };
  if (name) a.name = name;
  return a;
}

function event(
  id: string,
  sentence: number,
  date: string,
  source: Actor,
  target: Actor,
  code: string,
  goldstein: number,
  quad: number,
  modality: EventRecord['modality'],
  trigger: string,
): EventRecord {
  return {
    id: `${DOC}-${id}`,
    doc: DOC,
    sentence,
    date,
    dateSource: 'text',
    source,
    target,
    code,
    root: code.slice(0, 2),
    goldstein,
    quad,
    plover: { event: code.startsWith('12') ? 'REJECT' : 'SANCTION' },
    modality,
    evidence: [
      {
        start: 0,
        end: trigger.length,
        text: trigger,
        trigger: { start: 0, end: trigger.length, text: trigger },
        rule: 'hand-written',
      },
    ],
    confidence: 0.9,
  };
}

const obama = actor('The Obama administration', 'USAGOV');
const washington = actor('the US', 'USAGOV');
const russia = actor('Russia', 'RUS');
const lavrov = actor('Sergei Lavrov', 'RUSGOV', 'Sergei Lavrov');
const putin = actor('Mr Putin', 'RUSGOV', 'Vladimir Putin');
const us = actor('US diplomats', 'USAGOV');

export const seedEvents: EventRecord[] = [
  event(
    'e1',
    6,
    '2016-12-29',
    obama,
    russia,
    '163',
    -8,
    4,
    'asserted',
    'imposed sweeping sanctions on Russia',
  ),
  event(
    'e2',
    7,
    '2016-12-29',
    washington,
    russia,
    '161',
    -4,
    4,
    'asserted',
    'expelling 35 alleged Russian operatives',
  ),
  event('e3', 0, '2016-12-30', russia, us, '161', -4, 4, 'negated', 'will not expel any US diplomats'),
  event('e4', 3, '2016-12-30', lavrov, us, '161', -4, 4, 'proposed', 'proposed … expelling 35 US diplomats'),
  event('e5', 3, '2016-12-30', putin, us, '120', -4, 3, 'asserted', 'Mr Putin rejected the proposal'),
];
