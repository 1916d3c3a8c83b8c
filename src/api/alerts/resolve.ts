/**
 * From the messages of one or more feeds to what a resident should see now: CAP semantics
 * applied (status, Update/Cancel, expiry), then most severe first.
 */

import type { AlertInfo, CivicAlert } from './types.js';
import { SEVERITIES, URGENCIES } from './values.js';

/** CAP identifies a message by sender and identifier together (`sent` only disambiguates re-use). */
const keyOf = (sender: string, identifier: string) => `${sender}\u0000${identifier}`;

/** Rank of an alert: its most severe, then most urgent, still-valid info block. */
function rank(alert: CivicAlert): [number, number] {
  let severity = SEVERITIES.length;
  let urgency = URGENCIES.length;
  for (const info of alert.info) {
    severity = Math.min(severity, SEVERITIES.indexOf(info.severity));
    urgency = Math.min(urgency, URGENCIES.indexOf(info.urgency));
  }
  // A city's declared emergency comes first whatever the sender marked its severity as.
  return [alert.emergency ? -1 : severity, urgency];
}

/**
 * The alerts to show at `now`, most severe first (then most urgent, then newest):
 * - only `status` Actual and `scope` Public (drills, tests and restricted messages are not for residents);
 * - an Update or Cancel removes every message it `references`; a Cancel itself is never shown;
 * - info blocks past `expires` are dropped, and an alert with none left is not shown;
 * - Ack and Error messages are not shown.
 */
export function activeAlerts(messages: readonly CivicAlert[], now: Date = new Date()): CivicAlert[] {
  const replaced = new Set<string>();
  for (const m of messages) {
    if (m.status !== 'Actual') continue;
    for (const ref of m.references) replaced.add(keyOf(ref.sender, ref.identifier));
  }
  const seen = new Set<string>();
  const out: CivicAlert[] = [];
  for (const m of messages) {
    const key = keyOf(m.sender, m.identifier);
    if (seen.has(key) || replaced.has(key)) continue;
    seen.add(key);
    if (m.status !== 'Actual' || m.scope !== 'Public') continue;
    if (m.msgType !== 'Alert' && m.msgType !== 'Update') continue;
    const info = m.info.filter((i) => !i.expires || i.expires.getTime() > now.getTime());
    if (info.length === 0) continue;
    out.push(info.length === m.info.length ? m : { ...m, info });
  }
  return out.sort((a, b) => {
    const [sa, ua] = rank(a);
    const [sb, ub] = rank(b);
    return sa - sb || ua - ub || b.sent.getTime() - a.sent.getTime();
  });
}

/** When the next shown info block expires, to re-check then; `undefined` when none does. */
export function nextExpiry(alerts: readonly CivicAlert[]): Date | undefined {
  let next: Date | undefined;
  for (const a of alerts) for (const i of a.info) if (i.expires && (!next || i.expires < next)) next = i.expires;
  return next;
}

/** Extreme or Severe, or the city's emergency: shown as an emergency and never dismissible. */
export function isEmergency(alert: CivicAlert): boolean {
  return alert.emergency === true || alert.info.some((i) => i.severity === 'Extreme' || i.severity === 'Severe');
}

const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

/**
 * The info block for a reader of `locale`: the same language (`es-MX` takes `es-US`), else
 * English, else the first. `translated` is false when the block is in another language than
 * asked, so the banner can say so.
 */
export function infoFor(alert: CivicAlert, locale: string): { info: AlertInfo; translated: boolean } | undefined {
  const wanted = primary(locale);
  const same = alert.info.find((i) => primary(i.language) === wanted);
  if (same) return { info: same, translated: true };
  const fallback = alert.info.find((i) => primary(i.language) === 'en') ?? alert.info[0];
  return fallback ? { info: fallback, translated: false } : undefined;
}

/**
 * A short fingerprint of what a block says (FNV-1a over its words and severity), so a dismissed
 * alert comes back when its content changes but not when it is merely re-sent.
 */
export function contentHash(info: AlertInfo): string {
  const content = [info.severity, info.event, info.headline, info.description, info.instruction, info.web].join('\u0000');
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    h ^= content.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
