import type { AlertCertainty, AlertInfo, AlertMsgType, AlertReference, AlertScope, AlertSeverity, AlertStatus, AlertUrgency } from './types.js';

const STATUSES: readonly AlertStatus[] = ['Actual', 'Exercise', 'System', 'Test', 'Draft'];
const MSG_TYPES: readonly AlertMsgType[] = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'];
const SCOPES: readonly AlertScope[] = ['Public', 'Restricted', 'Private'];
/** Most severe first: the order the banner shows alerts in. */
export const SEVERITIES: readonly AlertSeverity[] = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'];
export const URGENCIES: readonly AlertUrgency[] = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'];
const CERTAINTIES: readonly AlertCertainty[] = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'];

function oneOf<T extends string>(values: readonly T[], raw: unknown, fallback: T): T {
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  return values.find((v) => v.toLowerCase() === s) ?? fallback;
}

// A value a sender got wrong must not make a real alert look like a drill, nor a drill look real:
// an unknown status is treated as not for the public.
export const status = (raw: unknown): AlertStatus => oneOf(STATUSES, raw, 'Draft');
export const msgType = (raw: unknown): AlertMsgType => oneOf(MSG_TYPES, raw, 'Alert');
export const scope = (raw: unknown): AlertScope => oneOf(SCOPES, raw, 'Public');
export const severity = (raw: unknown): AlertSeverity => oneOf(SEVERITIES, raw, 'Unknown');
export const urgency = (raw: unknown): AlertUrgency => oneOf(URGENCIES, raw, 'Unknown');
export const certainty = (raw: unknown): AlertCertainty => oneOf(CERTAINTIES, raw, 'Unknown');

/** A CAP/ISO 8601 datetime; anything unreadable is `undefined` rather than a guess. */
export function date(raw: unknown): Date | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const d = new Date(raw.trim());
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function text(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const t = raw.trim();
  return t === '' ? undefined : t;
}

/**
 * CAP `references`: space-separated `sender,identifier,sent` triples. A sender or identifier
 * may not contain spaces or commas (CAP 1.2 §3.2.1), which is what makes this split safe.
 */
export function references(raw: unknown): AlertReference[] {
  if (typeof raw !== 'string') return [];
  return raw
    .trim()
    .split(/\s+/)
    .map((triple) => triple.split(','))
    .filter((parts) => parts.length >= 2 && parts[0] && parts[1])
    .map(([sender, identifier, sent]) => ({ sender: sender!, identifier: identifier!, ...(sent ? { sent } : {}) }));
}

/** An info block with CAP's defaults for what a sender left out. */
export function info(fields: Partial<Record<keyof AlertInfo, unknown>>): AlertInfo {
  const out: AlertInfo = {
    language: text(fields.language) ?? 'en-US',
    category: Array.isArray(fields.category) ? fields.category.filter((c): c is string => typeof c === 'string') : [],
    event: text(fields.event) ?? '',
    urgency: urgency(fields.urgency),
    severity: severity(fields.severity),
    certainty: certainty(fields.certainty),
    areas: Array.isArray(fields.areas) ? fields.areas.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [],
  };
  for (const key of ['effective', 'onset', 'expires'] as const) {
    const d = date(fields[key]);
    if (d) out[key] = d;
  }
  for (const key of ['senderName', 'headline', 'description', 'instruction', 'web', 'contact'] as const) {
    const t = text(fields[key]);
    if (t) out[key] = t;
  }
  return out;
}
