import { readFileSync } from 'node:fs';
import type { ServiceRow } from '../open311/store.js';
import { el, type XmlElement } from '../xml.js';
import type { EmergencyRow, StormService } from './store.js';
import { AlertsError, Problems, isObject } from './validate.js';
import { parseDatetime } from '../time.js';
import { w3cDatetime } from '../time.js';

/** The storm categories an emergency offers when staff name none (seed content, not code). */
export const DEFAULT_STORM_SERVICES: StormService[] = JSON.parse(readFileSync(new URL('./storm-categories.json', import.meta.url), 'utf8')) as StormService[];

export interface EmergencyStart {
  name: string;
  endsAt: Date;
  everyday: 'group' | 'hide';
  services: StormService[];
  instruction?: { en: string; es?: string };
  web?: string;
}

/** A staff `POST /alerts/v1/emergency.json` with `"action": "start"`; throws AlertsError 400. */
export function readEmergencyStart(body: Record<string, unknown>, now: Date): EmergencyStart {
  const p = new Problems();
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name) p.add('name', 'Enter the name of the emergency, for example Tropical Storm Elsa.');
  else if (name.length > 120) p.add('name', 'The name must be 120 characters or fewer.');
  const endsAt = typeof body.ends === 'string' ? parseDatetime(body.ends) : undefined;
  if (!endsAt) p.add('ends', 'Enter when the emergency ends, for example 2026-07-08T18:00:00-04:00.');
  else if (endsAt <= now) p.add('ends', 'The end must be in the future.');
  const everyday = body.everyday ?? 'group';
  if (everyday !== 'group' && everyday !== 'hide') p.add('everyday', 'Use group (everyday services listed after the storm ones) or hide.');
  let services = DEFAULT_STORM_SERVICES;
  if (body.categories !== undefined) {
    const list = Array.isArray(body.categories) ? body.categories : [];
    if (list.length === 0 || list.length > 20) p.add('categories', 'Give between 1 and 20 storm categories.');
    services = list.flatMap((c, i): StormService[] => {
      const code = isObject(c) && typeof c.service_code === 'string' ? c.service_code.trim() : '';
      const label = isObject(c) && typeof c.service_name === 'string' ? c.service_name.trim() : '';
      if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) p.add(`categories[${i}].service_code`, 'Use letters, digits, _ or - (at most 40).');
      if (!label || label.length > 120) p.add(`categories[${i}].service_name`, 'Enter a name of 120 characters or fewer.');
      const description = isObject(c) && typeof c.description === 'string' ? c.description.trim().slice(0, 2000) : '';
      const keywords = isObject(c) && Array.isArray(c.keywords) ? c.keywords.filter((k) => typeof k === 'string').join(',') : '';
      return [{ service_code: code, service_name: label, description, keywords }];
    });
    if (new Set(services.map((s) => s.service_code)).size !== services.length) p.add('categories', 'Give each service_code once.');
  }
  const instruction = typeof body.instruction === 'string' && body.instruction.trim() ? body.instruction.trim().slice(0, 4000) : undefined;
  const instructionEs = typeof body.instruction_es === 'string' && body.instruction_es.trim() ? body.instruction_es.trim().slice(0, 4000) : undefined;
  let web: string | undefined;
  if (typeof body.web === 'string' && body.web) {
    try {
      web = new URL(body.web).href;
    } catch {
      p.add('web', 'Use a full web address starting with https://.');
    }
  }
  p.throwIfAny();
  return {
    name,
    endsAt: endsAt!,
    everyday: everyday as 'group' | 'hide',
    services,
    ...(instruction ? { instruction: { en: instruction, ...(instructionEs ? { es: instructionEs } : {}) } } : {}),
    ...(web ? { web } : {}),
  };
}

/** Throws AlertsError 400 unless `body` is `{ "action": "start" | "end", … }`. */
export function emergencyAction(body: unknown): { action: 'start' | 'end'; body: Record<string, unknown> } {
  if (!isObject(body)) throw AlertsError.of(400, 'body', 'Send a JSON object.');
  if (body.action !== 'start' && body.action !== 'end') throw AlertsError.of(400, 'action', 'Use start or end.');
  return { action: body.action, body };
}

/**
 * GeoReport `services` during an emergency: its storm services first (their group is the
 * emergency's name), then the everyday ones unless the city hides them. Outside an emergency,
 * services that exist only for one are left out, so every Open311 client sees the same list.
 */
export function servicesDuring<T extends Pick<ServiceRow, 'service_code'>>(services: T[], emergency: EmergencyRow | undefined, emergencyOnly: Set<string>): T[] {
  if (!emergency) return services.filter((s) => !emergencyOnly.has(s.service_code));
  const storm = new Set(emergency.service_codes);
  const first = services.filter((s) => storm.has(s.service_code));
  const everyday = emergency.everyday === 'hide' ? [] : services.filter((s) => !emergencyOnly.has(s.service_code));
  return [...first, ...everyday];
}

/** What discovery says about an emergency in force (civic-elements extension). */
export function emergencyRecord(e: EmergencyRow, alertsUrl: string, timeZone: string) {
  return {
    name: e.name,
    started: w3cDatetime(e.started_at, timeZone),
    ends: w3cDatetime(e.ends_at, timeZone),
    everyday_services: e.everyday,
    group: e.name,
    service_codes: e.service_codes,
    alert: e.alert_identifier,
    alerts_url: alertsUrl,
  };
}

export function emergencyXml(r: ReturnType<typeof emergencyRecord>): XmlElement {
  return el('emergency', [
    el('name', r.name),
    el('started', r.started),
    el('ends', r.ends),
    el('everyday_services', r.everyday_services),
    el('group', r.group),
    el('service_codes', r.service_codes.map((c) => el('service_code', c))),
    el('alert', r.alert),
    el('alerts_url', r.alerts_url),
  ]);
}
