import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Service, ServiceDefinition } from '../../api/types.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { DraftController } from '../../core/forms/draft.js';
import { FormFlowController } from '../../core/forms/flow.js';
import { answersStyles } from '../../core/forms/answers-styles.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { renderDraftQuestion } from './steps/draft-question.js';
import { codeList, emptyContact, emptyDraft, type Draft, type StepName } from './model.js';
import { searchServices } from './search.js';
import { serviceRequestStyles } from './civic-service-request.styles.js';
import { renderCategory } from './steps/category.js';
import type { StepContext } from './steps/shared.js';
import type { LaterSteps, RequestHost } from './steps/later.js';
import { loadEmergency, type EmergencyMode } from './emergency.js';
import { serviceRequestMessages } from './strings.js';
import { languageReady, registerMessages } from '../../core/i18n.js';
import { formStyles } from '../../core/forms/form-styles.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(serviceRequestMessages);

let pickerPrefetched = false;
/**
 * While the resident chooses a category, the location step's picker is fetched when the browser
 * is idle, so it is there by the time they reach it (`ensurePicker` then finds it loaded).
 */
function prefetchPicker(): void {
  if (pickerPrefetched || customElements.get('civic-location-picker')) return;
  pickerPrefetched = true;
  const fetchIt = () => void import('../../define/civic-location-picker.js').catch(() => (pickerPrefetched = false));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fetchIt, { timeout: 3000 });
  else setTimeout(fetchIt, 200);
}

/** Detail of `civic-request-submitted`. */
export interface CivicRequestSubmittedDetail {
  serviceRequestId?: string;
  token?: string;
  serviceCode: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-service-request': CivicServiceRequest;
  }
  interface HTMLElementEventMap {
    'civic-request-submitted': CustomEvent<CivicRequestSubmittedDetail>;
  }
}

/**
 * A resident reports a problem, end to end, against an Open311 GeoReport v2 backend: category
 * (search, groups, featured), the service's questions, location, open requests close by ("is it
 * one of these?"), description and photo, contact details per the service's policy, check your
 * answers, and a confirmation with the reference number. Validation on each step with a GOV.UK
 * error summary; a backend's 400 lands on the field it names; a failure keeps everything typed,
 * with a retry that never files twice (`Idempotency-Key`). The report in progress is kept in
 * IndexedDB and restored after a reload; contact details are forgotten once it is sent.
 *
 * @summary Report a problem to the city (Open311 GeoReport v2), step by step.
 * @tagname civic-service-request
 *
 * @fires {CustomEvent<CivicRequestSubmittedDetail>} civic-request-submitted - The backend accepted the report.
 * @fires {CustomEvent<CivicInvalidDetail>} civic-invalid - A step failed validation (cancelable: the default prefixes the page title with "Error:").
 *
 * @csspart step-title - Each step's heading.
 * @csspart emergency-notice - The "for emergencies call 911" notice on the first step.
 * @csspart emergency-mode - During an emergency (discovery's `emergency`): its alert's headline and instruction above the categories, whose storm group comes first.
 * @csspart error-summary - "There is a problem" with links to the fields.
 * @csspart error-panel - The backend failure message with its retry.
 * @csspart continue-button - Each step's Continue.
 * @csspart back-button - Each step's Back.
 * @csspart submit-button - Send the report.
 * @csspart summary-list - The check-your-answers list.
 * @csspart confirmation-panel - The reference number panel.
 * @csspart follow - "Email me (or text me) when this changes" on the confirmation (a `<civic-follow>`).
 * @csspart draft-question - Asked when a link opens another service while a draft exists: continue it, or start a new one.
 *
 * @cssprop --civic-service-request-gap - Space between sections. Default `var(--civic-space-l)`.
 * @cssprop --civic-service-request-max-width - Widest the form grows. Default `40rem`.
 * @cssprop --civic-service-request-panel-color - Confirmation panel background. Default `#00703c`.
 */
export class CivicServiceRequest extends CivicElement {
  static override properties = {
    serviceCodes: { attribute: 'service-codes' },
    featured: {},
    serviceCode: { attribute: 'service-code' },
    serviceParam: { attribute: 'service-param' },
    radius: { type: Number },
    bounds: {},
    tileUrl: { attribute: 'tile-url' },
    geocoderUrl: { attribute: 'geocoder-url' },
    notifyEndpoint: { attribute: 'notify-endpoint' },
    trackerUrl: { attribute: 'tracker-url' },
    contactPolicy: { attribute: 'contact-policy' },
    emergencyNotice: { attribute: 'emergency-notice' },
    noEmergencyNotice: { type: Boolean, attribute: 'no-emergency-notice' },
    draftKey: { attribute: 'draft-key' },
    addressOnly: { type: Boolean, attribute: 'address-only' },
    draftQuestion: { state: true, attribute: false },
    services: { state: true, attribute: false },
    servicesError: { state: true, attribute: false },
    emergencyMode: { state: true, attribute: false },
    definition: { state: true, attribute: false },
    definitionError: { state: true, attribute: false },
    mediaSupported: { state: true, attribute: false },
    query: { state: true, attribute: false },
    pickerLoad: { state: true, attribute: false },
    laterStepsLoad: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, answersStyles, serviceRequestStyles];

