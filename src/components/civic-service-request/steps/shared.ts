import { continueBack, stepTitle } from '../../../core/forms/pieces.js';
import type { Translate } from '../../../core/i18n.js';

/** What every step's template gets from the element. */
export interface StepContext {
  t: Translate;
  locale: string;
  /** The inline error for a control or fieldset id, worded as in the summary. */
  errorFor(id: string): string | undefined;
}

/** A step's heading: the form engine's, focused when the step opens so screen readers start there. */
export const stepHeading = stepTitle;

/** Continue (submit) and, except on the first step, Back. */
export const stepButtons = continueBack;
