/**
 * POST `requests` (see `Open311Client#submit` for what it does and why): a module of its own,
 * which the client loads when a resident sends a report, so pages that only read never carry it.
 */
import { Open311Error } from './open311-error.js';
import type { exchange, WireFormat } from './http.js';
import { assertShape } from './normalise.js';
import { readers, REQUESTS } from './open311-requests.js';
import type { Open311Wire } from './open311.js';
import type { Open311Extension, SubmitInput, SubmitResult } from './types.js';

/** Creates a request (see `Open311Client#submit`); resolves the first record of the answer. */
export async function submit(wire: Open311Wire, input: SubmitInput): Promise<SubmitResult> {
  // The answer's reader loads alongside discovery.
  const [{ submitResultFrom }, fmt] = await Promise.all([readers(), wire.wireFormat()]);
  const answer = await submitRequest(
    {
      endpoint: wire.endpoint,
      format: fmt,
      ...(wire.apiKey ? { apiKey: wire.apiKey } : {}),
      ...(wire.jurisdictionId ? { jurisdictionId: wire.jurisdictionId } : {}),
      supports: (extension) => wire.supports(extension),
      post: (url, init) => wire.call(url, fmt, init),
    },
    input,
  );
  assertShape(answer.body, answer.status, REQUESTS);
  return submitResultFrom(answer.body);
}

/** What the sender needs of the client. */
export interface SubmitWire {
  endpoint: string;
  format: WireFormat;
  apiKey?: string;
  jurisdictionId?: string;
  supports(extension: Open311Extension): Promise<boolean>;
  post(url: string, init: NonNullable<Parameters<typeof exchange>[3]>): ReturnType<typeof exchange>;
}

/** Whether `url` is on the page's own origin (no CORS preflight for extra headers). */
function sameOrigin(url: string): boolean {
  if (typeof location === 'undefined') return false;
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

/**
 * Endpoints that refused `attribute[code][]` and took the repeated `attribute[code]` instead
 * (mySociety's Open311::Endpoint does), so later reports go in that form at once. Module-wide,
 * because every client for an endpoint talks to the same server.
 */
const repeatedKeyEndpoints = new Set<string>();

/** How a multivaluelist answer travels: `attribute[code][]=a&…[]=b`, or `attribute[code]=a&attribute[code]=b`. */
type ListForm = 'brackets' | 'repeated';

/** Whether `error` is a 400, which created nothing. */
const isBadRequest = (error: unknown): error is Open311Error => error instanceof Open311Error && error.status === 400;

/**
 * Whether `error` is a 400 about one of the multivaluelist attributes: the server named it (as
 * a field, or anywhere in its words, e.g. "unexpected entries: attribute[HAZARDS][]").
 */
function refusesListAttribute(error: unknown, listCodes: string[]): boolean {
  if (!isBadRequest(error)) return false;
  return listCodes.some((code) => {
    const name = `attribute[${code}]`;
    return error.errors.some((e) => e.field === name || e.description.toLowerCase().includes(name.toLowerCase()));
  });
}

/** Sends `input`; the answer's body is the caller's to read. */
export async function submitRequest(wire: SubmitWire, input: SubmitInput): Promise<Awaited<ReturnType<SubmitWire['post']>>> {
  const fmt = wire.format;
  const media = input.media && (await wire.supports('media')) ? input.media : undefined;
  // jurisdiction_id travels in the body here, as the spec's example does, not in the URL.
  const url = `${wire.endpoint}/requests.${fmt}`;
  const { idempotencyKey } = input;
  // The header makes a cross-origin POST need a CORS preflight, which a server that does not
  // know it may refuse: send it only to the page's own origin or to a server that announces it.
  const sendKey = idempotencyKey !== undefined && (sameOrigin(url) || (await wire.supports('idempotency')));
  const headers: Record<string, string> = sendKey ? { 'Idempotency-Key': idempotencyKey } : {};
  const post = (form: ListForm) => wire.post(url, { method: 'POST', body: submitBody(wire, input, form, media), headers });

  const listCodes = Object.entries(input.attributes ?? {}).flatMap(([code, answer]) => (Array.isArray(answer) && answer.length > 0 ? [code] : []));
  const form: ListForm = repeatedKeyEndpoints.has(wire.endpoint) ? 'repeated' : 'brackets';
  let answer: Awaited<ReturnType<typeof post>>;
  try {
    answer = await post(form);
  } catch (error) {
    if (form !== 'brackets' || !refusesListAttribute(error, listCodes)) throw error;
    try {
      answer = await post('repeated');
    } catch (retryError) {
      // Refused for something else (a missing description): the repeated form itself was read.
      if (isBadRequest(retryError) && !refusesListAttribute(retryError, listCodes)) repeatedKeyEndpoints.add(wire.endpoint);
      throw retryError;
    }
    repeatedKeyEndpoints.add(wire.endpoint);
  }
  return answer;
}


/** The POST body of `input`, with multivaluelist answers in `form`. */
function submitBody(wire: SubmitWire, input: SubmitInput, form: ListForm, media: Blob | undefined): URLSearchParams | FormData {
  const fields: Array<[string, string]> = [];
  if (wire.apiKey) fields.push(['api_key', wire.apiKey]);
  if (wire.jurisdictionId) fields.push(['jurisdiction_id', wire.jurisdictionId]);
  const { media: _media, attributes, idempotencyKey: _key, ...plain } = input;
  for (const [name, value] of Object.entries(plain)) {
    if (value === undefined || value === null || value === '') continue;
    fields.push([name, String(value)]);
  }
  for (const [code, answer] of Object.entries(attributes ?? {})) {
    const name = form === 'brackets' && Array.isArray(answer) ? `attribute[${code}][]` : `attribute[${code}]`;
    for (const v of ([] as string[]).concat(answer)) if (v !== '') fields.push([name, v]);
  }
  if (!media) return new URLSearchParams(fields);
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  body.append('media', media, media instanceof File ? media.name : 'photo');
  return body;
}
