/**
 * Network: who acts on whom over a period. Directed edges coloured by mean Goldstein (red conflict → green
 * cooperation) and sized by volume; clicking an edge (or a row of the edge table, for the keyboard) opens its dyad.
 */
import type { Alert, Network } from '../api.ts';
import { get } from '../api.ts';
import { goldsteinColor, mountChart } from '../charts.ts';
import { clear, field, h, input, notice, select } from '../dom.ts';
import { go, href } from '../nav.ts';
import { fmt, loading } from '../ui.ts';

export function renderNetwork(main: HTMLElement, params: URLSearchParams): undefined | (() => void) {
  const p = (k: string) => params.get(k) ?? '';
  const level = p('level') === 'code' ? 'code' : 'country';
  const range = { from: p('from') || undefined, to: p('to') || undefined };
  const form = h(
    'form',
    {
      class: 'panel net-form',
      'aria-label': 'Network period',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const d = new FormData(form);
        const v = (k: string) => String(d.get(k) ?? '').trim();
        go('network', {
          from: v('from'),
          to: v('to'),
          level: v('level') === 'code' ? 'code' : undefined,
          min: v('min') === '1' ? undefined : v('min'),
        });
      },
    },
    h(
      'div',
      { class: 'row wrap' },
      field('From', input('from', p('from'), { type: 'date' })),
      field('To', input('to', p('to'), { type: 'date' })),
      field(
        'Actors by',
        select(
          'level',
          [
            ['country', 'country'],
            ['code', 'actor code'],
          ],
          level,
        ),
      ),
      field('Min. events', input('min', p('min') || '1', { type: 'number', min: 1, max: 1000 })),
      h('button', { type: 'submit', class: 'primary' }, 'Show'),
    ),
  );
  const chartEl = h('div', {
    class: 'chart chart--network',
    role: 'img',
    'aria-label': 'Directed network of actors; the table below lists the same edges',
  });
  const tableBox = h('div', { class: 'panel' }, loading());
  const alertBox = h(
    'div',
    { class: 'panel' },
    h('h3', null, 'Escalation alerts (latest week vs 4-week baseline)'),
    loading(),
  );
  main.append(
    h(
      'section',
      { class: 'network-view', 'aria-label': 'Network' },
      form,
      h(
        'div',
        { class: 'panel chart-panel' },
        chartEl,
        h(
          'p',
          { class: 'legend muted' },
          h('span', { class: 'swatch', style: `background:${goldsteinColor(-6)}` }),
          ' conflict ',
          h('span', { class: 'swatch', style: `background:${goldsteinColor(0)}` }),
          ' neutral ',
          h('span', { class: 'swatch', style: `background:${goldsteinColor(6)}` }),
          ' cooperation · edge width: events · click an edge to open its dyad',
        ),
      ),
      h('div', { class: 'dyad-grid' }, tableBox, alertBox),
    ),
  );
  const { chart, dispose } = mountChart(chartEl);

  get<Network>('/api/network', { ...range, level, min: p('min') || undefined })
    .then((n) => {
      if (n.edges.length === 0) {
        clear(chartEl, notice('No directed events between two actors in this period.'));
        clear(tableBox, notice('No edges.'));
        return;
      }
      const maxE = Math.max(...n.edges.map((e) => e.events));
      const maxN = Math.max(...n.nodes.map((x) => x.events));
      chart.setOption({
        animation: false,
        tooltip: {
          formatter: (x: {
            dataType: string;
            data: { source?: string; target?: string; value?: number; mean?: number; name?: string };
          }) =>
            x.dataType === 'edge'
              ? `${x.data.source} → ${x.data.target}<br>${x.data.value} events, mean Goldstein ${fmt(x.data.mean, 1)}`
              : `${x.data.name}: ${x.data.value} events`,
        },
        series: [
          {
            type: 'graph',
            layout: 'force',
            roam: true,
            draggable: true,
            force: { repulsion: 200, edgeLength: [60, 140], gravity: 0.15, layoutAnimation: false },
            zoom: 0.8,
            top: 20,
            bottom: 20,
            label: { show: true, position: 'right', fontSize: 12 },
            edgeSymbol: ['none', 'arrow'],
            edgeSymbolSize: 8,
            emphasis: { focus: 'adjacency', lineStyle: { width: 6 } },
            data: n.nodes.map((x) => ({
              name: x.id,
              value: x.events,
              symbolSize: 12 + 26 * Math.sqrt(x.events / maxN),
              itemStyle: { color: '#2c5aa0' },
            })),
            links: n.edges.map((e) => ({
              source: e.source,
              target: e.target,
              value: e.events,
              mean: e.goldsteinMean,
              lineStyle: {
                color: goldsteinColor(e.goldsteinMean),
                width: 1 + 7 * Math.sqrt(e.events / maxE),
                curveness: 0.18,
                opacity: 0.9,
              },
            })),
          },
        ],
      });
      chartEl.dataset.edges = String(n.edges.length);
      chart.on('click', (x) => {
        const d = x.data as { source?: string; target?: string; name?: string };
        if (x.dataType === 'edge' && d.source && d.target) go('dyad', { a: d.source, b: d.target, ...range });
        else if (x.dataType === 'node' && d.name)
          go('events', level === 'country' ? { country: d.name, ...range } : { source: d.name, ...range });
      });
      clear(
        tableBox,
        h('h3', null, `${n.edges.length} directed edges`),
        h(
          'table',
          { class: 'small-table edge-table' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', null, 'Source → target'),
              h('th', null, 'Events'),
              h('th', null, 'Σ Goldstein'),
              h('th', null, 'Mean'),
            ),
          ),
          h(
            'tbody',
            null,
            ...n.edges.slice(0, 60).map((e) =>
              h(
                'tr',
                null,
                h(
                  'td',
                  null,
                  h(
                    'a',
                    {
                      href: href('dyad', { a: e.source, b: e.target, ...range }),
                      'data-edge': `${e.source}→${e.target}`,
                      'data-source': e.source,
                      'data-target': e.target,
                    },
                    `${e.source} → ${e.target}`,
                  ),
                ),
                h('td', { class: 'num' }, String(e.events)),
                h('td', { class: 'num' }, fmt(e.goldsteinSum, 1)),
                h(
                  'td',
                  { class: 'num' },
                  h('span', { class: 'swatch', style: `background:${goldsteinColor(e.goldsteinMean)}` }),
                  ` ${fmt(e.goldsteinMean, 1)}`,
                ),
              ),
            ),
          ),
        ),
      );
    })
    .catch((e: Error) => clear(tableBox, notice(e.message, 'error')));

  get<{ alerts: Alert[] }>('/api/alerts', { ...range, level })
    .then((r) => {
      const rows = r.alerts.slice(0, 12);
      clear(
        alertBox,
        h('h3', null, 'Escalation alerts (latest week vs 4-week baseline)'),
        rows.length
          ? h(
              'ul',
              { class: 'alert-list' },
              ...rows.map((x) =>
                h(
                  'li',
                  { class: `alert alert--${x.level.replace(/\s+/g, '-')}` },
                  h('a', { href: href('dyad', { a: x.source, b: x.target }) }, `${x.source} → ${x.target}`),
                  ` ${x.level}: ${fmt(x.current, 1)} vs ${fmt(x.baseline, 1)} (${x.period})`,
                ),
              ),
            )
          : notice('No conflict in the latest period or its baseline.'),
      );
    })
    .catch((e: Error) => clear(alertBox, notice(e.message, 'error')));

  return dispose;
}
