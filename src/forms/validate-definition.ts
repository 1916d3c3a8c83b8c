import { CHECK_ANSWERS, FILE_TYPES, QUESTION_TYPES, type FormDefinition, type FormPage, type Question } from './definition.js';
import { isSafeHref, linkTargets } from './markdown.js';
import { pageTargets } from './route.js';

/**
 * A definition → errors that say where and what (`pages[2].routes[0].goto: …`). The same checks
 * run in the browser (a definition given as a property) and on the server (staff publish): the
 * shape of `form-definition.schema.json`, then what a schema cannot say: ids that must exist
 * and be unique, pages no path reaches, loops, translations for every declared language,
 * conditions on questions that can be answered before them, links that are not http(s)/mailto.
 */

export interface DefinitionError {
  path: string;
  message: string;
}

type Kind = 'string' | 'id' | 'slug' | 'value' | 'email' | 'int' | 'int1' | 'decimals' | 'number' | 'bool' | 'text' | 'markdown' | 'url' | 'date_bound' | 'strings' | 'languages' | 'file_types';
type Spec = { required: readonly string[]; props: Record<string, Kind | { object: string } | { list: string; min?: number }> };

const BASE = { id: 'id', type: 'string', label: 'text', hint: 'text', required: 'bool' } as const;
const SPECS: Record<string, Spec> = {
  definition: {
    required: ['slug', 'version', 'category', 'languages', 'name', 'start_page', 'pages'],
    props: {
      $schema: 'string', slug: 'slug', version: 'int1', category: 'slug', category_name: 'text', languages: 'languages', name: 'text',
      summary: 'text', department: 'text', keywords: 'text', reference_prefix: 'string', start_page: 'id',
      pages: { list: 'page', min: 1 }, exit_pages: { list: 'exit_page' }, declaration: 'markdown', what_happens_next: 'markdown',
      privacy_url: 'url', support: { object: 'support' },
    },
  },
  support: { required: [], props: { email: 'email', phone: 'string', url: 'url', hours: 'text' } },
  page: {
    required: ['id', 'questions'],
    props: { id: 'id', heading: 'text', guidance: 'markdown', questions: { list: 'question', min: 1 }, repeatable: { object: 'repeatable' }, next: 'id', routes: { list: 'route' } },
  },
  repeatable: { required: ['max', 'item', 'add_another'], props: { min: 'int1', max: 'int1', item: 'text', add_another: 'text' } },
  route: { required: ['when', 'goto'], props: { when: { object: 'condition' }, goto: 'id' } },
  condition: { required: ['question', 'any_of'], props: { question: 'id', any_of: 'strings' } },
  exit_page: { required: ['id', 'heading', 'body'], props: { id: 'id', heading: 'text', body: 'markdown' } },
  option: { required: ['value', 'label'], props: { value: 'value', label: 'text', hint: 'text' } },
  text: { required: ['id', 'type', 'label'], props: { ...BASE, min_length: 'int', max_length: 'int1' } },
  number: { required: ['id', 'type', 'label'], props: { ...BASE, min: 'number', max: 'number', decimals: 'decimals', unit: 'text' } },
  plain: { required: ['id', 'type', 'label'], props: BASE },
  date: { required: ['id', 'type', 'label'], props: { ...BASE, min: 'date_bound', max: 'date_bound' } },
  selection: { required: ['id', 'type', 'label', 'options'], props: { ...BASE, multiple: 'bool', display: 'string', options: { list: 'option', min: 1 } } },
  file: { required: ['id', 'type', 'label', 'accept', 'max_bytes'], props: { ...BASE, accept: 'file_types', max_bytes: 'int1', max_files: 'int1' } },
};
const QUESTION_SPEC: Record<Question['type'], string> = {
  text: 'text', textarea: 'text', number: 'number', email: 'plain', phone: 'plain', address: 'plain', name: 'plain', yes_no: 'plain',
  date: 'date', selection: 'selection', file: 'file',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z][a-z0-9_-]{0,63}$/;

