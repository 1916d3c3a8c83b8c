import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ServiceRequest, ServiceRequestNote } from '../../api/types.js';
import type { CivicConfig } from '../../core/context.js';
import { followOffer } from '../../core/follow.js';
import { registerMessages, type DateInput, type MessageKey, type Translate } from '../../core/i18n.js';
import { mapLabels } from '../../core/map/defaults.js';
import { loadMapKit } from '../../core/map/load.js';
import { requestViewStyles } from './request-view.styles.js';
import { requestEn } from './strings-request.js';

/**
 * What `<civic-status-tracker>` shows once a lookup has an answer: the request (status, expected
 * date, details, photo, map, timeline, the "follow" offer), "still being processed" and "not
 * found", with their words and styles, and what a refresh announces. The element loads this
 * module with its first lookup (and prefetches it right after its first render), so the lookup
 * form is all its first screen costs.
 */

registerMessages({ en: requestEn });

/** What the request view needs of the element. */
export interface RequestViewHost {
  element: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  t: Translate;
  date(value: DateInput, options?: Intl.DateTimeFormatOptions): string;
  relative(value: DateInput): string;
  heading(offset: number, cls: string, part: string, text: string, id?: string): TemplateResult;
  /** Where the "follow" offer and the map get their settings. */
  settings(): { notifyEndpoint: string | undefined; hall: CivicConfig | undefined; tileUrl: string | undefined; tileAttribution: string | undefined };
}

/** A lookup's answer, as the view draws it. */
export type Answer =
  | { kind: 'processing'; ref: string }
  /** `id`: the request's id, also when `ref` was a token. */
  | { kind: 'found'; ref: string; request: ServiceRequest; id: string }
  | { kind: 'not-found'; ref: string };

/** Note types the reference backend (and most CRMs) use, worded in the resident's language. */
const NOTE_TYPE_KEYS: Record<string, MessageKey> = {
  opened: 'trackerNoteOpened',
  assigned: 'trackerNoteAssigned',
  inspected: 'trackerNoteInspected',
  closed: 'trackerNoteClosed',
};

/** The Leaflet map object, typed without importing Leaflet eagerly. */
type LeafletMap = ReturnType<Awaited<ReturnType<typeof loadMapKit>>['createMap']>;

const noteKey = (n: ServiceRequestNote) => `${n.datetime}|${n.type ?? ''}|${n.summary ?? ''}`;

/**
 * Draws a lookup's answer and keeps the request's map: a controller of the tracker, added when
 * this module loads. The map (Leaflet's chunk) loads only once its container is about to be seen.
 */
export class RequestView implements ReactiveController {
  /** The map could not load (offline, blocked): the address says where it is. */
  private mapFailed = false;
  private mapTilesFailed = false;
  private map?: LeafletMap;
  /** Where the map is (being) drawn: "lat,long" of the request shown. */
  private mapAt?: string;
  /** Waits for the map's container to scroll into view: a map nobody sees costs nothing. */
  private mapWatch?: { at: string; container: HTMLElement; observer: IntersectionObserver };
  /** The request drawn last, for `hostUpdated` to put its map in place. */
  private shown?: ServiceRequest;
  private timer?: ReturnType<typeof setTimeout>;
  /** The check waiting for its time (or for the page to become visible again). */
  private pendingCheck?: () => void;
  private readonly onVisibilityChange = (): void => {
    if (!this.pendingCheck) return;
    clearTimeout(this.timer);
    if (document.visibilityState === 'visible') this.runPendingCheck();
  };

  constructor(private readonly host: RequestViewHost) {
    const root = host.element.renderRoot as ShadowRoot;
    const sheet = requestViewStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    host.element.addController(this);
  }

  hostUpdated(): void {
    const container = this.host.element.renderRoot.querySelector<HTMLElement>('.map');
    if (this.map && this.map.getContainer() !== container) this.removeMap();
    const request = container ? this.shown : undefined;
    const at = request?.lat !== undefined && request.long !== undefined ? `${request.lat},${request.long}` : undefined;
    if (container && at && at !== this.mapAt && (this.mapWatch?.at !== at || this.mapWatch.container !== container)) {
      this.showMapWhenVisible(container, request!.lat!, request!.long!, at);
    }
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.schedule(undefined);
    this.removeMap();
  }

