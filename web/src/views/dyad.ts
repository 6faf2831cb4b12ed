/**
 * Dyad: the net-cooperation timeline of A→B and B→A and their counts by quad class (mirrored bars) with
 * brush-zoom; zooming re-filters the stimulus → response lists. Reciprocity figures and alerts beside.
 */
import type { Alert, DyadResponses, DyadSeries, EventRecord, Reciprocity, StimulusResponse } from '../api.ts';
import { get } from '../api.ts';
import { mountChart } from '../charts.ts';
import { clear, field, h, input, notice, select } from '../dom.ts';
import { go, href } from '../nav.ts';
import { fmt, loading, QUAD_COLOR, QUAD_NAME } from '../ui.ts';

export function renderDyad(main: HTMLElement, params: URLSearchParams): undefined | (() => void) {
  const p = (k: string) => params.get(k) ?? '';
  const a = p('a').trim();
  const b = p('b').trim();
  const by = p('by') || 'week';
  const form = h(
    'form',
    {
      class: 'panel dyad-form',
      'aria-label': 'Choose a dyad',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const d = new FormData(form);
        const v = (k: string) => String(d.get(k) ?? '').trim();
        go('dyad', {
          a: v('a').toUpperCase(),
          b: v('b').toUpperCase(),
          by: v('by'),
          from: v('from'),
          to: v('to'),
        });
      },
    },
    h(
      'div',
      { class: 'row wrap' },
      field(
        'Actor A',
        input('a', a, { placeholder: 'RUS', required: true, list: 'dyad-actors', autocomplete: 'off' }),
      ),
      field(
        'Actor B',
        input('b', b, { placeholder: 'USA', required: true, list: 'dyad-actors', autocomplete: 'off' }),
      ),
      field(
        'Period',
        select(
          'by',
          [
            ['day', 'day'],
            ['week', 'week'],
            ['month', 'month'],
          ],
          by,
        ),
      ),
      field('From', input('from', p('from'), { type: 'date' })),
      field('To', input('to', p('to'), { type: 'date' })),
      h('button', { type: 'submit', class: 'primary' }, 'Show'),
    ),
    h('datalist', { id: 'dyad-actors' }),
  );
  main.append(form);
  get<{ actors: { code: string; names: string[] }[] }>('/api/actors', { limit: 200 })
    .then((r) => {
      const dl = form.querySelector('datalist');
      const seen = new Set<string>();
      for (const x of r.actors) {
        const c = x.code.slice(0, 3);
        for (const code of [c, x.code])
          if (!seen.has(code)) {
            seen.add(code);
            dl?.append(h('option', { value: code }, x.names[0] ?? code));
          }
      }
    })
    .catch(() => {});

  if (!a || !b) {
    main.append(suggestions());
    return undefined;
  }
  const range = { from: p('from') || undefined, to: p('to') || undefined };
  const chartEl = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': `Timeline of ${a} and ${b}: net cooperation and events by quad class`,
  });
  const zoomInfo = h('p', { class: 'muted zoom-info', 'aria-live': 'polite' });
  const pairsBox = h('div', { class: 'pairs' }, loading());
  const recipBox = h('div', { class: 'panel recip' }, h('h3', null, 'Reciprocity'), loading());
  const alertBox = h('div', { class: 'panel alerts' }, h('h3', null, 'Alerts'), loading());
  main.append(
    h(
      'section',
      { class: 'dyad-view', 'aria-label': `Dyad ${a} and ${b}` },
      h(
        'div',
        { class: 'dyad-head' },
        h('h2', null, `${a} ⇄ ${b}`),
        h(
          'p',
          { class: 'row' },
          h('a', { href: href('events', { source: a, target: b, ...range }) }, `${a} → ${b} events`),
          h('a', { href: href('events', { source: b, target: a, ...range }) }, `${b} → ${a} events`),
          h('a', { href: href('dyad', { a: b, b: a, by, ...range }) }, 'swap'),
        ),
      ),
      h('div', { class: 'panel chart-panel' }, chartEl, zoomInfo),
      h('div', { class: 'dyad-grid' }, pairsBox, h('div', { class: 'dyad-side' }, recipBox, alertBox)),
    ),
  );

  const { chart, dispose } = mountChart(chartEl);
  let zoom: { from: string; to: string } | null = null;
  let resp: [DyadResponses, DyadResponses] | null = null;

  get<{ ab: DyadSeries; ba: DyadSeries }>('/api/dyad', { a, b, by, ...range })
    .then(({ ab, ba }) => {
      if (ab.points.length === 0) {
        clear(
          chartEl,
          notice(
            `No asserted events between ${a} and ${b}${range.from || range.to ? ' in this period' : ''}.`,
          ),
        );
        chartEl.classList.add('chart--empty');
        return;
      }
      drawTimeline(ab, ba);
    })
    .catch((e: Error) => clear(chartEl, notice(e.message, 'error')));

  Promise.all([
    get<DyadResponses>('/api/responses', { a, b, ...range }),
    get<DyadResponses>('/api/responses', { a: b, b: a, ...range }),
  ])
    .then((r) => {
      resp = r;
      drawPairs();
    })
    .catch((e: Error) => clear(pairsBox, notice(e.message, 'error')));

  get<{ bToA: Reciprocity; aToB: Reciprocity }>('/api/reciprocity', { a, b, by, ...range })
    .then((r) => clear(recipBox, h('h3', null, 'Reciprocity'), recipTable(r)))
    .catch((e: Error) => clear(recipBox, h('h3', null, 'Reciprocity'), notice(e.message, 'error')));

  Promise.all([
    get<{ alerts: Alert[] }>('/api/alerts', { a, b, by, ...range }),
    get<{ alerts: Alert[] }>('/api/alerts', { a: b, b: a, by, ...range }),
  ])
    .then(([x, y]) => clear(alertBox, h('h3', null, 'Alerts'), alertList([...x.alerts, ...y.alerts])))
    .catch((e: Error) => clear(alertBox, h('h3', null, 'Alerts'), notice(e.message, 'error')));

  function drawTimeline(ab: DyadSeries, ba: DyadSeries): void {
    const x = ab.points.map((pt) => pt.start);
    const quadSeries = (s: DyadSeries, sign: 1 | -1, stack: string, label: string) =>
      [1, 2, 3, 4].map((q) => ({
        name: `${label} Q${q}`,
        type: 'bar' as const,
        stack,
        xAxisIndex: 1,
        yAxisIndex: 1,
        itemStyle: { color: QUAD_COLOR[q], opacity: sign > 0 ? 1 : 0.65 },
        data: s.points.map((pt) => sign * (pt.quad[q] ?? 0)),
        barMaxWidth: 18,
      }));
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) =>
          typeof v === 'number' ? String(Math.abs(Math.round(v * 10) / 10)) : String(v),
      },
      legend: {
        top: 0,
        type: 'scroll',
        data: [`${a}→${b} net`, `${b}→${a} net`, ...[1, 2, 3, 4].map((q) => `${a}→${b} Q${q}`)],
        formatter: (n: string) => {
          const m = /Q(\d)$/.exec(n);
          return m ? `${QUAD_NAME[Number(m[1])]}` : n;
        },
      },
      toolbox: {
        right: 8,
        top: 22,
        feature: {
          dataZoom: { yAxisIndex: 'none', title: { zoom: 'brush to zoom', back: 'undo zoom' } },
          restore: { title: 'reset' },
        },
      },
      grid: [
        { left: 48, right: 16, top: 56, height: '34%' },
        { left: 48, right: 16, top: '58%', height: '26%' },
      ],
      xAxis: [
        { type: 'category', data: x, gridIndex: 0, axisLabel: { show: false } },
        { type: 'category', data: x, gridIndex: 1 },
      ],
      yAxis: [
        {
          type: 'value',
          gridIndex: 0,
          name: 'net cooperation (Σ Goldstein)',
          nameTextStyle: { align: 'left' },
          splitNumber: 3,
        },
        {
          type: 'value',
          gridIndex: 1,
          name: `events: ${a}→${b} up, ${b}→${a} down`,
          nameTextStyle: { align: 'left' },
          splitNumber: 2,
          axisLabel: { formatter: (v: number) => String(Math.abs(v)) },
        },
      ],
      dataZoom: [
        { type: 'inside', xAxisIndex: [0, 1] },
        { type: 'slider', xAxisIndex: [0, 1], bottom: 4, height: 18 },
      ],
      series: [
        {
          name: `${a}→${b} net`,
          type: 'line',
          data: ab.points.map((pt) => round(pt.goldsteinSum)),
          itemStyle: { color: '#2c5aa0' },
          symbolSize: 5,
          markLine: {
            silent: true,
            symbol: 'none',
            data: [{ yAxis: 0 }],
            lineStyle: { color: '#999', type: 'dashed' },
          },
        },
        {
          name: `${b}→${a} net`,
          type: 'line',
          data: ba.points.map((pt) => round(pt.goldsteinSum)),
          itemStyle: { color: '#b0558f' },
          symbolSize: 5,
        },
        ...quadSeries(ab, 1, 'ab', `${a}→${b}`),
        ...quadSeries(ba, -1, 'ba', `${b}→${a}`),
      ],
    });
    chartEl.dataset.points = String(x.length);
    chart.on('datazoom', () => {
      const opt = chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] };
      const dz = opt.dataZoom?.[0];
      const s = dz?.startValue ?? 0;
      const e = dz?.endValue ?? x.length - 1;
      zoom =
        s <= 0 && e >= x.length - 1 ? null : { from: x[s] ?? x[0]!, to: endOf(x[e] ?? x[x.length - 1]!, by) };
      zoomInfo.textContent = zoom
        ? `Zoomed to ${zoom.from} – ${zoom.to}: the lists below show this period.`
        : '';
      drawPairs();
    });
  }

  function drawPairs(): void {
    if (!resp) return;
    const inZoom = (it: StimulusResponse) =>
      !zoom || (it.stimulus.date >= zoom.from && it.stimulus.date <= zoom.to);
    clear(
      pairsBox,
      ...resp.map((r) => {
        const items = r.items.filter(inZoom);
        return h(
          'div',
          { class: 'panel pair-list' },
          h('h3', null, `${r.source} acts → ${r.target} responds`),
          h(
            'p',
            { class: 'muted' },
            `${r.summary.stimuli} stimuli · answered ${fmt((r.summary.responseRate ?? 0) * 100, 0)}% · median latency ${fmt(r.summary.medianLatency, 1)} days · in kind ${fmt((r.summary.inKindRate ?? 0) * 100, 0)}% · escalated ${fmt((r.summary.escalationRate ?? 0) * 100, 0)}%`,
          ),
          items.length
            ? h(
                'ol',
                { class: 'pairs-ol' },
                ...items
                  .slice(0, 40)
                  .map((it) =>
                    h(
                      'li',
                      { class: `pair pair--${it.outcome}` },
                      evLink(it.stimulus),
                      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' ⟶ '),
                      it.response
                        ? [
                            evLink(it.response.event, it.response.declined),
                            h('span', { class: 'muted' }, ` after ${it.latency} d`),
                          ]
                        : h('span', { class: 'muted' }, 'no response'),
                      ' ',
                      h('span', { class: `outcome outcome--${it.outcome}` }, it.outcome),
                      it.delta !== null
                        ? h('span', { class: 'muted' }, ` Δ ${it.delta > 0 ? '+' : ''}${fmt(it.delta, 1)}`)
                        : null,
                    ),
                  ),
              )
            : notice('No stimuli in this period.'),
        );
      }),
    );
  }

  return dispose;
}

