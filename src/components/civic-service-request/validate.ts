import type { ContactPolicy, ServiceAttribute } from '../../api/types.js';
import type { Translate } from '../../core/i18n.js';
import { attributeId, MAX_DESCRIPTION, STEPS, MAX_PHOTO_BYTES, PHOTO_TYPES, type ContactDetails, type Draft, type StepError, type StepName } from './model.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const countChars = (s: string) => [...s].length;

export function validateLocation(t: Translate, usePicker: boolean, d: Draft): StepError[] {
  const missing = !d.location && !d.address.trim();
  return missing ? [{ step: 'location', id: 'location', message: t(usePicker ? 'requestErrorLocation' : 'requestErrorAddress') }] : [];
}

export function validateDetails(t: Translate, d: Draft, photoError: string | undefined): StepError[] {
  const errors: StepError[] = [];
  const length = countChars(d.description.trim());
  if (length > MAX_DESCRIPTION) errors.push({ step: 'details', id: 'description', message: t('requestErrorDescriptionLong', { count: MAX_DESCRIPTION }) });
  if (photoError) errors.push({ step: 'details', id: 'photo', message: photoError });
  return errors;
}

/** Why a photo cannot be sent (checked in the browser before anything is uploaded), or undefined. */
export function photoProblem(t: Translate, file: File): string | undefined {
  if (!PHOTO_TYPES.includes(file.type.toLowerCase())) return t('requestErrorPhotoType');
  if (file.size > MAX_PHOTO_BYTES) return t('requestErrorPhotoSize', { count: MAX_PHOTO_BYTES / (1024 * 1024) });
  return undefined;
}

export function validateContact(t: Translate, policy: ContactPolicy, c: ContactDetails): StepError[] {
  const errors: StepError[] = [];
  const fail = (id: keyof ContactDetails, message: string) => errors.push({ step: 'contact', id, message });
  const email = c.email.trim();
  const phone = c.phone.trim();
  if (policy === 'required') {
    if (!c.first_name.trim()) fail('first_name', t('requestErrorFirstName'));
    if (!c.last_name.trim()) fail('last_name', t('requestErrorLastName'));
    if (!email && !phone) fail('email', t('requestErrorEmailOrPhone'));
  }
  if (email && !EMAIL.test(email)) fail('email', t('requestErrorEmail'));
  if (phone && phone.replace(/\D/g, '').length < 7) fail('phone', t('requestErrorPhone'));
  return errors;
}

/** Where a field the server names lives in the form. */
function placeOf(field: string, attributes: readonly ServiceAttribute[]): { step: StepName; id: string } | undefined {
  const attr = /^attribute\[(.+)\]$/.exec(field);
  if (attr) {
    const a = attributes.find((x) => x.code === attr[1]);
    if (!a) return undefined;
    return { step: 'questions', id: a.datatype === 'datetime' ? `${attributeId(a.code)}-day` : attributeId(a.code) };
  }
  switch (field) {
    case 'service_code':
      return { step: 'category', id: 'service' };
    case 'lat':
    case 'long':
    case 'address_string':
    case 'address_id':
      return { step: 'location', id: 'location' };
    case 'description':
      return { step: 'details', id: 'description' };
    case 'media':
    case 'media_url':
      return { step: 'details', id: 'photo' };
    case 'email':
    case 'phone':
    case 'first_name':
    case 'last_name':
      return { step: 'contact', id: field };
    default:
      return undefined;
  }
}


/**
 * A 400 from the backend, placed on the fields it names (`attribute[CODE]: …`, `description: …`),
 * earliest step first; what names no field of ours goes to the summary on the review step.
 * `undefined` for any other failure (5xx, timeout, offline): nothing was refused, retry.
 * `pointMessage`, when given, replaces what a server says about a missing `lat`/`long`: a report
 * sent with a typed address only, to a backend that demands coordinates for this service.
 */
export function serverErrors(error: unknown, attributes: readonly ServiceAttribute[], pointMessage?: string): StepError[] | undefined {
  const e = error as { kind?: string; status?: number; errors?: Array<{ field?: string; description: string }>; fieldErrors?: Record<string, string> };
  if (e?.kind !== 'open311' || e.status !== 400) return undefined;
  const words = e.fieldErrors ?? {};
  const placed: StepError[] = [];
  for (const detail of e.errors ?? []) {
    const where = detail.field ? placeOf(detail.field, attributes) : undefined;
    const aboutPoint = detail.field === 'lat' || detail.field === 'long';
    const message = (aboutPoint && pointMessage) || (detail.field && words[detail.field]) || detail.description;
    if (where && !placed.some((p) => p.id === where.id)) placed.push({ ...where, message });
    else if (!where) placed.push({ step: 'review', id: 'submit', message });
  }
  if (placed.length === 0) return undefined;
  return placed.sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step));
}
