import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../../core/i18n.js';

/** What every step's template gets from the element. */
export interface StepContext {
  t: Translate;
  locale: string;
  /** The inline error for a control or fieldset id, worded as in the summary. */
  errorFor(id: string): string | undefined;
}

/** A step's heading: focused (tabindex -1) when the step opens, so screen readers start there. */
export function stepHeading(text: string, caption?: string): TemplateResult {
  return html`${caption ? html`<p class="caption" part="step-caption">${caption}</p>` : nothing}
    <h2 class="step-title" id="step-title" tabindex="-1" part="step-title">${text}</h2>`;
}

/** Continue (submit) and, except on the first step, Back. */
export function stepButtons(t: Translate, options: { onBack?: () => void; continueLabel?: string; disabled?: boolean }): TemplateResult {
  return html`<div class="actions">
    <button type="submit" class="civic-button" part="continue-button" ?disabled=${options.disabled} aria-disabled=${options.disabled ? 'true' : 'false'}>
      ${options.continueLabel ?? t('requestContinue')}
    </button>
    ${options.onBack
      ? html`<button type="button" class="civic-button civic-button--secondary" part="back-button" @click=${options.onBack}>${t('requestBack')}</button>`
      : nothing}
  </div>`;
}
