import { readdirSync, readFileSync } from 'node:fs';
import type { DemoPage } from '../../server/demo.js';
import type { FormDefinition } from '../../src/forms/definition.js';

// One page per seeded city form, /forms/{slug}.html, as a CMS would publish each form on a page
// of its own: a heading, a sentence, and the element. The confirmation links to the tracker.
// (A copy of these pages away from the repository has no seed to read: then there are none.)
function seeded(): FormDefinition[] {
  const dir = new URL('../../server/forms/seed/', import.meta.url);
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as FormDefinition);
  } catch {
    return [];
  }
}
const definitions = seeded();

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
