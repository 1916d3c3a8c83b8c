import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db.js';
import type { NotifyArea, NotifyChannel, NotifyFollow, NotifySubscriptionView, NotifyTopicChoice } from '../../src/api/notify/types.js';
import { CONFIRMATION_HOURS } from './catalog.js';
import type { Language } from './messages.js';
import { hashToken, maskAddress, newToken } from './tokens.js';
import type { ResolvedArea } from './validate.js';

const DAY = 86_400_000;
/** Days a confirmation link is kept after it expired, so "this link has expired" can still be said. */
const TOKEN_GRACE_DAYS = 30;
/** Days an unsubscribe or manage link works. */
const LINK_DAYS = 400;

export interface SubscriberRow {
  id: number;
  channel: NotifyChannel;
  address: string;
  language: Language;
  status: 'pending' | 'active' | 'stopped';
  area: NotifyArea | null;
  /** The subscription this channel belongs to (with the others of its group); `null`: its own. */
  group_id?: number | null;
}

/** The group (subscription) a channel belongs to. */
export const groupOf = (s: SubscriberRow): number => s.group_id ?? s.id;

/** What a signup asks for, applied on confirmation. */
export interface SignupRequest {
  topics: NotifyTopicChoice[];
  area?: ResolvedArea | null;
  follow?: NotifyFollow;
  language: Language;
  /** A channel added from a manage page: on confirmation it joins this group and takes these topics. */
  link_group?: number;
}

export interface TokenRow {
  hash: string;
  purpose: 'confirm' | 'manage' | 'unsubscribe';
  subscriber_id: number;
  signup_id: number | null;
  scope: { topic?: string; follow?: NotifyFollow; signup?: number };
  expires_at: Date | null;
  used_at: Date | null;
}

export interface ConsentEntry {
  subscriberId: number;
  channel: NotifyChannel;
  event: 'requested' | 'confirmed' | 'changed' | 'unsubscribed' | 'stopped' | 'started' | 'implied';
  agreed: unknown;
  text: string;
  language: Language;
  pageUrl?: string | null;
  ip?: string | null;
  at: Date;
}

export interface EnqueueInput {
  subscriberId: number;
  template: string;
  params?: Record<string, unknown>;
  scope?: { topic?: string; follow?: NotifyFollow; confirm?: number };
  priority?: number;
  dedupeKey?: string;
  at: Date;
}

export const SUBSCRIBER_COLUMNS = 'id, channel, address, language, status, area, group_id';

export class NotifyStore {
  constructor(
    readonly db: Database,
    readonly mailDomain: string,
  ) {}

  async upsertSubscriber(tx: Queryable, channel: NotifyChannel, address: string, language: Language, at: Date, status: 'pending' | 'active' = 'pending'): Promise<SubscriberRow> {
    const [row] = await tx.query<SubscriberRow>(
      `INSERT INTO notify_subscribers (channel, address, language, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (channel, address) DO UPDATE SET updated_at = notify_subscribers.updated_at
       RETURNING ${SUBSCRIBER_COLUMNS}`,
      [channel, address, language, status, at],
    );
    return row!;
  }