  /**
   * Runs `check` in `seconds` (the next check of a token still being processed, or of the request
   * shown), but only while the page is visible: a hidden tab waits, then checks at once when it
   * is shown again. `undefined` cancels the check waiting.
   */
  schedule(check: (() => void) | undefined, seconds = 0): void {
    clearTimeout(this.timer);
    this.pendingCheck = check;
    if (check && document.visibilityState !== 'hidden') this.timer = setTimeout(() => this.runPendingCheck(), Math.max(0, seconds) * 1000);
  }

  private runPendingCheck(): void {
    const check = this.pendingCheck;
    this.pendingCheck = undefined;
    check?.();
  }

  /** A new request is about to be shown: its map starts afresh. */
  reset(): void {
    this.mapFailed = false;
    this.mapTilesFailed = false;
  }

  /** The request's status in plain words. */
  statusWords(request: ServiceRequest): string {
    const t = this.host.t;
    if (request.status === 'open') return t('trackerStatusOpen');
    if (request.status === 'closed') return t('trackerStatusClosed');
    return t('trackerStatusOther', { status: request.status });
  }

  /** What to announce when a lookup's answer is shown. */
  announcement(answer: Answer): string {
    const t = this.host.t;
    if (answer.kind === 'processing') return t('trackerProcessingTitle');
    if (answer.kind === 'not-found') return t('trackerNotFoundTitle', { ref: answer.ref });
    return t('trackerAnnounceFound', { id: answer.id, status: this.statusWords(answer.request) });
  }

  /** What a refresh brought, in words to announce; `undefined` when nothing a resident would notice changed. */
  describeChange(before: ServiceRequest, after: ServiceRequest, id: string): string | undefined {
    const t = this.host.t;
    if (before.status !== after.status) return t('trackerAnnounceStatus', { id, status: this.statusWords(after) });
    const known = new Set((before.notes ?? []).map(noteKey));
    const latest = (after.notes ?? []).filter((n) => !known.has(noteKey(n))).at(-1);
    if (latest) return t('trackerAnnounceNote', { id, note: this.noteTitle(latest) });
    if (before.status_notes !== after.status_notes || before.expected_datetime !== after.expected_datetime) {
      return t('trackerAnnounceUpdated', { id });
    }
    return undefined;
  }

  render(answer: Answer): unknown {
    const { t, heading } = this.host;
    this.shown = answer.kind === 'found' ? answer.request : undefined;
    if (answer.kind === 'found') return this.renderRequest(answer.ref, answer.request);
    if (answer.kind === 'processing') {
      return html`<div class="panel" part="processing">
        ${heading(1, 'panel-title', 'processing-title', t('trackerProcessingTitle'))}
        <p>${t('trackerProcessing')}</p>
        <p class="muted">${t('trackerReferenceIs', { ref: answer.ref })}</p>
      </div>`;
    }
    return html`<div class="panel" part="not-found">
      ${heading(1, 'panel-title', 'not-found-title', t('trackerNotFoundTitle', { ref: answer.ref }))}
      <p>${t('trackerNotFoundCheck')}</p>
      <ul>
        <li>${t('trackerNotFoundFormat')}</li>
        <li>${t('trackerNotFoundRecent')}</li>
      </ul>
      <p>${t('trackerNotFoundCall')}</p>
    </div>`;
  }

  private noteTitle(note: ServiceRequestNote): string {
    const key = note.type ? NOTE_TYPE_KEYS[note.type] : undefined;
    return key ? this.host.t(key) : (note.summary ?? note.type ?? this.host.t('trackerNoteUpdate'));
  }

  /** "March 3, 2025 (3 days ago)" in a `<time>`. */
  private dateAndRelative(iso: string): TemplateResult {
    return html`<time datetime=${iso}>${this.host.date(iso)} (${this.host.relative(iso)})</time>`;
  }

