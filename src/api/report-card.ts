/**
 * The 311 report card: how quickly a city acknowledges and closes requests, per category and
 * for all, over a window of days. Pure functions over normalised GeoReport v2 requests, so a
 * city's own backend can compute the same figures; the reference backend's `statistics`
 * extension computes them in SQL with the same definitions (`server/open311/stats.ts`).
 *
 * Definitions (shown to residents under "How each figure is computed"):
 * - The cohort is every request *received* in the window `[computed_at − window_days, computed_at]`;
 *   every figure is about that cohort (a request received earlier is not counted, even if it
 *   closed inside the window).
 * - **Closed at**: the last note of type `closed`, else `updated_datetime` of a closed request
 *   (the last change of a closed request is its closing).
 * - **Acknowledged at**: the first note other than the `opened` one (an assignment, an
 *   inspection, a closing — the first sign that someone acted). A server that sends no notes
 *   gives no acknowledgement figure; `updated_datetime` is not used, because it is the *last*
 *   change and would make acknowledgement look as slow as closing.
 * - **Due**: `expected_datetime`, else the service's service-level target (days after received)
 *   when one is known. A request with neither is left out of the on-time share.
 * - **Overdue**: still open and past due. **On time**: closed no later than due.
 *   **On-time share** = closed on time ÷ (closed on time + closed late + open overdue).
 * - **Median / 90th percentile**: nearest rank (the value at rank ⌈p·n⌉ of the sorted days),
 *   the same as SQL `percentile_disc`.
 * - **Reopened** (known only from notes): a `reopened` note, or any other note after a
 *   `closed` note, or an open request with a `closed` note.
 * - Fewer than {@link MIN_SAMPLE} requests received: shares and durations are "not enough data"
 *   (`null`), so one fast fix cannot make a category look excellent.
 * - Times are compared to the second (GeoReport datetimes carry no fractions).
 */
import type { ServiceRequest } from './types.js';
import { MIN_SAMPLE, type DurationSummary, type ReportCard, type ReportCardRow } from './report-card-model.js';

export * from './report-card-model.js';

const DAY_MS = 86_400_000;

/** Options of {@link computeReportCard}. */
export interface ComputeOptions {
  /** Window length in days (30, 90 or 365 in the widget; any positive number here). */
  windowDays: number;
  /** The window's end. Default: now. */
  now?: Date;
  /** Service-level targets in days, by service code, for requests without `expected_datetime`. */
  serviceLevels?: Record<string, number>;
  /** Whether the requests are every request of the window (false when loading was capped). */
  complete?: boolean;
  minSample?: number;
}

/** Milliseconds of an ISO datetime, truncated to the second; `undefined` when absent or unreadable. */
function seconds(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000) * 1000;
}

/** What one request contributes, derived once. */
interface Facts {
  code: string;
  name: string | undefined;
  closed: boolean;
  overdue: boolean;
  onTime: boolean;
  late: boolean;
  /** Days from received to acknowledged / closed, when known. */
  ack?: number;
  close?: number;
  /** `undefined` when the request carried no (readable) notes. */
  reopened?: boolean;
}

