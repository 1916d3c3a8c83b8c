import { dayNumber, easterSunday, fromParts, isoDate, localDateTime, weekday, yearOf, type DayNumber } from './calendar.js';
import type { HolidaySpec, LocalizedText, ObservedShift, RecordsRequirement, RecordsRule } from './rules.js';

/**
 * A stretch during which the city waits for the requester (clarification, fee payment): the
 * clock stops on the day the city asks and runs again the day after the requester answers.
 * Without `to` the clock is still stopped.
 */
export interface RecordsClockPause {
  from: Date | string;
  to?: Date | string;
}

export interface RecordsDeadlineOptions {
  /** Pauses of the clock, in any order. */
  pauses?: readonly RecordsClockPause[];
}

export interface RecordsDeadline {
  /** The rule's id. */
  rule: string;
  /** The day the request counts as received (`YYYY-MM-DD`, local): the next business day when it came after hours, on a weekend or a holiday. */
  received: string;
  /** The first deadline (`YYYY-MM-DD`, local); `null` when the law sets none or the clock is stopped. */
  due: string | null;
  /** The latest date the law allows with its extension; `null` when it allows none (or there is no due date). */
  extendedDue: string | null;
  clock: RecordsRule['clock'];
  days: number | null;
  requirement: RecordsRequirement;
  /** True while a pause has no end: the due date is not known until the requester answers. */
  paused: boolean;
  /** Days of the clock still to run at the moment the open pause began (only while paused). */
  remainingDays: number | null;
  /** The basis in plain English words, e.g. "Connecticut's Freedom of Information Act gives the city 4 business days…". */
  basis: string;
}

/** Non-business days of a rule, by year (holidays as observed). */
const holidayCache = new WeakMap<RecordsRule, Map<number, Set<DayNumber>>>();

function holidayDate(spec: HolidaySpec, year: number): DayNumber {
  if ('easterOffset' in spec) return easterSunday(year) + spec.easterOffset;
  if ('weekday' in spec) {
    const first = fromParts(year, spec.month, spec.onOrAfter);
    return first + ((spec.weekday - weekday(first) + 7) % 7) + (spec.offsetDays ?? 0);
  }
  return fromParts(year, spec.month, spec.day);
}

function observe(day: DayNumber, shift: ObservedShift): DayNumber {
  const wd = weekday(day);
  if (wd === 0 && shift !== 'none') return day + 1;
  if (wd === 6 && shift === 'weekend-to-weekday') return day - 1;
  return day;
}

function holidaysOf(rule: RecordsRule, year: number): Set<DayNumber> {
  let byYear = holidayCache.get(rule);
  if (!byYear) holidayCache.set(rule, (byYear = new Map()));
  let days = byYear.get(year);
  if (!days) {
    days = new Set();
    for (const spec of rule.holidays) {
      const actual = holidayDate(spec, year);
      const fixed = !('easterOffset' in spec) && !('weekday' in spec);
      days.add(fixed ? observe(actual, spec.observed ?? rule.observed) : actual);
    }
    byYear.set(year, days);
  }
  return days;
}

/** Whether the city's offices count this day as a business day under the rule. */
export function isBusinessDay(rule: RecordsRule, date: string | DayNumber): boolean {
  const day = typeof date === 'string' ? dayNumber(date) : date;
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return false;
  const year = yearOf(day);
  // A 1 January on a Saturday is observed on 31 December of the year before.
  return !holidaysOf(rule, year).has(day) && !holidaysOf(rule, year + 1).has(day);
}

function nextBusinessDay(rule: RecordsRule, day: DayNumber): DayNumber {
  let d = day + 1;
  while (!isBusinessDay(rule, d)) d++;
  return d;
}

function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 24 * 60;
}

function toInstant(value: Date | string): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return d;
}

/** The day a request counts as received: its local date, or the next business day after hours / on a closed day. */
function receivedDay(rule: RecordsRule, at: Date): DayNumber {
  const { date, minutes } = localDateTime(at, rule.timeZone);
  if (!isBusinessDay(rule, date) || minutes >= minutesOf(rule.cutoff)) return nextBusinessDay(rule, date);
  return date;
}

interface Pause {
  from: DayNumber;
  to: DayNumber | null;
}

/**
 * Counts `days` clock days after `start`, skipping paused days; returns the last one, or the
 * count still missing when an open pause stops the clock.
 */
function count(rule: RecordsRule, start: DayNumber, days: number, pauses: Pause[]): { end: DayNumber } | { missing: number } {
  let d = start;
  let left = days;
  while (left > 0) {
    d++;
    const open = pauses.find((p) => p.to === null && d > p.from);
    if (open) return { missing: left };
    if (pauses.some((p) => p.to !== null && d > p.from && d <= p.to)) continue;
    if (rule.clock === 'business' && !isBusinessDay(rule, d)) continue;
    left--;
  }
  if (rule.clock === 'calendar' && rule.rollForward && !isBusinessDay(rule, d)) d = nextBusinessDay(rule, d);
  return { end: d };
}

/**
 * The date by which the law requires the city to act on a public-records request, in the
 * jurisdiction's own calendar.
 *
 * Counting: a request received at or after the rule's cut-off hour, on a weekend or on a
 * holiday counts as received the next business day; day 1 is the day after that. Business-day
 * clocks skip weekends and the rule's holidays (as observed); calendar-day clocks count every
 * day and, where the law says so, move a deadline that lands on a closed day to the next
 * business day. Paused days (the city waiting for the requester) do not count.
 *
 * @example recordsDeadline(recordsRules['us-ct'], new Date('2026-12-04T15:00:00Z')).due // '2026-12-10'
 */
