import { CHECK_ANSWERS, FILE_TYPES, QUESTION_TYPES, type FormDefinition, type FormPage, type Question } from './definition.js';
import { isSafeHref, linkTargets } from './markdown.js';
import type { DefinitionCode } from './definition-messages.js';
import { pageTargets } from './route.js';

/**
 * A definition → its problems, each where and what (`pages[2].routes[0].goto`, `no_target`). The
 * same checks run in the browser (`<civic-form>`, before it shows a definition it loaded or was
 * given) and on the server (staff publish, the seeds): the shape of
 * `form-definition.schema.json`, then what a schema cannot say: ids that must exist and be
 * unique, pages no path reaches, loops, translations for every declared language, conditions on
 * questions that can be answered before them, links that are not http(s)/mailto.
 *
 * A problem is a code and its values; `definition-messages.ts` says it in words
 * (`validateDefinition` does both). The words are a chunk of their own in the browser, fetched
 * only for a definition that has problems: a page with a good form never carries them.
 */

export interface DefinitionProblem {
  /** Where, e.g. `pages[2].routes[0].goto`; `(definition)` for the whole document. */
  path: string;
  code: DefinitionCode;
  /** The values the message names (ids, values, languages), in order. */
  args: string[];
}

type Kind = 'string' | 'id' | 'slug' | 'value' | 'email' | 'int' | 'int1' | 'decimals' | 'number' | 'bool' | 'text' | 'markdown' | 'url' | 'date_bound' | 'strings' | 'languages' | 'file_types';
type Spec = { required: readonly string[]; props: Record<string, Kind | { object: string } | { list: string; min?: number; max?: number }> };

/** The most pages a definition may have (the schema's `maxItems`): routing is checked as a graph, and every submission walks it. */
export const MAX_PAGES = 500;

const BASE = { id: 'id', type: 'string', label: 'text', hint: 'text', required: 'bool' } as const;
const SPECS: Record<string, Spec> = {
  definition: {
    required: ['slug', 'version', 'category', 'languages', 'name', 'start_page', 'pages'],
    props: {
      $schema: 'string', slug: 'slug', version: 'int1', category: 'slug', category_name: 'text', languages: 'languages', name: 'text',
      summary: 'text', department: 'text', keywords: 'text', reference_prefix: 'string', start_page: 'id',
      pages: { list: 'page', min: 1, max: MAX_PAGES }, exit_pages: { list: 'exit_page' }, declaration: 'markdown', what_happens_next: 'markdown',
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
  problems: DefinitionProblem[] = [];
  constructor(private languages: string[]) {}

  add(path: string, code: DefinitionCode, ...args: string[]) {
    this.problems.push({ path: path || '(definition)', code, args });
  }

  object(path: string, value: unknown, specName: string): boolean {
    if (!isRecord(value)) {
      this.add(path, 'object');
      return false;
    }
    let spec = SPECS[specName]!;
    if (specName === 'question') {
      const type = value.type;
      if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
        this.add(`${path}.type`, 'question_type');
        return false;
      }
      spec = SPECS[QUESTION_SPEC[type as Question['type']]]!;
    }
    for (const key of spec.required) if (!(key in value)) this.add(path ? `${path}.${key}` : key, 'required');
    for (const [key, v] of Object.entries(value)) {
      const kind = spec.props[key];
      const at = path ? `${path}.${key}` : key;
      if (!kind) this.add(at, 'not_property', specName === 'question' ? `${String(value.type)} question` : specName.replace('_', ' '));
      else if (typeof kind === 'string') this.kind(at, v, kind);
      else if ('object' in kind) this.object(at, v, kind.object);
      else if (!Array.isArray(v)) this.add(at, 'list');
      else {
        if (v.length < (kind.min ?? 0)) this.add(at, 'min_items', String(kind.min));
        if (kind.max !== undefined && v.length > kind.max) this.add(at, 'max_items', String(kind.max));
        v.forEach((item, i) => this.object(`${at}[${i}]`, item, kind.list));
      }
    }
    return true;
  }

  kind(path: string, v: unknown, kind: Kind) {
    const ok = (() => {
      switch (kind) {
        case 'string':
          return typeof v === 'string' && v !== '';
        case 'id':
          return typeof v === 'string' && ID.test(v);
        case 'slug':
          return typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,79}$/.test(v);
        case 'value':
          return typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(v);
        case 'email':
          return typeof v === 'string' && /^[^@\s]+@[^@\s]+$/.test(v);
        case 'int':
        case 'int1':
          return Number.isInteger(v) && (v as number) >= (kind === 'int' ? 0 : 1);
        case 'decimals':
          return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 6;
        case 'number':
          return typeof v === 'number' && Number.isFinite(v);
        case 'bool':
          return typeof v === 'boolean';
        case 'url':
          return typeof v === 'string' && /^(https?:\/\/|\/)/.test(v);
        case 'date_bound':
          return typeof v === 'string' && /^(\d{4}-\d{2}-\d{2}|today([+-]\d{1,5})?)$/.test(v);
        case 'strings':
          return Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');
        case 'languages':
          if (!Array.isArray(v) || v.length === 0 || v.some((s) => typeof s !== 'string' || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(s))) return false;
          if (new Set(v).size !== v.length) this.add(path, 'language_twice');
          return true;
        case 'file_types':
          if (!Array.isArray(v) || v.length === 0) return false;
          v.forEach((t, i) => (FILE_TYPES as readonly unknown[]).includes(t) || this.add(`${path}[${i}]`, 'file_type'));
          return true;
        default:
          this.text(path, v, kind === 'markdown');
          return true;
      }
    })();
    if (!ok) this.add(path, kind as DefinitionCode);
  }

  text(path: string, v: unknown, markdown: boolean) {
    if (!isRecord(v)) return this.add(path, 'text');
    for (const lang of this.languages) {
      const s = v[lang];
      if (typeof s !== 'string' || !s.trim()) this.add(`${path}.${lang}`, 'language_missing', lang);
    }
    for (const [lang, s] of Object.entries(v)) {
      if (!this.languages.includes(lang)) this.add(`${path}.${lang}`, 'language_undeclared', this.languages.join(', '));
      else if (markdown && typeof s === 'string')
        for (const href of linkTargets(s)) if (!isSafeHref(href)) this.add(`${path}.${lang}`, 'unsafe_link', href);
    }
  }
}

