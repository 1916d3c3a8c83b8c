/**
 * A city form as data: the TypeScript shape of `form-definition.schema.json` (written by hand to
 * mirror it; `test/server/forms-schema.test.ts` checks the two agree). Rules a schema cannot say
 * are in `validate-definition.ts`. Nothing in a definition runs as code.
 */

/** Language code, e.g. `en`, `es`. */
export type LanguageCode = string;

/** A string in each declared language: `{ en: 'Name', es: 'Nombre' }`. */
export type LocalText = Record<LanguageCode, string>;

/** A text map whose strings are the safe Markdown subset (see `markdown.ts`). */
export type LocalMarkdown = LocalText;

export interface FormDefinition {
  $schema?: string;
  slug: string;
  /** Set by the backend on publish; a submission records the version it answered. */
  version: number;
  category: string;
  category_name?: LocalText;
  /** Every text map holds each of these; the first is the default. */
  languages: LanguageCode[];
  name: LocalText;
  summary?: LocalText;
  department?: LocalText;
  /** Extra words the catalog search matches, comma separated. */
  keywords?: LocalText;
  /** Start of the human reference, e.g. `BPP` in `BPP-2026-000123`. */
  reference_prefix?: string;
  start_page: string;
  pages: FormPage[];
  exit_pages?: ExitPage[];
  /** Shown on check-your-answers; submitting confirms it. */
  declaration?: LocalMarkdown;
  what_happens_next?: LocalMarkdown;
  privacy_url?: string;
  support?: FormSupport;
}

export interface FormSupport {
  email?: string;
  phone?: string;
  url?: string;
  hours?: LocalText;
}

export interface FormPage {
  id: string;
  /** Default: the label of the page's only question. */
  heading?: LocalText;
  guidance?: LocalMarkdown;
  questions: Question[];
  /** "Add another": the page's questions are answered once per entry. */
  repeatable?: Repeatable;
  /** Where to go when no route matches. Default: the next page in the list, then check-answers. */
  next?: string;
  /** Tried in order; the first whose condition holds wins. */
  routes?: Route[];
}

export interface Repeatable {
  /** Default 1. */
  min?: number;
  max: number;
  /** What one entry is called, e.g. "Child". */
  item: LocalText;
  /** The yes/no question, e.g. "Do you need to add another child?" */
  add_another: LocalText;
}

/** The end of the form: check your answers, then submit. */
export const CHECK_ANSWERS = 'check-answers';

export interface Route {
  when: Condition;
  /** A page id, an exit page id, or `check-answers`. */
  goto: string;
}

/** True when the answer to `question` (a selection or yes/no) is any of these values. */
export interface Condition {
  question: string;
  any_of: string[];
}

export interface ExitPage {
  id: string;
  heading: LocalText;
  body: LocalMarkdown;
}

export interface QuestionBase {
  id: string;
  label: LocalText;
  hint?: LocalText;
  /** Default false: an optional question shows "(optional)". */
  required?: boolean;
}

export interface TextQuestion extends QuestionBase {
  type: 'text' | 'textarea';
  min_length?: number;
  max_length?: number;
}

export interface NumberQuestion extends QuestionBase {
  type: 'number';
  min?: number;
  max?: number;
  /** Digits allowed after the point; 0 means whole numbers. Default any. */
  decimals?: number;
  unit?: LocalText;
}

export interface PlainQuestion extends QuestionBase {
  type: 'email' | 'phone' | 'address' | 'name' | 'yes_no';
}

/** `YYYY-MM-DD`, or `today`, or `today+N` / `today-N` days. */
export type DateBound = string;

export interface DateQuestion extends QuestionBase {
  type: 'date';
  min?: DateBound;
  max?: DateBound;
}

export interface SelectionOption {
  value: string;
  label: LocalText;
  hint?: LocalText;
}

export interface SelectionQuestion extends QuestionBase {
  type: 'selection';
  /** Default false: one answer. */
  multiple?: boolean;
  /** Default radios for one, checkboxes for many. */
  display?: 'radios' | 'checkboxes' | 'select';
  options: SelectionOption[];
}

export const FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type FileType = (typeof FILE_TYPES)[number];

export interface FileQuestion extends QuestionBase {
  type: 'file';
  accept: FileType[];
  max_bytes: number;
  /** Default 1. */
  max_files?: number;
}

export type Question = TextQuestion | NumberQuestion | PlainQuestion | DateQuestion | SelectionQuestion | FileQuestion;
export type QuestionType = Question['type'];

export const QUESTION_TYPES = [
  'text',
  'textarea',
  'number',
  'email',
  'phone',
  'address',
  'name',
  'yes_no',
  'date',
  'selection',
  'file',
] as const satisfies readonly QuestionType[];

// ---- Answers: what a resident sends (the same shape in the browser and on the server) ----

/** A US postal address. */
export interface AddressAnswer {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

export interface NameAnswer {
  first: string;
  last: string;
}

/** A file as the validators see it: the browser's `File`, or an uploaded part with its sniffed type. */
export interface FileAnswer {
  name: string;
  type: string;
  size: number;
}

/**
 * One question's answer: text, number (as typed), email, phone, `YYYY-MM-DD` date, a selection
 * of one and `yes`/`no` are strings; a selection of many is a string array.
 */
export type AnswerValue = string | string[] | AddressAnswer | NameAnswer | FileAnswer[];

/** Answers to the questions of one page. */
export type PageAnswers = Record<string, AnswerValue>;

/**
 * Answers by question id; a repeatable page's answers are a list of entries under the page id
 * (`{ children: [{ child_name: …, child_age: … }, …] }`).
 */
export type Answers = Record<string, AnswerValue | PageAnswers[]>;