class Checker {
  errors: DefinitionError[] = [];
  constructor(private languages: string[]) {}

  add(path: string, message: string) {
    this.errors.push({ path: path || '(definition)', message });
  }

  object(path: string, value: unknown, specName: string): boolean {
    if (!isRecord(value)) {
      this.add(path, 'must be an object');
      return false;
    }
    let spec = SPECS[specName]!;
    if (specName === 'question') {
      const type = value.type;
      if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
        this.add(`${path}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);
        return false;
      }
      spec = SPECS[QUESTION_SPEC[type as Question['type']]]!;
    }
    for (const key of spec.required) if (!(key in value)) this.add(path ? `${path}.${key}` : key, 'is required');
    for (const [key, v] of Object.entries(value)) {
      const kind = spec.props[key];
      const at = path ? `${path}.${key}` : key;
      if (!kind) this.add(at, `is not a property of ${specName === 'question' ? `a ${String(value.type)} question` : `a ${specName.replace('_', ' ')}`}`);
      else if (typeof kind === 'string') this.kind(at, v, kind);
      else if ('object' in kind) this.object(at, v, kind.object);
      else if (!Array.isArray(v)) this.add(at, 'must be a list');
      else {
        if (v.length < (kind.min ?? 0)) this.add(at, `must hold at least ${kind.min}`);
        v.forEach((item, i) => this.object(`${at}[${i}]`, item, kind.list));
      }
    }
    return true;
  }

  kind(path: string, v: unknown, kind: Kind) {
    const bad = (what: string) => this.add(path, `must be ${what}`);
    switch (kind) {
      case 'string':
        if (typeof v !== 'string' || !v) bad('a non-empty string');
        break;
      case 'id':
        if (typeof v !== 'string' || !ID.test(v)) bad('an id: lower-case letters, digits, - and _, starting with a letter');
        break;
      case 'slug':
        if (typeof v !== 'string' || !/^[a-z0-9][a-z0-9-]{0,79}$/.test(v)) bad('lower-case letters, digits and -');
        break;
      case 'value':
        if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(v)) bad('letters, digits, _ . and -, starting with a letter or digit');
        break;
      case 'email':
        if (typeof v !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(v)) bad('an email address');
        break;
      case 'int':
      case 'int1':
        if (!Number.isInteger(v) || (v as number) < (kind === 'int' ? 0 : 1)) bad(`a whole number, ${kind === 'int' ? 0 : 1} or more`);
        break;
      case 'decimals':
        if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 6) bad('a whole number from 0 to 6');
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) bad('a number');
        break;
      case 'bool':
        if (typeof v !== 'boolean') bad('true or false');
        break;
      case 'url':
        if (typeof v !== 'string' || !/^(https?:\/\/|\/)/.test(v)) bad('an http(s) address or a path starting with /');
        break;
      case 'date_bound':
        if (typeof v !== 'string' || !/^(\d{4}-\d{2}-\d{2}|today([+-]\d{1,5})?)$/.test(v)) bad('YYYY-MM-DD, today, or today+N / today-N');
        break;
      case 'strings':
        if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string')) bad('a non-empty list of strings');
        break;
      case 'languages':
        if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string' || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(s))) bad('a list of language codes, like ["en", "es"]');
        else if (new Set(v).size !== v.length) this.add(path, 'lists a language twice');
        break;
      case 'file_types':
        if (!Array.isArray(v) || v.length === 0) bad(`a list of file types (${FILE_TYPES.join(', ')})`);
        else v.forEach((t, i) => (FILE_TYPES as readonly unknown[]).includes(t) || this.add(`${path}[${i}]`, `must be one of ${FILE_TYPES.join(', ')}`));
        break;
      case 'text':
      case 'markdown':
        this.text(path, v, kind === 'markdown');
        break;
    }
  }

  text(path: string, v: unknown, markdown: boolean) {
    if (!isRecord(v)) return this.add(path, 'must be a text in each language, like {"en": "…", "es": "…"}');
    for (const lang of this.languages) {
      const s = v[lang];
      if (typeof s !== 'string' || !s.trim()) this.add(`${path}.${lang}`, `is missing: every text needs the declared language "${lang}"`);
    }
    for (const [lang, s] of Object.entries(v)) {
      if (!this.languages.includes(lang)) this.add(`${path}.${lang}`, `is not a declared language (languages: ${this.languages.join(', ')})`);
      else if (markdown && typeof s === 'string')
        for (const href of linkTargets(s)) if (!isSafeHref(href)) this.add(`${path}.${lang}`, `links to "${href}": a link must be http(s), mailto or a path starting with /`);
    }
  }
}

function semantic(def: FormDefinition, c: Checker) {
  const pageIds = new Map<string, string>();
  const claim = (id: string, path: string) => {
    if (id === CHECK_ANSWERS) c.add(path, `"${CHECK_ANSWERS}" is reserved for the end of the form`);
    else if (pageIds.has(id)) c.add(path, `duplicate page id "${id}" (also ${pageIds.get(id)})`);
    else pageIds.set(id, path);
  };
  def.pages.forEach((p, i) => claim(p.id, `pages[${i}].id`));
  def.exit_pages?.forEach((p, i) => claim(p.id, `exit_pages[${i}].id`));

  const questions = new Map<string, { page: FormPage; question: Question; path: string }>();
  def.pages.forEach((page, i) =>
    page.questions.forEach((q, j) => {
      const path = `pages[${i}].questions[${j}]`;
      const seen = questions.get(q.id);
      if (seen) c.add(`${path}.id`, `duplicate question id "${q.id}" (also ${seen.path}.id)`);
      else questions.set(q.id, { page, question: q, path });
      checkQuestion(q, path, c);
    }),
  );
  def.pages.forEach((page, i) => {
    if (page.repeatable && questions.has(page.id)) c.add(`pages[${i}].id`, `a repeatable page's id holds its answers, so it cannot also be a question id`);
    if (page.repeatable && (page.repeatable.min ?? 1) > page.repeatable.max) c.add(`pages[${i}].repeatable.min`, 'must not be more than max');
    if (page.repeatable && (page.repeatable.max < 1 || page.repeatable.max > 50)) c.add(`pages[${i}].repeatable.max`, 'must be between 1 and 50');
  });

