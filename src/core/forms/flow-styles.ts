import { css } from 'lit';

/**
 * Styles of the multi-step form pieces (step title, choices, date boxes, actions), for every
 * form widget; check your answers and the confirmation panel are `answersStyles`. Spacing follows
 * `--civic-form-gap` (default `--civic-space-l`); the panel colour `--civic-form-panel-color`.
 */
export const flowStyles = css`
  .caption {
    color: var(--_civic-muted);
    margin-block: 0 var(--_civic-space-xs);
  }
  .step-title {
    font-size: var(--_civic-font-size-xl, 1.75rem);
    line-height: 1.2;
    margin-block: 0 var(--civic-form-gap, var(--_civic-space-l));
  }
  .step-title:focus,
  .panel-title:focus {
    outline: none;
  }
  .inset {
    border-inline-start: 5px solid var(--_civic-border);
    padding: var(--_civic-space-s) var(--_civic-space-m);
    margin-block: 0 var(--civic-form-gap, var(--_civic-space-l));
  }
  .inset p,
  .inset ul {
    margin-block: 0 var(--_civic-space-s);
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_civic-space-s);
    align-items: start;
    margin-block-end: var(--_civic-space-s);
  }
  .choice-input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_civic-primary);
  }
  .choice-input:focus-visible,
  .civic-file:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
    outline-offset: 2px;
  }
  .choice-label {
    cursor: pointer;
  }
  .choice-hint {
    grid-column: 2;
    margin: 0;
  }
  .reveal {
    border-inline-start: 4px solid var(--_civic-border);
    padding-inline-start: var(--_civic-space-m);
    margin-block-end: var(--_civic-space-m);
  }
  .date {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space-m);
    margin-block-end: var(--_civic-space-m);
  }
  .date-label {
    font-weight: 400;
  }
  .w2 {
    inline-size: 3.5em;
  }
  .w4 {
    inline-size: 5.5em;
  }
  .civic-select {
    inline-size: auto;
    max-inline-size: 100%;
  }
  .civic-file {
    max-inline-size: 100%;
  }
  .file-list {
    padding-inline-start: var(--_civic-space-m);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space-m);
    margin-block: var(--civic-form-gap, var(--_civic-space-l));
  }
  .civic-button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .link-button {
    font: inherit;
    color: var(--_civic-primary);
    background: none;
    border: 0;
    padding: 0;
    text-decoration: underline;
    cursor: pointer;
  }
  .link-button:focus-visible,
  a:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
    background: var(--_civic-focus);
    color: var(--_civic-focus-text);
  }
`;
