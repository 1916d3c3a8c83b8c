import { css } from 'lit';

export const recordsRequestStyles = css`
  :host {
    display: block;
  }
  .records {
    max-inline-size: var(--civic-records-request-max-width, 40rem);
  }
  .deadline {
    font-weight: 700;
  }
  .start-over {
    margin-block-start: var(--civic-form-gap, var(--_civic-space-l));
  }
`;
