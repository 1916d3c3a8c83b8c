/**
 * `civic-elements/api`: protocol clients and types, no Lit, no DOM rendering.
 * Runs in any browser; widgets reach backends only through {@link CivicBackend}.
 * @packageDocumentation
 */

export type { CivicBackend } from './backend.js';
export { Open311Client, type Open311ClientOptions } from './open311.js';
export {
  NominatimGeocoder,
  type GeocodeResult,
  type GeocodeSearchOptions,
  type LngLatBounds,
  type NominatimGeocoderOptions,
} from './geocoder.js';
export {
  CivicError,
  HtmlErrorPageError,
  HttpError,
  MalformedResponseError,
  NetworkError,
  Open311Error,
  TimeoutError,
  type CivicErrorKind,
  type Open311ErrorDetail,
} from './errors.js';
export type * from './types.js';
export * from './alerts/index.js';
