import type { NotifyArea, NotifyChannel, NotifyFollowKind, NotifyFrequency, NotifyTopicChoice } from '../../src/api/notify/types.js';
import { CITY_BOX, MAX_RADIUS_M, MIN_RADIUS_M, catalog, neighbourhoodById, topicById } from './catalog.js';
import { NotifyErrorAnswer, type Language, type NotifyErrorItem } from './messages.js';

/** An area as stored: what the resident chose, and the circle it stands for. */
export interface ResolvedArea {
  area: NotifyArea;
  lat: number;
  lon: number;
  radius_m: number;
}

export type Body = Record<string, unknown>;

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Collects every problem of a body, so the answer lists them all at once. */
export class Problems {
  readonly items: NotifyErrorItem[] = [];
  add(item: NotifyErrorItem): undefined {
    this.items.push(item);
    return undefined;
  }
  throwIfAny(): void {
    if (this.items.length) throw new NotifyErrorAnswer(400, this.items);
  }
}

export function normaliseEmail(value: unknown, p: Problems, field = 'email'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return p.add({ field, code: 'invalid', key: 'email' });
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) return p.add({ field, code: 'invalid', key: 'email' });
  return email;
}

/** A North American number (10 digits, optional 1) or `+` and 8–15 digits, as E.164. */
export function normalisePhone(value: unknown, p: Problems, field = 'phone'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 30) return p.add({ field, code: 'invalid', key: 'phone' });
  const compact = value.trim().replace(/[\s().-]/g, '');
  const nanp = /^(?:\+?1)?([2-9]\d{2}[2-9]\d{6})$/.exec(compact);
  if (nanp) return `+1${nanp[1]}`;
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
  return p.add({ field, code: 'invalid', key: 'phone' });
}

export function languageOf(value: unknown, fallback: Language, p: Problems): Language {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === 'en' || value === 'es') return value;
  p.add({ field: 'language', code: 'invalid', key: 'language' });
  return fallback;
}

export function pageUrlOf(value: unknown, p: Problems): string | undefined {
  if (value === undefined || value === null || value === '') return p.add({ field: 'page_url', code: 'required', key: 'pageUrl' });
  if (typeof value !== 'string' || value.length > 2000) return p.add({ field: 'page_url', code: 'invalid', key: 'pageUrl' });
  try {
    const u = new URL(value);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    return u.toString();
  } catch {
    return p.add({ field: 'page_url', code: 'invalid', key: 'pageUrl' });
  }
}

export function topicsOf(value: unknown, p: Problems, { allowEmpty = false } = {}): NotifyTopicChoice[] {
  if (!Array.isArray(value)) {
    p.add({ field: 'topics', code: 'required', key: 'topicsRequired' });
    return [];
  }
  if (value.length === 0 && !allowEmpty) p.add({ field: 'topics', code: 'required', key: 'topicsRequired' });
  if (value.length > 50) {
    p.add({ field: 'topics', code: 'invalid', key: 'topicsMany', params: { max: 50 } });
    return [];
  }
  const seen = new Set<string>();
  const out: NotifyTopicChoice[] = [];
  value.forEach((item: unknown, i) => {
    const t = item as { id?: unknown; frequency?: unknown } | null;
    const topic = t && typeof t === 'object' && typeof t.id === 'string' ? topicById.get(t.id) : undefined;
    if (!topic) return p.add({ field: `topics[${i}].id`, code: 'unknown_topic', key: 'topicUnknown' });
    if (seen.has(topic.id)) return p.add({ field: `topics[${i}].id`, code: 'invalid', key: 'topicDuplicate' });
    seen.add(topic.id);
    const allowed: NotifyFrequency[] = topic.always_immediate ? ['immediate'] : topic.frequencies;
    const frequency = t!.frequency === undefined ? allowed[0] : t!.frequency;
    if (typeof frequency !== 'string' || !allowed.includes(frequency as NotifyFrequency)) {
      return p.add({ field: `topics[${i}].frequency`, code: 'invalid', key: 'frequency', params: { allowed: allowed.join(', ') } });
    }
    out.push({ id: topic.id, frequency: frequency as NotifyFrequency });
  });
  return out;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function pointOf(lat: unknown, long: unknown, p: Problems, field: string): { lat: number; lon: number } | undefined {
  if (!finite(lat) || !finite(long)) return p.add({ field, code: 'invalid', key: 'area' });
  if (lat < CITY_BOX.south || lat > CITY_BOX.north || long < CITY_BOX.west || long > CITY_BOX.east) {
    return p.add({ field, code: 'invalid', key: 'areaOutside' });
  }
  return { lat, lon: long };
}

export function radiusOf(value: unknown, p: Problems, field: string): number | undefined {
  if (!finite(value) || value < MIN_RADIUS_M || value > MAX_RADIUS_M) {
    return p.add({ field, code: 'invalid', key: 'radius', params: { min: MIN_RADIUS_M, max: MAX_RADIUS_M } });
  }
  return value;
}

/** `undefined`: not given; `null`: the whole city. */
export function areaOf(value: unknown, p: Problems): ResolvedArea | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) return p.add({ field: 'area', code: 'invalid', key: 'area' });
  const a = value as Record<string, unknown>;
  if ('neighbourhood' in a) {
    const n = typeof a.neighbourhood === 'string' ? neighbourhoodById.get(a.neighbourhood) : undefined;
    if (!n) return p.add({ field: 'area.neighbourhood', code: 'invalid', key: 'neighbourhood' });
    return { area: { neighbourhood: n.id }, lat: n.lat, lon: n.long, radius_m: n.radius_m };
  }
  if (typeof a.address !== 'string' || !a.address.trim()) return p.add({ field: 'area.address', code: 'required', key: 'area' });
  if (a.address.length > 300) return p.add({ field: 'area.address', code: 'too_long', key: 'tooLong', params: { max: 300 } });
  const point = pointOf(a.lat, a.long, p, 'area');
  const radius = radiusOf(a.radius_m, p, 'area.radius_m');
  if (!point || radius === undefined) return undefined;
  return { area: { address: a.address.trim(), lat: point.lat, long: point.lon, radius_m: radius }, ...point, radius_m: radius };
}

