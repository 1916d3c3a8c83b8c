import type { Database } from '../db.js';
import { describeError } from '../db.js';
import type { NotifyChannel } from '../../src/api/notify/types.js';
import type { Language } from './messages.js';
import { processChanges, publish, runDigests, type PublishInput } from './events.js';
import { NotifyStore, type SubscriberRow } from './store.js';
import { render, type PublicationText, type RenderContext } from './templates.js';
import { hashToken, newToken } from './tokens.js';
import { SendError, smsTransport, smtpTransport, type OutgoingMessage, type Transport } from './transports.js';
import { CONFIRMATION_HOURS } from './catalog.js';

export interface NotifySettings {
  /** Absolute origin of links (`PUBLIC_URL`, else the server's own URL). */
  origin: string;
  /** The page with `<civic-notify-signup>`; default `${origin}/notify.html`. */
  pageUrl?: string;
  cityName: string;
  cityPhone: string;
  mailFrom: string;
  timeZone: string;
  smtpUrl?: string;
  sms?: { url: string; accountSid: string; authToken: string; from: string };
  ratePerHour: number;
  leaseMs: number;
}

/** Test hooks: `afterSend` runs between a transport's success and the mark, where a crash would fall. */
export interface NotifyHooks {
  beforeSend?(message: OutgoingMessage): void | Promise<void>;
  afterSend?(message: OutgoingMessage): void | Promise<void>;
}

interface Claimed {
  id: number;
  message_id: string;
  subscriber_id: number;
  template: string;
  params: Record<string, unknown>;
  scope: { topic?: string; follow?: { kind: string; id: string }; confirm?: number };
  priority: number;
  attempts: number;
}

const BATCH = 200;
const MAX_ATTEMPTS = 8;
const SEND_CONCURRENCY = 10;
/** Templates a subscriber who never confirmed may still get: the confirmation itself and news of their own report. */
const TRANSACTIONAL = new Set(['confirm', 'manage_link', 'request_received', 'request_change', 'records_step']);

