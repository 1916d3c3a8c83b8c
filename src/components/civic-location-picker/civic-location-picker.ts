import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { shortAddress, type LngLatBounds } from '../../api/geocoder.js';
import type { CivicConfig } from '../../core/context.js';
import { CivicElement } from '../../core/civic-element.js';
import { AnnouncerController } from '../../core/announcer.js';
import { AddressComboboxController } from '../../core/address/combobox.js';
import { GeocoderByUrl } from '../../core/address/geocoder.js';
import { errorId, hintId, optionalMark } from '../../core/forms/field.js';
import { FormAssociated, FormControlController, type ControlProblem } from '../../core/forms/form-control.js';
import { GeolocationController, type GeolocationProblem } from '../../core/geo/geolocation.js';
import { registerMessages, type MessageKey } from '../../core/i18n.js';
import { inBounds, mapLabels, parseBounds } from '../../core/map/defaults.js';
import {
  fromFormData,
  normalise,
  round,
  sameLocation,
  toFormData,
  type CivicLocationChangeDetail,
  type LocationGeocoder,
  type PickedLocation,
} from './location.js';
import { PickerMapController } from './map-controller.js';
import { locationPickerStyles } from './civic-location-picker.styles.js';
import { locationPickerMessages } from './strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

export type { CivicLocationChangeDetail, LocationGeocoder, PickedAddress, PickedLocation, PickedPoint } from './location.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(locationPickerMessages);

declare global {
  interface HTMLElementTagNameMap {
    'civic-location-picker': CivicLocationPicker;
  }
  interface HTMLElementEventMap {
    'civic-location-change': CustomEvent<CivicLocationChangeDetail>;
  }
}

type Notice = { key: MessageKey; tone: 'info' | 'problem' };

const PROBLEM_KEY: Record<GeolocationProblem, MessageKey> = {
  unsupported: 'locationUnsupported',
  denied: 'locationDenied',
  unavailable: 'locationUnavailable',
  timeout: 'locationTimeout',
};

const NOTICE_ID = 'address-notice';

