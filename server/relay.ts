import type { Handler } from 'hono';
import { sniffImageType, stripMetadata } from './media.js';
import { Open311Error, errorResponse } from './open311/format.js';

const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'x-total-count', 'cache-control', 'content-language', 'vary'];

/** Shorter keys look like ordinary words or numbers, so removing them could remove real content. */
export const MIN_SAFE_KEY_LENGTH = 16;

export interface RelayOptions {
  /** The city's GeoReport v2 base URL, without a trailing slash. */
  upstream: string;
  /** The key the relay adds to POSTs; it never reaches the browser. */
  apiKey?: string;
  /** How long one exchange with the upstream may take, answer body included. */
  timeoutMs: number;
}

const isAlnum = (byte: number | undefined) =>
  byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));

/** Every spelling the key can take in an answer: raw, URL-encoded (either hex case), form-encoded, JSON and XML escaped. */
function keySpellings(key: string): Buffer[] {
  const url = encodeURIComponent(key);
  const form = new URLSearchParams({ k: key }).toString().slice(2);
  const xml = key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  const spellings = new Set([key, url, lowerHex(url), form, lowerHex(form), JSON.stringify(key).slice(1, -1), JSON.stringify(key).slice(1, -1).replace(/\//g, '\\/'), xml]);
  return [...spellings].map((s) => Buffer.from(s));
}

/**
 * Removes whole occurrences of any spelling of the key: an occurrence that is part of a longer
 * run of letters and digits (an id, a word) is someone else's content and stays as it is.
 */
export function removeKey(body: Buffer, spellings: readonly Buffer[]): Buffer {
  let out = body;
  for (const needle of spellings) {
    const parts: Buffer[] = [];
    let from = 0;
    for (let at = out.indexOf(needle); at !== -1; at = out.indexOf(needle, at + 1)) {
      const whole = !isAlnum(at > 0 ? out[at - 1] : undefined) && !isAlnum(out[at + needle.length]);
      if (!whole || at < from) continue;
      parts.push(out.subarray(from, at));
      from = at + needle.length;
    }
    if (parts.length > 0) out = Buffer.concat([...parts, out.subarray(from)]);
  }
  return out;
}

/** Replaces `from` (and its JSON `\/` spelling) with `to`. */
function replaceUrl(text: string, from: string, to: string): string {
  const escaped = (s: string) => s.replace(/\//g, '\\/');
  return text.split(from).join(to).split(escaped(from)).join(escaped(to));
}

/**
 * Forwards `/open311/v2/*` to a city's GeoReport v2 server. The API key is added here, on the
 * server, so it never has to sit in a public web page — and is removed from anything sent back.
 */
export function relay({ upstream, apiKey, timeoutMs }: RelayOptions): Handler {
  if (apiKey && apiKey.length < MIN_SAFE_KEY_LENGTH) {
    console.error(
      `relay: warning: OPEN311_API_KEY has ${apiKey.length} characters; a key shorter than ${MIN_SAFE_KEY_LENGTH} cannot be told apart from ordinary text, so words or numbers equal to it are removed from answers too`,
    );
  }
  const spellings = apiKey ? keySpellings(apiKey) : [];
  const upstreamMedia = `${new URL(upstream).origin}/media/`;
  return async (c) => {
    const incoming = new URL(c.req.url);
    const rest = incoming.pathname.replace(/^\/open311\/v2\/?/, '');
    const format = rest.endsWith('.xml') ? 'xml' : 'json';
    // Only the relay's key may reach the city: a page's own key could be anything.
    const query = new URLSearchParams(incoming.search);
    query.delete('api_key');
    const target = `${upstream}/${rest}${query.size > 0 ? `?${query}` : ''}`;
    const headers = new Headers();
    for (const h of FORWARDED_REQUEST_HEADERS) {
      const v = c.req.header(h);
      if (v) headers.set(h, v);
    }
    let body: RequestInit['body'];
    if (c.req.method === 'POST') {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('multipart/form-data')) {
        let form: FormData;
        try {
          form = await c.req.raw.formData();
        } catch {
          return errorResponse(format, Open311Error.of(400, 'body', 'The multipart body could not be read.'));
        }
        form.delete('api_key');
        if (apiKey) form.set('api_key', apiKey);
        body = form;
        // fetch writes a fresh boundary for the re-encoded form.
        headers.delete('content-type');
      } else if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
        const form = new URLSearchParams(await c.req.text());
        form.delete('api_key');
        if (apiKey) form.set('api_key', apiKey);
        body = form.toString();
        headers.set('content-type', 'application/x-www-form-urlencoded');
      } else {
        // Another body type could carry a key the relay cannot find and remove.
        return errorResponse(format, Open311Error.of(400, 'body', 'Send the request as application/x-www-form-urlencoded or multipart/form-data.'));
      }
    }
    let res: Response;
    let bytes: Buffer;
    try {
      // One deadline for the whole exchange: an upstream that sends headers and then stalls is as down as one that never answers.
      res = await fetch(target, { method: c.req.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (err) {
      console.error('relay: upstream did not answer:', err instanceof Error ? err.message : err);
      return errorResponse(format, Open311Error.of(502, 'upstream', 'The city’s Open311 server did not answer. Try again later.'));
    }
    const out = new Headers();
    for (const h of FORWARDED_RESPONSE_HEADERS) {
      const v = res.headers.get(h);
      if (v) out.set(h, removeKey(Buffer.from(v), spellings).toString());
    }
    if (/json|xml/.test(res.headers.get('content-type') ?? '')) {
      let text = bytes.toString('utf8');
      // Discovery must point browsers at the relay, not around it to the keyless upstream.
      if (rest.startsWith('discovery.')) text = replaceUrl(text, upstream, `${incoming.origin}/open311/v2`);
      // Photos the upstream stores are fetched through this origin's /media, which a resident can reach.
      text = replaceUrl(text, upstreamMedia, `${incoming.origin}/media/`);
      bytes = Buffer.from(text);
    }
    return new Response(new Uint8Array(removeKey(bytes, spellings)), { status: res.status, headers: out });
  };
}

/**
 * `GET /media/{id}` of a relay: the upstream's photo, fetched without the key and within the same
 * deadline. It is served from this origin, so the same rules as for our own photos apply: only a
 * raster image passes, and its metadata is removed even if the city's server keeps it.
 */
export function relayMedia({ upstream, timeoutMs }: RelayOptions): Handler {
  const base = `${new URL(upstream).origin}/media/`;
  return async (c) => {
    const id = c.req.param('id') ?? '';
    if (!/^[0-9A-Za-z._-]{1,200}$/.test(id)) return c.text('Not found\n', 404);
    try {
      const res = await fetch(`${base}${id}`, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const type = res.status === 200 ? sniffImageType(bytes) : undefined;
      if (!type) return c.text('Not found\n', 404);
      let photo: Uint8Array<ArrayBuffer>;
      try {
        photo = new Uint8Array(stripMetadata(bytes, type));
      } catch {
        return c.text('Not found\n', 404);
      }
      return new Response(photo, {
        headers: {
          'Content-Type': type,
          'Content-Length': String(photo.byteLength),
          'Cache-Control': res.headers.get('cache-control') ?? 'public, max-age=86400',
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
        },
      });
    } catch (err) {
      console.error('relay: upstream media did not answer:', err instanceof Error ? err.message : err);
      return c.text('The city’s server did not answer. Try again later.\n', 502);
    }
  };
}
