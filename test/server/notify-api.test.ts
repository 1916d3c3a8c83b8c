// The notify contract (/notify/v1) over HTTP, with email through a real SMTP server process:
// topics, double opt-in, tokens (single use, 72 h), management by token, RFC 8058 one-click
// unsubscribe, follows, no enumeration, bad input stored nowhere, personal data never echoed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DATABASES, describeOn, get } from './helpers.js';
import { PAGE, linkToken, oneClickUrl, postJson, sendJson, staff, startNotifyServer, subscribe, subscribeAndConfirm, to, type NotifyHarness } from './notify-helpers.js';

interface Topics {
  groups: Array<{ id: string; name: string }>;
  topics: Array<{ id: string; group: string; name: string; frequencies: string[]; always_immediate: boolean; area: boolean }>;
  channels: string[];
  neighbourhoods: Array<{ id: string; name: string }>;
  consent: { sms: { id: string; text: string; terms_url: string; privacy_url: string } };
  confirmation_hours: number;
}
interface View {
  status: string;
  language: string;
  channels: Array<{ channel: string; address_masked: string; status: string }>;
  topics: Array<{ id: string; frequency: string }>;
  area: unknown;
  follows: Array<{ kind: string; id: string }>;
}
interface Errors {
  errors: Array<{ field: string; code: string; message: string }>;
}