const round = (x: number) => Math.round(x * 10) / 10;

function endOf(start: string, by: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else if (by === 'month') {
    d.setUTCMonth(d.getUTCMonth() + 1);
    d.setUTCDate(0);
  }
  return d.toISOString().slice(0, 10);
}

function evLink(e: EventRecord, declined?: string): HTMLElement {
  return h(
    'a',
    {
      href: href('read', { doc: e.doc, event: e.id }),
      class: `ev-link ev-link--${declined ? 'negated' : e.modality}`,
      title: e.evidence[0]?.text ?? '',
    },
    `${e.date} ${e.source?.code ?? '—'} `,
    h('code', null, e.code),
    ` ${e.codeName ?? ''}`,
    declined ? ` (${declined})` : '',
  );
}

function recipTable(r: { bToA: Reciprocity; aToB: Reciprocity }): HTMLElement {
  const row = (x: Reciprocity) =>
    h(
      'tr',
      null,
      h('th', { scope: 'row' }, `${x.responder} answers ${x.to}`),
      h('td', { class: 'num' }, fmt(x.regression?.slope, 2)),
      h('td', { class: 'num' }, fmt(x.regression?.t, 1)),
      h('td', { class: 'num' }, fmt(x.regression?.r2, 2)),
      h('td', { class: 'num' }, x.regression ? String(x.regression.n) : '—'),
    );
  return h(
    'div',
    null,
    h(
      'table',
      { class: 'small-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, ''),
          h('th', null, 'β'),
          h('th', null, 't'),
          h('th', null, 'R²'),
          h('th', null, 'n'),
        ),
      ),
      h('tbody', null, row(r.bToA), row(r.aToB)),
    ),
    h(
      'p',
      { class: 'muted' },
      `Net cooperation of the responder at t on the other side's at t − ${r.bToA.lag} ${r.bToA.by}; β > 0 is reciprocity. — when the series are too short.`,
    ),
  );
}

