import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { demoPages, LANG_COOKIE } from '../../server/demo.js';
import { CSP } from '../../server/static.js';

const pagesDir = join(import.meta.dirname, '../../demo/pages');

function appOn(dir: string): Hono {
  const app = new Hono();
  app.get('/*', demoPages(dir));
  app.notFound((c) => c.text('passed on\n', 404));
  return app;
}

const navLabels = (html: string) =>
  [...html.matchAll(/<nav class="site-nav"[\s\S]*?<\/nav>/g)][0]![0].match(/<a [^>]*>([^<]*)<\/a>/g)!.map((a) => a.replace(/<[^>]+>/g, ''));

describe('demo layout: every page of demo/pages/ in one server-rendered layout', () => {
  const app = appOn(pagesDir);

  it('renders each page with the same header, navigation and footer, its own title and the strict CSP', async () => {
    // form-pages.ts makes one page per seeded form (checked below); every other file is one page.
    const files = readdirSync(pagesDir).filter((f) => f.endsWith('.ts') && f !== 'form-pages.ts');
    assert.ok(files.length >= 6);
    let firstNav: string[] | undefined;
    for (const file of files) {
      const path = file === 'index.ts' ? '/' : `/${file.replace(/\.ts$/, '.html')}`;
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-security-policy'), CSP);
      const html = await res.text();
      assert.match(html, /^<!doctype html>\n<html lang="en">/);
      assert.equal(html.match(/<header class="site-header">/g)?.length, 1, path);
      assert.equal(html.match(/<footer class="site-footer">/g)?.length, 1, path);
      assert.equal(html.match(/<h1>/g)?.length, 1, `${path} has one h1, from the page`);
      assert.match(html, /<script type="module" src="\/dist\/civic-elements.js"><\/script>/);
      const inNav = /\bnav: \d+/.test(readFileSync(join(pagesDir, file), 'utf8'));
      if (inNav) assert.match(html, new RegExp(`<a href="${path.replace('.', '\\.')}" aria-current="page">`), `${path} is marked current in the navigation`);
      firstNav ??= navLabels(html);
      assert.deepEqual(navLabels(html), firstNav, `${path} has the same navigation in the same order`);
    }
    assert.deepEqual(firstNav, ['Home', '311 services', 'Report a problem', 'Track a request', 'Problems map', 'Tell us where', '311 report card', 'Public records', 'Alerts', 'Forms', 'Sign up for updates']);
  });

  it('has a page per seeded form under the Forms page, in the same layout', async () => {
    const res = await app.request('/forms/property-tax-relief-elderly.html?lang=es');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Alivio del impuesto a la propiedad/);
    assert.match(html, /<li><a href="\/forms\.html">Formularios<\/a><\/li>/);
    assert.match(html, /<civic-form form="property-tax-relief-elderly"/);
    assert.ok(navLabels(html).includes('Formularios'));
  });

  it('answers /forms/{slug}.html for a form published later, and leaves other addresses alone', async () => {
    const res = await app.request('/forms/snow-shoveling-volunteers.html?lang=es');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<civic-form form="snow-shoveling-volunteers"/);
    assert.match(html, /<h1>Formulario de la ciudad<\/h1>/);
    assert.match(html, /<li><a href="\/forms\.html">Formularios<\/a><\/li><li aria-current="page">Formulario de la ciudad<\/li>/);
    // A seeded form keeps its own page; an address that is not a slug is not a page.
    assert.match(await (await app.request('/forms/property-tax-relief-elderly.html')).text(), /<h1>Elderly homeowner property tax relief<\/h1>/);
    for (const path of ['/forms/Snow.html', '/forms/a%22b.html', '/forms/a/b.html', '/forms/.html', '/forms/{slug}.html']) assert.equal(await (await app.request(path)).text(), 'passed on\n', path);
  });

  it('hands addresses that are not pages to the next handler and never serves the page sources', async () => {
    assert.equal(await (await app.request('/city.css')).text(), 'passed on\n');
    assert.equal((await app.request('/pages/report.ts')).status, 404);
    assert.notEqual(await (await app.request('/pages/report.ts')).text(), 'passed on\n');
  });

  it('?lang=es renders the page in Spanish and keeps the choice in a cookie that later pages follow', async () => {
    const res = await app.request('/report.html?service=POTHOLE&lang=es');
    const html = await res.text();
    assert.match(html, /<html lang="es">/);
    assert.equal(res.headers.get('content-language'), 'es');
    assert.match(html, /<h1>Reportar un problema<\/h1>/);
    assert.deepEqual(navLabels(html), ['Inicio', 'Servicios 311', 'Reportar un problema', 'Seguir una solicitud', 'Mapa de problemas', 'Díganos dónde', 'Balance del 311', 'Documentos públicos', 'Avisos', 'Formularios', 'Suscríbase a avisos']);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, new RegExp(`^${LANG_COOKIE}=es; Path=/;`));
    // The switch keeps the rest of the address.
    assert.match(html, /<a href="\/report\.html\?service=POTHOLE&amp;lang=en" lang="en" hreflang="en">English<\/a>/);

    const next = await app.request('/track.html', { headers: { Cookie: cookie.split(';')[0]! } });
    assert.match(await next.text(), /<html lang="es">/);
    assert.equal(next.headers.get('vary'), 'Cookie');
    const back = await app.request('/track.html?lang=en', { headers: { Cookie: cookie.split(';')[0]! } });
    assert.match(await back.text(), /<html lang="en">/);
    assert.match(back.headers.get('set-cookie') ?? '', new RegExp(`^${LANG_COOKIE}=en;`));
  });

  it('ignores a language it does not have, and escapes whatever the address carries', async () => {
    const res = await app.request('/track.html?lang=xx&request=%22%3E%3Cscript%3Ealert(1)%3C/script%3E', {
      headers: { Cookie: `${LANG_COOKIE}=<b>` },
    });
    const html = await res.text();
    assert.match(html, /<html lang="en">/);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /"><script/);
  });
});

describe('demo layout: a new page is one file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-demo-pages-'));
    cpSync(pagesDir, dir, { recursive: true });
    writeFileSync(
      join(dir, 'notices.ts'),
      `export default { path: '/notices.html', nav: 99, en: { label: 'Notices', main: '<h1>City notices</h1>' }, es: { label: 'Anuncios', main: '<h1>Anuncios de la ciudad</h1>' } };\n`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('appears at its address and in every page\'s navigation, in both languages', async () => {
    const app = appOn(dir);
    const page = await (await app.request('/notices.html')).text();
    assert.match(page, /<h1>City notices<\/h1>/);
    assert.match(page, /<li aria-current="page">Notices<\/li>/);
    const home = await (await app.request('/?lang=es')).text();
    assert.equal(navLabels(home).at(-1), 'Anuncios');
  });
});
