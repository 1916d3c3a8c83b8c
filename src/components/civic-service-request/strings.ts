import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-service-request>`'s messages. They live with the widget, so a page pays only for the strings
 * of the widgets it uses; the element registers them (`registerMessages`) when its module
 * loads. English is the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  requestEmergencyNotice: 'If someone is in danger or hurt, call 911 now. Do not use this form for emergencies.',
  requestStartOver: 'Start over and clear this report',
  requestDraftQuestion: 'Continue your report about {current}, or start a new one about {wanted}?',
  requestDraftContinue: 'Continue my report about {current}',
  requestDraftStartNew: 'Start a new report about {wanted}',
  requestCategoryTitle: 'What do you want to report?',
  requestCategoryLegend: 'Choose the kind of problem',
  requestSearchLabel: 'Search for a problem',
  requestSearchHint: 'For example, pothole, streetlight or trash',
  requestSearchCount: { one: '{count} match', other: '{count} matches' },
  requestSearchNone: 'Nothing matches your search. Try other words, or clear the search to see every kind of problem.',
  requestFeatured: 'Most reported',
  requestErrorService: 'Choose the kind of problem you want to report',
} satisfies Record<string, Message>;

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const serviceRequestMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type ServiceRequestMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends ServiceRequestMessages {}
}
