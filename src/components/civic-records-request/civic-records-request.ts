import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { RecordsBackend, RecordsDiscovery, RecordsReceipt } from '../../api/records/client.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { CharacterCountController } from '../../core/forms/character-count.js';
import { DraftController } from '../../core/forms/draft.js';
import { submissionFingerprint } from '../../core/forms/fingerprint.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { FormFlowController, type StepError } from '../../core/forms/flow.js';
import { answersStyles } from '../../core/forms/answers-styles.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { checkAnswers, confirmationPanel, continueBack, stepTitle, type AnswerRow } from '../../core/forms/pieces.js';
import { renderField } from '../../core/forms/render-field.js';
import { dateFromParts, errorTarget, isDateParts, isShown, validateFields, valueText, type FieldSpec, type FieldValue } from '../../core/forms/schema.js';
import { SubmitController } from '../../core/forms/submit.js';
import { registerMessages } from '../../core/i18n.js';
import { resolveRecordsBackend } from '../../core/records-backend.js';
import { recordsRequestStyles } from './civic-records-request.styles.js';
import { attachmentsOf, emptyRecordsDraft, MAX_DESCRIPTION, recordsFields, recordsInput, type RecordsDraft, type RecordsStep } from './model.js';
import { recordsRequestMessages } from './strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

registerMessages(recordsRequestMessages);

/** Detail of `civic-records-submitted`. */
export interface CivicRecordsSubmittedDetail {
  trackingNumber: string;
  dueDate: string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-records-request': CivicRecordsRequest;
  }
  interface HTMLElementEventMap {
    'civic-records-submitted': CustomEvent<CivicRecordsSubmittedDetail>;
  }
}

type FieldStep = Exclude<RecordsStep, 'review' | 'done'>;
const STEPS: readonly RecordsStep[] = ['describe', 'delivery', 'files', 'contact', 'review'];

/**
 * A resident asks the city for public records without knowing the law: what records
 * (with guidance on a "reasonably described" request), dates and department, how to receive
 * them, the fee they are willing to pay, a fee waiver or expedited processing with their
 * reasons, supporting documents, contact details as the jurisdiction allows (never a purpose),
 * check your answers, and a confirmation with the tracking number, a private access link and
 * the date the law gives the city, in plain words. Runs on the shared form engine: drafts kept
 * in IndexedDB, errors on their fields (the backend's too), a send that never files twice and
 * goes by itself once the device is back online.
 *
 * @summary Request public records (FOIA), with the statutory due date.
 * @tagname civic-records-request
 *
 * @fires {CustomEvent<CivicRecordsSubmittedDetail>} civic-records-submitted - The backend accepted the request.
 * @fires {CustomEvent<CivicInvalidDetail>} civic-invalid - A step failed validation (cancelable).
 *
 * @csspart step-title - Each step's heading.
 * @csspart error-summary - "There is a problem" with links to the fields.
 * @csspart error-panel - A backend failure with its retry.
 * @csspart continue-button - Each step's Continue.
 * @csspart back-button - Each step's Back.
 * @csspart submit-button - Send the request.
 * @csspart summary-list - The check-your-answers list.
 * @csspart confirmation-panel - The tracking number panel.
 * @csspart access-link - The private link to follow the request.
 *
 * @cssprop --civic-form-gap - Space between sections. Default `var(--civic-space-l)`.
 * @cssprop --civic-form-panel-color - Confirmation panel background. Default `#00703c`.
 * @cssprop --civic-records-request-max-width - Widest the form grows. Default `40rem`.
 */
export class CivicRecordsRequest extends CivicElement {
  static override properties = {
    recordsEndpoint: { attribute: 'records-endpoint' },
    recordsBackend: { attribute: false },
    trackerUrl: { attribute: 'tracker-url' },
    contactPolicy: { attribute: 'contact-policy' },
    draftKey: { attribute: 'draft-key' },
    discovery: { state: true, attribute: false },
    discoveryError: { state: true, attribute: false },
    receipt: { state: true, attribute: false },
    updatesTo: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, answersStyles, recordsRequestStyles];

  /** Base URL of the records contract (`/records/v1`); overrides the hall's `records-endpoint`. */
  recordsEndpoint?: string;

  /** Any `RecordsBackend` (a city's own vendor adapter); wins over `records-endpoint`. */
  recordsBackend?: RecordsBackend;

