// `npm run size`: gzip size of each entry with everything it loads eagerly. The bundler-user
// entries are measured with their dependencies (Lit) bundled in, as a page would pay for them.
// Dynamic imports (the map kit and Leaflet) are left out of each entry and reported on their
// own: they load only when a map is shown.
const { readdirSync } = require('node:fs');

const defines = readdirSync('src/define').filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));

/** esbuild plugin: a dynamic import stays an import, as it does in the browser. */
const lazyStaysLazy = {
  name: 'lazy-stays-lazy',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};
const eager = (config) => ({ ...config, format: 'esm', plugins: [...(config.plugins ?? []), lazyStaysLazy] });

module.exports = [
  { name: 'dist/civic-elements.js (script-tag bundle, every element, Lit included; eager)', path: 'dist/civic-elements.js', import: '*', gzip: true, modifyEsbuildConfig: eager },
  { name: 'civic-elements/api (protocol clients, no Lit)', path: 'dist/api.js', import: '*', gzip: true, modifyEsbuildConfig: eager },
  ...defines.map((d) => ({ name: `civic-elements/${d} (with Lit; eager)`, path: `dist/define/${d}.js`, gzip: true, modifyEsbuildConfig: eager })),
  { name: 'lazy: Leaflet (loads when a map is first shown)', path: 'dist/civic-elements/leaflet-src.esm-*.js', gzip: true, modifyEsbuildConfig: eager },
  { name: 'lazy: map kit (Leaflet CSS, marker images, helpers)', path: 'dist/civic-elements/kit-*.js', gzip: true, modifyEsbuildConfig: eager },
];