  /** Offer only these service codes (space or comma separated). */
  serviceCodes?: string;

  /** Service codes to list first, under "Most reported" (space or comma separated). */
  featured?: string;

  /** Start with this service chosen (e.g. from a services page link). */
  serviceCode?: string;

  /** Read the starting service from this URL query parameter (`?service=POTHOLE`); empty to ignore the URL. */
  serviceParam = 'service';

  /** Metres around the chosen location to look for open requests of the same kind. 0 skips the check. */
  radius = 150;

  /** Map bounds for the location picker: `minLng,minLat,maxLng,maxLat`. */
  bounds?: string;

  /** Map tile URL template for the location picker; overrides the hall's. */
  tileUrl?: string;

  /** Address search (geocoder) URL for the location picker; overrides the hall's. */
  geocoderUrl?: string;

  /** Base URL of the notifications contract: the confirmation offers "Email me when this changes". Overrides the hall's. */
  notifyEndpoint?: string;

  /** Page that shows a request: `{id}` is replaced, e.g. `/track.html?request={id}`. */
  trackerUrl?: string;

  /**
   * Contact policy per service code: `CODE:policy` pairs (`anonymous`, `optional`, `required`),
   * `*` for the rest, e.g. `"*:optional BLIGHT:required"`. The stricter of this and the backend's
   * own `contact_policy` applies.
   */
  contactPolicy?: string;

  /** Text of the emergency notice on the first step; the catalog's by default. */
  emergencyNotice?: string;

  /** Hide the emergency notice (a page that shows its own). */
  noEmergencyNotice = false;

  /** Names the stored draft; set it when one page has two report forms. */
  draftKey?: string;

  /** Whether the location step uses `<civic-location-picker>` (when it is registered) or a typed address. */
  addressOnly = false;

  /** A link asked for this service while a draft about another was stored: ask which to do. */
  private draftQuestion?: string;
  private services?: Service[];
  private servicesError?: unknown;
  /** The emergency in force (emergency mode), shown above the categories. */
  private emergencyMode?: EmergencyMode;
  private definition?: ServiceDefinition;
  private definitionError?: unknown;
  /** Whether the backend takes photos (read by the later steps). */
  protected mediaSupported = false;
  private query = '';
  private pickerLoad: 'idle' | 'loading' | 'failed' = 'idle';
  private laterStepsLoad: 'idle' | 'loading' | 'failed' = 'idle';
  private readonly summary = new ErrorSummaryController(this);
  private readonly announcer = new AnnouncerController(this);
  /** The report in progress, kept in IndexedDB. */
  private readonly store = new DraftController<Draft>(this, {
    key: () => this.storageKey,
    empty: emptyDraft,
    revive: (stored) => ({ ...emptyDraft(), ...stored, contact: { ...emptyContact(), ...stored.contact } }),
    keep: (draft) => draft.step !== 'done',
  });
  private readonly flow = new FormFlowController<StepName>(this, {
    draft: this.store,
    summary: this.summary,
    steps: () => this.stepsInUse(),
    review: 'review',
    t: () => this.t,
    // The nearby check may add a step after the location, so its Continue goes on in order.
    continueInOrder: ['location'],
  });
  /** The steps after the first (see `steps/later.ts`), once their chunk has loaded. */
  private later?: LaterSteps;
  private loadId = 0;
  /** The service whose definition is being fetched, and that fetch (awaited by a second ask). */
  private definitionLoad?: { code: string; done: Promise<void> };

  // ---- configuration ------------------------------------------------------------------------

  protected override ownConfig() {
    return { ...super.ownConfig(), geocoderUrl: this.geocoderUrl, tileUrl: this.tileUrl };
  }

  private get draft(): Draft {
    return this.store.value;
  }

  private get storageKey(): string {
    const c = this.config;
    return `civic-service-request:${this.draftKey ?? `${c.endpoint ?? ''}|${c.jurisdictionId ?? ''}`}`;
  }

