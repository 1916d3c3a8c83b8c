import { fieldset } from '../../core/forms/field.js';
import { continueBack, stepTitle } from '../../core/forms/pieces.js';
import { choiceList, renderFieldWith, type RenderFieldOptions } from '../../core/forms/render-field.js';
import { textRuleChecks, validateFieldWith, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import type { Translate } from '../../core/i18n.js';
import { fieldList, notifyControls } from './fields.js';
import { asksArea, chosenTopics, emptySignupDraft, FREQUENCY_KEY, languageOf, listOf, signupErrors, textOf, topicFields } from './model.js';

/**
 * What the parts that load later (the sign-up's later steps, the confirmation and manage pages)
 * use of the first screen's code, handed to them by the element rather than imported. It was
 * written while the build kept entry chunks' exports strict, when a module both imported was split
 * off into a chunk of its own; with `preserveEntrySignatures: 'allow-extension'` (scripts/build.mjs)
 * a lazy module may import the first screen's modules directly, so this indirection can go.
 */
export const notifyKit = {
  fieldset,
  choiceList,
  /** One field, with the sign-up's controls. */
  renderField: (t: Translate, spec: FieldSpec, value: FieldValue, options: RenderFieldOptions) => renderFieldWith(notifyControls, t, spec, value, options),
  /** One field's first problem, with the sign-up's checks (text, email, phone). */
  validateField: (t: Translate, spec: FieldSpec, value: FieldValue, locale: string) => validateFieldWith(textRuleChecks, t, spec, value, locale),
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
