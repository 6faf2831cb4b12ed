/**
 * The command registry. Each command lives in its own module under src/cli/commands/ and exports a `Command`;
 * add one line here per command.
 */
import type { Command } from './command.ts';

export const COMMANDS: Record<string, () => Promise<Command>> = {
  code: async () => (await import('./commands/code.ts')).command,
  annotate: async () => (await import('./commands/annotate.ts')).command,
  demo: async () => (await import('./commands/demo.ts')).command,
  bench: async () => (await import('./commands/bench.ts')).command,
};
