// Emergency mode end to end, in Chromium against the built demo: staff start an emergency on the
// demo's staff page, the banner appears on every demo page and the report form offers the storm
// categories first; staff end it and everything is back to normal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startDemo, stubMapTiles, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

const TOKEN = 'e2e-staff-token';
const PAGES = ['/', '/services.html', '/report.html', '/track.html', '/map.html', '/location.html', '/report-card.html', '/records.html', '/city-alerts.html', '/staff.html'];
const HEADLINE = 'Emergency: Tropical Storm Elsa';

let site: DemoSite;
before(async () => {
  site = await startDemo({ staffToken: TOKEN });
});
after(async () => {
  await site?.close();
});

const banner = (page: Page) => page.locator('civic-alert-banner [part~="alert"]');

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The report form's category groups, in order, once the list is shown. */
async function reportGroups(page: Page): Promise<string[]> {
  await page.goto(`${site.url}/report.html`);
  await page.locator('civic-service-request [data-service-code]').first().waitFor();
  return page.locator('civic-service-request .group-title').allTextContents();
}

describe('emergency mode, from the staff page to every page and back', () => {
  let normalGroups: string[];

  it('before: no banner on any page, the everyday categories on the report form', async () => {
    const page = await site.newPage();
    await stubMapTiles(page);
    for (const path of PAGES) {
      await page.goto(`${site.url}${path}`);
      await page.waitForLoadState('networkidle');
      assert.equal(await banner(page).count(), 0, path);
    }
    normalGroups = await reportGroups(page);
    assert.ok(!normalGroups.includes('Tropical Storm Elsa'));
    await page.close();
  });

  it('the staff page refuses a wrong token, and says so', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/staff.html`);
    await page.getByLabel('Staff token').fill('wrong');
    await page.getByLabel('Name of the emergency').fill('Tropical Storm Elsa');
    await page.getByRole('button', { name: 'Start emergency' }).click();
    await page.getByText('Error: authorization: This staff token is not valid.').waitFor();
    assert.equal(await banner(page).count(), 0);
    await page.close();
  });

  it('staff start it with the keyboard on the staff page; the banner shows at once, announced', async () => {
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/staff.html`);
    await page.getByText('No emergency is in force.').waitFor();
    await page.getByLabel('Staff token').fill(TOKEN);
    await page.getByLabel('Name of the emergency').fill('Tropical Storm Elsa');
    await page.getByLabel('Ends in (hours)').fill('2');
    await page.getByRole('button', { name: 'Start emergency' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Emergency started: Tropical Storm Elsa.').waitFor();
    await page.getByText(/^In force: Tropical Storm Elsa/).waitFor();
    await banner(page).first().waitFor();
    assert.equal(await page.locator('civic-alert-banner [part="headline"]').first().textContent(), HEADLINE);
    // It arrived during the visit: said politely, never as role=alert.
    await page.locator('civic-alert-banner [role="status"]', { hasText: `New alert: ${HEADLINE}` }).waitFor();
    assert.equal(await page.locator('civic-alert-banner [role="alert"]').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('the banner is on every demo page, cannot be hidden, and passes axe', async () => {
    const page = await site.newPage();
    await stubMapTiles(page);
    const problems = await watchProblems(page);
    for (const path of PAGES) {
      await page.goto(`${site.url}${path}`);
      await banner(page).first().waitFor();
      assert.equal(await page.locator('civic-alert-banner [part="headline"]').first().textContent(), HEADLINE, path);
      assert.equal(await page.locator('civic-alert-banner [part="dismiss-button"]').count(), 0, path);
      assert.equal(await page.getByRole('region', { name: /^Alert/ }).count(), 1, path);
      // Loaded with the page: not announced.
      assert.equal(await page.locator('civic-alert-banner [role="status"]').textContent(), '', path);
      assert.deepEqual(await axe(page), [], path);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('in Spanish the banner reads the alert’s Spanish block', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/`);
    await banner(page).first().waitFor();
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
    await page.locator('civic-alert-banner [part="headline"]', { hasText: 'Emergencia: Tropical Storm Elsa' }).waitFor();
    await page.close();
  });

  it('the report form shows the emergency and offers the storm categories first', async () => {
    const page = await site.newPage();
    const groups = await reportGroups(page);
    assert.equal(groups[0], 'Tropical Storm Elsa');
    await page.locator('civic-service-request [part="emergency-mode"]', { hasText: HEADLINE }).waitFor();
    const storm = await page.locator('civic-service-request .group').first().locator('[data-service-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-service-code')));
    assert.deepEqual([...storm].sort(), ['STORM_DEBRIS', 'STORM_FLOOD', 'STORM_POWERLINE', 'STORM_TREE']);
    await page.locator('civic-service-request label', { hasText: 'Power line down: call the utility and 911' }).waitFor();
    assert.deepEqual(await axe(page), []);
    await page.close();
  });

  it('staff end it; the banner and the storm categories are gone everywhere', async () => {
    const page = await site.newPage();
    await stubMapTiles(page);
    await page.goto(`${site.url}/staff.html`);
    await banner(page).first().waitFor();
    await page.getByLabel('Staff token').fill(TOKEN);
    await page.getByRole('button', { name: 'End emergency' }).click();
    await page.getByText('Emergency ended: Tropical Storm Elsa.').waitFor();
    await page.getByText('No emergency is in force.').waitFor();
    await banner(page).first().waitFor({ state: 'detached' });
    for (const path of PAGES) {
      await page.goto(`${site.url}${path}`);
      await page.waitForLoadState('networkidle');
      assert.equal(await banner(page).count(), 0, path);
    }
    assert.deepEqual(await reportGroups(page), normalGroups);
    assert.equal(await page.locator('civic-service-request [part="emergency-mode"]').count(), 0);
    await page.close();
  });
});
