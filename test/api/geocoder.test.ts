import { expect } from '@open-wc/testing';
import { NominatimGeocoder, shortAddress } from '../../src/api/geocoder.js';
import { CivicError, HtmlErrorPageError, MalformedResponseError, NetworkError, TimeoutError } from '../../src/api/errors.js';
import { Open311Error } from '../../src/api/open311-error.js';
import { BACKEND_URL } from '../helpers/backend.js';

const GEOCODER = `${BACKEND_URL}/geocode`;
const HARTFORD: [number, number, number, number] = [-72.72, 41.72, -72.66, 41.81];

/** A fetch that answers `body` and records the URLs it was asked for. */
function answering(body: string, init: ResponseInit = { status: 200, headers: { 'content-type': 'application/json' } }) {
  const urls: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response(body, init);
  }) as typeof globalThis.fetch;
  return { fetch, urls };
}

describe('NominatimGeocoder', () => {
  describe('search against the reference backend', () => {
    it('finds seeded addresses with coordinates, a display name and address parts', async () => {
      // Park Street has no named place, so every result is a plain house.
      const results = await new NominatimGeocoder({ url: GEOCODER }).search('Park St', { limit: 3 });
      expect(results).to.have.length(3);
      for (const r of results) {
        expect(r.displayName).to.match(/^\d+, Park Street, Hartford, Connecticut, 061\d\d, United States$/);
        expect(r.lat).to.be.within(41.7, 41.85);
        expect(r.long).to.be.within(-72.75, -72.6);
        expect(r.address?.road).to.equal('Park Street');
        expect(r.name).to.equal(undefined);
        expect(r.displayName.startsWith(`${r.address?.houseNumber}, `)).to.be.true;
        expect(r.address?.city).to.equal('Hartford');
        expect(r.address?.countryCode).to.equal('us');
      }
    });

    it('reads a named place\'s name, and gives every place the short local form residents write', async () => {
      const geocoder = new NominatimGeocoder({ url: GEOCODER });
      const [hall] = await geocoder.search('city hall', { limit: 1 });
      expect(hall!.name).to.equal('City Hall');
      expect(shortAddress(hall!)).to.equal('City Hall, 550 Main Street');
      const [corner] = await geocoder.search('Main St & Asylum Ave', { limit: 1 });
      expect(shortAddress(corner!)).to.equal('Main Street and Asylum Avenue');
      const [house] = await geocoder.search('174 Park Street', { limit: 1 });
      expect(shortAddress(house!)).to.equal('174 Park Street');
      // A geocoder that sends no address parts: its display name is all there is.
      expect(shortAddress({ lat: 1, long: 2, displayName: 'Somewhere, Far Away' })).to.equal('Somewhere, Far Away');
      expect(shortAddress({ lat: 1, long: 2, displayName: 'x', address: { road: 'Pearl Street' } })).to.equal('Pearl Street');
    });

    it('sends the language as Accept-Language too (CORS-safelisted), and the server answers in it', async () => {
      const headers: Headers[] = [];
      const recording = ((input: RequestInfo | URL, init?: RequestInit) => {
        headers.push(new Headers(init?.headers));
        return globalThis.fetch(input, init);
      }) as typeof globalThis.fetch;
      const [place] = await new NominatimGeocoder({ url: GEOCODER, fetch: recording }).search('174 Park Street', { lang: 'es-MX' });
      expect(headers[0]!.get('accept-language')).to.equal('es-MX, es;q=0.9');
      expect([...headers[0]!.keys()].sort()).to.deep.equal(['accept', 'accept-language']);
      expect(place!.address?.country).to.equal('Estados Unidos');
    });

    it('answers [] for an address it does not know, and for a blank query without asking', async () => {
      expect(await new NominatimGeocoder({ url: GEOCODER }).search('Nowhere Boulevard Zzyzx')).to.deep.equal([]);
      const spy = answering('[]');
      expect(await new NominatimGeocoder({ url: GEOCODER, fetch: spy.fetch }).search('   ')).to.deep.equal([]);
      expect(spy.urls).to.have.length(0);
    });

    it('accepts the base URL with a trailing slash or with /search pasted on', async () => {
      const plain = await new NominatimGeocoder({ url: GEOCODER }).search('Asylum', { limit: 2 });
      for (const url of [`${GEOCODER}/`, `${GEOCODER}/search`, `${GEOCODER}/search.php`]) {
        expect(await new NominatimGeocoder({ url }).search('Asylum', { limit: 2 })).to.deep.equal(plain);
      }
    });

    it('sends limit, viewbox, bounded, language and asks for jsonv2 with address details', async () => {
      const spy = answering('[]');
      await new NominatimGeocoder({ url: 'https://geo.example/nominatim', fetch: spy.fetch }).search(' 12 Main ', {
        limit: 7,
        viewbox: HARTFORD,
        bounded: true,
        lang: 'es',
      });
      const url = new URL(spy.urls[0]!);
      expect(url.origin + url.pathname).to.equal('https://geo.example/nominatim/search');
      expect(Object.fromEntries(url.searchParams)).to.deep.equal({
        q: '12 Main',
        format: 'jsonv2',
        addressdetails: '1',
        limit: '7',
        viewbox: '-72.72,41.72,-72.66,41.81',
        bounded: '1',
        'accept-language': 'es',
      });
    });
  });

  describe('reverse against the reference backend', () => {
    it('names the address nearest a point', async () => {
      const geocoder = new NominatimGeocoder({ url: GEOCODER });
      const [place] = await geocoder.search('Farmington Avenue', { limit: 1 });
      const found = await geocoder.reverse(place!.lat + 0.00005, place!.long - 0.00005);
      expect(found?.displayName).to.equal(place!.displayName);
      expect(found?.lat).to.equal(place!.lat);
    });

    it('answers undefined where no address is near (Nominatim says "Unable to geocode")', async () => {
      expect(await new NominatimGeocoder({ url: GEOCODER }).reverse(40.7128, -74.006)).to.equal(undefined);
    });
  });

  describe('failures, as the same CivicError kinds as Open311Client', () => {
    it('rejects a server error status with Open311Error', async () => {
      const error = await new NominatimGeocoder({ url: GEOCODER }).reverse(Number.NaN, Number.NaN).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(Open311Error);
      expect((error as Open311Error).status).to.equal(400);
      expect((error as CivicError).kind).to.equal('open311');
    });

    it('rejects an unreachable server with NetworkError', async () => {
      const error = await new NominatimGeocoder({ url: 'http://127.0.0.1:9/geocode' }).search('Main').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
    });

    it('rejects a server that does not answer in time with TimeoutError', async () => {
      const never = (() => new Promise<Response>(() => {})) as typeof fetch;
      const error = await new NominatimGeocoder({ url: GEOCODER, fetch: never, timeout: 50 }).search('Main').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(TimeoutError);
    });

    it('rejects an HTML page (proxy, captive portal) with HtmlErrorPageError', async () => {
      const spy = answering('<!doctype html><title>Bad gateway</title>', { status: 502, headers: { 'content-type': 'text/html' } });
      const error = await new NominatimGeocoder({ url: GEOCODER, fetch: spy.fetch }).search('Main').catch((e: unknown) => e);
      expect(error).to.be.instanceOf(HtmlErrorPageError);
    });

    it('rejects answers of the wrong shape with MalformedResponseError', async () => {
      for (const body of ['{"places": []}', '[{"lat": "x", "lon": "1", "display_name": "A"}]', '[{"lat": "1", "lon": "1"}]', 'not json']) {
        const spy = answering(body);
        const error = await new NominatimGeocoder({ url: GEOCODER, fetch: spy.fetch }).search('Main').catch((e: unknown) => e);
        expect(error, body).to.be.instanceOf(MalformedResponseError);
      }
    });
  });
});
