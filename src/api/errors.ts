/**
 * Errors the API clients reject with. Every one extends {@link CivicError}, so a widget can
 * `catch (e) { if (e instanceof CivicError) … e.kind … }` and pick what to tell the resident
 * from `kind` alone; `message` is plain English for logs and for pages that show it as is.
 * `Open311Error` is in `open311-error.ts`, with the Open311 client: only its pages carry it.
 */

/** What went wrong, coarsely: enough for a widget to choose its words and whether to retry. */
export type CivicErrorKind = 'open311' | 'contract' | 'html' | 'malformed' | 'network' | 'timeout' | 'http';

/** Base class of every error the API clients reject with. */
export abstract class CivicError extends Error {
  /** Which kind of failure this is; stable, safe to switch on. */
  abstract readonly kind: CivicErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // Subclass name for logs and stack traces (minifiers may mangle `constructor.name`).
    this.name = 'CivicError';
  }
}

/** Plain English for an error status, for the `message` of the errors that carry one. */
export function statusSentence(status: number): string {
  if (status === 400) return 'The server did not accept the request.';
  if (status === 401 || status === 403) return 'The server refused the request (not allowed).';
  if (status === 404) return 'The server could not find what was asked for.';
  if (status >= 500) return 'The server had a problem and could not answer.';
  return 'The server answered with an error.';
}

/**
 * An HTML page came back where Open311 data was expected: a proxy's 502 page, a captive
 * portal. The page itself is never parsed or shown. (`Open311Client` reads an HTML page with
 * status 404 as {@link Open311Error} 404 instead: the resource is unknown, the server is not down.)
 */
export class HtmlErrorPageError extends CivicError {
  readonly kind = 'html' as const;
  /** HTTP status of the answer. */
  readonly status: number;

  constructor(status: number) {
    super(`The server answered with a web page instead of data (HTTP ${status}). It may be down or misconfigured.`);
    this.name = 'HtmlErrorPageError';
    this.status = status;
  }
}

/** The answer could not be read: not valid JSON or XML, or not the shape Open311 describes. */
export class MalformedResponseError extends CivicError {
  readonly kind = 'malformed' as const;
  /** HTTP status of the answer. */
  readonly status: number;

  constructor(status: number, detail: string, options?: { cause?: unknown }) {
    super(`The server's answer could not be read (${detail}).`, options);
    this.name = 'MalformedResponseError';
    this.status = status;
  }
}

/** The request never got an answer: offline, DNS failure, refused connection, or CORS. */
export class NetworkError extends CivicError {
  readonly kind = 'network' as const;

  constructor(options?: { cause?: unknown }) {
    super('Could not reach the server. Check the connection and try again.', options);
    this.name = 'NetworkError';
  }
}

/** No answer within the client's `timeout`; the request was aborted. */
export class TimeoutError extends CivicError {
  readonly kind = 'timeout' as const;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeout: number;

  constructor(timeout: number) {
    super(`The server took too long to answer (more than ${Math.round(timeout / 1000)} s).`);
    this.name = 'TimeoutError';
    this.timeout = timeout;
  }
}

/** One problem a JSON contract (records, notifications, forms) reported, on the field it names. */
export interface ContractErrorDetail {
  /** The request field the problem is about (`request_description`, `email`…), or `body`/`path`/`server`. */
  field: string;
  /** The server's own words, in the language asked for. */
  message: string;
  /** A stable code for programs, when the server sent one (`expired`, `used`, `required`…). */
  code?: string;
}

/**
 * A civic-elements JSON contract (`/records/v1`, …) answered with an error status and its
 * `{"errors":[{"field","message"}]}` body (empty `errors` when the body had none).
 */
export class ContractError extends CivicError {
  readonly kind = 'contract' as const;
  readonly status: number;
  readonly errors: ContractErrorDetail[];

  constructor(status: number, errors: ContractErrorDetail[] = []) {
    const said = errors.map((e) => e.message).join(' ');
    super(said ? `${statusSentence(status)} ${said}` : `${statusSentence(status)} (HTTP ${status})`);
    this.name = 'ContractError';
    this.status = status;
    this.errors = errors;
  }

  /** Field → the server's words, for inline form errors (the first per field). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) if (!(e.field in out)) out[e.field] = e.message;
    return out;
  }
}

/** An error status from a server that does not speak Open311 (an alert feed, say): the status is all there is. */
export class HttpError extends CivicError {
  readonly kind = 'http' as const;
  /** HTTP status of the answer. */
  readonly status: number;

  constructor(status: number) {
    super(`The server answered with an error (HTTP ${status}).`);
    this.name = 'HttpError';
    this.status = status;
  }
}
