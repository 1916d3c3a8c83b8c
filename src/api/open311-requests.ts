/**
 * GET `requests`, `requests/{id}` and `tokens/{token}` (see `Open311Client` for what each does):
 * a module of its own, which the widgets that look requests up (the tracker, the map) import with
 * them; a page that only lists services never carries it. The readers of the answers load
 * alongside the call (they arrive while the server answers).
 */
import { NetworkError, type CivicError } from './errors.js';
import { datetime, type DocumentKind } from './normalise.js';
import { calls, type Open311Wire } from './open311.js';
import type { RequestsQuery, ServiceRequest } from './types.js';

export const REQUEST_WRAPPERS = ['service_requests', 'requests'];
export const REQUEST_ITEMS = ['request', 'service_request'];

/** A list of requests (also what a POST or a token answers). */
export const REQUESTS: DocumentKind = {
  name: 'requests',
  keys: [...REQUEST_WRAPPERS, ...REQUEST_ITEMS, 'service_request_id', 'token'],
  list: { wrappers: REQUEST_WRAPPERS, items: REQUEST_ITEMS, record: ['service_request_id', 'token'] },
};

/** The readers of definitions, requests and tokens, fetched alongside the call that needs them. */
export function readers(): Promise<typeof import('./normalise-requests.js')> {
  // A module that cannot be fetched is the network failing, like a call that cannot be made.
  const loading = import('./normalise-requests.js').catch((cause: unknown) => {
    throw new NetworkError({ cause });
  });
  // Awaited after the call's own answer; a call that fails first must not leave this unhandled.
  loading.catch(() => undefined);
  return loading;
}

function inBbox(r: ServiceRequest, [minLng, minLat, maxLng, maxLat]: [number, number, number, number]): boolean {
  return r.lat !== undefined && r.long !== undefined &&
    r.long >= minLng && r.long <= maxLng && r.lat >= minLat && r.lat <= maxLat;
}

/** GET `requests` (see `Open311Client#requests`). */
export async function requests(wire: Open311Wire, query: RequestsQuery): Promise<ServiceRequest[]> {
  const read = readers();
  const fmt = await wire.wireFormat();
  const params = new URLSearchParams();
  if (query.service_request_id?.length) params.set('service_request_id', query.service_request_id.join(','));
  if (query.service_code?.length) params.set('service_code', query.service_code.join(','));
  if (query.status?.length) params.set('status', ([] as string[]).concat(query.status).join(','));
  if (query.start_date) params.set('start_date', query.start_date);
  if (query.end_date) params.set('end_date', query.end_date);

  const wantsPage = query.page !== undefined || query.page_size !== undefined;
  const [page, bbox, updated, ext] = await Promise.all([
    wantsPage ? wire.supports('page') : false,
    query.bbox ? wire.supports('bbox') : false,
    query.updated_after ? wire.supports('updated_after') : false,
    query.extensions ? wire.supports('extensions') : false,
  ]);
  if (page) {
    if (query.page !== undefined) params.set('page', String(query.page));
    if (query.page_size !== undefined) params.set('page_size', String(query.page_size));
  }
  if (bbox && query.bbox) params.set('bbox', query.bbox.join(','));
  if (updated && query.updated_after) params.set('updated_after', query.updated_after);
  if (ext) params.set('extensions', 'true');

  const [body, { requestsFrom }] = await Promise.all([wire.get(`requests.${fmt}`, fmt, REQUESTS, params), read]);
  let list = requestsFrom(body);

  if (query.bbox && !bbox) {
    const box = query.bbox;
    list = list.filter((r) => inBbox(r, box));
  }
  const after = query.updated_after ? datetime(query.updated_after) : undefined;
  if (after && !updated) {
    const limit = Date.parse(after);
    list = list.filter((r) => {
      const when = r.updated_datetime ?? r.requested_datetime;
      return when !== undefined && Date.parse(when) > limit;
    });
  }
  if (wantsPage && !page) {
    const size = query.page_size ?? list.length;
    const start = Math.max(0, ((query.page ?? 1) - 1) * size);
    list = list.slice(start, start + size);
  }
  return list;
}

/** GET `requests/{id}` (see `Open311Client#request`). */
export async function request(wire: Open311Wire, id: string, options: { extensions?: boolean }): Promise<ServiceRequest | undefined> {
  const read = readers();
  const fmt = await wire.wireFormat();
  const params = new URLSearchParams();
  if (options.extensions && (await wire.supports('extensions'))) params.set('extensions', 'true');
  try {
    const [body, { requestsFrom }] = await Promise.all([wire.get(`requests/${encodeURIComponent(id)}.${fmt}`, fmt, REQUESTS, params), read]);
    const list = requestsFrom(body);
    // Never another record: a server that ignores the id in the path answers its whole list.
    return list.find((r) => r.service_request_id === id);
  } catch (e) {
    // By kind, not class: the error class loads only with an error, and this module need not carry it.
    if ((e as CivicError | undefined)?.kind === 'open311' && (e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

/** GET `tokens/{token}` (see `Open311Client#requestIdForToken`). */
export async function requestIdForToken(wire: Open311Wire, token: string): Promise<string | undefined> {
  const read = readers();
  const fmt = await wire.wireFormat();
  const [body, { idForTokenFrom }] = await Promise.all([wire.get(`tokens/${encodeURIComponent(token)}.${fmt}`, fmt, REQUESTS), read]);
  return idForTokenFrom(body);
}

calls.requests = { requests, request, requestIdForToken };
