import type { AttributeAnswer, ContactPolicy, ServiceAttribute } from '../../api/types.js';
import type { FieldError } from '../../core/forms/error-summary.js';

/** The steps of a report, in order. `done` is the confirmation. */
export const STEPS = ['category', 'questions', 'location', 'nearby', 'details', 'contact', 'review', 'done'] as const;
export type StepName = (typeof STEPS)[number];

/** A date question's answer as typed: GOV.UK date input (three fields) plus a time. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
  time: string;
}

/** What the resident typed, as the draft keeps it: a question's answer, or a date as typed. */
export type DraftAnswer = AttributeAnswer | DateParts;

/** A location chosen on the map or by address search (same shape as `<civic-location-picker>`'s value). */
export interface ChosenLocation {
  lat: number;
  long: number;
  address?: string;
}

export interface ContactDetails {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
}

/** Everything a report in progress holds; kept in IndexedDB between visits. */
export interface Draft {
  step: StepName;
  serviceCode?: string;
  answers: Record<string, DraftAnswer>;
  location?: ChosenLocation;
  /** Typed address, when the form asks for an address instead of a map location. */
  address: string;
  description: string;
  photo?: Blob;
  photoName?: string;
  contact: ContactDetails;
  /** One key per submission, reused by retries (`Idempotency-Key`). */
  idempotencyKey?: string;
  /** Fingerprint of the report `idempotencyKey` was made for: a changed report gets a new key. */
  idempotencyFor?: string;
  /** Set by a "Change" link: the next Continue returns to the check-answers step. */
  returnToReview?: boolean;
}

export const emptyContact = (): ContactDetails => ({ first_name: '', last_name: '', email: '', phone: '' });

export const emptyDraft = (): Draft => ({ step: 'category', answers: {}, address: '', description: '', contact: emptyContact() });

/** An error found on a step, with the step it belongs to (server errors may point at any step). */
export interface StepError extends FieldError {
  step: StepName;
}

export const MAX_DESCRIPTION = 4000;
export const MAX_ANSWER_TEXT = 4000;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'image/heif', 'image/avif'];

/** The id of a question's control (or fieldset) in the shadow root: safe for any attribute code. */
export function attributeId(code: string): string {
  return `attr-${code.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** The questions that expect an answer. */
export const askable = (attributes: readonly ServiceAttribute[]): ServiceAttribute[] => attributes.filter((a) => a.variable);

const STRICTNESS: Record<ContactPolicy, number> = { anonymous: 0, optional: 1, required: 2 };

/** The stricter of two policies: a city's page may ask for more than its backend, never for less. */
export function stricterPolicy(a: ContactPolicy | undefined, b: ContactPolicy | undefined): ContactPolicy {
  const policies = [a, b].filter((p): p is ContactPolicy => p !== undefined);
  if (policies.length === 0) return 'optional';
  return policies.reduce((x, y) => (STRICTNESS[y] > STRICTNESS[x] ? y : x));
}

/**
 * Parses a `contact-policy` attribute: `CODE:policy` pairs separated by spaces or commas, with
 * `*` for every other service, e.g. `"* : optional  BLIGHT:required GRAFFITI:anonymous"`.
 */
export function parseContactPolicies(value: string | null | undefined): Record<string, ContactPolicy> {
  const out: Record<string, ContactPolicy> = {};
  for (const m of (value ?? '').matchAll(/([^\s,:]+)\s*:\s*(anonymous|optional|required)/gi)) {
    out[m[1]!] = m[2]!.toLowerCase() as ContactPolicy;
  }
  return out;
}

/** Splits a space- or comma-separated list attribute. */
export const codeList = (value: string | undefined): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean);
