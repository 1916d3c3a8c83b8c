/** OpenStreetMap defaults, used only by the lazily loaded map kit (so they travel in its chunk). */

/** OpenStreetMap's standard tiles. Fine for a demo; a city with traffic should use its own or a provider's. */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/** The attribution OpenStreetMap's licence requires with its tiles (HTML written by us, not data). */
export const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
