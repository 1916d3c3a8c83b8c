/**
 * Where a report card's figures come from: the server's `statistics` extension when discovery
 * announces it (one call, whatever the number of requests), else `GET requests` over the
 * window, computed here (`report-card-requests.ts`, loaded only then) with the definitions of `report-card.ts`.
 */
import type { CivicBackend } from './backend.js';
import type { ReportCard } from './report-card-model.js';

/** How far loading from `GET requests` has come. */
export interface ReportCardProgress {
  /** Requests received so far. */
  loaded: number;
  /** Share of the window covered so far, 0–1. */
  fraction: number;
}

/** Options of {@link loadReportCard}. */
export interface LoadReportCardOptions {
  windowDays: number;
  /** Service-level targets in days, by service code (used when computing here). */
  serviceLevels?: Record<string, number>;
  /** Requests per call. Default 1000 (the most GeoReport servers answer). */
  pageSize?: number;
  /** Stop after this many requests and mark the card incomplete. Default 50,000. */
  maxRequests?: number;
  /** Called after every call to `requests` (not with the extension: that is one call). */
  onProgress?: (progress: ReportCardProgress) => void;
  /** Stops loading between calls (rejects with the signal's reason). */
  signal?: AbortSignal;
  /** The window's end. Default: now. */
  now?: Date;
}

/**
 * The report card over the last `windowDays` days.
 *
 * - With the `statistics` extension (and a backend that implements `statistics()`): one call.
 * - With `page`: `GET requests?start_date&end_date&page&page_size&extensions=true`, page after page,
 *   until a short page or `maxRequests`.
 * - Without `page`: the window is asked for in date ranges; a range whose answer is full
 *   (`pageSize` requests, the server may have cut it) is split in two and asked again, so a
 *   server capped at 1000 per answer still gives every request.
 */
export async function loadReportCard(backend: CivicBackend, options: LoadReportCardOptions): Promise<ReportCard> {
  const [statistics, paged] = await Promise.all([
    backend.statistics ? backend.supports('statistics') : false,
    backend.supports('page'),
  ]);
  if (statistics && backend.statistics) return backend.statistics(options.windowDays);
  // Loaded only when needed: a page whose server has the extension never pays for the computation.
  const { loadFromRequests } = await import('./report-card-requests.js');
  return loadFromRequests(backend, options, paged);
}
