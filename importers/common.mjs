// Shared by the importers: ids, slugs and labels a draft definition can carry. Plain JS, so the
// CLI runs from the installed package without a build.

/** `applicant.firstName[0]` → `First name`. */
export function humanise(name) {
  const last = String(name).split('.').pop().replace(/\[\d+\]/g, '');
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-\s]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}

/** Names a PDF tool gives a field nobody named: `Text1`, `Check Box 3`, `f1_01`, `undefined`. */
export function isGenericName(name) {
  const last = String(name).split('.').pop().replace(/\[\d+\]/g, '').trim();
  return (
    !/[a-z]{2}/i.test(last) ||
    /^(text|text ?field|check ?box|field|untitled|button|radio|radio ?button|group|dropdown|list ?box|combo ?box|choice|signature|undefined|null)[\s_-]*\d*$/i.test(last) ||
    /^[a-z]{0,3}\d[\d_.]*$/i.test(last)
  );
}

/** A definition id: lower case, `[a-z][a-z0-9_-]*`, at most 64 characters. */
export function toId(text, fallback = 'question') {
  const id = String(text)
    .replace(/\[\d+\]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 64)
    .replace(/_+$/, '');
  return id || fallback;
}

export function toSlug(text, fallback = 'imported-form') {
  const slug = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // camelCase and PascalCase names (Form.io's `streetTreeRequest`) are words too.
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** An option value the schema accepts (`[A-Za-z0-9][A-Za-z0-9_.-]*`). */
export function toValue(text, fallback = 'option') {
  const v = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 80);
  return v || fallback;
}

/** Hands out ids, never the same one twice (`name`, `name_2`, …). */
export function idMaker(taken = []) {
  const used = new Set(taken);
  return (wanted) => {
    let id = wanted;
    for (let n = 2; used.has(id) || id === 'check-answers'; n++) id = `${wanted.slice(0, 60)}_${n}`;
    used.add(id);
    return id;
  };
}

/** Distinct option values for labels, remembering which source value became which. */
export function options(items, language) {
  const next = idMaker();
  const map = new Map();
  const list = items.map(({ value, label }) => {
    const v = next(toValue(value === undefined || value === '' ? label : value));
    map.set(String(value), v);
    return { value: v, label: { [language]: String(label || value || v) } };
  });
  return { list, map };
}

export const text = (language, s) => ({ [language]: s });

/** What needs a human, as lines for stderr. */
export class Report {
  constructor() {
    this.items = [];
  }
  add(where, what) {
    this.items.push({ where, what });
  }
  toString() {
    if (this.items.length === 0) return 'Nothing needs a human, but read the draft before publishing it.\n';
    return `${this.items.length} thing${this.items.length === 1 ? '' : 's'} need${this.items.length === 1 ? 's' : ''} a human:\n${this.items.map((i) => `- ${i.where}: ${i.what}`).join('\n')}\n`;
  }
}

/** The draft's frame: one language, a category to change, the pages given. */
export function draftDefinition({ slug, title, language, pages, declaration, report }) {
  report.add('languages', `the draft is in "${language}" only: add every other language the city publishes in (for example "es") and translate each text`);
  report.add('category', 'set the category (the draft says "imported")');
  return {
    $schema: 'https://civic-elements.dev/form-definition.schema.json',
    slug,
    version: 1,
    category: 'imported',
    languages: [language],
    name: text(language, title),
    start_page: pages[0].id,
    pages,
    ...(declaration ? { declaration: text(language, declaration) } : {}),
    what_happens_next: text(language, 'We will review your submission and contact you.'),
  };
}
