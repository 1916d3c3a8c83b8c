import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../../core/headings.js';
import type * as LeafletTypes from 'leaflet';
import type { Service, ServiceRequest } from '../../api/types.js';
import type { CivicConfig } from '../../core/context.js';
import { CivicElement } from '../../core/civic-element.js';
import { AnnouncerController } from '../../core/announcer.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { inBounds, parseBounds, type LngLatBounds } from '../../core/map/defaults.js';
import { loadMapKit } from '../../core/map/load.js';
import { NO_FILTERS, RequestLoader, type RequestFilters } from './request-loader.js';
import { requestMapStyles } from './civic-request-map.styles.js';
import { requestMapMessages } from './strings.js';
import { registerMessages } from '../../core/i18n.js';
import { fieldStyles } from '../../core/forms/field-styles.js';
import type { RequestMapContext } from './request-text.js';
import type { RequestMapView } from './map-view.js';

type Later = typeof import('./later.js');

let later: Promise<Later> | undefined;
/**
 * The markers, popups and list (see `later.ts`), fetched once per page; a failed fetch (offline)
 * is not kept, so a retry fetches again.
 */
function loadLater(): Promise<Later> {
  later ??= import('./later.js').catch((error: unknown) => {
    later = undefined;
    throw error;
  });
  return later;
}

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(requestMapMessages);

/** Detail of `civic-request-select`. */
export interface CivicRequestSelectDetail {
  serviceRequestId: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-request-map': CivicRequestMap;
  }
  interface HTMLElementEventMap {
    'civic-request-select': CustomEvent<CivicRequestSelectDetail>;
  }
}

const WORLD: LngLatBounds = [-180, -85, 180, 85];

