import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { CivicElement } from '../src/core/civic-element.js';
import { defineElement } from '../src/core/define.js';
import { AnnouncerController } from '../src/core/announcer.js';
import {
  CharacterCountController,
  ErrorSummaryController,
  errorPanel,
  field,
  textArea,
  textInput,
} from '../src/core/forms/index.js';
import { NetworkError } from '../src/api/errors.js';

type PrimitiveState =
  | 'empty'
  | 'hint'
  | 'optional'
  | 'error'
  | 'error-summary'
  | 'count-under'
  | 'count-over'
  | 'error-panel'
  | 'announcer';

/**
 * Story-only widget rendering the primitives in its own shadow root, as real widgets do
 * (labels, hints and errors must share the control's root for ARIA references to work).
 */
class StoryFormPrimitives extends CivicElement {
  @property() state: PrimitiveState = 'empty';
  private readonly summary = new ErrorSummaryController(this);
  private readonly count = new CharacterCountController(this, { maxLength: 200 });
  private readonly announcer = new AnnouncerController(this);
  private email = '';

  protected override firstUpdated(): void {
    if (this.state === 'error-summary') {
      this.summary.show(
        [
          { id: 'description', message: 'Enter a description of the problem' },
          { id: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
        ],
        this.t,
      );
    }
    if (this.state === 'count-under') this.count.setValue('The streetlight outside number 12 has been flickering for a week.');
    if (this.state === 'count-over') this.count.setValue('x'.repeat(208));
  }

  protected override render() {
    if (this.state === 'error-panel') return errorPanel(this.t, new NetworkError(), () => this.requestUpdate());
    if (this.state === 'announcer') {
      return html`${this.announcer.render()}
        <p>Press the button; a screen reader says the message politely. The region is visually hidden.</p>
        <button class="civic-button" type="button" @click=${() => this.announcer.announce('12 services found')}>
          Announce "12 services found"
        </button>`;
    }
    const showDescription = this.state.startsWith('count') || this.state === 'error-summary';
    const emailError =
      this.state === 'error' ? 'Enter an email address in the correct format, like name@example.com' : this.summary.errorFor('email');
    return html`${this.summary.render(this.t)}
      ${showDescription
        ? field(
            this.t,
            {
              id: 'description',
              label: 'Describe the problem',
              hint: 'Say what it is and where exactly it is',
              error: this.summary.errorFor('description'),
              describedBy: [this.count.infoId('description')],
            },
            (p) => html`${textArea(p, { value: this.count.value, onInput: this.count.handleInput })}
            ${this.count.render(this.t, 'description')}`,
          )
        : nothing}
      ${field(
        this.t,
        {
          id: 'email',
          label: 'Email address',
          hint: this.state === 'hint' || this.state === 'error' ? 'We will only use this to tell you about your report' : undefined,
          optional: this.state !== 'empty',
          error: emailError,
        },
        (p) => textInput(p, { type: 'email', autocomplete: 'email', value: this.email, onInput: (v) => (this.email = v) }),
      )}`;
  }
}
defineElement('story-form-primitives', StoryFormPrimitives);

interface PrimitiveArgs {
  lang: string;
}

const meta: Meta<PrimitiveArgs> = {
  title: 'Core/Form primitives',
  args: { lang: 'en' },
  argTypes: { lang: { control: 'select', options: ['en', 'es'] } },
};
export default meta;

type Story = StoryObj<PrimitiveArgs>;

const story = (state: PrimitiveState): Story => ({
  render: (args) => html`<story-form-primitives state=${state} lang=${args.lang}></story-form-primitives>`,
});

/** A labelled text field, nothing else. */
export const FieldEmpty = story('empty');
/** With a hint, linked through `aria-describedby`. */
export const FieldWithHint = story('hint');
/** Marked "(optional)" in the label. */
export const FieldOptional = story('optional');
/** With an inline error: red bar, message prefixed "Error:" for screen readers, `aria-invalid`. */
export const FieldWithError = story('error');
/** After a failed submit: the summary at the top takes focus; its links move to each field. */
export const ErrorSummary = story('error-summary');
/** Character count under the limit. */
export const CharacterCountUnder = story('count-under');
/** Character count over the limit: the count turns into an error; the text is kept. */
export const CharacterCountOver = story('count-over');
/** Backend failure with "Try again". */
export const ErrorPanel = story('error-panel');
/** The polite live-region announcer. */
export const Announcer = story('announcer');
