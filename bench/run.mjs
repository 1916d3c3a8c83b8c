// `npm run bench`: <civic-request-map> with 10,000 and 100,000 synthetic requests in headless
// Chromium, next to one plain Leaflet marker per request on the same map. Prints time to first
// clustered render, time to re-cluster after a zoom, and JS heap, for both, side by side.
// The clustered map runs BENCH_RUNS times (fresh page each; medians shown): a shared machine is noisy.
// Env: CHROME_PATH (browser), BENCH_SIZES (default "10000,100000"), PLAIN_LIMIT_S (default 30),
// BENCH_RUNS (default 3).
import { build } from 'vite';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const plainLimitS = Number(process.env.PLAIN_LIMIT_S ?? 30);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const out = mkdtempSync(join(tmpdir(), 'civic-bench-'));
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  base: './',
  esbuild: { target: 'es2022', tsconfigRaw: readFileSync(resolve(root, 'tsconfig.json'), 'utf8') },
  build: { outDir: out, emptyOutDir: true, target: 'es2022', minify: true, rolldownOptions: { input: resolve(root, 'bench/index.html') } },
});

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(out, path);
  if (!file.startsWith(out) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/bench/index.html`;

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

/** A fresh page with the bench loaded; `heap()` collects garbage and reads the used JS heap (bytes). */
async function freshPage() {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort()); // never the internet
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  };
  return { page, heap };
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const ms = (x) => (x === null ? null : Math.round(x));
const rows = [];
const clusteredBySize = new Map();
try {
  // All clustered runs first: a plain-marker page leaves the browser busy for a while after it closes.
  for (const n of sizes) {
    const first = [];
    const reclusters = [];
    const heaps = [];
    let clustered;
    for (let i = 0; i < runs; i++) {
      const c = await freshPage();
      const before = await c.heap();
      clustered = await c.page.evaluate((n) => window.bench.clustered(n), n);
      heaps.push((await c.heap()) - before);
      first.push(clustered.firstRenderMs);
      reclusters.push(...clustered.reclusterMs);
      await c.page.close();
    }
    clusteredBySize.set(n, { first, reclusters, heap: median(heaps), markersShown: clustered.markersShown, firstRenderMs: median(first) });
  }
  for (const n of sizes) {
    const clustered = clusteredBySize.get(n);
    const p = await freshPage();
    const pBefore = await p.heap();
    const plain = await p.page.evaluate(([n, limit]) => window.bench.plain(n, limit), [n, plainLimitS * 1000]);
    const plainHeap = (await p.heap()) - pBefore;
    await p.page.close();

    const recluster = [...clustered.reclusters].sort((a, b) => a - b);
    rows.push({
      requests: n,
      'clustered first render (median)': `${ms(clustered.firstRenderMs)} ms (runs: ${clustered.first.map(ms).join(', ')})`,
      're-cluster after zoom (median, max)': `${ms(recluster[Math.floor(recluster.length / 2)])} ms, ${ms(recluster.at(-1))} ms`,
      'clustered heap': mb(clustered.heap),
      'markers drawn': clustered.markersShown,
      'plain first render': plain.firstRenderMs === null ? `> ${plainLimitS} s (${plain.added} added)` : `${ms(plain.firstRenderMs)} ms`,
      'plain zoom': plain.zoomMs === null ? '—' : `${ms(plain.zoomMs)} ms`,
      'plain heap': `${mb(plainHeap)}${plain.firstRenderMs === null ? ' (partial)' : ''}`,
      'speed-up (first render)':
        plain.firstRenderMs === null ? `> ${((plainLimitS * 1000) / clustered.firstRenderMs).toFixed(0)}×` : `${(plain.firstRenderMs / clustered.firstRenderMs).toFixed(1)}×`,
    });
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

console.log(`\n<civic-request-map> benchmark, headless Chromium (${chromiumPath}), map 1024×448 px, ${runs} clustered runs per size, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.table(rows);
console.log('Targets: 100,000 first render ≤ 1 s, re-cluster ≤ 100 ms, ≥ 10× faster than plain markers.');
