/**
 * The only door to Leaflet. Tiny and free of Leaflet itself, so any widget may import it eagerly:
 * Leaflet's code, its CSS and the map helpers arrive in a separate chunk, fetched the first time
 * a map is actually shown, and shared by every widget on the page.
 *
 * ```ts
 * import { loadMapKit } from '../../core/map/load.js';
 * const kit = await loadMapKit();
 * const map = kit.createMap(kit.L, container, { root: this.renderRoot as ShadowRoot, tileUrl, bounds });
 * ```
 */

import type { MapKit } from './kit.js';

export type { MapKit } from './kit.js';

/** Leaflet's namespace as its ES build exports it (`L.map`, `L.marker`, …). */
export type Leaflet = typeof import('leaflet');

let leaflet: Promise<Leaflet> | undefined;
let kit: Promise<MapKit> | undefined;

/**
 * Leaflet, imported on first call and cached. A failed import (offline) is not cached, so a
 * later call tries again.
 */
export function loadLeaflet(): Promise<Leaflet> {
  leaflet ??= import('leaflet/dist/leaflet-src.esm.js').catch((error: unknown) => {
    leaflet = undefined;
    throw error;
  });
  return leaflet;
}

/**
 * Leaflet plus what a civic map needs with it: the Leaflet CSS as a Lit `CSSResult`, the pin
 * icon, `createMap` (tiles, attribution, shadow-root styles) and `pinKeyboard` (arrow keys move
 * a pin). Cached like {@link loadLeaflet}.
 */
export function loadMapKit(): Promise<MapKit> {
  kit ??= Promise.all([loadLeaflet(), import('./kit.js')])
    .then(([L, module]) => module.mapKit(L))
    .catch((error: unknown) => {
      kit = undefined;
      throw error;
    });
  return kit;
}
