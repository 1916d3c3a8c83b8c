import { html, nothing, type TemplateResult } from 'lit';
import type { ServiceRequest } from '../../api/types.js';
import { addressOf, categoryOf, dateOf, idOf, linkFor, statusText, type RequestMapContext } from './request-text.js';

/** Rows the list shows at first, and adds per "Show more". */
const LIST_PAGE = 100;

/**
 * The list view of `<civic-request-map>`: a table of `requests`, newest first, `pages` pages of
 * them, and a "Show more" button (`onMore`: one page more) when there are more.
 */
export function renderList(ctx: RequestMapContext, requests: ServiceRequest[], pages: number, onMore: () => void): TemplateResult {
  const { t } = ctx;
  // Newest first (datetimes parsed once: offsets differ across daylight saving).
  const shown = requests
    .map((r) => ({ r, at: Date.parse(r.requested_datetime ?? '') || 0 }))
    .sort((a, b) => b.at - a.at)
    .slice(0, pages * LIST_PAGE)
    .map(({ r }) => r);
  const rest = requests.length - shown.length;
  const link = !!ctx.trackerUrl;
  const follow = (event: MouseEvent, request: ServiceRequest) => {
    if (!ctx.select(request.service_request_id!, true)) event.preventDefault();
  };
  // Explicit roles: at narrow widths the rows become stacked cards (display: block), and some
  // browsers drop a table's semantics with its display. Each card line shows its column's name
  // from data-label, as CSS content with empty alternative text: the column header already names it.
  const cell = (label: string, value: unknown) => html`<td role="cell" data-label=${label}>${value}</td>`;
  const header = (label: string) => html`<th scope="col" role="columnheader">${label}</th>`;
  return html`<div class="list"><table part="list" role="table">
      <caption>${t('requestMapListCaption')}</caption>
      <thead role="rowgroup">
        <tr role="row">
          ${header(t('requestMapColStatus'))}${header(t('requestMapColCategory'))}${header(t('requestMapColAddress'))}${header(t('requestMapColDate'))}
          ${link ? header(t('requestMapColDetails')) : nothing}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${shown.map((r) => {
          const href = linkFor(ctx, r);
          return html`<tr role="row" data-request-id=${idOf(r)}>
            ${cell(t('requestMapColStatus'), statusText(ctx, r.status))}
            ${cell(t('requestMapColCategory'), categoryOf(ctx, r))}
            ${cell(t('requestMapColAddress'), addressOf(ctx, r))}
            ${cell(t('requestMapColDate'), dateOf(ctx, r, { dateStyle: 'medium' }))}
            ${link
              ? html`<td role="cell">
                  ${href ? html`<a href=${href} @click=${(e: MouseEvent) => follow(e, r)}>${t('requestMapFollowId', { id: r.service_request_id! })}</a>` : nothing}
                </td>`
              : nothing}
          </tr>`;
        })}
      </tbody>
    </table></div>
    ${rest > 0
      ? html`<button type="button" class="civic-button civic-button--secondary more" @click=${onMore}>
          ${t('requestMapShowMore', { count: Math.min(rest, LIST_PAGE) })}
        </button>`
      : nothing}`;
}
