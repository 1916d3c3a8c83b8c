import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n.js';
import { errorPanel } from './error-panel.js';

/**
 * The last two screens of a multi-step form, GOV.UK style: check your answers with "Change"
 * links, and the confirmation panel. A module of its own so that a widget can load them with its
 * later steps; their words (`formCheckTitle`, `formChange`…) are the form engine's, registered
 * by `pieces.ts` (which re-exports these) or by any field module the widget's first screen uses.
 */

/** One row of check your answers. */
export interface AnswerRow<S extends string = string> {
  key: string;
  label: string;
  value: string;
  /** The step "Change" opens. */
  step: S;
}

export interface CheckAnswersOptions<S extends string> {
  title?: string;
  rows: readonly AnswerRow<S>[];
  sending: boolean;
  submitError?: unknown;
  /** Words above the send button ("By sending this you confirm…"). */
  declaration?: string;
  submitLabel: string;
  /** What the button says while sending. Default "Sending…". */
  sendingLabel?: string;
  onChange(row: AnswerRow<S>): void;
  onBack(): void;
  onSubmit(e: Event): void;
}

/**
 * Check your answers, with a "Change" link per row, a backend failure with its retry, and Send.
 * Its heading is `stepTitle`'s markup, written out: importing `pieces.ts` would tie this module to
 * a first screen's code.
 */
export function checkAnswers<S extends string>(t: Translate, o: CheckAnswersOptions<S>): TemplateResult {
  return html`<form novalidate @submit=${o.onSubmit}>
    <h2 class="step-title" id="step-title" tabindex="-1" part="step-title">${o.title ?? t('formCheckTitle')}</h2>
    <dl class="summary" part="summary-list">
      ${o.rows.map(
        (row) => html`<div class="summary-row" data-key=${row.key}>
          <dt class="summary-key">${row.label}</dt>
          <dd class="summary-value">${row.value || html`<span class="muted">${t('formNotGiven')}</span>`}</dd>
          <dd class="summary-action">
            <button type="button" class="link-button" part="change-link" @click=${() => o.onChange(row)}>
              ${t('formChange')}<span class="civic-visually-hidden"> ${row.label}</span>
            </button>
          </dd>
        </div>`,
      )}
    </dl>
    ${o.submitError ? errorPanel(t, o.submitError) : nothing}
    ${o.declaration ? html`<p>${o.declaration}</p>` : nothing}
    <div class="actions">
      <button type="submit" id="submit" class="civic-button" part="submit-button" aria-disabled=${o.sending ? 'true' : 'false'}>
        ${o.sending ? (o.sendingLabel ?? t('formSending')) : o.submitError ? t('tryAgain') : o.submitLabel}
      </button>
      <button type="button" class="civic-button civic-button--secondary" part="back-button" ?disabled=${o.sending} @click=${o.onBack}>${t('formBack')}</button>
    </div>
    <div class="civic-visually-hidden" role="status">${o.sending ? (o.sendingLabel ?? t('formSending')) : ''}</div>
  </form>`;
}

/** The confirmation panel: a title (focused when it opens) and the reference number. */
export function confirmationPanel(options: { title: string; referenceLabel: string; reference?: string }): TemplateResult {
  return html`<div class="panel" part="confirmation-panel">
    <h2 class="panel-title" id="step-title" tabindex="-1">${options.title}</h2>
    ${options.reference
      ? html`<p class="panel-body">${options.referenceLabel}<br /><strong class="reference" data-reference=${options.reference}>${options.reference}</strong></p>`
      : nothing}
  </div>`;
}
