// `npm test`: the whole suite — server tests (node:test, PGlite and, when TEST_DATABASE_URL is
// set, PostgreSQL), browser tests (web-test-runner in Chromium against the reference backend),
// and end-to-end tests (Playwright driving the demo in Chromium) — then one summary line.
// The server suite runs beside the browser suite (one is Node and a database, the other
// Chromium); each suite's output is kept whole and printed when it ends, so it reads in order.
// End-to-end files then run two at a time (each starts its own demo on a free port).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'civic-test-'));
const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

/** Runs a command; with `buffered`, its output is held and written out whole when it exits. */
function run(cmd, args, env = {}, buffered = false) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    const out = [];
    if (buffered) {
      child.stdout.on('data', (chunk) => out.push(chunk));
      child.stderr.on('data', (chunk) => out.push(chunk));
    }
    child.on('exit', (code, signal) => {
      if (buffered) process.stdout.write(Buffer.concat(out));
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Files of one node:test suite at a time; e2e files start their own demo each, so two can run. */
const concurrency = { server: 1, e2e: Math.min(2, availableParallelism()) };

const testFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => join(dir, f))
    : [];

/** Reads the closing counts node's TAP reporter writes (`# pass N`, `# fail N`, …). */
function tapCounts(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const n = (word) => Number(new RegExp(`^# ${word} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
}

async function nodeSuite(name, dir, buffered = false) {
  const files = testFiles(dir);
  if (files.length === 0) return;
  const tap = join(work, `${name}.tap`);
  const code = await run(process.execPath, [
    '--import', 'tsx', '--test', `--test-concurrency=${concurrency[name] ?? 1}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ], {}, buffered);
  if (buffered) console.log(`\n== ${name} (node:test) done ==`);
  const c = tapCounts(tap);
  add(name, c, code);
}

function add(name, c, code) {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  console.log(`\n${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  if (code !== 0 && c.failed === 0) {
    totals.failed += 1;
    problems.push(`${name} exited with ${code} without a failing test`);
  }
}

console.log('\n== build ==');
const buildCode = await run(process.execPath, ['scripts/build.mjs']);
if (buildCode !== 0) {
  totals.failed += 1;
  problems.push('build failed');
}

console.log('\n== server (node:test) and browser (web-test-runner, Chromium), side by side ==');
const counts = join(work, 'wtr.json');
const browser = async () => {
  const wtrCode = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { WTR_COUNTS_FILE: counts }, true);
  console.log('\n== browser (web-test-runner) done ==');
  const w = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
  add('browser', { passed: w.passed, failed: w.failed + w.fileErrors, skipped: w.skipped }, wtrCode);
};
await Promise.all([nodeSuite('server', 'test/server', true), browser()]);

if (buildCode === 0) {
  console.log('\n== end to end (Playwright, Chromium, demo) ==');
  await nodeSuite('e2e', 'test/e2e');
}

rmSync(work, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
for (const p of problems) console.log(`problem: ${p}`);
console.log(`\nsuite wall time: ${seconds} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : ''));
process.exit(totals.failed > 0 ? 1 : 0);
