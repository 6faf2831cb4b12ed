/**
 * The HTTP API (Hono): code text, ingest documents, query events and documents, dyad series, responses,
 * reciprocity, alerts, actors, the network and exports — and the built dashboard as static files.
 * Every input is validated with the zod schemas of `schemas.ts`; every error is JSON `{error: {code, message}}`.
 * `createApp` opens no port: tests call `app.request()`, `start.ts` binds it.
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { addDays, shiftPeriods } from '../analysis/dates.ts';
import {
  actorKey,
  alertHistory,
  dyad,
  escalationAlerts,
  matchesActor,
  parseSelector,
  reciprocity,
  reciprocityTable,
  responses,
  selectEvents,
} from '../analysis/index.ts';
import { isRiposteError } from '../core/errors.ts';
import { type Actor, MODALITIES } from '../core/types.ts';
import { EXPORT_FORMATS } from '../export/formats.ts';
import type { CoderLike } from '../ingest/fake-coder.ts';
import { ingestOne } from '../ingest/ingest.ts';
import { cameoInfo } from '../ontology/cameo.ts';
import type { Store } from '../store/store.ts';
import { errorBody, HttpError } from './errors.ts';
import { exportBody } from './export.ts';
import { filterEvents, sortEvents } from './filter.ts';
import { openApiDocument } from './openapi.ts';
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
  IngestDoc,
  NetworkQuery,
  ReciprocityQuery,
  ResponsesQuery,
} from './schemas.ts';
import { staticHandler } from './static.ts';

export interface AppOptions {
  store: Store;
  /** the coder, or a loader called once on first use */
  coder: CoderLike | (() => Promise<CoderLike>);
  /** the built dashboard (web/dist); null serves the API only */
  webRoot?: string | null;
  /** largest request body accepted, in bytes (default 8 MB) */
  maxBodyBytes?: number;
}

function at(value: unknown, path: PropertyKey[]): unknown {
  let v = value;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** One clause per field: what was expected and what was found. */
function issues(e: z.ZodError, input: unknown): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const i of e.issues) {
    if (i.code === 'unrecognized_keys') {
      out.push(`unknown parameter(s) ${i.keys.join(', ')}`);
      continue;
    }
    const where = i.path.map(String).join('.') || 'value';
    if (seen.has(where)) continue;
    seen.add(where);
    const found = at(input, i.path);
    // our schema messages name the expectation ("a date written YYYY-MM-DD"); zod's own are sentences
    const expected = /^[A-Z]/.test(i.message)
      ? i.message.replace(/^[A-Z]/, (c) => c.toLowerCase())
      : `expected ${i.message}`;
    if (found === undefined) out.push(`${where}: required, found nothing`);
    else
      out.push(
        `${where}: ${expected}, found ${JSON.stringify(typeof found === 'string' && found.length > 60 ? `${found.slice(0, 60)}…` : found)}`,
      );
  }
  return out.join('; ');
}

/** Parses a value with a schema; failures become 400 E_ARGS naming the field, what was expected and found. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new HttpError(400, 'E_ARGS', `bad ${what}: ${issues(r.error, value)}`);
}

const query = <S extends z.ZodType>(c: Context, schema: S): z.output<S> =>
  validate(schema, c.req.query(), 'query');

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(415, 'E_MEDIA_TYPE', `expected Content-Type application/json, found "${type}"`);
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'E_ARGS', `expected a JSON body, found invalid JSON (${(e as Error).message})`);
  }
}

/** JSON lines: one document a line. */
function ndjsonDocs(text: string): unknown[] {
  const out: unknown[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      throw new HttpError(400, 'E_INPUT_JSONL', `invalid JSONL at line ${i + 1}: ${(e as Error).message}`);
    }
  });
  return out;
}

