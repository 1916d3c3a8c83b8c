/**
 * GET `services` (see `Open311Client#services`) and its reader: a module of its own, which the
 * widgets whose first screen lists services import with them; other pages never carry it.
 */
import type { Discovery, Service, ServiceType } from './types.js';
import { bool, compact, contactPolicy, type DocumentKind, isObj, listIn, str } from './normalise.js';
import { calls, type Open311Wire } from './open311.js';
import type { Loose } from './xml.js';

const SERVICES: DocumentKind = {
  name: 'services',
  keys: ['services', 'service', 'service_code'],
  list: { wrappers: ['services'], items: ['service'], record: ['service_code'] },
};

const SERVICE_TYPES: readonly ServiceType[] = ['realtime', 'batch', 'blackbox'];

function keywordsFrom(v: Loose | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap(keywordsFrom);
  if (isObj(v)) return keywordsFrom(v.keyword);
  const s = str(v);
  return s ? s.split(',').flatMap((k) => str(k) ?? []) : [];
}

function serviceFrom(v: Loose): Service | undefined {
  if (!isObj(v)) return undefined;
  const service_code = str(v.service_code);
  if (!service_code) return undefined;
  const type = str(v.type)?.toLowerCase() as ServiceType | undefined;
  return compact({
    service_code,
    // A list entry with no name is still choosable; its code is the best label there is.
    service_name: str(v.service_name) ?? service_code,
    description: str(v.description),
    metadata: bool(v.metadata, false),
    type: type && SERVICE_TYPES.includes(type) ? type : undefined,
    keywords: keywordsFrom(v.keywords),
    group: str(v.group),
    contact_policy: contactPolicy(v.contact_policy),
  });
}

/** The service list; entries without a `service_code` are dropped. */
export function servicesFrom(v: Loose): Service[] {
  return listIn(v, ['services'], ['service']).flatMap((s) => serviceFrom(s) ?? []);
}

/** The service list; with `format: 'auto'` the JSON list is asked for alongside discovery. */
export async function services(wire: Open311Wire): Promise<Service[]> {
  const json = wire.format === 'auto' ? wire.get('services.json', 'json', SERVICES) : undefined;
  json?.catch(() => undefined);
  const fmt = await wire.wireFormat();
  return servicesFrom(await (fmt === 'json' && json ? json : wire.get(`services.${fmt}`, fmt, SERVICES)));
}

/** What one caching client keeps between its calls (see `CachingOpen311Client`). */
export interface ServicesCache {
  /** The `localStorage` key: per endpoint, jurisdiction and language. */
  key: string;
  /** The ask under way, shared by widgets asking at the same time. */
  fresh?: Promise<Service[]> | undefined;
  /** Whether the page asked before: only its first ask may be answered from storage. */
  asked?: boolean;
}

/**
 * The service list kept between visits (stale-while-revalidate): a returning resident's first
 * screen needs no round trip, and every answer refreshes what the next visit shows. A first
 * visit, or storage that is full or switched off, asks the server (`ask`) as usual.
 */
export async function cachedServices(cache: ServicesCache, ask: () => Promise<Service[]>, discovery: () => Promise<Discovery>): Promise<Service[]> {
  // Widgets asking at the same time share one request; a later ask (a widget added later, a
  // long-open page) asks the server again.
  const fresh = (cache.fresh ??= Promise.all([ask(), emergencyMark(discovery)])
    .then(([list, emergency]) => {
      try {
        localStorage.setItem(cache.key, JSON.stringify({ services: list, emergency }));
      } catch {
        // Storage full or refused: the next visit asks the server again.
      }
      return list;
    })
    .finally(() => (cache.fresh = undefined)));
  // Only the page's first ask may be answered from storage: later ones want what is true now.
  if (cache.asked) return fresh;
  cache.asked = true;
  const kept = stored(cache.key);
  // An emergency changes the list with no warning (storm categories first): what was kept
  // stands only while discovery says the same about emergencies as when it was kept.
  if (!kept || kept.emergency !== (await emergencyMark(discovery))) return fresh;
  // The first screen of a return visit, answered at once; the refresh is kept for the next visit.
  fresh.catch(() => undefined);
  return kept.services;
}

/** What discovery says about an emergency in force, as text to compare ("null" for none or no discovery). */
async function emergencyMark(discovery: () => Promise<Discovery>): Promise<string> {
  try {
    return JSON.stringify((await discovery()).emergency ?? null);
  } catch {
    return 'null';
  }
}

function stored(key: string): { services: Service[]; emergency: string } | undefined {
  try {
    const text = localStorage.getItem(key);
    const value = (text ? JSON.parse(text) : undefined) as { services?: unknown; emergency?: unknown } | undefined;
    return value && Array.isArray(value.services) && typeof value.emergency === 'string'
      ? { services: value.services as Service[], emergency: value.emergency }
      : undefined;
  } catch {
    return undefined;
  }
}

calls.services = { services, cachedServices };
