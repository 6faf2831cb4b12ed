/**
 * The store conformance suite: every `Store` implementation runs it (duckdb.test.ts, postgres.test.ts).
 * `open` must return a fresh, empty, migrated store.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { isRiposteError } from '../core/errors.ts';
import type { EventRecord } from '../core/types.ts';
import { actor, syntheticEvent } from './fixtures.ts';
import { clusterId, clusterKey, migrations } from './sql.ts';
import type { DocBundle, DocumentRow, Store, StoredEvent } from './store.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export function doc(id: string, text: string, o: Partial<DocumentRow> = {}): DocumentRow {
  return {
    id,
    version: 1,
    url: `https://news.example/${id}`,
    outlet: 'news.example',
    title: `Title ${id}`,
    date: '2024-03-01',
    language: 'en',
    hash: sha(text),
    text,
    status: 'ok',
    error: null,
    coderVersion: 'fake-1',
    ...o,
  };
}

/** strips what the store adds, to compare with the record that went in */
function record(e: StoredEvent): EventRecord {
  const {
    docVersion: _v,
    coderVersion: _c,
    dictVersion: _d,
    outlet: _o,
    url: _u,
    clusterId: _k,
    ...rest
  } = e;
  return rest;
}

function bundle(id: string, events: EventRecord[], o: Partial<DocumentRow> = {}): DocBundle {
  return {
    doc: doc(id, `text of ${id} ${o.version ?? 1}`, o),
    events: events.map((e) => ({ ...e, doc: id, id: e.id.replace(/^[^-]*/, id) })),
    mentions: [actor('RUSGOV', 3), actor('USA', 40)],
    quotes: [{ start: 10, end: 30, speaker: actor('RUSGOV', 3), cue: { start: 31, end: 35, text: 'said' } }],
    dictVersion: 'dict-1',
  };
}

