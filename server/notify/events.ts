import { boundingCircle } from '../alerts/geometry.js';
import type { StoredArea } from '../alerts/model.js';
import type { Database, Queryable } from '../db.js';
import { topicById } from './catalog.js';
import type { Language } from './messages.js';
import type { NotifyStore } from './store.js';

/*
 * What fills the send queue: changes of followed requests (recorded by triggers), staff
 * publications (at once, or as digest items) and the daily and weekly digests. Each function
 * takes the time it acts at, so tests move a clock.
 */

// --- changes of followed requests ---

/** One message per change and follower, in one transaction with marking the change done. */
export async function processChanges(db: Database, store: NotifyStore, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const changes = await tx.query<{ id: number; kind: string; ref_id: string; change: string; detail: Record<string, unknown> }>(
      `SELECT id, kind, ref_id, change, detail FROM notify_changes WHERE processed_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED`,
    );
    for (const c of changes) {
      if (c.kind === 'service_request' && c.change === 'created') await reportReceived(store, tx, c.id, c.ref_id, now);
      else if (c.kind === 'service_request') {
        await fanOut(store, tx, c.id, 'service_request', c.ref_id, 'request_change', { request_id: c.ref_id, change: c.change, ...c.detail }, now);
      } else if (c.kind === 'alert') {
        await alertIssued(store, tx, c.ref_id, now);
      } else if (c.kind === 'records_request') {
        await recordsRequester(store, tx, c.ref_id, now);
        await fanOut(store, tx, c.id, 'records_request', c.ref_id, 'records_step', { tracking_number: c.ref_id, ...c.detail }, now);
      }
      await tx.query('UPDATE notify_changes SET processed_at = $2 WHERE id = $1', [c.id, now]);
    }
    return changes.length;
  });
}

/** Severities of a city alert that reach the emergency-alerts topic (Minor and Unknown do not, unless it starts emergency mode). */
const ALERT_SEVERITIES = new Set(['Extreme', 'Severe', 'Moderate']);

async function alertIssued(store: NotifyStore, tx: Queryable, identifier: string, now: Date): Promise<void> {
  const [alert] = await tx.query<{ info: Array<{ language?: string; event?: string; severity?: string; headline?: string; description?: string; instruction?: string; area?: StoredArea[] }>; emergency: boolean }>(
    'SELECT info, emergency FROM alerts WHERE identifier = $1',
    [identifier],
  );
  if (!alert) return;
  if (!alert.emergency && !alert.info.some((i) => ALERT_SEVERITIES.has(i.severity ?? ''))) return;
  const inLanguage = (l: Language) => alert.info.find((i) => (i.language ?? 'en').toLowerCase().startsWith(l)) ?? alert.info[0];
  const words = (l: Language) => {
    const i = inLanguage(l);
    return { subject: i?.headline ?? i?.event ?? identifier, body: [i?.description, i?.instruction].filter(Boolean).join('\n\n') || (i?.headline ?? '') };
  };
  const en = words('en');
  const es = words('es');
  // An alert with a polygon or circle reaches subscribers whose area meets it (and those who
  // gave none); emergency mode is for the whole city.
  const area = alert.emergency ? null : boundingCircle(alert.info.flatMap((i) => i.area ?? []));
  await publishIn(tx, store, { topic: 'emergency-alerts', area, subject: { en: en.subject, es: es.subject }, body: { en: en.body, es: es.body } }, now);
}

async function reportReceived(store: NotifyStore, tx: Queryable, changeId: number, requestId: string, now: Date): Promise<void> {
  const [r] = await tx.query<{ email: string | null; language: string | null }>('SELECT email, language FROM requests WHERE id = $1', [Number(requestId)]);
  const email = r?.email?.trim().toLowerCase();
  if (!email) return;
  const language: Language = r!.language === 'es' ? 'es' : 'en';
  const s = await store.upsertSubscriber(tx, 'email', email, language, now);
  const follow = { kind: 'service_request' as const, id: requestId };
  await store.follow(tx, s.id, follow, now, { reactivate: false });
  await store.logConsent(tx, {
    subscriberId: s.id,
    channel: 'email',
    event: 'implied',
    agreed: { follow },
    text: language === 'es' ? `Correo electrónico dado en el reporte 311 ${requestId}` : `Email given on 311 report ${requestId}`,
    language,
    at: now,
  });
  await store.enqueue(tx, {
    subscriberId: s.id,
    template: 'request_received',
    params: { request_id: requestId },
    scope: { follow },
    dedupeKey: `change.${changeId}.${s.id}`,
    at: now,
  });
}

