import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { RecordsBackend, RecordsDocument, RecordsEvent, RecordsRequestView } from '../../api/records/client.js';
import { formatDeadlineDate } from '../../api/records/deadlines.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { field, textArea, textInput } from '../../core/forms/field.js';
import { answersStyles } from '../../core/forms/answers-styles.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { stepTitle } from '../../core/forms/pieces.js';
import { registerMessages, type MessageKey } from '../../core/i18n.js';
import { resolveRecordsBackend } from '../../core/records-backend.js';
import { recordsStatusStyles } from './civic-records-status.styles.js';
import { recordsStatusMessages } from './strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

registerMessages(recordsStatusMessages);

declare global {
  interface HTMLElementTagNameMap {
    'civic-records-status': CivicRecordsStatus;
  }
}

type View =
  | { kind: 'lookup' }
  | { kind: 'loading'; tracking: string }
  | { kind: 'found'; request: RecordsRequestView }
  | { kind: 'missing'; tracking: string }
  | { kind: 'failed'; tracking: string; error: unknown };

const STATUS: Record<string, MessageKey> = {
  submitted: 'recordsStatusSubmitted',
  acknowledged: 'recordsStatusAcknowledged',
  clarification_requested: 'recordsStatusClarification',
  fee_estimate: 'recordsStatusFee',
  extended: 'recordsStatusExtended',
  partially_released: 'recordsStatusPartial',
  released: 'recordsStatusReleased',
  denied: 'recordsStatusDenied',
  closed: 'recordsStatusClosed',
  reopened: 'recordsStatusReopened',
};

const EVENT: Record<string, MessageKey> = {
  submitted: 'recordsStatusEventSubmitted',
  acknowledged: 'recordsStatusEventAcknowledged',
  clarification_requested: 'recordsStatusEventClarificationRequested',
  clarification_provided: 'recordsStatusEventClarificationProvided',
  fee_estimate: 'recordsStatusEventFeeEstimate',
  fee_accepted: 'recordsStatusEventFeeAccepted',
  extended: 'recordsStatusEventExtended',
  partially_released: 'recordsStatusEventPartiallyReleased',
  released: 'recordsStatusEventReleased',
  denied: 'recordsStatusEventDenied',
  closed: 'recordsStatusEventClosed',
  reopened: 'recordsStatusEventReopened',
};

/**
 * A requester follows a public-records request on the city's page, through the private link
 * from their confirmation (`?request=R-2026-00012&token=…`): the status in plain words, the
 * date the law gives the city (or that the deadline is on hold while the city waits for
 * them), what the city said, an answer box when the city asked a question, and the released
 * records to download. Without the token it shows what the city made public; without a
 * tracking number, a lookup and the public log's recent requests.
 *
 * A sibling of `<civic-status-tracker>` rather than a mode of it: a records request has its
 * own contract, a private token, a legal clock, documents and a reply, none of which a 311
 * tracker page should pay for.
 *
 * @summary Follow a public-records request: status, deadline, messages, released records.
 * @tagname civic-records-status
 *
 * @csspart status - The status line.
 * @csspart deadline - The due date (or "on hold").
 * @csspart documents - The released records.
 * @csspart timeline - What has happened so far.
 * @csspart reply - The answer form when the city asked a question.
 * @cssprop --civic-form-gap - Space between sections. Default `var(--civic-space-l)`.
 */
export class CivicRecordsStatus extends CivicElement {
  static override properties = {
    recordsEndpoint: { attribute: 'records-endpoint' },
    recordsBackend: { attribute: false },
    trackingNumber: { attribute: 'tracking-number' },
    token: {},
    urlParam: { attribute: 'url-param' },
    tokenParam: { attribute: 'token-param' },
    requestUrl: { attribute: 'request-url' },
    view: { state: true, attribute: false },
    log: { state: true, attribute: false },
    lookup: { state: true, attribute: false },
    reply: { state: true, attribute: false },
    replying: { state: true, attribute: false },
    replyError: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, answersStyles, recordsStatusStyles];

  /** Base URL of the records contract; overrides the hall's `records-endpoint`. */
  recordsEndpoint?: string;

  /** Any `RecordsBackend` (a city's own vendor adapter); wins over `records-endpoint`. */
  recordsBackend?: RecordsBackend;

  /** The tracking number to show; by default read from the page URL (`url-param`). */
  trackingNumber?: string;

  /** The private access token; by default read from the page URL (`token-param`). */
  token?: string;

  /** URL parameter with the tracking number. */
  urlParam = 'request';

  /** URL parameter with the access token. */
  tokenParam = 'token';

  /** Link to a public request from the log: `{tracking}` is filled in. Default: this page with `?request=`. */
  requestUrl?: string;

  private view: View = { kind: 'lookup' };
  private log?: RecordsRequestView[];
  private lookup = '';
  private reply = '';
  private replying = false;
  private replyError?: unknown;

  private readonly summary = new ErrorSummaryController(this);
  private readonly announcer = new AnnouncerController(this);
  private abort?: AbortController;
  private loadedFor?: string;

