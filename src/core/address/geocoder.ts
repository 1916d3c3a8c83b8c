import { NominatimGeocoder, type GeocodeResult, type LngLatBounds } from '../../api/geocoder.js';

/**
 * What an address field needs from a geocoder: `NominatimGeocoder` or anything shaped like it.
 * `signal` aborts a lookup whose answer is no longer wanted (a later keystroke, a new point).
 */
export interface AddressGeocoder {
  search(
    q: string,
    options?: { limit?: number; viewbox?: LngLatBounds; bounded?: boolean; lang?: string; signal?: AbortSignal },
  ): Promise<GeocodeResult[]>;
  reverse(lat: number, long: number, options?: { lang?: string; signal?: AbortSignal }): Promise<GeocodeResult | undefined>;
}

/**
 * Milliseconds a lookup may take before the typed address is used as it is: suggestions that
 * come later than this come after the resident has moved on.
 */
export const ADDRESS_LOOKUP_TIMEOUT = 6000;

/**
 * A `NominatimGeocoder` for a `geocoder-url`, built once per URL and kept while the URL stays:
 * `geocoderFor(this.geocoder, this.config.geocoderUrl)` in a getter costs nothing per render.
 */
export class GeocoderByUrl {
  private built?: { url: string; geocoder: NominatimGeocoder };

  /** The `own` geocoder if any, else one for `url`, else `undefined` (no geocoder: free text). */
  get(own: AddressGeocoder | undefined, url: string | undefined): AddressGeocoder | undefined {
    if (own) return own;
    if (!url) return undefined;
    if (this.built?.url !== url) this.built = { url, geocoder: new NominatimGeocoder({ url, timeout: ADDRESS_LOOKUP_TIMEOUT }) };
    return this.built.geocoder;
  }
}

/** Whether `error` is the rejection of a lookup the caller aborted itself (not a failure to report). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
