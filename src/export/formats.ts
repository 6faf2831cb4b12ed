/**
 * Export formats: GDELT 2.0 Events (61 tab-separated columns, one row per cluster), GDELT 2.0 Mentions
 * (16 columns, one row per event report, with character offsets), PLOVER JSON lines, JSON lines, CSV, and
 * Parquet (written by DuckDB). Column lists are written out here from the GDELT 2.0 codebook.
 */
import type { Actor } from '../core/types.ts';
import type { Cluster, StoredEvent } from '../store/store.ts';

export const EXPORT_FORMATS = ['gdelt', 'gdelt-mentions', 'plover', 'jsonl', 'csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const ACTOR_FIELDS = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
];
const GEO_FIELDS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** GDELT 2.0 Events, in codebook order (61 columns). */
export const GDELT_EVENT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`),
  ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`),
  ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`),
  ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED',
  'SOURCEURL',
];

/** GDELT 2.0 Mentions, in codebook order (16 columns). */
export const GDELT_MENTION_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'EventTimeDate',
  'MentionTimeDate',
  'MentionType',
  'MentionSourceName',
  'MentionIdentifier',
  'SentenceID',
  'Actor1CharOffset',
  'Actor2CharOffset',
  'ActionCharOffset',
  'InRawText',
  'Confidence',
  'MentionDocLen',
  'MentionDocTone',
  'MentionDocTranslationInfo',
  'Extras',
];

/** a field value for a tab-separated line: no tabs or line breaks inside */
const cell = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');

/** known international / non-state group codes (CAMEO 3-letter codes that are not countries) */
const KNOWN_GROUPS = new Set([
  'UNO',
  'NGO',
  'IGO',
  'EUR',
  'NAT',
  'WBK',
  'IMF',
  'WTO',
  'OPC',
  'ASN',
  'AFR',
  'ARL',
  'HMS',
  'MSF',
  'AMN',
  'ICC',
  'IRC',
  'SEA',
]);

function actorFields(a: Actor | null): string[] {
  if (!a) return ACTOR_FIELDS.map(() => '');
  const third = a.code.slice(0, 3);
  const known = a.country === null && KNOWN_GROUPS.has(third) ? third : '';
  const types = a.types.filter((t) => !KNOWN_GROUPS.has(t));
  return [
    a.code,
    (a.name ?? a.text).toUpperCase(),
    a.country ?? '',
    known,
    '',
    '',
    '',
    types[0] ?? '',
    types[1] ?? '',
    types[2] ?? '',
  ].map(cell);
}

/** FractionDate as the codebook defines it: YYYY + (MONTH * 30 + DAY) / 365, four decimals */
export function fractionDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (y + (m * 30 + d) / 365).toFixed(4);
}

const compact = (date: string) => date.replaceAll('-', '');

/** One GDELT 2.0 Events line (61 tab-separated fields) for a cluster. */
export function gdeltEventLine(c: Cluster): string {
  const day = compact(c.date);
  const inLead = c.evidence.some((e) => e.sentence === 0);
  const geo = GEO_FIELDS.map((_, i) => (i === 0 ? '0' : ''));
  const fields = [
    String(c.id),
    day,
    day.slice(0, 6),
    day.slice(0, 4),
    fractionDate(c.date),
    ...actorFields(c.source),
    ...actorFields(c.target),
    inLead ? '1' : '0',
    c.code,
    c.code.slice(0, 3),
    c.root,
    String(c.quad),
    String(Number(c.goldstein.toFixed(1))),
    String(c.mentions),
    String(c.sources),
    String(c.documents),
    '',
    ...geo,
    ...geo,
    ...geo,
    `${day}000000`,
    cell(c.url),
  ];
  return fields.join('\t');
}

function host(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.hostname ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** One GDELT 2.0 Mentions line (16 fields) for an event report; `docLen` is the document's length in characters. */
export function gdeltMentionLine(e: StoredEvent, docLen: number): string {
  const day = `${compact(e.date)}000000`;
  const web = e.url !== null && /^https?:/.test(e.url);
  const action = e.evidence[0]?.trigger.start ?? -1;
  return [
    String(e.clusterId),
    day,
    day,
    web ? '1' : '2',
    cell(e.outlet ?? host(e.url) ?? ''),
    cell(e.url ?? e.doc),
    String(e.sentence + 1),
    String(e.source?.start ?? -1),
    String(e.target?.start ?? -1),
    String(action),
    '1',
    String(Math.round(e.confidence * 100)),
    String(docLen),
    '',
    '',
    '',
  ].join('\t');
}

const PLOVER_QUAD: Record<string, number> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  REQUEST: 3,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 4,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

function ploverActor(a: Actor): Record<string, string> {
  const o: Record<string, string> = {
    code: a.country ?? a.code.slice(0, 3),
    entity_text: a.text,
    cameo_code: a.code,
  };
  if (a.types[0]) o.sector = a.types[0];
  if (a.name) o.entity_name = a.name;
  if (a.id) o.identifier_id = a.id;
  return o;
}

/** A PLOVER record (JSON object) for an event report. */
export function ploverRecord(e: StoredEvent): Record<string, unknown> {
  const ev = e.evidence[0];
  const rec: Record<string, unknown> = {
    id: e.id,
    has_event: true,
    date: e.date,
    actor: e.source ? [ploverActor(e.source)] : [],
    recipient: e.target ? [ploverActor(e.target)] : [],
    event: [e.plover.event],
    mode: e.plover.mode ? [e.plover.mode] : [],
    quad_code: PLOVER_QUAD[e.plover.event] ?? e.quad,
    event_text: ev?.text ?? '',
    text_info: { sequence: e.sentence, start: ev?.start ?? null, end: ev?.end ?? null },
    cite_info: {
      url: e.url,
      publication: e.outlet,
      coder: e.coderVersion,
      version: e.dictVersion,
      document: e.doc,
    },
    coder: 'riposte',
    cameo: { code: e.code, goldstein: e.goldstein, modality: e.modality },
  };
  if (e.dateRange) rec.enddate = e.dateRange[1];
  if (e.modality === 'negated') rec.mode = [...(rec.mode as string[]), 'negation'];
  if (e.modality === 'hypothetical') rec.mode = [...(rec.mode as string[]), 'hypothetical'];
  if (e.modality === 'intended' || e.modality === 'proposed')
    rec.mode = [...(rec.mode as string[]), 'future'];
  return rec;
}

/** The flat columns of CSV and Parquet exports (one row per event). */
export const FLAT_COLUMNS = [
  ['id', 'VARCHAR'],
  ['doc', 'VARCHAR'],
  ['doc_version', 'INTEGER'],
  ['sentence', 'INTEGER'],
  ['date', 'DATE'],
  ['date_source', 'VARCHAR'],
  ['source_code', 'VARCHAR'],
  ['source_name', 'VARCHAR'],
  ['source_country', 'VARCHAR'],
  ['target_code', 'VARCHAR'],
  ['target_name', 'VARCHAR'],
  ['target_country', 'VARCHAR'],
  ['code', 'VARCHAR'],
  ['root', 'VARCHAR'],
  ['goldstein', 'DOUBLE'],
  ['quad', 'INTEGER'],
  ['plover_event', 'VARCHAR'],
  ['plover_mode', 'VARCHAR'],
  ['modality', 'VARCHAR'],
  ['confidence', 'DOUBLE'],
  ['trigger', 'VARCHAR'],
  ['evidence_text', 'VARCHAR'],
  ['evidence_start', 'INTEGER'],
  ['evidence_end', 'INTEGER'],
  ['rule', 'VARCHAR'],
  ['outlet', 'VARCHAR'],
  ['url', 'VARCHAR'],
  ['cluster_id', 'BIGINT'],
  ['coder_version', 'VARCHAR'],
  ['dict_version', 'VARCHAR'],
  ['evidence_json', 'VARCHAR'],
] as const;

export function flatRow(e: StoredEvent): (string | number | null)[] {
  const ev = e.evidence[0];
  return [
    e.id,
    e.doc,
    e.docVersion,
    e.sentence,
    e.date,
    e.dateSource,
    e.source?.code ?? null,
    e.source ? (e.source.name ?? e.source.text) : null,
    e.source?.country ?? null,
    e.target?.code ?? null,
    e.target ? (e.target.name ?? e.target.text) : null,
    e.target?.country ?? null,
    e.code,
    e.root,
    e.goldstein,
    e.quad,
    e.plover.event,
    e.plover.mode ?? null,
    e.modality,
    e.confidence,
    ev?.trigger.text ?? null,
    ev?.text ?? null,
    ev?.start ?? null,
    ev?.end ?? null,
    ev?.rule ?? null,
    e.outlet,
    e.url,
    e.clusterId,
    e.coderVersion,
    e.dictVersion,
    JSON.stringify(e.evidence),
  ];
}

/** RFC 4180: quote fields holding commas, quotes or line breaks; null is an empty field */
export function csvLine(values: (string | number | null)[]): string {
  return values
    .map((v) => {
      if (v === null) return '';
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');
}