async function notifyCounts(h: NotifyHarness) {
  const [row] = await h.server.database.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM notify_subscribers)::int AS subscribers, (SELECT count(*) FROM notify_signups)::int AS signups,
            (SELECT count(*) FROM notify_queue)::int AS queue, (SELECT count(*) FROM notify_consent_log)::int AS consent,
            (SELECT count(*) FROM notify_tokens)::int AS tokens, (SELECT count(*) FROM notify_follows)::int AS follows,
            (SELECT count(*) FROM notify_publications)::int AS publications`,
  );
  return row!;
}

for (const db of DATABASES) {
  describeOn(db, 'notify contract', () => {
    let h: NotifyHarness;
    before(async () => {
      h = await startNotifyServer(db);
    });
    after(async () => {
      await h?.stop();
    });

    test('topics in English and Spanish, grouped, with the SMS consent text and the 72-hour confirmation', async () => {
      const en = await get<Topics>(`${h.api}/topics.json?lang=en`);
      assert.equal(en.status, 200);
      assert.equal(en.headers.get('content-language'), 'en');
      const es = await get<Topics>(`${h.api}/topics.json`, { headers: { 'Accept-Language': 'es-US,es;q=0.9' } });
      assert.equal(es.headers.get('content-language'), 'es');
      assert.deepEqual(en.body.channels, ['email', 'sms']);
      assert.equal(en.body.confirmation_hours, 72);
      const emergency = en.body.topics.find((t) => t.id === 'emergency-alerts')!;
      assert.deepEqual(emergency.frequencies, ['immediate']);
      assert.equal(emergency.always_immediate, true);
      for (const t of en.body.topics) assert.ok(en.body.groups.some((g) => g.id === t.group));
      assert.equal(es.body.topics.find((t) => t.id === 'emergency-alerts')!.name, 'Alertas de emergencia');
      assert.match(en.body.consent.sms.text, /Message and data rates may apply/);
      assert.match(en.body.consent.sms.text, /Reply STOP to cancel, HELP for help/);
      assert.match(es.body.consent.sms.text, /Responda STOP para cancelar/);
      assert.match(en.body.consent.sms.terms_url, /^http/);
      assert.ok(en.body.neighbourhoods.length > 3);
    });

    test('sign up, get a real confirmation email with RFC 8058 headers, confirm once; the link is single use', async () => {
      const email = 'maria.lopez@example.org';
      const answer = await subscribe(h, { email, topics: [{ id: 'road-closures', frequency: 'immediate' }, { id: 'emergency-alerts', frequency: 'immediate' }] });
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, { status: 'pending', channels: ['email'] });
      assert.ok(!answer.text.includes('maria'), 'the address is never echoed');
      const [mail] = await h.sink.waitFor(1, { match: to(email) });
      assert.match(mail!.subject, /Confirm/);
      assert.match(mail!.text, /within 72 hours/);
      assert.ok(mail!.text.includes(`${PAGE.replace('/notify', '')}`) || mail!.text.includes('/notify.html?confirm='), mail!.text);
      oneClickUrl(mail!);
      assert.equal(mail!.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
      assert.match(mail!.messageId, /^<[^@]+@[^>]+>$/);
      const token = linkToken(mail!, 'confirm');
      const [stored] = await h.server.database.query<{ n: number }>('SELECT count(*)::int AS n FROM notify_tokens WHERE hash = $1 OR hash LIKE $2', [token, `%${token.slice(0, 10)}%`]);
      assert.equal(stored!.n, 0, 'the token itself is never stored, only its hash');

      const confirmed = await postJson<{ status: string; manage_token: string; kind: string }>(`${h.api}/confirm.json`, { token });
      assert.equal(confirmed.status, 200, confirmed.text);
      assert.equal(confirmed.body.status, 'confirmed');
      assert.equal(confirmed.body.kind, 'subscription');
      const again = await postJson<Errors>(`${h.api}/confirm.json`, { token });
      assert.equal(again.status, 410);
      assert.equal(again.body.errors[0]!.code, 'used');

      const view = await get<View>(`${h.api}/manage/${confirmed.body.manage_token}.json`);
      assert.equal(view.status, 200);
      assert.deepEqual(
        view.body.topics.map((t) => t.id),
        ['emergency-alerts', 'road-closures'],
      );
      assert.equal(view.body.channels[0]!.address_masked, 'm•••@e•••.org');
      assert.ok(!view.text.includes('maria.lopez'));
    });

    test('an expired confirmation link answers 410 expired, an unknown one 404; a new link can be asked for', async () => {
      const email = 'late.confirmer@example.org';
      await subscribe(h, { email });
      const [mail] = await h.sink.waitFor(1, { match: to(email) });
      const token = linkToken(mail!, 'confirm');
      // The link was issued 73 hours ago.
      await h.server.database.query(`UPDATE notify_tokens SET created_at = created_at - interval '73 hours', expires_at = expires_at - interval '73 hours' WHERE purpose = 'confirm' AND used_at IS NULL`);
      const expired = await postJson<Errors>(`${h.api}/confirm.json`, { token }, { 'Accept-Language': 'es' });
      assert.equal(expired.status, 410);
      assert.equal(expired.body.errors[0]!.code, 'expired');
      assert.match(expired.body.errors[0]!.message, /72 horas/);
      const unknown = await postJson<Errors>(`${h.api}/confirm.json`, { token: 'A'.repeat(43) });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.errors[0]!.code, 'not_found');

      const resend = await postJson(`${h.api}/resend.json`, { email, language: 'en' });
      assert.equal(resend.status, 202);
      const mails = await h.sink.waitFor(2, { match: to(email) });
      const fresh = await postJson(`${h.api}/confirm.json`, { token: linkToken(mails[1]!, 'confirm') });
      assert.equal(fresh.status, 200, fresh.text);
    });

    test('no enumeration: the same status and body for a new, a pending, a confirmed and a stopped address', async () => {
      const known = 'known.resident@example.org';
      await subscribeAndConfirm(h, known);
      const a = await subscribe(h, { email: known });
      const b = await subscribe(h, { email: 'nobody.here@example.org' });
      const c = await subscribe(h, { email: 'nobody.here@example.org' });
      for (const x of [a, b, c]) {
        assert.equal(x.status, 202);
        assert.equal(x.text, a.text);
        assert.equal(x.headers.get('content-type'), a.headers.get('content-type'));
      }
      const r1 = await postJson(`${h.api}/resend.json`, { email: known, language: 'en' });
      const r2 = await postJson(`${h.api}/resend.json`, { email: 'never.seen@example.org', language: 'en' });
      assert.equal(r1.status, r2.status);
      assert.equal(r1.text, r2.text);
      // The known address gets its manage link (or a new confirmation), the unknown one nothing.
      const ms = await h.sink.waitFor(3, { match: to(known) });
      assert.ok(ms.length >= 3);
      assert.equal(h.sink.messages().filter(to('never.seen@example.org')).length, 0);
    });

    test('nothing changes for a confirmed address until the new signup is confirmed; its confirmation email\'s one-click cancels only that signup', async () => {
      const email = 'careful.resident@example.org';
      const manage = await subscribeAndConfirm(h, email);
      await subscribe(h, { email, topics: [{ id: 'city-news', frequency: 'weekly' }] });
      const view = await get<View>(`${h.api}/manage/${manage}.json`);
      assert.deepEqual(
        view.body.topics.map((t) => t.id),
        ['road-closures'],
      );
      // The mail client's unsubscribe button on that confirmation cancels the new signup only.
      const mails = await h.sink.waitFor(2, { match: to(email) });
      const res = await fetch(oneClickUrl(mails[1]!), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      assert.deepEqual(await res.json(), { status: 'unsubscribed', scope: 'signup' });
      const kept = await get<View>(`${h.api}/manage/${manage}.json`);
      assert.deepEqual(kept.body.topics.map((t) => t.id), ['road-closures']);
      const late = await postJson<Errors>(`${h.api}/confirm.json`, { token: linkToken(mails[1]!, 'confirm') });
      assert.equal(late.status, 410);
      assert.equal(late.body.errors[0]!.code, 'used');
    });

    test('manage by token: change topics, area and language, leave one topic, unsubscribe from everything', async () => {
      const manage = await subscribeAndConfirm(h, 'manager@example.org', {
        topics: [{ id: 'road-closures', frequency: 'daily' }, { id: 'city-news', frequency: 'weekly' }],
      });
      const put = await sendJson<View>('PUT', `${h.api}/manage/${manage}.json`, {
        topics: [{ id: 'road-closures', frequency: 'immediate' }, { id: 'trash-schedule', frequency: 'weekly' }, { id: 'city-news', frequency: 'weekly' }],
        area: { neighbourhood: 'frog-hollow' },
        language: 'es',
      });
      assert.equal(put.status, 200, put.text);
      assert.deepEqual(put.body.area, { neighbourhood: 'frog-hollow' });
      assert.equal(put.body.language, 'es');
      assert.equal(put.body.topics.find((t) => t.id === 'road-closures')!.frequency, 'immediate');
      const left = await postJson<View>(`${h.api}/manage/${manage}/unsubscribe.json`, { topic: 'city-news' });
      assert.equal(left.status, 200);
      assert.deepEqual(
        left.body.topics.map((t) => t.id),
        ['road-closures', 'trash-schedule'],
      );
      const gone = await sendJson<View>('DELETE', `${h.api}/manage/${manage}.json`);
      assert.equal(gone.status, 200);
      assert.equal(gone.body.status, 'unsubscribed');
      assert.deepEqual(gone.body.topics, []);
      const bad = await get<Errors>(`${h.api}/manage/${'x'.repeat(43)}.json`);
      assert.equal(bad.status, 404);
      assert.equal(bad.body.errors[0]!.code, 'not_found');
    });

    test('RFC 8058: a cookieless form POST to the List-Unsubscribe URL unsubscribes; GET never does', async () => {
      const email = 'one.click@example.org';
      const manage = await subscribeAndConfirm(h, email, { topics: [{ id: 'road-closures', frequency: 'immediate' }, { id: 'council-agendas', frequency: 'immediate' }] });
      const published = await postJson<{ recipients: number }>(
        `${h.api}/messages.json`,
        { topic: 'road-closures', subject: { en: 'Main Street closed', es: 'Main Street cerrada' }, body: { en: 'Main Street is closed on Saturday.', es: 'Main Street está cerrada el sábado.' } },
        staff,
      );
      assert.equal(published.status, 202, published.text);
      const [mail] = await h.sink.waitFor(1, { match: (m) => to(email)(m) && m.subject === 'Main Street closed' });
      const url = oneClickUrl(mail!);
      const look = await get(url);
      assert.equal(look.status, 200);
      assert.match(String(look.body), /<form method="post"/);
      assert.equal(look.headers.get('set-cookie'), null);
      let view = await get<View>(`${h.api}/manage/${manage}.json`);
      assert.equal(view.body.topics.length, 2, 'GET left the subscription alone');
      const res = await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'unsubscribed', scope: 'topic' });
      assert.equal(res.headers.get('set-cookie'), null);
      view = await get<View>(`${h.api}/manage/${manage}.json`);
      assert.deepEqual(
        view.body.topics.map((t) => t.id),
        ['council-agendas'],
        'the one-click link of a road-closure email leaves road closures only',
      );
      const twice = await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      assert.equal(twice.status, 200);
      // The consent log keeps every step, after unsubscribe too, and refuses to be rewritten.
      const log = await h.server.database.query<{ event: string; consent_text: string; page_url: string | null; ip: string | null }>(
        `SELECT l.event, l.consent_text, l.page_url, l.ip FROM notify_consent_log l JOIN notify_subscribers s ON s.id = l.subscriber_id WHERE s.address = $1 ORDER BY l.id`,
        [email],
      );
      assert.deepEqual(
        log.map((r) => r.event),
        ['requested', 'confirmed', 'unsubscribed', 'unsubscribed'],
      );
      assert.equal(log[0]!.page_url, PAGE);
      assert.match(log[0]!.consent_text, /Road closures/);
      assert.ok(log[0]!.ip);
      await assert.rejects(h.server.database.query('UPDATE notify_consent_log SET consent_text = $1', ['rewritten']), /append-only/);
      await assert.rejects(h.server.database.query('DELETE FROM notify_consent_log'), /append-only/);
    });

    test('old links are forgotten: a confirmation link 30 days after it expired, a one-click link after 400 days', async () => {
      const email = 'old.links@example.org';
      await subscribeAndConfirm(h, email, { topics: [{ id: 'road-closures', frequency: 'immediate' }] });
      const [{ id }] = (await h.server.database.query<{ id: number }>(`SELECT id FROM notify_subscribers WHERE address = $1`, [email])) as [{ id: number }];
      const published = await postJson(
        `${h.api}/messages.json`,
        { topic: 'road-closures', subject: { en: 'Elm Street closed', es: 'Elm Street cerrada' }, body: { en: 'Elm Street is closed.', es: 'Elm Street está cerrada.' } },
        staff,
      );
      assert.equal(published.status, 202, published.text);
      const [mail] = await h.sink.waitFor(1, { match: (m) => to(email)(m) && m.subject === 'Elm Street closed' });
      const url = oneClickUrl(mail!);
      const kinds = async () => (await h.server.database.query<{ purpose: string }>(`SELECT purpose FROM notify_tokens WHERE subscriber_id = $1 ORDER BY purpose`, [id])).map((r) => r.purpose);
      const age = (days: number) => h.server.database.query(`UPDATE notify_tokens SET created_at = created_at - make_interval(days => $2), expires_at = expires_at - make_interval(days => $2) WHERE subscriber_id = $1`, [id, days]);
      assert.ok((await kinds()).includes('confirm'));
      await age(34);
      await h.server.notify.store.sweepTokens(h.server.database, new Date());
      assert.ok(!(await kinds()).includes('confirm'), 'the used confirmation link is gone');
      assert.equal((await get(url)).status, 200, 'the one-click link of a month-old email still works');
      await age(367);
      await h.server.notify.store.sweepTokens(h.server.database, new Date());
      assert.deepEqual(await kinds(), []);
      const look = await get(url);
      assert.equal(look.status, 404);
      assert.match(String(look.body), /not valid/);
    });

    test('bad input is a 400 in the contract format, in the request language, and stores nothing', async () => {
      const before = await notifyCounts(h);
      const cases: Array<[string, unknown, string]> = [
        ['subscriptions.json', { topics: [{ id: 'road-closures' }], language: 'en', page_url: PAGE }, 'email'],
        ['subscriptions.json', { email: 'not-an-email', topics: [{ id: 'road-closures' }], language: 'en', page_url: PAGE }, 'email'],
        ['subscriptions.json', { email: 'a@example.org', topics: [], language: 'en', page_url: PAGE }, 'topics'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'nope' }], language: 'en', page_url: PAGE }, 'topics[0].id'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'emergency-alerts', frequency: 'weekly' }], language: 'en', page_url: PAGE }, 'topics[0].frequency'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'road-closures' }], language: 'fr', page_url: PAGE }, 'language'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'road-closures' }], language: 'en', page_url: 'javascript:alert(1)' }, 'page_url'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'road-closures' }], language: 'en' }, 'page_url'],
        ['subscriptions.json', { phone: '860 555 0100', topics: [{ id: 'road-closures' }], language: 'en', page_url: PAGE }, 'sms_consent'],
        ['subscriptions.json', { phone: '12', topics: [{ id: 'road-closures' }], language: 'en', page_url: PAGE }, 'phone'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'road-closures' }], area: { address: '1 Main St', lat: 40, long: -72.68, radius_m: 500 }, language: 'en', page_url: PAGE }, 'area'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'road-closures' }], area: { address: '1 Main St', lat: 41.76, long: -72.68, radius_m: 50000 }, language: 'en', page_url: PAGE }, 'area.radius_m'],
        ['subscriptions.json', { email: 'a@example.org', topics: [{ id: 'road-closures' }], area: { neighbourhood: 'atlantis' }, language: 'en', page_url: PAGE }, 'area.neighbourhood'],
        ['subscriptions.json', { email: ['a@example.org'], topics: 'road-closures', language: 'en', page_url: PAGE }, 'email'],
        ['follows.json', { kind: 'parcel', id: '1', email: 'a@example.org', language: 'en', page_url: PAGE }, 'kind'],
        ['follows.json', { kind: 'service_request', id: 'abc', email: 'a@example.org', language: 'en', page_url: PAGE }, 'id'],
        ['confirm.json', {}, 'token'],
        ['resend.json', { language: 'en' }, 'email'],
      ];
      for (const [path, body, field] of cases) {
        const res = await postJson<Errors>(`${h.api}/${path}`, body, { 'Accept-Language': 'es' });
        assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}: ${res.text}`);
        assert.ok(res.body.errors.some((e) => e.field === field), `${field} in ${res.text}`);
        for (const e of res.body.errors) assert.ok(e.code && e.message, res.text);
      }
      const notJson = await get<Errors>(`${h.api}/subscriptions.json`, { method: 'POST', body: '{"email":', headers: { 'Content-Type': 'application/json' } });
      assert.equal(notJson.status, 400);
      assert.equal(notJson.body.errors[0]!.code, 'body');
      const form = await get<Errors>(`${h.api}/subscriptions.json`, { method: 'POST', body: 'email=a@example.org', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      assert.equal(form.status, 400);
      const huge = await postJson<Errors>(`${h.api}/subscriptions.json`, { email: 'a@example.org', pad: 'x'.repeat(70_000) });
      assert.equal(huge.status, 413);
      const unknownFollow = await postJson<Errors>(`${h.api}/follows.json`, { kind: 'service_request', id: '99999999', email: 'a@example.org', language: 'en', page_url: PAGE });
      assert.equal(unknownFollow.status, 404);
      const noStaff = await postJson<Errors>(`${h.api}/messages.json`, { topic: 'city-news' });
      assert.equal(noStaff.status, 401);
      const badPublish = await postJson<Errors>(`${h.api}/messages.json`, { topic: 'city-news', subject: { en: 'x' }, body: 'x' }, staff);
      assert.equal(badPublish.status, 400);
      assert.deepEqual(
        badPublish.body.errors.map((e) => e.field),
        ['subject', 'body'],
      );
      assert.deepEqual(await notifyCounts(h), before);
    });

    test('follow a 311 request (double opt-in): its status change, note and expected date each send one email', async () => {
      const [req] = await h.server.database.query<{ id: number }>('SELECT id FROM requests WHERE status = $1 ORDER BY id LIMIT 1', ['open']);
      const id = String(req!.id);
      const email = 'follower@example.org';
      const answer = await postJson(`${h.api}/follows.json`, { kind: 'service_request', id, email, language: 'es', page_url: PAGE });
      assert.equal(answer.status, 202, answer.text);
      const [mail] = await h.sink.waitFor(1, { match: to(email) });
      assert.match(mail!.subject, /Confirme/);
      const confirmed = await postJson<{ kind: string }>(`${h.api}/confirm.json`, { token: linkToken(mail!, 'confirm') });
      assert.equal(confirmed.body.kind, 'follow');
      await h.server.database.query(`UPDATE requests SET status = 'closed', status_notes = 'Bache reparado.' WHERE id = $1`, [req!.id]);
      await h.server.database.query(`INSERT INTO request_notes (request_id, datetime, type, summary) VALUES ($1, now(), 'comment', 'Crew visited')`, [req!.id]);
      await h.server.database.query(`UPDATE requests SET expected_at = '2030-06-01T12:00:00Z' WHERE id = $1`, [req!.id]);
      const mails = await h.sink.waitFor(4, { match: to(email) });
      await h.server.notify.idle();
      assert.equal(h.sink.messages().filter(to(email)).length, 4, 'one email per change, no more');
      const [status, note, expected] = mails.slice(1);
      assert.match(status!.text, new RegExp(`La solicitud ${id} ahora está cerrada`));
      assert.match(note!.text, /Crew visited/);
      assert.match(expected!.text, /2030/);
      for (const m of mails.slice(1)) {
        assert.match(m.subject, /Novedades/);
        assert.match(m.text, /Dejar de recibir avisos de esta solicitud/);
        const res = m === expected ? await fetch(oneClickUrl(m), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }) : undefined;
        if (res) assert.deepEqual(await res.json(), { status: 'unsubscribed', scope: 'follow' });
      }
      await h.server.database.query(`UPDATE requests SET status = 'open' WHERE id = $1`, [req!.id]);
      await h.server.notify.tick();
      assert.equal(h.sink.messages().filter(to(email)).length, 4, 'an unfollowed request sends nothing');
    });

    test('an email given on the 311 report gets a confirmation with the reference number and tracking link', async () => {
      const email = 'reporter@example.org';
      const body = new URLSearchParams({ jurisdiction_id: 'hartford.ct.us', service_code: 'pothole', lat: '41.7637', long: '-72.6851', description: 'Deep pothole', email });
      const [service] = await h.server.database.query<{ service_code: string }>(
        `SELECT s.service_code FROM services s WHERE NOT EXISTS (SELECT 1 FROM service_attributes a WHERE a.service_code = s.service_code AND a.required)
           AND NOT EXISTS (SELECT 1 FROM emergency_services e WHERE e.service_code = s.service_code) ORDER BY s.sort_order LIMIT 1`,
      );
      body.set('service_code', service!.service_code);
      const res = await get<Array<{ service_request_id: string }>>(`${h.server.open311}/requests.json`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'es' },
      });
      assert.equal(res.status, 200, res.text);
      const id = res.body[0]!.service_request_id;
      const [mail] = await h.sink.waitFor(1, { match: to(email) });
      assert.match(mail!.subject, new RegExp(`número ${id}`));
      assert.ok(mail!.text.includes(`/track.html?request=${id}`), mail!.text);
      oneClickUrl(mail!);
      await h.server.database.query(`UPDATE requests SET status = 'closed' WHERE id = $1`, [Number(id)]);
      const mails = await h.sink.waitFor(2, { match: to(email) });
      assert.match(mails[1]!.text, /cerrada/);
    });

    test('a records requester hears of every step of the request', async () => {
      const email = 'records.requester@example.org';
      const created = await postJson<{ tracking_number: string }>(`${h.server.base}/records/v1/requests.json`, {
        request_description: 'Inspection reports for 174 Park Street between January and March 2026.',
        email,
      }, { 'Accept-Language': 'es' });
      assert.equal(created.status, 201, created.text);
      const tn = created.body.tracking_number;
      const [first] = await h.sink.waitFor(1, { match: to(email) });
      assert.match(first!.subject, new RegExp(`Recibimos su solicitud: solicitud de documentos ${tn}`));
      const ack = await postJson(`${h.server.base}/records/v1/requests/${tn}/events.json`, { type: 'acknowledged' }, staff);
      assert.equal(ack.status, 201, ack.text);
      const mails = await h.sink.waitFor(2, { match: to(email) });
      assert.match(mails[1]!.subject, /acusó recibo/);
    });

    test('follow a records request: confirmed once, then every staff step; an unknown tracking number answers the same', async () => {
      const created = await postJson<{ tracking_number: string }>(`${h.server.base}/records/v1/requests.json`, {
        request_description: 'Council meeting minutes for January and February 2026, with attachments.',
      });
      const tn = created.body.tracking_number;
      const email = 'records.watcher@example.org';
      const follow = await postJson(`${h.api}/follows.json`, { kind: 'records_request', id: tn, email, language: 'en', page_url: PAGE });
      const unknown = await postJson(`${h.api}/follows.json`, { kind: 'records_request', id: 'R-2026-99999', email: 'other.watcher@example.org', language: 'en', page_url: PAGE });
      assert.equal(follow.status, 202);
      assert.equal(unknown.text, follow.text);
      const [mail] = await h.sink.waitFor(1, { match: to(email) });
      assert.match(mail!.text, new RegExp(`records request ${tn}`));
      const confirmed = await postJson<{ kind: string }>(`${h.api}/confirm.json`, { token: linkToken(mail!, 'confirm') });
      assert.equal(confirmed.body.kind, 'follow');
      await postJson(`${h.server.base}/records/v1/requests/${tn}/events.json`, { type: 'acknowledged' }, staff);
      await postJson(`${h.server.base}/records/v1/requests/${tn}/events.json`, { type: 'released', documents: [{ name: 'minutes.txt', content_type: 'text/plain', content_base64: Buffer.from('Minutes').toString('base64') }] }, staff);
      const mails = await h.sink.waitFor(3, { match: to(email) });
      assert.match(mails[1]!.subject, /acknowledged your request/);
      assert.match(mails[2]!.subject, /records were released/);
    });

    test('a city alert (CAP, /alerts/v1) of Moderate severity or more goes to the emergency-alerts topic, in each subscriber\'s language', async () => {
      const email = 'alert.reader@example.org';
      const manage = await subscribeAndConfirm(h, email, { topics: [{ id: 'emergency-alerts', frequency: 'immediate' }], language: 'es' });
      assert.ok(manage);
      const expires = new Date(Date.now() + 6 * 3600_000).toISOString().replace(/\.\d+Z$/, '-00:00');
      const info = (language: string, headline: string, severity: string) => ({
        language, category: ['Infra'], event: 'Water Main Break', urgency: 'Expected', severity, certainty: 'Observed', expires, headline,
        instruction: language.startsWith('es') ? 'Hierva el agua un minuto.' : 'Boil tap water for one minute.', areaDesc: 'North End',
      });
      const minor = await postJson(`${h.server.base}/alerts/v1/alerts.json`, { info: [info('en-US', 'Hydrant flushing on Main St', 'Minor')] }, staff);
      assert.equal(minor.status, 201, minor.text);
      const issued = await postJson(`${h.server.base}/alerts/v1/alerts.json`, {
        info: [info('en-US', 'Boil water notice for the North End', 'Moderate'), info('es-US', 'Aviso de hervir el agua en el North End', 'Moderate')],
      }, staff);
      assert.equal(issued.status, 201, issued.text);
      const mails = await h.sink.waitFor(2, { match: to(email) });
      assert.equal(mails[1]!.subject, 'Aviso de hervir el agua en el North End');
      assert.match(mails[1]!.text, /Hierva el agua/);
      await h.server.notify.tick();
      assert.equal(h.sink.messages().filter(to(email)).length, 2, 'the Minor alert sent nothing');
    });

    test('a city alert with a CAP circle or polygon reaches the subscribers whose area meets it, and those who gave none', async () => {
      const topics = [{ id: 'emergency-alerts', frequency: 'immediate' }];
      const near = 'near.the.park@example.org';
      const far = 'far.north@example.org';
      const anywhere = 'whole.city@example.org';
      await subscribeAndConfirm(h, near, { topics, area: { address: '1 Trinity St', lat: 41.7625, long: -72.6865, radius_m: 300 } });
      await subscribeAndConfirm(h, far, { topics, area: { address: '500 Blue Hills Ave', lat: 41.8, long: -72.7, radius_m: 300 } });
      await subscribeAndConfirm(h, anywhere, { topics });
      const expires = new Date(Date.now() + 6 * 3600_000).toISOString().replace(/\.\d+Z$/, '-00:00');
      const alert = (headline: string, shape: Record<string, unknown>) => ({
        info: [{ category: ['Met'], event: 'Flood Warning', urgency: 'Immediate', severity: 'Severe', certainty: 'Observed', expires, headline, areaDesc: 'Bushnell Park', ...shape }],
      });
      const circle = await postJson(`${h.server.base}/alerts/v1/alerts.json`, alert('Flooding in Bushnell Park', { circle: '41.7637,-72.6851 0.5' }), staff);
      assert.equal(circle.status, 201, circle.text);
      const polygon = await postJson(`${h.server.base}/alerts/v1/alerts.json`, alert('Park River over its banks', { polygon: '41.767,-72.69 41.767,-72.68 41.76,-72.68 41.76,-72.69 41.767,-72.69' }), staff);
      assert.equal(polygon.status, 201, polygon.text);
      const city = await postJson(`${h.server.base}/alerts/v1/alerts.json`, alert('Flash flood warning for Hartford', {}), staff);
      assert.equal(city.status, 201, city.text);
      const headlines = ['Flooding in Bushnell Park', 'Park River over its banks', 'Flash flood warning for Hartford'];
      for (const who of [near, anywhere]) {
        const mails = await h.sink.waitFor(4, { match: to(who) });
        assert.deepEqual(mails.slice(1).map((m) => m.subject).sort(), [...headlines].sort(), who);
      }
      await h.server.notify.tick();
      assert.deepEqual(h.sink.messages().filter(to(far)).slice(1).map((m) => m.subject), ['Flash flood warning for Hartford'], 'far from the park: only the alert for the whole city');
    });

    test('rate limit: at most 3 confirmation messages an hour to one address, with the same answer every time', async () => {
      const email = 'hammered@example.org';
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await subscribe(h, { email }));
      answers.push(await postJson(`${h.api}/resend.json`, { email, language: 'en' }));
      for (const a of answers) {
        assert.equal(a.status, 202);
        assert.equal(a.text, answers[0]!.text);
      }
      await h.sink.waitFor(3, { match: to(email) });
      await h.server.notify.tick();
      await h.server.notify.idle();
      assert.equal(h.sink.messages().filter(to(email)).length, 3);
    });

    test('bad input on manage, one-click and the SMS webhook is a 4xx too, and changes nothing', async () => {
      const manage = await subscribeAndConfirm(h, 'bad.input@example.org');
      const before = await get<View>(`${h.api}/manage/${manage}.json`);
      const bad: Array<[string, string, unknown, number]> = [
        ['PUT', `manage/${manage}.json`, { topics: 'all' }, 400],
        ['PUT', `manage/${manage}.json`, { topics: [{ id: 'road-closures', frequency: 'hourly' }] }, 400],
        ['PUT', `manage/${manage}.json`, { area: { neighbourhood: 'nowhere' } }, 400],
        ['PUT', `manage/${manage}.json`, { language: 'de' }, 400],
        ['PUT', `manage/${manage}.json`, { follows: [{ kind: 'x', id: '1' }] }, 400],
        ['PUT', `manage/${manage}.json`, [1, 2], 400],
        ['POST', `manage/${manage}/unsubscribe.json`, { topic: 'no-such-topic' }, 400],
        ['POST', `manage/${manage}/unsubscribe.json`, { follow: { kind: 'service_request', id: 'x' } }, 400],
        ['PUT', `manage/${'y'.repeat(43)}.json`, { topics: [] }, 404],
        ['POST', `unsubscribe/short`, undefined, 404],
        ['GET', `nothing-here.json`, undefined, 404],
      ];
      for (const [method, path, body, status] of bad) {
        const res = await sendJson<Errors>(method, `${h.api}/${path}`, body);
        assert.equal(res.status, status, `${method} ${path}: ${res.text}`);
        assert.ok(res.body.errors?.[0]?.code, res.text);
      }
      const sms = await get<Errors>(`${h.api}/sms/inbound`, { method: 'POST', body: 'Body=STOP', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      assert.equal(sms.status, 400);
      const smsJson = await postJson<Errors>(`${h.api}/sms/inbound`, { From: '+18605550100', Body: 'STOP' });
      assert.equal(smsJson.status, 400, 'the webhook is form-encoded, as providers send it');
      const after = await get<View>(`${h.api}/manage/${manage}.json`);
      assert.deepEqual(after.body, before.body);
    });

    test('manage: add a number (double opt-in by YES, consent id logged), the same answer for a known number; stop texts, keep email; last channel off is unsubscribing', async () => {
      const consentId = (await get<Topics>(`${h.api}/topics.json`)).body.consent.sms.id;
      const smsTo = async (phone: string) =>
        (await get<{ messages: Array<{ channel: string; to: string; text: string }> }>(`${h.api}/outbox.json?limit=500`, { headers: staff })).body.messages.filter((m) => m.channel === 'sms' && m.to === phone);
      const fresh = '+18605550199';
      const known = '+18605560199';
      const answer = await subscribe(h, { phone: known, sms_consent: consentId, topics: [{ id: 'city-news', frequency: 'immediate' }] });
      assert.equal(answer.status, 202, answer.text);
      const first = await subscribeAndConfirm(h, 'a.one@example.org');
      const second = await subscribeAndConfirm(h, 'a.two@example.org');
      const addFresh = await sendJson<View>('PUT', `${h.api}/manage/${first}.json`, { add: { phone: '(860) 555-0199', sms_consent: consentId, page_url: PAGE } });
      const addKnown = await sendJson<View>('PUT', `${h.api}/manage/${second}.json`, { add: { phone: known, sms_consent: consentId, page_url: PAGE } });
      assert.equal(addFresh.status, 200, addFresh.text);
      assert.equal(addKnown.text, addFresh.text, 'a known number gets the same answer as a new one');
      assert.deepEqual(addFresh.body.channels.map((c) => [c.channel, c.status, c.address_masked]), [['email', 'active', 'a•••@e•••.org'], ['sms', 'pending', '••• ••• 0199']]);
      assert.ok(!addFresh.text.includes('5550199') && !addFresh.text.includes('a.one'), 'nothing personal in the answer');

      await h.server.notify.tick();
      const asked = await smsTo(fresh);
      assert.equal(asked.length, 1, 'one confirmation text');
      assert.match(asked[0]!.text, /Reply YES/);
      const [log] = await h.server.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notify_consent_log l JOIN notify_subscribers s ON s.id = l.subscriber_id WHERE s.address = $1 AND l.event = 'requested' AND l.agreed->>'consent_id' = $2 AND l.consent_text LIKE '%Reply STOP%'`,
        [fresh, consentId],
      );
      assert.equal(log!.n, 1, 'the consent shown is in the log');

      const publishRoad = (en: string) =>
        postJson(`${h.api}/messages.json`, { topic: 'road-closures', subject: { en, es: en }, body: { en: `${en}.`, es: `${en}.` } }, staff);
      assert.equal((await publishRoad('Before YES')).status, 202);
      await h.sink.waitFor(1, { match: (m) => to('a.one@example.org')(m) && m.subject === 'Before YES' });
      await h.server.notify.tick();
      assert.equal((await smsTo(fresh)).length, 1, 'nothing but the confirmation goes to a number before YES');

      const yes = await get(`${h.api}/sms/inbound`, { method: 'POST', body: `From=${encodeURIComponent(fresh)}&Body=YES`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      assert.equal(yes.status, 200);
      let view = await get<View>(`${h.api}/manage/${first}.json`);
      assert.deepEqual(view.body.channels.map((c) => [c.channel, c.status]), [['email', 'active'], ['sms', 'active']]);
      assert.deepEqual(view.body.topics, [{ id: 'road-closures', frequency: 'immediate' }]);

      assert.equal((await publishRoad('After YES')).status, 202);
      await h.sink.waitFor(1, { match: (m) => to('a.one@example.org')(m) && m.subject === 'After YES' });
      await h.server.notify.tick();
      assert.ok((await smsTo(fresh)).some((m) => m.text.includes('After YES')), 'texts come once confirmed');

      const smsOff = await sendJson<View>('PUT', `${h.api}/manage/${first}.json`, { channels: [{ channel: 'sms', enabled: false }] });
      assert.equal(smsOff.status, 200, smsOff.text);
      assert.deepEqual(smsOff.body.channels.map((c) => [c.channel, c.status]), [['email', 'active'], ['sms', 'unsubscribed']]);
      assert.equal(smsOff.body.status, 'active');
      const textsBefore = (await smsTo(fresh)).length;
      assert.equal((await publishRoad('Email only')).status, 202);
      await h.sink.waitFor(1, { match: (m) => to('a.one@example.org')(m) && m.subject === 'Email only' });
      await h.server.notify.tick();
      assert.equal((await smsTo(fresh)).length, textsBefore, 'no text once texts are off');

      const backOn = await sendJson<View>('PUT', `${h.api}/manage/${first}.json`, { channels: [{ channel: 'sms', enabled: true }] });
      assert.deepEqual(backOn.body.channels.map((c) => c.status), ['active', 'active']);
      const allOff = await sendJson<View>('PUT', `${h.api}/manage/${first}.json`, { channels: [{ channel: 'email', enabled: false }, { channel: 'sms', enabled: false }] });
      assert.equal(allOff.body.status, 'unsubscribed', 'the last channel off is unsubscribing from everything');
      assert.deepEqual(allOff.body.channels.map((c) => c.status), ['unsubscribed', 'unsubscribed']);
      view = await get<View>(`${h.api}/manage/${second}.json`);
      assert.deepEqual(view.body.channels.map((c) => [c.channel, c.status]), [['email', 'active'], ['sms', 'pending']], 'a known number joins only after its own YES');
    });

    test('manage: add an email to a texts-only subscription; the new address confirms by a real email before anything goes there', async () => {
      const consentId = (await get<Topics>(`${h.api}/topics.json`)).body.consent.sms.id;
      const phone = '+18605550177';
      assert.equal((await subscribe(h, { phone, sms_consent: consentId })).status, 202);
      await get(`${h.api}/sms/inbound`, { method: 'POST', body: `From=${encodeURIComponent(phone)}&Body=YES`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      // A texts-only subscriber's manage link (texts carry none here): issued by the store, as a message's link would be.
      const [s] = await h.server.database.query<{ id: number }>(`SELECT id FROM notify_subscribers WHERE address = $1`, [phone]);
      const manage = await h.server.notify.store.issueToken(h.server.database, { purpose: 'manage', subscriberId: s!.id, at: new Date() });
      const email = 'added.later@example.org';
      const res = await sendJson<View>('PUT', `${h.api}/manage/${manage}.json`, { add: { email: ' Added.Later@example.org ' }, language: 'es' });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.channels.map((c) => [c.channel, c.status]), [['sms', 'active'], ['email', 'pending']]);
      const [mail] = await h.sink.waitFor(1, { match: to(email) });
      assert.match(mail!.subject, /Confirme|Confirm/);
      const confirmed = await postJson<{ manage_token: string }>(`${h.api}/confirm.json`, { token: linkToken(mail!, 'confirm') });
      assert.equal(confirmed.status, 200, confirmed.text);
      const view = await get<View>(`${h.api}/manage/${confirmed.body.manage_token}.json`);
      assert.deepEqual(view.body.channels.map((c) => [c.channel, c.status]), [['email', 'active'], ['sms', 'active']], 'the new address manages the same subscription');
      assert.deepEqual(view.body.topics, [{ id: 'road-closures', frequency: 'immediate' }]);
      assert.equal(view.body.language, 'es');
      const again = await postJson(`${h.api}/confirm.json`, { token: linkToken(mail!, 'confirm') });
      assert.equal(again.status, 410, 'the confirmation is single use');
    });

    test('manage: bad channel changes are a 400 in the contract format and change nothing', async () => {
      const consentId = (await get<Topics>(`${h.api}/topics.json`)).body.consent.sms.id;
      const manage = await subscribeAndConfirm(h, 'bad.channels@example.org');
      const before = await notifyCounts(h);
      const view = await get<View>(`${h.api}/manage/${manage}.json`);
      const bad: Array<[unknown, string, string]> = [
        [{ channels: 'sms' }, 'channels', 'invalid'],
        [{ channels: [{ channel: 'fax', enabled: true }] }, 'channels[0].channel', 'invalid'],
        [{ channels: [{ channel: 'email', enabled: 'no' }] }, 'channels[0].enabled', 'invalid'],
        [{ channels: [{ channel: 'sms', enabled: true }] }, 'channels[0].channel', 'invalid'],
        [{ add: { email: 'not an email' } }, 'add.email', 'invalid'],
        [{ add: { phone: '12' } }, 'add.phone', 'invalid'],
        [{ add: { phone: '860 555 0111' } }, 'add.sms_consent', 'consent_required'],
        [{ add: { email: 'second@example.org' } }, 'add.email', 'invalid'],
        [{ add: {} }, 'add.email', 'required'],
        [{ add: 'x' }, 'add', 'invalid'],
        [{ topics: [], add: { phone: '860 555 0111', sms_consent: consentId } }, 'topics', 'required'],
      ];
      for (const [body, field, code] of bad) {
        const res = await sendJson<Errors>('PUT', `${h.api}/manage/${manage}.json`, body, { 'Accept-Language': 'es' });
        assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
        assert.equal(res.body.errors[0]!.field, field, res.text);
        assert.equal(res.body.errors[0]!.code, code, res.text);
        assert.ok(!res.text.includes('second@') && !res.text.includes('0111'), res.text);
      }
      assert.deepEqual(await notifyCounts(h), before, 'nothing stored');
      assert.deepEqual((await get<View>(`${h.api}/manage/${manage}.json`)).body, view.body);
    });

    test('personal data is never in a public answer', async () => {
      const email = 'private.person@example.org';
      const manage = await subscribeAndConfirm(h, email);
      const answers = [
        await get(`${h.api}/topics.json`),
        await get(`${h.api}/manage/${manage}.json`),
        await subscribe(h, { email }),
        await postJson(`${h.api}/resend.json`, { email, language: 'en' }),
      ];
      for (const a of answers) assert.ok(!a.text.includes('private.person'), a.text);
      const outbox = await get<{ messages: unknown[] }>(`${h.api}/outbox.json`);
      assert.equal(outbox.status, 401, 'the outbox (with full addresses) is staff only');
    });
  });
}
