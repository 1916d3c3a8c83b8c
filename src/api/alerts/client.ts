/**
 * Reads alert feeds over HTTP: the reference backend's JSON, CAP 1.2 XML (single or Atom) and
 * NWS GeoJSON, told apart by the body itself (servers mislabel content types). Revalidates with
 * `If-None-Match`, so an unchanged feed costs a 304 and no parsing.
 */

import { HtmlErrorPageError, HttpError, MalformedResponseError, NetworkError, TimeoutError } from '../errors.js';
import { parseCap } from './cap.js';
import { parseCivicAlerts } from './civic.js';
import { parseNws } from './nws.js';
import type { AlertFeedResult, CivicAlert } from './types.js';

export interface AlertsClientOptions {
  /** Injected `fetch` (tests, a proxying app). Default the global one. */
  fetch?: typeof fetch;
  /** Milliseconds before a read is abandoned with TimeoutError. Default 15 000. */
  timeout?: number;
}

/** Parses an alert document of any supported format; throws MalformedResponseError otherwise. */
export function parseAlerts(body: string, status = 200): CivicAlert[] {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('<')) {
    if (/^<!doctype html|^<html/i.test(text)) throw new HtmlErrorPageError(status);
    return parseCap(text, status);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    throw new MalformedResponseError(status, 'not valid JSON or XML', { cause });
  }
  const type = (doc as { type?: unknown } | null)?.type;
  return type === 'FeatureCollection' ? parseNws(doc, status) : parseCivicAlerts(doc, status);
}

export class AlertsClient {
  private readonly doFetch: typeof fetch;
  private readonly timeout: number;

  constructor(options: AlertsClientOptions = {}) {
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeout = options.timeout ?? 15_000;
  }

  /**
   * Reads one feed. With the `etag` of the previous read, a 304 answers `{ modified: false }`.
   * Rejects with NetworkError, TimeoutError, HttpError (error status), HtmlErrorPageError or
   * MalformedResponseError.
   */
  async read(url: string, options: { etag?: string; signal?: AbortSignal } = {}): Promise<AlertFeedResult> {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeout);
    // The race keeps the timeout honest even with an injected fetch that ignores `signal`.
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
    aborted.catch(() => {});
    let response: Response;
    let body: string;
    try {
      response = await Promise.race([this.doFetch(url, {
        headers: {
          Accept: 'application/json, application/geo+json, application/cap+xml, application/atom+xml, application/xml;q=0.9',
          ...(options.etag ? { 'If-None-Match': options.etag } : {}),
        },
        signal: controller.signal,
        // The ETag is ours to manage; the HTTP cache must not answer for the server.
        cache: 'no-store',
      }), aborted]);
      body = await Promise.race([response.text(), aborted]);
    } catch (cause) {
      if (timedOut) throw new TimeoutError(this.timeout);
      throw new NetworkError({ cause });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    const etag = response.headers.get('etag') ?? undefined;
    if (response.status === 304) return { modified: false, etag: etag ?? options.etag ?? '' };
    if (!response.ok) {
      if (/^\s*<(!doctype html|html)/i.test(body)) throw new HtmlErrorPageError(response.status);
      throw new HttpError(response.status);
    }
    const alerts = parseAlerts(body, response.status);
    return etag ? { modified: true, alerts, etag } : { modified: true, alerts };
  }
}
