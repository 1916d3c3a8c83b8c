import { html, type TemplateResult } from 'lit';
import type { NotifySmsConsent } from '../../api/notify/types.js';
import type { fieldset } from '../../core/forms/field.js';
import type { choiceList } from '../../core/forms/render-field.js';
import type { FieldSpec, FieldValue } from '../../core/forms/schema.js';
import type { Translate } from '../../core/i18n.js';
import type { SpecialField } from './fields.js';

/** The SMS consent to show beside its box, with the words of its two links. */
export interface ConsentShown {
  sms: NotifySmsConsent;
  terms: string;
  privacy: string;
}

/**
 * The form engine's pieces the consent is built of, handed in: a module loaded later (the
 * channels step, the manage page) must not import the first screen's modules, or the bundler
 * splits them off into a chunk of their own that every page then loads.
 */
export interface ConsentParts {
  fieldset: typeof fieldset;
  choiceList: typeof choiceList;
}

/**
 * The text-message consent as the rules want it: the backend's exact words (what messages, how
 * often, "Message and data rates may apply", "Reply STOP to cancel, HELP for help"), links to the
 * terms and the privacy notice, and beside them a box that starts unticked.
 */
function consentField(parts: ConsentParts, t: Translate, spec: FieldSpec, value: FieldValue, consent: ConsentShown, error: string | undefined, onChange: (v: FieldValue) => void): TemplateResult {
  const chosen = Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  return html`<div class="consent" part="consent">
    ${parts.fieldset(t, { id: spec.id, legend: spec.label, describedBy: ['sms_consent-text'], ...(error ? { error } : {}) }, (p) => html`<div id="sms_consent-text" class="consent-text">
        <p>${consent.sms.text}</p>
        <p><a href=${consent.sms.terms_url}>${consent.terms}</a> · <a href=${consent.sms.privacy_url}>${consent.privacy}</a></p>
      </div>
      ${parts.choiceList(p, spec.choices ?? [], 'checkbox', chosen, (v, on) => onChange(on ? [v] : []))}`)}
  </div>`;
}

/** The `sms_consent` field as its consent, for `fieldList`; other fields render as usual. */
export function withConsent(parts: ConsentParts, t: Translate, values: Readonly<Record<string, FieldValue>>, consent: ConsentShown | undefined): SpecialField | undefined {
  if (!consent) return undefined;
  return (spec, error, onChange) => (spec.id === 'sms_consent' ? consentField(parts, t, spec, values[spec.id], consent, error, onChange) : undefined);
}
