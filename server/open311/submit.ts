import { parseDatetime } from '../time.js';
import { MAX_MEDIA_BYTES, UnreadableImageError, sniffImageType, stripMetadata } from '../media.js';
import { Open311Error, type Open311ErrorItem } from './format.js';
import type { AttributeRow, NewRequest, ServiceRow } from './store.js';

/** A POST body as submitted: every name may repeat (`attribute[X][]`), plus an optional file. */
export interface SubmittedForm {
  values: Map<string, string[]>;
  media?: File;
}

const MAX_BODY = MAX_MEDIA_BYTES + 1024 * 1024;

/**
 * Caps on what one POST may carry. A report has a few dozen fields; these leave room for any
 * service definition while keeping the work a hostile body can cause small and linear.
 */
export const FORM_LIMITS = {
  /** Bytes of a form-urlencoded body (a multipart one may be larger: it carries the photo). */
  formBytes: 1024 * 1024,
  /** Fields in one POST, counting each repeat of a name. */
  fields: 300,
  /** Values of one name, e.g. the choices of one `attribute[CODE][]`. */
  valuesPerName: 50,
} as const;

/** Longest accepted value of each stored field, in characters. */
export const FIELD_MAX_LENGTH: Readonly<Record<string, number>> = {
  address_string: 500,
  address_id: 100,
  zipcode: 20,
  description: 4000,
  media_url: 2048,
  email: 254,
  phone: 40,
  first_name: 100,
  last_name: 100,
  device_id: 200,
  account_id: 200,
};
/** An attribute answer of datatype `text` may be as long as a description; every other answer is short. */
export const ATTRIBUTE_TEXT_MAX_LENGTH = 4000;
export const ATTRIBUTE_MAX_LENGTH = 500;

const tooManyFields = () =>
  Open311Error.of(400, 'body', `A request can have at most ${FORM_LIMITS.fields} fields.`);

/**
 * Reads a form-urlencoded or multipart body; query parameters count too (some clients send `api_key` there).
 * `checkKey` runs on the query's `api_key` before the body is read, and on the body's before the form is
 * looked at further, so a caller without a key costs one bounded, linear read at most.
 */
export async function readForm(req: Request, checkKey?: (key: string | undefined) => void): Promise<SubmittedForm> {
  const values = new Map<string, string[]>();
  let fields = 0;
  let crowded: string | undefined;
  // Push, never copy: a name repeated 50,000 times must cost 50,000 steps, not 50,000².
  const put = (k: string, v: string) => {
    fields++;
    const list = values.get(k);
    if (!list) values.set(k, [v]);
    else if (list.length < FORM_LIMITS.valuesPerName) list.push(v);
    else crowded ??= k;
  };
  const query = new URL(req.url).searchParams;
  for (const [k, v] of query) put(k, v);
  const queryKey = query.get('api_key')?.trim() || undefined;
  if (queryKey && checkKey) {
    try {
      checkKey(queryKey);
    } catch (err) {
      // The body stays unread, so this connection cannot carry another request.
      if (err instanceof Open311Error) err.headers.Connection = 'close';
      throw err;
    }
  }
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY) throw Open311Error.of(413, 'media', 'The photo must be 10 MB or smaller.');
  let media: File | undefined;
  if (type.startsWith('multipart/form-data')) {
    const bytes = new Uint8Array(await req.arrayBuffer());
    const boundary = /boundary="?([^";]+)"?/i.exec(req.headers.get('content-type') ?? '')?.[1];
    // Counting delimiters is one linear scan; the full multipart parse only runs on a plausible body.
    if (boundary && countOccurrences(bytes, `--${boundary}`) > FORM_LIMITS.fields + 1) throw tooManyFields();
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': req.headers.get('content-type')! } }).formData();
    } catch {
      throw Open311Error.of(400, 'body', 'The multipart body could not be read.');
    }
    for (const [k, v] of form) {
      if (typeof v === 'string') put(k, v);
      else if (k === 'media') media = v;
    }
  } else if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    // Read before refusing: a client still sending would see a reset instead of the answer.
    const text = await req.text();
    if (text.length > FORM_LIMITS.formBytes) throw Open311Error.of(413, 'body', `A form without a photo must be ${FORM_LIMITS.formBytes / 1024} KB or smaller.`);
    for (const [k, v] of new URLSearchParams(text)) put(k, v);
  } else {
    throw Open311Error.of(400, 'body', 'Send the request as application/x-www-form-urlencoded or multipart/form-data.');
  }
  if (!queryKey && checkKey) checkKey(values.get('api_key')?.[0]?.trim() || undefined);
  if (fields > FORM_LIMITS.fields) throw tooManyFields();
  if (crowded) throw Open311Error.of(400, fieldOf(crowded), `Send at most ${FORM_LIMITS.valuesPerName} values.`);
  for (const [k, vals] of values) {
    if (k.includes('\0') || vals.some((v) => v.includes('\0'))) {
      throw Open311Error.of(400, fieldOf(k), 'Remove the NUL control character: it cannot be stored.');
    }
  }
  return { values, media };
}

