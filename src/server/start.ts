/**
 * Starting the server: open the store, seed it with the sample corpus when asked and empty, make sure the
 * dashboard is built, bind (127.0.0.1 unless told otherwise) and report the URL.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { fail } from '../core/errors.ts';
import { loadCoder } from '../ingest/coder.ts';
import type { CoderLike } from '../ingest/fake-coder.ts';
import { type IngestSummary, ingestPaths } from '../ingest/ingest.ts';
import { openStore, type Store } from '../store/store.ts';
import { createApp } from './app.ts';
import { DEFAULT_WEB_ROOT, isBuilt } from './static.ts';

export const SAMPLE_CORPUS = fileURLToPath(new URL('../../data/samples/corpus.jsonl', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface StartOptions {
  db?: string;
  port?: number;
  host?: string;
  /** ingest the bundled sample corpus when the store holds no document */
  samples?: boolean;
  /** build the dashboard when web/dist is missing (default true) */
  build?: boolean;
  webRoot?: string;
  /** "real" (default) or "fake" */
  coder?: string;
  log?: (line: string) => void;
}

export interface Running {
  url: string;
  port: number;
  store: Store;
  seeded: IngestSummary | null;
  close(): Promise<void>;
}

/** Builds the dashboard with Vite (web/vite.config.ts) into web/dist; returns false when Vite is unavailable. */
export function buildDashboard(log: (l: string) => void = () => {}): boolean {
  let bin: string;
  try {
    const req = createRequire(join(REPO, 'package.json'));
    bin = join(dirname(req.resolve('vite/package.json')), 'bin', 'vite.js');
  } catch {
    log('riposte serve: Vite is not installed (npm install), the dashboard cannot be built');
    return false;
  }
  log('riposte serve: building the dashboard (vite build)…');
  const r = spawnSync(
    process.execPath,
    [bin, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: REPO,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  return r.status === 0;
}

export async function startServer(o: StartOptions = {}): Promise<Running> {
  const log = o.log ?? (() => {});
  const webRoot = o.webRoot ?? DEFAULT_WEB_ROOT;
  if (!isBuilt(webRoot) && o.build !== false && webRoot === DEFAULT_WEB_ROOT) buildDashboard(log);
  const store = await openStore(o.db);
  let coderP: Promise<CoderLike> | null = null;
  const coder = () => {
    coderP ??= loadCoder({ coder: o.coder ?? 'real' });
    return coderP;
  };
  let seeded: IngestSummary | null = null;
  try {
    if (o.samples && (await store.counts()).documents === 0) {
      log(`riposte serve: the store is empty, ingesting the sample corpus into ${store.location}…`);
      seeded = await ingestPaths(store, await coder(), [SAMPLE_CORPUS]);
      log(`riposte serve: ${seeded.added} documents, ${seeded.events} events`);
    }
  } catch (e) {
    await store.close();
    throw e;
  }
  const app = createApp({ store, coder, webRoot });
  const host = o.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((res, rej) => {
    const s = serve({ fetch: app.fetch, port: o.port ?? 8787, hostname: host }, () => res(s));
    s.once('error', (e: NodeJS.ErrnoException) => {
      rej(
        e.code === 'EADDRINUSE'
          ? fail('E_ARGS', `expected a free port, found ${host}:${o.port ?? 8787} in use (use --port)`)
          : e,
      );
    });
  }).catch(async (e) => {
    await store.close();
    throw e;
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    store,
    seeded,
    close: async () => {
      await new Promise<void>((res) => server.close(() => res()));
      await store.close();
    },
  };
}
