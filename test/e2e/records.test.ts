// A public-records request end to end, keyboard only, in English and Spanish, against the built
// demo: a resident files it on the city's records page, staff acknowledge it and release a
// document with the demo staff page's controls, and the resident sees both through the private link.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { button, byId, focused, startDemo, tabTo, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

const TOKEN = 'e2e-records-staff-token';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

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

/**
 * Staff act on the request on the demo's staff page, by keyboard (the document goes into the file
 * input as a file chooser would put it): list the open requests, acknowledge this one with a
 * message, then release a document for the requester only.
 */
async function staffAcknowledgeAndRelease(tracking: string, message: string): Promise<void> {
  const page = await site.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${site.url}/staff.html`);
  await page.getByLabel('Staff token').focus();
  await page.keyboard.type(TOKEN);
  await tabTo(page, 'Show open requests', button('Show open requests'));
  await page.keyboard.press('Enter');
  await page.getByRole('form', { name: new RegExp(`^${tracking}: Submitted`) }).waitFor({ timeout: 15_000 });
  // The form's name follows the request's status: find it by its request from here on.
  const request = page.locator(`form[data-tracking="${tracking}"]`);
  assert.deepEqual(await axe(page), [], 'the staff page with its list of requests');

  await request.getByLabel('Message to the requester (optional)').focus();
  await page.keyboard.type(message);
  // A fee without an amount: said, focus on the fee, and what was typed stays.
  await tabTo(page, 'Set fee', button('Set fee'));
  await page.keyboard.press('Enter');
  await page.getByText('Error: enter the fee in dollars, for example 25.00.').waitFor({ timeout: 15_000 });
  assert.equal((await focused(page)).id, await request.getByLabel('Fee in dollars (for “Set fee”)').getAttribute('id'));
  assert.equal(await request.getByLabel('Message to the requester (optional)').inputValue(), message);
  await request.getByRole('button', { name: 'Acknowledge', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(`Acknowledged: ${tracking}.`).waitFor({ timeout: 15_000 });
  await page.getByRole('heading', { name: new RegExp(`^${tracking}: Acknowledged`) }).waitFor();

  await request.getByLabel('Document (for “Release document”)').setInputFiles({ name: 'inspections.pdf', mimeType: 'application/pdf', buffer: PDF });
  await request.getByRole('button', { name: 'Release document', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(`Document released: ${tracking}.`).waitFor({ timeout: 15_000 });
  assert.deepEqual(await axe(page), [], 'the staff page after the actions');
  assert.deepEqual(problems, []);
  await page.close();
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

  // The city acknowledges the request and releases a document, for the requester only, on the staff page.
  await staffAcknowledgeAndRelease(tracking, lang === 'es' ? 'Estamos buscando.' : 'We are searching the files.');
  await page.bringToFront();

  await tabTo(page, w.link, (f) => f.tag === 'a' && f.text === w.link);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/records-status\.html\?request=/);
  await page.waitForFunction(() => document.querySelector('civic-records-status')?.shadowRoot?.querySelector('[part=status]'), null, { timeout: 15_000 });
  assert.equal(await inShadow(page, 'civic-records-status', '[part=status]'), w.released);
  assert.match(await inShadow(page, 'civic-records-status', '[part=timeline]'), new RegExp(w.acknowledged));
  assert.match(await inShadow(page, 'civic-records-status', '[part=timeline]'), new RegExp(lang === 'es' ? 'Estamos buscando.' : 'We are searching the files.'), 'the staff page’s message reached the requester');
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
