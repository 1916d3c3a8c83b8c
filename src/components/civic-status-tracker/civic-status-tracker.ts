import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../../core/headings.js';
import type { CivicBackend } from '../../api/backend.js';
import type { ServiceRequest } from '../../api/types.js';
import type { CivicConfig } from '../../core/context.js';
import { CivicElement } from '../../core/civic-element.js';
import { AnnouncerController } from '../../core/announcer.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { statusTrackerStyles } from './civic-status-tracker.styles.js';
import { lookupMessages } from './strings-lookup.js';
import { registerMessages } from '../../core/i18n.js';
import { formStyles } from '../../core/forms/form-styles.js';
import type { Answer, RequestView, RequestViewHost } from './request-view.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(lookupMessages);

/** Detail of `civic-request-loaded`. */
export interface CivicRequestLoadedDetail {
  serviceRequestId: string;
  request: ServiceRequest;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-status-tracker': CivicStatusTracker;
  }
  interface HTMLElementEventMap {
    'civic-request-loaded': CustomEvent<CivicRequestLoadedDetail>;
  }
}

/** How a reference is looked up: `auto` tries a token-shaped reference as a token first. */
type LookupKind = 'auto' | 'id' | 'token';

/** What the tracker shows below its form: a lookup's answer is drawn by `request-view.ts`. */
type View =
  | { kind: 'idle' }
  | { kind: 'loading'; ref: string }
  | Answer
  | FormView
  | { kind: 'error'; ref: string; error: unknown };

/** A city form's submission found (`form-submission.ts` draws it). */
type FormView = { kind: 'form'; ref: string; status: string; show: () => TemplateResult };

/** GeoReport tokens are opaque, but servers (ours included) hand out UUIDs; ids are usually numbers. */
const TOKEN_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A city form's submission (`BPP-2026-000123`): looked up on the forms backend, whose code loads only then. */
const FORM_REFERENCE = /^[a-z]{2,8}-\d{4}-\d{4,}$/i;

const INPUT_ID = 'reference';

/** A 404 from the backend: the server does not know this token. Duck-typed like `errorPanel`. */
function isNotFound(error: unknown): boolean {
  const e = error as { kind?: unknown; status?: unknown } | null | undefined;
  return e?.kind === 'open311' && e.status === 404;
}

