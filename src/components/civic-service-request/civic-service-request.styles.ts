import { css } from 'lit';

/** What the report form adds to the form engine's `flowStyles`. */
export const serviceRequestStyles = css`
  :host {
    display: block;
    --civic-form-gap: var(--civic-service-request-gap, var(--civic-space-l, 1.5rem));
    --civic-form-panel-color: var(--civic-service-request-panel-color, #00703c);
  }
  .request {
    max-inline-size: var(--civic-service-request-max-width, 40rem);
  }
  .emergency {
    border-inline-start: 5px solid var(--_civic-error);
    padding: var(--_civic-space-s) var(--_civic-space-m);
    margin-block: 0 var(--civic-form-gap);
  }
  .emergency-mode p {
    margin-block: 0 var(--_civic-space-xs);
  }
  .group + .group {
    margin-block-start: var(--_civic-space-m);
  }
  .group-title {
    font-size: var(--_civic-font-size-m, 1.125rem);
    margin-block: 0 var(--_civic-space-s);
  }
  .w5 {
    inline-size: 6em;
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
    margin: 0 0 var(--civic-form-gap);
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
  .start-over {
    margin-block-start: var(--civic-form-gap);
  }
`;
