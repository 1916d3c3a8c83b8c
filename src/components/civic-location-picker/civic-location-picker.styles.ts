import { css } from 'lit';
import { addressComboboxStyles } from '../../core/address/styles.js';

export const locationPickerStyles = [
  addressComboboxStyles,
  css`
  :host {
    display: block;
    --_civic-location-picker-map-height: var(--civic-location-picker-map-height, 20rem);
    --_civic-combobox-highlight: var(--civic-location-picker-highlight, var(--_civic-primary));
  }

  :host([hidden]) {
    display: none;
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

  button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
`,
];
