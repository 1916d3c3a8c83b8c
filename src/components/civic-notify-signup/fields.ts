import { html, type TemplateResult } from 'lit';
import type { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { fieldset } from '../../core/forms/field.js';
import { checkboxesControl, choiceList, radiosControl, renderFieldWith, selectControl, type FieldControls } from '../../core/forms/render-field.js';
import { errorTarget, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import type { Translate } from '../../core/i18n.js';
import { withConsent, type ConsentShown } from './consent.js';

export type { ConsentShown } from './consent.js';

/** The controls the sign-up asks with (the rest are text inputs): no date, file or textarea code. */
export const notifyControls: FieldControls = { radios: radiosControl, checkboxes: checkboxesControl, select: selectControl };

const REVEALED = /^(frequency-|address$|place$|radius_m$|neighbourhood$|email$|phone$)/;

/** A field rendered its own way (the SMS consent); `undefined` leaves it to the form engine. */
export type SpecialField = (spec: FieldSpec, error: string | undefined, onChange: (value: FieldValue) => void) => TemplateResult | undefined;

/** A step's fields on the form engine; the ones a choice opens are indented under it. */
export function fieldList(
  t: Translate,
  specs: readonly FieldSpec[],
  values: Readonly<Record<string, FieldValue>>,
  summary: ErrorSummaryController,
  onChange: (id: string, value: FieldValue) => void,
  special?: SpecialField,
): TemplateResult[] {
  return specs.map((spec) => {
    const error = summary.errorFor(errorTarget(spec));
    const change = (v: FieldValue) => onChange(spec.id, v);
    const own = special?.(spec, error, change);
    if (own) return own;
    const control = renderFieldWith(notifyControls, t, spec, values[spec.id], { ...(error ? { error } : {}), onChange: change });
    return REVEALED.test(spec.id) ? html`<div class="reveal">${control}</div>` : control;
  });
}

/** `fieldList` with the SMS consent beside its box (when `consent` is given). */
export function renderFields(
  t: Translate,
  specs: readonly FieldSpec[],
  values: Readonly<Record<string, FieldValue>>,
  summary: ErrorSummaryController,
  onChange: (id: string, value: FieldValue) => void,
  consent: ConsentShown | undefined,
): TemplateResult[] {
  return fieldList(t, specs, values, summary, onChange, withConsent({ fieldset, choiceList }, t, values, consent));
}
