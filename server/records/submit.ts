import { sniffImageType } from '../media.js';
import { RecordsErrorAnswer, type MessageKey } from './messages.js';

/** A request as FOIA.gov's agency API names its fields, after validation. */
export interface RecordsSubmission {
  request_description: string;
  date_range_start: string | null;
  date_range_end: string | null;
  department: string | null;
  delivery_format: string;
  fee_amount_willing: number | null;
  fee_waiver: boolean;
  fee_waiver_explanation: string | null;
  expedited_processing: boolean;
  expedited_processing_explanation: string | null;
  name_first: string | null;
  name_last: string | null;
  email: string | null;
  phone_number: string | null;
  address_line1: string | null;
  address_line2: string | null;
  address_city: string | null;
  address_state_province: string | null;
  address_zip_postal_code: string | null;
  address_country: string | null;
}

export interface Attachment {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export const MAX_DESCRIPTION = 10_000;
export const MIN_DESCRIPTION = 20;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/** Field → longest accepted value. */
const LIMITS = {
  fee_waiver_explanation: 5_000,
  expedited_processing_explanation: 5_000,
  name_first: 100,
  name_last: 100,
  email: 254,
  phone_number: 40,
  address_line1: 200,
  address_line2: 200,
  address_city: 100,
  address_state_province: 100,
  address_zip_postal_code: 20,
  address_country: 100,
} as const;

type Raw = Record<string, unknown>;
type FieldError = { field: string; key: MessageKey; params?: Record<string, string | number> };

function text(raw: Raw, field: string): string | null {
  const v = raw[field];
  if (v === undefined || v === null) return null;
  const s = String(v).replace(/\r\n?/g, '\n').trim();
  return s === '' ? null : s;
}

function bool(raw: Raw, field: string, errors: FieldError[]): boolean {
  const v = raw[field];
  if (v === undefined || v === null || v === '' || v === false || v === 'false' || v === 'no') return false;
  if (v === true || v === 'true' || v === 'yes' || v === 'on') return true;
  errors.push({ field, key: 'boolean' });
  return false;
}

/** A real calendar date `YYYY-MM-DD` (no rollover: 2025-02-30 is refused). */
export function realDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1600 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/**
 * Validates a request against the contract. Every problem is reported at once, each on its
 * field, so a widget can show them all; nothing is stored unless this returns.
 */
export function validateSubmission(
  raw: Raw,
  options: { departments: string[]; deliveryFormats: string[]; contactRequired: boolean },
): RecordsSubmission {
  const errors: FieldError[] = [];
  const description = text(raw, 'request_description');
  if (!description) errors.push({ field: 'request_description', key: 'descriptionRequired' });
  else if (description.length > MAX_DESCRIPTION) errors.push({ field: 'request_description', key: 'descriptionLong' });
  else if (description.replace(/\s+/g, ' ').length < MIN_DESCRIPTION) errors.push({ field: 'request_description', key: 'descriptionShort' });

  const start = text(raw, 'date_range_start');
  const end = text(raw, 'date_range_end');
  if (start && !realDate(start)) errors.push({ field: 'date_range_start', key: 'dateInvalid' });
  if (end && !realDate(end)) errors.push({ field: 'date_range_end', key: 'dateInvalid' });
  if (start && end && realDate(start) && realDate(end) && start > end) errors.push({ field: 'date_range_end', key: 'dateOrder' });

  const department = text(raw, 'department');
  if (department && !options.departments.includes(department)) errors.push({ field: 'department', key: 'department' });

  const delivery = text(raw, 'delivery_format') ?? 'electronic';
  if (!options.deliveryFormats.includes(delivery)) errors.push({ field: 'delivery_format', key: 'delivery' });

  let fee: number | null = null;
  const feeRaw = text(raw, 'fee_amount_willing');
  if (feeRaw !== null) {
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(feeRaw)) errors.push({ field: 'fee_amount_willing', key: 'fee' });
    else fee = Number(feeRaw);
  }

  const feeWaiver = bool(raw, 'fee_waiver', errors);
  const feeWaiverExplanation = text(raw, 'fee_waiver_explanation');
  if (feeWaiver && !feeWaiverExplanation) errors.push({ field: 'fee_waiver_explanation', key: 'feeWaiverExplanation' });
  const expedited = bool(raw, 'expedited_processing', errors);
  const expeditedExplanation = text(raw, 'expedited_processing_explanation');
  if (expedited && !expeditedExplanation) errors.push({ field: 'expedited_processing_explanation', key: 'expeditedExplanation' });

  const values = Object.fromEntries(Object.keys(LIMITS).map((f) => [f, text(raw, f)])) as Record<keyof typeof LIMITS, string | null>;
  for (const [field, max] of Object.entries(LIMITS) as Array<[keyof typeof LIMITS, number]>) {
    if ((values[field]?.length ?? 0) > max) errors.push({ field, key: 'tooLong', params: { max } });
  }
  if (values.email && !EMAIL.test(values.email)) errors.push({ field: 'email', key: 'email' });
  if (values.phone_number && (values.phone_number.replace(/\D/g, '').length < 7 || !/^[\d\s()+.\-x]+$/i.test(values.phone_number))) {
    errors.push({ field: 'phone_number', key: 'phone' });
  }
  if (options.contactRequired) {
    if (!values.name_first || !values.name_last) errors.push({ field: 'name_first', key: 'nameRequired' });
    if (!values.email && !values.phone_number && !(values.address_line1 && (values.address_city || values.address_zip_postal_code))) {
      errors.push({ field: 'email', key: 'contactRequired' });
    }
  }
  for (const [field, value] of Object.entries(raw)) {
    if (typeof value === 'string' && value.includes('\u0000')) errors.push({ field, key: 'body' });
  }
  if (errors.length > 0) throw new RecordsErrorAnswer(400, errors);
  return {
    ...values,
    request_description: description!,
    date_range_start: start,
    date_range_end: end,
    department,
    delivery_format: delivery,
    fee_amount_willing: fee,
    fee_waiver: feeWaiver,
    fee_waiver_explanation: feeWaiver ? feeWaiverExplanation : null,
    expedited_processing: expedited,
    expedited_processing_explanation: expedited ? expeditedExplanation : null,
  };
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The type a file really is, from its bytes: PDF, raster images, Word (a ZIP declared as
 * .docx) and UTF-8 plain text. Anything else (HTML, SVG, scripts, executables) is refused,
 * since these bytes are served back from the city's origin.
 */
export function sniffDocumentType(bytes: Uint8Array, declared: string): string | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  const image = sniffImageType(bytes);
  if (image && image !== 'image/heic' && image !== 'image/avif') return image;
  if (starts([0x50, 0x4b, 0x03, 0x04]) && declared === DOCX) return DOCX;
  if (declared.startsWith('text/plain') && !bytes.includes(0)) {
    try {
      const s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (!/<\s*(script|html|svg|iframe)/i.test(s)) return 'text/plain; charset=utf-8';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function checkAttachments(files: Attachment[], field = 'attachments'): Attachment[] {
  if (files.length > MAX_ATTACHMENTS) throw RecordsErrorAnswer.of(400, field, 'attachmentCount');
  return files.map((f) => {
    if (f.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw RecordsErrorAnswer.of(413, field, 'attachmentSize');
    const type = sniffDocumentType(f.bytes, f.contentType);
    if (!type) throw RecordsErrorAnswer.of(400, field, 'attachmentType');
    const name = f.name.replace(/[\u0000-\u001f"\\/]/g, '_').slice(0, 200) || 'attachment';
    return { ...f, name, contentType: type };
  });
}
