import { fetchText } from '../api/fetch-text.js';
import type { Catalog, Message, PluralMessage } from './i18n.js';

/** A catalog host that never answers must not keep a widget waiting for its words. */
const CATALOG_TIMEOUT_MS = 10_000;

/** Only messages (strings, or plural forms with `other`) from a catalog file; anything else is left out. */
function messagesIn(value: unknown): Catalog {
  const catalog: Record<string, Message> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return catalog;
  for (const [key, message] of Object.entries(value as Record<string, unknown>)) {
    // A file is data from the page's host, not code: it cannot reach an object's prototype.
    if (key === '__proto__') continue;
    if (typeof message === 'string') catalog[key] = message;
    else if (typeof message === 'object' && message !== null && typeof (message as PluralMessage).other === 'string') {
      catalog[key] = Object.fromEntries(Object.entries(message).filter(([, form]) => typeof form === 'string')) as unknown as PluralMessage;
    }
  }
  return catalog as Catalog;
}

/**
 * A city's JSON catalog file (see `registerCatalogUrl`); rejects when it cannot be fetched or
 * read, or has not arrived within ten seconds (the widget then stays in English).
 */
export async function fetchCatalogFile(url: string | URL): Promise<Catalog> {
  const { response, text } = await fetchText(fetch, String(url), { headers: { Accept: 'application/json' } }, CATALOG_TIMEOUT_MS);
  if (!response.ok) throw new Error(`${String(url)} answered ${response.status}`);
  return messagesIn(JSON.parse(text));
}
