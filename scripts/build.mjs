// `npm run build`:
//  dist/index.js, dist/api.js, dist/define/<element>.js  ES modules for bundler users (lit external)
//  dist/civic-elements.js                                the script-tag bundle: self-contained,
//                                                         Leaflet in a lazily imported chunk
//  dist/types/**.d.ts                                     declarations
//  custom-elements.json                                   Custom Elements Manifest
import { build } from 'vite';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, readFileSync } from 'node:fs';
import { resolve, basename } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const defines = readdirSync(resolve(root, 'src/define')).filter((f) => f.endsWith('.ts')).map((f) => basename(f, '.ts'));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const missing = defines.filter((d) => !pkg.exports[`./${d}`]);
if (missing.length) throw new Error(`package.json "exports" lacks: ${missing.map((d) => `./${d}`).join(', ')}`);

const external = [...Object.keys(pkg.dependencies)];
// `?inline` / `?url` imports (Leaflet's CSS and marker images) are Vite's to resolve: they stay in.
const isExternal = (id) => !id.includes('?') && external.some((dep) => id === dep || id.startsWith(`${dep}/`));

rmSync(resolve(root, 'dist'), { recursive: true, force: true });

/** One Vite build into dist/: ES2022, minified, with source maps; `options` adds the entries. */
const bundle = (options) =>
  build({
    root,
    // Relative: the bundle is hosted wherever a city puts it, and its lazy chunks (and their
    // preload hints) must resolve next to it, not from the page's site root.
    base: './',
    configFile: false,
    logLevel: 'warn',
    esbuild: { target: 'es2022', tsconfigRaw: readFileSync(resolve(root, 'tsconfig.json'), 'utf8') },
    build: { outDir: 'dist', emptyOutDir: false, target: 'es2022', minify: true, sourcemap: true, ...options },
  });

// Modules for bundler users: dependencies stay imports so an app dedupes Lit.
await bundle({
  lib: {
    entry: {
      index: resolve(root, 'src/index.ts'),
      api: resolve(root, 'src/api/index.ts'),
      ...Object.fromEntries(defines.map((d) => [`define/${d}`, resolve(root, `src/define/${d}.ts`)])),
    },
    formats: ['es'],
  },
  rolldownOptions: {
    external: isExternal,
    output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
});

// The script-tag bundle: everything inlined except what loads on demand (dynamic imports).
// Not lib mode: lib mode keeps whitespace in ES output for bundlers; this file is shipped as is.
await bundle({
  rolldownOptions: {
    input: { 'civic-elements': resolve(root, 'src/index.ts') },
    preserveEntrySignatures: 'strict',
    output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'civic-elements/[name]-[hash].js' },
  },
});

const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
};
sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
sh(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', '.']);
console.log(`built dist/ (${defines.length} elements) and custom-elements.json`);
