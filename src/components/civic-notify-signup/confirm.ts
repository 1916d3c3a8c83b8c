import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { notifyTokenProblem, type NotifyTokenProblem } from '../../api/notify/token-problem.js';
import { confirmationPanel } from '../../core/forms/answers.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import type { ErrorSummaryController } from '../../core/forms/error-summary.js';
import type { FieldSpec } from '../../core/forms/schema.js';
import { registerMessages, type Translate } from '../../core/i18n.js';
import { ResendController, type ResendOptions } from './resend.js';
import { notifyPageMessages } from './strings-pages.js';
import { notifyMessages } from './strings.js';

registerMessages(notifyMessages);
registerMessages(notifyPageMessages);

export interface ConfirmOptions extends ResendOptions {
  summary: ErrorSummaryController;
}

type Outcome = { kind: 'working' } | { kind: 'confirmed'; manageToken: string } | { kind: 'refused'; problem: NotifyTokenProblem } | { kind: 'failed'; error: unknown };

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The page a confirmation link opens: the token confirmed, or what went wrong with it (expired,
 * already used, unknown) and a form that sends a new link. Loaded only on that page.
 */
export class ConfirmController implements ReactiveController {
  outcome?: Outcome;
  private resendEmail = '';
  private token?: string;
  private readonly resender: ResendController;

  constructor(
    private readonly host: Host,
    private readonly o: ConfirmOptions,
  ) {
    host.addController(this);
    this.resender = new ResendController(host, o);
  }

  hostConnected(): void {}

  /** Confirms `token` (once: the element runs this when the page opens, not on every render). */
  run(token: string): void {
    const backend = this.o.backend();
    if (!backend) return;
    this.token = token;
    this.outcome = { kind: 'working' };
    this.host.requestUpdate();
    void backend.confirm(token).then(
      (answer) => this.settle({ kind: 'confirmed', manageToken: answer.manage_token }),
      (error: unknown) => {
        const problem = notifyTokenProblem(error);
        this.settle(problem ? { kind: 'refused', problem } : { kind: 'failed', error });
      },
    );
  }

  private settle(outcome: Outcome): void {
    this.outcome = outcome;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus());
  }

  private manageLink(token: string): string {
    const url = new URL(location.href);
    url.searchParams.delete('confirm');
    url.searchParams.set('manage', token);
    return `${url.pathname}${url.search}`;
  }

  private renderNewLink(t: Translate): TemplateResult {
    if (this.resender.resent) return html`<p role="status">${t('notifyNewLinkSent')}</p>`;
    const spec: FieldSpec = { id: 'resend_email', type: 'email', label: t('notifyEmailLabel'), autocomplete: 'email', rules: [{ rule: 'required', message: 'notifyErrorEmail' }, { rule: 'email', message: 'notifyErrorEmailFormat' }] };
    const submit = (e: Event) => {
      e.preventDefault();
      const message = this.o.kit.validateField(t, spec, this.resendEmail, this.o.locale());
      if (message) {
        this.o.summary.show([{ id: spec.id, message }], t);
        return;
      }
      this.o.summary.clear();
      void this.resender.resend({ email: this.resendEmail.trim() });
    };
    const error = this.o.summary.errorFor(spec.id);
    return html`<form novalidate @submit=${submit}>
      <h3>${t('notifyNewLinkTitle')}</h3>
      ${this.o.kit.renderField(t, spec, this.resendEmail, { ...(error ? { error } : {}), onChange: (v) => (this.resendEmail = typeof v === 'string' ? v : '') })}
      ${this.resender.error ? errorPanel(t, this.resender.error) : nothing}
      <div class="actions"><button type="submit" class="civic-button" part="resend-button" aria-disabled=${this.resender.sending ? 'true' : 'false'}>${t('notifyNewLinkButton')}</button></div>
    </form>`;
  }

  /** The page a confirmation link opens. */
  render(): TemplateResult {
    const t = this.o.t();
    const o = this.outcome;
    if (!o || o.kind === 'working') return html`<p role="status">${t('notifyConfirming')}</p>`;
    if (o.kind === 'failed') return html`${this.o.kit.stepTitle(t('notifyConfirmTitle'))}${errorPanel(t, o.error, () => this.token && this.run(this.token))}`;
    if (o.kind === 'confirmed') {
      return html`${confirmationPanel({ title: t('notifyConfirmedTitle'), referenceLabel: '' })}
        <p>${t('notifyConfirmed')}</p>
        <p><a href=${this.manageLink(o.manageToken)} part="manage-link">${t('notifyManageLink')}</a></p>`;
    }
    const key = o.problem === 'expired' ? 'notifyLinkExpired' : o.problem === 'used' ? 'notifyLinkUsed' : 'notifyLinkUnknown';
    return html`${this.o.kit.stepTitle(t(`${key}Title`))}
      <p>${t(key)}</p>
      ${this.renderNewLink(t)}`;
  }
}
