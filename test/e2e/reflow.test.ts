// WCAG 1.4.10 Reflow: at 320 CSS px no demo page scrolls sideways, in every widget state a resident
// can reach here (loading done, errors, each step of a report, suggestions open, map and list views),
// in English and in Spanish (whose words run longer).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { fileRequest, startDemo, stubMapTiles, type DemoSite } from './browser.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});

async function narrowPage(lang: 'en' | 'es' = 'en'): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  await stubMapTiles(page);
  // The demo's own switch: one visit with ?lang= and the cookie keeps it for the rest.
  await page.goto(`${site.url}/?lang=${lang}`);
  return page;
}

// A string, so the test runner's transform adds no helper names the page does not have.
const MEASURE = `(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const wide = [];
  const visit = (node) => {
    for (const el of node.children) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) {
        const host = el.getRootNode().host;
        const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
        wide.push((host ? host.tagName.toLowerCase() + ' » ' : '') + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' right=' + Math.round(box.right));
      }
      if (el.shadowRoot) visit(el.shadowRoot);
      visit(el);
    }
  };
  visit(document.body);
  return { scrollWidth: root.scrollWidth, clientWidth: width, wide: wide.slice(0, 10) };
})()`;

/**
 * Fails with what sticks out: the page's scroll width, and the elements (shadow roots included)
 * whose right edge passes the viewport, so a failure says where to look.
 */
async function assertNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const found = (await page.evaluate(MEASURE)) as { scrollWidth: number; clientWidth: number; wide: string[] };
  assert.equal(found.clientWidth, 320, 'the viewport is 320 CSS px wide');
  assert.ok(found.scrollWidth <= found.clientWidth, `${state}: scrollWidth ${found.scrollWidth} > ${found.clientWidth}; too wide: ${found.wide.join('; ')}`);
}

const inRequest = (page: Page) => page.locator('civic-service-request');
const stepTitle = (page: Page) => inRequest(page).locator('#step-title');


