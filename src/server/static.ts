/**
 * The built dashboard (web/dist) as static files: exact files under the root, `index.html` for `/`, never a
 * path outside the root. Hashed assets are cached for a year, the page itself not at all.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const isBuilt = (root: string = DEFAULT_WEB_ROOT): boolean => existsSync(join(root, 'index.html'));

export function staticHandler(root: string = DEFAULT_WEB_ROOT) {
  const base = resolve(root);
  return async (c: Context) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('bad path', 400);
    }
    if (path === '/' || path === '') path = '/index.html';
    const file = resolve(base, `.${normalize(path)}`);
    if (file !== base && !file.startsWith(base + sep)) return c.text('not found', 404);
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) {
      if (path === '/index.html')
        return c.html(
          '<!doctype html><title>riposte</title><p>The dashboard is not built. Run <code>npm run build:web</code> and reload; the API is at <a href="/openapi.json">/openapi.json</a>.</p>',
          503,
        );
      return c.text('not found', 404);
    }
    const body = await readFile(file);
    return c.body(new Uint8Array(body), 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}
