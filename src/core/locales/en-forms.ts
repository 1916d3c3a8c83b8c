import type { Message } from './en.js';

/**
 * The English of the form engine (buttons, check answers, fields, character count), registered by
 * the form modules that show it (`core/forms/messages.ts`): a page without one does not load it. Its keys are shared
 * messages (`CoreMessages`), so `es.ts` has their Spanish.
 */
export const enForms = {
  // Form engine: buttons, check answers, fields (every form widget)
  formContinue: 'Continue',
  formBack: 'Back',
  formChange: 'Change',
  formNotGiven: 'Not given',
  formSending: 'Sending…',
  formCheckTitle: 'Check your answers before sending',
  formStartOver: 'Start over',
  formSelectPlaceholder: 'Choose…',
  formChooseAll: 'Select all that apply.',
  formDateHint: 'For example, 27 3 2026',
  formDay: 'Day',
  formMonth: 'Month',
  formYear: 'Year',
  formFileRemove: 'Remove',
  formFileChosen: {
    one: '{count} file chosen',
    other: '{count} files chosen',
  },
  formErrorRequired: 'Answer “{label}”',
  formErrorChoose: 'Select an answer for “{label}”',
  formErrorTooLong: '“{label}” must be {max} characters or fewer',
  formErrorTooShort: '“{label}” must be at least {min} characters',
  formErrorEmail: 'Enter an email address in the correct format, like name@example.com',
  formErrorPhone: 'Enter a telephone number, like 01632 960 001 or +1 860 555 0100',
  formErrorNumber: '“{label}” must be a number, like 25 or 25.50',
  formErrorNumberRange: '“{label}” must be between {min} and {max}',
  formErrorDate: '“{label}” must be a real date, like 27 3 2026',
  formErrorDateRange: '“{label}” must be between {min} and {max}',
  formErrorFileType: 'The selected file must be {types}',
  formErrorFileSize: 'The selected file must be smaller than {max}',
  formErrorFileCount: 'Select {max} files or fewer',

  // Character count (GOV.UK wording)
  characterCountLimit: {
    one: 'You can enter up to {count} character',
    other: 'You can enter up to {count} characters',
  },
  charactersRemaining: {
    one: 'You have {count} character remaining',
    other: 'You have {count} characters remaining',
  },
  charactersOverLimit: {
    one: 'You have {count} character too many',
    other: 'You have {count} characters too many',
  },
} satisfies Record<string, Message>;
