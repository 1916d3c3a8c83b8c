/**
 * Readers of service definitions and service requests (see `normalise.ts` for the rules). The
 * client loads this module alongside the first such call, so a page that only lists services
 * does not carry it.
 */

import type {
  AttributeDatatype,
  AttributeValue,
  ServiceAttribute,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestNote,
  SubmitResult,
} from './types.js';
import { bool, compact, contactPolicy, datetime, isObj, listIn, str, type Obj } from './normalise.js';
import { REQUEST_ITEMS, REQUEST_WRAPPERS } from './open311-requests.js';
import type { Loose } from './xml.js';

/** A finite number from a number or numeric string; else undefined. */
function num(v: Loose | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const s = str(v);
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Absolute http(s) URLs only: a `javascript:` media_url must never reach an `href`. */
function httpUrl(v: Loose | undefined): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  try {
    const url = new URL(s);
    return url.protocol === 'http:' || url.protocol === 'https:' ? s : undefined;
  } catch {
    return undefined;
  }
}


// ---- service definition ------------------------------------------------------------------------

const DATATYPES: readonly AttributeDatatype[] = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

function valuesFrom(v: Loose | undefined): AttributeValue[] {
  return listIn(v, [], ['value']).flatMap((x): AttributeValue[] => {
    if (isObj(x)) {
      const key = str(x.key) ?? str(x.name);
      const name = str(x.name) ?? key;
      return key && name ? [{ key, name }] : [];
    }
    // Some servers list bare strings: the string is both what is sent and what is shown.
    const s = str(x);
    return s ? [{ key: s, name: s }] : [];
  });
}

function attributeFrom(v: Loose, index: number): ServiceAttribute | undefined {
  if (!isObj(v)) return undefined;
  const code = str(v.code);
  if (!code) return undefined;
  const datatype = str(v.datatype)?.toLowerCase() as AttributeDatatype | undefined;
  return compact({
    // A missing `variable` defaults to true: asking for an answer nobody needs is harmless,
    // silently skipping a question the server wants answered is not.
    variable: bool(v.variable, true),
    code,
    // An unknown datatype is asked as free text, which every server can accept.
    datatype: datatype && DATATYPES.includes(datatype) ? datatype : 'string',
    required: bool(v.required, false),
    datatype_description: str(v.datatype_description),
    order: num(v.order) ?? index + 1,
    description: str(v.description) ?? code,
    values: valuesFrom(v.values),
  });
}

/**
 * A service definition. Attributes without a `code` are dropped; the rest are sorted by
 * `order` (stable, so equal orders keep the server's sequence); a missing `order` is the
 * attribute's 1-based position.
 */
export function serviceDefinitionFrom(v: Loose, requestedCode: string): ServiceDefinition {
  let root: Loose = Array.isArray(v) ? (v[0] ?? {}) : v;
  if (isObj(root) && isObj(root.service_definition)) root = root.service_definition;
  const obj = isObj(root) ? root : {};
  const attributes = listIn(obj.attributes, [], ['attribute'])
    .flatMap((a, i) => attributeFrom(a, i) ?? [])
    .sort((a, b) => a.order - b.order);
  const policy = contactPolicy(obj.contact_policy);
  return { service_code: str(obj.service_code) ?? requestedCode, attributes, ...(policy ? { contact_policy: policy } : {}) };
}

// ---- service requests --------------------------------------------------------------------------

function noteFrom(v: Loose): ServiceRequestNote | undefined {
  if (!isObj(v)) return undefined;
  const when = datetime(v.datetime);
  // A timeline entry without a valid time cannot be placed on the timeline.
  if (!when) return undefined;
  return compact({ datetime: when, description: str(v.description), type: str(v.type), summary: str(v.summary) });
}

function coordinates(v: Obj): { lat?: number; long?: number } {
  const lat = num(v.lat);
  const long = num(v.long);
  // Half a point, an impossible one, or 0,0 (what several servers send for "no location")
  // is no location at all.
  if (lat === undefined || long === undefined) return {};
  if (Math.abs(lat) > 90 || Math.abs(long) > 180 || (lat === 0 && long === 0)) return {};
  return { lat, long };
}

function requestFrom(v: Loose): ServiceRequest | undefined {
  if (!isObj(v)) return undefined;
  const service_request_id = str(v.service_request_id);
  const token = str(v.token);
  if (!service_request_id && !token) return undefined;
  const notes = listIn(v.notes, [], ['note']).flatMap((n) => noteFrom(n) ?? []);
  const extended = v.extended_attributes;
  return compact({
    service_request_id,
    token,
    // The spec makes status required; a server that leaves it out gets 'unknown' rather than
    // a guess of 'open' the resident would trust.
    status: str(v.status)?.toLowerCase() ?? 'unknown',
    status_notes: str(v.status_notes),
    service_name: str(v.service_name),
    service_code: str(v.service_code),
    description: str(v.description),
    agency_responsible: str(v.agency_responsible),
    service_notice: str(v.service_notice),
    requested_datetime: datetime(v.requested_datetime),
    updated_datetime: datetime(v.updated_datetime),
    expected_datetime: datetime(v.expected_datetime),
    address: str(v.address),
    address_id: str(v.address_id),
    zipcode: str(v.zipcode),
    ...coordinates(v),
    media_url: httpUrl(v.media_url),
    notes: notes.length > 0 ? notes : undefined,
    extended_attributes: extendedFrom(extended),
  });
}

/**
 * `extended_attributes` as the server sent it, except stored answers listed the XML way
 * (`attributes` → `<attribute><code/><value/>` or `<values><value/>…</values>`), which are read
 * into `{ CODE: "value" | ["value", …] }` as JSON sends them.
 */
function extendedFrom(v: Loose | undefined): Record<string, unknown> | undefined {
  if (!isObj(v) || Object.keys(v).length === 0) return undefined;
  const listed = v.attributes;
  if (!isObj(listed) || !('attribute' in listed)) return v;
  const answers: Record<string, string | string[]> = {};
  for (const a of listIn(listed, [], ['attribute'])) {
    const code = isObj(a) ? str(a.code) : undefined;
    if (!isObj(a) || !code) continue;
    answers[code] = 'values' in a ? listIn(a.values, [], ['value']).flatMap((x) => str(x) ?? []) : (str(a.value) ?? '');
  }
  return { ...v, attributes: answers };
}

/** A request list; records with neither `service_request_id` nor `token` are dropped. */
export function requestsFrom(v: Loose): ServiceRequest[] {
  return listIn(v, REQUEST_WRAPPERS, REQUEST_ITEMS).flatMap((r) => requestFrom(r) ?? []);
}

/**
 * The answer to a POST: its first record. A `blackbox` service may answer with neither id nor
 * token, which gives a result with only what it did send (possibly nothing).
 */
export function submitResultFrom(v: Loose): SubmitResult {
  const first = listIn(v, REQUEST_WRAPPERS, REQUEST_ITEMS).find(isObj);
  if (!first) return {};
  return compact({
    service_request_id: str(first.service_request_id),
    token: str(first.token),
    service_notice: str(first.service_notice),
    account_id: str(first.account_id),
  });
}

/** The id a `GET tokens/{token}` answer gives, or undefined while there is none yet. */
export function idForTokenFrom(v: Loose): string | undefined {
  for (const r of listIn(v, REQUEST_WRAPPERS, REQUEST_ITEMS)) {
    const id = isObj(r) ? str(r.service_request_id) : undefined;
    if (id) return id;
  }
  return undefined;
}

