import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Map as LeafletMap, Marker } from 'leaflet';
import { NominatimGeocoder, shortAddress, type GeocodeResult, type LngLatBounds } from '../../api/geocoder.js';
import type { CivicConfig } from '../../core/context.js';
import { CivicElement } from '../../core/civic-element.js';
import { AnnouncerController } from '../../core/announcer.js';
import { errorId, hintId, optionalMark } from '../../core/forms/field.js';
import type { MessageKey } from '../../core/i18n.js';
import { inBounds, mapLabels, parseBounds } from '../../core/map/defaults.js';
import { loadMapKit, type MapKit } from '../../core/map/load.js';
import { locationPickerStyles } from './civic-location-picker.styles.js';
import { locationPickerMessages } from './strings.js';
import { registerMessages } from '../../core/i18n.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(locationPickerMessages);

/** A place with coordinates; `address` is its short local name ("174 Park Street"), or what was typed without a geocoder. */
export interface PickedPoint {
  lat: number;
  long: number;
  address?: string;
}

/**
 * An address typed as free text, with no coordinates: without a geocoder, when the geocoder found
 * nothing, failed or was too slow, or when the resident chose "Use … as typed".
 */
export interface PickedAddress {
  lat?: undefined;
  long?: undefined;
  address: string;
}

/**
 * The location a resident chose. Either a point (from a suggestion, "Use my location" or the
 * map; `address` is the place's short local name when the geocoder knows one), or an address
 * typed as free text without coordinates (no geocoder, or one that could not place it). Narrow
 * with `if (value.lat !== undefined)`: then `long` is a number too.
 */
export type PickedLocation = PickedPoint | PickedAddress;

/** Detail of `civic-location-change`. */
export interface CivicLocationChangeDetail {
  value: PickedLocation | undefined;
}

/** What the picker needs from a geocoder: `NominatimGeocoder` or anything shaped like it. */
export interface LocationGeocoder {
  search(q: string, options?: { limit?: number; viewbox?: LngLatBounds; bounded?: boolean; lang?: string }): Promise<GeocodeResult[]>;
  reverse(lat: number, long: number, options?: { lang?: string }): Promise<GeocodeResult | undefined>;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-location-picker': CivicLocationPicker;
  }
  interface HTMLElementEventMap {
    'civic-location-change': CustomEvent<CivicLocationChangeDetail>;
  }
}

type Notice = { key: MessageKey; tone: 'info' | 'problem' };

/** Milliseconds of typing pause before the geocoder is asked. */
const SEARCH_DELAY = 300;
/** Fewer characters than this are not searched: too many matches to be useful. */
const MIN_QUERY = 3;
/**
 * Milliseconds a search may take before the typed address is used as it is: suggestions that
 * come later than this come after the resident has moved on.
 */
const SEARCH_TIMEOUT = 6000;
const SUGGESTIONS = 5;
/** Zoom of the map around a chosen point: a few streets, enough to see which side of the road. */
const POINT_ZOOM = 17;

const ID = {
  input: 'address',
  listbox: 'address-suggestions',
  notice: 'address-notice',
  mapPanel: 'map-panel',
  mapInstructions: 'map-instructions',
  option: (i: number) => `address-option-${i}`,
  typedOption: 'address-option-typed',
};