function factsOf(r: ServiceRequest, requested: number, now: number, levels: Record<string, number>): Facts {
  const code = r.service_code ?? '';
  const closed = r.status === 'closed';
  const notes = (r.notes ?? [])
    .map((n) => ({ type: n.type ?? '', at: seconds(n.datetime) }))
    .filter((n): n is { type: string; at: number } => n.at !== undefined);
  const at = (type: string, pick: (a: number, b: number) => number) =>
    notes.filter((n) => n.type === type).reduce<number | undefined>((best, n) => (best === undefined ? n.at : pick(best, n.at)), undefined);
  const lastClosedNote = at('closed', Math.max);
  const firstClosedNote = at('closed', Math.min);
  const others = notes.filter((n) => n.type !== 'opened');
  const acknowledged = others.length > 0 ? Math.min(...others.map((n) => n.at)) : undefined;
  const closedAt = closed ? (lastClosedNote ?? seconds(r.updated_datetime)) : undefined;

  const level = levels[code];
  const due = seconds(r.expected_datetime) ?? (level !== undefined ? requested + level * DAY_MS : undefined);
  const facts: Facts = {
    code,
    name: r.service_name,
    closed,
    overdue: !closed && due !== undefined && due < now,
    onTime: closed && due !== undefined && closedAt !== undefined && closedAt <= due,
    late: closed && due !== undefined && closedAt !== undefined && closedAt > due,
  };
  if (acknowledged !== undefined) facts.ack = Math.max(0, acknowledged - requested) / 1000 / 86_400;
  if (closedAt !== undefined) facts.close = Math.max(0, closedAt - requested) / 1000 / 86_400;
  // An empty timeline tells as little as none (and the SQL side sees no note rows either).
  if (notes.length > 0) {
    const lastOther = notes.filter((n) => n.type !== 'closed').reduce((m, n) => Math.max(m, n.at), -Infinity);
    facts.reopened =
      notes.some((n) => n.type === 'reopened') ||
      (firstClosedNote !== undefined && (lastOther > firstClosedNote || !closed));
  }
  return facts;
}

/** Nearest-rank percentile of ascending `sorted` (non-empty). */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

function summary(values: number[]): DurationSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), count: sorted.length };
}

function rowOf(code: string | null, name: string | null, facts: Facts[], minSample: number): ReportCardRow {
  const count = (pick: (f: Facts) => boolean) => facts.filter(pick).length;
  const closedOnTime = count((f) => f.onTime);
  const closedLate = count((f) => f.late);
  const overdue = count((f) => f.overdue);
  const enough = facts.length >= minSample;
  const judged = closedOnTime + closedLate + overdue;
  const withNotes = facts.filter((f) => f.reopened !== undefined);
  return {
    service_code: code,
    service_name: name,
    received: facts.length,
    closed: count((f) => f.closed),
    open: count((f) => !f.closed),
    overdue,
    closed_on_time: closedOnTime,
    closed_late: closedLate,
    on_time_share: enough && judged > 0 ? closedOnTime / judged : null,
    days_to_acknowledge: enough ? summary(facts.flatMap((f) => (f.ack === undefined ? [] : [f.ack]))) : null,
    days_to_close: enough ? summary(facts.flatMap((f) => (f.close === undefined ? [] : [f.close]))) : null,
    reopened: withNotes.length > 0 ? withNotes.filter((f) => f.reopened).length : null,
    enough_data: enough,
  };
}

/** How far ahead of `now` a request may be stamped and still count (a server clock running fast). */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The report card of `requests` over the window ending at `now`. Requests received outside
 * the window, or without a readable `requested_datetime`, are ignored; duplicates (same id)
 * count once. A request stamped up to ten minutes after `now` counts as received at `now`.
 */
export function computeReportCard(requests: readonly ServiceRequest[], options: ComputeOptions): ReportCard {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000;
  const start = now - options.windowDays * DAY_MS;
  const levels = options.serviceLevels ?? {};
  const minSample = options.minSample ?? MIN_SAMPLE;
  const seen = new Set<string>();
  const facts: Facts[] = [];
  for (const r of requests) {
    const id = r.service_request_id ?? r.token;
    if (id !== undefined) {
      if (seen.has(id)) continue;
      seen.add(id);
    }
    let requested = seconds(r.requested_datetime);
    if (requested === undefined || requested < start || requested > now + CLOCK_SKEW_MS) continue;
    // The server's clock may run a little ahead of the browser's: what it received "after now"
    // was received by the time its answer arrived, so it counts as received now.
    requested = Math.min(requested, now);
    facts.push(factsOf(r, requested, now, levels));
  }
  const byCode = new Map<string, Facts[]>();
  for (const f of facts) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  const categories = [...byCode]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, list]) => rowOf(code, list.find((f) => f.name)?.name ?? code, list, minSample));
  return {
    window_days: options.windowDays,
    start_date: new Date(start).toISOString(),
    computed_at: new Date(now).toISOString(),
    min_sample: minSample,
    source: 'requests',
    complete: options.complete ?? true,
    service_levels: { ...levels },
    all: rowOf(null, null, facts, minSample),
    categories,
  };
}
