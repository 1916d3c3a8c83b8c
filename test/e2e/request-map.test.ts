import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startDemo, stubMapTiles, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});


async function mapPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await site.newPage();
  await stubMapTiles(page);
  const problems = await watchProblems(page);
  return { page, problems };
}

const spot = { lat: 41.7712, long: -72.6689 };

/** A resident's graffiti report, as `<civic-service-request>` sends it. */
async function submitGraffiti(): Promise<string> {
  const body = new URLSearchParams({
    jurisdiction_id: 'hartford.ct.us',
    service_code: 'GRAFFITI',
    lat: String(spot.lat),
    long: String(spot.long),
    address_string: '250 Asylum Street, Hartford, CT 06103',
    'attribute[SURFACE]': 'UTILITY_BOX',
    'attribute[OFFENSIVE]': 'NO',
    description: 'Tags on the utility box at the corner.',
    email: 'resident@example.org',
  });
  const res = await fetch(`${site.url}/open311/v2/requests.json`, { method: 'POST', body });
  assert.equal(res.status, 200, await res.clone().text());
  const [answer] = (await res.json()) as Array<{ service_request_id?: string }>;
  assert.ok(answer?.service_request_id);
  return answer.service_request_id;
}

describe('demo problems map: a new request on the map, in the list, and on to its tracker', () => {
  it('shows the request as a pin that opens its details, and the tracker link leads to its status and timeline', async () => {
    const id = await submitGraffiti();
    const { page, problems } = await mapPage();
    await page.goto(`${site.url}/map.html`);
    const map = page.locator('civic-request-map');
    await map.locator('.leaflet-container').waitFor();
    // The resident zooms in on the street corner (Leaflet's own zoom; what we test is what follows).
    await page.waitForFunction(() => Boolean((document.querySelector('civic-request-map') as unknown as { leafletMap?: unknown }).leafletMap));
    await page.evaluate(({ lat, long }) => {
      const el = document.querySelector('civic-request-map') as unknown as { leafletMap: { setView(c: [number, number], z: number): void } };
      el.leafletMap.setView([lat, long], 18);
    }, spot);
    const pin = map.locator(`.leaflet-marker-pane [data-request-id="${id}"]`);
    await pin.waitFor();
    assert.equal(await pin.getAttribute('aria-label'), 'Graffiti Removal, Open: 250 Asylum Street, Hartford, CT 06103');
    await pin.focus();
    await page.keyboard.press('Enter');
    const follow = map.locator('.leaflet-popup a', { hasText: /Follow/ });
    await follow.waitFor();
    assert.equal(await follow.getAttribute('href'), `/track.html?request=${id}`);
    const popup = (await map.locator('.leaflet-popup').textContent()) ?? '';
    assert.doesNotMatch(popup, /resident@example\.org|utility box at the corner/i, 'no personal data and no free text in the public popup');
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

    await follow.focus();
    await Promise.all([page.waitForURL(`**/track.html?request=${id}`), page.keyboard.press('Enter')]);
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=request]').waitFor();
    assert.equal(await tracker.locator('[part=status]').textContent(), 'Open: the city is working on it');
    assert.ok((await tracker.locator('[part=timeline] .note-title').count()) >= 1, 'a timeline of notes');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('lists the same request in the list view, one button away, with its tracker link', async () => {
    const id = await submitGraffiti();
    const { page, problems } = await mapPage();
    await page.goto(`${site.url}/map.html`);
    const map = page.locator('civic-request-map');
    await map.locator('.leaflet-container').waitFor();
    await map.getByRole('combobox', { name: /category/i }).selectOption({ label: 'Graffiti Removal' });
    const toggle = map.getByRole('button', { name: 'Show as list' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const row = map.locator(`tr[data-request-id="${id}"]`);
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Graffiti Removal/);
    assert.equal(await row.locator('a').getAttribute('href'), `/track.html?request=${id}`);
    const categories = await map.locator('tbody tr td:nth-child(2)').allTextContents();
    assert.ok(categories.length > 0 && categories.every((c) => c.trim() === 'Graffiti Removal'), `only the filtered category: ${categories.join(', ')}`);
    assert.match(page.url(), /view=list/, 'the list view is in the shareable URL');
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('is one tab stop for all its markers: Tab in, arrows among them, Enter opens, Tab leaves (real keys)', async () => {
    await submitGraffiti();
    const { page, problems } = await mapPage();
    await page.goto(`${site.url}/map.html`);
    const map = page.locator('civic-request-map');
    await map.locator('.civic-cluster, .civic-pin').first().waitFor({ state: 'attached' });
    const focusedMarker = () =>
      page.evaluate(() => {
        const el = document.querySelector('civic-request-map')!.shadowRoot!.activeElement as HTMLElement | null;
        return el?.matches('.civic-cluster, .civic-pin') ? (el.getAttribute('aria-label') ?? '') : '';
      });
    const markers = await map.locator('.civic-cluster, .civic-pin').count();
    assert.ok(markers > 2, `${markers} markers`);
    await map.locator('.leaflet-container').focus();
    await page.keyboard.press('Tab');
    const first = await focusedMarker();
    assert.ok(first, 'Tab from the map reaches a marker');
    await page.keyboard.press('ArrowRight');
    const second = await focusedMarker();
    assert.ok(second && second !== first, 'ArrowRight moves to another marker');
    await page.keyboard.press('Tab');
    assert.equal(await focusedMarker(), '', 'one more Tab leaves the markers, however many there are');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedMarker(), second, 'Shift+Tab comes back to the marker last used');
    await page.keyboard.press('Home');
    assert.equal(await focusedMarker(), first);
    await page.keyboard.press('End');
    const last = await focusedMarker();
    assert.ok(last && last !== first, 'End reaches the last marker');
    const zoom = () => page.evaluate(() => (document.querySelector('civic-request-map') as unknown as { leafletMap: { getZoom(): number } }).leafletMap.getZoom());
    const before = await zoom();
    await page.keyboard.press('Enter');
    if (/zoom in/.test(last)) {
      await page.waitForFunction(
        (z) => (document.querySelector('civic-request-map') as unknown as { leafletMap: { getZoom(): number } }).leafletMap.getZoom() > z,
        before,
      );
    } else {
      await map.locator('.leaflet-popup a', { hasText: /Follow/ }).waitFor();
    }
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
