import { activeAlerts, contentHash, infoFor, isEmergency, nextExpiry } from '../../api/alerts/resolve.js';
import type { AlertInfo, CivicAlert } from '../../api/alerts/types.js';
import { formatDate, languageReady, nearestLang, observeLang, registerMessages, resolveLocale, translate, type MessageKey, type MessageParams, type Strings } from '../../core/i18n.js';
import { themeStyles, visuallyHiddenStyles } from '../../core/theme.js';
import { alertBannerStyles } from './civic-alert-banner.styles.js';
import { dismiss, isDismissed } from './dismissals.js';
import { el, fire, safeLink } from '../../core/plain/dom.js';
import { HallLink } from '../../core/plain/hall.js';
import { adoptStyles } from '../../core/plain/styles.js';
import { AlertFeedsController } from './feeds-controller.js';
import { alertBannerMessages } from './strings.js';

registerMessages(alertBannerMessages);

/** Detail of `civic-alerts-change`. */
export interface CivicAlertsChangeDetail {
  /** The alerts shown now, most severe first (dismissed ones included: they are still in force). */
  alerts: CivicAlert[];
}

/** Detail of `civic-alert-dismiss`. */
export interface CivicAlertDismissDetail {
  alert: CivicAlert;
}

/** Detail of `civic-alerts-error`. */
export interface CivicAlertsErrorDetail {
  url: string;
  error: unknown;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-alert-banner': CivicAlertBanner;
  }
  interface HTMLElementEventMap {
    'civic-alerts-change': CustomEvent<CivicAlertsChangeDetail>;
    'civic-alert-dismiss': CustomEvent<CivicAlertDismissDetail>;
    'civic-alerts-error': CustomEvent<CivicAlertsErrorDetail>;
  }
}

/** Where alerts given by property (not read from a feed) are kept. */
const OWN = '#property';
/** Longest delay `setTimeout` takes; a later expiry is simply re-checked then. */
const MAX_TIMER_MS = 2_147_483_647;
/** Milliseconds between emptying the live region and writing to it, so a repeat is spoken again. */
const ANNOUNCE_GAP_MS = 100;

const keyOf = (a: CivicAlert) => `${a.sender}\u0000${a.identifier}`;
const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

type Tone = 'emergency' | 'warning' | 'info';

interface ShownAlert {
  alert: CivicAlert;
  info: AlertInfo;
  translated: boolean;
  emergency: boolean;
  hash: string;
}

/** An alert's `article`, and what it shows now (its button hides the alert as last drawn). */
interface Drawn {
  item: ShownAlert;
  node: HTMLElement;
}

interface Props {
  src?: string | undefined;
  nwsPoint?: string | undefined;
  nwsZone?: string | undefined;
  nwsSrc?: string | undefined;
  pollInterval: number;
  headingLevel: number;
  alerts?: CivicAlert[] | undefined;
  strings?: Strings | undefined;
}

/** Attribute → property; the numeric ones fall back to their default when the attribute goes. */
const ATTRIBUTES: Record<string, keyof Props> = {
  src: 'src',
  'nws-point': 'nwsPoint',
  'nws-zone': 'nwsZone',
  'nws-src': 'nwsSrc',
  'poll-interval': 'pollInterval',
  'heading-level': 'headingLevel',
};
const DEFAULTS: Props = { pollInterval: 90, headingLevel: 2 };
/** Changing any of these changes which feeds are read, or how often. */
const FEED_PROPS: Array<keyof Props> = ['src', 'nwsPoint', 'nwsZone', 'nwsSrc', 'pollInterval'];

