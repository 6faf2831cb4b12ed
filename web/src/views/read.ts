/** Read an article: paste text and a date (or open a stored document); actors, triggers and quotes highlighted; event cards. */
import {
  type Actor,
  type Annotation,
  type DocumentRow,
  type EventRecord,
  get,
  post,
  type QuoteRecord,
} from '../api.ts';
import { clear, field, h, input, notice } from '../dom.ts';
import { href } from '../nav.ts';
import { actorLabel, eventCard, loading } from '../ui.ts';

interface Shown {
  title: string;
  date: string;
  text: string;
  mentions: Actor[];
  quotes: QuoteRecord[];
  events: EventRecord[];
  doc?: string;
}

/** the last pasted article, kept while the page lives */
let lastPasted: { text: string; date: string; shown: Shown | null } = { text: '', date: '', shown: null };

export function renderRead(main: HTMLElement, params: URLSearchParams): undefined {
  const docId = params.get('doc');
  const focusEvent = params.get('event');
  const textArea = h('textarea', {
    name: 'text',
    rows: 8,
    placeholder: 'Paste a news article…',
    spellcheck: 'false',
  });
  textArea.value = lastPasted.text;
  const date = input('date', lastPasted.date || new Date().toISOString().slice(0, 10), {
    type: 'date',
    required: true,
  });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'read-result' });
  const docSelect = h(
    'select',
    { name: 'doc', 'aria-label': 'Stored document' },
    h('option', { value: '' }, 'Choose a stored document…'),
  );

  const form = h(
    'form',
    {
      class: 'panel code-form',
      'aria-label': 'Code an article',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        void code();
      },
    },
    h('h2', null, 'Code an article'),
    field('Article text', textArea),
    h(
      'div',
      { class: 'row' },
      field('Publication date', date),
      h('button', { type: 'submit', class: 'primary', 'data-action': 'code' }, 'Code'),
    ),
  );
  const open = h(
    'form',
    {
      class: 'panel open-form',
      'aria-label': 'Open a stored document',
      onsubmit: (ev: Event) => {
        ev.preventDefault();
        if (docSelect.value) location.hash = href('read', { doc: docSelect.value });
      },
    },
    h('h2', null, 'Or open a stored document'),
    h('div', { class: 'row' }, docSelect, h('button', { type: 'submit' }, 'Open')),
  );
  main.append(
    h(
      'section',
      { class: 'read', 'aria-label': 'Read an article' },
      h('div', { class: 'read-inputs' }, form, open),
      status,
      result,
    ),
  );

  get<{ documents: DocumentRow[] }>('/api/documents', { limit: 500 })
    .then((r) => {
      for (const d of r.documents)
        docSelect.append(
          h('option', { value: d.id, selected: d.id === docId }, `${d.date ?? ''} ${d.title ?? d.id}`),
        );
    })
    .catch(() => {});

  async function code(): Promise<void> {
    const text = textArea.value.trim();
    if (!text) {
      clear(status, notice('Paste some text first.', 'error'));
      textArea.focus();
      return;
    }
    clear(status, loading());
    try {
      const a = await post<Annotation>('/api/code', { text: textArea.value, date: date.value || undefined });
      const shown: Shown = {
        title: 'Pasted article',
        date: a.doc.date,
        text: a.text,
        mentions: a.mentions,
        quotes: a.quotes,
        events: a.events,
      };
      lastPasted = { text: textArea.value, date: date.value, shown };
      clear(status);
      show(shown);
    } catch (e) {
      clear(status, notice((e as Error).message, 'error'));
    }
  }

  async function openDoc(id: string): Promise<void> {
    clear(status, loading());
    try {
      const d = await get<{
        document: DocumentRow;
        text: string;
        mentions: Actor[];
        quotes: QuoteRecord[];
        events: EventRecord[];
      }>(`/api/documents/${encodeURIComponent(id)}`);
      clear(status);
      show({
        title: d.document.title ?? d.document.id,
        date: d.document.date ?? '',
        text: d.text,
        mentions: d.mentions,
        quotes: d.quotes,
        events: d.events,
        doc: d.document.id,
      });
    } catch (e) {
      clear(status, notice((e as Error).message, 'error'));
    }
  }

  function show(s: Shown): void {
    const cards = h('div', { class: 'cards', role: 'list', 'aria-label': 'Events' });
    for (const e of s.events) {
      const c = eventCard(e);
      c.setAttribute('role', 'listitem');
      c.id = `card-${cssId(e.id)}`;
      c.tabIndex = -1;
      cards.append(c);
    }
    if (s.events.length === 0) cards.append(notice('No events were coded in this text.'));
    const counts = s.events.reduce<Record<string, number>>((m, e) => {
      m[e.modality] = (m[e.modality] ?? 0) + 1;
      return m;
    }, {});
    clear(
      result,
      h(
        'div',
        { class: 'article-head' },
        h('h2', null, s.title),
        h(
          'p',
          { class: 'muted' },
          `${s.date} · ${s.events.length} events (${Object.entries(counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}) · ${s.mentions.length} actor mentions · ${s.quotes.length} quotes`,
          s.doc ? [' · ', h('a', { href: href('events', { doc: s.doc }) }, 'events table')] : null,
        ),
        legend(),
      ),
      h(
        'div',
        { class: 'read-columns' },
        h('article', { class: 'article-text', 'aria-label': 'Article text with highlights' }, highlight(s)),
        h('aside', { class: 'read-cards', 'aria-label': 'Coded events' }, h('h3', null, 'Events'), cards),
      ),
    );
    if (focusEvent) {
      const c = document.getElementById(`card-${cssId(focusEvent)}`);
      if (c) {
        c.classList.add('card--focus');
        c.querySelector('details')?.setAttribute('open', '');
        c.scrollIntoView({ block: 'center' });
        c.focus();
      }
    }
  }

  if (docId) void openDoc(docId);
  else if (lastPasted.shown) show(lastPasted.shown);
  return undefined;
}