/**
 * Where is it? A typed address with suggestions from a geocoder, "Use my location", and a map
 * pin — any one of them is enough, and the map is never the only way.
 *
 * A form control like a native input: inside a `<form>` it submits `<name>[lat]`, `<name>[long]`
 * and `<name>[address]`; `value`, `validity` and the form value change at once with every edit;
 * `required` makes an empty picker `valueMissing` and a place outside `bounds` is a
 * `customError`; `setCustomValidity()`, `checkValidity()`, `reportValidity()` (focuses the
 * address input), `validationMessage`, `willValidate`, `form`, `labels` work as on `<input>`; a
 * `<label for>` outside names and focuses the address input; a disabled `<fieldset>` disables
 * it; reset clears it and the browser's form restore brings the value back.
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
 * @fires input - Each edit: typing (the address input's own event), and a suggestion, "Use my
 * location", a map pin or an address lookup changing the value. Bubbles and is composed.
 * @fires change - The value was committed, as on a native input: a choice (suggestion, location,
 * pin, address lookup), or leaving the input after typing. Bubbles and is composed. Not fired by
 * script or reset.
 *
 * @csspart field - The wrapper of label, hint, error and controls.
 * @csspart label - The label of the address input (absent when a `<label for>` outside names the picker).
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
export class CivicLocationPicker extends FormAssociated(CivicElement) {
  static override properties = {
    geocoderUrl: { attribute: 'geocoder-url' },
    tileUrl: { attribute: 'tile-url' },
    tileAttribution: { attribute: 'tile-attribution' },
    bounds: {},
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    label: {},
    hint: {},
    error: {},
    geocoder: { attribute: false },
    picked: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, locationPickerStyles];
  static override shadowRootOptions: ShadowRootInit = { ...CivicElement.shadowRootOptions, delegatesFocus: true };

  /**
   * Base URL of a Nominatim-compatible geocoder (`/search` and `/reverse` below it). Default: the
   * hall's `geocoder-url`; with neither, a typed address is accepted as free text.
   */
  geocoderUrl?: string;

  /** Map tile URL template (`…/{z}/{x}/{y}.png`). Default: the hall's, else OpenStreetMap's standard tiles. */
  tileUrl?: string;

  /** Attribution HTML for the tiles. Default OpenStreetMap's (required by its licence). */
  tileAttribution?: string;

  /**
   * The city, `minLng,minLat,maxLng,maxLat`: suggestions are limited to it, the map starts on it,
   * and a point outside it is refused with a message.
   */
  bounds?: string;

  /** Form field name: entries are `<name>[lat]`, `<name>[long]`, `<name>[address]`. */
  name?: string;

  /** Submitting a form is blocked until a location is chosen (`validity.valueMissing`). */
  required = false;

  /** Disables every control (also set by a disabled `<fieldset>` around it). */
  get disabled(): boolean {
    return this.ownDisabled;
  }
  set disabled(value: boolean) {
    const old = this.ownDisabled;
    this.ownDisabled = Boolean(value);
    // As on an input: out of the form and of validation at once (the browser reads the attribute), not at the next render.
    if (this.hasAttribute('disabled') !== this.ownDisabled) this.toggleAttribute('disabled', this.ownDisabled);
    this.requestUpdate('disabled', old);
  }
  private ownDisabled = false;

  /** Label of the address input. Default "Address or place". */
  label?: string;

  /** Hint under the label. Default depends on whether a geocoder is configured. */
  hint?: string;

  /**
   * An error message to show inline (GOV.UK: red bar, "Error:" for screen readers, linked from
   * the input with `aria-describedby`). Set by a host form's validation; it wins over the
   * picker's own messages.
   */
  error?: string;

  /** Any geocoder (e.g. a `NominatimGeocoder` with its own `fetch`); wins over `geocoder-url`. */
  geocoder?: LocationGeocoder;

  private picked?: PickedLocation;
  private notice?: Notice;

  private readonly announcer = new AnnouncerController(this);
  private readonly geocoders = new GeocoderByUrl();

  /** @internal */
  override readonly formControl = new FormControlController(this, {
    formValue: () => (this.name && this.picked ? toFormData(this.name, this.picked) : null),
    problem: () => this.ownProblem(),
    anchor: () => this.combobox?.input ?? undefined,
    valueKey: () => JSON.stringify(this.picked ?? null),
  });

  private readonly combobox = new AddressComboboxController(this, {
    geocoder: () => this.activeGeocoder,
    searchOptions: () => ({ lang: this.locale, viewbox: this.cityBounds }),
    onEdit: (text) => this.onEdit(text),
    onCommit: () => this.formControl.change(),
    onSuggestions: (count) => {
      this.notice = undefined;
      this.announcer.announce(this.t('locationSuggestionsCount', { count }));
    },
    onChoose: (result, address) => {
      this.geolocation.cancel();
      this.notice = undefined;
      this.commit({ lat: result.lat, long: result.long, address });
      this.map.movePin(this.picked);
      this.announceChosen();
    },
    onTyped: (address) => {
      this.geolocation.cancel();
      this.commit({ address });
      this.tell({ key: 'locationUseTyped', tone: 'info' });
    },
  });

  private readonly geolocation = new GeolocationController(this, {
    onPosition: (lat, long) => {
      this.notice = undefined;
      void this.choosePoint(lat, long);
    },
    onProblem: (problem) => this.tell({ key: PROBLEM_KEY[problem], tone: 'problem' }),
  });

  private readonly map = new PickerMapController(this, {
    setup: () => ({
      tileUrl: this.config.tileUrl,
      attribution: this.tileAttribution,
      bounds: this.cityBounds,
      labels: mapLabels(this.t),
    }),
    point: () => (this.picked?.lat !== undefined ? { lat: this.picked.lat, long: this.picked.long } : undefined),
    onPoint: (lat, long) => void this.choosePoint(lat, long),
    onLoading: () => this.announcer.announce(this.t('locationMapLoading')),
    onLoaded: () => (this.notice = undefined),
    onFailed: () => this.tell({ key: 'locationMapFailed', tone: 'problem' }),
  });

  /** The chosen location; set it to restore a draft (no event fires). `undefined` when none. */
  get value(): PickedLocation | undefined {
    return this.picked;
  }

  set value(value: PickedLocation | undefined) {
    const next = normalise(value);
    // A host that binds `.value` to what the last event said hands the same place back: that must
    // not restart the picker (it would drop a lookup in flight and retype the input under the resident).
    if (sameLocation(next, this.picked)) return;
    this.geolocation.cancel();
    this.picked = next;
    this.combobox.show(next?.address ?? '');
    this.map.movePin(next);
    this.formControl.committed();
  }

  /** Moves focus to the address input (what an error summary link does). */
  override focus(options?: FocusOptions): void {
    const input = this.combobox.input;
    if (input) input.focus(options);
    else super.focus(options);
  }

  /** @internal */
  formResetCallback(): void {
    const had = this.picked !== undefined;
    this.geolocation.cancel();
    this.combobox.clear();
    this.picked = undefined;
    this.notice = undefined;
    this.announcer.clear();
    this.formControl.reset();
    if (had) this.emit('civic-location-change', { value: undefined });
  }

  /** @internal Browser restoring the form after back/forward navigation or autofill. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (state instanceof FormData) this.value = fromFormData(state);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A `<label for>` after the picker in the page is parsed after it connects.
    queueMicrotask(() => this.requestUpdate());
  }

  protected override ownConfig(): Partial<CivicConfig> {
    return { ...super.ownConfig(), geocoderUrl: this.geocoderUrl, tileUrl: this.tileUrl };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('locale')) this.map.relabel(mapLabels(this.t));
  }

  private get activeGeocoder(): LocationGeocoder | undefined {
    return this.geocoders.get(this.geocoder, this.config.geocoderUrl);
  }

  private get cityBounds(): LngLatBounds | undefined {
    return parseBounds(this.bounds);
  }

  private get outOfBounds(): boolean {
    const bounds = this.cityBounds;
    const v = this.picked;
    return Boolean(bounds && v && v.lat !== undefined && !inBounds(bounds, v.lat, v.long));
  }

  /** The picker's own problem, in the words of the error message and the form's validity. */
  private ownProblem(): ControlProblem | undefined {
    if (this.outOfBounds) return { flags: { customError: true }, message: this.t('locationOutOfBounds') };
    if (this.required && !this.picked) {
      const typedButNotChosen = (this.combobox?.query.trim() ?? '') !== '' && this.activeGeocoder;
      return { flags: { valueMissing: true }, message: this.t(typedButNotChosen ? 'locationChooseSuggestion' : 'locationRequired') };
    }
    return undefined;
  }

  /** The inline error: the host's, else out of bounds (at once), else what a failed submit found. */
  private shownError(): string | undefined {
    if (this.error) return this.error;
    if (this.outOfBounds) return this.formControl.customMessage || this.t('locationOutOfBounds');
    return this.formControl.showValidity && !this.validity.valid ? this.validationMessage : undefined;
  }

  private onEdit(text: string): void {
    this.notice = undefined;
    this.geolocation.cancel();
    if (this.activeGeocoder) {
      // What is shown no longer names the chosen place: forget it rather than submit a mismatch.
      if (this.picked) this.setPicked(undefined);
      return;
    }
    const typed = text.trim();
    const point = this.picked?.lat !== undefined ? { lat: this.picked.lat, long: this.picked.long } : undefined;
    this.setPicked(point ? { ...point, ...(typed ? { address: typed } : {}) } : typed ? { address: typed } : undefined);
  }

  /** A new value from typing: the address input's own `input` event already said so. */
  private setPicked(value: PickedLocation | undefined): void {
    this.picked = normalise(value);
    this.emit('civic-location-change', { value: this.picked });
  }

  /** A new value chosen or looked up (not typed): `input`, then `change`, as a native select does. */
  private commit(value: PickedLocation): void {
    this.setPicked(value);
    this.formControl.input();
    this.formControl.change();
  }

  /** Shows a notice and says it in the live region. */
  private tell(notice: Notice): void {
    this.notice = notice;
    this.announcer.announce(this.t(notice.key));
  }

  private locate(): void {
    this.geolocation.locate();
    if (this.geolocation.busy === 'locating') this.tell({ key: 'locationLocating', tone: 'info' });
  }

  /**
   * Chooses a point at once (so the form has it even if the lookup fails), then names it with
   * the geocoder's reverse lookup. Only the latest point's answer is kept.
   */
  private async choosePoint(lat: number, long: number): Promise<void> {
    const geocoder = this.activeGeocoder;
    const typed = this.combobox.query.trim();
    const point = { lat: round(lat), long: round(long) };
    this.geolocation.cancel();
    this.combobox.cancel();
    this.combobox.close();
    this.commit(geocoder ? point : { ...point, ...(typed ? { address: typed } : {}) });
    this.map.movePin(this.picked);
    if (!geocoder) {
      this.announceChosen();
      return;
    }
    this.combobox.show('');
    const found = await this.geolocation.name(geocoder, lat, long, this.locale);
    if (found === 'stale') return;
    if (found) {
      const address = shortAddress(found);
      this.combobox.show(address);
      this.commit({ ...point, address });
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

  protected override render(): TemplateResult {
    const geocoder = this.activeGeocoder;
    const error = this.shownError();
    const outside = this.formControl.outsideLabel();
    const disabled = this.disabled || this.formControl.disabledByForm;
    const v = this.picked;
    const busy = this.geolocation.busy;
    const noticeText = busy === 'reversing' ? this.t('locationLookingUp') : this.notice ? this.t(this.notice.key) : '';
    const describedBy = [hintId(this.combobox.ids.input), ...(error ? [errorId(this.combobox.ids.input)] : []), ...(noticeText ? [NOTICE_ID] : [])];
    return html`<div class=${classMap({ 'civic-field': true, 'civic-field--error': Boolean(error) })} part="field">
        ${outside
          ? nothing
          : html`<label class="civic-label" for=${this.combobox.ids.input} part="label"
              >${this.label ?? this.t('locationLabel')}${this.required ? nothing : optionalMark(this.t)}</label
            >`}
        <div class="civic-hint" id=${hintId(this.combobox.ids.input)}>${this.hint ?? this.t(geocoder ? 'locationHint' : 'locationHintFreeText')}</div>
        ${error
          ? html`<p class="civic-error-message" id=${errorId(this.combobox.ids.input)}>
              <span class="civic-visually-hidden">${this.t('errorPrefix')}</span> ${error}
            </p>`
          : nothing}
        ${this.combobox.render({
          describedBy: describedBy.join(' '),
          invalid: Boolean(error),
          required: this.required,
          disabled,
          ariaLabel: outside,
          listboxLabel: this.t('locationSuggestionsLabel'),
          typedOptionLabel: (address) => this.t('locationUseTypedOption', { address }),
        })}
        ${noticeText
          ? html`<p class=${classMap({ notice: true, 'notice--problem': this.notice?.tone === 'problem' && !busy })} id=${NOTICE_ID} part="notice">
              ${noticeText}
            </p>`
          : nothing}
        ${v?.lat !== undefined && !v.address
          ? html`<p class="point">${this.t('locationPoint', { lat: this.formatCoordinate(v.lat), long: this.formatCoordinate(v.long!) })}</p>`
          : nothing}
        <div class="actions">
          <button type="button" class="civic-button civic-button--secondary" part="locate-button" ?disabled=${disabled || busy === 'locating'} @click=${this.locate}>
            ${this.t('locationUseMine')}
          </button>
          <button
            type="button"
            class="civic-button civic-button--secondary"
            part="map-button"
            aria-expanded=${this.map.open ? 'true' : 'false'}
            aria-controls=${ifDefined(this.map.panelId)}
            ?disabled=${disabled}
            @click=${() => this.map.toggle()}
          >
            ${this.t(this.map.open ? 'locationHideMap' : 'locationShowMap')}
          </button>
        </div>
        ${this.map.render({ label: this.t('locationMapLabel'), instructions: this.t('locationMapInstructions') })}
      </div>
      ${this.announcer.render()}`;
  }
}
