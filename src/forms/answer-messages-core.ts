import type { LocalText, Question } from './definition.js';
import type { AnswerError, AnswerPart } from './validate-answers.js';

/**
 * What an answer error says: the words the server puts in a 400 and the element can show
 * (GOV.UK style: say what to do, never "invalid"). English here; other languages are added with
 * `addAnswerMessages` (`answer-messages.ts` adds Spanish, for the server; the element adds it
 * with its Spanish strings, so an English page never downloads it).
 */

/** Messages by key (an error code, or `code.variant`), `{name}` placeholders filled in. */
export type AnswerCatalog = Record<string, string>;
type Catalog = AnswerCatalog;

/** A text map in `language` (`es-US` finds `es`), else English, else any. */
export function localText(text: LocalText, language: string): string {
  return text[language] ?? text[language.split('-')[0]!.toLowerCase()] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** The messages of one page's answers (what the element checks; the server adds a whole submission's). */
const en: Catalog = {
  required: 'Enter an answer for “{label}”',
  'required.select': 'Select an answer for “{label}”',
  'required.file': 'Upload a file for “{label}”',
  type: 'Enter “{label}” again: the answer was not in a form we can read',
  not_in_list: 'Select one of the choices for “{label}”',
  too_short: '“{label}” must be {min} characters or more',
  too_long: '“{label}” must be {max} characters or fewer',
  email: 'Enter an email address in the correct format, like name@example.com',
  phone: 'Enter a phone number with its area code, like 860 555 0123',
  number: '“{label}” must be a number, like 25',
  decimals: '“{label}” can have at most {max} digits after the decimal point',
  'decimals.0': '“{label}” must be a whole number',
  too_small: '“{label}” must be {min} or more',
  too_big: '“{label}” must be {max} or less',
  date: '“{label}” must be a real date, like 27 3 2026',
  too_early: '“{label}” must be on or after {min}',
  too_late: '“{label}” must be on or before {max}',
  'address.line1': 'Enter the building and street of “{label}”',
  'address.city': 'Enter the town or city of “{label}”',
  state: 'Enter the state of “{label}” as two letters, like CT',
  zip: 'Enter a 5-digit ZIP code for “{label}”, like 06103',
  'name.first': 'Enter the first name for “{label}”',
  'name.last': 'Enter the last name for “{label}”',
  file_type: '{file} must be one of these types: {types}',
  file_too_big: '{file} must be smaller than {size}',
  too_many_files: 'Upload {max} files or fewer for “{label}”',
};

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'text/plain': 'TXT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
};

export const fileTypeNames = (types: readonly string[]): string => types.map((t) => TYPE_NAMES[t] ?? t).join(', ');

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Per language (its primary subtag), the messages known so far. */
const catalogs: Record<string, Catalog> = { en };

/** Adds messages of a language (keys it lacks fall back to English). */
export function addAnswerMessages(language: string, catalog: Catalog): void {
  const lang = language.toLowerCase();
  catalogs[lang] = { ...catalogs[lang], ...catalog };
}

function key(error: AnswerError, question?: Question): string {
  const part = error.part as AnswerPart | undefined;
  if (error.code === 'required') {
    if (question?.type === 'selection' || question?.type === 'yes_no') return 'required.select';
    if (question?.type === 'file') return 'required.file';
  }
  if ((error.code === 'address' || error.code === 'name') && part) return `${error.code}.${part}`;
  if (error.code === 'decimals' && error.params?.max === 0) return 'decimals.0';
  return error.code;
}

/** The message for an error, with the question's label in `language` (English when missing). */
export function answerMessage(error: AnswerError, question: Question | undefined, language: string): string {
  const lang = language.toLowerCase().split('-')[0]!;
  const english = catalogs.en!;
  const catalog = catalogs[lang] ?? english;
  const label = question ? localText(question.label, language) : (error.question ?? '');
  const params: Record<string, string | number> = { label, ...error.params };
  if (question?.type === 'file') {
    params.types = fileTypeNames(question.accept);
    params.size = formatBytes(question.max_bytes);
  }
  for (const k of ['min', 'max'] as const) {
    const v = params[k];
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
      params[k] = new Intl.DateTimeFormat(catalog === english ? 'en-US' : lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${v}T00:00:00Z`));
  }
  const template = catalog[key(error, question)] ?? catalog[error.code] ?? english[error.code]!;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
