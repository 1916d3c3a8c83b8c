import type { AddressAnswer, Answers, FileAnswer, FormDefinition, FormPage, NameAnswer, PageAnswers, Question } from './definition.js';
import { questionIndex, repeatBounds, walk } from './route.js';

/**
 * Answers → errors per question, the same rules in the browser (before Continue) and on the
 * server (before storing). One error per question: the first thing the resident must fix.
 */

export type AnswerErrorCode =
  | 'required'
  | 'type'
  | 'not_in_list'
  | 'too_short'
  | 'too_long'
  | 'email'
  | 'phone'
  | 'number'
  | 'decimals'
  | 'too_small'
  | 'too_big'
  | 'date'
  | 'too_early'
  | 'too_late'
  | 'address'
  | 'zip'
  | 'state'
  | 'name'
  | 'file_type'
  | 'file_too_big'
  | 'too_many_files'
  | 'skipped'
  | 'unknown'
  | 'too_many_entries'
  | 'too_few_entries'
  | 'exit';

export type AnswerPart = 'line1' | 'city' | 'state' | 'zip' | 'first' | 'last';

export interface AnswerProblem {
  code: AnswerErrorCode;
  /** The box of an address or name the problem is in. */
  part?: AnswerPart;
  /** Numbers and names the message needs: `min`, `max`, `types`, `file`. */
  params?: Record<string, string | number>;
}

export interface AnswerError extends AnswerProblem {
  /** Question id; null for a problem of the whole page or form. */
  question: string | null;
  page: string;
  /** The entry of a repeatable page, from 0. */
  index?: number;
}

export interface AnswerOptions {
  /** Today as `YYYY-MM-DD` in the city's time zone (date bounds `today`, `today+N`). Default: the local date. */
  today?: string;
}

/** Default ceilings, so no answer is unbounded. */
export const TEXT_MAX = 1000;
export const TEXTAREA_MAX = 10000;

export const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP VI'.split(' ');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function isEmptyAnswer(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isRecord(v)) return Object.values(v).every((x) => typeof x !== 'string' || x.trim() === '');
  return false;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `YYYY-MM-DD`, or `today`, `today+N`, `today-N` → `YYYY-MM-DD`. */
export function resolveDateBound(bound: string, today: string = localToday()): string {
  const m = /^today([+-]\d+)?$/.exec(bound);
  if (!m) return bound;
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Number(m[1] ?? 0));
  return d.toISOString().slice(0, 10);
}

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkText(q: Question & { min_length?: number; max_length?: number }, s: string): AnswerProblem | undefined {
  const max = q.max_length ?? (q.type === 'textarea' ? TEXTAREA_MAX : TEXT_MAX);
  const length = [...s].length;
  if (q.min_length !== undefined && length < q.min_length) return { code: 'too_short', params: { min: q.min_length } };
  if (length > max) return { code: 'too_long', params: { max } };
  return undefined;
}

function checkFiles(q: Extract<Question, { type: 'file' }>, files: unknown[]): AnswerProblem | undefined {
  const max = q.max_files ?? 1;
  if (files.length > max) return { code: 'too_many_files', params: { max } };
  for (const f of files) {
    if (!isRecord(f) || typeof f.name !== 'string' || typeof f.type !== 'string' || typeof f.size !== 'number') return { code: 'type' };
    const file = f as unknown as FileAnswer;
    if (!(q.accept as string[]).includes(file.type)) return { code: 'file_type', params: { file: file.name } };
    if (file.size > q.max_bytes) return { code: 'file_too_big', params: { file: file.name, max: q.max_bytes } };
  }
  return undefined;
}

/** The problem with one answer to one question, or undefined when it is fine. */
export function checkAnswer(q: Question, value: unknown, options: AnswerOptions = {}): AnswerProblem | undefined {
  if (typeof value === 'number' && q.type === 'number') value = String(value);
  if (isEmptyAnswer(value)) return q.required ? { code: 'required' } : undefined;
  switch (q.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? checkText(q, value.trim()) : { code: 'type' };
    case 'email':
      if (typeof value !== 'string') return { code: 'type' };
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) && value.length <= 254 ? undefined : { code: 'email' };
    case 'phone': {
      if (typeof value !== 'string') return { code: 'type' };
      const digits = value.replace(/\D/g, '');
      const shaped = /^\+?[\d\s().-]{7,25}$/.test(value.trim());
      return shaped && (digits.length === 10 || (digits.length === 11 && digits[0] === '1')) ? undefined : { code: 'phone' };
    }
    case 'number': {
      if (typeof value !== 'string') return { code: 'type' };
      const s = value.trim().replace(/,/g, '').replace(/^\$/, '');
      if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return { code: 'number' };
      const n = Number(s);
      const decimals = s.includes('.') ? s.split('.')[1]!.length : 0;
      if (q.decimals !== undefined && decimals > q.decimals) return { code: 'decimals', params: { max: q.decimals } };
      if (q.min !== undefined && n < q.min) return { code: 'too_small', params: { min: q.min } };
      if (q.max !== undefined && n > q.max) return { code: 'too_big', params: { max: q.max } };
      return undefined;
    }
    case 'date': {
      if (typeof value !== 'string') return { code: 'type' };
      if (!isRealDate(value.trim())) return { code: 'date' };
      const min = q.min && resolveDateBound(q.min, options.today);
      const max = q.max && resolveDateBound(q.max, options.today);
      if (min && value.trim() < min) return { code: 'too_early', params: { min } };
      if (max && value.trim() > max) return { code: 'too_late', params: { max } };
      return undefined;
    }
    case 'yes_no':
      return value === 'yes' || value === 'no' ? undefined : { code: 'not_in_list' };
    case 'selection': {
      const values = q.options.map((o) => o.value);
      if (q.multiple) {
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { code: 'type' };
        return value.every((v) => values.includes(v as string)) && new Set(value).size === value.length ? undefined : { code: 'not_in_list' };
      }
      return typeof value === 'string' && values.includes(value) ? undefined : { code: 'not_in_list' };
    }
    case 'address': {
      if (!isRecord(value) || Object.values(value).some((v) => typeof v !== 'string')) return { code: 'type' };
      const a = value as unknown as AddressAnswer;
      if (!str(a.line1)) return { code: 'address', part: 'line1' };
      if (!str(a.city)) return { code: 'address', part: 'city' };
      if (!US_STATES.includes(str(a.state).toUpperCase())) return { code: 'state', part: 'state' };
      if (!/^\d{5}(-\d{4})?$/.test(str(a.zip))) return { code: 'zip', part: 'zip' };
      const long = (['line1', 'line2', 'city'] as const).find((k) => str(a[k]).length > 200);
      return long ? { code: 'too_long', part: long === 'line2' ? 'line1' : long, params: { max: 200 } } : undefined;
    }
    case 'name': {
      if (!isRecord(value) || Object.values(value).some((v) => typeof v !== 'string')) return { code: 'type' };
      const n = value as unknown as NameAnswer;
      if (!str(n.first)) return { code: 'name', part: 'first' };
      if (!str(n.last)) return { code: 'name', part: 'last' };
      const long = (['first', 'last'] as const).find((k) => str(n[k]).length > 100);
      return long ? { code: 'too_long', part: long, params: { max: 100 } } : undefined;
    }
    case 'file':
      return Array.isArray(value) ? checkFiles(q, value) : { code: 'type' };
  }
}

