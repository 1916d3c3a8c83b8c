import { html, nothing, type TemplateResult } from 'lit';
import type { CivicConfig } from '../../../core/context.js';
import { followOffer } from '../../../core/follow.js';
import { confirmationPanel } from '../../../core/forms/pieces.js';
import type { StepContext } from './shared.js';

export interface DoneStep extends StepContext {
  serviceName: string;
  serviceRequestId?: string;
  token?: string;
  serviceNotice?: string;
  trackLink?: string;
  /** Updates by email or text: the email given on the report is followed already; else the offer. */
  follow?: { email: string | undefined; endpoint: string | undefined; hall: CivicConfig | undefined };
  onAnother(): void;
}

/** GOV.UK confirmation: the reference in a panel, then what happens next. */
export function renderDone(ctx: DoneStep): TemplateResult {
  const t = ctx.t;
  const reference = ctx.serviceRequestId ?? ctx.token;
  return html`<div class="confirmation" part="confirmation">
    ${confirmationPanel({ title: t('requestDoneTitle'), referenceLabel: t('requestDoneReference'), ...(reference ? { reference } : {}) })}
    <p>${t('requestDoneService', { service: ctx.serviceName })}</p>
    ${!ctx.serviceRequestId && ctx.token ? html`<p>${t('requestDoneToken')}</p>` : nothing}
    ${ctx.serviceNotice ? html`<p class="notice" part="service-notice">${ctx.serviceNotice}</p>` : nothing}
    <h3>${t('requestDoneNextTitle')}</h3>
    <p>${t('requestDoneNext')}</p>
    ${ctx.trackLink ? html`<p><a href=${ctx.trackLink} part="track-link">${t('requestDoneTrack')}</a></p>` : nothing}
    ${ctx.follow?.email && ctx.serviceRequestId && (ctx.follow.endpoint || ctx.follow.hall?.notifyEndpoint)
      ? html`<p part="followed">${t('requestDoneFollowed', { email: ctx.follow.email })}</p>`
      : followOffer('service_request', ctx.serviceRequestId, ctx.follow?.endpoint, ctx.follow?.hall)}
    <p><button type="button" class="civic-button civic-button--secondary" @click=${ctx.onAnother}>${t('requestDoneAnother')}</button></p>
  </div>`;
}
