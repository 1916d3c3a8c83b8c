/**
 * The report card benchmark page: bench/report-card-run.ts builds it with Vite, opens it in
 * headless Chromium and calls `reportCardBench.render()` against the reference backend.
 */
import '../src/define/civic-report-card.js';
import type { CivicReportCard } from '../src/components/civic-report-card/civic-report-card.js';
import type { CivicBackend } from '../src/api/backend.js';
import { Open311Client } from '../src/api/open311.js';
import type { ReportCard } from '../src/api/report-card.js';

export interface RenderResult {
  /** From adding the element to the first paint of its table. */
  ms: number;
  received: number;
  source: ReportCard['source'];
}

async function render(endpoint: string, windowDays: number, useStatistics: boolean): Promise<RenderResult> {
  // A generous timeout: the point is to measure, not to give up.
  const client = new Open311Client({ endpoint, timeout: 300_000 });
  const backend: CivicBackend = useStatistics
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
