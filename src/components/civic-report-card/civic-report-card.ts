import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { MIN_SAMPLE, REPORT_WINDOWS, type ReportCard } from '../../api/report-card-model.js';
import { loadReportCard, type ReportCardProgress } from '../../api/report-card-source.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { headingTag } from '../../core/headings.js';
import { registerMessages, type MessageKey } from '../../core/i18n.js';
import type { ColumnKey, SortDirection } from './columns.js';
import type { CardViewHost } from './card-view.js';
import { reportCardStyles } from './civic-report-card.styles.js';
import { reportCardMessages } from './strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(reportCardMessages);

/** The table, charts and CSV (`card-view.ts`), once fetched with the first figures. */
let cardView: typeof import('./card-view.js') | undefined;

/** Detail of `civic-report-card-loaded`. */
export interface CivicReportCardLoadedDetail {
  card: ReportCard;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-report-card': CivicReportCard;
  }
  interface HTMLElementEventMap {
    'civic-report-card-loaded': CustomEvent<CivicReportCardLoadedDetail>;
  }
}

type View =
  | { kind: 'idle' }
  | { kind: 'loading'; progress?: ReportCardProgress }
  | { kind: 'error'; error: unknown }
  | { kind: 'loaded'; card: ReportCard };

const WINDOW_LABELS: Record<(typeof REPORT_WINDOWS)[number], MessageKey> = {
  30: 'reportCardWindow30',
  90: 'reportCardWindow90',
  365: 'reportCardWindow365',
};

const HOW: readonly MessageKey[] = [
  'reportCardHowCohort',
  'reportCardHowReceived',
  'reportCardHowOverdue',
  'reportCardHowOnTime',
  'reportCardHowAck',
  'reportCardHowClose',
  'reportCardHowPercentiles',
  'reportCardHowReopened',
  'reportCardHowMinimum',
];

/**
 * The city's 311 report card: for each category and for all, over the last 30, 90 or 365 days,
 * how many requests came in, closed, are still open or overdue, the share handled on time, and
 * the median and 90th-percentile days to acknowledge and to close. A sortable table first (the
 * accessible form), simple bars with the same numbers, a CSV download, when the figures were
 * computed and how each is computed. A category with fewer than 20 requests says "Not enough
 * data" instead of a share or a number of days.
 *
 * Uses the backend's `statistics` extension when discovery announces it (one call); otherwise
 * computes from `GET requests` over the window, page by page, with progress.
 *
 * @summary Transparency: time to acknowledge and close 311 requests, on-time share, backlog.
 * @tagname civic-report-card
 *
 * @fires {CustomEvent<CivicReportCardLoadedDetail>} civic-report-card-loaded - Figures are shown (after each load).
 *
 * @csspart title - The heading.
 * @csspart window - The period selector (label and select).
 * @csspart progress - The loading line and progress bar.
 * @csspart freshness - When and how the figures were computed.
 * @csspart table - The table of figures.
 * @csspart sort-button - The button in each column heading that sorts by it.
 * @csspart charts - The bars beside the table.
 * @csspart csv-link - The CSV download link.
 * @csspart how - "How each figure is computed" (a `details`).
 * @csspart empty - Shown when no request was received in the period.
 * @csspart error-panel - Shown when the backend cannot be reached, with a retry button.
 * @csspart retry-button - The "Try again" button.
 *
 * @cssprop --civic-report-card-gap - Space between sections. Default `var(--civic-space-m)`.
 * @cssprop --civic-report-card-bar-color - Bars of the charts. Default `var(--civic-color-primary)`.
 * @cssprop --civic-report-card-bar-track - Background of a bar's track. Default `#e6e6e6`.
 * @cssprop --civic-report-card-stripe - Background of every other table row. Default `#f3f2f1`.
 * @cssprop --civic-report-card-chart-width - Widest each chart is (they sit below the table, side by side when there is room). Default `28rem`.
 */
