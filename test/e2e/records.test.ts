// A public-records request end to end, keyboard only, in English and Spanish, against the built
// demo: a resident files it on the city's records page, staff acknowledge it and release a
// document through the staff API, and the resident sees both through the private link.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { button, byId, focused, startDemo, tabTo, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

const TOKEN = 'e2e-records-staff-token';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

let site: DemoSite;
before(async () => {
  site = await startDemo({ staffToken: TOKEN, recordsPublicLog: true });
});
after(async () => {
  await site?.close();
});

const WORDS = {
  en: {
    describe: 'What records do you want?',
    delivery: 'How you would like the records',
    files: 'Supporting documents',
    contact: 'Your contact details',
    review: 'Check your answers before sending',
    done: 'Request received',
    continue: 'Continue',
    submit: 'Send request',
    link: 'See your request',
    basis: 'gives the city 4 business days',
    released: 'Records released',
    acknowledged: 'Acknowledged',
  },
  es: {
    describe: '¿Qué documentos desea?',
    delivery: 'Cómo desea los documentos',
    files: 'Documentos de apoyo',
    contact: 'Sus datos de contacto',
    review: 'Revise sus respuestas antes de enviar',
    done: 'Solicitud recibida',
    continue: 'Continuar',
    submit: 'Enviar solicitud',
    link: 'Ver su solicitud',
    basis: 'da a la ciudad 4 días hábiles',
    released: 'Documentos entregados',
    acknowledged: 'Confirmada',
  },
};

const inShadow = (page: Page, tag: string, selector: string) =>
  page.evaluate(([t, s]) => document.querySelector(t!)?.shadowRoot?.querySelector(s!)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', [tag, selector]);

async function waitForTitle(page: Page, tag: string, title: string): Promise<void> {
  await page.waitForFunction(
    ([t, want]) => document.querySelector(t!)?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() === want,
    [tag, title],
    { timeout: 15_000 },
  );
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function staff(tracking: string, body: unknown): Promise<void> {
  const res = await fetch(`${site.url}/records/v1/requests/${tracking}/events.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 201, await res.text());
}

async function journey(lang: 'en' | 'es'): Promise<void> {
  const w = WORDS[lang];
  const page = await site.newPage();
  const problems = await watchProblems(page);
  const description = `Inspection reports for 174 Park Street, January to March 2026 (${lang}).`;
  await page.goto(`${site.url}/records.html?lang=${lang}`);
  await waitForTitle(page, 'civic-records-request', w.describe);
  await tabTo(page, 'the description', byId('request_description'));
  await page.keyboard.type(description);
  await tabTo(page, w.continue, button(w.continue));
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'civic-records-request', w.delivery);
  assert.equal((await focused(page)).id, 'step-title', 'the new step’s heading has focus');
  await tabTo(page, w.continue, button(w.continue));
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'civic-records-request', w.files);
  await tabTo(page, w.continue, button(w.continue));
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'civic-records-request', w.contact);
  await tabTo(page, 'the email', byId('email'));
  await page.keyboard.type('resident@example.com');
  await tabTo(page, w.continue, button(w.continue));
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'civic-records-request', w.review);
  assert.match(await inShadow(page, 'civic-records-request', '.summary'), new RegExp(description.replace(/[()]/g, '\\$&')));
  await tabTo(page, w.submit, button(w.submit));
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'civic-records-request', w.done);
  assert.match(await inShadow(page, 'civic-records-request', '[part=deadline]'), new RegExp(w.basis));
  assert.deepEqual(await axe(page), []);
  const tracking = await inShadow(page, 'civic-records-request', '[data-reference]');
  assert.match(tracking, /^R-\d{4}-\d{5}$/);

  // The city acknowledges the request and releases a document, for the requester only.
  await staff(tracking, { type: 'acknowledged', message: lang === 'es' ? 'Estamos buscando.' : 'We are searching the files.' });
  await staff(tracking, { type: 'released', documents: [{ name: 'inspections.pdf', content_type: 'application/pdf', content_base64: PDF, public: false }] });

  await tabTo(page, w.link, (f) => f.tag === 'a' && f.text === w.link);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/records-status\.html\?request=/);
  await page.waitForFunction(() => document.querySelector('civic-records-status')?.shadowRoot?.querySelector('[part=status]'), null, { timeout: 15_000 });
  assert.equal(await inShadow(page, 'civic-records-status', '[part=status]'), w.released);
  assert.match(await inShadow(page, 'civic-records-status', '[part=timeline]'), new RegExp(w.acknowledged));
  assert.match(await inShadow(page, 'civic-records-status', '[part=documents]'), /inspections\.pdf/);
  const href = await page.evaluate(() => document.querySelector('civic-records-status')!.shadowRoot!.querySelector<HTMLAnchorElement>('[part=documents] a')!.href);
  assert.equal((await fetch(href)).status, 200, 'the released document downloads through the private link');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
}

describe('a public-records request, keyboard only', () => {
  it('in English: filed, acknowledged, released, and seen through the private link', () => journey('en'));
  it('in Spanish: the same, every step in Spanish', () => journey('es'));
});
