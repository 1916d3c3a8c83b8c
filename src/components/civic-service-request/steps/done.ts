import { html, nothing, type TemplateResult } from 'lit';
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
    <div class="panel" part="confirmation-panel">
      <h2 class="panel-title" id="step-title" tabindex="-1">${t('requestDoneTitle')}</h2>
      ${reference
        ? html`<p class="panel-body">${t('requestDoneReference')}<br /><strong class="reference" data-reference=${reference}>${reference}</strong></p>`
        : nothing}
    </div>
    <p>${t('requestDoneService', { service: ctx.serviceName })}</p>
    ${!ctx.serviceRequestId && ctx.token ? html`<p>${t('requestDoneToken')}</p>` : nothing}
    ${ctx.serviceNotice ? html`<p class="notice" part="service-notice">${ctx.serviceNotice}</p>` : nothing}
    <h3>${t('requestDoneNextTitle')}</h3>
    <p>${t('requestDoneNext')}</p>
    ${ctx.trackLink ? html`<p><a href=${ctx.trackLink} part="track-link">${t('requestDoneTrack')}</a></p>` : nothing}
    <p><button type="button" class="civic-button civic-button--secondary" @click=${ctx.onAnother}>${t('requestDoneAnother')}</button></p>
  </div>`;
}
