/** `riposte alerts`: each dyad's conflict in the latest period against the mean of the previous four. */
import type { AlertsOptions } from '../../analysis/alerts.ts';
import { ALERT_LEVELS, escalationAlerts } from '../../analysis/alerts.ts';
import { COMMON_USAGE, choice, intOption, load, parse, round } from '../../analysis/cli.ts';
import { addDays, dayNumber, shiftPeriods } from '../../analysis/dates.ts';
import type { Row } from '../../analysis/render.ts';
import { render } from '../../analysis/render.ts';
import type { Command } from '../command.ts';

const usage = `riposte alerts ${COMMON_USAGE} [--at YYYY-MM-DD] [--baseline 4] [--level country|code] [--undirected] [--measure events|goldstein] [--increases] [--top 50]`;

export const command: Command = {
  name: 'alerts',
  summary:
    'Escalation alerts: conflict in the latest period vs the previous four (ACLED thresholds, small-baseline guard).',
  usage,
  async run(argv, io) {
    const { common, values } = parse(
      argv,
      {
        at: { type: 'string' },
        baseline: { type: 'string' },
        level: { type: 'string' },
        undirected: { type: 'boolean' },
        measure: { type: 'string' },
        increases: { type: 'boolean' },
        top: { type: 'string' },
      },
      [0, 0],
      usage,
    );
    const opts: AlertsOptions = {
      by: common.by,
      baselinePeriods: intOption(values.baseline, 'baseline', 4, 1),
      level: choice(values.level, 'level', ['country', 'code'] as const, 'country'),
      measure: choice(values.measure, 'measure', ['events', 'goldstein'] as const, 'events'),
      undirected: Boolean(values.undirected),
      assertedOnly: common.assertedOnly,
      oneADay: common.oneADay,
    };
    const at = (values.at as string | undefined) ?? common.to;
    if (at !== undefined) {
      dayNumber(at);
      opts.at = at;
    }
    // only the latest period and its baseline are needed from the store
    const events = await load(
      at
        ? {
            ...common,
            from: shiftPeriods(at, common.by, -(opts.baselinePeriods ?? 4)),
            to: addDays(shiftPeriods(at, common.by, 1), -1),
          }
        : common,
    );
    let alerts = escalationAlerts(events, opts);
    if (values.increases)
      alerts = alerts.filter((a) => a.level === ALERT_LEVELS[0] || a.level === ALERT_LEVELS[1]);
    alerts = alerts.slice(0, intOption(values.top, 'top', 50, 1));
    const rows: Row[] = alerts.map((a) => ({
      source: a.source,
      target: a.target,
      period: a.period,
      current: round(a.current, 2),
      baseline: round(a.baseline, 2),
      change_pct: a.change === null ? null : round(100 * a.change, 1),
      level: a.level,
      guarded: a.guarded,
    }));
    const columns = ['source', 'target', 'period', 'current', 'baseline', 'change_pct', 'level', 'guarded'];
    io.stdout.write(render(common.format, rows, columns, alerts));
    return 0;
  },
};
