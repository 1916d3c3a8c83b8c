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

// A form staff publish later (the Staff page, or the staff API) has no page of its own here: this
// one answers /forms/{slug}.html for any other slug, and the element shows the form, or says it
// cannot find one.
const later: DemoPage = {
  path: '/forms/{slug}.html',
  parent: '/forms.html',
  en: { label: 'City form', main: `\n    <h1>City form</h1>${widget('{slug}')}` },
  es: { label: 'Formulario de la ciudad', main: `\n    <h1>Formulario de la ciudad</h1>${widget('{slug}')}` },
};

export default [
  ...definitions.map((def): DemoPage => ({ path: `/forms/${def.slug}.html`, parent: '/forms.html', en: page(def, 'en'), es: page(def, 'es') })),
  later,
];
