import type { TemplateResult } from 'lit';
import { checkAnswers, type AnswerRow } from '../../../core/forms/pieces.js';
import type { StepName } from '../model.js';
import type { StepContext } from './shared.js';

/** One row of the check-answers list. */
export type ReviewRow = AnswerRow<StepName>;

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
  return checkAnswers(t, {
    title: t('requestReviewTitle'),
    rows: ctx.rows,
    sending: ctx.sending,
    submitError: ctx.submitError,
    declaration: t('requestReviewDeclaration'),
    submitLabel: t('requestSubmit'),
    sendingLabel: t('requestSending'),
    onChange: ctx.onChange,
    onBack: ctx.onBack,
    onSubmit: ctx.onSubmit,
  });
}
