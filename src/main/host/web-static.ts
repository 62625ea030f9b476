// Serves the built renderer (`out/renderer`) to the browser.
import { fs } from '../platform/node-fs';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { resolveMediaPath } from '../media/resolve';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

/** The page's CSP, for this server's own origin (the meta tag in index.html adds the same limits). */
export function pageSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
      "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Sends `path` (`/`-relative) from the renderer build, `index.html` for `/`; false if absent. */
export async function sendStatic(
  rendererDir: string,
  path: string,
  res: ServerResponse,
  extraHeaders: Record<string, string>,
  headOnly: boolean,
): Promise<boolean> {
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const resolved = await resolveMediaPath(rendererDir, relative);
  if (!resolved.ok) return false;
  const isPage = relative === 'index.html';
  res.writeHead(200, {
    ...pageSecurityHeaders(),
    ...extraHeaders,
    'Content-Type': types[extname(relative)] ?? 'application/octet-stream',
    'Content-Length': String(resolved.stats.size),
    // Hashed asset names never change content; the page itself must be re-read on each start.
    'Cache-Control': isPage ? 'no-store' : 'private, max-age=31536000, immutable',
  });
  if (headOnly) res.end();
  else fs.createReadStream(resolved.file).pipe(res);
  return true;
}
