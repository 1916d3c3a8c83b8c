import { RecordsClient, type RecordsBackend } from '../api/records/client.js';
import type { CivicConfig } from './context.js';

/** One client per endpoint and language, shared by every records widget on the page. */
const clients = new Map<string, RecordsClient>();
const ids = new WeakMap<RecordsBackend, number>();
let nextId = 0;

/**
 * The records backend a widget talks to, in its language: its own `recordsBackend`, else a
 * client for its own `records-endpoint`, else the hall's backend, else the hall's endpoint.
 * `key` changes when the backend (or language) does, so the widget knows to reload.
 */
export function resolveRecordsBackend(
  own: { recordsBackend?: RecordsBackend | undefined; recordsEndpoint?: string | undefined },
  hall: CivicConfig | undefined,
  locale: string,
): { key: string; backend: RecordsBackend } | undefined {
  const plugged = own.recordsBackend ?? (own.recordsEndpoint ? undefined : hall?.recordsBackend);
  if (plugged) {
    if (!ids.has(plugged)) ids.set(plugged, ++nextId);
    return { key: `backend:${ids.get(plugged)}:${locale}`, backend: plugged.withLanguage?.(locale) ?? plugged };
  }
  const endpoint = own.recordsEndpoint || hall?.recordsEndpoint;
  if (!endpoint) return undefined;
  const key = `${endpoint}|${locale}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = new RecordsClient({ endpoint, language: locale })));
  return { key, backend: client };
}
