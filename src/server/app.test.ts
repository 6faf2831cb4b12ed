/** The HTTP API in-process (`app.request`, no port): every endpoint, its answers and its error paths. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { createFakeCoder } from '../ingest/fake-coder.ts';
import { openStore, type Store } from '../store/store.ts';
import { createApp } from './app.ts';

let store: Store;
let app: Hono;

const DOCS = [
  { id: 'd1', date: '2024-01-02', text: 'RUS imposed sanctions on USA. USA will not attack RUS.' },
  { id: 'd2', date: '2024-01-09', text: 'USA threatens RUS over the strike. UKR met FRA for talks.' },
  { id: 'd3', date: '2024-01-16', text: 'RUS attacked UKR. FRA sent aid to UKR.' },
  { id: 'd4', date: '2024-01-23', text: 'USA accused RUS of hacking. RUS shelled UKR again.' },
  {
    id: 'd5',
    date: '2024-02-20',
    text: 'RUS attacked UKR. RUS attacked UKR near the border. RUS shelled UKR.',
  },
];

const json = (path: string, body: unknown, type = 'application/json') =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function expectError(res: Response, status: number, code: string, includes?: RegExp) {
  assert.equal(res.status, status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  if (includes) assert.match(body.error.message, includes);
}

before(async () => {
  store = await openStore(':memory:');
  app = createApp({ store, coder: createFakeCoder(), webRoot: null, maxBodyBytes: 64 * 1024 });
  const res = await json('/api/documents', { documents: DOCS });
  assert.equal(res.status, 201);
});
after(async () => {
  await store.close();
});

describe('POST /api/documents (ingest)', () => {
  it('stored the documents and is idempotent', async () => {
    const res = await json('/api/documents', { documents: [DOCS[0]] });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { unchanged: number; added: number; documents: { outcome: string }[] };
    assert.equal(body.unchanged, 1);
    assert.equal(body.added, 0);
  });
  it('accepts JSON lines', async () => {
    const line = JSON.stringify({ id: 'nd1', date: '2024-03-01', text: 'CHN met JPN for talks.' });
    const res = await json('/api/documents', `${line}\n`, 'application/x-ndjson');
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { added: number }).added, 1);
  });
  it('rejects a bad document, bad JSON, a wrong media type, an empty list and a large body', async () => {
    await expectError(await json('/api/documents', { documents: [{ id: 'x' }] }), 400, 'E_ARGS', /text/);
    await expectError(await json('/api/documents', { documents: [] }), 400, 'E_ARGS', /at least one/);
    await expectError(await json('/api/documents', '{"documents": ['), 400, 'E_ARGS', /invalid JSON/);
    await expectError(await json('/api/documents', 'x', 'text/plain'), 415, 'E_MEDIA_TYPE');
    await expectError(
      await json('/api/documents', '{oops\n', 'application/x-ndjson'),
      400,
      'E_INPUT_JSONL',
      /line 1/,
    );
    const big = { documents: [{ id: 'big', text: 'RUS met USA. '.repeat(10_000) }] };
    await expectError(await json('/api/documents', big), 413, 'E_TOO_LARGE');
    await expectError(
      await json('/api/documents', { documents: [{ id: 'x', text: 'y', date: '2024-02-30' }] }),
      400,
      'E_ARGS',
      /calendar date/,
    );
  });
});

describe('POST /api/code', () => {
  it('returns the annotation without storing', async () => {
    const before = (await store.counts()).documents;
    const res = await json('/api/code', { text: 'RUS imposed sanctions on USA.', date: '2024-05-01' });
    assert.equal(res.status, 200);
    const a = (await res.json()) as {
      text: string;
      sentences: unknown[];
      mentions: unknown[];
      quotes: unknown[];
      events: { code: string }[];
    };
    assert.equal(a.text, 'RUS imposed sanctions on USA.');
    assert.equal(a.sentences.length, 1);
    assert.equal(a.mentions.length, 2);
    assert.deepEqual(a.quotes, []);
    assert.equal(a.events[0]?.code, '163');
    assert.equal((await store.counts()).documents, before);
  });
  it('rejects empty text, unknown fields, a bad date', async () => {
    await expectError(await json('/api/code', { text: '' }), 400, 'E_ARGS', /text/);
    await expectError(await json('/api/code', { text: 'a', colour: 'red' }), 400, 'E_ARGS', /colour/);
    await expectError(await json('/api/code', { text: 'a', date: '30/12/2016' }), 400, 'E_ARGS', /date/);
  });
  it('a coder failure is a JSON error', async () => {
    const res = await json('/api/code', { text: 'CODER-FAIL here' });
    await expectError(res, 400, 'E_STAGE');
  });
});

describe('GET /api/events', () => {
  it('filters, sorts and paginates', async () => {
    let res = await app.request('/api/events?source=RUS&target=UKR&limit=2');
    assert.equal(res.status, 200);
    const page = (await res.json()) as {
      total: number;
      events: { source: { code: string }; date: string }[];
    };
    assert.equal(page.total, 5);
    assert.equal(page.events.length, 2);
    assert.ok(page.events.every((e) => e.source.code === 'RUS'));
    res = await app.request('/api/events?source=RUS&target=UKR&sort=date&dir=desc&offset=4');
    const last = (await res.json()) as { events: { date: string }[] };
    assert.equal(last.events.length, 1);
    assert.equal(last.events[0]?.date, '2024-01-16');
  });
  it('country, root, code, quad, modality, text search, dates', async () => {
    const total = async (q: string) =>
      ((await (await app.request(`/api/events?${q}`)).json()) as { total: number }).total;
    assert.equal(await total('country=FRA'), 2);
    assert.equal(await total('root=19'), 7);
    assert.equal(await total('code=19*'), await total('root=19'));
    assert.equal(await total('quad=4'), (await total('root=19')) + (await total('code=163')));
    assert.equal(await total('modality=negated'), 1);
    assert.equal(await total('q=hacking'), 1);
    assert.equal(await total('q=border+rus'), 1);
    assert.equal(await total('from=2024-01-09&to=2024-01-16'), 4);
  });
  it('rejects bad filters with the field named', async () => {
    await expectError(await app.request('/api/events?quad=7'), 400, 'E_ARGS', /quad/);
    await expectError(await app.request('/api/events?modality=sure'), 400, 'E_ARGS', /modality/);
    await expectError(await app.request('/api/events?from=yesterday'), 400, 'E_ARGS', /from/);
    await expectError(await app.request('/api/events?code=abc'), 400, 'E_ARGS', /code/);
    await expectError(await app.request('/api/events?limit=0'), 400, 'E_ARGS', /limit/);
    await expectError(await app.request('/api/events?sort=colour'), 400, 'E_ARGS', /sort/);
    await expectError(await app.request('/api/events?nope=1'), 400, 'E_ARGS', /unknown parameter/);
  });
});

describe('GET /api/documents', () => {
  it('lists documents without text and returns one with its annotations', async () => {
    const list = (await (await app.request('/api/documents?limit=3')).json()) as {
      documents: { id: string; text?: string }[];
    };
    assert.equal(list.documents.length, 3);
    assert.equal(list.documents[0]?.text, undefined);
    const res = await app.request('/api/documents/d1');
    assert.equal(res.status, 200);
    const d = (await res.json()) as {
      text: string;
      document: { id: string };
      mentions: unknown[];
      events: { doc: string; evidence: unknown[] }[];
    };
    assert.equal(d.document.id, 'd1');
    assert.match(d.text, /sanctions/);
    assert.equal(d.mentions.length, 4);
    assert.equal(d.events.length, 2);
    assert.ok(d.events.every((e) => e.doc === 'd1' && e.evidence.length > 0));
  });
  it('404 for an unknown document, 400 for a bad version', async () => {
    await expectError(await app.request('/api/documents/nope'), 404, 'E_NOT_FOUND', /nope/);
    await expectError(await app.request('/api/documents/d1?version=x'), 400, 'E_ARGS', /version/);
    await expectError(await app.request('/api/documents?status=meh'), 400, 'E_ARGS', /status/);
  });
});

describe('analysis endpoints', () => {
  it('GET /api/dyad: both directions with counts by quad class', async () => {
    const res = await app.request('/api/dyad?a=RUS&b=UKR&by=week');
    assert.equal(res.status, 200);
    const d = (await res.json()) as {
      ab: { points: { n: number; quad: number[]; goldsteinSum: number }[] };
      ba: { points: unknown[] };
    };
    assert.equal(
      d.ab.points.reduce((s, p) => s + p.n, 0),
      5,
    );
    assert.equal(
      d.ab.points.reduce((s, p) => s + (p.quad[4] ?? 0), 0),
      5,
    );
    assert.equal(d.ab.points.length, d.ba.points.length);
    // without dates the series spans the dyad's own events (16 Jan to 20 Feb) and one week either side
    assert.equal(d.ab.points.length, 8);
    await expectError(await app.request('/api/dyad?a=RUS'), 400, 'E_ARGS', /b/);
    await expectError(await app.request('/api/dyad?a=RUS&b=UKR&by=year'), 400, 'E_ARGS', /by/);
  });
  it('GET /api/responses', async () => {
    const res = await app.request('/api/responses?a=RUS&b=USA&window=30');
    assert.equal(res.status, 200);
    const r = (await res.json()) as { items: { outcome: string }[]; summary: { stimuli: number } };
    assert.equal(r.summary.stimuli, r.items.length);
    assert.ok(r.items.length >= 1);
    await expectError(await app.request('/api/responses?a=RUS&b=USA&window=-1'), 400, 'E_ARGS', /window/);
  });
  it('GET /api/reciprocity: one dyad or the top pairs', async () => {
    const one = (await (await app.request('/api/reciprocity?a=RUS&b=USA')).json()) as {
      bToA: { responder: string };
      aToB: { responder: string };
    };
    assert.equal(one.bToA.responder, 'USA');
    assert.equal(one.aToB.responder, 'RUS');
    const top = (await (await app.request('/api/reciprocity?top=3')).json()) as { pairs: unknown[] };
    assert.ok(top.pairs.length >= 1 && top.pairs.length <= 3);
    await expectError(await app.request('/api/reciprocity?a=RUS'), 400, 'E_ARGS', /both a and b/);
  });
  it('GET /api/alerts: every dyad or one history', async () => {
    const all = (await (await app.request('/api/alerts?by=week')).json()) as {
      alerts: { source: string; target: string; level: string }[];
    };
    assert.ok(all.alerts.some((a) => a.source === 'RUS' && a.target === 'UKR'));
    const one = (await (await app.request('/api/alerts?a=RUS&b=UKR&baseline=2')).json()) as {
      alerts: unknown[];
    };
    assert.ok(one.alerts.length > 0);
    await expectError(await app.request('/api/alerts?baseline=0'), 400, 'E_ARGS', /baseline/);
  });
  it('GET /api/network: nodes and edges with volume and net Goldstein', async () => {
    const n = (await (await app.request('/api/network')).json()) as {
      nodes: { id: string }[];
      edges: { source: string; target: string; events: number; goldsteinSum: number }[];
    };
    const e = n.edges.find((x) => x.source === 'RUS' && x.target === 'UKR');
    assert.equal(e?.events, 5);
    assert.ok((e?.goldsteinSum ?? 0) < 0);
    assert.ok(n.nodes.some((x) => x.id === 'UKR'));
    const few = (await (await app.request('/api/network?min=5')).json()) as { edges: unknown[] };
    assert.equal(few.edges.length, 1);
    await expectError(await app.request('/api/network?level=planet'), 400, 'E_ARGS', /level/);
  });
  it('GET /api/actors', async () => {
    const a = (await (await app.request('/api/actors?q=uk')).json()) as {
      actors: { code: string; events: number }[];
    };
    assert.deepEqual(
      a.actors.map((x) => x.code),
      ['UKR'],
    );
    assert.ok((a.actors[0]?.events ?? 0) >= 5);
    await expectError(await app.request('/api/actors?limit=9999'), 400, 'E_ARGS', /limit/);
  });
});

describe('GET /api/export', () => {
  it('every format of the current filter', async () => {
    const get = (q: string) => app.request(`/api/export?source=RUS&target=UKR&${q}`);
    let res = await get('format=csv');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
    assert.equal((await res.text()).trim().split('\n').length, 6);
    res = await get('format=jsonl');
    assert.equal((await res.text()).trim().split('\n').length, 5);
    res = await get('format=jsonl&clusters=true');
    assert.ok(Number(res.headers.get('x-riposte-records')) >= 1);
    res = await get('format=plover');
    assert.match(await res.text(), /"event"|ASSAULT/);
    res = await get('format=gdelt&header=true');
    const gdelt = (await res.text()).trim().split('\n');
    assert.equal(gdelt[0]?.split('\t').length, 61);
    res = await get('format=gdelt-mentions');
    assert.equal((await res.text()).trim().split('\n')[0]?.split('\t').length, 16);
    res = await get('format=parquet');
    assert.equal(res.status, 200);
    const buf = new Uint8Array(await res.arrayBuffer());
    assert.equal(new TextDecoder().decode(buf.slice(0, 4)), 'PAR1');
  });
  it('rejects a missing or unknown format', async () => {
    await expectError(await app.request('/api/export'), 400, 'E_ARGS', /format/);
    await expectError(await app.request('/api/export?format=xml'), 400, 'E_ARGS', /format/);
  });
});

describe('misc', () => {
  it('GET /openapi.json documents every endpoint with parameters from the schemas', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const p of [
      '/api/code',
      '/api/documents',
      '/api/documents/{id}',
      '/api/events',
      '/api/export',
      '/api/dyad',
      '/api/responses',
      '/api/reciprocity',
      '/api/alerts',
      '/api/actors',
      '/api/network',
    ])
      assert.ok(doc.paths[p], p);
    const names = doc.paths['/api/events']?.get?.parameters?.map((x) => x.name) ?? [];
    for (const n of [
      'source',
      'target',
      'from',
      'to',
      'code',
      'root',
      'quad',
      'modality',
      'country',
      'q',
      'limit',
      'offset',
    ])
      assert.ok(names.includes(n), n);
  });
  it('GET /api/meta', async () => {
    const m = (await (await app.request('/api/meta')).json()) as {
      counts: { documents: number };
      dateRange: { from: string };
      roots: unknown[];
    };
    assert.ok(m.counts.documents >= 5);
    assert.equal(m.dateRange.from, '2024-01-02');
    assert.equal(m.roots.length, 20);
  });
  it('unknown API paths and methods are JSON 404s', async () => {
    await expectError(await app.request('/api/nothing'), 404, 'E_NOT_FOUND');
    await expectError(await app.request('/api/events', { method: 'DELETE' }), 404, 'E_NOT_FOUND');
  });
  it('serves the dashboard files without escaping the root', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'riposte-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'a.js'), 'export {}');
    const web = createApp({ store, coder: createFakeCoder(), webRoot: root });
    const index = await web.request('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    const js = await web.request('/assets/a.js');
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.match(js.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await web.request('/assets/../../etc/passwd')).status, 404);
    assert.equal((await web.request('/%2e%2e/%2e%2e/etc/passwd')).status, 404);
    const empty = createApp({ store, coder: createFakeCoder(), webRoot: join(root, 'missing') });
    assert.equal((await empty.request('/')).status, 503);
  });
});
