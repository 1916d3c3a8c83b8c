import { css } from 'lit';

/**
 * Theme tokens shared by every widget. A city sets the public `--civic-*` custom properties
 * anywhere above a widget (`:root`, a CMS region, the element itself); widgets read them
 * through private `--_civic-*` copies so each default is written once. Defaults meet WCAG 2.1
 * AA on a white page (contrast ratios noted); text and font are the host page's own.
 *
 * README token list:
 *
 * | token | default | used for |
 * |---|---|---|
 * | `--civic-color-primary` | `#005ea2` (6.7:1 on white) | buttons, links, selected states |
 * | `--civic-color-primary-hover` | `#1a4480` | button/link hover |
 * | `--civic-color-on-primary` | `#ffffff` | text on primary |
 * | `--civic-color-error` | `#b50909` (7.0:1 on white) | error text, borders, summary |
 * | `--civic-color-focus` | `#ffdd00` | focus outline / highlight (GOV.UK yellow) |
 * | `--civic-color-focus-text` | `#0b0c0c` | text and inner ring on focus (14.5:1 on the yellow) |
 * | `--civic-color-border` | `#565c65` (6.7:1 on white) | input and panel borders |
 * | `--civic-color-surface` | `#ffffff` | input and panel background |
 * | `--civic-color-on-surface` | `#0b0c0c` | text typed into inputs |
 * | `--civic-color-muted` | `#505a5f` (7.1:1 on white) | hints, secondary text |
 * | `--civic-radius` | `0.25rem` | corners of inputs, buttons, panels |
 * | `--civic-border-width` | `2px` | input and panel borders |
 * | `--civic-space-xs` / `-s` / `-m` / `-l` / `-xl` | `0.25rem` / `0.5rem` / `1rem` / `1.5rem` / `2rem` | spacing |
 * | `--civic-font-size-s` / `-m` / `-l` / `-xl` | `0.875rem` / `1rem` / `1.25rem` / `1.5rem` | text sizes |
 * | `--civic-focus-width` | `3px` | focus outline thickness |
 * | `--civic-focus-ring` | `0 0 0 2px var(--civic-color-focus-text)` | inner ring (box-shadow) drawn inside the focus outline |
 * | `--civic-target-size` | `2.75rem` | minimum height of buttons and inputs (44 px) |
 *
 * Component tokens fall back to these, e.g.
 * `--civic-service-list-gap: var(--civic-space-m)`.
 */
export const themeStyles = css`
  :host {
    font: inherit;
    color: inherit;
    box-sizing: border-box;
    --_civic-primary: var(--civic-color-primary, #005ea2);
    --_civic-primary-hover: var(--civic-color-primary-hover, #1a4480);
    --_civic-on-primary: var(--civic-color-on-primary, #ffffff);
    --_civic-error: var(--civic-color-error, #b50909);
    --_civic-focus: var(--civic-color-focus, #ffdd00);
    --_civic-focus-text: var(--civic-color-focus-text, #0b0c0c);
    --_civic-border: var(--civic-color-border, #565c65);
    --_civic-surface: var(--civic-color-surface, #ffffff);
    --_civic-on-surface: var(--civic-color-on-surface, #0b0c0c);
    --_civic-muted: var(--civic-color-muted, #505a5f);
    --_civic-radius: var(--civic-radius, 0.25rem);
    --_civic-border-width: var(--civic-border-width, 2px);
    --_civic-space-xs: var(--civic-space-xs, 0.25rem);
    --_civic-space-s: var(--civic-space-s, 0.5rem);
    --_civic-space-m: var(--civic-space-m, 1rem);
    --_civic-space-l: var(--civic-space-l, 1.5rem);
    --_civic-space-xl: var(--civic-space-xl, 2rem);
    --_civic-font-size-s: var(--civic-font-size-s, 0.875rem);
    --_civic-font-size-m: var(--civic-font-size-m, 1rem);
    --_civic-font-size-l: var(--civic-font-size-l, 1.25rem);
    --_civic-font-size-xl: var(--civic-font-size-xl, 1.5rem);
    --_civic-focus-width: var(--civic-focus-width, 3px);
    --_civic-focus-ring: var(--civic-focus-ring, 0 0 0 2px var(--_civic-focus-text));
    --_civic-target-size: var(--civic-target-size, 2.75rem);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* Long words, URLs and addresses wrap instead of overflowing at 320 px / 400% zoom. */
  :host {
    overflow-wrap: break-word;
    max-inline-size: 100%;
  }

  /* Two-tone focus: dark inner ring shows on light pages, yellow outline on dark ones. */
  :focus-visible {
    outline: var(--_civic-focus-width) solid var(--_civic-focus);
    outline-offset: 2px;
    box-shadow: var(--_civic-focus-ring);
  }

  a {
    color: var(--_civic-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  a:hover {
    color: var(--_civic-primary-hover);
    text-decoration-thickness: 0.15em;
  }

  /* GOV.UK link focus: yellow highlight with a thick dark underline. */
  a:focus-visible {
    outline: var(--_civic-focus-width) solid transparent;
    outline-offset: 0;
    color: var(--_civic-focus-text);
    background-color: var(--_civic-focus);
    box-shadow:
      0 -2px var(--_civic-focus),
      0 4px var(--_civic-focus-text);
    text-decoration: none;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }

  @media (forced-colors: active) {
    :focus-visible,
    a:focus-visible {
      outline-color: Highlight;
      outline-offset: 2px;
      box-shadow: none;
    }
  }
`;

/** Hides content visually while keeping it in the accessibility tree (GOV.UK `visually-hidden`). */
export const visuallyHiddenStyles = css`
  .civic-visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
    user-select: none;
  }
`;
