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
  ingest: async () => (await import('./commands/ingest.ts')).command,
  recode: async () => (await import('./commands/recode.ts')).command,
  events: async () => (await import('./commands/events.ts')).command,
  export: async () => (await import('./commands/export.ts')).command,
  'bench-store': async () => (await import('./commands/bench-store.ts')).command,
  dyad: async () => (await import('./commands/dyad.ts')).command,
  responses: async () => (await import('./commands/responses.ts')).command,
  reciprocity: async () => (await import('./commands/reciprocity.ts')).command,
  alerts: async () => (await import('./commands/alerts.ts')).command,
  eval: async () => (await import('./commands/eval.ts')).command,
  serve: async () => (await import('./commands/serve.ts')).command,
};
