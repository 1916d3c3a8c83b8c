import { html, nothing, type TemplateResult } from 'lit';
import type { CharacterCountController } from '../../../core/forms/character-count.js';
import { errorId, field, hintId, optionalMark, textArea } from '../../../core/forms/field.js';
import { stepButtons, stepHeading, type StepContext } from './shared.js';

export interface DetailsStep extends StepContext {
  serviceName: string;
  count: CharacterCountController;
  description: string;
  /** Whether the backend takes photos (`media`); otherwise the photo field is not shown. */
  photos: boolean;
  photoName?: string;
  photoUrl?: string;
  /** A chosen photo is being made smaller; Continue waits for it. */
  photoPreparing?: boolean;
  onDescription(value: string): void;
  onPhoto(file: File | undefined): void;
  onRemovePhoto(): void;
  onBack(): void;
  onSubmit(e: Event): void;
}

function photoField(ctx: DetailsStep): TemplateResult {
  const t = ctx.t;
  const error = ctx.errorFor('photo');
  if (ctx.photoUrl) {
    return html`<div class="civic-field photo" part="photo">
      <p class="civic-label">${t('requestPhotoLabel')}</p>
      <img class="photo-preview" src=${ctx.photoUrl} alt=${t('requestPhotoAlt', { name: ctx.photoName ?? '' })} />
      <button type="button" class="civic-button civic-button--secondary" id="photo-remove" @click=${ctx.onRemovePhoto}>
        ${t('requestPhotoRemove')}
      </button>
    </div>`;
  }
  return html`<div class="civic-field ${error ? 'civic-field--error' : ''} photo" part="photo">
    <label class="civic-label" for="photo">${t('requestPhotoLabel')}${optionalMark(t)}</label>
    <div class="civic-hint" id=${hintId('photo')}>${t('requestPhotoHint')}</div>
    ${error
      ? html`<p class="civic-error-message" id=${errorId('photo')}><span class="civic-visually-hidden">${t('errorPrefix')}</span> ${error}</p>`
      : nothing}
    ${ctx.photoPreparing ? html`<p class="civic-hint" role="status">${t('requestPhotoPreparing')}</p>` : nothing}
    <input
      class="file-input"
      id="photo"
      type="file"
      accept="image/jpeg,image/png,image/gif,image/webp,image/heic,image/avif"
      aria-describedby=${error ? `${hintId('photo')} ${errorId('photo')}` : hintId('photo')}
      aria-invalid=${error ? 'true' : 'false'}
      @change=${(e: Event) => ctx.onPhoto((e.target as HTMLInputElement).files?.[0])}
    />
  </div>`;
}

export function renderDetails(ctx: DetailsStep): TemplateResult {
  const t = ctx.t;
  const count = ctx.count;
  if (count.value !== ctx.description) count.value = ctx.description;
  return html`<form novalidate @submit=${ctx.onSubmit}>
    ${stepHeading(t('requestDetailsTitle'), ctx.serviceName)}
    ${field(
      t,
      { id: 'description', label: t('requestDescriptionLabel'), hint: t('requestDescriptionHint'), error: ctx.errorFor('description'), optional: true, describedBy: [count.infoId('description')] },
      (p) => html`${textArea(p, {
        value: ctx.description,
        rows: 6,
        onInput: (v) => {
          count.handleInput(v);
          ctx.onDescription(v);
        },
      })}${count.render(t, 'description')}`,
    )}
    ${ctx.photos ? photoField(ctx) : nothing}
    ${stepButtons(t, { onBack: ctx.onBack })}
  </form>`;
}
