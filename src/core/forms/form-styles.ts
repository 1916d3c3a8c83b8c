import { css } from 'lit';

/**
 * Styles for the form primitives (field, fieldset, inputs, error summary, character count).
 * Every widget has the buttons and the error panel (`buttonStyles`, in `CivicElement.styles`);
 * a widget that renders fields adds these after `CivicElement.styles`, so a page whose widgets
 * have none (a service list, an alert banner) does not download them.
 * Logical properties throughout, so right-to-left pages mirror correctly.
 */
export const formStyles = css`
  .civic-field,
  .civic-fieldset {
    margin-block: 0 var(--_civic-space-l);
    min-inline-size: 0;
  }

  .civic-fieldset {
    border: 0;
    padding: 0;
    margin-inline: 0;
  }

  .civic-field--error,
  .civic-fieldset--error {
    border-inline-start: 5px solid var(--_civic-error);
    padding-inline-start: var(--_civic-space-m);
  }

  .civic-label,
  .civic-legend {
    display: block;
    font-weight: 700;
    margin-block-end: var(--_civic-space-xs);
  }

  .civic-legend {
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

  .civic-input,
  .civic-textarea,
  .civic-select {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_civic-target-size);
    padding: var(--_civic-space-xs) var(--_civic-space-s);
    font: inherit;
    color: var(--_civic-on-surface);
    background: var(--_civic-surface);
    border: var(--_civic-border-width) solid var(--_civic-border);
    border-radius: var(--_civic-radius);
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

  /* GOV.UK input focus: yellow outline outside, thick dark border inside. */
  .civic-input:focus-visible,
  .civic-textarea:focus-visible,
  .civic-select:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_civic-focus-text);
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
    .civic-input:focus-visible,
    .civic-textarea:focus-visible,
    .civic-select:focus-visible {
      outline-color: Highlight;
    }
  }
`;
