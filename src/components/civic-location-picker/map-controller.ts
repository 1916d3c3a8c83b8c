import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Map as LeafletMap, Marker } from 'leaflet';
import type { LngLatBounds } from '../../api/geocoder.js';
import type { MapLabels } from '../../core/map/defaults.js';
import { loadMapKit, type MapKit } from '../../core/map/load.js';

/** Zoom of the map around a chosen point: a few streets, enough to see which side of the road. */
const POINT_ZOOM = 17;

const ID = { panel: 'map-panel', instructions: 'map-instructions' };

export interface PickerMapOptions {
  /** Tiles, attribution and the city, read when the map is first drawn. */
  setup(): { tileUrl?: string; attribution?: string; bounds?: LngLatBounds; labels: MapLabels };
  /** The place chosen now, if it has coordinates: the map starts on it and the pin stands on it. */
  point(): { lat: number; long: number } | undefined;
  /** The resident put the pin somewhere: a click, a drag, or arrow keys then Enter. */
  onPoint(lat: number, long: number): void;
  /** The map code is on its way (say "Loading map…"). */
  onLoading(): void;
  /** The map code could not load (offline), or none of its tiles could: say so, and what still works. */
  onFailed(): void;
  /** The map is drawn. */
  onLoaded(): void;
}

/**
 * The picker's map, loaded only when the resident asks for it: `toggle()` imports the map chunk
 * (Leaflet and the civic map kit) the first time, draws the map with a draggable pin, and
 * afterwards only hides and shows it. Arrow keys move the pin and Enter chooses, a click puts
 * the pin there. When the chunk fails to load the panel closes and `onFailed` says so; a later
 * `toggle()` tries again.
 */
export class PickerMapController implements ReactiveController {
  /** The resident asked for the map at least once: its panel is in the template. */
  requested = false;
  open = false;
  loading = false;
  private drawn?: { map: LeafletMap; pin: Marker; detach: () => void; kit: MapKit };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly options: PickerMapOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.drawn?.detach();
    this.drawn?.map.remove();
    this.drawn = undefined;
    this.requested = this.open = this.loading = false;
  }

  /** Hides the map if open, else shows it (loading it the first time). */
  async toggle(): Promise<void> {
    if (this.open) {
      this.set({ open: false });
      return;
    }
    this.set({ requested: true, open: true });
    if (this.drawn) {
      await this.host.updateComplete;
      this.drawn.map.invalidateSize();
      this.movePin(this.options.point());
      return;
    }
    if (this.loading) return;
    this.set({ loading: true });
    this.options.onLoading();
    try {
      const kit = await loadMapKit();
      await this.host.updateComplete;
      const container = this.host.renderRoot.querySelector<HTMLElement>('.map');
      if (!container || !this.host.isConnected) return;
      this.draw(kit, container);
      this.options.onLoaded();
    } catch {
      this.set({ open: false });
      this.options.onFailed();
    } finally {
      this.set({ loading: false });
    }
  }

  private draw(kit: MapKit, container: HTMLElement): void {
    const { tileUrl, attribution, bounds, labels } = this.options.setup();
    const at = this.options.point();
    const map = kit.createMap(container, {
      root: this.host.renderRoot as ShadowRoot,
      ...(tileUrl ? { tileUrl } : {}),
      ...(attribution ? { attribution } : {}),
      ...(at ? { center: [at.lat, at.long] as [number, number], zoom: POINT_ZOOM } : {}),
      ...(bounds ? { bounds } : {}),
      mapOptions: { keyboard: false },
      onTilesFailed: (failed) => failed && this.options.onFailed(),
      labels,
    });
    const pin = kit.L.marker(map.getCenter(), { icon: kit.pinIcon, draggable: true, keyboard: false, alt: '' }).addTo(map);
    map.on('click', (e) => {
      pin.setLatLng(e.latlng);
      this.options.onPoint(e.latlng.lat, e.latlng.lng);
    });
    pin.on('dragend', () => {
      const to = pin.getLatLng();
      this.options.onPoint(to.lat, to.lng);
    });
    const detach = kit.pinKeyboard(map, pin, { onConfirm: (to) => this.options.onPoint(to.lat, to.lng) });
    this.drawn = { map, pin, detach, kit };
  }

  /** Stands the pin on `at` (and brings it into view); nothing before the map is drawn. */
  movePin(at: { lat?: number; long?: number } | undefined): void {
    if (!this.drawn || at?.lat === undefined || at.long === undefined) return;
    const { map, pin } = this.drawn;
    pin.setLatLng([at.lat, at.long]);
    if (!map.getBounds().contains([at.lat, at.long])) map.setView([at.lat, at.long], Math.max(map.getZoom(), POINT_ZOOM));
  }

  /** Leaflet's own controls in the host's language (after a `lang` change). */
  relabel(labels: MapLabels): void {
    this.drawn?.kit.labelMap(this.drawn.map, labels);
  }

  /** `aria-controls` for the show/hide button: the panel, once it exists. */
  get panelId(): string | undefined {
    return this.requested ? ID.panel : undefined;
  }

  render(words: { label: string; instructions: string }): unknown {
    if (!this.requested) return nothing;
    return html`<div class="map-panel" id=${ID.panel} ?hidden=${!this.open}>
      <p class="map-instructions" id=${ID.instructions}>${words.instructions}</p>
      <div class="map" part="map" role="application" tabindex="0" aria-label=${words.label} aria-describedby=${ID.instructions}></div>
    </div>`;
  }

  private set(state: Partial<Pick<PickerMapController, 'requested' | 'open' | 'loading'>>): void {
    Object.assign(this, state);
    this.host.requestUpdate();
  }
}
