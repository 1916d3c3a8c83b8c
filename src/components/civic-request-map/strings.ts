import type { Message } from '../../core/locales/en.js';

/**
 * `<civic-request-map>`'s messages. They live with the widget, so a page pays only for the strings
 * of the widgets it uses; the element registers them (`registerMessages`) when its module
 * loads. English is the source of truth for the keys: Spanish is typed against it.
 */
const en = {
  requestMapTitle: 'Reported problems',
  requestMapFilters: 'Filter requests',
  requestMapAllCategories: 'All categories',
  requestMapOtherGroup: 'Other',
  requestMapAnyStatus: 'Open and closed',
  requestMapStatusOpen: 'Open',
  requestMapStatusClosed: 'Closed',
  requestMapFrom: 'Reported from',
  requestMapTo: 'Reported until',
  requestMapShowList: 'Show as list',
  requestMapShowMap: 'Show map',
  requestMapLoading: 'Loading requests…',
  requestMapMapLoading: 'Loading map…',
  requestMapMapFailed: "The map couldn't load. Use “Show as list” to see the same requests.",
  requestMapLabel: 'Map of reported problems. Arrow keys move the map, plus and minus zoom, Tab reaches the markers and arrow keys move between them.',
  requestMapCountAll: {
    one: '{count} request in view',
    other: '{count} requests in view',
  },
  requestMapCountOpen: {
    one: '{count} open request in view',
    other: '{count} open requests in view',
  },
  requestMapCountClosed: {
    one: '{count} closed request in view',
    other: '{count} closed requests in view',
  },
  requestMapEmpty: 'No requests match these filters in this area.',
  requestMapCapped: 'There are more requests here than the map can show at once. Zoom in or narrow the filters to see them all.',
  requestMapColStatus: 'Status',
  requestMapColCategory: 'Category',
} satisfies Record<string, Message>;

/** English now; other languages load when a widget speaks them (see `registerMessages`). */
export const requestMapMessages = { en, es: () => import('./strings.es.js').then((m) => m.es) };

export type RequestMapMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends RequestMapMessages {}
}
