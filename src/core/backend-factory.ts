import type { CivicBackend } from '../api/backend.js';

/** What a widget knows about the backend it should talk to when no `backend` object is given. */
export interface BackendSettings {
  endpoint: string;
  jurisdictionId?: string;
  apiKey?: string;
  /** The widget's language, for backends that answer in it (`Accept-Language`). */
  language?: string;
}

/** Makes the backend for an `endpoint` (and jurisdiction and key). */
export type BackendFactory = (settings: BackendSettings) => CivicBackend;

let factory: BackendFactory | undefined;

/**
 * Sets how widgets turn an `endpoint` attribute into a backend. The base element does not import
 * a protocol client itself, so a widget that never talks to a backend does not carry one; widgets
 * that speak Open311 import `core/open311-backend.js`, which sets this.
 */
export function setBackendFactory(make: BackendFactory): void {
  factory = make;
}

/** The backend for `settings` from the registered factory; `undefined` when none is registered. */
export function createBackend(settings: BackendSettings): CivicBackend | undefined {
  return factory?.(settings);
}
