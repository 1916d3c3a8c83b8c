import type { Translate } from '../../core/i18n.js';
import { dateFromParts, isDateParts, isEmptyValue, valueText, type FieldRule, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import { CHECK_ANSWERS, type FormDefinition, type LocalText, type Page, type Question } from './format.js';

/**
 * A definition turned into what the form engine runs: the steps a resident's answers lead
 * through (routing as data), each question as field specs, and the answers as the backend
 * reads them. Pure: no DOM, no Lit.
 */

/** A value bag: control id → what the resident typed. */
export type Values = Record<string, FieldValue>;

/** The step after a repeatable page: what was added, and "add another?". */
export const MORE = '~more';
export const REVIEW = CHECK_ANSWERS;
export const DONE = '~done';

/** A definition's text in `lang` (its primary subtag), else English, else its first language. */
export function text(value: LocalText | string | undefined, lang: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  const primary = lang.toLowerCase().split('-')[0]!;
  return value[lang] ?? value[primary] ?? value.en ?? Object.values(value)[0] ?? '';
}

/** The control id of a question, or of one of its parts (`line1`, `first`…). */
export const controlId = (question: string, part?: string): string => `q-${question}${part ? `-${part}` : ''}`;

const ADDRESS_PARTS = ['line1', 'line2', 'city', 'state', 'zip'] as const;
const NAME_PARTS = ['first', 'last'] as const;

/** The field specs one question renders as: one, or one per part of an address or a name. */
export function questionSpecs(t: Translate, q: Question, lang: string): FieldSpec[] {
  const label = text(q.label, lang);
  const hint = q.hint ? text(q.hint, lang) : undefined;
  const required: FieldRule[] = q.required ? [{ rule: 'required' }] : [];
  const base = { label, optional: !q.required, rules: required, ...(hint ? { hint } : {}) };
  const id = controlId(q.id);
  switch (q.type) {
    case 'text':
    case 'textarea':
      return [{ ...base, id, type: q.type, rules: [...required, ...(q.max_length ? [{ rule: 'maxLength', max: q.max_length } as const] : [])] }];
    case 'number': {
      const range = { ...(typeof q.min === 'number' ? { min: q.min } : {}), ...(typeof q.max === 'number' ? { max: q.max } : {}) };
      return [{ ...base, id, type: 'number', rules: [...required, { rule: 'number', ...range }] }];
    }
    case 'email':
      return [{ ...base, id, type: 'email', autocomplete: 'email', rules: [...required, { rule: 'email' }] }];
    case 'phone':
      return [{ ...base, id, type: 'tel', autocomplete: 'tel', rules: [...required, { rule: 'phone' }] }];
    case 'date': {
      const range = { ...(typeof q.min === 'string' ? { min: q.min } : {}), ...(typeof q.max === 'string' ? { max: q.max } : {}) };
      return [{ ...base, id, type: 'date', rules: [...required, { rule: 'date', ...range }] }];
    }
    case 'yes_no':
      return [{ ...base, id, type: 'radios', choices: [{ value: 'yes', label: t('civicFormYes') }, { value: 'no', label: t('civicFormNo') }] }];
    case 'selection': {
      const choices = (q.options ?? []).map((o) => ({ value: o.value, label: text(o.label, lang), ...(o.hint ? { hint: text(o.hint, lang) } : {}) }));
      const type = q.display === 'select' ? 'select' : q.multiple || q.display === 'checkboxes' ? 'checkboxes' : 'radios';
      return [{ ...base, id, type, choices }];
    }
    case 'file': {
      const types = q.accept ?? [];
      const rules: FieldRule[] = [...required];
      if (types.length) rules.push({ rule: 'fileType', types, typesText: types.map(typeName).join(', ') });
      if (q.max_bytes) rules.push({ rule: 'fileSize', maxBytes: q.max_bytes });
      return [{ ...base, id, type: 'file', rules, ...(types.length ? { accept: types.join(',') } : {}) }];
    }
    case 'address':
      return ADDRESS_PARTS.map((part) => ({
        id: controlId(q.id, part),
        type: 'text' as const,
        label: t(`civicFormAddress_${part}`),
        optional: !q.required || part === 'line2',
        rules: q.required && part !== 'line2' ? required : [],
        autocomplete: { line1: 'address-line1', line2: 'address-line2', city: 'address-level2', state: 'address-level1', zip: 'postal-code' }[part],
        ...(part === 'zip' ? { inputmode: 'numeric' as const } : {}),
      }));
    case 'name':
      return NAME_PARTS.map((part) => ({
        id: controlId(q.id, part),
        type: 'text' as const,
        label: t(part === 'first' ? 'civicFormNameFirst' : 'civicFormNameLast'),
        optional: !q.required,
        rules: required,
        autocomplete: part === 'first' ? 'given-name' : 'family-name',
      }));
  }
}

/** `application/pdf` → `PDF`, `image/*` → `image`. */
function typeName(type: string): string {
  const [kind, sub] = type.split('/');
  if (sub === '*') return kind!;
  return (sub ?? type).replace(/^(vnd\.|x-)/, '').toUpperCase();
}

/** A question whose parts are shown as one group (legend = the question's label). */
export const isGrouped = (q: Question): boolean => q.type === 'address' || q.type === 'name';

/** What routing compares: a question's answer as values (`yes`, a chosen option, several). */
function routeValues(q: Question | undefined, values: Values): string[] {
  if (!q) return [];
  const v = values[controlId(q.id)];
  if (typeof v === 'string') return v ? [v] : [];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

export interface FormIndex {
  pages: Map<string, Page>;
  exits: Set<string>;
  /** Question id → the page that asks it. */
  pageOf: Map<string, Page>;
}

export function indexDefinition(def: FormDefinition): FormIndex {
  const pages = new Map(def.pages.map((p) => [p.id, p]));
  const pageOf = new Map<string, Page>();
  for (const p of def.pages) for (const q of p.questions) pageOf.set(q.id, p);
  return { pages, exits: new Set((def.exit_pages ?? []).map((e) => e.id)), pageOf };
}

/** Where a page leads with these answers: the first route whose condition holds, else `next`, else the page after it. */
export function nextOf(def: FormDefinition, index: FormIndex, page: Page, values: Values): string {
  for (const route of page.routes ?? []) {
    const asked = index.pageOf.get(route.when.question);
    const q = asked?.questions.find((x) => x.id === route.when.question);
    if (routeValues(q, values).some((v) => route.when.any_of.includes(v))) return route.goto;
  }
  if (page.next) return page.next;
  const i = def.pages.indexOf(page);
  return def.pages[i + 1]?.id ?? CHECK_ANSWERS;
}

/**
 * The steps these answers lead through, from the start page: each page (a repeatable one
 * followed by its "add another" step), ending with check your answers or an exit page.
 */
export function stepsFor(def: FormDefinition, index: FormIndex, values: Values): string[] {
  const steps: string[] = [];
  const seen = new Set<string>();
  let at: string = def.start_page;
  for (;;) {
    if (index.exits.has(at)) return [...steps, at];
    const page = index.pages.get(at);
    // A loop or a route to nowhere (a valid definition has neither): stop at check your answers.
    if (!page || seen.has(at)) return [...steps, REVIEW];
    seen.add(at);
    steps.push(page.id);
    if (page.repeatable) steps.push(page.id + MORE);
    at = nextOf(def, index, page, values);
  }
}

/** The answers of one question as the backend reads them, or `undefined` when not given. */
export function answerOf(q: Question, values: Values): unknown {
  const v = values[controlId(q.id)];
  const str = (part: string) => {
    const x = values[controlId(q.id, part)];
    return typeof x === 'string' ? x.trim() : '';
  };
  switch (q.type) {
    case 'address': {
      const a = Object.fromEntries(ADDRESS_PARTS.map((p) => [p, str(p)]));
      return Object.values(a).some(Boolean) ? a : undefined;
    }
    case 'name': {
      const n = Object.fromEntries(NAME_PARTS.map((p) => [p, str(p)]));
      return n.first || n.last ? n : undefined;
    }
    case 'date':
      return isDateParts(v) ? (dateFromParts(v) ?? undefined) : undefined;
    case 'number': {
      if (typeof v !== 'string' || !v.trim()) return undefined;
      return Number(v.trim().replace(/^\$/, '').replace(',', '.'));
    }
    case 'file':
      return Array.isArray(v) && v.length ? v.map((f) => (typeof f === 'string' ? f : f.name)) : undefined;
    default:
      if (isEmptyValue(v)) return undefined;
      return typeof v === 'string' ? v.trim() : v;
  }
}

/** A question's answer for people (check your answers). */
export function answerText(t: Translate, q: Question, values: Values, lang: string): string {
  const specs = questionSpecs(t, q, lang);
  if (isGrouped(q)) return specs.map((s) => valueText(s, values[s.id], lang)).filter(Boolean).join(q.type === 'name' ? ' ' : ', ');
  return valueText(specs[0]!, values[specs[0]!.id], lang);
}

/** The control ids a page's questions use. */
export const pageControlIds = (t: Translate, page: Page, lang: string): string[] => page.questions.flatMap((q) => questionSpecs(t, q, lang).map((s) => s.id));

/** A repeatable page's entries: what was added, each a value bag of that page's controls. */
export type Entries = Record<string, Values[]>;

/**
 * The submission's answers: only pages on the route taken (an answer on a skipped page is not
 * sent), question id → answer; a repeatable page → a list of such objects under its id.
 * Files are collected apart, by question id (a repeatable page's as `page[i].question`).
 */
export function submission(def: FormDefinition, index: FormIndex, values: Values, entries: Entries): { answers: Record<string, unknown>; files: Record<string, File[]> } {
  const answers: Record<string, unknown> = {};
  const files: Record<string, File[]> = {};
  const collect = (q: Question, bag: Values, key: string, into: Record<string, unknown>) => {
    const a = answerOf(q, bag);
    if (a !== undefined) into[q.id] = a;
    const v = bag[controlId(q.id)];
    if (q.type === 'file' && Array.isArray(v)) {
      const list = v.filter((f): f is File => typeof f !== 'string');
      if (list.length) files[key] = list;
    }
  };
  for (const step of stepsFor(def, index, values)) {
    const page = index.pages.get(step);
    if (!page) continue;
    if (page.repeatable) {
      answers[page.id] = (entries[page.id] ?? []).map((bag, i) => {
        const one: Record<string, unknown> = {};
        for (const q of page.questions) collect(q, bag, `${page.id}[${i}].${q.id}`, one);
        return one;
      });
    } else for (const q of page.questions) collect(q, values, q.id, answers);
  }
  return { answers, files };
}

/** Whether any of a page's controls has an answer (a page to visit after a change, if not). */
export function pageAnswered(t: Translate, page: Page, values: Values, entries: Entries, lang: string): boolean {
  if (page.repeatable) return (entries[page.id]?.length ?? 0) > 0;
  return pageControlIds(t, page, lang).some((id) => !isEmptyValue(values[id])) || page.questions.every((q) => !q.required);
}
