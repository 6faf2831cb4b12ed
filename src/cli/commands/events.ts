/** `riposte events [filters]`: stored events (or clusters) as a table, JSON lines or CSV. */
import { fail } from '../../core/errors.ts';
import { exportTo } from '../../export/export.ts';
import { FILTER_OPTIONS, FILTER_USAGE, filterFrom, parseFlags } from '../../export/filters.ts';
import { type EventFilter, openStore } from '../../store/store.ts';

/** rows shown by the table format unless --limit says otherwise (the API's page size) */
const DEFAULT_PAGE = 100;

import type { Command } from '../command.ts';

export const command: Command = {
  name: 'events',
  summary: 'Query stored events or event clusters (the table shows 100 rows unless --limit)',
  usage: `riposte events ${FILTER_USAGE} [--clusters] [--format table|jsonl|csv] [--db FILE|postgres://…]`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...FILTER_OPTIONS,
      db: { type: 'string' },
      clusters: { type: 'boolean' },
      format: { type: 'string' },
    });
    const format = values.format ?? 'table';
    if (!['table', 'jsonl', 'csv'].includes(format))
      throw fail('E_ARGS', `expected --format table, jsonl or csv, found "${format}"`);
    const filter = filterFrom(values);
    // a closed pipe (| head) ends the output quietly
    io.stdout.on?.('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
    const store = await openStore(values.db);
    try {
      if (format === 'jsonl') {
        await exportTo(store, 'jsonl', filter, io.stdout, { clusters: values.clusters === true });
        return 0;
      }
      if (values.clusters) {
        const rows = (await store.queryClusters(filter)).map((c) => [
          String(c.id),
          c.date,
          c.sourceCode ?? '',
          c.targetCode ?? '',
          c.code,
          String(c.quad),
          String(Number(c.goldstein.toFixed(1))),
          c.modality,
          String(c.mentions),
          String(c.documents),
          String(c.sources),
        ]);
        const head = [
          'cluster',
          'date',
          'source',
          'target',
          'code',
          'quad',
          'goldstein',
          'modality',
          'mentions',
          'documents',
          'sources',
        ];
        io.stdout.write(format === 'csv' ? csv(head, rows) : table(head, rows));
        return 0;
      }
      if (format === 'csv') {
        await exportTo(store, 'csv', filter, io.stdout);
        return 0;
      }
      // a table is for reading: one page by default (as the API), the total says how many match
      const page: EventFilter = { ...filter, limit: filter.limit ?? DEFAULT_PAGE };
      const [events, total] = await Promise.all([store.queryEvents(page), store.countEvents(filter)]);
      const rows = events.map((e) => [
        e.date,
        e.source?.code ?? '',
        e.target?.code ?? '',
        e.code,
        String(e.quad),
        String(e.goldstein),
        e.modality,
        e.doc,
        (e.evidence[0]?.text ?? '').replace(/\s+/g, ' ').slice(0, 60),
      ]);
      io.stdout.write(
        table(['date', 'source', 'target', 'code', 'quad', 'goldstein', 'modality', 'doc', 'evidence'], rows),
      );
      if (rows.length < total)
        io.stdout.write(
          `${total} events match; showing ${(filter.offset ?? 0) + 1}–${(filter.offset ?? 0) + rows.length} (--limit N --offset N for more, --format jsonl|csv for all)\n`,
        );
      return 0;
    } finally {
      await store.close();
    }
  },
};

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(w[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n${rows.length} row${rows.length === 1 ? '' : 's'}\n`;
}

function csv(head: string[], rows: string[][]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `${[head, ...rows].map((r) => r.map(q).join(',')).join('\n')}\n`;
}
