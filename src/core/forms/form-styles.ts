import { css, type CSSResultGroup } from 'lit';
import { fieldStyles } from './field-styles.js';

/**
 * Styles for the form primitives (field, fieldset, inputs, error summary, character count):
 * `fieldStyles` and what fieldsets, hints, errors and the summary add.
 * Every widget has the buttons and the error panel (`buttonStyles`, in `CivicElement.styles`);
 * a widget that renders fields adds these after `CivicElement.styles`, so a page whose widgets
 * have none (a service list, an alert banner) does not download them.
 * Logical properties throughout, so right-to-left pages mirror correctly.
 */
export const formStyles: CSSResultGroup = [
  fieldStyles,
  css`
  .civic-fieldset {
    margin-block: 0 var(--_civic-space-l);
    min-inline-size: 0;
    border: 0;
    padding: 0;
    margin-inline: 0;
  }

  .civic-field--error,
  .civic-fieldset--error {
    border-inline-start: 5px solid var(--_civic-error);
    padding-inline-start: var(--_civic-space-m);
  }

  .civic-legend {
    display: block;
    font-weight: 700;
    margin-block-end: var(--_civic-space-xs);
    padding: 0;
    max-inline-size: 100%;
    white-space: normal;
  }

  .civic-optional {
    font-weight: 400;
  }

  .civic-hint {
    display: block;
    color: var(--_civic-muted);
    margin-block-end: var(--_civic-space-s);
  }

  .civic-error-message {
    display: block;
    color: var(--_civic-error);
    font-weight: 700;
    margin-block: 0 var(--_civic-space-s);
  }

  .civic-textarea {
    min-block-size: 6em;
    resize: vertical;
  }

  .civic-input--error,
  .civic-textarea--error,
  .civic-select--error {
    border-color: var(--_civic-error);
  }

  .civic-character-count__status {
    display: block;
    margin-block-start: var(--_civic-space-xs);
    color: var(--_civic-muted);
  }

  .civic-character-count__status--over {
    color: var(--_civic-error);
    font-weight: 700;
  }

  .civic-character-count__status--hidden {
    visibility: hidden;
  }

  .civic-error-summary {
    border: 5px solid var(--_civic-error);
    padding: var(--_civic-space-m);
    margin-block-end: var(--_civic-space-l);
  }

  .civic-error-summary__title {
    margin-block: 0 var(--_civic-space-m);
    font-size: var(--_civic-font-size-l);
    line-height: 1.3;
  }

  .civic-error-summary__list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .civic-error-summary__list li + li {
    margin-block-start: var(--_civic-space-xs);
  }

  .civic-error-summary__list a {
    color: var(--_civic-error);
    font-weight: 700;
  }

  .civic-error-summary__list a:focus-visible {
    color: var(--_civic-focus-text);
  }

  @media (forced-colors: active) {
    .civic-field--error,
    .civic-fieldset--error,
    .civic-error-summary {
      border-color: CanvasText;
    }
  }
`,
];