async function recordsRequester(store: NotifyStore, tx: Queryable, trackingNumber: string, now: Date): Promise<void> {
  const [r] = await tx.query<{ email: string | null; language: string | null }>('SELECT email, language FROM records_requests WHERE tracking_number = $1', [trackingNumber]);
  const email = r?.email?.trim().toLowerCase();
  if (!email) return;
  const language: Language = r!.language === 'es' ? 'es' : 'en';
  const s = await store.upsertSubscriber(tx, 'email', email, language, now);
  const [existing] = await tx.query('SELECT 1 FROM notify_follows WHERE subscriber_id = $1 AND kind = $2 AND ref_id = $3', [s.id, 'records_request', trackingNumber]);
  if (existing) return;
  const follow = { kind: 'records_request' as const, id: trackingNumber };
  await store.follow(tx, s.id, follow, now, { reactivate: false });
  await store.logConsent(tx, {
    subscriberId: s.id,
    channel: 'email',
    event: 'implied',
    agreed: { follow },
    text: language === 'es' ? `Correo electrónico dado en la solicitud de documentos ${trackingNumber}` : `Email given on records request ${trackingNumber}`,
    language,
    at: now,
  });
}

async function fanOut(store: NotifyStore, tx: Queryable, changeId: number, kind: string, ref: string, template: string, params: Record<string, unknown>, now: Date): Promise<void> {
  const domain = store.mailDomain;
  await tx.query(
    `INSERT INTO notify_queue (dedupe_key, message_id, subscriber_id, template, params, scope, priority, status, next_attempt_at, created_at)
     SELECT 'change.' || $1::text || '.' || s.id, '<change.' || $1::text || '.' || s.id || '@' || $2::text || '>', s.id, $3, $4::jsonb,
            jsonb_build_object('follow', jsonb_build_object('kind', $5::text, 'id', $6::text)), 1, 'queued', $7, $7
     FROM notify_follows f JOIN notify_subscribers s ON s.id = f.subscriber_id
     WHERE f.kind = $5 AND f.ref_id = $6 AND f.active AND s.status <> 'stopped'
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [String(changeId), domain, template, JSON.stringify(params), kind, ref, now],
  );
}

// --- publishing and digests ---

/** Queues a staff message for every matching subscriber at once, or as a digest item for daily/weekly ones. */
/** A staff message: the topic, an optional circle it concerns, and its words in both languages. */
export interface PublishInput {
  topic: string;
  area: { lat: number; lon: number; radius_m: number } | null;
  subject: Record<Language, string>;
  body: Record<Language, string>;
}

export function publish(db: Database, store: NotifyStore, input: PublishInput, now: Date): Promise<{ id: number; immediate: number; digest: number }> {
  return db.transaction((tx) => publishIn(tx, store, input, now));
}

async function publishIn(tx: Queryable, store: NotifyStore, input: PublishInput, now: Date): Promise<{ id: number; immediate: number; digest: number }> {
  const topic = topicById.get(input.topic)!;
  const area = topic.area ? input.area : null;
  const domain = store.mailDomain;
  const [pub] = await tx.query<{ id: number }>(
    `INSERT INTO notify_publications (topic_id, area, subject, body, created_at) VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5) RETURNING id`,
    [input.topic, area ? JSON.stringify(area) : null, JSON.stringify(input.subject), JSON.stringify(input.body), now],
  );
  const id = pub!.id;
  const near = `($3::double precision IS NULL OR s.area_lat IS NULL OR
    6371000 * sqrt(power(radians(s.area_lat - $3::double precision), 2) + power(radians(s.area_lon - $4::double precision) * cos(radians($3::double precision)), 2))
      <= s.area_radius_m + $5::double precision)`;
  const areaParams = [area?.lat ?? null, area?.lon ?? null, area?.radius_m ?? null];
  const immediate = await tx.query(
    `INSERT INTO notify_queue (dedupe_key, message_id, subscriber_id, template, params, scope, priority, status, next_attempt_at, created_at)
     SELECT 'pub.' || $1::text || '.' || s.id, '<pub.' || $1::text || '.' || s.id || '@' || $7::text || '>', s.id, 'topic',
            jsonb_build_object('publication_id', $1::int), jsonb_build_object('topic', $2::text), $8::int, 'queued', $6, $6
     FROM notify_subscriber_topics t JOIN notify_subscribers s ON s.id = t.subscriber_id
     WHERE t.topic_id = $2 AND s.status = 'active' AND (t.frequency = 'immediate' OR $9::boolean) AND ${near}
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [id, input.topic, ...areaParams, now, domain, topic.always_immediate ? 0 : 1, topic.always_immediate],
  );
  const digest = topic.always_immediate
    ? []
    : await tx.query(
        `INSERT INTO notify_digest_items (subscriber_id, publication_id, frequency, created_at)
         SELECT s.id, $1::int, t.frequency, $6 FROM notify_subscriber_topics t JOIN notify_subscribers s ON s.id = t.subscriber_id
         WHERE t.topic_id = $2 AND s.status = 'active' AND t.frequency IN ('daily','weekly') AND ${near}
         ON CONFLICT DO NOTHING RETURNING subscriber_id`,
        [id, input.topic, ...areaParams, now],
      );
  await tx.query('UPDATE notify_publications SET recipients = $2 WHERE id = $1', [id, immediate.length + digest.length]);
  return { id, immediate: immediate.length, digest: digest.length };
}

