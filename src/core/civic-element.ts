import { LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { CivicBackend } from '../api/backend.js';
import { backendFor } from './backend-factory.js';
import type { CivicConfig } from './context.js';
import { HallLink } from './plain/hall.js';
import {
  formatDate,
  formatNumber,
  formatRelative,
  languageReady,
  nearestLang,
  observeLang,
  resolveLocale,
  translate,
  type DateInput,
  type MessageKey,
  type MessageParams,
  type Strings,
  type Translate,
} from './i18n.js';
import { themeStyles, visuallyHiddenStyles } from './theme.js';
import { buttonStyles } from './forms/button-styles.js';

/** The subset of `HTMLElementEventMap` that carries a `CustomEvent` detail. */
type CustomEventName = {
  [K in keyof HTMLElementEventMap]: HTMLElementEventMap[K] extends CustomEvent ? K : never;
}[keyof HTMLElementEventMap];
type DetailOf<K extends CustomEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Outside the class on purpose: the manifest analyzer lists every `new CustomEvent(…)` in a
 * class body as an event of that element, and `type` here is a variable, not an event name.
 * Each widget declares its real events with `@fires`.
 */
function dispatchCivicEvent(target: EventTarget, type: string, detail: unknown, cancelable: boolean): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/**
 * Base class of every civic-elements widget.
 *
 * **Configuration.** Inside a `<civic-hall>` a widget receives the hall's configuration through
 * `@lit/context`; its own attributes (`endpoint`, `jurisdiction-id`, `api-key`) and properties
 * (`backend`, `strings`) win over the hall's, so a widget also works alone on a page.
 * Subclasses read the merged result from `this.config` and the backend from `this.backend`.
 *
 * **Re-fetch hook.** `configChanged()` runs before the first render and again whenever the
 * effective backend changes (a hall attribute, an own attribute, a new `backend` object).
 * Override it to (re)load data; it must not be async-awaited by the caller, so start the
 * request and set reactive state when it settles. If you override `willUpdate`, call `super`.
 *
 * **Language.** `this.locale` is the language in effect: the nearest `lang` attribute on the
 * widget or an ancestor, across shadow roots (`es-MX` keeps its region for dates and uses the
 * Spanish words; a language without a catalog falls back to English). It is reactive: a
 * `lang` change anywhere above re-renders the widget, once that language's strings have loaded
 * (each language but English is fetched on first use). `this.t(key, params)` looks up strings
 * (own `strings` → hall `strings` → catalog); `formatDate`, `formatRelative` and
 * `formatNumber` format for the same locale.
 *
 * @attr {string} endpoint - Open311 GeoReport v2 base URL; overrides the hall's.
 * @attr {string} jurisdiction-id - GeoReport `jurisdiction_id`; overrides the hall's.
 * @attr {string} api-key - GeoReport API key for submitting; overrides the hall's. Public in page source: prefer a relay.
 * @attr {string} lang - Language of this widget (`en`, `es`, `es-MX`…); defaults to the nearest `lang` above it.
 *
 * @cssprop --civic-color-primary - Buttons, links, selected states. Default `#005ea2`.
 * @cssprop --civic-color-on-primary - Text on primary. Default `#ffffff`.
 * @cssprop --civic-color-error - Error text and borders. Default `#b50909`.
 * @cssprop --civic-color-focus - Focus outline and link highlight. Default `#ffdd00`.
 * @cssprop --civic-color-border - Input and panel borders. Default `#565c65`.
 * @cssprop --civic-color-surface - Input and panel background. Default `#ffffff`.
 * @cssprop --civic-color-muted - Hints and secondary text. Default `#505a5f`.
 * @cssprop --civic-radius - Corner radius. Default `0.25rem`.
 * @cssprop --civic-space-m - Base spacing (also `-xs`, `-s`, `-l`, `-xl`). Default `1rem`.
 * @cssprop --civic-font-size-m - Body text size (also `-s`, `-l`, `-xl`). Default `1rem`.
 * @cssprop --civic-focus-ring - Inner ring (box-shadow) inside the focus outline.
 */
export class CivicElement extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    jurisdictionId: { attribute: 'jurisdiction-id' },
    apiKey: { attribute: 'api-key' },
    strings: { attribute: false },
    hallConfig: { state: true, attribute: false },
    locale: { state: true, attribute: false },
  };

  /** Theme tokens, visually-hidden utility and form primitive styles; extend with `[...CivicElement.styles, own]`. */
  static override styles: CSSResultGroup = [themeStyles, visuallyHiddenStyles, buttonStyles];

  /** Open311 GeoReport v2 base URL, e.g. `https://city.example/open311/v2`. */
  endpoint?: string;

  /** GeoReport `jurisdiction_id`, for servers hosting several jurisdictions. */
  jurisdictionId?: string;

  /** GeoReport API key (sent on submit). */
  apiKey?: string;

  /**
   * Replacement strings for this widget: any subset of the catalog, e.g.
   * `{ serviceListTitle: 'Report a problem' }` or plural forms `{ one, other }`.
   */
  strings?: Strings;

  /** The hall's configuration, when the widget is inside a `<civic-hall>`. */
  protected hallConfig?: CivicConfig;

  /** The resolved language (BCP 47 tag) used for strings, dates and numbers. */
  protected locale = 'en';

  private ownBackend?: CivicBackend;
  private lastBackend: CivicBackend | undefined | null = null;
  private stopObservingLang?: () => void;
  /** The catalog fetch this widget's next render waits for (a language's strings load on first use). */
  private catalogLoading?: Promise<void>;
  /**
   * The link to the nearest `<civic-hall>` above (across shadow roots), through the Context
   * Community Protocol's `context-request` event, as the plain widgets ask: it stands in for
   * `@lit/context`'s consumer, which every page would otherwise load (the hall keeps the provider).
   */
  private readonly hall = new HallLink(this, (config) => {
    this.hallConfig = config;
  });

  /**
   * The backend this widget talks to. Setting it plugs in any `CivicBackend` implementation
   * (it wins over everything else). Reading it gives the backend in use: own `backend`, else a
   * client for an own `endpoint`, else the hall's `backend`, else a client for the hall's
   * `endpoint` (made by the factory its element registered, see `core/backend-factory.ts`);
   * `undefined` when nothing is configured (`backendFor`, shared with the widgets built without
   * Lit). Widgets with the same endpoint, jurisdiction, key and language share one client, so
   * discovery is asked for once; the client sends the widget's language as `Accept-Language`.
   */
  get backend(): CivicBackend | undefined {
    return backendFor({ backend: this.ownBackend, endpoint: this.endpoint, jurisdictionId: this.jurisdictionId, apiKey: this.apiKey }, this.hallConfig, this.locale);
  }

  set backend(value: CivicBackend | undefined) {
    const old = this.ownBackend;
    this.ownBackend = value;
    this.requestUpdate('backend', old);
  }

  /**
   * The effective configuration: the hall's, with this widget's own attributes and properties
   * laid over it. Subclasses with more settings (e.g. a map's `tileUrl`) override
   * `ownConfig()` to add them.
   */
  protected get config(): Readonly<CivicConfig> {
    const merged: CivicConfig = { ...this.hallConfig };
    for (const [key, value] of Object.entries(this.ownConfig()) as Array<[keyof CivicConfig, unknown]>) {
      if (value !== undefined && value !== '') (merged as Record<string, unknown>)[key] = value;
    }
    return merged;
  }

  /** This widget's own settings, which win over the hall's. */
  protected ownConfig(): Partial<CivicConfig> {
    return {
      endpoint: this.endpoint,
      jurisdictionId: this.jurisdictionId,
      apiKey: this.apiKey,
      backend: this.ownBackend,
    };
  }

  /**
   * Called before the first render and whenever `this.backend` changes identity. Override to
   * (re)load data from the new backend.
   */
  protected configChanged(): void {}

  /**
   * A string from the catalog in this widget's language, with `{name}` parameters and plurals.
   * Bound, so it can be handed to the form primitives as is: `field(this.t, …)`.
   */
  protected t: Translate = (key: MessageKey, params?: MessageParams): string =>
    translate(key, params, this.locale, this.strings, this.hallConfig?.strings);

  /** A date for people, in this widget's language (default `dateStyle: 'long'`). */
  protected formatDate(value: DateInput, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(value, this.locale, options);
  }

  /** "3 days ago" / "hace 3 días". */
  protected formatRelative(value: DateInput, now?: DateInput): string {
    return formatRelative(value, this.locale, now);
  }

  protected formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale, options);
  }

  /** Fires a typed, bubbling, composed `CustomEvent`; returns false if a listener cancelled it. */
  protected emit<K extends CustomEventName>(type: K, detail: DetailOf<K>, options: { cancelable?: boolean } = {}): boolean {
    return dispatchCivicEvent(this, type, detail, options.cancelable ?? false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.hall.connect();
    this.updateLocale();
    this.stopObservingLang = observeLang(this, () => this.updateLocale());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingLang?.();
    this.hall.disconnect();
    // Moved out of its hall: forget the old configuration; a new hall (if any) answers on reconnect.
    this.hallConfig = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const backend = this.backend;
    if (backend !== this.lastBackend) {
      this.lastBackend = backend;
      this.configChanged();
    }
  }

  /**
   * Holds a render until the widget's language has loaded, so a Spanish page never flashes
   * English (or announces it). Until the first render, the element's light-DOM fallback shows.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.catalogLoading;
    if (!pending) return super.scheduleUpdate();
    return pending.then(() => {
      if (this.catalogLoading === pending) this.catalogLoading = undefined;
      return super.scheduleUpdate();
    });
  }

  private updateLocale(): void {
    const locale = resolveLocale(nearestLang(this));
    if (locale === this.locale) return;
    const loading = languageReady(locale);
    if (loading) this.catalogLoading = loading;
    this.locale = locale;
  }
}
