// `npm run build`:
//  dist/index.js, dist/api.js, dist/define/<element>.js  ES modules for bundler users (lit external)
//  dist/civic-elements.js                                the script-tag autoloader: registers
//                                                         nothing, imports each tag's chunk from
//                                                         dist/civic-elements/ when it appears
//  dist/civic-elements.all.js                            one file, every element, no static
//                                                         imports; beside it, loaded on demand,
//                                                         civic-elements.all.{map,es}-<hash>.js
//  dist/types/**.d.ts                                     declarations
//  custom-elements.json                                   Custom Elements Manifest
import { build } from 'vite';
import { defaultShouldMinify, minifyHTMLLiterals } from 'minify-html-literals';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { minifySync } from 'rolldown/utils';
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

/** Lit's html`` and css`` templates, minified: whitespace and comments are bytes every page pays. */
const minifyTemplates = {
  name: 'civic-minify-templates',
  enforce: 'pre',
  transform(code, id) {
    if (!/[\\/]src[\\/].*\.ts(\?civic-[a-z-]+)?$/.test(id)) return null;
    const result = minifyHTMLLiterals(code, {
      fileName: id,
      // A tag name from an expression (`<${heading}>`, lit/static-html) is beyond its HTML parser.
      shouldMinify: (template) => defaultShouldMinify(template) && !template.parts.some((part) => /<\/?$/.test(part.text)),
    });
    return result && { code: result.code, map: result.map };
  },
};

/**
 * Dynamic imports stay plain `import()`: Vite would wrap each in its preload helper (a function
 * in the shared chunk every page loads, plus a table of file names in every chunk that imports
 * lazily). Lazy chunks resolve next to the chunk that imports them, which `import()` does
 * natively; their own imports load when they do.
 */
const plainDynamicImports = {
  name: 'civic-plain-dynamic-imports',
  configResolved(config) {
    const at = config.plugins.findIndex((plugin) => plugin.name === 'native:import-analysis-build');
    if (at < 0) throw new Error("Vite's import-analysis plugin was renamed: update civic-plain-dynamic-imports");
    config.plugins.splice(at, 1);
  },
};

/** One Vite build into dist/: ES2022, minified, with source maps; `options` adds the entries. */
const bundle = ({ plugins = [], ...options }) =>
  build({
    plugins: [minifyTemplates, plainDynamicImports, ...plugins],
    root,
    // Relative: the bundle is hosted wherever a city puts it, and its lazy chunks (and their
    // preload hints) must resolve next to it, not from the page's site root.
    base: './',
    configFile: false,
    logLevel: 'warn',
    esbuild: { target: 'es2022', tsconfigRaw: readFileSync(resolve(root, 'tsconfig.json'), 'utf8') },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      ...options,
      rolldownOptions: {
        ...options.rolldownOptions,
        // The template minifier is most of a build's time, on purpose; a newcomer's `npm start`
        // should not print a yellow timing report that reads like a failure.
        checks: { bundlerTimings: false },
      },
    },
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

// Files, never data: URLs (marker icons): a city's CSP need not allow `img-src data:`.
const scriptTag = { assetsInlineLimit: 0 };

// What every widget needs (Lit, the base element, strings, theme, the base element's own
// request for a <civic-hall>'s configuration, the error panel, the announcer, the error classes
// every client throws): one chunk. Lit's directives and the hall's context
// provider are not in it: a page pays for them only through a widget (or a <civic-hall>) that
// uses them. The multi-step form engine (flow, draft, submit) has no chunk of its own: Rolldown
// puts it with the form widget that loads it (a chunk of its own was one more file to fetch and
// compress alone, 0.6 kB on the service request's page).
// What the Open311 widgets that share it need (the client every call goes through, and the field
// styles every one of them draws with): one more, which the records and alerts widgets do
// without. Each call's own code (services, requests…) stays with the widgets that make it.
// Lit's decorators are not in the core chunk: the elements declare `static properties` instead
// (0.4 kB less on every page).
const coreModule =
  /[\\/]node_modules[\\/](lit[\\/](index|static-html)\.js|lit-html[\\/](lit-html|is-server|static)\.js|lit-element[\\/]lit-element\.js|@lit[\\/]reactive-element[\\/](?!decorators[\\/])|@lit[\\/]context[\\/](index\.js|lib[\\/]create-context\.js))|[\\/]src[\\/]core[\\/](civic-element|i18n|theme|context|define|backend-factory|headings|announcer|error-message|locales[\\/]en|plain[\\/]hall|forms[\\/](button-styles|error-panel|ids))\.ts$|[\\/]src[\\/]api[\\/]errors\.ts$/;
/** The Open311 client every call needs (the Lit-free world's copy is a chunk of its own too). */
const open311ClientModule = /[\\/]src[\\/](api[\\/](open311|normalise|http)\.ts|core[\\/]open311-backend\.ts)$/;
const open311Module = /[\\/]src[\\/](api[\\/](open311|normalise|http)\.ts|core[\\/]open311-backend\.ts|core[\\/]forms[\\/](field|form)-styles\.ts)$/;
// What reads an answer other than a JSON document (XML, an HTML page, an error): one chunk,
// loaded when such an answer comes.
const open311AnswersModule = /[\\/]src[\\/]api[\\/](open311-answers|open311-error|xml)\.ts$/;

/**
 * For bundler users, `define/civic-<tag>.js` also registers <civic-hall>. The autoloader loads the
 * hall only where a page has one: in its chunks, that import is left out.
 */
const hallOnlyWhereUsed = {
  name: 'civic-hall-only-where-used',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './civic-hall.js' && importer && /[\\/]src[\\/]define[\\/]civic-(?!hall\.ts)[a-z-]+\.ts$/.test(importer)) return '\0civic-no-hall';
    return null;
  },
  load(id) {
    return id === '\0civic-no-hall' ? 'export {};' : null;
  },
};

