/** `riposte export --format …`: GDELT 2.0 Events / Mentions, PLOVER, JSON lines, CSV or Parquet. */
import { createWriteStream } from 'node:fs';
import { fail } from '../../core/errors.ts';
import { exportParquet, exportTo } from '../../export/export.ts';
import { FILTER_OPTIONS, FILTER_USAGE, filterFrom, parseFlags } from '../../export/filters.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/formats.ts';
import { openStore } from '../../store/store.ts';
import type { Command } from '../command.ts';

export const command: Command = {
  name: 'export',
  summary:
    'Export stored events: GDELT 2.0 events (61 columns) or mentions, PLOVER JSON lines, JSON lines, CSV, Parquet',
  usage: `riposte export --format ${EXPORT_FORMATS.join('|')} ${FILTER_USAGE} [--clusters] [--header] [-o FILE] [--db FILE|postgres://…]`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      ...FILTER_OPTIONS,
      db: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      clusters: { type: 'boolean' },
      header: { type: 'boolean' },
    });
    const format = values.format as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) {
      throw fail(
        'E_ARGS',
        `expected --format one of ${EXPORT_FORMATS.join(', ')}, found "${values.format ?? ''}"`,
      );
    }
    const filter = filterFrom(values);
    // a closed pipe (| head) ends the output quietly
    io.stdout.on?.('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
    const store = await openStore(values.db);
    try {
      let n: number;
      if (format === 'parquet') {
        if (!values.output)
          throw fail('E_ARGS', 'expected -o FILE with --format parquet, found standard output');
        n = await exportParquet(store, filter, values.output);
      } else if (values.output) {
        const out = createWriteStream(values.output);
        n = await exportTo(store, format, filter, out, {
          header: values.header === true,
          clusters: values.clusters === true,
        });
        await new Promise<void>((res, rej) =>
          out.end((e?: Error | null) =>
            e ? rej(fail('E_INPUT_READ', values.output as string, e.message)) : res(),
          ),
        );
      } else {
        n = await exportTo(store, format, filter, io.stdout, {
          header: values.header === true,
          clusters: values.clusters === true,
        });
      }
      io.stderr.write(
        `export: ${n} ${format === 'gdelt' || values.clusters ? 'clusters' : 'events'} written as ${format}${values.output ? ` to ${values.output}` : ''}\n`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
