import type {
  Discovery,
  RequestsQuery,
  Service,
  ServiceDefinition,
  ServiceRequest,
  SubmitInput,
  SubmitResult,
  Open311Extension,
} from './types.js';
import type { ReportCard } from './report-card-model.js';

/**
 * What the widgets depend on. `Open311Client` implements the 311 part; records and
 * notification clients join it later behind the same interface, so a city can plug in
 * its vendor by passing its own implementation as a widget's (or `<civic-hall>`'s)
 * `backend` property.
 */
export interface CivicBackend {
  /** The discovery document (cached); `{ endpoints: [] }` when the server has none. */
  discovery(): Promise<Discovery>;
  /** Whether the backend offers an extension (from discovery; false when unknown). */
  supports(extension: Open311Extension): Promise<boolean>;
  /** The request types residents can choose from. */
  services(): Promise<Service[]>;
  /** The questions of one request type, sorted by `order`. */
  serviceDefinition(serviceCode: string): Promise<ServiceDefinition>;
  /** Public requests matching `query`; extensions fall back client side when not offered. */
  requests(query?: RequestsQuery): Promise<ServiceRequest[]>;
  /** One request, or `undefined` when the server does not know the id. */
  request(id: string, options?: { extensions?: boolean }): Promise<ServiceRequest | undefined>;
  /** Creates a request; the result has an id, or a token for `requestIdForToken`. */
  submit(input: SubmitInput): Promise<SubmitResult>;
  /** The id a token stands for, or `undefined` while the server has none yet. */
  requestIdForToken(token: string): Promise<string | undefined>;
  /** The report card the server computed (extension `statistics`); absent on backends without it. */
  statistics?(windowDays: number): Promise<ReportCard>;
}
