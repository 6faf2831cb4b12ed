/** Events: a filter sidebar, a sortable paginated table with drill-down to the sentence, export of the filter. */
import { get, meta, qs, type StoredEvent } from '../api.ts';
import { clear, field, h, input, notice, select } from '../dom.ts';
import { go, href } from '../nav.ts';
import { actorLabel, evidenceText, fmt, loading, modalityBadge, QUAD_NAME, quadBadge } from '../ui.ts';

const FILTERS = [
  'from',
  'to',
  'source',
  'target',
  'country',
  'root',
  'code',
  'quad',
  'modality',
  'q',
  'doc',
] as const;
const COLUMNS: [key: string, label: string][] = [
  ['date', 'Date'],
  ['source', 'Source'],
  ['code', 'Action'],
  ['target', 'Target'],
  ['quad', 'Quad'],
  ['goldstein', 'Goldstein'],
  ['modality', 'Modality'],
  ['confidence', 'Conf.'],
  ['doc', 'Document'],
];
const PAGE = 50;

export function renderEvents(main: HTMLElement, params: URLSearchParams): undefined {
  const p = (k: string) => params.get(k) ?? '';
  const sort = p('sort') || 'date';
  const dir = p('dir') === 'desc' ? 'desc' : 'asc';
  const offset = Number(p('offset')) || 0;
  const filter: Record<string, string> = {};
  for (const k of FILTERS) if (p(k)) filter[k] = p(k);

  const roots = select('root', [['', 'any']], p('root'));
  const modality = select(
    'modality',
    [
      ['', 'any'],
      ...['asserted', 'negated', 'proposed', 'intended', 'hypothetical'].map((m): [string, string] => [m, m]),
    ],
    p('modality'),
  );
  const quad = select(
    'quad',
    [['', 'any'], ...QUAD_NAME.map((n, i): [string, string] => [String(i), `${i} ${n}`])],
    p('quad'),
  );
  const form = h(
    'form',
    {
      class: 'panel filters',
      'aria-label': 'Event filters',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        const data = new FormData(form);
        const next: Record<string, string> = {};
        for (const k of FILTERS) {
          const v = String(data.get(k) ?? '').trim();
          if (v) next[k] = v;
        }
        go('events', { ...next, sort, dir: dir === 'desc' ? 'desc' : undefined });
      },
    },
    h('h2', null, 'Filters'),
    h(
      'div',
      { class: 'two' },
      field('From', input('from', p('from'), { type: 'date' })),
      field('To', input('to', p('to'), { type: 'date' })),
    ),
    field(
      'Source actor',
      input('source', p('source'), {
        placeholder: 'RUS or RUSGOV',
        autocomplete: 'off',
        list: 'actor-codes',
      }),
    ),
    field(
      'Target actor',
      input('target', p('target'), { placeholder: 'USA', autocomplete: 'off', list: 'actor-codes' }),
    ),
    field('Country (either side)', input('country', p('country'), { placeholder: 'UKR', maxlength: 3 })),
    field('CAMEO root', roots),
    field('CAMEO code', input('code', p('code'), { placeholder: '163 or 16*' })),
    field('Quad class', quad),
    field('Modality', modality),
    field('Text search', input('q', p('q'), { type: 'search', placeholder: 'words in the evidence' })),
    p('doc') ? field('Document', input('doc', p('doc'))) : null,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply'),
      h('a', { class: 'button', href: href('events') }, 'Reset'),
    ),
    h('datalist', { id: 'actor-codes' }),
  );
  const summary = h('div', { class: 'table-summary', 'aria-live': 'polite' });
  const tableBox = h('div', { class: 'table-box' }, loading());
  const exportFormat = select('format', [
    ['csv', 'CSV'],
    ['jsonl', 'JSON lines'],
    ['plover', 'PLOVER JSONL'],
    ['gdelt', 'GDELT 2.0 events'],
    ['gdelt-mentions', 'GDELT 2.0 mentions'],
    ['parquet', 'Parquet'],
  ]);
  exportFormat.setAttribute('aria-label', 'Export format');
  const exportLink = h('a', { class: 'button', 'data-action': 'export', download: '' }, 'Export');
  const setExport = () => {
    exportLink.setAttribute('href', `/api/export${qs({ ...filter, format: exportFormat.value })}`);
  };
  exportFormat.addEventListener('change', setExport);
  setExport();

  main.append(
    h(
      'section',
      { class: 'events-view', 'aria-label': 'Events' },
      form,
      h(
        'div',
        { class: 'events-main' },
        h('div', { class: 'toolbar' }, summary, h('div', { class: 'row export' }, exportFormat, exportLink)),
        tableBox,
      ),
    ),
  );

  meta()
    .then((m) => {
      for (const r of m.roots)
        roots.append(h('option', { value: r.code, selected: r.code === p('root') }, `${r.code} ${r.name}`));
    })
    .catch(() => {});
  get<{ actors: { code: string; names: string[] }[] }>('/api/actors', { limit: 200 })
    .then((r) => {
      const dl = form.querySelector('datalist');
      for (const a of r.actors) dl?.append(h('option', { value: a.code }, a.names[0] ?? a.code));
    })
    .catch(() => {});

  get<{ total: number; events: StoredEvent[] }>('/api/events', { ...filter, sort, dir, limit: PAGE, offset })
    .then((r) => {
      const shown = `${r.total === 0 ? 0 : offset + 1}–${Math.min(offset + PAGE, r.total)}`;
      clear(summary, h('strong', null, `${r.total} events`), r.total > PAGE ? ` (showing ${shown})` : '');
      if (r.total === 0) {
        clear(tableBox, notice('No events match these filters.'));
        return;
      }
      clear(tableBox, table(r.events), pager(r.total));
    })
    .catch((e: Error) => clear(tableBox, notice(e.message, 'error')));

  function table(events: StoredEvent[]): HTMLElement {
    const head = h(
      'tr',
      null,
      ...COLUMNS.map(([key, label]) => {
        const active = sort === key;
        const nextDir = active && dir === 'asc' ? 'desc' : 'asc';
        return h(
          'th',
          { scope: 'col', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' },
          h(
            'a',
            {
              class: 'sort',
              href: href('events', { ...filter, sort: key, dir: nextDir === 'desc' ? 'desc' : undefined }),
            },
            label,
            active ? (dir === 'asc' ? ' ▲' : ' ▼') : '',
          ),
        );
      }),
    );
    const body = h('tbody');
    for (const e of events) {
      const detailRow = h(
        'tr',
        { class: 'detail', hidden: true },
        h('td', { colspan: COLUMNS.length }, detail(e)),
      );
      const toggle = h(
        'button',
        {
          class: 'linklike',
          'aria-expanded': 'false',
          title: 'Show the sentence',
          onclick: () => {
            const open = detailRow.hidden !== false;
            detailRow.hidden = !open;
            toggle.setAttribute('aria-expanded', String(open));
            row.classList.toggle('open', open);
          },
        },
        e.date,
      );
      const row = h(
        'tr',
        { class: `ev ev--${e.modality}`, 'data-event': e.id },
        h('td', null, toggle),
        h('td', { title: e.source?.code ?? '' }, e.source ? h('code', null, e.source.code) : '—'),
        h(
          'td',
          { class: 'action' },
          h('code', null, e.code),
          ' ',
          h('span', { class: 'action__name' }, e.codeName ?? ''),
        ),
        h('td', { title: e.target?.code ?? '' }, e.target ? h('code', null, e.target.code) : '—'),
        h('td', null, quadBadge(e.quad)),
        h('td', { class: 'num' }, fmt(e.goldstein, 1)),
        h('td', null, modalityBadge(e.modality)),
        h('td', { class: 'num' }, fmt(e.confidence)),
        h('td', null, h('a', { href: href('read', { doc: e.doc, event: e.id }) }, e.doc)),
      );
      body.append(row, detailRow);
    }
    return h(
      'table',
      { class: 'events-table' },
      h('caption', { class: 'sr-only' }, 'Coded events; activate a date to see the sentence'),
      h('thead', null, head),
      body,
    );
  }

  function detail(e: StoredEvent): HTMLElement {
    return h(
      'div',
      { class: 'drill' },
      h('p', null, evidenceText(e)),
      h(
        'p',
        { class: 'muted' },
        `${actorLabel(e.source)} → ${e.codeName ?? e.code} → ${actorLabel(e.target)} · rule `,
        h('code', null, e.evidence[0]?.rule ?? ''),
      ),
      h(
        'p',
        { class: 'row' },
        h('a', { href: href('read', { doc: e.doc, event: e.id }) }, 'Open the document'),
        e.source && e.target
          ? h(
              'a',
              {
                href: href('dyad', {
                  a: e.source.country ?? e.source.code,
                  b: e.target.country ?? e.target.code,
                }),
              },
              'Open the dyad',
            )
          : null,
        e.url ? h('a', { href: e.url, rel: 'noreferrer' }, 'Original story') : null,
      ),
    );
  }

  function pager(total: number): HTMLElement | null {
    if (total <= PAGE) return null;
    const at = (o: number) =>
      href('events', {
        ...filter,
        sort,
        dir: dir === 'desc' ? 'desc' : undefined,
        offset: o ? String(o) : undefined,
      });
    return h(
      'nav',
      { class: 'pager row', 'aria-label': 'Pages' },
      offset > 0 ? h('a', { class: 'button', href: at(Math.max(0, offset - PAGE)) }, '← Previous') : null,
      h('span', null, `page ${Math.floor(offset / PAGE) + 1} of ${Math.ceil(total / PAGE)}`),
      offset + PAGE < total ? h('a', { class: 'button', href: at(offset + PAGE) }, 'Next →') : null,
    );
  }
  return undefined;
}
