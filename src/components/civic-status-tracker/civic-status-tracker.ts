import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { html as staticHtml } from 'lit/static-html.js';
import { headingTag } from '../../core/headings.js';
import type { CivicBackend } from '../../api/backend.js';
import type { ServiceRequest, ServiceRequestNote } from '../../api/types.js';
import type { CivicConfig } from '../../core/context.js';
import { CivicElement } from '../../core/civic-element.js';
import { AnnouncerController } from '../../core/announcer.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { field, textInput } from '../../core/forms/field.js';
import type { MessageKey } from '../../core/i18n.js';
import { mapLabels } from '../../core/map/defaults.js';
import { loadMapKit } from '../../core/map/load.js';
import { statusTrackerStyles } from './civic-status-tracker.styles.js';
import { statusTrackerMessages } from './strings.js';
import { registerMessages } from '../../core/i18n.js';
import { followOffer } from '../../core/follow.js';
import { formStyles } from '../../core/forms/form-styles.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(statusTrackerMessages);

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

/** What the tracker shows below its form. */
type View =
  | { kind: 'idle' }
  | { kind: 'loading'; ref: string }
  | { kind: 'processing'; ref: string }
  | { kind: 'found'; ref: string; request: ServiceRequest }
  | { kind: 'form'; ref: string; show: () => TemplateResult }
  | { kind: 'not-found'; ref: string }
  | { kind: 'error'; ref: string; error: unknown };

/** GeoReport tokens are opaque, but servers (ours included) hand out UUIDs; ids are usually numbers. */
const TOKEN_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A city form's submission (`BPP-2026-000123`): looked up on the forms backend, whose code loads only then. */
const FORM_REFERENCE = /^[a-z]{2,8}-\d{4}-\d{4,}$/i;

/** Note types the reference backend (and most CRMs) use, worded in the resident's language. */
const NOTE_TYPE_KEYS: Record<string, MessageKey> = {
  opened: 'trackerNoteOpened',
  assigned: 'trackerNoteAssigned',
  inspected: 'trackerNoteInspected',
  closed: 'trackerNoteClosed',
};

const INPUT_ID = 'reference';