  const isPage = (id: string) => def.pages.some((p) => p.id === id);
  const isTarget = (id: string) => id === CHECK_ANSWERS || pageIds.has(id);
  if (!isPage(def.start_page)) c.add('start_page', `"${def.start_page}" is not the id of a page`);
  const edges = new Map<string, string[]>();
  def.pages.forEach((page, i) => {
    if (page.next !== undefined && !isTarget(page.next)) c.add(`pages[${i}].next`, `"${page.next}" is not a page, an exit page or ${CHECK_ANSWERS}`);
    page.routes?.forEach((route, r) => {
      const at = `pages[${i}].routes[${r}]`;
      if (!isTarget(route.goto)) c.add(`${at}.goto`, `"${route.goto}" is not a page, an exit page or ${CHECK_ANSWERS}`);
      const place = questions.get(route.when.question);
      if (!place) return c.add(`${at}.when.question`, `"${route.when.question}" is not a question of this form`);
      const q = place.question;
      if (q.type !== 'selection' && q.type !== 'yes_no') return c.add(`${at}.when.question`, `"${q.id}" is a ${q.type} question: a route can test only a selection or yes/no`);
      if (place.page.repeatable) c.add(`${at}.when.question`, `"${q.id}" is on a repeatable page: a route cannot test it`);
      const values = q.type === 'selection' ? q.options.map((o) => o.value) : ['yes', 'no'];
      route.when.any_of.forEach((v, k) => values.includes(v) || c.add(`${at}.when.any_of[${k}]`, `"${v}" is not a value of "${q.id}" (${values.join(', ')})`));
    });
    edges.set(page.id, pageTargets(def, page));
  });

