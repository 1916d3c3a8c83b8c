import type { CivicBackend } from '../../api/backend.js';
import type { Service } from '../../api/types.js';
import { buttonStyles } from '../../core/forms/button-styles.js';
import { languageReady, nearestLang, observeLang, resolveLocale, translate, type MessageKey, type MessageParams, type Strings } from '../../core/i18n.js';
import { backendFor } from '../../core/backend-factory.js';
import { el, fire, heading } from '../../core/plain/dom.js';
import { plainErrorPanel } from '../../core/plain/error-panel.js';
import { HallLink } from '../../core/plain/hall.js';
import { adoptStyles } from '../../core/plain/styles.js';
import { themeStyles, visuallyHiddenStyles } from '../../core/theme.js';
import { serviceListStyles } from './civic-service-list.styles.js';

/** Detail of `civic-service-select`. */
export interface CivicServiceSelectDetail {
  serviceCode: string;
  service: Service;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-service-list': CivicServiceList;
  }
  interface HTMLElementEventMap {
    'civic-service-select': CustomEvent<CivicServiceSelectDetail>;
  }
}

interface ServiceGroup {
  name: string;
  services: Service[];
}

interface Props {
  endpoint?: string | undefined;
  jurisdictionId?: string | undefined;
  apiKey?: string | undefined;
  backend?: CivicBackend | undefined;
  strings?: Strings | undefined;
  headingLevel: number;
  reportUrl?: string | undefined;
  serviceCodes?: string | undefined;
}

/** Attribute → property; `heading-level` falls back to its default when the attribute goes. */
const ATTRIBUTES: Record<string, keyof Props> = {
  endpoint: 'endpoint',
  'jurisdiction-id': 'jurisdictionId',
  'api-key': 'apiKey',
  'heading-level': 'headingLevel',
  'report-url': 'reportUrl',
  'service-codes': 'serviceCodes',
};
const PROPS: Array<keyof Props> = ['endpoint', 'jurisdictionId', 'apiKey', 'backend', 'strings', 'headingLevel', 'reportUrl', 'serviceCodes'];
/** Milliseconds between emptying the live region and writing to it, so a repeat is spoken again. */
const ANNOUNCE_GAP_MS = 100;