/**
 * The most "no such question" errors a submission gets: only a client of its own sends
 * answers to no question, and a body of 100,000 of them should not come back as 100,000 errors.
 */
const MAX_UNKNOWN = 20;

/** Errors of one page's answers (one entry of a repeatable page), unknown keys included. */
export function validatePage(page: FormPage, answers: Record<string, unknown>, options: AnswerOptions = {}, index?: number): AnswerError[] {
  const errors: AnswerError[] = [];
  const at = (question: string | null, problem: AnswerProblem): AnswerError => ({ question, page: page.id, ...(index === undefined ? {} : { index }), ...problem });
  for (const q of page.questions) {
    const problem = checkAnswer(q, answers[q.id], options);
    if (problem) errors.push(at(q.id, problem));
  }
  if (page.repeatable) for (const key of Object.keys(answers)) if (!page.questions.some((q) => q.id === key)) errors.push(at(key, { code: 'unknown' }));
  return errors;
}

/** The entries of a repeatable page in the answers (an empty list when none). */
export function pageEntries(answers: Answers, page: FormPage): PageAnswers[] {
  const entries = answers[page.id];
  return Array.isArray(entries) && entries.every(isRecord) ? (entries as PageAnswers[]) : [];
}

/**
 * Errors of a whole submission: every visited page's answers, and answers the walk does not
 * allow (on a skipped page, to no question, after an exit page).
 */
export function validateAnswers(def: FormDefinition, answers: Answers, options: AnswerOptions = {}): AnswerError[] {
  if (!isRecord(answers)) return [{ question: null, page: def.start_page, code: 'type' }];
  const { pages, end } = walk(def, answers);
  const visited = new Set(pages);
  const index = questionIndex(def);
  const byId = new Map(def.pages.map((p) => [p.id, p]));
  const errors: AnswerError[] = [];
  if (end !== 'check-answers') errors.push({ question: null, page: end, code: 'exit' });
  for (const [key, value] of Object.entries(answers)) {
    const repeatPage = byId.get(key)?.repeatable ? byId.get(key)! : undefined;
    const place = index.get(key);
    if (repeatPage) {
      if (!visited.has(repeatPage.id)) errors.push({ question: repeatPage.questions[0]!.id, page: repeatPage.id, code: 'skipped' });
      else if (!Array.isArray(value) || !value.every(isRecord)) errors.push({ question: repeatPage.questions[0]!.id, page: repeatPage.id, code: 'type' });
    } else if (!place || place.page.repeatable) errors.push({ question: key, page: place?.page.id ?? def.start_page, code: 'unknown' });
    else if (!visited.has(place.page.id) && !isEmptyAnswer(value)) errors.push({ question: key, page: place.page.id, code: 'skipped' });
  }
  for (const id of pages) {
    const page = byId.get(id)!;
    if (!page.repeatable) {
      errors.push(...validatePage(page, answers, options));
      continue;
    }
    const entries = pageEntries(answers, page);
    const { min, max } = repeatBounds(page);
    // Too many: that is the error, until some are removed (each entry's own would be noise).
    if (entries.length > max) {
      errors.push({ question: page.questions[0]!.id, page: id, code: 'too_many_entries', params: { max } });
      continue;
    }
    const required = page.questions.some((q) => q.required);
    if (entries.length === 0 && required) errors.push(...validatePage(page, {}, options, 0));
    else if (entries.length < min && required) errors.push({ question: page.questions[0]!.id, page: id, code: 'too_few_entries', params: { min } });
    entries.forEach((entry, i) => errors.push(...validatePage(page, entry, options, i)));
  }
  let unknown = 0;
  return errors.filter((e) => e.code !== 'unknown' || ++unknown <= MAX_UNKNOWN);
}
