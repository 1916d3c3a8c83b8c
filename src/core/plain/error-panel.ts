import type { CivicErrorKind } from '../../api/errors.js';
import type { MessageKey, Translate } from '../i18n.js';
import { el } from './dom.js';

/**
 * The message key for a backend failure, from the error's `kind`: the same table as
 * `errorMessageKey` in core/forms/error-panel.ts (which imports Lit, so a plain widget cannot
 * use it); test/core/plain.test.ts checks that the two agree for every kind.
 */
const KEY_BY_KIND: Record<CivicErrorKind, MessageKey> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  open311: 'errorServer',
  contract: 'errorServer',
  malformed: 'errorMalformed',
  html: 'errorHtml',
  http: 'errorServer',
};

/** Read by duck typing rather than `instanceof CivicError`, so errors from another copy of the bundle are recognised too. */
export function plainErrorMessageKey(error: unknown): MessageKey {
  const kind = (error as { kind?: unknown } | null | undefined)?.kind;
  return typeof kind === 'string' && kind in KEY_BY_KIND ? KEY_BY_KIND[kind as CivicErrorKind] : 'errorUnknown';
}

/**
 * `errorPanel` (core/forms/error-panel.ts) for a widget built without Lit, with the same markup,
 * classes and parts: the message for the error's kind and a "Try again" button, in a
 * `role="alert"` panel. The server's own words are never shown.
 */
export function plainErrorPanel(t: Translate, error: unknown, onRetry?: () => void): HTMLElement {
  const retry = onRetry && el('button', { type: 'button', class: 'civic-button civic-button--secondary', part: 'retry-button' }, t('tryAgain'));
  if (retry) retry.addEventListener('click', onRetry);
  return el('div', { class: 'civic-error-panel', role: 'alert', part: 'error-panel' }, el('p', { class: 'civic-error-panel__message' }, t(plainErrorMessageKey(error))), retry);
}