/** Six decimals: 0.1 m, more than any phone's GPS or a map click can tell. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Where is it? A typed address with suggestions from a geocoder, "Use my location", and a map
 * pin — any one of them is enough, and the map is never the only way. Form-associated: inside a
 * plain `<form>` it submits `<name>[lat]`, `<name>[long]` and `<name>[address]`, blocks submission
 * when `required` and empty or when the place is outside `bounds`, and clears on reset.
 *
 * The address input is an ARIA 1.2 combobox (arrow keys, Enter, Escape; "5 addresses found" is
 * announced). The map (Leaflet, OpenStreetMap tiles by default) loads only when the resident
 * opens it: arrow keys move the pin, Enter chooses the place, a click puts the pin there; the
 * chosen address is announced in a polite live region.
 *
 * Typing always works. Without a geocoder (no `geocoder-url` here or on `<civic-hall>`), what the
 * resident types is the address. With one, a suggestion gives the place and its short local name
 * ("174 Park Street"); when the geocoder finds nothing, fails or takes longer than 6 s — or the
 * resident picks "Use … as typed", the list's last option — the address is kept exactly as typed,
 * without coordinates, and the resident is told so. Coordinates then come only from the map or
 * "Use my location".
 *
 * @summary Address, "use my location" or map pin; a form control that works in any form.
 * @tagname civic-location-picker
 *
 * @fires {CustomEvent<CivicLocationChangeDetail>} civic-location-change - The chosen location
 * changed (chosen, looked up, cleared by typing or by a form reset). Not fired when `value` is set
 * by script.
 *
 * @csspart field - The wrapper of label, hint, error and controls.
 * @csspart label - The label of the address input.
 * @csspart input - The address input (combobox).
 * @csspart listbox - The suggestions list.
 * @csspart option - One suggestion (also "Use … as typed", the last option).
 * @csspart locate-button - "Use my location".
 * @csspart map-button - "Show on map" / "Hide map".
 * @csspart notice - Messages about search, location and the map ("We could not find this address on the map…").
 * @csspart map - The map container.
 *
 * @cssprop --civic-location-picker-map-height - Height of the map. Default `20rem`.
 * @cssprop --civic-location-picker-highlight - Background of the highlighted suggestion. Default `var(--civic-color-primary)`.
 */
