// The widgets embedded as a city's CMS would embed them: a page on another origin (localhost vs
// the backend's 127.0.0.1, each on its own port) with a hostile stylesheet and a strict
// Content-Security-Policy that allows scripts, API calls and images only from the backend (and
// tiles from the tile server). Through the autoloader, a resident reports a problem, tracks it
// and finds it in the map's list view; a second page has nothing but civic-elements.all.js,
// copied alone next to it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../server/app.js';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { stubMapTiles, watchProblems } from './browser.js';

const root = resolve(import.meta.dirname, '..', '..');
const HOSTILE_CSS = `
  * { all: unset; }
  html, body, main, p { display: block; }
  body { font-size: 40px; line-height: 3; font-family: "Comic Sans MS", fantasy; color: #f0f; }
  div { display: none !important; }
  button, input, select, textarea, table { font-size: 60px !important; }
`;

let backend: RunningServer;
let cms: Server;
let cmsOrigin: string;
let browser: Browser;
let dataDir: string;
let soloDir: string;

/** A CMS page: the page's own hostile CSS, the given script, the widgets' markup. */
function cmsPage(script: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>City of Hartford</title>
<link rel="stylesheet" href="/hostile.css">
<script type="module" src="${script}"></script>
</head><body><main><h1>City of Hartford</h1>${body}</main></body></html>`;
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'civic-embed-'));
  soloDir = mkdtempSync(join(tmpdir(), 'civic-embed-solo-'));
  // The one-file build, alone: no map chunk, no Spanish chunk beside it.
  copyFileSync(join(root, 'dist', 'civic-elements.all.js'), join(soloDir, 'civic-elements.all.js'));

  cms = createServer();
  await new Promise<void>((done) => cms.listen(0, '127.0.0.1', done));
  cmsOrigin = `http://localhost:${(cms.address() as AddressInfo).port}`;
  backend = await startServer({ port: 0, host: '127.0.0.1', dataDir, serveDemo: true, corsOrigins: [cmsOrigin] });
  const api = backend.url.replace(/\/$/, '');
  const hall = `endpoint="${api}/open311/v2" geocoder-url="${api}/geocode"`;
  const pages: Record<string, { html: string; scriptsFrom: string }> = {
    '/report': {
      scriptsFrom: api,
      html: cmsPage(
        `${api}/dist/civic-elements.js`,
        `<civic-hall ${hall}><civic-service-request service-param="" radius="0" tracker-url="/track?request={id}">
          <p class="fallback">Call 311 to report a problem.</p></civic-service-request></civic-hall>`,
      ),
    },
    '/track': {
      scriptsFrom: api,
      html: cmsPage(`${api}/dist/civic-elements.js`, `<civic-hall ${hall}><civic-status-tracker refresh-interval="0"></civic-status-tracker></civic-hall>`),
    },
    '/map': {
      scriptsFrom: api,
      html: cmsPage(
        `${api}/dist/civic-elements.js`,
        `<civic-hall ${hall}><civic-service-list></civic-service-list><civic-request-map view="list" tracker-url="/track?request={id}"></civic-request-map></civic-hall>`,
      ),
    },
    '/solo': {
      scriptsFrom: "'self'",
      html: cmsPage(
        '/solo/civic-elements.all.js',
        `<civic-hall ${hall}><civic-service-request service-param="" radius="0" address-only></civic-service-request>
          <civic-request-map view="list"></civic-request-map></civic-hall>`,
      ),
    },
  };
  cms.on('request', (req, res) => {
    const path = new URL(req.url ?? '/', cmsOrigin).pathname;
    if (path === '/hostile.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(HOSTILE_CSS);
    if (path === '/solo/civic-elements.all.js') {
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(soloDir, 'civic-elements.all.js')));
    }
    const page = pages[path];
    if (!page) return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    const csp =
      `default-src 'none'; script-src ${page.scriptsFrom}; connect-src ${api}; img-src ${api} https://tile.openstreetmap.org; ` +
      "style-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'";
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp }).end(page.html);
  });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await backend?.close();
  await new Promise((done) => cms?.close(done));
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(soloDir, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems = await watchProblems(page);
  await stubMapTiles(page);
  await page.goto(`${cmsOrigin}${path}`);
  return { page, problems };
}

const title = (page: Page) => page.locator('civic-service-request #step-title');
async function waitForTitle(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() === t,
    text,
    { timeout: 15_000 },
  );
}
/** Each step's one submit button: Continue, or Send on the last. */
const continueButton = (page: Page) => page.locator('civic-service-request form button[type=submit]');