function semantic(def: FormDefinition, c: Checker) {
  const pageIds = new Map<string, string>();
  const claim = (id: string, path: string) => {
    if (id === CHECK_ANSWERS) c.add(path, 'reserved_id');
    else if (pageIds.has(id)) c.add(path, 'duplicate_page', id, pageIds.get(id)!);
    else pageIds.set(id, path);
  };
  def.pages.forEach((p, i) => claim(p.id, `pages[${i}].id`));
  def.exit_pages?.forEach((p, i) => claim(p.id, `exit_pages[${i}].id`));

  const questions = new Map<string, { page: FormPage; question: Question; path: string }>();
  def.pages.forEach((page, i) =>
    page.questions.forEach((q, j) => {
      const path = `pages[${i}].questions[${j}]`;
      const seen = questions.get(q.id);
      if (seen) c.add(`${path}.id`, 'duplicate_question', q.id, `${seen.path}.id`);
      else questions.set(q.id, { page, question: q, path });
      checkQuestion(q, path, c);
    }),
  );
  def.pages.forEach((page, i) => {
    if (page.repeatable && questions.has(page.id)) c.add(`pages[${i}].id`, 'repeatable_id');
    if (page.repeatable && (page.repeatable.min ?? 1) > page.repeatable.max) c.add(`pages[${i}].repeatable.min`, 'min_over_max');
    if (page.repeatable && (page.repeatable.max < 1 || page.repeatable.max > 50)) c.add(`pages[${i}].repeatable.max`, 'repeatable_max');
  });

  const isPage = (id: string) => def.pages.some((p) => p.id === id);
  const isTarget = (id: string) => id === CHECK_ANSWERS || pageIds.has(id);
  if (!isPage(def.start_page)) c.add('start_page', 'start_page', def.start_page);
  const edges = new Map<string, string[]>();
  def.pages.forEach((page, i) => {
    if (page.next !== undefined && !isTarget(page.next)) c.add(`pages[${i}].next`, 'no_target', page.next);
    page.routes?.forEach((route, r) => {
      const at = `pages[${i}].routes[${r}]`;
      if (!isTarget(route.goto)) c.add(`${at}.goto`, 'no_target', route.goto);
      const place = questions.get(route.when.question);
      if (!place) return c.add(`${at}.when.question`, 'no_question', route.when.question);
      const q = place.question;
      if (q.type !== 'selection' && q.type !== 'yes_no') return c.add(`${at}.when.question`, 'route_type', q.id, q.type);
      if (place.page.repeatable) c.add(`${at}.when.question`, 'route_repeatable', q.id);
      const values = q.type === 'selection' ? q.options.map((o) => o.value) : ['yes', 'no'];
      route.when.any_of.forEach((v, k) => values.includes(v) || c.add(`${at}.when.any_of[${k}]`, 'route_value', v, q.id, values.join(', ')));
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
      if (open.has(to)) c.add(`pages[${def.pages.findIndex((p) => p.id === id)}]`, 'loop', to);
      else if (!reached.has(to) && edges.has(to)) visit(to);
      else reached.add(to);
    }
    open.delete(id);
  };
  if (isPage(def.start_page)) visit(def.start_page);
  def.pages.forEach((p, i) => reached.has(p.id) || c.add(`pages[${i}]`, 'unreachable', p.id));
  def.exit_pages?.forEach((p, i) => reached.has(p.id) || c.add(`exit_pages[${i}]`, 'exit_unreachable', p.id));

  // A route may test a question only on its own page or on a page that leads to it.
  const leadsTo = (from: string, to: string, seen = new Set<string>()): boolean =>
    (edges.get(from) ?? []).some((n) => n === to || (!seen.has(n) && (seen.add(n), leadsTo(n, to, seen))));
  def.pages.forEach((page, i) =>
    page.routes?.forEach((route, r) => {
      const place = questions.get(route.when.question);
      if (place && place.page !== page && !leadsTo(place.page.id, page.id))
        c.add(`pages[${i}].routes[${r}].when.question`, 'route_order', route.when.question, place.page.id);
    }),
  );
  if (def.reference_prefix !== undefined && !/^[A-Z]{2,5}$/.test(def.reference_prefix)) c.add('reference_prefix', 'reference_prefix');
}

function checkQuestion(q: Question, path: string, c: Checker) {
  if ('min_length' in q && q.min_length !== undefined && q.max_length !== undefined && q.min_length > q.max_length) c.add(`${path}.min_length`, 'min_over_max_length');
  if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) c.add(`${path}.min`, 'min_over_max');
  if (q.type === 'date' && q.min && q.max && /^\d/.test(q.min) && /^\d/.test(q.max) && q.min > q.max) c.add(`${path}.min`, 'min_after_max');
  if (q.type === 'selection') {
    const seen = new Set<string>();
    q.options.forEach((o, k) => {
      if (seen.has(o.value)) c.add(`${path}.options[${k}].value`, 'duplicate_value', o.value);
      seen.add(o.value);
    });
    if (q.display === 'checkboxes' && !q.multiple) c.add(`${path}.display`, 'checkboxes_single');
    if (q.display === 'radios' && q.multiple) c.add(`${path}.display`, 'radios_multiple');
    if (q.display !== undefined && !['radios', 'checkboxes', 'select'].includes(q.display)) c.add(`${path}.display`, 'display');
  }
  if (q.type === 'file') {
    if (q.max_bytes < 1 || q.max_bytes > 25 * 1024 * 1024) c.add(`${path}.max_bytes`, 'max_bytes');
    if (q.max_files !== undefined && (q.max_files < 1 || q.max_files > 10)) c.add(`${path}.max_files`, 'max_files');
  }
}

/** A definition's problems (none: it can run); `definitionMessage` words each. */
export function checkDefinition(input: unknown): DefinitionProblem[] {
  const languages = isRecord(input) && Array.isArray(input.languages) ? input.languages.filter((l): l is string => typeof l === 'string') : [];
  const c = new Checker(languages);
  if (!c.object('', input, 'definition')) return c.problems;
  if (c.problems.length === 0) semantic(input as unknown as FormDefinition, c);
  return c.problems;
}
