import { Readable } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

/** Text worth compressing; images, photos and fonts are compressed already. */
export const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

/** Below this, the headers and framing cost more than compression saves. */
const MIN_BYTES = 512;

/** The encoding to answer with: brotli when the client takes it, else gzip, else none (`q=0` refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * Compresses a whole body once and for keeps: as small as it gets by default (static files), or
 * at brotli `quality` (0–11) for answers computed on a request (cached API answers).
 */
export function compressBuffer(bytes: Buffer, encoding: Encoding, quality = 11): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzipSync(bytes, { level: quality >= 9 ? 9 : 6 });
}

/**
 * Compresses every other text answer (API JSON and XML, error pages) as it streams, with brotli or
 * gzip per `Accept-Encoding`, at a level fast enough for answers made per request. Answers that
 * are already encoded (static files) pass through.
 */
export function compress(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    if (!res.body || res.headers.has('Content-Encoding') || !COMPRESSIBLE.test(type)) return;
    res.headers.append('Vary', 'Accept-Encoding');
    const length = res.headers.get('Content-Length');
    if (length !== null && Number(length) < MIN_BYTES) return;
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return;
    const encoder =
      encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : createGzip({ level: 6 });
    const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(encoder);
    // Hono copies the old answer's headers onto a new one: drop its length first.
    res.headers.delete('Content-Length');
    const headers = new Headers(res.headers);
    headers.set('Content-Encoding', encoding);
    // The compressed bytes differ from the ones a strong ETag names: keep it as a weak one, which
    // If-None-Match still compares (weakly) with the same answer in any encoding.
    const etag = headers.get('ETag');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    c.res = new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: res.status, statusText: res.statusText, headers });
  };
}
