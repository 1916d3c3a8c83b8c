import { Hono, type Context } from 'hono';
import type { Config } from '../config.js';
import { parseDatetime, w3cDatetime } from '../time.js';
import { ResponseCache, etagOf, matchesIfNoneMatch, type CachedAnswer } from './cache.js';
import { Open311Error, documentResponse, errorResponse, type Format } from './format.js';
import {
  definitionRecord,
  definitionXml,
  discoveryJson,
  discoveryXml,
  flatRequestsXml,
  requestRecord,
  requestsXml,
  serviceRecord,
  servicesXml,
  type ExtendedAttributes,
  type RenderContext,
} from './render.js';
import type { NoteRow, Open311Store, RequestFilter } from './store.js';
import { readForm, validateSubmission } from './submit.js';
import { contactPolicyOf } from '../seed-data.js';

const DAY = 86_400_000;
const MAX_RESULTS = 1000;

/** `services/POTHOLE.json` → resource path and format; an unknown extension is a 404 in JSON. */
function splitFormat(path: string): { resource: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/.exec(path);
  if (!m) throw Open311Error.of(404, 'format', 'Add .json or .xml to the resource path.');
  return { resource: m[1]!, format: m[2] as Format };
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function positiveInt(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw Open311Error.of(400, name, `${name} must be a whole number of 1 or more.`);
  return Number(raw);
}

function dateParam(c: Context, name: string): Date | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const d = parseDatetime(raw);
  if (!d) throw Open311Error.of(400, name, `${name} must be an ISO 8601 date or datetime, for example 2025-03-14T09:30:00-04:00.`);
  return d;
}

function bboxParam(c: Context): RequestFilter['bbox'] {
  const raw = c.req.query('bbox');
  if (raw === undefined || raw === '') return undefined;
  const n = raw.split(',').map((s) => Number(s.trim()));
  const [minLng, minLat, maxLng, maxLat] = n as [number, number, number, number];
  const ok =
    n.length === 4 &&
    n.every((x) => Number.isFinite(x)) &&
    minLng <= maxLng &&
    minLat <= maxLat &&
    Math.abs(minLat) <= 90 &&
    Math.abs(maxLat) <= 90 &&
    Math.abs(minLng) <= 180 &&
    Math.abs(maxLng) <= 180;
  if (!ok) throw Open311Error.of(400, 'bbox', 'bbox must be minLng,minLat,maxLng,maxLat in degrees.');
  return [minLng, minLat, maxLng, maxLat];
}

/** The spec's GET requests filter, with its defaults: the last 90 days, at most 1000 requests. */
export function requestFilter(c: Context, now: Date): RequestFilter {
  const ids = list(c.req.query('service_request_id'));
  const page = positiveInt(c, 'page') ?? 1;
  const pageSize = Math.min(positiveInt(c, 'page_size') ?? MAX_RESULTS, MAX_RESULTS);
  // The spec: when service_request_id is given, every other filter is ignored.
  if (ids) return { ids, limit: pageSize, offset: (page - 1) * pageSize };
  const statuses = list(c.req.query('status'));
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) {
    throw Open311Error.of(400, 'status', 'status must be open, closed, or both separated by a comma.');
  }
  let start = dateParam(c, 'start_date');
  const end = dateParam(c, 'end_date');
  const updatedAfter = dateParam(c, 'updated_after');
  if (start && end && start > end) throw Open311Error.of(400, 'start_date', 'start_date must be before end_date.');
  const rollingStart = !start && !end && !updatedAfter;
  if (rollingStart) start = new Date(now.getTime() - 90 * DAY);
  return {
    serviceCodes: list(c.req.query('service_code')),
    statuses: statuses as Array<'open' | 'closed'> | undefined,
    start,
    end,
    updatedAfter,
    bbox: bboxParam(c),
    rollingStart,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}

export interface Open311Deps {
  store: Open311Store;
  config: Config;
}

/**
 * What makes two GETs the same answer: host (answers carry absolute URLs), resource, format, the
 * query with its parameters sorted (repeated ones keep their order; empty ones mean absent) and
 * the language asked for.
 */
function cacheKey(c: Context, resource: string, format: Format): string {
  const url = new URL(c.req.url);
  const query = [...url.searchParams]
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const language = (c.req.header('Accept-Language') ?? '').trim().toLowerCase();
  return `${url.origin} ${resource}.${format}?${query} ${language}`;
}

