import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicRequestMap } from '../../src/define/civic-request-map.js';
import { Open311Client } from '../../src/api/open311.js';
import type { CivicBackend } from '../../src/api/backend.js';
import type { RequestsQuery, ServiceRequest } from '../../src/api/types.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

/** A 1×1 PNG: tiles never leave the machine. */
const TILE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
/** Central Hartford, where the reference backend's seed puts its requests. */
const HARTFORD = '-72.72,41.72,-72.64,41.80';

const shadow = (el: CivicRequestMap) => el.shadowRoot!;
const clusters = (el: CivicRequestMap) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button.civic-cluster')];
const pins = (el: CivicRequestMap) => [...shadow(el).querySelectorAll<HTMLButtonElement>('button.civic-pin[data-request-id]')];
const rows = (el: CivicRequestMap) => [...shadow(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const countText = (el: CivicRequestMap) => shadow(el).querySelector('[part=count]')?.textContent?.trim() ?? '';
const toggle = (el: CivicRequestMap) => shadow(el).querySelector<HTMLButtonElement>('[part=toggle]')!;
const markerTotal = (el: CivicRequestMap) => clusters(el).reduce((sum, c) => sum + Number(c.dataset.count), 0) + pins(el).length;

const client = () => new Open311Client({ endpoint: OPEN311_ENDPOINT });

/** The backend's own answer for an area, read independently of the widget (same default window). */
async function truth(bounds: [number, number, number, number], query: RequestsQuery = {}): Promise<ServiceRequest[]> {
  return client().requests({ ...query, bbox: bounds, page_size: 1000 });
}

/** The real client, counting calls to `requests`. */
function counting(): { backend: CivicBackend; calls: RequestsQuery[] } {
  const real = client();
  const calls: RequestsQuery[] = [];
  const backend: CivicBackend = {
    discovery: () => real.discovery(),
    supports: (e) => real.supports(e),
    services: () => real.services(),
    serviceDefinition: (c) => real.serviceDefinition(c),
    requests: (q) => {
      calls.push(q ?? {});
      return real.requests(q);
    },
    request: (id, o) => real.request(id, o),
    submit: (i) => real.submit(i),
    requestIdForToken: (t) => real.requestIdForToken(t),
  };
  return { backend, calls };
}

async function mapShown(el: CivicRequestMap): Promise<void> {
  await waitUntil(() => clusters(el).length + pins(el).length > 0 || shadow(el).querySelector('[role=alert]'), 'markers or error shown', { timeout: 15_000 });
}

async function settled(el: CivicRequestMap): Promise<void> {
  await waitUntil(() => /in view$/.test(countText(el)) || /No requests/.test(countText(el)), 'count shown', { timeout: 15_000 });
  await el.updateComplete;
}

async function setFilter(el: CivicRequestMap, name: string, value: string): Promise<void> {
  const control = shadow(el).querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${name}]`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

const mapFixture = (extra = '') =>
  fixture<CivicRequestMap>(
    html`<civic-request-map endpoint=${OPEN311_ENDPOINT} bounds=${HARTFORD} tile-url=${TILE} tracker-url="/track.html?request={id}" data-extra=${extra}></civic-request-map>`,
  );

describe('<civic-request-map>', () => {
  it('is accessible on the map with clusters', async () => {
    const el = await mapFixture();
    await mapShown(el);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  describe('map view with clusters', () => {
    it('cluster counts and single markers add up to the requests in view, as the count says', async () => {
      const el = await mapFixture();
      await mapShown(el);
      await settled(el);
      const expected = await truth(el.visibleBounds);
      expect(expected.length).to.be.greaterThan(0);
      expect(clusters(el).length).to.be.greaterThan(0);
      expect(markerTotal(el)).to.equal(expected.length);
      expect(countText(el)).to.equal(`${expected.length} requests in view`);
    });

    it('makes clusters focusable buttons with names (Enter and Space activate buttons); activating one zooms in', async () => {
      const el = await mapFixture();
      await mapShown(el);
      await settled(el);
      const cluster = clusters(el)[0]!;
      expect(cluster.type).to.equal('button');
      expect(cluster.tabIndex).to.equal(0);
      expect(cluster.getAttribute('aria-label')).to.equal(`${cluster.dataset.count} requests here. Press Enter to zoom in.`);
      const zoom = el.leafletMap!.getZoom();
      cluster.click(); // what Enter or Space on a focused button does
      await waitUntil(() => el.leafletMap!.getZoom() > zoom, 'zoomed in');
      expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('.map'));
    });

    it('a marker (a button) opens its popup (category, status, date, address, tracker link) and fires civic-request-select', async () => {
      const el = await mapFixture();
      await mapShown(el);
      await settled(el);
      const [somewhere] = await truth(el.visibleBounds);
      el.leafletMap!.setView([somewhere!.lat!, somewhere!.long!], 19, { animate: false });
      await waitUntil(() => pins(el).length > 0, 'single markers at street level', { timeout: 10_000 });
      const pin = pins(el)[0]!;
      const id = pin.dataset.requestId!;
      const request = (await client().request(id))!;
      expect(pin.type).to.equal('button');
      expect(pin.getAttribute('aria-label')).to.contain(request.service_name!);
      const selected = oneEvent(el, 'civic-request-select');
      pin.click(); // a keyboard click: no pointer detail, so focus moves into the popup
      expect((await selected).detail.serviceRequestId).to.equal(id);
      const popup = shadow(el).querySelector('.leaflet-popup .popup')!;
      const text = popup.textContent!;
      expect(text).to.contain(request.service_name!);
      expect(text).to.contain(request.status === 'open' ? 'Open' : 'Closed');
      if (request.address) expect(text).to.contain(request.address);
      expect(popup.querySelector('a')!.getAttribute('href')).to.equal(`/track.html?request=${encodeURIComponent(id)}`);
      expect(shadow(el).activeElement).to.equal(popup);
      expect(popup.querySelectorAll('dt').length).to.equal(4);
      await expect(el).to.be.accessible();
      popup.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await waitUntil(() => !shadow(el).querySelector('.leaflet-popup'), 'popup closed');
      expect(shadow(el).activeElement).to.equal(pins(el).find((p) => p.dataset.requestId === id));
    });
  });

  describe('list view', () => {
    it('"Show as list" shows a table of exactly the requests in view, with tracker links; accessible; "Show map" returns', async () => {
      const el = await mapFixture();
      await mapShown(el);
      await settled(el);
      toggle(el).click();
      await el.updateComplete;
      expect(toggle(el).textContent!.trim()).to.equal('Show map');
      expect(shadow(el).querySelector<HTMLElement>('.map')!.hidden).to.be.true;
      const expected = await truth(el.visibleBounds);
      while (shadow(el).querySelector('.more')) {
        shadow(el).querySelector<HTMLButtonElement>('.more')!.click();
        await el.updateComplete;
      }
      expect(rows(el).map((r) => r.dataset.requestId).sort()).to.deep.equal(expected.map((r) => r.service_request_id).sort());
      const first = rows(el)[0]!;
      const request = expected.find((r) => r.service_request_id === first.dataset.requestId)!;
      expect(first.cells[1]!.textContent!.trim()).to.equal(request.service_name);
      expect(first.querySelector('a')!.getAttribute('href')).to.equal(`/track.html?request=${encodeURIComponent(request.service_request_id!)}`);
      expect(markerTotal(el)).to.equal(expected.length);
      await expect(el).to.be.accessible();
      toggle(el).click();
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      expect(shadow(el).querySelector<HTMLElement>('.map')!.hidden).to.be.false;
    });

    it('works without the map: started in the list, every request of the bounds is listed', async () => {
      const el = await mapFixture();
      toggle(el).click(); // before Leaflet arrives
      await settled(el);
      const expected = await truth(el.visibleBounds);
      expect(el.visibleBounds).to.deep.equal(HARTFORD.split(',').map(Number));
      expect(countText(el)).to.equal(`${expected.length} requests in view`);
    });
  });

  describe('filters', () => {
    it('status "Open" shows only open requests, on the map and in the list, and says so', async () => {
      const el = await mapFixture();
      await mapShown(el);
      await settled(el);
      await setFilter(el, 'status', 'open');
      const expected = await truth(el.visibleBounds, { status: 'open' });
      await waitUntil(() => countText(el) === `${expected.length} open requests in view`, 'open count');
      await waitUntil(() => markerTotal(el) === expected.length, 'markers of open requests');
      toggle(el).click();
      await el.updateComplete;
      expect(rows(el).every((r) => r.cells[0]!.textContent!.trim() === 'Open')).to.be.true;
      expect(rows(el).length).to.equal(Math.min(expected.length, 100));
    });

    it('groups categories as the backend does, and a category filter lists only that category', async () => {
      const el = await mapFixture();
      await settled(el);
      const services = await client().services();
      await waitUntil(() => shadow(el).querySelectorAll('[name=category] option').length === services.length + 1, 'categories');
      const groups = [...shadow(el).querySelectorAll('optgroup')].map((g) => g.label);
      expect(new Set(groups).size).to.equal(groups.length);
      const all = await truth(el.visibleBounds);
      const code = all[0]!.service_code!;
      await setFilter(el, 'category', code);
      const expected = all.filter((r) => r.service_code === code);
      toggle(el).click();
      await waitUntil(() => rows(el).length === Math.min(expected.length, 100), 'category rows');
      expect(new Set(rows(el).map((r) => r.cells[1]!.textContent!.trim()))).to.deep.equal(new Set([all[0]!.service_name]));
    });

    it('a date range with no requests says so, accessibly (filtered empty)', async () => {
      const el = await mapFixture();
      await settled(el);
      await setFilter(el, 'from', '2001-01-01');
      await setFilter(el, 'to', '2001-01-31');
      await waitUntil(() => countText(el) === 'No requests match these filters in this area.', 'empty message', { timeout: 15_000 });
      expect(clusters(el).length + pins(el).length).to.equal(0);
      await expect(el).to.be.accessible();
      toggle(el).click();
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('announces the count politely', async () => {
      const el = await mapFixture();
      await settled(el);
      await setFilter(el, 'status', 'closed');
      const expected = await truth(el.visibleBounds, { status: 'closed' });
      await waitUntil(
        () => shadow(el).querySelector('[role=status][aria-live=polite], [aria-live=polite]')?.textContent?.includes(`${expected.length} closed requests in view`),
        'closed count announced',
        { timeout: 10_000 },
      );
    });

    it('with url-state, starts from the page URL and writes filter changes back', async () => {
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}?status=open&view=list`);
      try {
        const el = await fixture<CivicRequestMap>(
          html`<civic-request-map url-state endpoint=${OPEN311_ENDPOINT} bounds=${HARTFORD} tile-url=${TILE}></civic-request-map>`,
        );
        await settled(el);
        expect(shadow(el).querySelector<HTMLSelectElement>('[name=status]')!.value).to.equal('open');
        expect(toggle(el).textContent!.trim()).to.equal('Show map');
        await setFilter(el, 'status', 'closed');
        expect(new URL(location.href).searchParams.get('status')).to.equal('closed');
        toggle(el).click();
        await el.updateComplete;
        expect(new URL(location.href).searchParams.has('view')).to.be.false;
      } finally {
        history.replaceState(null, '', before);
      }
    });
  });

  describe('loading the visible area', () => {
    it('a small pan inside the loaded area asks nothing; a pan far away asks for the new area', async () => {
      const { backend, calls } = counting();
      const el = await fixture<CivicRequestMap>(html`<civic-request-map .backend=${backend} bounds=${HARTFORD} tile-url=${TILE}></civic-request-map>`);
      await mapShown(el);
      await settled(el);
      const initial = calls.length;
      expect(initial).to.be.greaterThan(0);
      expect(calls.every((q) => q.bbox)).to.be.true;
      el.leafletMap!.panBy([60, 40], { animate: false });
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(calls.length).to.equal(initial);
      el.leafletMap!.setView([41.95, -72.3], el.leafletMap!.getZoom(), { animate: false });
      await waitUntil(() => calls.length > initial, 'new area requested');
      const [minLng, minLat, maxLng, maxLat] = calls.at(-1)!.bbox!;
      expect(minLng < -72.3 && maxLng > -72.3 && minLat < 41.95 && maxLat > 41.95).to.be.true;
      await settled(el);
      const afterFar = calls.length;
      el.leafletMap!.setView([41.76, -72.68], el.leafletMap!.getZoom(), { animate: false });
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 100));
      expect(calls.length).to.equal(afterFar); // back to Hartford: already loaded
    });

    it('a new filter set loads once; returning to an earlier one does not load again', async () => {
      const { backend, calls } = counting();
      const el = await fixture<CivicRequestMap>(html`<civic-request-map .backend=${backend} bounds=${HARTFORD} tile-url=${TILE}></civic-request-map>`);
      await settled(el);
      const initial = calls.length;
      await setFilter(el, 'status', 'open');
      await waitUntil(() => calls.length > initial && /open requests in view/.test(countText(el)), 'open loaded');
      expect(calls.at(-1)!.status).to.equal('open');
      const afterOpen = calls.length;
      await setFilter(el, 'status', '');
      await settled(el);
      expect(calls.length).to.equal(afterOpen);
    });

    it('without bbox support, loads the server window once with page/page_size', async () => {
      const { backend, calls } = counting();
      const noBbox: CivicBackend = { ...backend, supports: async (e) => (e === 'bbox' ? false : backend.supports(e)) };
      const el = await fixture<CivicRequestMap>(html`<civic-request-map .backend=${noBbox} bounds=${HARTFORD} tile-url=${TILE}></civic-request-map>`);
      await mapShown(el);
      await settled(el);
      expect(calls.every((q) => !q.bbox && q.page_size === 1000 && q.page !== undefined)).to.be.true;
      const initial = calls.length;
      el.leafletMap!.setView([41.95, -72.3], el.leafletMap!.getZoom(), { animate: false });
      await new Promise((r) => setTimeout(r, 200));
      expect(calls.length).to.equal(initial);
    });
  });

  describe('more requests than it loads (max-requests)', () => {
    it('says the map may not show them all, instead of a count that looks complete; accessible', async () => {
      const el = await fixture<CivicRequestMap>(
        html`<civic-request-map max-requests="5" endpoint=${OPEN311_ENDPOINT} bounds=${HARTFORD} tile-url=${TILE}></civic-request-map>`,
      );
      await mapShown(el);
      await settled(el);
      const notice = shadow(el).querySelector('[part=capped]');
      expect(notice?.textContent).to.equal(
        'There are more requests here than the map can show at once. Zoom in or narrow the filters to see them all.',
      );
      await waitUntil(() => shadow(el).querySelector('[role=status]')?.textContent?.includes('Zoom in or narrow the filters'), 'notice announced');
      await expect(el).to.be.accessible();
    });

    it('shows no such notice when everything in the area was loaded', async () => {
      const el = await mapFixture();
      await mapShown(el);
      await settled(el);
      expect(shadow(el).querySelector('[part=capped]')).to.equal(null);
    });
  });

  describe('loading', () => {
    it('says it is loading requests, and is accessible meanwhile', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const real = counting().backend;
      const held: CivicBackend = { ...real, requests: async (q) => (await gate, real.requests(q)) };
      const el = await fixture<CivicRequestMap>(html`<civic-request-map .backend=${held} bounds=${HARTFORD} tile-url=${TILE}></civic-request-map>`);
      await waitUntil(() => shadow(el).textContent!.includes('Loading requests…'), 'loading shown');
      await expect(el).to.be.accessible();
      release();
      await settled(el);
    });
  });

  describe('tiles that cannot load', () => {
    it('says so over the map and points to the list', async () => {
      const el = await fixture<CivicRequestMap>(
        html`<civic-request-map endpoint=${OPEN311_ENDPOINT} bounds=${HARTFORD} tile-url="http://127.0.0.1:9/{z}/{x}/{y}.png"></civic-request-map>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part=tiles-failed]'), 'tile failure told', { timeout: 15_000 });
      expect(shadow(el).querySelector('[part=tiles-failed]')!.textContent!.trim()).to.equal(
        "The map's pictures couldn't load. Use “Show as list” to see the same requests.",
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('backend down', () => {
    it('explains the failure with a retry, accessibly', async () => {
      const el = await fixture<CivicRequestMap>(html`<civic-request-map endpoint="http://127.0.0.1:9/open311/v2" bounds=${HARTFORD} tile-url=${TILE}></civic-request-map>`);
      await waitUntil(() => shadow(el).querySelector('[role=alert]'), 'error shown', { timeout: 15_000 });
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.match(/couldn.t reach/i);
      await expect(el).to.be.accessible();
      el.endpoint = OPEN311_ENDPOINT;
      await settled(el);
      expect(shadow(el).querySelector('[part=error-panel]')).to.be.null;
    });
  });

  describe('in Spanish', () => {
    it('follows the page language on the map and in the list, accessibly', async () => {
      const wrapper = await fixture(html`<div lang="es"><civic-request-map endpoint=${OPEN311_ENDPOINT} bounds=${HARTFORD} tile-url=${TILE}></civic-request-map></div>`);
      const el = wrapper.querySelector('civic-request-map')!;
      await mapShown(el);
      await waitUntil(() => /en esta zona$/.test(countText(el)), 'Spanish count', { timeout: 15_000 });
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Problemas reportados');
      expect(toggle(el).textContent!.trim()).to.equal('Ver como lista');
      expect(clusters(el)[0]!.getAttribute('aria-label')).to.match(/solicitudes aquí/);
      await expect(el).to.be.accessible();
      toggle(el).click();
      await el.updateComplete;
      expect(shadow(el).querySelector('caption')!.textContent).to.equal('Solicitudes en la zona del mapa');
      await expect(el).to.be.accessible();
      wrapper.setAttribute('lang', 'en');
      toggle(el).click();
      await waitUntil(() => clusters(el).length > 0 && /requests here/.test(clusters(el)[0]!.getAttribute('aria-label')!), 'cluster names follow the language');
    });
  });
});
