import { css } from 'lit';

/**
 * What a lookup finds (the request, its timeline and map, the panels): adopted into the
 * tracker's shadow root by `request-view.ts` when it loads, after the first screen.
 */
export const requestViewStyles = css`
  :host {
    --_tracker-open: var(--civic-status-tracker-open-color, var(--_civic-primary));
    --_tracker-closed: var(--civic-status-tracker-closed-color, #00703c);
    --_tracker-overdue: var(--civic-status-tracker-overdue-color, var(--_civic-error));
    --_tracker-expected-bg: var(--civic-status-tracker-expected-background, #f3f2f1);
    --_tracker-photo-width: var(--civic-status-tracker-photo-max-width, 24rem);
  }
  .request-title,
  .panel-title {
    font-size: var(--_civic-font-size-l);
    margin-block: 0 var(--_civic-space-s);
  }
  .section-title {
    font-size: var(--_civic-font-size-m);
    margin-block: var(--_tracker-gap) var(--_civic-space-s);
  }
  .panel {
    border-inline-start: 5px solid var(--_civic-border);
    padding-inline-start: var(--_civic-space-m);
    margin-block: var(--_tracker-gap);
  }
  .panel ul {
    margin-block: var(--_civic-space-s) 0;
    padding-inline-start: 1.25rem;
  }
  .status {
    display: inline-block;
    margin-block: 0 var(--_civic-space-s);
    padding: var(--_civic-space-xs) var(--_civic-space-s);
    border: 2px solid currentColor;
    border-radius: var(--_civic-radius);
    font-weight: 700;
  }
  .status--open {
    color: var(--_tracker-open);
  }
  .status--closed {
    color: var(--_tracker-closed);
  }
  .status-notes {
    margin-block: 0 var(--_civic-space-s);
  }
  .expected {
    background: var(--_tracker-expected-bg);
    border-inline-start: 5px solid var(--_tracker-open);
    padding: var(--_civic-space-s) var(--_civic-space-m);
    margin-block: var(--_civic-space-s) var(--_tracker-gap);
  }
  .expected--overdue {
    border-inline-start-color: var(--_tracker-overdue);
  }
  .expected-date {
    display: block;
    font-size: var(--_civic-font-size-l);
    font-weight: 700;
  }
  .expected--overdue .expected-date {
    color: var(--_tracker-overdue);
  }
  .muted {
    color: var(--_civic-muted);
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: var(--_civic-space-xs) var(--_civic-space-m);
    margin: 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd + dt {
      margin-block-start: var(--_civic-space-s);
    }
  }
  figure {
    margin: var(--_tracker-gap) 0 0;
  }
  img {
    display: block;
    max-inline-size: min(100%, var(--_tracker-photo-width));
    block-size: auto;
    border-radius: var(--_civic-radius);
  }
  .map {
    margin-block-start: var(--_tracker-gap);
    block-size: var(--civic-status-tracker-map-height, 14rem);
    border: 1px solid var(--_civic-border);
    border-radius: var(--_civic-radius);
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .timeline li {
    position: relative;
    padding-inline-start: var(--_civic-space-l);
    padding-block-end: var(--_civic-space-m);
    border-inline-start: 2px solid var(--_civic-border);
    margin-inline-start: 0.5rem;
  }
  .timeline li:last-child {
    border-inline-start-color: transparent;
  }
  .timeline li::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(-0.5rem - 1px);
    inset-block-start: 0.2rem;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 50%;
    background: var(--_civic-surface);
    border: 2px solid var(--_tracker-open);
  }
  .timeline li[data-type='closed']::before {
    background: var(--_tracker-closed);
    border-color: var(--_tracker-closed);
  }
  .note-title {
    font-weight: 700;
    display: block;
  }
  .note-description {
    margin: var(--_civic-space-xs) 0 0;
  }
  @media (forced-colors: active) {
    .timeline li::before {
      forced-color-adjust: none;
      background: CanvasText;
      border-color: CanvasText;
    }
    .expected {
      border: 1px solid CanvasText;
    }
  }
`;