/**
 * Worlds: widgets outside the Open311 family get their own copies of what they would otherwise
 * share with other widgets (the form engine, fields, pieces, Lit's directives). Shared, those
 * modules split into many small chunks, each a request and compressed alone: 2.0 kB more on the
 * sign-up's page, 4.3 kB on the form's, 2.4 kB on the records request's. The two records widgets
 * share their copies with each other; the Open311 widgets share theirs (a report page often holds
 * the form and the tracker), except the map: a page rarely holds it with another Open311 widget,
 * and on its own it saves 1.5 kB by taking its own copies. The core chunk (Lit, base element, strings, theme)
 * and what loads on demand beside it (maps, catalogs) stay shared with every widget. The cost: a
 * page with, say, a records widget and the service request loads the form engine twice; one with
 * the map and the tracker loads the Open311 client twice.
 */
const WORLD = {
  'civic-records-request': 'records',
  'civic-records-status': 'records',
  'civic-alert-banner': 'lit-free',
  'civic-service-list': 'lit-free',
  'civic-notify-signup': 'notify-signup',
  'civic-form': 'form',
  'civic-form-list': 'form-list',
  'civic-request-map': 'request-map',
};
const COPY = /\?civic-own-([a-z-]+)$/;
/**
 * The alert banner and the service list are built without Lit (plain DOM, src/core/plain/), so a
 * page with only them never loads the core chunk (the banner's 12 kB budget, issue 11; the
 * list's 16 kB, issue 7). Their world, shared by both (a page with the two loads each copy
 * once), takes its own copies of the Lit-free core modules they use (strings, the theme's and
 * the buttons' text, the backend factory, the errors and fetch every client shares, the
 * catalog-file reader), and Lit (`lit`, `lit/…`, `lit-html`, `@lit/…`) is, in that world, a
 * module that only turns `css` into text: an import of anything else of Lit there fails the
 * build. The Open311 client the list uses is copied into that world too (its `open311` chunk
 * belongs to the Lit widgets' world). The cost: a page with the banner or the list and another
 * widget loads those modules twice (strings, theme, button styles, errors, fetch; with the list
 * and another Open311 widget, the Open311 client and its services call too; `<civic-hall>` is a
 * Lit widget too), and each world reads a `<link rel="civic-catalog">` file on its own.
 */
