/**
 * The report card's shape and constants, without the computation: what a widget needs eagerly.
 * The figures' definitions are in `report-card.ts`.
 */

/** The windows the report card offers, in days. */
export const REPORT_WINDOWS = [30, 90, 365] as const;

/** A category with fewer requests than this shows "not enough data" for shares and durations. */
export const MIN_SAMPLE = 20;

/** Median and 90th percentile of a duration, in days, over `count` requests. */
export interface DurationSummary {
  median: number;
  p90: number;
  count: number;
}

/** The figures for one category (or for all, with `service_code` `null`). */
export interface ReportCardRow {
  /** `null` for the row of all categories. */
  service_code: string | null;
  /** The service's name as the server gives it; `null` for the row of all categories. */
  service_name: string | null;
  received: number;
  /** Received in the window and closed by now. */
  closed: number;
  /** Received in the window and still open: the backlog. */
  open: number;
  /** Open and past due. */
  overdue: number;
  closed_on_time: number;
  closed_late: number;
  /** 0–1; `null` with too few requests or when no request had a due date. */
  on_time_share: number | null;
  /** `null` with too few requests or when no request showed an acknowledgement. */
  days_to_acknowledge: DurationSummary | null;
  /** `null` with too few requests or when none closed. */
  days_to_close: DurationSummary | null;
  /** `null` when unknown: the server sent no notes for these requests. */
  reopened: number | null;
  /** False when fewer than `min_sample` requests were received. */
  enough_data: boolean;
}

/** A whole report card. */
export interface ReportCard {
  window_days: number;
  /** Start of the window (ISO 8601). */
  start_date: string;
  /** When the figures were computed; also the window's end (ISO 8601). */
  computed_at: string;
  min_sample: number;
  /** `statistics`: computed by the server's extension; `requests`: computed here from `GET requests`. */
  source: 'statistics' | 'requests';
  /** False when loading stopped at the maximum number of requests: figures cover only the newest ones. */
  complete: boolean;
  /** Service-level targets (days) used for requests without `expected_datetime`. */
  service_levels: Record<string, number>;
  all: ReportCardRow;
  /** One row per category with requests in the window, by `service_code`. */
  categories: ReportCardRow[];
}
