/**
 * The lazily loaded half of the map module: everything here arrives with Leaflet, through
 * `loadMapKit()` in `./load.ts`. Never import this file statically from a widget whose map is
 * optional — it carries the Leaflet CSS and the marker images.
 */

import type * as LeafletTypes from 'leaflet';
// Root-absolute, not `leaflet/…?url`: see the note in ./styles.ts. Built as files next to this
// chunk, never data: URLs, so a host page's CSP need not allow `img-src data:`.
import markerIconUrl from 'leaflet/dist/images/marker-icon.png?url';
import markerIcon2xUrl from 'leaflet/dist/images/marker-icon-2x.png?url';
import markerShadowUrl from 'leaflet/dist/images/marker-shadow.png?url';
import type { LngLatBounds, MapLabels } from './defaults.js';
import { OSM_TILE_URL, escapeHtml, osmAttribution } from './osm.js';
import { leafletCssText } from './styles.js';
import type { Leaflet } from './load.js';

export interface CreateMapOptions {
  /** Shadow root to adopt the Leaflet CSS into (once); omit when the widget lists `leafletStyles` itself. */
  root?: ShadowRoot;
  /** Tile URL template. Default OpenStreetMap's standard tiles. */
  tileUrl?: string;
  /** Attribution HTML for the tiles (page author's text, never backend data). Default OpenStreetMap's. */
  attribution?: string;
  /** Where to look first: fitted to `bounds` when no `center` is given. */
  center?: [lat: number, long: number];
  /** Zoom with `center`. Default 16. */
  zoom?: number;
  /** The city: the first view when there is no `center`. */
  bounds?: LngLatBounds;
  /** Any other Leaflet map option (`keyboard: false` to handle keys yourself, `maxZoom`…). */
  mapOptions?: LeafletTypes.MapOptions;
  /**
   * Called with `true` when not one tile of a view could load (offline, blocked by a firewall or
   * a CSP, a wrong tile URL): the map is then an empty box and the widget should say so and point
   * to its typed or list alternative. Called with `false` when tiles load again.
   */
  onTilesFailed?: (failed: boolean) => void;
  /** Leaflet's control words in the widget's language (see `labelMap`). Default Leaflet's English. */
  labels?: MapLabels;
}

export interface PinKeyboardOptions {
  /** Pixels an arrow key moves the pin at the current zoom (Shift: a quarter). Default 40, ~50 m at zoom 17. */
  step?: number;
  /** After each arrow-key move, with the pin's new place. */
  onMove?: (latLng: LeafletTypes.LatLng) => void;
  /** Enter (or Space) on the map: the resident chose the pin's place. */
  onConfirm: (latLng: LeafletTypes.LatLng) => void;
}

/** What `loadMapKit()` resolves to. */
export interface MapKit {
  /** Leaflet's ES module namespace. */
  L: Leaflet;
  /** Leaflet CSS + civic fixes (see `styles.ts`), as a constructed style sheet. */
  styles: CSSStyleSheet;
  /** Leaflet's default blue pin, with image URLs that survive bundling (no CSS-path guessing). */
  pinIcon: LeafletTypes.Icon;
  /**
   * A Leaflet map in `container` (which must already be in the document and have a size):
   * tile layer with attribution, styles adopted into `options.root`, fitted to `center` or
   * `bounds`, no animations under `prefers-reduced-motion`. Leaflet's zoom control and
   * attribution are kept; everything else is the caller's.
   */
  createMap(container: HTMLElement, options?: CreateMapOptions): LeafletTypes.Map;
  /**
   * Keyboard control of one pin, on the focused map container: arrow keys move the pin (the map
   * follows when it nears the edge), `+`/`-` zoom, Enter or Space confirms. Create the map with
   * `mapOptions: { keyboard: false }` so Leaflet's own arrow-key panning does not compete, and
   * give the container `tabindex="0"`, a role and a label. Returns a function that detaches it.
   */
  pinKeyboard(map: LeafletTypes.Map, pin: LeafletTypes.Marker, options: PinKeyboardOptions): () => void;
  /** Puts `labels` on the map's zoom buttons (title and accessible name) and attribution prefix; call again when the language changes. */
  labelMap(map: LeafletTypes.Map, labels: MapLabels): void;
}

/** Maps showing OpenStreetMap's default credit, with the words it is shown in now (relabelled on a language switch). */
const defaultCredits = new WeakMap<LeafletTypes.Map, string>();

