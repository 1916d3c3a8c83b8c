import { html, type TemplateResult } from 'lit';
import type { NotifySmsConsent } from '../../api/notify/types.js';
import type { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { fieldset } from '../../core/forms/field.js';
import { choiceList, renderField } from '../../core/forms/render-field.js';
import { errorTarget, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import type { Translate } from '../../core/i18n.js';
import type { FoundPlace } from './model.js';

const REVEALED = /^(frequency-|address$|place$|radius_m$|neighbourhood$|email$|phone$)/;

/**
 * The text-message consent as the rules want it: the backend's exact words (what messages, how
 * often, "Message and data rates may apply", "Reply STOP to cancel, HELP for help"), links to the
 * terms and the privacy notice, and beside them a box that starts unticked.
 */
/** The SMS consent to show beside its box, with the words of its two links. */
export interface ConsentShown {
  sms: NotifySmsConsent;
  terms: string;
  privacy: string;
}

function consentField(t: Translate, spec: FieldSpec, value: FieldValue, consent: ConsentShown, error: string | undefined, onChange: (v: FieldValue) => void): TemplateResult {
  const chosen = Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  return html`<div class="consent" part="consent">
    ${fieldset(t, { id: spec.id, legend: spec.label, describedBy: ['sms_consent-text'], ...(error ? { error } : {}) }, (p) => html`<div id="sms_consent-text" class="consent-text">
        <p>${consent.sms.text}</p>
        <p><a href=${consent.sms.terms_url}>${consent.terms}</a> · <a href=${consent.sms.privacy_url}>${consent.privacy}</a></p>
      </div>
      ${choiceList(p, spec.choices ?? [], 'checkbox', chosen, (v, on) => onChange(on ? [v] : []))}`)}
  </div>`;
}

/** A step's fields on the form engine; the ones a choice opens are indented under it. */
export function renderFields(
  t: Translate,
  specs: readonly FieldSpec[],
  values: Readonly<Record<string, FieldValue>>,
  summary: ErrorSummaryController,
  onChange: (id: string, value: FieldValue) => void,
  consent: ConsentShown | undefined,
): TemplateResult[] {
  return specs.map((spec) => {
    const error = summary.errorFor(errorTarget(spec));
    if (spec.id === 'sms_consent' && consent) return consentField(t, spec, values[spec.id], consent, error, (v) => onChange(spec.id, v));
    const control = renderField(t, spec, values[spec.id], { ...(error ? { error } : {}), onChange: (v) => onChange(spec.id, v) });
    return REVEALED.test(spec.id) ? html`<div class="reveal">${control}</div>` : control;
  });
}

/** Places for a typed address; the geocoder's code loads only when someone asks for an area near an address. */
export async function findPlaces(url: string, typed: string, locale: string): Promise<FoundPlace[]> {
  const { NominatimGeocoder, shortAddress } = await import('../../api/geocoder.js');
  const results = await new NominatimGeocoder({ url }).search(typed, { limit: 5, lang: locale });
  return results.map((r) => ({ label: shortAddress(r), lat: r.lat, long: r.long }));
}
