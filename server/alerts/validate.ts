import { parseDatetime } from '../time.js';
import { circleText, polygonText, readCircle, readPolygon } from './geometry.js';
import { CATEGORIES, CERTAINTIES, MSG_TYPES, SEVERITIES, STATUSES, URGENCIES, type AlertStatus, type MsgType, type StoredInfo } from './model.js';

/** A 4xx answer of the alerts contract: `{ "errors": [{ "code", "description" }] }`, each about one field. */
export class AlertsError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 502,
    readonly errors: Array<{ code: number; description: string }>,
  ) {
    super(errors.map((e) => e.description).join('; '));
  }

  static of(status: AlertsError['status'], field: string, sentence: string): AlertsError {
    return new AlertsError(status, [{ code: status, description: `${field}: ${sentence}` }]);
  }
}

/** Collects every problem of a body before answering, so staff fix them in one go. */
export class Problems {
  readonly list: string[] = [];
  add(field: string, sentence: string): void {
    this.list.push(`${field}: ${sentence}`);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new AlertsError(400, this.list.map((description) => ({ code: 400, description })));
  }
}

type Json = Record<string, unknown>;
export const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const LIMITS = { event: 200, headline: 160, description: 8000, instruction: 4000, senderName: 200, contact: 200, areaDesc: 500 } as const;

function optionalText(p: Problems, o: Json, field: keyof typeof LIMITS, path: string, required = false): string | undefined {
  const v = o[field];
  if (v === undefined || v === null || v === '') {
    if (required) p.add(`${path}.${field}`, `Enter the ${field}.`);
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') {
    p.add(`${path}.${field}`, `${field} must be text.`);
    return undefined;
  }
  if (v.length > LIMITS[field]) p.add(`${path}.${field}`, `${field} must be ${LIMITS[field]} characters or fewer.`);
  return v.trim();
}

function oneOf<T extends string>(p: Problems, values: readonly T[], raw: unknown, path: string): T | undefined {
  const found = values.find((x) => x === raw);
  if (!found) p.add(path, `Use one of ${values.join(', ')}.`);
  return found;
}

function datetime(p: Problems, raw: unknown, path: string, required: boolean): Date | undefined {
  if (raw === undefined || raw === null || raw === '') {
    if (required) p.add(path, 'Enter a date and time, for example 2026-07-08T18:00:00-04:00.');
    return undefined;
  }
  const d = typeof raw === 'string' ? parseDatetime(raw) : undefined;
  if (!d) p.add(path, 'Use an ISO 8601 date and time with its offset, for example 2026-07-08T18:00:00-04:00.');
  return d;
}

/**
 * `polygon` or `circle` of an info block: one CAP string or a list of them (at most 10), each
 * read by `read` into its CAP text, or the sentence that says what is wrong with it; `example`
 * is what a value that is not text is shown.
 */
function shapes(p: Problems, raw: unknown, path: string, example: string, read: (text: string) => { text: string } | { error: string }): string[] {
  if (raw === undefined || raw === null || raw === '') return [];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length > 10) {
    p.add(path, 'Give at most 10.');
    return [];
  }
  const out: string[] = [];
  list.forEach((item, i) => {
    const at = Array.isArray(raw) ? `${path}[${i}]` : path;
    const got = typeof item === 'string' ? read(item) : { error: `Use CAP text, for example "${example}".` };
    if ('text' in got) out.push(got.text);
    else p.add(at, got.error);
  });
  return out;
}

