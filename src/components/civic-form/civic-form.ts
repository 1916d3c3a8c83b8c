import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormReceipt, FormsBackend } from '../../api/forms/client.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { DraftController, type FlowDraft } from '../../core/forms/draft.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { fieldset } from '../../core/forms/field.js';
import { submissionFingerprint } from '../../core/forms/fingerprint.js';
import { FormFlowController, type StepError } from '../../core/forms/flow.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { checkAnswers, confirmationPanel, continueBack, stepTitle, type AnswerRow } from '../../core/forms/pieces.js';
import { choiceList, renderField } from '../../core/forms/render-field.js';
import { errorTarget, type FieldValue } from '../../core/forms/schema.js';
import { SubmitController } from '../../core/forms/submit.js';
import { registerMessages } from '../../core/i18n.js';
import { resolveFormsBackend } from '../../core/forms-backend.js';
import { formElementStyles } from './civic-form.styles.js';
import {
  answerText,
  controlId,
  DONE,
  indexDefinition,
  isGrouped,
  MORE,
  pageAnswered,
  pageAnswers,
  pageControlIds,
  questionSpecs,
  REVIEW,
  stepsFor,
  submission,
  text,
  type Entries,
  type FormIndex,
  type Values,
} from './engine.js';
import type { FormDefinition, FormPage, Question } from './format.js';
import { renderMarkdown } from './guidance.js';
import { markdownText, parseMarkdown } from '../../forms/markdown.js';
import { entryList, entryText, problemsPanel, savedPanel, uploadProgress } from './views.js';
import { answerMessage } from '../../forms/answer-messages.js';
import { validatePage } from '../../forms/validate-answers.js';
import { readResumeLink, resumeLink } from './resume.js';
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

interface FormDraft extends FlowDraft {
  values: Values;
  entries: Entries;
  /** The entry of a repeatable page being answered (an index into `entries[page]`). */
  editing?: number;
  /** "Add another?" on a repeatable page's summary. */
  more?: string;
}

