import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { MIN_SAMPLE, REPORT_WINDOWS, type ReportCard, type ReportCardRow } from '../../api/report-card-model.js';
import { loadReportCard, type ReportCardProgress } from '../../api/report-card-source.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { headingTag } from '../../core/headings.js';
import { registerMessages, type MessageKey } from '../../core/i18n.js';
import { COLUMNS, missingReason, sortRows, toCsv, type Column, type ColumnKey, type SortDirection } from './columns.js';
import { reportCardStyles } from './civic-report-card.styles.js';
import { reportCardMessages } from './strings.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(reportCardMessages);

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
  static override styles = [...(CivicElement.styles as []), reportCardStyles];

  /** Level of the heading (1–5); the table caption and charts sit below it. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The period, in days: 30, 90 or 365 (another number falls back to 90). The resident can change it. */
  @property({ type: Number, attribute: 'window-days' }) windowDays = 90;

  /**
   * Service-level targets in days by service code, e.g. `{ POTHOLE: 5 }`, for requests without an
   * `expected_datetime` when the figures are computed in the browser (a server with the
   * `statistics` extension applies its own).
   */
  @property({ attribute: false }) serviceLevels?: Record<string, number>;

  /** Most requests to load when computing in the browser; the card says so when it stops there. */
  @property({ type: Number, attribute: 'max-requests' }) maxRequests = 50_000;

  @state() private view: View = { kind: 'idle' };
  @state() private sortKey: ColumnKey = 'category';
  @state() private sortDirection: SortDirection = 'ascending';

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
      const card = await loadReportCard(backend, {
        windowDays: this.windowDays,
        maxRequests: this.maxRequests,
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) this.view = { kind: 'loading', progress };
        },
        ...(this.serviceLevels ? { serviceLevels: this.serviceLevels } : {}),
      });
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
    const text = toCsv(card.categories, card.all, this.t('reportCardAll'));
    return URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
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

  private cell(column: Column, row: ReportCardRow): TemplateResult | string {
    const value = column.value(row);
    if (value === null) return html`<span class="missing">${this.t(missingReason(column, row))}</span>`;
    if (typeof value === 'string') return value;
    if (column.kind === 'share') return this.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
    if (column.kind === 'days') return this.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return this.formatNumber(value);
  }

  private renderRow(row: ReportCardRow, name: string): TemplateResult {
    return html`<tr class=${row.enough_data ? '' : 'thin'}>
      <th scope="row">${name}</th>
      ${COLUMNS.slice(1).map((c) => html`<td>${this.cell(c, row)}</td>`)}
    </tr>`;
  }

  private renderTable(card: ReportCard): TemplateResult {
    const column = COLUMNS.find((c) => c.key === this.sortKey)!;
    const rows = sortRows(card.categories, column, this.sortDirection, new Intl.Collator(this.locale));
    return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="caption">
      <table part="table">
        <caption id="caption">${this.t('reportCardCaption', { period: this.period() })}</caption>
        <thead>
          <tr>
            ${COLUMNS.map(
              (c) => html`<th scope="col" aria-sort=${c.key === this.sortKey ? this.sortDirection : nothing}>
                <button type="button" part="sort-button" data-column=${c.key} @click=${() => this.sortBy(c.key)}>
                  ${this.t(c.label)}<span class="arrow" aria-hidden="true">${c.key === this.sortKey ? (this.sortDirection === 'ascending' ? '▲' : '▼') : '↕'}</span>
                </button>
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>${rows.map((r) => this.renderRow(r, r.service_name ?? r.service_code ?? ''))}</tbody>
        <tfoot>${this.renderRow(card.all, this.t('reportCardAll'))}</tfoot>
      </table>
    </div>`;
  }

  /** Bars with the same numbers as the table, for categories with enough data; the list is its own text alternative. */
  private renderChart(card: ReportCard, title: MessageKey, column: Column, heading: ReturnType<typeof headingTag>): TemplateResult {
    const rows = sortRows(card.categories.filter((r) => column.value(r) !== null), column, 'descending', new Intl.Collator(this.locale));
    const max = column.kind === 'share' ? 1 : Math.max(...rows.map((r) => column.value(r) as number), 0) || 1;
    return staticHtml`<figure class="chart" data-chart=${column.key}>
      <figcaption><${heading} class="chart-title">${this.t(title)}</${heading}></figcaption>
      <ul class="bars">
        ${rows.map((r) => {
          const value = column.value(r) as number;
          return html`<li>
            <span class="bar-label">${r.service_name ?? r.service_code}</span>
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect class="track" width="100" height="10"></rect>
              <rect class="fill" width=${(100 * value) / max} height="10"></rect>
            </svg>
            <span class="bar-value">${this.cell(column, r)}</span>
          </li>`;
        })}
      </ul>
    </figure>`;
  }

  private renderCard(card: ReportCard): TemplateResult {
    if (card.all.received === 0) return html`<p part="empty" class="empty">${this.t('reportCardEmpty')}</p>`;
    const day = { dateStyle: 'medium' } as const;
    const chartHeading = headingTag(this.headingLevel + 1);
    const onTime = COLUMNS.find((c) => c.key === 'onTime')!;
    const close = COLUMNS.find((c) => c.key === 'closeMedian')!;
    return html`<div part="freshness" class="freshness">
        <p>
          ${this.t('reportCardFresh', {
            date: this.formatDate(card.computed_at, { dateStyle: 'long', timeStyle: 'short' }),
            from: this.formatDate(card.start_date, day),
            to: this.formatDate(card.computed_at, day),
          })}
          ${card.source === 'statistics' ? this.t('reportCardSourceServer') : this.t('reportCardSourceBrowser', { count: card.all.received })}
        </p>
        ${card.complete ? nothing : html`<p class="incomplete">${this.t('reportCardIncomplete', { count: card.all.received })}</p>`}
      </div>
      <div class="layout">
        ${this.renderTable(card)}
        <div class="charts" part="charts">
          ${this.renderChart(card, 'reportCardChartOnTime', onTime, chartHeading)}
          ${this.renderChart(card, 'reportCardChartClose', close, chartHeading)}
          <p class="chart-note">${this.t('reportCardChartNote', { count: card.min_sample })}</p>
        </div>
      </div>
      ${this.csvUrl
        ? html`<p><a part="csv-link" class="csv" href=${this.csvUrl} download=${this.t('reportCardCsvName', { days: String(card.window_days) })}>${this.t('reportCardCsv')}</a></p>`
        : nothing}`;
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
        return this.renderCard(view.card);
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