  // Reachability from the start page, and loops (depth first: an edge to a page still open).
  const reached = new Set<string>();
  const open = new Set<string>();
  const visit = (id: string) => {
    reached.add(id);
    open.add(id);
    for (const to of edges.get(id) ?? []) {
      if (open.has(to)) c.add(`pages[${def.pages.findIndex((p) => p.id === id)}]`, `leads back to "${to}", which comes before it: routing must not loop`);
      else if (!reached.has(to) && edges.has(to)) visit(to);
      else reached.add(to);
    }
    open.delete(id);
  };
  if (isPage(def.start_page)) visit(def.start_page);
  def.pages.forEach((p, i) => reached.has(p.id) || c.add(`pages[${i}]`, `page "${p.id}" cannot be reached from the start page`));
  def.exit_pages?.forEach((p, i) => reached.has(p.id) || c.add(`exit_pages[${i}]`, `exit page "${p.id}" cannot be reached: no route leads to it`));

  // A route may test a question only on its own page or on a page that leads to it.
  const leadsTo = (from: string, to: string, seen = new Set<string>()): boolean =>
    (edges.get(from) ?? []).some((n) => n === to || (!seen.has(n) && (seen.add(n), leadsTo(n, to, seen))));
  def.pages.forEach((page, i) =>
    page.routes?.forEach((route, r) => {
      const place = questions.get(route.when.question);
      if (place && place.page !== page && !leadsTo(place.page.id, page.id))
        c.add(`pages[${i}].routes[${r}].when.question`, `"${route.when.question}" is on page "${place.page.id}", which does not come before this page`);
    }),
  );
  if (def.reference_prefix !== undefined && !/^[A-Z]{2,5}$/.test(def.reference_prefix)) c.add('reference_prefix', 'must be 2 to 5 capital letters, like BPP');
}

function checkQuestion(q: Question, path: string, c: Checker) {
  if ('min_length' in q && q.min_length !== undefined && q.max_length !== undefined && q.min_length > q.max_length) c.add(`${path}.min_length`, 'must not be more than max_length');
  if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) c.add(`${path}.min`, 'must not be more than max');
  if (q.type === 'date' && q.min && q.max && /^\d/.test(q.min) && /^\d/.test(q.max) && q.min > q.max) c.add(`${path}.min`, 'must not be after max');
  if (q.type === 'selection') {
    const seen = new Set<string>();
    q.options.forEach((o, k) => {
      if (seen.has(o.value)) c.add(`${path}.options[${k}].value`, `duplicate value "${o.value}"`);
      seen.add(o.value);
    });
    if (q.display === 'checkboxes' && !q.multiple) c.add(`${path}.display`, 'checkboxes need "multiple": true');
    if (q.display === 'radios' && q.multiple) c.add(`${path}.display`, 'radios take one answer: remove "multiple" or use checkboxes');
    if (q.display !== undefined && !['radios', 'checkboxes', 'select'].includes(q.display)) c.add(`${path}.display`, 'must be radios, checkboxes or select');
  }
  if (q.type === 'file') {
    if (q.max_bytes < 1 || q.max_bytes > 25 * 1024 * 1024) c.add(`${path}.max_bytes`, 'must be between 1 and 26214400 (25 MB)');
    if (q.max_files !== undefined && (q.max_files < 1 || q.max_files > 10)) c.add(`${path}.max_files`, 'must be between 1 and 10');
  }
}

export function validateDefinition(input: unknown): DefinitionError[] {
  const languages = isRecord(input) && Array.isArray(input.languages) ? input.languages.filter((l): l is string => typeof l === 'string') : [];
  const c = new Checker(languages);
  if (!c.object('', input, 'definition')) return c.errors;
  if (c.errors.length === 0) semantic(input as unknown as FormDefinition, c);
  return c.errors;
}
