import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../core/i18n.js';
import { stepTitle } from '../../core/forms/pieces.js';
import { valueText } from '../../core/forms/schema.js';
import { isGrouped, questionSpecs, text, type Values } from './engine.js';
import type { FormPage, Question } from './format.js';

/**
 * The pieces of `<civic-form>`'s later steps that only draw what they are given. They import what they
 * use of the first page's modules directly (the build lets a lazy chunk import from its element's
 * chunk).
 */

/** A question's answer for people (check your answers). */
export function answerText(t: Translate, q: Question, values: Values, lang: string): string {
  const specs = questionSpecs(t, q, lang);
  if (isGrouped(q)) return specs.map((s) => valueText(s, values[s.id], lang)).filter(Boolean).join(q.type === 'name' ? ' ' : ', ');
  return valueText(specs[0]!, values[specs[0]!.id], lang);
}

/** The entries of a repeatable page, each with Change and Remove. */
export function entryList(t: Translate, page: FormPage, entries: readonly Values[], lang: string, on: { change(i: number): void; remove(i: number): void }): TemplateResult {
  return html`<dl class="summary entries" part="summary-list">
    ${entries.map((entry, i) => {
      const label = `${text(page.repeatable!.item, lang)} ${i + 1}`;
      return html`<div class="summary-row">
        <dt class="summary-key">${label}</dt>
        <dd class="summary-value">${entryText(t, page, entry, lang)}</dd>
        <dd class="summary-action">
          <button type="button" class="link-button" part="change-link" @click=${() => on.change(i)}>${t('formChange')}<span class="civic-visually-hidden"> ${label}</span></button>
          <button type="button" class="link-button" @click=${() => on.remove(i)}>${t('civicFormRemove')}<span class="civic-visually-hidden"> ${label}</span></button>
        </dd>
      </div>`;
    })}
  </dl>`;
}

/** One entry's answers in a line, for the list and check your answers. */
export const entryText = (t: Translate, page: FormPage, entry: Values, lang: string): string =>
  page.questions.map((q) => answerText(t, q, entry, lang)).filter(Boolean).join(', ');

/** How much of a submission with files has gone. */
export function uploadProgress(t: Translate, percent: number): TemplateResult {
  const said = t('civicFormUploading', { percent });
  return html`<label class="civic-label" for="upload-progress">${t('civicFormUploadLabel')}</label>
    <progress id="upload-progress" part="upload-progress" max="100" .value=${percent} aria-valuetext=${said}></progress>
    <p class="civic-hint">${said}</p>`;
}

/** "Come back to this form later": the link that carries the answers, and the way back. */
export function savedPanel(t: Translate, caption: string, link: string, onClose: () => void): TemplateResult {
  return html`${stepTitle(t('civicFormSaveTitle'), caption)}
    <p>${t('civicFormSaveText')}</p>
    <div class="civic-field">
      <label class="civic-label" for="resume-link">${t('civicFormSaveLink')}</label>
      <input class="civic-input resume-link" id="resume-link" type="url" readonly .value=${link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
    </div>
    <div class="actions"><button type="button" class="civic-button" @click=${onClose}>${t('civicFormSaveClose')}</button></div>`;
}
