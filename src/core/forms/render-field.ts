import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Translate } from '../i18n.js';
import type { CharacterCountController } from './character-count.js';
import { field, fieldset, textArea, textInput, type ControlProps } from './field.js';
import { isDateParts, type DateParts, type FieldChoice, type FieldSpec, type FieldType, type FieldValue } from './schema.js';
import './messages.js';

export interface RenderFieldOptions {
  /** The inline error (the summary's words); for a date, any of its boxes' errors. */
  error?: string;
  onChange(value: FieldValue): void;
  /** A character count under a textarea with a `maxLength` rule. */
  counter?: CharacterCountController;
}

/** GOV.UK: radios for a few choices, a select beyond that, unless the spec says `select`. */
export const MAX_RADIOS = 6;

const stringOf = (v: FieldValue): string => (typeof v === 'string' ? v : '');
const listOf = (v: FieldValue): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Radios or checkboxes for `items`, each input `${id}-${index}` with its label (and hint). */
export function choiceList(
  p: ControlProps,
  items: readonly FieldChoice[],
  type: 'radio' | 'checkbox',
  chosen: readonly string[],
  onChange: (value: string, on: boolean) => void,
): TemplateResult {
  return html`<div class="choices">
    ${items.map((c, i) => {
      const id = `${p.id}-${i}`;
      const hint = c.hint ? `${id}-hint` : undefined;
      return html`<div class="choice">
        <input
          class="choice-input"
          type=${type}
          id=${id}
          name=${p.id}
          .value=${c.value}
          .checked=${live(chosen.includes(c.value))}
          aria-describedby=${ifDefined(hint)}
          @change=${(e: Event) => onChange(c.value, (e.target as HTMLInputElement).checked)}
        />
        <label class="choice-label" for=${id}>${c.label}</label>
        ${c.hint ? html`<div class="civic-hint choice-hint" id=${hint}>${c.hint}</div>` : nothing}
      </div>`;
    })}
  </div>`;
}

function dateField(t: Translate, spec: FieldSpec, parts: DateParts, options: RenderFieldOptions): TemplateResult {
  const error = options.error;
  const set = (key: keyof DateParts, value: string) => options.onChange({ ...parts, [key]: value });
  const part = (key: keyof DateParts, label: string, width: string) => html`<div class="date-item">
    <label class="civic-label date-label" for=${`${spec.id}-${key}`}>${label}</label>
    <input
      class="civic-input date-input ${width} ${error ? 'civic-input--error' : ''}"
      id=${`${spec.id}-${key}`}
      type="text"
      inputmode="numeric"
      autocomplete=${ifDefined(spec.autocomplete ? `${spec.autocomplete}-${key === 'day' ? 'day' : key === 'month' ? 'month' : 'year'}` : undefined)}
      .value=${live(parts[key])}
      aria-invalid=${error ? 'true' : 'false'}
      @input=${(e: Event) => set(key, (e.target as HTMLInputElement).value)}
    />
  </div>`;
  return fieldset(
    t,
    { id: spec.id, legend: spec.label, hint: spec.hint ?? t('formDateHint'), ...(error ? { error } : {}), optional: Boolean(spec.optional) },
    () => html`<div class="date">${part('day', t('formDay'), 'w2')} ${part('month', t('formMonth'), 'w2')} ${part('year', t('formYear'), 'w4')}</div>`,
  );
}

/** What every control gets from its field besides the spec: ids, hint, error, "(optional)", and whether it is required. */
export interface FieldBase {
  id: string;
  hint?: string;
  error?: string;
  optional: boolean;
  required: boolean;
}

/** How one type of field renders (label, hint, inline error, control), for `renderFieldWith`. */
export type FieldControl = (t: Translate, spec: FieldSpec, value: FieldValue, base: FieldBase, options: RenderFieldOptions) => TemplateResult;

const baseOf = (spec: FieldSpec, options: RenderFieldOptions): FieldBase => ({
  id: spec.id,
  ...(spec.hint ? { hint: spec.hint } : {}),
  ...(options.error ? { error: options.error } : {}),
  optional: Boolean(spec.optional),
  required: spec.rules?.some((r) => r.rule === 'required') ?? false,
});

/** Text, email, telephone and number inputs: the control of any type a widget has no other for. */
export const textControl: FieldControl = (t, spec, value, base, options) => {
  const type = spec.type === 'email' || spec.type === 'tel' ? spec.type : 'text';
  const inputmode = spec.inputmode ?? (spec.type === 'number' ? 'decimal' : undefined);
  return field(t, { ...base, label: spec.label }, (p) =>
    textInput(p, {
      type,
      value: stringOf(value),
      required: base.required,
      ...(spec.autocomplete ? { autocomplete: spec.autocomplete } : {}),
      ...(inputmode ? { inputmode } : {}),
      ...(spec.type === 'email' || spec.type === 'number' || spec.type === 'tel' ? { spellcheck: false } : {}),
      onInput: (v) => options.onChange(v),
    }),
  );
};

