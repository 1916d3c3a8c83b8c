/**
 * Side effect: widgets given an `endpoint` talk Open311 GeoReport v2 to it. Imported by the
 * elements that need a backend (their `define/` modules), so the Open311 client loads only with them.
 */
import type { Service } from '../api/types.js';
import { load, Open311Client, type Open311ClientOptions } from '../api/open311.js';
import type { ServicesCache } from '../api/open311-services.js';
import { setBackendFactory } from './backend-factory.js';

const STORAGE_PREFIX = 'civic-elements:services:';

/**
 * The Open311 client with the service list kept between visits (stale-while-revalidate): a
 * returning resident's first screen needs no round trip, and every answer refreshes what the
 * next visit shows. A first visit, or storage that is full or switched off, asks the server as
 * usual. The keeping is done with the service list's own code (`open311-services.ts`), so a page
 * that never lists services does not carry it.
 */
export class CachingOpen311Client extends Open311Client {
  private readonly cache: ServicesCache;

  constructor(options: Open311ClientOptions) {
    super(options);
    // Per language too: a Spanish page must not be shown the English names kept by an English one.
    this.cache = { key: `${STORAGE_PREFIX}${JSON.stringify([options.endpoint, options.jurisdictionId ?? '', options.language ?? ''])}` };
  }

  override async services(): Promise<Service[]> {
    return (await load('services')).cachedServices(this.cache, () => super.services(), () => this.discovery());
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
