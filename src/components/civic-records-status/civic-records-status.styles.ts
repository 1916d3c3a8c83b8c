import { css } from 'lit';

export const recordsStatusStyles = css`
  :host {
    display: block;
  }
  .records-status {
    max-inline-size: var(--civic-records-status-max-width, 40rem);
  }
  .status {
    font-size: var(--_civic-font-size-l, 1.375rem);
    margin-block: 0 var(--_civic-space-m);
  }
  .deadline {
    border-inline-start: 5px solid var(--_civic-primary);
    padding: var(--_civic-space-s) var(--_civic-space-m);
    margin-block: 0 var(--civic-form-gap, var(--_civic-space-l));
  }
  .deadline--overdue {
    border-color: var(--_civic-error);
  }
  .deadline p {
    margin-block: 0 var(--_civic-space-xs);
  }
  .deadline-line {
    font-weight: 700;
  }
  .facts dt {
    font-weight: 700;
  }
  .facts dd {
    margin: 0 0 var(--_civic-space-s);
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .documents,
  .log {
    padding-inline-start: var(--_civic-space-m);
  }
  .documents li,
  .log li {
    margin-block-end: var(--_civic-space-s);
    overflow-wrap: anywhere;
  }
  .timeline {
    list-style: none;
    padding: 0;
    border-inline-start: 3px solid var(--_civic-border);
  }
  .timeline li {
    padding-inline-start: var(--_civic-space-m);
    margin-block-end: var(--_civic-space-m);
  }
  .timeline p {
    margin-block: 0 var(--_civic-space-xs);
  }
  .message {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  form[part='reply'] {
    margin-block: 0 var(--civic-form-gap, var(--_civic-space-l));
  }
`;
