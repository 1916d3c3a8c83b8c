import { css } from 'lit';

/** The first page's styles; the later steps add `formLaterStyles` with their code. */
export const formElementStyles = css`
  :host {
    display: block;
  }
  .form {
    max-inline-size: var(--civic-form-max-width, 40rem);
  }
  .label-is-title > .civic-field > .civic-label,
  .label-is-title > .civic-fieldset > .civic-legend {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
  }
  .guidance {
    margin-block-end: var(--civic-form-gap, var(--_civic-space-l));
  }
  .save-later,
  .start-over {
    margin-block-start: var(--civic-form-gap, var(--_civic-space-l));
  }
  .problems {
    font-family: ui-monospace, monospace;
    font-size: var(--civic-font-size-s, 0.875rem);
  }
`;
