import { html, nothing, type TemplateResult } from 'lit';
import type { ServiceRequest } from '../../../api/types.js';
import { stepButtons, stepHeading, type StepContext } from './shared.js';

export interface NearbyStep extends StepContext {
  serviceName: string;
  requests: ServiceRequest[];
  /** Link to follow a request, or undefined when no tracker page is configured. */
  trackerLink(id: string): string | undefined;
  formatRelative(when: string): string;
  formatDistance(metres: number): string;
  distanceTo(r: ServiceRequest): number;
  onBack(): void;
  onSubmit(e: Event): void;
}

/** "Is it one of these?": open requests of the same kind close by, to follow instead of filing again. */
export function renderNearby(ctx: NearbyStep): TemplateResult {
  const t = ctx.t;
  return html`<form novalidate @submit=${ctx.onSubmit}>
    ${stepHeading(t('requestNearbyTitle'), ctx.serviceName)}
    <p>${t('requestNearbyIntro', { count: ctx.requests.length })}</p>
    <ul class="nearby" part="nearby-list">
      ${ctx.requests.map((r) => {
        const id = r.service_request_id!;
        const link = ctx.trackerLink(id);
        return html`<li class="nearby-item" data-request-id=${id}>
          <p class="nearby-what"><strong>${r.address ?? r.service_name ?? id}</strong>
            · ${t('requestNearbyDistance', { distance: ctx.formatDistance(ctx.distanceTo(r)) })}</p>
          ${r.description ? html`<p class="nearby-description">${r.description}</p>` : nothing}
          <p class="nearby-meta">
            ${t('requestReference', { id })}${r.requested_datetime ? html` · ${t('requestNearbyReported', { when: ctx.formatRelative(r.requested_datetime) })}` : nothing}
          </p>
          ${link ? html`<a href=${link} part="follow-link">${t('requestNearbyFollow')}<span class="civic-visually-hidden"> ${t('requestReference', { id })}</span></a>` : nothing}
        </li>`;
      })}
    </ul>
    ${stepButtons(t, { onBack: ctx.onBack, continueLabel: t('requestNearbyContinue') })}
  </form>`;
}