/** `attribute[SIZE][]` is reported as `attribute[SIZE]`, the name a form knows the field by. */
function fieldOf(name: string): string {
  if (name.includes('\0')) return 'body';
  return name.replace(/^(attribute\[[^\]]+\])\[\]$/, '$1');
}

function countOccurrences(haystack: Uint8Array, needle: string): number {
  const buf = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  let n = 0;
  for (let at = buf.indexOf(needle); at !== -1; at = buf.indexOf(needle, at + needle.length)) n++;
  return n;
}

const first = (form: SubmittedForm, name: string): string | undefined => {
  const v = form.values.get(name)?.[0]?.trim();
  return v ? v : undefined;
};

/** Attribute answers keyed by code, from both `attribute[CODE]` and `attribute[CODE][]`. */
function attributeAnswers(form: SubmittedForm): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, vals] of form.values) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (!m) continue;
    const kept = vals.map((v) => v.trim()).filter((v) => v !== '');
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), ...kept]);
  }
  return out;
}

function coordinate(form: SubmittedForm, name: 'lat' | 'long', limit: number, errors: Open311ErrorItem[]): number | undefined {
  const raw = first(form, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^[-+]?\d+(\.\d+)?$/.test(raw) || Math.abs(n) > limit) {
    const label = name === 'lat' ? 'Latitude' : 'Longitude';
    errors.push({ code: 400, description: `${name}: ${label} must be a number between -${limit} and ${limit}.` });
    return undefined;
  }
  return n;
}

function checkAttributes(attrs: AttributeRow[], answers: Map<string, string[]>, errors: Open311ErrorItem[]) {
  const out: Record<string, string | string[]> = {};
  for (const a of attrs) {
    // Informational attributes (variable=false) only show text; there is nothing to answer.
    if (!a.variable) continue;
    const field = `attribute[${a.code}]`;
    const given = answers.get(a.code) ?? [];
    const fail = (sentence: string) => errors.push({ code: 400, description: `${field}: ${sentence}` });
    if (given.length === 0) {
      if (a.required) fail(`An answer is required for "${a.description}".`);
      continue;
    }
    const max = a.datatype === 'text' ? ATTRIBUTE_TEXT_MAX_LENGTH : ATTRIBUTE_MAX_LENGTH;
    const long = given.find((v) => v.length > max);
    if (long) {
      fail(`Enter ${max} characters or fewer for "${a.description}" (this has ${long.length}).`);
      continue;
    }
    const keys = new Set(a.list_values.map((v) => v.key));
    switch (a.datatype) {
      case 'multivaluelist': {
        const bad = given.filter((v) => !keys.has(v));
        if (bad.length > 0) fail(`"${bad[0]}" is not one of the choices for "${a.description}".`);
        else out[a.code] = [...new Set(given)];
        break;
      }
      case 'singlevaluelist':
        if (given.length > 1) fail(`Choose only one answer for "${a.description}".`);
        else if (!keys.has(given[0]!)) fail(`"${given[0]}" is not one of the choices for "${a.description}".`);
        else out[a.code] = given[0]!;
        break;
      case 'number':
        if (given.length > 1 || !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(given[0]!)) fail(`Enter a number for "${a.description}".`);
        else out[a.code] = given[0]!;
        break;
      case 'datetime':
        if (given.length > 1 || !parseDatetime(given[0]!)) {
          fail(`Enter a date and time in ISO 8601 form, for example 2025-03-14T09:30, for "${a.description}".`);
        } else out[a.code] = given[0]!;
        break;
      default:
        if (given.length > 1) fail(`Give one answer for "${a.description}".`);
        else out[a.code] = given[0]!;
    }
  }
  return out;
}

