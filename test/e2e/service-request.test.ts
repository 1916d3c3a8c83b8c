// <civic-service-request> on the demo's report page, driven by the keyboard alone: Tab, Space,
// Enter, arrows and typing (no mouse event anywhere), in English and in Spanish; then the new
// request is read back from the reference backend with every answer stored.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { button, byId, startDemo, tabTo, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});

/** The step heading's text (the element focuses it when a step opens). */
const stepTitle = (page: Page) =>
  page.evaluate(() => document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() ?? '');

async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() === t,
    title,
    { timeout: 15_000 },
  );
}

const WORDS = {
  en: {
    category: 'What do you want to report?',
    questions: 'Tell us about the problem',
    location: 'Where is the problem?',
    nearby: 'Is it one of these?',
    details: 'Describe the problem',
    contact: 'Your contact details',
    review: 'Check your answers before sending your report',
    done: 'Report sent',
    continue: 'Continue',
    nearbyContinue: 'No, report a new problem',
    send: 'Send report',
  },
  es: {
    category: '¿Qué desea reportar?',
    questions: 'Cuéntenos sobre el problema',
    location: '¿Dónde está el problema?',
    nearby: '¿Es alguno de estos?',
    details: 'Describa el problema',
    contact: 'Sus datos de contacto',
    review: 'Revise sus respuestas antes de enviar el reporte',
    done: 'Reporte enviado',
    continue: 'Continuar',
    nearbyContinue: 'No, reportar un problema nuevo',
    send: 'Enviar reporte',
  },
};

