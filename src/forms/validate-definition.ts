import { checkDefinition } from './check-definition.js';
import { definitionMessage } from './definition-messages.js';

/** A problem of a definition, in words: where (`pages[2].routes[0].goto`) and what. */
export interface DefinitionError {
  path: string;
  message: string;
}

/**
 * A definition → errors that say where and what: `checkDefinition`'s problems, each worded by
 * `definitionMessage`. What the server (staff publish, the seeds) and the importers use; the
 * browser runs `checkDefinition` and fetches the words only when there is a problem.
 */
export function validateDefinition(input: unknown): DefinitionError[] {
  return checkDefinition(input).map((problem) => ({ path: problem.path, message: definitionMessage(problem) }));
}
