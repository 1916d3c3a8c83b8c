import { LitElement, html, type PropertyValues } from 'lit';
import { provide } from '@lit/context';
import type { CivicBackend } from '../../api/backend.js';
import type { NotifyBackend } from '../../api/notify/client.js';
import type { FormsBackend } from '../../api/forms/client.js';
import type { RecordsBackend } from '../../api/records/client.js';
import { civicConfigContext, type CivicConfig } from '../../core/context.js';
import type { Strings } from '../../core/i18n.js';
import { civicHallStyles } from './civic-hall.styles.js';

/**
 * Shared configuration for every civic-elements widget inside it: endpoint, jurisdiction, API
 * key, language, backend, strings. Widgets receive it through the Context Community Protocol (`@lit/context` here); each widget's own
 * attributes win over the hall's. The hall draws nothing itself (`display: contents`).
 *
 * Language: set the standard `lang` attribute on the hall (or anywhere above a widget);
 * widgets follow the nearest one, and re-render when it changes.
 *
 * @summary Virtual city hall: configures every civic widget inside it.
 * @tagname civic-hall
 *
 * @slot - The widgets and any other page content.
 *
 * @attr {string} endpoint - Open311 GeoReport v2 base URL, e.g. `https://city.example/open311/v2`.
 * @attr {string} jurisdiction-id - GeoReport `jurisdiction_id`, for servers hosting several jurisdictions.
 * @attr {string} api-key - GeoReport API key for submitting. Public in page source: prefer a relay that adds it server side.
 * @attr {string} lang - Language of the widgets inside (`en`, `es`, `es-MX`…); standard HTML attribute.
 * @attr {string} records-endpoint - Base URL of the public-records contract, e.g. `https://city.example/records/v1`.
 * @attr {string} notify-endpoint - Base URL of the notifications contract, e.g. `https://city.example/notify/v1`.
 * @attr {string} forms-endpoint - Base URL of the forms contract, e.g. `https://city.example/forms/v1`.
 * @attr {string} geocoder-url - Address search URL for location widgets.
 * @attr {string} tile-url - Map tile URL template (`https://…/{z}/{x}/{y}.png`) for map widgets.
 */
export class CivicHall extends LitElement {
  static override properties = {
    endpoint: {},
    jurisdictionId: { attribute: 'jurisdiction-id' },
    apiKey: { attribute: 'api-key' },
    recordsEndpoint: { attribute: 'records-endpoint' },
    recordsBackend: { attribute: false },
    notifyEndpoint: { attribute: 'notify-endpoint' },
    notifyBackend: { attribute: false },
    formsEndpoint: { attribute: 'forms-endpoint' },
    formsBackend: { attribute: false },
    geocoderUrl: { attribute: 'geocoder-url' },
    tileUrl: { attribute: 'tile-url' },
    backend: { attribute: false },
    strings: { attribute: false },
    config: { state: true, attribute: false },
  };

  static override styles = civicHallStyles;

  /** Open311 GeoReport v2 base URL. */
  endpoint?: string;

  /** GeoReport `jurisdiction_id`. */
  jurisdictionId?: string;

  /** GeoReport API key. */
  apiKey?: string;

  /** Base URL of the records contract, for records widgets. */
  recordsEndpoint?: string;

  /** Any `RecordsBackend`, used by every records widget inside instead of a client for `records-endpoint`. */
  recordsBackend?: RecordsBackend;

  /** Base URL of the notifications contract, for sign-up and follow widgets. */
  notifyEndpoint?: string;

  /** Any `NotifyBackend`, used by every notification widget inside instead of a client for `notify-endpoint`. */
  notifyBackend?: NotifyBackend;

  /** Base URL of the forms contract, for `<civic-form>`, `<civic-form-list>` and the tracker. */
  formsEndpoint?: string;

  /** Any `FormsBackend`, used by every forms widget inside instead of a client for `forms-endpoint`. */
  formsBackend?: FormsBackend;

  /** Address search (geocoder) URL for location widgets. */
  geocoderUrl?: string;

  /** Map tile URL template for map widgets. */
  tileUrl?: string;

  /** Any `CivicBackend` implementation, used by every widget inside instead of an Open311 client for `endpoint`. */
  backend?: CivicBackend;

  /** String overrides for every widget inside (a widget's own `strings` win). */
  strings?: Strings;

  /** What the widgets receive; a new object on every change so subscribers are notified. */
  @provide({ context: civicConfigContext })
  protected config: CivicConfig = {};

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ['endpoint', 'jurisdictionId', 'apiKey', 'recordsEndpoint', 'recordsBackend', 'notifyEndpoint', 'notifyBackend', 'formsEndpoint', 'formsBackend', 'geocoderUrl', 'tileUrl', 'backend', 'strings'] as const;
    if (keys.some((key) => changed.has(key)) || !this.hasUpdated) {
      const config: CivicConfig = {};
      for (const key of keys) {
        const value = this[key];
        if (value !== undefined && value !== '') (config as Record<string, unknown>)[key] = value;
      }
      this.config = config;
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-hall': CivicHall;
  }
}
