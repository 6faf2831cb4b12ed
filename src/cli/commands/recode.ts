/** `riposte recode`: re-codes stored documents with the current coder; each document's events are replaced atomically. */
import { fail } from '../../core/errors.ts';
import { parseFlags } from '../../export/filters.ts';
import { loadCoder } from '../../ingest/coder.ts';
import { recode } from '../../ingest/recode.ts';
import { openStore } from '../../store/store.ts';
import type { Command } from '../command.ts';
import { batchOption, coderChoice } from '../options.ts';

export const command: Command = {
  name: 'recode',
  summary: 'Re-code stored documents with the current dictionaries and coder version',
  usage:
    'riposte recode [--db FILE|postgres://…] [--doc ID] [--status ok|failed] [--stale] [--dictionaries native|native:DIR|petrarch:DIR] [--quad gdelt|icews|phoenix] [--coder real|fake[:MS]] [--batch N]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      doc: { type: 'string' },
      status: { type: 'string' },
      stale: { type: 'boolean' },
      dictionaries: { type: 'string' },
      quad: { type: 'string' },
      coder: { type: 'string' },
      batch: { type: 'string' },
    });
    if (values.status !== undefined && values.status !== 'ok' && values.status !== 'failed') {
      throw fail('E_ARGS', `expected --status ok or failed, found "${values.status}"`);
    }
    const batch = batchOption(values.batch);
    const coder = await loadCoder(coderChoice(values));
    const store = await openStore(values.db);
    try {
      const s = await recode(store, coder, {
        ...(values.doc ? { id: values.doc } : {}),
        ...(values.status ? { status: values.status as 'ok' | 'failed' } : {}),
        stale: values.stale === true,
        ...batch,
      });
      io.stdout.write(
        `recoded ${s.documents} documents with coder ${coder.version}: ${s.events} events (was ${s.previousEvents}), ${s.failed} failed, ${s.skipped} already current\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
