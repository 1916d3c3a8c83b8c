/**
 * GET `services` (see `Open311Client#services`) and its reader: a module of its own, which the
 * widgets whose first screen lists services import with them; other pages never carry it.
 */
import type { Service, ServiceType } from './types.js';
import { bool, compact, contactPolicy, isObj, listIn, str } from './normalise.js';
import { calls, type Open311Wire } from './open311.js';
import type { Loose } from './xml.js';

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
  const json = wire.format === 'auto' ? wire.get('services.json', 'json', 'services') : undefined;
  json?.catch(() => undefined);
  const fmt = await wire.wireFormat();
  return servicesFrom(await (fmt === 'json' && json ? json : wire.get(`services.${fmt}`, fmt, 'services')));
}

calls.services = { services };