export function backoffMs(attempts: number): number {
  return Math.min(6 * 3600_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * The notify worker: turns request changes into messages, assembles digests on schedule and
 * sends the queue. Every step takes the time it runs at (`tick(now)`), so tests move a clock
 * instead of sleeping; the server calls `tick()` every few seconds and after each write.
 */
export class NotifyService {
  readonly store: NotifyStore;
  private readonly email?: Transport;
  private readonly sms?: Transport;
  private chain: Promise<void> = Promise.resolve();
  /** When old links were last swept (`NotifyStore.sweepTokens`). */
  private sweptAt?: Date;
  private kickQueued = false;
  private timer: NodeJS.Timeout | undefined;
  private auto = false;
  hooks: NotifyHooks = {};

  constructor(
    readonly db: Database,
    readonly settings: NotifySettings,
  ) {
    this.store = new NotifyStore(db, mailDomain(settings.mailFrom));
    if (settings.smtpUrl) this.email = smtpTransport(settings.smtpUrl, settings.mailFrom);
    if (settings.sms) this.sms = smsTransport(settings.sms);
  }

  get pageUrl(): string {
    return this.settings.pageUrl ?? `${this.settings.origin}/notify.html`;
  }

  /** Runs the worker every `pollMs` (and whenever `kick()` is called). */
  start(pollMs: number): void {
    this.auto = true;
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
  }

  /** Runs a tick soon (once started: without the timer, only `tick()` sends). Errors are logged, never thrown. */
  kick(): void {
    if (!this.auto || this.kickQueued) return;
    this.kickQueued = true;
    this.serialised(() => {
      this.kickQueued = false;
      return this.runOnce(new Date());
    }).catch((err: unknown) => console.error(`notify: worker tick failed: ${describeError(err)}`));
  }

  /** Resolves when no tick is running or waiting (tests, shutdown). */
  async idle(): Promise<void> {
    for (let chain = this.chain; ; chain = this.chain) {
      await chain;
      if (chain === this.chain) return;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.auto = false;
    await this.idle();
    await this.email?.close();
    await this.sms?.close();
  }

  /**
   * Turns changes into messages, assembles due digests and sends the queue, as at `now` (default:
   * when it runs). Ticks of one process run one after the other, so a test's `tick()` never returns
   * while a timer's tick is still sending.
   */
  tick(now?: Date): Promise<void> {
    return this.serialised(() => this.runOnce(now ?? new Date()));
  }

  private serialised(fn: () => Promise<void>): Promise<void> {
    const run = this.chain.then(fn);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async runOnce(now: Date): Promise<void> {
    while ((await this.processChanges(now)) > 0);
    await this.runDigests(now);
    while ((await this.sendDue(now)) > 0);
    // Old links, about once an hour (or when a test's clock goes back).
    if (!this.sweptAt || now.getTime() - this.sweptAt.getTime() >= 3600_000 || now < this.sweptAt) {
      this.sweptAt = now;
      await this.store.sweepTokens(this.db, now);
    }
  }

  processChanges(now: Date): Promise<number> {
    return processChanges(this.db, this.store, now);
  }

  /** Queues a staff message for every matching subscriber at once, or as a digest item for daily/weekly ones. */
  async publish(input: PublishInput, now: Date): Promise<{ id: number; immediate: number; digest: number }> {
    const result = await publish(this.db, this.store, input, now);
    this.kick();
    return result;
  }

  runDigests(now: Date): Promise<void> {
    return runDigests(this.db, this.store, this.settings.timeZone, now);
  }

  // --- sending ---

  /** Claims up to one batch of due messages with a lease and sends them. Returns how many were claimed. */
  async sendDue(now: Date): Promise<number> {
    const lease = new Date(now.getTime() + this.settings.leaseMs);
    const claimed = await this.db.transaction((tx) =>
      tx.query<Claimed>(
        `WITH due AS (
           SELECT id FROM notify_queue
           WHERE status IN ('queued','sending') AND ((status = 'queued' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until <= $1))
           ORDER BY priority, next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         UPDATE notify_queue q SET status = 'sending', lease_until = $3, attempts = q.attempts + 1 FROM due WHERE q.id = due.id
         RETURNING q.id, q.message_id, q.subscriber_id, q.template, q.params, q.scope, q.priority, q.attempts`,
        [now, BATCH, lease],
      ),
    );
    if (claimed.length === 0) return 0;
    claimed.sort((a, b) => a.priority - b.priority || a.id - b.id);
    const subscribers = await this.subscribersOf(claimed.map((c) => c.subscriber_id));
    const sendable = await this.applyRateLimit(claimed, subscribers, now);
    const publications = await this.publicationsOf(sendable);
    const tokens: Array<{ hash: string; purpose: string; subscriber_id: number; signup_id: number | null; scope: unknown; expires_at: string | null }> = [];
    const outgoing: OutgoingMessage[] = [];
    const undeliverable: Claimed[] = [];
    for (const c of sendable) {
      const s = subscribers.get(c.subscriber_id)!;
      if (s.status === 'stopped' || (s.status === 'pending' && !TRANSACTIONAL.has(c.template))) {
        undeliverable.push(c);
        continue;
      }
      try {
        outgoing.push(this.renderOne(c, s, publications, tokens, now));
      } catch (err) {
        console.error(`notify: message ${c.id} cannot be written: ${(err as Error).message}`);
        undeliverable.push(c);
      }
    }
    if (undeliverable.length) {
      await this.db.query(`UPDATE notify_queue SET status = 'failed', last_error = 'recipient stopped or gone', lease_until = NULL WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::bigint)`, [
        JSON.stringify(undeliverable.map((c) => c.id)),
      ]);
    }
    if (tokens.length) {
      await this.db.query(
        `INSERT INTO notify_tokens (hash, purpose, subscriber_id, signup_id, scope, created_at, expires_at)
         SELECT t.hash, t.purpose, t.subscriber_id, t.signup_id, t.scope, $2, t.expires_at
         FROM jsonb_to_recordset($1::jsonb) AS t(hash text, purpose text, subscriber_id int, signup_id int, scope jsonb, expires_at timestamptz)`,
        [JSON.stringify(tokens), now],
      );
    }
    const byId = new Map(claimed.map((c) => [c.id, c]));
    const toOutbox = outgoing.filter((m) => !this.transportFor(m.channel));
    if (toOutbox.length) await this.deliverToOutbox(toOutbox, now);
    // Several recipients at once, but one recipient's messages in queue order (a status change before the note after it).
    const perRecipient = new Map<string, OutgoingMessage[]>();
    for (const m of outgoing.filter((o) => this.transportFor(o.channel))) {
      const key = `${m.channel}:${m.to}`;
      perRecipient.set(key, [...(perRecipient.get(key) ?? []), m]);
    }
    const groups = [...perRecipient.values()];
    let next = 0;
    const marks = new SentMarks(this.db, now);
    const worker = async () => {
      while (next < groups.length) {
        for (const m of groups[next++]!) await this.deliverOne(m, byId.get(m.queueId)!, now, marks);
      }
    };
    // Every worker finishes before a failure propagates, so nothing runs on after the tick ends.
    const results = await Promise.allSettled(Array.from({ length: Math.min(SEND_CONCURRENCY, groups.length) }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    // A crash (a failed hook) marks nothing more: what it leaves unmarked goes again after the lease.
    if (failed) throw failed.reason;
    await marks.flush();
    return claimed.length;
  }

  private transportFor(channel: NotifyChannel): Transport | undefined {
    return channel === 'email' ? this.email : this.sms;
  }

  /** The outbox is in the database: the message and its mark land in one transaction (exactly once). */
  private async deliverToOutbox(messages: OutgoingMessage[], now: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO notify_outbox (queue_id, channel, to_address, subject, text, headers, language, created_at)
         SELECT m.queue_id, m.channel, m.to_address, m.subject, m.text, m.headers, m.language, $2
         FROM jsonb_to_recordset($1::jsonb) AS m(queue_id bigint, channel text, to_address text, subject text, text text, headers jsonb, language text)
         ON CONFLICT (queue_id) DO NOTHING`,
        [
          JSON.stringify(messages.map((m) => ({ queue_id: m.queueId, channel: m.channel, to_address: m.to, subject: m.subject || null, text: m.text, headers: m.headers, language: m.language }))),
          now,
        ],
      );
      await tx.query(`UPDATE notify_queue SET status = 'sent', sent_at = $2, lease_until = NULL WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::bigint)`, [
        JSON.stringify(messages.map((m) => m.queueId)),
        now,
      ]);
    });
  }

  private async deliverOne(m: OutgoingMessage, c: Claimed, now: Date, marks: SentMarks): Promise<void> {
    await this.hooks.beforeSend?.(m);
    try {
      await this.transportFor(m.channel)!.send(m);
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError(`send failed (${(err as Error).name})`, false);
      const final = e.permanent || c.attempts >= MAX_ATTEMPTS;
      await this.db.query(
        `UPDATE notify_queue SET status = $2, last_error = $3, lease_until = NULL, next_attempt_at = $4 WHERE id = $1`,
        [c.id, final ? (e.permanent && m.channel === 'email' ? 'bounced' : 'failed') : 'queued', e.reason, new Date(now.getTime() + backoffMs(c.attempts))],
      );
      console.error(`notify: message ${c.id} (${m.channel}) attempt ${c.attempts}: ${e.reason}${final ? ', given up' : ', will retry'}`);
      return;
    }
    // A crash here (after the server took the message, before this mark) resends it after the lease, with the same Message-ID.
    await this.hooks.afterSend?.(m);
    await marks.add(c.id);
  }

  private async subscribersOf(ids: number[]): Promise<Map<number, SubscriberRow>> {
    const rows = await this.db.query<SubscriberRow>(
      `SELECT id, channel, address, language, status, area FROM notify_subscribers WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int)`,
      [JSON.stringify([...new Set(ids)])],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Holds back what would take a recipient over `ratePerHour` in a rolling hour (emergency alerts, priority 0, never wait). */
  private async applyRateLimit(claimed: Claimed[], subscribers: Map<number, SubscriberRow>, now: Date): Promise<Claimed[]> {
    const since = new Date(now.getTime() - 3600_000);
    const counts = await this.db.query<{ subscriber_id: number; n: number; first: Date }>(
      `SELECT subscriber_id, count(*)::int AS n, min(sent_at) AS first FROM notify_queue
       WHERE subscriber_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int) AND sent_at > $2 GROUP BY subscriber_id`,
      [JSON.stringify([...subscribers.keys()]), since],
    );
    const sent = new Map(counts.map((r) => [r.subscriber_id, { n: r.n, first: new Date(r.first) }]));
    const ok: Claimed[] = [];
    const held: Array<{ id: number; at: Date }> = [];
    for (const c of claimed) {
      const s = sent.get(c.subscriber_id) ?? { n: 0, first: now };
      if (c.priority > 0 && s.n >= this.settings.ratePerHour) {
        held.push({ id: c.id, at: new Date(s.first.getTime() + 3600_000) });
        continue;
      }
      s.n += 1;
      sent.set(c.subscriber_id, s);
      ok.push(c);
    }
    if (held.length) {
      await this.db.query(
        `UPDATE notify_queue q SET status = 'queued', attempts = q.attempts - 1, lease_until = NULL, next_attempt_at = h.at
         FROM jsonb_to_recordset($1::jsonb) AS h(id bigint, at timestamptz) WHERE q.id = h.id`,
        [JSON.stringify(held)],
      );
    }
    return ok;
  }

  private async publicationsOf(claimed: Claimed[]): Promise<Map<number, PublicationText>> {
    const ids = new Set<number>();
    for (const c of claimed) {
      if (c.params.publication_id !== undefined) ids.add(Number(c.params.publication_id));
      if (Array.isArray(c.params.publication_ids)) for (const id of c.params.publication_ids) ids.add(Number(id));
    }
    if (ids.size === 0) return new Map();
    const rows = await this.db.query<PublicationText>(
      `SELECT id, topic_id, subject, body FROM notify_publications WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::int)`,
      [JSON.stringify([...ids])],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private renderOne(c: Claimed, s: SubscriberRow, publications: Map<number, PublicationText>, tokens: Array<Record<string, unknown>>, now: Date): OutgoingMessage {
    const language: Language = (c.params.language as Language | undefined) ?? s.language;
    const origin = this.settings.origin;
    const ctx: RenderContext = {
      channel: s.channel,
      language,
      cityName: this.settings.cityName,
      cityPhone: this.settings.cityPhone,
      timeZone: this.settings.timeZone,
      trackUrl: (id) => `${origin}/track.html?request=${encodeURIComponent(id)}`,
      recordsUrl: () => `${origin}/records-status.html`,
      publications,
    };
    const headers: Record<string, string> = {};
    const token = (purpose: string, scope: unknown, signup: number | null = null) => {
      const t = newToken();
      const expires = purpose === 'confirm' ? new Date(now.getTime() + CONFIRMATION_HOURS * 3600_000).toISOString() : null;
      tokens.push({ hash: hashToken(t), purpose, subscriber_id: s.id, signup_id: signup, scope, expires_at: expires });
      return t;
    };
    // Every text after the "Reply YES" one carries a link to the manage page too: a number with
    // no email has no other way there.
    if (s.channel !== 'email' && c.template !== 'confirm') {
      ctx.manageUrl = `${this.pageUrl}?manage=${token('manage', {})}`;
    }
    if (s.channel === 'email') {
      let oneClick: string;
      if (c.template === 'confirm') {
        ctx.confirmUrl = `${this.pageUrl}?confirm=${token('confirm', {}, c.scope.confirm ?? null)}`;
        // A confirmation's one-click cancels that signup only: an address already subscribed keeps the rest.
        oneClick = token('unsubscribe', c.scope.confirm ? { signup: c.scope.confirm } : {});
      } else {
        const scope = c.scope.topic ? { topic: c.scope.topic } : c.scope.follow ? { follow: c.scope.follow } : {};
        oneClick = token('manage', scope);
        ctx.manageUrl = `${this.pageUrl}?manage=${oneClick}`;
      }
      ctx.unsubscribeUrl = `${origin}/notify/v1/unsubscribe/${oneClick}`;
      headers['List-Unsubscribe'] = `<${ctx.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      headers['List-Id'] = `${this.settings.cityName} notifications <notify.${this.store.mailDomain}>`;
      headers['Content-Language'] = language;
      headers['Auto-Submitted'] = 'auto-generated';
    }
    const { subject, text } = render(c.template, c.params, ctx);
    return { queueId: c.id, messageId: c.message_id, channel: s.channel, to: s.address, subject, text, headers: s.channel === 'email' ? { 'Message-ID': c.message_id, ...headers } : {}, language };
  }
}

/**
 * Marks sent messages a few at a time: one UPDATE per message made PGlite (one connection) the
 * bottleneck. A crash loses at most MARK_CHUNK marks, and those messages go again, same Message-ID.
 */
const MARK_CHUNK = 20;
class SentMarks {
  private pending: number[] = [];
  constructor(
    private readonly db: Database,
    private readonly now: Date,
  ) {}

  async add(id: number): Promise<void> {
    this.pending.push(id);
    if (this.pending.length >= MARK_CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const ids = this.pending;
    this.pending = [];
    await this.db.query(
      `UPDATE notify_queue SET status = 'sent', sent_at = $2, lease_until = NULL, last_error = NULL WHERE id IN (SELECT (jsonb_array_elements_text($1::jsonb))::bigint)`,
      [JSON.stringify(ids), this.now],
    );
  }
}

export function mailDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}
