import { html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { ContactPolicy, ServiceRequest, SubmitInput } from '../../api/types.js';
import { CharacterCountController } from '../../core/forms/character-count.js';
import { SubmitController } from '../../core/forms/submit.js';
import { registerMessages } from '../../core/i18n.js';
import { answerText, submittedAnswers, validateAnswers } from './answers.js';
import { reportFingerprint } from './fingerprint.js';
import { metresBetween, nearbyBox } from './geo.js';
import {
  askable,
  emptyDraft,
  MAX_DESCRIPTION,
  parseContactPolicies,
  PHOTO_TYPES,
  stricterPolicy,
  type ChosenLocation,
  type ContactDetails,
  type DraftAnswer,
  type StepError,
} from './model.js';
import { shrinkPhoto } from './photo.js';
import { serverErrors, photoProblem, validateContact, validateDetails, validateLocation } from './validate.js';
import { renderContact } from './steps/contact.js';
import { renderDetails } from './steps/details.js';
import { renderDone } from './steps/done.js';
import { renderLocation } from './steps/location.js';
import { renderNearby } from './steps/nearby.js';
import { renderQuestions } from './steps/questions.js';
import { renderReview, type ReviewRow } from './steps/review.js';
import type { CivicServiceRequest } from './civic-service-request.js';
import { serviceRequestLaterMessages } from './strings-later.js';

registerMessages(serviceRequestLaterMessages);

type El = CivicServiceRequest;

/**
 * The parts of `<civic-service-request>` the later steps read and drive. Most are the element's
 * own (private to it in TypeScript): the element hands itself over as this once the chunk has
 * loaded, and nothing else sees them. Each type is looked up on the element, so a part renamed
 * or retyped there fails to compile here.
 */
export interface RequestHost extends LitElement {
  readonly backend: El['backend'];
  readonly radius: El['radius'];
  readonly bounds: El['bounds'];
  readonly trackerUrl: El['trackerUrl'];
  readonly notifyEndpoint: El['notifyEndpoint'];
  readonly contactPolicy: El['contactPolicy'];
  readonly store: El['store'];
  readonly draft: El['draft'];
  readonly flow: El['flow'];
  readonly summary: El['summary'];
  readonly announcer: El['announcer'];
  readonly t: El['t'];
  readonly locale: El['locale'];
  readonly config: El['config'];
  readonly hallConfig: El['hallConfig'];
  definition: El['definition'];
  definitionError: El['definitionError'];
  readonly service: El['service'];
  readonly serviceName: El['serviceName'];
  readonly mediaSupported: El['mediaSupported'];
  readonly usePicker: El['usePicker'];
  readonly pickerLoad: El['pickerLoad'];
  readonly ctx: El['ctx'];
  readonly patch: El['patch'];
  readonly loadDefinition: El['loadDefinition'];
  readonly startOver: El['startOver'];
  readonly formatRelative: El['formatRelative'];
  readonly formatNumber: El['formatNumber'];
  readonly emit: El['emit'];
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
 * Every step after the first, orchestrated: the questions, location, open requests close by,
 * details and photo, contact, check your answers and the confirmation, with the sending
 * (`SubmitController`: one at a time, never twice, resent once back online) and what only those
 * steps keep (the nearby requests, the photo being prepared, the character counts). A lazily
 * imported chunk (`steps/later.ts`): the category step renders without it, and the element
 * fetches it right after its first render.
 */
export class LaterSteps implements ReactiveController {
  /** Open requests of the same kind close to the chosen location (the "Is it one of these?" step). */
  nearby: ServiceRequest[] = [];
  private confirmation?: Confirmation;
  private photoError?: string;
  private photoPreparing = false;
  private photoUrl?: { blob: Blob; url: string };
  /** Settles once the photo chosen last is in the draft (shrunk) or refused. */
  private photoReady: Promise<void> = Promise.resolve();
  private photoChoice = 0;
  private readonly answerCounts = new Map<string, CharacterCountController>();
  private readonly descriptionCount: CharacterCountController;
  private readonly submitter: SubmitController<{ id?: string; token?: string; notice?: string }>;

  constructor(private readonly el: RequestHost) {
    el.addController(this);
    this.descriptionCount = new CharacterCountController(el, { maxLength: MAX_DESCRIPTION, threshold: 0, value: el.draft.description });
    this.submitter = new SubmitController(el, {
      draft: el.store,
      placeErrors: (error) => {
        const placed = serverErrors(error, el.definition?.attributes ?? [], el.draft.location ? undefined : el.t('requestErrorNeedsPoint'));
        if (!placed) return false;
        el.flow.placeServerErrors(placed);
        return true;
      },
      onFailed: () => void el.announcer.announce(el.t('requestSendFailed')),
      resend: () => {
        if (el.isConnected) void this.send(new Event('submit'));
      },
    });
  }

  hostDisconnected(): void {
    if (this.photoUrl) URL.revokeObjectURL(this.photoUrl.url);
    this.photoUrl = undefined;
  }

  /** Start over: forgets the confirmation, a failed send, the nearby requests and the counts. */
  reset(): void {
    this.confirmation = undefined;
    this.submitter.reset();
    this.nearby = [];
    this.descriptionCount.setValue('');
  }

  private policy(): ContactPolicy {
    const el = this.el;
    const code = el.draft.serviceCode ?? '';
    const configured = parseContactPolicies(el.contactPolicy);
    const backend = el.definition?.contact_policy ?? el.service?.contact_policy;
    return stricterPolicy(configured[code] ?? configured['*'], backend);
  }

  private trackerLink(id: string): string | undefined {
    return this.el.trackerUrl?.replaceAll('{id}', encodeURIComponent(id));
  }

  private async findNearby(location: ChosenLocation): Promise<ServiceRequest[]> {
    const { backend, draft, radius } = this.el;
    if (!backend || !draft.serviceCode || !(radius > 0)) return [];
    const away = (r: ServiceRequest) => metresBetween(location, { lat: r.lat!, long: r.long! });
    try {
      const found = await backend.requests({ service_code: [draft.serviceCode], status: 'open', bbox: nearbyBox(location, radius) });
      return found
        .filter((r) => r.service_request_id && r.lat !== undefined && r.long !== undefined && away(r) <= radius)
        .sort((a, b) => away(a) - away(b))
        .slice(0, 5);
    } catch {
      // Not finding duplicates never stops a report.
      return [];
    }
  }

  // ---- submit ---------------------------------------------------------------------------------

  private input(): SubmitInput {
    const el = this.el;
    const d = el.draft;
    const attributes = submittedAnswers(el.definition?.attributes ?? [], d.answers);
    const contact = Object.fromEntries(Object.entries(d.contact).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as Partial<ContactDetails>;
    const location = d.location
      ? { lat: d.location.lat, long: d.location.long, ...(d.location.address ? { address_string: d.location.address } : {}) }
      : { address_string: d.address.trim() };
    return {
      service_code: d.serviceCode!,
      ...location,
      ...(d.description.trim() ? { description: d.description.trim() } : {}),
      ...(this.policy() === 'anonymous' && !Object.keys(contact).length ? {} : contact),
      ...(d.photo && el.mediaSupported ? { media: d.photo } : {}),
      ...(Object.keys(attributes).length ? { attributes } : {}),
      idempotencyKey: d.idempotencyKey,
    };
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const el = this.el;
    const backend = el.backend;
    if (!backend || !el.draft.serviceCode || this.submitter.sending) return;
    // The last attempt's failure is no longer news; a new failure is announced afresh.
    el.announcer.clear();
    const serviceCode = el.draft.serviceCode;
    const serviceName = el.serviceName;
    // The controller sends one at a time, keeps the key for an unchanged resend and resends once back online.
    const result = await this.submitter.send(
      async (key) => {
        const answer = await backend.submit({ ...this.input(), idempotencyKey: key });
        let id = answer.service_request_id;
        if (!id && answer.token) id = await backend.requestIdForToken(answer.token).catch(() => undefined);
        return { ...(id ? { id } : {}), ...(answer.token ? { token: answer.token } : {}), ...(answer.service_notice ? { notice: answer.service_notice } : {}) };
      },
      () => reportFingerprint(this.input()),
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
    await el.store.discard({ ...emptyDraft(), step: 'done' });
    el.definition = undefined;
    this.descriptionCount.setValue('');
    el.flow.reset();
    el.emit('civic-request-submitted', { ...(result.id ? { serviceRequestId: result.id } : {}), ...(result.token ? { token: result.token } : {}), serviceCode });
  }

  // ---- rendering --------------------------------------------------------------------------------

  private counter(code: string): CharacterCountController {
    let count = this.answerCounts.get(code);
    if (!count) {
      count = new CharacterCountController(this.el, { maxLength: MAX_DESCRIPTION });
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
      this.el.requestUpdate();
      return;
    }
    const typeOk = PHOTO_TYPES.includes(file.type.toLowerCase());
    this.photoPreparing = typeOk;
    this.el.requestUpdate();
    const photo = typeOk ? await shrinkPhoto(file) : file;
    // A later choice (or none) wins over this one, whichever finishes first.
    if (choice !== this.photoChoice) return;
    this.photoPreparing = false;
    const problem = photoProblem(this.el.t, photo);
    this.photoError = problem;
    this.el.requestUpdate();
    if (!problem) this.el.patch({ photo, photoName: file.name });
  }

  private photoPreview(): string | undefined {
    const photo = this.el.draft.photo;
    if (!photo) return undefined;
    if (this.photoUrl?.blob !== photo) {
      if (this.photoUrl) URL.revokeObjectURL(this.photoUrl.url);
      this.photoUrl = { blob: photo, url: URL.createObjectURL(photo) };
    }
    return this.photoUrl.url;
  }

  private reviewRows(): ReviewRow[] {
    const el = this.el;
    const t = el.t;
    const d = el.draft;
    const rows: ReviewRow[] = [{ key: 'service', label: t('requestReviewService'), value: el.serviceName, step: 'category' }];
    for (const a of askable(el.definition?.attributes ?? [])) {
      rows.push({ key: `attr:${a.code}`, label: a.description, value: answerText(a, d.answers[a.code], el.locale), step: 'questions' });
    }
    const where = d.location ? (d.location.address ?? `${d.location.lat.toFixed(5)}, ${d.location.long.toFixed(5)}`) : d.address;
    rows.push({ key: 'location', label: t('requestReviewLocation'), value: where, step: 'location' });
    rows.push({ key: 'description', label: t('requestDescriptionLabel'), value: d.description.trim(), step: 'details' });
    if (el.mediaSupported) rows.push({ key: 'photo', label: t('requestPhotoLabel'), value: d.photo ? (d.photoName ?? t('requestPhotoAdded')) : '', step: 'details' });
    const c = d.contact;
    const name = [c.first_name, c.last_name].map((s) => s.trim()).filter(Boolean).join(' ');
    const contactValue = [name, c.email.trim(), c.phone.trim()].filter(Boolean).join(', ');
    rows.push({ key: 'contact', label: t('requestReviewContact'), value: contactValue, step: 'contact' });
    return rows;
  }

  /** The step in the draft (any but the category step). */
  render(): TemplateResult | typeof nothing {
    const el = this.el;
    const { flow, t } = el;
    const d = el.draft;
    const base = el.ctx();
    const step = d.step;
    const back = () => flow.back(step);
    // Validates the step on Continue: errors show in the summary; none moves on.
    const submit = (e: Event, errors: StepError[], proceed = () => flow.next(step)) => flow.submitStep(e, step, errors, proceed);
    const step2 = { ...base, serviceName: el.serviceName, onBack: back };
    switch (step) {
      case 'questions':
        return renderQuestions({
          ...step2,
          definition: el.definition,
          loadError: el.definitionError,
          answers: d.answers,
          counter: (code) => this.counter(code),
          onAnswer: (code, answer: DraftAnswer) => el.patch({ answers: { ...el.draft.answers, [code]: answer } }),
          onRetry: () => {
            el.definitionError = undefined;
            void el.loadDefinition();
          },
          onSubmit: (e) => submit(e, validateAnswers(t, el.definition?.attributes ?? [], el.draft.answers)),
        });
      case 'location':
        if (!el.usePicker && el.pickerLoad === 'loading') {
          return html`<h2 class="step-title" id="step-title" tabindex="-1">${t('requestLocationTitle')}</h2>
            <p role="status">${t('loading')}</p>`;
        }
        return renderLocation({
          ...step2,
          usePicker: el.usePicker,
          location: d.location,
          address: d.address,
          geocoderUrl: el.config.geocoderUrl,
          tileUrl: el.config.tileUrl,
          bounds: el.bounds,
          lang: el.locale,
          onLocation: (value) =>
            value?.lat !== undefined && value.long !== undefined
              ? el.patch({ location: { lat: value.lat, long: value.long, ...(value.address ? { address: value.address } : {}) } })
              : // A picker without a geocoder gives an address typed as free text, without coordinates.
                el.patch({ location: undefined, address: value?.address ?? '' }),
          onAddress: (value) => el.patch({ address: value }),
          onSubmit: (e) =>
            submit(e, validateLocation(t, el.usePicker, el.draft), async () => {
              this.nearby = el.draft.location ? await this.findNearby(el.draft.location) : [];
              flow.next(step);
            }),
        });
      case 'nearby':
        return renderNearby({
          ...step2,
          requests: this.nearby,
          trackerLink: (id) => this.trackerLink(id),
          formatRelative: (when) => el.formatRelative(when),
          formatDistance: (m) => el.formatNumber(Math.round(m), { style: 'unit', unit: 'meter', unitDisplay: 'long' }),
          distanceTo: (r) => (d.location && r.lat !== undefined && r.long !== undefined ? metresBetween(d.location, { lat: r.lat, long: r.long }) : 0),
          onSubmit: (e) => submit(e, []),
        });
      case 'details':
        return renderDetails({
          ...step2,
          count: this.descriptionCount,
          description: d.description,
          photos: el.mediaSupported,
          photoName: d.photoName,
          photoUrl: this.photoPreview(),
          errorFor: (id) => el.summary.errorFor(id) ?? (id === 'photo' ? this.photoError : undefined),
          onDescription: (v) => el.patch({ description: v }),
          photoPreparing: this.photoPreparing,
          onPhoto: (file) => (this.photoReady = this.choosePhoto(file)),
          onRemovePhoto: () => {
            el.patch({ photo: undefined, photoName: undefined });
            el.announcer.announce(t('requestPhotoRemoved'));
            void el.updateComplete.then(() => el.renderRoot.querySelector<HTMLElement>('#photo')?.focus());
          },
          onSubmit: (e) => {
            e.preventDefault();
            void this.photoReady.then(() => submit(e, validateDetails(t, el.draft, this.photoError)));
          },
        });
      case 'contact':
        return renderContact({
          ...step2,
          policy: this.policy(),
          contact: d.contact,
          onContact: (key, value) => el.patch({ contact: { ...el.draft.contact, [key]: value } }),
          onSubmit: (e) => submit(e, validateContact(t, this.policy(), el.draft.contact)),
        });
      case 'review':
        return renderReview({
          ...base,
          rows: this.reviewRows(),
          sending: this.submitter.sending,
          submitError: this.submitter.error,
          onChange: (row) => flow.change(row.step),
          onBack: back,
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
          follow: { email: c.email, endpoint: el.notifyEndpoint, hall: el.hallConfig },
          onAnother: () => void el.startOver(),
        });
      }
    }
    return nothing;
  }
}
