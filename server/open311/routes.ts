import { createHash } from 'node:crypto';
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
import { readForm, validateSubmission, type SubmittedForm } from './submit.js';
import { contactPolicyOf, locationPolicyOf } from '../seed-data.js';
import { localiser, negotiateLanguage, type Localiser } from './language.js';
import { describeError, isDatabaseUnavailable } from '../db.js';
import { COMPRESSIBLE, chooseEncoding, compressBuffer } from '../compress.js';
import { statisticsRoutes } from './stats.js';
import type { AlertsStore } from '../alerts/store.js';
import type { XmlElement } from '../xml.js';
import { emergencyRecord, emergencyXml, servicesDuring } from '../alerts/emergency.js';

const DAY = 86_400_000;
const MAX_RESULTS = 1000;
/** Far past any real list (a billion requests at the largest page size) and well inside a bigint offset. */
const MAX_PAGE = 1_000_000;

/**
 * What a POST asks for, independent of how it was encoded (multipart boundaries differ on every
 * retry) and of the API key: two POSTs with one Idempotency-Key must agree on this.
 */
async function fingerprint(form: SubmittedForm): Promise<string> {
  const hash = createHash('sha256');
  const fields = [...form.values].filter(([name]) => name !== 'api_key').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  hash.update(JSON.stringify(fields));
  if (form.media) hash.update(new Uint8Array(await form.media.arrayBuffer()));
  return hash.digest('hex');
}

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

function positiveInt(c: Context, name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw Open311Error.of(400, name, `${name} must be a whole number from 1 to ${max}.`);
  }
  return Number(raw);
}

/** One path segment, decoded; a malformed `%` escape is the caller's mistake (400), not the server's. */
function pathSegment(raw: string, field: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw Open311Error.of(400, field, 'The path has a malformed % escape.');
  }
  if (value.includes('\0')) throw Open311Error.of(400, field, 'The path has a NUL character.');
  return value;
}

/** A caller's value quoted back in an error, cut short: an error must not become a megabyte echo. */
const echo = (value: string) => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

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
  const parts = raw.split(',').map((s) => s.trim());
  const n = parts.map(Number);
  const [minLng, minLat, maxLng, maxLat] = n as [number, number, number, number];
  const ok =
    n.length === 4 &&
    parts.every((s) => DECIMAL.test(s)) &&
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
  const page = positiveInt(c, 'page', MAX_PAGE) ?? 1;
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

/**
 * A service whose location policy is `point` refuses a report without coordinates, with a 400
 * naming `lat`, reported together with every other problem of the same POST.
 */
async function withPointPolicy<T>(code: string, one: (name: string) => string | undefined, validate: () => Promise<T>): Promise<T> {
  const missing = locationPolicyOf(code) === 'point' && (one('lat') === undefined || one('long') === undefined);
  const refusal = { code: 400, description: 'lat: This service needs the exact place: send lat and long (choose it on a map or use your location).' };
  let result: T;
  try {
    result = await validate();
  } catch (err) {
    if (missing && err instanceof Open311Error && err.status === 400 && !err.errors.some((e) => /^(lat|long):/.test(e.description))) {
      throw new Open311Error(400, [refusal, ...err.errors]);
    }
    throw err;
  }
  if (missing) throw new Open311Error(400, [refusal]);
  return result;
}