const emptyDraft = (start = ''): FormDraft => ({ step: start, values: {}, entries: {} });

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
  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, formElementStyles];

  /** The form's slug in the catalog, e.g. `block-party-permit`. */
  @property({ reflect: true }) form?: string;

  /** A definition to run instead of loading `form` from the backend (it is validated the same way). */
  @property({ attribute: false }) definition?: FormDefinition;

  /** Base URL of the forms contract (`/forms/v1`); overrides the hall's `forms-endpoint`. */
  @property({ attribute: 'forms-endpoint' }) formsEndpoint?: string;

  /** Any `FormsBackend` (a city's vendor adapter); wins over `forms-endpoint`. */
  @property({ attribute: false }) formsBackend?: FormsBackend;

  /** Page that shows a submission's status: `{reference}` is filled in, e.g. `/track.html?request={reference}`. */
  @property({ attribute: 'tracker-url' }) trackerUrl?: string;

  /** Names the stored draft; set it when one page has the same form twice. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  @state() private def?: FormDefinition;
  @state() private problems: string[] = [];
  @state() private loadError?: unknown;
  @state() private receipt?: FormReceipt;
  @state() private saveLink?: string;
  @state() private progress?: number;
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
  private readonly submit = new SubmitController<FormReceipt>(this, {
    draft: this.draft,
    placeErrors: (error) => this.placeServerErrors(error),
    onFailed: () => this.announcer.announce(() => this.t('civicFormSendFailed')),
    resend: () => {
      if (this.isConnected) void this.send(new Event('submit'));
    },
  });
  private loaded?: { key: string; abort: AbortController };

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
    const key = this.definition ? `own:${this.definition.slug}:${this.definition.version}` : source && this.form ? `${source.key}|${this.form}` : undefined;
    if (key && this.loaded?.key !== key) void this.load(key, source?.backend);
  }

  private async load(key: string, backend: FormsBackend | undefined): Promise<void> {
    this.loaded?.abort.abort();
    const abort = new AbortController();
    this.loaded = { key, abort };
    this.loadError = undefined;
    // The validator's code arrives while the definition does: a page with the form pays for it then.
    const validator = import('../../forms/validate-definition.js');
    try {
      const def = this.definition ?? (await backend!.definition(this.form!, abort.signal));
      const { validateDefinition } = await validator;
      if (abort.signal.aborted) return;
      this.problems = validateDefinition(def).map((e) => `${e.path}: ${e.message}`);
      if (this.problems.length) return;
      this.index = indexDefinition(def);
      if (!this.draft.restored) await this.draft.restore();
      this.def = def;
      await this.resumeFromLink();
      // A draft of another version may stand on a page this one no longer has: start again.
      if (!this.isStep(this.draft.value.step)) this.draft.replace(emptyDraft(def.start_page));
    } catch (error) {
      if (!abort.signal.aborted) this.loadError = error;
    }
  }

  /** A "save and return" link opened here: its answers replace the draft, and the link leaves the address bar. */
  private async resumeFromLink(): Promise<void> {
    const saved = await readResumeLink(location.hash, this.slug);
    if (saved === undefined) return;
    history.replaceState(history.state, '', location.pathname + location.search);
    if (saved === null) {
      this.announcer.announce(() => this.t('civicFormResumeBad'));
      return;
    }
    this.draft.replace({ ...emptyDraft(), step: saved.step, values: saved.values, entries: saved.entries });
    this.announcer.announce(() => this.t('civicFormResumed'));
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
    if (this.draft.value.returnToReview && next !== REVIEW && needsVisit) this.flow.go(next);
    else this.flow.next(from);
  }

  /** A repeatable page's answers become an entry; its controls empty for the next one. */
  private commitEntry(page: FormPage): void {
    const ids = pageControlIds(this.t, page, this.locale);
    const list = [...(this.draft.value.entries[page.id] ?? [])];
    list[this.draft.value.editing ?? list.length] = Object.fromEntries(ids.map((id) => [id, this.values[id]]));
    const values = { ...this.values };
    for (const id of ids) delete values[id];
    this.draft.patch({ entries: { ...this.draft.value.entries, [page.id]: list }, values, editing: undefined, more: undefined });
    this.flow.go(page.id + MORE);
  }

  /** Opens entry `i` of a repeatable page (a new one when `i` is the count). */
  private editEntry(page: FormPage, i: number): void {
    const entry = this.draft.value.entries[page.id]?.[i] ?? {};
    const values = { ...this.values };
    for (const id of pageControlIds(this.t, page, this.locale)) values[id] = entry[id];
    this.draft.patch({ values, editing: i });
    this.flow.go(page.id);
  }

  private removeEntry(page: FormPage, i: number): void {
    const list = (this.draft.value.entries[page.id] ?? []).filter((_, j) => j !== i);
    this.draft.patch({ entries: { ...this.draft.value.entries, [page.id]: list } });
    this.announcer.announce(() => this.t('civicFormRemoved', { label: `${this.tx(page.repeatable!.item)} ${i + 1}` }));
    if (!list.length) this.editEntry(page, 0);
    else this.flow.focus();
  }

  private back(from: string): void {
    const pageId = from.endsWith(MORE) ? from.slice(0, -MORE.length) : from;
    const page = this.index!.pages.get(pageId);
    const count = this.draft.value.entries[pageId]?.length ?? 0;
    if (page?.repeatable && from.endsWith(MORE)) this.editEntry(page, count - 1);
    else if (page?.repeatable && count > 0) this.flow.go(pageId + MORE);
    else this.flow.back(from);
  }

  /** A backend 400 names questions: each error goes to the page (and control) that asks it. */
  private placeServerErrors(error: unknown): boolean {
    const e = error as { kind?: string; status?: number; errors?: { field: string; message: string }[] } | null;
    if (e?.kind !== 'contract' || e.status !== 400 || !e.errors?.length) return false;
    const placed: StepError[] = e.errors.map(({ field, message }) => {
      const page = this.index!.pageOf.get(field);
      const q = page?.questions.find((x) => x.id === field);
      if (!page || !q) return { step: REVIEW, id: 'submit', message };
      if (page.repeatable) return { step: page.id + MORE, id: 'step-title', message };
      return { step: page.id, id: errorTarget(questionSpecs(this.t, q, this.locale)[0]!), message };
    });
    // Once the named answers are fixed, Continue comes back to check your answers.
    this.draft.patch({ returnToReview: true });
    this.flow.placeServerErrors(placed);
    return true;
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const def = this.def!;
    const { answers, files } = submission(def, this.index!, this.values, this.draft.value.entries);
    const input = { answers, version: def.version, language: this.locale.split('-')[0]! };
    const backend = this.source()?.backend;
    if (!backend) {
      // A definition given as a property, with nowhere to send it.
      this.announcer.announce(() => this.t('notConfigured'));
      return;
    }
    const receipt = await this.submit.send(
      (key) =>
        backend.submit(def.slug, input, {
          files,
          idempotencyKey: key,
          onProgress: (loaded, total) => (this.progress = Math.round((loaded / total) * 100)),
        }),
      () => submissionFingerprint(input, Object.values(files).flat()),
    );
    this.progress = undefined;
    if (!receipt) return;
    this.receipt = receipt;
    // Nothing typed is kept once the city has it: the confirmation shows only the receipt.
    await this.draft.discard({ ...emptyDraft(), step: DONE });
    this.flow.reset();
    this.emit('civic-form-submitted', { form: def.slug, reference: receipt.reference, status: receipt.status });
  }

  /** Forgets the answers and starts the form again. */
  async startOver(): Promise<void> {
    await this.draft.discard(emptyDraft(this.def?.start_page));
    this.receipt = undefined;
    this.saveLink = undefined;
    this.submit.reset();
    this.flow.reset();
  }

  private async saveForLater(): Promise<void> {
    await this.draft.saveNow();
    const d = this.draft.value;
    this.saveLink = await resumeLink(location.href, this.slug, { step: d.step, values: d.values, entries: d.entries, version: this.def!.version });
    this.summary.clear();
    this.flow.focus();
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
      <button type="button" class="link-button" part="save-later" @click=${() => void this.saveForLater()}>${this.t('civicFormSaveLater')}</button>
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
    return html`<form novalidate @submit=${(e: Event) => this.flow.submitStep(e, page.id, this.pageErrors(page), () => (page.repeatable ? this.commitEntry(page) : this.proceed(page.id)))}>
      ${stepTitle(title + (page.repeatable && page.heading ? item : ''), this.caption())}
      ${page.guidance ? html`<div class="guidance" part="guidance">${renderMarkdown(this.tx(page.guidance))}</div>` : nothing}
      <div class=${labelIsTitle ? 'label-is-title' : ''}>${page.questions.map((q) => this.renderQuestion(q))}</div> ${continueBack(this.t, first ? {} : { onBack: () => this.back(page.id) })}
    </form>`;
  }

  private renderMore(page: FormPage): TemplateResult {
    const rep = page.repeatable!;
    const list = this.draft.value.entries[page.id] ?? [];
    const canAdd = list.length < rep.max;
    const id = `more-${page.id}`;
    const error = this.summary.errorFor(`${id}-0`);
    const errors = (): StepError[] => (canAdd && !this.draft.value.more ? [{ step: page.id + MORE, id: `${id}-0`, message: this.t('civicFormErrorAddAnother') }] : []);
    const onSubmit = (e: Event) =>
      this.flow.submitStep(e, page.id + MORE, errors(), () => (canAdd && this.draft.value.more === 'yes' ? this.editEntry(page, list.length) : this.proceed(page.id + MORE)));
    return html`<form novalidate @submit=${onSubmit}>
      ${stepTitle(this.t('civicFormAdded', { count: list.length }), this.caption())}
      ${entryList(this.t, page, list, this.locale, { change: (i) => this.editEntry(page, i), remove: (i) => this.removeEntry(page, i) })}
      ${canAdd
        ? fieldset(this.t, { id, legend: this.tx(rep.add_another), ...(error ? { error } : {}) }, (p) =>
            choiceList(p, [{ value: 'yes', label: this.t('civicFormYes') }, { value: 'no', label: this.t('civicFormNo') }], 'radio', [this.draft.value.more ?? ''], (v) => this.draft.patch({ more: v })),
          )
        : html`<p class="inset">${this.t('civicFormMaxReached', { max: rep.max })}</p>`}
      ${continueBack(this.t, { onBack: () => this.back(page.id + MORE) })}
    </form>`;
  }

  private reviewRows(): AnswerRow[] {
    const rows: AnswerRow[] = [];
    for (const step of this.steps()) {
      const page = this.index!.pages.get(step);
      if (!page) continue;
      if (page.repeatable) {
        (this.draft.value.entries[page.id] ?? []).forEach((entry, i) =>
          rows.push({
            key: `${page.id}.${i}`,
            label: `${this.tx(page.repeatable!.item)} ${i + 1}`,
            value: entryText(this.t, page, entry, this.locale),
            step: page.id + MORE,
          }),
        );
      } else for (const q of page.questions) rows.push({ key: q.id, label: this.tx(q.label), value: answerText(this.t, q, this.values, this.locale), step: page.id });
    }
    return rows;
  }

  private renderReview(): TemplateResult {
    const def = this.def!;
    return html`${checkAnswers(this.t, {
      rows: this.reviewRows(),
      sending: this.submit.sending,
      submitError: this.submit.error,
      ...(def.declaration ? { declaration: markdownText(parseMarkdown(this.tx(def.declaration))) } : {}),
      submitLabel: def.declaration ? this.t('civicFormAgreeSend') : this.t('civicFormSend'),
      onChange: (row) => this.flow.change(row.step),
      onBack: () => this.back(REVIEW),
      onSubmit: (e) => void this.send(e),
    })}
    ${this.progress !== undefined ? uploadProgress(this.t, this.progress) : nothing}`;
  }

  private renderExit(id: string): TemplateResult {
    const exit = this.def!.exit_pages!.find((e) => e.id === id)!;
    return html`${stepTitle(this.tx(exit.heading), this.caption())}
      <div class="guidance" part="guidance">${renderMarkdown(this.tx(exit.body))}</div>
      <div class="actions"><button type="button" class="civic-button civic-button--secondary" part="back-button" @click=${() => this.flow.back(id)}>${this.t('formBack')}</button></div>`;
  }

  private renderDone(): TemplateResult | typeof nothing {
    const r = this.receipt;
    if (!r) return nothing;
    const def = this.def!;
    const link = this.trackerUrl?.replaceAll('{reference}', encodeURIComponent(r.reference));
    return html`${confirmationPanel({ title: this.t('civicFormDoneTitle'), referenceLabel: this.t('civicFormDoneReference'), reference: r.reference })}
      ${def.what_happens_next ? html`<h3>${this.t('civicFormDoneNext')}</h3>${renderMarkdown(this.tx(def.what_happens_next))}` : nothing}
      ${link ? html`<p><a href=${link} part="tracker-link">${this.t('civicFormDoneTrack')}</a></p>` : nothing}
      <p><button type="button" class="civic-button civic-button--secondary" @click=${() => void this.startOver()}>${this.t('civicFormAnother')}</button></p>`;
  }

  private renderStep(): TemplateResult | typeof nothing {
    const step = this.flow.step;
    if (step === DONE) return this.renderDone();
    if (this.saveLink)
      return savedPanel(this.t, this.caption(), this.saveLink, () => {
        this.saveLink = undefined;
        this.flow.focus();
      });
    if (step === REVIEW) return this.renderReview();
    if (this.index!.exits.has(step)) return this.renderExit(step);
    if (step.endsWith(MORE)) return this.renderMore(this.index!.pages.get(step.slice(0, -MORE.length))!);
    return this.renderPage(this.index!.pages.get(step)!);
  }

  protected override render(): unknown {
    if (this.problems.length) {
      return problemsPanel(this.t, this.problems);
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
      ${this.summary.render(this.t)} ${this.renderStep()} ${editing ? this.saveLater() : nothing}
      ${step !== DONE && step !== this.def.start_page
        ? html`<p class="start-over"><button type="button" class="link-button" part="start-over" @click=${() => void this.startOver()}>${this.t('civicFormStartOver')}</button></p>`
        : nothing}
      ${this.def.privacy_url ? html`<p><a href=${this.def.privacy_url}>${this.t('civicFormPrivacy')}</a></p>` : nothing}
      ${this.announcer.render()}
    </div>`;
  }
}
