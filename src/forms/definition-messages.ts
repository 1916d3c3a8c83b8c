import { CHECK_ANSWERS, FILE_TYPES, QUESTION_TYPES } from './definition.js';
import type { DefinitionProblem } from './check-definition.js';

/**
 * What each problem `checkDefinition` finds says, for a city's web team (English: it is read
 * where definitions are written, not by residents). `{0}`, `{1}`… are the problem's values in
 * order. The shape kinds (`id`, `slug`, `url`…) are codes too: "must be" what the kind is.
 */
const MESSAGES = {
  object: 'must be an object',
  question_type: `must be one of ${QUESTION_TYPES.join(', ')}`,
  required: 'is required',
  not_property: 'is not a property of a {0}',
  list: 'must be a list',
  min_items: 'must hold at least {0}',
  max_items: 'must hold at most {0}',
  string: 'must be a non-empty string',
  id: 'must be an id: lower-case letters, digits, - and _, starting with a letter',
  slug: 'must be lower-case letters, digits and -',
  value: 'must be letters, digits, _ . and -, starting with a letter or digit',
  email: 'must be an email address',
  int: 'must be a whole number, 0 or more',
  int1: 'must be a whole number, 1 or more',
  decimals: 'must be a whole number from 0 to 6',
  number: 'must be a number',
  bool: 'must be true or false',
  url: 'must be an http(s) address or a path starting with /',
  date_bound: 'must be YYYY-MM-DD, today, or today+N / today-N',
  strings: 'must be a non-empty list of strings',
  languages: 'must be a list of language codes, like ["en", "es"]',
  language_twice: 'lists a language twice',
  file_types: `must be a list of file types (${FILE_TYPES.join(', ')})`,
  file_type: `must be one of ${FILE_TYPES.join(', ')}`,
  text: 'must be a text in each language, like {"en": "…", "es": "…"}',
  language_missing: 'is missing: every text needs the declared language "{0}"',
  language_undeclared: 'is not a declared language (languages: {0})',
  unsafe_link: 'links to "{0}": a link must be http(s), mailto or a path starting with /',
  reserved_id: `"${CHECK_ANSWERS}" is reserved for the end of the form`,
  duplicate_page: 'duplicate page id "{0}" (also {1})',
  duplicate_question: 'duplicate question id "{0}" (also {1})',
  repeatable_id: "a repeatable page's id holds its answers, so it cannot also be a question id",
  min_over_max: 'must not be more than max',
  repeatable_max: 'must be between 1 and 50',
  start_page: '"{0}" is not the id of a page',
  no_target: `"{0}" is not a page, an exit page or ${CHECK_ANSWERS}`,
  no_question: '"{0}" is not a question of this form',
  route_type: '"{0}" is a {1} question: a route can test only a selection or yes/no',
  route_repeatable: '"{0}" is on a repeatable page: a route cannot test it',
  route_value: '"{0}" is not a value of "{1}" ({2})',
  loop: 'leads back to "{0}", which comes before it: routing must not loop',
  unreachable: 'page "{0}" cannot be reached from the start page',
  exit_unreachable: 'exit page "{0}" cannot be reached: no route leads to it',
  route_order: '"{0}" is on page "{1}", which does not come before this page',
  reference_prefix: 'must be 2 to 5 capital letters, like BPP',
  min_over_max_length: 'must not be more than max_length',
  min_after_max: 'must not be after max',
  duplicate_value: 'duplicate value "{0}"',
  checkboxes_single: 'checkboxes need "multiple": true',
  radios_multiple: 'radios take one answer: remove "multiple" or use checkboxes',
  display: 'must be radios, checkboxes or select',
  max_bytes: 'must be between 1 and 26214400 (25 MB)',
  max_files: 'must be between 1 and 10',
} as const;

/** Every problem `checkDefinition` can report. */
export type DefinitionCode = keyof typeof MESSAGES;

/** A problem in words: `definitionMessage({ path, code: 'no_target', args: ['x'] })` → `"x" is not a page, …`. */
export function definitionMessage(problem: DefinitionProblem): string {
  return MESSAGES[problem.code].replace(/\{(\d)\}/g, (_, i: string) => problem.args[Number(i)] ?? '');
}