/**
 * Checks a POST against the spec and the service definition. Every 400 problem is reported at once,
 * so a form can mark all of its wrong fields in one round trip.
 */
export async function validateSubmission(
  form: SubmittedForm,
  service: ServiceRow,
  attrs: AttributeRow[],
  contactPolicy?: 'anonymous' | 'optional' | 'required',
): Promise<Omit<NewRequest, 'availableAt'>> {
  const errors: Open311ErrorItem[] = [];
  const lat = coordinate(form, 'lat', 90, errors);
  const long = coordinate(form, 'long', 180, errors);
  const latGiven = first(form, 'lat') !== undefined;
  const longGiven = first(form, 'long') !== undefined;
  const address_string = first(form, 'address_string');
  const address_id = first(form, 'address_id');
  if (latGiven !== longGiven) {
    const missing = latGiven ? 'long' : 'lat';
    errors.push({ code: 400, description: `${missing}: Send lat and long together.` });
  } else if (!latGiven && !address_string && !address_id) {
    errors.push({
      code: 400,
      description: 'address_string: A location is required: send lat and long, address_string or address_id.',
    });
  }
  const description = form.values.get('description')?.[0]?.trim() || undefined;
  for (const [name, max] of Object.entries(FIELD_MAX_LENGTH)) {
    const value = first(form, name);
    if (value && value.length > max) {
      errors.push({ code: 400, description: `${name}: Enter ${max} characters or fewer (this has ${value.length}).` });
    }
  }
  const email = first(form, 'email');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.push({ code: 400, description: 'email: Enter an email address like name@example.com.' });
  }
  if (contactPolicy === 'required' && !email && !first(form, 'phone')) {
    errors.push({ code: 400, description: 'email: This service needs a way to contact you: enter an email address or a phone number.' });
  }
  const mediaUrl = first(form, 'media_url');
  if (mediaUrl && !/^https?:\/\/\S+$/i.test(mediaUrl)) {
    errors.push({ code: 400, description: 'media_url: media_url must be an http or https URL.' });
  }
  const attributes = checkAttributes(attrs, attributeAnswers(form), errors);
  let media: NewRequest['media'];
  if (form.media && form.media.size > 0) {
    if (form.media.size > MAX_MEDIA_BYTES) {
      errors.push({ code: 400, description: 'media: The photo must be 10 MB or smaller.' });
    } else {
      const bytes = new Uint8Array(await form.media.arrayBuffer());
      const type = sniffImageType(bytes);
      if (!type) errors.push({ code: 400, description: 'media: The photo must be a JPEG, PNG, GIF, WebP, HEIC or AVIF image.' });
      else {
        try {
          // Stored without metadata: media_url is public, and a phone photo's EXIF holds where it was taken.
          media = { contentType: type, bytes: stripMetadata(bytes, type) };
        } catch (err) {
          if (!(err instanceof UnreadableImageError)) throw err;
          errors.push({ code: 400, description: 'media: The photo could not be read. Try taking or saving it again.' });
        }
      }
    }
  }
  if (errors.length > 0) throw new Open311Error(400, errors);
  return {
    service,
    lat: latGiven ? lat : undefined,
    long: longGiven ? long : undefined,
    address_string,
    address_id,
    zipcode: first(form, 'zipcode'),
    description,
    media_url: media ? undefined : mediaUrl,
    media,
    attributes,
    personal: {
      email,
      phone: first(form, 'phone'),
      first_name: first(form, 'first_name'),
      last_name: first(form, 'last_name'),
      device_id: first(form, 'device_id'),
      account_id: first(form, 'account_id'),
    },
  };
}
