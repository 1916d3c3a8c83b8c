import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { NotifyBackend } from '../../api/notify/client.js';
import type { AnnouncerController } from '../../core/announcer.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { confirmationPanel } from '../../core/forms/answers.js';
import type { Translate } from '../../core/i18n.js';
import type { NotifyKit } from './kit.js';

export interface ResendOptions {
  backend(): NotifyBackend | undefined;
  t(): Translate;
  locale(): string;
  announcer: AnnouncerController;
  kit: NotifyKit;
}

export type ResendTo = { email: string } | { phone: string };

/** Sends a confirmation again (always accepted: the answer says nothing about the address). */
export class ResendController implements ReactiveController {
  resent = false;
  sending = false;
  error?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: ResendOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async resend(to: ResendTo): Promise<void> {
    const backend = this.o.backend();
    if (!backend || this.sending) return;
    this.sending = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      await backend.resend(to, this.o.kit.languageOf(this.o.locale()));
      this.resent = true;
      void this.o.announcer.announce(this.o.t()('notifyResent'));
    } catch (error) {
      this.error = error;
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  reset(): void {
    this.resent = false;
    this.error = undefined;
  }

  private button(t: Translate, to: ResendTo): TemplateResult {
    return html`<p>
      <button type="button" class="civic-button civic-button--secondary" part="resend-button" aria-disabled=${this.sending ? 'true' : 'false'} @click=${() => void this.resend(to)}>
        ${'email' in to ? t('notifyResendEmail') : t('notifyResendText')}
      </button>
    </p>`;
  }

  /** After signing up: "Check your email" (or "Reply YES"), and how to get it again. */
  renderSent(to: { email?: string; phone?: string }, hours: number, onAnother: () => void): TemplateResult {
    const t = this.o.t();
    return html`${confirmationPanel({ title: to.email ? t('notifySentEmailTitle') : t('notifySentTextTitle'), referenceLabel: '' })}
      ${to.email ? html`<p>${t('notifySentEmail', { email: to.email, hours })}</p>` : nothing}
      ${to.phone ? html`<p>${t('notifySentText', { phone: to.phone })}</p>` : nothing}
      <p>${t('notifySentNothingYet')}</p>
      ${this.error ? errorPanel(t, this.error) : nothing}
      ${to.email ? this.button(t, { email: to.email }) : nothing} ${to.phone ? this.button(t, { phone: to.phone }) : nothing}
      ${this.resent ? html`<p class="done-note">${t('notifyResent')}</p>` : nothing}
      <p><button type="button" class="link-button" @click=${onAnother}>${t('notifySignUpAgain')}</button></p>`;
  }
}