  /** Whether the location step shows the map picker (read by the later steps). */
  protected get usePicker(): boolean {
    return !this.addressOnly && customElements.get('civic-location-picker') !== undefined;
  }

  /**
   * Loads `<civic-location-picker>` once the resident is past the first step: the category step
   * does not need it, so the first screen does not wait for it. If it cannot load, the location
   * step asks for a typed address instead.
   */
  private ensurePicker(): void {
    if (this.addressOnly || this.pickerLoad !== 'idle' || customElements.get('civic-location-picker')) return;
    this.pickerLoad = 'loading';
    import('../../define/civic-location-picker.js').then(
      () => (this.pickerLoad = 'idle'),
      () => (this.pickerLoad = 'failed'),
    );
  }

  /**
   * Fetches the steps after the first (see `steps/later.ts`) and their words in the page's
   * language; a failure offers a retry on that step.
   */
  private ensureLaterSteps(): void {
    if (this.later || this.laterStepsLoad === 'loading') return;
    this.laterStepsLoad = 'loading';
    import('./steps/later.js').then(
      async (module) => {
        await languageReady(this.locale);
        // The element's private parts the later steps drive (`RequestHost` names them).
        this.later = new module.LaterSteps(this as unknown as RequestHost);
        // The placeholder heading had focus: give it to the real one.
        if ((this.renderRoot as ShadowRoot).activeElement?.id === 'step-title') this.flow.focus();
        this.laterStepsLoad = 'idle';
      },
      () => (this.laterStepsLoad = 'failed'),
    );
  }

  private renderLaterStepsPending(): TemplateResult {
    const failed = this.laterStepsLoad === 'failed';
    return html`<h2 class="step-title" id="step-title" tabindex="-1">${this.t(failed ? 'errorNetwork' : 'loading')}</h2>
      ${failed
        ? html`<button type="button" class="civic-button" @click=${() => this.ensureLaterSteps()}>${this.t('tryAgain')}</button>`
        : html`<p role="status">${this.t('loading')}</p>`}`;
  }

  private offered(): Service[] | undefined {
    const only = codeList(this.serviceCodes);
    return only.length ? this.services?.filter((s) => only.includes(s.service_code)) : this.services;
  }

  private get service(): Service | undefined {
    return this.services?.find((s) => s.service_code === this.draft.serviceCode);
  }

  private get serviceName(): string {
    return this.service?.service_name ?? this.draft.serviceCode ?? '';
  }

  // ---- loading --------------------------------------------------------------------------------

  protected override configChanged(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    const id = ++this.loadId;
    const backend = this.backend;
    this.services = undefined;
    this.servicesError = undefined;
    // A new backend (or the same one in another language) has its own words for the questions.
    this.definition = undefined;
    this.definitionError = undefined;
    if (!backend) return;
    // The list is asked for while the stored draft is read, not after.
    const loading = Promise.all([backend.services(), backend.supports('media').catch(() => false), loadEmergency(backend, this.locale)]);
    loading.catch(() => undefined);
    if (!this.store.restored) await this.restore();
    if (id !== this.loadId) return;
    try {
      const [services, media, emergency] = await loading;
      if (id !== this.loadId) return;
      this.services = services;
      this.emergencyMode = emergency;
      this.mediaSupported = media;
      if (this.draft.serviceCode) void this.loadDefinition();
    } catch (error) {
      if (id === this.loadId) this.servicesError = error;
    }
  }

  private loadDefinition(): Promise<void> {
    const code = this.draft.serviceCode;
    const backend = this.backend;
    if (!code || !backend || this.definition?.service_code === code) return Promise.resolve();
    // Already on its way (asked when the service was picked): Continue waits for the same answer,
    // so a service without questions goes straight to the location, never via its questions.
    if (this.definitionLoad?.code === code) return this.definitionLoad.done;
    this.definition = undefined;
    this.definitionError = undefined;
    const done = (async () => {
      try {
        const def = await backend.serviceDefinition(code);
        if (this.draft.serviceCode !== code) return;
        this.definition = def;
        // Started on a service's questions (a link from the services page) that has none to ask.
        if (def.attributes.length === 0 && this.draft.step === 'questions') this.patch({ step: 'location' });
      } catch (error) {
        if (this.draft.serviceCode === code) this.definitionError = error;
      } finally {
        if (this.definitionLoad?.code === code) this.definitionLoad = undefined;
      }
    })();
    this.definitionLoad = { code, done };
    return done;
  }

