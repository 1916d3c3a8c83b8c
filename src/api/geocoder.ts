/**
 * Address search for any Nominatim-compatible geocoder (OpenStreetMap's Nominatim, a city's own
 * instance, Photon's Nominatim mode, the reference backend's `/geocode`). Protocol code only:
 * no DOM, no Lit. Failures reject with the same {@link CivicError} kinds as `Open311Client`.
 *
 * Note for pages using OpenStreetMap's public server: its usage policy forbids
 * search-as-you-type. Point `geocoder-url` at a server that allows it (your own, or a provider's).
 */

import { MalformedResponseError } from './errors.js';
import { exchange, type Exchange } from './http.js';
import type { Loose } from './xml.js';

/** `[minLng, minLat, maxLng, maxLat]`, the order GeoJSON and the `bounds` attribute use. */
export type LngLatBounds = [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** One place the geocoder found. */
export interface GeocodeResult {
  lat: number;
  long: number;
  /** The geocoder's one-line name for the place, e.g. "500, Main Street, Hartford, …". */
  displayName: string;
  /** The place's own name, when it has one ("City Hall"; Nominatim `name`). */
  name?: string;
  /** Address parts, when the server sent them (Nominatim `addressdetails`). */
  address?: {
    houseNumber?: string;
    road?: string;
    city?: string;
    state?: string;
    postcode?: string;
    country?: string;
    countryCode?: string;
  };
}

export interface GeocodeSearchOptions {
  /** Most results wanted. Default 5. */
  limit?: number;
  /** Prefer (or, with `bounded`, restrict to) places inside this box. */
  viewbox?: LngLatBounds;
  /** Only return places inside `viewbox`. */
  bounded?: boolean;
  /** Preferred language of the names (`accept-language`), e.g. `es`. */
  lang?: string;
  /** Cancels the lookup (a later keystroke made it stale): the call rejects with an `AbortError`. */
  signal?: AbortSignal;
}

export interface NominatimGeocoderOptions {
  /** Base URL: the one that `/search` and `/reverse` hang off, e.g. `https://nominatim.example.org`. */
  url: string;
  /** Milliseconds before a call rejects with `TimeoutError`. Default 10 000. */
  timeout?: number;
  /** A `fetch` to use instead of the global one (tests, service workers). */
  fetch?: typeof fetch;
}

type Place = Record<string, Loose>;

const text = (value: Loose): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

function resultFrom(place: Loose, status: number): GeocodeResult {
  if (!place || typeof place !== 'object' || Array.isArray(place)) throw new MalformedResponseError(status, 'a place is not an object');
  const p = place as Place;
  const lat = Number(p.lat);
  const long = Number(p.lon);
  const displayName = text(p.display_name);
  if (!Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180 || !displayName) {
    throw new MalformedResponseError(status, 'a place lacks lat, lon or display_name');
  }
  const result: GeocodeResult = { lat, long, displayName };
  const name = text(p.name);
  if (name) result.name = name;
  const a = p.address;
  if (a && typeof a === 'object' && !Array.isArray(a)) {
    const parts = a as Place;
    const address: NonNullable<GeocodeResult['address']> = {};
    const set = (key: keyof typeof address, ...names: string[]) => {
      for (const name of names) {
        const value = text(parts[name]);
        if (value) {
          address[key] = value;
          return;
        }
      }
    };
    set('houseNumber', 'house_number');
    set('road', 'road', 'pedestrian', 'footway');
    set('city', 'city', 'town', 'village', 'municipality');
    set('state', 'state');
    set('postcode', 'postcode');
    set('country', 'country');
    set('countryCode', 'country_code');
    if (Object.keys(address).length) result.address = address;
  }
  return result;
}

/**
 * The short local form residents write and a city's staff read: "174 Park Street", or
 * "City Hall, 550 Main Street" for a named place — not the geocoder's long display name with
 * city, county, state, zipcode and country. Falls back to the display name when the geocoder
 * sent no address parts.
 */
export function shortAddress(result: GeocodeResult): string {
  const { houseNumber, road } = result.address ?? {};
  const street = road ? (houseNumber ? `${houseNumber} ${road}` : road) : undefined;
  const name = result.name && result.name !== street && result.name !== houseNumber ? result.name : undefined;
  if (name && street) return `${name}, ${street}`;
  return name ?? street ?? result.displayName;
}

/**
 * A client for the Nominatim `search` and `reverse` API (JSON v2).
 *
 * ```ts
 * const geocoder = new NominatimGeocoder({ url: 'https://city.example/geocode' });
 * const places = await geocoder.search('500 Main St', { limit: 5, viewbox: [-72.72, 41.72, -72.66, 41.81], bounded: true });
 * const here = await geocoder.reverse(41.7637, -72.6851); // undefined when nothing is near
 * ```
 */
export class NominatimGeocoder {
  readonly url: string;
  private readonly ex: Exchange;

  constructor(options: NominatimGeocoderOptions) {
    // Accept the base with or without a trailing slash or an endpoint name pasted along with it.
    this.url = options.url.replace(/\/+$/, '').replace(/\/(search|reverse)(\.php)?$/, '');
    this.ex = { fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)), timeout: options.timeout ?? 10_000 };
  }

  /** Places matching a typed address, best first; `[]` when nothing matched or `q` is blank. */
  async search(q: string, options: GeocodeSearchOptions = {}): Promise<GeocodeResult[]> {
    if (!q.trim()) return [];
    const params = new URLSearchParams({ q: q.trim(), format: 'jsonv2', addressdetails: '1', limit: String(options.limit ?? 5) });
    if (options.viewbox) {
      params.set('viewbox', options.viewbox.join(','));
      if (options.bounded) params.set('bounded', '1');
    }
    if (options.lang) params.set('accept-language', options.lang);
    const { status, body } = await exchange(this.ex, `${this.url}/search?${params}`, 'json', { language: options.lang, signal: options.signal });
    if (!Array.isArray(body)) throw new MalformedResponseError(status, 'search did not answer a list');
    return body.map((place) => resultFrom(place, status));
  }

  /** The address nearest to a point, or `undefined` when the server knows none near it. */
  async reverse(lat: number, long: number, options: { lang?: string; signal?: AbortSignal } = {}): Promise<GeocodeResult | undefined> {
    const params = new URLSearchParams({ lat: String(lat), lon: String(long), format: 'jsonv2', addressdetails: '1' });
    if (options.lang) params.set('accept-language', options.lang);
    const { status, body } = await exchange(this.ex, `${this.url}/reverse?${params}`, 'json', { language: options.lang, signal: options.signal });
    // Nominatim answers 200 `{"error":"Unable to geocode"}` for a point with nothing near it.
    if (body && typeof body === 'object' && !Array.isArray(body) && 'error' in body) return undefined;
    return resultFrom(body, status);
  }
}
