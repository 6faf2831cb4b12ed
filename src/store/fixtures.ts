/** Deterministic synthetic event records for store tests and the benchmark. */
import type { Actor, EventRecord } from '../core/types.ts';

const COUNTRIES = [
  'RUS',
  'USA',
  'UKR',
  'CHN',
  'FRA',
  'DEU',
  'GBR',
  'IRN',
  'ISR',
  'TUR',
  'IND',
  'JPN',
  'BRA',
  'ZAF',
  'EGY',
  'SAU',
];
const TYPES = ['', 'GOV', 'MIL', 'BUS', 'MED', 'REB'];
const CODES = [
  '010',
  '020',
  '036',
  '042',
  '051',
  '061',
  '071',
  '112',
  '120',
  '138',
  '141',
  '163',
  '172',
  '190',
  '0251',
  '1662',
];
const QUAD: Record<string, number> = { '0': 1, '1': 3 };

export function actor(code: string, start = 0): Actor {
  const country = /^[A-Z]{3}/.test(code) && !code.startsWith('---') ? code.slice(0, 3) : null;
  const rest = code.slice(3);
  const types = rest ? (rest.match(/.{3}/g) ?? []) : [];
  return { text: code, start, end: start + code.length, code, country, types };
}

export interface SyntheticOptions {
  doc?: string;
  date?: string;
  source?: string | null;
  target?: string | null;
  code?: string;
  modality?: EventRecord['modality'];
  sentence?: number;
}

/** The i-th synthetic event: every field of the contract filled, values spread over a few countries and codes. */
export function syntheticEvent(i: number, o: SyntheticOptions = {}): EventRecord {
  const src = o.source !== undefined ? o.source : `${COUNTRIES[i % 16]}${TYPES[i % 6]}`;
  const tgt =
    o.target !== undefined
      ? o.target
      : `${COUNTRIES[(i * 7 + 3 + Math.floor(i / 16)) % 16]}${TYPES[(i >> 2) % 6]}`;
  const code = o.code ?? (CODES[i % 16] as string);
  const day = 1 + (i % 28);
  const date =
    o.date ??
    `2024-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const sentence = o.sentence ?? i % 5;
  const start = sentence * 40;
  const e: EventRecord = {
    id: `${o.doc ?? `d${Math.floor(i / 4)}`}-e${i}`,
    doc: o.doc ?? `d${Math.floor(i / 4)}`,
    sentence,
    date,
    dateSource: i % 3 === 0 ? 'text' : 'publication',
    source: src === null ? null : actor(src, start),
    target: tgt === null ? null : actor(tgt, start + 20),
    code,
    root: code.slice(0, 2),
    goldstein: Number((((i % 21) - 10) * 0.5).toFixed(1)),
    quad: QUAD[code[0] as string] ?? (Number(code.slice(0, 2)) >= 14 ? 4 : 2),
    plover: i % 2 ? { event: 'SANCTION', mode: 'withdraw' } : { event: 'CONSULT' },
    modality: o.modality ?? 'asserted',
    evidence: [
      {
        start,
        end: start + 38,
        text: `evidence sentence ${i}\twith "tab" and\nnewline`,
        trigger: { start: start + 9, end: start + 15, text: 'agreed' },
        rule: `verb:${code} synthetic (fixtures.ts:${i % 50})`,
        entries: ['actor:1', `verb:${i % 9}`],
        sentence,
      },
    ],
    confidence: (i % 10) / 10,
  };
  if (i % 3 === 0) e.dateRange = [date, date];
  if (i % 4 === 0) e.quote = { start, end: start + 30, speaker: actor('USAGOV', start) };
  if (i % 5 === 0) e.codeName = 'Synthetic code name';
  if (i % 7 === 0) e.inResponseTo = 'in response to';
  return e;
}