  /** Page that follows a request: `{tracking}` and `{token}` are filled in, e.g. `/records-status.html?request={tracking}&token={token}`. */
  trackerUrl?: string;

  /** `required` asks for a name and a way to reach the requester even where the backend does not. */
  contactPolicy?: 'optional' | 'required';

  /** Names the stored draft; set it when one page has two records forms. */
  draftKey?: string;

  private discovery?: RecordsDiscovery;
  private discoveryError?: unknown;
  private receipt?: RecordsReceipt;
  /** The email given, which the city sends every step of the request to. */
  private updatesTo?: string;

  private readonly summary = new ErrorSummaryController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly count = new CharacterCountController(this, { maxLength: MAX_DESCRIPTION });
  private readonly draft = new DraftController<RecordsDraft>(this, {
    key: () => `civic-records-request:${this.draftKey ?? this.recordsEndpoint ?? this.hallConfig?.recordsEndpoint ?? ''}`,
    empty: emptyRecordsDraft,
    revive: (stored) => ({ ...emptyRecordsDraft(), ...stored, values: { ...emptyRecordsDraft().values, ...stored.values } }),
    keep: (d) => d.step !== 'done',
  });
  private readonly flow = new FormFlowController<RecordsStep>(this, {
    draft: this.draft,
    summary: this.summary,
    steps: () => STEPS,
    review: 'review',
    t: () => this.t,
  });
  private readonly submit = new SubmitController<RecordsReceipt>(this, {
    draft: this.draft,
    placeErrors: (error) => this.placeServerErrors(error),
    onFailed: () => this.announcer.announce(this.t('recordsSendFailed')),
    resend: () => {
      if (this.isConnected) void this.send(new Event('submit'));
    },
  });
  private loaded?: { key: string; abort: AbortController };

  private source() {
    return resolveRecordsBackend(this, this.hallConfig, this.locale);
  }

  private get contactRequired(): boolean {
    return this.contactPolicy === 'required' || this.discovery?.contact_policy === 'required';
  }

  private fields(): Record<FieldStep, FieldSpec[]> {
    return recordsFields(this.t, this.discovery, this.contactRequired);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const source = this.source();
    if (source && this.loaded?.key !== source.key) void this.load(source.key, source.backend);
  }

  private async load(key: string, backend: RecordsBackend): Promise<void> {
    this.loaded?.abort.abort();
    const abort = new AbortController();
    this.loaded = { key, abort };
    this.discoveryError = undefined;
    // Discovery is asked for while the stored draft is read, not after.
    const discovering = backend.discovery(abort.signal);
    discovering.catch(() => undefined);
    if (!this.draft.restored) await this.draft.restore();
    try {
      const discovery = await discovering;
      if (!abort.signal.aborted) this.discovery = discovery;
    } catch (error) {
      if (!abort.signal.aborted) this.discoveryError = error;
    }
  }

  private get values(): Record<string, FieldValue> {
    return this.draft.value.values;
  }

  private setValue(id: string, value: FieldValue): void {
    this.draft.patch({ values: { ...this.values, [id]: value } });
  }

  private stepErrors(step: FieldStep): StepError<RecordsStep>[] {
    const errors: StepError<RecordsStep>[] = validateFields(this.t, step, this.fields()[step], this.values, this.locale);
    const v = this.values;
    if (step === 'describe' && !errors.some((e) => e.id.startsWith('date_range'))) {
      const from = isDateParts(v.date_range_start) ? dateFromParts(v.date_range_start) : undefined;
      const to = isDateParts(v.date_range_end) ? dateFromParts(v.date_range_end) : undefined;
      if (from && to && to < from) errors.push({ step, id: 'date_range_end-day', message: this.t('recordsErrorRange') });
    }
    if (step === 'contact' && this.contactRequired) {
      const has = (id: string) => typeof v[id] === 'string' && (v[id] as string).trim() !== '';
      const reachable = has('email') || has('phone_number') || (has('address_line1') && (has('address_city') || has('address_zip_postal_code')));
      if (!reachable && !errors.some((e) => e.id === 'email')) errors.push({ step, id: 'email', message: this.t('recordsErrorReach') });
    }
    return errors;
  }