export class CivicLocationPicker extends CivicElement {
  static override styles = [...(CivicElement.styles as []), locationPickerStyles];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...CivicElement.shadowRootOptions, delegatesFocus: true };

  /**
   * Base URL of a Nominatim-compatible geocoder (`/search` and `/reverse` below it). Default: the
   * hall's `geocoder-url`; with neither, a typed address is accepted as free text.
   */
  @property({ attribute: 'geocoder-url' }) geocoderUrl?: string;

  /** Map tile URL template (`…/{z}/{x}/{y}.png`). Default: the hall's, else OpenStreetMap's standard tiles. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution HTML for the tiles. Default OpenStreetMap's (required by its licence). */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  /**
   * The city, `minLng,minLat,maxLng,maxLat`: suggestions are limited to it, the map starts on it,
   * and a point outside it is refused with a message.
   */
  @property() bounds?: string;

  /** Form field name: entries are `<name>[lat]`, `<name>[long]`, `<name>[address]`. */
  @property({ reflect: true }) name?: string;

  /** Submitting a form is blocked until a location is chosen. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Disables every control (also set by a disabled `<fieldset>` around it). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Label of the address input. Default "Address or place". */
  @property() label?: string;

  /** Hint under the label. Default depends on whether a geocoder is configured. */
  @property() hint?: string;

  /**
   * An error message to show inline (GOV.UK: red bar, "Error:" for screen readers, linked from
   * the input with `aria-describedby`). Set by a host form's validation; it wins over the
   * picker's own messages.
   */
  @property() error?: string;

  /** Any geocoder (e.g. a `NominatimGeocoder` with its own `fetch`); wins over `geocoder-url`. */
  @property({ attribute: false }) geocoder?: LocationGeocoder;

  @state() private query = '';
  @state() private suggestions: GeocodeResult[] = [];
  @state() private expanded = false;
  @state() private activeIndex = -1;
  @state() private notice?: Notice;
  @state() private busy?: 'locating' | 'reversing';
  @state() private mapRequested = false;
  @state() private mapOpen = false;
  @state() private mapLoading = false;
  @state() private showValidity = false;
  @state() private formDisabled = false;
  @state() private picked?: PickedLocation;

  private readonly internals: ElementInternals;
  private readonly announcer = new AnnouncerController(this);
  private builtGeocoder?: { url: string; geocoder: NominatimGeocoder };
  private searchTimer?: ReturnType<typeof setTimeout>;
  private searchId = 0;
  private pointId = 0;
  private locateId = 0;
  private map?: { map: LeafletMap; pin: Marker; detach: () => void; kit: MapKit };

  constructor() {
    super();
    this.internals = this.attachInternals();
    // A form's submit (or reportValidity) found the picker invalid: show why, inline.
    this.addEventListener('invalid', () => {
      this.showValidity = true;
    });
  }

  /** The chosen location; set it to restore a draft (no event fires). `undefined` when none. */
  get value(): PickedLocation | undefined {
    return this.picked;
  }

  set value(value: PickedLocation | undefined) {
    const next = normalise(value);
    // A host that binds `.value` to what the last event said hands the same place back: that must
    // not restart the picker (it would drop a lookup in flight and retype the input under the resident).
    if (sameLocation(next, this.picked)) return;
    this.searchId++;
    this.cancelLookups();
    this.picked = next;
    this.query = this.picked?.address ?? '';
    this.closeSuggestions();
    this.movePinTo(this.picked);
  }

  // Form control surface, as on native inputs.
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Moves focus to the address input (what an error summary link does). */
  override focus(options?: FocusOptions): void {
    const input = this.input;
    if (input) input.focus(options);
    else super.focus(options);
  }

  /** @internal */
  formResetCallback(): void {
    const had = this.picked !== undefined;
    clearTimeout(this.searchTimer);
    this.searchId++;
    this.cancelLookups();
    this.picked = undefined;
    this.query = '';
    this.suggestions = [];
    this.closeSuggestions();
    this.notice = undefined;
    this.showValidity = false;
    this.announcer.clear();
    if (had) this.emitChange();
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    // Reflecting `disabled` mid-update calls this synchronously, when a state change would be lost.
    queueMicrotask(() => {
      this.formDisabled = disabled;
    });
  }

  /** @internal Browser restoring the form after back/forward navigation or autofill. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (!(state instanceof FormData)) return;
    const read = (key: string) => {
      for (const [k, v] of state) if (k.endsWith(`[${key}]`) && typeof v === 'string') return v;
      return undefined;
    };
    const lat = read('lat');
    const long = read('long');
    const address = read('address');
    this.value =
      lat !== undefined && long !== undefined
        ? { lat: Number(lat), long: Number(long), ...(address ? { address } : {}) }
        : address
          ? { address }
          : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.map?.detach();
    this.map?.map.remove();
    this.map = undefined;
    this.mapRequested = this.mapOpen = this.mapLoading = false;
  }

  protected override ownConfig(): Partial<CivicConfig> {
    return { ...super.ownConfig(), geocoderUrl: this.geocoderUrl, tileUrl: this.tileUrl };
  }

  private get activeGeocoder(): LocationGeocoder | undefined {
    if (this.geocoder) return this.geocoder;
    const url = this.config.geocoderUrl;
    if (!url) return undefined;
    if (this.builtGeocoder?.url !== url) this.builtGeocoder = { url, geocoder: new NominatimGeocoder({ url, timeout: SEARCH_TIMEOUT }) };
    return this.builtGeocoder.geocoder;
  }

  private get cityBounds(): LngLatBounds | undefined {
    return parseBounds(this.bounds);
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector<HTMLInputElement>(`#${ID.input}`) ?? null;
  }

  private get outOfBounds(): boolean {
    const bounds = this.cityBounds;
    const v = this.picked;
    return Boolean(bounds && v && v.lat !== undefined && !inBounds(bounds, v.lat, v.long));
  }

  /** The picker's own problem, in the words of the error message and the form's validity. */
  private ownProblem(): { flag: 'customError' | 'valueMissing'; message: string } | undefined {
    if (this.outOfBounds) return { flag: 'customError', message: this.t('locationOutOfBounds') };
    if (this.required && !this.picked) {
      const typedButNotChosen = this.query.trim() !== '' && this.activeGeocoder;
      return { flag: 'valueMissing', message: this.t(typedButNotChosen ? 'locationChooseSuggestion' : 'locationRequired') };
    }
    return undefined;
  }

  /** The inline error: the host's, else out of bounds (at once), else what a failed submit found. */
  private shownError(): string | undefined {
    if (this.error) return this.error;
    const problem = this.ownProblem();
    if (!problem) return undefined;
    return problem.flag === 'customError' || this.showValidity ? problem.message : undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
    if (changed.has('locale') && this.map) this.map.kit.labelMap(this.map.map, mapLabels(this.t));
  }

  private syncForm(): void {
    const v = this.picked;
    if (this.name && v) {
      const data = new FormData();
      if (v.lat !== undefined) {
        data.append(`${this.name}[lat]`, String(v.lat));
        data.append(`${this.name}[long]`, String(v.long));
      }
      if (v.address) data.append(`${this.name}[address]`, v.address);
      this.internals.setFormValue(data, data);
    } else {
      this.internals.setFormValue(null);
    }
    const problem = this.ownProblem();
    const anchor = this.input ?? undefined;
    if (problem) this.internals.setValidity({ [problem.flag]: true }, problem.message, anchor);
    else this.internals.setValidity({});
  }

  private emitChange(): void {
    this.emit('civic-location-change', { value: this.picked });
  }

  private setPicked(value: PickedLocation | undefined): void {
    this.picked = normalise(value);
    this.emitChange();
  }

  // Typing and suggestions

  private onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.notice = undefined;
    const geocoder = this.activeGeocoder;
    if (geocoder) {
      // What is shown no longer names the chosen place: forget it rather than submit a mismatch.
      this.cancelLookups();
      if (this.picked) this.setPicked(undefined);
      this.scheduleSearch();
    } else {
      const text = this.query.trim();
      const point = this.picked?.lat !== undefined ? { lat: this.picked.lat, long: this.picked.long } : undefined;
      this.setPicked(point ? { ...point, ...(text ? { address: text } : {}) } : text ? { address: text } : undefined);
    }
  }

  private scheduleSearch(): void {
    clearTimeout(this.searchTimer);
    const searchId = ++this.searchId;
    const q = this.query.trim();
    if (q.length < MIN_QUERY) {
      this.closeSuggestions();
      this.suggestions = [];
      return;
    }
    this.searchTimer = setTimeout(() => void this.search(q, searchId), SEARCH_DELAY);
  }

  private async search(q: string, searchId: number): Promise<void> {
    const geocoder = this.activeGeocoder;
    if (!geocoder) return;
    const bounds = this.cityBounds;
    try {
      const results = await geocoder.search(q, {
        limit: SUGGESTIONS,
        lang: this.locale,
        ...(bounds ? { viewbox: bounds, bounded: true } : {}),
      });
      // A later keystroke started another search: this answer is stale.
      if (searchId !== this.searchId) return;
      this.suggestions = results;
      this.activeIndex = -1;
      if (results.length) {
        // Answers that arrive after the resident moved on wait for ArrowDown instead of popping up.
        this.expanded = this.shadowRoot?.activeElement === this.input;
        this.notice = undefined;
        this.announcer.announce(this.t('locationSuggestionsCount', { count: results.length }));
      } else {
        this.useTyped();
      }
    } catch {
      // Down, refusing or too slow: the resident is not held up by a geocoder that cannot answer.
      if (searchId !== this.searchId) return;
      this.useTyped();
    }
  }

  /** The address exactly as typed becomes the value (no coordinates), and the resident is told. */
  private useTyped(): void {
    const typed = this.query.trim();
    this.suggestions = [];
    this.closeSuggestions();
    if (!typed) return;
    this.setPicked({ address: typed });
    this.tell({ key: 'locationUseTyped', tone: 'info' });
  }

  private closeSuggestions(): void {
    this.expanded = false;
    this.activeIndex = -1;
  }

  private onKeyDown(event: KeyboardEvent): void {
    // The suggestions, then "Use … as typed".
    const count = this.suggestions.length ? this.suggestions.length + 1 : 0;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        if (!this.expanded) {
          this.expanded = true;
          this.activeIndex = event.altKey ? -1 : 0;
        } else if (!event.altKey) {
          this.activeIndex = (this.activeIndex + 1) % count;
        }
        break;
      case 'ArrowUp':
        if (!count) return;
        event.preventDefault();
        if (!this.expanded) this.expanded = true;
        this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        break;
      case 'Enter':
        if (this.expanded && this.activeIndex >= 0) {
          event.preventDefault();
          const suggestion = this.suggestions[this.activeIndex];
          if (suggestion) this.choose(suggestion);
          else this.chooseTyped();
        }
        break;
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.closeSuggestions();
        }
        break;
      default:
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (!to || !this.renderRoot.querySelector('.combobox')?.contains(to)) this.closeSuggestions();
  }

  /** Drops the answers still on their way for an earlier point or "Use my location". */
  private cancelLookups(): void {
    this.pointId++;
    this.locateId++;
    this.busy = undefined;
  }

  private choose(result: GeocodeResult): void {
    this.cancelLookups();
    this.searchId++;
    clearTimeout(this.searchTimer);
    const address = shortAddress(result);
    this.query = address;
    this.closeSuggestions();
    this.notice = undefined;
    this.setPicked({ lat: result.lat, long: result.long, address });
    this.movePinTo(this.picked);
    this.announceChosen();
  }

  /** "Use … as typed": none of the suggestions is the place, so the typed words are the address. */
  private chooseTyped(): void {
    this.cancelLookups();
    this.searchId++;
    clearTimeout(this.searchTimer);
    this.useTyped();
  }

  // Points: my location, the map

  private locate(): void {
    const geolocation = 'geolocation' in navigator ? navigator.geolocation : undefined;
    if (!geolocation) {
      this.tell({ key: 'locationUnsupported', tone: 'problem' });
      return;
    }
    const id = ++this.locateId;
    this.busy = 'locating';
    this.tell({ key: 'locationLocating', tone: 'info' });
    geolocation.getCurrentPosition(
      (position) => {
        if (id !== this.locateId) return;
        this.busy = undefined;
        this.notice = undefined;
        void this.choosePoint(position.coords.latitude, position.coords.longitude);
      },
      (error) => {
        if (id !== this.locateId) return;
        this.busy = undefined;
        const key: MessageKey =
          error.code === error.PERMISSION_DENIED ? 'locationDenied' : error.code === error.TIMEOUT ? 'locationTimeout' : 'locationUnavailable';
        this.tell({ key, tone: 'problem' });
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  /** Shows a notice and says it in the live region. */
  private tell(notice: Notice): void {
    this.notice = notice;
    this.announcer.announce(this.t(notice.key));
  }

  /**
   * Chooses a point at once (so the form has it even if the lookup fails), then names it with
   * the geocoder's reverse lookup. Only the latest point's answer is kept.
   */
  private async choosePoint(lat: number, long: number): Promise<void> {
    this.cancelLookups();
    const id = this.pointId;
    this.searchId++;
    this.closeSuggestions();
    const geocoder = this.activeGeocoder;
    const typed = this.query.trim();
    const point = { lat: round(lat), long: round(long) };
    this.setPicked(geocoder ? point : { ...point, ...(typed ? { address: typed } : {}) });
    this.movePinTo(this.picked);
    if (!geocoder) {
      this.announceChosen();
      return;
    }
    this.busy = 'reversing';
    this.query = '';
    let found: GeocodeResult | undefined;
    try {
      found = await geocoder.reverse(lat, long, { lang: this.locale });
    } catch {
      // The point stands without a street name; the resident can still describe it.
    }
    if (id !== this.pointId) return;
    this.busy = undefined;
    if (found) {
      this.query = shortAddress(found);
      this.setPicked({ ...point, address: this.query });
    }
    this.announceChosen();
  }

  /** Five decimals (about a metre), in the widget's language: "41.76321" / "41,76321". */
  private formatCoordinate(value: number): string {
    return this.formatNumber(value, { maximumFractionDigits: 5 });
  }

  private announceChosen(): void {
    const v = this.picked;
    if (!v) return;
    const words =
      v.address !== undefined
        ? this.t('locationChosen', { address: v.address })
        : this.t('locationChosenPoint', { lat: this.formatCoordinate(v.lat!), long: this.formatCoordinate(v.long!) });
    this.announcer.announce(this.outOfBounds ? `${words} ${this.t('locationOutOfBounds')}` : words);
  }

  private async toggleMap(): Promise<void> {
    if (this.mapOpen) {
      this.mapOpen = false;
      return;
    }
    this.mapRequested = true;
    this.mapOpen = true;
    if (this.map) {
      await this.updateComplete;
      this.map.map.invalidateSize();
      this.movePinTo(this.picked);
      return;
    }
    if (this.mapLoading) return;
    this.mapLoading = true;
    this.announcer.announce(this.t('locationMapLoading'));
    try {
      const kit = await loadMapKit();
      await this.updateComplete;
      const container = this.renderRoot.querySelector<HTMLElement>('.map');
      if (!container || !this.isConnected) return;
      const v = this.picked;
      const bounds = this.cityBounds;
      const map = kit.createMap(container, {
        root: this.renderRoot as ShadowRoot,
        ...(this.config.tileUrl ? { tileUrl: this.config.tileUrl } : {}),
        ...(this.tileAttribution ? { attribution: this.tileAttribution } : {}),
        ...(v?.lat !== undefined ? { center: [v.lat, v.long] as [number, number], zoom: POINT_ZOOM } : {}),
        ...(bounds ? { bounds } : {}),
        mapOptions: { keyboard: false },
        onTilesFailed: (failed) => failed && this.tell({ key: 'locationMapFailed', tone: 'problem' }),
        labels: mapLabels(this.t),
      });
      const pin = kit.L.marker(map.getCenter(), { icon: kit.pinIcon, draggable: true, keyboard: false, alt: '' }).addTo(map);
      map.on('click', (e) => {
        pin.setLatLng(e.latlng);
        void this.choosePoint(e.latlng.lat, e.latlng.lng);
      });
      pin.on('dragend', () => {
        const at = pin.getLatLng();
        void this.choosePoint(at.lat, at.lng);
      });
      const detach = kit.pinKeyboard(map, pin, { onConfirm: (at) => void this.choosePoint(at.lat, at.lng) });
      this.map = { map, pin, detach, kit };
      this.notice = undefined;
    } catch {
      this.mapOpen = false;
      this.tell({ key: 'locationMapFailed', tone: 'problem' });
    } finally {
      this.mapLoading = false;
    }
  }

  private movePinTo(v: PickedLocation | undefined): void {
    if (!this.map || v?.lat === undefined) return;
    this.map.pin.setLatLng([v.lat, v.long]);
    if (!this.map.map.getBounds().contains([v.lat, v.long])) this.map.map.setView([v.lat, v.long], Math.max(this.map.map.getZoom(), POINT_ZOOM));
  }

  // Rendering

  private renderListbox(): TemplateResult {
    return html`<ul
      class="listbox"
      id=${ID.listbox}
      role="listbox"
      aria-label=${this.t('locationSuggestionsLabel')}
      part="listbox"
      ?hidden=${!this.expanded || !this.suggestions.length}
      @mousedown=${(e: Event) => e.preventDefault()}
    >
      ${this.suggestions.map(
        (s, i) => html`<li
          class="option"
          id=${ID.option(i)}
          role="option"
          aria-selected=${i === this.activeIndex ? 'true' : 'false'}
          part="option"
          @click=${() => this.choose(s)}
        >
          ${s.displayName}
        </li>`,
      )}
      ${this.suggestions.length
        ? html`<li
            class="option option--typed"
            id=${ID.typedOption}
            role="option"
            aria-selected=${this.activeIndex === this.suggestions.length ? 'true' : 'false'}
            part="option"
            @click=${() => this.chooseTyped()}
          >
            ${this.t('locationUseTypedOption', { address: this.query.trim() })}
          </li>`
        : nothing}
    </ul>`;
  }

  private renderMapPanel(): unknown {
    if (!this.mapRequested) return nothing;
    return html`<div class="map-panel" id=${ID.mapPanel} ?hidden=${!this.mapOpen}>
      <p class="map-instructions" id=${ID.mapInstructions}>${this.t('locationMapInstructions')}</p>
      <div
        class="map"
        part="map"
        role="application"
        tabindex="0"
        aria-label=${this.t('locationMapLabel')}
        aria-describedby=${ID.mapInstructions}
      ></div>
    </div>`;
  }

  protected override render(): TemplateResult {
    const geocoder = this.activeGeocoder;
    const error = this.shownError();
    const hint = this.hint ?? this.t(geocoder ? 'locationHint' : 'locationHintFreeText');
    const disabled = this.isDisabled;
    const v = this.picked;
    const noticeText = this.busy === 'reversing' ? this.t('locationLookingUp') : this.notice ? this.t(this.notice.key) : '';
    const describedBy = [hintId(ID.input), ...(error ? [errorId(ID.input)] : []), ...(noticeText ? [ID.notice] : [])].join(' ');
    const active =
      this.expanded && this.activeIndex >= 0 ? (this.activeIndex < this.suggestions.length ? ID.option(this.activeIndex) : ID.typedOption) : undefined;
    return html`<div class=${classMap({ 'civic-field': true, 'civic-field--error': Boolean(error) })} part="field">
        <label class="civic-label" for=${ID.input} part="label">${this.label ?? this.t('locationLabel')}${this.required ? nothing : optionalMark(this.t)}</label>
        <div class="civic-hint" id=${hintId(ID.input)}>${hint}</div>
        ${error
          ? html`<p class="civic-error-message" id=${errorId(ID.input)}>
              <span class="civic-visually-hidden">${this.t('errorPrefix')}</span> ${error}
            </p>`
          : nothing}
        <div class="combobox" @focusout=${this.onFocusOut}>
          <input
            class=${classMap({ 'civic-input': true, 'civic-input--error': Boolean(error) })}
            id=${ID.input}
            type="text"
            role=${ifDefined(geocoder ? 'combobox' : undefined)}
            aria-autocomplete=${ifDefined(geocoder ? 'list' : undefined)}
            aria-expanded=${ifDefined(geocoder ? String(this.expanded && this.suggestions.length > 0) : undefined)}
            aria-controls=${ifDefined(geocoder ? ID.listbox : undefined)}
            aria-activedescendant=${ifDefined(active)}
            aria-describedby=${describedBy}
            aria-invalid=${ifDefined(error ? 'true' : undefined)}
            aria-required=${ifDefined(this.required ? 'true' : undefined)}
            autocomplete=${geocoder ? 'off' : 'street-address'}
            spellcheck="false"
            .value=${live(this.query)}
            ?disabled=${disabled}
            part="input"
            @input=${this.onInput}
            @keydown=${this.onKeyDown}
          />
          ${geocoder ? this.renderListbox() : nothing}
        </div>
        ${noticeText
          ? html`<p class=${classMap({ notice: true, 'notice--problem': this.notice?.tone === 'problem' && !this.busy })} id=${ID.notice} part="notice">
              ${noticeText}
            </p>`
          : nothing}
        ${v?.lat !== undefined && !v.address
          ? html`<p class="point">${this.t('locationPoint', { lat: this.formatCoordinate(v.lat), long: this.formatCoordinate(v.long!) })}</p>`
          : nothing}
        <div class="actions">
          <button
            type="button"
            class="civic-button civic-button--secondary"
            part="locate-button"
            ?disabled=${disabled || this.busy === 'locating'}
            @click=${this.locate}
          >
            ${this.t('locationUseMine')}
          </button>
          <button
            type="button"
            class="civic-button civic-button--secondary"
            part="map-button"
            aria-expanded=${this.mapOpen ? 'true' : 'false'}
            aria-controls=${ifDefined(this.mapRequested ? ID.mapPanel : undefined)}
            ?disabled=${disabled}
            @click=${this.toggleMap}
          >
            ${this.t(this.mapOpen ? 'locationHideMap' : 'locationShowMap')}
          </button>
        </div>
        ${this.renderMapPanel()}
      </div>
      ${this.announcer.render()}`;
  }
}

function sameLocation(a: PickedLocation | undefined, b: PickedLocation | undefined): boolean {
  return a?.lat === b?.lat && a?.long === b?.long && a?.address === b?.address;
}

function normalise(value: PickedLocation | undefined): PickedLocation | undefined {
  if (!value) return undefined;
  const address = value.address?.trim() || undefined;
  if (typeof value.lat === 'number' && typeof value.long === 'number' && Number.isFinite(value.lat) && Number.isFinite(value.long)) {
    return address ? { lat: value.lat, long: value.long, address } : { lat: value.lat, long: value.long };
  }
  return address ? { address } : undefined;
}
