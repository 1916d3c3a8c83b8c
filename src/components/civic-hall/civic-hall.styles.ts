import { css } from 'lit';

export const civicHallStyles = css`
  /* No box of its own: the page lays out the widgets as if the hall were not there. */
  :host {
    display: contents;
  }

  :host([hidden]) {
    display: none;
  }
`;