/** The Leaflet map object, typed without importing Leaflet eagerly. */
type LeafletMap = ReturnType<Awaited<ReturnType<typeof loadMapKit>>['createMap']>;

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
  static override styles = [...(CivicElement.styles as []), formStyles, statusTrackerStyles];

  /** Level of the tracker's heading (1–4); the request's heading is one below, its sections two below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Show this request (its service request id) without a lookup by the resident. */
  @property({ attribute: 'request-id' }) requestId?: string;

  /** Base URL of the notifications contract: an open request offers "Email me when this changes". Overrides the hall's. */
  @property({ attribute: 'notify-endpoint' }) notifyEndpoint?: string;

  /** Show the request a batch server's token stands for (checked again until it has an id). */
  @property() token?: string;

  /** Seconds between checks for news while the request is shown and the page visible; 0 turns it off. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 60;

  /** Seconds between checks of a token that has no request id yet. */
  @property({ type: Number, attribute: 'processing-interval' }) processingInterval = 10;

  /**
   * Query parameter of the page URL that holds the reference (`/track.html?request=1234`). A
   * lookup from the form writes it back (`history.replaceState`). Empty turns both off.
   */
  @property({ attribute: 'url-param' }) urlParam = 'request';

  /** Base URL of the forms contract (`/forms/v1`), for form references; overrides the hall's `forms-endpoint`. */
  @property({ attribute: 'forms-endpoint' }) formsEndpoint?: string;

  /** Tile URL template of the map. Default OpenStreetMap's (or the hall's `tile-url`). */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Attribution HTML for `tile-url`'s tiles (the page author's text, never backend data). */
  @property({ attribute: 'tile-attribution' }) tileAttribution?: string;

  /** What the input holds: kept as typed, whatever happens to the lookup. */
  @state() private query = '';
  @state() private view: View = { kind: 'idle' };
  @state() private mapFailed = false;
  @state() private mapTilesFailed = false;

  private current?: { ref: string; kind: LookupKind };
  private runId = 0;
  private timer?: ReturnType<typeof setTimeout>;
  /** The check waiting for its time (or for the page to become visible again). */
  private pendingCheck?: () => void;
  private readonly announcer = new AnnouncerController(this);
  private readonly summary = new ErrorSummaryController(this, { id: 'tracker-error-summary' });
  private map?: LeafletMap;
  /** Where the map is (being) drawn: "lat,long" of the request shown. */
  private mapAt?: string;
  /** Waits for the map's container to scroll into view: a map nobody sees costs nothing. */
  private mapWatch?: { at: string; container: HTMLElement; observer: IntersectionObserver };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.stopChecks();
    this.removeMap();
  }

  protected override ownConfig(): Partial<CivicConfig> {
    return { ...super.ownConfig(), tileUrl: this.tileUrl };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const container = this.renderRoot.querySelector<HTMLElement>('.map');
    if (this.map && this.map.getContainer() !== container) this.removeMap();
    const request = this.view.kind === 'found' ? this.view.request : undefined;
    const at = request?.lat !== undefined && request.long !== undefined ? `${request.lat},${request.long}` : undefined;
    if (container && at && at !== this.mapAt && (this.mapWatch?.at !== at || this.mapWatch.container !== container)) {
      this.showMapWhenVisible(container, request!.lat!, request!.long!, at);
    }
  }

  /** Starts loading the map (and Leaflet's chunk) only once its container is about to be seen. */
  private showMapWhenVisible(container: HTMLElement, lat: number, long: number, at: string): void {
    this.mapWatch?.observer.disconnect();
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        this.mapWatch = undefined;
        void this.showMap(container, lat, long, at);
      },
      { rootMargin: '200px' },
    );
    this.mapWatch = { at, container, observer };
    observer.observe(container);
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
    if (view.kind !== 'found' || !backend) return;
    const run = this.runId;
    const id = view.request.service_request_id ?? view.ref;
    try {
      const fresh = await backend.request(id, { extensions: true });
      if (run !== this.runId || !fresh) return;
      const change = this.describeChange(view.request, fresh, id);
      this.view = { kind: 'found', ref: view.ref, request: fresh };
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

  /**
   * Shows `ref`. `quiet` checks (a token still being processed) keep what is shown until there
   * is news, and a failure of one does not replace it.
   */
  private async lookup(ref: string, kind: LookupKind, quiet = false): Promise<void> {
    const backend = this.backend;
    this.current = { ref, kind };
    if (!backend) return;
    const run = ++this.runId;
    this.stopChecks();
    if (!quiet) {
      this.view = { kind: 'loading', ref };
      this.announcer.clear();
    }
    try {
      if (FORM_REFERENCE.test(ref) && (this.formsEndpoint || this.hallConfig?.formsEndpoint || this.hallConfig?.formsBackend)) {
        const { findFormSubmission } = await import('./form-submission.js');
        const heading = (text: string) => this.heading(1, 'request-title', 'request-title', text);
        const found = await findFormSubmission(this, this.hallConfig, this.locale, ref, { t: this.t, date: (iso) => this.formatDate(iso), heading });
        if (run !== this.runId) return;
        if (found) {
          this.view = { kind: 'form', ref, show: found.show };
          void this.announcer.announce(`${ref}: ${found.status}`);
          return;
        }
      }
      let id: string | undefined = ref;
      if (kind === 'token' || (kind === 'auto' && TOKEN_SHAPE.test(ref))) {
        const resolved = await this.resolveToken(backend, ref);
        if (run !== this.runId) return;
        if (resolved === 'unknown') {
          // A token-shaped reference may still be a request id on some servers.
          id = kind === 'auto' ? ref : undefined;
        } else if (resolved === undefined) {
          if (!quiet) {
            this.view = { kind: 'processing', ref };
            void this.announcer.announce(this.t('trackerProcessingTitle'));
          }
          this.schedule(() => void this.lookup(ref, kind, true), this.processingInterval);
          return;
        } else {
          id = resolved;
        }
      }
      const request = id === undefined ? undefined : await backend.request(id, { extensions: true });
      if (run !== this.runId) return;
      if (!request) {
        this.view = { kind: 'not-found', ref };
        void this.announcer.announce(this.t('trackerNotFoundTitle', { ref }));
        return;
      }
      const serviceRequestId = request.service_request_id ?? id!;
      this.mapFailed = false;
      this.mapTilesFailed = false;
      this.view = { kind: 'found', ref, request };
      void this.announcer.announce(
        this.t('trackerAnnounceFound', { id: serviceRequestId, status: this.statusWords(request) }),
      );
      this.emit('civic-request-loaded', { serviceRequestId, request });
      this.scheduleRefresh();
    } catch (error) {
      if (run !== this.runId) return;
      if (quiet) this.schedule(() => void this.lookup(ref, kind, true), this.processingInterval);
      else this.view = { kind: 'error', ref, error };
    }
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

  /** Draws the location on a small map; Leaflet arrives in its own chunk the first time. */
  private async showMap(container: HTMLElement, lat: number, long: number, at: string): Promise<void> {
    this.removeMap();
    this.mapAt = at;
    try {
      const kit = await loadMapKit();
      if (this.mapAt !== at || !container.isConnected) return;
      const map = kit.createMap(container, {
        root: this.renderRoot as ShadowRoot,
        tileUrl: this.config.tileUrl,
        attribution: this.tileAttribution,
        center: [lat, long],
        zoom: 16,
        // Scrolling the page over the map must keep scrolling the page.
        mapOptions: { scrollWheelZoom: false },
        onTilesFailed: (failed) => (this.mapTilesFailed = failed),
        labels: mapLabels(this.t),
      });
      kit.L.marker([lat, long], { icon: kit.pinIcon, keyboard: false, alt: '' }).addTo(map);
      this.map = map;
      this.mapFailed = false;
    } catch (error) {
      // Offline or blocked: the address above still says where it is.
      console.warn('civic-status-tracker: the map could not load', error);
      if (this.mapAt === at) this.mapFailed = true;
    }
  }

  private removeMap(): void {
    this.mapWatch?.observer.disconnect();
    this.mapWatch = undefined;
    this.map?.remove();
    this.map = undefined;
    this.mapAt = undefined;
  }

  private describeChange(before: ServiceRequest, after: ServiceRequest, id: string): string | undefined {
    if (before.status !== after.status) return this.t('trackerAnnounceStatus', { id, status: this.statusWords(after) });
    const known = new Set((before.notes ?? []).map((n) => `${n.datetime}|${n.type ?? ''}|${n.summary ?? ''}`));
    const added = (after.notes ?? []).filter((n) => !known.has(`${n.datetime}|${n.type ?? ''}|${n.summary ?? ''}`));
    const latest = added.at(-1);
    if (latest) return this.t('trackerAnnounceNote', { id, note: this.noteTitle(latest) });
    if (before.status_notes !== after.status_notes || before.expected_datetime !== after.expected_datetime) {
      return this.t('trackerAnnounceUpdated', { id });
    }
    return undefined;
  }

  private scheduleRefresh(): void {
    if (this.refreshInterval > 0) this.schedule(() => void this.refresh(), this.refreshInterval);
    else this.stopChecks();
  }

  /** Runs `check` in `seconds`, but only while the page is visible: a hidden tab waits, then checks at once. */
  private schedule(check: () => void, seconds: number): void {
    clearTimeout(this.timer);
    this.pendingCheck = check;
    if (document.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => this.runPendingCheck(), Math.max(0, seconds) * 1000);
  }

  private runPendingCheck(): void {
    const check = this.pendingCheck;
    this.pendingCheck = undefined;
    check?.();
  }

  private stopChecks(): void {
    clearTimeout(this.timer);
    this.pendingCheck = undefined;
  }

  private readonly onVisibilityChange = (): void => {
    if (!this.pendingCheck) return;
    clearTimeout(this.timer);
    if (document.visibilityState === 'visible') this.runPendingCheck();
  };

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

  private statusWords(request: ServiceRequest): string {
    if (request.status === 'open') return this.t('trackerStatusOpen');
    if (request.status === 'closed') return this.t('trackerStatusClosed');
    return this.t('trackerStatusOther', { status: request.status });
  }

  private noteTitle(note: ServiceRequestNote): string {
    const key = note.type ? NOTE_TYPE_KEYS[note.type] : undefined;
    return key ? this.t(key) : (note.summary ?? note.type ?? this.t('trackerNoteUpdate'));
  }

  private heading(offset: number, cls: string, part: string, text: string, id?: string): TemplateResult {
    const tag = headingTag(this.headingLevel + offset);
    return staticHtml`<${tag} class=${cls} part=${part} id=${id ?? nothing}>${text}</${tag}>`;
  }

  /** "March 3, 2025 (3 days ago)" in a `<time>`. */
  private dateAndRelative(iso: string): TemplateResult {
    return html`<time datetime=${iso}>${this.formatDate(iso)} (${this.formatRelative(iso)})</time>`;
  }

  private renderForm(): TemplateResult {
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${field(
        this.t,
        { id: INPUT_ID, label: this.t('trackerLabel'), hint: this.t('trackerHint'), error: this.summary.errorFor(INPUT_ID) },
        (props) =>
          textInput(props, {
            name: 'reference',
            value: this.query,
            autocomplete: 'off',
            spellcheck: false,
            onInput: (value) => (this.query = value),
          }),
      )}
      <button type="submit" class="civic-button" part="submit-button">${this.t('trackerSubmit')}</button>
    </form>`;
  }

  private renderExpected(request: ServiceRequest): unknown {
    if (request.status === 'closed' || !request.expected_datetime) return nothing;
    const expected = new Date(request.expected_datetime);
    if (Number.isNaN(expected.getTime())) return nothing;
    const overdue = expected.getTime() < Date.now();
    const sameYear = expected.getFullYear() === new Date().getFullYear();
    const date = this.formatDate(expected, { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
    return html`<p class="expected ${overdue ? 'expected--overdue' : ''}" part="expected">
      <time class="expected-date" datetime=${request.expected_datetime}>
        ${this.t(overdue ? 'trackerOverdue' : 'trackerExpected', { date })}
      </time>
      <span class="muted">${this.t(overdue ? 'trackerOverdueDetail' : 'trackerExpectedDetail', { relative: this.formatRelative(expected) })}</span>
    </p>`;
  }

  private renderDetails(request: ServiceRequest, id: string): TemplateResult {
    const row = (key: MessageKey, value: unknown) => html`<dt>${this.t(key)}</dt><dd>${value}</dd>`;
    return html`<dl part="details">
      ${row('trackerReference', id)}
      ${request.agency_responsible ? row('trackerAgency', request.agency_responsible) : nothing}
      ${request.requested_datetime ? row('trackerRequested', this.dateAndRelative(request.requested_datetime)) : nothing}
      ${request.updated_datetime ? row('trackerUpdated', this.dateAndRelative(request.updated_datetime)) : nothing}
      ${request.address ? row('trackerAddress', request.address) : nothing}
      ${request.description ? row('trackerDescription', request.description) : nothing}
    </dl>`;
  }

  private renderTimeline(request: ServiceRequest): unknown {
    if (!request.notes) return nothing;
    const notes = [...request.notes].sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime));
    return html`${this.heading(2, 'section-title', 'timeline-title', this.t('trackerTimelineTitle'))}
      ${notes.length === 0
        ? html`<p class="muted">${this.t('trackerTimelineEmpty')}</p>`
        : html`<ol class="timeline" part="timeline">
            ${notes.map(
              (note) => html`<li data-type=${note.type ?? nothing}>
                <span class="note-title">${this.noteTitle(note)}</span>
                ${this.dateAndRelative(note.datetime)}
                ${note.description ? html`<p class="note-description">${note.description}</p>` : nothing}
              </li>`,
            )}
          </ol>`}`;
  }

  private renderRequest(ref: string, request: ServiceRequest): TemplateResult {
    const id = request.service_request_id ?? ref;
    const closed = request.status === 'closed';
    const title = request.service_name ? this.t('trackerRequestTitle', { service: request.service_name, id }) : this.t('trackerRequestTitleNoService', { id });
    return html`<section class="request" part="request" aria-labelledby="request-title" data-status=${request.status}>
      ${this.heading(1, 'request-title', 'request-title', title, 'request-title')}
      <p class="status status--${closed ? 'closed' : request.status === 'open' ? 'open' : 'other'}" part="status">${this.statusWords(request)}</p>
      ${request.status_notes
        ? html`<p class="status-notes" part="status-notes">${request.status_notes}</p>`
        : closed
          ? html`<p class="status-notes" part="status-notes">${this.t('trackerClosedNoNotes')}</p>`
          : nothing}
      ${this.renderExpected(request)} ${this.renderDetails(request, id)}
      ${closed ? nothing : followOffer('service_request', request.service_request_id, this.notifyEndpoint, this.hallConfig)}
      ${request.media_url
        ? html`<figure part="photo"><img src=${request.media_url} alt=${this.t('trackerPhotoAlt', { id })} loading="lazy" /></figure>`
        : nothing}
      ${request.lat !== undefined && request.long !== undefined && (this.mapFailed || this.mapTilesFailed)
        ? html`<p class="map-problem" part="map-problem">${this.t(request.address ? 'trackerMapFailed' : 'trackerMapFailedNoAddress')}</p>`
        : nothing}
      ${request.lat !== undefined && request.long !== undefined && !this.mapFailed
        ? html`<div class="map" part="map" role="region" aria-label=${this.t('trackerMapLabel', { id })}></div>`
        : nothing}
      ${this.renderTimeline(request)}
    </section>`;
  }

  private renderResult(): unknown {
    const view = this.view;
    switch (view.kind) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p role="status">${this.t('trackerLoading', { ref: view.ref })}</p>`;
      case 'processing':
        return html`<div class="panel" part="processing">
          ${this.heading(1, 'panel-title', 'processing-title', this.t('trackerProcessingTitle'))}
          <p>${this.t('trackerProcessing')}</p>
          <p class="muted">${this.t('trackerReferenceIs', { ref: view.ref })}</p>
        </div>`;
      case 'not-found':
        return html`<div class="panel" part="not-found">
          ${this.heading(1, 'panel-title', 'not-found-title', this.t('trackerNotFoundTitle', { ref: view.ref }))}
          <p>${this.t('trackerNotFoundCheck')}</p>
          <ul>
            <li>${this.t('trackerNotFoundFormat')}</li>
            <li>${this.t('trackerNotFoundRecent')}</li>
          </ul>
          <p>${this.t('trackerNotFoundCall')}</p>
        </div>`;
      case 'error':
        return errorPanel(this.t, view.error, () => void this.lookup(view.ref, this.current?.kind ?? 'auto'));
      case 'found':
        return this.renderRequest(view.ref, view.request);
      case 'form':
        return view.show();
    }
  }

  protected override render(): unknown {
    if (!this.backend) return html`${this.heading(0, 'title', 'title', this.t('trackerTitle'))}<p>${this.t('notConfigured')}</p>`;
    return html`${this.heading(0, 'title', 'title', this.t('trackerTitle'))} ${this.summary.render(this.t)} ${this.renderForm()}
      ${this.renderResult()} ${this.announcer.render()}`;
  }
}
