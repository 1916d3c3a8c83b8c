import { NotifyClient, type NotifyBackend } from '../api/notify/client.js';
import { contractBackendResolver } from './contract-backend.js';
import type { CivicConfig } from './context.js';

const resolve = contractBackendResolver<NotifyBackend>((endpoint, language) => new NotifyClient({ endpoint, language }));

/**
 * The notification backend a widget talks to, in its language: its own `notifyBackend`, else a client
 * for its own `notify-endpoint`, else the hall's backend, else the hall's endpoint. `key` changes
 * when the backend (or language) does, so the widget knows to reload.
 */
export function resolveNotifyBackend(
  own: { notifyBackend?: NotifyBackend | undefined; notifyEndpoint?: string | undefined },
  hall: CivicConfig | undefined,
  locale: string,
): { key: string; backend: NotifyBackend } | undefined {
  return resolve({ backend: own.notifyBackend, endpoint: own.notifyEndpoint }, { backend: hall?.notifyBackend, endpoint: hall?.notifyEndpoint }, locale);
}
