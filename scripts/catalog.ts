// `npm run catalog`: the English template of every message the widgets show, as one JSON file
// (dist/catalog.en.json, also written by every build). A city translates a copy of it, say
// fr.json, hosts it next to the widgets and names it in the page:
//   <link rel="civic-catalog" hreflang="fr" href="/civic/fr.json">
// The shared messages come first (src/core/locales/en*.ts), then each widget's own strings.ts.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { en as shared } from '../src/core/locales/en.js';
import { enForms } from '../src/core/locales/en-forms.js';
import { enMap } from '../src/core/locales/en-map.js';

const root = resolve(import.meta.dirname, '..');
const components = join(root, 'src', 'components');
const catalog: Record<string, unknown> = { ...shared, ...enForms, ...enMap };
// A widget may split its words by when they load: strings.ts with its first screen, and
// strings-<part>.ts (e.g. strings-later.ts) with a lazy chunk. Every one of them is read.
const stringFiles = (dir: string) => readdirSync(dir).filter((f) => /^([a-z]+-)?strings(-[a-z]+)?\.ts$/.test(f)).sort((a, b) => a.length - b.length || a.localeCompare(b));
for (const name of readdirSync(components, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const file of stringFiles(join(components, name))) {
    const module = (await import(pathToFileURL(join(components, name, file)).href)) as Record<string, unknown>;
    // Each exports `{ en, es }` (what registerMessages takes); only the English is read.
    for (const value of Object.values(module)) {
      const english = (value as { en?: unknown } | null)?.en;
      if (english && typeof english === 'object') Object.assign(catalog, english);
    }
  }
}
const out = join(root, 'dist', 'catalog.en.json');
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(out, `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`wrote ${Object.keys(catalog).length} messages to dist/catalog.en.json`);
