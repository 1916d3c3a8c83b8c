import { CHECK_ANSWERS, type AnswerValue, type Answers, type Condition, type ExitPage, type FormDefinition, type FormPage, type PageAnswers, type Question } from './definition.js';

/**
 * Routing as data: which pages a resident visits given their answers, where a page leads, and
 * which answers sit on pages the routing skipped. Pure: the browser and the server walk alike.
 */

export interface QuestionPlace {
  page: FormPage;
  question: Question;
}

export const findPage = (def: FormDefinition, id: string): FormPage | undefined => def.pages.find((p) => p.id === id);
export const findExit = (def: FormDefinition, id: string): ExitPage | undefined => def.exit_pages?.find((p) => p.id === id);

/** Question id → its page and definition. */
export function questionIndex(def: FormDefinition): Map<string, QuestionPlace> {
  const index = new Map<string, QuestionPlace>();
  for (const page of def.pages) for (const question of page.questions) index.set(question.id, { page, question });
  return index;
}

export function conditionHolds(condition: Condition, answer: AnswerValue | PageAnswers[] | undefined): boolean {
  if (typeof answer === 'string') return condition.any_of.includes(answer);
  if (Array.isArray(answer)) return answer.some((v) => typeof v === 'string' && condition.any_of.includes(v));
  return false;
}

/** Where a page leads with these answers: a page id, an exit page id, or `check-answers`. */
export function nextPage(def: FormDefinition, page: FormPage, answers: Answers): string {
  for (const route of page.routes ?? []) if (conditionHolds(route.when, answers[route.when.question])) return route.goto;
  if (page.next) return page.next;
  const i = def.pages.indexOf(page);
  return def.pages[i + 1]?.id ?? CHECK_ANSWERS;
}

/** Every target a page can lead to, whatever the answers (for the validator's graph). */
export function pageTargets(def: FormDefinition, page: FormPage): string[] {
  const fallback = page.next ?? def.pages[def.pages.indexOf(page) + 1]?.id ?? CHECK_ANSWERS;
  return [...new Set([...(page.routes ?? []).map((r) => r.goto), fallback])];
}

export interface Walk {
  /** Page ids in the order the resident visits them. */
  pages: string[];
  /** `check-answers`, or the id of the exit page the answers lead to. */
  end: string;
}

/**
 * The pages these answers visit, from the start page to check-answers or an exit page. A route
 * on an unanswered question does not hold, so an empty draft walks the default path.
 */
export function walk(def: FormDefinition, answers: Answers): Walk {
  const pages: string[] = [];
  let id = def.start_page;
  while (id !== CHECK_ANSWERS) {
    const page = findPage(def, id);
    // An exit page, an unknown id or a loop (both refused by validateDefinition) end the walk.
    if (!page || pages.includes(id)) break;
    pages.push(id);
    id = nextPage(def, page, answers);
  }
  return { pages, end: id };
}

/** The page after `pageId` in the walk (what Continue does), or the end. */
export function pageAfter(def: FormDefinition, pageId: string, answers: Answers): string {
  const page = findPage(def, pageId);
  return page ? nextPage(def, page, answers) : def.start_page;
}

/** The page before `pageId` in the walk (what Back does), or undefined on the first page. */
export function pageBefore(def: FormDefinition, pageId: string, answers: Answers): string | undefined {
  const { pages, end } = walk(def, answers);
  const i = pageId === CHECK_ANSWERS || pageId === end ? pages.length : pages.indexOf(pageId);
  return i > 0 ? pages[i - 1] : undefined;
}

/** Answer keys (question ids, or a repeatable page's id) that belong to no visited page. */
export function skippedKeys(def: FormDefinition, answers: Answers): string[] {
  const visited = new Set(walk(def, answers).pages);
  const index = questionIndex(def);
  return Object.keys(answers).filter((key) => {
    const page = findPage(def, key)?.repeatable ? findPage(def, key) : index.get(key)?.page;
    return page !== undefined && !visited.has(page.id);
  });
}

/** The answers without those on skipped pages: what to send after a Change altered the route. */
export function pruneAnswers(def: FormDefinition, answers: Answers): Answers {
  const skipped = new Set(skippedKeys(def, answers));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !skipped.has(key)));
}

/** How many entries a repeatable page takes. */
export function repeatBounds(page: FormPage): { min: number; max: number } {
  return { min: page.repeatable?.min ?? 1, max: page.repeatable?.max ?? 1 };
}

/** Whether an "add another" page can take one more entry. */
export const canAddAnother = (page: FormPage, entries: readonly PageAnswers[]): boolean => entries.length < repeatBounds(page).max;