/**
 * The services a resident can report, grouped as the backend groups them: a city's
 * "what can I report?" page, straight from its Open311 server.
 *
 * Inside a `<civic-hall>` it takes the hall's configuration (endpoint, jurisdiction, key,
 * backend, strings); its own attributes and properties win, so it also works alone on a page.
 * Its language is the nearest `lang` on it or above it (a live change re-words it and reloads
 * the backend's names in that language). It is built without Lit (plain DOM, text only: service
 * names and descriptions are never parsed as HTML), so a page with only the list does not load Lit.
 *
 * @summary Directory of the 311 services an Open311 backend offers.
 * @tagname civic-service-list
 *
 * @fires {CustomEvent<CivicServiceSelectDetail>} civic-service-select - A service link was
 * followed (only with `report-url`). Cancelable: call `preventDefault()` to handle it in page
 * (e.g. open a `<civic-service-request>`) instead of navigating.
 *
 * @attr {string} lang - Language of this widget (`en`, `es`, `es-MX`…); defaults to the nearest `lang` above it.
 *
 * @csspart title - The heading above the list.
 * @csspart group - One group of services (a `section`).
 * @csspart group-title - A group's heading.
 * @csspart service - One service (a list item).
 * @csspart error-panel - Shown when the backend cannot be reached, with a retry button.
 * @csspart retry-button - The "Try again" button.
 *
 * @cssprop --civic-service-list-gap - Space between groups and columns. Default `var(--civic-space-m)`.
 * @cssprop --civic-service-list-column-width - Narrowest column of services. Default `16rem`.
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
export class CivicServiceList extends HTMLElement {
  static observedAttributes = ['endpoint', 'jurisdiction-id', 'api-key', 'heading-level', 'report-url', 'service-codes'];

  private readonly props: Props = { headingLevel: 2 };
  private pending?: Promise<boolean>;
  /** The list itself must be drawn again (not only the live region). */
  private dirty = true;
  /** The nodes drawn last time, before the live region. */
  private drawn: ChildNode[] = [];

  private services?: Service[];
  private loadError?: unknown;
  private loadId = 0;
  private lastBackend: CivicBackend | undefined | null = null;

  /** Resolved at each connection; empty until then, so the first one also fetches a catalog file for English. */
  private locale = '';
  /** The catalog fetch the next render waits for, so a Spanish page never flashes English. */
  private catalogLoading?: Promise<void>;
  private stopObservingLang?: () => void;
  private readonly hall = new HallLink(this, () => this.requestUpdate());

  private readonly live = el('div', { class: 'civic-visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  /** What the live region says, worded again at each render (a language switch re-words it). */
  private said?: () => string;
  private announceTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, [themeStyles, visuallyHiddenStyles, buttonStyles, serviceListStyles]);
    root.append(this.live);
    // Set on the element before its code arrived (the autoloader, a CMS): those values are this element's.
    for (const key of PROPS) {
      if (Object.prototype.hasOwnProperty.call(this, key)) {
        const value = this[key];
        delete (this as Partial<Record<keyof Props, unknown>>)[key];
        this.set(key, value);
      }
    }
  }

  /**
   * Open311 GeoReport v2 base URL, e.g. `https://city.example/open311/v2`; overrides the hall's.
   * @attr endpoint
   */
  get endpoint(): string | undefined {
    return this.props.endpoint;
  }
  set endpoint(value: string | undefined) {
    this.set('endpoint', value);
  }

  /**
   * GeoReport `jurisdiction_id`, for servers hosting several jurisdictions; overrides the hall's.
   * @attr jurisdiction-id
   */
  get jurisdictionId(): string | undefined {
    return this.props.jurisdictionId;
  }
  set jurisdictionId(value: string | undefined) {
    this.set('jurisdictionId', value);
  }

  /**
   * GeoReport API key; overrides the hall's. Public in page source: prefer a relay.
   * @attr api-key
   */
  get apiKey(): string | undefined {
    return this.props.apiKey;
  }
  set apiKey(value: string | undefined) {
    this.set('apiKey', value);
  }

  /**
   * The backend this widget talks to. Setting it plugs in any `CivicBackend` implementation
   * (it wins over everything else). Reading it gives the backend in use: own `backend`, else a
   * client for an own `endpoint`, else the hall's `backend`, else a client for the hall's
   * `endpoint`; `undefined` when nothing is configured. The client sends the widget's language
   * as `Accept-Language`.
   */
  get backend(): CivicBackend | undefined {
    return backendFor(this.props, this.hall.config, this.locale || 'en');
  }
  set backend(value: CivicBackend | undefined) {
    this.set('backend', value);
  }

  /**
   * Replacement strings for this widget: any subset of the catalog, e.g.
   * `{ serviceListTitle: 'Report a problem' }` or plural forms `{ one, other }`.
   */
  get strings(): Strings | undefined {
    return this.props.strings;
  }
  set strings(value: Strings | undefined) {
    this.set('strings', value);
  }

  /**
   * Level of the list's heading (1–5, else 2); group headings are one level below.
   * @attr heading-level
   */
  get headingLevel(): number {
    return this.props.headingLevel;
  }
  set headingLevel(value: number) {
    this.set('headingLevel', value);
  }

  /**
   * Link each service to this URL, with `{service_code}` replaced, e.g.
   * `/report.html?service={service_code}`. Without it services are listed as text.
   * @attr report-url
   */
  get reportUrl(): string | undefined {
    return this.props.reportUrl;
  }
  set reportUrl(value: string | undefined) {
    this.set('reportUrl', value);
  }

  /**
   * Show only these service codes (space or comma separated).
   * @attr service-codes
   */
  get serviceCodes(): string | undefined {
    return this.props.serviceCodes;
  }
  set serviceCodes(value: string | undefined) {
    this.set('serviceCodes', value);
  }

  /** Resolves once the list shows what was last set or loaded (`true`, like a Lit element's). */
  get updateComplete(): Promise<boolean> {
    return this.pending ?? Promise.resolve(true);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const key = ATTRIBUTES[name]!;
    this.set(key, key === 'headingLevel' ? (value === null ? 2 : Number(value)) : (value ?? undefined));
  }

  connectedCallback(): void {
    this.hall.connect();
    this.updateLocale();
    this.stopObservingLang = observeLang(this, () => this.updateLocale());
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.hall.disconnect();
    this.stopObservingLang?.();
    clearTimeout(this.announceTimer);
  }

  /** Loads (again) the backend's services. Stale answers from an earlier backend are dropped. */
  async load(): Promise<void> {
    const id = ++this.loadId;
    const backend = this.backend;
    this.services = undefined;
    this.loadError = undefined;
    this.requestUpdate();
    if (!backend) return;
    try {
      const services = await backend.services();
      if (id !== this.loadId) return;
      this.services = services;
      const count = this.visible().length;
      this.announce(() => this.t('serviceListCount', { count }));
    } catch (error) {
      if (id === this.loadId) this.loadError = error;
    }
    if (id === this.loadId) this.requestUpdate();
  }

  private set<K extends keyof Props>(key: K, value: Props[K]): void {
    const old = this.props[key];
    if (old === value || (Number.isNaN(old) && Number.isNaN(value))) return;
    this.props[key] = value;
    this.requestUpdate();
  }

  /**
   * Draws the list at the next microtask, once for every change made until then, and not
   * before the widget's language has loaded. `list: false` re-words only the live region.
   */
  private requestUpdate(list = true): void {
    if (list) this.dirty = true;
    this.pending ??= (async () => {
      await null;
      for (let loading = this.catalogLoading; loading; loading = this.catalogLoading) {
        await loading;
        if (this.catalogLoading === loading) this.catalogLoading = undefined;
      }
      // Cleared first: a change made while it draws (a handler of its event) is drawn next.
      this.pending = undefined;
      if (this.isConnected) this.update();
      return true;
    })();
  }

  private update(): void {
    const level = this.headingLevel;
    if (!Number.isInteger(level) || level < 1 || level > 5) this.props.headingLevel = 2;
    const backend = this.backend;
    if (backend !== this.lastBackend) {
      this.lastBackend = backend;
      void this.load();
    }
    this.render();
  }

  private updateLocale(): void {
    const locale = resolveLocale(nearestLang(this));
    if (locale === this.locale) return;
    this.catalogLoading = languageReady(locale) ?? this.catalogLoading;
    this.locale = locale;
    this.requestUpdate();
  }

  private t(key: MessageKey, params?: MessageParams): string {
    return translate(key, params, this.locale, this.strings, this.hall.config?.strings);
  }

  /** Empties the polite live region, then words `say` into it (emptied first so a repeat is spoken). */
  private announce(say: () => string): void {
    clearTimeout(this.announceTimer);
    this.said = undefined;
    this.requestUpdate(false);
    this.announceTimer = setTimeout(() => {
      this.said = say;
      this.requestUpdate(false);
    }, ANNOUNCE_GAP_MS);
  }

  private visible(): Service[] {
    const only = this.serviceCodes?.split(/[\s,]+/).filter(Boolean);
    const all = this.services ?? [];
    return only?.length ? all.filter((s) => only.includes(s.service_code)) : all;
  }

  private groups(): ServiceGroup[] {
    const other = this.t('serviceListOtherGroup');
    const byName = new Map<string, Service[]>();
    for (const s of this.visible()) {
      const name = s.group ?? other;
      byName.set(name, [...(byName.get(name) ?? []), s]);
    }
    const collator = new Intl.Collator(this.locale);
    return [...byName]
      .map(([name, services]) => ({ name, services: services.sort((a, b) => collator.compare(a.service_name, b.service_name)) }))
      .sort((a, b) => (a.name === other ? 1 : b.name === other ? -1 : collator.compare(a.name, b.name)));
  }

  private onSelect(event: MouseEvent, service: Service): void {
    const proceed = fire(this, 'civic-service-select', { serviceCode: service.service_code, service } satisfies CivicServiceSelectDetail, true);
    if (!proceed) event.preventDefault();
  }

  /** One service; its name and description go in as text, never as markup. */
  private drawService(service: Service): HTMLLIElement {
    const href = this.reportUrl?.replaceAll('{service_code}', encodeURIComponent(service.service_code));
    const name = href ? el('a', { class: 'name', href }, service.service_name) : el('span', { class: 'name' }, service.service_name);
    if (href) name.addEventListener('click', (event) => this.onSelect(event as MouseEvent, service));
    return el('li', { part: 'service', 'data-service-code': service.service_code }, name, service.description && el('p', { class: 'description' }, service.description));
  }

  private drawBody(): Array<HTMLElement | false> {
    if (this.loadError) return [plainErrorPanel((key, params) => this.t(key, params), this.loadError, () => void this.load())];
    if (!this.services) return [!!this.backend && el('p', { role: 'status' }, this.t('serviceListLoading'))];
    const groups = this.groups();
    if (groups.length === 0) return [el('p', {}, this.t('serviceListEmpty'))];
    return [
      el('p', { class: 'count' }, this.t('serviceListCount', { count: this.visible().length })),
      ...groups.map((g) =>
        el(
          'section',
          { class: 'group', part: 'group' },
          heading(this.headingLevel + 1, { class: 'group-title', part: 'group-title' }, g.name),
          el('ul', {}, ...g.services.map((s) => this.drawService(s))),
        ),
      ),
    ];
  }

  private render(): void {
    if (this.dirty) {
      this.dirty = false;
      for (const node of this.drawn) node.remove();
      this.drawn = [heading(this.headingLevel, { class: 'title', part: 'title' }, this.t('serviceListTitle')), ...this.drawBody()].filter((node): node is HTMLElement => !!node);
      this.live.before(...this.drawn);
    }
    const said = this.said?.() ?? '';
    // Untouched when unchanged: a live region rewritten with the same words may speak them again.
    if (this.live.textContent !== said) this.live.textContent = said;
  }
}
