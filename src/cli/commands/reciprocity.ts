/** `riposte reciprocity [A B]`: lagged regressions of B→A net cooperation on A→B net cooperation for the busiest pairs. */

import type { ActorLevel } from '../../analysis/actors.ts';
import { COMMON_USAGE, choice, intOption, load, parse, round } from '../../analysis/cli.ts';
import type { PairReciprocity, ReciprocityOptions, Regression } from '../../analysis/reciprocity.ts';
import { reciprocity, reciprocityTable } from '../../analysis/reciprocity.ts';
import type { Row } from '../../analysis/render.ts';
import { render } from '../../analysis/render.ts';
import { fail } from '../../core/errors.ts';
import type { Command } from '../command.ts';

const usage = `riposte reciprocity [A B] ${COMMON_USAGE} [--top 20] [--lag 1] [--level country|code] [--measure goldsteinSum|coop|conflict|n]`;

const reg = (prefix: string, r: Regression | null): Row => ({
  [`${prefix}_slope`]: round(r?.slope),
  [`${prefix}_se`]: round(r?.se),
  [`${prefix}_r2`]: round(r?.r2),
  [`${prefix}_n`]: r?.n ?? null,
});

export const command: Command = {
  name: 'reciprocity',
  summary: 'Reciprocity coefficients: slope, standard error and R² of B→A on A→B net cooperation at a lag.',
  usage,
  async run(argv, io) {
    const { common, values, positionals } = parse(
      argv,
      {
        top: { type: 'string' },
        lag: { type: 'string' },
        level: { type: 'string' },
        measure: { type: 'string' },
      },
      [0, 2],
      usage,
    );
    if (positionals.length === 1)
      throw fail('E_ARGS', `expected no actor or two (A B), found one; usage: ${usage}`);
    const opts: ReciprocityOptions & { top: number; level: ActorLevel } = {
      by: common.by,
      lag: intOption(values.lag, 'lag', 1, 0),
      measure: choice(
        values.measure,
        'measure',
        ['goldsteinSum', 'coop', 'conflict', 'n'] as const,
        'goldsteinSum',
      ),
      assertedOnly: common.assertedOnly,
      oneADay: common.oneADay,
      top: intOption(values.top, 'top', 20, 1),
      level: choice(values.level, 'level', ['country', 'code'] as const, 'country'),
    };
    if (common.from) opts.from = common.from;
    if (common.to) opts.to = common.to;
    const events = await load(common);
    let pairs: PairReciprocity[];
    if (positionals.length === 2) {
      const [a, b] = positionals as [string, string];
      const bToA = reciprocity(events, a, b, opts);
      const aToB = reciprocity(events, b, a, opts);
      pairs = [{ a: aToB.responder, b: bToA.responder, events: Number.NaN, bToA, aToB }];
    } else {
      pairs = reciprocityTable(events, opts);
    }
    const rows: Row[] = pairs.map((p) => ({
      a: p.a,
      b: p.b,
      events: Number.isNaN(p.events) ? null : p.events,
      ...reg('b_on_a', p.bToA.regression),
      ...reg('a_on_b', p.aToB.regression),
    }));
    const columns = rows[0] ? Object.keys(rows[0]) : ['a', 'b'];
    if (common.format === 'table') {
      io.stdout.write(
        `b_on_a: ${opts.measure} of B→A at t on A→B at t−${opts.lag} (${common.by}s); a_on_b the other way round\n`,
      );
    }
    io.stdout.write(
      render(common.format, rows, columns, { by: common.by, lag: opts.lag, measure: opts.measure, pairs }),
    );
    return 0;
  },
};
