import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { Config } from '../config.js';
import type { Database, Queryable } from '../db.js';
import type { NotifyChannel, NotifyFollow } from '../../src/api/notify/types.js';
import { catalog, topicById, topicName, topicsResponse } from './catalog.js';
import { NotifyErrorAnswer, message, type Language } from './messages.js';
import { negotiateLanguage } from '../records/messages.js';
import type { NotifyService } from './service.js';
import { smsInbound } from './sms-inbound.js';
import { groupOf, type SignupRequest, type SubscriberRow, type TokenRow } from './store.js';
import { consentSummary } from './templates.js';
import { TOKEN_SHAPE, sameSecret } from './tokens.js';
import {
  Problems,
  areaOf,
  followOf,
  languageOf,
  localizedOf,
  normaliseEmail,
  normalisePhone,
  pageUrlOf,
  pointOf,
  radiusOf,
  smsConsentOf,
  topicsOf,
  type Body,
  addedChannelOf,
  channelTogglesOf,
} from './validate.js';

/** At most this many confirmation or manage-link messages go to one address per hour; more are dropped silently. */
const CONFIRMATIONS_PER_HOUR = 3;

function json(status: number, body: unknown, language: Language): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Language': language, Vary: 'Accept-Language', 'Cache-Control': 'no-store' },
  });
}

