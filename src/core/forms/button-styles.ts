import { css } from 'lit';

/**
 * Buttons and the error panel: what every widget can show (a "Try again" after a failed load).
 * Part of `CivicElement.styles`; field styles are `formStyles`, which only widgets with fields add.
 */
export const buttonStyles = css`
  .civic-error-panel {
    border-inline-start: 5px solid var(--_civic-error);
    padding-block: var(--_civic-space-s);
    padding-inline: var(--_civic-space-m);
    margin-block: var(--_civic-space-m);
  }

  .civic-error-panel__message {
    margin-block: 0 var(--_civic-space-m);
  }

  .civic-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_civic-target-size);
    padding-block: var(--_civic-space-xs);
    padding-inline: var(--_civic-space-m);
    font: inherit;
    font-weight: 700;
    line-height: 1.2;
    color: var(--_civic-on-primary);
    background: var(--_civic-primary);
    border: var(--_civic-border-width) solid transparent;
    border-radius: var(--_civic-radius);
    cursor: pointer;
    max-inline-size: 100%;
  }

  .civic-button:hover {
    background: var(--_civic-primary-hover);
  }

  .civic-button--secondary {
    color: var(--_civic-primary);
    background: var(--_civic-surface);
    border-color: currentColor;
  }

  .civic-button--secondary:hover {
    color: var(--_civic-primary-hover);
    background: var(--_civic-surface);
  }

  .civic-button:focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_civic-focus-text);
  }

  @media (forced-colors: active) {
    .civic-button {
      border-color: ButtonText;
    }
    .civic-error-panel {
      border-color: CanvasText;
    }
    .civic-button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
