import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { FormReceipt, FormsBackend } from '../../api/forms/client.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { DraftController, type FlowDraft } from '../../core/forms/draft.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { fieldset } from '../../core/forms/field.js';
import { FormFlowController, type StepError } from '../../core/forms/flow.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { continueBack, stepTitle } from '../../core/forms/pieces.js';
import { renderField } from '../../core/forms/render-field.js';
import { errorTarget, type FieldValue } from '../../core/forms/schema.js';
import { languageReady, registerMessages } from '../../core/i18n.js';
import { resolveFormsBackend } from '../../core/forms-backend.js';
import { formElementStyles } from './civic-form.styles.js';
import {
  controlId,
  DONE,
  emptyDraft,
  indexDefinition,
  isGrouped,
  pageAnswered,
  pageAnswers,
  questionSpecs,
  RESUME_PARAM,
  REVIEW,
  stepsFor,
  text,
  type FormDraft,
  type FormIndex,
  type Values,
} from './engine.js';
import type { FormDefinition, FormPage, Question } from './format.js';
import { renderMarkdown } from './guidance.js';
import type { FormHost, FormLater } from './later.js';
import { answerMessage } from '../../forms/answer-messages-core.js';
import { validatePage } from '../../forms/validate-answers.js';
import { checkDefinition } from '../../forms/check-definition.js';
import { formMessages } from './strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

registerMessages(formMessages);

/** Detail of `civic-form-submitted`. */
export interface CivicFormSubmittedDetail {
  form: string;
  reference: string;
  status: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-form': CivicForm;
  }
  interface HTMLElementEventMap {
    'civic-form-submitted': CustomEvent<CivicFormSubmittedDetail>;
  }
}

/**
 * Any city form from a definition (pages of questions, routing as data, exit pages, "add
 * another", a declaration, what happens next), one page at a time on the shared form engine:
 * Back, check your answers with Change links, errors on their fields (the backend's too), a
 * confirmation with the reference number. Answers are kept on the device as the resident goes;
 * "Save and come back later" gives a link that carries them to another device (in the URL
 * fragment, never sent to a server; files are added again). A send never files twice and goes by
 * itself once the device is back online; uploads show their progress.
 *
 * @summary A city form from a JSON definition (GOV.UK Forms style).
 * @tagname civic-form
 *
 * @fires {CustomEvent<CivicFormSubmittedDetail>} civic-form-submitted - The backend accepted the form.
 *
 * @csspart step-title - Each page's heading.
 * @csspart step-caption - The form's name above it.
 * @csspart guidance - A page's guidance.
 * @csspart error-summary - "There is a problem" with links to the fields.
 * @csspart error-panel - A backend failure with its retry.
 * @csspart continue-button - Each page's Continue.
 * @csspart back-button - Each page's Back.
 * @csspart save-later - "Save and come back later".
 * @csspart summary-list - The check-your-answers list.
 * @csspart submit-button - Send the form.
 * @csspart upload-progress - The progress bar while files upload.
 * @csspart confirmation-panel - The reference number panel.
 * @csspart tracker-link - The link to follow the submission.
 *
 * @cssprop --civic-form-gap - Space between sections. Default `var(--civic-space-l)`.
 * @cssprop --civic-form-panel-color - Confirmation panel background. Default `#00703c`.
 * @cssprop --civic-form-max-width - Widest the form grows. Default `40rem`.
 */
export class CivicForm extends CivicElement {
  static override properties = {
    form: { reflect: true },
    definition: { attribute: false },
    formsEndpoint: { attribute: 'forms-endpoint' },
    formsBackend: { attribute: false },
    trackerUrl: { attribute: 'tracker-url' },
    draftKey: { attribute: 'draft-key' },
    def: { state: true, attribute: false },
    problems: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    receipt: { state: true, attribute: false },
    saveLink: { state: true, attribute: false },
    progress: { state: true, attribute: false },
    later: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, formElementStyles];

  /** The form's slug in the catalog, e.g. `block-party-permit`. */
  form?: string;

  /** A definition to run instead of loading `form` from the backend (it is validated the same way). */
  definition?: FormDefinition;

