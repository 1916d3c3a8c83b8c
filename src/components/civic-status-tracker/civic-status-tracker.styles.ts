import { css } from 'lit';

/** The first screen: title and lookup form. What a lookup finds is styled by `request-view.styles.ts`. */
export const statusTrackerStyles = css`
  :host {
    display: block;
    --_tracker-gap: var(--civic-status-tracker-gap, var(--_civic-space-m));
  }
  .title {
    font-size: var(--_civic-font-size-xl);
    margin-block: 0 var(--_civic-space-s);
  }
  form {
    margin-block-end: var(--_tracker-gap);
  }
  form .civic-input {
    max-inline-size: 20rem;
  }
`;