function localParts(timeZone: string, now: Date): { date: string; hour: number; weekday: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), weekday: parts.weekday! };
}

/** Daily digests from 07:00 city time, weekly ones on Mondays from 07:00; each at most once per day (meta keeps the last run). */
export async function runDigests(db: Database, store: NotifyStore, timeZone: string, now: Date): Promise<void> {
  const { date, hour, weekday } = localParts(timeZone, now);
  if (hour < 7) return;
  await assemble(db, store, 'daily', date, now);
  if (weekday === 'Mon') await assemble(db, store, 'weekly', date, now);
}

async function assemble(db: Database, store: NotifyStore, frequency: 'daily' | 'weekly', date: string, now: Date): Promise<void> {
  const key = `notify_digest_${frequency}`;
  await db.transaction(async (tx) => {
    const [last] = await tx.query<{ value: string }>('SELECT value FROM meta WHERE key = $1 FOR UPDATE', [key]);
    if (last && last.value >= date) return;
    await tx.query(
      `INSERT INTO notify_queue (dedupe_key, message_id, subscriber_id, template, params, scope, priority, status, next_attempt_at, created_at)
       SELECT 'digest.' || $1::text || '.' || $2::text || '.' || d.subscriber_id, '<digest.' || $1::text || '.' || $2::text || '.' || d.subscriber_id || '@' || $4::text || '>',
              d.subscriber_id, 'digest', jsonb_build_object('frequency', $1::text, 'publication_ids', d.ids), '{}'::jsonb, 1, 'queued', $3, $3
       FROM (SELECT i.subscriber_id, jsonb_agg(i.publication_id ORDER BY i.publication_id) AS ids
             FROM notify_digest_items i JOIN notify_subscribers s ON s.id = i.subscriber_id
             WHERE i.frequency = $1 AND i.digested_at IS NULL AND i.created_at <= $3 AND s.status = 'active'
             GROUP BY i.subscriber_id) d
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [frequency, date, now, store.mailDomain],
    );
    await tx.query(`UPDATE notify_digest_items SET digested_at = $2 WHERE frequency = $1 AND digested_at IS NULL AND created_at <= $2`, [frequency, now]);
    await tx.query(`INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [key, date]);
  });
}
