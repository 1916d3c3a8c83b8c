/**
 * The report card benchmark page: bench/report-card-run.ts builds it with Vite, opens it in
 * headless Chromium and calls `reportCardBench.render()` against the reference backend.
 */
import '../src/define/civic-report-card.js';
import type { CivicReportCard } from '../src/components/civic-report-card/civic-report-card.js';
import type { CivicBackend } from '../src/api/backend.js';
import { Open311Client } from '../src/api/open311.js';
import type { ReportCard } from '../src/api/report-card.js';
import type { RequestsQuery, ServiceRequest } from '../src/api/types.js';

export interface RenderResult {
  /** From adding the element to the first paint of its table. */
  ms: number;
  received: number;
  source: ReportCard['source'];
}

/** `n` requests over the past year with notes, newest first, as a paged server would hold them. */
function synthetic(n: number): ServiceRequest[] {
  const now = Date.now();
  const codes = ['POTHOLE', 'STLIGHT', 'GRAFFITI', 'MISSED', 'TREETRIM', 'SIGNAL', 'SIDEWALK', 'NOHEAT'];
  return Array.from({ length: n }, (_, i) => {
    const requested = now - (i / n) * 365 * 86_400_000;
    const closed = i % 5 !== 0;
    const close = Math.min(now, requested + ((i * 7919) % 20) * 86_400_000);
    const at = (t: number) => new Date(t).toISOString();
    return {
      service_request_id: String(i + 1),
      service_code: codes[i % codes.length]!,
      status: closed ? 'closed' : 'open',
      requested_datetime: at(requested),
      updated_datetime: at(closed ? close : requested),
      expected_datetime: at(requested + 7 * 86_400_000),
      notes: [
        { type: 'opened', datetime: at(requested) },
        { type: 'assigned', datetime: at(requested + 3_600_000) },
        ...(closed ? [{ type: 'closed', datetime: at(close) }] : []),
      ],
    };
  });
}

/** The same widget against `n` requests held in the page: computing and rendering, no network. */
function inMemory(n: number): CivicBackend {
  const all = synthetic(n);
  return {
    supports: async (e: string) => e === 'page',
    requests: async (q: RequestsQuery = {}) => {
      const size = q.page_size ?? 1000;
      return all.slice(((q.page ?? 1) - 1) * size, (q.page ?? 1) * size);
    },
  } as CivicBackend;
}

async function render(endpoint: string, windowDays: number, useStatistics: boolean, memory = 0): Promise<RenderResult> {
  // A generous timeout: the point is to measure, not to give up.
  const client = new Open311Client({ endpoint, timeout: 300_000 });
  const backend: CivicBackend = memory
    ? inMemory(memory)
    : useStatistics
      ? client
      : ({ supports: (e) => client.supports(e), requests: (q) => client.requests(q) } as CivicBackend);
  const el = document.createElement('civic-report-card') as CivicReportCard;
  el.windowDays = windowDays;
  el.maxRequests = 2_000_000;
  el.backend = backend;
  const loaded = new Promise<ReportCard>((resolve, reject) => {
    el.addEventListener('civic-report-card-loaded', (e) => resolve(e.detail.card), { once: true });
    setTimeout(() => reject(new Error('no report card within 300 s')), 300_000);
  });
  const t0 = performance.now();
  document.body.append(el);
  const card = await loaded;
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - t0;
  if (!el.shadowRoot!.querySelector('table tbody tr')) throw new Error('no table rendered');
  el.remove();
  return { ms, received: card.all.received, source: card.source };
}

(window as unknown as { reportCardBench: unknown }).reportCardBench = { render };
