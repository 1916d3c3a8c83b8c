// `npm test`: the whole suite — server tests (node:test, PGlite and, when TEST_DATABASE_URL is
// set, PostgreSQL), browser tests (web-test-runner in Chromium against the reference backend),
// and end-to-end tests (Playwright driving the demo in Chromium) — then one summary line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'civic-test-'));
const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

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

async function nodeSuite(name, dir) {
  const files = testFiles(dir);
  if (files.length === 0) return;
  const tap = join(work, `${name}.tap`);
  const code = await run(process.execPath, [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ]);
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

console.log('\n== server (node:test) ==');
await nodeSuite('server', 'test/server');

console.log('\n== browser (web-test-runner, Chromium) ==');
const counts = join(work, 'wtr.json');
const wtrCode = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { WTR_COUNTS_FILE: counts });
const w = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
add('browser', { passed: w.passed, failed: w.failed + w.fileErrors, skipped: w.skipped }, wtrCode);

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
