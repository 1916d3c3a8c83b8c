import { css } from 'lit';

export const locationPickerStyles = css`
  :host {
    display: block;
    --_civic-location-picker-map-height: var(--civic-location-picker-map-height, 20rem);
    --_civic-location-picker-highlight: var(--civic-location-picker-highlight, var(--_civic-primary));
  }

  :host([hidden]) {
    display: none;
  }

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
    background: var(--_civic-location-picker-highlight);
    color: var(--_civic-on-primary);
    outline: 3px solid transparent;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_civic-space-s);
    margin-block-start: var(--_civic-space-s);
  }

  .notice,
  .point {
    margin-block: var(--_civic-space-s) 0;
  }

  .point {
    color: var(--_civic-muted);
  }

  .notice--problem {
    font-weight: 700;
  }

  .map-panel {
    margin-block-start: var(--_civic-space-m);
  }

  .map-panel[hidden] {
    display: none;
  }

  .map-instructions {
    margin-block: 0 var(--_civic-space-s);
    color: var(--_civic-muted);
  }

  .map {
    block-size: var(--_civic-location-picker-map-height);
    inline-size: 100%;
    border: var(--_civic-border-width) solid var(--_civic-border);
  }

  .map:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 3px var(--_civic-focus-text);
  }

  button[disabled],
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
