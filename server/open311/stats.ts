import { Hono, type Context } from 'hono';
import type { Config } from '../config.js';
import type { Database } from '../db.js';
import { SERVICES } from '../seed-data.js';
import { MIN_SAMPLE, type DurationSummary, type ReportCardRow } from '../../src/api/report-card.js';
import { Open311Error, contentType, errorResponse } from './format.js';

const DAY_MS = 86_400_000;
const MAX_WINDOW_DAYS = 3650;

/** The city's service-level targets (days from received to closed), by service code. */
const SERVICE_LEVELS: Record<string, number> = Object.fromEntries(SERVICES.map((s) => [s.code, s.slaDays]));

/**
 * One query for the whole card, at any size: every figure is an aggregate over the cohort of
 * requests received in the window, grouped per category and for all (`GROUPING SETS`); the
 * notes are reduced to one row per request first (a join, not `IN (cohort)`: the planner
 * misjudged that as 200 rows and looked up notes a million times). The
 * definitions are `src/api/report-card.ts`'s, so the browser computing from `GET requests` gets
 * the same numbers: times truncated to the second (what GeoReport datetimes carry), durations
 * as whole seconds (truncated after min/max, which it does not change), nearest-rank
 * percentiles (`percentile_disc`, both from one sort), service levels in absolute
 * seconds (a "day" interval would bend around daylight-saving changes).
 */
const REPORT_SQL = `
WITH levels AS (
  SELECT key AS service_code, value::float8 AS days FROM jsonb_each_text($3::jsonb)
),
cohort AS (
  SELECT r.id, r.service_code, s.service_name, r.status = 'closed' AS closed,
    date_trunc('second', r.requested_at) AS requested,
    date_trunc('second', r.updated_at) AS updated,
    COALESCE(date_trunc('second', r.expected_at),
             date_trunc('second', r.requested_at) + l.days * interval '86400 seconds') AS due
  FROM requests r
  JOIN services s ON s.service_code = r.service_code
  LEFT JOIN levels l ON l.service_code = r.service_code
  WHERE r.available_at <= $1 AND r.requested_at >= $2 AND r.requested_at <= $1
),
notes AS (
  SELECT n.request_id,
    min(n.datetime) FILTER (WHERE n.type <> 'opened') AS ack,
    min(n.datetime) FILTER (WHERE n.type = 'closed') AS first_closed,
    max(n.datetime) FILTER (WHERE n.type = 'closed') AS last_closed,
    max(n.datetime) FILTER (WHERE n.type <> 'closed') AS last_other,
    bool_or(n.type = 'reopened') AS reopened_note
  FROM request_notes n JOIN requests r ON r.id = n.request_id
  WHERE r.available_at <= $1 AND r.requested_at >= $2 AND r.requested_at <= $1
  GROUP BY n.request_id
),
facts AS (
  SELECT c.service_code, c.service_name, c.closed, c.requested, c.due, date_trunc('second', n.ack) AS ack,
    CASE WHEN c.closed THEN COALESCE(date_trunc('second', n.last_closed), c.updated) END AS closed_at,
    n.request_id IS NOT NULL AS has_notes,
    COALESCE(n.reopened_note, false)
      OR (n.first_closed IS NOT NULL
          AND (date_trunc('second', n.last_other) > date_trunc('second', n.first_closed) OR NOT c.closed)) AS reopened
  FROM cohort c LEFT JOIN notes n ON n.request_id = c.id
),
judged AS (
  SELECT *,
    NOT closed AND due IS NOT NULL AND due < $1 AS overdue,
    closed AND due IS NOT NULL AND closed_at <= due AS on_time,
    closed AND due IS NOT NULL AND closed_at > due AS late,
    CASE WHEN ack IS NOT NULL THEN extract(epoch FROM greatest(ack - requested, interval '0'))::int END AS ack_s,
    CASE WHEN closed_at IS NOT NULL THEN extract(epoch FROM greatest(closed_at - requested, interval '0'))::int END AS close_s
  FROM facts
)
SELECT service_code, max(service_name) AS service_name, grouping(service_code) = 1 AS is_all,
  count(*)::int AS received,
  (count(*) FILTER (WHERE closed))::int AS closed,
  (count(*) FILTER (WHERE NOT closed))::int AS open,
  (count(*) FILTER (WHERE overdue))::int AS overdue,
  (count(*) FILTER (WHERE on_time))::int AS on_time,
  (count(*) FILTER (WHERE late))::int AS late,
  (count(*) FILTER (WHERE has_notes))::int AS with_notes,
  (count(*) FILTER (WHERE has_notes AND reopened))::int AS reopened,
  percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ack_s) AS ack_percentiles,
  count(ack_s)::int AS ack_count,
  percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY close_s) AS close_percentiles,
  count(close_s)::int AS close_count
FROM judged
GROUP BY GROUPING SETS ((service_code), ())
ORDER BY is_all, service_code`;

