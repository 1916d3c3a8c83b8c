import { html, nothing, type TemplateResult } from 'lit';
import { errorMessageKey } from '../error-message.js';
import type { Translate } from '../i18n.js';

export { errorMessageKey };

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
