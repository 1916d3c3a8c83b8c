import type { Message } from '../../core/locales/en.js';
import { addAnswerMessages } from '../../forms/answer-messages-core.js';

/**
 * `<civic-form>`'s own words for its first screen (a definition brings the form's); the later
 * steps' words load with their code (`later-strings.ts`), the list's with the list
 * (`list-strings.ts`). English is the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  civicFormNotFound: 'This form is not available. It may have been withdrawn: check the list of forms.',
  civicFormBadDefinition: 'This form cannot be shown because its definition has mistakes. The city’s web team needs to fix them:',
  civicFormYes: 'Yes',
  civicFormNo: 'No',
  civicFormAddress_line1: 'Address line 1',
  civicFormAddress_line2: 'Address line 2',
  civicFormAddress_city: 'Town or city',
  civicFormAddress_state: 'State',
  civicFormAddress_zip: 'ZIP code',
  civicFormNameFirst: 'First name',
  civicFormNameLast: 'Last name',
  civicFormSaveLater: 'Save and come back later',
  civicFormStartOver: 'Start again',
  civicFormPrivacy: 'How the city uses your information',
} satisfies Record<string, Message>;

/**
 * English now; Spanish loads when a widget speaks it, with the shared answer checks' Spanish
 * messages (before the first page shows, so its Continue says what to fix in Spanish).
 */
export const formMessages = {
  en,
  es: () =>
    Promise.all([import('./strings.es.js'), import('../../forms/answer-messages.es.js')]).then(([strings, answers]) => {
      addAnswerMessages('es', answers.es);
      return strings.es;
    }),
};

export type FormMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends FormMessages {}
}

// Every group of the form's words, for the translators' catalog (`npm run catalog` reads this file).
export { formLaterMessages } from './later-strings.js';
export { formListMessages } from './list-strings.js';
