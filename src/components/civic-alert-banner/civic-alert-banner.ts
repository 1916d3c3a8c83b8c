import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { activeAlerts, contentHash, infoFor, isEmergency, nextExpiry } from '../../api/alerts/resolve.js';
import type { AlertInfo, CivicAlert } from '../../api/alerts/types.js';
import { AnnouncerController } from '../../core/announcer.js';
import { formatDate, nearestLang, observeLang, registerMessages, resolveLocale, translate, type MessageKey, type MessageParams, type Strings } from '../../core/i18n.js';
import { themeStyles, visuallyHiddenStyles } from '../../core/theme.js';
import { alertBannerStyles } from './civic-alert-banner.styles.js';
import { dismiss, isDismissed } from './dismissals.js';
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

/**
 * Fires outside the class on purpose: the manifest analyzer would list a variable event type as
 * an event of the element. The real events are declared with `@fires`.
 */
function fire(target: EventTarget, type: string, detail: unknown): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/**
 * The city's active alerts (and, when configured, the National Weather Service's for its area)
 * at the top of any page: several at once, most severe first, each in the resident's language
 * when the sender wrote one, with what to do and a link to the details.
 *
 * Reads CAP 1.2 (a single alert or an Atom feed of them), NWS alerts GeoJSON, or the reference
 * backend's `/alerts/v1/active.json` from `src`; polls every 60–120 s with `If-None-Match`, not
 * while the page is hidden. An Update or Cancel replaces or removes what it references, and
 * nothing is shown past its `expires` (checked again the moment the next one passes). It needs
 * no `<civic-hall>` and never loads the Open311 client (nor the hall's context): set its own
 * `strings` and `lang`.
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
export class CivicAlertBanner extends LitElement {
  static override styles = [themeStyles, visuallyHiddenStyles, alertBannerStyles];

  /** The city's alert feed: `/alerts/v1/active.json`, a CAP 1.2 XML alert or Atom feed, or NWS GeoJSON. */
  @property() src?: string;

  /** Also show NWS alerts for this point, `lat,lon` (through `nws-src`). */
  @property({ attribute: 'nws-point' }) nwsPoint?: string;

  /** Also show NWS alerts for this zone, e.g. `CTZ002` (through `nws-src`). */
  @property({ attribute: 'nws-zone' }) nwsZone?: string;

  /**
   * The NWS relay (`…/alerts/v1/nws/active`): the browser cannot send the User-Agent the NWS
   * requires. Default: `nws/active` next to `src`.
   */
  @property({ attribute: 'nws-src' }) nwsSrc?: string;

  /** Seconds between reads, clamped to 60–120. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 90;

  /** Level of the (visually hidden) banner heading; each alert's heading is one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Alerts given directly (CMS-rendered, or tests), shown together with the feeds'. */
  @property({ attribute: false }) alerts?: CivicAlert[];

  /** Replacement strings for this banner (any subset of its messages). */
  @property({ attribute: false }) strings?: Strings;

  @state() private locale = 'en';
  @state() private shown: CivicAlert[] = [];
  /** Bumped when the resident hides an alert: what is hidden lives in localStorage, not in reactive state. */
  @state() private dismissedVersion = 0;

  /** What each feed last said. */
  private readonly messages = new Map<string, CivicAlert[]>();
  /** Alerts the resident has already seen, so only news is announced. */
  private readonly known = new Set<string>();
  private readonly feeds = new AlertFeedsController(this, {
    onAlerts: (url, alerts) => this.receive(url, alerts),
    onError: (url, error) => fire(this, 'civic-alerts-error', { url, error } satisfies CivicAlertsErrorDetail),
  });
  private readonly announcer = new AnnouncerController(this);
  private expiryTimer?: ReturnType<typeof setTimeout>;
  private stopObservingLang?: () => void;

  /** Reads every feed now, without waiting for the next poll. */
  refresh(): Promise<void> {
    return this.feeds.refresh();
  }

  private t(key: MessageKey, params?: MessageParams): string {
    return translate(key, params, this.locale, this.strings);
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
    if (changed) fire(this, 'civic-alerts-change', { alerts: active } satisfies CivicAlertsChangeDetail);
    const news = announce ? fresh.map((a) => this.present(a)).find((s) => s && (s.emergency || !isDismissed(s.hash))) : undefined;
    if (news) void this.announcer.announce(this.t('alertBannerNew', { headline: news.info.headline ?? news.info.event }));
    this.scheduleExpiry(now);
  }

  private scheduleExpiry(now: Date): void {
    clearTimeout(this.expiryTimer);
    const next = nextExpiry(this.shown);
    if (!next || !this.isConnected) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - now.getTime()) + 50);
    this.expiryTimer = setTimeout(() => this.recompute(false), delay);
  }

  private present(alert: CivicAlert): ShownAlert | undefined {
    const picked = infoFor(alert, this.locale);
    if (!picked) return undefined;
    return { alert, ...picked, emergency: isEmergency(alert), hash: contentHash(picked.info) };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.updateLocale();
    this.stopObservingLang = observeLang(this, () => this.updateLocale());
    if (this.shown.length > 0) this.recompute(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopObservingLang?.();
    clearTimeout(this.expiryTimer);
  }

  private updateLocale(): void {
    const locale = resolveLocale(nearestLang(this));
    if (locale !== this.locale) this.locale = locale;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('nwsPoint') || changed.has('nwsZone') || changed.has('nwsSrc') || changed.has('pollInterval')) {
      const urls = this.feedUrls();
      // A feed no longer configured must not keep its alerts on screen.
      const dropped = [...this.messages.keys()].filter((key) => key !== OWN && !urls.includes(key));
      for (const key of dropped) this.messages.delete(key);
      if (dropped.length > 0) this.recompute(false);
      this.feeds.configure(urls, this.pollInterval);
    }
    if (changed.has('alerts')) this.receive(OWN, this.alerts ?? []);
  }

  private hide(item: ShownAlert): void {
    dismiss(item.hash);
    fire(this, 'civic-alert-dismiss', { alert: item.alert } satisfies CivicAlertDismissDetail);
    this.dismissedVersion++;
    void this.announcer.announce(this.t('alertBannerDismissed'));
    // Focus would fall to the page's start with the button gone; the banner's heading keeps the place.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.title')?.focus());
  }

  /**
   * An ARIA heading level, clamped to 1–6 like the other widgets' `heading-level`. ARIA headings
   * rather than `<hN>` keep the banner free of Lit's static templates (the page-cost budget).
   */
  private level(below: number): number {
    const base = Number.isFinite(this.headingLevel) ? Math.trunc(this.headingLevel) : 2;
    return Math.min(6, Math.max(1, base + below));
  }

  private kindLabel(item: ShownAlert): string {
    if (item.alert.emergency) return this.t('alertBannerSeverityEmergency');
    const key = `alertBannerSeverity${item.info.severity}` as MessageKey;
    return this.t(key);
  }

  private languageName(tag: string): string {
    try {
      return new Intl.DisplayNames([this.locale], { type: 'language' }).of(primary(tag)) ?? tag;
    } catch {
      return tag;
    }
  }

  private renderAlert(item: ShownAlert, index: number): TemplateResult {
    const { info } = item;
    const tone: Tone = item.emergency ? 'emergency' : info.severity === 'Moderate' ? 'warning' : 'info';
    const headline = info.headline ?? info.event;
    const id = `alert-${index}`;
    return html`<article class="alert alert--${tone}" part="alert alert-${tone}" aria-labelledby=${id}>
      <p class="kind" part="kind">${this.kindLabel(item)}${info.event ? html`: <span lang=${info.language}>${info.event}</span>` : nothing}</p>
      <div class="headline" part="headline" role="heading" aria-level=${this.level(1)} id=${id} lang=${info.language}>${headline}</div>
      ${item.translated ? nothing : html`<p part="language-note">${this.t('alertBannerOnlyIn', { language: this.languageName(info.language) })}</p>`}
      ${info.instruction ? html`<p class="description" part="instruction" lang=${info.language}>${info.instruction}</p>` : nothing}
      ${info.expires ? html`<p>${this.t('alertBannerUntil', { date: formatDate(info.expires, this.locale, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>` : nothing}
      ${info.description || info.areas.length > 0
        ? html`<details part="details">
            <summary>${this.t('alertBannerDetails')}</summary>
            ${info.description ? html`<p class="description" lang=${info.language}>${info.description}</p>` : nothing}
            ${info.areas.length > 0 ? html`<p>${this.t('alertBannerArea', { area: info.areas.join('; ') })}</p>` : nothing}
          </details>`
        : nothing}
      ${info.web || !item.emergency
        ? html`<div class="actions">
            ${info.web
              ? html`<a part="link" href=${info.web}
                  >${this.t('alertBannerLink')}<span class="civic-visually-hidden">${this.t('alertBannerLinkContext', { headline })}</span></a
                >`
              : nothing}
            ${item.emergency
              ? nothing
              : html`<button type="button" class="dismiss" part="dismiss-button" @click=${() => this.hide(item)}>
                  ${this.t('alertBannerDismiss')}<span class="civic-visually-hidden">${this.t('alertBannerDismissContext', { headline })}</span>
                </button>`}
          </div>`
        : nothing}
    </article>`;
  }

  override render(): TemplateResult {
    const items = this.shown
      .map((a) => this.present(a))
      .filter((s): s is ShownAlert => s !== undefined && (s.emergency || !isDismissed(s.hash)));
    return html`${this.announcer.render()}${items.length === 0
      ? nothing
      : html`<section class="banner" part="banner" aria-labelledby="title">
          <div id="title" class="title civic-visually-hidden" part="title" role="heading" aria-level=${this.level(0)} tabindex="-1">
            ${this.t('alertBannerTitle', { count: items.length })}
          </div>
          ${items.map((item, i) => this.renderAlert(item, i))}
        </section>`}`;
  }
}
