import type { CivicBackend } from '../../api/backend.js';
import { createBackend } from '../backend-factory.js';
import type { CivicConfig } from '../context.js';

/** One client per endpoint, jurisdiction, key and language, shared by the plain widgets of the page. */
const sharedClients = new Map<string, CivicBackend>();

/**
 * The backend a plain widget talks to, resolved as `CivicElement#backend` does: its own
 * `backend`, else a client for its own `endpoint`, else the hall's `backend`, else a client for
 * the hall's `endpoint` (made by the factory its element registered, see
 * `core/backend-factory.ts`); `undefined` when nothing is configured. Own settings win over the
 * hall's unless empty. The language is part of the client's key: a live language switch gives a
 * new client, so the widget reloads the backend's content in the new language.
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
