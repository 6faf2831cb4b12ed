/** `riposte eval NAME …`: dispatches to an evaluation module src/eval/NAME.ts exporting `run(argv, io)`. */
import { fail } from '../../core/errors.ts';
import type { Command, CommandIO } from '../command.ts';

type EvalModule = { run(argv: string[], io: CommandIO): Promise<number>; USAGE?: string };

const EVALS: Record<string, () => Promise<EvalModule>> = {
  confli: () => import('../../eval/confli.ts'),
  plover: () => import('../../eval/plover.ts'),
  golden: () => import('../../eval/golden.ts'),
  petrarch: () => import('../../eval/petrarch.ts' as string) as Promise<EvalModule>,
};

export const command: Command = {
  name: 'eval',
  summary:
    'Score the coder on gold data: confli (ConfliBERT CAMEO class and spans), plover (PLOVER records), golden (seed, samples, negative cases), petrarch.',
  usage: `riposte eval ${Object.keys(EVALS).join('|')} [options]    (riposte eval NAME --usage for the options)`,
  async run(argv: string[], io: CommandIO): Promise<number> {
    const [name, ...rest] = argv;
    const load = name ? EVALS[name] : undefined;
    if (!load)
      throw fail(
        'E_ARGS',
        `expected an evaluation (${Object.keys(EVALS).join(', ')}), found "${name ?? ''}"`,
      );
    const mod = await load();
    if (rest.includes('--usage')) {
      io.stdout.write(`${mod.USAGE ?? `riposte eval ${name} [options]`}\n`);
      return 0;
    }
    return mod.run(rest, io);
  },
};
