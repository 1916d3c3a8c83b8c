import { css } from 'lit';

export const formElementStyles = css`
  :host {
    display: block;
  }
  .form {
    max-inline-size: var(--civic-form-max-width, 40rem);
  }
  .guidance {
    margin-block-end: var(--civic-form-gap, var(--_civic-space-l));
  }
  .save-later,
  .start-over {
    margin-block-start: var(--civic-form-gap, var(--_civic-space-l));
  }
  .entries {
    margin-block-end: var(--civic-form-gap, var(--_civic-space-l));
  }
  .resume-link {
    inline-size: 100%;
    font-family: inherit;
  }
  progress {
    inline-size: 100%;
    block-size: 1rem;
    accent-color: var(--civic-color-primary, #005ea2);
  }
  .problems {
    font-family: ui-monospace, monospace;
    font-size: var(--civic-font-size-s, 0.875rem);
  }
`;
