// `npm run size`: gzip size of each entry with everything it loads eagerly. The bundler-user
// entries are measured with their dependencies (Lit) bundled in, as a page would pay for them;
// dynamic imports (Leaflet) are not followed, so they are reported on their own.
const { readdirSync } = require('node:fs');

const defines = readdirSync('src/define').filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));

module.exports = [
  { name: 'dist/civic-elements.js (script-tag bundle, all elements, Lit included)', path: 'dist/civic-elements.js', import: '*', gzip: true },
  { name: 'civic-elements/api (protocol clients, no Lit)', path: 'dist/api.js', import: '*', gzip: true },
  ...defines.map((d) => ({ name: `civic-elements/${d} (with Lit)`, path: `dist/define/${d}.js`, gzip: true })),
];
