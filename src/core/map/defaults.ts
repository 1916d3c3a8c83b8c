/**
 * Map defaults and bounds helpers, safe to import eagerly (no Leaflet, no CSS).
 */

import type { LngLatBounds } from '../../api/geocoder.js';
import { registerMessages, type Translate } from '../i18n.js';
import { enMap } from '../locales/en-map.js';

export type { LngLatBounds };

registerMessages({ en: enMap });

/**
 * The words Leaflet itself puts on a map: its zoom buttons, the title of its attribution link,
 * and OpenStreetMap's credit (`{osm}` stands for the linked name) when the default tiles are used.
 */
export interface MapLabels {
  zoomIn: string;
  zoomOut: string;
  leafletTitle: string;
  osmCredit: string;
}

/** Leaflet's words in a widget's language. */
export const mapLabels = (t: Translate): MapLabels => ({
  zoomIn: t('mapZoomIn'),
  zoomOut: t('mapZoomOut'),
  leafletTitle: t('mapLeafletTitle'),
  osmCredit: t('mapOsmCredit'),
});

/**
 * Reads a `bounds` attribute, `"minLng,minLat,maxLng,maxLat"`; `undefined` when it is missing
 * or not four numbers in that order (a mistyped attribute must not lock every point out).
 */
export function parseBounds(value: string | null | undefined): LngLatBounds | undefined {
  if (!value) return undefined;
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [minLng, minLat, maxLng, maxLat] = parts as LngLatBounds;
  if (minLng >= maxLng || minLat >= maxLat || Math.abs(minLat) > 90 || Math.abs(maxLat) > 90) return undefined;
  return [minLng, minLat, maxLng, maxLat];
}

/** Whether a point lies inside (or on the edge of) the bounds. */
export function inBounds(bounds: LngLatBounds, lat: number, long: number): boolean {
  const [minLng, minLat, maxLng, maxLat] = bounds;
  return long >= minLng && long <= maxLng && lat >= minLat && lat <= maxLat;
}
