import { parseDatetime } from '../time.js';
import { MAX_MEDIA_BYTES, sniffImageType } from '../media.js';
import { Open311Error, type Open311ErrorItem } from './format.js';
import type { AttributeRow, NewRequest, ServiceRow } from './store.js';

/** A POST body as submitted: every name may repeat (`attribute[X][]`), plus an optional file. */
export interface SubmittedForm {
  values: Map<string, string[]>;
  media?: File;
}

const MAX_BODY = MAX_MEDIA_BYTES + 1024 * 1024;

/** Reads a form-urlencoded or multipart body; query parameters count too (some clients send `api_key` there). */
export async function readForm(req: Request): Promise<SubmittedForm> {
  const values = new Map<string, string[]>();
  const put = (k: string, v: string) => values.set(k, [...(values.get(k) ?? []), v]);
  for (const [k, v] of new URL(req.url).searchParams) put(k, v);
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_BODY) throw Open311Error.of(413, 'media', 'The photo must be 10 MB or smaller.');
  let media: File | undefined;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw Open311Error.of(400, 'body', 'The multipart body could not be read.');
    }
    for (const [k, v] of form) {
      if (typeof v === 'string') put(k, v);
      else if (k === 'media') media = v;
    }
  } else if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    for (const [k, v] of new URLSearchParams(await req.text())) put(k, v);
  } else {
    throw Open311Error.of(400, 'body', 'Send the request as application/x-www-form-urlencoded or multipart/form-data.');
  }
  return { values, media };
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
  if (description && description.length > 4000) {
    errors.push({ code: 400, description: `description: The description must be 4000 characters or fewer (it has ${description.length}).` });
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
      else media = { contentType: type, bytes };
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
