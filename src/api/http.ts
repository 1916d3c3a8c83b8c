/**
 * One HTTP exchange with an Open311 server: timeout, then sorting the answer into data or one
 * of the `CivicError`s. The body's own look decides how it is read, not the format we
 * asked for, because real servers answer XML to `.json`, HTML to anything behind a proxy, and
 * `<errors>` with a JSON content type.
 */

import { MalformedResponseError, NetworkError } from './errors.js';
import { fetchText } from './fetch-text.js';
import type { Loose } from './xml.js';

/** The two GeoReport v2 formats, named as the resource suffix (`services.json`). */
export type WireFormat = 'json' | 'xml';

/** What one exchange needs from the client. */
export interface Exchange {
  fetch: typeof fetch;
  /** Milliseconds until the call is aborted with TimeoutError. */
  timeout: number;
}

const ACCEPT: Record<WireFormat, string> = {
  json: 'application/json, text/xml;q=0.5, application/xml;q=0.5',
  xml: 'text/xml, application/xml, application/json;q=0.5',
};

/**
 * `es-MX` → `es-MX, es;q=0.9`: a server that has Spanish but not Mexican Spanish still answers in
 * Spanish. Only characters the CORS safelist allows for the header (letters, digits, `-`, `,`, `;`, `=`, `.`, space).
 */
export function acceptLanguage(tag: string): string {
  const clean = tag.replace(/[^A-Za-z0-9-]/g, '');
  const base = clean.split('-')[0]!;
  return base && base !== clean ? `${clean}, ${base};q=0.9` : clean;
}

/**
 * Deepest nesting read, in either format. GeoReport documents are five levels deep; far deeper
 * input is hostile or broken, and reading it would exhaust the stack instead of failing cleanly.
 */
export const MAX_DEPTH = 32;

/** Whether arrays and objects in `value` nest deeper than `limit` (walked without recursion). */
function nestsDeeperThan(value: Loose, limit: number): boolean {
  const stack: Array<[Loose, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Reads a body as JSON; throws MalformedResponseError. */
export function parseJson(text: string, status: number): Loose {
  let value: Loose;
  try {
    value = JSON.parse(text) as Loose;
  } catch (cause) {
    throw new MalformedResponseError(status, 'not valid JSON', { cause });
  }
  // The same limit as XML: the readers recurse, and a hostile answer must not exhaust the stack.
  if (nestsDeeperThan(value, MAX_DEPTH)) throw new MalformedResponseError(status, 'nested too deeply');
  return value;
}

/** True for an XML `<errors>` root or a JSON `{ "errors": … }` object. */
export function isErrorsBody(value: Loose): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'errors' in value;
}

/**
 * Sends one request and returns the status and parsed body. Rejects with
 * - `TimeoutError` when no full answer came within `timeout` ms,
 * - `NetworkError` when `fetch` itself rejected (offline, DNS, CORS),
 * - `HtmlErrorPageError` for an HTML page, whatever the status (with `htmlNotFound`, a
 *   404 page is an `Open311Error` 404),
 * - `Open311Error` for any other error status (with the `<errors>` it carried, if any;
 *   a plain-text or empty error body still gives the status), or an `<errors>` body on 2xx,
 * - `MalformedResponseError` for a 2xx body that is neither JSON nor XML.
 */
export async function exchange(
  ex: Exchange,
  url: string,
  format: WireFormat,
  init: {
    method?: 'GET' | 'POST';
    body?: URLSearchParams | FormData;
    headers?: Record<string, string>;
    /** The reader's language (BCP 47), sent as `Accept-Language`: CORS-safelisted, so no preflight. */
    language?: string;
    /** Cancels the call (the caller no longer wants the answer): rejects with that `AbortError`. */
    signal?: AbortSignal;
    /**
     * A 404 that comes as an HTML page (a CMS or proxy in front of the server) rejects as
     * `Open311Error` 404, like an Open311 one: what was asked for is unknown, which is not the
     * same as a server that is down.
     */
    htmlNotFound?: boolean;
  } = {},
): Promise<{ status: number; body: Loose }> {
  init.signal?.throwIfAborted();
  // Only Accept and Accept-Language are set on GETs: CORS-safelisted headers, so they need no
  // preflight. The browser sets the Content-Type (and multipart boundary) from the body itself.
  const { response, text: body } = await fetchText(
    ex.fetch,
    url,
    {
      method: init.method ?? 'GET',
      headers: { ...init.headers, Accept: ACCEPT[format], ...(init.language ? { 'Accept-Language': acceptLanguage(init.language) } : {}) },
      body: init.body ?? null,
    },
    ex.timeout,
    init.signal,
  );
  const status = response.status;
  // The usual answer, a JSON document with a 2xx status, is read here. Anything else (XML, an
  // HTML page, an error status or `<errors>`) is read by the module that knows them all, which
  // loads when such an answer comes: a page talking JSON to a working server never carries it.
  const text = body.replace(/^\uFEFF/, '').trim();
  if (status >= 200 && status < 300 && /^[[{]/.test(text)) {
    const value = parseJson(text, status);
    if (!isErrorsBody(value)) return { status, body: value };
  }
  let unusual: typeof import('./open311-answers.js');
  try {
    unusual = await import('./open311-answers.js');
  } catch (cause) {
    throw new NetworkError({ cause });
  }
  return unusual.unusualAnswer(status, text, (response.headers.get('content-type') ?? '').toLowerCase(), init.htmlNotFound);
}
