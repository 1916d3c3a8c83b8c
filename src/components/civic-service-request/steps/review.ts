import { html, nothing, type TemplateResult } from 'lit';
import { errorPanel } from '../../../core/forms/error-panel.js';
import type { StepName } from '../model.js';
import { stepHeading, type StepContext } from './shared.js';

/** One row of the check-answers list. */
export interface ReviewRow {
  key: string;
  label: string;
  value: string;
  step: StepName;
  /** Focus target on the step when changing this answer. */
  target?: string;
}

export interface ReviewStep extends StepContext {
  rows: ReviewRow[];
  sending: boolean;
  submitError?: unknown;
  onChange(row: ReviewRow): void;
  onSubmit(e: Event): void;
  onBack(): void;
}

export function renderReview(ctx: ReviewStep): TemplateResult {
  const t = ctx.t;
  return html`<form novalidate @submit=${ctx.onSubmit}>
    ${stepHeading(t('requestReviewTitle'))}
    <dl class="summary" part="summary-list">
      ${ctx.rows.map(
        (row) => html`<div class="summary-row" data-key=${row.key}>
          <dt class="summary-key">${row.label}</dt>
          <dd class="summary-value">${row.value || html`<span class="muted">${t('requestNotGiven')}</span>`}</dd>
          <dd class="summary-action">
            <button type="button" class="link-button" part="change-link" @click=${() => ctx.onChange(row)}>
              ${t('requestChange')}<span class="civic-visually-hidden"> ${row.label}</span>
            </button>
          </dd>
        </div>`,
      )}
    </dl>
    ${ctx.submitError ? errorPanel(t, ctx.submitError) : nothing}
    <p>${t('requestReviewDeclaration')}</p>
    <div class="actions">
      <button
        type="submit"
        id="submit"
        class="civic-button"
        part="submit-button"
        aria-disabled=${ctx.sending ? 'true' : 'false'}
      >
        ${ctx.sending ? t('requestSending') : ctx.submitError ? t('tryAgain') : t('requestSubmit')}
      </button>
      <button type="button" class="civic-button civic-button--secondary" part="back-button" ?disabled=${ctx.sending} @click=${ctx.onBack}>
        ${t('requestBack')}
      </button>
    </div>
    <div class="civic-visually-hidden" role="status">${ctx.sending ? t('requestSending') : ''}</div>
  </form>`;
}
