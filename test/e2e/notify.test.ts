// Notifications end to end in Chromium against the built demo, with a real SMTP server process on
// loopback as the backend's mail server (SMTP_URL): a resident signs up by keyboard in English and
// in Spanish, the confirmation email arrives with its List-Unsubscribe headers, its link confirms,
// the manage page changes topics; one-click unsubscribe is a cookieless POST (RFC 8058); a followed
// 311 request's status change sends exactly one email; a STOP text ends text messages; the manage
// page adds a number (double opt-in by YES) and turns email off. Texts go to
// the backend's outbox (no SMS provider here), read through the staff API as the demo's Outbox does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { button, byId, focused, startDemo, stubMapTiles, tabTo, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../helpers/smtp-sink.js';

const TOKEN = 'e2e-notify-staff-token';
let site: DemoSite;
let sink: SmtpSink;

before(async () => {
  sink = await startSmtpSink();
  site = await startDemo({ staffToken: TOKEN, smtpUrl: sink.url, notifyPollMs: 200 });
});
after(async () => {
  await site?.close();
  await sink?.close();
});

const WORDS = {
  en: { topics: 'What do you want to hear about?', where: 'Where?', channels: 'How should we reach you?', review: 'Check your answers before sending', sent: 'Check your email', confirmed: 'You are subscribed', manage: 'Your subscription', continue: 'Continue', submit: 'Sign up', save: 'Save changes', saved: 'Your changes are saved.', manageLink: 'Change what you get' },
  es: { topics: '¿Sobre qué quiere recibir avisos?', where: '¿Dónde?', channels: '¿Cómo quiere recibir los avisos?', review: 'Revise sus respuestas antes de enviar', sent: 'Revise su correo electrónico', confirmed: 'Ya está suscrito', manage: 'Su suscripción', continue: 'Continuar', submit: 'Suscribirme', save: 'Guardar los cambios', saved: 'Sus cambios se guardaron.', manageLink: 'Cambiar lo que recibe' },
};

let n = 0;
const address = (who: string) => `${who}.${Date.now().toString(36)}${n++}@example.com`;
const TAG = 'civic-notify-signup';

const shadowText = (page: Page, tag: string, selector = ':host > *') =>
  page.evaluate(([t, s]) => [...(document.querySelector(t!)?.shadowRoot?.querySelectorAll(s!) ?? [])].map((e) => e.textContent).join(' ').replace(/\s+/g, ' ').trim(), [tag, selector]);

async function waitForTitle(page: Page, title: string, tag = TAG): Promise<void> {
  await page.waitForFunction(([t, want]) => document.querySelector(t!)?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() === want, [tag, title], { timeout: 15_000 });
}

