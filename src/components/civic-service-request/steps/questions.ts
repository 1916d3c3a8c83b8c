import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ServiceAttribute, ServiceDefinition } from '../../../api/types.js';
import { errorPanel } from '../../../core/forms/error-panel.js';
import { field, fieldset, textArea, textInput } from '../../../core/forms/field.js';
import { choiceList } from '../../../core/forms/render-field.js';
import type { CharacterCountController } from '../../../core/forms/character-count.js';
import { emptyDateParts, isDateParts } from '../answers.js';
import { attributeId, type DateParts, type DraftAnswer } from '../model.js';
import { stepButtons, stepHeading, type StepContext } from './shared.js';

export interface QuestionsStep extends StepContext {
  serviceName: string;
  definition?: ServiceDefinition;
  loadError?: unknown;
  answers: Record<string, DraftAnswer>;
  /** A character count per `text` question. */
  counter(code: string): CharacterCountController;
  onAnswer(code: string, answer: DraftAnswer): void;
  onRetry(): void;
  onBack(): void;
  onSubmit(e: Event): void;
}

/** A list question's values as the form engine's choices. */
const listChoices = (a: ServiceAttribute) => a.values.map((v) => ({ value: v.key, label: v.name }));

/** GOV.UK: radios for a few choices, a select beyond that. */
export const MAX_RADIOS = 6;

function controlFor(ctx: QuestionsStep, a: ServiceAttribute): TemplateResult {
  const t = ctx.t;
  const id = attributeId(a.code);
  const answer = ctx.answers[a.code];
  const text = typeof answer === 'string' ? answer : '';
  const base = { id, hint: a.datatype_description, error: ctx.errorFor(id), optional: !a.required };
  const set = (value: DraftAnswer) => ctx.onAnswer(a.code, value);

  switch (a.datatype) {
    case 'text': {
      const count = ctx.counter(a.code);
      if (count.value !== text) count.value = text;
      return field(t, { ...base, label: a.description, describedBy: [count.infoId(id)] }, (p) => html`${textArea(p, {
        value: text,
        required: a.required,
        onInput: (v) => {
          count.handleInput(v);
          set(v);
        },
      })}${count.render(t, id)}`);
    }
    case 'number':
      return field(t, { ...base, label: a.description }, (p) =>
        textInput(p, { value: text, inputmode: 'decimal', spellcheck: false, required: a.required, onInput: (v) => set(v) }),
      );
    case 'datetime':
      return dateQuestion(ctx, a, isDateParts(answer) ? answer : emptyDateParts());
    case 'singlevaluelist':
      if (a.values.length > MAX_RADIOS) {
        return field(t, { ...base, label: a.description }, (p) => html`<select
          class="civic-select ${p.invalid ? 'civic-select--error' : ''}"
          id=${p.id}
          aria-describedby=${ifDefined(p.describedBy)}
          aria-invalid=${ifDefined(p.invalid ? 'true' : undefined)}
          aria-required=${a.required ? 'true' : 'false'}
          @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!text}>${t('requestSelectPlaceholder')}</option>
          ${a.values.map((v) => html`<option value=${v.key} ?selected=${v.key === text}>${v.name}</option>`)}
        </select>`);
      }
      return fieldset(t, { ...base, legend: a.description }, (p) => choiceList(p, listChoices(a), 'radio', [text], (key) => set(key)));
    case 'multivaluelist': {
      const chosen = Array.isArray(answer) ? answer : [];
      return fieldset(t, { ...base, legend: a.description, hint: a.datatype_description ?? t('requestChooseAll') }, (p) =>
        choiceList(p, listChoices(a), 'checkbox', chosen, (key, on) => set(on ? [...chosen.filter((k) => k !== key), key] : chosen.filter((k) => k !== key))),
      );
    }
    default:
      return field(t, { ...base, label: a.description }, (p) => textInput(p, { value: text, required: a.required, onInput: (v) => set(v) }));
  }
}

function dateQuestion(ctx: QuestionsStep, a: ServiceAttribute, parts: DateParts): TemplateResult {
  const t = ctx.t;
  const id = attributeId(a.code);
  const error = ctx.errorFor(id) ?? ctx.errorFor(`${id}-day`) ?? ctx.errorFor(`${id}-month`) ?? ctx.errorFor(`${id}-year`) ?? ctx.errorFor(`${id}-time`);
  const set = (key: keyof DateParts, value: string) => ctx.onAnswer(a.code, { ...parts, [key]: value });
  const part = (key: 'day' | 'month' | 'year', label: string, width: string) => html`<div class="date-item">
    <label class="civic-label date-label" for=${`${id}-${key}`}>${label}</label>
    <input
      class="civic-input date-input ${width} ${error ? 'civic-input--error' : ''}"
      id=${`${id}-${key}`}
      type="text"
      inputmode="numeric"
      autocomplete="off"
      .value=${live(parts[key])}
      aria-invalid=${error ? 'true' : 'false'}
      @input=${(e: Event) => set(key, (e.target as HTMLInputElement).value)}
    />
  </div>`;
  return fieldset(t, { id, legend: a.description, hint: t('requestDateHint'), error, optional: !a.required }, () => html`<div class="date">
      ${part('day', t('requestDay'), 'w2')} ${part('month', t('requestMonth'), 'w2')} ${part('year', t('requestYear'), 'w4')}
    </div>
    <div class="date-time">
      <label class="civic-label date-label" for=${`${id}-time`}>${t('requestTime')} <span class="civic-optional">${t('optional')}</span></label>
      <div class="civic-hint" id=${`${id}-time-hint`}>${t('requestTimeHint')}</div>
      <input
        class="civic-input date-input w5 ${error ? 'civic-input--error' : ''}"
        id=${`${id}-time`}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        aria-describedby=${`${id}-time-hint`}
        .value=${live(parts.time)}
        @input=${(e: Event) => set('time', (e.target as HTMLInputElement).value)}
      />
    </div>`);
}

export function renderQuestions(ctx: QuestionsStep): TemplateResult {
  const t = ctx.t;
  const heading = stepHeading(t('requestQuestionsTitle'), ctx.serviceName);
  if (ctx.loadError) return html`${heading}${errorPanel(t, ctx.loadError, ctx.onRetry)}`;
  if (!ctx.definition) return html`${heading}<p role="status">${t('loading')}</p>`;
  return html`<form novalidate @submit=${ctx.onSubmit}>
    ${heading}
    ${ctx.definition.attributes.map((a) =>
      a.variable ? controlFor(ctx, a) : html`<div class="inset" part="information" data-code=${a.code}>${a.description}</div>`,
    )}
    ${stepButtons(t, { onBack: ctx.onBack })}
  </form>`;
}

