import type { Handler } from 'hono';
import { Open311Error, errorResponse } from './open311/format.js';

const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'x-total-count', 'cache-control', 'content-language', 'vary'];

/**
 * Forwards `/open311/v2/*` to a city's GeoReport v2 server. The API key is added here, on the
 * server, so it never has to sit in a public web page — and is scrubbed from anything echoed back.
 */
export function relay(upstream: string, apiKey: string | undefined): Handler {
  return async (c) => {
    const incoming = new URL(c.req.url);
    const rest = incoming.pathname.replace(/^\/open311\/v2\/?/, '');
    const target = `${upstream}/${rest}${incoming.search}`;
    const format = rest.endsWith('.xml') ? 'xml' : 'json';
    const headers = new Headers();
    for (const h of FORWARDED_REQUEST_HEADERS) {
      const v = c.req.header(h);
      if (v) headers.set(h, v);
    }
    let body: RequestInit['body'];
    if (c.req.method === 'POST') {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('multipart/form-data')) {
        const form = await c.req.raw.formData();
        if (apiKey) form.set('api_key', apiKey);
        body = form;
        // fetch writes a fresh boundary for the re-encoded form.
        headers.delete('content-type');
      } else if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
        const form = new URLSearchParams(await c.req.text());
        if (apiKey) form.set('api_key', apiKey);
        body = form.toString();
        headers.set('content-type', 'application/x-www-form-urlencoded');
      } else {
        body = await c.req.arrayBuffer();
      }
    }
    let res: Response;
    try {
      res = await fetch(target, { method: c.req.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      console.error('relay: upstream unreachable', err instanceof Error ? err.message : err);
      return errorResponse(format, Open311Error.of(502, 'upstream', 'The city’s Open311 server did not answer. Try again later.'));
    }
    const out = new Headers();
    for (const h of FORWARDED_RESPONSE_HEADERS) {
      const v = res.headers.get(h);
      if (v) out.set(h, v);
    }
    const type = res.headers.get('content-type') ?? '';
    if (/json|xml|text|html/.test(type)) {
      let text = await res.text();
      if (apiKey) text = text.split(apiKey).join('[redacted]');
      // Discovery must point browsers at the relay, not around it to the keyless upstream.
      if (rest.startsWith('discovery.')) text = text.split(upstream).join(`${incoming.origin}/open311/v2`);
      return new Response(text, { status: res.status, headers: out });
    }
    return new Response(res.body, { status: res.status, headers: out });
  };
}
