import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { startDemo, stubMapTiles, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});


async function servicesFromBackend(): Promise<Array<{ service_name: string; group?: string }>> {
  const res = await fetch(`${site.url}/open311/v2/services.json`);
  return (await res.json()) as Array<{ service_name: string; group?: string }>;
}

describe('demo home page', () => {
  it('is reachable by keyboard alone: Tab to "311 services" and Enter opens the services page', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/`);
    let focused = '';
    for (let i = 0; i < 15 && focused !== '311 services'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    assert.equal(focused, '311 services');
    await Promise.all([page.waitForURL('**/services.html'), page.keyboard.press('Enter')]);
    await page.close();
  });
});

describe('demo layout: the header\'s English / Español switch', () => {
  it('changes <html lang> and the widgets with it, is kept on the next pages, and switches back', async () => {
    const page = await site.newPage();
    await stubMapTiles(page);
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/services.html`);
    const heading = page.locator('civic-service-list h2');
    assert.equal(await heading.textContent(), 'What you can report');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
    await page.waitForURL('**/services.html?lang=es');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    assert.equal((await heading.textContent())?.trim(), 'Lo que puede reportar');
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);

    // The choice follows the resident through ordinary links, the widgets' own included.
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Seguir una solicitud' }).click();
    await page.waitForURL('**/track.html');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
    await page.goto(`${site.url}/map.html`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');

    await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/map.html?lang=en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.goto(`${site.url}/services.html`);
    assert.equal(await heading.textContent(), 'What you can report');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('demo services page: <civic-hall> + <civic-service-list> against the reference backend', () => {
  it('lists every service the backend offers, grouped, with no console error or CSP violation', async () => {
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/services.html`);
    const services = await servicesFromBackend();
    assert.ok(services.length >= 10, 'the seeded city offers its services');
    const items = page.locator('civic-service-list li[data-service-code]');
    await items.first().waitFor();
    assert.equal(await items.count(), services.length);
    for (const s of services.slice(0, 5)) {
      await page.getByText(s.service_name, { exact: true }).first().waitFor();
    }
    const groups = new Set(services.map((s) => s.group).filter(Boolean));
    assert.equal(await page.locator('civic-service-list h3').count(), groups.size);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('passes axe (WCAG 2.1 A/AA) with the list shown, shadow DOM included', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/services.html`);
    await page.locator('civic-service-list li[data-service-code]').first().waitFor();
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await page.close();
  });

  it('switches to Spanish when the page language changes, without reloading', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/services.html`);
    await page.locator('civic-service-list li[data-service-code]').first().waitFor();
    const heading = page.locator('civic-service-list h2');
    assert.equal(await heading.textContent(), 'What you can report');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
    await page.waitForFunction(
      () => document.querySelector('civic-service-list')?.shadowRoot?.querySelector('h2')?.textContent !== 'What you can report',
    );
    assert.equal((await heading.textContent())?.trim(), 'Lo que puede reportar');
    await page.close();
  });

  it('when the network fails, says so with a retry that keeps working once it is back', async () => {
    const page = await site.newPage();
    await page.route('**/open311/v2/services.json*', (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.url}/services.html`);
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.waitFor();
    assert.match((await page.locator('civic-service-list [role=alert]').textContent()) ?? '', /couldn.t reach/i);
    const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => v.id), []);
    await page.unroute('**/open311/v2/services.json*');
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.locator('civic-service-list li[data-service-code]').first().waitFor();
    await page.close();
  });
});
