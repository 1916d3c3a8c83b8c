import { css } from 'lit';

/** What the first screen shows: heading, filters, count, toggle and the map's box. */
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
`;
