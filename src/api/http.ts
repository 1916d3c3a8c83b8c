/**
 * One HTTP exchange with an Open311 server: timeout, then sorting the answer into data or one
 * of the {@link CivicError}s. The body's own look decides how it is read, not the format we
 * asked for, because real servers answer XML to `.json`, HTML to anything behind a proxy, and
 * `<errors>` with a JSON content type.
 */

import {
  HtmlErrorPageError,
  MalformedResponseError,
  NetworkError,
  TimeoutError,
} from './errors.js';
import { Open311Error } from './open311-error.js';
import { fetchText } from './fetch-text.js';
import { errorsFrom } from './normalise.js';
import { MAX_DEPTH, parseXml, type Loose } from './xml.js';

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

/** An Open311 document's root, possibly after an XML declaration and with a prefix. */
const OPEN311_ROOT = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(\w+:)?(errors|service_requests|services|service_definition|discovery|Envelope)\b/i;

function looksLikeHtml(body: string, contentType: string): boolean {
  const head = body.replace(/^\uFEFF/, '').trimStart().slice(0, 500);
  const lower = head.toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return true;
  // Mislabelled servers send `<errors>` as text/html, so the label alone does not decide.
  if (!contentType.includes('text/html')) return false;
  return !OPEN311_ROOT.test(head) && !head.startsWith('{') && !head.startsWith('[');
}

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

/** Reads a body as XML if it starts with `<`, else as JSON; throws MalformedResponseError. */
function parseBody(body: string, status: number): Loose {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('<')) return parseXml(text, status);
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
function isErrorsBody(value: Loose): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'errors' in value;
}

/**
 * Sends one request and returns the status and parsed body. Rejects with
 * - {@link TimeoutError} when no full answer came within `timeout` ms,
 * - {@link NetworkError} when `fetch` itself rejected (offline, DNS, CORS),
 * - {@link HtmlErrorPageError} for an HTML page, whatever the status,
 * - {@link Open311Error} for any other error status (with the `<errors>` it carried, if any;
 *   a plain-text or empty error body still gives the status), or an `<errors>` body on 2xx,
 * - {@link MalformedResponseError} for a 2xx body that is neither JSON nor XML.
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
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();

  if (looksLikeHtml(body, contentType)) throw new HtmlErrorPageError(status);
  const ok = status >= 200 && status < 300;
  if (!ok) {
    let parsed: Loose = null;
    try {
      parsed = parseBody(body, status);
    } catch {
      // An unreadable error body still tells the caller the status; that is what matters.
    }
    throw new Open311Error(status, errorsFrom(parsed, status));
  }
  const parsed = parseBody(body, status);
  if (isErrorsBody(parsed)) {
    const errors = errorsFrom(parsed, status);
    if (errors.length > 0) throw new Open311Error(status, errors);
  }
  return { status, body: parsed };
}