for (const lang of ['en', 'es'] as const) {
  describe(`demo pages at 320 CSS px (${lang}): no sideways scrolling`, () => {
    it('home and services (list shown, and the backend unreachable)', async () => {
      const page = await narrowPage(lang);
      await assertNoSidewaysScroll(page, 'home');
      await page.goto(`${site.url}/services.html`);
      await page.locator('civic-service-list li[data-service-code]').first().waitFor();
      await assertNoSidewaysScroll(page, 'services list');
      await page.route('**/open311/v2/services.json*', (route) => route.abort('internetdisconnected'));
      // A warm visit shows the list kept from the last one: forget it to see the failure.
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${site.url}/services.html`);
      await page.locator('civic-service-list [role=alert]').waitFor();
      await assertNoSidewaysScroll(page, 'services, backend unreachable');
      await page.close();
    });

    it('every step of a report, its error summaries and the address suggestions', async () => {
      const page = await narrowPage(lang);
      const w = lang === 'en' ? { continue: 'Continue', newOne: 'No, report a new problem', send: 'Send report' } : { continue: 'Continuar', newOne: 'No, reportar un problema nuevo', send: 'Enviar reporte' };
      const next = () => inRequest(page).getByRole('button', { name: w.continue, exact: true }).click();
      const titled = async (before: string) => {
        await page.waitForFunction(
          (t) => (document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent ?? '') !== t,
          before,
        );
        return (await stepTitle(page).textContent())!.trim();
      };
      await page.goto(`${site.url}/report.html`);
      await inRequest(page).locator('[data-service-code]').first().waitFor();
      await assertNoSidewaysScroll(page, 'report: category');
      await next();
      // The summary that takes focus is a group named by its heading, as assistive technology sees it.
      await inRequest(page).getByRole('group', { name: lang === 'en' ? 'There is a problem' : 'Hay un problema' }).waitFor();
      await assertNoSidewaysScroll(page, 'report: category with an error');
      await inRequest(page).locator('#service-BLIGHT').check();
      let title = (await stepTitle(page).textContent())!.trim();
      await next();
      title = await titled(title);
      await assertNoSidewaysScroll(page, `report: ${title}`);
      await next();
      await inRequest(page).locator('civic-error-summary, [part~=error-summary]').first().waitFor();
      await assertNoSidewaysScroll(page, `report: ${title} with errors`);
      await inRequest(page).locator('#attr-CONDITIONS-0').check();
      await inRequest(page).locator('#attr-VACANT-0').check();
      await next();
      title = await titled(title);
      await inRequest(page).locator('civic-location-picker #address').waitFor();
      await assertNoSidewaysScroll(page, `report: ${title}`);
      await inRequest(page).locator('civic-location-picker [part=map-button]').click();
      await inRequest(page).locator('civic-location-picker .leaflet-container').waitFor();
      await assertNoSidewaysScroll(page, `report: ${title}, map shown`);
      await inRequest(page).locator('civic-location-picker #address').fill('Main Street');
      await inRequest(page).locator('civic-location-picker [role=option]').first().waitFor({ timeout: 15_000 });
      await assertNoSidewaysScroll(page, `report: ${title}, suggestions open`);
      await inRequest(page).locator('civic-location-picker [role=option]').first().click();
      await next();
      title = await titled(title);
      await assertNoSidewaysScroll(page, `report: ${title}`);
      if (await inRequest(page).getByRole('button', { name: w.newOne }).count()) {
        await inRequest(page).getByRole('button', { name: w.newOne }).click();
        title = await titled(title);
        await assertNoSidewaysScroll(page, `report: ${title}`);
      }
      await inRequest(page).locator('#description').fill('Back door open, people going in at night.');
      await next();
      title = await titled(title);
      await assertNoSidewaysScroll(page, `report: ${title}`);
      await inRequest(page).locator('#first_name').fill('Ana');
      await inRequest(page).locator('#last_name').fill('Ruiz');
      await inRequest(page).locator('#email').fill('ana.ruiz@example.org');
      await next();
      title = await titled(title);
      await assertNoSidewaysScroll(page, `report: ${title}`);
      await inRequest(page).getByRole('button', { name: w.send }).click();
      title = await titled(title);
      await inRequest(page).locator('.reference').waitFor();
      await assertNoSidewaysScroll(page, `report: ${title}`);
      await page.close();
    });

    it('the tracker: empty, with an error, a request with its map, and an unknown number', async () => {
      const id = await fileRequest(site, { address_string: '550 Main Street, Hartford, CT 06103', description: 'The street was not plowed after the last storm and cars cannot get through.' });
      const page = await narrowPage(lang);
      const tracker = page.locator('civic-status-tracker');
      await page.goto(`${site.url}/track.html`);
      await tracker.locator('input').first().waitFor();
      await assertNoSidewaysScroll(page, 'tracker: empty');
      await tracker.locator('button[type=submit]').click();
      await tracker.locator('civic-error-summary, [part~=error-summary], [role=alert]').first().waitFor();
      await assertNoSidewaysScroll(page, 'tracker: nothing typed');
      await page.goto(`${site.url}/track.html?request=${id}`);
      await tracker.locator('[part=request]').waitFor();
      // The small map loads once it scrolls into view.
      await tracker.locator('[part=map]').scrollIntoViewIfNeeded();
      await tracker.locator('.leaflet-container').waitFor();
      await assertNoSidewaysScroll(page, 'tracker: a request');
      await page.goto(`${site.url}/track.html?request=424242`);
      await tracker.locator('[part=not-found]').waitFor();
      await assertNoSidewaysScroll(page, 'tracker: unknown number');
      await page.close();
    });

    it('the problems map, in its map view and its list view', async () => {
      await fileRequest(site, { address_string: '550 Main Street, Hartford, CT 06103', description: 'The street was not plowed after the last storm and cars cannot get through.' });
      const page = await narrowPage(lang);
      const map = page.locator('civic-request-map');
      await page.goto(`${site.url}/map.html`);
      await map.locator('.leaflet-container').waitFor();
      await map.locator('.civic-cluster, .civic-pin').first().waitFor({ state: 'attached' });
      await assertNoSidewaysScroll(page, 'map: map view');
      await map.locator('[part=toggle]').click();
      await map.locator('[part=list] a').first().waitFor();
      await assertNoSidewaysScroll(page, 'map: list view');
      await page.close();
    });

    it('the forms catalog and a city form: a page, its errors, check your answers and the confirmation', async () => {
      const page = await narrowPage(lang);
      const form = page.locator('civic-form');
      const w = lang === 'en' ? { continue: 'Continue', send: 'Send' } : { continue: 'Continuar', send: 'Enviar' };
      const next = async () => {
        const before = (await form.locator('#step-title').textContent()) ?? '';
        await form.getByRole('button', { name: w.continue, exact: true }).click();
        await page.waitForFunction((t) => (document.querySelector('civic-form')?.shadowRoot?.querySelector('#step-title')?.textContent ?? '') !== t, before);
      };
      await page.goto(`${site.url}/forms.html`);
      await page.locator('civic-form-list a[href*="/forms/"]').first().waitFor();
      await assertNoSidewaysScroll(page, 'forms catalog');
      await page.goto(`${site.url}/forms/contact-the-mayor.html`);
      await form.locator('#step-title').waitFor();
      await assertNoSidewaysScroll(page, 'form: first page');
      await form.getByRole('button', { name: w.continue, exact: true }).click();
      await form.locator('[part~=error-summary]').waitFor();
      await assertNoSidewaysScroll(page, 'form: first page with an error');
      await form.locator('input[name="q-topic"][value="idea"]').check();
      await next();
      await form.locator('#q-message').fill('Plant more trees on Park Street, please.');
      await next();
      await next();
      await form.locator('#q-name-first').fill('Ana');
      await form.locator('#q-name-last').fill('Ruiz');
      await form.locator('#q-email').fill('ana.ruiz@example.org');
      await assertNoSidewaysScroll(page, 'form: a page of several questions');
      await next();
      await form.locator('[part=summary-list]').waitFor();
      await assertNoSidewaysScroll(page, 'form: check your answers');
      await form.locator('[part=submit-button]').click();
      await form.locator('[part=confirmation-panel]').waitFor({ timeout: 15_000 });
      await assertNoSidewaysScroll(page, 'form: confirmation');
      await page.close();
    });

    it('the location form: empty, suggestions open, and an error', async () => {
      const page = await narrowPage(lang);
      const picker = page.locator('civic-location-picker');
      await page.goto(`${site.url}/location.html`);
      await picker.locator('#address').waitFor();
      await assertNoSidewaysScroll(page, 'location: empty');
      await picker.locator('[part=map-button]').click();
      await picker.locator('.leaflet-container').waitFor();
      await assertNoSidewaysScroll(page, 'location: map shown');
      await picker.locator('#address').fill('Park Street');
      await picker.locator('[role=option]').first().waitFor({ timeout: 15_000 });
      await assertNoSidewaysScroll(page, 'location: suggestions open');
      await picker.locator('#address').fill('');
      await page.locator('form button[type=submit]').click();
      await assertNoSidewaysScroll(page, 'location: required and empty');
      await page.close();
    });
  });
}