  /** Base URL of the forms contract (`/forms/v1`); overrides the hall's `forms-endpoint`. */
  formsEndpoint?: string;

  /** Any `FormsBackend` (a city's vendor adapter); wins over `forms-endpoint`. */
  formsBackend?: FormsBackend;

  /** Page that shows a submission's status: `{reference}` is filled in, e.g. `/track.html?request={reference}`. */
  trackerUrl?: string;

  /** Names the stored draft; set it when one page has the same form twice. */
  draftKey?: string;

  private def?: FormDefinition;
  private problems: string[] = [];
  private loadError?: unknown;
  private receipt?: FormReceipt;
  private saveLink?: string;
  /** How much of a send with files has gone (the later steps set it). */
  protected progress?: number;
  /** The later steps' code (`later.ts`), once loaded. */
  private later?: FormLater;
  private laterLoading?: Promise<FormLater>;
  private index?: FormIndex;

  private readonly summary = new ErrorSummaryController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly draft = new DraftController<FormDraft>(this, {
    key: () => `civic-form:${this.draftKey ?? this.slug}`,
    empty: () => emptyDraft(this.def?.start_page),
    revive: (stored) => ({ ...emptyDraft(this.def?.start_page), ...stored }),
    keep: (d) => d.step !== DONE,
  });
  private readonly flow = new FormFlowController<string>(this, {
    draft: this.draft as unknown as DraftController<FlowDraft<string>>,
    summary: this.summary,
    steps: () => this.steps(),
    review: REVIEW,
    t: () => this.t,
  });
  /** What was loaded: the backend and slug, or the definition given (a new object is loaded again, even with the same version). */
  private loaded?: { key: string | FormDefinition; abort: AbortController };

  private get slug(): string {
    return this.definition?.slug ?? this.form ?? '';
  }

  private source() {
    return resolveFormsBackend(this, this.hallConfig, this.locale);
  }

  private tx(value: Record<string, string> | undefined): string {
    return text(value, this.locale);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const source = this.definition ? undefined : this.source();
    const key = this.definition ?? (source && this.form ? `${source.key}|${this.form}` : undefined);
    if (key && this.loaded?.key !== key) void this.load(key, source?.backend);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The first page is up: fetch the later steps now, so they are here before the resident needs them.
    if (this.def && !this.laterLoading) requestAnimationFrame(() => void this.loadLater().catch(() => {}));
  }

  /**
   * The later steps' code and words (a chunk of its own, see `later.ts`); fetched once. A
   * failed fetch (offline) is asked for again the next time a later step needs it.
   */
  private loadLater(): Promise<FormLater> {
    this.laterLoading ??= import('./later.js').then(
      async ({ FormLater }) => {
        await languageReady(this.locale);
        return (this.later = new FormLater(this as unknown as FormHost));
      },
      (error: unknown) => {
        this.laterLoading = undefined;
        throw error;
      },
    );
    return this.laterLoading;
  }

  /** Runs `use` once the later steps are here; if they cannot be fetched (offline), says so with a retry (the draft keeps every answer). */
  private async withLater(use: (later: FormLater) => unknown): Promise<void> {
    try {
      await use(await this.loadLater());
    } catch (error) {
      this.loadError = error;
    }
  }

