import { aTimeout, expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicStatusTracker } from '../../src/define/civic-status-tracker.js';
import { Open311Client } from '../../src/api/open311.js';
import { NetworkError } from '../../src/api/errors.js';
import type { CivicBackend } from '../../src/api/backend.js';
import type { ServiceRequest } from '../../src/api/types.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';
import { FIXTURE_ENDPOINT, fixtureFetch, type FixtureAnswer } from '../api/fixture-server.js';
import { loadMapKit } from '../../src/core/map/load.js';

const client = new Open311Client({ endpoint: OPEN311_ENDPOINT });
const DOWN = 'http://127.0.0.1:9/open311/v2';
const HARTFORD = { lat: 41.7637, long: -72.6851 };
/** No internet here: map tiles are a 1×1 PNG. */
const TILE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';

const shadow = (el: CivicStatusTracker) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: CivicStatusTracker, selector: string) => shadow(el).querySelector<T>(selector);
const text = (el: CivicStatusTracker, selector: string) => q(el, selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const input = (el: CivicStatusTracker) => q<HTMLInputElement>(el, 'input#reference')!;
const announced = (el: CivicStatusTracker) => text(el, '[aria-live=polite]');
/** The details list as "term: value" pairs. */
const details = (el: CivicStatusTracker) =>
  Object.fromEntries(
    [...shadow(el).querySelectorAll('[part=details] dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.replace(/\s+/g, ' ').trim()]),
  );

/** Waits until the tracker shows something other than its form and loading line. */
const settled = (el: CivicStatusTracker) =>
  waitUntil(() => q(el, '[part=request], [part=not-found], [part=processing], [role=alert]'), 'tracker settled', { timeout: 15_000 });

/** Types into the reference field and presses the button, as a resident would. */
async function lookUp(el: CivicStatusTracker, value: string): Promise<void> {
  // A Spanish widget renders once its Spanish words have loaded.
  await waitUntil(() => el.shadowRoot?.querySelector('input'), 'the lookup field');
  const field = input(el);
  field.focus();
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  q<HTMLButtonElement>(el, '[part=submit-button]')!.click();
  await el.updateComplete;
}

/** A fresh open request, sent for real; SNOWPLOW asks no questions. */
async function submitOpen(extra: { media?: Blob } = {}): Promise<string> {
  const result = await client.submit({ service_code: 'SNOWPLOW', ...HARTFORD, description: 'Street not plowed since yesterday.', ...extra });
  return result.service_request_id!;
}

/** A batch request: the reference backend answers with a token only. */
async function submitBatch(): Promise<string> {
  const result = await client.submit({
    service_code: 'BULKY',
    ...HARTFORD,
    description: 'A sofa.',
    attributes: { ITEMS: ['FURNITURE'], ITEM_COUNT: '1' },
  });
  expect(result.service_request_id).to.be.undefined;
  return result.token!;
}

async function seeded(status: 'open' | 'closed', when?: 'overdue' | 'future'): Promise<ServiceRequest> {
  const all = await client.requests({ status, extensions: true });
  const now = Date.now();
  const match = all.find((r) => {
    if (!when) return Boolean(r.status_notes) && (r.notes?.length ?? 0) > 1;
    if (!r.expected_datetime) return false;
    return when === 'overdue' ? Date.parse(r.expected_datetime) < now : Date.parse(r.expected_datetime) > now;
  });
  expect(match, `a seeded ${status} ${when ?? ''} request`).to.exist;
  return match!;
}

/** A one-pixel PNG drawn in the browser, to send as the request's photo. */
const pixel = () =>
  new Promise<Blob>((resolve) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    canvas.toBlob((b) => resolve(b!), 'image/png');
  });

/** The real client, with answers the test can change between two checks. */
function changeable(): { backend: CivicBackend; calls: () => number; change(fn: (r: ServiceRequest) => ServiceRequest): void } {
  let edit = (r: ServiceRequest) => r;
  let calls = 0;
  const backend: CivicBackend = Object.create(client);
  backend.request = async (id, options) => {
    calls++;
    const r = await client.request(id, options);
    return r && edit(r);
  };
  return { backend, calls: () => calls, change: (fn) => (edit = fn) };
}

describe('<civic-status-tracker>', () => {
  it('is accessible with its lookup form', async () => {
    const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker>`);
    expect(text(el, 'h2.title')).to.equal('Track a request');
    expect(text(el, 'label[for=reference]')).to.equal('Reference number');
    expect(input(el).getAttribute('aria-describedby')).to.equal('reference-hint');
    await expect(el).to.be.accessible();
  });

  describe('looking up a reference number typed in the form', () => {
    it('shows the service, status in plain words, expected date, details and timeline of a new request', async () => {
      const id = await submitOpen();
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker>`);
      const loaded = oneEvent(el, 'civic-request-loaded');
      await lookUp(el, ` #${id} `);
      const { detail } = await loaded;
      expect(detail.serviceRequestId).to.equal(id);
      expect(detail.request.status).to.equal('open');
      await settled(el);
      expect(text(el, '[part=request-title]')).to.equal(`${detail.request.service_name}: request ${id}`);
      expect(q(el, 'h3[part=request-title]')).to.exist;
      expect(text(el, '[part=status]')).to.equal('Open: the city is working on it');
      expect(q(el, '[part=expected]'), 'no date given yet').to.be.null;
      const shown = details(el);
      expect(shown['Reference number']).to.equal(id);
      expect(shown['Handled by']).to.equal(detail.request.agency_responsible);
      expect(shown['Reported']).to.match(/^\w+ \d+, \d{4} \((now|\d+ seconds? ago)\)$/);
      expect(shown['What was reported']).to.equal('Street not plowed since yesterday.');
      const notes = [...shadow(el).querySelectorAll('[part=timeline] li')];
      expect(notes.map((li) => li.querySelector('.note-title')!.textContent)).to.deep.equal(['Request received']);
      expect(notes[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(detail.request.notes![0]!.datetime);
      expect(q(el, 'h4.section-title')!.textContent).to.equal('What has happened so far');
      expect(input(el).value).to.equal(` #${id} `);
      await waitUntil(() => announced(el) === `Request ${id}: Open: the city is working on it`, 'found announced');
      await expect(el).to.be.accessible();
    });

    it('asks for a number when the form is sent empty, with the GOV.UK error summary', async () => {
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker>`);
      await lookUp(el, '   ');
      await el.updateComplete;
      const summary = q(el, '[part=error-summary]')!;
      expect(shadow(el).activeElement).to.equal(summary);
      expect(text(el, '[part=error-summary] a')).to.equal('Enter your reference number');
      expect(text(el, '.civic-error-message')).to.equal('Error: Enter your reference number');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      document.title = document.title.replace(/^Error: /, '');
    });

    it('shows a photo sent with the request, with alt text', async () => {
      const id = await submitOpen({ media: await pixel() });
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${id}></civic-status-tracker>`,
      );
      await settled(el);
      const img = q<HTMLImageElement>(el, '[part=photo] img')!;
      expect(img.alt).to.equal(`Photo sent with request ${id}`);
      expect(img.src).to.equal((await client.request(id))!.media_url);
      await waitUntil(() => img.complete && img.naturalWidth === 1, 'photo loaded from the backend');
    });
  });

  describe('a closed request (request-id attribute)', () => {
    it('says "Closed" with the city\'s explanation, no expected date, and the whole timeline', async () => {
      const closed = await seeded('closed');
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${closed.service_request_id!}></civic-status-tracker>`,
      );
      await settled(el);
      expect(text(el, '[part=status]')).to.equal('Closed');
      expect(text(el, '[part=status-notes]')).to.equal(closed.status_notes);
      expect(q(el, '[part=expected]')).to.be.null;
      const titles = [...shadow(el).querySelectorAll('[part=timeline] .note-title')].map((n) => n.textContent);
      expect(titles).to.have.length(closed.notes!.length);
      expect(titles.at(-1)).to.equal('Closed');
      expect(input(el).value).to.equal(closed.service_request_id);
      await expect(el).to.be.accessible();
    });
  });

  describe('an open request with an expected date', () => {
    it('shows the date prominently, with how far away it is, and where the request is', async () => {
      const soon = await seeded('open', 'future');
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${soon.service_request_id!}></civic-status-tracker>`,
      );
      await settled(el);
      expect(text(el, '[part=expected] .expected-date')).to.match(/^Expected by \w+day, \w+ \d+$/);
      expect(q(el, '[part=expected] time')!.getAttribute('datetime')).to.equal(soon.expected_datetime);
      expect(text(el, '[part=expected] .muted')).to.match(/^The city expects to finish this (in \d+ \w+|tomorrow|next \w+)\.$/);
      expect(details(el)['Location']).to.equal(soon.address);
      await expect(el).to.be.accessible();
    });
  });

  describe('the map of the location', () => {
    it('shows the request\'s place with a pin, in a labelled region, accessibly', async () => {
      const id = await submitOpen();
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${id}></civic-status-tracker>`);
      await settled(el);
      const region = q(el, '[part=map]')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(region.getAttribute('aria-label')).to.equal(`Map showing where request ${id} is`);
      await waitUntil(() => region.querySelector('.leaflet-marker-icon'), 'pin drawn', { timeout: 15_000 });
      await waitUntil(() => region.querySelector<HTMLImageElement>('.leaflet-tile-loaded'), 'tiles from tile-url');
      expect(region.querySelector<HTMLImageElement>('.leaflet-tile')!.src).to.equal(TILE);
      // The pin sits in the middle of the map: the map is centred on the request.
      const pin = region.querySelector('.leaflet-marker-icon')!.getBoundingClientRect();
      const box = region.getBoundingClientRect();
      expect(Math.abs(pin.left + pin.width / 2 - (box.left + box.width / 2))).to.be.below(2);
      expect(Math.abs(pin.bottom - (box.top + box.height / 2))).to.be.below(2);
      expect(region.querySelector('.leaflet-control-attribution')!.textContent).to.include('OpenStreetMap contributors');
      await expect(el).to.be.accessible();
    });

    it('says so under the address when the tiles cannot load (a tile URL that 404s), and not when they do', async () => {
      const { service_request_id: id } = await client.submit({ service_code: 'SNOWPLOW', ...HARTFORD, address_string: '550 Main Street', description: 'Street not plowed.' });
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${`${OPEN311_ENDPOINT}/no-such-tiles/{z}/{x}/{y}.png`} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${id!}></civic-status-tracker>`,
      );
      await settled(el);
      await waitUntil(() => q(el, '[part=map-problem]'), 'the failure said', { timeout: 15_000 });
      expect(q(el, '[part=map-problem]')!.textContent).to.equal("The map couldn't load. The address above says where the request is.");
      await expect(el).to.be.accessible();

      el.remove();
      const fine = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${id!}></civic-status-tracker>`);
      await settled(fine);
      // The map loads only once in view.
      fine.scrollIntoView();
      await waitUntil(() => q(fine, '[part=map] .leaflet-tile-loaded'), 'tiles loaded', { timeout: 15_000 });
      expect(q(fine, '[part=map-problem]')).to.equal(null);
    });

    it('loads the map only when it scrolls into view', async () => {
      // Leaflet already fetched, so only the tracker's own choice can keep the map away.
      await loadMapKit();
      const id = await submitOpen();
      const page = await fixture<HTMLDivElement>(html`<div>
        <div style="height: 300vh"></div>
        <civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${id}></civic-status-tracker>
      </div>`);
      const el = page.querySelector('civic-status-tracker')!;
      await settled(el);
      await el.updateComplete;
      await nextFrame();
      await nextFrame();
      expect(q(el, '[part=map]'), 'the region is there').to.exist;
      expect(q(el, '.leaflet-container'), 'no map drawn off screen').to.equal(null);
      q(el, '[part=map]')!.scrollIntoView();
      await waitUntil(() => q(el, '[part=map] .leaflet-marker-icon'), 'map drawn once in view', { timeout: 15_000 });
    });

    it('moves with the request looked up next, and leaves no map for a request without a place', async () => {
      const first = await submitOpen();
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${first}></civic-status-tracker>`);
      await settled(el);
      await waitUntil(() => q(el, '[part=map] .leaflet-marker-icon'), 'first pin');
      const closed = await seeded('closed');
      await lookUp(el, closed.service_request_id!);
      await waitUntil(() => details(el)['Reference number'] === closed.service_request_id, 'second request', { timeout: 15_000 });
      await waitUntil(() => q(el, '[part=map] .leaflet-marker-icon'), 'second pin');
      expect(shadow(el).querySelectorAll('.leaflet-marker-icon')).to.have.length(1);
      const placeless = changeable();
      placeless.change(({ lat: _lat, long: _long, ...rest }) => rest);
      el.backend = placeless.backend;
      await waitUntil(() => q(el, '[part=request]') && !q(el, '[part=map]'), 'no map without coordinates', { timeout: 15_000 });
    });
  });

  describe('an overdue request', () => {
    it('says it is overdue, with when it was expected', async () => {
      const late = await seeded('open', 'overdue');
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${late.service_request_id!}></civic-status-tracker>`,
      );
      await settled(el);
      expect(q(el, '[part=expected]')!.classList.contains('expected--overdue')).to.be.true;
      expect(text(el, '[part=expected]')).to.match(/^Overdue: expected by \w+day, \w+ \d+/);
      expect(text(el, '[part=expected]')).to.match(/expected to finish this (\d+ \w+ ago|yesterday|last \w+) and it is still open\.$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('looking up by token (batch services)', () => {
    it('resolves a token attribute through the tokens endpoint and shows the request', async () => {
      const token = await submitBatch();
      const id = await client.requestIdForToken(token);
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" token=${token}></civic-status-tracker>`);
      const { detail } = await oneEvent(el, 'civic-request-loaded');
      expect(detail.serviceRequestId).to.equal(id);
      await settled(el);
      expect(text(el, '[part=request-title]')).to.equal(`Bulky Waste Pickup: request ${id}`);
    });

    it('takes a token typed in the form too', async () => {
      const token = await submitBatch();
      const id = await client.requestIdForToken(token);
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker>`);
      await lookUp(el, token);
      await settled(el);
      expect(details(el)['Reference number']).to.equal(id);
    });

    it('says "still being processed" while the server has no id, and keeps checking until it has one', async () => {
      const token = await submitBatch();
      let ready = false;
      let checks = 0;
      const backend: CivicBackend = Object.create(client);
      backend.requestIdForToken = async (t) => {
        checks++;
        return ready ? client.requestIdForToken(t) : undefined;
      };
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} .backend=${backend} url-param="" token=${token} processing-interval="0.05"></civic-status-tracker>`,
      );
      await settled(el);
      expect(text(el, '[part=processing] h3')).to.equal('Your request is still being processed');
      expect(text(el, '[part=processing]')).to.include(`Temporary reference: ${token}`);
      await waitUntil(() => announced(el) === 'Your request is still being processed', 'processing announced');
      await expect(el).to.be.accessible();
      await waitUntil(() => checks >= 3, 'checked again');
      expect(q(el, '[part=processing]')).to.exist;
      ready = true;
      await waitUntil(() => q(el, '[part=request]'), 'request shown once the token resolves', { timeout: 15_000 });
      expect(text(el, '[part=request-title]')).to.match(/^Bulky Waste Pickup: request \d+$/);
    });
  });

  describe('an unknown reference number', () => {
    it('says it could not find it, what to check, and keeps the number typed', async () => {
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker>`);
      await lookUp(el, '99999999');
      await settled(el);
      expect(text(el, '[part=not-found] h3')).to.equal("We couldn't find request 99999999");
      const checks = text(el, '[part=not-found] ul');
      expect(checks).to.include('exactly as it appears on the confirmation page');
      expect(checks).to.include('can take a few minutes to appear');
      expect(input(el).value).to.equal('99999999');
      await waitUntil(() => announced(el) === "We couldn't find request 99999999", 'not found announced');
      await expect(el).to.be.accessible();
    });

    it('promises no confirmation email (Open311 sends none), unless the city that sends one says so in its strings', async () => {
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker>`);
      await lookUp(el, '99999997');
      await settled(el);
      const words = shadow(el).textContent!.replace(/\s+/g, ' ');
      expect(words).to.include('It is on the confirmation page');
      expect(words).not.to.match(/e-?mail/i);
      const es = await fixture(html`<div lang="es"><civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker></div>`);
      const spanish = es.querySelector('civic-status-tracker')!;
      await lookUp(spanish, '99999996');
      await settled(spanish);
      expect(shadow(spanish).textContent).not.to.match(/correo/i);

      const emailing = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""
        .strings=${{ trackerHint: 'It is in the confirmation email we sent you, for example 10234.' }}></civic-status-tracker>`);
      expect(shadow(emailing).textContent).to.include('confirmation email we sent you');
    });

    it('says the same of a token the server never gave', async () => {
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" token="00000000-0000-4000-8000-000000000000"></civic-status-tracker>`,
      );
      await settled(el);
      expect(text(el, '[part=not-found] h3')).to.equal("We couldn't find request 00000000-0000-4000-8000-000000000000");
    });
  });

  describe('backend down', () => {
    it('explains the failure accessibly and keeps the number typed', async () => {
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${DOWN} url-param=""></civic-status-tracker>`);
      await lookUp(el, '100001');
      await settled(el);
      expect(text(el, '[role=alert]')).to.match(/couldn.t reach the city.s service/i);
      expect(input(el).value).to.equal('100001');
      await expect(el).to.be.accessible();
    });

    it('"Try again" asks again and shows the request once the backend answers', async () => {
      const id = await submitOpen();
      let down = true;
      const backend: CivicBackend = Object.create(client);
      backend.request = async (ref, options) => {
        if (down) throw new NetworkError();
        return client.request(ref, options);
      };
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} .backend=${backend} url-param="" request-id=${id}></civic-status-tracker>`);
      await settled(el);
      expect(q(el, '[part=retry-button]')).to.exist;
      down = false;
      q<HTMLButtonElement>(el, '[part=retry-button]')!.click();
      await waitUntil(() => q(el, '[part=request]'), 'request after retry', { timeout: 15_000 });
      expect(text(el, '[part=status]')).to.equal('Open: the city is working on it');
    });
  });

  describe('"not found" only when the server said so', () => {
    /** A tracker talking JSON to a fixture server, as servers nobody here wrote answer. */
    const trackerFor = (routes: Record<string, FixtureAnswer>) =>
      fixture<CivicStatusTracker>(
        html`<civic-status-tracker
          tile-url=${TILE}
          url-param=""
          .backend=${new Open311Client({ endpoint: FIXTURE_ENDPOINT, format: 'json', fetch: fixtureFetch(routes).fetch })}
        ></civic-status-tracker>`,
      );

    it('an answer of the wrong shape is a problem with the service, not an unknown number', async () => {
      const el = await trackerFor({ 'requests/4711.json': { body: '{"service_requests":{"status":"maintenance"}}', type: 'application/json' } });
      await lookUp(el, '4711');
      await settled(el);
      expect(q(el, '[part=not-found]')).to.equal(null);
      expect(text(el, '[role=alert]')).to.match(/sent an answer we couldn.t read/i);
      expect(q(el, '[part=retry-button]')).to.exist;
      expect(input(el).value).to.equal('4711');
      await expect(el).to.be.accessible();
    });

    it('a 404 that comes as a web page (a CMS in front of the server) is an unknown number', async () => {
      const page = { status: 404, type: 'text/html', body: '<!doctype html><html lang="en"><title>Not found</title><h1>Page not found</h1></html>' };
      const el = await trackerFor({ 'requests/4712.json': page, 'tokens/00000000-0000-4000-8000-000000000001.json': page, 'requests/00000000-0000-4000-8000-000000000001.json': page });
      await lookUp(el, '4712');
      await settled(el);
      expect(text(el, '[part=not-found] h3')).to.equal("We couldn't find request 4712");
      await lookUp(el, '00000000-0000-4000-8000-000000000001');
      await waitUntil(() => text(el, '[part=not-found] h3').includes('00000000-0000-4000-8000-000000000001'), 'unknown token not found');
      await expect(el).to.be.accessible();
    });

    it("a server that answers someone else's request for this number shows none of it", async () => {
      const el = await trackerFor({ 'requests/4713.json': { file: 'requests-bare.json' } });
      await lookUp(el, '4713');
      await settled(el);
      expect(q(el, '[part=request]')).to.equal(null);
      expect(text(el, '[part=not-found] h3')).to.equal("We couldn't find request 4713");
    });
  });

  describe('deep links: the reference in the page URL', () => {
    let saved: string;
    beforeEach(() => (saved = location.href));
    afterEach(() => history.replaceState(history.state, '', saved));

    it('reads ?request= and writes the number looked up back with replaceState', async () => {
      const first = await submitOpen();
      const second = await submitOpen();
      history.replaceState(history.state, '', `${location.pathname}?request=${first}`);
      const length = history.length;
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT}></civic-status-tracker>`);
      await settled(el);
      expect(details(el)['Reference number']).to.equal(first);
      expect(input(el).value).to.equal(first);
      await lookUp(el, second);
      await waitUntil(() => details(el)['Reference number'] === second, 'second request shown', { timeout: 15_000 });
      expect(new URL(location.href).searchParams.get('request')).to.equal(second);
      expect(history.length).to.equal(length);
    });

    it('uses another parameter name with url-param, and none when it is empty', async () => {
      const id = await submitOpen();
      history.replaceState(history.state, '', `${location.pathname}?ref=${id}&request=nope`);
      const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="ref"></civic-status-tracker>`);
      await settled(el);
      expect(details(el)['Reference number']).to.equal(id);
      const off = await fixture<CivicStatusTracker>(html`<civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker>`);
      await aTimeout(50);
      expect(q(off, '[part=request], [role=status]:not([aria-live])')).to.be.null;
      expect(input(off).value).to.equal('');
    });
  });

  describe('refreshing while the page is visible', () => {
    it('announces a change of status and shows it', async () => {
      const id = await submitOpen();
      const live = changeable();
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} .backend=${live.backend} url-param="" request-id=${id} refresh-interval="0.05"></civic-status-tracker>`,
      );
      await settled(el);
      await waitUntil(() => announced(el).startsWith(`Request ${id}: Open`), 'found announced');
      const reloaded = oneEvent(el, 'civic-request-loaded');
      live.change((r) => ({ ...r, status: 'closed', status_notes: 'Plowed this morning.' }));
      await waitUntil(() => announced(el) === `Request ${id} has changed: Closed`, 'status change announced', { timeout: 15_000 });
      expect(text(el, '[part=status]')).to.equal('Closed');
      expect(text(el, '[part=status-notes]')).to.equal('Plowed this morning.');
      expect((await reloaded).detail.request.status).to.equal('closed');
    });

    it('announces a new note', async () => {
      const id = await submitOpen();
      const live = changeable();
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} .backend=${live.backend} url-param="" request-id=${id} refresh-interval="0.05"></civic-status-tracker>`,
      );
      await settled(el);
      const assigned = { datetime: new Date().toISOString(), type: 'assigned', summary: 'Assigned' };
      live.change((r) => ({ ...r, notes: [...(r.notes ?? []), assigned] }));
      await waitUntil(() => announced(el) === `New update on request ${id}: Assigned to a team`, 'note announced', { timeout: 15_000 });
      expect(shadow(el).querySelectorAll('[part=timeline] li')).to.have.length(2);
    });

    it('does not check while the page is hidden, and checks at once when it is shown again', async () => {
      const id = await submitOpen();
      const live = changeable();
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} .backend=${live.backend} url-param="" request-id=${id} refresh-interval="0.05"></civic-status-tracker>`,
      );
      await settled(el);
      const setVisibility = (value: 'hidden' | 'visible') => {
        Object.defineProperty(document, 'visibilityState', { value, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      };
      try {
        setVisibility('hidden');
        await aTimeout(100); // let a check already under way finish
        const before = live.calls();
        await aTimeout(300);
        expect(live.calls()).to.equal(before);
        setVisibility('visible');
        await waitUntil(() => live.calls() > before, 'checked when shown again');
      } finally {
        delete (document as { visibilityState?: unknown }).visibilityState;
      }
    });

    it('does not check at all with refresh-interval="0"', async () => {
      const id = await submitOpen();
      const live = changeable();
      const el = await fixture<CivicStatusTracker>(
        html`<civic-status-tracker tile-url=${TILE} .backend=${live.backend} url-param="" request-id=${id} refresh-interval="0"></civic-status-tracker>`,
      );
      await settled(el);
      const before = live.calls();
      await aTimeout(300);
      expect(live.calls()).to.equal(before);
    });
  });

  describe('in Spanish', () => {
    it('follows the page language, with dates in Spanish, and is accessible', async () => {
      const late = await seeded('open', 'overdue');
      const wrapper = await fixture(
        html`<div lang="es"><civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${late.service_request_id!}></civic-status-tracker></div>`,
      );
      const el = wrapper.querySelector('civic-status-tracker')!;
      await settled(el);
      expect(text(el, 'h2.title')).to.equal('Seguimiento de una solicitud');
      expect(text(el, 'label[for=reference]')).to.equal('Número de referencia');
      expect(text(el, '[part=status]')).to.equal('Abierta: la ciudad está trabajando en ella');
      expect(text(el, '[part=expected]')).to.match(/^Con retraso: estaba prevista para el \p{L}+, \d+ de \p{L}+/u);
      expect(details(el)['Reportada']).to.match(/^\d+ de \p{L}+ de \d{4} \((hace|ayer|anteayer)/u);
      expect(text(el, '[part=timeline] .note-title')).to.equal('Solicitud recibida');
      await expect(el).to.be.accessible();
    });

    it('explains an unknown number in Spanish', async () => {
      const wrapper = await fixture(html`<div lang="es"><civic-status-tracker tile-url=${TILE} endpoint=${OPEN311_ENDPOINT} url-param=""></civic-status-tracker></div>`);
      const el = wrapper.querySelector('civic-status-tracker')!;
      await lookUp(el, '99999998');
      await settled(el);
      expect(text(el, '[part=not-found] h3')).to.equal('No encontramos la solicitud 99999998');
      await expect(el).to.be.accessible();
    });
  });

  it('uses the heading level it is given', async () => {
    const closed = await seeded('closed');
    const el = await fixture<CivicStatusTracker>(
      html`<civic-status-tracker tile-url=${TILE} heading-level="1" endpoint=${OPEN311_ENDPOINT} url-param="" request-id=${closed.service_request_id!}></civic-status-tracker>`,
    );
    await settled(el);
    expect(q(el, 'h1.title')).to.exist;
    expect(q(el, 'h2.request-title')).to.exist;
    expect(q(el, 'h3.section-title')).to.exist;
  });
});
