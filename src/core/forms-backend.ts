import { FormsClient, type FormsBackend } from '../api/forms/client.js';
import type { CivicConfig } from './context.js';

/** One client per endpoint and language, shared by every forms widget on the page. */
const clients = new Map<string, FormsClient>();
const ids = new WeakMap<FormsBackend, number>();
let nextId = 0;

/**
 * The forms backend a widget talks to, in its language: its own `formsBackend`, else a client
 * for its own `forms-endpoint`, else the hall's backend, else the hall's endpoint. `key`
 * changes when the backend (or language) does, so the widget knows to reload.
 */
export function resolveFormsBackend(
  own: { formsBackend?: FormsBackend | undefined; formsEndpoint?: string | undefined },
  hall: CivicConfig | undefined,
  locale: string,
): { key: string; backend: FormsBackend } | undefined {
  const plugged = own.formsBackend ?? (own.formsEndpoint ? undefined : hall?.formsBackend);
  if (plugged) {
    if (!ids.has(plugged)) ids.set(plugged, ++nextId);
    return { key: `backend:${ids.get(plugged)}:${locale}`, backend: plugged.withLanguage?.(locale) ?? plugged };
  }
  const endpoint = own.formsEndpoint || hall?.formsEndpoint;
  if (!endpoint) return undefined;
  const key = `${endpoint}|${locale}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = new FormsClient({ endpoint, language: locale })));
  return { key, backend: client };
}