  /** Restores the stored draft, or starts from `service-code` / the URL's service parameter. */
  private async restore(): Promise<void> {
    const fromUrl = this.serviceParam ? new URLSearchParams(location.search).get(this.serviceParam) : null;
    const code = this.serviceCode || fromUrl || undefined;
    if (await this.store.restore()) {
      if (code && this.draft.serviceCode && code !== this.draft.serviceCode) this.draftQuestion = code;
    } else {
      if (code) this.store.value = { ...emptyDraft(), serviceCode: code, step: 'questions' };
    }
  }

  private serviceNameOf(code: string): string {
    return this.services?.find((s) => s.service_code === code)?.service_name ?? code;
  }

  private async startNewReport(code: string): Promise<void> {
    await this.startOver();
    this.store.replace({ ...emptyDraft(), serviceCode: code, step: 'questions' });
    this.draftQuestion = undefined;
  }

  // ---- draft ------------------------------------------------------------------------------------

  private patch(changes: Partial<Draft>): void {
    this.store.patch(changes);
  }

  /** Forgets the report in progress (and its stored draft) and starts again at the first step. */
  async startOver(): Promise<void> {
    await this.store.discard();
    this.definition = undefined;
    this.later?.reset();
    this.query = '';
    this.flow.reset();
  }

  // ---- navigation ---------------------------------------------------------------------------

  private stepsInUse(): StepName[] {
    const steps: StepName[] = ['category'];
    if (!this.definition || this.definition.attributes.length > 0) steps.push('questions');
    steps.push('location');
    if (this.later?.nearby.length) steps.push('nearby');
    steps.push('details', 'contact', 'review');
    return steps;
  }

  // ---- rendering --------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.store.restored && this.draft.serviceCode && this.definition?.service_code !== this.draft.serviceCode && !this.definitionError) {
      void this.loadDefinition();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.store.restored) return;
    const step = this.draft.step;
    // What comes after the first screen is fetched once that screen is complete (its categories,
    // or why there are none), so it never competes with the services list for a slow connection.
    const shown = step !== 'category' || this.services || this.servicesError;
    if (shown) this.ensureLaterSteps();
    if (step !== 'category' && step !== 'done') this.ensurePicker();
    else if (shown && !this.addressOnly) prefetchPicker();
  }

  private ctx(): StepContext {
    return { t: this.t, locale: this.locale, errorFor: (id) => this.summary.errorFor(id) };
  }

  private renderStep(): TemplateResult | typeof nothing {
    const d = this.draft;
    // Only the category step renders before the later steps have loaded.
    if (d.step !== 'category') return this.later ? this.later.render() : this.renderLaterStepsPending();
    return renderCategory({
      ...this.ctx(),
      services: this.offered(),
      loadError: this.servicesError,
      featured: codeList(this.featured),
      selected: d.serviceCode,
      query: this.query,
      emergencyNotice: this.noEmergencyNotice ? undefined : (this.emergencyNotice ?? this.t('requestEmergencyNotice')),
      emergencyMode: this.emergencyMode,
      onQuery: (q) => {
        this.query = q;
        if (q.trim()) this.announcer.announce(this.t('requestSearchCount', { count: searchServices(this.offered() ?? [], q).length }));
      },
      onSelect: (code) => {
        if (code !== d.serviceCode) this.patch({ serviceCode: code, answers: {} });
      },
      onRetry: () => void this.load(),
      onSubmit: (e) =>
        this.flow.submitStep(e, 'category', this.draft.serviceCode ? [] : [{ step: 'category', id: 'service', message: this.t('requestErrorService') }], async () => {
          // Knowing the questions first lets a service without any skip straight to the location.
          await this.loadDefinition();
          this.flow.next('category');
        }),
    });
  }

  protected override render(): unknown {
    if (!this.backend) return nothing;
    if (!this.store.restored) return html`<p role="status">${this.t('loading')}</p>`;
    const inProgress = this.draft.step !== 'category' && this.draft.step !== 'done';
    const wanted = this.draftQuestion;
    if (wanted && this.draft.serviceCode) {
      return html`<div class="request" part="base">
        ${renderDraftQuestion({
          ...this.ctx(),
          current: this.serviceName,
          wanted: this.serviceNameOf(wanted),
          onContinue: () => {
            this.draftQuestion = undefined;
            this.flow.focus();
          },
          onStartNew: () => void this.startNewReport(wanted),
        })}
        ${this.announcer.render()}
      </div>`;
    }
    return html`<div class="request" part="base">
      ${this.summary.render(this.t)} ${this.renderStep()}
      ${inProgress || (this.draft.step === 'category' && this.draft.serviceCode)
        ? html`<p class="start-over"><button type="button" class="link-button" part="start-over" @click=${() => void this.startOver()}>
            ${this.t('requestStartOver')}
          </button></p>`
        : nothing}
      ${this.announcer.render()}
    </div>`;
  }
}