/** Puts `sheet` into a shadow root once, next to the styles Lit already adopted there. */
function adopt(root: ShadowRoot, sheet: CSSStyleSheet): void {
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/** The parts of Leaflet's (private) tile bookkeeping that `cspSafeTiles` replaces. */
interface TileBookkeeping {
  _tiles: Record<string, { el: HTMLImageElement; coords: LeafletTypes.Coords }>;
  _tileZoom: number;
  fire(type: string, data: object): void;
}

/**
 * A tile layer that cancels the download of a tile it drops by removing the image's `src`, where
 * Leaflet points it at a `data:` GIF: a host page whose CSP has no `img-src data:` would log a
 * violation for every tile on every zoom. Same behaviour otherwise (Leaflet 1.9's own code).
 */
function cspSafeTiles(L: Leaflet): typeof LeafletTypes.TileLayer {
  const gridRemoveTile = (L.GridLayer.prototype as unknown as { _removeTile(key: string): void })._removeTile;
  return L.TileLayer.extend({
    _removeTile(this: TileBookkeeping, key: string) {
      const tile = this._tiles[key];
      if (!tile) return;
      tile.el.removeAttribute('src');
      gridRemoveTile.call(this, key);
    },
    _abortLoading(this: TileBookkeeping) {
      for (const [key, { el, coords }] of Object.entries(this._tiles)) {
        if (coords.z === this._tileZoom) continue;
        el.onload = L.Util.falseFn;
        el.onerror = L.Util.falseFn;
        if (!el.complete) {
          el.removeAttribute('src');
          L.DomUtil.remove(el);
          delete this._tiles[key];
          this.fire('tileabort', { tile: el, coords });
        }
      }
    },
  }) as unknown as typeof LeafletTypes.TileLayer;
}

/** Builds the kit around a loaded Leaflet. Called by `loadMapKit()`; not for direct use. */
export function mapKit(L: Leaflet): MapKit {
  const styles = new CSSStyleSheet();
  styles.replaceSync(leafletCssText);
  const Tiles = cspSafeTiles(L);
  const pinIcon = L.icon({
    iconUrl: markerIconUrl,
    iconRetinaUrl: markerIcon2xUrl,
    shadowUrl: markerShadowUrl,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    tooltipAnchor: [16, -28],
    shadowSize: [41, 41],
  });

  function labelMap(map: LeafletTypes.Map, labels: MapLabels): void {
    const container = map.getContainer();
    for (const [selector, text] of [
      ['.leaflet-control-zoom-in', labels.zoomIn],
      ['.leaflet-control-zoom-out', labels.zoomOut],
    ] as const) {
      const button = container.querySelector<HTMLElement>(selector);
      if (!button) continue;
      button.title = text;
      button.setAttribute('aria-label', text);
    }
    map.attributionControl?.setPrefix(`<a href="https://leafletjs.com" title="${escapeHtml(labels.leafletTitle)}">Leaflet</a>`);
    const shown = defaultCredits.get(map);
    const credit = osmAttribution(labels);
    if (shown !== undefined && shown !== credit && map.attributionControl) {
      map.attributionControl.removeAttribution(shown).addAttribution(credit);
      defaultCredits.set(map, credit);
    }
  }

  return {
    L,
    styles,
    pinIcon,
    labelMap,

    createMap(container, options = {}) {
      if (options.root) adopt(options.root, styles);
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
      const map = L.map(container, {
        zoomSnap: 1,
        ...(still ? { zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false, inertia: false } : {}),
        ...options.mapOptions,
      });
      const credit = options.attribution || osmAttribution(options.labels);
      if (!options.attribution) defaultCredits.set(map, credit);
      const tiles = new Tiles(options.tileUrl || OSM_TILE_URL, { attribution: credit, maxZoom: 19 }).addTo(map);
      const onTilesFailed = options.onTilesFailed;
      if (onTilesFailed) {
        // Leaflet fires `load` once every tile of a view has settled, failed ones included; a view
        // with some failures and some tiles is still a usable map.
        let loaded = 0;
        let failed = 0;
        let down = false;
        tiles.on('loading', () => {
          loaded = 0;
          failed = 0;
        });
        tiles.on('tileload', () => {
          loaded++;
          if (down) {
            down = false;
            onTilesFailed(false);
          }
        });
        tiles.on('tileerror', () => failed++);
        tiles.on('load', () => {
          if (!down && failed > 0 && loaded === 0) {
            down = true;
            onTilesFailed(true);
          }
        });
      }
      if (options.center) {
        map.setView(options.center, options.zoom ?? 16);
      } else if (options.bounds) {
        const [minLng, minLat, maxLng, maxLat] = options.bounds;
        map.fitBounds([
          [minLat, minLng],
          [maxLat, maxLng],
        ]);
      } else {
        map.setView([0, 0], 2);
      }
      if (options.labels) labelMap(map, options.labels);
      return map;
    },

    pinKeyboard(map, pin, options) {
      const container = map.getContainer();
      const step = options.step ?? 40;
      const onKeyDown = (event: KeyboardEvent) => {
        if (event.target !== container || event.altKey || event.ctrlKey || event.metaKey) return;
        const arrow = ARROWS[event.key];
        if (arrow) {
          event.preventDefault();
          const distance = event.shiftKey ? step / 4 : step;
          const from = map.latLngToContainerPoint(pin.getLatLng());
          const to = map.containerPointToLatLng(from.add([arrow[0] * distance, arrow[1] * distance]));
          pin.setLatLng(to);
          map.panInside(to, { padding: [step * 1.5, step * 1.5], animate: !matchMedia('(prefers-reduced-motion: reduce)').matches });
          options.onMove?.(to);
        } else if (event.key === '+' || event.key === '=') {
          event.preventDefault();
          map.setZoomAround(pin.getLatLng(), map.getZoom() + 1);
        } else if (event.key === '-' || event.key === '_') {
          event.preventDefault();
          map.setZoomAround(pin.getLatLng(), map.getZoom() - 1);
        } else if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          options.onConfirm(pin.getLatLng());
        }
      };
      container.addEventListener('keydown', onKeyDown);
      return () => container.removeEventListener('keydown', onKeyDown);
    },
  };
}
