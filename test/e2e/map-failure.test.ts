// When a map cannot show (its code chunk missing or blocked, its tiles unreachable), each of the
// demo's three maps says so in words and the typed or list alternative still works.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeClean, fileRequest, startDemo, stubMapTiles, type DemoSite } from './browser.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});

/** The Leaflet chunk (and the map kit that needs it) as a server that lacks them answers: 404. */
async function withoutMapChunk(page: Page): Promise<void> {
  await page.route(/\/dist\/.*(leaflet|\/kit-)[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
}

/** Tiles unreachable, as offline or behind a firewall. */
async function withoutTiles(page: Page): Promise<void> {
  await page.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected').catch(() => {}));
}



describe('demo maps when the map chunk is missing', () => {
  it('problems map: says the map could not load, and "Show as list" lists the requests', async () => {
    const page = await site.newPage();
    await withoutMapChunk(page);
    await page.goto(`${site.url}/map.html`);
    const map = page.locator('civic-request-map');
    const problem = map.locator('[part=map-problem]');
    await problem.waitFor();
    assert.equal(await problem.textContent(), "The map couldn't load. Use “Show as list” to see the same requests.");
    assert.equal(await map.locator('.map').isHidden(), true, 'no empty grey box');
    await axeClean(page);
    await map.getByRole('button', { name: 'Show as list' }).click();
    await map.locator('tbody tr').first().waitFor();
    await page.close();
  });

  it('problems map: with its markers-and-list chunk missing as well, the list says so and "Try again" brings it', async () => {
    const page = await site.newPage();
    await withoutMapChunk(page);
    const later = /\/dist\/civic-elements\/later-[^/]*\.js$/;
    await page.route(later, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(`${site.url}/map.html`);
    const map = page.locator('civic-request-map');
    await map.locator('[part=map-problem]').waitFor();
    await map.getByRole('button', { name: 'Show as list' }).click();
    const panel = map.locator('[part=error-panel]');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('role'), 'alert');
    await axeClean(page);
    await page.unroute(later);
    await panel.getByRole('button', { name: 'Try again' }).click();
    await map.locator('tbody tr').first().waitFor();
    assert.equal(await panel.count(), 0);
    await page.close();
  });

  it('location picker: says so when the resident asks for the map, and typing an address still works', async () => {
    const page = await site.newPage();
    await withoutMapChunk(page);
    await page.goto(`${site.url}/location.html`);
    const picker = page.locator('civic-location-picker');
    await picker.getByRole('button', { name: 'Show on map' }).click();
    await picker.locator('[part=notice]', { hasText: "The map couldn't load. Type the address or use your location instead." }).waitFor();
    await axeClean(page);
    await picker.locator('#address').fill('Park Street');
    await picker.locator('[role=option]').first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('tracker: says the map could not load, under the address that says where it is', async () => {
    const id = await fileRequest(site, { address_string: '550 Main Street, Hartford, CT 06103', description: 'The street was not plowed after the last storm.' });
    const page = await site.newPage();
    await withoutMapChunk(page);
    await page.goto(`${site.url}/track.html?request=${id}`);
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=map-problem]').waitFor();
    assert.equal(await tracker.locator('[part=map-problem]').textContent(), "The map couldn't load. The address above says where the request is.");
    assert.match((await tracker.locator('[part=request]').textContent()) ?? '', /550 Main Street/);
    await axeClean(page);
    await page.close();
  });
});

describe('demo maps when the tiles cannot be reached', () => {
  it('problems map: says the streets could not load, markers and the list still work', async () => {
    const page = await site.newPage();
    await withoutTiles(page);
    await page.goto(`${site.url}/map.html`);
    const map = page.locator('civic-request-map');
    await map.locator('[part=map-problem]').waitFor();
    assert.match((await map.locator('[part=map-problem]').textContent()) ?? '', /streets couldn.t load/);
    assert.ok((await map.locator('.civic-cluster, .civic-pin').count()) > 0);
    await axeClean(page);
    await page.close();
  });

  it('tracker and picker: say so too', async () => {
    const id = await fileRequest(site, { address_string: '550 Main Street, Hartford, CT 06103', description: 'The street was not plowed after the last storm.' });
    const page = await site.newPage();
    await withoutTiles(page);
    await page.goto(`${site.url}/track.html?request=${id}`);
    await page.locator('civic-status-tracker [part=map-problem]').waitFor();
    await page.goto(`${site.url}/location.html`);
    const picker = page.locator('civic-location-picker');
    await picker.getByRole('button', { name: 'Show on map' }).click();
    await picker.locator('[part=notice]', { hasText: "The map couldn't load." }).waitFor();
    await page.close();
  });

  it('with tiles answered, no map says anything of the kind', async () => {
    const id = await fileRequest(site, { address_string: '550 Main Street, Hartford, CT 06103', description: 'The street was not plowed after the last storm.' });
    const page = await site.newPage();
    await stubMapTiles(page);
    await page.goto(`${site.url}/track.html?request=${id}`);
    await page.locator('civic-status-tracker [part=map] .leaflet-tile-loaded').first().waitFor();
    assert.equal(await page.locator('civic-status-tracker [part=map-problem]').count(), 0);
    await page.goto(`${site.url}/map.html`);
    await page.locator('civic-request-map .leaflet-tile-loaded').first().waitFor();
    assert.equal(await page.locator('civic-request-map [part=map-problem]').count(), 0);
    await page.close();
  });
});
