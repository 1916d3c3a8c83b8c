import type { ReportCardRow } from '../../api/report-card-model.js';
import type { MessageKey } from '../../core/i18n.js';

/** The report card's columns, in table order. */
export type ColumnKey =
  | 'category'
  | 'received'
  | 'closed'
  | 'open'
  | 'overdue'
  | 'onTime'
  | 'ackMedian'
  | 'ackP90'
  | 'closeMedian'
  | 'closeP90'
  | 'reopened';

/** How a column's values are written: as counts, a share (percent) or days. */
export type ColumnKind = 'text' | 'count' | 'share' | 'days';

export interface Column {
  key: ColumnKey;
  label: MessageKey;
  kind: ColumnKind;
  /** Name in the CSV file (stable, English, machine-readable). */
  csv: string;
  /** `null`: no figure (see {@link missingReason}). */
  value(row: ReportCardRow): number | string | null;
}

export const COLUMNS: readonly Column[] = [
  { key: 'category', label: 'reportCardColCategory', kind: 'text', csv: 'service_name', value: (r) => r.service_name ?? r.service_code },
  { key: 'received', label: 'reportCardColReceived', kind: 'count', csv: 'received', value: (r) => r.received },
  { key: 'closed', label: 'reportCardColClosed', kind: 'count', csv: 'closed', value: (r) => r.closed },
  { key: 'open', label: 'reportCardColOpen', kind: 'count', csv: 'open', value: (r) => r.open },
  { key: 'overdue', label: 'reportCardColOverdue', kind: 'count', csv: 'overdue', value: (r) => r.overdue },
  { key: 'onTime', label: 'reportCardColOnTime', kind: 'share', csv: 'on_time_share', value: (r) => r.on_time_share },
  { key: 'ackMedian', label: 'reportCardColAckMedian', kind: 'days', csv: 'days_to_acknowledge_median', value: (r) => r.days_to_acknowledge?.median ?? null },
  { key: 'ackP90', label: 'reportCardColAckP90', kind: 'days', csv: 'days_to_acknowledge_p90', value: (r) => r.days_to_acknowledge?.p90 ?? null },
  { key: 'closeMedian', label: 'reportCardColCloseMedian', kind: 'days', csv: 'days_to_close_median', value: (r) => r.days_to_close?.median ?? null },
  { key: 'closeP90', label: 'reportCardColCloseP90', kind: 'days', csv: 'days_to_close_p90', value: (r) => r.days_to_close?.p90 ?? null },
  { key: 'reopened', label: 'reportCardColReopened', kind: 'count', csv: 'reopened', value: (r) => r.reopened },
];

/** Why a cell has no figure: too few requests, unknown (no notes), or nothing to measure. */
export function missingReason(column: Column, row: ReportCardRow): MessageKey {
  if (column.key === 'reopened') return 'reportCardNotKnown';
  return row.enough_data ? 'reportCardNotAvailable' : 'reportCardNotEnough';
}

export type SortDirection = 'ascending' | 'descending';

/**
 * Rows sorted by one column. Rows without a figure go last in either direction: "not enough
 * data" is not the smallest or the largest value, and must not top a ranking.
 */
export function sortRows(rows: readonly ReportCardRow[], column: Column, direction: SortDirection, collator: Intl.Collator): ReportCardRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' || typeof y === 'string' ? collator.compare(String(x), String(y)) : x - y;
    return sign * order;
  });
}

/** A CSV field: quoted when needed; a leading `=`, `+`, `-` or `@` is defused so a spreadsheet never runs it as a formula. */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The card as CSV: one line per category, then the row for all (`service_code` empty). Only
 * aggregates: no request, address or person appears. Numbers unformatted (shares 0–1, days
 * with decimals), empty where the card has no figure; `enough_data` says which.
 */
export function toCsv(categories: readonly ReportCardRow[], all: ReportCardRow, allLabel: string): string {
  const header = ['service_code', ...COLUMNS.map((c) => c.csv), 'enough_data'];
  const line = (row: ReportCardRow, name: string | null) =>
    [row.service_code ?? '', ...COLUMNS.map((c) => (c.key === 'category' ? name : c.value(row))), row.enough_data].map(csvField).join(',');
  return [header.join(','), ...categories.map((r) => line(r, r.service_name ?? r.service_code)), line(all, allLabel)].join('\r\n') + '\r\n';
}
