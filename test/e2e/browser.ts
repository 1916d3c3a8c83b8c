// Shared set-up for end-to-end tests: the reference backend in-process (serving the built demo)
// on a throwaway embedded database, and Debian's Chromium driven by playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer, type ServerOptions } from '../../server/app.js';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export interface DemoSite {
  url: string;
  browser: Browser;
  /** The backend in this process (its database, its notify worker), for tests that play the city's side. */
  server: RunningServer;
  /** A page in its own browser context (axe needs one; contexts keep tests' storage apart). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `options` adds server settings, e.g. `{ staffToken }` for the staff API. */
export async function startDemo(options: ServerOptions = {}): Promise<DemoSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const server = await startServer({ ...options, port: 0, host: '127.0.0.1', dataDir, serveDemo: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  return {
    url: server.url.replace(/\/$/, ''),
    browser,
    server,
    async newPage() {
      const context = await browser.newContext();
      const page = await context.newPage();
      // The browser may already be gone when a test's page closes at the end of a run.
      page.on('close', () => context.close().catch(() => {}));
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, page errors and CSP violations so a test can assert there were none. */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  await page.exposeFunction('__reportCsp', (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

/** The WCAG 2.1 A and AA rules axe checks on every demo page. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Asserts axe finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function axeClean(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

/**
 * Files a snow-plow report on the demo's backend over Open311 (as another resident would) and
 * returns its id; `fields` adds to or replaces the report's fields.
 */
export async function fileRequest(site: Pick<DemoSite, 'url'>, fields: Record<string, string> = {}): Promise<string> {
  const body = new URLSearchParams({
    jurisdiction_id: 'hartford.ct.us',
    service_code: 'SNOWPLOW',
    lat: '41.7637',
    long: '-72.6851',
    description: 'Our street has not been plowed since the storm.',
    ...fields,
  });
  const res = await fetch(`${site.url}/open311/v2/requests.json`, { method: 'POST', body });
  assert.equal(res.status, 200);
  const [answer] = (await res.json()) as Array<{ service_request_id?: string }>;
  assert.ok(answer?.service_request_id, 'a realtime service answers with an id');
  return answer.service_request_id;
}

/** No internet here: OpenStreetMap tiles are answered with a 1×1 PNG (the one thing stubbed). */
const TILE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');
export async function stubMapTiles(page: Page): Promise<void> {
  // A tile asked for while the page closes cannot be answered any more; that is not a failure.
  await page.route('https://tile.openstreetmap.org/**', (route) => route.fulfill({ contentType: 'image/png', body: TILE_PNG }).catch(() => {}));
}

/** What has focus, through shadow roots: what a keyboard user is on. */
export interface Focused {
  id: string;
  tag: string;
  type: string;
  text: string;
}

/** The element that has focus, through shadow roots. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const e = el as HTMLInputElement | null;
    return { id: e?.id ?? '', tag: e?.tagName.toLowerCase() ?? '', type: e?.type ?? '', text: e?.textContent?.trim() ?? '' };
  });
}

/** Presses Tab until focus is on what `wanted` accepts (at most 40 presses). */
export async function tabTo(page: Page, what: string, wanted: (f: Focused) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await focused(page))}`);
}

export const byId = (id: string) => (f: Focused) => f.id === id;
export const button = (label: string) => (f: Focused) => f.tag === 'button' && f.text === label;