async function waitForText(page: Page, tag: string, words: string): Promise<void> {
  await page.waitForFunction(([t, w]) => (document.querySelector(t!)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').includes(w!), [tag, words], { timeout: 15_000 });
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const mailTo = (to: string) => (m: SinkMessage) => m.to.some((r) => r.toLowerCase() === to.toLowerCase());
async function mailFor(to: string, count: number): Promise<SinkMessage[]> {
  return sink.waitFor(count, { timeoutMs: 20_000, match: mailTo(to) });
}
const linkIn = (text: string, param: string) => new RegExp(`https?://\\S+[?&]${param}=[\\w-]+`).exec(text)?.[0];

async function staffGet<T>(path: string): Promise<T> {
  const res = await fetch(`${site.url}/notify/v1/${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as T;
}

/** Sends every message the worker has due now, so what was (not) sent can be counted. */
const drain = () => site.server.notify.tick(new Date());

async function press(page: Page, label: string): Promise<void> {
  await tabTo(page, label, button(label));
  await page.keyboard.press('Enter');
}

/**
 * Keyboard only: emergency alerts and road closures, everywhere, by email; then the
 * confirmation email's link; then the manage page adds council agendas. Returns the manage token.
 */
async function signUpByKeyboard(lang: 'en' | 'es', email: string): Promise<string> {
  const w = WORDS[lang];
  const page = await site.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${site.url}/notify.html?lang=${lang}`);
  await waitForTitle(page, w.topics);
  assert.deepEqual(await axe(page), []);
  await tabTo(page, 'emergency alerts', byId('topics-safety-0'));
  await page.keyboard.press('Space');
  await tabTo(page, 'road closures', byId('topics-streets-1'));
  await page.keyboard.press('Space');
  await press(page, w.continue);
  await waitForTitle(page, w.where);
  assert.equal((await focused(page)).id, 'step-title', 'the new step’s heading has focus');
  assert.deepEqual(await axe(page), []);
  await press(page, w.continue);
  await waitForTitle(page, w.channels);
  await tabTo(page, 'the email address', byId('email'));
  await page.keyboard.type(email);
  await press(page, w.continue);
  await waitForTitle(page, w.review);
  assert.deepEqual(await axe(page), []);
  await press(page, w.submit);
  await waitForTitle(page, w.sent);
  assert.match(await shadowText(page, TAG), new RegExp(email.replace(/[.+]/g, '\\$&')));
  assert.deepEqual(await axe(page), []);

  const [mail] = await mailFor(email, 1);
  assert.equal(mail!.header('Content-Language'), lang);
  assert.match(mail!.subject, lang === 'es' ? /Confirme/ : /Confirm/);
  assert.match(mail!.header('List-Unsubscribe') ?? '', /^<https?:\/\/\S+\/notify\/v1\/unsubscribe\/[\w-]+>$/);
  assert.equal(mail!.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
  const confirm = linkIn(mail!.text, 'confirm');
  assert.ok(confirm, `a confirmation link in:\n${mail!.text}`);
  assert.match(confirm!, /\/notify\.html\?confirm=/);

  await page.goto(confirm!);
  await waitForTitle(page, w.confirmed);
  assert.deepEqual(await axe(page), []);
  await tabTo(page, w.manageLink, (f) => f.tag === 'a' && f.text === w.manageLink);
  await page.keyboard.press('Enter');
  await page.waitForURL(/[?&]manage=/);
  await waitForTitle(page, w.manage);
  assert.deepEqual(await axe(page), []);
  await tabTo(page, 'council agendas', byId('topics-government-0'));
  await page.keyboard.press('Space');
  await press(page, w.save);
  await waitForText(page, TAG, w.saved);
  assert.deepEqual(await axe(page), []);
  const manage = new URL(page.url()).searchParams.get('manage')!;
  const view = await (await fetch(`${site.url}/notify/v1/manage/${manage}.json`)).json();
  assert.equal(view.language, lang);
  assert.deepEqual(view.topics.map((c: { id: string }) => c.id).sort(), ['council-agendas', 'emergency-alerts', 'road-closures']);
  assert.deepEqual(problems, []);
  await page.close();
  return manage;
}

describe('notifications, keyboard only, with a real SMTP server', () => {
  it('in English: sign up, the confirmation email, its link, manage topics', async () => {
    await signUpByKeyboard('en', address('ana'));
  });

  it('in Spanish: the same, and the messages in Spanish', async () => {
    await signUpByKeyboard('es', address('lucia'));
  });

  it('one-click unsubscribe: a GET of the List-Unsubscribe URL changes nothing, a cookieless POST unsubscribes', async () => {
    const email = address('oneclick');
    const manage = await signUpByKeyboard('en', email);
    // A message of a topic: staff publish road closures; its List-Unsubscribe leaves that topic.
    const res = await fetch(`${site.url}/notify/v1/messages.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ topic: 'road-closures', subject: { en: 'Main Street closed', es: 'Main Street cerrada' }, body: { en: 'Main Street is closed on Sunday.', es: 'Main Street cierra el domingo.' } }),
    });
    assert.equal(res.status, 202, await res.text());
    const mails = await mailFor(email, 2);
    const closure = mails.find((m) => m.subject.includes('Main Street closed'))!;
    const url = /^<(\S+)>$/.exec(closure.header('List-Unsubscribe') ?? '')?.[1];
    assert.ok(url, 'the topic message carries List-Unsubscribe');
    assert.equal(closure.header('List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(closure.text, /[?&]manage=/, 'and a link to the manage page');

    assert.equal((await fetch(url!)).status, 200);
    const topics = async () => ((await (await fetch(`${site.url}/notify/v1/manage/${manage}.json`)).json()).topics as { id: string }[]).map((c) => c.id);
    assert.ok((await topics()).includes('road-closures'), 'a GET (a mail scanner opening the link) never unsubscribes');

    const post = await fetch(url!, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    assert.equal(post.status, 200, await post.text());
    assert.ok(!(await topics()).includes('road-closures'), 'the POST left road closures');
    assert.ok((await topics()).includes('emergency-alerts'), 'and only that topic');
  });

  it('following a 311 request from the tracker: confirmed by email, then one status change sends exactly one email', async () => {
    const email = address('follower');
    const open = ((await (await fetch(`${site.url}/open311/v2/requests.json?status=open`)).json()) as { service_request_id: string }[])[0]!;
    const id = open.service_request_id;
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await stubMapTiles(page);
    await page.goto(`${site.url}/track.html?request=${id}&lang=en`);
    await page.waitForFunction(() => document.querySelector('civic-status-tracker')?.shadowRoot?.querySelector('civic-follow')?.shadowRoot?.querySelector('[part=open-button]'), null, { timeout: 15_000 });
    await press(page, 'Email me (or text me) when this changes');
    assert.equal((await focused(page)).id, 'follow-title');
    await tabTo(page, 'the email address', byId('email'));
    await page.keyboard.type(email);
    await press(page, 'Send me updates');
    await page.waitForFunction(() => document.querySelector('civic-status-tracker')?.shadowRoot?.querySelector('civic-follow')?.shadowRoot?.querySelector('#follow-done'), null, { timeout: 15_000 });
    assert.deepEqual(await axe(page), []);

    const [confirmation] = await mailFor(email, 1);
    const link = linkIn(confirmation!.text, 'confirm');
    assert.ok(link, `a confirmation link in:\n${confirmation!.text}`);
    await page.goto(link!);
    await waitForTitle(page, WORDS.en.confirmed);
    await drain();
    const before = sink.messages().filter(mailTo(email)).length;

    await site.server.database.query(`UPDATE requests SET status = 'closed', status_notes = 'Pothole filled.', updated_at = now() WHERE id = $1`, [Number(id)]);
    const after = await mailFor(email, before + 1);
    await drain();
    await drain();
    const update = after.at(-1)!;
    assert.match(update.text, new RegExp(id));
    assert.match(update.header('List-Unsubscribe') ?? '', /\/notify\/v1\/unsubscribe\//);
    assert.equal(sink.messages().filter(mailTo(email)).length, before + 1, 'one change, one email');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a city news page with <civic-follow> alone: followed by keyboard in Spanish, confirmed by a Spanish email', async () => {
    // The page points to seeded request 100019 (open in every fresh seed) rather than have it reported again.
    const request = (await (await fetch(`${site.url}/open311/v2/requests/100019.json`)).json()) as Array<{ status: string }>;
    assert.equal(request[0]?.status, 'open', 'the news page’s request is open');
    const email = address('vecina');
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/?lang=es`);
    await tabTo(page, 'the news link', (f) => f.tag === 'a' && f.text === 'Una rama sobre Sigourney Street');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/street-news\.html/);
    const follow = () => page.locator('civic-follow');
    await follow().locator('[part=open-button]').waitFor({ timeout: 15_000 });
    assert.deepEqual(await axe(page), []);
    await press(page, 'Avísenme por correo (o por mensaje de texto) cuando esto cambie');
    assert.equal((await focused(page)).id, 'follow-title');
    assert.equal(await follow().locator('#follow-title').evaluate((h) => h.localName), 'h2', 'the heading-level the page gave');
    await press(page, 'Enviarme novedades');
    await follow().locator('.civic-error-summary').waitFor();
    assert.deepEqual(await axe(page), []);
    await tabTo(page, 'the email address', byId('email'));
    await page.keyboard.type(email);
    await press(page, 'Enviarme novedades');
    await follow().locator('#follow-done').waitFor({ timeout: 15_000 });
    assert.match((await follow().locator('#follow-done').textContent()) ?? '', new RegExp(`Revise su correo electrónico: abra el enlace que enviamos a ${email.replace(/\./g, '\\.')}`));
    assert.deepEqual(await axe(page), []);

    const [confirmation] = await mailFor(email, 1);
    assert.match(confirmation!.text, /avisos por correo electrónico sobre: la solicitud 100019\./);
    const link = linkIn(confirmation!.text, 'confirm');
    assert.ok(link, `a confirmation link in:\n${confirmation!.text}`);
    await page.goto(link!);
    await waitForTitle(page, WORDS.es.confirmed);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a STOP text through the SMS webhook ends text messages (the number signed up by keyboard)', async () => {
    const phone = `860555${String(1000 + (Date.now() % 9000)).padStart(4, '0')}`;
    const e164 = `+1${phone}`;
    const page = await site.newPage();
    await page.goto(`${site.url}/notify.html?lang=en`);
    await waitForTitle(page, WORDS.en.topics);
    await tabTo(page, 'road closures', byId('topics-streets-1'));
    await page.keyboard.press('Space');
    await press(page, 'Continue');
    await waitForTitle(page, WORDS.en.where);
    await press(page, 'Continue');
    await waitForTitle(page, WORDS.en.channels);
    await tabTo(page, 'email', byId('channels-0'));
    await page.keyboard.press('Space');
    await tabTo(page, 'text message', byId('channels-1'));
    await page.keyboard.press('Space');
    await tabTo(page, 'the phone number', byId('phone'));
    await page.keyboard.type(phone);
    await tabTo(page, 'the consent box', byId('sms_consent-0'));
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Space');
    await press(page, 'Continue');
    await waitForTitle(page, WORDS.en.review);
    await press(page, 'Sign up');
    await waitForTitle(page, 'Reply YES to the text we sent');
    assert.deepEqual(await axe(page), []);
    await page.close();

    type Outbox = { messages: { channel: string; to: string; text: string }[] };
    const texts = async () => (await staffGet<Outbox>('outbox.json?limit=500')).messages.filter((m) => m.channel === 'sms' && m.to === e164);
    await drain();
    assert.match((await texts())[0]?.text ?? '', /YES/);

    const inbound = (body: string) =>
      fetch(`${site.url}/notify/v1/sms/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ From: e164, Body: body }) });
    const yes = await inbound('YES');
    assert.equal(yes.status, 200);
    assert.match(await yes.text(), /<Response><Message>/);

    const publish = () =>
      fetch(`${site.url}/notify/v1/messages.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ topic: 'road-closures', subject: { en: 'Park Street closed', es: 'Park Street cerrada' }, body: { en: 'Closed for repairs.', es: 'Cerrada por obras.' } }),
      });
    assert.equal((await publish()).status, 202);
    await drain();
    const beforeStop = (await texts()).length;
    assert.ok((await texts()).some((m) => m.text.includes('Park Street closed')), 'a confirmed number gets the topic by text');

    const stop = await inbound('STOP');
    assert.equal(stop.status, 200);
    assert.match(await stop.text(), /<Response><Message>/);
    assert.equal((await publish()).status, 202);
    await drain();
    assert.equal((await texts()).length, beforeStop, 'after STOP, nothing more is texted');
  });

  it('the manage page, keyboard only: add a text-message number (consent box, "check your phone", reply YES), then turn email off and keep texts', async () => {
    const email = address('channels');
    const manage = await signUpByKeyboard('en', email);
    const phone = `860557${String(1000 + (Date.now() % 9000)).padStart(4, '0')}`;
    const e164 = `+1${phone}`;
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/notify.html?lang=en&manage=${manage}`);
    await waitForTitle(page, WORDS.en.manage);
    await tabTo(page, 'add text messages', byId('add_channel-0'));
    await page.keyboard.press('Space');
    await tabTo(page, 'the phone number', byId('phone'));
    await page.keyboard.type(phone);
    await tabTo(page, 'the consent box', byId('sms_consent-0'));
    assert.equal(await page.evaluate(() => (document.querySelector('civic-notify-signup')!.shadowRoot!.querySelector('#sms_consent-0') as HTMLInputElement).checked), false, 'the consent box starts unticked');
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Space');
    await press(page, WORDS.en.save);
    await waitForText(page, TAG, 'Check your phone to confirm the new number');
    assert.deepEqual(await axe(page), []);

    type Outbox = { messages: { channel: string; to: string; text: string }[] };
    const texts = async () => (await staffGet<Outbox>('outbox.json?limit=500')).messages.filter((m) => m.channel === 'sms' && m.to === e164);
    await drain();
    assert.equal((await texts()).length, 1);
    assert.match((await texts())[0]!.text, /Reply YES/);
    const yes = await fetch(`${site.url}/notify/v1/sms/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ From: e164, Body: 'YES' }).toString() });
    assert.equal(yes.status, 200);

    await page.reload();
    await waitForTitle(page, WORDS.en.manage);
    await tabTo(page, 'email on/off', byId('channels_on-0'));
    await page.keyboard.press('Space');
    await press(page, WORDS.en.save);
    await waitForText(page, TAG, WORDS.en.saved);
    assert.deepEqual(await axe(page), []);
    const view = await (await fetch(`${site.url}/notify/v1/manage/${manage}.json`)).json();
    assert.deepEqual(view.channels.map((c: { channel: string; status: string }) => [c.channel, c.status]), [['email', 'unsubscribed'], ['sms', 'active']]);
    assert.equal(view.status, 'active');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the demo’s Outbox page shows, with the staff token, what was sent without an SMS provider', async () => {
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/outbox.html`);
    await tabTo(page, 'the staff token', byId('staff-token'));
    await page.keyboard.type(TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('#outbox-status', { hasText: /messages?\./ }).waitFor({ timeout: 15_000 });
    assert.ok((await page.locator('.outbox-message').count()) > 0);
    assert.match((await page.locator('.outbox-message').first().textContent()) ?? '', /SMS|Email/);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('reflows at 320 CSS px (WCAG 1.4.10): the topics and the text-message consent, in Spanish', async () => {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto(`${site.url}/notify.html?lang=es`);
    await waitForTitle(page, WORDS.es.topics);
    assert.ok((await wide()) <= 320, `topics: ${await wide()} px wide`);
    await tabTo(page, 'emergency alerts', byId('topics-safety-0'));
    await page.keyboard.press('Space');
    await press(page, WORDS.es.continue);
    await waitForTitle(page, WORDS.es.where);
    await press(page, WORDS.es.continue);
    await waitForTitle(page, WORDS.es.channels);
    await tabTo(page, 'text message', byId('channels-1'));
    await page.keyboard.press('Space');
    await page.locator('civic-notify-signup').locator('#sms_consent-text').waitFor();
    assert.ok((await wide()) <= 320, `consent: ${await wide()} px wide`);
    await context.close();
  });
});
