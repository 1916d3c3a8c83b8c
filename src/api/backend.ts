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

/**
 * What the widgets depend on. `Open311Client` implements the 311 part; records and
 * notification clients join it later behind the same interface, so a city can plug in
 * its vendor by passing its own implementation as a widget's (or `<civic-hall>`'s)
 * `backend` property.
 */
export interface CivicBackend {
  discovery(): Promise<Discovery>;
  /** Whether the backend offers an extension (from discovery; false when unknown). */
  supports(extension: Open311Extension): Promise<boolean>;
  services(): Promise<Service[]>;
  serviceDefinition(serviceCode: string): Promise<ServiceDefinition>;
  requests(query?: RequestsQuery): Promise<ServiceRequest[]>;
  request(id: string, options?: { extensions?: boolean }): Promise<ServiceRequest | undefined>;
  submit(input: SubmitInput): Promise<SubmitResult>;
  requestIdForToken(token: string): Promise<string | undefined>;
}