export class CivicReportCard extends CivicElement {
  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    windowDays: { type: Number, attribute: 'window-days' },
    serviceLevels: { attribute: false },
    maxRequests: { type: Number, attribute: 'max-requests' },
    view: { state: true, attribute: false },
    sortKey: { state: true, attribute: false },
    sortDirection: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, reportCardStyles];

  /** Level of the heading (1–5); the table caption and charts sit below it. */
  headingLevel = 2;

  /** The period, in days: 30, 90 or 365 (another number falls back to 90). The resident can change it. */
  windowDays = 90;

  /**
   * Service-level targets in days by service code, e.g. `{ POTHOLE: 5 }`, for requests without an
   * `expected_datetime` when the figures are computed in the browser (a server with the
   * `statistics` extension applies its own).
   */
  serviceLevels?: Record<string, number>;

  /** Most requests to load when computing in the browser; the card says so when it stops there. */
  maxRequests = 50_000;

  private view: View = { kind: 'idle' };
  private sortKey: ColumnKey = 'category';
  private sortDirection: SortDirection = 'ascending';

  private abort?: AbortController;
  private csvUrl?: string;
  private readonly announcer = new AnnouncerController(this);

  protected override configChanged(): void {
    void this.load();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    // Back in the page after a move: finish what the disconnect stopped, and offer the CSV again.
    const view = this.view;
    if (view.kind === 'loading') void this.load();
    else if (view.kind === 'loaded' && view.card.all.received > 0) this.setCsvUrl(this.csvFor(view.card));
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.setCsvUrl(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!Number.isInteger(this.headingLevel) || this.headingLevel < 1 || this.headingLevel > 5) this.headingLevel = 2;
    if (!(REPORT_WINDOWS as readonly number[]).includes(this.windowDays)) this.windowDays = 90;
    // The first load starts from configChanged(); later changes of what to load load again.
    if (this.hasUpdated && (['windowDays', 'serviceLevels', 'maxRequests'] as const).some((p) => changed.has(p))) void this.load();
    // The CSV names the total row in the page's language.
    else if ((changed as PropertyValues).has('locale') && this.view.kind === 'loaded' && this.csvUrl) this.setCsvUrl(this.csvFor(this.view.card));
  }

  /** Loads (again) the figures for the current period; an earlier load still running is stopped. */
  async load(): Promise<void> {
    this.abort?.abort();
    const backend = this.backend;
    if (!backend) {
      this.view = { kind: 'idle' };
      return;
    }
    const abort = (this.abort = new AbortController());
    this.view = { kind: 'loading' };
    try {
      // The table and charts load alongside the figures they show.
      const [card, view] = await Promise.all([loadReportCard(backend, {
        windowDays: this.windowDays,
        maxRequests: this.maxRequests,
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) this.view = { kind: 'loading', progress };
        },
        ...(this.serviceLevels ? { serviceLevels: this.serviceLevels } : {}),
      }), import('./card-view.js')]);
      cardView = view;
      if (abort.signal.aborted) return;
      this.view = { kind: 'loaded', card };
      this.setCsvUrl(card.all.received > 0 ? this.csvFor(card) : undefined);
      this.announcer.announce(this.t('reportCardAnnounce', { count: card.all.received }));
      this.emit('civic-report-card-loaded', { card });
    } catch (error) {
      if (!abort.signal.aborted) this.view = { kind: 'error', error };
    }
  }

  private csvFor(card: ReportCard): string {
    const text = cardView!.toCsv(card.categories, card.all, this.t('reportCardAll'));
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  }

  /** What the card's view (`card-view.ts`) needs of the element. */
  private viewHost(): CardViewHost {
    return {
      t: this.t,
      locale: this.locale,
      headingLevel: this.headingLevel,
      sortKey: this.sortKey,
      sortDirection: this.sortDirection,
      csvUrl: this.csvUrl,
      period: this.period(),
      formatNumber: (value, options) => this.formatNumber(value, options),
      formatDate: (value, options) => this.formatDate(value, options),
      sortBy: (key) => this.sortBy(key),
    };
  }

  private setCsvUrl(url: string | undefined): void {
    if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
    this.csvUrl = url;
  }

  private onWindowChange(event: Event): void {
    this.windowDays = Number((event.target as HTMLSelectElement).value);
  }

  private sortBy(key: ColumnKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'ascending' ? 'descending' : 'ascending';
    else {
      this.sortKey = key;
      // Names read best A to Z; for figures the biggest is usually the question.
      this.sortDirection = key === 'category' ? 'ascending' : 'descending';
    }
  }

  private period(): string {
    return this.t(WINDOW_LABELS[this.windowDays as (typeof REPORT_WINDOWS)[number]] ?? 'reportCardWindow90').toLocaleLowerCase(this.locale);
  }

  private renderBody(): unknown {
    const view = this.view;
    switch (view.kind) {
      case 'idle':
        return nothing;
      case 'error':
        return errorPanel(this.t, view.error, () => void this.load());
      case 'loading': {
        const p = view.progress;
        const percent = p ? this.formatNumber(p.fraction, { style: 'percent', maximumFractionDigits: 0 }) : '';
        return html`<div part="progress" class="progress">
          <p id="progress-text" role="status">${p ? this.t('reportCardProgress', { count: p.loaded, percent }) : this.t('reportCardLoading')}</p>
          <progress aria-labelledby="progress-text" max="1" value=${p ? p.fraction : nothing}></progress>
        </div>`;
      }
      case 'loaded':
        return cardView!.renderCard(this.viewHost(), view.card);
    }
  }

  protected override render(): unknown {
    const heading = headingTag(this.headingLevel);
    return staticHtml`<${heading} class="title" part="title">${this.t('reportCardTitle')}</${heading}>
      <p class="intro">${this.t('reportCardIntro')}</p>
      <div class="window" part="window">
        <label for="window">${this.t('reportCardWindowLabel')}</label>
        <select id="window" class="civic-input" @change=${this.onWindowChange}>
          ${REPORT_WINDOWS.map((d) => html`<option value=${d} ?selected=${d === this.windowDays}>${this.t(WINDOW_LABELS[d])}</option>`)}
        </select>
      </div>
      ${this.renderBody()}
      <details part="how" class="how">
        <summary>${this.t('reportCardHowTitle')}</summary>
        <ul>${HOW.map((key) => html`<li>${this.t(key, { count: this.view.kind === 'loaded' ? this.view.card.min_sample : MIN_SAMPLE })}</li>`)}</ul>
      </details>
      ${this.announcer.render()}`;
  }
}