/** A select with a "Choose…" first option. */
export const selectControl: FieldControl = (t, spec, value, base, options) => {
  const text = stringOf(value);
  return field(t, { ...base, label: spec.label }, (p) => html`<select
    class="civic-select ${p.invalid ? 'civic-select--error' : ''}"
    id=${p.id}
    aria-describedby=${ifDefined(p.describedBy)}
    aria-invalid=${ifDefined(p.invalid ? 'true' : undefined)}
    aria-required=${base.required ? 'true' : 'false'}
    @change=${(e: Event) => options.onChange((e.target as HTMLSelectElement).value)}
  >
    <option value="" ?selected=${!text}>${t('formSelectPlaceholder')}</option>
    ${(spec.choices ?? []).map((c) => html`<option value=${c.value} ?selected=${c.value === text}>${c.label}</option>`)}
  </select>`);
};

/** Radios in a fieldset; beyond `MAX_RADIOS` choices, a select. */
export const radiosControl: FieldControl = (t, spec, value, base, options) => {
  if ((spec.choices?.length ?? 0) > MAX_RADIOS) return selectControl(t, spec, value, base, options);
  return fieldset(t, { ...base, legend: spec.label }, (p) => choiceList(p, spec.choices ?? [], 'radio', [stringOf(value)], (v) => options.onChange(v)));
};

/** Checkboxes in a fieldset, "Select all that apply" unless the spec has its own hint. */
export const checkboxesControl: FieldControl = (t, spec, value, base, options) => {
  const chosen = listOf(value);
  return fieldset(t, { ...base, legend: spec.label, hint: spec.hint ?? t('formChooseAll') }, (p) =>
    choiceList(p, spec.choices ?? [], 'checkbox', chosen, (v, on) => options.onChange(on ? [...chosen.filter((x) => x !== v), v] : chosen.filter((x) => x !== v))),
  );
};

/** A textarea, with its character count when the options carry one. */
export const textareaControl: FieldControl = (t, spec, value, base, options) => {
  const text = stringOf(value);
  const count = options.counter;
  const area = { value: text, rows: spec.rows ?? 5, required: base.required };
  if (!count) return field(t, { ...base, label: spec.label }, (p) => textArea(p, { ...area, onInput: (v) => options.onChange(v) }));
  if (count.value !== text) count.value = text;
  return field(t, { ...base, label: spec.label, describedBy: [count.infoId(spec.id)] }, (p) => html`${textArea(p, {
    ...area,
    onInput: (v) => {
      count.handleInput(v);
      options.onChange(v);
    },
  })}${count.render(t, spec.id)}`);
};

/** A date as three boxes (day, month, year). */
export const dateControl: FieldControl = (t, spec, value, _base, options) => dateField(t, spec, isDateParts(value) ? value : { day: '', month: '', year: '' }, options);

/** A file input with the chosen files listed, each with its Remove. */
export const fileControl: FieldControl = (t, spec, value, base, options) => {
  const files = Array.isArray(value) ? value.filter((f): f is File => typeof f !== 'string') : [];
  return field(t, { ...base, label: spec.label }, (p) => html`<input
      class="civic-file ${p.invalid ? 'civic-input--error' : ''}"
      id=${p.id}
      type="file"
      accept=${ifDefined(spec.accept)}
      ?multiple=${Boolean(spec.multiple)}
      aria-describedby=${ifDefined(p.describedBy)}
      aria-invalid=${ifDefined(p.invalid ? 'true' : undefined)}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const added = Array.from(input.files ?? []);
        options.onChange(spec.multiple ? [...files, ...added] : added);
        input.value = '';
      }}
    />
    ${files.length
      ? html`<ul class="file-list" aria-label=${t('formFileChosen', { count: files.length })}>
          ${files.map(
            (f, i) => html`<li>
              ${f.name}
              <button type="button" class="link-button" @click=${() => options.onChange(files.filter((_, j) => j !== i))}>
                ${t('formFileRemove')}<span class="civic-visually-hidden"> ${f.name}</span>
              </button>
            </li>`,
          )}
        </ul>`
      : nothing}`);
};

/** The controls of field types other than text, by type (`renderFieldWith` takes a subset). */
export type FieldControls = Partial<Record<FieldType, FieldControl>>;

const ALL_CONTROLS: FieldControls = { textarea: textareaControl, radios: radiosControl, select: selectControl, checkboxes: checkboxesControl, date: dateControl, file: fileControl };

/**
 * `renderField` with only the controls a widget asks with (types it has none for render as text
 * inputs): a widget whose questions are choices and text carries no date or file code.
 *
 * ```ts
 * const controls = { radios: radiosControl, checkboxes: checkboxesControl, select: selectControl };
 * renderFieldWith(controls, this.t, spec, value, { error, onChange })
 * ```
 */
export function renderFieldWith(controls: FieldControls, t: Translate, spec: FieldSpec, value: FieldValue, options: RenderFieldOptions): TemplateResult {
  return (controls[spec.type] ?? textControl)(t, spec, value, baseOf(spec, options), options);
}

/**
 * One field from its spec: label, hint, inline error and control in the caller's shadow root.
 *
 * ```ts
 * renderField(this.t, spec, this.draft.value.answers[spec.id], {
 *   error: this.summary.errorFor(errorTarget(spec)),
 *   onChange: (v) => this.draft.patch({ answers: { ...this.draft.value.answers, [spec.id]: v } }),
 * })
 * ```
 */
export function renderField(t: Translate, spec: FieldSpec, value: FieldValue, options: RenderFieldOptions): TemplateResult {
  return renderFieldWith(ALL_CONTROLS, t, spec, value, options);
}
