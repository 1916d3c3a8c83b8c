/**
 * GET `statistics.json` (see `Open311Client#statistics`): a module of its own, which the report
 * card imports with it; the answer's reader loads alongside the call.
 */
import { exchange } from './http.js';
import { calls, type Open311Wire } from './open311.js';
import type { ReportCard } from './report-card-model.js';

/** The report card the server computed over the last `windowDays` days. */
export async function statistics(wire: Open311Wire, windowDays: number): Promise<ReportCard> {
  const params = new URLSearchParams({ window_days: String(windowDays) });
  // The reader loads alongside the call, so only pages that ask for statistics carry it.
  const [{ reportCardFrom }, { status, body }] = await Promise.all([
    import('./report-card-wire.js'),
    // One query over a whole city's year can take longer than a page of requests: at least a minute.
    exchange({ fetch: wire.fetch, timeout: Math.max(wire.timeout, 60_000) }, wire.url('statistics.json', params), 'json'),
  ]);
  return reportCardFrom(body, status);
}

calls.statistics = { statistics };
