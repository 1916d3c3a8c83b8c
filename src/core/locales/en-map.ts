import type { Message } from './en.js';

/**
 * The English of Leaflet's own controls, on every map, registered by
 * `core/map/defaults.ts`: a page without one does not load it. Its keys are shared
 * messages (`CoreMessages`), so `es.ts` has their Spanish.
 */
export const enMap = {
  // Leaflet's own controls, on every map
  mapZoomIn: 'Zoom in',
  mapZoomOut: 'Zoom out',
  mapLeafletTitle: 'Leaflet, a JavaScript library for interactive maps',
  mapOsmCredit: '{osm} contributors',
} satisfies Record<string, Message>;
