import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Translate } from '../i18n.js';
import { errorId, hintId } from './ids.js';

/**
 * Labelled fields, GOV.UK style: label, hint, inline error ("Error:" for screen readers), then
 * the control, with `aria-describedby` pointing at the hint and error. All of it renders into
 * the calling widget's own shadow root, because ARIA id references do not cross roots.
 */

/** What a control needs from its field to be wired up. */
export interface ControlProps {
  /** The control's id (the label's `for`). */
  id: string;
  /** Space-separated ids for `aria-describedby` (hint, error, extras); undefined when none. */
  describedBy: string | undefined;
  /** Whether the field shows an error. */
  invalid: boolean;
}

export interface FieldOptions {
  /** Id of the control; the hint gets `${id}-hint`, the error `${id}-error`. Unique in the shadow root. */
  id: string;
  label: string;
  hint?: string;
  /** Error message, shown inline and meant to repeat the error summary's words. */
  error?: string;
  /** Adds "(optional)" to the label (GOV.UK: mark optional fields, not required ones). */
  optional?: boolean;
  /** More ids to describe the control with, e.g. a character count's `infoId`. */
  describedBy?: readonly string[];
}

export { errorId, hintId };

function describedBy(options: FieldOptions): string | undefined {
  const ids = [
    ...(options.hint ? [hintId(options.id)] : []),
    ...(options.error ? [errorId(options.id)] : []),
    ...(options.describedBy ?? []),
  ];
  return ids.length ? ids.join(' ') : undefined;
}

/** The "(optional)" mark, for labels and legends rendered by hand. */
export function optionalMark(t: Translate): TemplateResult {
  return html` <span class="civic-optional">${t('optional')}</span>`;
}

function hintAndError(t: Translate, options: FieldOptions) {
  return html`${options.hint ? html`<div class="civic-hint" id=${hintId(options.id)}>${options.hint}</div>` : nothing}${
    options.error
      ? html`<p class="civic-error-message" id=${errorId(options.id)}>
          <span class="civic-visually-hidden">${t('errorPrefix')}</span> ${options.error}
        </p>`
      : nothing
  }`;
}

/**
 * A single control with its label, hint and error.
 *
 * ```ts
 * field(this.t, { id: 'email', label: 'Email address', hint: 'We will only use this to send updates', optional: true, error },
 *   (p) => textInput(p, { type: 'email', autocomplete: 'email', value: this.email, onInput: (v) => (this.email = v) }))
 * ```
 */
export function field(t: Translate, options: FieldOptions, control: (props: ControlProps) => unknown): TemplateResult {
  const props: ControlProps = { id: options.id, describedBy: describedBy(options), invalid: Boolean(options.error) };
  return html`<div class="civic-field ${props.invalid ? 'civic-field--error' : ''}" part="field">
    <label class="civic-label" for=${options.id} part="label">${options.label}${options.optional ? optionalMark(t) : nothing}</label>
    ${hintAndError(t, options)} ${control(props)}
  </div>`;
}

export interface FieldsetOptions extends Omit<FieldOptions, 'label'> {
  legend: string;
}

/**
 * A group of controls (radios, checkboxes, a date as three inputs) in a `<fieldset>` whose
 * `aria-describedby` points at the hint and error. `id` goes on the fieldset; the error summary
 * focuses the first control inside it.
 */
export function fieldset(t: Translate, options: FieldsetOptions, content: (props: ControlProps) => unknown): TemplateResult {
  const fieldOptions = { ...options, label: options.legend };
  const props: ControlProps = { id: options.id, describedBy: describedBy(fieldOptions), invalid: Boolean(options.error) };
  return html`<fieldset
    class="civic-fieldset ${props.invalid ? 'civic-fieldset--error' : ''}"
    id=${options.id}
    aria-describedby=${ifDefined(props.describedBy)}
    part="fieldset"
  >
    <legend class="civic-legend" part="legend">${options.legend}${options.optional ? optionalMark(t) : nothing}</legend>
    ${hintAndError(t, fieldOptions)} ${content(props)}
  </fieldset>`;
}

export interface TextControlOptions {
  name?: string;
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'search' | 'number';
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'url' | 'numeric' | 'decimal' | 'search' | 'none';
  spellcheck?: boolean;
  required?: boolean;
  rows?: number;
  onInput?: (value: string, event: Event) => void;
}

/**
 * A text input wired to its field. `required` sets `aria-required` only: validation happens on
 * submit, with the error summary, not with the browser's own bubbles.
 */
export function textInput(props: ControlProps, options: TextControlOptions = {}): TemplateResult {
  return html`<input
    class="civic-input ${props.invalid ? 'civic-input--error' : ''}"
    id=${props.id}
    name=${ifDefined(options.name)}
    type=${options.type ?? 'text'}
    .value=${live(options.value ?? '')}
    autocomplete=${ifDefined(options.autocomplete)}
    inputmode=${ifDefined(options.inputmode)}
    spellcheck=${ifDefined(options.spellcheck === undefined ? undefined : String(options.spellcheck))}
    aria-describedby=${ifDefined(props.describedBy)}
    aria-invalid=${ifDefined(props.invalid ? 'true' : undefined)}
    aria-required=${ifDefined(options.required ? 'true' : undefined)}
    part="input"
    @input=${(e: Event) => options.onInput?.((e.target as HTMLInputElement).value, e)}
  />`;
}

/** A textarea wired to its field (see `textInput`). */
export function textArea(props: ControlProps, options: TextControlOptions = {}): TemplateResult {
  return html`<textarea
    class="civic-textarea ${props.invalid ? 'civic-textarea--error' : ''}"
    id=${props.id}
    name=${ifDefined(options.name)}
    rows=${options.rows ?? 5}
    .value=${live(options.value ?? '')}
    autocomplete=${ifDefined(options.autocomplete)}
    spellcheck=${ifDefined(options.spellcheck === undefined ? undefined : String(options.spellcheck))}
    aria-describedby=${ifDefined(props.describedBy)}
    aria-invalid=${ifDefined(props.invalid ? 'true' : undefined)}
    aria-required=${ifDefined(options.required ? 'true' : undefined)}
    part="textarea"
    @input=${(e: Event) => options.onInput?.((e.target as HTMLTextAreaElement).value, e)}
  ></textarea>`;
}