const litFreeWorld = 'lit-free';
const litFreeOwnCore = /[\\/]src[\\/]core[\\/](i18n|theme|define|catalog-file|backend-factory|error-message|plain[\\/]hall|locales[\\/]en|forms[\\/]button-styles)\.ts$|[\\/]src[\\/]api[\\/]errors\.ts$/;
const litFreeLit = resolve(root, 'src/core/plain/css-text.ts');
const litFreeCopy = `?civic-own-${litFreeWorld}`;
/** What every widget of that world loads: its shared chunk (the rest stays with the widget that uses it). */
const litFreeCore = /[\\/]src[\\/]core[\\/](i18n|theme|define|locales[\\/]en|plain[\\/](dom|hall|styles))\.ts$|[\\/]src[\\/]api[\\/]errors\.ts$/;
// Leaflet's kit, clustering and the catalogs are one copy for every world; the map's small loader
// and defaults are copied, so a world's copy joins its widget's chunk.
const sharedWithEveryWorld = /[\\/]src[\\/]core[\\/](map[\\/](?!load\.ts$|defaults\.ts$)|geo[\\/])|[\\/]src[\\/]core[\\/](catalog-file|locales[\\/]es(-all)?)\.ts$/;
const ownCopies = {
  name: 'civic-own-copies',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer) return null;
    const entry = importer.match(/[\\/]src[\\/]define[\\/](civic-[a-z-]+)\.ts$/);
    const world = importer.match(COPY)?.[1] ?? (entry ? WORLD[entry[1]] : undefined);
    if (!world) return null;
    if (world === litFreeWorld && /^(lit|lit-html|lit-element|@lit\/[a-z-]+)(\/|$)/.test(source)) return this.resolve(litFreeLit, importer.replace(COPY, ''), { ...options, skipSelf: true });
    const resolved = await this.resolve(source, importer.replace(COPY, ''), { ...options, skipSelf: true });
    if (!resolved || resolved.external || resolved.id.includes('?') || resolved.id.startsWith('\0')) return resolved;
    const copied = /[\\/]src[\\/].*\.ts$|[\\/]node_modules[\\/]lit(-html)?[\\/](directive|directive-helpers|directives[\\/][a-z-]+)\.js$/;
    const ownCore = world === litFreeWorld && litFreeOwnCore.test(resolved.id);
    // The readers of unusual Open311 answers (XML, error pages) load on demand from one chunk for
    // every Lit world. A world's own copy of them would import its copy of http.ts back, and that
    // cycle keeps Rolldown from merging the client into the widget's chunk (0.5 kB on the map).
    if (world !== litFreeWorld && open311AnswersModule.test(resolved.id)) return resolved;
    if (!copied.test(resolved.id) || (!ownCore && (coreModule.test(resolved.id) || sharedWithEveryWorld.test(resolved.id)))) return resolved;
    return { ...resolved, id: `${resolved.id}?civic-own-${world}` };
  },
  load(id) {
    return COPY.test(id) ? readFileSync(id.replace(COPY, ''), 'utf8') : null;
  },
};

