import { css } from 'lit';

export const requestMapStyles = css`
  :host {
    display: block;
    --civic-request-map-height: 28rem;
  }
  .title {
    font-size: var(--_civic-font-size-l, 1.375rem);
    margin-block: 0 var(--_civic-space-s, 0.5rem);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space-s, 0.5rem) var(--_civic-space-m, 1rem);
    align-items: flex-end;
    margin: 0 0 var(--_civic-space-s, 0.5rem);
    padding: 0;
    border: 0;
  }
  .filters .civic-field {
    margin: 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space-s, 0.5rem);
    align-items: center;
    justify-content: space-between;
    margin-block-end: var(--_civic-space-s, 0.5rem);
  }
  .count {
    margin: 0;
    font-weight: 700;
  }
  .map {
    height: var(--civic-request-map-height);
    border: 1px solid var(--_civic-border, #565c65);
  }
  [hidden] {
    display: none !important;
  }
  .civic-cluster {
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: 50%;
    background: var(--_civic-primary, #005ea2);
    color: var(--_civic-on-primary, #ffffff);
    border: 3px solid var(--_civic-surface, #ffffff);
    box-shadow: 0 0 0 1px var(--_civic-primary, #005ea2);
    font-weight: 700;
    font-size: 0.8125rem;
    box-sizing: border-box;
  }
  .civic-cluster:focus-visible,
  .leaflet-marker-icon:focus-visible {
    outline: var(--_civic-focus-width, 3px) solid var(--_civic-focus, #ffdd00);
    outline-offset: 2px;
  }
  .popup dl {
    margin: 0 0 var(--_civic-space-s, 0.5rem);
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.125rem var(--_civic-space-s, 0.5rem);
  }
  .popup dt {
    font-weight: 700;
  }
  .popup dd {
    margin: 0;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    font-weight: 700;
    margin-block-end: var(--_civic-space-xs, 0.25rem);
  }
  th,
  td {
    text-align: start;
    padding: var(--_civic-space-xs, 0.25rem) var(--_civic-space-s, 0.5rem);
    border-block-end: 1px solid var(--_civic-border, #565c65);
    vertical-align: top;
  }
  a {
    color: var(--_civic-primary, #005ea2);
  }
  .more {
    margin-block-start: var(--_civic-space-s, 0.5rem);
  }
  @media (forced-colors: active) {
    .civic-cluster {
      background: Canvas;
      color: CanvasText;
      border-color: CanvasText;
    }
  }
`;
