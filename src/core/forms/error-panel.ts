import { html, nothing, type TemplateResult } from 'lit';
import type { CivicErrorKind } from '../../api/errors.js';
import type { MessageKey, Translate } from '../i18n.js';

const KEY_BY_KIND: Record<CivicErrorKind, MessageKey> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  open311: 'errorServer',
  contract: 'errorServer',
  malformed: 'errorMalformed',
  html: 'errorHtml',
  http: 'errorServer',
};

/**
 * The message key for a backend failure, from the error's `kind`. Read by duck typing rather
 * than `instanceof CivicError`, so errors from another copy of the bundle are recognised too.
 */
export function errorMessageKey(error: unknown): MessageKey {
  const kind = (error as { kind?: unknown } | null | undefined)?.kind;
  return typeof kind === 'string' && kind in KEY_BY_KIND ? KEY_BY_KIND[kind as CivicErrorKind] : 'errorUnknown';
}

/**
 * What to show when the backend fails: the message for the error's kind and a "Try again"
 * button. `role="alert"` because it replaces content the resident was waiting for without
 * moving focus. The server's own words are never shown (they are data, and English-only).
 *
 * ```ts
 * if (this.loadError) return errorPanel(this.t, this.loadError, () => this.load());
 * ```
 */
export function errorPanel(t: Translate, error: unknown, onRetry?: () => void): TemplateResult {
  return html`<div class="civic-error-panel" role="alert" part="error-panel">
    <p class="civic-error-panel__message">${t(errorMessageKey(error))}</p>
    ${onRetry
      ? html`<button type="button" class="civic-button civic-button--secondary" part="retry-button" @click=${onRetry}>
          ${t('tryAgain')}
        </button>`
      : nothing}
  </div>`;
}