async function report(lang: 'en' | 'es'): Promise<void> {
  const w = WORDS[lang];
  const page = await site.newPage();
  const problems = await watchProblems(page);
  // Map tiles come from the internet: answer them here with nothing.
  await page.route(/tile\.openstreetmap|\/tiles?\//, (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto(`${site.url}/report.html`);
  await page.locator('civic-service-request [data-service-code]').first().waitFor();
  // A Spanish page: the city's CMS sets the language on <html>; the widget follows it.
  if (lang === 'es') await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
  await waitForTitle(page, w.category);

  // 1. Category: search, then choose the one match with Space.
  await tabTo(page, 'the search box', byId('service-search'));
  await page.keyboard.type('blihgt');
  await tabTo(page, 'the BLIGHT radio', byId('service-BLIGHT'));
  await page.keyboard.press('Space');
  await tabTo(page, 'Continue', button(w.continue));
  await page.keyboard.press('Enter');

  // 2. Questions: two checkboxes, a radio, a textarea.
  await waitForTitle(page, w.questions);
  await page.locator('civic-service-request #attr-CONDITIONS-0').waitFor();
  await tabTo(page, 'the first condition', byId('attr-CONDITIONS-0'));
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await tabTo(page, 'the vacant question', byId('attr-VACANT-0'));
  await page.keyboard.press('Space');
  await tabTo(page, 'the details textarea', byId('attr-DETAILS'));
  await page.keyboard.type('A dog lives in the yard.');
  await tabTo(page, 'Continue', button(w.continue));
  await page.keyboard.press('Enter');

  // 3. Location: type an address and pick a suggestion with the arrows.
  await waitForTitle(page, w.location);
  const picker = await page.evaluate(() => Boolean(document.querySelector('civic-service-request')?.shadowRoot?.querySelector('civic-location-picker')));
  if (picker) {
    await tabTo(page, 'the address box', byId('address'));
    await page.keyboard.type('Main Street');
    await page.locator('civic-service-request civic-location-picker [role=option]').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  } else {
    await tabTo(page, 'the address box', byId('location'));
    await page.keyboard.type('550 Main Street');
  }
  await tabTo(page, 'Continue', button(w.continue));
  await page.keyboard.press('Enter');

  // 4. Open requests close by, if any: file a new one anyway.
  await page.waitForFunction(
    (titles) => titles.includes(document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() ?? ''),
    [w.nearby, w.details],
    { timeout: 15_000 },
  );
  if ((await stepTitle(page)) === w.nearby) {
    await tabTo(page, 'continue past the nearby requests', button(w.nearbyContinue));
    await page.keyboard.press('Enter');
  }

  // 5. Details.
  await waitForTitle(page, w.details);
  const description = `Back door open, people going in at night (${lang} ${Date.now()})`;
  await tabTo(page, 'the description', byId('description'));
  await page.keyboard.type(description);
  await tabTo(page, 'Continue', button(w.continue));
  await page.keyboard.press('Enter');

  // 6. Contact: required for code enforcement.
  await waitForTitle(page, w.contact);
  await tabTo(page, 'first name', byId('first_name'));
  await page.keyboard.type('Ana');
  await tabTo(page, 'last name', byId('last_name'));
  await page.keyboard.type('Ruiz');
  await tabTo(page, 'email', byId('email'));
  await page.keyboard.type('ana.ruiz@example.org');
  await tabTo(page, 'Continue', button(w.continue));
  await page.keyboard.press('Enter');

  // 7. Check answers, accessible, then send.
  await waitForTitle(page, w.review);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await tabTo(page, 'Send', button(w.send));
  await page.keyboard.press('Enter');

  // 8. Confirmation with the reference; read it back from the backend.
  await waitForTitle(page, w.done);
  const id = (await page.locator('civic-service-request .reference').textContent())!.trim();
  assert.match(id, /^\d+$/);
  const track = await page.locator('civic-service-request [part=track-link]').getAttribute('href');
  assert.equal(track, `/track.html?request=${id}`);

  const res = await fetch(`${site.url}/open311/v2/requests/${id}.json?extensions=true`);
  const [stored] = (await res.json()) as Array<Record<string, unknown>>;
  assert.equal(stored!.service_code, 'BLIGHT');
  assert.equal(stored!.description, description);
  assert.deepEqual(stored!.extended_attributes, {
    attributes: { CONDITIONS: ['OVERGROWN', 'OPEN'], VACANT: 'YES', DETAILS: 'A dog lives in the yard.' },
  });
  if (picker) {
    assert.equal(typeof stored!.lat, 'number');
    assert.ok(Math.abs((stored!.lat as number) - 41.77) < 0.05, `lat ${stored!.lat}`);
    assert.match(String(stored!.address), /Main Street/);
  } else {
    assert.equal(stored!.address, '550 Main Street');
  }
  // Personal data reached the city but is never public.
  assert.doesNotMatch(JSON.stringify(stored), /ana\.ruiz|Ruiz/);

  // 9. The confirmation's link, followed with the keyboard, shows the new request's status and timeline.
  await page.locator('civic-service-request [part=track-link]').focus();
  await Promise.all([page.waitForURL(`**/track.html?request=${id}`), page.keyboard.press('Enter')]);
  const tracker = page.locator('civic-status-tracker');
  await tracker.locator('[part=request]').waitFor();
  assert.equal(await tracker.locator('[part=status]').textContent(), 'Open: the city is working on it');
  assert.ok((await tracker.locator('[part=timeline] .note-title').count()) >= 1, 'a timeline of notes');
  assert.deepEqual(problems, []);
  await page.context().close();
}

describe('demo report page: <civic-service-request> by keyboard alone', () => {
  it('reports a code-enforcement problem in English, and the backend stores every answer', async () => {
    await report('en');
  });

  it('reports the same in Spanish', async () => {
    await report('es');
  });

  it('the services page links each service to the report page, which starts on its questions', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/services.html`);
    const link = page.locator('civic-service-list li[data-service-code=POTHOLE] a');
    assert.equal(await link.getAttribute('href'), '/report.html?service=POTHOLE');
    await page.goto(`${site.url}/report.html?service=POTHOLE`);
    await page.locator('civic-service-request #attr-SIZE').waitFor({ timeout: 15_000 });
    await page.context().close();
  });
});