  private async load(key: string | FormDefinition, backend: FormsBackend | undefined): Promise<void> {
    this.loaded?.abort.abort();
    const abort = new AbortController();
    this.loaded = { key, abort };
    this.loadError = undefined;
    try {
      const def = this.definition ?? (await backend!.definition(this.form!, abort.signal));
      if (abort.signal.aborted) return;
      // The checks run here, before anything shows; their words are fetched only for a
      // definition that fails them (a page with a good form never carries them).
      const problems = checkDefinition(def);
      if (problems.length) {
        // Offline, the codes still say what (`pages[2].next: no_target`).
        const words = await import('../../forms/definition-messages.js').catch(() => undefined);
        if (!abort.signal.aborted) this.problems = problems.map((p) => `${p.path}: ${words ? words.definitionMessage(p) : p.code}`);
        return;
      }
      this.problems = [];
      this.index = indexDefinition(def);
      if (!this.draft.restored) await this.draft.restore();
      // A saved link opened here, a draft left on a later step, or a first screen that repeats
      // (its Continue files an entry): the later steps are needed before the first screen. A
      // repeatable page further on waits for them only if the resident is quicker than the
      // fetch that starts once the first page shows.
      const resume = location.hash.startsWith(`#${RESUME_PARAM}`);
      const first = this.index.pages.get(this.draft.value.step || def.start_page);
      if (resume || !first || first.repeatable) {
        const later = await this.loadLater();
        if (abort.signal.aborted) return;
        this.def = def;
        if (resume) await later.resumeFromLink();
      } else this.def = def;
      // A draft of another version may stand on a page this one no longer has: start again.
      if (!this.isStep(this.draft.value.step)) this.draft.replace(emptyDraft(def.start_page));
    } catch (error) {
      if (!abort.signal.aborted) this.loadError = error;
    }
  }

  private isStep(step: string): boolean {
    return step === DONE ? this.receipt !== undefined : this.steps().includes(step);
  }

  /** The steps the answers lead through now. */
  private steps(): string[] {
    return this.def && this.index ? stepsFor(this.def, this.index, this.draft.value.values) : [];
  }

  private get values(): Values {
    return this.draft.value.values;
  }

  private setValue(id: string, value: FieldValue): void {
    this.draft.patch({ values: { ...this.values, [id]: value } });
  }

  /** A page's problems by the shared rules (the server's), each on its control, in the resident's language. */
  private pageErrors(page: FormPage): StepError[] {
    return validatePage(page, pageAnswers(page, this.values, true)).map((e) => {
      const q = page.questions.find((x) => x.id === e.question);
      return { step: page.id, id: this.controlFor(q, e.part), message: answerMessage(e, q, this.locale) };
    });
  }

  /** The control an error about `q` (one part of it) focuses. */
  private controlFor(q: Question | undefined, part?: string): string {
    if (!q) return 'step-title';
    return part ? controlId(q.id, part) : errorTarget(questionSpecs(this.t, q, this.locale)[0]!);
  }

  /** Continue: the next step on the route; after a Change, back to check answers unless the route now needs a new page. */
  private proceed(from: string): void {
    const steps = this.steps();
    const next = steps[steps.indexOf(from) + 1] ?? REVIEW;
    const page = this.index!.pages.get(next);
    const needsVisit = this.index!.exits.has(next) || (page !== undefined && !pageAnswered(this.t, page, this.values, this.draft.value.entries, this.locale));
    const visit = this.draft.value.returnToReview && next !== REVIEW && needsVisit;
    const to = visit || !this.draft.value.returnToReview ? next : REVIEW;
    // Check your answers or an exit page is the later steps' code: here by now, unless the
    // resident is quicker than the network; then this page stays until it is.
    if (!this.later && !this.index!.pages.has(to)) {
      void this.withLater(() => this.proceed(from));
      return;
    }
    if (visit) this.flow.go(next);
    else this.flow.next(from);
  }

  private back(from: string): void {
    // Back around a repeatable page is the later steps' (waited for if not here yet).
    if (this.later || this.def!.pages.some((p) => p.repeatable)) void this.withLater((later) => later.back(from));
    else this.flow.back(from);
  }

  /** Forgets the answers and starts the form again. */
  async startOver(): Promise<void> {
    await this.draft.discard(emptyDraft(this.def?.start_page));
    this.receipt = undefined;
    this.saveLink = undefined;
    this.later?.submit.reset();
    this.flow.reset();
  }

  private renderQuestion(q: Question): TemplateResult {
    const specs = questionSpecs(this.t, q, this.locale);
    const one = (spec: (typeof specs)[number]) =>
      renderField(this.t, spec, this.values[spec.id], {
        ...(this.summary.errorFor(errorTarget(spec)) ? { error: this.summary.errorFor(errorTarget(spec))! } : {}),
        onChange: (value) => this.setValue(spec.id, value),
      });
    if (!isGrouped(q)) return one(specs[0]!);
    return fieldset(
      this.t,
      { id: controlId(q.id), legend: this.tx(q.label), optional: !q.required, ...(q.hint ? { hint: this.tx(q.hint) } : {}) },
      () => specs.map(one),
    );
  }

