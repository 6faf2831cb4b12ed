/**
 * The zod schemas of every API input: query strings (all values arrive as strings) and JSON bodies.
 * The OpenAPI document (`openapi.ts`) is generated from these, so validation and documentation agree.
 */
import { z } from 'zod';
import { DocInputSchema, MODALITIES } from '../core/types.ts';
import { EXPORT_FORMATS } from '../export/formats.ts';

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

export const DateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine(isRealDate, 'a real calendar date');

/** a whole number written in a query string, within bounds */
const int = (min: number, max: number, description: string) =>
  z
    .string()
    .regex(/^\d+$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .describe(description);

const flag = (description: string) =>
  z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .describe(description);

/** an actor code prefix: a country ("RUS") or a full CAMEO actor code ("RUSGOV", "---REB") */
export const ActorCodeParam = z
  .string()
  .regex(/^[A-Za-z-]{3,30}$/, 'a CAMEO actor code such as RUS or RUSGOV')
  .transform((s) => s.toUpperCase());

/** a dyad member: a country, an actor code, `name:…`, or an entity name */
export const SelectorParam = z.string().trim().min(1, 'an actor (RUS, RUSGOV or a name)').max(120);

export const ByParam = z.enum(['day', 'week', 'month']).describe('period length');

/** The filters shared by `GET /api/events` and `GET /api/export` — the CLI's filters and a few more. */
export const EventFilterShape = {
  source: ActorCodeParam.optional().describe('source actor code prefix (RUS, RUSGOV)'),
  target: ActorCodeParam.optional().describe('target actor code prefix (USA, USAGOV)'),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'a three-letter country code')
    .transform((s) => s.toUpperCase())
    .optional()
    .describe('source or target country'),
  from: DateParam.optional().describe('first event date (inclusive)'),
  to: DateParam.optional().describe('last event date (inclusive)'),
  code: z
    .string()
    .regex(/^\d{2,4}\*?$/, 'a CAMEO code ("163") or a prefix wildcard ("16*")')
    .optional()
    .describe('CAMEO code, exact or prefix wildcard'),
  root: z
    .string()
    .regex(/^\d{2}$/, 'a two-digit CAMEO root ("16")')
    .optional()
    .describe('CAMEO root code'),
  quad: int(0, 4, 'quad class 0-4').optional(),
  modality: z.enum(MODALITIES).optional().describe('event modality'),
  doc: z.string().min(1).max(300).optional().describe('document id'),
  q: z.string().max(200).optional().describe('text search over evidence, actors and action names'),
} as const;

export const SORT_KEYS = [
  'date',
  'source',
  'target',
  'code',
  'quad',
  'goldstein',
  'modality',
  'confidence',
  'doc',
] as const;

export const EventsQuery = z.strictObject({
  ...EventFilterShape,
  sort: z.enum(SORT_KEYS).optional().describe('sort key (default date)'),
  dir: z.enum(['asc', 'desc']).optional().describe('sort direction (default asc)'),
  limit: int(1, 1000, 'page size (default 100)').optional(),
  offset: int(0, 10_000_000, 'rows to skip').optional(),
});
export type EventsQuery = z.output<typeof EventsQuery>;

export const ExportQuery = z.strictObject({
  ...EventFilterShape,
  format: z.enum(EXPORT_FORMATS).describe('export format'),
  header: flag('GDELT: write a header line').optional(),
  clusters: flag('jsonl: one line per event cluster').optional(),
});
export type ExportQuery = z.output<typeof ExportQuery>;

export const CodeBody = z.strictObject({
  text: z.string().min(1, 'non-empty text').max(1_000_000),
  date: DateParam.optional().describe('publication date (default today)'),
  id: z.string().min(1).max(300).optional(),
  title: z.string().max(1000).optional(),
  url: z.string().max(2000).optional(),
  explain: z.boolean().optional().describe('include the per-sentence explanation'),
});

export const IngestDoc = DocInputSchema.extend({
  id: z.string().min(1).max(300),
  text: z.string().min(1, 'non-empty text'),
  date: DateParam.optional(),
  outlet: z.string().max(300).optional(),
  language: z.string().max(20).optional(),
});

export const IngestBody = z.strictObject({
  documents: z.array(IngestDoc).min(1, 'at least one document').max(1000),
});

export const DocumentsQuery = z.strictObject({
  status: z.enum(['ok', 'failed']).optional(),
  limit: int(1, 1000, 'page size (default 100)').optional(),
  offset: int(0, 10_000_000, 'rows to skip').optional(),
});

export const DocumentQuery = z.strictObject({
  version: int(1, 1_000_000, 'document version (default: current)').optional(),
});

const RangeShape = {
  from: DateParam.optional(),
  to: DateParam.optional(),
  by: ByParam.optional(),
  allModalities: flag('count negated, proposed, intended and hypothetical events too').optional(),
  oneADay: flag('one event per (date, source, target, code)').optional(),
};

export const DyadQuery = z.strictObject({
  a: SelectorParam.describe('first actor'),
  b: SelectorParam.describe('second actor'),
  ...RangeShape,
  normalize: flag('divide by the period volume').optional(),
  ma: int(2, 52, 'moving-average window in periods').optional(),
});

export const ResponsesQuery = z.strictObject({
  a: SelectorParam.describe('the actor whose actions are stimuli'),
  b: SelectorParam.describe('the responder'),
  from: DateParam.optional(),
  to: DateParam.optional(),
  window: int(0, 365, 'reply window in days (default 30)').optional(),
  stimuli: z.enum(['all', 'conflict', 'cooperation']).optional(),
  oneADay: flag('one event per (date, source, target, code)').optional(),
});

export const ReciprocityQuery = z.strictObject({
  a: SelectorParam.optional(),
  b: SelectorParam.optional(),
  ...RangeShape,
  lag: int(0, 52, 'periods between action and answer (default 1)').optional(),
  measure: z.enum(['goldsteinSum', 'coop', 'conflict', 'n']).optional(),
  top: int(1, 200, 'pairs when no dyad is given (default 20)').optional(),
  level: z.enum(['country', 'code']).optional(),
});

export const AlertsQuery = z.strictObject({
  a: SelectorParam.optional().describe('with b: the alert history of A→B'),
  b: SelectorParam.optional(),
  ...RangeShape,
  at: DateParam.optional().describe('the latest period contains this date'),
  baseline: int(1, 52, 'baseline periods (default 4)').optional(),
  measure: z.enum(['events', 'goldstein']).optional(),
  level: z.enum(['country', 'code']).optional(),
  undirected: flag('merge A→B and B→A').optional(),
});

export const NetworkQuery = z.strictObject({
  from: DateParam.optional(),
  to: DateParam.optional(),
  level: z.enum(['country', 'code']).optional().describe('group actors by country (default) or code'),
  allModalities: flag('count non-asserted events too').optional(),
  min: int(1, 1_000_000, 'minimum events on an edge (default 1)').optional(),
});

export const ActorsQuery = z.strictObject({
  q: z.string().max(100).optional().describe('code prefix, name or text'),
  limit: int(1, 500, 'results (default 20)').optional(),
});

/** Every schema of the API, for the OpenAPI document. */
export const QUERY_SCHEMAS = {
  EventsQuery,
  ExportQuery,
  DocumentsQuery,
  DocumentQuery,
  DyadQuery,
  ResponsesQuery,
  ReciprocityQuery,
  AlertsQuery,
  NetworkQuery,
  ActorsQuery,
};
