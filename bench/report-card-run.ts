// `npm run bench:report-card`: time to render <civic-report-card> in headless Chromium against the
// reference backend on PostgreSQL: 10,000 requests computed in the browser from GET requests
// (paged, with notes), and 1,000,000 requests through the `statistics` extension (one SQL query).
// Rows are made with generate_series in a throwaway schema, dropped at the end.
// Env: BENCH_DATABASE_URL or TEST_DATABASE_URL (eval "$(bash scripts/pg-test-server.sh)"),
// BENCH_BROWSER_SIZE (default 10000), BENCH_SQL_SIZE (default 1000000; 0 skips it), BENCH_RUNS (default 3), CHROME_PATH.
import { build } from 'vite';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startServer, type RunningServer } from '../server/app.js';

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!url) throw new Error('Set BENCH_DATABASE_URL or TEST_DATABASE_URL (eval "$(bash scripts/pg-test-server.sh)")');
const browserSize = Number(process.env.BENCH_BROWSER_SIZE ?? 10_000);
const sqlSize = Number(process.env.BENCH_SQL_SIZE ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const root = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A seeded reference backend in its own schema, with `extra` synthetic requests (and their notes) added. */
async function backendWith(schema: string, extra: number): Promise<RunningServer> {
  await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const u = new URL(url!);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: u.toString(), serveDemo: false, corsOrigins: '*' });
  const db = server.database;
  const t0 = performance.now();
  await db.query('SELECT setseed(0.311)');
  // Over the past year; 80% closed within 0–20 days; expected 7 days after; notes opened/assigned/closed.
  await db.query(
    `WITH s AS (SELECT array_agg(service_code ORDER BY service_code) AS codes FROM services),
     g AS (SELECT i, now() - random() * interval '365 days' AS req, random() AS r1, random() AS r2 FROM generate_series(1, $1::int) i)
     INSERT INTO requests (id, service_code, status, requested_at, updated_at, expected_at, available_at, lat, lon, description)
     SELECT 200000 + i, codes[1 + i % cardinality(codes)], CASE WHEN r1 < 0.8 THEN 'closed' ELSE 'open' END,
       req, CASE WHEN r1 < 0.8 THEN least(now(), req + r2 * interval '20 days') ELSE req END,
       req + interval '7 days', req, 41.70 + r2 * 0.1, -72.70 + r1 * 0.1, 'Synthetic request'
     FROM g, s`,
    [extra],
  );
  await db.query(
    `INSERT INTO request_notes (request_id, datetime, type, summary)
     SELECT id, requested_at, 'opened', 'Request received' FROM requests WHERE id > 200000
     UNION ALL
     SELECT id, least(updated_at, requested_at + interval '1 hour' * (1 + id % 30)), 'assigned', 'Assigned'
       FROM requests WHERE id > 200000 AND (status = 'closed' OR id % 2 = 0)
     UNION ALL
     SELECT id, updated_at, 'closed', 'Closed' FROM requests WHERE id > 200000 AND status = 'closed'`,
  );
  await db.query('ANALYZE');
  console.error(`${schema}: ${extra.toLocaleString('en')} requests added in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return server;
}

const out = mkdtempSync(join(tmpdir(), 'civic-bench-rc-'));
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  base: './',
  esbuild: { target: 'es2022', tsconfigRaw: readFileSync(resolve(root, 'tsconfig.json'), 'utf8') },
  build: { outDir: out, emptyOutDir: true, target: 'es2022', minify: true, rolldownOptions: { input: resolve(root, 'bench/report-card.html') } },
});
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
const pageServer = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(out, path);
  if (!file.startsWith(out) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((r) => pageServer.listen(0, '127.0.0.1', r));
const pageUrl = `http://127.0.0.1:${(pageServer.address() as { port: number }).port}/bench/report-card.html`;

const small = `civic_bench_rc_small_${process.pid}`;
const large = `civic_bench_rc_large_${process.pid}`;
const servers: RunningServer[] = [];
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
const rows: Array<Record<string, string | number>> = [];
try {
  async function measure(label: string, server: RunningServer, useStatistics: boolean, memory = 0) {
    const times: number[] = [];
    let result = { ms: 0, received: 0, source: '' };
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error('page error:', e.message));
      await page.goto(pageUrl);
      await page.waitForFunction(() => 'reportCardBench' in window);
      result = await page.evaluate(
        ([endpoint, stats, n]) =>
          (window as unknown as { reportCardBench: { render(e: string, w: number, s: boolean, n: number): Promise<typeof result> } }).reportCardBench.render(endpoint, 365, stats, n),
        [`${server.url}open311/v2`, useStatistics, memory] as [string, boolean, number],
      );
      times.push(result.ms);
      await page.close();
    }
    rows.push({
      case: label,
      'requests in window': result.received.toLocaleString('en'),
      source: result.source,
      'time to render (median)': `${Math.round(median(times))} ms`,
      runs: times.map((t) => Math.round(t)).join(', '),
    });
  }

  const smallServer = await backendWith(small, browserSize - 420);
  servers.push(smallServer);
  await measure(`${browserSize.toLocaleString('en')} computed in the browser (GET requests, 1000 a page)`, smallServer, false);
  await measure(`${browserSize.toLocaleString('en')} computed in the browser, held in the page (no network)`, smallServer, false, browserSize);
  await measure(`${browserSize.toLocaleString('en')} through the statistics extension`, smallServer, true);

  if (sqlSize > 0) {
    const largeServer = await backendWith(large, sqlSize - 420);
    servers.push(largeServer);
    await measure(`${sqlSize.toLocaleString('en')} through the statistics extension`, largeServer, true);
    const t0 = performance.now();
    const res = await fetch(`${largeServer.url}open311/v2/statistics.json?window_days=365`);
    await res.text();
    rows.push({ case: `${sqlSize.toLocaleString('en')}: GET statistics.json alone (one query)`, 'requests in window': '', source: 'statistics', 'time to render (median)': `${Math.round(performance.now() - t0)} ms`, runs: '1' });
  }
} finally {
  await browser.close();
  pageServer.close();
  for (const s of servers) await s.close();
  await admin(`DROP SCHEMA IF EXISTS ${small} CASCADE; DROP SCHEMA IF EXISTS ${large} CASCADE`);
  rmSync(out, { recursive: true, force: true });
}
console.log(`\n<civic-report-card> benchmark, 365-day window, PostgreSQL, headless Chromium (${chromiumPath}), ${runs} runs each, load average ${loadavg()[0]!.toFixed(1)}`);
console.table(rows);
