import type { Catalog, Message, PluralMessage } from './i18n.js';

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

/** A city's JSON catalog file (see `registerCatalogUrl`); rejects when it cannot be fetched or read. */
export async function fetchCatalogFile(url: string | URL): Promise<Catalog> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${String(url)} answered ${response.status}`);
  return messagesIn(await response.json());
}
