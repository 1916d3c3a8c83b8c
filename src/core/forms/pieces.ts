import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n.js';
import './messages.js';

/**
 * The small pieces every multi-step form shares, GOV.UK style: a step heading that takes focus,
 * Continue/Back, and (from `answers.ts`, which later steps can load on their own) check your
 * answers with "Change" links and a confirmation panel.
 */

export * from './answers.js';

/** A step's heading: `#step-title`, focusable (tabindex -1), so the flow can focus it when the step opens. */
export function stepTitle(text: string, caption?: string): TemplateResult {
  return html`${caption ? html`<p class="caption" part="step-caption">${caption}</p>` : nothing}
    <h2 class="step-title" id="step-title" tabindex="-1" part="step-title">${text}</h2>`;
}

/** Continue (the form's submit) and, except on the first step, Back. */
export function continueBack(t: Translate, options: { onBack?: () => void; continueLabel?: string } = {}): TemplateResult {
  return html`<div class="actions">
    <button type="submit" class="civic-button" part="continue-button">${options.continueLabel ?? t('formContinue')}</button>
    ${options.onBack
      ? html`<button type="button" class="civic-button civic-button--secondary" part="back-button" @click=${options.onBack}>${t('formBack')}</button>`
      : nothing}
  </div>`;
}
