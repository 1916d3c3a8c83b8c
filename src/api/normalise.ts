/**
 * Turns what real GeoReport v2 servers send (JSON or XML, see `xml.ts`) into the normalised
 * types of `types.ts`. Every reader here is total: odd input gives an absent field or a dropped
 * record, never an exception, because one bad record must not hide a city's whole list.
 * Here: the helpers every reader shares, the shape check, discovery (every call waits on it for
 * the wire format) and `<errors>`. Each call's own reader sits with that call: the service list in
 * `open311-services.ts`, definitions and requests in `normalise-requests.ts`.
 */

import type {
  ContactPolicy,
  Discovery,
  DiscoveryEmergency,
  Open311Endpoint,
  Open311Extension,
} from './types.js';
import { MalformedResponseError } from './errors.js';
import type { Loose } from './xml.js';

export type Obj = { [key: string]: Loose };

export function isObj(v: Loose | undefined): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Drops keys whose value is `undefined`, so absent fields are absent, not `undefined`-valued. */
export function compact<T extends object>(o: T): T {
  for (const key of Object.keys(o) as Array<keyof T>) if (o[key] === undefined) delete o[key];
  return o;
}

/** A non-empty trimmed string from a string or finite number; else undefined. */
export function str(v: Loose | undefined): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** `true`, `"true"` (any case), `1`, `"1"` → true; anything else present → false. */
export function bool(v: Loose | undefined, absent: boolean): boolean {
  if (v === undefined || v === null || v === '') return absent;
  if (v === true || v === 1) return true;
  if (typeof v === 'string') return ['true', '1'].includes(v.trim().toLowerCase());
  return false;
}

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A datetime as ISO 8601 with an offset, or undefined when it is not a real date.
 * The server's own offset is kept (`-05:00` stays `-05:00`); `+0500` / `+05` become `+05:00`.
 * A datetime **without** a timezone (the spec requires one, many servers omit it) is taken as
 * UTC and gets `Z`: the client cannot know the server's zone, UTC is the documented default of
 * the W3C profile, and it keeps one request's timestamps consistent with each other.
 * A bare date (`2024-03-01`) is midnight UTC.
 */
