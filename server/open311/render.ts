import { el, fields, type XmlElement, type XmlScalar } from '../xml.js';
import { w3cDatetime } from '../time.js';
import type { Open311Extension } from '../../src/api/types.js';
import type { AttributeRow, NoteRow, RequestRow, ServiceRow } from './store.js';
import { SOURCE, type Localiser } from './language.js';

export const EXTENSIONS: Open311Extension[] = ['extensions', 'page', 'bbox', 'updated_after', 'media', 'idempotency', 'statistics'];

export function discoveryJson(baseUrl: string, changeset: string, contact: string) {
  return {
    changeset,
    contact,
    key_service: `${contact} Ask the City of Hartford for an API key.`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset,
        type: 'production',
        formats: ['application/json', 'text/xml'],
        extensions: EXTENSIONS,
      },
    ],
  };
}

export function discoveryXml(d: ReturnType<typeof discoveryJson>): XmlElement {
  return el('discovery', [
    el('changeset', d.changeset),
    el('contact', d.contact),
    el('key_service', d.key_service),
    el(
      'endpoints',
      d.endpoints.map((e) =>
        el('endpoint', [
          el('specification', e.specification),
          el('url', e.url),
          el('changeset', e.changeset),
          el('type', e.type),
          el('formats', e.formats.map((f) => el('format', f))),
          el('extensions', e.extensions.map((x) => el('extension', x))),
        ]),
      ),
    ),
  ]);
}

export function serviceRecord(s: ServiceRow, l: Localiser = SOURCE) {
  return {
    service_code: s.service_code,
    service_name: l.text(s.service_name),
    description: l.text(s.description) ?? undefined,
    metadata: s.has_attributes,
    type: s.type,
    keywords: l.keywords(s.keywords),
    group: l.text(s.group_name) ?? undefined,
  };
}

export const servicesXml = (services: Array<ReturnType<typeof serviceRecord>>): XmlElement =>
  el('services', services.map((s) => el('service', fields(s))));

/**
 * `contact_policy` (civic-elements extension): `anonymous` (a report may carry no personal data),
 * `optional` or `required` (the city must be able to reach the resident, as code enforcement
 * requires in some states). Left out when the service has no policy of its own.
 */
export type ContactPolicy = 'anonymous' | 'optional' | 'required';

export function definitionRecord(code: string, attrs: AttributeRow[], contactPolicy?: ContactPolicy, l: Localiser = SOURCE) {
  return {
    service_code: code,
    contact_policy: contactPolicy,
    attributes: attrs.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: l.text(a.datatype_description) ?? undefined,
      order: a.sort_order,
      description: l.text(a.description),
      values: a.list_values.map((v) => ({ key: v.key, name: l.text(v.name) })),
    })),
  };
}

export function definitionXml(d: ReturnType<typeof definitionRecord>): XmlElement {
  return el('service_definition', [
    el('service_code', d.service_code),
    ...(d.contact_policy ? [el('contact_policy', d.contact_policy)] : []),
    el(
      'attributes',
      d.attributes.map(({ values, ...a }) =>
        el('attribute', [
          ...fields(a),
          el('values', values.map((v) => el('value', [el('key', v.key), el('name', v.name)]))),
        ]),
      ),
    ),
  ]);
}

export interface RenderContext {
  origin: string;
  timeZone: string;
  /** The city's words in the answer's language (default: as stored, English). */
  localiser?: Localiser;
}

export function noteRecord(n: NoteRow, timeZone: string, l: Localiser = SOURCE) {
  return { datetime: w3cDatetime(n.datetime, timeZone), description: l.text(n.description) ?? undefined, type: n.type, summary: l.text(n.summary) };
}

/**
 * With `extensions=true`: the request's answers to its service's questions, under
 * `extended_attributes.attributes` (`{ CODE: "KEY" | ["KEY", …] | "text" }`). Personal fields
 * never appear here.
 */
export interface ExtendedAttributes {
  attributes: Record<string, string | string[]>;
}

/**
 * One request. The city's words (service name, status notes, agency, notice, notes) follow the
 * answer's language; the resident's own (description, address) are shown as they wrote them.
 */
export function requestRecord(r: RequestRow, ctx: RenderContext, notes?: NoteRow[], extended?: ExtendedAttributes) {
  const dt = (d: Date | null) => (d ? w3cDatetime(d, ctx.timeZone) : undefined);
  const l = ctx.localiser ?? SOURCE;
  return {
    service_request_id: String(r.id),
    status: r.status,
    status_notes: l.text(r.status_notes) ?? undefined,
    service_name: l.text(r.service_name),
    service_code: r.service_code,
    description: r.description ?? undefined,
    agency_responsible: l.text(r.agency_responsible) ?? undefined,
    service_notice: l.text(r.service_notice) ?? undefined,
    requested_datetime: dt(r.requested_at),
    updated_datetime: dt(r.updated_at),
    expected_datetime: dt(r.expected_at),
    address: r.address ?? undefined,
    address_id: r.address_id ?? undefined,
    zipcode: r.zipcode ?? undefined,
    lat: r.lat ?? undefined,
    long: r.lon ?? undefined,
    media_url: r.media_id ? `${ctx.origin}/media/${r.media_id}` : (r.media_url ?? undefined),
    ...(notes ? { notes: notes.map((n) => noteRecord(n, ctx.timeZone, l)) } : {}),
    ...(extended ? { extended_attributes: extended } : {}),
  };
}

/**
 * `<extended_attributes><attributes><attribute><code/><value/></attribute>…`: one `<value>` for a
 * single answer, `<values><value/>…</values>` for a list (even of one), so XML readers can tell
 * them apart as JSON does.
 */
function extendedXml(x: ExtendedAttributes): XmlElement {
  return el('extended_attributes', [
    el(
      'attributes',
      Object.entries(x.attributes).map(([code, answer]) =>
        el('attribute', [
          el('code', code),
          Array.isArray(answer) ? el('values', answer.map((v) => el('value', v))) : el('value', answer),
        ]),
      ),
    ),
  ]);
}

export function requestsXml(records: Array<ReturnType<typeof requestRecord>>): XmlElement {
  return el(
    'service_requests',
    records.map(({ notes, extended_attributes, ...r }) =>
      el('request', [
        ...fields(r),
        ...(notes ? [el('notes', notes.map((n) => el('note', fields(n))))] : []),
        ...(extended_attributes ? [extendedXml(extended_attributes)] : []),
      ]),
    ),
  );
}

/** POST and token answers: one `<request>` per item, flat fields. */
export function flatRequestsXml(items: Array<Record<string, XmlScalar>>): XmlElement {
  return el('service_requests', items.map((i) => el('request', fields(i))));
}
