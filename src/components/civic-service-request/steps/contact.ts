import { html, type TemplateResult } from 'lit';
import type { ContactPolicy } from '../../../api/types.js';
import { field, textInput } from '../../../core/forms/field.js';
import type { ContactDetails } from '../model.js';
import { stepButtons, stepHeading, type StepContext } from './shared.js';

export interface ContactStep extends StepContext {
  serviceName: string;
  policy: ContactPolicy;
  contact: ContactDetails;
  onContact(key: keyof ContactDetails, value: string): void;
  onBack(): void;
  onSubmit(e: Event): void;
}

export function renderContact(ctx: ContactStep): TemplateResult {
  const t = ctx.t;
  const required = ctx.policy === 'required';
  const input = (key: keyof ContactDetails, label: string, autocomplete: string, type: 'text' | 'email' | 'tel', hint?: string) =>
    field(t, { id: key, label, hint, error: ctx.errorFor(key), optional: !required }, (p) =>
      textInput(p, {
        type,
        value: ctx.contact[key],
        autocomplete,
        spellcheck: false,
        required: required && (key === 'first_name' || key === 'last_name'),
        onInput: (v) => ctx.onContact(key, v),
      }),
    );
  const intro = required ? 'requestContactRequired' : ctx.policy === 'anonymous' ? 'requestContactAnonymous' : 'requestContactOptional';
  return html`<form novalidate @submit=${ctx.onSubmit}>
    ${stepHeading(t('requestContactTitle'), ctx.serviceName)}
    <p>${t(intro)}</p>
    ${input('first_name', t('requestFirstName'), 'given-name', 'text')}
    ${input('last_name', t('requestLastName'), 'family-name', 'text')}
    ${input('email', t('requestEmail'), 'email', 'email', required ? t('requestEmailOrPhoneHint') : undefined)}
    ${input('phone', t('requestPhone'), 'tel', 'tel', t('requestPhoneHint'))}
    <div class="inset" part="privacy-note">
      <p><strong>${t('requestPrivacyTitle')}</strong></p>
      <p>${t('requestPrivacyPublic')}</p>
      <p>${t('requestPrivacyNever')}</p>
    </div>
    ${stepButtons(t, { onBack: ctx.onBack })}
  </form>`;
}