  /** A backend 400 names fields: each error goes to the step and control of its field. */
  private placeServerErrors(error: unknown): boolean {
    const fieldErrors = (error as { kind?: string; status?: number; fieldErrors?: Record<string, string> } | null);
    if (fieldErrors?.kind !== 'contract' || fieldErrors.status !== 400 || !fieldErrors.fieldErrors) return false;
    const all = this.fields();
    const placed: StepError<RecordsStep>[] = [];
    for (const [name, message] of Object.entries(fieldErrors.fieldErrors)) {
      const step = (Object.keys(all) as FieldStep[]).find((s) => all[s].some((f) => f.id === name));
      const spec = step ? all[step].find((f) => f.id === name)! : undefined;
      placed.push(step && spec ? { step, id: errorTarget(spec), message } : { step: 'review', id: 'submit', message });
    }
    if (!placed.length) return false;
    this.flow.placeServerErrors(placed);
    return true;
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.source()?.backend;
    if (!backend) return;
    const receipt = await this.submit.send(
      (key) => backend.submit(recordsInput(this.values), { attachments: attachmentsOf(this.values), idempotencyKey: key }),
      () => submissionFingerprint(recordsInput(this.values), attachmentsOf(this.values)),
    );
    if (!receipt) return;
    this.receipt = receipt;
    this.updatesTo = recordsInput(this.values).email;
    // Nothing typed is kept once the city has it: the confirmation shows only the receipt.
    await this.draft.discard({ ...emptyRecordsDraft(), step: 'done' });
    this.count.setValue('');
    this.flow.reset();
    this.emit('civic-records-submitted', { trackingNumber: receipt.tracking_number, dueDate: receipt.due_date });
  }

  /** Forgets the request in progress and starts again. */
  async startOver(): Promise<void> {
    await this.draft.discard();
    this.receipt = undefined;
    this.updatesTo = undefined;
    this.submit.reset();
    this.count.setValue('');
    this.flow.reset();
  }

  private renderFields(step: FieldStep): TemplateResult[] {
    return this.fields()[step]
      .filter((spec) => isShown(spec, this.values))
      .map((spec) => {
        const control = renderField(this.t, spec, this.values[spec.id], {
          ...(this.summary.errorFor(errorTarget(spec)) ? { error: this.summary.errorFor(errorTarget(spec))! } : {}),
          onChange: (value) => this.setValue(spec.id, value),
          ...(spec.id === 'request_description' ? { counter: this.count } : {}),
        });
        return spec.shownWhen ? html`<div class="reveal">${control}</div>` : control;
      });
  }

  private fieldStep(step: FieldStep, title: string, intro?: TemplateResult): TemplateResult {
    return html`<form novalidate @submit=${(e: Event) => this.flow.submitStep(e, step, this.stepErrors(step), () => this.flow.next(step))}>
      ${stepTitle(title, this.t('recordsCaption'))} ${intro ?? nothing} ${this.renderFields(step)}
      ${continueBack(this.t, step === 'describe' ? {} : { onBack: () => this.flow.back(step) })}
    </form>`;
  }

  private reviewRows(): AnswerRow<RecordsStep>[] {
    const all = this.fields();
    const v = this.values;
    const show = (step: FieldStep, id: string) => {
      const spec = all[step].find((f) => f.id === id)!;
      return valueText(spec, v[id], this.locale);
    };
    const from = show('describe', 'date_range_start');
    const to = show('describe', 'date_range_end');
    const dates = from && to ? this.t('recordsDates', { from, to }) : from ? this.t('recordsDatesFrom', { from }) : to ? this.t('recordsDatesTo', { to }) : '';
    const withReason = (flag: string, reason: string) => (v[flag] === 'yes' ? `${this.t('recordsYes')}: ${show('delivery', reason)}` : this.t('recordsNo'));
    const contact = ['name_first', 'name_last'].map((id) => show('contact', id)).filter(Boolean).join(' ');
    const address = ['address_line1', 'address_city', 'address_state_province', 'address_zip_postal_code'].map((id) => show('contact', id)).filter(Boolean).join(', ');
    return [
      { key: 'request_description', label: this.t('recordsReviewDescription'), value: show('describe', 'request_description'), step: 'describe' },
      { key: 'department', label: this.t('recordsDepartmentLabel'), value: show('describe', 'department'), step: 'describe' },
      { key: 'dates', label: this.t('recordsReviewDates'), value: dates, step: 'describe' },
      { key: 'delivery_format', label: this.t('recordsReviewDelivery'), value: show('delivery', 'delivery_format'), step: 'delivery' },
      { key: 'fee_amount_willing', label: this.t('recordsReviewFee'), value: show('delivery', 'fee_amount_willing'), step: 'delivery' },
      { key: 'fee_waiver', label: this.t('recordsReviewWaiver'), value: withReason('fee_waiver', 'fee_waiver_explanation'), step: 'delivery' },
      { key: 'expedited', label: this.t('recordsReviewExpedited'), value: withReason('expedited_processing', 'expedited_processing_explanation'), step: 'delivery' },
      { key: 'attachments', label: this.t('recordsReviewFiles'), value: show('files', 'attachments'), step: 'files' },
      { key: 'contact', label: this.t('recordsReviewContact'), value: [contact, show('contact', 'email'), show('contact', 'phone_number'), address].filter(Boolean).join('\n'), step: 'contact' },
    ];
  }

