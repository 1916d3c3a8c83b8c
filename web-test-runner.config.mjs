// Browser tests: real Chromium (Debian's, or CHROME_PATH), against the real reference backend
// started here over HTTP on its own port, so every cross-origin call also exercises CORS.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countingReporter } from './scripts/wtr-counting-reporter.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { defaultReporter } from '@web/test-runner';

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

const port = Number(process.env.WTR_PORT) || (await freePort());
const origin = `http://127.0.0.1:${port}`;
let backendUrl = process.env.CIVIC_TEST_BACKEND ?? '';
let backend;
let dataDir;

/** Starts `server/main.ts` on a free port with a throwaway data directory. */
function startBackend() {
  dataDir = mkdtempSync(join(tmpdir(), 'civic-wtr-'));
  backend = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CORS_ORIGINS: origin, DATABASE_URL: '', SERVE_DEMO: '0', STAFF_TOKEN: 'wtr-staff-token' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`backend did not start in 60 s:\n${out}`)), 60_000);
    backend.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /(https?:\/\/[^\s/]+)\/?/.exec(out);
      if (m && !backendUrl) {
        backendUrl = m[1];
        clearTimeout(timer);
        resolve();
      }
    });
    backend.on('exit', (code) => {
      clearTimeout(timer);
      if (!backendUrl) reject(new Error(`backend exited with ${code}:\n${out}`));
    });
  });
}

/** web-test-runner cannot read Vite's `?inline` / `?url` imports; answer them as plain modules. */
const viteQueryImports = {
  name: 'vite-query-imports',
  serve(context) {
    const query = context.URL.searchParams;
    if (!query.has('inline') && !query.has('url')) return undefined;
    const file = join(process.cwd(), decodeURIComponent(context.path));
    const body = query.has('inline') ? readFileSync(file, 'utf8') : context.path;
    return { body: `export default ${JSON.stringify(body)};`, type: 'js' };
  },
};

const backendPlugin = {
  name: 'civic-reference-backend',
  async serverStart() {
    if (!backendUrl) await startBackend();
  },
  async serverStop() {
    backend?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
};

export default {
  files: ['test/{api,core,components}/**/*.test.ts'],
  nodeResolve: true,
  hostname: '127.0.0.1',
  port,
  // One file at a time: background tabs get no animation frames, and fixture() waits for one.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, headless: true, args: ['--headless', ...chromiumArgs] },
    }),
  ],
  plugins: [
    backendPlugin,
    viteQueryImports,
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>civic-elements test</title></head>
  <body>
    <script>window.CIVIC_TEST_BACKEND = ${JSON.stringify(backendUrl)};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), countingReporter(process.env.WTR_COUNTS_FILE)],
};
