/**
 * Input readers: plain text, JSONL documents, HTML pages (main text by @mozilla/readability over linkedom)
 * and RSS/Atom feeds (one document per item, fast-xml-parser). Folders are walked in sorted order so a run is
 * deterministic. A bad input never disappears: it becomes a `failed` item carrying its raw text and error.
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { fail, type RiposteError } from '../core/errors.ts';
import { type DocInput, DocInputSchema } from '../core/types.ts';

export type InputKind = 'text' | 'jsonl' | 'html' | 'feed';

export interface InputDoc extends DocInput {
  outlet?: string;
  language?: string;
}

export type InputItem =
  | { ok: true; doc: InputDoc; origin: string; bytes: number }
  | { ok: false; id: string; raw: string; error: RiposteError; origin: string; bytes: number; url?: string };

const KINDS: Record<string, InputKind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

export interface InputFile {
  path: string;
  /** document id prefix: the path below the walked root, prefixed with the root's own name */
  id: string;
  kind: InputKind;
  bytes: number;
}

/** Lists the input files under the given paths (files as given, folders walked, sorted). */
export function listInputs(paths: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (e) {
      throw fail('E_INPUT_READ', p, e instanceof Error ? e.message : String(e));
    }
    if (st.isDirectory()) walk(resolve(p), basename(resolve(p)), out);
    else out.push({ path: resolve(p), id: basename(p), kind: sniff(p), bytes: st.size });
  }
  return out;
}

function walk(dir: string, prefix: string, out: InputFile[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, `${prefix}/${name}`, out);
    else if (KINDS[extname(name).toLowerCase()]) {
      out.push({
        path: p,
        id: `${prefix}/${name}`,
        kind: KINDS[extname(name).toLowerCase()] as InputKind,
        bytes: st.size,
      });
    }
  }
}

/** by extension, else by the first bytes */
function sniff(p: string): InputKind {
  const k = KINDS[extname(p).toLowerCase()];
  if (k) return k;
  const head = readFileSync(p, { encoding: 'utf8' }).slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<rss') || head.startsWith('<feed')) return 'feed';
  if (head.startsWith('<')) return 'html';
  if (head.startsWith('{')) return 'jsonl';
  return 'text';
}

/** Every document of every input, in order. */
export async function* readInputs(files: InputFile[]): AsyncGenerator<InputItem> {
  for (const f of files) {
    const origin = f.path;
    if (f.kind === 'jsonl') {
      yield* readJsonl(f);
      continue;
    }
    let raw: string;
    try {
      raw = readFileSync(f.path, 'utf8');
    } catch (e) {
      yield {
        ok: false,
        id: f.id,
        raw: '',
        error: fail('E_INPUT_READ', f.path, errText(e)),
        origin,
        bytes: f.bytes,
      };
      continue;
    }
    if (f.kind === 'text') {
      yield {
        ok: true,
        doc: { id: f.id, text: raw, url: pathToFileURL(f.path).href },
        origin,
        bytes: f.bytes,
      };
    } else if (f.kind === 'html') {
      yield htmlItem(raw, f);
    } else {
      yield* feedItems(raw, f);
    }
  }
}

