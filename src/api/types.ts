/**
 * Normalised Open311 GeoReport v2 types. Field names are the spec's; values are normalised:
 * ids are strings, coordinates and `order` numbers, flags booleans, datetimes ISO 8601 with an
 * offset, and a field a server left empty (`""`, `<zipcode/>`, `null`) is absent, never `""`.
 */

/** The six GeoReport v2 attribute datatypes. */
export type AttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** GeoReport v2 service types. */
export type ServiceType = 'realtime' | 'batch' | 'blackbox';

/** Extensions a backend may offer beyond the core spec; announced in discovery. */
export type Open311Extension = 'extensions' | 'page' | 'bbox' | 'updated_after' | 'media' | 'idempotency' | 'statistics';

/** One endpoint a discovery document lists. */
export interface Open311Endpoint {
  /** Specification URL; GeoReport v2 endpoints name `http://wiki.open311.org/GeoReport_v2`. */
  specification: string;
  /** The endpoint's base URL. */
  url: string;
  /** When the endpoint last changed. */
  changeset?: string;
  /** `production`, `test`, … */
  type?: string;
  /** Content types it speaks, e.g. `text/xml`, `application/json`. */
  formats: string[];
  /** Extensions this endpoint offers (civic-elements discovery extension). */
  extensions?: Open311Extension[];
}

/** A GeoReport v2 discovery document; `{ endpoints: [] }` for a server without one. */
export interface Discovery {
  changeset?: string;
  contact?: string;
  key_service?: string;
  endpoints: Open311Endpoint[];
  /** An emergency in force (civic-elements extension: the reference backend's emergency mode). */
  emergency?: DiscoveryEmergency;
}

/** What discovery says about an emergency in force: its storm services are listed first. */
export interface DiscoveryEmergency {
  name: string;
  /** The `group` of its storm services. */
  group: string;
  ends?: string;
  service_codes: string[];
  /** Identifier of its alert in `alerts_url` (CAP). */
  alert?: string;
  /** The alerts feed that carries the alert. */
  alerts_url?: string;
}

/** One request type of `GET services`. */
export interface Service {
  service_code: string;
  service_name: string;
  description?: string;
  /** True when `serviceDefinition(service_code)` has questions to ask. */
  metadata: boolean;
  type?: ServiceType;
  /** Tags and synonyms, split from the server's comma-separated string; `[]` when none. */
  keywords: string[];
  group?: string;
  /** The service's contact policy, when the server declares one here (extension). */
  contact_policy?: ContactPolicy;
}

/** One choice of a list attribute: `key` is sent, `name` is shown. */
export interface AttributeValue {
  key: string;
  name: string;
}

/** One question of a service definition. */
export interface ServiceAttribute {
  /** False for information to show only (no answer expected). */
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description?: string;
  /** Presentation order, 1 first (the position in the list when the server gave none). */
  order: number;
  /** The question itself. */
  description: string;
  /** Choices of a list attribute; `[]` for other datatypes. */
  values: AttributeValue[];
}

/**
 * Whether a request may, should or must carry the resident's contact details (civic-elements
 * extension `contact_policy` on a service or its definition): `anonymous` — the resident may
 * report without any; `optional` — asked for, not needed; `required` — the city must be able to
 * reach the resident (e.g. code enforcement). Absent when the server does not say.
 */
export type ContactPolicy = 'anonymous' | 'optional' | 'required';

/** `GET services/{code}`: the questions of one request type, sorted by `order`. */
export interface ServiceDefinition {
  service_code: string;
  attributes: ServiceAttribute[];
  /** The service's contact policy, when the server declares one (extension). */
  contact_policy?: ContactPolicy;
}

/** One entry of the `notes` timeline (`extensions=true`). */
export interface ServiceRequestNote {
  datetime: string;
  description?: string;
  type?: string;
  summary?: string;
}

/** Lower case; `open` and `closed` in the spec; `unknown` when a server sent none. */
export type ServiceRequestStatus = 'open' | 'closed' | (string & {});

/** One service request as `GET requests` / `GET requests/{id}` return it. */
export interface ServiceRequest {
  service_request_id?: string;
  token?: string;
  status: ServiceRequestStatus;
  status_notes?: string;
  service_name?: string;
  service_code?: string;
  description?: string;
  agency_responsible?: string;
  service_notice?: string;
  requested_datetime?: string;
  updated_datetime?: string;
  expected_datetime?: string;
  address?: string;
  address_id?: string;
  zipcode?: string;
  lat?: number;
  long?: number;
  media_url?: string;
  /** Present with `extensions=true` on backends that offer it. */
  notes?: ServiceRequestNote[];
  /** Present with `extensions=true` on backends that offer it; kept as the server sent it. */
  extended_attributes?: Record<string, unknown>;
}

/** The answer to a POST: an id, or a token to resolve later, or both. */
export interface SubmitResult {
  service_request_id?: string;
  token?: string;
  service_notice?: string;
  account_id?: string;
}

/** The answer of `GET tokens/{token}`. */
export interface TokenResult {
  token: string;
  service_request_id?: string;
}

/** Filters of `GET requests`. See `Open311Client.requests` for extension fallbacks. */
export interface RequestsQuery {
  /** Overrides every other filter (the spec). */
  service_request_id?: string[];
  service_code?: string[];
  status?: 'open' | 'closed' | Array<'open' | 'closed'>;
  /** ISO 8601 datetimes. */
  start_date?: string;
  end_date?: string;
  /** Extensions, sent only when discovery says the backend offers them. */
  page?: number;
  page_size?: number;
  /** [minLng, minLat, maxLng, maxLat] */
  bbox?: [number, number, number, number];
  updated_after?: string;
  extensions?: boolean;
}

/** Answer value of one attribute: a string, or several keys for a multivaluelist. */
export type AttributeAnswer = string | string[];

/** What `POST requests` sends. A location is one of `lat`+`long`, `address_string`, `address_id`. */
export interface SubmitInput {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  description?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  media_url?: string;
  /** Photo to send as multipart `media` when the backend offers media upload. */
  media?: Blob;
  /**
   * Sent as the `Idempotency-Key` header, not as a field (civic-elements extension `idempotency`;
   * only same-origin or to a server announcing it): reuse the
   * same key when retrying one submission, so a server that honours it answers the first result
   * instead of creating a second request. Servers that ignore it lose nothing.
   */
  idempotencyKey?: string;
  attributes?: Record<string, AttributeAnswer>;
}
