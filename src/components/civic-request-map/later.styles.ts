import { css } from 'lit';

/**
 * What `<civic-request-map>` shows after its first screen (markers, popups, the list), loaded
 * with that code (`later.ts`) and adopted into the element's shadow root then.
 */
export const requestMapLaterStyles = css`
  .civic-markers--zooming {
    visibility: hidden;
  }
  .civic-cluster,
  .civic-pin {
    position: absolute;
    left: 0;
    top: 0;
    margin: 0;
    padding: 0;
    font: inherit;
    cursor: pointer;
    pointer-events: auto;
  }
  .civic-pin {
    width: 25px;
    height: 41px;
    margin: -41px 0 0 -12px;
    border: 0;
    background: none;
  }
  .civic-pin img {
    display: block;
  }
  .civic-cluster--xs {
    width: 32px;
    height: 32px;
    margin: -16px 0 0 -16px;
  }
  .civic-cluster--s {
    width: 40px;
    height: 40px;
    margin: -20px 0 0 -20px;
  }
  .civic-cluster--m {
    width: 48px;
    height: 48px;
    margin: -24px 0 0 -24px;
  }
  .civic-cluster--l {
    width: 56px;
    height: 56px;
    margin: -28px 0 0 -28px;
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
  .civic-pin:focus-visible {
    z-index: 1;
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
  .list {
    container-type: inline-size;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  td {
    overflow-wrap: anywhere;
  }
  /* Reflow (WCAG 1.4.10): five columns do not fit a phone, so each request becomes a card whose
     lines carry their column's name. */
  @container (max-width: 36rem) {
    table,
    tbody,
    tr,
    td {
      display: block;
    }
    caption {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tr {
      padding-block: var(--_civic-space-s, 0.5rem);
      border-block-end: 1px solid var(--_civic-border, #565c65);
    }
    td {
      border: 0;
      padding: 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ' / '';
      font-weight: 700;
    }
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
