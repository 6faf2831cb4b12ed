/** Shared pieces: actor labels, modality and quad badges, the event card with its "why" panel. */
import type { Actor, EventRecord } from './api.ts';
import { type Child, h } from './dom.ts';

export const MODALITY_LABEL: Record<string, string> = {
  asserted: 'asserted',
  negated: 'negated — did not happen',
  proposed: 'proposed',
  intended: 'intended',
  hypothetical: 'hypothetical',
};
const MODALITY_MARK: Record<string, string> = {
  asserted: '●',
  negated: '¬',
  proposed: '?',
  intended: '→',
  hypothetical: '~',
};
export const QUAD_NAME = [
  'neutral',
  'verbal cooperation',
  'material cooperation',
  'verbal conflict',
  'material conflict',
];
export const QUAD_COLOR = ['#8a8f98', '#5aa469', '#1f7a4d', '#e0913a', '#c0392b'];

export const actorLabel = (a: Actor | null | undefined): string => (a ? (a.name ?? a.text) : '—');

export function actorChip(a: Actor | null | undefined, role: string): HTMLElement {
  if (!a) return h('span', { class: 'actor actor--none', title: `no ${role}` }, '—');
  return h(
    'span',
    { class: 'actor', title: `${role}: ${a.code}${a.country ? ` (${a.country})` : ''}` },
    h('strong', null, actorLabel(a)),
    ' ',
    h('code', null, a.code),
  );
}

export function modalityBadge(m: string): HTMLElement {
  return h(
    'span',
    { class: `badge badge--${m}`, 'data-modality': m, title: MODALITY_LABEL[m] ?? m },
    h('span', { 'aria-hidden': 'true' }, MODALITY_MARK[m] ?? ''),
    ` ${m}`,
  );
}

export function quadBadge(q: number): HTMLElement {
  return h('span', { class: `quad quad--${q}`, title: QUAD_NAME[q] ?? '' }, `Q${q}`);
}

export const fmt = (x: number | null | undefined, d = 2): string =>
  x === null || x === undefined || !Number.isFinite(x)
    ? '—'
    : d > 0
      ? x.toFixed(d).replace(/\.?0+$/, '')
      : x.toFixed(0);

/** A sentence with the trigger (and the actors) marked. */
export function evidenceText(e: EventRecord): HTMLElement {
  const ev = e.evidence[0];
  if (!ev) return h('span', null, '');
  const marks: { start: number; end: number; cls: string }[] = [
    { start: ev.trigger.start, end: ev.trigger.end, cls: `hl-trigger hl-trigger--${e.modality}` },
  ];
  for (const [a, cls] of [
    [e.source, 'hl-actor hl-actor--source'],
    [e.target, 'hl-actor hl-actor--target'],
  ] as const)
    if (a && a.start >= ev.start && a.end <= ev.end) marks.push({ start: a.start, end: a.end, cls });
  marks.sort((x, y) => x.start - y.start);
  const out: Child[] = [];
  let at = ev.start;
  for (const m of marks) {
    if (m.start < at) continue;
    out.push(ev.text.slice(at - ev.start, m.start - ev.start));
    out.push(h('mark', { class: m.cls }, ev.text.slice(m.start - ev.start, m.end - ev.start)));
    at = m.end;
  }
  out.push(ev.text.slice(at - ev.start));
  return h('q', { class: 'evidence' }, ...out);
}

/** One event as a card: source → action → target, code and name, modality, date, confidence; "why" on demand. */
export function eventCard(e: EventRecord, opts: { docLink?: boolean } = {}): HTMLElement {
  const date = e.dateRange ? `${e.dateRange[0]} – ${e.dateRange[1]}` : e.date;
  const why = h(
    'details',
    { class: 'why' },
    h('summary', null, 'Why?'),
    h(
      'dl',
      null,
      h('dt', null, 'Evidence'),
      h('dd', null, evidenceText(e)),
      h('dt', null, 'Rule'),
      h('dd', null, ...e.evidence.map((v) => h('code', { class: 'rule' }, v.rule))),
      e.evidence[0]?.entries?.length
        ? [h('dt', null, 'Dictionary entries'), h('dd', null, e.evidence[0].entries.join(', '))]
        : null,
      argumentRows(e),
      h('dt', null, 'Date'),
      h('dd', null, `${date} (${e.dateSource === 'text' ? 'from the text' : 'publication date'})`),
      e.quote
        ? [h('dt', null, 'Quoted'), h('dd', null, `in a quote by ${actorLabel(e.quote.speaker)}`)]
        : null,
      h('dt', null, 'PLOVER'),
      h('dd', null, `${e.plover.event}${e.plover.mode ? ` / ${e.plover.mode}` : ''}`),
      opts.docLink
        ? [
            h('dt', null, 'Source'),
            h(
              'dd',
              null,
              h(
                'a',
                { href: `#/read?doc=${encodeURIComponent(e.doc)}&event=${encodeURIComponent(e.id)}` },
                `document ${e.doc}`,
              ),
            ),
          ]
        : null,
    ),
  );
  return h(
    'article',
    {
      class: `card card--${e.modality}`,
      'data-event': e.id,
      'data-code': e.code,
      'data-modality': e.modality,
      'aria-label': `${actorLabel(e.source)} ${e.codeName ?? e.code} ${actorLabel(e.target)}, ${e.modality}`,
    },
    h(
      'div',
      { class: 'card__head' },
      modalityBadge(e.modality),
      quadBadge(e.quad),
      h('span', { class: 'card__date' }, date),
      h('span', { class: 'card__conf', title: 'confidence' }, `conf ${fmt(e.confidence)}`),
    ),
    h(
      'p',
      { class: 'card__triple' },
      actorChip(e.source, 'source'),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
      h(
        'span',
        { class: 'action' },
        h('code', null, e.code),
        ' ',
        h('span', { class: 'action__name' }, e.codeName ?? ''),
        h(
          'span',
          { class: 'goldstein', title: 'Goldstein' },
          ` (${e.goldstein > 0 ? '+' : ''}${fmt(e.goldstein, 1)})`,
        ),
      ),
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
      actorChip(e.target, 'target'),
    ),
    why,
  );
}

/** Who and what, as written: each actor's phrase (or what its pronoun refers back to) and the event's object. */
function argumentRows(e: EventRecord): HTMLElement[] {
  const said = (a: Actor | null) =>
    !a
      ? null
      : a.antecedent
        ? `"${a.text}" → "${a.antecedent.text}"`
        : a.phrase
          ? `"${a.phrase.text}"`
          : null;
  const rows: [string, string | null][] = [
    ['Source as written', said(e.source)],
    ['Target as written', said(e.target)],
    ['Done to', e.object ? `"${e.object.text}"` : null],
  ];
  return rows.flatMap(([k, v]) => (v ? [h('dt', null, k), h('dd', null, v)] : []));
}

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, 'Loading…');
}
