/**
 * What `<civic-request-map>` shows after its first screen, as one lazily imported chunk: the
 * markers and their popups, the list view, their styles and words. The element fetches it right
 * after its first render, beside Leaflet (the map view needs both at once; the list view needs
 * only this).
 */
import { registerMessages } from '../../core/i18n.js';
import { requestMapLaterMessages } from './strings-later.js';
import { requestMapLaterStyles } from './later.styles.js';

registerMessages(requestMapLaterMessages);

export { RequestMapView } from './map-view.js';
export { renderList } from './list.js';

/** Adds this chunk's styles to the element's shadow root (once), next to those Lit adopted. */
export function adoptLaterStyles(root: ShadowRoot): void {
  const sheet = requestMapLaterStyles.styleSheet!;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
