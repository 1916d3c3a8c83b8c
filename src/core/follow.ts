import { html, nothing, type TemplateResult } from 'lit';
import type { NotifyFollowKind } from '../api/notify/types.js';
import type { CivicConfig } from './context.js';

let loading: Promise<unknown> | undefined;

/**
 * "Email me (or text me) when this changes" under a request: a `<civic-follow>` whose code is
 * fetched only when a page shows one, so the widgets that offer it stay as light as before.
 * Nothing when no notifications backend is configured (own `notify-endpoint` or the hall's).
 */
export function followOffer(kind: NotifyFollowKind, id: string | undefined, endpoint: string | undefined, hall: CivicConfig | undefined): TemplateResult | typeof nothing {
  if (!id || !(endpoint || hall?.notifyEndpoint || hall?.notifyBackend)) return nothing;
  loading ??= import('../define/civic-follow.js').catch(() => (loading = undefined));
  return html`<civic-follow part="follow" kind=${kind} request-id=${id} notify-endpoint=${endpoint || nothing}></civic-follow>`;
}
