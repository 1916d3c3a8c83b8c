/**
 * Side effect: widgets given an `endpoint` talk Open311 GeoReport v2 to it. Imported by the
 * elements that need a backend (their `define/` modules), so the Open311 client loads only with them.
 */
import type { Service } from '../api/types.js';
import { Open311Client, type Open311ClientOptions } from '../api/open311.js';
import { setBackendFactory } from './backend-factory.js';

const STORAGE_PREFIX = 'civic-elements:services:';

/**
 * The Open311 client with the service list kept between visits (stale-while-revalidate): a
 * returning resident's first screen needs no round trip, and every answer refreshes what the
 * next visit shows. A first visit, or storage that is full or switched off, asks the server as usual.
 */
export class CachingOpen311Client extends Open311Client {
  private readonly storageKey: string;
  private fresh?: Promise<Service[]> | undefined;
  private asked = false;

  constructor(options: Open311ClientOptions) {
    super(options);
    // Per language too: a Spanish page must not be shown the English names kept by an English one.
    this.storageKey = `${STORAGE_PREFIX}${JSON.stringify([options.endpoint, options.jurisdictionId ?? '', options.language ?? ''])}`;
  }

  override async services(): Promise<Service[]> {
    // Widgets asking at the same time share one request; a later ask (a widget added later, a
    // long-open page) asks the server again.
    const fresh = (this.fresh ??= Promise.all([super.services(), this.emergencyMark()])
      .then(([services, emergency]) => {
        try {
          localStorage.setItem(this.storageKey, JSON.stringify({ services, emergency }));
        } catch {
          // Storage full or refused: the next visit asks the server again.
        }
        return services;
      })
      .finally(() => (this.fresh = undefined)));
    // Only the page's first ask may be answered from storage: later ones want what is true now.
    if (this.asked) return fresh;
    this.asked = true;
    const stored = this.stored();
    // An emergency changes the list with no warning (storm categories first): what was kept
    // stands only while discovery says the same about emergencies as when it was kept.
    if (!stored || stored.emergency !== (await this.emergencyMark())) return fresh;
    // The first screen of a return visit, answered at once; the refresh is kept for the next visit.
    fresh.catch(() => undefined);
    return stored.services;
  }

  /** What discovery says about an emergency in force, as text to compare ("null" for none or no discovery). */
  private async emergencyMark(): Promise<string> {
    try {
      return JSON.stringify((await this.discovery()).emergency ?? null);
    } catch {
      return 'null';
    }
  }

  private stored(): { services: Service[]; emergency: string } | undefined {
    try {
      const text = localStorage.getItem(this.storageKey);
      const value = (text ? JSON.parse(text) : undefined) as { services?: unknown; emergency?: unknown } | undefined;
      return value && Array.isArray(value.services) && typeof value.emergency === 'string'
        ? { services: value.services as Service[], emergency: value.emergency }
        : undefined;
    } catch {
      return undefined;
    }
  }
}

setBackendFactory(
  ({ endpoint, jurisdictionId, apiKey, language }) =>
    new CachingOpen311Client({
      endpoint,
      ...(jurisdictionId ? { jurisdictionId } : {}),
      ...(apiKey ? { apiKey } : {}),
      ...(language ? { language } : {}),
    }),
);
