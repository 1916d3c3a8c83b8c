import { errorMessageKey } from '../error-message.js';
import type { Translate } from '../i18n.js';
import { el } from './dom.js';

/**
 * `errorPanel` (core/forms/error-panel.ts) for a widget built without Lit, with the same markup,
 * classes and parts: the message for the error's kind and a "Try again" button, in a
 * `role="alert"` panel. The server's own words are never shown.
 */
export function plainErrorPanel(t: Translate, error: unknown, onRetry?: () => void): HTMLElement {
  const retry = onRetry && el('button', { type: 'button', class: 'civic-button civic-button--secondary', part: 'retry-button' }, t('tryAgain'));
  if (retry) retry.addEventListener('click', onRetry);
  return el('div', { class: 'civic-error-panel', role: 'alert', part: 'error-panel' }, el('p', { class: 'civic-error-panel__message' }, t(errorMessageKey(error))), retry);
}
