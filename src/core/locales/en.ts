import type { enForms } from './en-forms.js';
import type { enMap } from './en-map.js';

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

/**
 * The shared messages; `CivicMessages` in `../i18n.ts` adds every widget's. The form engine's
 * and the map's English are in `en-forms.ts` and `en-map.ts`, registered by the modules that
 * show them, so a page without a form or a map does not load them (their Spanish stays in
 * `es.ts`, which loads only on a Spanish page).
 */
export type CoreMessages = typeof en & typeof enForms & typeof enMap;