export function storeConformance(name: string, open: () => Promise<Store>): void {
  describe(`store conformance: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const s = await open();
      opened.push(s);
      return s;
    };
    after(async () => {
      for (const s of opened) await s.close().catch(() => undefined);
    });

    it('applies every migration once and records the schema version', async () => {
      const s = await fresh();
      assert.equal(await s.schemaVersion(), migrations(s.kind).length);
      assert.equal(await s.migrate(), migrations(s.kind).length);
      assert.deepEqual(await s.counts(), {
        documents: 0,
        versions: 0,
        failed: 0,
        events: 0,
        mentions: 0,
        quotes: 0,
      });
    });

    it('round-trips a document with every field of its events, mentions and quotes', async () => {
      const s = await fresh();
      const evs = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => syntheticEvent(i, { doc: 'a' }));
      await s.putDocument(bundle('a', evs));
      const back = await s.queryEvents({ doc: 'a' });
      assert.equal(back.length, 8);
      const byId = new Map(back.map((e) => [e.id, e]));
      for (const e of evs) {
        const got = byId.get(e.id);
        assert.ok(got, `event ${e.id} stored`);
        assert.deepEqual(record(got), e);
        assert.equal(got.docVersion, 1);
        assert.equal(got.coderVersion, 'fake-1');
        assert.equal(got.dictVersion, 'dict-1');
        assert.equal(got.outlet, 'news.example');
        assert.equal(got.clusterId, clusterId(clusterKey(e)));
      }
      const d = await s.getDocument('a');
      assert.equal(d?.title, 'Title a');
      assert.equal(d?.date, '2024-03-01');
      assert.equal(d?.current, true);
      const m = await s.mentions('a');
      assert.deepEqual(
        m.map((x) => [x.code, x.start, x.country, x.types]),
        [
          ['RUSGOV', 3, 'RUS', ['GOV']],
          ['USA', 40, 'USA', []],
        ],
      );
      const q = await s.quotes('a');
      assert.equal(q.length, 1);
      assert.deepEqual(q[0]?.cue, { start: 31, end: 35, text: 'said' });
      assert.equal(q[0]?.speaker?.code, 'RUSGOV');
    });

    it('keeps old versions as history and only the current version carries events', async () => {
      const s = await fresh();
      await s.putDocument(bundle('v', [syntheticEvent(1), syntheticEvent(2)]));
      const v1 = await s.getDocument('v');
      await s.putDocument(bundle('v', [syntheticEvent(3)], { version: 2 }));
      const c = await s.counts();
      assert.deepEqual([c.documents, c.versions, c.events, c.mentions, c.quotes], [1, 2, 1, 2, 1]);
      assert.equal((await s.getDocument('v'))?.version, 2);
      assert.equal((await s.getDocument('v', 1))?.current, false);
      assert.equal(
        (await s.findDocument({ hash: v1?.hash }))?.version,
        1,
        'an old text is found by its hash',
      );
      assert.equal(
        (await s.findDocument({ url: 'https://news.example/v' }))?.version,
        2,
        'the URL finds the current one',
      );
      assert.equal(await s.findDocument({ hash: 'nope', url: 'https://nope', id: 'nope' }), null);
      // one query, priority hash > URL > id
      assert.deepEqual(await s.resolveDocument({ hash: v1?.hash, url: 'https://nope', id: 'nope' }), {
        by: 'hash',
        id: 'v',
        version: 1,
      });
      assert.deepEqual(await s.resolveDocument({ hash: 'nope', url: 'https://news.example/v', id: 'x' }), {
        by: 'url',
        id: 'v',
        version: 2,
      });
      assert.deepEqual(await s.resolveDocument({ hash: 'nope', url: null, id: 'v' }), {
        by: 'id',
        id: 'v',
        version: 2,
      });
      assert.equal(await s.resolveDocument({ hash: 'nope', url: 'https://nope', id: 'nope' }), null);
      assert.deepEqual(
        (await s.queryEvents({ doc: 'v' })).map((e) => [e.id, e.docVersion]),
        [['v-e3', 2]],
      );
    });

    it('writes a document atomically: a failing event leaves nothing behind', async () => {
      const s = await fresh();
      await s.putDocument(bundle('ok', [syntheticEvent(1)]));
      const bad = { ...syntheticEvent(2), date: '2024-13-45' };
      await assert.rejects(
        s.putDocument(bundle('bad', [syntheticEvent(3), bad])),
        (e: unknown) => isRiposteError(e) && e.code === 'E_STORE',
      );
      const c = await s.counts();
      assert.deepEqual([c.documents, c.events, c.mentions], [1, 1, 2]);
      assert.equal(await s.getDocument('bad'), null);
      // and the store is still usable after the rollback
      await s.putDocument(bundle('after', [syntheticEvent(4)]));
      assert.equal((await s.counts()).events, 2);
    });

    it('stores failed documents with their error and counts them', async () => {
      const s = await fresh();
      await s.putDocument({
        doc: doc('f', '{broken', {
          status: 'failed',
          error: 'E_INPUT_JSONL: invalid JSONL at line 3',
          coderVersion: null,
        }),
        events: [],
        mentions: [],
        quotes: [],
      });
      assert.equal((await s.counts()).failed, 1);
      const [d] = await s.listDocuments({ status: 'failed' });
      assert.equal(d?.error, 'E_INPUT_JSONL: invalid JSONL at line 3');
      assert.equal((await s.listDocuments({ status: 'ok' })).length, 0);
    });

    it('filters events by actor prefix, dates, code wildcard, quad, modality, document and pages', async () => {
      const s = await fresh();
      const evs: EventRecord[] = [
        syntheticEvent(0, { doc: 'q', source: 'RUSGOV', target: 'USA', code: '163', date: '2024-01-05' }),
        syntheticEvent(1, { doc: 'q', source: 'RUSMIL', target: 'UKR', code: '190', date: '2024-02-05' }),
        syntheticEvent(2, {
          doc: 'q',
          source: 'RUS',
          target: 'USAGOV',
          code: '1662',
          date: '2024-03-05',
          modality: 'negated',
        }),
        syntheticEvent(3, { doc: 'q', source: 'USA', target: 'RUS', code: '036', date: '2024-04-05' }),
        syntheticEvent(4, { doc: 'q', source: null, target: 'RUS', code: '16', date: '2024-05-05' }),
      ];
      await s.putDocument(bundle('q', evs));
      await s.putDocument(
        bundle('q2', [
          syntheticEvent(5, { source: 'RUSGOV', target: 'USA', code: '042', date: '2024-01-06' }),
        ]),
      );
      const ids = async (f: Parameters<Store['queryEvents']>[0]) =>
        (await s.queryEvents(f)).map((e) => e.id.replace(/^.*-e/, ''));
      assert.deepEqual(await ids({ source: 'RUS' }), ['0', '5', '1', '2']);
      assert.deepEqual(await ids({ source: 'rusgov' }), ['0', '5']);
      assert.deepEqual(await ids({ source: 'RUS', target: 'USA' }), ['0', '5', '2']);
      assert.deepEqual(await ids({ from: '2024-02-01', to: '2024-04-05' }), ['1', '2', '3']);
      assert.deepEqual(await ids({ code: '16*' }), ['0', '2', '4']);
      assert.deepEqual(await ids({ code: '16' }), ['4']);
      assert.deepEqual(
        await ids({ quad: evs[3]?.quad }),
        (await s.queryEvents({}))
          .filter((e) => e.quad === evs[3]?.quad)
          .map((e) => e.id.replace(/^.*-e/, '')),
      );
      assert.deepEqual(await ids({ modality: 'negated' }), ['2']);
      assert.deepEqual(await ids({ doc: 'q2' }), ['5']);
      assert.deepEqual(await ids({ limit: 2, offset: 1 }), ['5', '1']);
      assert.equal(await s.countEvents({ source: 'RUS', limit: 1 }), 4);
      assert.equal(await s.countEvents({}), 6);
      // prefix boundaries: RUS is not RUT or RU, and a prefix ending in 9 or Z stops there
      await s.putDocument(
        bundle('q3', [
          syntheticEvent(6, { source: 'RUT', target: 'RU', date: '2024-06-01' }),
          syntheticEvent(7, { source: 'RUZ', target: 'RU9', date: '2024-06-02' }),
          syntheticEvent(8, { source: 'RUZA', target: 'RU:', date: '2024-06-03' }),
        ]),
      );
      assert.deepEqual(await ids({ source: 'RUS' }), ['0', '5', '1', '2']);
      assert.deepEqual(await ids({ source: 'RUZ' }), ['7', '8']);
      assert.deepEqual(await ids({ target: 'RU9' }), ['7']);
      assert.deepEqual(await ids({ target: 'RU' }), ['3', '4', '6', '7', '8']);
      for (const bad of [
        { source: "RUS'; DROP TABLE events; --" },
        { code: '1*6' },
        { from: '2024-1-1' },
        { quad: 7 },
        { limit: -1 },
      ]) {
        await assert.rejects(
          s.queryEvents(bad),
          (e: unknown) => isRiposteError(e) && e.code === 'E_ARGS',
          JSON.stringify(bad),
        );
      }
    });

    it('clusters reports of one event across documents with GDELT-style counts and every piece of evidence', async () => {
      const s = await fresh();
      const same = { source: 'RUSGOV', target: 'USA', code: '163', date: '2024-06-01' } as const;
      await s.putDocument(
        bundle('c1', [syntheticEvent(1, same), syntheticEvent(2, { ...same, sentence: 3 })], {
          outlet: 'tass.ru',
        }),
      );
      await s.putDocument(bundle('c2', [syntheticEvent(3, same)], { outlet: 'tass.ru' }));
      await s.putDocument(
        bundle('c3', [syntheticEvent(4, same), syntheticEvent(5, { ...same, modality: 'negated' })], {
          outlet: null,
        }),
      );
      await s.putDocument(
        bundle('c4', [syntheticEvent(6, { ...same, date: '2024-06-02' })], { outlet: 'reuters.com' }),
      );
      const cl = await s.queryClusters({ source: 'RUS' });
      assert.equal(cl.length, 3);
      const main = cl.find((c) => c.mentions === 4);
      assert.ok(main);
      assert.deepEqual(
        [main.documents, main.sources, main.code, main.modality, main.date],
        [3, 2, '163', 'asserted', '2024-06-01'],
      );
      assert.deepEqual(main.events, ['c1-e1', 'c1-e2', 'c2-e3', 'c3-e4']);
      assert.equal(main.evidence.length, 4);
      assert.equal(main.source?.code, 'RUSGOV');
      assert.equal(main.id, clusterId(clusterKey(syntheticEvent(1, same))));
      const neg = cl.find((c) => c.modality === 'negated');
      assert.deepEqual([neg?.mentions, neg?.documents, neg?.sources], [1, 1, 1]);
      assert.equal((await s.queryClusters({ from: '2024-06-02' })).length, 1);
      assert.equal((await s.queryClusters({ limit: 1 })).length, 1);
    });

    it('groups writes in one batch transaction: visible inside, committed or rolled back as a whole', async () => {
      const s = await fresh();
      await s.begin();
      await s.putDocument(bundle('b1', [syntheticEvent(0)]));
      await s.putDocument(bundle('b2', [syntheticEvent(1)]));
      assert.equal((await s.findDocument({ id: 'b1' }))?.id, 'b1', 'the open batch is visible to its writer');
      await s.rollback();
      assert.equal(await s.findDocument({ id: 'b1' }), null);
      assert.equal((await s.counts()).events, 0);
      await s.begin();
      await s.putDocument(bundle('b1', [syntheticEvent(0)]));
      await s.putDocument(bundle('b3', [syntheticEvent(2)]));
      // a new version inside the same batch replaces the coding written moments before
      await s.putDocument(bundle('b3', [syntheticEvent(3), syntheticEvent(4)], { version: 2 }));
      assert.deepEqual(
        (await s.queryEvents({ doc: 'b3' })).map((e) => [e.id, e.docVersion]),
        [
          ['b3-e3', 2],
          ['b3-e4', 2],
        ],
      );
      await s.commit();
      const c = await s.counts();
      assert.deepEqual([c.documents, c.versions, c.events, c.mentions, c.quotes], [2, 3, 3, 4, 2]);
      await s.close();
    });

    it('replaces the coding of a stored document atomically (recode)', async () => {
      const s = await fresh();
      await s.putDocument(bundle('r', [syntheticEvent(1), syntheticEvent(2)]));
      await s.replaceCoding('r', 1, {
        events: [syntheticEvent(9, { doc: 'r' })],
        mentions: [],
        quotes: [],
        coderVersion: 'fake-2',
      });
      const evs = await s.queryEvents({ doc: 'r' });
      assert.deepEqual(
        evs.map((e) => [e.id, e.coderVersion]),
        [['r-e9', 'fake-2']],
      );
      assert.equal((await s.getDocument('r'))?.coderVersion, 'fake-2');
      assert.equal((await s.counts()).mentions, 0);
      await assert.rejects(
        s.replaceCoding('r', 1, {
          events: [{ ...syntheticEvent(3), date: 'x' }],
          mentions: [],
          quotes: [],
          coderVersion: 'fake-3',
        }),
      );
      assert.deepEqual(
        (await s.queryEvents({ doc: 'r' })).map((e) => e.coderVersion),
        ['fake-2'],
        'a failed recode keeps the previous coding',
      );
      await assert.rejects(
        s.replaceCoding('none', 1, { events: [], mentions: [], quotes: [], coderVersion: 'x' }),
        (e: unknown) => isRiposteError(e) && e.code === 'E_NOT_FOUND',
      );
    });

    it('bulk-inserts events', async () => {
      const s = await fresh();
      const evs = Array.from({ length: 3000 }, (_, i) => syntheticEvent(i));
      assert.equal(await s.insertEvents(evs, { coderVersion: 'bulk' }), 3000);
      assert.equal((await s.counts()).events, 3000);
      const rus = evs.filter((e) => e.source?.code.startsWith('RUS') && e.target?.code.startsWith('USA'));
      const got = await s.queryEvents({ source: 'RUS', target: 'USA' });
      assert.deepEqual(got.map((e) => e.id).sort(), rus.map((e) => e.id).sort());
      assert.ok(rus.length > 0);
    });
  });
}