  private renderDone(): TemplateResult | typeof nothing {
    const r = this.receipt;
    if (!r) return nothing;
    const link = this.trackerUrl?.replaceAll('{tracking}', encodeURIComponent(r.tracking_number)).replaceAll('{token}', encodeURIComponent(r.access_token));
    return html`${confirmationPanel({ title: this.t('recordsDoneTitle'), referenceLabel: this.t('recordsDoneReference'), reference: r.tracking_number })}
      <h3>${this.t('recordsDoneDeadlineTitle')}</h3>
      <p class="deadline" part="deadline">${r.due_basis || this.t('recordsDoneNoDeadline')}</p>
      ${link
        ? html`<h3>${this.t('recordsDoneLinkTitle')}</h3>
            <p>${this.t('recordsDoneLink')}</p>
            <p><a href=${link} part="access-link">${this.t('recordsDoneLinkText')}</a></p>`
        : nothing}
      <h3>${this.t('recordsDoneNextTitle')}</h3>
      <p>${this.t('recordsDoneNext')}</p>
      ${this.updatesTo ? html`<p part="updates-note">${this.t('recordsDoneUpdates', { email: this.updatesTo })}</p>` : nothing}
      <p><button type="button" class="civic-button civic-button--secondary" @click=${() => void this.startOver()}>${this.t('recordsDoneAnother')}</button></p>`;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const t = this.t;
    switch (this.flow.step) {
      case 'describe':
        return this.fieldStep(
          'describe',
          t('recordsDescribeTitle'),
          html`<p>${t('recordsIntro')}</p>
            <div class="inset" part="guidance">
              <p><strong>${t('recordsGuidanceTitle')}</strong></p>
              <ul>
                <li>${t('recordsGuidanceTime')}</li>
                <li>${t('recordsGuidanceDepartment')}</li>
                <li>${t('recordsGuidanceNames')}</li>
                <li>${t('recordsGuidanceKeywords')}</li>
              </ul>
              <p>${t('recordsGuidanceExample')}</p>
            </div>`,
        );
      case 'delivery':
        return this.fieldStep('delivery', t('recordsDeliveryTitle'));
      case 'files':
        return this.fieldStep('files', t('recordsFilesTitle'));
      case 'contact':
        return this.fieldStep('contact', t('recordsContactTitle'), html`<p class="inset">${this.contactRequired ? t('recordsContactRequired') : t('recordsContactOptional')}</p>`);
      case 'review':
        return checkAnswers(t, {
          rows: this.reviewRows(),
          sending: this.submit.sending,
          submitError: this.submit.error,
          declaration: t('recordsDeclaration'),
          submitLabel: t('recordsSubmit'),
          onChange: (row) => this.flow.change(row.step),
          onBack: () => this.flow.back('review'),
          onSubmit: (e) => void this.send(e),
        });
      case 'done':
        return this.renderDone();
    }
  }

  protected override render(): unknown {
    const source = this.source();
    if (!source) return html`<p>${this.t('notConfigured')}</p>`;
    if (this.discoveryError) return html`${stepTitle(this.t('recordsTitle'))}${errorPanel(this.t, this.discoveryError, () => void this.load(source.key, source.backend))}`;
    if (!this.discovery || !this.draft.restored) return html`<p role="status">${this.t('loading')}</p>`;
    const step = this.flow.step;
    return html`<div class="records" part="base">
      ${this.summary.render(this.t)} ${this.renderStep()}
      ${step !== 'describe' && step !== 'done'
        ? html`<p class="start-over"><button type="button" class="link-button" part="start-over" @click=${() => void this.startOver()}>${this.t('recordsStartOver')}</button></p>`
        : nothing}
      ${this.announcer.render()}
    </div>`;
  }
}