export interface Open311Deps {
  store: Open311Store;
  config: Config;
  /** Emergency mode: storm services first while an emergency is in force. */
  alerts?: AlertsStore;
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

export function open311Routes({ store, config, alerts }: Open311Deps): Hono {
  const app = new Hono();
  const cache = new ResponseCache();
  const origin = (c: Context) => new URL(c.req.url).origin;
  // Translations are data the seed (or the city) wrote once; read them on first use.
  let catalogs: Promise<Map<string, Map<string, string>>> | undefined;
  const localiserFor = async (c: Context): Promise<Localiser> => {
    catalogs ??= store.translations().catch((err: unknown) => {
      catalogs = undefined;
      throw err;
    });
    const all = await catalogs;
    return localiser(negotiateLanguage(c.req.header('Accept-Language'), [...all.keys()]), all);
  };
  /** `Content-Language` says which language came back; `Vary` keeps caches from mixing them. */
  const languageHeaders = (l: Localiser) => ({ 'Content-Language': l.lang, Vary: 'Accept-Language' });
  const render = (c: Context, l?: Localiser): RenderContext => ({ origin: origin(c), timeZone: config.timeZone, ...(l ? { localiser: l } : {}) });

  const checkJurisdiction = (value: string | undefined) => {
    if (value && value !== config.jurisdictionId) {
      throw Open311Error.of(404, 'jurisdiction_id', `This endpoint serves ${config.jurisdictionId}, not ${echo(value)}.`);
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

  /** A storm category outside its emergency is not offered: not listed, no definition, no requests. */
  async function offered(code: string, now: Date): Promise<boolean> {
    if (!alerts || !(await alerts.emergencyOnlyCodes()).has(code)) return true;
    return Boolean((await alerts.emergency(now))?.service_codes.includes(code));
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
    // Compressed once per answer and encoding, not on every hit (the compress middleware lets an
    // encoded answer pass). Those bytes differ from what the strong ETag names: it goes out weak,
    // on the 304 too, as the client was given it.
    const encoding = answer.body.byteLength >= 512 && COMPRESSIBLE.test(answer.headers['content-type'] ?? '') ? chooseEncoding(c.req.header('Accept-Encoding')) : undefined;
    const etag = encoding ? `W/${answer.etag}` : answer.etag;
    const validators = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
    if (matchesIfNoneMatch(c.req.header('If-None-Match'), answer.etag)) return new Response(null, { status: 304, headers: validators });
    if (encoding) {
      let bytes = answer.encoded?.[encoding];
      if (!bytes) {
        bytes = new Uint8Array(compressBuffer(Buffer.from(answer.body), encoding, 5));
        cache.addEncoding(key, answer, encoding, bytes);
      }
      const headers = new Headers(answer.headers);
      headers.set('Cache-Control', 'no-cache');
      headers.set('ETag', etag);
      headers.set('Content-Encoding', encoding);
      headers.append('Vary', 'Accept-Encoding');
      headers.delete('Content-Length');
      return new Response(bytes, { status: 200, headers });
    }
    return new Response(answer.body, { status: 200, headers: { ...answer.headers, etag, 'cache-control': 'no-cache' } });
  }

  /** `validity.until`: when a time-relative answer stops being true without any write. */
  async function handleGet(c: Context, resource: string, format: Format, validity = { until: Infinity }): Promise<Response> {
    checkJurisdiction(c.req.query('jurisdiction_id'));
    const now = new Date();
    // An emergency ends by itself at its end time, with no write: what is said during it holds until then.
    const emergency = await alerts?.emergency(now);
    if (emergency) validity.until = Math.min(validity.until, emergency.ends_at.getTime());
    if (resource === 'discovery') {
      const d = discoveryJson(`${origin(c)}/open311/v2`, w3cDatetime(await store.seededAt(), config.timeZone), 'City of Hartford 311: call 311 or (860) 757-9311.');
      // Emergency mode (civic-elements extension): discovery says an emergency is in force.
      const e = await alerts?.emergency(now);
      if (e) {
        const record = emergencyRecord(e, `${origin(c)}/alerts/v1/active.json`, config.timeZone);
        const xml = discoveryXml(d);
        return documentResponse(format, 200, { ...d, emergency: record }, () => ({ ...xml, content: [...(xml.content as XmlElement[]), emergencyXml(record)] }));
      }
      return documentResponse(format, 200, d, () => discoveryXml(d));
    }
    const l = await localiserFor(c);
    if (resource === 'services') {
      const all = await store.listServices();
      const listed = alerts ? servicesDuring(all, await alerts.emergency(now), await alerts.emergencyOnlyCodes()) : all;
      const services = listed.map((s) => serviceRecord(s, l));
      return documentResponse(format, 200, services, () => servicesXml(services), languageHeaders(l));
    }
    let m = /^services\/([^/]+)$/.exec(resource);
    if (m) {
      const code = pathSegment(m[1]!, 'service_code');
      if (!(await store.getService(code)) || !(await offered(code, now))) throw Open311Error.of(404, 'service_code', `There is no service with code ${echo(code)}.`);
      const def = definitionRecord(code, await store.attributes(code), contactPolicyOf(code), l);
      return documentResponse(format, 200, def, () => definitionXml(def), languageHeaders(l));
    }
    const extensions = c.req.query('extensions') === 'true';
    if (resource === 'requests') {
      const filter = requestFilter(c, now);
      const rows = await store.findRequests(filter, now);
      // Past the last page there is no row to carry the total: count once more from the start.
      const total = rows[0]?.total ?? (filter.offset > 0 ? ((await store.findRequests({ ...filter, limit: 1, offset: 0 }, now))[0]?.total ?? 0) : 0);
      // The oldest match leaves a rolling 90-day window first; until then the answer holds.
      if (filter.rollingStart && filter.start && rows[0]) {
        validity.until = new Date(rows[0].oldest).getTime() + (now.getTime() - filter.start.getTime());
      }
      const ids = rows.map((r) => r.id);
      const [notes, answers] = await Promise.all([withNotes(ids, extensions), withAnswers(ids, extensions)]);
      const records = rows.map((r) => requestRecord(r, render(c, l), notes?.get(r.id), answers?.get(r.id)));
      return documentResponse(format, 200, records, () => requestsXml(records), {
        'X-Total-Count': String(total),
        ...languageHeaders(l),
      });
    }
    m = /^requests\/([^/]+)$/.exec(resource);
    if (m) {
      const id = pathSegment(m[1]!, 'service_request_id');
      const rows = /^\d{1,9}$/.test(id) ? await store.findRequests({ ids: [id], limit: 1, offset: 0 }, now) : [];
      if (rows.length === 0) throw Open311Error.of(404, 'service_request_id', `There is no request ${echo(id)}.`);
      const [notes, answers] = await Promise.all([withNotes([rows[0]!.id], extensions), withAnswers([rows[0]!.id], extensions)]);
      const records = rows.map((r) => requestRecord(r, render(c, l), notes?.get(r.id), answers?.get(r.id)));
      return documentResponse(format, 200, records, () => requestsXml(records), languageHeaders(l));
    }
    m = /^tokens\/([^/]+)$/.exec(resource);
    if (m) {
      const token = pathSegment(m[1]!, 'token');
      const found = token.length <= 100 ? await store.token(token, now) : undefined;
      if (!found) throw Open311Error.of(404, 'token', `There is no request with token ${echo(token)}.`);
      return documentResponse(format, 200, [found], () => flatRequestsXml([found]));
    }
    throw Open311Error.of(404, 'path', `There is no resource ${resource}.`);
  }

  // Test-only: keeps an idempotent POST's transaction open, so a test can kill the process mid-request.
  const holdBeforeCommit = config.testHoldPostMs
    ? async () => {
        console.error('test hook: holding a POST before commit');
        await new Promise((done) => setTimeout(done, config.testHoldPostMs));
      }
    : undefined;

  async function handlePost(c: Context, format: Format): Promise<Response> {
    const checkKey = (key: string | undefined) => {
      if (!key) throw Open311Error.of(403, 'api_key', 'An API key is required to submit a request.');
      if (!config.apiKeys.includes(key)) throw Open311Error.of(403, 'api_key', 'This API key is not valid.');
    };
    const form = await readForm(c.req.raw, config.apiKeys.length > 0 ? checkKey : undefined);
    const one = (name: string) => form.values.get(name)?.[0]?.trim() || undefined;
    checkJurisdiction(one('jurisdiction_id'));
    const code = one('service_code');
    if (!code) throw Open311Error.of(400, 'service_code', 'Choose the service this request is for.');
    const service = await store.getService(code);
    const now = new Date();
    if (!service || !(await offered(code, now))) throw Open311Error.of(404, 'service_code', `There is no service with code ${echo(code)}.`);
    const attrs = await store.attributes(code);
    const input = await withPointPolicy(code, one, () => validateSubmission(form, service, attrs, contactPolicyOf(code)));
    const delay = service.type === 'batch' ? config.batchDelayMs : 0;
    const l = await localiserFor(c);
    const request = { ...input, availableAt: new Date(now.getTime() + delay), language: l.lang };
    const notice = l.text(service.service_notice) ?? undefined;
    const answerOf = (created: { id: number; token?: string }) =>
      created.token ? { token: created.token, service_notice: notice } : { service_request_id: String(created.id), service_notice: notice };
    // Idempotency-Key (civic-elements extension): a retry of a POST whose answer was lost gets
    // the first answer again instead of creating a second request.
    const key = c.req.header('Idempotency-Key')?.trim().slice(0, 200) || undefined;
    if (!key) {
      const answer = answerOf(await store.create(request, now));
      return documentResponse(format, 200, [answer], () => flatRequestsXml([answer]), languageHeaders(l));
    }
    const result = await store.createOnce(key, await fingerprint(form), request, now, answerOf, holdBeforeCommit);
    if (result.kind === 'mismatch') {
      throw Open311Error.of(422, 'idempotency_key', 'This key was already used for a different request. Send a new key with a changed request.');
    }
    const answer = result.answer;
    const replayed: Record<string, string> = result.kind === 'replayed' ? { 'Idempotent-Replayed': 'true' } : {};
    return documentResponse(format, 200, [answer], () => flatRequestsXml([answer]), { ...replayed, ...languageHeaders(l) });
  }

  app.route('/', statisticsRoutes({ db: store.db, config }));
  app.all('/*', async (c) => {
    const path = c.req.path.replace(/^\/open311\/v2\/?/, '');
    let format: Format = /\.xml$/.test(path) ? 'xml' : 'json';
    try {
      const split = splitFormat(path);
      format = split.format;
      for (const [name, value] of new URL(c.req.url).searchParams) {
        if (name.includes('\0') || value.includes('\0')) throw Open311Error.of(400, name.includes('\0') ? 'query' : name, 'Remove the NUL character.');
      }
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return await cachedGet(c, split.resource, format);
      if (c.req.method === 'POST' && split.resource === 'requests') return await handlePost(c, format);
      throw Open311Error.of(405, 'method', `${c.req.method} is not allowed on ${split.resource}.`);
    } catch (err) {
      if (err instanceof Open311Error) return errorResponse(format, err);
      console.error('open311 error:', describeError(err));
      if (isDatabaseUnavailable(err)) {
        return errorResponse(format, Open311Error.of(503, 'server', 'The city’s 311 database cannot be reached right now. Nothing was stored: try again later.'));
      }
      return errorResponse(format, Open311Error.of(500, 'server', 'Something went wrong on the server. Try again later.'));
    }
  });
  return app;
}
