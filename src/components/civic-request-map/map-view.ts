import { render } from 'lit';
import type * as LeafletTypes from 'leaflet';
import type { ServiceRequest } from '../../api/types.js';
import type { PointClusters } from '../../core/geo/cluster.js';
import { mapLabels, type LngLatBounds } from '../../core/map/defaults.js';
import type { MapKit } from '../../core/map/load.js';
import { addressOf, categoryOf, idOf, requestDetails, statusText, type RequestMapContext } from './request-text.js';

type ClusterModule = typeof import('../../core/geo/cluster.js');

export interface RequestMapViewOptions {
  tileUrl?: string;
  attribution?: string;
  /** The first view. */
  bounds: LngLatBounds;
  onTilesFailed(failed: boolean): void;
  /** After every move, with the area now in view (`view()`). */
  onMove(view: LngLatBounds): void;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The Leaflet map of `<civic-request-map>` and its requests: clusters and single requests as real
 * buttons in a pane of their own inside Leaflet's marker pane (focusable, Enter and Space for
 * free, a few hundred at most), one tab stop among them (roving tabindex), and a popup with a
 * request's details. Loaded with Leaflet, after the element's first screen.
 */
export class RequestMapView {
  /** The Leaflet map, in the container given. */
  readonly map: LeafletTypes.Map;
  private clusters?: PointClusters<ServiceRequest>;
  private indexedFor?: ServiceRequest[];
  private readonly markers = new Map<string, HTMLButtonElement>();
  private readonly layer: HTMLElement;
  private order: HTMLButtonElement[] = [];
  private roving?: HTMLButtonElement;
  private popupFor?: string;

  constructor(
    container: HTMLElement,
    private readonly kit: MapKit,
    private readonly clusterModule: ClusterModule,
    private readonly root: ShadowRoot,
    /** The element's words, language and categories now (they change). */
    private readonly ctx: () => RequestMapContext,
    options: RequestMapViewOptions,
  ) {
    const map = (this.map = kit.createMap(container, {
      root,
      tileUrl: options.tileUrl,
      attribution: options.attribution,
      bounds: options.bounds,
      onTilesFailed: options.onTilesFailed,
      labels: mapLabels(ctx().t),
    }));
    this.layer = this.createLayer();
    map.on('popupclose', () => this.onPopupClose());
    map.on('moveend', () => options.onMove(this.view()));
  }