export function smsConsentOf(value: unknown, phone: string | undefined, p: Problems): void {
  if (phone && value !== catalog.sms_consent.id) p.add({ field: 'sms_consent', code: 'consent_required', key: 'smsConsent' });
}

export function followOf(kind: unknown, id: unknown, p: Problems): { kind: NotifyFollowKind; id: string } | undefined {
  if (kind !== 'service_request' && kind !== 'records_request') return p.add({ field: 'kind', code: 'invalid', key: 'followKind' });
  const ref = typeof id === 'number' ? String(id) : id;
  const pattern = kind === 'service_request' ? /^\d{1,9}$/ : /^R-\d{4}-\d{5,9}$/;
  if (typeof ref !== 'string' || !pattern.test(ref.trim())) return p.add({ field: 'id', code: 'invalid', key: 'followId' });
  return { kind, id: ref.trim() };
}

/** `{en, es}`, both non-empty and at most `max` characters. */
export function localizedOf(value: unknown, field: string, key: 'subject' | 'messageBody', max: number, p: Problems): { en: string; es: string } | undefined {
  const v = value as { en?: unknown; es?: unknown } | null;
  if (!v || typeof v !== 'object' || typeof v.en !== 'string' || typeof v.es !== 'string' || !v.en.trim() || !v.es.trim()) {
    return p.add({ field, code: 'required', key });
  }
  if (v.en.length > max || v.es.length > max) return p.add({ field, code: 'too_long', key: 'tooLong', params: { max } });
  return { en: v.en.trim(), es: v.es.trim() };
}

/** `channels` of a manage update: `[{channel, enabled}]`, each channel once. */
export function channelTogglesOf(value: unknown, p: Problems): Array<[NotifyChannel, boolean]> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 2) return p.add({ field: 'channels', code: 'invalid', key: 'channels' }) ?? [];
  const out: Array<[NotifyChannel, boolean]> = [];
  value.forEach((item: unknown, i) => {
    const t = item as { channel?: unknown; enabled?: unknown } | null;
    if (!t || typeof t !== 'object' || (t.channel !== 'email' && t.channel !== 'sms') || out.some(([c]) => c === t.channel)) {
      return p.add({ field: `channels[${i}].channel`, code: 'invalid', key: 'channels' });
    }
    if (typeof t.enabled !== 'boolean') return p.add({ field: `channels[${i}].enabled`, code: 'invalid', key: 'channels' });
    out.push([t.channel, t.enabled]);
  });
  return out;
}

/** `add` of a manage update: one new email or (with the consent id) one new number, and the page it was typed on. */
export function addedChannelOf(value: unknown, p: Problems): [NotifyChannel, string, string | null] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return p.add({ field: 'add', code: 'invalid', key: 'emailOrPhone' });
  const a = value as Record<string, unknown>;
  const n = p.items.length;
  const email = normaliseEmail(a.email, p, 'add.email');
  const phone = normalisePhone(a.phone, p, 'add.phone');
  if (p.items.length > n) return undefined;
  if ((email ? 1 : 0) + (phone ? 1 : 0) !== 1) return p.add({ field: 'add.email', code: 'required', key: 'addOne' });
  if (phone && a.sms_consent !== catalog.sms_consent.id) return p.add({ field: 'add.sms_consent', code: 'consent_required', key: 'smsConsent' });
  let page: string | null = null;
  if (a.page_url !== undefined) page = pageUrlOf(a.page_url, p) ?? null;
  return email ? ['email', email, page] : ['sms', phone!, page];
}
