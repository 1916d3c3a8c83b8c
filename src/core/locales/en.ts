/**
 * The English catalog of the strings several widgets share (each widget keeps its own in its
 * `strings.ts`), and the source of truth for their keys: the Spanish catalog is typed against
 * it, so a key added here without a translation fails the typecheck.
 *
 * A message is a string with `{name}` placeholders, or plural forms chosen with
 * `Intl.PluralRules` from the `count` parameter (`other` is required).
 */
export const en = {
  // Shared
  loading: 'Loading…',
  tryAgain: 'Try again',
  optional: '(optional)',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  errorTitlePrefix: 'Error:',
  notConfigured: 'This service is not set up yet. Please try again later.',

  // Backend failures, one per error kind
  errorNetwork: "We couldn't reach the city's service. Check your connection and try again.",
  errorTimeout: "The city's service is taking too long to answer. Try again in a few minutes.",
  errorServer: "The city's service had a problem and couldn't complete your request. Try again later.",
  errorMalformed: "The city's service sent an answer we couldn't read. Try again later.",
  errorHtml: "The city's service is unavailable right now. Try again later.",
  errorUnknown: 'Something went wrong. Try again later.',

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

  // Leaflet's own controls, on every map
  mapZoomIn: 'Zoom in',
  mapZoomOut: 'Zoom out',
  mapLeafletTitle: 'Leaflet, a JavaScript library for interactive maps',
  mapOsmCredit: '{osm} contributors',

  // <civic-service-list>
  serviceListTitle: 'What you can report',
  serviceListLoading: 'Loading services…',
  serviceListEmpty: 'No services are available right now.',
  serviceListOtherGroup: 'Other',
  serviceListCount: {
    one: '{count} service',
    other: '{count} services',
  },
} satisfies Record<string, Message>;

/** Plural forms of one message, chosen with `Intl.PluralRules`; `other` is the fallback. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Message = string | PluralMessage;

/** The shared messages; `CivicMessages` in `../i18n.ts` adds every widget's. */
export type CoreMessages = typeof en;
