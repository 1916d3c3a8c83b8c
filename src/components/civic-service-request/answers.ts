import type { AttributeAnswer, ServiceAttribute } from '../../api/types.js';
import type { Translate } from '../../core/i18n.js';
import { attributeId, MAX_ANSWER_TEXT, type DateParts, type DraftAnswer, type StepError } from './model.js';

export const isDateParts = (a: DraftAnswer | undefined): a is DateParts =>
  typeof a === 'object' && a !== null && !Array.isArray(a);

export const emptyDateParts = (): DateParts => ({ day: '', month: '', year: '', time: '' });

const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/;
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** The typed date as `YYYY-MM-DDTHH:MM`, or a reason it is not a date. */
export function dateValue(parts: DateParts): { value?: string; problem?: 'missing' | 'day' | 'month' | 'year' | 'real' | 'time' } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  const time = parts.time.trim();
  if (!day && !month && !year) return time ? { problem: 'missing' } : {};
  if (!day) return { problem: 'day' };
  if (!month) return { problem: 'month' };
  if (!/^\d{4}$/.test(year)) return { problem: 'year' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return { problem: 'real' };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { problem: 'real' };
  let hh = '00';
  let mm = '00';
  if (time) {
    const t = TIME.exec(time);
    if (!t) return { problem: 'time' };
    hh = t[1]!.padStart(2, '0');
    mm = t[2]!;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { value: `${year}-${pad(m)}-${pad(d)}T${hh}:${mm}` };
}

function isEmpty(answer: DraftAnswer | undefined): boolean {
  if (answer === undefined) return true;
  if (Array.isArray(answer)) return answer.length === 0;
  if (isDateParts(answer)) return !answer.day.trim() && !answer.month.trim() && !answer.year.trim() && !answer.time.trim();
  return answer.trim() === '';
}

const countChars = (s: string) => [...s].length;

/** The questions' problems, in order, each worded as what to do (GOV.UK). */
export function validateAnswers(t: Translate, attributes: readonly ServiceAttribute[], answers: Record<string, DraftAnswer>): StepError[] {
  const errors: StepError[] = [];
  for (const a of attributes) {
    if (!a.variable) continue;
    const id = attributeId(a.code);
    const question = a.description;
    const answer = answers[a.code];
    const fail = (message: string, target = id) => errors.push({ step: 'questions', id: target, message });
    if (isEmpty(answer)) {
      if (!a.required) continue;
      if (a.datatype === 'singlevaluelist') fail(t('requestErrorChoose', { question }));
      else if (a.datatype === 'multivaluelist') fail(t('requestErrorChooseSome', { question }));
      else if (a.datatype === 'datetime') fail(t('requestErrorDate', { question }), `${id}-day`);
      else fail(t('requestErrorAnswer', { question }));
      continue;
    }
    switch (a.datatype) {
      case 'number':
        if (typeof answer === 'string' && !NUMBER.test(answer.trim())) fail(t('requestErrorNumber', { question }));
        break;
      case 'datetime': {
        const { problem } = dateValue(isDateParts(answer) ? answer : emptyDateParts());
        const target = problem === 'time' ? `${id}-time` : problem === 'month' ? `${id}-month` : problem === 'year' ? `${id}-year` : `${id}-day`;
        if (problem === 'time') fail(t('requestErrorTime', { question }), target);
        else if (problem === 'month') fail(t('requestErrorDateMonth', { question }), target);
        else if (problem === 'year') fail(t('requestErrorDateYear', { question }), target);
        else if (problem) fail(t('requestErrorDateReal', { question }), target);
        break;
      }
      case 'text':
      case 'string':
        if (typeof answer === 'string' && countChars(answer) > MAX_ANSWER_TEXT) fail(t('requestErrorTooLong', { question, count: MAX_ANSWER_TEXT }));
        break;
    }
  }
  return errors;
}

/** Answers as `SubmitInput.attributes`: dates as ISO local datetimes, numbers with a dot, empties left out. */
export function submittedAnswers(attributes: readonly ServiceAttribute[], answers: Record<string, DraftAnswer>): Record<string, AttributeAnswer> {
  const out: Record<string, AttributeAnswer> = {};
  for (const a of attributes) {
    if (!a.variable) continue;
    const answer = answers[a.code];
    if (isEmpty(answer)) continue;
    if (isDateParts(answer)) {
      const { value } = dateValue(answer);
      if (value) out[a.code] = value;
    } else if (Array.isArray(answer)) {
      const keys = new Set(a.values.map((v) => v.key));
      out[a.code] = answer.filter((k) => keys.has(k));
    } else {
      out[a.code] = a.datatype === 'number' ? answer!.trim().replace(',', '.') : answer!.trim();
    }
  }
  return out;
}

/** An answer for people: list keys shown by their names, dates in the resident's language. */
export function answerText(a: ServiceAttribute, answer: DraftAnswer | undefined, locale: string): string {
  if (answer === undefined) return '';
  const name = (key: string) => a.values.find((v) => v.key === key)?.name ?? key;
  if (Array.isArray(answer)) return answer.map(name).join(', ');
  if (isDateParts(answer)) {
    const { value } = dateValue(answer);
    if (!value) return '';
    const [date, time] = value.split('T') as [string, string];
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    const when = new Date(y, m - 1, d, hh, mm);
    return new Intl.DateTimeFormat(locale, answer.time.trim() ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' }).format(when);
  }
  return a.datatype === 'singlevaluelist' ? name(answer) : answer;
}
