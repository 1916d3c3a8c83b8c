// `npm run size`: what each way of loading the widgets costs a page, from the files in dist/ as
// built, each gzipped (level 9) the way a server compresses it, and checked against the budgets.
//  - the autoloader (dist/civic-elements.js) alone;
//  - per widget: loader + every file the widget's chunk imports statically (shared code, Lit
//    included), i.e. what a page with that one widget downloads before a resident can use it;
//  - the one-file build (dist/civic-elements.all.js), which must have no static imports;
//  - what loads only on demand (the map chunks, a language's strings), for information.
// Exits 1 when a budget is exceeded.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '..', 'dist');
const KB = 1000;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Specifiers of a built module's static and dynamic imports (minified ES output). */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const statics = [...code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{][^'"`]*?from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
  const dynamics = [...code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  return { statics, dynamics };
}

/** `file` and everything it imports statically, transitively. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of importsOf(file).statics) staticClosure(resolve(dirname(file), spec), seen);
  return seen;
}

const loader = join(dist, 'civic-elements.js');
const all = join(dist, 'civic-elements.all.js');
/** Per tag, the chunk the autoloader imports for it (`"civic-x":()=>…import("./civic-elements/….js")`). */
const tagChunks = new Map(
  [...readFileSync(loader, 'utf8').matchAll(/["'`](civic-[a-z-]+)["'`]:\s*\(\)\s*=>[^]*?import\(["'`]([^"'`]+)["'`]\)/g)].map((m) => [m[1], resolve(dist, m[2])]),
);
function chunkFor(tag) {
  const chunk = tagChunks.get(tag);
  if (!chunk) throw new Error(`the autoloader does not load <${tag}>`);
  return chunk;
}

const rows = [];
let failed = false;
const row = (name, bytes, budget) => {
  const over = budget !== undefined && bytes > budget;
  failed ||= over;
  rows.push([name, `${(bytes / KB).toFixed(2)} kB`, budget === undefined ? '' : `${budget / KB} kB`, budget === undefined ? '' : over ? 'OVER' : 'ok']);
};
const sum = (files) => [...files].reduce((total, file) => total + gz(file), 0);

row('autoloader dist/civic-elements.js (eager, with what it imports statically)', sum(staticClosure(loader)), 3 * KB);
// Page budgets (kB) from the issues: the first six elements (issue 7), the report card and the
// alert banner (issue 11), the records widgets (issue 9; it names the request form's, and its
// status page is held to the same).
const budgets = { 'civic-service-request': 30, 'civic-status-tracker': 22, 'civic-request-map': 22, 'civic-service-list': 16, 'civic-location-picker': undefined, 'civic-hall': undefined, 'civic-follow': undefined, 'civic-alert-banner': 12, 'civic-report-card': 25, 'civic-records-request': 30, 'civic-records-status': 30, 'civic-notify-signup': 25, 'civic-form': 30, 'civic-form-list': 24 };
/**
 * The one-file build: 55 kB held the six original elements (issue 7: hall, service list, service
 * request, location picker, status tracker, request map); "later elements add to it within their
 * own budgets". A later element's page budget also counts the shared code every page carries
 * (loader, Lit, the base element, strings, theme: SHARED_KB), which the one file holds once; so
 * each may add its page budget less that.
 */
const ORIGINAL_SIX = ['civic-hall', 'civic-service-list', 'civic-service-request', 'civic-location-picker', 'civic-status-tracker', 'civic-request-map'];
const SHARED_KB = 12;
const allBudgetKB = 55 + Object.entries(budgets).filter(([tag, b]) => b !== undefined && !ORIGINAL_SIX.includes(tag)).reduce((sum, [, b]) => sum + Math.max(0, b - SHARED_KB), 0);
const lazy = new Set();
for (const [tag, budget] of Object.entries(budgets)) {
  const files = staticClosure(chunkFor(tag), staticClosure(loader));
  row(`page with <${tag}>: loader + its chunks, Lit included`, sum(files), budget && budget * KB);
  for (const file of files) if (file !== loader) for (const spec of importsOf(file).dynamics) lazy.add(resolve(dirname(file), spec));
}
const allImports = importsOf(all);
if (allImports.statics.length) {
  failed = true;
  console.error(`dist/civic-elements.all.js must have no static imports; it has: ${allImports.statics.join(', ')}`);
}
row(`one file dist/civic-elements.all.js (every element, English; 55 kB + later elements' budgets less ${SHARED_KB} kB shared)`, gz(all), allBudgetKB * KB);
for (const spec of new Set(allImports.dynamics)) row(`  on demand beside it: ${spec.replace('./', '')}`, sum(staticClosure(resolve(dist, spec))));
const tags = new Set(Object.keys(budgets).map(chunkFor));
for (const file of [...lazy].filter((f) => !tags.has(f)).sort()) {
  row(`  on demand (autoloader): ${relative(dist, file)}`, gz(file));
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(['what (gzip -9, as served)', 'size', 'budget', ''].map((h, i) => h.padEnd(widths[i])).join('  '));
for (const r of rows) console.log(r.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
if (failed) {
  console.error('size budget exceeded');
  process.exit(1);
}
