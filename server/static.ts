import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Handler } from 'hono';
import { COMPRESSIBLE, chooseEncoding, compressBuffer, type Encoding } from './compress.js';

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

/** Larger text files are streamed as they are rather than held compressed in memory. */
const MAX_CACHED_BYTES = 4 * 1024 * 1024;

interface CachedFile {
  key: string;
  etag: string;
  bytes: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

export interface ServeOptions {
  /**
   * Whether a file's URL changes whenever its content does (a content-hashed chunk): such files
   * are cached for a year without asking again; every other file is revalidated (ETag, 304).
   */
  immutable?: (relativePath: string) => boolean;
}

/** Every file under `dist/` the build names by content hash: the chunks and their images. */
export const hashedDistFile = (rel: string): boolean =>
  /^(civic-elements|chunks)\//.test(rel) || /^civic-elements\.all\.[^/]+-[\w-]{8}\.\w+(\.map)?$/.test(rel);

/**
 * Serves files under `root` for URLs under `prefix`; nothing outside `root` is ever reachable.
 * Text files are compressed (brotli or gzip, per `Accept-Encoding`) once and kept in memory until
 * they change on disk; every answer has a strong ETag, and `If-None-Match` gets a 304.
 */
export function serveDirectory(root: string, prefix: string, options: ServeOptions = {}): Handler {
  const base = resolve(root);
  const cache = new Map<string, CachedFile>();
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
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': options.immutable?.(rel.replace(/^\/+/, '')) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CSP;
      headers['Referrer-Policy'] = 'strict-origin-when-cross-origin';
    }
    const compressible = COMPRESSIBLE.test(type) && info.size <= MAX_CACHED_BYTES;
    if (!compressible) {
      headers['Content-Length'] = String(info.size);
      headers.ETag = `"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
      if (c.req.header('If-None-Match') === headers.ETag) return new Response(null, { status: 304, headers });
      if (c.req.method === 'HEAD') return new Response(null, { headers });
      return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, { headers });
    }
    const key = `${info.size}:${info.mtimeMs}`;
    let cached = cache.get(file);
    if (cached?.key !== key) {
      const bytes = await readFile(file);
      cached = { key, bytes, etag: createHash('sha256').update(bytes).digest('base64url').slice(0, 22), encoded: {} };
      cache.set(file, cached);
    }
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    const body = encoding ? (cached.encoded[encoding] ??= compressBuffer(cached.bytes, encoding)) : cached.bytes;
    headers.Vary = 'Accept-Encoding';
    // One ETag per representation: the compressed bytes differ from the plain ones.
    headers.ETag = `"${cached.etag}${encoding ? `-${encoding}` : ''}"`;
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(body.length);
    if (c.req.header('If-None-Match') === headers.ETag) return new Response(null, { status: 304, headers });
    if (c.req.method === 'HEAD') return new Response(null, { headers });
    return new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { headers });
  };
}
