/** Starting the server for real: seeding only an empty store, binding 127.0.0.1, a clear error for a busy port. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { isRiposteError } from '../core/errors.ts';
import { startServer } from './start.ts';

const dir = mkdtempSync(join(tmpdir(), 'riposte-start-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('seeds an empty store once, serves on 127.0.0.1 and reports a busy port', async () => {
  const db = join(dir, 's.duckdb');
  const first = await startServer({ db, port: 0, samples: true, build: false, coder: 'fake', webRoot: dir });
  try {
    assert.match(first.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok((first.seeded?.added ?? 0) > 20, 'the sample corpus was ingested');
    const meta = (await (await fetch(`${first.url}api/meta`)).json()) as { counts: { documents: number } };
    assert.equal(meta.counts.documents, first.seeded?.added);
    const bad = await fetch(`${first.url}api/events?quad=9`);
    assert.equal(bad.status, 400);
    await assert.rejects(
      startServer({
        db: join(dir, 'other.duckdb'),
        port: first.port,
        build: false,
        coder: 'fake',
        webRoot: dir,
      }),
      (e) => isRiposteError(e) && e.code === 'E_ARGS' && /in use/.test(e.message),
    );
  } finally {
    await first.close();
  }
  const again = await startServer({ db, port: 0, samples: true, build: false, coder: 'fake', webRoot: dir });
  try {
    assert.equal(again.seeded, null, 'a store with documents is not seeded again');
  } finally {
    await again.close();
  }
});