  private client(): RecordsBackend | undefined {
    return resolveRecordsBackend(this, this.hallConfig, this.locale)?.backend;
  }

  private target(): { tracking?: string; token?: string } {
    const params = new URLSearchParams(location.search);
    return {
      tracking: this.trackingNumber || params.get(this.urlParam)?.trim() || undefined,
      token: this.token || params.get(this.tokenParam) || undefined,
    };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const source = resolveRecordsBackend(this, this.hallConfig, this.locale);
    const { tracking, token } = this.target();
    const key = JSON.stringify([source?.key, tracking, token]);
    if (source && key !== this.loadedFor) {
      this.loadedFor = key;
      void (tracking ? this.load(tracking, token) : this.loadLog());
    }
  }

  private async load(tracking: string, token: string | undefined): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    if (this.view.kind !== 'found' || this.view.request.tracking_number !== tracking) this.view = { kind: 'loading', tracking };
    try {
      const request = await this.client()!.request(tracking, token, abort.signal);
      if (abort.signal.aborted) return;
      this.view = request ? { kind: 'found', request } : { kind: 'missing', tracking };
    } catch (error) {
      if (!abort.signal.aborted) this.view = { kind: 'failed', tracking, error };
    }
  }

  private async loadLog(): Promise<void> {
    this.view = { kind: 'lookup' };
    try {
      this.log = (await this.client()!.publicLog({ pageSize: 10 })).requests;
    } catch {
      // The log is an extra; a city may keep it off. The lookup still works.
      this.log = undefined;
    }
  }

  private find(event: Event): void {
    event.preventDefault();
    const tracking = this.lookup.trim();
    if (!tracking) {
      this.summary.show([{ id: 'lookup', message: this.t('recordsStatusLookupError') }], this.t);
      return;
    }
    this.summary.clear();
    this.trackingNumber = tracking;
  }

  private async sendReply(event: Event, request: RecordsRequestView, acceptFee: boolean): Promise<void> {
    event.preventDefault();
    const { token } = this.target();
    if (!token || this.replying) return;
    if (!acceptFee && !this.reply.trim()) {
      this.summary.show([{ id: 'reply', message: this.t('recordsStatusReplyError') }], this.t);
      return;
    }
    this.summary.clear();
    this.replying = true;
    this.replyError = undefined;
    try {
      const updated = await this.client()!.reply(request.tracking_number, token, this.reply.trim());
      this.view = { kind: 'found', request: updated };
      this.reply = '';
      this.announcer.announce(this.t('recordsStatusReplied'));
    } catch (error) {
      this.replyError = error;
    } finally {
      this.replying = false;
    }
  }

  private date(iso: string): string {
    return formatDeadlineDate(iso, this.locale);
  }

  private money(amount: number | null | undefined): string {
    return this.formatNumber(amount ?? 0, { style: 'currency', currency: 'USD' });
  }

  private deadline(r: RecordsRequestView): TemplateResult {
    const t = this.t;
    let line: string;
    if (r.clock === 'paused') line = t('recordsStatusPaused');
    else if (r.clock === 'none' || (!r.due_date && r.clock !== 'stopped')) line = t('recordsStatusNoDeadline');
    else if (r.due_date) line = r.overdue ? t('recordsStatusOverdue', { date: this.date(r.due_date) }) : t('recordsStatusDue', { date: this.date(r.due_date) });
    else return html``;
    return html`<div class="deadline ${r.overdue ? 'deadline--overdue' : ''}" part="deadline">
      <p class="deadline-line">${line}</p>
      ${r.approximate_date ? html`<p>${t('recordsStatusApproximate', { date: this.date(r.approximate_date) })}</p>` : nothing}
      ${r.due_basis && r.clock === 'running' ? html`<p class="muted">${r.due_basis}</p>` : nothing}
    </div>`;
  }

  private documents(docs: readonly RecordsDocument[]): TemplateResult {
    const t = this.t;
    return html`<section part="documents" aria-labelledby="documents-title">
      <h3 id="documents-title">${t('recordsStatusDocuments')}</h3>
      ${docs.length
        ? html`<ul class="documents">
            ${docs.map(
              (d) => html`<li>
                <a href=${d.url} download=${d.name}>${d.name}</a>
                <span class="muted">(${this.formatNumber(Math.max(1, Math.round(d.size / 1024)), { style: 'unit', unit: 'kilobyte' })}${d.public ? '' : `, ${t('recordsStatusPrivateDocument')}`})</span>
              </li>`,
            )}
          </ul>`
        : html`<p>${t('recordsStatusNoDocuments')}</p>`}
    </section>`;
  }

  private eventLine(e: RecordsEvent): TemplateResult {
    const t = this.t;
    const key = EVENT[e.type];
    const what = key ? t(key, { amount: this.money(e.fee_amount) }) : e.type;
    return html`<li>
      <p><strong>${what}</strong> <span class="muted">${this.formatDate(e.datetime, { dateStyle: 'long' })}</span></p>
      ${e.message ? html`<p class="message">${e.message}</p>` : nothing}
      ${e.reason ? html`<p class="message">${t('recordsStatusReason', { reason: e.reason })}</p>` : nothing}
    </li>`;
  }

  private replyForm(r: RecordsRequestView): TemplateResult | typeof nothing {
    if (!r.waiting_for || !this.target().token) return nothing;
    const t = this.t;
    if (r.waiting_for === 'fee') {
      return html`<form part="reply" novalidate @submit=${(e: Event) => void this.sendReply(e, r, true)}>
        ${this.replyError ? errorPanel(t, this.replyError) : nothing}
        <button type="submit" class="civic-button" aria-disabled=${this.replying ? 'true' : 'false'}>${t('recordsStatusAcceptFee')}</button>
      </form>`;
    }
    return html`<form part="reply" novalidate @submit=${(e: Event) => void this.sendReply(e, r, false)}>
      ${field(t, { id: 'reply', label: t('recordsStatusReplyLabel'), ...(this.summary.errorFor('reply') ? { error: this.summary.errorFor('reply')! } : {}) }, (p) =>
        textArea(p, { value: this.reply, rows: 4, required: true, onInput: (v) => (this.reply = v) }),
      )}
      ${this.replyError ? errorPanel(t, this.replyError) : nothing}
      <button type="submit" class="civic-button" aria-disabled=${this.replying ? 'true' : 'false'}>${t('recordsStatusReplySubmit')}</button>
    </form>`;
  }

  private found(r: RecordsRequestView): TemplateResult {
    const t = this.t;
    const status = STATUS[r.status] ? t(STATUS[r.status]!) : t('recordsStatusOther', { status: r.status });
    return html`${stepTitle(t('recordsStatusTitle', { tracking: r.tracking_number }))}
      <p class="status" part="status"><strong>${status}</strong></p>
      ${this.deadline(r)} ${this.replyForm(r)}
      <dl class="facts">
        <dt>${t('recordsStatusDescription')}</dt>
        <dd>${r.request_description}</dd>
        ${r.department ? html`<dt>${t('recordsStatusDepartment')}</dt><dd>${r.department.name}</dd>` : nothing}
        <dt>${t('recordsStatusReceived')}</dt>
        <dd>${this.date(r.received_date)}</dd>
      </dl>
      ${this.documents(r.documents)}
      <section part="timeline" aria-labelledby="timeline-title">
        <h3 id="timeline-title">${t('recordsStatusTimeline')}</h3>
        <ol class="timeline">${[...r.timeline].reverse().map((e) => this.eventLine(e))}</ol>
      </section>`;
  }

  private lookupForm(): TemplateResult {
    const t = this.t;
    return html`${stepTitle(t('recordsStatusLookupTitle'))}
      <form novalidate @submit=${(e: Event) => this.find(e)}>
        ${field(t, { id: 'lookup', label: t('recordsStatusLookupLabel'), hint: t('recordsStatusLookupHint'), ...(this.summary.errorFor('lookup') ? { error: this.summary.errorFor('lookup')! } : {}) }, (p) =>
          textInput(p, { value: this.lookup, spellcheck: false, autocomplete: 'off', onInput: (v) => (this.lookup = v) }),
        )}
        <p class="muted">${t('recordsStatusLookupPrivate')}</p>
        <button type="submit" class="civic-button">${t('recordsStatusLookupSubmit')}</button>
      </form>
      ${this.log
        ? html`<h3>${t('recordsStatusLogTitle')}</h3>
            ${this.log.length
              ? html`<ul class="log">
                  ${this.log.map((r) => {
                    const href = this.requestUrl ? this.requestUrl.replaceAll('{tracking}', encodeURIComponent(r.tracking_number)) : `?${this.urlParam}=${encodeURIComponent(r.tracking_number)}`;
                    return html`<li><a href=${href}>${r.tracking_number}</a>: ${r.request_description.length > 140 ? `${r.request_description.slice(0, 140)}…` : r.request_description}
                      <span class="muted">(${STATUS[r.status] ? t(STATUS[r.status]!) : r.status})</span></li>`;
                  })}
                </ul>`
              : html`<p>${t('recordsStatusLogEmpty')}</p>`}`
        : nothing}`;
  }

  protected override render(): unknown {
    if (!this.client()) return html`<p>${this.t('notConfigured')}</p>`;
    const v = this.view;
    const t = this.t;
    const body =
      v.kind === 'lookup'
        ? this.lookupForm()
        : v.kind === 'loading'
          ? html`<p role="status">${t('recordsStatusLoading', { tracking: v.tracking })}</p>`
          : v.kind === 'missing'
            ? html`${stepTitle(t('recordsStatusNotFoundTitle', { tracking: v.tracking }))}<p>${t('recordsStatusNotFound')}</p>`
            : v.kind === 'failed'
              ? html`${stepTitle(t('recordsStatusTitle', { tracking: v.tracking }))}${errorPanel(t, v.error, () => void this.load(v.tracking, this.target().token))}`
              : this.found(v.request);
    return html`<div class="records-status" part="base">${this.summary.render(t)} ${body} ${this.announcer.render()}</div>`;
  }
}
