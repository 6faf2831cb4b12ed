/**
 * The OpenAPI 3.1 document, generated from the zod schemas that validate the requests (`schemas.ts`): query
 * parameters from the query objects' fields, request bodies and the event record from their JSON Schemas.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { EventRecordSchema } from '../core/types.ts';
import {
  ActorsQuery,
  AlertsQuery,
  CodeBody,
  DocumentQuery,
  DocumentsQuery,
  DyadQuery,
  EventsQuery,
  ExportQuery,
  IngestBody,
  NetworkQuery,
  ReciprocityQuery,
  ResponsesQuery,
} from './schemas.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const json = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

type Obj = { shape: Record<string, z.ZodType> };

function params(schema: Obj): Record<string, unknown>[] {
  return Object.entries(schema.shape).map(([name, s]) => {
    const js = json(s) as Record<string, unknown>;
    const { description, ...rest } = js;
    delete rest.$schema;
    return {
      name,
      in: 'query',
      required: !s.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const ERROR = {
  description: 'error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const errors = {
  '400': { ...ERROR, description: 'bad input (E_ARGS …)' },
  '500': { ...ERROR, description: 'store or internal error' },
};
const ok = (description: string, schema: unknown = { type: 'object' }, type = 'application/json') => ({
  '200': { description, content: { [type]: { schema } } },
  ...errors,
});

function get(summary: string, q: Obj | null, response: ReturnType<typeof ok>, extra: object = {}) {
  return { get: { summary, parameters: q ? params(q) : [], responses: response, ...extra } };
}

let cached: Record<string, unknown> | null = null;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const events = { type: 'array', items: { $ref: '#/components/schemas/EventRecord' } };
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'riposte API',
      version: VERSION,
      description:
        'Political event data from news text: code text, ingest documents, query events, dyads, responses, reciprocity, alerts and exports. Errors are JSON {error: {code, message}}.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/meta': get(
        'Store counts, date range, modalities, export formats, CAMEO roots, quad classes',
        null,
        ok('metadata'),
      ),
      '/api/code': {
        post: {
          summary: 'Code text without storing it: the annotation (text, sentences, mentions, quotes, events)',
          requestBody: { required: true, content: { 'application/json': { schema: json(CodeBody) } } },
          responses: {
            ...ok('the annotation'),
            '413': { ...ERROR, description: 'body too large (E_TOO_LARGE)' },
            '415': { ...ERROR, description: 'not JSON (E_MEDIA_TYPE)' },
          },
        },
      },
      '/api/documents': {
        post: {
          summary: 'Ingest documents: code and store them (idempotent: a stored text is skipped)',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: json(IngestBody) },
              'application/x-ndjson': { schema: { type: 'string', description: 'one document a line' } },
            },
          },
          responses: {
            '201': {
              description: 'per-document outcomes',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            ...errors,
            '413': { ...ERROR, description: 'body too large (E_TOO_LARGE)' },
            '415': { ...ERROR, description: 'not JSON (E_MEDIA_TYPE)' },
          },
        },
        ...get(
          'List stored documents (current versions, without their text)',
          DocumentsQuery,
          ok('documents'),
        ),
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document with its annotations: text, mentions, quotes, events with evidence',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            ...params(DocumentQuery),
          ],
          responses: {
            ...ok('the document'),
            '404': { ...ERROR, description: 'no such document (E_NOT_FOUND)' },
          },
        },
      },
      '/api/events': get(
        'Events of a filter (the CLI filters, plus country, CAMEO root and text search), sorted and paginated',
        EventsQuery,
        ok('a page of events', {
          type: 'object',
          properties: {
            total: { type: 'integer' },
            limit: { type: 'integer' },
            offset: { type: 'integer' },
            events,
          },
        }),
      ),
      '/api/export': get(
        'The events of a filter in an export format (GDELT events/mentions, PLOVER, JSONL, CSV, Parquet)',
        ExportQuery,
        {
          '200': {
            description: 'the export as a download',
            content: {
              'text/tab-separated-values': { schema: { type: 'string' } },
              'text/csv': { schema: { type: 'string' } },
              'application/x-ndjson': { schema: { type: 'string' } },
              'application/vnd.apache.parquet': { schema: { type: 'string', format: 'binary' } },
            },
          },
          ...errors,
        },
      ),
      '/api/dyad': get(
        'Both directed series of a dyad (counts by quad class, net cooperation)',
        DyadQuery,
        ok('{ab, ba}'),
      ),
      '/api/responses': get(
        'A→B stimuli paired with B→A responses, with a summary',
        ResponsesQuery,
        ok('responses'),
      ),
      '/api/reciprocity': get(
        'Lagged reciprocity of one dyad (a and b) or of the busiest pairs',
        ReciprocityQuery,
        ok('{bToA, aToB} or {pairs}'),
      ),
      '/api/alerts': get(
        'Escalation alerts (ACLED-style change against a baseline) for every dyad, or the history of one',
        AlertsQuery,
        ok('{alerts}'),
      ),
      '/api/network': get(
        'Who acts on whom: nodes and directed edges with volume and net Goldstein',
        NetworkQuery,
        ok('{nodes, edges}'),
      ),
      '/api/actors': get('Actor search over stored mentions and events', ActorsQuery, ok('{actors}')),
      '/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string', examples: ['E_ARGS'] }, message: { type: 'string' } },
            },
          },
        },
        EventRecord: json(EventRecordSchema),
      },
    },
  };
  return cached;
}
