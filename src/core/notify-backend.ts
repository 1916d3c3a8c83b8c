import { NotifyClient, type NotifyBackend } from '../api/notify/client.js';
import type { CivicConfig } from './context.js';

/** One client per endpoint and language, shared by every notification widget on the page. */
const clients = new Map<string, NotifyClient>();
const ids = new WeakMap<NotifyBackend, number>();
let nextId = 0;

/**
 * The notifications backend a widget talks to, in its language: its own `notifyBackend`, else a
 * client for its own `notify-endpoint`, else the hall's backend, else the hall's endpoint.
 * `key` changes when the backend (or language) does, so the widget knows to reload.
 */
export function resolveNotifyBackend(
  own: { notifyBackend?: NotifyBackend | undefined; notifyEndpoint?: string | undefined },
  hall: CivicConfig | undefined,
  locale: string,
): { key: string; backend: NotifyBackend } | undefined {
  const plugged = own.notifyBackend ?? (own.notifyEndpoint ? undefined : hall?.notifyBackend);
  if (plugged) {
    if (!ids.has(plugged)) ids.set(plugged, ++nextId);
    return { key: `backend:${ids.get(plugged)}:${locale}`, backend: plugged.withLanguage?.(locale) ?? plugged };
  }
  const endpoint = own.notifyEndpoint || hall?.notifyEndpoint;
  if (!endpoint) return undefined;
  const key = `${endpoint}|${locale}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = new NotifyClient({ endpoint, language: locale })));
  return { key, backend: client };
}
