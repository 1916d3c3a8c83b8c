import { css } from 'lit';

/**
 * Calm by default: a notice is a pale panel with a blue edge, a warning a pale amber one; only an
 * emergency is a strong red band (GOV.UK emergency banner, USWDS site alert). Every pair of
 * default colours meets WCAG AA (ratios noted).
 */
export const alertBannerStyles = css`
  :host {
    display: block;
    --_alert-gap: var(--civic-alert-banner-gap, var(--_civic-space-s));
    --_alert-info-bg: var(--civic-alert-banner-info-background, #e7f2f8);
    --_alert-info-text: var(--civic-alert-banner-info-color, #1b1b1b); /* 15.4:1 */
    --_alert-info-edge: var(--civic-alert-banner-info-edge, #005ea2);
    --_alert-warning-bg: var(--civic-alert-banner-warning-background, #faf3d1);
    --_alert-warning-text: var(--civic-alert-banner-warning-color, #1b1b1b); /* 15.6:1 */
    --_alert-warning-edge: var(--civic-alert-banner-warning-edge, #936f38);
    --_alert-emergency-bg: var(--civic-alert-banner-emergency-background, #b50909);
    --_alert-emergency-text: var(--civic-alert-banner-emergency-color, #ffffff); /* 7.0:1 */
  }
  .banner {
    display: grid;
    gap: var(--_alert-gap);
  }
  .alert {
    padding: var(--_civic-space-m);
    border-inline-start: 0.5rem solid var(--_alert-edge);
    background: var(--_alert-bg);
    color: var(--_alert-text);
    --_alert-bg: var(--_alert-info-bg);
    --_alert-text: var(--_alert-info-text);
    --_alert-edge: var(--_alert-info-edge);
  }
  .alert--warning {
    --_alert-bg: var(--_alert-warning-bg);
    --_alert-text: var(--_alert-warning-text);
    --_alert-edge: var(--_alert-warning-edge);
  }
  .alert--emergency {
    --_alert-bg: var(--_alert-emergency-bg);
    --_alert-text: var(--_alert-emergency-text);
    --_alert-edge: var(--_alert-emergency-text);
  }
  .alert a {
    color: inherit;
  }
  .alert a:hover {
    color: inherit;
  }
  .kind {
    margin: 0;
    font-size: var(--_civic-font-size-s);
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .headline {
    margin-block: var(--_civic-space-xs) var(--_civic-space-s);
    font-size: var(--_civic-font-size-l);
  }
  .alert p {
    margin-block: 0 var(--_civic-space-s);
  }
  .description {
    white-space: pre-line;
  }
  details {
    margin-block-end: var(--_civic-space-s);
  }
  summary {
    cursor: pointer;
    text-decoration: underline;
    inline-size: fit-content;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_civic-space-m);
  }
  .dismiss {
    min-block-size: var(--_civic-target-size);
    padding-inline: var(--_civic-space-m);
    font: inherit;
    color: inherit;
    background: transparent;
    border: var(--_civic-border-width) solid currentColor;
    border-radius: var(--_civic-radius);
    cursor: pointer;
  }
  .title:focus {
    outline: none;
  }
  @media (forced-colors: active) {
    .alert {
      border: 1px solid CanvasText;
      border-inline-start-width: 0.5rem;
    }
  }
`;
