import { lookupEn } from './strings-lookup.js';
import { requestEn } from './strings-request.js';

/**
 * Every message of `<civic-status-tracker>`, for the translation template and the catalog
 * tests. The element itself never imports this module: it registers the words of its first
 * screen (`strings-lookup.ts`) when it loads and those of a request (`strings-request.ts`) with
 * the code that shows one, so a page pays for neither before it needs them. English is the
 * source of truth for the keys: Spanish is typed against it.
 */
const en = { ...lookupEn, ...requestEn };

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const statusTrackerMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type StatusTrackerMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends StatusTrackerMessages {}
}
