import type { Message } from '../../core/locales/en.js';

/**
 * The words of `<civic-status-tracker>`'s first screen: its title and lookup form, and the line
 * shown while a lookup runs. The element registers them when its module loads; the words of a
 * request, once found, arrive with the code that shows it (`strings-request.ts`). The Spanish of
 * both is one chunk (`strings.es.ts`), loaded only when a widget speaks Spanish.
 */
export const lookupEn = {
  trackerTitle: 'Track a request',
  trackerLabel: 'Reference number',
  trackerHint: 'It is on the confirmation page shown after you sent your report, for example 10234.',
  trackerSubmit: 'Find request',
  trackerErrorEmpty: 'Enter your reference number',
  trackerLoading: 'Looking up request {ref}…',
} satisfies Record<string, Message>;

export const lookupMessages = { en: lookupEn, es: () => import('./strings.es.js').then((m) => m.es) };
