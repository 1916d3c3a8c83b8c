/**
 * Reads the `statistics` extension's answer (`GET statistics.json`) into a {@link ReportCard}.
 * Its own module: `Open311Client.statistics` loads it on first use, so widgets that never ask
 * for statistics do not carry it.
 */
import { MalformedResponseError } from './errors.js';
import type { DurationSummary, ReportCard, ReportCardRow } from './report-card-model.js';
import type { Loose } from './xml.js';

type LooseObject = { [key: string]: Loose };
const isObject = (v: Loose | undefined): v is LooseObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function bad(status: number, what: string): never {
  throw new MalformedResponseError(status, `statistics: ${what}`);
}

function count(v: Loose | undefined, status: number, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad(status, `${name} is not a count`);
  return v;
}

function nullableNumber(v: Loose | undefined, status: number, name: string): number | null {
  if (v === null || v === undefined) return null;
  return count(v, status, name);
}

function durationFrom(v: Loose | undefined, status: number, name: string): DurationSummary | null {
  if (v === null || v === undefined) return null;
  if (!isObject(v)) bad(status, `${name} is not a duration summary`);
  return { median: count(v.median, status, `${name}.median`), p90: count(v.p90, status, `${name}.p90`), count: count(v.count, status, `${name}.count`) };
}

function rowFrom(v: Loose | undefined, status: number): ReportCardRow {
  if (!isObject(v)) bad(status, 'a row is not an object');
  const text = (x: Loose | undefined) => (typeof x === 'string' ? x : x === null || x === undefined ? null : String(x));
  return {
    service_code: text(v.service_code),
    service_name: text(v.service_name),
    received: count(v.received, status, 'received'),
    closed: count(v.closed, status, 'closed'),
    open: count(v.open, status, 'open'),
    overdue: count(v.overdue, status, 'overdue'),
    closed_on_time: count(v.closed_on_time, status, 'closed_on_time'),
    closed_late: count(v.closed_late, status, 'closed_late'),
    on_time_share: nullableNumber(v.on_time_share, status, 'on_time_share'),
    days_to_acknowledge: durationFrom(v.days_to_acknowledge, status, 'days_to_acknowledge'),
    days_to_close: durationFrom(v.days_to_close, status, 'days_to_close'),
    reopened: nullableNumber(v.reopened, status, 'reopened'),
    enough_data: v.enough_data === true,
  };
}

/** Reads a `statistics.json` answer; throws {@link MalformedResponseError} when it is not one. */
export function reportCardFrom(v: Loose, status = 200): ReportCard {
  if (!isObject(v) || !Array.isArray(v.categories)) bad(status, 'not a statistics document');
  const when = (x: Loose | undefined, name: string) => {
    if (typeof x !== 'string' || Number.isNaN(Date.parse(x))) bad(status, `${name} is not a datetime`);
    return x;
  };
  const levels: Record<string, number> = {};
  if (isObject(v.service_levels)) {
    for (const [code, days] of Object.entries(v.service_levels)) if (typeof days === 'number') levels[code] = days;
  }
  return {
    window_days: count(v.window_days, status, 'window_days'),
    start_date: when(v.start_date, 'start_date'),
    computed_at: when(v.computed_at, 'computed_at'),
    min_sample: count(v.min_sample, status, 'min_sample'),
    source: 'statistics',
    complete: true,
    service_levels: levels,
    all: rowFrom(v.all, status),
    categories: v.categories.map((row) => rowFrom(row, status)),
  };
}