/** One `info` block of a staff POST; `now` checks that it does not expire in the past. */
export function readInfo(p: Problems, raw: unknown, path: string, now: Date): StoredInfo | undefined {
  if (!isObject(raw)) {
    p.add(path, 'Each info block must be an object.');
    return undefined;
  }
  const language = raw.language === undefined ? 'en-US' : raw.language;
  if (typeof language !== 'string' || !LANGUAGE.test(language)) p.add(`${path}.language`, 'Use a language tag such as en-US or es-US.');
  const categories = raw.category === undefined ? ['Safety'] : Array.isArray(raw.category) ? raw.category : [raw.category];
  if (categories.length === 0 || !categories.every((c) => (CATEGORIES as readonly unknown[]).includes(c))) {
    p.add(`${path}.category`, `Use one or more of ${CATEGORIES.join(', ')}.`);
  }
  const event = optionalText(p, raw, 'event', path, true);
  const headline = optionalText(p, raw, 'headline', path, true);
  const urgency = oneOf(p, URGENCIES, raw.urgency, `${path}.urgency`);
  const severity = oneOf(p, SEVERITIES, raw.severity, `${path}.severity`);
  const certainty = oneOf(p, CERTAINTIES, raw.certainty, `${path}.certainty`);
  const effective = datetime(p, raw.effective, `${path}.effective`, false);
  const onset = datetime(p, raw.onset, `${path}.onset`, false);
  const expires = datetime(p, raw.expires, `${path}.expires`, true);
  if (expires && expires <= now) p.add(`${path}.expires`, 'The expiry must be in the future.');
  if (expires && effective && expires <= effective) p.add(`${path}.expires`, 'The expiry must be after the effective time.');
  let web: string | undefined;
  if (raw.web !== undefined && raw.web !== '') {
    try {
      const u = new URL(String(raw.web));
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
      web = u.href;
    } catch {
      p.add(`${path}.web`, 'Use a full web address starting with https://.');
    }
  }
  const areaDesc = optionalText(p, raw, 'areaDesc', path);
  const polygon = shapes(p, raw.polygon, `${path}.polygon`, '41.77,-72.69 41.77,-72.66 41.75,-72.66 41.77,-72.69', (t) => {
    const points = readPolygon(t);
    return typeof points === 'string' ? { error: points } : { text: polygonText(points) };
  });
  const circle = shapes(p, raw.circle, `${path}.circle`, '41.7637,-72.6851 2.5', (t) => {
    const c = readCircle(t);
    return typeof c === 'string' ? { error: c } : { text: circleText(c) };
  });
  if ((polygon.length || circle.length) && !areaDesc) p.add(`${path}.areaDesc`, 'Describe the area in words too: CAP needs an areaDesc with a polygon or circle.');
  const info: StoredInfo = {
    language: String(language),
    category: categories.map(String),
    event: event ?? '',
    urgency: urgency ?? 'Unknown',
    severity: severity ?? 'Unknown',
    certainty: certainty ?? 'Unknown',
    area: areaDesc ? [{ areaDesc, ...(polygon.length ? { polygon } : {}), ...(circle.length ? { circle } : {}) }] : [],
  };
  if (effective) info.effective = effective.toISOString();
  if (onset) info.onset = onset.toISOString();
  if (expires) info.expires = expires.toISOString();
  for (const [key, value] of [
    ['senderName', optionalText(p, raw, 'senderName', path)],
    ['headline', headline],
    ['description', optionalText(p, raw, 'description', path)],
    ['instruction', optionalText(p, raw, 'instruction', path)],
    ['web', web],
    ['contact', optionalText(p, raw, 'contact', path)],
  ] as const) {
    if (value) info[key] = value;
  }
  return info;
}

export interface AlertPost {
  msgType: MsgType;
  status: AlertStatus;
  references: string[];
  info: StoredInfo[];
  emergency: boolean;
}

/** A staff `POST /alerts/v1/alerts.json` body; throws AlertsError 400 listing every problem. */
export function readAlertPost(body: unknown, now: Date): AlertPost {
  const p = new Problems();
  if (!isObject(body)) throw AlertsError.of(400, 'body', 'Send a JSON object.');
  const msgType = oneOf(p, MSG_TYPES, body.msgType ?? 'Alert', 'msgType');
  const status = oneOf(p, STATUSES, body.status ?? 'Actual', 'status');
  const refsRaw = body.references === undefined ? [] : body.references;
  const references = Array.isArray(refsRaw) ? refsRaw : [refsRaw];
  if (!references.every((r) => typeof r === 'string' && /^[^\s,<&]{1,200}$/.test(r))) p.add('references', 'List the identifiers of the alerts this one updates or cancels.');
  if ((msgType === 'Update' || msgType === 'Cancel') && references.length === 0) p.add('references', `An ${msgType} must name the alert it ${msgType === 'Update' ? 'updates' : 'cancels'}.`);
  if (msgType === 'Alert' && references.length > 0) p.add('references', 'A new alert references nothing; send an Update to replace one.');
  const infoRaw = body.info === undefined ? [] : body.info;
  const infos = Array.isArray(infoRaw) ? infoRaw : [infoRaw];
  if (msgType !== 'Cancel' && infos.length === 0) p.add('info', 'Give at least one info block (the alert in one language).');
  if (infos.length > 10) p.add('info', 'Give at most 10 info blocks.');
  const info = infos.map((raw, i) => readInfo(p, raw, `info[${i}]`, now)).filter((x): x is StoredInfo => x !== undefined);
  const languages = info.map((i) => i.language.toLowerCase());
  if (new Set(languages).size !== languages.length) p.add('info', 'Give each language once.');
  if (body.emergency !== undefined && typeof body.emergency !== 'boolean') p.add('emergency', 'emergency must be true or false.');
  p.throwIfAny();
  return { msgType: msgType!, status: status!, references: references as string[], info, emergency: body.emergency === true };
}
