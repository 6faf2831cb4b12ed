import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDuckDbStore } from '../store/duckdb.ts';
import type { Store } from '../store/store.ts';
import { createFakeCoder } from './fake-coder.ts';
import { ingestPaths } from './ingest.ts';
import { Progress } from './progress.ts';
import { listInputs, readInputs } from './readers.ts';
import { recode } from './recode.ts';

const root = mkdtempSync(join(tmpdir(), 'riposte-ingest-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const db = () => openDuckDbStore(join(root, `db${n++}.duckdb`));

function corpus(): string {
  const dir = join(root, `corpus${n++}`);
  mkdirSync(join(dir, 'feeds'), { recursive: true });
  writeFileSync(
    join(dir, 'a.jsonl'),
    [
      '{"id":"j1","text":"RUS imposed sanctions on USA.","date":"2024-05-01","url":"https://x.example/j1","source":"tass.ru"}',
      '{"id":"j2","text":"USA and CHN held talks. CHN did not attack TWN.","date":"2024-05-02"}',
      '{"id":"j3", "text": ',
      '',
      '{"id":"j4","date":"2024-05-02"}',
      '{"id":"j5","text":"FRA met DEU. CODER-FAIL","date":"2024-05-02"}',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'b.txt'), 'FRA accused DEU of lying. DEU will help ITA.');
  writeFileSync(join(dir, 'notes.bin'), 'ignored: unknown extension in a folder');
  writeFileSync(
    join(dir, 'c.html'),
    `<html lang="en"><head><title>Page</title><meta property="og:site_name" content="Le Monde">
     <meta property="article:published_time" content="2024-05-03T10:00:00Z"><link rel="canonical" href="https://lemonde.example/a"></head>
     <body><nav>Menu Home About Contact</nav><article><h1>Big news</h1><p>RUS threatened UKR on Monday, officials said. ${'More words. '.repeat(20)}</p>
     <p>UKR accused RUS of shelling the city. ${'Filler text here. '.repeat(20)}</p></article><footer>Copyright</footer></body></html>`,
  );
  writeFileSync(
    join(dir, 'feeds', 'd.rss'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
     <item><title>One</title><link>https://wire.example/1</link><guid>w1</guid><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;IRN threatened ISR.&lt;/p&gt;</description></item>
     <item><title>Two</title><link>https://wire.example/2</link><guid>w2</guid><pubDate>Wed, 08 May 2024 10:00:00 GMT</pubDate><description>TUR met GRC for talks.</description></item>
     </channel></rss>`,
  );
  writeFileSync(
    join(dir, 'feeds', 'e.atom'),
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atomic</title>
     <entry><title>A1</title><link href="https://atom.example/1"/><id>urn:a1</id><published>2024-05-09T00:00:00Z</published><summary>IND accused PAK.</summary></entry></feed>`,
  );
  return dir;
}

describe('readers', () => {
  it('reads text, JSONL (bad lines become failed items), HTML and RSS/Atom items from a folder', async () => {
    const dir = corpus();
    const items = [];
    for await (const it of readInputs(listInputs([dir]))) items.push(it);
    const byId = new Map(items.map((i) => [i.ok ? i.doc.id : i.id, i]));
    const name = dir.split('/').pop();
    assert.deepEqual(
      [...byId.keys()],
      [
        'j1',
        'j2',
        `${name}/a.jsonl:3`,
        `${name}/a.jsonl:5`,
        'j5',
        `${name}/b.txt`,
        `${name}/c.html`,
        `${name}/feeds/d.rss#w1`,
        `${name}/feeds/d.rss#w2`,
        `${name}/feeds/e.atom#urn:a1`,
      ],
    );
    const bad = byId.get(`${name}/a.jsonl:5`);
    assert.ok(bad && !bad.ok);
    assert.equal(bad.error.code, 'E_INPUT_JSONL');
    assert.match(bad.error.message, /line 5: expected \{id, text.*text: /);
    const html = byId.get(`${name}/c.html`);
    assert.ok(html?.ok);
    assert.deepEqual(
      [html.doc.title, html.doc.date, html.doc.outlet, html.doc.url, html.doc.language],
      ['Page', '2024-05-03', 'Le Monde', 'https://lemonde.example/a', 'en'],
    );
    assert.match(html.doc.text, /^Big news\n\nRUS threatened UKR on Monday/);
    assert.doesNotMatch(html.doc.text, /Menu Home|Copyright/);
    const rss = byId.get(`${name}/feeds/d.rss#w1`);
    assert.ok(rss?.ok);
    assert.deepEqual(
      [rss.doc.text, rss.doc.date, rss.doc.url, rss.doc.outlet],
      ['IRN threatened ISR.', '2024-05-07', 'https://wire.example/1', 'Wire'],
    );
    const atom = byId.get(`${name}/feeds/e.atom#urn:a1`);
    assert.ok(atom?.ok);
    assert.deepEqual(
      [atom.doc.text, atom.doc.date, atom.doc.url],
      ['IND accused PAK.', '2024-05-09', 'https://atom.example/1'],
    );
  });
});

describe('ingest', () => {
  const coder = createFakeCoder();
  const docs = async (s: Store) =>
    (await s.listDocuments({ current: false })).map((d) => `${d.id}@${d.version}:${d.status}`);

  it('stores every document once, failed ones with their error, and is idempotent', async () => {
    const dir = corpus();
    const s = await db();
    const first = await ingestPaths(s, coder, [dir]);
    assert.deepEqual([first.seen, first.added, first.failed, first.unchanged], [10, 10, 3, 0]);
    const c1 = await s.counts();
    assert.equal(c1.documents, 10);
    assert.equal(c1.failed, 3);
    assert.equal(c1.events, first.events);
    const failed = await s.listDocuments({ status: 'failed' });
    assert.deepEqual(
      failed.map((d) => d.error?.slice(0, 13)),
      ['E_INPUT_JSONL', 'E_INPUT_JSONL', 'E_STAGE: stag'],
    );
    const before = await docs(s);
    const again = await ingestPaths(s, coder, [dir]);
    assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 10]);
    assert.deepEqual(await docs(s), before);
    assert.deepEqual(await s.counts(), c1);
    await s.close();
  });

  it('stores a changed text as a new version and the same text under another name once', async () => {
    const dir = corpus();
    const s = await db();
    await ingestPaths(s, coder, [dir]);
    const id = `${dir.split('/').pop()}/b.txt`;
    writeFileSync(join(dir, 'b.txt'), 'FRA accused DEU of lying. DEU will help ITA. ITA thanked DEU.');
    writeFileSync(join(dir, 'copy.txt'), 'IND accused PAK.'); // the Atom entry's text again
    const r = await ingestPaths(s, coder, [dir]);
    assert.deepEqual([r.added, r.updated, r.unchanged], [0, 1, 10]);
    assert.equal((await s.getDocument(id))?.version, 2);
    assert.deepEqual(
      (await s.queryEvents({ doc: id })).map((e) => [e.docVersion, e.source?.code, e.target?.code]),
      [
        [2, 'FRA', 'DEU'],
        [2, 'DEU', 'ITA'],
        [2, 'ITA', 'DEU'],
      ],
    );
    await s.close();
  });

  it('recode replaces events with the new coder version', async () => {
    const dir = corpus();
    const s = await db();
    await ingestPaths(s, coder, [dir]);
    const before = (await s.counts()).events;
    const r = await recode(s, createFakeCoder({ version: 'fake-2' }), { stale: true });
    assert.equal(r.documents, 8); // 2 unparseable JSONL lines are skipped; the coder failure is retried
    assert.equal(r.failed, 1);
    assert.equal((await s.counts()).events, before);
    const versions = new Set((await s.queryEvents()).map((e) => e.coderVersion));
    assert.deepEqual([...versions], ['fake-2']);
    assert.equal((await recode(s, createFakeCoder({ version: 'fake-2' }), { stale: true })).documents, 0);
    await s.close();
  });

  it('writes plain progress lines when stderr is not a terminal', async () => {
    const dir = corpus();
    const s = await db();
    const lines: string[] = [];
    const out = { write: (x: string) => lines.push(x) } as unknown as NodeJS.WritableStream;
    await ingestPaths(s, coder, [dir], { progress: new Progress(out, { isTTY: false, everyDocs: 4 }) });
    assert.equal(lines.length, 2);
    assert.match(lines[0] ?? '', /^ingest: 4 documents · \d+ docs\/s · \d+ events · \d+% · ETA \d+s\n$/);
    const tty: string[] = [];
    const p = new Progress({ write: (x: string) => tty.push(x) } as unknown as NodeJS.WritableStream, {
      isTTY: true,
    });
    p.start(100);
    p.tick(50, 3, 4);
    p.done();
    assert.ok(tty.join('').startsWith('\r\u001b[K'), 'the line rewrites itself');
    assert.match(tty.join(''), /3 events · 50% · ETA/);
    await s.close();
  });
});

describe('crash safety', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'riposte.js');
  const countries = ['RUS', 'USA', 'UKR', 'CHN', 'FRA', 'DEU', 'IRN', 'ISR'];
  function bigCorpus(): string {
    const dir = join(root, `big${n++}`);
    mkdirSync(dir, { recursive: true });
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      const a = countries[i % 8];
      const b = countries[(i * 3 + 1) % 8];
      // every 10th line re-sends an earlier URL with a changed text (a new version), every 37th is broken
      const url = i % 10 === 9 ? `https://n.example/${i - 5}` : `https://n.example/${i}`;
      if (i % 29 === 28) lines.push(`{"id":"broken${i}", "text": `);
      else
        lines.push(
          JSON.stringify({
            id: `n${i}`,
            text: `${a} imposed sanctions on ${b}. ${b} met ${a} for talks on day ${i}.`,
            date: '2024-06-01',
            url,
          }),
        );
    }
    writeFileSync(join(dir, 'news.jsonl'), lines.join('\n'));
    return dir;
  }
  function run(
    dir: string,
    dbPath: string,
    killAfterLines?: number,
  ): Promise<{ code: number | null; killed: boolean }> {
    return new Promise((res, rej) => {
      const p = spawn(
        process.execPath,
        // batches of 4 documents per transaction: kills land inside open batches as well as between them
        [bin, 'ingest', dir, '--db', dbPath, '--coder', 'fake:4', '--progress-every', '5', '--batch', '4'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let lines = 0;
      let killed = false;
      let err = '';
      p.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        lines += (d.toString().match(/\n/g) ?? []).length;
        if (killAfterLines !== undefined && lines >= killAfterLines && !killed) {
          killed = true;
          p.kill('SIGKILL');
        }
      });
      p.on('error', rej);
      p.on('exit', (code) =>
        killed || code === 0 ? res({ code, killed }) : rej(new Error(`ingest exited ${code}: ${err}`)),
      );
    });
  }
  async function snapshot(path: string) {
    const s = await openDuckDbStore(path);
    const d = (await s.listDocuments({ current: false })).map(
      (x) => `${x.id}@${x.version}:${x.status}:${x.hash.slice(0, 8)}:${x.current}`,
    );
    const e = (await s.queryEvents()).map((x) => `${x.id}@${x.docVersion}:${x.code}:${x.clusterId}`);
    const c = await s.counts();
    await s.close();
    return { d, e, c };
  }

  it('a run killed with SIGKILL mid-way and restarted ends exactly like an uninterrupted run', {
    timeout: 120_000,
  }, async () => {
    const dir = bigCorpus();
    const clean = join(root, `clean${n++}.duckdb`);
    const crashed = join(root, `crashed${n++}.duckdb`);
    await run(dir, clean);
    const first = await run(dir, crashed, 3);
    assert.ok(first.killed, 'the first run was killed');
    const mid = await snapshot(crashed);
    assert.ok(
      mid.c.versions > 0 && mid.c.versions < 120,
      `killed mid-run: ${mid.c.versions} documents stored`,
    );
    const second = await run(dir, crashed, 9);
    assert.ok(second.killed || second.code === 0);
    await run(dir, crashed);
    const a = await snapshot(clean);
    const b = await snapshot(crashed);
    assert.equal(a.c.versions, 120);
    assert.ok(a.c.documents < a.c.versions, 'the corpus has new versions');
    assert.ok(a.c.failed > 0, 'the corpus has failed documents');
    assert.deepEqual(b.c, a.c);
    assert.deepEqual(b.d, a.d);
    assert.deepEqual(b.e, a.e);
  });
});