/**
 * The city's active alerts (and, when configured, the National Weather Service's for its area)
 * at the top of any page: several at once, most severe first, each in the resident's language
 * when the sender wrote one, with what to do and a link to the details.
 *
 * Reads CAP 1.2 (a single alert or an Atom feed of them), NWS alerts GeoJSON, or the reference
 * backend's `/alerts/v1/active.json` from `src`; polls every 60–120 s with `If-None-Match`, not
 * while the page is hidden. An Update or Cancel replaces or removes what it references, and
 * nothing is shown past its `expires` (checked again the moment the next one passes). It needs
 * no `<civic-hall>` and never loads the Open311 client: set its own `strings` and `lang`, or,
 * inside a hall, it takes the hall's `strings` too (its own win). It is built without Lit (plain
 * DOM, text only: alert content is never parsed as HTML), so a page with only the banner does
 * not load Lit.
 *
 * A labelled landmark with a heading, shown only while there is something to say. An emergency
 * (Extreme or Severe, or the city's emergency flag) is a red band that cannot be hidden; a notice
 * can be hidden, and comes back when its content changes. An alert already in force when the page
 * loads is not announced (a page full of `role=alert`s on every visit teaches people to ignore
 * them); one that arrives during the visit is announced politely.
 *
 * @summary Active emergency and service alerts (CAP 1.2, NWS), most severe first.
 * @tagname civic-alert-banner
 *
 * @fires {CustomEvent<CivicAlertsChangeDetail>} civic-alerts-change - The alerts in force changed.
 * @fires {CustomEvent<CivicAlertDismissDetail>} civic-alert-dismiss - The resident hid a notice.
 * @fires {CustomEvent<CivicAlertsErrorDetail>} civic-alerts-error - A feed could not be read (its last alerts stay shown).
 *
 * @csspart banner - The landmark (`section`) around all alerts.
 * @csspart title - Its heading ("Alerts (2)"), visually hidden.
 * @csspart alert - One alert (`article`); also `alert-emergency`, `alert-warning` or `alert-info`.
 * @csspart kind - "Emergency", "Warning"… and the event name.
 * @csspart headline - The alert's heading.
 * @csspart language-note - "This alert is only available in English."
 * @csspart instruction - What to do.
 * @csspart details - The description, behind a disclosure.
 * @csspart link - Link to the full details and instructions.
 * @csspart dismiss-button - "Hide" (notices only).
 *
 * @cssprop --civic-alert-banner-gap - Space between alerts. Default `var(--civic-space-s)`.
 * @cssprop --civic-alert-banner-info-background - Notice background. Default `#e7f2f8`.
 * @cssprop --civic-alert-banner-info-color - Notice text. Default `#1b1b1b`.
 * @cssprop --civic-alert-banner-info-edge - Notice edge. Default `#005ea2`.
 * @cssprop --civic-alert-banner-warning-background - Warning (Moderate) background. Default `#faf3d1`.
 * @cssprop --civic-alert-banner-warning-color - Warning text. Default `#1b1b1b`.
 * @cssprop --civic-alert-banner-warning-edge - Warning edge. Default `#936f38`.
 * @cssprop --civic-alert-banner-emergency-background - Emergency background. Default `#b50909`.
 * @cssprop --civic-alert-banner-emergency-color - Emergency text. Default `#ffffff`.
 */
export class CivicAlertBanner extends HTMLElement {
  static observedAttributes = ['src', 'nws-point', 'nws-zone', 'nws-src', 'poll-interval', 'heading-level'];

  private readonly props: Props = { ...DEFAULTS };
  /** Properties set since the last update; the first update reads the feeds whatever was set. */
  private changed = new Set<keyof Props>(['src']);
  private pending?: Promise<boolean>;

  /** Resolved at each connection; empty until then, so the first one also fetches a catalog file for English. */
  private locale = '';
  private shown: CivicAlert[] = [];
  /** What each feed last said. */
  private readonly messages = new Map<string, CivicAlert[]>();
  /** Alerts the resident has already seen, so only news is announced. */
  private readonly known = new Set<string>();
  private readonly feeds = new AlertFeedsController({
    onAlerts: (url, alerts) => this.receive(url, alerts),
    onError: (url, error) => fire(this, 'civic-alerts-error', { url, error } satisfies CivicAlertsErrorDetail),
  });
  private expiryTimer?: ReturnType<typeof setTimeout>;
  private announceTimer?: ReturnType<typeof setTimeout>;
  /** What the live region says, worded again at each render (a language switch re-words it). */
  private said?: () => string;
  private focusTitle = false;
  private stopObservingLang?: () => void;
  /** The `strings` of the `<civic-hall>` around the banner (drawn again when they change). */
  private hallStrings?: Strings;
  private readonly hall = new HallLink(this, (config) => {
    if (config.strings === this.hallStrings) return;
    this.hallStrings = config.strings;
    this.drawn.clear();
    this.requestUpdate();
  });

