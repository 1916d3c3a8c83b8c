import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translate } from '../i18n.js';
import './messages.js';

export interface CharacterCountOptions {
  /** The most characters the backend accepts. */
  maxLength: number;
  /**
   * Show the count only once this share of the limit is used (0–100, GOV.UK `threshold`).
   * Below it, the visible count is hidden and nothing is announced. Default 0: always shown.
   */
  threshold?: number;
  /** Milliseconds of typing pause before the count is announced. Default 1000. */
  announceDelay?: number;
  /** Starting value. */
  value?: string;
}

/**
 * GOV.UK character count: a visible count that follows every keystroke, a screen-reader count
 * announced politely once typing pauses (so it does not talk over each key), and a static
 * "You can enter up to N characters" description. Typing past the limit is allowed (pasting
 * and then trimming is easier than a hard `maxlength`), and the count turns into an error.
 * Counts Unicode code points, so an emoji is one character.
 *
 * ```ts
 * private count = new CharacterCountController(this, { maxLength: 500 });
 * field(this.t, { id: 'description', label, describedBy: [this.count.infoId('description')] }, (p) => html`
 *   ${textArea(p, { value: this.count.value, onInput: this.count.handleInput })}
 *   ${this.count.render(this.t, 'description')}`)
 * ```
 */
export class CharacterCountController implements ReactiveController {
  maxLength: number;
  threshold: number;
  announceDelay: number;
  value: string;
  /** Remaining count as of the last typing pause: what the live region says (empty before the first pause). */
  private spokenRemaining?: number;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: CharacterCountOptions,
  ) {
    this.maxLength = options.maxLength;
    this.threshold = options.threshold ?? 0;
    this.announceDelay = options.announceDelay ?? 1000;
    this.value = options.value ?? '';
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  get length(): number {
    let count = 0;
    for (const _ of this.value) count++;
    return count;
  }

  /** Characters left; negative when over the limit. */
  get remaining(): number {
    return this.maxLength - this.length;
  }

  get overLimit(): boolean {
    return this.remaining < 0;
  }

  /** Whether the count is shown at all (see `threshold`). */
  get visible(): boolean {
    return this.length >= (this.maxLength * this.threshold) / 100;
  }

  /** Id of the static "You can enter up to N characters" text, for the control's `aria-describedby`. */
  infoId(id: string): string {
    return `${id}-info`;
  }

  /** Sets the value (e.g. a restored draft) without announcing it. */
  setValue(value: string): void {
    this.value = value;
    this.host.requestUpdate();
  }

  /** Input listener for the textarea: updates the visible count now, the spoken one after a pause. */
  handleInput = (valueOrEvent: string | Event): void => {
    this.value = typeof valueOrEvent === 'string' ? valueOrEvent : (valueOrEvent.target as HTMLTextAreaElement).value;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.spokenRemaining = this.visible ? this.remaining : undefined;
      this.host.requestUpdate();
    }, this.announceDelay);
  };

  /** The count message in words, e.g. "You have 10 characters remaining". */
  message(t: Translate, remaining = this.remaining): string {
    return remaining < 0 ? t('charactersOverLimit', { count: -remaining }) : t('charactersRemaining', { count: remaining });
  }

  /** The description, visible count and polite live count; render right after the control. */
  render(t: Translate, id: string): TemplateResult {
    const message = this.message(t);
    // The number is frozen at the pause; the words are not, so a language change re-words them.
    const spoken = this.spokenRemaining === undefined ? '' : this.message(t, this.spokenRemaining);
    return html`<div class="civic-visually-hidden" id=${this.infoId(id)}>${t('characterCountLimit', { count: this.maxLength })}</div>
      <div
        class="civic-character-count__status ${this.overLimit ? 'civic-character-count__status--over' : ''} ${this.visible ? '' : 'civic-character-count__status--hidden'}"
        aria-hidden="true"
        part="character-count"
      >
        ${message}
      </div>
      <div class="civic-visually-hidden" aria-live="polite" id=${`${id}-count-status`}>${spoken}</div>`;
  }
}
