import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { Database } from '../db.js';
import { catalog, topicName } from './catalog.js';
import { NotifyErrorAnswer, type Language } from './messages.js';
import type { NotifyService } from './service.js';
import { keywordOf, twiml, validSignature } from './sms.js';
import { smsReply } from './templates.js';
import { Problems, normalisePhone } from './validate.js';

/**
 * `POST /notify/v1/sms/inbound`: the provider's webhook (form-encoded `From`, `Body`), answered in
 * TwiML. STOP words end every text to the number, START/YES confirm what waits (72 h) or restart a
 * stopped number, HELP gives the city's contact. With an SMS auth token configured, a request
 * without the provider's valid signature is refused and changes nothing.
 */
export function smsInbound({ db, config, service }: { db: Database; config: Config; service: NotifyService }) {
  const store = service.store;
  const origin = (c: Context) => config.publicUrl ?? new URL(c.req.url).origin;
  return async (c: Context): Promise<Response> => {
    let form: Record<string, string>;
    try {
      const parsed = await c.req.parseBody();
      form = Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      throw NotifyErrorAnswer.of(400, 'body', 'body', 'body');
    }
    if (config.smsAuthToken) {
      const url = `${origin(c)}${new URL(c.req.url).pathname}${new URL(c.req.url).search}`;
      if (!validSignature(config.smsAuthToken, url, form, c.req.header('X-Twilio-Signature'))) {
        throw NotifyErrorAnswer.of(403, 'X-Twilio-Signature', 'unauthorized', 'signature');
      }
    }
    const p = new Problems();
    const phone = normalisePhone(form.From, p, 'From');
    if (!phone) throw NotifyErrorAnswer.of(400, 'From', 'invalid', 'phone');
    const keyword = keywordOf(form.Body ?? '');
    const s = await store.subscriberByAddress(db, 'sms', phone);
    const words = (language: Language, topics?: string) => ({ language, cityName: config.cityName, cityPhone: config.cityPhone, pageUrl: service.pageUrl, topics });
    const language: Language = s?.language ?? 'en';
    const now = new Date();
    if (keyword === 'help') return twiml(smsReply('help', words(language)));
    if (keyword === 'other') return twiml(smsReply('unknown', words(language)));
    if (keyword === 'stop') {
      if (s) {
        await db.transaction(async (tx) => {
          await tx.query(`UPDATE notify_subscribers SET status = 'stopped', updated_at = $2 WHERE id = $1`, [s.id, now]);
          await tx.query(`UPDATE notify_queue SET status = 'failed', last_error = 'stopped by text', lease_until = NULL WHERE subscriber_id = $1 AND status = 'queued'`, [s.id]);
          await store.logConsent(tx, { subscriberId: s.id, channel: 'sms', event: 'stopped', agreed: { keyword: (form.Body ?? '').trim().toUpperCase() }, text: (form.Body ?? '').trim().slice(0, 160), language: s.language, at: now });
        });
      }
      return twiml(smsReply('stopped', words(language)));
    }
    // START / YES: confirm what waits (72 h) and restart a stopped number.
    if (!s) return twiml(smsReply('nothing', words(language)));
    const result = await db.transaction(async (tx) => {
      const fresh = await store.subscriber(tx, s.id, true);
      let changed = false;
      if (fresh.status === 'stopped') {
        await tx.query(`UPDATE notify_subscribers SET status = 'active', updated_at = $2 WHERE id = $1`, [s.id, now]);
        await store.logConsent(tx, { subscriberId: s.id, channel: 'sms', event: 'started', agreed: { keyword: (form.Body ?? '').trim().toUpperCase() }, text: (form.Body ?? '').trim().slice(0, 160), language: fresh.language, at: now });
        changed = true;
      }
      for (const signup of await store.pendingSignups(tx, s.id, new Date(now.getTime() - 72 * 3600_000))) {
        const applied = await store.applySignup(tx, s.id, signup.id, now);
        if (!applied) continue;
        changed = true;
        await store.logConsent(tx, {
          subscriberId: s.id,
          channel: 'sms',
          event: 'confirmed',
          agreed: { topics: applied.topics, area: applied.area?.area ?? null, follow: applied.follow ?? null, consent_id: catalog.sms_consent.id, keyword: (form.Body ?? '').trim().toUpperCase() },
          text: catalog.sms_consent.text[applied.language],
          language: applied.language,
          at: now,
        });
      }
      const after = await store.view(tx, s.id);
      return { changed, view: after };
    });
    const lang = result.view.language;
    if (!result.changed && s.status !== 'active') return twiml(smsReply('nothing', words(lang)));
    const topics = result.view.topics.map((t) => topicName(t.id, lang));
    return twiml(smsReply('started', words(lang, topics.length ? new Intl.ListFormat(lang, { type: 'conjunction' }).format(topics) : undefined)));
  };
}
