import { css, html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { NotifyBackend } from '../../api/notify/client.js';
import type { NotifyFollowKind, NotifySmsConsent } from '../../api/notify/types.js';
import { CivicElement } from '../../core/civic-element.js';
import { headingTag } from '../../core/headings.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { answersStyles } from '../../core/forms/answers-styles.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { validateFields, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import { registerMessages } from '../../core/i18n.js';
import { resolveNotifyBackend } from '../../core/notify-backend.js';
import { renderFields } from '../civic-notify-signup/fields.js';
import { languageOf, textOf } from '../civic-notify-signup/model.js';
import { notifyMessages } from '../civic-notify-signup/strings.js';
import { followMessages } from './strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

// The email, phone and consent words are the sign-up's own.
registerMessages(notifyMessages);
registerMessages(followMessages);

declare global {
  interface HTMLElementTagNameMap {
    'civic-follow': CivicFollow;
  }
}

/**
 * "Email me (or text me) when this changes" for one 311 or records request: a button that opens
 * a short form (email, or a mobile number with the text-message consent beside an unticked box),
 * then "check your email" or "reply YES". Double opt-in, like a subscription. `<civic-service-request>`'s
 * confirmation and `<civic-status-tracker>` load it on demand; a page can also use it on its own.
 *
 * @summary Follow one request by email or text.
 * @tagname civic-follow
 *
 * @csspart open-button - "Email me (or text me) when this changes".
 * @csspart consent - The text-message consent text and its box.
 * @csspart follow-button - Send me updates.
 *
 * @cssprop --civic-follow-border-color - The open form's left border. Default `var(--civic-color-primary)`.
 */
export class CivicFollow extends CivicElement {
  static override properties = {
    kind: {},
    requestId: { attribute: 'request-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    notifyEndpoint: { attribute: 'notify-endpoint' },
    notifyBackend: { attribute: false },
    open: { state: true, attribute: false },
    values: { state: true, attribute: false },
    consent: { state: true, attribute: false },
    sending: { state: true, attribute: false },
    error: { state: true, attribute: false },
    sent: { state: true, attribute: false },
  };

  static override styles = [
    ...(CivicElement.styles as []), formStyles,
    flowStyles,
    answersStyles,
    css`
      :host {
        display: block;
        margin-block: var(--civic-space-l, 1.5rem);
      }
      form {
        padding-inline-start: var(--civic-space-m, 1rem);
        border-inline-start: 4px solid var(--civic-follow-border-color, var(--civic-color-primary, #005ea2));
      }
      .consent-text {
        padding-inline-start: var(--civic-space-m, 1rem);
      }
    `,
  ];

  /** What is followed: `service_request` (an Open311 `service_request_id`) or `records_request` (a tracking number). */
  kind: NotifyFollowKind = 'service_request';

  /** The request's id. */
  requestId?: string;

  /**
   * The level (1–6) of the open form's heading, to fit the page's outline: 3 under a widget's
   * request; on a page of its own, usually 2.
   */
  headingLevel = 3;

  /** Base URL of the notifications contract; overrides the hall's `notify-endpoint`. */
  notifyEndpoint?: string;

  /** Any `NotifyBackend`; wins over `notify-endpoint`. */
  notifyBackend?: NotifyBackend;

  private open = false;
  private values: Record<string, FieldValue> = { how: 'email' };
  private consent?: NotifySmsConsent | null;
  private sending = false;
  private error?: unknown;
  private sent?: { email?: string; phone?: string };

  private readonly summary = new ErrorSummaryController(this, { headingLevel: 3, id: 'civic-follow-summary' });

  private backendNow() {
    return resolveNotifyBackend(this, this.hallConfig, this.locale)?.backend;
  }

  private fields(): FieldSpec[] {
    const t = this.t;
    const how = textOf(this.values.how);
    const fields: FieldSpec[] = [
      {
        id: 'how',
        type: 'radios',
        label: t('followHowLabel'),
        choices: [{ value: 'email', label: t('followByEmail') }, ...(this.consent ? [{ value: 'sms', label: t('followBySms') }] : [])],
        rules: [{ rule: 'required', message: 'followErrorHow' }],
      },
    ];
    if (how === 'email') fields.push({ id: 'email', type: 'email', label: t('notifyEmailLabel'), autocomplete: 'email', rules: [{ rule: 'required', message: 'notifyErrorEmail' }, { rule: 'email', message: 'notifyErrorEmailFormat' }] });
    if (how === 'sms') {
      fields.push({ id: 'phone', type: 'tel', label: t('notifyPhoneLabel'), autocomplete: 'tel', rules: [{ rule: 'required', message: 'notifyErrorPhone' }, { rule: 'phone', message: 'notifyErrorPhoneFormat' }] });
      fields.push({ id: 'sms_consent', type: 'checkboxes', label: t('notifyConsentLegend'), choices: [{ value: 'yes', label: t('notifyConsentBox') }], rules: [{ rule: 'required', message: 'notifyErrorConsent' }] });
    }
    return fields;
  }

  private async openForm(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#follow-title')?.focus();
    if (this.consent !== undefined) return;
    try {
      this.consent = (await this.backendNow()?.topics())?.consent.sms ?? null;
    } catch {
      // Without the consent text, only email is offered.
      this.consent = null;
    }
  }

  private async closeForm(): Promise<void> {
    this.open = false;
    this.summary.clear();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=open-button]')?.focus();
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.backendNow();
    if (!backend || !this.requestId || this.sending) return;
    const errors = validateFields(this.t, 'follow', this.fields(), this.values, this.locale);
    if (errors.length) {
      this.summary.show(errors, this.t);
      return;
    }
    this.summary.clear();
    const sms = textOf(this.values.how) === 'sms';
    const to = sms ? { phone: textOf(this.values.phone) } : { email: textOf(this.values.email) };
    this.sending = true;
    this.error = undefined;
    try {
      await backend.follow({
        kind: this.kind,
        id: this.requestId,
        ...to,
        ...(sms && this.consent ? { sms_consent: this.consent.id } : {}),
        language: languageOf(this.locale),
        page_url: location.href.split('#')[0]!,
      });
      this.sent = to;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#follow-done')?.focus();
    } catch (error) {
      const fieldErrors = (error as { status?: number; fieldErrors?: Record<string, string> }).fieldErrors;
      if ((error as { status?: number }).status === 400 && fieldErrors && Object.keys(fieldErrors).length) {
        this.summary.show(Object.entries(fieldErrors).map(([id, message]) => ({ id: id === 'email' || id === 'phone' || id === 'sms_consent' ? id : 'how', message })), this.t);
      } else this.error = error;
    } finally {
      this.sending = false;
    }
  }

  protected override render(): unknown {
    const t = this.t;
    if (!this.requestId || !this.backendNow()) return nothing;
    if (this.sent) {
      return html`<p id="follow-done" tabindex="-1" role="status">${this.sent.email ? t('followSentEmail', { email: this.sent.email }) : t('followSentText', { phone: this.sent.phone ?? '' })}</p>`;
    }
    if (!this.open) {
      return html`<button type="button" class="civic-button civic-button--secondary" part="open-button" @click=${() => void this.openForm()}>${t('followOpen')}</button>`;
    }
    return html`<form novalidate @submit=${(e: Event) => void this.send(e)}>
      ${staticHtml`<${headingTag(this.headingLevel)} id="follow-title" tabindex="-1">${t('followTitle')}</${headingTag(this.headingLevel)}>`}
      <p>${t('followIntro')}</p>
      ${this.summary.render(t)}
      ${this.renderFieldsNow()}
      ${this.error ? html`${errorPanel(t, this.error)}<p>${t('followFailed')}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="civic-button" part="follow-button" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t('formSending') : t('followSubmit')}</button>
        <button type="button" class="civic-button civic-button--secondary" @click=${() => void this.closeForm()}>${t('followCancel')}</button>
      </div>
    </form>`;
  }

  private renderFieldsNow(): TemplateResult[] {
    return renderFields(
      this.t,
      this.fields(),
      this.values,
      this.summary,
      (id, value) => (this.values = { ...this.values, [id]: value }),
      this.consent ? { sms: this.consent, terms: this.t('notifyTerms'), privacy: this.t('notifyPrivacy') } : undefined,
    );
  }
}
