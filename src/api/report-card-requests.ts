/**
 * The report card computed here from `GET requests` (see {@link loadReportCard}), for servers
 * without the `statistics` extension.
 */
import type { CivicBackend } from './backend.js';
import { computeReportCard } from './report-card.js';
import type { ReportCard } from './report-card-model.js';
import type { LoadReportCardOptions } from './report-card-source.js';
import type { RequestsQuery, ServiceRequest } from './types.js';

const DAY_MS = 86_400_000;

/** A time span in which a server without `page` answered as many requests as it can send at once. */
const SMALLEST_SPAN_MS = 60_000;

/** Pages through `requests` (or date ranges without `page`) over the window and computes the card. */
export async function loadFromRequests(backend: CivicBackend, options: LoadReportCardOptions, paged: boolean): Promise<ReportCard> {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000;
  const start = now - options.windowDays * DAY_MS;
  const pageSize = options.pageSize ?? 1000;
  const max = options.maxRequests ?? 50_000;
  const found = new Map<string, ServiceRequest>();
  const anonymous: ServiceRequest[] = [];
  const add = (batch: ServiceRequest[]) => {
    for (const r of batch) {
      const id = r.service_request_id ?? r.token;
      if (id === undefined) anonymous.push(r);
      else found.set(id, r);
    }
  };
  const loaded = () => found.size + anonymous.length;
  const base: RequestsQuery = { extensions: true };
  const ask = async (query: RequestsQuery) => {
    options.signal?.throwIfAborted();
    return backend.requests({ ...base, ...query });
  };
  const progress = (fraction: number) => options.onProgress?.({ loaded: loaded(), fraction: Math.min(1, Math.max(0, fraction)) });
  let capped = false;

  if (paged) {
    // Never ask for more than the cap in one page: the cap is what the page can afford.
    const size = Math.min(pageSize, max);
    const window = { start_date: new Date(start).toISOString(), end_date: new Date(now).toISOString() };
    for (let page = 1; ; page++) {
      const batch = await ask({ ...window, page, page_size: size });
      const before = loaded();
      add(batch);
      // A server that announces `page` but ignores it answers the same page again: stop there.
      if (batch.length >= size && loaded() === before) {
        capped = true;
        break;
      }
      // Servers answer newest first: the oldest one in hand says how much of the window is done.
      const oldest = Math.min(...batch.map((r) => Date.parse(r.requested_datetime ?? '') || now));
      progress(batch.length < size ? 1 : (now - oldest) / (now - start));
      if (batch.length < size) break;
      if (loaded() >= max) {
        capped = true;
        break;
      }
    }
  } else {
    // Newest ranges first, like a paged server: when the cap stops loading, what is in hand is recent.
    const ranges: Array<[number, number]> = [[start, now]];
    let covered = 0;
    // Enough calls for `max` requests with every split they need; a server that ignores the
    // dates (every range full) would otherwise be asked about every minute of the window.
    let calls = 4 * Math.ceil(max / pageSize) + 64;
    while (ranges.length > 0) {
      if (calls-- === 0) {
        capped = true;
        break;
      }
      const [from, to] = ranges.shift()!;
      const batch = await ask({ start_date: new Date(from).toISOString(), end_date: new Date(to).toISOString() });
      if (batch.length >= pageSize && to - from > SMALLEST_SPAN_MS) {
        // Both halves include the middle instant (the server stores finer than a second); ids dedupe.
        const middle = from + Math.floor((to - from) / 2000) * 1000;
        ranges.unshift([middle, to], [from, middle]);
        continue;
      }
      add(batch);
      covered += to - from;
      progress(covered / (now - start));
      if (loaded() >= max && ranges.length > 0) {
        capped = true;
        break;
      }
    }
  }
  return computeReportCard([...found.values(), ...anonymous], {
    windowDays: options.windowDays,
    now: new Date(now),
    complete: !capped,
    ...(options.serviceLevels ? { serviceLevels: options.serviceLevels } : {}),
  });
}
