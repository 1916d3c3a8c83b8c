import { css } from 'lit';

/**
 * The smallest field styles: a labelled text input, select or textarea, with GOV.UK focus. A
 * widget whose fields are only that (the request map's filters) adds these; `formStyles`
 * includes them and adds the rest (fieldsets, hints, errors, character count, error summary).
 */
export const fieldStyles = css`
  .civic-field {
    margin-block: 0 var(--_civic-space-l);
    min-inline-size: 0;
  }

  .civic-label {
    display: block;
    font-weight: 700;
    margin-block-end: var(--_civic-space-xs);
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

  /* GOV.UK input focus: yellow outline outside, thick dark border inside. */
  .civic-input:focus-visible,
  .civic-textarea:focus-visible,
  .civic-select:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_civic-focus-text);
  }

  @media (forced-colors: active) {
    .civic-input:focus-visible,
    .civic-textarea:focus-visible,
    .civic-select:focus-visible {
      outline-color: Highlight;
    }
  }
`;
