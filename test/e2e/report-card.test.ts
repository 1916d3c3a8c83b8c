import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { startDemo, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});

describe('demo report card page: <civic-report-card> against the reference backend', () => {
  it('shows the statistics extension\'s figures, sorts by keyboard, downloads the CSV, with no console error or CSP violation', async () => {
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/report-card.html`);
    const card = page.locator('civic-report-card');
    await card.locator('tbody tr').first().waitFor();
    const truth = (await (await fetch(`${site.url}/open311/v2/statistics.json?window_days=90`)).json()) as {
      all: { received: number };
      categories: unknown[];
    };
    assert.equal(await card.locator('tbody tr').count(), truth.categories.length);
    assert.equal((await card.locator('tfoot td').first().textContent())?.trim(), String(truth.all.received));

    // Real key presses: focus the "Received" sort button and press Enter, then Space.
    const received = card.locator('button[data-column=received]');
    await received.focus();
    await page.keyboard.press('Enter');
    assert.equal(await card.locator('th:has(button[data-column=received])').getAttribute('aria-sort'), 'descending');
    await page.keyboard.press('Space');
    assert.equal(await card.locator('th:has(button[data-column=received])').getAttribute('aria-sort'), 'ascending');

    // The period selector by keyboard.
    await card.locator('select#window').focus();
    await page.keyboard.press('ArrowDown');
    await card.locator('caption', { hasText: 'last 12 months' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('[part=csv-link]').click()]);
    assert.equal(download.suggestedFilename(), 'report-card-365-days.csv');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('passes axe (WCAG 2.1 A/AA) with the figures and the method shown', async () => {
    const page = await site.newPage();
    await page.goto(`${site.url}/report-card.html`);
    const card = page.locator('civic-report-card');
    await card.locator('tbody tr').first().waitFor();
    await card.locator('details summary').click();
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await page.close();
  });
});