export function recordsDeadline(rule: RecordsRule, receivedAt: Date | string, options: RecordsDeadlineOptions = {}): RecordsDeadline {
  const received = receivedDay(rule, toInstant(receivedAt));
  const pauses: Pause[] = (options.pauses ?? []).map((p) => ({
    from: localDateTime(toInstant(p.from), rule.timeZone).date,
    to: p.to === undefined ? null : localDateTime(toInstant(p.to), rule.timeZone).date,
  }));
  const base = {
    rule: rule.id,
    received: isoDate(received),
    clock: rule.clock,
    days: rule.days,
    requirement: rule.requirement,
  };
  if (rule.clock === 'none' || rule.days === null) {
    const result = { ...base, due: null, extendedDue: null, paused: false, remainingDays: null };
    return { ...result, basis: deadlineBasis(rule, result, 'en') };
  }
  const first = count(rule, received, rule.days, pauses);
  if ('missing' in first) {
    const result = { ...base, due: null, extendedDue: null, paused: true, remainingDays: first.missing };
    return { ...result, basis: deadlineBasis(rule, result, 'en') };
  }
  let extendedDue: string | null = null;
  if (rule.extension) {
    const extended = count(rule, received, rule.days + rule.extension.days, pauses);
    if ('end' in extended) extendedDue = isoDate(extended.end);
  }
  const result = { ...base, due: isoDate(first.end), extendedDue, paused: false, remainingDays: null };
  return { ...result, basis: deadlineBasis(rule, result, 'en') };
}

type BasisInput = Pick<RecordsDeadline, 'due' | 'extendedDue' | 'paused' | 'remainingDays'>;

function pick(text: LocalizedText, language: string): string {
  return text[language] ?? text[language.split('-')[0] ?? 'en'] ?? text.en;
}

const clockWords: Record<string, Record<'business' | 'calendar', { one: string; other: string }>> = {
  en: { business: { one: 'business day', other: 'business days' }, calendar: { one: 'day', other: 'days' } },
  es: { business: { one: 'día hábil', other: 'días hábiles' }, calendar: { one: 'día', other: 'días' } },
};

const requirementWords: Record<string, Record<RecordsRequirement, string>> = {
  en: {
    'comply-or-deny': 'to provide the records or deny the request',
    'respond-or-acknowledge': 'to provide the records, deny the request, or confirm it with an approximate date',
    determine: 'to decide whether it can release the records and tell you',
    'certify-or-refer': 'to provide the records or tell you in writing when they will be ready',
    decide: 'to decide on the request and tell you',
    promptly: '',
  },
  es: {
    'comply-or-deny': 'para entregar los documentos o denegar la solicitud',
    'respond-or-acknowledge': 'para entregar los documentos, denegar la solicitud o confirmarla con una fecha aproximada',
    determine: 'para decidir si puede entregar los documentos e informarle',
    'certify-or-refer': 'para entregar los documentos o decirle por escrito cuándo estarán listos',
    decide: 'para decidir sobre la solicitud e informarle',
    promptly: '',
  },
};

const templates: Record<string, { gives: string; promptly: string; paused: string; extension: string }> = {
  en: {
    gives: '{law} gives the city {days} {unit} {requirement}: by {date}.',
    promptly: '{law} sets no fixed deadline: the city must respond promptly and in good faith.',
    paused: '{law} gives the city {days} {unit} {requirement}. The clock is stopped while the city waits for your answer; {remaining} {remainingUnit} will be left when you reply.',
    extension: 'It can extend this {condition}, to {date} at the latest.',
  },
  es: {
    gives: '{law} da a la ciudad {days} {unit} {requirement}: hasta el {date}.',
    promptly: '{law} no fija un plazo: la ciudad debe responder con prontitud y de buena fe.',
    paused: '{law} da a la ciudad {days} {unit} {requirement}. El plazo está detenido mientras la ciudad espera su respuesta; quedarán {remaining} {remainingUnit} cuando responda.',
    extension: 'Puede prorrogarlo {condition}, hasta el {date} como máximo.',
  },
};

/** A `YYYY-MM-DD` date as people read it, e.g. "Thursday, December 10, 2026" / "jueves, 10 de diciembre de 2026". */
export function formatDeadlineDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '').replace(/\s+([:.,])/g, '$1');
}

/**
 * The plain-words basis of a deadline in a language the library ships (`en`, `es`; others fall
 * back to English), e.g. "Connecticut's Freedom of Information Act gives the city 4 business
 * days to provide the records or deny the request: by Thursday, December 10, 2026."
 */
export function deadlineBasis(rule: RecordsRule, deadline: BasisInput, locale = 'en'): string {
  const language = templates[locale.split('-')[0] ?? 'en'] ? (locale.split('-')[0] ?? 'en') : 'en';
  const t = templates[language]!;
  const law = pick(rule.law, language);
  if (rule.clock === 'none' || rule.days === null) return fill(t.promptly, { law });
  const plural = new Intl.PluralRules(language);
  const unit = (n: number) => clockWords[language]![rule.clock as 'business' | 'calendar'][plural.select(n) === 'one' ? 'one' : 'other'];
  const values = { law, days: String(rule.days), unit: unit(rule.days), requirement: requirementWords[language]![rule.requirement] };
  if (deadline.paused || deadline.due === null) {
    const remaining = deadline.remainingDays ?? rule.days;
    return fill(t.paused, { ...values, remaining: String(remaining), remainingUnit: unit(remaining) });
  }
  let text = fill(t.gives, { ...values, date: formatDeadlineDate(deadline.due, locale) });
  if (rule.extension && deadline.extendedDue) {
    text += ` ${fill(t.extension, { condition: pick(rule.extension.condition, language), date: formatDeadlineDate(deadline.extendedDue, locale) })}`;
  }
  if (rule.noAnswer) text += ` ${pick(rule.noAnswer, language)}`;
  return text;
}
