import type { CivicBackend } from '../api/backend.js';
import type { CivicConfig } from './context.js';

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

/** One client per endpoint, jurisdiction, key and language, shared by the widgets of the page. */
const sharedClients = new Map<string, CivicBackend>();

/**
 * The backend a widget talks to: its own `backend`, else a client for its own `endpoint`, else
 * the hall's `backend`, else a client for the hall's `endpoint` (made by the registered factory);
 * `undefined` when nothing is configured. Own settings win over the hall's unless empty. Every
 * widget with the same endpoint, jurisdiction, key and language shares one client, so discovery
 * is asked for once. The language is part of the key: a live language switch gives a new client,
 * so the widget reloads the backend's content (service names, questions, notes) in it.
 */
export function backendFor(own: Pick<CivicConfig, 'endpoint' | 'jurisdictionId' | 'apiKey' | 'backend'>, hall: CivicConfig | undefined, language: string): CivicBackend | undefined {
  if (own.backend) return own.backend;
  if (!own.endpoint && hall?.backend) return hall.backend;
  const endpoint = own.endpoint || hall?.endpoint;
  if (!endpoint) return undefined;
  const jurisdictionId = own.jurisdictionId || hall?.jurisdictionId;
  const apiKey = own.apiKey || hall?.apiKey;
  const key = JSON.stringify([endpoint, jurisdictionId ?? '', apiKey ?? '', language]);
  let client = sharedClients.get(key);
  if (!client) {
    client = createBackend({ endpoint, language, ...(jurisdictionId ? { jurisdictionId } : {}), ...(apiKey ? { apiKey } : {}) });
    if (client) sharedClients.set(key, client);
  }
  return client;
}
