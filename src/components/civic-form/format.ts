/**
 * The form definition as `<civic-form>` reads it. Interim: the format is owned by
 * `src/forms/definition.ts` (branch forms-core); once that lands, this file re-exports it.
 */

/** Every string of a definition: one text per language code. */
export type LocalText = Record<string, string>;

export type QuestionType = 'text' | 'textarea' | 'number' | 'email' | 'phone' | 'address' | 'date' | 'selection' | 'yes_no' | 'file' | 'name';

export interface QuestionOption {
  value: string;
  label: LocalText;
  hint?: LocalText;
}

export interface Question {
  id: string;
  type: QuestionType;
  label: LocalText;
  hint?: LocalText;
  required?: boolean;
  options?: QuestionOption[];
  /** A selection: one answer or several. */
  multiple?: boolean;
  display?: 'radios' | 'checkboxes' | 'select';
  min?: number | string;
  max?: number | string;
  max_length?: number;
  accept?: string[];
  max_bytes?: number;
}

export interface RouteCondition {
  question: string;
  any_of: string[];
}

export interface Route {
  when: RouteCondition;
  goto: string;
}

export interface Page {
  id: string;
  heading?: LocalText;
  guidance?: LocalText;
  questions: Question[];
  repeatable?: { max?: number; add_another?: LocalText };
  next?: string;
  routes?: Route[];
}

export interface ExitPage {
  id: string;
  heading: LocalText;
  body: LocalText;
}

export interface FormDefinition {
  slug: string;
  version: number;
  category?: string;
  languages: string[];
  name: LocalText;
  description?: LocalText;
  start_page: string;
  pages: Page[];
  exit_pages?: ExitPage[];
  declaration?: LocalText;
  what_happens_next?: LocalText;
  privacy_url?: string;
}

/** Where routing may send the resident besides a page: the end of the questions. */
export const CHECK_ANSWERS = 'check-answers';
