import { css } from 'lit';

export const notifySignupStyles = css`
  :host {
    display: block;
  }
  .notify {
    max-inline-size: var(--civic-notify-signup-max-width, 40rem);
  }
  .consent-text {
    padding-inline-start: var(--civic-space-m, 1rem);
    border-inline-start: 4px solid var(--civic-color-border, #565c65);
  }
  .leave-list {
    padding-inline-start: 1.25rem;
  }
  .leave-list li {
    margin-block-end: var(--civic-space-s, 0.5rem);
  }
  .done-note:empty {
    display: none;
  }
  .civic-button--warning {
    background: var(--civic-notify-signup-warning-color, var(--civic-color-error, #b50909));
    color: #ffffff;
  }
`;
