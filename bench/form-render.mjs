// `node --import tsx bench/form-render.mjs` (after `npm run build`): how long <civic-form> takes to
// load and draw a 50-page definition in Chromium, from the built dist/ on the demo site.
//  - load: the definition fetched (over loopback, answered by page.route), parsed, validated with
//    the shared rules, walked, and its first page drawn;
//  - check answers: the same definition with all 50 pages answered (a "save and return" link),
//    drawn straight on check your answers (100 rows);
// each at full speed and with the CPU 4× slower (a mid-range phone), median of BENCH_RUNS (5).
// Figures, not a test. Env: CHROME_PATH, BENCH_RUNS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startServer } from '../server/app.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = 50;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const t = (en) => ({ en, es: `${en} (es)` });

/** A 50-page form: a text and a 4-choice question per page, a route every tenth page, one exit page. */
function bigDefinition() {
  const pages = Array.from({ length: PAGES }, (_, i) => ({
    id: `p${i}`,
    heading: t(`Page ${i + 1} of ${PAGES}`),
    guidance: t(`Some **guidance** for page ${i + 1}, with [a link](/services.html).\n\n- one point\n- another point`),
    questions: [
      { id: `q${i}_text`, type: 'text', required: true, label: t(`Answer ${i + 1}`), hint: t('A short answer') },
      { id: `q${i}_pick`, type: 'selection', required: true, label: t(`Choice ${i + 1}`), options: ['a', 'b', 'c', 'd'].map((v) => ({ value: v, label: t(`Option ${v}`) })) },
    ],
    ...(i % 10 === 9 && i < PAGES - 1 ? { routes: [{ when: { question: `q${i}_pick`, any_of: ['d'] }, goto: 'exit-d' }] } : {}),
  }));
  return {
    slug: 'bench-50',
    version: 1,
    category: 'permits',
    languages: ['en', 'es'],
    name: t('A fifty-page form'),
    start_page: 'p0',
    pages,
    exit_pages: [{ id: 'exit-d', heading: t('You cannot go on'), body: t('Because you chose d.') }],
    declaration: t('I confirm.'),
    what_happens_next: t('We will write to you.'),
  };
}

/** A "save and return" fragment with every page answered, standing on check your answers. */
function answeredFragment() {
  const values = {};
  for (let i = 0; i < PAGES; i++) {
    values[`q-q${i}_text`] = `answer ${i}`;
    values[`q-q${i}_pick`] = 'a';
  }
  const data = deflateRawSync(Buffer.from(JSON.stringify({ s: 'check-answers', v: values, e: {}, n: 1 }))).toString('base64url');
  return `#civic-form=bench-50.${data}`;
}

const definition = JSON.stringify(bigDefinition());
const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-form-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, serveDemo: true });
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

/** Ms from adding `<civic-form form="bench-50">` until its heading reads `want`. */
async function measure(page, want) {
  return page.evaluate(async (w) => {
    document.querySelector('civic-form')?.remove();
    const el = document.createElement('civic-form');
    el.setAttribute('form', 'bench-50');
    el.setAttribute('draft-key', `bench-${Math.random()}`);
    const start = performance.now();
    document.querySelector('civic-hall').append(el);
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r));
      if (el.shadowRoot?.querySelector('#step-title')?.textContent?.trim() === w) return performance.now() - start;
      if (performance.now() - start > 60_000) throw new Error(`never saw "${w}": ${el.shadowRoot?.textContent}`);
    }
  }, want);
}

const results = {};
try {
  for (const cpu of [1, 4]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/forms/v1/forms/bench-50.json', (route) => route.fulfill({ contentType: 'application/json', body: definition }));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.goto(`${server.url}forms/contact-the-mayor.html`);
    await page.waitForFunction(() => customElements.get('civic-form'));
    const load = [];
    const review = [];
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => history.replaceState(null, '', location.pathname));
      load.push(await measure(page, 'Page 1 of 50'));
      await page.evaluate((hash) => history.replaceState(null, '', location.pathname + hash), answeredFragment());
      review.push(await measure(page, 'Check your answers before sending'));
    }
    results[cpu] = { load: median(load), review: median(review) };
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const kb = (Buffer.byteLength(definition) / 1000).toFixed(1);
console.log(`<civic-form>, a ${PAGES}-page definition (${kb} kB JSON, 100 questions), median of ${runs}:`);
for (const [cpu, r] of Object.entries(results)) {
  console.log(`  CPU ${cpu}×: fetched, validated and first page drawn ${r.load.toFixed(0)} ms; check your answers (100 rows) drawn ${r.review.toFixed(0)} ms`);
}
