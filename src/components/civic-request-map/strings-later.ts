import type { Message } from '../../core/locales/en.js';

/**
 * The English of what `<civic-request-map>` shows only after its first screen: the markers and
 * their details, the list view, the tiles notice. Registered by `later.ts`, so they arrive with
 * the code that shows them; their Spanish is in `strings.es.ts` with the rest.
 */
const en = {
  requestMapTilesFailed: "The map's streets couldn't load. Use “Show as list” to see the same requests with their addresses.",
  requestMapCluster: {
    one: '{count} request here. Press Enter to zoom in.',
    other: '{count} requests here. Press Enter to zoom in.',
  },
  requestMapMarker: '{category}, {status}: {address}',
  requestMapNoAddress: 'No address given',
  requestMapUnknownCategory: 'Request',
  requestMapClosePopup: 'Close details',
  requestMapColAddress: 'Address',
  requestMapColDate: 'Reported',
  requestMapColDetails: 'Details',
  requestMapFollow: 'Follow this request',
  requestMapFollowId: 'Follow request {id}',
  requestMapListCaption: 'Requests in the map area',
  requestMapShowMore: 'Show {count} more',
} satisfies Record<string, Message>;

/** English only: the Spanish of these keys loads with the element's (`strings.es.ts`). */
export const requestMapLaterMessages = { en };

export type RequestMapLaterMessages = typeof en;
declare module '../../core/i18n.js' {
  interface CivicMessages extends RequestMapLaterMessages {}
}
