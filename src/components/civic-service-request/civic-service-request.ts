import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ContactPolicy, Service, ServiceDefinition, ServiceRequest, SubmitInput } from '../../api/types.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { CharacterCountController } from '../../core/forms/character-count.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { DraftController } from '../../core/forms/draft.js';
import { FormFlowController } from '../../core/forms/flow.js';
import { SubmitController } from '../../core/forms/submit.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { renderDraftQuestion } from './steps/draft-question.js';
import {
  askable,
  codeList,
  emptyContact,
  emptyDraft,
  MAX_DESCRIPTION,
  parseContactPolicies,
  stricterPolicy,
  type ChosenLocation,
  type ContactDetails,
  type Draft,
  type DraftAnswer,
  type StepError,
  type StepName,
  PHOTO_TYPES,
} from './model.js';
import { searchServices } from './search.js';
import { serviceRequestStyles } from './civic-service-request.styles.js';
import { renderCategory } from './steps/category.js';
import type { ReviewRow } from './steps/review.js';
import type { StepContext } from './steps/shared.js';
import { loadEmergency, type EmergencyMode } from './emergency.js';
import { serviceRequestMessages } from './strings.js';
import { registerMessages } from '../../core/i18n.js';
import { formStyles } from '../../core/forms/form-styles.js';

// A plain call, not a side-effect import: bundlers that tree-shake by `sideEffects` keep it.
registerMessages(serviceRequestMessages);

type LaterSteps = typeof import('./steps/later.js');
/** The steps after the first, once fetched (shared by every instance on the page). */
let laterSteps: LaterSteps | undefined;
/** What only the later steps use; called only from them (so once `laterSteps` has loaded). */
const later = (): LaterSteps => laterSteps!;

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