const cssId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend', 'aria-label': 'Legend' },
    h('mark', { class: 'hl-actor' }, 'actor'),
    ' ',
    h('mark', { class: 'hl-trigger hl-trigger--asserted' }, 'event trigger'),
    ' ',
    h('mark', { class: 'hl-trigger hl-trigger--negated' }, 'negated'),
    ' ',
    h('mark', { class: 'hl-trigger hl-trigger--proposed' }, 'proposed / intended'),
    ' ',
    h('span', { class: 'hl-quote' }, '“quote”'),
  );
}

/** The text cut at every span boundary; each piece carries the classes of the spans covering it. */
function highlight(s: Shown): HTMLElement {
  type Span = {
    start: number;
    end: number;
    kind: 'actor' | 'quote' | 'trigger';
    title: string;
    event?: EventRecord;
  };
  const spans: Span[] = [];
  for (const m of s.mentions)
    spans.push({ start: m.start, end: m.end, kind: 'actor', title: `${actorLabel(m)} [${m.code}]` });
  for (const q of s.quotes)
    spans.push({
      start: q.start,
      end: q.end,
      kind: 'quote',
      title: `quote by ${q.speaker ? actorLabel(q.speaker) : 'unknown speaker'}`,
    });
  for (const e of s.events) {
    const t = e.evidence[0]?.trigger;
    if (t)
      spans.push({
        start: t.start,
        end: t.end,
        kind: 'trigger',
        title: `${e.code} ${e.codeName ?? ''} (${e.modality})`,
        event: e,
      });
  }
  const cuts = new Set<number>([0, s.text.length]);
  for (const sp of spans) {
    if (sp.start >= 0 && sp.end <= s.text.length && sp.start < sp.end) {
      cuts.add(sp.start);
      cuts.add(sp.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = h('div', { class: 'article-body' });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = s.text.slice(a, b);
    const cover = spans.filter((sp) => sp.start <= a && sp.end >= b);
    if (cover.length === 0) {
      out.append(piece);
      continue;
    }
    const trig = cover.find((c) => c.kind === 'trigger');
    const classes = new Set<string>();
    for (const c of cover) {
      if (c.kind === 'actor') classes.add('hl-actor');
      if (c.kind === 'quote') classes.add('hl-quote');
    }
    if (trig?.event) {
      classes.add('hl-trigger');
      classes.add(`hl-trigger--${trig.event.modality}`);
      const e = trig.event;
      out.append(
        h(
          'mark',
          {
            class: [...classes].join(' '),
            title: cover.map((c) => c.title).join(' · '),
            tabindex: 0,
            role: 'button',
            'data-event': e.id,
            onclick: () => focusCard(e.id),
            onkeydown: (ev: Event) => {
              if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
                ev.preventDefault();
                focusCard(e.id);
              }
            },
          },
          piece,
        ),
      );
    } else {
      out.append(
        h(
          classes.has('hl-actor') ? 'mark' : 'span',
          { class: [...classes].join(' '), title: cover.map((c) => c.title).join(' · ') },
          piece,
        ),
      );
    }
  }
  return out;
}

function focusCard(id: string): void {
  const c = document.getElementById(`card-${cssId(id)}`);
  if (!c) return;
  for (const x of document.querySelectorAll('.card--focus')) x.classList.remove('card--focus');
  c.classList.add('card--focus');
  c.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  c.focus({ preventScroll: true });
}