interface AggregateRow {
  service_code: string | null;
  service_name: string | null;
  is_all: boolean;
  received: number;
  closed: number;
  open: number;
  overdue: number;
  on_time: number;
  late: number;
  with_notes: number;
  reopened: number;
  /** [median, p90] in whole seconds; null when no value. */
  ack_percentiles: [number, number] | null;
  ack_count: number;
  close_percentiles: [number, number] | null;
  close_count: number;
}

/** Seconds to days exactly as the browser does it (whole seconds ÷ 86,400), so both paths agree to the bit. */
function duration(percentiles: [number, number] | null, count: number): DurationSummary | null {
  if (!percentiles || count === 0) return null;
  return { median: Number(percentiles[0]) / 86_400, p90: Number(percentiles[1]) / 86_400, count };
}

function cardRow(a: AggregateRow): ReportCardRow {
  const enough = a.received >= MIN_SAMPLE;
  const judged = a.on_time + a.late + a.overdue;
  return {
    service_code: a.is_all ? null : a.service_code,
    service_name: a.is_all ? null : a.service_name,
    received: a.received,
    closed: a.closed,
    open: a.open,
    overdue: a.overdue,
    closed_on_time: a.on_time,
    closed_late: a.late,
    on_time_share: enough && judged > 0 ? a.on_time / judged : null,
    days_to_acknowledge: enough ? duration(a.ack_percentiles, a.ack_count) : null,
    days_to_close: enough ? duration(a.close_percentiles, a.close_count) : null,
    reopened: a.with_notes > 0 ? a.reopened : null,
    enough_data: enough,
  };
}

const EMPTY: AggregateRow = {
  service_code: null, service_name: null, is_all: true, received: 0, closed: 0, open: 0, overdue: 0, on_time: 0, late: 0,
  with_notes: 0, reopened: 0, ack_percentiles: null, ack_count: 0, close_percentiles: null, close_count: 0,
};

/** The report card over the `windowDays` days up to `now` (whole seconds), in one query. */
export async function reportCard(db: Database, windowDays: number, now: Date) {
  const start = new Date(now.getTime() - windowDays * DAY_MS);
  const rows = await db.transaction(async (tx) => {
    // Measured at 1,000,000 requests: sorts and the per-request notes table stay in memory instead
    // of spilling to disk; JIT compiling cost more than it saved; parallel workers each rebuilt
    // the whole notes table. Local to this transaction only.
    await tx.query(`SET LOCAL work_mem = '128MB'`);
    await tx.query('SET LOCAL jit = off');
    await tx.query('SET LOCAL max_parallel_workers_per_gather = 0');
    return tx.query<AggregateRow>(REPORT_SQL, [now, start, JSON.stringify(SERVICE_LEVELS)]);
  });
  // An empty cohort has no groups at all, not even the grand total.
  const all = rows.find((r) => r.is_all) ?? EMPTY;
  return {
    window_days: windowDays,
    start_date: start.toISOString(),
    computed_at: now.toISOString(),
    min_sample: MIN_SAMPLE,
    service_levels: SERVICE_LEVELS,
    all: cardRow(all),
    categories: rows.filter((r) => !r.is_all).map(cardRow),
  };
}

/**
 * `GET statistics.json?window_days=N` (civic-elements extension `statistics`, announced in
 * discovery): the report card of `src/api/report-card.ts`, computed in SQL. JSON only; errors
 * in the format the path asks for.
 */
export function statisticsRoutes({ db, config }: { db: Database; config: Config }): Hono {
  const app = new Hono();
  const answer = async (c: Context, format: 'json' | 'xml') => {
    try {
      const jurisdiction = c.req.query('jurisdiction_id');
      if (jurisdiction && jurisdiction !== config.jurisdictionId) {
        throw Open311Error.of(404, 'jurisdiction_id', `This endpoint serves ${config.jurisdictionId}, not ${jurisdiction}.`);
      }
      if (format === 'xml') throw Open311Error.of(404, 'format', 'statistics is offered as JSON only: ask for statistics.json.');
      const raw = c.req.query('window_days') ?? '30';
      if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WINDOW_DAYS) {
        throw Open311Error.of(400, 'window_days', `window_days must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}.`);
      }
      const now = new Date(Math.floor(Date.now() / 1000) * 1000);
      const card = await reportCard(db, Number(raw), now);
      return new Response(JSON.stringify(card), { headers: { 'Content-Type': contentType('json') } });
    } catch (err) {
      if (err instanceof Open311Error) return errorResponse(format, err);
      console.error('statistics error', err);
      return errorResponse(format, Open311Error.of(500, 'server', 'Something went wrong on the server. Try again later.'));
    }
  };
  app.get('/statistics.json', (c) => answer(c, 'json'));
  app.get('/statistics.xml', (c) => answer(c, 'xml'));
  return app;
}
