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
  private fresh?: Promise<Service[]>;

  constructor(options: Open311ClientOptions) {
    super(options);
    this.storageKey = `${STORAGE_PREFIX}${JSON.stringify([options.endpoint, options.jurisdictionId ?? ''])}`;
  }

  override services(): Promise<Service[]> {
    // One refresh per page, shared by every widget using this client; a failed one is tried again.
    const fresh = (this.fresh ??= super.services().then(
      (services) => {
        try {
          localStorage.setItem(this.storageKey, JSON.stringify(services));
        } catch {
          // Storage full or refused: the next visit asks the server again.
        }
        return services;
      },
      (error: unknown) => {
        this.fresh = undefined;
        throw error;
      },
    ));
    const stored = this.stored();
    if (!stored) return fresh;
    // Answered from storage; a failed refresh is the next visit's concern.
    fresh.catch(() => undefined);
    return Promise.resolve(stored);
  }

  private stored(): Service[] | undefined {
    try {
      const text = localStorage.getItem(this.storageKey);
      const value: unknown = text ? JSON.parse(text) : undefined;
      return Array.isArray(value) ? (value as Service[]) : undefined;
    } catch {
      return undefined;
    }
  }
}

setBackendFactory(
  ({ endpoint, jurisdictionId, apiKey }) =>
    new CachingOpen311Client({ endpoint, ...(jurisdictionId ? { jurisdictionId } : {}), ...(apiKey ? { apiKey } : {}) }),
);