export function createApp(o: AppOptions): Hono {
  const { store } = o;
  const maxBody = o.maxBodyBytes ?? 8 * 1024 * 1024;
  let coderPromise: Promise<CoderLike> | null =
    typeof o.coder === 'function' ? null : Promise.resolve(o.coder);
  const coder = (): Promise<CoderLike> => {
    if (!coderPromise) {
      coderPromise = (o.coder as () => Promise<CoderLike>)();
      coderPromise.catch(() => {
        coderPromise = null;
      });
    }
    return coderPromise;
  };
  /** every asserted and non-asserted event in a date range (the analyses select further) */
  const analysisEvents = (from?: string, to?: string) =>
    store.queryEvents({ ...(from ? { from } : {}), ...(to ? { to } : {}) });

  const app = new Hono();

  app.onError((e, c) => {
    if (e instanceof HttpError) return c.json(errorBody(e.code, e.message), e.status);
    if (isRiposteError(e)) {
      const status = e.code === 'E_NOT_FOUND' ? 404 : e.exit === 2 ? 400 : 500;
      return c.json(errorBody(e.code, e.message), status);
    }
    console.error(e);
    return c.json(
      errorBody('E_INTERNAL', `internal error: ${e instanceof Error ? e.message : String(e)}`),
      500,
    );
  });
  app.notFound((c) =>
    c.json(errorBody('E_NOT_FOUND', `not found: ${c.req.method} ${new URL(c.req.url).pathname}`), 404),
  );

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) =>
        c.json(errorBody('E_TOO_LARGE', `expected a request body of at most ${maxBody} bytes`), 413),
    }),
  );

  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.get('/api/meta', async (c) => {
    const counts = await store.counts();
    const events = await store.queryEvents({});
    let from: string | null = null;
    let to: string | null = null;
    for (const e of events) {
      if (!from || e.date < from) from = e.date;
      if (!to || e.date > to) to = e.date;
    }
    const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')).map((r) => ({
      code: r,
      name: cameoInfo(r)?.name ?? r,
    }));
    return c.json({
      store: { kind: store.kind, location: store.location },
      counts,
      dateRange: { from, to },
      modalities: MODALITIES,
      formats: EXPORT_FORMATS,
      roots,
      quads: [
        { quad: 0, name: 'neutral' },
        { quad: 1, name: 'verbal cooperation' },
        { quad: 2, name: 'material cooperation' },
        { quad: 3, name: 'verbal conflict' },
        { quad: 4, name: 'material conflict' },
      ],
    });
  });

  app.post('/api/code', async (c) => {
    const body = validate(CodeBody, await jsonBody(c), 'body');
    const r = await (await coder()).code({
      id: body.id ?? 'pasted',
      text: body.text,
      ...(body.date ? { date: body.date } : {}),
      ...(body.title ? { title: body.title } : {}),
      ...(body.url ? { url: body.url } : {}),
    });
    if (!r.ok) throw r.error;
    return c.json({ coder: (await coder()).version, ...r.value.annotation });
  });

  app.post('/api/documents', async (c) => {
    const type = c.req.header('content-type') ?? '';
    let docs: unknown[];
    if (/^application\/(x-)?ndjson\b|^application\/jsonl\b/i.test(type))
      docs = ndjsonDocs(await c.req.text());
    else docs = validate(IngestBody, await jsonBody(c), 'body').documents;
    if (docs.length === 0)
      throw new HttpError(400, 'E_INPUT_EMPTY', 'expected at least one document, found none');
    const parsed = docs.map((d, i) => validate(IngestDoc, d, `document ${i + 1}`));
    const k = await coder();
    const results: ({ id: string } & Awaited<ReturnType<typeof ingestOne>>)[] = [];
    for (const doc of parsed) {
      const r = await ingestOne(store, k, {
        ok: true,
        doc,
        origin: 'api',
        bytes: Buffer.byteLength(doc.text),
      });
      results.push({ id: doc.id, ...r });
    }
    const n = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length;
    return c.json(
      {
        added: n((r) => r.outcome === 'added'),
        updated: n((r) => r.outcome === 'updated'),
        unchanged: n((r) => r.outcome === 'unchanged'),
        failed: n((r) => r.failed),
        events: results.reduce((s, r) => s + r.events, 0),
        documents: results,
      },
      201,
    );
  });

  app.get('/api/documents', async (c) => {
    const q = query(c, DocumentsQuery);
    const docs = await store.listDocuments({
      ...(q.status ? { status: q.status } : {}),
      limit: q.limit ?? 100,
      offset: q.offset ?? 0,
    });
    return c.json({
      limit: q.limit ?? 100,
      offset: q.offset ?? 0,
      documents: docs.map(({ text, ...d }) => ({ ...d, length: text.length })),
    });
  });

  app.get('/api/documents/:id', async (c) => {
    const q = query(c, DocumentQuery);
    const id = c.req.param('id');
    const doc = await store.getDocument(id, q.version);
    if (!doc)
      throw new HttpError(
        404,
        'E_NOT_FOUND',
        `not found: document "${id}"${q.version ? ` version ${q.version}` : ''}`,
      );
    const [mentions, quotes, events] = await Promise.all([
      store.mentions(id),
      store.quotes(id),
      store.queryEvents({ doc: id }),
    ]);
    const mine = <T extends { docVersion: number }>(xs: T[]) =>
      xs.filter((x) => x.docVersion === doc.version);
    return c.json({
      document: doc,
      text: doc.text,
      mentions: mine(mentions),
      quotes: mine(quotes),
      events: mine(events),
    });
  });

  app.get('/api/events', async (c) => {
    const q = query(c, EventsQuery);
    const all = sortEvents(await filterEvents(store, q), q.sort ?? 'date', q.dir ?? 'asc');
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    return c.json({ total: all.length, limit, offset, events: all.slice(offset, offset + limit) });
  });

  app.get('/api/export', async (c) => {
    const q = query(c, ExportQuery);
    const events = sortEvents(await filterEvents(store, q), 'date', 'asc');
    const out = await exportBody(store, q, events);
    return c.body(out.body, 200, {
      'content-type': out.type,
      'content-disposition': `attachment; filename="${out.filename}"`,
      'x-riposte-records': String(out.records),
    });
  });

  app.get('/api/dyad', async (c) => {
    const q = query(c, DyadQuery);
    const all = await analysisEvents(q.from, q.to);
    // without dates the series spans the dyad's own events (one period either side), not the whole store
    const span = q.from && q.to ? null : dyadSpan(all, q.a, q.b, !q.allModalities);
    const from = q.from ?? (span ? shiftPeriods(span.from, q.by ?? 'week', -1) : undefined);
    const to = q.to ?? (span ? shiftPeriods(span.to, q.by ?? 'week', 1) : undefined);
    const r = dyad(all, q.a, q.b, {
      by: q.by ?? 'week',
      assertedOnly: !q.allModalities,
      oneADay: q.oneADay ?? false,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(q.normalize ? { normalize: true } : {}),
      ...(q.ma ? { movingAverage: q.ma } : {}),
    });
    return c.json(r);
  });

  app.get('/api/responses', async (c) => {
    const q = query(c, ResponsesQuery);
    const windowDays = q.window ?? 30;
    const all = await analysisEvents(q.from, q.to ? addDays(q.to, windowDays) : undefined);
    return c.json(
      responses(all, q.a, q.b, {
        windowDays,
        ...(q.stimuli ? { stimuli: q.stimuli } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.oneADay ? { oneADay: true } : {}),
      }),
    );
  });

  app.get('/api/reciprocity', async (c) => {
    const q = query(c, ReciprocityQuery);
    if ((q.a === undefined) !== (q.b === undefined))
      throw new HttpError(
        400,
        'E_ARGS',
        'bad query: expected both a and b (one dyad) or neither (top pairs)',
      );
    const all = await analysisEvents(q.from, q.to);
    const opts = {
      by: q.by ?? 'week',
      lag: q.lag ?? 1,
      assertedOnly: !q.allModalities,
      oneADay: q.oneADay ?? false,
      ...(q.measure ? { measure: q.measure } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    };
    if (q.a !== undefined && q.b !== undefined) {
      return c.json({
        a: q.a,
        b: q.b,
        bToA: reciprocity(all, q.a, q.b, opts),
        aToB: reciprocity(all, q.b, q.a, opts),
      });
    }
    return c.json({
      pairs: reciprocityTable(all, { ...opts, top: q.top ?? 20, level: q.level ?? 'country' }),
    });
  });

  app.get('/api/alerts', async (c) => {
    const q = query(c, AlertsQuery);
    if ((q.a === undefined) !== (q.b === undefined))
      throw new HttpError(
        400,
        'E_ARGS',
        'bad query: expected both a and b (one dyad) or neither (every dyad)',
      );
    const all = await analysisEvents(undefined, q.to);
    const opts = {
      by: q.by ?? 'week',
      assertedOnly: !q.allModalities,
      oneADay: q.oneADay ?? false,
      ...(q.baseline ? { baselinePeriods: q.baseline } : {}),
      ...(q.measure ? { measure: q.measure } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    };
    if (q.a !== undefined && q.b !== undefined) return c.json({ alerts: alertHistory(all, q.a, q.b, opts) });
    return c.json({
      alerts: escalationAlerts(all, {
        ...opts,
        ...(q.at ? { at: q.at } : {}),
        level: q.level ?? 'country',
        ...(q.undirected ? { undirected: true } : {}),
      }),
    });
  });

  app.get('/api/network', async (c) => {
    const q = query(c, NetworkQuery);
    const level = q.level ?? 'country';
    const events = selectEvents(await analysisEvents(q.from, q.to), {
      assertedOnly: !q.allModalities,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    });
    const nodes = new Map<string, { id: string; events: number; name: string | null }>();
    const edges = new Map<
      string,
      { source: string; target: string; events: number; goldsteinSum: number; quad: number[] }
    >();
    for (const e of events) {
      const s = actorKey(e.source, level);
      const t = actorKey(e.target, level);
      if (!s || !t || s === t) continue;
      for (const [k, a] of [
        [s, e.source],
        [t, e.target],
      ] as const) {
        const n = nodes.get(k) ?? { id: k, events: 0, name: level === 'code' ? (a?.name ?? null) : null };
        n.events += 1;
        nodes.set(k, n);
      }
      const key = `${s}|${t}`;
      const edge = edges.get(key) ?? {
        source: s,
        target: t,
        events: 0,
        goldsteinSum: 0,
        quad: [0, 0, 0, 0, 0],
      };
      edge.events += 1;
      edge.goldsteinSum += e.goldstein;
      edge.quad[Math.max(0, Math.min(4, e.quad))]! += 1;
      edges.set(key, edge);
    }
    const min = q.min ?? 1;
    const kept = [...edges.values()]
      .filter((e) => e.events >= min)
      .map((e) => ({
        ...e,
        goldsteinSum: round(e.goldsteinSum),
        goldsteinMean: round(e.goldsteinSum / e.events),
      }))
      .sort(
        (x, y) => y.events - x.events || x.source.localeCompare(y.source) || x.target.localeCompare(y.target),
      );
    const used = new Set(kept.flatMap((e) => [e.source, e.target]));
    return c.json({
      level,
      nodes: [...nodes.values()].filter((n) => used.has(n.id)).sort((a, b) => b.events - a.events),
      edges: kept,
    });
  });

  app.get('/api/actors', async (c) => {
    const q = query(c, ActorsQuery);
    const want = (q.q ?? '').trim().toLowerCase();
    const [mentions, events] = await Promise.all([store.mentions(), store.queryEvents({})]);
    const acc = new Map<
      string,
      { code: string; country: string | null; names: Map<string, number>; mentions: number; events: number }
    >();
    const get = (a: { code: string; country: string | null }) => {
      let x = acc.get(a.code);
      if (!x) {
        x = { code: a.code, country: a.country, names: new Map(), mentions: 0, events: 0 };
        acc.set(a.code, x);
      }
      return x;
    };
    for (const m of mentions) {
      if (!m.code) continue;
      const x = get(m);
      x.mentions += 1;
      const label = m.name ?? m.text;
      x.names.set(label, (x.names.get(label) ?? 0) + 1);
    }
    for (const e of events) for (const a of [e.source, e.target]) if (a?.code) get(a).events += 1;
    const rows = [...acc.values()]
      .filter(
        (x) =>
          !want ||
          x.code.toLowerCase().startsWith(want) ||
          [...x.names.keys()].some((n) => n.toLowerCase().includes(want)),
      )
      .sort((a, b) => b.events - a.events || b.mentions - a.mentions || a.code.localeCompare(b.code))
      .slice(0, q.limit ?? 20)
      .map((x) => ({
        code: x.code,
        country: x.country,
        names: [...x.names.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([n]) => n),
        mentions: x.mentions,
        events: x.events,
      }));
    return c.json({ actors: rows });
  });

  app.all('/api/*', (c) =>
    c.json(errorBody('E_NOT_FOUND', `not found: ${c.req.method} ${new URL(c.req.url).pathname}`), 404),
  );

  if (o.webRoot !== null) app.get('*', staticHandler(o.webRoot));
  return app;
}

const round = (x: number) => Number(x.toFixed(3));

/** first and last date of the events between a and b (either direction) */
function dyadSpan(
  events: readonly { date: string; modality: string; source: Actor | null; target: Actor | null }[],
  a: string,
  b: string,
  assertedOnly: boolean,
): { from: string; to: string } | null {
  const sa = parseSelector(a);
  const sb = parseSelector(b);
  let from: string | null = null;
  let to: string | null = null;
  for (const e of events) {
    if (assertedOnly && e.modality !== 'asserted') continue;
    const hit =
      (matchesActor(e.source, sa) && matchesActor(e.target, sb)) ||
      (matchesActor(e.source, sb) && matchesActor(e.target, sa));
    if (!hit) continue;
    if (!from || e.date < from) from = e.date;
    if (!to || e.date > to) to = e.date;
  }
  return from && to ? { from, to } : null;
}
