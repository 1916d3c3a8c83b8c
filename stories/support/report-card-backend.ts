import type { CivicBackend } from '../../src/api/backend.js';
import { NetworkError } from '../../src/api/errors.js';
import { computeReportCard, type ReportCard } from '../../src/api/report-card.js';
import type { Open311Extension, ServiceRequest } from '../../src/api/types.js';

const DAY = 86_400_000;
const SERVICES: Array<[code: string, name: string, perMonth: number, daysToClose: number]> = [
  ['POTHOLE', 'Pothole', 40, 4],
  ['STLIGHT', 'Streetlight Out', 25, 9],
  ['MISSED', 'Missed Trash or Recycling Pickup', 30, 1.5],
  ['GRAFFITI', 'Graffiti Removal', 4, 3],
];

/** Requests over the past year, deterministic, with notes, for stories without a server. */
export function sampleRequests(now = Date.now()): ServiceRequest[] {
  const out: ServiceRequest[] = [];
  let id = 1;
  for (const [code, name, perMonth, days] of SERVICES) {
    for (let i = 0; i < perMonth * 12; i++) {
      const requested = now - ((i * 37) % 365) * DAY - (i % 24) * 3_600_000;
      const close = requested + days * DAY * (0.3 + ((i * 7) % 10) / 6);
      const closed = close < now - DAY;
      const at = (t: number) => new Date(t).toISOString();
      out.push({
        service_request_id: String(id++),
        service_code: code,
        service_name: name,
        status: closed ? 'closed' : 'open',
        requested_datetime: at(requested),
        updated_datetime: at(closed ? close : requested),
        expected_datetime: at(requested + days * 1.2 * DAY),
        notes: [
          { type: 'opened', datetime: at(requested) },
          { type: 'assigned', datetime: at(requested + ((i % 5) + 1) * 3_600_000) },
          ...(closed ? [{ type: 'closed', datetime: at(close) }] : []),
        ],
      });
    }
  }
  return out;
}

/** A backend with the `statistics` extension answering `card` for every period. */
export const statisticsBackend = (card: (windowDays: number) => ReportCard): CivicBackend =>
  ({
    supports: async (e: Open311Extension) => e === 'statistics',
    statistics: async (windowDays: number) => card(windowDays),
  }) as unknown as CivicBackend;

/** The sample requests behind a server with `page` and no extension: the widget computes them. */
export const requestsBackend = (requests: ServiceRequest[]): CivicBackend =>
  ({
    supports: async (e: Open311Extension) => e === 'page',
    requests: async (q: { start_date?: string; page?: number; page_size?: number } = {}) => {
      const from = q.start_date ? Date.parse(q.start_date) : 0;
      const hits = requests
        .filter((r) => Date.parse(r.requested_datetime!) >= from)
        .sort((a, b) => Date.parse(b.requested_datetime!) - Date.parse(a.requested_datetime!));
      const size = q.page_size ?? 1000;
      return hits.slice(((q.page ?? 1) - 1) * size, (q.page ?? 1) * size);
    },
  }) as unknown as CivicBackend;

/** The sample card, as a statistics server would answer it. */
export const sampleCard = (windowDays: number): ReportCard => ({
  ...computeReportCard(sampleRequests(), { windowDays }),
  source: 'statistics',
});

/** Requests that never arrive: the loading state. */
export const pendingReportBackend = (): CivicBackend =>
  ({ supports: async () => false, requests: () => new Promise<ServiceRequest[]>(() => {}) }) as unknown as CivicBackend;

/** A server that cannot be reached. */
export const unreachableReportBackend = (): CivicBackend =>
  ({
    supports: async () => {
      throw new NetworkError();
    },
  }) as unknown as CivicBackend;

/** A paged server whose first page arrives and whose second never does: loading with progress. */
export const stalledReportBackend = (requests: ServiceRequest[]): CivicBackend => {
  const pages = requestsBackend(requests);
  let calls = 0;
  return {
    ...pages,
    supports: pages.supports,
    requests: (q) => (++calls === 1 ? pages.requests(q) : new Promise<ServiceRequest[]>(() => {})),
  } as CivicBackend;
};