/** What a resident types: spaces and a leading "#" copied from an email are not part of the number. */
function normaliseReference(value: string): string {
  return value.trim().replace(/^#\s*/, '').replace(/\s+/g, '');
}

/**
 * "Where is my request?" A resident types the reference number from their confirmation (or
 * follows the confirmation link) and sees, in plain words, what the city has done, who is
 * handling it and when to expect the fix, with the timeline of updates. It checks again by
 * itself while the page is visible and announces changes politely.
 *
 * Looks a request up by `request-id`, by `token` (a batch server's answer before it has an id:
 * shown as "still being processed" and checked again until it has one), or by the page URL's
 * `?request=` parameter, so `<civic-service-request tracker-url="/track.html?request={id}">`
 * lands on the right request. A token-shaped reference (a UUID) typed in the form is tried as
 * a token first.
 *
 * @summary Status of one 311 request: plain-words status, expected date, timeline, map.
 * @tagname civic-status-tracker
 *
 * @fires {CustomEvent<CivicRequestLoadedDetail>} civic-request-loaded - A request was found and
 * shown, and again whenever a refresh brings a change.
 *
 * @csspart title - The heading above the form.
 * @csspart form - The lookup form.
 * @csspart field - The reference number field (label, hint, error, input).
 * @csspart input - The reference number input.
 * @csspart submit-button - The "Find request" button.
 * @csspart error-summary - Shown when the form is sent empty.
 * @csspart request - The request found (a `section`).
 * @csspart request-title - Its heading: service name and reference number.
 * @csspart status - The status in plain words.
 * @csspart status-notes - The city's explanation of the status.
 * @csspart expected - The expected date panel (also when overdue).
 * @csspart details - The list of details (who, when, where).
 * @csspart photo - The photo sent with the request.
 * @csspart map - The map of the location (loaded lazily with Leaflet; the address is always shown as text).
 * @csspart map-problem - Says the map could not load (offline, blocked), pointing to the address.
 * @csspart timeline-title - The heading above the updates.
 * @csspart timeline - The list of updates.
 * @csspart processing - "Still being processed" panel.
 * @csspart processing-title - Its heading.
 * @csspart not-found - "We couldn't find…" panel.
 * @csspart not-found-title - Its heading.
 * @csspart error-panel - Shown when the backend cannot be reached, with a retry button.
 * @csspart retry-button - The "Try again" button.
 * @csspart follow - "Email me (or text me) when this changes" under an open request (a `<civic-follow>`, loaded on demand).
 *
 * @cssprop --civic-status-tracker-gap - Space between sections. Default `var(--civic-space-m)`.
 * @cssprop --civic-status-tracker-open-color - Open status, expected date accent. Default `var(--civic-color-primary)`.
 * @cssprop --civic-status-tracker-closed-color - Closed status. Default `#00703c`.
 * @cssprop --civic-status-tracker-overdue-color - Overdue date. Default `var(--civic-color-error)`.
 * @cssprop --civic-status-tracker-expected-background - Expected date panel. Default `#f3f2f1`.
 * @cssprop --civic-status-tracker-photo-max-width - Widest the photo is shown. Default `24rem`.
 * @cssprop --civic-status-tracker-map-height - Height of the map. Default `14rem`.
 */
export class CivicStatusTracker extends CivicElement {
  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    requestId: { attribute: 'request-id' },
    notifyEndpoint: { attribute: 'notify-endpoint' },
    token: {},
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
    processingInterval: { type: Number, attribute: 'processing-interval' },
    urlParam: { attribute: 'url-param' },
    formsEndpoint: { attribute: 'forms-endpoint' },
    tileUrl: { attribute: 'tile-url' },
    tileAttribution: { attribute: 'tile-attribution' },
    query: { state: true, attribute: false },
    view: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, statusTrackerStyles];

  /** Level of the tracker's heading (1–4); the request's heading is one below, its sections two below. */
  headingLevel = 2;

  /** Show this request (its service request id) without a lookup by the resident. */
  requestId?: string;

  /** Base URL of the notifications contract: an open request offers "Email me when this changes". Overrides the hall's. */
  notifyEndpoint?: string;

  /** Show the request a batch server's token stands for (checked again until it has an id). */
  token?: string;

  /** Seconds between checks for news while the request is shown and the page visible; 0 turns it off. */
  refreshInterval = 60;

  /** Seconds between checks of a token that has no request id yet. */
  processingInterval = 10;

  /**
   * Query parameter of the page URL that holds the reference (`/track.html?request=1234`). A
   * lookup from the form writes it back (`history.replaceState`). Empty turns both off.
   */
  urlParam = 'request';

  /** Base URL of the forms contract (`/forms/v1`), for form references; overrides the hall's `forms-endpoint`. */
  formsEndpoint?: string;

  /** Tile URL template of the map. Default OpenStreetMap's (or the hall's `tile-url`). */
  tileUrl?: string;

  /** Attribution HTML for `tile-url`'s tiles (the page author's text, never backend data). */
  tileAttribution?: string;

  /** What the input holds: kept as typed, whatever happens to the lookup. */
  private query = '';
  private view: View = { kind: 'idle' };

  private current?: { ref: string; kind: LookupKind };
  private runId = 0;
  private readonly announcer = new AnnouncerController(this);
  private readonly summary = new ErrorSummaryController(this, { id: 'tracker-error-summary' });
  /** Draws a lookup's answer (`request-view.ts`): loaded right after the first render, or with the first lookup. */
  private requestView?: RequestView;
  private requestViewLoading?: Promise<RequestView>;

  protected override ownConfig(): Partial<CivicConfig> {
    return { ...super.ownConfig(), tileUrl: this.tileUrl };
  }

  protected override firstUpdated(): void {
    // Fetched while the resident reads the form, so an answer never waits for the code that shows it.
    if (this.backend) this.loadRequestView().catch(() => undefined);
  }

  protected override configChanged(): void {
    const next = this.current ?? this.initialReference();
    if (next) void this.lookup(next.ref, next.kind);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!Number.isInteger(this.headingLevel) || this.headingLevel < 1 || this.headingLevel > 4) this.headingLevel = 2;
    if (!this.hasUpdated) return;
    if ((changed.has('requestId') && this.requestId) || (changed.has('token') && this.token)) {
      const next = this.token && changed.has('token') ? { ref: this.token, kind: 'token' as const } : { ref: this.requestId!, kind: 'id' as const };
      this.query = next.ref;
      void this.lookup(next.ref, next.kind);
    } else if (changed.has('refreshInterval') && this.view.kind === 'found') {
      this.scheduleRefresh();
    }
  }

  /** Looks `reference` up (an id, or a token), as the form does. */
  find(reference: string): Promise<void> {
    this.query = reference;
    return this.lookup(normaliseReference(reference), 'auto');
  }

  /** Asks the backend again for the request shown, announcing a change of status or a new note. */
  async refresh(): Promise<void> {
    const view = this.view;
    const backend = this.backend;
    const requestView = this.requestView;
    if (view.kind !== 'found' || !backend || !requestView) return;
    const run = this.runId;
    const id = view.id;
    try {
      const fresh = await backend.request(id, { extensions: true });
      if (run !== this.runId || !fresh) return;
      const change = requestView.describeChange(view.request, fresh, id);
      this.view = { ...view, request: fresh };
      if (change) {
        void this.announcer.announce(change);
        this.emit('civic-request-loaded', { serviceRequestId: id, request: fresh });
      }
    } catch {
      // A missed check is not news: the request shown is still the latest we know; try next time.
    } finally {
      if (run === this.runId) this.scheduleRefresh();
    }
  }

  private initialReference(): { ref: string; kind: LookupKind } | undefined {
    if (this.requestId) {
      this.query = this.requestId;
      return { ref: this.requestId, kind: 'id' };
    }
    if (this.token) {
      this.query = this.token;
      return { ref: this.token, kind: 'token' };
    }
    if (!this.urlParam) return undefined;
    const fromUrl = new URLSearchParams(location.search).get(this.urlParam);
    const ref = fromUrl ? normaliseReference(fromUrl) : '';
    if (!ref) return undefined;
    this.query = fromUrl!;
    return { ref, kind: 'auto' };
  }

  /** The code that draws a lookup's answer, once per tracker; a failed fetch (offline) is tried again next time. */
  private loadRequestView(): Promise<RequestView> {
    this.requestViewLoading ??= import('./request-view.js').then(
      ({ RequestView }) => (this.requestView = new RequestView(this.viewHost())),
      (error: unknown) => {
        this.requestViewLoading = undefined;
        throw error;
      },
    );
    return this.requestViewLoading;
  }

  /** What `request-view.ts` needs of the element. */
  private viewHost(): RequestViewHost {
    return {
      element: this,
      t: this.t,
      date: (value, options) => this.formatDate(value, options),
      relative: (value) => this.formatRelative(value),
      heading: (offset, cls, part, text, id) => this.heading(offset, cls, part, text, id),
      settings: () => ({ notifyEndpoint: this.notifyEndpoint, hall: this.hallConfig, tileUrl: this.config.tileUrl, tileAttribution: this.tileAttribution }),
    };
  }

  /**
   * Shows `ref`. `quiet` checks (a token still being processed) keep what is shown until there
   * is news, and a failure of one does not replace it.
   */
  private async lookup(ref: string, kind: LookupKind, quiet = false): Promise<void> {
    const backend = this.backend;
    this.current = { ref, kind };
    if (!backend) return;
    const run = ++this.runId;
    this.requestView?.schedule(undefined);
    if (!quiet) {
      this.view = { kind: 'loading', ref };
      this.announcer.clear();
    }
    try {
      const [answer, requestView] = await Promise.all([this.ask(backend, ref, kind), this.loadRequestView()]);
      if (run !== this.runId) return;
      if (answer.kind === 'processing') {
        requestView.schedule(() => void this.lookup(ref, kind, true), this.processingInterval);
        if (quiet) return;
      }
      if (answer.kind === 'found') requestView.reset();
      this.view = answer;
      void this.announcer.announce(answer.kind === 'form' ? `${ref}: ${answer.status}` : requestView.announcement(answer));
      if (answer.kind === 'found') {
        this.emit('civic-request-loaded', { serviceRequestId: answer.id, request: answer.request });
        this.scheduleRefresh();
      }
    } catch (error) {
      if (run !== this.runId) return;
      // A quiet check runs only once the view (and its scheduler) is there.
      if (quiet) this.requestView?.schedule(() => void this.lookup(ref, kind, true), this.processingInterval);
      else this.view = { kind: 'error', ref, error };
    }
  }

  /** What the backends know of `ref`: a city form's submission, a request (by id or token), or nothing. */
  private async ask(backend: CivicBackend, ref: string, kind: LookupKind): Promise<Answer | FormView> {
    if (FORM_REFERENCE.test(ref) && (this.formsEndpoint || this.hallConfig?.formsEndpoint || this.hallConfig?.formsBackend)) {
      const { findFormSubmission } = await import('./form-submission.js');
      const heading = (text: string) => this.heading(1, 'request-title', 'request-title', text);
      const found = await findFormSubmission(this, this.hallConfig, this.locale, ref, { t: this.t, date: (iso) => this.formatDate(iso), heading });
      if (found) return { kind: 'form', ref, ...found };
    }
    let id: string | undefined = ref;
    if (kind === 'token' || (kind === 'auto' && TOKEN_SHAPE.test(ref))) {
      const resolved = await this.resolveToken(backend, ref);
      if (resolved === undefined) return { kind: 'processing', ref };
      // A token-shaped reference may still be a request id on some servers.
      id = resolved !== 'unknown' ? resolved : kind === 'auto' ? ref : undefined;
    }
    const request = id === undefined ? undefined : await backend.request(id, { extensions: true });
    return request ? { kind: 'found', ref, request, id: request.service_request_id ?? id! } : { kind: 'not-found', ref };
  }

  /** The id a token stands for; `undefined` while the server has none yet; `'unknown'` for a token it never gave. */
  private async resolveToken(backend: CivicBackend, token: string): Promise<string | undefined> {
    try {
      return await backend.requestIdForToken(token);
    } catch (error) {
      if (isNotFound(error)) return 'unknown';
      throw error;
    }
  }

  /** Checks again for news in `refresh-interval` seconds (none with 0): there is a request to check only once its view has loaded. */
  private scheduleRefresh(): void {
    this.requestView?.schedule(this.refreshInterval > 0 ? () => void this.refresh() : undefined, this.refreshInterval);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const ref = normaliseReference(this.query);
    if (!ref) {
      this.summary.show([{ id: INPUT_ID, message: this.t('trackerErrorEmpty') }], this.t);
      return;
    }
    this.summary.clear();
    this.writeUrl(ref);
    void this.lookup(ref, 'auto');
  }

  private writeUrl(ref: string): void {
    if (!this.urlParam) return;
    const url = new URL(location.href);
    url.searchParams.set(this.urlParam, ref);
    history.replaceState(history.state, '', url);
  }

  private heading(offset: number, cls: string, part: string, text: string, id?: string): TemplateResult {
    const tag = headingTag(this.headingLevel + offset);
    return staticHtml`<${tag} class=${cls} part=${part} id=${id ?? nothing}>${text}</${tag}>`;
  }

  /**
   * The one field, drawn here rather than with the form engine's `field()`: the same markup and
   * classes (label, hint, inline error prefixed "Error:", `aria-describedby`), for a fraction of
   * the bytes the general field (and its directives) would add to this page.
   */
  private renderForm(): TemplateResult {
    const error = this.summary.errorFor(INPUT_ID);
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <div class="civic-field ${error ? 'civic-field--error' : ''}" part="field">
        <label class="civic-label" for="reference" part="label">${this.t('trackerLabel')}</label>
        <div class="civic-hint" id="reference-hint">${this.t('trackerHint')}</div>
        ${error
          ? html`<p class="civic-error-message" id="reference-error">
              <span class="civic-visually-hidden">${this.t('errorPrefix')}</span> ${error}
            </p>`
          : nothing}
        <input
          class="civic-input ${error ? 'civic-input--error' : ''}"
          id="reference"
          name="reference"
          type="text"
          .value=${this.query}
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${error ? 'reference-hint reference-error' : 'reference-hint'}
          aria-invalid=${error ? 'true' : nothing}
          part="input"
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="civic-button" part="submit-button">${this.t('trackerSubmit')}</button>
    </form>`;
  }

  private renderResult(): unknown {
    const view = this.view;
    switch (view.kind) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p role="status">${this.t('trackerLoading', { ref: view.ref })}</p>`;
      case 'error':
        return errorPanel(this.t, view.error, () => void this.lookup(view.ref, this.current?.kind ?? 'auto'));
      case 'form':
        return view.show();
      default:
        // An answer is shown only once its view has loaded (see `lookup`).
        return this.requestView!.render(view);
    }
  }

  protected override render(): unknown {
    if (!this.backend) return html`${this.heading(0, 'title', 'title', this.t('trackerTitle'))}<p>${this.t('notConfigured')}</p>`;
    return html`${this.heading(0, 'title', 'title', this.t('trackerTitle'))} ${this.summary.render(this.t)} ${this.renderForm()}
      ${this.renderResult()} ${this.announcer.render()}`;
  }
}
