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
for (const name of readdirSync(components).sort()) {
  // strings.ts, and strings-later.ts where a widget loads some words after its first screen.
  for (const file of ['strings.ts', 'strings-later.ts']) {
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(join(components, name, file)).href)) as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') continue;
      throw error;
    }
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