  private caption(): string {
    return this.tx(this.def!.name);
  }

  private saveLater(): TemplateResult {
    return html`<p class="save-later">
      <button type="button" class="link-button" part="save-later" @click=${() => void this.withLater((later) => later.saveForLater())}>${this.t('civicFormSaveLater')}</button>
    </p>`;
  }

  private renderPage(page: FormPage): TemplateResult {
    const first = this.steps()[0] === page.id && !(page.repeatable && this.draft.value.entries[page.id]?.length);
    const only = page.questions.length === 1 ? page.questions[0] : undefined;
    const title = page.heading ? this.tx(page.heading) : only ? this.tx(only.label) : this.caption();
    // One required question and no heading: its label is the page's heading, said once (GOV.UK);
    // the label stays for screen readers. An optional one keeps its label and its "(optional)".
    const labelIsTitle = !page.heading && only !== undefined && Boolean(only.required) && !isGrouped(only);
    const item = page.repeatable ? ` ${this.tx(page.repeatable.item)} ${(this.draft.value.editing ?? this.draft.value.entries[page.id]?.length ?? 0) + 1}` : '';
    return html`<form novalidate @submit=${(e: Event) => this.flow.submitStep(e, page.id, this.pageErrors(page), () => (page.repeatable ? void this.withLater((later) => later.commitEntry(page)) : this.proceed(page.id)))}>
      ${stepTitle(title + (page.repeatable && page.heading ? item : ''), this.caption())}
      ${page.guidance ? html`<div class="guidance" part="guidance">${renderMarkdown(this.tx(page.guidance))}</div>` : nothing}
      <div class=${labelIsTitle ? 'label-is-title' : ''}>${page.questions.map((q) => this.renderQuestion(q))}</div> ${continueBack(this.t, first ? {} : { onBack: () => this.back(page.id) })}
    </form>`;
  }

  /** A question page here; any other step is the later steps' (fetched after the first page, waited for if not here yet). */
  private renderStep(step: string): unknown {
    const page = this.saveLink ? undefined : this.index!.pages.get(step);
    if (page) return this.renderPage(page);
    if (this.later) return this.later.renderStep(step);
    void this.withLater(() => {});
    return html`<p role="status">${this.t('loading')}</p>`;
  }

  protected override render(): unknown {
    if (this.problems.length) {
      // A definition that cannot run: what is wrong and where, for the city's web team.
      return html`<div class="civic-error-panel" role="alert" part="error-panel">
        <p>${this.t('civicFormBadDefinition')}</p>
        <ul class="problems">${this.problems.map((p) => html`<li>${p}</li>`)}</ul>
      </div>`;
    }
    if (this.loadError) {
      const missing = (this.loadError as { status?: number }).status === 404;
      return missing
        ? html`<div class="civic-error-panel" role="alert" part="error-panel"><p>${this.t('civicFormNotFound')}</p></div>`
        : errorPanel(this.t, this.loadError, () => {
            this.loaded = undefined;
            this.requestUpdate();
          });
    }
    if (!this.definition && !this.source()) return html`<p>${this.t('notConfigured')}</p>`;
    if (!this.def || !this.draft.restored || !this.isStep(this.flow.step)) return html`<p role="status">${this.t('loading')}</p>`;
    const step = this.flow.step;
    const editing = step !== DONE && step !== REVIEW && !this.saveLink && !this.index!.exits.has(step);
    return html`<div class="form" part="base">
      ${this.summary.render(this.t)} ${this.renderStep(step)} ${editing ? this.saveLater() : nothing}
      ${step !== DONE && step !== this.def.start_page
        ? html`<p class="start-over"><button type="button" class="link-button" part="start-over" @click=${() => void this.startOver()}>${this.t('civicFormStartOver')}</button></p>`
        : nothing}
      ${this.def.privacy_url ? html`<p><a href=${this.def.privacy_url}>${this.t('civicFormPrivacy')}</a></p>` : nothing}
      ${this.announcer.render()}
    </div>`;
  }
}