  async subscriberByAddress(tx: Queryable, channel: NotifyChannel, address: string): Promise<SubscriberRow | undefined> {
    const [row] = await tx.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM notify_subscribers WHERE channel = $1 AND address = $2`, [channel, address]);
    return row;
  }

  async createSignup(tx: Queryable, subscriberId: number, request: SignupRequest, at: Date): Promise<number> {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO notify_signups (subscriber_id, request, status, created_at) VALUES ($1, $2::jsonb, 'pending', $3) RETURNING id`,
      [subscriberId, JSON.stringify(request), at],
    );
    return row!.id;
  }

  async logConsent(tx: Queryable, e: ConsentEntry): Promise<void> {
    await tx.query(
      `INSERT INTO notify_consent_log (at, subscriber_id, channel, event, agreed, consent_text, language, page_url, ip)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
      [e.at, e.subscriberId, e.channel, e.event, JSON.stringify(e.agreed ?? {}), e.text, e.language, e.pageUrl ?? null, e.ip ?? null],
    );
  }

  /** Queues one message; a `dedupeKey` already queued queues nothing (one message per change). */
  async enqueue(tx: Queryable, m: EnqueueInput): Promise<boolean> {
    const key = m.dedupeKey ?? `m:${randomUUID()}`;
    const rows = await tx.query(
      `INSERT INTO notify_queue (dedupe_key, message_id, subscriber_id, template, params, scope, priority, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, 'queued', $8, $8)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [key, messageIdFor(key, this.mailDomain), m.subscriberId, m.template, JSON.stringify(m.params ?? {}), JSON.stringify(m.scope ?? {}), m.priority ?? 1, m.at],
    );
    return rows.length > 0;
  }

  /** Messages of these templates queued for a subscriber since `since` (for the confirmation limit). */
  async recentCount(tx: Queryable, subscriberId: number, templates: string[], since: Date): Promise<number> {
    const [row] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notify_queue WHERE subscriber_id = $1 AND template = ANY (SELECT jsonb_array_elements_text($2::jsonb)) AND created_at > $3`,
      [subscriberId, JSON.stringify(templates), since],
    );
    return row?.n ?? 0;
  }

  async issueToken(
    tx: Queryable,
    t: { purpose: TokenRow['purpose']; subscriberId: number; signupId?: number | null; scope?: TokenRow['scope']; at: Date },
  ): Promise<string> {
    const token = newToken();
    const expires = t.purpose === 'confirm' ? new Date(t.at.getTime() + CONFIRMATION_HOURS * 3600_000) : null;
    await tx.query(
      `INSERT INTO notify_tokens (hash, purpose, subscriber_id, signup_id, scope, created_at, expires_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [hashToken(token), t.purpose, t.subscriberId, t.signupId ?? null, JSON.stringify(t.scope ?? {}), t.at, expires],
    );
    return token;
  }

  /**
   * Forgets the links no one can use any more: confirmation links 30 days after they expired (or
   * were used), and unsubscribe and manage links after 400 days (a year-old email's one-click
   * link still works; an older one answers "not valid, ask for a new one"). Each message sent
   * issues links, so without this the table grows by every message ever sent.
   */
  async sweepTokens(tx: Queryable, now: Date): Promise<void> {
    const confirmBefore = new Date(now.getTime() - (CONFIRMATION_HOURS * 3600_000 + TOKEN_GRACE_DAYS * DAY));
    const linksBefore = new Date(now.getTime() - LINK_DAYS * DAY);
    await tx.query(`DELETE FROM notify_tokens WHERE created_at < $1 AND (purpose = 'confirm' OR created_at < $2)`, [confirmBefore, linksBefore]);
  }

  async token(tx: Queryable, token: string, forUpdate = false): Promise<TokenRow | undefined> {
    const [row] = await tx.query<TokenRow>(
      `SELECT hash, purpose, subscriber_id, signup_id, scope, expires_at, used_at FROM notify_tokens WHERE hash = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [hashToken(token)],
    );
    return row;
  }

  async subscriber(tx: Queryable, id: number, forUpdate = false): Promise<SubscriberRow> {
    const [row] = await tx.query<SubscriberRow>(`SELECT ${SUBSCRIBER_COLUMNS} FROM notify_subscribers WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw new Error(`subscriber ${id} is gone`);
    return row;
  }

  async setArea(tx: Queryable, subscriberId: number, area: ResolvedArea | null, at: Date): Promise<void> {
    await tx.query(
      `UPDATE notify_subscribers SET area = $2::jsonb, area_lat = $3, area_lon = $4, area_radius_m = $5, updated_at = $6 WHERE id = $1`,
      [subscriberId, area ? JSON.stringify(area.area) : null, area?.lat ?? null, area?.lon ?? null, area?.radius_m ?? null, at],
    );
  }

  async setTopics(tx: Queryable, subscriberId: number, topics: NotifyTopicChoice[], at: Date, { replace }: { replace: boolean }): Promise<void> {
    if (replace) await tx.query('DELETE FROM notify_subscriber_topics WHERE subscriber_id = $1', [subscriberId]);
    for (const t of topics) {
      await tx.query(
        `INSERT INTO notify_subscriber_topics (subscriber_id, topic_id, frequency, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (subscriber_id, topic_id) DO UPDATE SET frequency = EXCLUDED.frequency`,
        [subscriberId, t.id, t.frequency, at],
      );
    }
  }

  async follow(tx: Queryable, subscriberId: number, f: NotifyFollow, at: Date, { reactivate }: { reactivate: boolean }): Promise<void> {
    await tx.query(
      `INSERT INTO notify_follows (subscriber_id, kind, ref_id, active, created_at) VALUES ($1, $2, $3, true, $4)
       ON CONFLICT (subscriber_id, kind, ref_id) DO ${reactivate ? 'UPDATE SET active = true' : 'NOTHING'}`,
      [subscriberId, f.kind, f.id, at],
    );
  }

  /** Applies a confirmed signup to its subscriber: topics added (a topic given again takes the new frequency), area, follow, language. */
  async applySignup(tx: Queryable, subscriberId: number, signupId: number, at: Date): Promise<SignupRequest | undefined> {
    const [signup] = await tx.query<{ request: SignupRequest; status: string }>(
      `UPDATE notify_signups SET status = 'applied', applied_at = $2 WHERE id = $1 AND status = 'pending' RETURNING request, status`,
      [signupId, at],
    );
    if (!signup) return undefined;
    const r = signup.request;
    await tx.query(`UPDATE notify_subscribers SET status = CASE WHEN status = 'pending' THEN 'active' ELSE status END, language = $2, updated_at = $3 WHERE id = $1`, [
      subscriberId,
      r.language,
      at,
    ]);
    if (r.link_group !== undefined) await tx.query('UPDATE notify_subscribers SET group_id = $2 WHERE id = $1', [subscriberId, r.link_group]);
    if (r.topics.length || r.link_group !== undefined) await this.setTopics(tx, subscriberId, r.topics, at, { replace: r.link_group !== undefined });
    if (r.area !== undefined) await this.setArea(tx, subscriberId, r.area, at);
    if (r.follow) await this.follow(tx, subscriberId, r.follow, at, { reactivate: true });
    return r;
  }

  async pendingSignups(tx: Queryable, subscriberId: number, since: Date): Promise<Array<{ id: number; request: SignupRequest }>> {
    return tx.query(`SELECT id, request FROM notify_signups WHERE subscriber_id = $1 AND status = 'pending' AND created_at > $2 ORDER BY id`, [subscriberId, since]);
  }

  /** Leaves one topic, one follow, one signup not yet confirmed, or (no scope) everything: topics, follows and pending signups. */
  async leave(tx: Queryable, subscriberId: number, scope: TokenRow['scope'], at: Date): Promise<'topic' | 'follow' | 'signup' | 'all'> {
    if (scope.signup) {
      await tx.query(`UPDATE notify_signups SET status = 'cancelled' WHERE id = $1 AND subscriber_id = $2 AND status = 'pending'`, [scope.signup, subscriberId]);
      return 'signup';
    }
    if (scope.topic) {
      await tx.query('DELETE FROM notify_subscriber_topics WHERE subscriber_id = $1 AND topic_id = $2', [subscriberId, scope.topic]);
      return 'topic';
    }
    if (scope.follow) {
      await tx.query('UPDATE notify_follows SET active = false WHERE subscriber_id = $1 AND kind = $2 AND ref_id = $3', [subscriberId, scope.follow.kind, scope.follow.id]);
      return 'follow';
    }
    await tx.query('DELETE FROM notify_subscriber_topics WHERE subscriber_id = $1', [subscriberId]);
    await tx.query('UPDATE notify_follows SET active = false WHERE subscriber_id = $1', [subscriberId]);
    await tx.query(`UPDATE notify_signups SET status = 'cancelled' WHERE subscriber_id = $1 AND status = 'pending'`, [subscriberId]);
    await tx.query(`UPDATE notify_queue SET status = 'failed', last_error = 'unsubscribed' WHERE subscriber_id = $1 AND status = 'queued'`, [subscriberId]);
    void at;
    return 'all';
  }

  /** The channels of a subscription, the one asked about first. */
  async members(tx: Queryable, s: SubscriberRow, forUpdate = false): Promise<SubscriberRow[]> {
    const rows = await tx.query<SubscriberRow>(
      `SELECT ${SUBSCRIBER_COLUMNS} FROM notify_subscribers WHERE coalesce(group_id, id) = $1 ORDER BY (id = $2) DESC, id${forUpdate ? ' FOR UPDATE' : ''}`,
      [groupOf(s), s.id],
    );
    return rows.some((r) => r.id === s.id) ? rows : [s, ...rows];
  }

  /** Whether a channel gets anything: a topic or a follow, and no STOP. */
  async isOn(tx: Queryable, s: SubscriberRow): Promise<boolean> {
    if (s.status === 'stopped') return false;
    const [row] = await tx.query<{ on: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM notify_subscriber_topics WHERE subscriber_id = $1) OR EXISTS (SELECT 1 FROM notify_follows WHERE subscriber_id = $1 AND active) AS on`,
      [s.id],
    );
    return Boolean(row?.on);
  }

  /** A channel's area as stored, to hand on to a channel added to the subscription. */
  async resolvedArea(tx: Queryable, subscriberId: number): Promise<ResolvedArea | null> {
    const [row] = await tx.query<{ area: NotifyArea | null; area_lat: number | null; area_lon: number | null; area_radius_m: number | null }>(
      'SELECT area, area_lat, area_lon, area_radius_m FROM notify_subscribers WHERE id = $1',
      [subscriberId],
    );
    if (!row?.area || row.area_lat === null || row.area_lon === null || row.area_radius_m === null) return null;
    return { area: row.area, lat: row.area_lat, lon: row.area_lon, radius_m: row.area_radius_m };
  }

  /** Channels added from a manage page and not confirmed yet (72 h): their subscriber ids. */
  async pendingAdditions(tx: Queryable, group: number, since: Date): Promise<SubscriberRow[]> {
    return tx.query<SubscriberRow>(
      `SELECT DISTINCT ${SUBSCRIBER_COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')} FROM notify_signups g JOIN notify_subscribers s ON s.id = g.subscriber_id
       WHERE g.status = 'pending' AND g.created_at > $2 AND (g.request->>'link_group')::int = $1 AND coalesce(s.group_id, s.id) <> $1`,
      [group, since],
    );
  }

  /**
   * A subscription as its manage page shows it: every channel (the one of the link first; one
   * added and waiting for its confirmation as `pending`), and the topics, area and follows of the
   * first channel that is on.
   */
  async view(tx: Queryable, subscriberId: number): Promise<NotifySubscriptionView> {
    const self = await this.subscriber(tx, subscriberId);
    const members = await this.members(tx, self);
    const on = new Map<number, boolean>();
    for (const m of members) on.set(m.id, await this.isOn(tx, m));
    const source = members.find((m) => on.get(m.id)) ?? self;
    const topics = await tx.query<NotifyTopicChoice>('SELECT topic_id AS id, frequency FROM notify_subscriber_topics WHERE subscriber_id = $1 ORDER BY topic_id', [source.id]);
    const follows = await tx.query<NotifyFollow>(
      'SELECT kind, ref_id AS id FROM notify_follows WHERE subscriber_id = $1 AND active ORDER BY created_at, ref_id',
      [source.id],
    );
    const empty = topics.length === 0 && follows.length === 0;
    const channelStatus = (m: SubscriberRow): NotifySubscriptionView['channels'][number]['status'] =>
      m.status === 'stopped' ? 'stopped' : m.status === 'pending' ? 'pending' : on.get(m.id) ? 'active' : 'unsubscribed';
    const waiting = await this.pendingAdditions(tx, groupOf(self), new Date(Date.now() - CONFIRMATION_HOURS * 3600_000));
    return {
      status: empty ? 'unsubscribed' : 'active',
      language: source.language,
      channels: [
        ...members.map((m) => ({ channel: m.channel, address_masked: maskAddress(m.channel, m.address), status: channelStatus(m) })),
        ...waiting.map((m) => ({ channel: m.channel, address_masked: maskAddress(m.channel, m.address), status: 'pending' as const })),
      ],
      topics,
      area: source.area,
      follows,
    };
  }
}

/** A Message-ID fixed at queue time, so a resend after a crash carries the same one. */
export function messageIdFor(key: string, domain: string): string {
  return `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`;
}
