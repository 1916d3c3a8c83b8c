import type { Message } from '../../core/locales/en.js';

/** `<civic-form-list>`'s words. */
const en = {
  civicFormListSearch: 'Search forms',
  civicFormListSearchHint: 'For example, “parking permit” or “tax relief”',
  civicFormListCount: { one: '1 form found', other: '{count} forms found' },
  civicFormListNone: 'No forms match “{query}”. Check the spelling or try other words.',
  civicFormListEmpty: 'The city has not published any forms yet.',
  civicFormCategory_permits: 'Permits and licences',
  civicFormCategory_taxes: 'Taxes and benefits',
  civicFormCategory_contact: 'Contact the city',
  civicFormCategory_youth: 'Youth and families',
  civicFormCategory_meetings: 'Public meetings',
  civicFormCategory_other: 'Other forms',
} satisfies Record<string, Message>;

/** English now; Spanish loads when a widget speaks it. */
export const formListMessages = { en, es: () => import('./list-strings.es.js').then((m) => m.es) };

export type FormListMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends FormListMessages {}
}
