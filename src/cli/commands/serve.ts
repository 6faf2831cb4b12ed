/** `riposte serve`: the HTTP API and the dashboard (see docs/server.md). `npm start` runs it with --samples. */
import { fail } from '../../core/errors.ts';
import { parseFlags } from '../../export/filters.ts';
import { startServer } from '../../server/start.ts';
import type { Command } from '../command.ts';

export const command: Command = {
  name: 'serve',
  summary: 'Serve the HTTP API (/openapi.json) and the dashboard',
  usage:
    'riposte serve [--db FILE|postgres://…] [--port 8787] [--host 127.0.0.1] [--samples] [--coder real|fake] [--no-build]',
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      samples: { type: 'boolean' },
      coder: { type: 'string' },
      'no-build': { type: 'boolean' },
    });
    const port = values.port ?? '8787';
    if (!/^\d+$/.test(port) || Number(port) > 65535)
      throw fail('E_ARGS', `expected --port a number 0-65535, found "${port}"`);
    const running = await startServer({
      port: Number(port),
      host: values.host ?? '127.0.0.1',
      samples: values.samples === true,
      build: values['no-build'] !== true,
      ...(values.db ? { db: values.db } : {}),
      ...(values.coder ? { coder: values.coder } : {}),
      log: (l) => io.stderr.write(`${l}\n`),
    });
    io.stdout.write(
      `riposte is serving ${running.store.location}\n  dashboard: ${running.url}\n  API:       ${running.url}openapi.json\n`,
    );
    await new Promise<void>((res) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        res();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    return 0;
  },
};