  private renderExpected(request: ServiceRequest): unknown {
    if (request.status === 'closed' || !request.expected_datetime) return nothing;
    const { t, date, relative } = this.host;
    const expected = new Date(request.expected_datetime);
    if (Number.isNaN(expected.getTime())) return nothing;
    const overdue = expected.getTime() < Date.now();
    const sameYear = expected.getFullYear() === new Date().getFullYear();
    const when = date(expected, { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
    return html`<p class="expected ${overdue ? 'expected--overdue' : ''}" part="expected">
      <time class="expected-date" datetime=${request.expected_datetime}>
        ${t(overdue ? 'trackerOverdue' : 'trackerExpected', { date: when })}
      </time>
      <span class="muted">${t(overdue ? 'trackerOverdueDetail' : 'trackerExpectedDetail', { relative: relative(expected) })}</span>
    </p>`;
  }

  private renderDetails(request: ServiceRequest, id: string): TemplateResult {
    const row = (key: MessageKey, value: unknown) => html`<dt>${this.host.t(key)}</dt><dd>${value}</dd>`;
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
    const { t, heading } = this.host;
    const notes = [...request.notes].sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime));
    return html`${heading(2, 'section-title', 'timeline-title', t('trackerTimelineTitle'))}
      ${notes.length === 0
        ? html`<p class="muted">${t('trackerTimelineEmpty')}</p>`
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
    const { t, heading } = this.host;
    const { notifyEndpoint, hall } = this.host.settings();
    const id = request.service_request_id ?? ref;
    const closed = request.status === 'closed';
    const placed = request.lat !== undefined && request.long !== undefined;
    const title = request.service_name ? t('trackerRequestTitle', { service: request.service_name, id }) : t('trackerRequestTitleNoService', { id });
    return html`<section class="request" part="request" aria-labelledby="request-title" data-status=${request.status}>
      ${heading(1, 'request-title', 'request-title', title, 'request-title')}
      <p class="status status--${closed ? 'closed' : request.status === 'open' ? 'open' : 'other'}" part="status">${this.statusWords(request)}</p>
      ${request.status_notes
        ? html`<p class="status-notes" part="status-notes">${request.status_notes}</p>`
        : closed
          ? html`<p class="status-notes" part="status-notes">${t('trackerClosedNoNotes')}</p>`
          : nothing}
      ${this.renderExpected(request)} ${this.renderDetails(request, id)}
      ${closed ? nothing : followOffer('service_request', request.service_request_id, notifyEndpoint, hall)}
      ${request.media_url
        ? html`<figure part="photo"><img src=${request.media_url} alt=${t('trackerPhotoAlt', { id })} loading="lazy" /></figure>`
        : nothing}
      ${placed && (this.mapFailed || this.mapTilesFailed)
        ? html`<p class="map-problem" part="map-problem">${t(request.address ? 'trackerMapFailed' : 'trackerMapFailedNoAddress')}</p>`
        : nothing}
      ${placed && !this.mapFailed ? html`<div class="map" part="map" role="region" aria-label=${t('trackerMapLabel', { id })}></div>` : nothing}
      ${this.renderTimeline(request)}
    </section>`;
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

  /** Draws the location on a small map; Leaflet arrives in its own chunk the first time. */
  private async showMap(container: HTMLElement, lat: number, long: number, at: string): Promise<void> {
    this.removeMap();
    this.mapAt = at;
    const { tileUrl, tileAttribution } = this.host.settings();
    try {
      const kit = await loadMapKit();
      if (this.mapAt !== at || !container.isConnected) return;
      const map = kit.createMap(container, {
        root: this.host.element.renderRoot as ShadowRoot,
        tileUrl,
        attribution: tileAttribution,
        center: [lat, long],
        zoom: 16,
        // Scrolling the page over the map must keep scrolling the page.
        mapOptions: { scrollWheelZoom: false },
        onTilesFailed: (failed) => {
          this.mapTilesFailed = failed;
          this.host.element.requestUpdate();
        },
        labels: mapLabels(this.host.t),
      });
      kit.L.marker([lat, long], { icon: kit.pinIcon, keyboard: false, alt: '' }).addTo(map);
      this.map = map;
      this.mapFailed = false;
    } catch (error) {
      // Offline or blocked: the address above still says where it is.
      console.warn('civic-status-tracker: the map could not load', error);
      if (this.mapAt === at) this.mapFailed = true;
    }
    this.host.element.requestUpdate();
  }

  private removeMap(): void {
    this.mapWatch?.observer.disconnect();
    this.mapWatch = undefined;
    this.map?.remove();
    this.map = undefined;
    this.mapAt = undefined;
  }
}
