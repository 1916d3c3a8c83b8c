import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicReportCard } from '../../src/define/civic-report-card.js';
import { Open311Client } from '../../src/api/open311.js';
import type { CivicBackend } from '../../src/api/backend.js';
import type { ReportCard } from '../../src/api/report-card.js';
import type { RequestsQuery, ServiceRequest } from '../../src/api/types.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

const client = new Open311Client({ endpoint: OPEN311_ENDPOINT });
const DOWN = 'http://127.0.0.1:9/open311/v2';

const shadow = (el: CivicReportCard) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: CivicReportCard, selector: string) => shadow(el).querySelector<T>(selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const settled = (el: CivicReportCard) =>
  waitUntil(() => q(el, '[part=table], [part=empty], [role=alert]'), 'report card settled', { timeout: 20_000 });
/** Body rows as { category: [cells…] }. */
const tableRows = (el: CivicReportCard) =>
  [...shadow(el).querySelectorAll('tbody tr')].map((tr) => [text(tr.querySelector('th')), ...[...tr.querySelectorAll('td')].map(text)]);
const columnOrder = (el: CivicReportCard) => tableRows(el).map((r) => r[0]);

/** The reference backend seen as a server without the statistics extension: the widget computes from requests. */
const computingBackend = (): CivicBackend => ({
  discovery: () => client.discovery(),
  supports: (e) => client.supports(e),
  services: () => client.services(),
  serviceDefinition: (c) => client.serviceDefinition(c),
  requests: (query?: RequestsQuery) => client.requests(query),
  request: (id, o) => client.request(id, o),
  submit: (i) => client.submit(i),
  requestIdForToken: (t) => client.requestIdForToken(t),
});

/** A backend without extensions whose `requests` the test releases by hand. */
function heldBackend() {
  const waiting: Array<(list: ServiceRequest[]) => void> = [];
  const backend = {
    supports: async () => false,
    requests: () => new Promise<ServiceRequest[]>((resolve) => waiting.push(resolve)),
  } as unknown as CivicBackend;
  return { backend, waiting };
}

const emptyBackend = (): CivicBackend => ({ supports: async () => false, requests: async () => [] }) as unknown as CivicBackend;

describe('<civic-report-card>', () => {
  it('is accessible with the reference backend\'s figures shown', async () => {
    const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="365"></civic-report-card>`);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  describe('figures from the statistics extension', () => {
    it('shows the server\'s numbers per category and for all, in one call', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="365"></civic-report-card>`);
      await settled(el);
      const truth = await client.statistics(365);
      const rows = tableRows(el);
      expect(rows.length).to.equal(truth.categories.length);
      for (const category of truth.categories) {
        const row = rows.find((r) => r[0] === category.service_name)!;
        expect(row.slice(1, 5)).to.deep.equal([category.received, category.closed, category.open, category.overdue].map(String));
        if (category.enough_data) expect(row[5]).to.equal(`${Math.round(category.on_time_share! * 100)}%`);
        else expect(row[5]).to.equal('Not enough data');
      }
      const all = [text(q(el, 'tfoot th')), ...[...shadow(el).querySelectorAll('tfoot td')].map(text)];
      expect(all[0]).to.equal('All categories');
      expect(all[1]).to.equal(String(truth.all.received));
      expect(all[8]).to.equal(truth.all.days_to_close!.median.toFixed(1));
      expect(text(q(el, '[part=freshness]'))).to.contain("Computed by the city's 311 system.");
    });

    it('says "Not enough data", not a number, for categories under 20 requests (every one over 30 days)', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="30"></civic-report-card>`);
      await settled(el);
      const truth = await client.statistics(30);
      const thin = truth.categories.filter((c) => !c.enough_data);
      // Other test files may add requests to the shared backend; most categories stay thin over 30 days.
      expect(thin.length).to.be.greaterThan(truth.categories.length / 2);
      const rows = tableRows(el);
      for (const c of thin) expect(rows.find((r) => r[0] === c.service_name)!.slice(5, 10)).to.deep.equal(Array(5).fill('Not enough data'));
      // The charts leave them out rather than draw a misleading bar.
      const charted = [...shadow(el).querySelectorAll('[data-chart=onTime] .bar-label')].map(text);
      expect(charted.filter((name) => thin.some((c) => c.service_name === name))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('figures computed in the browser from GET requests', () => {
    it('shows the same numbers as the server computes, and says where they come from', async () => {
      const truth = await client.statistics(365);
      const el = await fixture<CivicReportCard>(
        html`<civic-report-card .backend=${computingBackend()} .serviceLevels=${truth.service_levels} window-days="365"></civic-report-card>`,
      );
      await settled(el);
      // The server's figures, written as the widget writes them (the browser computes at a slightly later time).
      const byName = new Intl.Collator('en').compare;
      const expected = truth.categories.map((c) => [c.service_name, c.received, c.closed, c.open].map(String)).sort((a, b) => byName(a[0]!, b[0]!));
      expect(tableRows(el).map((r) => r.slice(0, 4))).to.deep.equal(expected);
      expect(text(q(el, '[part=freshness]'))).to.contain(`Computed in your browser from ${truth.all.received} requests.`);
    });

    it('shows progress while loading, accessibly', async () => {
      const { backend, waiting } = heldBackend();
      const el = await fixture<CivicReportCard>(html`<civic-report-card .backend=${backend}></civic-report-card>`);
      await waitUntil(() => waiting.length === 1, 'first call made');
      expect(text(q(el, '[part=progress] [role=status]'))).to.equal('Loading the report card…');
      await expect(el).to.be.accessible();
      const now = Date.now();
      const requests = (n: number): ServiceRequest[] =>
        Array.from({ length: n }, (_, i) => ({
          service_request_id: String(i),
          status: 'open',
          service_code: 'POTHOLE',
          requested_datetime: new Date(now - i * 60_000).toISOString(),
        }));
      // A full answer from a server without paging: the widget splits the period in two and asks again.
      waiting[0]!(requests(1000));
      await waitUntil(() => waiting.length === 2, 'second call made');
      waiting[1]!(requests(5));
      await waitUntil(() => waiting.length === 3, 'third call made');
      await waitUntil(() => text(q(el, '[part=progress] [role=status]')) === 'Loaded 5 requests so far (50% of the period)', 'progress shown');
      expect(q<HTMLProgressElement>(el, 'progress')!.value).to.be.closeTo(0.5, 0.01);
      await expect(el).to.be.accessible();
      waiting[2]!([]);
      await settled(el);
      expect(tableRows(el)).to.deep.equal([['POTHOLE', '5', '0', '5', '0', 'Not enough data', 'Not enough data', 'Not enough data', 'Not enough data', 'Not enough data', 'Not known']]);
    });

    it('finishes loading after being moved in the page mid-load, and offers the CSV after a move', async () => {
      const { backend, waiting } = heldBackend();
      const el = await fixture<CivicReportCard>(html`<civic-report-card .backend=${backend}></civic-report-card>`);
      await waitUntil(() => waiting.length === 1, 'first call made');
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      await waitUntil(() => waiting.length === 2, 'loading again after the move');
      const now = Date.now();
      waiting[1]!([{ service_request_id: '1', status: 'open', service_code: 'POTHOLE', requested_datetime: new Date(now - 60_000).toISOString() }]);
      await settled(el);
      el.remove();
      parent.append(el);
      await el.updateComplete;
      const link = q<HTMLAnchorElement>(el, '[part=csv-link]')!;
      expect((await (await fetch(link.href)).text()).split('\r\n')[1]).to.match(/^POTHOLE,POTHOLE,1,0,1,/);
    });

    it('tells the resident when loading stopped at max-requests', async () => {
      const el = await fixture<CivicReportCard>(
        html`<civic-report-card .backend=${computingBackend()} window-days="365" max-requests="100"></civic-report-card>`,
      );
      await settled(el);
      // The reference backend pages 1000 at a time, so the first page already passes the cap.
      expect(text(q(el, '.incomplete'))).to.match(/^Only the 100 most recent requests could be loaded/);
    });
  });

  describe('empty and backend down', () => {
    it('says there is nothing to report for a period without requests', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card .backend=${emptyBackend()}></civic-report-card>`);
      await settled(el);
      expect(text(q(el, '[part=empty]'))).to.equal('No requests were received in this period, so there is nothing to report yet.');
      expect(q(el, '[part=csv-link]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the error panel and loads again with "Try again"', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${DOWN}></civic-report-card>`);
      await settled(el);
      expect(text(q(el, '[role=alert]'))).to.contain("We couldn't reach the city's service.");
      await expect(el).to.be.accessible();
      el.endpoint = OPEN311_ENDPOINT;
      await waitUntil(() => q(el, '[part=table]'), 'table after the endpoint works', { timeout: 20_000 });
    });
  });

  describe('sorting (keyboard)', () => {
    // Native <button>s, <select> and <summary>: Enter and Space activate them as a click does.
    it('sorts by a column from its header button (a native button in the tab order), again toggles the direction, aria-sort follows', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="365"></civic-report-card>`);
      await settled(el);
      const header = (key: string) => q(el, `button[data-column=${key}]`)!.closest('th')!;
      expect(header('category').getAttribute('aria-sort')).to.equal('ascending');
      const names = columnOrder(el);
      expect(names).to.deep.equal([...names].sort(new Intl.Collator('en').compare));

      const button = q<HTMLButtonElement>(el, 'button[data-column=received]')!;
      expect(button.tabIndex).to.equal(0);
      expect(text(button)).to.equal('Received↕');
      button.focus();
      button.click();
      await el.updateComplete;
      expect(shadow(el).activeElement).to.equal(button);
      expect(header('received').getAttribute('aria-sort')).to.equal('descending');
      expect(header('category').hasAttribute('aria-sort')).to.equal(false);
      const received = tableRows(el).map((r) => Number(r[1]));
      expect(received).to.deep.equal([...received].sort((a, b) => b - a));

      button.click();
      await el.updateComplete;
      expect(header('received').getAttribute('aria-sort')).to.equal('ascending');
      const again = tableRows(el).map((r) => Number(r[1]));
      expect(again).to.deep.equal([...again].sort((a, b) => a - b));
    });

    it('puts categories without a figure last in both directions', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="365"></civic-report-card>`);
      await settled(el);
      const truth = await client.statistics(365);
      const thin = truth.categories.filter((c) => !c.enough_data).length;
      expect(thin).to.be.greaterThan(0);
      for (let i = 0; i < 2; i++) {
        q<HTMLButtonElement>(el, 'button[data-column=onTime]')!.click();
        await el.updateComplete;
        const cells = tableRows(el).map((r) => r[5]);
        expect(cells.slice(-thin)).to.deep.equal(Array(thin).fill('Not enough data'));
      }
    });
  });

  describe('period selector', () => {
    it('loads the chosen period when the resident picks another one with the keyboard', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="30"></civic-report-card>`);
      await settled(el);
      const select = q<HTMLSelectElement>(el, 'select#window')!;
      expect(text(shadow(el).querySelector('label[for=window]'))).to.equal('Period');
      select.focus();
      select.value = '90';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const { detail } = await oneEvent(el, 'civic-report-card-loaded');
      expect((detail as { card: ReportCard }).card.window_days).to.equal(90);
      expect(el.windowDays).to.equal(90);
      expect(text(q(el, 'caption'))).to.equal('Requests by category, last 90 days');
    });
  });

  describe('charts, CSV, freshness and method', () => {
    it('draws bars with the same numbers as the table, for categories with enough data', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="365"></civic-report-card>`);
      await settled(el);
      const truth = await client.statistics(365);
      const enough = truth.categories.filter((c) => c.on_time_share !== null);
      const bars = [...shadow(el).querySelectorAll('[data-chart=onTime] li')];
      expect(bars.length).to.equal(enough.length);
      for (const li of bars) {
        const c = enough.find((x) => x.service_name === text(li.querySelector('.bar-label')))!;
        expect(text(li.querySelector('.bar-value'))).to.equal(`${Math.round(c.on_time_share! * 100)}%`);
        expect(Number(li.querySelector('rect.fill')!.getAttribute('width'))).to.be.closeTo(c.on_time_share! * 100, 1e-9);
        expect(li.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      }
    });

    it('offers the figures as a CSV file with aggregates only', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="365"></civic-report-card>`);
      await settled(el);
      const link = q<HTMLAnchorElement>(el, '[part=csv-link]')!;
      expect(link.href).to.match(/^blob:/);
      expect(link.getAttribute('download')).to.equal('report-card-365-days.csv');
      const csv = await (await fetch(link.href)).text();
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).to.equal(
        'service_code,service_name,received,closed,open,overdue,on_time_share,days_to_acknowledge_median,days_to_acknowledge_p90,days_to_close_median,days_to_close_p90,reopened,enough_data',
      );
      const truth = await client.statistics(365);
      expect(lines.length).to.equal(truth.categories.length + 2);
      const pothole = truth.categories.find((c) => c.service_code === 'POTHOLE')!;
      const line = lines.find((l) => l.startsWith('POTHOLE,'))!.split(',');
      expect(line.slice(2, 4).map(Number)).to.deep.equal([pothole.received, pothole.closed]);
      expect(lines.at(-1)!.startsWith(`,All categories,${truth.all.received},`)).to.equal(true);
      expect(csv).not.to.match(/@|email|phone|first_name|address/i);
    });

    it('says when the figures were computed and explains each in a details element', async () => {
      const el = await fixture<CivicReportCard>(html`<civic-report-card endpoint=${OPEN311_ENDPOINT}></civic-report-card>`);
      await settled(el);
      expect(text(q(el, '[part=freshness]'))).to.match(/^Figures computed on .+ for .+ to .+\./);
      const how = q<HTMLDetailsElement>(el, 'details[part=how]')!;
      expect(how.open).to.equal(false);
      const summary = q(el, 'details summary')!;
      summary.focus();
      expect(shadow(el).activeElement).to.equal(summary);
      summary.click();
      expect(how.open).to.equal(true);
      expect(text(how)).to.contain('Under 20 requests a category shows "Not enough data"');
      await expect(el).to.be.accessible();
    });
  });

  describe('Spanish', () => {
    it('speaks Spanish under lang="es", numbers and dates included', async () => {
      const wrapper = await fixture(html`<div lang="es"><civic-report-card endpoint=${OPEN311_ENDPOINT} window-days="30"></civic-report-card></div>`);
      const el = wrapper.querySelector('civic-report-card')!;
      await settled(el);
      expect(text(q(el, '.title'))).to.equal('Informe de resultados del 311');
      expect(text(q(el, 'caption'))).to.equal('Solicitudes por categoría, últimos 30 días');
      expect(tableRows(el).flat()).to.include('Datos insuficientes');
      expect(text(q(el, 'tfoot th'))).to.equal('Todas las categorías');
      await expect(el).to.be.accessible();
      const csv = async () => (await (await fetch(q<HTMLAnchorElement>(el, '[part=csv-link]')!.href)).text()).trim().split('\r\n').at(-1)!;
      expect(await csv()).to.match(/^,Todas las categorías,/);
      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => text(q(el, 'tfoot th')) === 'All categories', 'English again');
      expect(await csv()).to.match(/^,All categories,/);
    });
  });
});
