import type { FlowDraft } from '../../core/forms/draft.js';
import type { Translate } from '../../core/i18n.js';
import { dateFromParts, isDateParts, isEmptyValue, type FieldRule, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import { walk } from '../../forms/route.js';
import { CHECK_ANSWERS, type Answers, type AnswerValue, type FileAnswer, type FormDefinition, type FormPage as Page, type LocalText, type PageAnswers, type Question } from './format.js';

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

/**
 * The field specs one question renders as: one, or one per part of an address or a name. Their
 * only rule is `required` (the control's `required`): the answers are checked by the shared
 * rules (`src/forms/validate-answers.ts`, the server's), not by the specs.
 */
export function questionSpecs(t: Translate, q: Question, lang: string): FieldSpec[] {
  const required: FieldRule[] = q.required ? [{ rule: 'required' }] : [];
  const hint = q.hint ? text(q.hint, lang) : undefined;
  const base = { id: controlId(q.id), label: text(q.label, lang), optional: !q.required, rules: required, ...(hint ? { hint } : {}) };
  switch (q.type) {
    case 'text':
    case 'textarea':
    case 'number':
    case 'email':
    case 'date':
      return [{ ...base, type: q.type, ...(q.type === 'email' ? { autocomplete: 'email' } : {}) }];
    case 'phone':
      return [{ ...base, type: 'tel', autocomplete: 'tel' }];
    case 'yes_no':
      return [{ ...base, type: 'radios', choices: [{ value: 'yes', label: t('civicFormYes') }, { value: 'no', label: t('civicFormNo') }] }];
    case 'selection': {
      const choices = (q.options ?? []).map((o) => ({ value: o.value, label: text(o.label, lang), ...(o.hint ? { hint: text(o.hint, lang) } : {}) }));
      const type = q.display === 'select' ? 'select' : q.multiple || q.display === 'checkboxes' ? 'checkboxes' : 'radios';
      return [{ ...base, type, choices }];
    }
    case 'file':
      return [{ ...base, type: 'file', accept: q.accept.join(','), multiple: (q.max_files ?? 1) > 1 }];
    case 'address':
      return ADDRESS_PARTS.map((part) => ({
        id: controlId(q.id, part),
        type: 'text' as const,
        label: t(`civicFormAddress_${part}`),
        optional: !q.required || part === 'line2',
        rules: part !== 'line2' ? required : [],
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

/** A question whose parts are shown as one group (legend = the question's label). */
export const isGrouped = (q: Question): boolean => q.type === 'address' || q.type === 'name';

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

/** The answers of every page that is not repeatable: what routing reads. */
function flatAnswers(def: FormDefinition, values: Values): Answers {
  const answers: Answers = {};
  for (const page of def.pages) if (!page.repeatable) Object.assign(answers, pageAnswers(page, values));
  return answers;
}

/**
 * The steps these answers lead through, from the start page (the shared `walk`): each page (a
 * repeatable one followed by its "add another" step), ending with check your answers or an exit page.
 */
export function stepsFor(def: FormDefinition, index: FormIndex, values: Values): string[] {
  const { pages, end } = walk(def, flatAnswers(def, values));
  return [...pages.flatMap((id) => (index.pages.get(id)?.repeatable ? [id, id + MORE] : [id])), end];
}

/**
 * One page's answers from its controls, as `validate-answers` and the backend read them. With
 * `files`, a file question's answer is its files' name, type and size (for validation); without,
 * it is left out (files travel as parts of their own).
 */
export function pageAnswers(page: Page, values: Values, files = false): PageAnswers {
  const out: PageAnswers = {};
  for (const q of page.questions) {
    const a = files && q.type === 'file' ? fileAnswers(values[controlId(q.id)]) : answerOf(q, values);
    if (a !== undefined) out[q.id] = a;
  }
  return out;
}

function fileAnswers(v: FieldValue): FileAnswer[] | undefined {
  const list = Array.isArray(v) ? v.filter((f): f is File => typeof f !== 'string') : [];
  return list.length ? list.map((f) => ({ name: f.name, type: f.type, size: f.size })) : undefined;
}

/** One question's answer as the backend reads it, or `undefined` when not given. Files are sent apart. */
export function answerOf(q: Question, values: Values): AnswerValue | undefined {
  const v = values[controlId(q.id)];
  const str = (part: string) => {
    const x = values[controlId(q.id, part)];
    return typeof x === 'string' ? x.trim() : '';
  };
  switch (q.type) {
    case 'address': {
      const a = { line1: str('line1'), city: str('city'), state: str('state'), zip: str('zip'), ...(str('line2') ? { line2: str('line2') } : {}) };
      return Object.values(a).some(Boolean) ? a : undefined;
    }
    case 'name': {
      const n = { first: str('first'), last: str('last') };
      return n.first || n.last ? n : undefined;
    }
    case 'date': {
      if (!isDateParts(v) || isEmptyValue(v)) return undefined;
      // Not a real date: sent as typed, so the shared validator says so ("must be a real date").
      return dateFromParts(v) ?? `${v.year.trim()}-${v.month.trim()}-${v.day.trim()}`;
    }
    case 'file':
      return undefined;
    default:
      if (isEmptyValue(v) || isDateParts(v)) return undefined;
      if (typeof v === 'string') return v.trim();
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  }
}

/** The control ids a page's questions use. */
export const pageControlIds = (t: Translate, page: Page, lang: string): string[] => page.questions.flatMap((q) => questionSpecs(t, q, lang).map((s) => s.id));

/** A repeatable page's entries: what was added, each a value bag of that page's controls. */
export type Entries = Record<string, Values[]>;

/** Whether any of a page's controls has an answer (a page to visit after a change, if not). */
export function pageAnswered(t: Translate, page: Page, values: Values, entries: Entries, lang: string): boolean {
  if (page.repeatable) return (entries[page.id]?.length ?? 0) > 0;
  return pageControlIds(t, page, lang).some((id) => !isEmptyValue(values[id])) || page.questions.every((q) => !q.required);
}


/** What `<civic-form>` keeps on the device as the resident goes. */
export interface FormDraft extends FlowDraft {
  values: Values;
  entries: Entries;
  /** The entry of a repeatable page being answered (an index into `entries[page]`). */
  editing?: number;
  /** "Add another?" on a repeatable page's summary. */
  more?: string;
}

export const emptyDraft = (start = ''): FormDraft => ({ step: start, values: {}, entries: {} });

/** A "save and return" link's answers ride in the page's address fragment after this (resume.ts's `PARAM`). */
export const RESUME_PARAM = 'civic-form=';
