import type { MessageKey, MessageParams, Translate } from '../i18n.js';
import type { StepError } from './flow.js';
import './messages.js';

/**
 * Fields as data: what a form asks, with validators as data and their messages as catalog
 * keys, so Open311 questions, records fields and form definitions all map onto one renderer
 * (`renderField`) and one validator (`validateFields`).
 */

/** A date as typed into three boxes (GOV.UK date input). */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** What a field holds while the resident types. */
export type FieldValue = string | string[] | DateParts | File[] | undefined;

export interface FieldChoice {
  value: string;
  label: string;
  hint?: string;
}

/** A validator, as data. `message` is a catalog key, filled with `{label}` and the rule's numbers. */
export type FieldRule =
  | { rule: 'required'; message?: MessageKey }
  | { rule: 'minLength'; min: number; message?: MessageKey }
  | { rule: 'maxLength'; max: number; message?: MessageKey }
  | { rule: 'email'; message?: MessageKey }
  | { rule: 'phone'; message?: MessageKey }
  | { rule: 'number'; min?: number; max?: number; decimals?: number; message?: MessageKey; rangeMessage?: MessageKey }
  /** A real calendar date, optionally between `min` and `max` (`YYYY-MM-DD`, or `today`). */
  | { rule: 'date'; min?: string; max?: string; message?: MessageKey; rangeMessage?: MessageKey }
  | { rule: 'fileType'; types: readonly string[]; typesText: string; message?: MessageKey }
  | { rule: 'fileSize'; maxBytes: number; message?: MessageKey }
  | { rule: 'fileCount'; max: number; message?: MessageKey };

export type FieldType = 'text' | 'textarea' | 'email' | 'tel' | 'number' | 'radios' | 'checkboxes' | 'select' | 'date' | 'file';

export interface FieldSpec {
  /** Control id in the shadow root, and the key of the value. */
  id: string;
  type: FieldType;
  label: string;
  hint?: string;
  /** Shows "(optional)"; a field without a `required` rule should say so. */
  optional?: boolean;
  choices?: readonly FieldChoice[];
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'url' | 'numeric' | 'decimal' | 'search' | 'none';
  rows?: number;
  /** `accept` of a file input. */
  accept?: string;
  /** A file input that takes several files. */
  multiple?: boolean;
  rules?: readonly FieldRule[];
  /** Shown for a radio choice that opens this field (GOV.UK conditional reveal), e.g. a waiver's explanation. */
  shownWhen?: { field: string; equals: string };
}

export const isDateParts = (v: FieldValue): v is DateParts => typeof v === 'object' && v !== null && !Array.isArray(v) && 'day' in v;
const isFiles = (v: FieldValue): v is File[] => Array.isArray(v) && v.some((x) => typeof x !== 'string');

export function isEmptyValue(v: FieldValue): boolean {
  if (v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (isDateParts(v)) return !v.day.trim() && !v.month.trim() && !v.year.trim();
  return v.length === 0;
}

/** The typed date as `YYYY-MM-DD`, `undefined` when empty, or `null` when it is not a real date. */
export function dateFromParts(parts: DateParts): string | undefined | null {
  const [d, m, y] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!d && !m && !y) return undefined;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** `YYYY-MM-DD` → three boxes. */
export function partsFromDate(date: string | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const PHONE = /^\+?[\d\s().-]{7,}(\s*(x|ext\.?)\s*\d+)?$/i;
const charCount = (s: string) => [...s].length;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function formatBytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 0 }).format(
    bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : bytes / 1024,
  );
}

/** Whether a field is asked for now (its `shownWhen` condition holds). */
export function isShown(spec: FieldSpec, values: Readonly<Record<string, FieldValue>>): boolean {
  if (!spec.shownWhen) return true;
  return values[spec.shownWhen.field] === spec.shownWhen.equals;
}

/** A rule's words when the value breaks it: its own message key (or the fallback), with the numbers to fill in. */
type Broken = readonly [message: MessageKey | undefined, fallback: MessageKey, params?: MessageParams];

/** The check of one kind of rule (never `required`, which `validateFieldWith` checks first). */
type RuleCheck<R extends FieldRule = FieldRule> = (rule: R, value: Exclude<FieldValue, undefined>, locale: string) => Broken | undefined;

/** The checks of each kind of rule, for `validateFieldWith`; a kind without a check passes. */
export type RuleChecks = { [K in Exclude<FieldRule['rule'], 'required'>]?: RuleCheck<Extract<FieldRule, { rule: K }>> };

/** Length, email and phone rules: what a form of text answers needs. */
export const textRuleChecks = {
  minLength: (r, v) => (typeof v === 'string' && charCount(v.trim()) < r.min ? [r.message, 'formErrorTooShort', { min: r.min }] : undefined),
  maxLength: (r, v) => (typeof v === 'string' && charCount(v) > r.max ? [r.message, 'formErrorTooLong', { max: r.max }] : undefined),
  email: (r, v) => (typeof v === 'string' && !EMAIL.test(v.trim()) ? [r.message, 'formErrorEmail'] : undefined),
  phone: (r, v) => (typeof v === 'string' && (!PHONE.test(v.trim()) || v.replace(/\D/g, '').length < 7) ? [r.message, 'formErrorPhone'] : undefined),
} satisfies RuleChecks;

