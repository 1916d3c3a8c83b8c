import { html, nothing, type TemplateResult } from 'lit';
import type { Service, ServiceRequest } from '../../api/types.js';
import type { Translate } from '../../core/i18n.js';

/**
 * What the lazily loaded parts of `<civic-request-map>` (markers, details, list) read from the
 * element: its words and formats, the categories it loaded and its tracker link.
 */
export interface RequestMapContext {
  t: Translate;
  /** Dates and numbers in the element's language. */
  formatDate(value: string, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number): string;
  services?: Service[];
  trackerUrl?: string;
  /** Fires `civic-request-select`; `false` when a listener cancelled it. */
  select(serviceRequestId: string, cancelable?: boolean): boolean;
}

export const idOf = (r: ServiceRequest): string => r.service_request_id ?? r.token ?? '';

export function categoryOf(ctx: RequestMapContext, request: ServiceRequest): string {
  return (
    request.service_name ||
    ctx.services?.find((s) => s.service_code === request.service_code)?.service_name ||
    ctx.t('requestMapUnknownCategory')
  );
}

export function statusText(ctx: RequestMapContext, status: string): string {
  return status === 'open' ? ctx.t('requestMapStatusOpen') : status === 'closed' ? ctx.t('requestMapStatusClosed') : status;
}

export const addressOf = (ctx: RequestMapContext, request: ServiceRequest): string => request.address || ctx.t('requestMapNoAddress');

export function dateOf(ctx: RequestMapContext, request: ServiceRequest, options?: Intl.DateTimeFormatOptions): string {
  return request.requested_datetime ? ctx.formatDate(request.requested_datetime, options) : '—';
}

export function linkFor(ctx: RequestMapContext, request: ServiceRequest): string | undefined {
  const id = request.service_request_id;
  return id && ctx.trackerUrl ? ctx.trackerUrl.replaceAll('{id}', encodeURIComponent(id)) : undefined;
}

/** A request's details, as its map popup shows them. */
export function requestDetails(ctx: RequestMapContext, request: ServiceRequest): TemplateResult {
  const href = linkFor(ctx, request);
  return html`<dl>
      <dt>${ctx.t('requestMapColCategory')}</dt>
      <dd>${categoryOf(ctx, request)}</dd>
      <dt>${ctx.t('requestMapColStatus')}</dt>
      <dd>${statusText(ctx, request.status)}</dd>
      <dt>${ctx.t('requestMapColDate')}</dt>
      <dd>${dateOf(ctx, request)}</dd>
      <dt>${ctx.t('requestMapColAddress')}</dt>
      <dd>${addressOf(ctx, request)}</dd>
    </dl>
    ${href ? html`<a href=${href}>${ctx.t('requestMapFollow')}</a>` : nothing}`;
}
