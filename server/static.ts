import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Handler } from 'hono';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const notFound = () => new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves files under `root` for URLs under `prefix`; nothing outside `root` is ever reachable. */
export function serveDirectory(root: string, prefix: string): Handler {
  const base = resolve(root);
  return async (c) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return notFound();
    }
    // Refuse rather than normalise: `..`, backslashes and NULs have no business in a URL path here.
    if (rel.includes('\0') || rel.includes('\\') || rel.split('/').some((s) => s === '..')) return notFound();
    let file = resolve(join(base, rel));
    if (file !== base && !file.startsWith(base + sep)) return notFound();
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!c.req.path.endsWith('/')) return c.redirect(`${c.req.path}/`, 301);
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return notFound();
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Content-Length': String(info.size),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CSP;
      headers['Referrer-Policy'] = 'strict-origin-when-cross-origin';
    }
    if (c.req.method === 'HEAD') return new Response(null, { headers });
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, { headers });
  };
}
