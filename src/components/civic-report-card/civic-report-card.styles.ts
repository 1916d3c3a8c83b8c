import { css } from 'lit';

export const reportCardStyles = css`
  :host {
    display: block;
    --_rc-gap: var(--civic-report-card-gap, var(--_civic-space-m));
    --_rc-bar: var(--civic-report-card-bar-color, var(--_civic-primary));
    --_rc-track: var(--civic-report-card-bar-track, #e6e6e6);
    --_rc-stripe: var(--civic-report-card-stripe, #f3f2f1);
    --_rc-chart-width: var(--civic-report-card-chart-width, 28rem);
  }
  .title {
    font-size: var(--_civic-font-size-xl);
    margin-block: 0 var(--_civic-space-s);
  }
  .intro,
  .freshness p,
  .chart-note {
    margin-block: 0 var(--_civic-space-s);
  }
  .chart-note,
  .freshness,
  .missing {
    color: var(--_civic-muted);
  }
  .incomplete {
    font-weight: 700;
    color: inherit;
  }
  .window {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_civic-space-s);
    margin-block: var(--_rc-gap);
  }
  .window label {
    font-weight: 700;
  }
  .window select {
    inline-size: auto;
  }
  .progress {
    margin-block-end: var(--_rc-gap);
  }
  .progress progress {
    inline-size: min(100%, 20rem);
    block-size: 1rem;
  }
  .layout {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rc-gap);
    align-items: flex-start;
    margin-block: var(--_rc-gap);
  }
  .scroll {
    flex: 1 1 100%;
    max-inline-size: 100%;
    overflow-x: auto;
  }
  .scroll:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    font-size: var(--_civic-font-size-l);
    padding-block-end: var(--_civic-space-s);
  }
  th,
  td {
    padding: var(--_civic-space-xs) var(--_civic-space-s);
    border-block-end: 1px solid var(--_civic-border);
    text-align: end;
    vertical-align: top;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  tbody tr:nth-child(even) {
    background: var(--_rc-stripe);
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-block-start: var(--_civic-border-width) solid var(--_civic-border);
  }
  thead th {
    vertical-align: bottom;
  }
  thead button {
    font: inherit;
    font-weight: 700;
    color: var(--_civic-primary);
    background: none;
    border: 0;
    padding: var(--_civic-space-xs) 0;
    text-align: inherit;
    cursor: pointer;
    text-decoration: underline;
    min-block-size: var(--civic-target-size, 2.75rem);
  }
  thead button:focus-visible,
  .csv:focus-visible,
  .arrow {
    padding-inline-start: var(--_civic-space-xs);
  }
  .charts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_rc-gap);
  }
  .chart {
    flex: 1 1 18rem;
    max-inline-size: var(--_rc-chart-width);
    margin: 0 0 var(--_rc-gap);
  }
  .chart-note {
    flex: 1 1 100%;
  }
  .chart-title {
    font-size: var(--_civic-font-size-m);
    margin-block: 0 var(--_civic-space-s);
  }
  .bars {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) minmax(4rem, 2fr) auto;
    gap: var(--_civic-space-xs) var(--_civic-space-s);
    align-items: center;
  }
  .bars li {
    display: contents;
  }
  .bar {
    inline-size: 100%;
    block-size: 0.875rem;
  }
  .bar .track {
    fill: var(--_rc-track);
  }
  .bar .fill {
    fill: var(--_rc-bar);
  }
  .bar-value {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .csv,
  .how summary {
    color: var(--_civic-primary);
  }
  .how summary {
    cursor: pointer;
    text-decoration: underline;
  }
  .how ul {
    padding-inline-start: 1.25rem;
  }
  @media (forced-colors: active) {
    .bar .fill {
      fill: CanvasText;
    }
    .bar .track {
      fill: Canvas;
      stroke: CanvasText;
    }
  }
`;
