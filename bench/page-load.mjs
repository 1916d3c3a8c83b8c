// `npm run bench` (second part): the demo's report page on a slow phone, as Chromium's DevTools
// protocol emulates one (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower), served
// by the reference backend on loopback from the built dist/. Measures, cold (empty cache) and warm
// (the same browser again), the time from navigation until the first step can be used (the
// category choices are rendered), and the bytes moved over the network. Figures, not a test.
// Run with tsx (it starts the backend in-process): `node --import tsx bench/page-load.mjs`.
// Env: CHROME_PATH, BENCH_RUNS (default 3).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startServer } from '../server/app.ts';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const PHONE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const CPU_SLOWDOWN = 4;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dataDir = mkdtempSync(join(tmpdir(), 'civic-bench-load-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, serveDemo: true });
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

/** One visit in `page`: ms until the first step is interactive, and bytes received. */
async function visit(page, cdp) {
  let bytes = 0;
  const finished = (event) => (bytes += event.encodedDataLength);
  cdp.on('Network.loadingFinished', finished);
  await page.goto(`${server.url}report.html`, { waitUntil: 'commit' });
  // Measured in the page, from its navigation start: the first category choice exists and is enabled.
  const ms = await page.waitForFunction(
    () => {
      const input = document.querySelector('civic-service-request')?.shadowRoot?.querySelector('input[type=radio]');
      return input && !input.disabled ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const elapsed = await ms.jsonValue();
  // Let the rest of the page's requests (revalidations, later steps) finish before counting.
  await page.waitForLoadState('networkidle');
  cdp.off('Network.loadingFinished', finished);
  return { ms: elapsed, bytes };
}

const cold = [];
const warm = [];
try {
  for (let i = 0; i < runs; i++) {
    // A fresh context: empty HTTP cache and storage, as a first visit.
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PHONE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    cold.push(await visit(page, cdp));
    warm.push(await visit(page, cdp));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const row = (visits) => ({
  'first step interactive (median)': `${Math.round(median(visits.map((v) => v.ms)))} ms (runs: ${visits.map((v) => Math.round(v.ms)).join(', ')})`,
  'bytes moved (median)': `${(median(visits.map((v) => v.bytes)) / 1000).toFixed(1)} kB`,
});
console.log(
  `\nDemo report page on a slow phone (CDP: ${PHONE.latency} ms RTT, 1.6 Mbit/s down, CPU ${CPU_SLOWDOWN}× slower), ${runs} runs, load average ${loadavg()[0].toFixed(1)}`,
);
console.table({ cold: row(cold), warm: row(warm) });
console.log('Goal: first step interactive ≤ 1.2 s cold, ≤ 0.6 s warm.');