// The autoloader, in two builds. First each element's code, one entry per `define/` module, with
// its shared chunks, into dist/civic-elements/.
const elementChunks = await bundle({
  ...scriptTag,
  plugins: [hallOnlyWhereUsed, ownCopies],
  assetsDir: 'civic-elements',
  rolldownOptions: {
    input: Object.fromEntries(defines.map((d) => [d, resolve(root, `src/define/${d}.ts`)])),
    // An element's lazy chunks may import what they share with it from its own chunk (which has
    // loaded by then) rather than from a third chunk split off for both: 0.1–1.7 kB less a page.
    // Only an element's own lazy chunks import its chunk; the loader never asks for its exports.
    preserveEntrySignatures: 'allow-extension',
    output: {
      format: 'es',
      entryFileNames: 'civic-elements/[name]-[hash].js',
      chunkFileNames: 'civic-elements/[name]-[hash].js',
      // Fewer, larger shared chunks: every file costs a request and compresses on its own.
      codeSplitting: {
        groups: [
          { name: 'core', test: (id) => coreModule.test(id), priority: 5 },
          { name: 'open311', test: (id) => open311Module.test(id), priority: 1 },
          { name: 'open311-answers', test: (id) => open311AnswersModule.test(id), priority: 1 },
          // The Lit-free world's own core (what both its widgets load) and its copy of the Open311
          // client: one chunk each too, as in the Lit widgets' world.
          { name: 'lit-free', test: (id) => id.endsWith(litFreeCopy) && litFreeCore.test(id.replace(COPY, '')), priority: 5 },
          { name: 'open311-lit-free', test: (id) => id.endsWith(litFreeCopy) && open311ClientModule.test(id.replace(COPY, '')), priority: 1 },
        ],
      },
    },
  },
});
const chunks = new Map(elementChunks.output.filter((f) => f.type === 'chunk').map((f) => [f.fileName, f]));
/** An element's entry chunk and every chunk it imports statically, transitively. */
const closure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of chunks.get(file).imports) closure(imported, seen);
  return seen;
};
const chunksOf = Object.fromEntries([...chunks.values()].filter((f) => f.isEntry).map((f) => [f.name, [...closure(f.fileName)]]));
// Then the loader itself. Each `import('./define/<tag>.js')` becomes imports of that tag's chunks
// at once (its own first), so the browser fetches them in parallel instead of one level at a
// time. Library mode, so Vite adds no preload helper: shared with the chunks, it would sit in one
// of them and the loader would import it (and Lit) eagerly. Library mode keeps whitespace,
// which costs this small file little.
const defineToChunks = {
  name: 'civic-define-to-chunks',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('/src/autoload.ts')) return null;
    return code.replace(/import\('\.\/define\/(civic-[a-z-]+)\.js'\)/g, (_, tag) => {
      if (!chunksOf[tag]) throw new Error(`no chunk for <${tag}>`);
      const imports = chunksOf[tag].map((file) => `import('./${file}')`).join(', ');
      return `Promise.all([${imports}]).then(([element]) => element)`;
    });
  },
  resolveId(source) {
    return /^\.\/civic-elements\//.test(source) ? { id: source, external: true } : null;
  },
};
await bundle({
  plugins: [defineToChunks],
  lib: { entry: { 'civic-elements': resolve(root, 'src/autoload.ts') }, formats: ['es'] },
  // Its imports are rewritten above, and it is minified below: no map.
  sourcemap: false,
  rolldownOptions: { output: { entryFileNames: '[name].js' } },
});
// Library mode keeps whitespace and comments; this file is what every page loads first, so it is
// minified here (Vite's own minifier, Oxc, through Rolldown).
const loaderFile = resolve(root, 'dist/civic-elements.js');
writeFileSync(loaderFile, minifySync('civic-elements.js', readFileSync(loaderFile, 'utf8'), { compress: true, mangle: true }).code);

// One file for a web team that can upload only one: every element and step inlined. What only
// some pages need sits beside it as self-contained modules, built first and imported (when
// needed) in place of the modules they hold: the map (Leaflet, its kit, clustering) and the
// Spanish strings. Without them a map says so and the words stay English.
// (Its files are named by assetFileNames, not assetsDir: a later Vite build with the autoloader's
// assetsDir removes that folder.)
const besideAll = await bundle({
  ...scriptTag,
  rolldownOptions: {
    input: { map: resolve(root, 'src/core/map/bundle.ts'), es: resolve(root, 'src/core/locales/es-all.ts') },
    preserveEntrySignatures: 'strict',
    output: {
      format: 'es',
      entryFileNames: 'civic-elements.all.[name]-[hash].js',
      assetFileNames: 'civic-elements.all.[name]-[hash][extname]',
    },
  },
});
const besideFile = (name) => besideAll.output.find((file) => file.type === 'chunk' && file.isEntry && file.name === name).fileName;
const besideModules = [
  [/[\\/]src[\\/]core[\\/](map[\\/]kit|geo[\\/]cluster)\.ts$|[\\/]leaflet[\\/]dist[\\/]leaflet-src\.esm\.js$/, besideFile('map')],
  [/[\\/]src[\\/](core[\\/]locales[\\/]es|components[\\/][^\\/]+[\\/]([a-z]+-)?strings(-[a-z]+)?\.es)\.ts$/, besideFile('es')],
];
const importBeside = {
  name: 'civic-import-beside',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const beside = resolved && besideModules.find(([test]) => test.test(resolved.id));
    return beside ? { id: `./${beside[1]}`, external: true } : null;
  },
};
await bundle({
  ...scriptTag,
  plugins: [importBeside],
  rolldownOptions: {
    input: { 'civic-elements.all': resolve(root, 'src/index.ts') },
    preserveEntrySignatures: 'strict',
    // Every other lazy import (later steps, the location picker) is inlined: one file.
    output: { format: 'es', entryFileNames: '[name].js', codeSplitting: false },
  },
});

const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
};
sh(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
// The English template a city translates to add a language (see scripts/catalog.ts).
sh(process.execPath, ['--import', 'tsx', 'scripts/catalog.ts']);
sh(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', '.']);
console.log(`built dist/ (${defines.length} elements) and custom-elements.json`);
