/** OpenStreetMap defaults, used only by the lazily loaded map kit (so they travel in its chunk). */
import type { MapLabels } from './defaults.js';

/** OpenStreetMap's standard tiles. Fine for a demo; a city with traffic should use its own or a provider's. */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The attribution OpenStreetMap's licence requires with its tiles (HTML written by us, not data). */
export const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Text made safe to put into HTML that Leaflet renders (attribution). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** OpenStreetMap's licence credit in the widget's language: "© OpenStreetMap contributors" / "© colaboradores de OpenStreetMap". */
export function osmAttribution(labels?: MapLabels): string {
  if (!labels) return OSM_ATTRIBUTION;
  const [before = '', after = ''] = labels.osmCredit.split('{osm}');
  return `&copy; ${escapeHtml(before)}<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>${escapeHtml(after)}`;
}
