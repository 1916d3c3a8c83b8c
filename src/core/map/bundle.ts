/**
 * Entry of the one-file build's map chunk (`civic-elements.all.map-<hash>.js`): Leaflet, the map
 * kit and clustering in one self-contained module. The one-file build imports it instead of each
 * of them, so `civic-elements.all.js` and this file share no code and neither imports the other
 * statically.
 */
export * from 'leaflet/dist/leaflet-src.esm.js';
export * from './kit.js';
export * from '../geo/cluster.js';
