/**
 * The error an Open311 server's `<errors>` answer becomes. Apart from `errors.ts` so that only
 * pages with an Open311 widget carry it (it travels in their Open311 chunk, not the core one).
 */
import { CivicError, statusSentence } from './errors.js';

/** One entry of a GeoReport v2 `<errors>` body (or JSON error array). */
export interface Open311ErrorDetail {
  /** The server's error code (often the HTTP status repeated), as a string. */
  code: string;
  /** The server's own words. */
  description: string;
  /**
   * The request parameter the error is about, when the description names it the way
   * servers do (`attribute[ROADSIDE]: Choose a side`, `description: Enter a description`).
   */
  field?: string;
}

/**
 * Parameter names a server may prefix a description with. Only these (and `attribute[…]`)
 * count as a field, so prose such as "Error: try later" is not mistaken for one.
 */
const KNOWN_FIELDS = new Set([
  'jurisdiction_id', 'api_key', 'service_code', 'lat', 'long', 'address_string', 'address_id',
  'email', 'device_id', 'account_id', 'first_name', 'last_name', 'phone', 'description',
  'media_url', 'media', 'service_request_id', 'token', 'status', 'start_date', 'end_date',
  'page', 'page_size', 'bbox', 'updated_after', 'extensions',
]);

const FIELD_PREFIX = /^\s*(attribute\[[^\]]+\](?:\[\])?|[a-z_]+)\s*:\s*/i;

/** The field a server description starts with, if it names a known parameter. */
export function fieldOf(description: string): string | undefined {
  const match = FIELD_PREFIX.exec(description);
  if (!match) return undefined;
  const name = match[1];
  if (name.toLowerCase().startsWith('attribute[')) return name.replace(/\[\]$/, '');
  return KNOWN_FIELDS.has(name.toLowerCase()) ? name.toLowerCase() : undefined;
}

/**
 * The server answered with an HTTP error status (or an `<errors>` body), speaking Open311:
 * `errors` holds what its `<errors>` / JSON error array said (empty when the body had none).
 * `Open311Client` reads a 404 that came as an HTML page as one too (with no `errors`): "not
 * found" is what it says.
 */
export class Open311Error extends CivicError {
  readonly kind = 'open311' as const;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The server's errors, each with `field` when its description names a parameter. */
  readonly errors: Open311ErrorDetail[];

  constructor(status: number, errors: Array<{ code: string; description: string }> = []) {
    const details = errors.map((e) => {
      const field = fieldOf(e.description);
      return field ? { code: e.code, description: e.description, field } : { code: e.code, description: e.description };
    });
    const said = details.map((e) => e.description).join('; ');
    super(said ? `${statusSentence(status)} ${said}` : `${statusSentence(status)} (HTTP ${status})`);
    this.name = 'Open311Error';
    this.status = status;
    this.errors = details;
  }

  /**
   * The error about one request parameter, e.g. `errorFor('attribute[ROADSIDE]')` or
   * `errorFor('description')`; `undefined` when the server said nothing about it.
   */
  errorFor(field: string): Open311ErrorDetail | undefined {
    const wanted = field.toLowerCase().startsWith('attribute[') ? field.replace(/\[\]$/, '') : field.toLowerCase();
    return this.errors.find((e) => e.field === wanted);
  }

  /** Field → the server's words without the `field: ` prefix, for inline form errors. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      if (e.field && !(e.field in out)) out[e.field] = e.description.replace(FIELD_PREFIX, '');
    }
    return out;
  }
}
