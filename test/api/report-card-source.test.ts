// Loading a report card from servers with and without `page` and `statistics`. The servers here
// are in-memory stand-ins with the behaviours real GeoReport servers have (newest first, a cap
// per answer, date filters); the real reference backend is covered in test/server/stats.test.ts.
import { expect } from '@open-wc/testing';
import type { CivicBackend } from '../../src/api/backend.js';
import { computeReportCard, type ReportCard } from '../../src/api/report-card.js';
import { loadReportCard, type ReportCardProgress } from '../../src/api/report-card-source.js';
import { reportCardFrom } from '../../src/api/report-card-wire.js';
import { MalformedResponseError } from '../../src/api/errors.js';
import type { Open311Extension, RequestsQuery, ServiceRequest } from '../../src/api/types.js';

const DAY = 86_400_000;
const NOW = new Date('2025-06-30T12:00:00Z');

/** `n` requests spread over the last 40 days, some closed with notes. */
function requests(n: number): ServiceRequest[] {
  return Array.from({ length: n }, (_, i) => {
    const requested = NOW.getTime() - ((i * 7919) % (40 * 86_400)) * 1000;
    const closed = i % 3 === 0;
    const r: ServiceRequest = {
      service_request_id: String(1000 + i),
      service_code: ['POTHOLE', 'GRAFFITI', 'STLIGHT'][i % 3]!,
      status: closed ? 'closed' : 'open',
      requested_datetime: new Date(requested).toISOString(),
      expected_datetime: new Date(requested + 3 * DAY).toISOString(),
      notes: [{ type: 'opened', datetime: new Date(requested).toISOString() }],
    };
    if (closed) {
      r.updated_datetime = new Date(requested + (i % 5) * DAY).toISOString();
      r.notes!.push({ type: 'closed', datetime: r.updated_datetime });
    }
    return r;
  });
}

interface FakeOptions {
  extensions: Open311Extension[];
  /** Most requests one answer holds. */
  cap: number;
  card?: ReportCard;
}

function fakeServer(all: ServiceRequest[], { extensions, cap, card }: FakeOptions) {
  const calls: RequestsQuery[] = [];
  const newestFirst = [...all].sort((a, b) => Date.parse(b.requested_datetime!) - Date.parse(a.requested_datetime!));
  const backend = {
    supports: async (e: Open311Extension) => extensions.includes(e),
    requests: async (q: RequestsQuery = {}) => {
      calls.push(q);
      const from = q.start_date ? Date.parse(q.start_date) : -Infinity;
      const to = q.end_date ? Date.parse(q.end_date) : Infinity;
      const hits = newestFirst.filter((r) => Date.parse(r.requested_datetime!) >= from && Date.parse(r.requested_datetime!) <= to);
      if (!extensions.includes('page')) return hits.slice(0, cap);
      const size = Math.min(q.page_size ?? cap, cap);
      return hits.slice(((q.page ?? 1) - 1) * size, (q.page ?? 1) * size);
    },
    ...(card ? { statistics: async () => card } : {}),
  } as unknown as CivicBackend;
  return { backend, calls };
}