async function* readJsonl(f: InputFile): AsyncGenerator<InputItem> {
  const rl = createInterface({
    input: createReadStream(f.path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    const origin = `${f.path}:${line}`;
    const bytes = Buffer.byteLength(text) + 1;
    const bad = (reason: string, url?: string): InputItem => ({
      ok: false,
      id: `${f.id}:${line}`,
      raw: text,
      error: fail('E_INPUT_JSONL', line, reason),
      origin,
      bytes,
      ...(url ? { url } : {}),
    });
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield bad(errText(e));
      continue;
    }
    const r = DocInputSchema.safeParse(value);
    if (!r.success) {
      const reason = r.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ');
      const url =
        typeof (value as { url?: unknown })?.url === 'string' ? (value as { url: string }).url : undefined;
      yield bad(`expected {id, text, date?, title?, url?, source?}: ${reason}`, url);
      continue;
    }
    const d: InputDoc = { ...r.data };
    if (d.source) d.outlet = d.source;
    yield { ok: true, doc: d, origin, bytes };
  }
}

function meta(document: ReturnType<typeof parseHTML>['document'], ...names: string[]): string | undefined {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

/** ISO date of a date-time string, if it parses */
export function isoDay(v: string | undefined | null): string | undefined {
  if (!v) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
  if (m) return m[1];
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function htmlItem(raw: string, f: InputFile): InputItem {
  try {
    const { document } = parseHTML(raw);
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
    const url = meta(document, 'og:url') ?? canonical ?? pathToFileURL(f.path).href;
    const outlet = meta(document, 'og:site_name');
    const date = isoDay(
      meta(document, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date'),
    );
    const lang = document.documentElement?.getAttribute('lang') ?? undefined;
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    const text = article?.content
      ? htmlText(article.content)
      : normalizeText(document.body?.textContent ?? '');
    if (!text) throw fail('E_INPUT_EMPTY', `article text in ${f.path}`);
    const doc: InputDoc = { id: f.id, text, url };
    const title = article?.title ?? document.title;
    if (title) doc.title = title;
    if (outlet ?? article?.siteName) doc.outlet = (outlet ?? article?.siteName) as string;
    if (outlet ?? article?.siteName) doc.source = doc.outlet;
    if (date ?? isoDay(article?.publishedTime)) doc.date = (date ?? isoDay(article?.publishedTime)) as string;
    if (lang ?? article?.lang) doc.language = (lang ?? article?.lang) as string;
    return { ok: true, doc, origin: f.path, bytes: f.bytes };
  } catch (e) {
    const error = isErr(e) ? e : fail('E_INPUT_READ', f.path, `HTML: ${errText(e)}`);
    return { ok: false, id: f.id, raw, error, origin: f.path, bytes: f.bytes };
  }
}

/** collapses runs of blank space inside lines and keeps paragraph breaks */
export function normalizeText(s: string): string {
  return s
    .split(/\n\s*\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  processEntities: true,
});

type Node = Record<string, unknown>;
const arr = (v: unknown): Node[] =>
  v === undefined || v === null ? [] : Array.isArray(v) ? (v as Node[]) : [v as Node];
const txt = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as Node)) return String((v as Node)['#text']);
  return undefined;
};

/** text of an HTML fragment (item descriptions often carry markup) */
function htmlText(s: string): string {
  if (!/[<&]/.test(s)) return normalizeText(s);
  const { document } = parseHTML(`<!doctype html><html><body>${s}</body></html>`);
  for (const b of document.querySelectorAll('p, br, div, li, h1, h2, h3, h4, h5, h6, blockquote, tr'))
    b.after(document.createTextNode('\n\n'));
  return normalizeText(document.body?.textContent ?? '');
}

function* feedItems(raw: string, f: InputFile): Generator<InputItem> {
  let tree: Node;
  try {
    tree = xml.parse(raw) as Node;
  } catch (e) {
    yield {
      ok: false,
      id: f.id,
      raw,
      error: fail('E_INPUT_READ', f.path, `RSS/Atom: ${errText(e)}`),
      origin: f.path,
      bytes: f.bytes,
    };
    return;
  }
  const rss = tree.rss as Node | undefined;
  const channel = (rss?.channel ?? (tree['rdf:RDF'] as Node | undefined)?.channel) as Node | undefined;
  const feed = tree.feed as Node | undefined;
  const items = rss
    ? arr(channel?.item)
    : tree['rdf:RDF']
      ? arr((tree['rdf:RDF'] as Node).item)
      : arr(feed?.entry);
  if (!rss && !feed && !tree['rdf:RDF']) {
    const e = fail(
      'E_INPUT_READ',
      f.path,
      'expected an RSS <rss> or Atom <feed> document, found another XML root',
    );
    yield { ok: false, id: f.id, raw, error: e, origin: f.path, bytes: f.bytes };
    return;
  }
  const outlet = txt(channel?.title ?? feed?.title);
  const share = Math.max(1, Math.floor(f.bytes / Math.max(1, items.length)));
  for (const [i, it] of items.entries()) {
    const link = feed
      ? (arr(it.link).find((l) => !l['@rel'] || l['@rel'] === 'alternate')?.['@href'] as string | undefined)
      : txt(it.link);
    const guid = txt(it.guid ?? it.id);
    const body = txt(it['content:encoded'] ?? it.content ?? it.description ?? it.summary) ?? '';
    const title = txt(it.title);
    const text = htmlText(body) || (title ?? '');
    const id = `${f.id}#${guid ?? link ?? i + 1}`;
    const date = isoDay(txt(it.pubDate ?? it.published ?? it.updated ?? it['dc:date']));
    if (!text.trim()) {
      yield {
        ok: false,
        id,
        raw: JSON.stringify(it),
        error: fail('E_INPUT_EMPTY', `text in item ${i + 1} of ${f.path}`),
        origin: f.path,
        bytes: share,
        ...(link ? { url: link } : {}),
      };
      continue;
    }
    const doc: InputDoc = { id, text };
    if (link) doc.url = link;
    if (title) doc.title = htmlText(title);
    if (date) doc.date = date;
    if (outlet) {
      doc.outlet = outlet;
      doc.source = outlet;
    }
    yield { ok: true, doc, origin: `${f.path}#${i + 1}`, bytes: share };
  }
}

const isErr = (e: unknown): e is RiposteError =>
  e instanceof Error && 'code' in e && typeof (e as RiposteError).code === 'string';
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));