  private readonly live = el('div', { class: 'civic-visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private readonly heading = el('div', { id: 'title', class: 'title civic-visually-hidden', part: 'title', role: 'heading', tabindex: '-1' });
  private readonly section = el('section', { class: 'banner', part: 'banner', 'aria-labelledby': 'title' }, this.heading);
  /**
   * Each alert's drawn `article`, by what it shows: an alert that did not change keeps its node
   * (an open disclosure, the focus on its button) when others come, go or move.
   */
  private drawn = new Map<string, Drawn>();
  private nextId = 0;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, [themeStyles, visuallyHiddenStyles, alertBannerStyles]);
    root.append(this.live);
    // Set on the element before its code arrived (the autoloader, a CMS): those values are this element's.
    for (const key of [...FEED_PROPS, 'headingLevel', 'alerts', 'strings'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, key)) {
        const value = this[key];
        delete (this as Partial<Record<keyof Props, unknown>>)[key];
        this.set(key, value);
      }
    }
  }

  /**
   * The city's alert feed: `/alerts/v1/active.json`, a CAP 1.2 XML alert or Atom feed, or NWS GeoJSON.
   * @attr src
   */
  get src(): string | undefined {
    return this.props.src;
  }
  set src(value: string | undefined) {
    this.set('src', value);
  }

  /**
   * Also show NWS alerts for this point, `lat,lon` (through `nws-src`).
   * @attr nws-point
   */
  get nwsPoint(): string | undefined {
    return this.props.nwsPoint;
  }
  set nwsPoint(value: string | undefined) {
    this.set('nwsPoint', value);
  }

  /**
   * Also show NWS alerts for this zone, e.g. `CTZ002` (through `nws-src`).
   * @attr nws-zone
   */
  get nwsZone(): string | undefined {
    return this.props.nwsZone;
  }
  set nwsZone(value: string | undefined) {
    this.set('nwsZone', value);
  }

  /**
   * The NWS relay (`…/alerts/v1/nws/active`): the browser cannot send the User-Agent the NWS
   * requires. Default: `nws/active` next to `src`.
   * @attr nws-src
   */
  get nwsSrc(): string | undefined {
    return this.props.nwsSrc;
  }
  set nwsSrc(value: string | undefined) {
    this.set('nwsSrc', value);
  }

  /**
   * Seconds between reads, clamped to 60–120. Default 90.
   * @attr poll-interval
   */
  get pollInterval(): number {
    return this.props.pollInterval;
  }
  set pollInterval(value: number) {
    this.set('pollInterval', value);
  }

  /**
   * Level of the (visually hidden) banner heading; each alert's heading is one below. Default 2.
   * @attr heading-level
   */
  get headingLevel(): number {
    return this.props.headingLevel;
  }
  set headingLevel(value: number) {
    this.set('headingLevel', value);
  }

  /** Alerts given directly (CMS-rendered, or tests), shown together with the feeds'. */
  get alerts(): CivicAlert[] | undefined {
    return this.props.alerts;
  }
  set alerts(value: CivicAlert[] | undefined) {
    this.set('alerts', value);
  }

  /** Replacement strings for this banner (any subset of its messages). */
  get strings(): Strings | undefined {
    return this.props.strings;
  }
  set strings(value: Strings | undefined) {
    this.set('strings', value);
  }

  /** Resolves once the banner shows what was last set or read (`true`, like a Lit element's). */
  get updateComplete(): Promise<boolean> {
    return this.pending ?? Promise.resolve(true);
  }

  /** Reads every feed now, without waiting for the next poll. */
  refresh(): Promise<void> {
    return this.feeds.refresh();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    const key = ATTRIBUTES[name]!;
    const fallback = DEFAULTS[key];
    this.set(key, typeof fallback === 'number' ? (value === null ? fallback : Number(value)) : (value ?? undefined));
  }

  connectedCallback(): void {
    this.hall.connect();
    this.updateLocale();
    this.stopObservingLang = observeLang(this, () => this.updateLocale());
    this.feeds.connect();
    if (this.shown.length > 0) this.recompute(false);
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.hall.disconnect();
    this.hallStrings = undefined;
    this.stopObservingLang?.();
    this.feeds.disconnect();
    clearTimeout(this.expiryTimer);
    clearTimeout(this.announceTimer);
  }

  private set<K extends keyof Props>(key: K, value: Props[K]): void {
    const old = this.props[key];
    if (old === value || (Number.isNaN(old) && Number.isNaN(value))) return;
    this.props[key] = value;
    this.changed.add(key);
    this.requestUpdate();
  }

  /** Draws the banner at the next microtask, once for every change made until then. */
  private requestUpdate(): void {
    this.pending ??= Promise.resolve().then(() => {
      try {
        if (this.isConnected) this.update();
      } finally {
        this.pending = undefined;
      }
      // Set while it drew (a handler of one of its events): drawn at the next microtask.
      if (this.changed.size > 0 && this.isConnected) this.requestUpdate();
      return true;
    });
  }

  private update(): void {
    const changed = this.changed;
    this.changed = new Set();
    if (FEED_PROPS.some((key) => changed.has(key))) {
      const urls = this.feedUrls();
      // A feed no longer configured must not keep its alerts on screen.
      const dropped = [...this.messages.keys()].filter((key) => key !== OWN && !urls.includes(key));
      for (const key of dropped) this.messages.delete(key);
      if (dropped.length > 0) this.recompute(false);
      this.feeds.configure(urls, this.pollInterval);
    }
    if (changed.has('alerts')) this.receive(OWN, this.alerts ?? []);
    if (changed.has('strings')) this.drawn.clear();
    this.render();
  }

  private t(key: MessageKey, params?: MessageParams): string {
    return translate(key, params, this.locale, this.strings, this.hallStrings);
  }

  /** The feeds to read: the city's, and the NWS relay's for the configured point or zone. */
  private feedUrls(): string[] {
    const urls: string[] = [];
    if (this.src) urls.push(this.src);
    const nwsQuery = this.nwsPoint ? `point=${encodeURIComponent(this.nwsPoint)}` : this.nwsZone ? `zone=${encodeURIComponent(this.nwsZone)}` : '';
    const relay = this.nwsSrc ?? (this.src ? new URL('nws/active', new URL(this.src, document.baseURI)).href : undefined);
    if (nwsQuery && relay) urls.push(`${relay}${relay.includes('?') ? '&' : '?'}${nwsQuery}`);
    return urls;
  }

  private receive(source: string, alerts: CivicAlert[]): void {
    const firstRead = !this.messages.has(source);
    this.messages.set(source, alerts);
    this.recompute(!firstRead);
  }

  /** Applies CAP semantics at the current time; announces alerts that are new to this visit. */
  private recompute(announce: boolean): void {
    const now = new Date();
    const active = activeAlerts([...this.messages.values()].flat(), now);
    const fresh = active.filter((a) => !this.known.has(keyOf(a)));
    for (const a of active) this.known.add(keyOf(a));
    const changed = active.map(keyOf).join('\n') !== this.shown.map(keyOf).join('\n') || active.some((a, i) => a !== this.shown[i]);
    this.shown = active;
    this.requestUpdate();
    if (changed) fire(this, 'civic-alerts-change', { alerts: active } satisfies CivicAlertsChangeDetail);
    const news = announce ? fresh.map((a) => this.present(a)).find((s) => s && (s.emergency || !isDismissed(s.hash))) : undefined;
    if (news) {
      const headline = news.info.headline ?? news.info.event;
      this.announce(() => this.t('alertBannerNew', { headline }));
    }
    this.scheduleExpiry(now);
  }

  private scheduleExpiry(now: Date): void {
    clearTimeout(this.expiryTimer);
    const next = nextExpiry(this.shown);
    if (!next || !this.isConnected) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - now.getTime()) + 50);
    this.expiryTimer = setTimeout(() => this.recompute(false), delay);
  }

  /** Empties the polite live region, then words `say` into it (emptied first so a repeat is spoken). */
  private announce(say: () => string): void {
    clearTimeout(this.announceTimer);
    this.said = undefined;
    this.requestUpdate();
    this.announceTimer = setTimeout(() => {
      this.said = say;
      this.requestUpdate();
    }, ANNOUNCE_GAP_MS);
  }

  private present(alert: CivicAlert): ShownAlert | undefined {
    const picked = infoFor(alert, this.locale);
    if (!picked) return undefined;
    return { alert, ...picked, emergency: isEmergency(alert), hash: contentHash(picked.info) };
  }

  private updateLocale(): void {
    const locale = resolveLocale(nearestLang(this));
    if (locale === this.locale) return;
    this.locale = locale;
    this.requestUpdate();
    // A language from the page's catalog file (`<link rel="civic-catalog">`) arrives later: draw again then.
    void languageReady(locale)?.then(() => {
      this.drawn.clear();
      this.requestUpdate();
    });
  }

  private hide(item: ShownAlert): void {
    dismiss(item.hash);
    fire(this, 'civic-alert-dismiss', { alert: item.alert } satisfies CivicAlertDismissDetail);
    // Focus would fall to the page's start with the button gone; the banner's heading keeps the place.
    this.focusTitle = true;
    this.requestUpdate();
    this.announce(() => this.t('alertBannerDismissed'));
  }

  /** An ARIA heading level, clamped to 1–6 like the other widgets' `heading-level`. */
  private level(below: number): string {
    const base = Number.isFinite(this.headingLevel) ? Math.trunc(this.headingLevel) : 2;
    return String(Math.min(6, Math.max(1, base + below)));
  }

  private kindLabel(item: ShownAlert): string {
    if (item.alert.emergency) return this.t('alertBannerSeverityEmergency');
    return this.t(`alertBannerSeverity${item.info.severity}` as MessageKey);
  }

  private languageName(tag: string): string {
    try {
      return new Intl.DisplayNames([this.locale], { type: 'language' }).of(primary(tag)) ?? tag;
    } catch {
      return tag;
    }
  }

  /** One alert as an `article`; every alert text goes in as text, never as markup. */
  private drawAlert(drawn: Pick<Drawn, 'item'>): HTMLElement {
    const { item } = drawn;
    const { info } = item;
    const lang = info.language;
    const tone: Tone = item.emergency ? 'emergency' : info.severity === 'Moderate' ? 'warning' : 'info';
    const headline = info.headline ?? info.event;
    const id = `alert-${++this.nextId}`;
    const link = safeLink(info.web);
    const hidden = (text: string) => el('span', { class: 'civic-visually-hidden' }, text);
    const button =
      !item.emergency &&
      el('button', { type: 'button', class: 'dismiss', part: 'dismiss-button' }, this.t('alertBannerDismiss'), hidden(this.t('alertBannerDismissContext', { headline })));
    if (button) button.addEventListener('click', () => this.hide(drawn.item));
    return el(
      'article',
      { class: `alert alert--${tone}`, part: `alert alert-${tone}`, 'aria-labelledby': id },
      el('p', { class: 'kind', part: 'kind' }, this.kindLabel(item), info.event && ': ', info.event && el('span', { lang }, info.event)),
      el('div', { class: 'headline', part: 'headline', role: 'heading', 'aria-level': this.level(1), id, lang }, headline),
      !item.translated && el('p', { part: 'language-note' }, this.t('alertBannerOnlyIn', { language: this.languageName(lang) })),
      info.instruction && el('p', { class: 'description', part: 'instruction', lang }, info.instruction),
      info.expires && el('p', {}, this.t('alertBannerUntil', { date: formatDate(info.expires, this.locale, { dateStyle: 'medium', timeStyle: 'short' }) })),
      (info.description || info.areas.length > 0) &&
        el(
          'details',
          { part: 'details' },
          el('summary', {}, this.t('alertBannerDetails')),
          info.description && el('p', { class: 'description', lang }, info.description),
          info.areas.length > 0 && el('p', {}, this.t('alertBannerArea', { area: info.areas.join('; ') })),
        ),
      (link || button) &&
        el(
          'div',
          { class: 'actions' },
          link && el('a', { part: 'link', href: link }, this.t('alertBannerLink'), hidden(this.t('alertBannerLinkContext', { headline }))),
          button,
        ),
    );
  }

  private render(): void {
    const said = this.said?.() ?? '';
    // Untouched when unchanged: a live region rewritten with the same words may speak them again.
    if (this.live.textContent !== said) this.live.textContent = said;
    const items = this.shown
      .map((a) => this.present(a))
      .filter((s): s is ShownAlert => s !== undefined && (s.emergency || !isDismissed(s.hash)));
    if (items.length === 0) {
      this.section.remove();
      this.drawn.clear();
      this.focusTitle = false;
      return;
    }
    const title = this.t('alertBannerTitle', { count: items.length });
    if (this.heading.textContent !== title) this.heading.textContent = title;
    this.heading.setAttribute('aria-level', this.level(0));
    const drawn = new Map<string, Drawn>();
    let at = this.heading.nextSibling;
    for (const item of items) {
      const key = [keyOf(item.alert), this.locale, this.level(1), item.emergency, JSON.stringify(item.info)].join('\u0000');
      let entry = this.drawn.get(key);
      if (entry) entry.item = item;
      else {
        entry = { item } as Drawn;
        entry.node = this.drawAlert(entry);
      }
      drawn.set(key, entry);
      if (at === entry.node) at = at.nextSibling;
      else this.section.insertBefore(entry.node, at);
    }
    while (at) {
      const next = at.nextSibling;
      at.remove();
      at = next;
    }
    this.drawn = drawn;
    if (!this.section.isConnected) this.shadowRoot!.append(this.section);
    if (this.focusTitle) this.heading.focus();
    this.focusTitle = false;
  }
}
