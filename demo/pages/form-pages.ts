import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoPage } from '../../server/demo.js';
import type { FormDefinition } from '../../src/forms/definition.js';

// One page per seeded city form, /forms/{slug}.html, as a CMS would publish each form on a page
// of its own: a heading, a sentence, and the element. The confirmation links to the tracker.
const seedDir = join(import.meta.dirname, '..', '..', 'server', 'forms', 'seed');
const definitions = readdirSync(seedDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(seedDir, f), 'utf8')) as FormDefinition);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const widget = (slug: string) => `
    <civic-hall forms-endpoint="/forms/v1">
      <civic-form form="${escapeHtml(slug)}" tracker-url="/track.html?request={reference}"></civic-form>
    </civic-hall>`;

const page = (def: FormDefinition, lang: 'en' | 'es') => ({
  label: def.name[lang] ?? def.name.en!,
  main: `
    <h1>${escapeHtml(def.name[lang] ?? def.name.en!)}</h1>
    ${def.summary ? `<p>${escapeHtml(def.summary[lang] ?? def.summary.en!)}</p>` : ''}${widget(def.slug)}`,
});

export default definitions.map(
  (def): DemoPage => ({ path: `/forms/${def.slug}.html`, parent: '/forms.html', en: page(def, 'en'), es: page(def, 'es') }),
);
