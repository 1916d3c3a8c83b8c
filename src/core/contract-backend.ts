/** A backend a city may plug in instead of the contract's own client. */
export interface LanguageAware<B> {
  withLanguage?(language: string): B;
}

/**
 * The resolver of one JSON contract's backend (records, notifications, forms): for a widget, in
 * its language, its own plugged backend, else a client for its own endpoint, else the hall's
 * backend, else a client for the hall's endpoint. One client per endpoint and language is shared
 * by every widget of that contract on the page; `key` changes when the backend (or language)
 * does, so the widget knows to reload.
 */
export function contractBackendResolver<B extends LanguageAware<B>>(client: (endpoint: string, language: string) => B) {
  const clients = new Map<string, B>();
  const ids = new WeakMap<B, number>();
  let nextId = 0;
  return (
    own: { backend?: B | undefined; endpoint?: string | undefined },
    hall: { backend?: B | undefined; endpoint?: string | undefined },
    locale: string,
  ): { key: string; backend: B } | undefined => {
    const plugged = own.backend ?? (own.endpoint ? undefined : hall.backend);
    if (plugged) {
      if (!ids.has(plugged)) ids.set(plugged, ++nextId);
      return { key: `backend:${ids.get(plugged)}:${locale}`, backend: plugged.withLanguage?.(locale) ?? plugged };
    }
    const endpoint = own.endpoint || hall.endpoint;
    if (!endpoint) return undefined;
    const key = `${endpoint}|${locale}`;
    let made = clients.get(key);
    if (!made) clients.set(key, (made = client(endpoint, locale)));
    return { key, backend: made };
  };
}
