import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { fileRequest, startDemo, stubMapTiles, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';
import { startServer } from '../../server/app.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});


async function trackerPage(): Promise<Page> {
  const page = await site.newPage();
  await stubMapTiles(page);
  return page;
}

interface WireRequest {
  service_request_id: string;
  status: string;
  status_notes?: string;
  service_name?: string;
}

/** What `<civic-service-request>` would send: a plain GeoReport v2 POST. */

async function aClosedRequest(): Promise<WireRequest> {
  const res = await fetch(`${site.url}/open311/v2/requests.json?status=closed`);
  const closed = ((await res.json()) as WireRequest[]).find((r) => r.status_notes);
  assert.ok(closed, 'the seeded city has closed requests with notes');
  return closed;
}

/** The id of the element focused inside the tracker's shadow root, if focus is there. */
const focusedInTracker = (page: Page) =>
  page.evaluate(() => {
    const host = document.activeElement;
    return host?.tagName === 'CIVIC-STATUS-TRACKER' ? (host.shadowRoot?.activeElement?.id ?? '') : '';
  });

describe('demo "Track a request" page: <civic-hall> + <civic-status-tracker> against the reference backend', () => {
  it('every demo page links to it', async () => {
    const page = await site.newPage();
    for (const path of ['/', '/services.html', '/track.html']) {
      await page.goto(`${site.url}${path}`);
      assert.equal(await page.locator('nav.site-nav a[href="/track.html"]').count(), 1, `${path} links to the tracker`);
    }
    await page.close();
  });

  it('opens the request of a confirmation link (?request=) with its status and timeline, accessibly, with no console error', async () => {
    const id = await fileRequest(site);
    const page = await trackerPage();
    const problems = await watchProblems(page);
    const failed: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(new URL(res.url()).pathname);
    });
    await page.goto(`${site.url}/track.html?request=${id}`);
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=request]').waitFor();
    const services = (await (await fetch(`${site.url}/open311/v2/services.json`)).json()) as Array<{ service_code: string; service_name: string }>;
    const name = services.find((s) => s.service_code === 'SNOWPLOW')!.service_name;
    assert.equal(await tracker.locator('[part=request-title]').textContent(), `${name}: request ${id}`);
    assert.equal(await tracker.locator('[part=status]').textContent(), 'Open: the city is working on it');
    assert.equal((await tracker.locator('[part=timeline] .note-title').allTextContents()).join('|'), 'Request received');
    assert.match((await tracker.locator('[part=timeline] time').first().textContent()) ?? '', /\((now|\d+ seconds? ago)\)$/);
    assert.equal(await tracker.getByLabel('Reference number').inputValue(), id);
    await tracker.getByRole('region', { name: `Map showing where request ${id} is` }).locator('.leaflet-marker-icon').waitFor();
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    // The lazy map chunks (and their preload hints) resolve next to the bundle: nothing fails.
    assert.deepEqual(failed, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('looks another number up with the keyboard alone, and puts it in the address bar', async () => {
    const id = await fileRequest(site);
    const closed = await aClosedRequest();
    const page = await trackerPage();
    await page.goto(`${site.url}/track.html?request=${id}`);
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=request]').waitFor();
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'reference'; i++) {
      await page.keyboard.press('Tab');
      focused = await focusedInTracker(page);
    }
    assert.equal(focused, 'reference', 'Tab reaches the reference number field');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(closed.service_request_id);
    await page.keyboard.press('Enter');
    await tracker.locator('[part=status]', { hasText: 'Closed' }).waitFor();
    assert.equal(await tracker.locator('[part=status-notes]').textContent(), closed.status_notes);
    assert.equal(await tracker.locator('[part=request-title]').textContent(), `${closed.service_name}: request ${closed.service_request_id}`);
    assert.equal(new URL(page.url()).searchParams.get('request'), closed.service_request_id);
    await page.close();
  });

  it('follows a confirmation link that carries a batch service\'s token instead of an id', async () => {
    const body = new URLSearchParams({
      jurisdiction_id: 'hartford.ct.us',
      service_code: 'BULKY',
      lat: '41.7637',
      long: '-72.6851',
      'attribute[ITEMS][]': 'FURNITURE',
      'attribute[ITEM_COUNT]': '2',
    });
    const res = await fetch(`${site.url}/open311/v2/requests.json`, { method: 'POST', body });
    const [answer] = (await res.json()) as Array<{ token?: string; service_request_id?: string }>;
    assert.ok(answer?.token && !answer.service_request_id, 'a batch service answers with a token only');
    const [resolved] = (await (await fetch(`${site.url}/open311/v2/tokens/${answer.token}.json`)).json()) as Array<{ service_request_id: string }>;
    const page = await trackerPage();
    await page.goto(`${site.url}/track.html?request=${answer.token}`);
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=request]').waitFor();
    assert.match((await tracker.locator('[part=request-title]').textContent()) ?? '', new RegExp(`: request ${resolved!.service_request_id}$`));
    assert.equal(await tracker.locator('[part=status]').textContent(), 'Open: the city is working on it');
    await page.close();
  });

  it('on a batch server that is slow to give ids, says "still being processed" and shows the request once it has one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-e2e-batch-'));
    const slow = await startServer({ port: 0, host: '127.0.0.1', dataDir, serveDemo: true, batchDelayMs: 8000 });
    const base = slow.url.replace(/\/$/, '');
    try {
      const body = new URLSearchParams({
        jurisdiction_id: 'hartford.ct.us',
        service_code: 'TREETRIM',
        lat: '41.7637',
        long: '-72.6851',
        description: 'Branches over the sidewalk.',
        'attribute[TREE_LOCATION]': 'STRIP',
      });
      const res = await fetch(`${base}/open311/v2/requests.json`, { method: 'POST', body });
      const [answer] = (await res.json()) as Array<{ token?: string }>;
      assert.ok(answer?.token, `a batch service answers with a token (${res.status})`);
      const page = await trackerPage();
      await page.goto(`${base}/track.html?request=${answer.token}`);
      const tracker = page.locator('civic-status-tracker');
      await tracker.locator('[part=processing]').waitFor();
      assert.equal(await tracker.locator('[part=processing] h3').textContent(), 'Your request is still being processed');
      const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      assert.deepEqual(axe.violations.map((v) => v.id), []);
      // The id comes after 8 s, long enough for a loaded machine to show the page first; the demo
      // checks again every processing-interval (10 s by default) without a reload.
      await tracker.locator('[part=request]').waitFor({ timeout: 30_000 });
      assert.equal(await tracker.locator('[part=status]').textContent(), 'Open: the city is working on it');
      await page.close();
    } finally {
      await slow.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('says it cannot find an unknown number, and what to check', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/track.html?request=424242`);
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=not-found]').waitFor();
    assert.equal(await tracker.locator('[part=not-found] h3').textContent(), "We couldn't find request 424242");
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    await page.close();
  });
});