/** Category → location (typed or picked) → details → contact → review → sent; returns the reference. */
async function report(page: Page, place: 'pick' | 'type', description: string): Promise<string> {
  await waitForTitle(page, 'What do you want to report?');
  await page.locator('civic-service-request #service-SNOWPLOW').check();
  await continueButton(page).click();
  await waitForTitle(page, 'Where is the problem?');
  if (place === 'pick') {
    await page.locator('civic-service-request civic-location-picker #address').pressSequentially('Main Street');
    await page.locator('civic-service-request civic-location-picker [role=option]').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  } else {
    await page.locator('civic-service-request #location').fill('550 Main Street');
  }
  await continueButton(page).click();
  await waitForTitle(page, 'Describe the problem');
  await page.locator('civic-service-request #description').fill(description);
  await continueButton(page).click();
  await waitForTitle(page, 'Your contact details');
  await continueButton(page).click();
  await waitForTitle(page, 'Check your answers before sending your report');
  await continueButton(page).click();
  await waitForTitle(page, 'Report sent');
  return (await page.locator('civic-service-request .reference').textContent())!.trim();
}

describe('embedded on a CMS page of another origin, hostile CSS, strict CSP', () => {
  let id: string;
  const description = `Snow left on Main Street (embed ${Date.now()})`;

  it('through the autoloader: a resident completes a report with a place picked from the suggestions', async () => {
    const { page, problems } = await open('/report');
    // The widget hid its fallback once it upgraded.
    await title(page).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('civic-service-request .fallback').isVisible(), false);
    id = await report(page, 'pick', description);
    assert.match(id, /^\d+$/);
    const stored = (await (await fetch(`${backend.url}open311/v2/requests/${id}.json`)).json()) as Array<{ description: string; lat?: number }>;
    assert.equal(stored[0]!.description, description);
    assert.equal(typeof stored[0]!.lat, 'number');
    // Only the loader and the chunks this page needed came from the backend.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    assert.ok(scripts.some((s) => /\/dist\/civic-elements\/civic-service-request-/.test(s)), scripts.join('\n'));
    assert.ok(!scripts.some((s) => /civic-request-map|leaflet/.test(s)), scripts.join('\n'));
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('tracks it from the confirmation link', async () => {
    const { page, problems } = await open(`/track?request=${id}`);
    await page.locator('civic-status-tracker [part=request]').waitFor({ timeout: 15_000 });
    const text = (await page.locator('civic-status-tracker [part=request]').textContent())!.replace(/\s+/g, ' ');
    assert.match(text, new RegExp(`Request ${id}|request ${id}|${id}`));
    assert.match(text, /Unplowed Street/);
    assert.match(text, /Open/);
    // Its small map loads once scrolled to: Leaflet's chunk and the marker icons come from the backend under the CSP.
    await page.locator('civic-status-tracker [part=map]').scrollIntoViewIfNeeded();
    await page.locator('civic-status-tracker [part=map] .leaflet-marker-icon').waitFor({ timeout: 15_000 });
    await page.locator('civic-status-tracker [part=map] .leaflet-tile-loaded').first().waitFor({ timeout: 15_000 });
    // Zooming replaces every tile: the ones removed must not be pointed at a data: URL the CSP refuses.
    await page.locator('civic-status-tracker .leaflet-control-zoom-in').click();
    await page.waitForFunction(
      () => {
        const tiles = [...(document.querySelector('civic-status-tracker')?.shadowRoot?.querySelectorAll<HTMLImageElement>('img.leaflet-tile') ?? [])];
        return tiles.length > 0 && tiles.every((tile) => tile.src.includes('/17/'));
      },
      undefined,
      { timeout: 15_000 },
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("finds it in the map's list view, next to the service list", async () => {
    const { page, problems } = await open('/map');
    await page.locator('civic-service-list li[data-service-code=SNOWPLOW]').waitFor({ timeout: 15_000 });
    await page.locator(`civic-request-map tr[data-request-id="${id}"]`).waitFor({ timeout: 15_000 });
    assert.match((await page.locator(`civic-request-map tr[data-request-id="${id}"]`).textContent()) ?? '', /Unplowed Street/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('with only civic-elements.all.js copied alone: a report with a typed address is sent; the list view works', async () => {
    const { page, problems } = await open('/solo');
    const typed = await report(page, 'type', `Typed address, one file (${Date.now()})`);
    const stored = (await (await fetch(`${backend.url}open311/v2/requests/${typed}.json`)).json()) as Array<{ address?: string }>;
    assert.equal(stored[0]!.address, '550 Main Street');
    await page.locator('civic-request-map tr[data-request-id]').first().waitFor({ timeout: 15_000 });
    // It loaded nothing but itself: the map chunk is not there, and nothing else was asked for.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    assert.deepEqual(scripts, [`${cmsOrigin}/solo/civic-elements.all.js`]);
    assert.deepEqual(problems.filter((p) => p.startsWith('csp:')), []);
    await page.close();
  });
});
