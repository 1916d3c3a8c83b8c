import { css } from 'lit';

/**
 * The address combobox's list and options. The host sets `--_civic-combobox-highlight` (the
 * highlighted option's background) from its own token.
 */
export const addressComboboxStyles = css`
  .combobox {
    position: relative;
  }

  .listbox {
    position: absolute;
    z-index: 1001;
    inset-inline: 0;
    inset-block-start: 100%;
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: 18rem;
    overflow-y: auto;
    background: var(--_civic-surface);
    color: var(--_civic-on-surface);
    border: var(--_civic-border-width) solid var(--_civic-border);
    border-block-start: 0;
  }

  .listbox[hidden] {
    display: none;
  }

  .option {
    padding: var(--_civic-space-s);
    cursor: pointer;
    border-block-end: 1px solid var(--_civic-border);
  }

  .option:last-child {
    border-block-end: 0;
  }

  /* "Use … as typed" is not an address the geocoder knows: set apart from the suggestions. */
  .option--typed {
    font-style: italic;
  }

  .option:hover {
    text-decoration: underline;
  }

  .option[aria-selected='true'] {
    background: var(--_civic-combobox-highlight, var(--_civic-primary));
    color: var(--_civic-on-primary);
    outline: 3px solid transparent;
  }

  input[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
