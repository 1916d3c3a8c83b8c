// The built Storybook: a docs page per element, generated from custom-elements.json, whose
// attribute controls reach the rendered widget.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

const repo = join(import.meta.dirname, '../..');
let out: string;
let server: Server;
let base: string;
let browser: Browser;

interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string }>;
}
const manifest = () =>
  (JSON.parse(readFileSync(join(repo, 'custom-elements.json'), 'utf8')) as { modules: Array<{ declarations?: Declaration[] }> }).modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName);

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'civic-storybook-'));
  execFileSync('npm', ['run', 'build-storybook', '--', '-o', out, '--quiet'], { cwd: repo, stdio: 'ignore' });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = readFileSync(join(out, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(out, { recursive: true, force: true });
});

describe('Storybook built from custom-elements.json', () => {
  it('has a docs page for every element of the manifest', () => {
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, { type: string; title: string }> };
    const docs = Object.values(index.entries).filter((e) => e.type === 'docs').map((e) => e.title.split('/').pop());
    for (const { tagName } of manifest()) assert.ok(docs.includes(tagName), `docs page for ${tagName}`);
  });

  it('each docs page lists the element\'s attributes with a control, and its description', async () => {
    const page = await browser.newPage();
    for (const { tagName, attributes = [] } of manifest()) {
      const id = `${tagName === 'civic-hall' ? 'core' : 'widgets'}-${tagName}--docs`;
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=docs`);
      const table = page.locator('.docblock-argstable').first();
      await table.waitFor({ timeout: 30_000 });
      assert.doesNotMatch((await table.textContent()) ?? '', /This story has no controls/i, tagName);
      for (const { name } of attributes) {
        const row = table.locator('tr', { has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) }).first();
        assert.equal(await row.count(), 1, `${tagName}: a row for ${name}`);
        // A text field, switch, select or number box; or, for an unset value, its "Set …" button.
        assert.ok((await row.locator('td:last-child').locator('input, select, textarea, button').count()) > 0, `${tagName}: a control for ${name}`);
      }
    }
    await page.close();
  });

  it('a control sets the attribute on the rendered widget (heading-level 3 gives an h3 title)', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/iframe.html?id=widgets-civic-service-list--loaded&viewMode=story`);
    const list = page.locator('civic-service-list');
    await list.locator('h2.title').waitFor({ timeout: 30_000 });
    assert.equal(await list.getAttribute('heading-level'), null, 'untouched controls leave the story as written');
    // What the Controls panel sends when the reader changes a value.
    await page.evaluate(() =>
      (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(event: string, data: unknown): void } }).__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', {
        storyId: 'widgets-civic-service-list--loaded',
        updatedArgs: { 'heading-level': 3 },
      }),
    );
    await list.locator('h3.title').waitFor({ timeout: 30_000 });
    assert.equal(await list.getAttribute('heading-level'), '3');
    await page.close();
  });
});
