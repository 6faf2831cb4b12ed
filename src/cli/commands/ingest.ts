/** `riposte ingest PATH…`: reads, codes and stores documents; idempotent and crash-safe (see docs/store.md). */
import { fail } from '../../core/errors.ts';
import { parseFlags } from '../../export/filters.ts';
import { loadCoder } from '../../ingest/coder.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { Progress } from '../../ingest/progress.ts';
import { openStore } from '../../store/store.ts';
import type { Command } from '../command.ts';
import { batchOption, coderChoice } from '../options.ts';

export const command: Command = {
  name: 'ingest',
  summary:
    'Code and store documents: text files, JSONL {id,text,date,…}, HTML pages, RSS/Atom feeds, folders of them',
  usage:
    'riposte ingest PATH… [--db FILE|postgres://…] [--dictionaries native|native:DIR|petrarch:DIR] [--quad gdelt|icews|phoenix] [--coder real|fake[:MS]] [--batch N] [--limit N] [--progress-every N]',
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        db: { type: 'string' },
        dictionaries: { type: 'string' },
        quad: { type: 'string' },
        coder: { type: 'string' },
        batch: { type: 'string' },
        limit: { type: 'string' },
        'progress-every': { type: 'string' },
      },
      true,
    );
    if (positionals.length === 0)
      throw fail('E_ARGS', 'expected at least one file or folder to ingest, found none');
    const every = values['progress-every'];
    if (every !== undefined && !/^\d+$/.test(every))
      throw fail('E_ARGS', `expected --progress-every a whole number, found "${every}"`);
    if (values.limit !== undefined && !/^\d+$/.test(values.limit))
      throw fail('E_ARGS', `expected --limit a whole number, found "${values.limit}"`);
    const batch = batchOption(values.batch);
    const coder = await loadCoder(coderChoice(values));
    const store = await openStore(values.db);
    try {
      const progress = new Progress(io.stderr, {
        isTTY: io.isTTY,
        ...(every ? { everyDocs: Number(every) } : {}),
      });
      const s = await ingestPaths(store, coder, positionals, {
        progress,
        ...batch,
        ...(values.limit !== undefined ? { limit: Number(values.limit) } : {}),
      });
      const secs = Math.max(s.seconds, 0.001);
      io.stdout.write(
        `ingested ${s.seen} documents into ${store.location}: ${s.added} new, ${s.updated} new versions, ${s.unchanged} unchanged, ${s.failed} failed; ` +
          `${s.events} events from ${s.sentences} sentences in ${s.seconds.toFixed(1)} s (${Math.round(s.seen / secs)} docs/s, ${Math.round(s.sentences / secs)} sentences/s)\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
