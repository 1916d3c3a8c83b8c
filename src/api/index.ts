/**
 * `civic-elements/api`: protocol clients and types, no Lit, no DOM rendering.
 * Runs in any browser; widgets reach backends only through {@link CivicBackend}.
 * @packageDocumentation
 */

export type { CivicBackend } from './backend.js';
export { Open311Client, type Open311ClientOptions } from './open311.js';
export {
  NominatimGeocoder,
  shortAddress,
  type GeocodeResult,
  type GeocodeSearchOptions,
  type LngLatBounds,
  type NominatimGeocoderOptions,
} from './geocoder.js';
export {
  CivicError,
  ContractError,
  type ContractErrorDetail,
  HtmlErrorPageError,
  HttpError,
  MalformedResponseError,
  NetworkError,
  TimeoutError,
  type CivicErrorKind,
} from './errors.js';
export { Open311Error, type Open311ErrorDetail } from './open311-error.js';
export {
  MIN_SAMPLE,
  REPORT_WINDOWS,
  computeReportCard,
  percentile,
  type ComputeOptions,
  type DurationSummary,
  type ReportCard,
  type ReportCardRow,
} from './report-card.js';
export { loadReportCard, type LoadReportCardOptions, type ReportCardProgress } from './report-card-source.js';
export { reportCardFrom } from './report-card-wire.js';
export type * from './types.js';
export * from './records/index.js';
export * from './alerts/index.js';
export * from './notify/index.js';
export * from './forms/index.js';
