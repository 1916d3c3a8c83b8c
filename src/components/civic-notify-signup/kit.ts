import { fieldset } from '../../core/forms/field.js';
import { continueBack, stepTitle } from '../../core/forms/pieces.js';
import { choiceList, renderField } from '../../core/forms/render-field.js';
import { validateField } from '../../core/forms/schema.js';
import { fieldList } from './fields.js';
import { asksArea, chosenTopics, emptySignupDraft, FREQUENCY_KEY, languageOf, listOf, signupErrors, textOf, topicFields } from './model.js';

/**
 * What the parts that load later (the sign-up's later steps, the confirmation and manage pages)
 * use of the first screen's code, handed to them by the element rather than imported: a module
 * that both the first screen and a lazy chunk import is split off by the bundler into a chunk of
 * its own, one more file (compressed alone) that every page with the widget loads. The lazy
 * modules import its type only.
 */
export const notifyKit = {
  fieldset,
  choiceList,
  renderField,
  validateField,
  stepTitle,
  continueBack,
  fieldList,
  asksArea,
  chosenTopics,
  emptySignupDraft,
  FREQUENCY_KEY,
  languageOf,
  listOf,
  signupErrors,
  textOf,
  topicFields,
};

export type NotifyKit = typeof notifyKit;
