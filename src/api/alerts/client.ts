/**
 * Reads alert feeds over HTTP: the reference backend's JSON, CAP 1.2 XML (single or Atom) and
 * NWS GeoJSON, told apart by the body itself (servers mislabel content types). Revalidates with
 * `If-None-Match`, so an unchanged feed costs a 304 and no parsing.
 */

import { HtmlErrorPageError, HttpError, NetworkError, TimeoutError } from '../errors.js';
import { parseCivicAlerts } from './civic.js';
import type { AlertFeedResult } from './types.js';

/**
 * The readers of the other formats (CAP 1.2 XML, NWS GeoJSON), fetched when a feed turns out to
 * be one of them: a page reading the city's own JSON never carries them.
 */
let readers: Promise<typeof import('./parse.js')> | undefined;
function otherReaders(): Promise<typeof import('./parse.js')> {
  readers ??= import('./parse.js').catch((cause: unknown) => {
    readers = undefined;
    throw new NetworkError({ cause });
  });
  return readers;
}

/** The body as the reference backend's JSON document, or `undefined` for any other (which `parse.js` reads, or rejects). */
function civicDocument(body: string): unknown {
  const text = body.replace(/^\uFEFF/, '').trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    const doc: unknown = JSON.parse(text);
    return (doc as { type?: unknown } | null)?.type === 'FeatureCollection' ? undefined : doc;
  } catch {
    return undefined;
  }
}

export interface AlertsClientOptions {
  /** Injected `fetch` (tests, a proxying app). Default the global one. */
  fetch?: typeof fetch;
  /** Milliseconds before a read is abandoned with TimeoutError. Default 15 000. */
  timeout?: number;
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
    const doc = civicDocument(body);
    const alerts = doc === undefined ? (await otherReaders()).parseAlerts(body, response.status) : parseCivicAlerts(doc, response.status);
    return etag ? { modified: true, alerts, etag } : { modified: true, alerts };
  }
}
