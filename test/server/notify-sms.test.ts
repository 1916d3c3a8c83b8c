// Text messages: the Twilio-compatible provider is the one stub (no SMS network here); the
// inbound webhook is signed like Twilio's, and STOP/START/YES/HELP behave as carriers require.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { DATABASES, describeOn, get, startTestServer, type TestServer } from './helpers.js';
import { PAGE, STAFF, postJson, staff } from './notify-helpers.js';

const AUTH = 'sms-auth-token-for-tests';
const SID = 'AC00000000000000000000000000000000';

interface Sent {
  to: string;
  from: string;
  body: string;
  auth: string;
}

/** A stand-in for the provider's "create message" API: records what it is asked to send. */
async function startProvider(): Promise<{ url: string; sent: Sent[]; close(): Promise<void> }> {
  const sent: Sent[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(data);
      sent.push({ to: form.get('To') ?? '', from: form.get('From') ?? '', body: form.get('Body') ?? '', auth: req.headers.authorization ?? '' });
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ sid: `SM${sent.length}`, status: 'queued' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/2010-04-01/Accounts/${SID}/Messages.json`,
    sent,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** Twilio's scheme, written out here independently of the server's code. */
function sign(url: string, params: Record<string, string>): string {
  let data = url;
  for (const key of Object.keys(params).sort()) data += key + params[key];
  return createHmac('sha1', AUTH).update(data).digest('base64');
}

for (const db of DATABASES) {
  describeOn(db, 'notify SMS', () => {
    let server: TestServer;
    let provider: Awaited<ReturnType<typeof startProvider>>;
    let consentId: string;
    const webhook = () => `${server.base}/notify/v1/sms/inbound`;
    const inbound = (from: string, body: string, signature?: string) => {
      const params = { From: from, Body: body, To: '+18605550000', MessageSid: 'SM123' };
      return get<string>(webhook(), {
        method: 'POST',
        body: new URLSearchParams(params),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(signature !== '' ? { 'X-Twilio-Signature': signature ?? sign(webhook(), params) } : {}) },
      });
    };
    const textsTo = (n: string) => provider.sent.filter((s) => s.to === n);
    /** Runs the worker until it has nothing left, then returns what the provider got for `n`. */
    const drain = async (n: string) => {
      await server.notify.tick();
      return textsTo(n);
    };

    before(async () => {
      provider = await startProvider();
      server = await startTestServer(db, { notifyWorker: false, staffToken: STAFF, smsApiUrl: provider.url, smsAccountSid: SID, smsAuthToken: AUTH, smsFrom: '+18605550000' });
      consentId = (await get<{ consent: { sms: { id: string } } }>(`${server.base}/notify/v1/topics.json`)).body.consent.sms.id;
    });
    after(async () => {
      await server?.stop();
      await provider?.close();
    });

    test('sign up by text: "Reply YES", a signed YES confirms, messages arrive, STOP ends them, START restarts', async () => {
      const phone = '+18605550142';
      const signup = await postJson(`${server.base}/notify/v1/subscriptions.json`, {
        phone: '(860) 555-0142',
        sms_consent: consentId,
        topics: [{ id: 'road-closures', frequency: 'immediate' }],
        language: 'es',
        page_url: PAGE,
      });
      assert.equal(signup.status, 202, signup.text);
      assert.deepEqual(signup.body, { status: 'pending', channels: ['sms'] });
      const [ask] = await drain(phone);
      assert.match(ask!.body, /Responda YES/);
      assert.equal(ask!.from, '+18605550000');
      assert.equal(ask!.auth, `Basic ${Buffer.from(`${SID}:${AUTH}`).toString('base64')}`);

      const unsigned = await inbound(phone, 'YES', '');
      assert.equal(unsigned.status, 403);
      const forged = await inbound(phone, 'YES', 'bm90IGEgc2lnbmF0dXJl');
      assert.equal(forged.status, 403);
      const [before] = await server.database.query<{ status: string }>(`SELECT status FROM notify_subscribers WHERE address = $1`, [phone]);
      assert.equal(before!.status, 'pending', 'a refused webhook changes nothing');

      const yes = await inbound(phone, ' yes ');
      assert.equal(yes.status, 200);
      assert.match(yes.headers.get('content-type')!, /text\/xml/);
      assert.match(yes.text, /^<\?xml[^>]*><Response><Message>[^<]*suscrito a mensajes de texto sobre Cierres de calles/);

      await server.notify.publish({ topic: 'road-closures', area: null, subject: { en: 'Park St closed', es: 'Park St cerrada' }, body: { en: 'Until 5 pm.', es: 'Hasta las 5 pm.' } }, new Date());
      const texts = await drain(phone);
      assert.equal(texts.length, 2);
      assert.match(texts[1]!.body, /Park St cerrada\. Hasta las 5 pm\..*Responda STOP/);
      assert.doesNotMatch(ask!.body, /manage=/, 'the "Reply YES" text has no manage link yet');
      // Every later text links to the manage page (a number with no email has no other way there).
      const manage = /Administrar: \S+\?manage=([A-Za-z0-9_-]{43}) /.exec(texts[1]!.body);
      assert.ok(manage, texts[1]!.body);
      const view = await get<{ channels: Array<{ channel: string; status?: string }>; topics: Array<{ id: string }> }>(`${server.base}/notify/v1/manage/${manage[1]}.json`);
      assert.equal(view.status, 200, view.text);
      assert.ok(view.body.topics.some((t) => t.id === 'road-closures'));
      assert.ok(!view.text.includes('5550142'), 'the number stays masked');

      const help = await inbound(phone, 'HELP');
      assert.match(help.text, /860-757-9311/);

      const stop = await inbound(phone, 'STOP');
      assert.match(stop.text, /canceló todos los mensajes/);
      await server.notify.publish({ topic: 'road-closures', area: null, subject: { en: 'Elm St closed', es: 'Elm St cerrada' }, body: { en: 'x', es: 'x' } }, new Date());
      assert.equal((await drain(phone)).length, 2, 'nothing is texted after STOP');
      const again = await postJson(`${server.base}/notify/v1/subscriptions.json`, {
        phone, sms_consent: consentId, topics: [{ id: 'city-news', frequency: 'weekly' }], language: 'es', page_url: PAGE,
      });
      assert.equal(again.status, 202);
      assert.equal(again.text, signup.text, 'the same answer for a stopped number');
      assert.equal((await drain(phone)).length, 2, 'a web form cannot text a number that said STOP');

      const start = await inbound(phone, 'START');
      assert.match(start.text, /suscrito/);
      const [row] = await server.database.query<{ status: string }>(`SELECT status FROM notify_subscribers WHERE address = $1`, [phone]);
      assert.equal(row!.status, 'active');
      const log = await server.database.query<{ event: string; consent_text: string }>(
        `SELECT l.event, l.consent_text FROM notify_consent_log l JOIN notify_subscribers s ON s.id = l.subscriber_id WHERE s.address = $1 ORDER BY l.id`,
        [phone],
      );
      assert.deepEqual(log.map((l) => l.event), ['requested', 'confirmed', 'stopped', 'requested', 'started', 'confirmed']);
      assert.match(log[0]!.consent_text, /Pueden aplicarse tarifas de mensajes y datos/);
    });

    test('STOPALL, UNSUBSCRIBE, CANCEL, END and QUIT end every text subscription of the number; an unknown number gets the same answer', async () => {
      const words = ['STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit'];
      for (const [i, word] of words.entries()) {
        const phone = `+1860555020${i}`;
        const [s] = await server.database.query<{ id: number }>(
          `INSERT INTO notify_subscribers (channel, address, language, status, created_at, updated_at) VALUES ('sms', $1, 'en', 'active', now(), now()) RETURNING id`,
          [phone],
        );
        await server.database.query(`INSERT INTO notify_subscriber_topics VALUES ($1, 'emergency-alerts', 'immediate', now())`, [s!.id]);
        const res = await inbound(phone, word);
        assert.equal(res.status, 200);
        assert.match(res.text, /unsubscribed from all texts/);
        const [row] = await server.database.query<{ status: string }>('SELECT status FROM notify_subscribers WHERE id = $1', [s!.id]);
        assert.equal(row!.status, 'stopped', word);
      }
      const stranger = await inbound('+18605559999', 'STOP');
      assert.match(stranger.text, /unsubscribed from all texts/);
      const nothing = await inbound('+18605559998', 'YES');
      assert.match(nothing.text, /nothing to confirm/);
      const bad = await inbound('not-a-number', 'STOP');
      assert.equal(bad.status, 400);
    });

    test('a staff publish reaches texts and email alike; the outbox stays empty when a provider is configured', async () => {
      const res = await get<{ messages: unknown[] }>(`${server.base}/notify/v1/outbox.json`, { headers: staff });
      assert.equal(res.status, 200);
      assert.ok(res.body.messages.every((m) => (m as { channel: string }).channel === 'email'), 'texts went to the provider, not the outbox');
    });
  });
}
