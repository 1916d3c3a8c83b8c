import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { ReportCard, ReportCardRow } from '../../api/report-card-model.js';
import { headingTag } from '../../core/headings.js';
import type { MessageKey, Translate } from '../../core/i18n.js';
import { COLUMNS, missingReason, sortRows, type Column, type ColumnKey, type SortDirection } from './columns.js';

export { toCsv } from './columns.js';

/**
 * The report card's figures (table, charts, CSV link): a module the element loads alongside
 * the figures themselves, so its first screen (title, period, progress) does not wait for it.
 */
export interface CardViewHost {
  t: Translate;
  locale: string;
  headingLevel: number;
  sortKey: ColumnKey;
  sortDirection: SortDirection;
  csvUrl: string | undefined;
  /** The period in words ("last 90 days"), for the caption. */
  period: string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  formatDate(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  sortBy(key: ColumnKey): void;
}

function cell(host: CardViewHost, column: Column, row: ReportCardRow): TemplateResult | string {
  const value = column.value(row);
  if (value === null) return html`<span class="missing">${host.t(missingReason(column, row))}</span>`;
  if (typeof value === 'string') return value;
  if (column.kind === 'share') return host.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
  if (column.kind === 'days') return host.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return host.formatNumber(value);
}

function renderRow(host: CardViewHost, row: ReportCardRow, name: string): TemplateResult {
  return html`<tr class=${row.enough_data ? '' : 'thin'}>
    <th scope="row">${name}</th>
    ${COLUMNS.slice(1).map((c) => html`<td>${cell(host, c, row)}</td>`)}
  </tr>`;
}

function renderTable(host: CardViewHost, card: ReportCard): TemplateResult {
  const column = COLUMNS.find((c) => c.key === host.sortKey)!;
  const rows = sortRows(card.categories, column, host.sortDirection, new Intl.Collator(host.locale));
  return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="caption">
    <table part="table">
      <caption id="caption">${host.t('reportCardCaption', { period: host.period })}</caption>
      <thead>
        <tr>
          ${COLUMNS.map(
            (c) => html`<th scope="col" aria-sort=${c.key === host.sortKey ? host.sortDirection : nothing}>
              <button type="button" part="sort-button" data-column=${c.key} @click=${() => host.sortBy(c.key)}>
                ${host.t(c.label)}<span class="arrow" aria-hidden="true">${c.key === host.sortKey ? (host.sortDirection === 'ascending' ? '▲' : '▼') : '↕'}</span>
              </button>
            </th>`,
          )}
        </tr>
      </thead>
      <tbody>${rows.map((r) => renderRow(host, r, r.service_name ?? r.service_code ?? ''))}</tbody>
      <tfoot>${renderRow(host, card.all, host.t('reportCardAll'))}</tfoot>
    </table>
  </div>`;
}

/** Bars with the same numbers as the table, for categories with enough data; the list is its own text alternative. */
function renderChart(host: CardViewHost, card: ReportCard, title: MessageKey, column: Column, heading: ReturnType<typeof headingTag>): TemplateResult {
  const rows = sortRows(card.categories.filter((r) => column.value(r) !== null), column, 'descending', new Intl.Collator(host.locale));
  const max = column.kind === 'share' ? 1 : Math.max(...rows.map((r) => column.value(r) as number), 0) || 1;
  return staticHtml`<figure class="chart" data-chart=${column.key}>
    <figcaption><${heading} class="chart-title">${host.t(title)}</${heading}></figcaption>
    <ul class="bars">
      ${rows.map((r) => {
        const value = column.value(r) as number;
        return html`<li>
          <span class="bar-label">${r.service_name ?? r.service_code}</span>
          <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="track" width="100" height="10"></rect>
            <rect class="fill" width=${(100 * value) / max} height="10"></rect>
          </svg>
          <span class="bar-value">${cell(host, column, r)}</span>
        </li>`;
      })}
    </ul>
  </figure>`;
}

/** The figures of `card`: freshness, table, charts and the CSV link. */
export function renderCard(host: CardViewHost, card: ReportCard): TemplateResult {
  if (card.all.received === 0) return html`<p part="empty" class="empty">${host.t('reportCardEmpty')}</p>`;
  const day = { dateStyle: 'medium' } as const;
  const chartHeading = headingTag(host.headingLevel + 1);
  const onTime = COLUMNS.find((c) => c.key === 'onTime')!;
  const close = COLUMNS.find((c) => c.key === 'closeMedian')!;
  return html`<div part="freshness" class="freshness">
      <p>
        ${host.t('reportCardFresh', {
          date: host.formatDate(card.computed_at, { dateStyle: 'long', timeStyle: 'short' }),
          from: host.formatDate(card.start_date, day),
          to: host.formatDate(card.computed_at, day),
        })}
        ${card.source === 'statistics' ? host.t('reportCardSourceServer') : host.t('reportCardSourceBrowser', { count: card.all.received })}
      </p>
      ${card.complete ? nothing : html`<p class="incomplete">${host.t('reportCardIncomplete', { count: card.all.received })}</p>`}
    </div>
    <div class="layout">
      ${renderTable(host, card)}
      <div class="charts" part="charts">
        ${renderChart(host, card, 'reportCardChartOnTime', onTime, chartHeading)}
        ${renderChart(host, card, 'reportCardChartClose', close, chartHeading)}
        <p class="chart-note">${host.t('reportCardChartNote', { count: card.min_sample })}</p>
      </div>
    </div>
    ${host.csvUrl
      ? html`<p><a part="csv-link" class="csv" href=${host.csvUrl} download=${host.t('reportCardCsvName', { days: String(card.window_days) })}>${host.t('reportCardCsv')}</a></p>`
      : nothing}`;
}

