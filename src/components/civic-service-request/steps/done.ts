import { html, nothing, type TemplateResult } from 'lit';
import { confirmationPanel } from '../../../core/forms/pieces.js';
import type { StepContext } from './shared.js';

export interface DoneStep extends StepContext {
  serviceName: string;
  serviceRequestId?: string;
  token?: string;
  serviceNotice?: string;
  trackLink?: string;
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
    <p><button type="button" class="civic-button civic-button--secondary" @click=${ctx.onAnother}>${t('requestDoneAnother')}</button></p>
  </div>`;
}