function alertList(alerts: Alert[]): HTMLElement {
  const shown = alerts
    .filter((x) => x.current > 0 || x.baseline > 0)
    .sort((x, y) => y.start.localeCompare(x.start))
    .slice(0, 8);
  if (!shown.length) return notice('No conflict against a baseline in this dyad.');
  return h(
    'ul',
    { class: 'alert-list' },
    ...shown.map((x) =>
      h(
        'li',
        { class: `alert alert--${x.level.replace(/\s+/g, '-')}` },
        h('strong', null, x.level),
        ` ${x.source}→${x.target} ${x.period}: ${fmt(x.current, 1)} vs baseline ${fmt(x.baseline, 1)}`,
        x.change !== null ? ` (${x.change > 0 ? '+' : ''}${fmt(x.change * 100, 0)}%)` : '',
      ),
    ),
  );
}

function suggestions(): HTMLElement {
  const box = h('div', { class: 'panel' }, h('h2', null, 'Busiest dyads'), loading());
  get<{ pairs: { a: string; b: string; events: number }[] }>('/api/reciprocity', { top: 12 })
    .then((r) =>
      clear(
        box,
        h('h2', null, 'Busiest dyads'),
        r.pairs.length
          ? h(
              'ul',
              { class: 'chips' },
              ...r.pairs.map((x) =>
                h(
                  'li',
                  null,
                  h('a', { href: href('dyad', { a: x.a, b: x.b }) }, `${x.a} ⇄ ${x.b} (${x.events})`),
                ),
              ),
            )
          : notice('No dyads yet: ingest some documents.'),
      ),
    )
    .catch((e: Error) => clear(box, notice(e.message, 'error')));
  return box;
}