  /** The area in view now, within the world's coordinates. */
  view(): LngLatBounds {
    const b = this.map.getBounds();
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)];
  }

  /** After a language change: Leaflet's controls in the new words, and the buttons drawn anew on the next `draw`. */
  relabel(): void {
    this.kit.labelMap(this.map, mapLabels(this.ctx().t));
    this.indexedFor = undefined;
  }

  /**
   * Shows the clusters and single requests of `requests` inside `view`, positioned at their
   * layer points. Buttons that stay in view are kept, so an open popup's marker survives a pan.
   * Cheaper than one `L.Marker` each, which matters when a zoom redraws them all.
   */
  draw(requests: ServiceRequest[], view: LngLatBounds): void {
    const { map, kit, layer } = this;
    if (this.indexedFor !== requests) {
      this.indexedFor = requests;
      this.clusters = new this.clusterModule.PointClusters(requests, (r) => (r.lat !== undefined && r.long !== undefined ? [r.lat, r.long] : undefined));
      layer.replaceChildren();
      this.markers.clear();
    }
    const zoom = map.getZoom();
    const keep = new Set<string>();
    const added = document.createDocumentFragment();
    for (const item of this.clusters!.at(view, zoom)) {
      const key = item.kind === 'cluster' ? `c:${zoom}:${item.id}:${item.count}` : `p:${idOf(item.item)}`;
      keep.add(key);
      let button = this.markers.get(key);
      if (!button) {
        button = item.kind === 'cluster' ? this.clusterButton(item.lat, item.long, item.id, item.count) : this.pointButton(item.item);
        kit.L.DomEvent.disableClickPropagation(button);
        this.markers.set(key, button);
        added.append(button);
      }
      kit.L.DomUtil.setPosition(button, map.latLngToLayerPoint([item.lat, item.long]));
    }
    for (const [key, button] of this.markers) {
      if (!keep.has(key)) {
        button.remove();
        this.markers.delete(key);
      }
    }
    layer.append(added);
    this.rove();
  }

  /**
   * The markers are one tab stop (roving tabindex): the last one focused, or the first in reading
   * order (north to south, west to east), takes Tab; arrow keys, Home and End move among them.
   */
  private rove(focus?: HTMLButtonElement): void {
    const { DomUtil } = this.kit.L;
    const order = [...this.markers.values()].sort((a, b) => {
      const pa = DomUtil.getPosition(a);
      const pb = DomUtil.getPosition(b);
      return pa.y - pb.y || pa.x - pb.x;
    });
    this.order = order;
    const current = focus ?? (this.roving && order.includes(this.roving) ? this.roving : order[0]);
    this.roving = current;
    for (const button of order) button.tabIndex = button === current ? 0 : -1;
    focus?.focus({ preventScroll: true });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const order = this.order;
    const at = order.indexOf(event.target as HTMLButtonElement);
    if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const to =
      event.key === 'ArrowRight' || event.key === 'ArrowDown' ? Math.min(at + 1, order.length - 1)
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? Math.max(at - 1, 0)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? order.length - 1
      : undefined;
    if (to === undefined) return;
    // Leaflet's own arrow keys would pan the map under the resident's focus.
    event.preventDefault();
    event.stopPropagation();
    this.rove(order[to]);
  }

  /** A pane of our own inside Leaflet's marker pane, so tiles and controls are never touched. */
  private createLayer(): HTMLElement {
    const { map } = this;
    const layer = this.kit.L.DomUtil.create('div', 'civic-markers', map.getPanes().markerPane);
    layer.addEventListener('keydown', (event) => this.onKeyDown(event));
    layer.addEventListener('focusin', (event) => {
      const button = event.target as HTMLButtonElement;
      if (button !== this.roving && this.order.includes(button)) this.rove(button);
    });
    // Leaflet moves panes during zoom animations; positions are recomputed at `moveend`.
    map.on('zoomstart', () => layer.classList.add('civic-markers--zooming'));
    map.on('zoomend', () => layer.classList.remove('civic-markers--zooming'));
    return layer;
  }

  private clusterButton(lat: number, long: number, id: number, count: number): HTMLButtonElement {
    const ctx = this.ctx();
    const size = count < 10 ? 'xs' : count < 100 ? 's' : count < 1000 ? 'm' : 'l';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `civic-cluster civic-cluster--${size}`;
    button.textContent = ctx.formatNumber(count);
    button.setAttribute('aria-label', ctx.t('requestMapCluster', { count }));
    button.dataset.count = String(count);
    button.addEventListener('click', () => {
      const map = this.map;
      const zoom = Math.min(this.clusters!.expansionZoom(id), map.getMaxZoom());
      map.getContainer().focus({ preventScroll: true });
      map.setView([lat, long], zoom);
    });
    return button;
  }

  private pointButton(request: ServiceRequest): HTMLButtonElement {
    const ctx = this.ctx();
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'civic-pin';
    button.dataset.requestId = idOf(request);
    button.setAttribute(
      'aria-label',
      ctx.t('requestMapMarker', { category: categoryOf(ctx, request), status: statusText(ctx, request.status), address: addressOf(ctx, request) }),
    );
    const img = document.createElement('img');
    img.src = this.kit.pinIcon.options.iconUrl!;
    img.alt = '';
    img.width = 25;
    img.height = 41;
    button.append(img);
    // A click from the keyboard (Enter, Space) has no pointer detail: move focus into the popup then.
    button.addEventListener('click', (event) => this.openPopup(request, event.detail === 0));
    return button;
  }

  private openPopup(request: ServiceRequest, byKeyboard: boolean): void {
    const { map, kit } = this;
    const ctx = this.ctx();
    const id = idOf(request);
    const content = document.createElement('div');
    content.className = 'popup';
    content.tabIndex = -1;
    render(requestDetails(ctx, request), content);
    // Escape closes the details and returns to the pin (Leaflet's own Escape needs the map focused).
    content.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      map.closePopup();
    });
    this.popupFor = id;
    kit.L.popup({ offset: [1, -27], autoPanPadding: [24, 24] })
      .setLatLng([request.lat!, request.long!])
      .setContent(content)
      .openOn(map);
    const close = content.closest('.leaflet-popup')?.querySelector('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', ctx.t('requestMapClosePopup'));
    close?.setAttribute('title', ctx.t('requestMapClosePopup'));
    if (byKeyboard) content.focus({ preventScroll: true });
    if (id) ctx.select(id);
  }

  private onPopupClose(): void {
    const id = this.popupFor;
    this.popupFor = undefined;
    const active = this.root.activeElement;
    if (!id || (active && !active.closest('.leaflet-popup'))) return;
    const marker = this.root.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(id)}"]`);
    (marker ?? this.map.getContainer()).focus({ preventScroll: true });
  }
}