interface Confirmation {
  serviceCode: string;
  serviceName: string;
  serviceRequestId?: string;
  token?: string;
  serviceNotice?: string;
  /** The email given on the report: the backend follows the request for it. */
  email?: string;
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
  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, serviceRequestStyles];

  /** Offer only these service codes (space or comma separated). */
  @property({ attribute: 'service-codes' }) serviceCodes?: string;

  /** Service codes to list first, under "Most reported" (space or comma separated). */
  @property() featured?: string;

  /** Start with this service chosen (e.g. from a services page link). */
  @property({ attribute: 'service-code' }) serviceCode?: string;

  /** Read the starting service from this URL query parameter (`?service=POTHOLE`); empty to ignore the URL. */
  @property({ attribute: 'service-param' }) serviceParam = 'service';

  /** Metres around the chosen location to look for open requests of the same kind. 0 skips the check. */
  @property({ type: Number }) radius = 150;

  /** Map bounds for the location picker: `minLng,minLat,maxLng,maxLat`. */
  @property() bounds?: string;

  /** Map tile URL template for the location picker; overrides the hall's. */
  @property({ attribute: 'tile-url' }) tileUrl?: string;

  /** Address search (geocoder) URL for the location picker; overrides the hall's. */
  @property({ attribute: 'geocoder-url' }) geocoderUrl?: string;

  /** Base URL of the notifications contract: the confirmation offers "Email me when this changes". Overrides the hall's. */
  @property({ attribute: 'notify-endpoint' }) notifyEndpoint?: string;

  /** Page that shows a request: `{id}` is replaced, e.g. `/track.html?request={id}`. */
  @property({ attribute: 'tracker-url' }) trackerUrl?: string;

  /**
   * Contact policy per service code: `CODE:policy` pairs (`anonymous`, `optional`, `required`),
   * `*` for the rest, e.g. `"*:optional BLIGHT:required"`. The stricter of this and the backend's
   * own `contact_policy` applies.
   */
  @property({ attribute: 'contact-policy' }) contactPolicy?: string;

  /** Text of the emergency notice on the first step; the catalog's by default. */
  @property({ attribute: 'emergency-notice' }) emergencyNotice?: string;

  /** Hide the emergency notice (a page that shows its own). */
  @property({ type: Boolean, attribute: 'no-emergency-notice' }) noEmergencyNotice = false;

  /** Names the stored draft; set it when one page has two report forms. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /** Whether the location step uses `<civic-location-picker>` (when it is registered) or a typed address. */
  @property({ type: Boolean, attribute: 'address-only' }) addressOnly = false;

  /** A link asked for this service while a draft about another was stored: ask which to do. */
  @state() private draftQuestion?: string;
  @state() private services?: Service[];
  @state() private servicesError?: unknown;
  /** The emergency in force (emergency mode), shown above the categories. */
  @state() private emergencyMode?: EmergencyMode;
  @state() private definition?: ServiceDefinition;
  @state() private definitionError?: unknown;
  @state() private mediaSupported = false;
  @state() private nearby: ServiceRequest[] = [];
  @state() private query = '';
  @state() private confirmation?: Confirmation;
  @state() private photoError?: string;
  @state() private photoPreparing = false;
  @state() private pickerLoad: 'idle' | 'loading' | 'failed' = 'idle';
  @state() private laterStepsLoad: 'idle' | 'loading' | 'failed' = 'idle';
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
  private readonly submitter = new SubmitController<{ id?: string; token?: string; notice?: string }>(this, {
    draft: this.store,
    placeErrors: (error) => {
      const placed = later().serverErrors(error, this.definition?.attributes ?? [], this.draft.location ? undefined : this.t('requestErrorNeedsPoint'));
      if (!placed) return false;
      this.flow.placeServerErrors(placed);
      return true;
    },
    onFailed: () => void this.announcer.announce(this.t('requestSendFailed')),
    resend: () => {
      if (this.isConnected) void this.send(new Event('submit'));
    },
  });
  private readonly descriptionCount = new CharacterCountController(this, { maxLength: MAX_DESCRIPTION, threshold: 0 });
  private readonly answerCounts = new Map<string, CharacterCountController>();
  private loadId = 0;
  /** The service whose definition is being fetched, and that fetch (awaited by a second ask). */
  private definitionLoad?: { code: string; done: Promise<void> };
  private photoUrl?: { blob: Blob; url: string };
  /** Settles once the photo chosen last is in the draft (shrunk) or refused. */
  private photoReady: Promise<void> = Promise.resolve();
  private photoChoice = 0;

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

  private get usePicker(): boolean {
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

  /** Fetches the steps after the first (see `steps/later.ts`); a failure offers a retry on that step. */
  private ensureLaterSteps(): void {
    if (laterSteps || this.laterStepsLoad === 'loading') return;
    this.laterStepsLoad = 'loading';
    import('./steps/later.js').then(
      (module) => {
        laterSteps = module;
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

  private policy(): ContactPolicy {
    const code = this.draft.serviceCode ?? '';
    const configured = parseContactPolicies(this.contactPolicy);
    const backend = this.definition?.contact_policy ?? this.service?.contact_policy;
    return stricterPolicy(configured[code] ?? configured['*'], backend);
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
      this.descriptionCount.setValue(this.draft.description);
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

  override disconnectedCallback(): void {
    if (this.photoUrl) URL.revokeObjectURL(this.photoUrl.url);
    this.photoUrl = undefined;
    super.disconnectedCallback();
  }

  /** Forgets the report in progress (and its stored draft) and starts again at the first step. */
  async startOver(): Promise<void> {
    await this.store.discard();
    this.definition = undefined;
    this.confirmation = undefined;
    this.submitter.reset();
    this.nearby = [];
    this.query = '';
    this.descriptionCount.setValue('');
    this.flow.reset();
  }

  // ---- navigation ---------------------------------------------------------------------------

  private stepsInUse(): StepName[] {
    const steps: StepName[] = ['category'];
    if (!this.definition || this.definition.attributes.length > 0) steps.push('questions');
    steps.push('location');
    if (this.nearby.length > 0) steps.push('nearby');
    steps.push('details', 'contact', 'review');
    return steps;
  }

  private next(from: StepName): void {
    this.flow.next(from);
  }

  private back(from: StepName): void {
    this.flow.back(from);
  }

  /** Validates a step on Continue: errors show in the summary; none moves on. */
  private submitStep(event: Event, step: StepName, errors: StepError[], proceed: () => void): void {
    this.flow.submitStep(event, step, errors, proceed);
  }

  private async findNearby(location: ChosenLocation): Promise<ServiceRequest[]> {
    const backend = this.backend;
    if (!backend || !this.draft.serviceCode || !(this.radius > 0)) return [];
    try {
      const found = await backend.requests({
        service_code: [this.draft.serviceCode],
        status: 'open',
        bbox: later().nearbyBox(location, this.radius),
      });
      return found
        .filter((r) => r.service_request_id && r.lat !== undefined && r.long !== undefined)
        .filter((r) => later().metresBetween(location, { lat: r.lat!, long: r.long! }) <= this.radius)
        .sort((a, b) => later().metresBetween(location, { lat: a.lat!, long: a.long! }) - later().metresBetween(location, { lat: b.lat!, long: b.long! }))
        .slice(0, 5);
    } catch {
      // Not finding duplicates never stops a report.
      return [];
    }
  }

  // ---- submit ---------------------------------------------------------------------------------

  private input(): SubmitInput {
    const d = this.draft;
    const attributes = later().submittedAnswers(this.definition?.attributes ?? [], d.answers);
    const contact = Object.fromEntries(Object.entries(d.contact).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as Partial<ContactDetails>;
    const location = d.location
      ? { lat: d.location.lat, long: d.location.long, ...(d.location.address ? { address_string: d.location.address } : {}) }
      : { address_string: d.address.trim() };
    return {
      service_code: d.serviceCode!,
      ...location,
      ...(d.description.trim() ? { description: d.description.trim() } : {}),
      ...(this.policy() === 'anonymous' && !Object.keys(contact).length ? {} : contact),
      ...(d.photo && this.mediaSupported ? { media: d.photo } : {}),
      ...(Object.keys(attributes).length ? { attributes } : {}),
      idempotencyKey: d.idempotencyKey,
    };
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.backend;
    if (!backend || !this.draft.serviceCode || this.submitter.sending) return;
    // The last attempt's failure is no longer news; a new failure is announced afresh.
    this.announcer.clear();
    const serviceCode = this.draft.serviceCode;
    const serviceName = this.serviceName;
    // The controller sends one at a time, keeps the key for an unchanged resend and resends once back online.
    const result = await this.submitter.send(
      async (key) => {
        const answer = await backend.submit({ ...this.input(), idempotencyKey: key });
        let id = answer.service_request_id;
        if (!id && answer.token) id = await backend.requestIdForToken(answer.token).catch(() => undefined);
        return { ...(id ? { id } : {}), ...(answer.token ? { token: answer.token } : {}), ...(answer.service_notice ? { notice: answer.service_notice } : {}) };
      },
      () => later().reportFingerprint(this.input()),
    );
    if (!result) return;
    const email = this.input().email;
    this.confirmation = {
      ...(email ? { email } : {}),
      serviceCode,
      serviceName,
      ...(result.id ? { serviceRequestId: result.id } : {}),
      ...(result.token ? { token: result.token } : {}),
      ...(result.notice ? { serviceNotice: result.notice } : {}),
    };
    // Contact details and answers are not kept once the city has them.
    await this.store.discard({ ...emptyDraft(), step: 'done' });
    this.definition = undefined;
    this.descriptionCount.setValue('');
    this.flow.reset();
    this.emit('civic-request-submitted', { ...(result.id ? { serviceRequestId: result.id } : {}), ...(result.token ? { token: result.token } : {}), serviceCode });
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
    if (this.store.restored) this.ensureLaterSteps();
    if (this.store.restored && this.draft.step !== 'category' && this.draft.step !== 'done') this.ensurePicker();
    else if (this.store.restored && !this.addressOnly) prefetchPicker();
  }

  private ctx(): StepContext {
    return { t: this.t, locale: this.locale, errorFor: (id) => this.summary.errorFor(id) };
  }

  private counter(code: string): CharacterCountController {
    let count = this.answerCounts.get(code);
    if (!count) {
      count = new CharacterCountController(this, { maxLength: MAX_DESCRIPTION });
      this.answerCounts.set(code, count);
    }
    return count;
  }

  /**
   * Takes a chosen photo: a large one is shrunk first (see `shrinkPhoto`), so the draft, the
   * preview and the upload all hold the smaller one and the original is never sent. Size is
   * checked after shrinking: a 12 MB phone photo becomes a few hundred KB and is accepted.
   */
  private async choosePhoto(file: File | undefined): Promise<void> {
    const choice = ++this.photoChoice;
    if (!file) {
      this.photoError = undefined;
      return;
    }
    const typeOk = PHOTO_TYPES.includes(file.type.toLowerCase());
    this.photoPreparing = typeOk;
    const photo = typeOk ? await later().shrinkPhoto(file) : file;
    // A later choice (or none) wins over this one, whichever finishes first.
    if (choice !== this.photoChoice) return;
    this.photoPreparing = false;
    const problem = later().photoProblem(this.t, photo);
    this.photoError = problem;
    if (!problem) this.patch({ photo, photoName: file.name });
  }

  private photoPreview(): string | undefined {
    const photo = this.draft.photo;
    if (!photo) return undefined;
    if (this.photoUrl?.blob !== photo) {
      if (this.photoUrl) URL.revokeObjectURL(this.photoUrl.url);
      this.photoUrl = { blob: photo, url: URL.createObjectURL(photo) };
    }
    return this.photoUrl.url;
  }

  private reviewRows(): ReviewRow[] {
    const t = this.t;
    const d = this.draft;
    const rows: ReviewRow[] = [{ key: 'service', label: t('requestReviewService'), value: this.serviceName, step: 'category' }];
    for (const a of askable(this.definition?.attributes ?? [])) {
      rows.push({ key: `attr:${a.code}`, label: a.description, value: later().answerText(a, d.answers[a.code], this.locale), step: 'questions' });
    }
    const where = d.location ? (d.location.address ?? `${d.location.lat.toFixed(5)}, ${d.location.long.toFixed(5)}`) : d.address;
    rows.push({ key: 'location', label: t('requestReviewLocation'), value: where, step: 'location' });
    rows.push({ key: 'description', label: t('requestDescriptionLabel'), value: d.description.trim(), step: 'details' });
    if (this.mediaSupported) rows.push({ key: 'photo', label: t('requestPhotoLabel'), value: d.photo ? (d.photoName ?? t('requestPhotoAdded')) : '', step: 'details' });
    const c = d.contact;
    const name = [c.first_name, c.last_name].map((s) => s.trim()).filter(Boolean).join(' ');
    const contactValue = [name, c.email.trim(), c.phone.trim()].filter(Boolean).join(', ');
    rows.push({ key: 'contact', label: t('requestReviewContact'), value: contactValue, step: 'contact' });
    return rows;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const d = this.draft;
    const base = this.ctx();
    if (d.step !== 'category' && !laterSteps) return this.renderLaterStepsPending();
    // Only the category step renders before they have loaded.
    const { renderQuestions, renderLocation, renderNearby, renderDetails, renderContact, renderReview, renderDone } = laterSteps ?? ({} as LaterSteps);
    switch (d.step) {
      case 'category':
        return renderCategory({
          ...base,
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
            this.submitStep(e, 'category', this.draft.serviceCode ? [] : [{ step: 'category', id: 'service', message: this.t('requestErrorService') }], async () => {
              // Knowing the questions first lets a service without any skip straight to the location.
              await this.loadDefinition();
              this.next('category');
            }),
        });
      case 'questions':
        return renderQuestions({
          ...base,
          serviceName: this.serviceName,
          definition: this.definition,
          loadError: this.definitionError,
          answers: d.answers,
          counter: (code) => this.counter(code),
          onAnswer: (code, answer: DraftAnswer) => this.patch({ answers: { ...this.draft.answers, [code]: answer } }),
          onRetry: () => {
            this.definitionError = undefined;
            void this.loadDefinition();
          },
          onBack: () => this.back('questions'),
          onSubmit: (e) => this.submitStep(e, 'questions', later().validateAnswers(this.t, this.definition?.attributes ?? [], this.draft.answers), () => this.next('questions')),
        });
      case 'location':
        if (!this.usePicker && this.pickerLoad === 'loading') {
          return html`<h2 class="step-title" id="step-title" tabindex="-1">${this.t('requestLocationTitle')}</h2>
            <p role="status">${this.t('loading')}</p>`;
        }
        return renderLocation({
          ...base,
          serviceName: this.serviceName,
          usePicker: this.usePicker,
          location: d.location,
          address: d.address,
          geocoderUrl: this.config.geocoderUrl,
          tileUrl: this.config.tileUrl,
          bounds: this.bounds,
          lang: this.locale,
          onLocation: (value) =>
            value?.lat !== undefined && value.long !== undefined
              ? this.patch({ location: { lat: value.lat, long: value.long, ...(value.address ? { address: value.address } : {}) } })
              : // A picker without a geocoder gives an address typed as free text, without coordinates.
                this.patch({ location: undefined, address: value?.address ?? '' }),
          onAddress: (value) => this.patch({ address: value }),
          onBack: () => this.back('location'),
          onSubmit: (e) =>
            this.submitStep(e, 'location', later().validateLocation(this.t, this.usePicker, this.draft), async () => {
              this.nearby = this.draft.location ? await this.findNearby(this.draft.location) : [];
              this.next('location');
            }),
        });
      case 'nearby':
        return renderNearby({
          ...base,
          serviceName: this.serviceName,
          requests: this.nearby,
          trackerLink: (id) => this.trackerLink(id),
          formatRelative: (when) => this.formatRelative(when),
          formatDistance: (m) => this.formatNumber(Math.round(m), { style: 'unit', unit: 'meter', unitDisplay: 'long' }),
          distanceTo: (r) => (d.location && r.lat !== undefined && r.long !== undefined ? later().metresBetween(d.location, { lat: r.lat, long: r.long }) : 0),
          onBack: () => this.back('nearby'),
          onSubmit: (e) => this.submitStep(e, 'nearby', [], () => this.next('nearby')),
        });
      case 'details':
        return renderDetails({
          ...base,
          serviceName: this.serviceName,
          count: this.descriptionCount,
          description: d.description,
          photos: this.mediaSupported,
          photoName: d.photoName,
          photoUrl: this.photoPreview(),
          errorFor: (id) => this.summary.errorFor(id) ?? (id === 'photo' ? this.photoError : undefined),
          onDescription: (v) => this.patch({ description: v }),
          photoPreparing: this.photoPreparing,
          onPhoto: (file) => (this.photoReady = this.choosePhoto(file)),
          onRemovePhoto: () => {
            this.patch({ photo: undefined, photoName: undefined });
            this.announcer.announce(this.t('requestPhotoRemoved'));
            void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#photo')?.focus());
          },
          onBack: () => this.back('details'),
          onSubmit: (e) => {
            e.preventDefault();
            void this.photoReady.then(() => this.submitStep(e, 'details', later().validateDetails(this.t, this.draft, this.photoError), () => this.next('details')));
          },
        });
      case 'contact':
        return renderContact({
          ...base,
          serviceName: this.serviceName,
          policy: this.policy(),
          contact: d.contact,
          onContact: (key, value) => this.patch({ contact: { ...this.draft.contact, [key]: value } }),
          onBack: () => this.back('contact'),
          onSubmit: (e) => this.submitStep(e, 'contact', later().validateContact(this.t, this.policy(), this.draft.contact), () => this.next('contact')),
        });
      case 'review':
        return renderReview({
          ...base,
          rows: this.reviewRows(),
          sending: this.submitter.sending,
          submitError: this.submitter.error,
          onChange: (row) => this.flow.change(row.step),
          onBack: () => this.back('review'),
          onSubmit: (e) => void this.send(e),
        });
      case 'done': {
        const c = this.confirmation;
        if (!c) return nothing;
        return renderDone({
          ...base,
          serviceName: c.serviceName,
          serviceRequestId: c.serviceRequestId,
          token: c.token,
          serviceNotice: c.serviceNotice,
          trackLink: c.serviceRequestId ? this.trackerLink(c.serviceRequestId) : undefined,
          follow: { email: c.email, endpoint: this.notifyEndpoint, hall: this.hallConfig },
          onAnother: () => void this.startOver(),
        });
      }
    }
  }

  private trackerLink(id: string): string | undefined {
    return this.trackerUrl?.replaceAll('{id}', encodeURIComponent(id));
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

