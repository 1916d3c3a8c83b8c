// `npm run size:treemap`: which source modules make up each page's cost, from the autoloader's
// chunks in dist/civic-elements/ and their source maps (run after `npm run build`).
// Each chunk's minified bytes are attributed to the module its source map names for them; a
// module's gzip share is its share of the chunk's minified bytes times the chunk's gzip size
// (an estimate: gzip works across module boundaries). `node scripts/treemap.mjs <tag> [top]`
// prints one page; without a tag, every tag's top ten.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const loader = join(dist, 'civic-elements.js');

const base64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
/** One line of a source map's `mappings`: segments of decoded VLQ fields. */
function decodeLine(line) {
  const segments = [];
  for (const text of line.split(',')) {
    if (!text) continue;
    const fields = [];
    let value = 0;
    let shift = 0;
    for (const char of text) {
      const digit = base64[char];
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    segments.push(fields);
  }
  return segments;
}

/** Minified bytes of `file` per source module (paths relative to the repo). */
function modulesOf(file) {
  const code = readFileSync(file, 'utf8');
  const bytes = new Map();
  const add = (name, n) => bytes.set(name, (bytes.get(name) ?? 0) + n);
  if (!existsSync(`${file}.map`)) {
    add('(no source map)', Buffer.byteLength(code));
    return bytes;
  }
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const sources = map.sources.map((s) => relative(root, resolve(dirname(file), map.sourceRoot ?? '', s)).replace(/^node_modules\//, 'npm:'));
  const lines = code.split('\n');
  const mapped = map.mappings.split(';');
  let source = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    let column = 0;
    let current = '(unmapped)';
    let col = 0;
    for (const segment of decodeLine(mapped[l] ?? '')) {
      col += segment[0];
      add(current, Buffer.byteLength(line.slice(column, col)));
      column = col;
      if (segment.length > 1) {
        source += segment[1];
        current = sources[source];
      } else current = '(unmapped)';
      // Fields 2 and 3 (original line, column) do not matter here, but they are relative too.
    }
    add(current, Buffer.byteLength(line.slice(column)) + 1);
  }
  return bytes;
}

const importsOf = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{][^'"`]*?from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => resolve(dirname(file), m[1]));
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of importsOf(file)) closure(imported, seen);
  return seen;
}
const tagChunks = new Map(
  [...readFileSync(loader, 'utf8').matchAll(/["'`](civic-[a-z-]+)["'`]:\s*\(\)\s*=>[^]*?import\(["'`]([^"'`]+)["'`]\)/g)].map((m) => [m[1], resolve(dist, m[2])]),
);

/** Estimated gzip bytes per module, and per chunk, of a page with `tag`. */
function page(tag) {
  const modules = new Map();
  const chunks = [];
  for (const file of closure(tagChunks.get(tag), closure(loader))) {
    const gz = gzipSync(readFileSync(file), { level: 9 }).length;
    chunks.push([relative(dist, file), gz]);
    const raw = modulesOf(file);
    const total = [...raw.values()].reduce((a, b) => a + b, 0);
    for (const [name, n] of raw) modules.set(name, (modules.get(name) ?? 0) + (gz * n) / total);
  }
  return { modules: [...modules].sort((a, b) => b[1] - a[1]), chunks: chunks.sort((a, b) => b[1] - a[1]) };
}

const kB = (n) => `${(n / 1000).toFixed(2)} kB`.padStart(9);
const [tag, top = tag ? '40' : '10'] = process.argv.slice(2);
for (const t of tag ? [tag] : tagChunks.keys()) {
  const { modules, chunks } = page(t);
  console.log(`\n<${t}>: ${kB(chunks.reduce((a, [, n]) => a + n, 0))} in ${chunks.length} files`);
  for (const [name, n] of chunks) console.log(`  file ${kB(n)}  ${name}`);
  for (const [name, n] of modules.slice(0, Number(top))) console.log(`       ${kB(n)}  ${name}`);
}