describe('loadReportCard', () => {
  const all = requests(2500);
  const expected = computeReportCard(all, { windowDays: 30, now: NOW });

  it('pages through a server with `page` and computes the same card as from every request at once', async () => {
    const { backend, calls } = fakeServer(all, { extensions: ['page', 'extensions'], cap: 1000 });
    const progress: ReportCardProgress[] = [];
    const card = await loadReportCard(backend, { windowDays: 30, now: NOW, pageSize: 500, onProgress: (p) => progress.push(p) });
    expect(card).to.deep.equal(expected);
    expect(calls.every((q) => q.extensions === true && q.start_date === expected.start_date)).to.equal(true);
    expect(calls.map((q) => q.page)).to.deep.equal(calls.map((_, i) => i + 1));
    expect(progress.at(-1)!.fraction).to.equal(1);
    expect(progress.at(-1)!.loaded).to.equal(expected.all.received);
    expect(progress.map((p) => p.loaded)).to.deep.equal([...progress.map((p) => p.loaded)].sort((a, b) => a - b));
  });

  it('splits the window into date ranges for a server without `page` whose answers stop at 1000', async () => {
    const { backend, calls } = fakeServer(all, { extensions: [], cap: 1000 });
    const progress: ReportCardProgress[] = [];
    const card = await loadReportCard(backend, { windowDays: 30, now: NOW, onProgress: (p) => progress.push(p) });
    expect(card).to.deep.equal(expected);
    expect(calls.length).to.be.greaterThan(1);
    expect(calls.every((q) => q.page === undefined)).to.equal(true);
    expect(progress.at(-1)!.fraction).to.equal(1);
  });

  it('stops at maxRequests and marks the card incomplete', async () => {
    const { backend } = fakeServer(all, { extensions: ['page'], cap: 1000 });
    const card = await loadReportCard(backend, { windowDays: 30, now: NOW, pageSize: 200, maxRequests: 600 });
    expect(card.complete).to.equal(false);
    expect(card.all.received).to.equal(600);
  });

  it('stops, marked incomplete, at a server without `page` that ignores the dates (every answer full)', async () => {
    const { backend, calls } = fakeServer(all, { extensions: [], cap: 1000 });
    const ignoring = { ...backend, requests: (q: RequestsQuery) => backend.requests({ ...q, start_date: undefined, end_date: undefined }) } as CivicBackend;
    const card = await loadReportCard(ignoring, { windowDays: 30, now: NOW, maxRequests: 5000 });
    expect(card.complete).to.equal(false);
    expect(calls.length).to.equal(4 * 5 + 64);
  });

  it('stops, marked incomplete, at a server that announces `page` but answers the same page again', async () => {
    const { backend, calls } = fakeServer(all, { extensions: [], cap: 500 });
    const stuck = { ...backend, supports: async (e: Open311Extension) => e === 'page' } as CivicBackend;
    const card = await loadReportCard(stuck, { windowDays: 30, now: NOW, pageSize: 500 });
    expect(card.complete).to.equal(false);
    expect(calls.length).to.equal(2);
  });

  it('makes one statistics call, and no requests call, when the server announces the extension', async () => {
    const fromServer = { ...expected, source: 'statistics' as const };
    const { backend, calls } = fakeServer(all, { extensions: ['page', 'statistics'], cap: 1000, card: fromServer });
    expect(await loadReportCard(backend, { windowDays: 30 })).to.equal(fromServer);
    expect(calls).to.deep.equal([]);
  });

  it('computes from requests when the extension is announced but the backend has no statistics method', async () => {
    const { backend, calls } = fakeServer(all, { extensions: ['page', 'statistics'], cap: 1000 });
    await loadReportCard(backend, { windowDays: 30, now: NOW });
    expect(calls.length).to.be.greaterThan(0);
  });

  it('stops between calls when aborted', async () => {
    const { backend } = fakeServer(all, { extensions: ['page'], cap: 1000 });
    const controller = new AbortController();
    controller.abort();
    let error: unknown;
    try {
      await loadReportCard(backend, { windowDays: 30, now: NOW, signal: controller.signal });
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('reportCardFrom (the statistics extension answer)', () => {
  it('reads what computeReportCard writes', () => {
    const card = computeReportCard(requests(100), { windowDays: 30, now: NOW });
    const wire = JSON.parse(JSON.stringify(card));
    expect(reportCardFrom(wire)).to.deep.equal({ ...card, source: 'statistics' });
  });

  it('refuses an answer that is not a statistics document', () => {
    for (const body of [[], { categories: 'x' }, { categories: [], all: {}, window_days: 30, start_date: 'no', computed_at: 'no', min_sample: 20 }]) {
      expect(() => reportCardFrom(body as never)).to.throw(MalformedResponseError);
    }
  });
});