export function datetime(v: Loose | undefined): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const m = DATETIME.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec));
  // Date.UTC rolls Feb 30 over into March; a round trip catches impossible dates and times.
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return undefined;
  if (+h > 23 || +mi > 59 || +sec > 59) return undefined;
  let offset = 'Z';
  if (zone && /^[+-]/.test(zone)) {
    const digits = zone.slice(1).replace(':', '');
    const oh = digits.slice(0, 2);
    const om = digits.slice(2, 4) || '00';
    if (+oh > 14 || +om > 59) return undefined;
    offset = +oh === 0 && +om === 0 ? 'Z' : `${zone[0]}${oh}:${om}`;
  }
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}${frac}${offset}`;
}

function asArray(v: Loose | undefined): Loose[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * The items of a list however it came: a bare array; a JSON wrapper (`{"service_requests":[…]}`);
 * the XML shape (`{service_requests:{request:[…]}}`, or one `request` not in an array); an array
 * of `{"request":{…}}` items (XML-to-JSON converters); or a single bare record.
 */
export function listIn(v: Loose | undefined, wrappers: string[], items: string[]): Loose[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) {
    return v.flatMap((e) => {
      if (isObj(e)) {
        const keys = Object.keys(e);
        if (keys.length === 1 && items.includes(keys[0])) return asArray(e[keys[0]]);
      }
      return [e];
    });
  }
  if (isObj(v)) {
    for (const w of wrappers) if (w in v) return listIn(v[w], wrappers, items);
    for (const i of items) if (i in v) return listIn(v[i], [], []);
  }
  return [v];
}

// ---- shape ---------------------------------------------------------------------------------

/** Where the records of a list document sit, and the keys that make an object one record. */
export interface ListLayout {
  wrappers: readonly string[];
  items: readonly string[];
  record: readonly string[];
}

/**
 * A kind of GeoReport v2 document the client reads: its name (in messages), the keys of which at
 * least one marks it (wrapper, item, or record field), and for a list where its records sit. Each
 * call's module holds its own kinds; discovery's is here, every call reads it.
 */
export interface DocumentKind {
  name: string;
  keys: readonly string[];
  list?: ListLayout;
}

export const DISCOVERY: DocumentKind = { name: 'discovery', keys: ['discovery', 'endpoints'] };

/** Entries of a list: each a record (an object), never a nested list or a bare value. */
function entriesProblem(entries: Loose[], layout: ListLayout): string | undefined {
  for (const e of entries) {
    if (Array.isArray(e)) return 'a list nested inside the list';
    if (!isObj(e)) return 'an entry that is not a record';
    const keys = Object.keys(e);
    // `[{"request": {…}}]`, as XML-to-JSON converters write it.
    if (keys.length === 1 && layout.items.includes(keys[0]!)) {
      const inner = e[keys[0]!];
      if (Array.isArray(inner)) return entriesProblem(inner, layout);
      if (!isObj(inner)) return 'an entry that is not a record';
    }
  }
  return undefined;
}

/**
 * Why a list document cannot be read as one, or undefined. What sits where the list belongs must
 * be a list of records, one record, or nothing: an object with none of the record's keys (a
 * PHP array serialised as `{"0": …}`, a status object) or a bare value there is no list, and
 * reading it as an empty one would tell a resident "nothing here" when the server said something
 * else entirely.
 */
function listProblem(v: Loose | undefined, layout: ListLayout, wrapped = false): string | undefined {
  if (v === undefined || v === null || v === '') return wrapped ? undefined : 'no list';
  if (Array.isArray(v)) return entriesProblem(v, layout);
  if (!isObj(v)) return 'a bare value where the list belongs';
  if (!wrapped) {
    const wrapper = layout.wrappers.find((w) => w in v);
    if (wrapper) return listProblem(v[wrapper], layout, true);
  }
  const item = layout.items.find((i) => i in v);
  if (item) {
    const inner = v[item];
    // An empty `<request/>` is a record with nothing in it, which the reader drops.
    if (isObj(inner) || inner === '') return undefined;
    return entriesProblem(Array.isArray(inner) ? inner : [inner ?? null], layout);
  }
  if (layout.record.some((key) => key in v)) return undefined;
  return 'an object where the list belongs';
}

/**
 * Throws {@link MalformedResponseError} when a parsed body cannot be the document asked for:
 * a bare string or number, an XML root such as `<h1>`, a JSON object with none of the
 * expected keys, or (for service and request lists) something other than records where the
 * list belongs. The readers do the rest, dropping single records they cannot use.
 */
export function assertShape(v: Loose, status: number, kind: DocumentKind): void {
  const known = Array.isArray(v) || (isObj(v) && kind.keys.some((key) => key in v));
  if (!known) throw new MalformedResponseError(status, `not a GeoReport v2 ${kind.name} document`);
  const problem = kind.list && listProblem(v, kind.list);
  if (problem) throw new MalformedResponseError(status, `a ${kind.name} list was expected; found ${problem}`);
}

// ---- discovery -------------------------------------------------------------------------------

const EXTENSIONS: readonly Open311Extension[] = ['extensions', 'page', 'bbox', 'updated_after', 'media', 'idempotency', 'statistics'];

function endpointFrom(v: Loose): Open311Endpoint | undefined {
  if (!isObj(v)) return undefined;
  const specification = str(v.specification);
  const url = str(v.url);
  if (!specification || !url) return undefined;
  const extensions = listIn(v.extensions, [], ['extension'])
    .map((e) => str(e))
    .filter((e): e is Open311Extension => EXTENSIONS.includes(e as Open311Extension));
  return compact({
    specification,
    url,
    changeset: datetime(v.changeset) ?? str(v.changeset),
    type: str(v.type),
    formats: listIn(v.formats, [], ['format']).flatMap((f) => str(f) ?? []),
    extensions: extensions.length > 0 ? extensions : undefined,
  });
}

function emergencyFrom(v: Loose | undefined): DiscoveryEmergency | undefined {
  if (!isObj(v)) return undefined;
  const name = str(v.name);
  if (!name) return undefined;
  return compact({
    name,
    group: str(v.group) ?? name,
    ends: datetime(v.ends) ?? str(v.ends),
    service_codes: listIn(v.service_codes, [], ['service_code']).flatMap((c) => str(c) ?? []),
    alert: str(v.alert),
    alerts_url: str(v.alerts_url),
  });
}

/** A discovery document (`{discovery:{…}}` from XML, or the JSON object). */
export function discoveryFrom(v: Loose): Discovery {
  const root = isObj(v) && isObj(v.discovery) ? v.discovery : isObj(v) ? v : {};
  return compact({
    changeset: datetime(root.changeset) ?? str(root.changeset),
    contact: str(root.contact),
    key_service: str(root.key_service),
    endpoints: listIn(root.endpoints, [], ['endpoint']).flatMap((e) => endpointFrom(e) ?? []),
    emergency: emergencyFrom(root.emergency),
  });
}

// ---- contact policy ----------------------------------------------------------------------

const CONTACT_POLICIES: readonly ContactPolicy[] = ['anonymous', 'optional', 'required'];

/** `contact_policy` (extension), lower-cased; an unknown word is no policy rather than a guess. */
export function contactPolicy(v: Loose | undefined): ContactPolicy | undefined {
  const word = str(v)?.toLowerCase() as ContactPolicy | undefined;
  return word && CONTACT_POLICIES.includes(word) ? word : undefined;
}
