// The demo's report page with its geocoder down (connection refused): a resident types the
// address, is told the city will use it as typed, sends the report, and follows it on the
// tracker — nothing on the way needs the geocoder.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { startDemo, stubMapTiles, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});

async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() === t,
    title,
    { timeout: 15_000 },
  );
}

async function continueTo(page: Page, title: string): Promise<void> {
  await page.locator('civic-service-request [part=continue-button]').click();
  await waitForTitle(page, title);
}

async function axe(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

describe('demo report page with the geocoder down', () => {
  it('sends a report with the address as typed, and the tracker shows it', async () => {
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await stubMapTiles(page);
    // The geocoder's host refuses every connection, as a server that is down does.
    const refused: string[] = [];
    await page.route('**/geocode/**', (route) => {
      refused.push(route.request().url());
      return route.abort('connectionrefused');
    });
    await page.goto(`${site.url}/report.html`);
    await page.locator('civic-service-request [data-service-code]').first().waitFor({ timeout: 15_000 });

    await page.locator('civic-service-request #service-POTHOLE').check();
    await continueTo(page, 'Tell us about the problem');
    await page.locator('civic-service-request #attr-SIZE-1').check();
    await continueTo(page, 'Where is the problem?');

    const address = 'Behind 12 Elm Row, by the garages';
    const picker: Locator = page.locator('civic-service-request civic-location-picker');
    await picker.locator('#address').fill(address);
    const notice = picker.locator('[part=notice]');
    await notice.waitFor({ timeout: 15_000 });
    assert.equal((await notice.textContent())?.trim(), 'We could not find this address on the map. The city will use it as you typed it.');
    assert.ok(refused.length >= 1, 'the widget did ask the geocoder');
    await axe(page);

    // No coordinates, so no nearby check: straight to the description.
    await continueTo(page, 'Describe the problem');
    const description = `Pothole by the garages (${Date.now()})`;
    await page.locator('civic-service-request #description').fill(description);
    await continueTo(page, 'Your contact details');
    await continueTo(page, 'Check your answers before sending your report');
    assert.equal((await page.locator('civic-service-request [data-key=location] .summary-value').textContent())?.trim(), address);
    await page.locator('civic-service-request [part=submit-button]').click();
    await waitForTitle(page, 'Report sent');
    const id = (await page.locator('civic-service-request .reference').textContent())!.trim();
    assert.match(id, /^\d+$/);

    const res = await fetch(`${site.url}/open311/v2/requests/${id}.json`);
    const [stored] = (await res.json()) as Array<{ address?: string; lat?: number; description?: string }>;
    assert.equal(stored!.address, address);
    assert.equal(stored!.lat, undefined);
    assert.equal(stored!.description, description);

    await Promise.all([page.waitForURL(`**/track.html?request=${id}`), page.locator('civic-service-request [part=track-link]').click()]);
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=request]').waitFor({ timeout: 15_000 });
    assert.equal(await tracker.locator('[part=status]').textContent(), 'Open: the city is working on it');
    assert.match((await tracker.locator('[part=request]').textContent()) ?? '', new RegExp(address));
    assert.ok((await tracker.locator('[part=timeline] .note-title').count()) >= 1, 'a timeline of notes');
    await axe(page);
    // The refused geocoder calls are the only thing the console may mention.
    assert.deepEqual(problems.filter((p) => !/Failed to load resource: net::ERR_CONNECTION_REFUSED/.test(p)), []);
    await page.context().close();
  });
});
