import { html, type TemplateResult } from 'lit';
import type { StepContext } from './shared.js';

export interface DraftQuestion extends StepContext {
  /** The service of the report in progress. */
  current: string;
  /** The service the page's link asked for. */
  wanted: string;
  onContinue(): void;
  onStartNew(): void;
}

/**
 * Asked when a link opens the form for one service while a draft about another is stored:
 * silently opening the old draft hides what the link promised, silently dropping it loses work.
 */
export function renderDraftQuestion(ctx: DraftQuestion): TemplateResult {
  const t = ctx.t;
  const names = { current: ctx.current, wanted: ctx.wanted };
  return html`<div class="draft-question" part="draft-question">
    <h2 class="step-title" id="step-title" tabindex="-1">${t('requestDraftQuestion', names)}</h2>
    <p class="actions">
      <button type="button" class="civic-button" part="continue-draft" @click=${ctx.onContinue}>${t('requestDraftContinue', names)}</button>
      <button type="button" class="civic-button civic-button--secondary" part="start-new" @click=${ctx.onStartNew}>${t('requestDraftStartNew', names)}</button>
    </p>
  </div>`;
}