/** Every kind of rule. */
const ALL_RULE_CHECKS: RuleChecks = {
  ...textRuleChecks,
  number: (r, value) => {
    if (typeof value !== 'string') return undefined;
    const text = value.trim().replace(/^\$/, '').replace(',', '.');
    const decimals = r.decimals ?? 2;
    const pattern = new RegExp(decimals > 0 ? `^-?\\d+(\\.\\d{1,${decimals}})?$` : '^-?\\d+$');
    if (!pattern.test(text)) return [r.message, 'formErrorNumber'];
    const n = Number(text);
    if ((r.min !== undefined && n < r.min) || (r.max !== undefined && n > r.max)) return [r.rangeMessage, 'formErrorNumberRange', { min: r.min ?? '', max: r.max ?? '' }];
    return undefined;
  },
  date: (r, value, locale) => {
    if (!isDateParts(value)) return undefined;
    const date = dateFromParts(value);
    if (!date) return [r.message, 'formErrorDate'];
    const min = r.min === 'today' ? today() : r.min;
    const max = r.max === 'today' ? today() : r.max;
    if ((min && date < min) || (max && date > max)) {
      const fmt = (d: string | undefined) => (d ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`)) : '');
      return [r.rangeMessage, 'formErrorDateRange', { min: fmt(min), max: fmt(max) }];
    }
    return undefined;
  },
  fileType: (r, value) =>
    isFiles(value) && value.some((f) => !r.types.some((type) => (type.endsWith('/*') ? f.type.startsWith(type.slice(0, -1)) : f.type === type))) ? [r.message, 'formErrorFileType', { types: r.typesText }] : undefined,
  fileSize: (r, value, locale) => (isFiles(value) && value.some((f) => f.size > r.maxBytes) ? [r.message, 'formErrorFileSize', { max: formatBytes(r.maxBytes, locale) }] : undefined),
  fileCount: (r, value) => (isFiles(value) && value.length > r.max ? [r.message, 'formErrorFileCount', { max: r.max }] : undefined),
};

/**
 * `validateField` with only the checks a widget's rules need (a rule of another kind passes): a
 * widget that asks for text and choices carries no date, number or file checks.
 */
export function validateFieldWith(checks: RuleChecks, t: Translate, spec: FieldSpec, value: FieldValue, locale = 'en'): string | undefined {
  const say = ([key, fallback, params]: Broken) => t(key ?? fallback, { label: spec.label, ...params });
  const rules = spec.rules ?? [];
  if (isEmptyValue(value)) {
    const required = rules.find((r) => r.rule === 'required');
    if (!required) return undefined;
    const choose = spec.type === 'radios' || spec.type === 'checkboxes' || spec.type === 'select' || spec.type === 'file';
    return say([required.message, choose ? 'formErrorChoose' : 'formErrorRequired']);
  }
  for (const r of rules) {
    if (r.rule === 'required') continue;
    const broken = (checks[r.rule] as RuleCheck | undefined)?.(r, value!, locale);
    if (broken) return say(broken);
  }
  return undefined;
}

/**
 * The first problem with one field's value, worded as what to do, or `undefined`. Empty
 * optional fields pass every other rule.
 */
export function validateField(t: Translate, spec: FieldSpec, value: FieldValue, locale = 'en'): string | undefined {
  return validateFieldWith(ALL_RULE_CHECKS, t, spec, value, locale);
}

/** The control an error should focus: the day box of a date, the first choice of radios. */
export function errorTarget(spec: FieldSpec): string {
  if (spec.type === 'date') return `${spec.id}-day`;
  return spec.id;
}

/** Every shown field's first problem, in order, as errors of `step` (with `checks`, see `validateFieldWith`). */
export function validateFieldsWith<S extends string>(
  checks: RuleChecks,
  t: Translate,
  step: S,
  specs: readonly FieldSpec[],
  values: Readonly<Record<string, FieldValue>>,
  locale = 'en',
): StepError<S>[] {
  const errors: StepError<S>[] = [];
  for (const spec of specs) {
    if (!isShown(spec, values)) continue;
    const message = validateFieldWith(checks, t, spec, values[spec.id], locale);
    if (message) errors.push({ step, id: errorTarget(spec), message });
  }
  return errors;
}

/** Every shown field's first problem, in order, as errors of `step`. */
export function validateFields<S extends string>(
  t: Translate,
  step: S,
  specs: readonly FieldSpec[],
  values: Readonly<Record<string, FieldValue>>,
  locale = 'en',
): StepError<S>[] {
  return validateFieldsWith(ALL_RULE_CHECKS, t, step, specs, values, locale);
}

/** A value for people (check your answers): choices by their labels, dates in the resident's language, files by name. */
export function valueText(spec: FieldSpec, value: FieldValue, locale: string): string {
  if (value === undefined) return '';
  const label = (v: string) => spec.choices?.find((c) => c.value === v)?.label ?? v;
  if (isDateParts(value)) {
    const date = dateFromParts(value);
    return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)) : '';
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? label(v) : v.name)).join(', ');
  return spec.choices ? label(value) : value.trim();
}