export function open311Routes({ store, config }: Open311Deps): Hono {
  const app = new Hono();
  const cache = new ResponseCache();
  const origin = (c: Context) => new URL(c.req.url).origin;
  const render = (c: Context): RenderContext => ({ origin: origin(c), timeZone: config.timeZone });

  const checkJurisdiction = (value: string | undefined) => {
    if (value && value !== config.jurisdictionId) {
      throw Open311Error.of(404, 'jurisdiction_id', `This endpoint serves ${config.jurisdictionId}, not ${value}.`);
    }
  };

  async function withNotes(ids: number[], wanted: boolean): Promise<Map<number, NoteRow[]> | undefined> {
    if (!wanted) return undefined;
    const byRequest = new Map<number, NoteRow[]>(ids.map((id) => [id, []]));
    for (const n of await store.notes(ids)) byRequest.get(n.request_id)?.push(n);
    return byRequest;
  }

  async function withAnswers(ids: number[], wanted: boolean): Promise<Map<number, ExtendedAttributes> | undefined> {
    if (!wanted) return undefined;
    const answers = await store.answers(ids);
    // A request with no answers has no extended_attributes (absent, like any empty field).
    const out = new Map<number, ExtendedAttributes>();
    for (const id of ids) {
      const a = answers.get(id);
      if (a && Object.keys(a).length > 0) out.set(id, { attributes: a });
    }
    return out;
  }

  /**
   * Every GET goes through the cache. A miss renders with `handleGet`; an answer becomes an ETag
   * and a `304 Not Modified` for a client that already holds it. `no-cache` makes browsers ask
   * each time (any write can change any answer), which costs them a 304 at most.
   */
  async function cachedGet(c: Context, resource: string, format: Format): Promise<Response> {
    const version = await store.dataVersion();
    const now = Date.now();
    await cache.sync(version, now, () => store.nextAvailableAt(new Date(now)));
    const key = cacheKey(c, resource, format);
    let answer = cache.get(version, key, now);
    if (!answer) {
      const validity = { until: Infinity };
      const res = await handleGet(c, resource, format, validity);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name] = value));
      const body = new Uint8Array(await res.arrayBuffer());
      answer = { body, headers, etag: etagOf(body), expiresAt: validity.until } satisfies CachedAnswer;
      cache.set(version, key, answer);
    }
    const validators = { ETag: answer.etag, 'Cache-Control': 'no-cache' };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), answer.etag)) return new Response(null, { status: 304, headers: validators });
    return new Response(answer.body, { status: 200, headers: { ...answer.headers, ...validators } });
  }

  /** `validity.until`: when a time-relative answer stops being true without any write. */
  async function handleGet(c: Context, resource: string, format: Format, validity = { until: Infinity }): Promise<Response> {
    checkJurisdiction(c.req.query('jurisdiction_id'));
    const now = new Date();
    if (resource === 'discovery') {
      const d = discoveryJson(`${origin(c)}/open311/v2`, w3cDatetime(await store.seededAt(), config.timeZone), 'City of Hartford 311: call 311 or (860) 757-9311.');
      return documentResponse(format, 200, d, () => discoveryXml(d));
    }
    if (resource === 'services') {
      const services = (await store.listServices()).map(serviceRecord);
      return documentResponse(format, 200, services, () => servicesXml(services));
    }
    let m = /^services\/([^/]+)$/.exec(resource);
    if (m) {
      const code = decodeURIComponent(m[1]!);
      if (!(await store.getService(code))) throw Open311Error.of(404, 'service_code', `There is no service with code ${code}.`);
      const def = definitionRecord(code, await store.attributes(code), contactPolicyOf(code));
      return documentResponse(format, 200, def, () => definitionXml(def));
    }
    const extensions = c.req.query('extensions') === 'true';
    if (resource === 'requests') {
      const filter = requestFilter(c, now);
      const rows = await store.findRequests(filter, now);
      // The oldest match leaves a rolling 90-day window first; until then the answer holds.
      if (filter.rollingStart && filter.start && rows[0]) {
        validity.until = new Date(rows[0].oldest).getTime() + (now.getTime() - filter.start.getTime());
      }
      const ids = rows.map((r) => r.id);
      const [notes, answers] = await Promise.all([withNotes(ids, extensions), withAnswers(ids, extensions)]);
      const records = rows.map((r) => requestRecord(r, render(c), notes?.get(r.id), answers?.get(r.id)));
      return documentResponse(format, 200, records, () => requestsXml(records), {
        'X-Total-Count': String(rows[0]?.total ?? 0),
      });
    }
    m = /^requests\/([^/]+)$/.exec(resource);
    if (m) {
      const id = decodeURIComponent(m[1]!);
      const rows = /^\d{1,9}$/.test(id) ? await store.findRequests({ ids: [id], limit: 1, offset: 0 }, now) : [];
      if (rows.length === 0) throw Open311Error.of(404, 'service_request_id', `There is no request ${id}.`);
      const [notes, answers] = await Promise.all([withNotes([rows[0]!.id], extensions), withAnswers([rows[0]!.id], extensions)]);
      const records = rows.map((r) => requestRecord(r, render(c), notes?.get(r.id), answers?.get(r.id)));
      return documentResponse(format, 200, records, () => requestsXml(records));
    }
    m = /^tokens\/([^/]+)$/.exec(resource);
    if (m) {
      const token = decodeURIComponent(m[1]!);
      const found = await store.token(token, now);
      if (!found) throw Open311Error.of(404, 'token', `There is no request with token ${token}.`);
      return documentResponse(format, 200, [found], () => flatRequestsXml([found]));
    }
    throw Open311Error.of(404, 'path', `There is no resource ${resource}.`);
  }

  async function handlePost(c: Context, format: Format): Promise<Response> {
    const form = await readForm(c.req.raw);
    const one = (name: string) => form.values.get(name)?.[0]?.trim() || undefined;
    if (config.apiKeys.length > 0) {
      const key = one('api_key');
      if (!key) throw Open311Error.of(403, 'api_key', 'An API key is required to submit a request.');
      if (!config.apiKeys.includes(key)) throw Open311Error.of(403, 'api_key', 'This API key is not valid.');
    }
    checkJurisdiction(one('jurisdiction_id'));
    const code = one('service_code');
    if (!code) throw Open311Error.of(400, 'service_code', 'Choose the service this request is for.');
    const service = await store.getService(code);
    if (!service) throw Open311Error.of(404, 'service_code', `There is no service with code ${code}.`);
    const now = new Date();
    // Idempotency-Key (civic-elements extension): a retry of a POST whose answer was lost gets
    // the first answer again instead of creating a second request.
    const key = c.req.header('Idempotency-Key')?.trim().slice(0, 200) || undefined;
    if (key) {
      const claim = await store.claimIdempotencyKey(key, now);
      if (!claim.claimed) {
        if (!claim.answer) throw Open311Error.of(409, 'idempotency_key', 'A request with this key is still being processed. Try again in a moment.');
        const replay = claim.answer;
        return documentResponse(format, 200, [replay], () => flatRequestsXml([replay]), { 'Idempotent-Replayed': 'true' });
      }
    }
    try {
      const input = await validateSubmission(form, service, await store.attributes(code), contactPolicyOf(code));
      const delay = service.type === 'batch' ? config.batchDelayMs : 0;
      const created = await store.create({ ...input, availableAt: new Date(now.getTime() + delay) }, now);
      const notice = service.service_notice ?? undefined;
      const answer = created.token
        ? { token: created.token, service_notice: notice }
        : { service_request_id: String(created.id), service_notice: notice };
      if (key) await store.completeIdempotencyKey(key, answer);
      return documentResponse(format, 200, [answer], () => flatRequestsXml([answer]));
    } catch (err) {
      if (key) await store.releaseIdempotencyKey(key);
      throw err;
    }
  }

  app.all('/*', async (c) => {
    const path = c.req.path.replace(/^\/open311\/v2\/?/, '');
    let format: Format = /\.xml$/.test(path) ? 'xml' : 'json';
    try {
      const split = splitFormat(path);
      format = split.format;
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return await cachedGet(c, split.resource, format);
      if (c.req.method === 'POST' && split.resource === 'requests') return await handlePost(c, format);
      throw Open311Error.of(405, 'method', `${c.req.method} is not allowed on ${split.resource}.`);
    } catch (err) {
      if (err instanceof Open311Error) return errorResponse(format, err);
      console.error('open311 error', err);
      return errorResponse(format, Open311Error.of(500, 'server', 'Something went wrong on the server. Try again later.'));
    }
  });
  return app;
}
