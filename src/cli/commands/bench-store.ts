/** `riposte bench-store`: store benchmarks (bulk insert, dyad query over 10M events, ingest throughput). */
import { fail } from '../../core/errors.ts';
import { parseFlags } from '../../export/filters.ts';
import { loadCoder } from '../../ingest/coder.ts';
import { BENCH_PARTS, type BenchPart, benchStore } from '../../store/bench.ts';
import type { Command } from '../command.ts';

const count = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw fail('E_ARGS', `expected --${name} a whole number, found "${v}"`);
  return Number(v);
};

export const command: Command = {
  name: 'bench-store',
  summary: 'Benchmark the store: bulk insert, dyad query over 10M events, ingest documents/s and sentences/s',
  usage:
    'riposte bench-store [--only insert,query,ingest] [--insert N] [--query N] [--query-db FILE] [--docs N] [--corpus FILE.jsonl] [--pg postgres://…] [--coder real|fake[:MS]] [--dictionaries native|native:DIR|petrarch:DIR]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      insert: { type: 'string' },
      query: { type: 'string' },
      docs: { type: 'string' },
      pg: { type: 'string' },
      coder: { type: 'string' },
      dictionaries: { type: 'string' },
      corpus: { type: 'string' },
      only: { type: 'string' },
      'query-db': { type: 'string' },
    });
    const only = values.only?.split(',').map((p) => p.trim());
    for (const p of only ?? [])
      if (!(BENCH_PARTS as readonly string[]).includes(p))
        throw fail(
          'E_ARGS',
          `expected --only a comma-separated list of ${BENCH_PARTS.join(', ')}, found "${p}"`,
        );
    // the real coder unless --coder fake[:MS]; loaded only for the ingest part (its lexicon would sit in the
    // heap of the insert and query parts)
    const coder =
      only && !only.includes('ingest')
        ? undefined
        : await loadCoder({
            coder: values.coder ?? 'real',
            ...(values.dictionaries ? { dictionaries: values.dictionaries } : {}),
          });
    const insertEvents = count('insert', values.insert);
    const queryEvents = count('query', values.query);
    const ingestDocs = count('docs', values.docs);
    const pg = values.pg ?? process.env.RIPOSTE_TEST_PG;
    await benchStore({
      ...(coder ? { coder } : {}),
      log: (l) => io.stdout.write(`${l}\n`),
      ...(insertEvents !== undefined ? { insertEvents } : {}),
      ...(queryEvents !== undefined ? { queryEvents } : {}),
      ...(ingestDocs !== undefined ? { ingestDocs } : {}),
      ...(pg ? { pg } : {}),
      ...(values.corpus ? { corpus: values.corpus } : {}),
      ...(only ? { only: only as BenchPart[] } : {}),
      ...(values['query-db'] ? { queryDb: values['query-db'] } : {}),
    });
    return 0;
  },
};