function html(status: number, title: string, inner: string, language: Language): Response {
  const page = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1>${inner}</main></body></html>`;
  return new Response(page, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; form-action 'self'", 'Referrer-Policy': 'no-referrer' },
  });
}

async function readJson(c: Context): Promise<Body> {
  if (!(c.req.header('Content-Type') ?? '').includes('application/json')) throw NotifyErrorAnswer.of(400, 'body', 'body', 'body');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw NotifyErrorAnswer.of(400, 'body', 'body', 'body');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw NotifyErrorAnswer.of(400, 'body', 'body', 'body');
  return raw as Body;
}

function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

export interface NotifyRouteOptions {
  db: Database;
  config: Config;
  service: NotifyService;
}

/** `/notify/v1`: topics, double opt-in subscriptions and follows, management by token, one-click unsubscribe, the SMS webhook, staff publishing. */
export function notifyRoutes({ db, config, service }: NotifyRouteOptions): Hono {
  const app = new Hono();
  const store = service.store;
  const requestLanguage = (c: Context, body?: Body): Language => {
    const q = c.req.query('lang');
    if (q === 'en' || q === 'es') return q;
    if (body && (body.language === 'en' || body.language === 'es')) return body.language;
    return negotiateLanguage(c.req.header('Accept-Language'));
  };
  const origin = (c: Context) => config.publicUrl ?? new URL(c.req.url).origin;

  const requireStaff = (c: Context) => {
    if (!config.staffToken) throw NotifyErrorAnswer.of(403, 'authorization', 'staff_disabled', 'staffDisabled');
    const m = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '');
    if (!m || !sameSecret(m[1]!.trim(), config.staffToken)) throw NotifyErrorAnswer.of(401, 'authorization', 'unauthorized', 'staffOnly');
  };

  /** Queues a confirmation unless the address said STOP or already had its hourly share. */
  async function requestConfirmation(tx: Queryable, s: SubscriberRow, signupId: number, request: SignupRequest, now: Date): Promise<void> {
    if (s.status === 'stopped') return;
    if ((await store.recentCount(tx, s.id, ['confirm', 'manage_link'], new Date(now.getTime() - 3600_000))) >= CONFIRMATIONS_PER_HOUR) return;
    await store.enqueue(tx, {
      subscriberId: s.id,
      template: 'confirm',
      params: { topics: request.topics.map((t) => t.id), ...(request.follow ? { follow: request.follow } : {}), language: request.language, hours: 72 },
      scope: { confirm: signupId },
      at: now,
    });
  }

  /** Signup rows, consent log and confirmations for each channel given; the same work whether an address is new or known. */
  async function signUp(c: Context, channels: Array<[NotifyChannel, string]>, request: SignupRequest, pageUrl: string): Promise<void> {
    const now = new Date();
    const ip = clientIp(c);
    await db.transaction(async (tx) => {
      for (const [channel, address] of channels) {
        const s = await store.upsertSubscriber(tx, channel, address, request.language, now);
        const signupId = await store.createSignup(tx, s.id, request, now);
        await store.logConsent(tx, {
          subscriberId: s.id,
          channel,
          event: 'requested',
          agreed: { topics: request.topics, area: request.area?.area ?? null, follow: request.follow ?? null, consent_id: channel === 'sms' ? catalog.sms_consent.id : null },
          text: channel === 'sms' ? catalog.sms_consent.text[request.language] : consentSummary(request, request.language),
          language: request.language,
          pageUrl,
          ip,
          at: now,
        });
        await requestConfirmation(tx, s, signupId, request, now);
      }
    });
    service.kick();
  }

  const contactOf = (raw: Body, p: Problems): Array<[NotifyChannel, string]> => {
    const email = normaliseEmail(raw.email, p);
    const phone = normalisePhone(raw.phone, p);
    if (raw.email === undefined && raw.phone === undefined) p.add({ field: 'email', code: 'required', key: 'emailOrPhone' });
    else if (!email && !phone && !p.items.length) p.add({ field: 'email', code: 'required', key: 'emailOrPhone' });
    smsConsentOf(raw.sms_consent, phone, p);
    const out: Array<[NotifyChannel, string]> = [];
    if (email) out.push(['email', email]);
    if (phone) out.push(['sms', phone]);
    return out;
  };

  const pending = (channels: Array<[NotifyChannel, string]>, language: Language) => json(202, { status: 'pending', channels: channels.map(([ch]) => ch) }, language);

  app.get('/topics.json', (c) => {
    const language = requestLanguage(c);
    return json(200, topicsResponse(language, origin(c)), language);
  });

  app.post('/subscriptions.json', async (c) => {
    const raw = await readJson(c);
    const p = new Problems();
    const fallback = requestLanguage(c, raw);
    const channels = contactOf(raw, p);
    const topics = topicsOf(raw.topics, p);
    const area = areaOf(raw.area, p);
    const language = languageOf(raw.language, fallback, p);
    const pageUrl = pageUrlOf(raw.page_url, p);
    p.throwIfAny();
    await signUp(c, channels, { topics, ...(area !== undefined ? { area } : {}), language }, pageUrl!);
    return pending(channels, language);
  });

  app.post('/follows.json', async (c) => {
    const raw = await readJson(c);
    const p = new Problems();
    const channels = contactOf(raw, p);
    const follow = followOf(raw.kind, raw.id, p);
    const language = languageOf(raw.language, requestLanguage(c, raw), p);
    const pageUrl = pageUrlOf(raw.page_url, p);
    p.throwIfAny();
    // Open311 requests are public; whether a records tracking number exists is not told.
    if (follow!.kind === 'service_request') {
      const [found] = await db.query('SELECT 1 FROM requests WHERE id = $1 AND available_at <= $2', [Number(follow!.id), new Date()]);
      if (!found) throw NotifyErrorAnswer.of(404, 'id', 'not_found', 'followUnknown');
    }
    await signUp(c, channels, { topics: [], follow: follow!, language }, pageUrl!);
    return pending(channels, language);
  });

  app.post('/confirm.json', async (c) => {
    const raw = await readJson(c);
    const language = requestLanguage(c, raw);
    const token = typeof raw.token === 'string' ? raw.token.trim() : '';
    if (!token) throw NotifyErrorAnswer.of(400, 'token', 'required', 'token');
    if (!TOKEN_SHAPE.test(token)) throw NotifyErrorAnswer.of(404, 'token', 'not_found', 'tokenUnknown');
    const now = new Date();
    const ip = clientIp(c);
    const answer = await db.transaction(async (tx) => {
      const row = await store.token(tx, token, true);
      if (!row || row.purpose !== 'confirm' || row.signup_id === null) throw NotifyErrorAnswer.of(404, 'token', 'not_found', 'tokenUnknown');
      if (row.used_at) throw NotifyErrorAnswer.of(410, 'token', 'used', 'tokenUsed');
      if (row.expires_at && new Date(row.expires_at).getTime() <= now.getTime()) throw NotifyErrorAnswer.of(410, 'token', 'expired', 'tokenExpired', { hours: 72 });
      const applied = await store.applySignup(tx, row.subscriber_id, row.signup_id, now);
      if (!applied) throw NotifyErrorAnswer.of(410, 'token', 'used', 'tokenUsed');
      await tx.query('UPDATE notify_tokens SET used_at = $2 WHERE hash = $1', [row.hash, now]);
      const s = await store.subscriber(tx, row.subscriber_id);
      await store.logConsent(tx, {
        subscriberId: s.id,
        channel: s.channel,
        event: 'confirmed',
        agreed: { topics: applied.topics, area: applied.area?.area ?? null, follow: applied.follow ?? null },
        text: consentSummary(applied, applied.language),
        language: applied.language,
        ip,
        at: now,
      });
      const manage = await store.issueToken(tx, { purpose: 'manage', subscriberId: s.id, at: now });
      return { status: 'confirmed', manage_token: manage, kind: applied.follow ? 'follow' : 'subscription' };
    });
    return json(200, answer, language);
  });

  app.post('/resend.json', async (c) => {
    const raw = await readJson(c);
    const p = new Problems();
    const email = normaliseEmail(raw.email, p);
    const phone = normalisePhone(raw.phone, p);
    if (!email && !phone && !p.items.length) p.add({ field: 'email', code: 'required', key: 'emailOrPhone' });
    const language = languageOf(raw.language, requestLanguage(c, raw), p);
    p.throwIfAny();
    const channels: Array<[NotifyChannel, string]> = [];
    if (email) channels.push(['email', email]);
    if (phone) channels.push(['sms', phone]);
    const now = new Date();
    await db.transaction(async (tx) => {
      for (const [channel, address] of channels) {
        const s = await store.subscriberByAddress(tx, channel, address);
        if (!s || s.status === 'stopped') continue;
        const waiting = await store.pendingSignups(tx, s.id, new Date(0));
        const latest = waiting.at(-1);
        if (latest) await requestConfirmation(tx, s, latest.id, latest.request, now);
        else if (s.status === 'active' && (await store.recentCount(tx, s.id, ['confirm', 'manage_link'], new Date(now.getTime() - 3600_000))) < CONFIRMATIONS_PER_HOUR) {
          await store.enqueue(tx, { subscriberId: s.id, template: 'manage_link', params: { language }, at: now });
        }
      }
    });
    service.kick();
    return pending(channels, language);
  });

  // --- manage by token ---

  const manageToken = async (tx: Queryable, c: Context): Promise<TokenRow> => {
    const token = (c.req.param('file') ?? c.req.param('token') ?? '').replace(/\.json$/, '');
    const row = TOKEN_SHAPE.test(token) ? await store.token(tx, token) : undefined;
    if (!row || row.purpose !== 'manage') throw NotifyErrorAnswer.of(404, 'token', 'not_found', 'tokenUnknown');
    return row;
  };

  app.get('/manage/:file{[^/]+\\.json}', async (c) => {
    const language = requestLanguage(c);
    const row = await manageToken(db, c);
    return json(200, await store.view(db, row.subscriber_id), language);
  });

  app.put('/manage/:file{[^/]+\\.json}', async (c) => {
    const raw = await readJson(c);
    const row = await manageToken(db, c);
    const p = new Problems();
    const topics = raw.topics === undefined ? undefined : topicsOf(raw.topics, p, { allowEmpty: true });
    const area = areaOf(raw.area, p);
    const language = raw.language === undefined ? undefined : languageOf(raw.language, 'en', p);
    let follows: NotifyFollow[] | undefined;
    if (raw.follows !== undefined) {
      if (!Array.isArray(raw.follows)) p.add({ field: 'follows', code: 'invalid', key: 'followId' });
      else follows = (raw.follows as unknown[]).map((f) => followOf((f as NotifyFollow | null)?.kind, (f as NotifyFollow | null)?.id, p)).filter((f): f is NotifyFollow => !!f);
    }
    const toggles = channelTogglesOf(raw.channels, p);
    const added = addedChannelOf(raw.add, p);
    p.throwIfAny();
    const now = new Date();
    const ip = clientIp(c);
    const view = await db.transaction(async (tx) => {
      const s = await store.subscriber(tx, row.subscriber_id, true);
      const members = await store.members(tx, s, true);
      const wasOn = new Map<number, boolean>();
      for (const m of members) wasOn.set(m.id, await store.isOn(tx, m));
      // Checked before anything is written: the transaction then has nothing to undo.
      toggles.forEach(([channel, enabled], i) => {
        const m = members.find((x) => x.channel === channel);
        if (!m) p.add({ field: `channels[${i}].channel`, code: 'invalid', key: 'channelMissing' });
        else if (enabled && m.status === 'stopped') p.add({ field: `channels[${i}].enabled`, code: 'stopped', key: 'channelStopped' });
      });
      if (added && members.some((m) => m.channel === added[0])) p.add({ field: added[0] === 'email' ? 'add.email' : 'add.phone', code: 'invalid', key: 'channelExists' });
      const before = await store.view(tx, s.id);
      const nextTopics = topics ?? before.topics;
      if (added && nextTopics.length === 0) p.add({ field: 'topics', code: 'required', key: 'topicsRequired' });
      p.throwIfAny();
      const enabled = new Map(members.map((m) => [m.id, wasOn.get(m.id)!]));
      // A channel is switched on with what the subscription gets (the link's own channel counts as on when it is the only one).
      if (![...enabled.values()].some(Boolean) && toggles.length === 0) enabled.set(s.id, true);
      for (const [channel, on] of toggles) enabled.set(members.find((m) => m.channel === channel)!.id, on);
      const sourceArea = area !== undefined ? area : await store.resolvedArea(tx, (members.find((m) => wasOn.get(m.id)) ?? s).id);
      const group = groupOf(s);
      for (const m of members) {
        if (enabled.get(m.id)) {
          if (topics || !wasOn.get(m.id)) await store.setTopics(tx, m.id, nextTopics, now, { replace: true });
          if (area !== undefined || !wasOn.get(m.id)) await store.setArea(tx, m.id, sourceArea, now);
          if (language) await tx.query('UPDATE notify_subscribers SET language = $2 WHERE id = $1', [m.id, language]);
          if (follows) {
            await tx.query(
              `UPDATE notify_follows SET active = false WHERE subscriber_id = $1 AND active AND NOT ((kind || ':' || ref_id) = ANY (SELECT jsonb_array_elements_text($2::jsonb)))`,
              [m.id, JSON.stringify(follows.map((f) => `${f.kind}:${f.id}`))],
            );
          }
          const v = await store.view(tx, m.id);
          await store.logConsent(tx, {
            subscriberId: m.id,
            channel: m.channel,
            event: 'changed',
            agreed: { topics: v.topics, area: v.area, follows: v.follows, channel_on: true },
            text: consentSummary({ topics: v.topics }, language ?? m.language),
            language: language ?? m.language,
            ip,
            at: now,
          });
        } else if (wasOn.get(m.id)) {
          await store.leave(tx, m.id, {}, now);
          await store.logConsent(tx, { subscriberId: m.id, channel: m.channel, event: 'unsubscribed', agreed: { left: 'all', channel_off: true }, text: `Turned off ${m.channel} from the manage page`, language: m.language, ip, at: now });
        }
      }
      const anyOn = [...enabled.values()].some(Boolean);
      // Every channel off is unsubscribing from everything: a channel waiting for its confirmation goes too.
      if (!anyOn) await tx.query(`UPDATE notify_signups SET status = 'cancelled' WHERE status = 'pending' AND (request->>'link_group')::int = $1`, [group]);
      if (added) {
        const [channel, address] = added;
        const lang = language ?? before.language;
        const request: SignupRequest = { topics: nextTopics, area: sourceArea, language: lang, link_group: group };
        // The same rows and the same answer whether the address is new, known, or stopped: nothing tells them apart.
        const n = await store.upsertSubscriber(tx, channel, address, lang, now);
        const signupId = await store.createSignup(tx, n.id, request, now);
        await store.logConsent(tx, {
          subscriberId: n.id,
          channel,
          event: 'requested',
          agreed: { topics: nextTopics, area: sourceArea?.area ?? null, follow: null, consent_id: channel === 'sms' ? catalog.sms_consent.id : null, added_from_manage: true },
          text: channel === 'sms' ? catalog.sms_consent.text[lang] : consentSummary(request, lang),
          language: lang,
          pageUrl: added[2],
          ip,
          at: now,
        });
        await requestConfirmation(tx, n, signupId, request, now);
      }
      return store.view(tx, s.id);
    });
    if (added) service.kick();
    return json(200, view, requestLanguage(c, raw));
  });

  const leave = async (c: Context, row: TokenRow, scope: TokenRow['scope']) => {
    const now = new Date();
    return db.transaction(async (tx) => {
      const s = await store.subscriber(tx, row.subscriber_id, true);
      const left = await store.leave(tx, s.id, scope, now);
      await store.logConsent(tx, {
        subscriberId: s.id,
        channel: s.channel,
        event: 'unsubscribed',
        agreed: { left, topic: scope.topic ?? null, follow: scope.follow ?? null, signup: scope.signup ?? null },
        text: {
          all: 'Unsubscribed from everything',
          signup: 'Cancelled a signup before confirming it',
          topic: `Left topic ${topicName(scope.topic ?? '', 'en')}`,
          follow: `Stopped following ${scope.follow?.kind} ${scope.follow?.id}`,
        }[left],
        language: s.language,
        ip: clientIp(c),
        at: now,
      });
      return { left, view: await store.view(tx, s.id) };
    });
  };

  app.delete('/manage/:file{[^/]+\\.json}', async (c) => {
    const language = requestLanguage(c);
    const row = await manageToken(db, c);
    return json(200, (await leave(c, row, {})).view, language);
  });

  app.post('/manage/:token/unsubscribe.json', async (c) => {
    const raw = await readJson(c);
    const language = requestLanguage(c, raw);
    const row = await manageToken(db, c);
    const p = new Problems();
    let scope: TokenRow['scope'] = {};
    if (raw.topic !== undefined) {
      if (typeof raw.topic !== 'string' || !topicById.has(raw.topic)) p.add({ field: 'topic', code: 'unknown_topic', key: 'topicUnknown' });
      else scope = { topic: raw.topic };
    } else if (raw.follow !== undefined) {
      const f = raw.follow as NotifyFollow | null;
      const follow = followOf(f?.kind, f?.id, p);
      if (follow) scope = { follow };
    }
    p.throwIfAny();
    return json(200, (await leave(c, row, scope)).view, language);
  });

  // --- RFC 8058 one-click ---

  const oneClickToken = async (c: Context): Promise<TokenRow | undefined> => {
    const token = c.req.param('token') ?? '';
    const row = TOKEN_SHAPE.test(token) ? await store.token(db, token) : undefined;
    return row && (row.purpose === 'manage' || row.purpose === 'unsubscribe') ? row : undefined;
  };

  const pageWords = (language: Language) =>
    language === 'es'
      ? { title: 'Cancelar la suscripción', done: 'Listo: no recibirá más estos mensajes.', ask: '¿Dejar de recibir estos mensajes?', button: 'Cancelar la suscripción', gone: 'Este enlace no es válido.' }
      : { title: 'Unsubscribe', done: 'Done: you will not get these messages any more.', ask: 'Stop getting these messages?', button: 'Unsubscribe', gone: 'This link is not valid.' };

  // GET never unsubscribes (mail scanners follow links): it shows a button that posts.
  app.get('/unsubscribe/:token', async (c) => {
    const language = requestLanguage(c);
    const w = pageWords(language);
    const row = await oneClickToken(c);
    if (!row) return html(404, w.title, `<p>${w.gone}</p>`, language);
    return html(200, w.title, `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><p>${w.ask}</p><button type="submit">${w.button}</button></form>`, language);
  });

  app.post('/unsubscribe/:token', async (c) => {
    const language = requestLanguage(c);
    const wantsHtml = (c.req.header('Accept') ?? '').includes('text/html');
    const row = await oneClickToken(c);
    if (!row) {
      if (wantsHtml) return html(404, pageWords(language).title, `<p>${pageWords(language).gone}</p>`, language);
      throw NotifyErrorAnswer.of(404, 'token', 'not_found', 'tokenUnknown');
    }
    const { left } = await leave(c, row, row.scope ?? {});
    if (wantsHtml) return html(200, pageWords(language).title, `<p>${pageWords(language).done}</p>`, language);
    return json(200, { status: 'unsubscribed', scope: left }, language);
  });

  app.post('/sms/inbound', smsInbound({ db, config, service }));

  // --- staff ---

  app.post('/messages.json', async (c) => {
    requireStaff(c);
    const raw = await readJson(c);
    const language = requestLanguage(c, raw);
    const p = new Problems();
    const topic = typeof raw.topic === 'string' ? topicById.get(raw.topic) : undefined;
    if (!topic) p.add({ field: 'topic', code: 'unknown_topic', key: 'topicUnknown' });
    let area: { lat: number; lon: number; radius_m: number } | null = null;
    if (raw.area !== undefined && raw.area !== null) {
      const a = raw.area as Record<string, unknown>;
      const point = typeof a === 'object' ? pointOf(a.lat, a.long, p, 'area') : p.add({ field: 'area', code: 'invalid', key: 'area' });
      const radius = typeof a === 'object' ? radiusOf(a.radius_m, p, 'area.radius_m') : undefined;
      if (point && radius !== undefined) area = { ...point, radius_m: radius };
    }
    const subject = localizedOf(raw.subject, 'subject', 'subject', 200, p);
    const body = localizedOf(raw.body, 'body', 'messageBody', 5000, p);
    p.throwIfAny();
    const r = await service.publish({ topic: topic!.id, area, subject: subject!, body: body! }, new Date());
    return json(202, { id: String(r.id), recipients: r.immediate + r.digest, immediate: r.immediate, digest: r.digest }, language);
  });

  app.get('/outbox.json', async (c) => {
    requireStaff(c);
    const language = requestLanguage(c);
    const limit = Math.min(Math.max(1, Number.parseInt(c.req.query('limit') ?? '50', 10) || 50), 500);
    const rows = await db.query<{ id: string; channel: NotifyChannel; to_address: string; subject: string | null; text: string; headers: Record<string, string>; language: Language; created_at: Date }>(
      'SELECT id::text AS id, channel, to_address, subject, text, headers, language, created_at FROM notify_outbox ORDER BY id DESC LIMIT $1',
      [limit],
    );
    return json(
      200,
      { messages: rows.map((r) => ({ id: r.id, channel: r.channel, to: r.to_address, subject: r.subject, text: r.text, headers: r.headers, language: r.language, created_at: new Date(r.created_at).toISOString() })) },
      language,
    );
  });

  // Mounted with app.route(), a sub-app's notFound is not consulted: a catch-all keeps unknown paths in the contract's format.
  app.all('*', (c) => json(404, NotifyErrorAnswer.of(404, 'path', 'not_found', 'notFound').body(requestLanguage(c)), requestLanguage(c)));
  app.onError((err, c) => {
    const language = requestLanguage(c);
    if (err instanceof NotifyErrorAnswer) return json(err.status, err.body(language), language);
    // Never the error's message or the body: either may carry an address.
    console.error(`notify: ${c.req.method} ${new URL(c.req.url).pathname.replace(/\/(manage|unsubscribe)\/[^/]+/, '/$1/…')} failed (${err.name})`);
    return json(500, { errors: [{ field: 'server', code: 'server', message: message(language, 'server') }] }, language);
  });
  return app;
}
