/** `riposte dyad A B`: the directed-dyad series of A→B and B→A per day, week or month. */
import { COMMON_USAGE, intOption, load, parse, round } from '../../analysis/cli.ts';
import type { Row } from '../../analysis/render.ts';
import { render } from '../../analysis/render.ts';
import type { SeriesOptions, SeriesPoint } from '../../analysis/series.ts';
import { dyad } from '../../analysis/series.ts';
import type { Command } from '../command.ts';

const usage = `riposte dyad A B ${COMMON_USAGE} [--normalize] [--ma K]`;

function cells(prefix: string, p: SeriesPoint, opts: SeriesOptions): Row {
  const row: Row = {
    [`${prefix}_n`]: p.n,
    [`${prefix}_coop_n`]: p.coopEvents,
    [`${prefix}_conf_n`]: p.conflictEvents,
    [`${prefix}_g_sum`]: round(p.goldsteinSum, 2),
    [`${prefix}_g_mean`]: round(p.goldsteinMean, 2),
    [`${prefix}_coop`]: round(p.coop, 2),
    [`${prefix}_conflict`]: round(p.conflict, 2),
  };
  if (opts.normalize) row[`${prefix}_share`] = round(p.normalized?.n, 4);
  if (opts.movingAverage) row[`${prefix}_g_ma`] = round(p.ma?.goldsteinSum, 2);
  return row;
}

export const command: Command = {
  name: 'dyad',
  summary:
    'Directed-dyad event series of A→B and B→A: counts by quad class, Goldstein sum and mean, cooperation and conflict.',
  usage,
  async run(argv, io) {
    const { common, values, positionals } = parse(
      argv,
      { normalize: { type: 'boolean' }, ma: { type: 'string' } },
      [2, 2],
      usage,
    );
    const [a, b] = positionals as [string, string];
    const events = await load(common);
    const opts: SeriesOptions = { by: common.by, assertedOnly: common.assertedOnly, oneADay: common.oneADay };
    if (common.from) opts.from = common.from;
    if (common.to) opts.to = common.to;
    if (values.normalize) opts.normalize = true;
    if (values.ma !== undefined) opts.movingAverage = intOption(values.ma, 'ma', 1, 1);
    const { ab, ba } = dyad(events, a, b, opts);
    const rows: Row[] = ab.points.map((p, i) => ({
      period: p.period,
      start: p.start,
      ...cells('ab', p, opts),
      ...cells('ba', ba.points[i]!, opts),
      volume: p.volume,
    }));
    const columns = rows[0] ? Object.keys(rows[0]) : ['period'];
    if (common.format === 'table')
      io.stdout.write(`ab = ${ab.source}→${ab.target}, ba = ${ba.source}→${ba.target}, by ${ab.by}\n`);
    io.stdout.write(render(common.format, rows, columns, { ab, ba }));
    return 0;
  },
};
