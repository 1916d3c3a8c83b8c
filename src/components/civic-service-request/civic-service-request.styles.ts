import { css } from 'lit';

export const serviceRequestStyles = css`
  :host {
    display: block;
    --civic-service-request-gap: var(--civic-space-l, 1.5rem);
  }
  .request {
    max-inline-size: var(--civic-service-request-max-width, 40rem);
  }
  .caption {
    color: var(--_civic-muted);
    margin-block: 0 var(--_civic-space-xs);
  }
  .step-title {
    font-size: var(--_civic-font-size-xl, 1.75rem);
    line-height: 1.2;
    margin-block: 0 var(--civic-service-request-gap);
  }
  .step-title:focus {
    outline: none;
  }
  .emergency {
    border-inline-start: 5px solid var(--_civic-error);
    padding: var(--_civic-space-s) var(--_civic-space-m);
    margin-block: 0 var(--civic-service-request-gap);
  }
  .emergency-mode p {
    margin-block: 0 var(--_civic-space-xs);
  }
  .inset {
    border-inline-start: 5px solid var(--_civic-border);
    padding: var(--_civic-space-s) var(--_civic-space-m);
    margin-block: 0 var(--civic-service-request-gap);
  }
  .inset p {
    margin-block: 0 var(--_civic-space-s);
  }
  .group + .group {
    margin-block-start: var(--_civic-space-m);
  }
  .group-title {
    font-size: var(--_civic-font-size-m, 1.125rem);
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
  .choice-input:focus-visible {
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
  .w5 {
    inline-size: 6em;
  }
  .civic-select {
    inline-size: auto;
    max-inline-size: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space-m);
    margin-block: var(--civic-service-request-gap);
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
  .summary {
    margin: 0 0 var(--civic-service-request-gap);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr) auto;
    gap: var(--_civic-space-s) var(--_civic-space-m);
    padding-block: var(--_civic-space-s);
    border-block-end: 1px solid var(--_civic-border);
  }
  .summary-key {
    font-weight: 700;
  }
  .summary-value,
  .summary-action {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 30rem) {
    .summary-row {
      grid-template-columns: 1fr;
    }
  }
  .muted {
    color: var(--_civic-muted);
  }
  .photo-preview {
    display: block;
    max-inline-size: min(100%, 20rem);
    max-block-size: 15rem;
    margin-block: var(--_civic-space-s);
    border: 1px solid var(--_civic-border);
  }
  .file-input:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
  }
  .nearby {
    list-style: none;
    margin: 0 0 var(--civic-service-request-gap);
    padding: 0;
  }
  .nearby-item {
    border-inline-start: 4px solid var(--_civic-primary);
    padding-inline-start: var(--_civic-space-s);
    margin-block-end: var(--_civic-space-m);
  }
  .nearby-item p {
    margin-block: 0 var(--_civic-space-xs);
  }
  .nearby-meta {
    color: var(--_civic-muted);
  }
  .panel {
    background: var(--civic-service-request-panel-color, #00703c);
    color: #ffffff;
    padding: var(--_civic-space-l);
    margin-block-end: var(--civic-service-request-gap);
    text-align: center;
  }
  .panel-title {
    margin: 0 0 var(--_civic-space-s);
    font-size: var(--_civic-font-size-xl, 1.75rem);
  }
  .panel-title:focus {
    outline: none;
  }
  .panel-body {
    margin: 0;
  }
  .reference {
    font-size: var(--_civic-font-size-l, 1.375rem);
  }
  .start-over {
    margin-block-start: var(--civic-service-request-gap);
  }
  @media (forced-colors: active) {
    .panel {
      border: 2px solid CanvasText;
    }
  }
`;
