/** `riposte bench-store`: store benchmarks (bulk insert, dyad query over 10M events, ingest throughput). */
import { fail } from '../../core/errors.ts';
import { parseFlags } from '../../export/filters.ts';
import { loadCoder } from '../../ingest/coder.ts';
import { benchStore } from '../../store/bench.ts';
import type { Command } from '../command.ts';

const count = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw fail('E_ARGS', `expected --${name} a whole number, found "${v}"`);
  return Number(v);
};

export const command: Command = {
  name: 'bench-store',
  summary: 'Benchmark the store: bulk insert, dyad query over 10M events, ingest documents/s and sentences/s',
  usage: 'riposte bench-store [--insert N] [--query N] [--docs N] [--pg postgres://…] [--coder real|fake]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      insert: { type: 'string' },
      query: { type: 'string' },
      docs: { type: 'string' },
      pg: { type: 'string' },
      coder: { type: 'string' },
    });
    let coder = await loadCoder({ coder: values.coder ?? 'fake' }).catch(async (e: unknown) => {
      io.stderr.write(
        `bench-store: the real coder is not available (${e instanceof Error ? e.message : String(e)}); using the fake coder\n`,
      );
      return loadCoder({ coder: 'fake' });
    });
    if (values.coder === undefined) {
      // prefer the real coder when it loads
      coder = await loadCoder({ coder: 'real' }).catch(() => coder);
    }
    const insertEvents = count('insert', values.insert);
    const queryEvents = count('query', values.query);
    const ingestDocs = count('docs', values.docs);
    const pg = values.pg ?? process.env.RIPOSTE_TEST_PG;
    await benchStore({
      coder,
      log: (l) => io.stdout.write(`${l}\n`),
      ...(insertEvents !== undefined ? { insertEvents } : {}),
      ...(queryEvents !== undefined ? { queryEvents } : {}),
      ...(ingestDocs !== undefined ? { ingestDocs } : {}),
      ...(pg ? { pg } : {}),
    });
    return 0;
  },
};
