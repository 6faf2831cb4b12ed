/** `riposte responses A B`: every A→B stimulus with B's response, the dyad's summary and tit-for-tat episodes. */
import { COMMON_USAGE, choice, intOption, load, parse, round } from '../../analysis/cli.ts';
import type { Row } from '../../analysis/render.ts';
import { render, table } from '../../analysis/render.ts';
import type { ResponseOptions } from '../../analysis/responses.ts';
import { responses } from '../../analysis/responses.ts';
import { titForTat } from '../../analysis/titfortat.ts';
import type { Command } from '../command.ts';

const usage = `riposte responses A B ${COMMON_USAGE} [--window 30] [--min-latency 0] [--stimuli all|conflict|cooperation]`;

export const command: Command = {
  name: 'responses',
  summary:
    'How B answers A: each A→B stimulus answered in kind, escalated, de-escalated (declined replies included) or unanswered, with latency.',
  usage,
  async run(argv, io) {
    const { common, values, positionals } = parse(
      argv,
      { window: { type: 'string' }, 'min-latency': { type: 'string' }, stimuli: { type: 'string' } },
      [2, 2],
      usage,
    );
    const [a, b] = positionals as [string, string];
    const windowDays = intOption(values.window, 'window', 30, 0);
    const opts: ResponseOptions = {
      windowDays,
      minLatencyDays: intOption(values['min-latency'], 'min-latency', 0, 0),
      stimuli: choice(values.stimuli, 'stimuli', ['all', 'conflict', 'cooperation'] as const, 'all'),
      oneADay: common.oneADay,
    };
    if (common.from) opts.from = common.from;
    if (common.to) opts.to = common.to;
    const events = await load(common, windowDays);
    const r = responses(events, a, b, opts);
    const rows: Row[] = r.items.map((i) => ({
      date: i.stimulus.date,
      stimulus: i.stimulus.code,
      stim_g: i.stimulus.goldstein,
      stim_quad: i.stimulus.quad,
      outcome: i.outcome,
      latency: i.latency,
      response: i.response?.event.code ?? null,
      resp_date: i.response?.date ?? null,
      resp_g: i.response ? i.response.event.goldstein : null,
      declined: i.response?.declined ?? null,
      delta: round(i.delta, 2),
      replies: i.replies.length,
      stimulus_id: i.stimulus.id,
    }));
    const columns = [
      'date',
      'stimulus',
      'stim_g',
      'stim_quad',
      'outcome',
      'latency',
      'response',
      'resp_date',
      'resp_g',
      'declined',
      'delta',
      'replies',
      'stimulus_id',
    ];
    const episodes = titForTat(events, a, b, { assertedOnly: common.assertedOnly, maxGapDays: windowDays });
    const epRows: Row[] = episodes.map((e) => ({
      start: e.start,
      end: e.end,
      days: e.days,
      turns: e.turns.length,
      events: e.events,
      initiator: e.initiator,
      last: e.lastMover,
    }));
    const s = r.summary;
    const json = {
      source: r.source,
      target: r.target,
      windowDays,
      summary: s,
      items: rows,
      episodes: epRows,
    };
    if (common.format !== 'table') {
      io.stdout.write(render(common.format, rows, columns, json));
      return 0;
    }
    io.stdout.write(
      `stimuli ${r.source}→${r.target}, replies ${r.target}→${r.source} within ${windowDays} days\n`,
    );
    io.stdout.write(render('table', rows, columns));
    const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(0)} %`);
    io.stdout.write(
      `\nstimuli ${s.stimuli}, answered ${s.answered} (response rate ${pct(s.responseRate)}), median latency ${
        s.medianLatency ?? '—'
      } days\nin kind ${pct(s.inKindRate)}, escalated ${pct(s.escalationRate)}, de-escalated ${pct(
        s.deescalationRate,
      )} (declined ${s.declined}), mean Goldstein delta ${round(s.meanDelta, 2) ?? '—'}\n`,
    );
    io.stdout.write(`\ntit-for-tat episodes: ${episodes.length}\n`);
    if (epRows.length) io.stdout.write(table(epRows, Object.keys(epRows[0]!)));
    return 0;
  },
};
