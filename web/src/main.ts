/** The dashboard shell: a hash router (#/view?query, shareable) over the four views. */
import './style.css';
import { meta } from './api.ts';
import { renderDyad } from './views/dyad.ts';
import { renderEvents } from './views/events.ts';
import { renderNetwork } from './views/network.ts';
import { renderRead } from './views/read.ts';

export type View = (main: HTMLElement, params: URLSearchParams) => undefined | (() => void);

const VIEWS: Record<string, View> = {
  read: renderRead,
  events: renderEvents,
  dyad: renderDyad,
  network: renderNetwork,
};

const main = document.getElementById('main') as HTMLElement;
let cleanup: (() => void) | undefined;
let current = '';

export function parseHash(): { view: string; params: URLSearchParams } {
  const raw = location.hash.replace(/^#\/?/, '');
  const [view = '', query = ''] = raw.split('?');
  return { view: VIEWS[view] ? view : 'read', params: new URLSearchParams(query) };
}

function route(): void {
  const { view, params } = parseHash();
  const key = `${view}?${params.toString()}`;
  if (key === current) return;
  current = key;
  cleanup?.();
  cleanup = undefined;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-view]')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.body.dataset.view = view;
  main.replaceChildren();
  cleanup = VIEWS[view]?.(main, params) ?? undefined;
}

window.addEventListener('hashchange', route);
route();

meta()
  .then((m) => {
    const info = document.getElementById('store-info');
    if (info)
      info.textContent = `${m.counts.documents} documents · ${m.counts.events} events${m.dateRange.from ? ` · ${m.dateRange.from} – ${m.dateRange.to}` : ''}`;
  })
  .catch(() => {});
