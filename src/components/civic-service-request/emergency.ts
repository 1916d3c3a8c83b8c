import type { AlertsClient } from '../../api/alerts/client.js';
import type { CivicBackend } from '../../api/backend.js';
import type { DiscoveryEmergency } from '../../api/types.js';

/** What the category step shows of an emergency in force, in the words of its alert. */
export interface EmergencyMode {
  name: string;
  /** The group of its storm services, listed first. */
  group: string;
  headline: string;
  instruction?: string;
  /** Language of `headline` and `instruction` (the alert's block). */
  lang?: string;
}

/**
 * The emergency discovery announces (reference backend's emergency mode), with its alert's
 * headline and instruction in the reader's language when the alert can be read; the name alone
 * otherwise. `undefined` when there is none or discovery cannot say; never rejects. The alerts
 * reader is fetched only then: a form on a calm day does not carry it.
 */
export async function loadEmergency(backend: CivicBackend, locale: string, client?: AlertsClient): Promise<EmergencyMode | undefined> {
  let e: DiscoveryEmergency | undefined;
  try {
    e = (await backend.discovery()).emergency;
  } catch {
    // No discovery (or a backend without one): no emergency mode, the form works as ever.
    return undefined;
  }
  if (!e) return undefined;
  const base: EmergencyMode = { name: e.name, group: e.group, headline: e.name };
  if (!e.alerts_url || !e.alert) return base;
  try {
    const [{ AlertsClient }, { activeAlerts, infoFor }] = await Promise.all([import('../../api/alerts/client.js'), import('../../api/alerts/resolve.js')]);
    const read = await (client ?? new AlertsClient()).read(e.alerts_url);
    if (!read.modified) return base;
    // Discovery is cached for the page's life; the alert feed is not: its alert gone means the emergency ended.
    const alert = activeAlerts(read.alerts).find((a) => a.identifier === e.alert);
    if (!alert) return undefined;
    const picked = infoFor(alert, locale);
    if (!picked) return base;
    return {
      ...base,
      headline: picked.info.headline ?? e.name,
      ...(picked.info.instruction ? { instruction: picked.info.instruction } : {}),
      lang: picked.info.language,
    };
  } catch {
    // The storm categories still come first; the panel just says less.
    return base;
  }
}