type MapState = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Public service requests on a map, clustered, with filters and an equivalent table: "what has
 * been reported near me, and what happened to it?".
 *
 * Loads the requests of the visible area (with the `bbox` extension; otherwise the filter's
 * date window or the server's default one) and remembers what it loaded, so moving around an
 * area already seen does not download again. Leaflet and the clustering code load only when the
 * map is first shown; the list view works without them. The markers, popups and list view
 * (`later.ts`) are a chunk of their own, fetched from the start beside the first screen's data.
 *
 * @summary Map and list of public 311 requests, with filters.
 * @tagname civic-request-map
 *
 * @attr {string} bounds - First view, `minLng,minLat,maxLng,maxLat` (the city). Default: the world.
 * @attr {string} tile-url - Tile URL template. Default OpenStreetMap's (or the hall's `tile-url`).
 * @attr {string} tile-attribution - Attribution HTML for the tiles (page author's). Default OpenStreetMap's.
 * @attr {string} tracker-url - Link each request here, `{id}` replaced, e.g. `/track.html?request={id}`.
 * @attr {'map'|'list'} view - The view shown first. Default `map`.
 * @attr {boolean} url-state - Keep filters and view in the page URL (`status`, `category`, `from`, `to`, `view`).
 *
 * @fires {CustomEvent<CivicRequestSelectDetail>} civic-request-select - A request was opened on
 * the map, or its tracker link followed in the list (cancelable there, to stay in page).
 *
 * @csspart title - The heading.
 * @csspart filters - The filter form.
 * @csspart toggle - The "Show as list" / "Show map" button.
 * @csspart capped - Shown under the count when an area has more requests than `max-requests` allows loading.
 * @csspart count - How many requests are in view.
 * @csspart map - The map.
 * @csspart map-problem - Says the map (its code or its background tiles) could not load, and points to the list.
 * @csspart list - The table of requests.
 * @csspart error-panel - Shown when the backend cannot be reached, with a retry button.
 *
 * @cssprop --civic-request-map-height - Height of the map. Default `28rem`.
 */
export class CivicRequestMap extends CivicElement {
  static override properties = {
    bounds: {},
    tileUrl: { attribute: 'tile-url' },
    tileAttribution: { attribute: 'tile-attribution' },
    trackerUrl: { attribute: 'tracker-url' },
    urlState: { type: Boolean, attribute: 'url-state' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    view: { reflect: true },
    maxRequests: { type: Number, attribute: 'max-requests' },
    filters: { state: true, attribute: false },
    services: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    loading: { state: true, attribute: false },
    mapState: { state: true, attribute: false },
    tilesFailed: { state: true, attribute: false },
    viewBounds: { state: true, attribute: false },
    filtered: { state: true, attribute: false },
    listPages: { state: true, attribute: false },
    later: { state: true, attribute: false },
    laterFailed: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), fieldStyles, requestMapStyles];

  /** First view, `minLng,minLat,maxLng,maxLat`. */
  bounds?: string;

  tileUrl?: string;

  tileAttribution?: string;

  /** Link to the status tracker, `{id}` replaced by the request id. */
  trackerUrl?: string;

  /** Reflect filters and view in the page URL's query. */
  urlState = false;

  /** Level of the heading (1–6). */
  headingLevel = 2;

  /** Which view shows: the map, or the table of the same requests. The toggle button switches it. */
  view: 'map' | 'list' = 'map';

  /** Most requests loaded per area (paging stops there). */
  maxRequests = 10_000;

  private filters: RequestFilters = NO_FILTERS;
  private services?: Service[];
  private loadError?: unknown;
  private loading = false;
  private mapState: MapState = 'idle';
  private tilesFailed = false;
  private viewBounds: LngLatBounds = WORLD;
  private filtered: ServiceRequest[] = [];
  private listPages = 1;
  /** The code after the first screen (`later.ts`), once loaded; `laterFailed` when it could not be. */
  private later?: Later;
  private laterFailed?: unknown;

  private loader?: RequestLoader;
  private loadedRevision = '';
  private refreshId = 0;
  private pendingLoads = 0;
  private readonly announcer = new AnnouncerController(this);
  private announceTimer?: ReturnType<typeof setTimeout>;
  private lastAnnounced = '';

  /** The map and its markers, once Leaflet and `later.ts` arrived and the map was shown. */
  private mapView?: RequestMapView;

  /** The Leaflet map once it is shown (`undefined` before, and in a list-only session): add layers, move it. */
  get leafletMap(): LeafletTypes.Map | undefined {
    return this.mapView?.map;
  }

  /** The area the requests are shown for, `[minLng, minLat, maxLng, maxLat]`: the map's view, or `bounds` before the map exists. */
  get visibleBounds(): LngLatBounds {
    return this.viewBounds;
  }

  protected override ownConfig(): Partial<CivicConfig> {
    return { ...super.ownConfig(), tileUrl: this.tileUrl };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.urlState) this.readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override configChanged(): void {
    const backend = this.backend;
    this.loader = backend ? new RequestLoader(backend, { maxRequests: this.maxRequests }) : undefined;
    this.loadedRevision = '';
    this.filtered = [];
    void this.loadServices();
    void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.view !== 'list') this.view = 'map';
    // Before super: configChanged() (run there) loads the area these bounds describe.
    if (changed.has('bounds') && !this.mapView) this.viewBounds = parseBounds(this.bounds) ?? WORLD;
    super.willUpdate(changed);
    if (!Number.isInteger(this.headingLevel) || this.headingLevel < 1 || this.headingLevel > 5) this.headingLevel = 2;
    // Both views fetch `later.ts` from the start, beside the first screen's data: the map view
    // with Leaflet (openMap), the list view alone. A failure is shown in the view that needed it.
    if (this.view === 'map' && this.mapState === 'idle') {
      this.mapState = 'loading';
      void this.openMap();
    } else if (this.view === 'list' && !this.later && !this.laterFailed) {
      this.prepareLater().catch(() => {});
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const mapView = this.mapView;
    if (!mapView) return;
    if (changed.has('locale')) mapView.relabel();
    if (changed.has('view') && this.view === 'map') mapView.map.invalidateSize();
    if (changed.has('view') || changed.has('filtered') || changed.has('locale')) this.drawMarkers();
  }

  /** Loads `later.ts` and adopts its styles; a failure is shown where its code was needed, with a retry. */
  private async prepareLater(): Promise<Later> {
    try {
      const module = await loadLater();
      module.adoptLaterStyles(this.renderRoot as ShadowRoot);
      this.laterFailed = undefined;
      return (this.later = module);
    } catch (error) {
      this.laterFailed = error;
      throw error;
    }
  }

  /** What the markers, popups and list read from the element, now. */
  private context(): RequestMapContext {
    return {
      t: this.t,
      formatDate: (value, options) => this.formatDate(value, options),
      formatNumber: (value) => this.formatNumber(value),
      services: this.services,
      trackerUrl: this.trackerUrl,
      select: (serviceRequestId, cancelable) => this.emit('civic-request-select', { serviceRequestId }, { cancelable }),
    };
  }

  /** Loads (again) the categories and the requests in view. */
  async load(): Promise<void> {
    this.loadError = undefined;
    await Promise.all([this.loadServices(), this.refresh()]);
  }

  private async loadServices(): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    try {
      const services = await backend.services();
      if (backend === this.backend) this.services = services;
    } catch (error) {
      if (backend === this.backend) this.loadError = error;
    }
  }

  /** Makes sure the requests of the current view and filters are loaded, then shows them. */
  private async refresh(): Promise<void> {
    const loader = this.loader;
    if (!loader) return;
    const id = ++this.refreshId;
    const filters = this.filters;
    const view = this.viewBounds;
    if (!loader.covers(filters, view)) {
      this.pendingLoads++;
      this.loading = true;
      try {
        await loader.ensure(filters, view);
        if (loader === this.loader) this.loadError = undefined;
      } catch (error) {
        if (loader === this.loader && id === this.refreshId) this.loadError = error;
        return;
      } finally {
        // Loads overlap (a pan while the first area loads): loading ends with the last of them.
        this.pendingLoads--;
        this.loading = this.pendingLoads > 0;
      }
    }
    if (loader !== this.loader || filters !== this.filters) return;
    const revision = loader.revision(filters);
    if (revision !== this.loadedRevision) {
      this.loadedRevision = revision;
      this.filtered = loader.loaded(filters);
    }
    this.scheduleAnnounce();
  }

  private inViewMemo?: { filtered: ServiceRequest[]; bounds: LngLatBounds; requests: ServiceRequest[] };

  /** The filtered requests inside the current view (unsorted; computed once per data and view). */
  private inView(): ServiceRequest[] {
    const memo = this.inViewMemo;
    if (memo && memo.filtered === this.filtered && memo.bounds === this.viewBounds) return memo.requests;
    const b = this.viewBounds;
    const requests = this.filtered.filter((r) => r.lat !== undefined && r.long !== undefined && inBounds(b, r.lat, r.long));
    this.inViewMemo = { filtered: this.filtered, bounds: b, requests };
    return requests;
  }

  private countText(count: number): string {
    const key = this.filters.status === 'open' ? 'requestMapCountOpen' : this.filters.status === 'closed' ? 'requestMapCountClosed' : 'requestMapCountAll';
    return this.t(key, { count });
  }

  private scheduleAnnounce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (this.loading || this.loadError) return;
      const capped = this.loader?.capped(this.filters, this.viewBounds) ?? false;
      const count = this.inView().length;
      const words = () => this.countText(count) + (capped ? ` ${this.t('requestMapCapped')}` : '');
      const text = words();
      if (text === this.lastAnnounced) return;
      this.lastAnnounced = text;
      void this.announcer.announce(words);
    }, 300);
  }

  // ---- URL state ----

  private readUrl(): void {
    const q = new URLSearchParams(location.search);
    const status = q.get('status');
    const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
    this.filters = {
      status: status === 'open' || status === 'closed' ? status : '',
      category: q.get('category') ?? '',
      from: day(q.get('from')),
      to: day(q.get('to')),
    };
    if (q.get('view') === 'list') this.view = 'list';
  }

  private writeUrl(): void {
    if (!this.urlState) return;
    const url = new URL(location.href);
    const set = (name: string, value: string) => (value ? url.searchParams.set(name, value) : url.searchParams.delete(name));
    set('status', this.filters.status);
    set('category', this.filters.category);
    set('from', this.filters.from);
    set('to', this.filters.to);
    set('view', this.view === 'list' ? 'list' : '');
    history.replaceState(history.state, '', url);
  }

  // ---- filters and view ----

  private onFilterChange(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const status = value('status');
    let from = value('from');
    let to = value('to');
    if (from && to && from > to) [from, to] = [to, from];
    const next: RequestFilters = {
      status: status === 'open' || status === 'closed' ? status : '',
      category: value('category'),
      from,
      to,
    };
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.filters = next;
    // Show what is known for the new filters at once (nothing yet: "Loading requests…").
    if (this.loader) {
      this.filtered = this.loader.loaded(next);
      this.loadedRevision = this.loader.revision(next);
    }
    this.listPages = 1;
    this.writeUrl();
    void this.refresh();
  }

  private toggleView(): void {
    this.view = this.view === 'map' ? 'list' : 'map';
    this.writeUrl();
  }

  // ---- map ----

  private async openMap(): Promise<void> {
    try {
      const [kit, clusterModule, later] = await Promise.all([loadMapKit(), import('../../core/geo/cluster.js'), this.prepareLater()]);
      await this.updateComplete;
      if (this.view !== 'map') {
        // The resident chose the list meanwhile: a hidden container has no size to fit.
        this.mapState = 'idle';
        return;
      }
      const onMove = (view: LngLatBounds) => {
        this.viewBounds = view;
        this.drawMarkers();
        void this.refresh();
      };
      const mapView = new later.RequestMapView(this.renderRoot.querySelector<HTMLElement>('.map')!, kit, clusterModule, this.renderRoot as ShadowRoot, () => this.context(), {
        tileUrl: this.config.tileUrl,
        attribution: this.tileAttribution,
        bounds: this.viewBounds,
        onTilesFailed: (failed) => (this.tilesFailed = failed),
        onMove,
      });
      this.mapView = mapView;
      this.mapState = 'ready';
      onMove(mapView.view());
    } catch (error) {
      console.warn('civic-request-map: the map could not load', error);
      this.mapState = 'failed';
    }
  }

  private drawMarkers(): void {
    if (this.view === 'map') this.mapView?.draw(this.filtered, this.viewBounds);
  }

  // ---- rendering ----

  private renderFilters(): TemplateResult {
    const groups = new Map<string, Service[]>();
    const other = this.t('requestMapOtherGroup');
    for (const s of this.services ?? []) groups.set(s.group ?? other, [...(groups.get(s.group ?? other) ?? []), s]);
    const collator = new Intl.Collator(this.locale);
    const sorted = [...groups].sort(([a], [b]) => (a === other ? 1 : b === other ? -1 : collator.compare(a, b)));
    const f = this.filters;
    return html`<form class="filters" part="filters" aria-label=${this.t('requestMapFilters')} @change=${this.onFilterChange} @submit=${(e: Event) => e.preventDefault()}>
      <div class="civic-field">
        <label class="civic-label" for="category">${this.t('requestMapColCategory')}</label>
        <select class="civic-select" id="category" name="category">
          <option value="" ?selected=${!f.category}>${this.t('requestMapAllCategories')}</option>
          ${sorted.map(
            ([name, services]) => html`<optgroup label=${name}>
              ${services
                .sort((a, b) => collator.compare(a.service_name, b.service_name))
                .map((s) => html`<option value=${s.service_code} ?selected=${f.category === s.service_code}>${s.service_name}</option>`)}
            </optgroup>`,
          )}
        </select>
      </div>
      <div class="civic-field">
        <label class="civic-label" for="status">${this.t('requestMapColStatus')}</label>
        <select class="civic-select" id="status" name="status">
          <option value="" ?selected=${!f.status}>${this.t('requestMapAnyStatus')}</option>
          <option value="open" ?selected=${f.status === 'open'}>${this.t('requestMapStatusOpen')}</option>
          <option value="closed" ?selected=${f.status === 'closed'}>${this.t('requestMapStatusClosed')}</option>
        </select>
      </div>
      <div class="civic-field">
        <label class="civic-label" for="from">${this.t('requestMapFrom')}</label>
        <input class="civic-input" type="date" id="from" name="from" .value=${f.from} />
      </div>
      <div class="civic-field">
        <label class="civic-label" for="to">${this.t('requestMapTo')}</label>
        <input class="civic-input" type="date" id="to" name="to" .value=${f.to} />
      </div>
    </form>`;
  }

  private renderList(requests: ServiceRequest[]): unknown {
    if (this.later) return this.later.renderList(this.context(), requests, this.listPages, () => this.listPages++);
    return this.laterFailed ? errorPanel(this.t, this.laterFailed, () => void this.prepareLater().catch(() => {})) : nothing;
  }

  private renderStatus(requests: ServiceRequest[]): unknown {
    if (!this.backend) return nothing;
    if (this.loadError) return errorPanel(this.t, this.loadError, () => void this.load());
    if (this.loading && this.filtered.length === 0) return html`<p class="count" role="status">${this.t('requestMapLoading')}</p>`;
    if (requests.length === 0 && !this.loading) return html`<p class="count" part="count">${this.t('requestMapEmpty')}</p>`;
    return html`<p class="count" part="count">${this.countText(requests.length)}</p>
      ${this.loader?.capped(this.filters, this.viewBounds) ? html`<p class="capped" part="capped">${this.t('requestMapCapped')}</p>` : nothing}`;
  }

  protected override render(): unknown {
    const heading = headingTag(this.headingLevel);
    const requests = this.inView();
    const list = this.view === 'list';
    // The map's code, or its background tiles, could not load: say so and point to the list.
    const problem = list ? undefined : this.mapState === 'failed' ? 'requestMapMapFailed' : this.mapState === 'ready' && this.tilesFailed ? 'requestMapTilesFailed' : undefined;
    return html`${staticHtml`<${heading} class="title" part="title">${this.t('requestMapTitle')}</${heading}>`}
      ${this.renderFilters()}
      <div class="bar">
        ${this.renderStatus(requests)}
        <button type="button" class="civic-button civic-button--secondary" part="toggle" @click=${this.toggleView}>
          ${list ? this.t('requestMapShowMap') : this.t('requestMapShowList')}
        </button>
      </div>
      ${problem ? html`<p role="alert" part="map-problem">${this.t(problem)}</p>` : nothing}
      ${this.mapState === 'loading' && !list ? html`<p role="status">${this.t('requestMapMapLoading')}</p>` : nothing}
      <div class="map" part="map" role="region" aria-label=${this.t('requestMapLabel')} ?hidden=${list || this.mapState === 'failed'}></div>
      ${list && !this.loadError ? this.renderList(requests) : nothing}
      ${this.announcer.render()}`;
  }
}
