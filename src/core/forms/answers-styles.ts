import { css } from 'lit';

/**
 * Styles of the last two screens (`answers.ts`): check your answers and the confirmation panel,
 * with `.muted` for "not given". Apart from `flowStyles` so that a widget whose later steps load
 * on their own can add these with them (`<civic-form>` does). The panel colour is
 * `--civic-form-panel-color`.
 */
export const answersStyles = css`
  .summary {
    margin: 0 0 var(--civic-form-gap, var(--_civic-space-l));
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr) auto;
    gap: var(--_civic-space-s) var(--_civic-space-m);
    padding-block: var(--_civic-space-s);
    border-block-end: 1px solid var(--_civic-border);
  }
  .summary-key {
    font-weight: 700;
  }
  .summary-value,
  .summary-action {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  @media (max-width: 30rem) {
    .summary-row {
      grid-template-columns: 1fr;
    }
  }
  .muted {
    color: var(--_civic-muted);
  }
  .panel {
    background: var(--civic-form-panel-color, #00703c);
    color: #ffffff;
    padding: var(--_civic-space-l);
    margin-block-end: var(--civic-form-gap, var(--_civic-space-l));
    text-align: center;
  }
  .panel-title {
    margin: 0 0 var(--_civic-space-s);
    font-size: var(--_civic-font-size-xl, 1.75rem);
  }
  .panel-body {
    margin: 0;
  }
  .reference {
    font-size: var(--_civic-font-size-l, 1.375rem);
    overflow-wrap: anywhere;
  }
  @media (forced-colors: active) {
    .panel {
      border: 2px solid CanvasText;
    }
  }
`;
