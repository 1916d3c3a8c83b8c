import { adoptStyles, html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import type { FormReceipt, FormsBackend } from '../../api/forms/client.js';
import type { AnnouncerController } from '../../core/announcer.js';
import type { DraftController } from '../../core/forms/draft.js';
import { fieldset } from '../../core/forms/field.js';
import type { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { submissionFingerprint } from '../../core/forms/fingerprint.js';
import type { FormFlowController, StepError } from '../../core/forms/flow.js';
import { checkAnswers, confirmationPanel, type AnswerRow } from '../../core/forms/answers.js';
import { continueBack, stepTitle } from '../../core/forms/pieces.js';
import { choiceList } from '../../core/forms/render-field.js';
import { errorTarget } from '../../core/forms/schema.js';
import { SubmitController } from '../../core/forms/submit.js';
import { registerMessages, type Translate } from '../../core/i18n.js';
import { controlId, DONE, emptyDraft, MORE, pageAnswers, pageControlIds, questionSpecs, REVIEW, type Entries, type FormDraft, type FormIndex, type Values } from './engine.js';
import type { Answers, FormDefinition, FormPage } from './format.js';
import { markdownText, parseMarkdown } from '../../forms/markdown.js';
import { renderMarkdown } from './guidance.js';
import { formLaterMessages } from './later-strings.js';
import { formLaterStyles } from './later-styles.js';
import { readResumeLink, resumeLink } from './resume.js';
import { answerText, entryList, entryText, savedPanel, uploadProgress } from './views.js';

registerMessages(formLaterMessages);

/**
 * `<civic-form>` after its first page: "add another" and its list, exit pages, check your
 * answers, sending (retry, offline, upload progress, the backend's field errors), the
 * confirmation, and "save and come back later". A chunk of its own, fetched right after the
 * first page shows (at once when the first screen is a repeatable page, or a saved link or
 * draft opens on a later step), so the first page costs a page nothing more. Its styles come
 * with it (`later-styles.ts`). It imports what it
 * uses of the first page's modules directly: the build lets a lazy chunk import from the
 * element's own chunk.
 */

/** What the later steps use of the element (its private parts, reached through this). */
export interface FormHost extends HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  def?: FormDefinition;
  index?: FormIndex;
  receipt?: FormReceipt;
  saveLink?: string;
  progress?: number;
  trackerUrl?: string;
  readonly slug: string;
  readonly locale: string;
  readonly values: Values;
  readonly draft: DraftController<FormDraft>;
  readonly flow: FormFlowController<string>;
  readonly summary: ErrorSummaryController;
  readonly announcer: AnnouncerController;
  t: Translate;
  tx(value: Record<string, string> | undefined): string;
  caption(): string;
  steps(): string[];
  proceed(from: string): void;
  startOver(): Promise<void>;
  source(): { backend: FormsBackend } | undefined;
  emit(type: 'civic-form-submitted', detail: { form: string; reference: string; status: string }): boolean;
  requestUpdate(): void;
  addController(controller: unknown): void;
}

export class FormLater {
  readonly submit: SubmitController<FormReceipt>;
  private uploadFetched = false;

  constructor(private readonly host: FormHost) {
    // The later steps' styles come with their code: added to the element's own sheets (or, where
    // a browser cannot adopt sheets, as <style> elements with Lit's nonce).
    const root = host.renderRoot as ShadowRoot;
    if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...formLaterStyles.map((s) => s.styleSheet!)];
    else adoptStyles(root, formLaterStyles);
    this.submit = new SubmitController<FormReceipt>(host as never, {
      draft: host.draft,
      placeErrors: (error) => this.placeServerErrors(error),
      onFailed: () => host.announcer.announce(() => host.t('civicFormSendFailed')),
      resend: () => {
        if (host.isConnected) void this.send(new Event('submit'));
      },
    });
  }

  private get d(): FormDraft {
    return this.host.draft.value;
  }

  /** A "save and return" link opened here: its answers replace the draft, and the link leaves the address bar. */
  async resumeFromLink(): Promise<void> {
    const h = this.host;
    const saved = await readResumeLink(location.hash, h.slug);
    if (saved === undefined) return;
    history.replaceState(history.state, '', location.pathname + location.search);
    if (saved === null) {
      h.announcer.announce(() => h.t('civicFormResumeBad'));
      return;
    }
    h.draft.replace({ ...emptyDraft(), step: saved.step, values: saved.values, entries: saved.entries });
    h.announcer.announce(() => h.t('civicFormResumed'));
  }

  /** A repeatable page's answers become an entry; its controls empty for the next one. */
  commitEntry(page: FormPage): void {
    const h = this.host;
    const ids = pageControlIds(h.t, page, h.locale);
    const list = [...(this.d.entries[page.id] ?? [])];
    list[this.d.editing ?? list.length] = Object.fromEntries(ids.map((id) => [id, h.values[id]]));
    const values = { ...h.values };
    for (const id of ids) delete values[id];
    h.draft.patch({ entries: { ...this.d.entries, [page.id]: list }, values, editing: undefined, more: undefined });
    h.flow.go(page.id + MORE);
  }

  /** Opens entry `i` of a repeatable page (a new one when `i` is the count). */
  private editEntry(page: FormPage, i: number): void {
    const h = this.host;
    const entry = this.d.entries[page.id]?.[i] ?? {};
    const values = { ...h.values };
    for (const id of pageControlIds(h.t, page, h.locale)) values[id] = entry[id];
    h.draft.patch({ values, editing: i });
    h.flow.go(page.id);
  }

  private removeEntry(page: FormPage, i: number): void {
    const h = this.host;
    const list = (this.d.entries[page.id] ?? []).filter((_, j) => j !== i);
    h.draft.patch({ entries: { ...this.d.entries, [page.id]: list } });
    h.announcer.announce(() => h.t('civicFormRemoved', { label: `${h.tx(page.repeatable!.item)} ${i + 1}` }));
    if (!list.length) this.editEntry(page, 0);
    else h.flow.focus();
  }

  /** Back from a repeatable page or its "add another" step. */
  back(from: string): void {
    const pageId = from.endsWith(MORE) ? from.slice(0, -MORE.length) : from;
    const page = this.host.index!.pages.get(pageId);
    const count = this.d.entries[pageId]?.length ?? 0;
    if (page?.repeatable && from.endsWith(MORE)) this.editEntry(page, count - 1);
    else if (page?.repeatable && count > 0) this.host.flow.go(pageId + MORE);
    else this.host.flow.back(from);
  }

  /** A backend 400 names questions: each error goes to the page (and control) that asks it. */
  private placeServerErrors(error: unknown): boolean {
    const h = this.host;
    const e = error as { kind?: string; status?: number; errors?: { field: string; message: string }[] } | null;
    if (e?.kind !== 'contract' || e.status !== 400 || !e.errors?.length) return false;
    const placed: StepError[] = e.errors.map(({ field, message }) => {
      const page = h.index!.pageOf.get(field);
      const q = page?.questions.find((x) => x.id === field);
      if (!page || !q) return { step: REVIEW, id: 'submit', message };
      if (page.repeatable) return { step: page.id + MORE, id: 'step-title', message };
      return { step: page.id, id: errorTarget(questionSpecs(h.t, q, h.locale)[0]!), message };
    });
    // Once the named answers are fixed, Continue comes back to check your answers.
    h.draft.patch({ returnToReview: true });
    h.flow.placeServerErrors(placed);
    return true;
  }

  /**
   * The submission: only pages on the route taken (an answer on a skipped page is not sent),
   * question id → answer, a repeatable page's entries as a list under its id; files apart, by
   * answer path (`income_proof`, `children.0.birth_certificate`).
   */
  private submission(): { answers: Answers; files: Record<string, File[]> } {
    const h = this.host;
    const answers: Answers = {};
    const files: Record<string, File[]> = {};
    const collect = (page: FormPage, bag: Values, prefix: string) => {
      for (const q of page.questions) {
        const v = bag[controlId(q.id)];
        const list = q.type === 'file' && Array.isArray(v) ? v.filter((f): f is File => typeof f !== 'string') : [];
        if (list.length) files[prefix + q.id] = list;
      }
      return pageAnswers(page, bag);
    };
    const entries: Entries = this.d.entries;
    for (const step of h.steps()) {
      const page = h.index!.pages.get(step);
      if (!page) continue;
      if (page.repeatable) answers[page.id] = (entries[page.id] ?? []).map((bag, i) => collect(page, bag, `${page.id}.${i}.`));
      else Object.assign(answers, collect(page, h.values, ''));
    }
    return { answers, files };
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const h = this.host;
    const def = h.def!;
    const { answers, files } = this.submission();
    const input = { answers, version: def.version, language: h.locale.split('-')[0]! };
    const backend = h.source()?.backend;
    if (!backend) {
      // A definition given as a property, with nowhere to send it.
      h.announcer.announce(() => h.t('notConfigured'));
      return;
    }
    const receipt = await this.submit.send(
      (key) =>
        backend.submit(def.slug, input, {
          files,
          idempotencyKey: key,
          onProgress: (loaded, total) => {
            h.progress = Math.round((loaded / total) * 100);
          },
        }),
      () => submissionFingerprint(input, Object.values(files).flat()),
    );
    h.progress = undefined;
    if (!receipt) return;
    h.receipt = receipt;
    // Nothing typed is kept once the city has it: the confirmation shows only the receipt.
    await h.draft.discard({ ...emptyDraft(), step: DONE });
    h.flow.reset();
    h.emit('civic-form-submitted', { form: def.slug, reference: receipt.reference, status: receipt.status });
  }

  async saveForLater(): Promise<void> {
    const h = this.host;
    await h.draft.saveNow();
    const d = this.d;
    h.saveLink = await resumeLink(location.href, h.slug, { step: d.step, values: d.values, entries: d.entries, version: h.def!.version });
    h.summary.clear();
    h.flow.focus();
  }

  private renderMore(page: FormPage): TemplateResult {
    const h = this.host;
    const t = h.t;
    const rep = page.repeatable!;
    const list = this.d.entries[page.id] ?? [];
    const canAdd = list.length < rep.max;
    const id = `more-${page.id}`;
    const error = h.summary.errorFor(`${id}-0`);
    const errors = (): StepError[] => (canAdd && !this.d.more ? [{ step: page.id + MORE, id: `${id}-0`, message: t('civicFormErrorAddAnother') }] : []);
    const onSubmit = (e: Event) =>
      h.flow.submitStep(e, page.id + MORE, errors(), () => (canAdd && this.d.more === 'yes' ? this.editEntry(page, list.length) : h.proceed(page.id + MORE)));
    return html`<form novalidate @submit=${onSubmit}>
      ${stepTitle(t('civicFormAdded', { count: list.length }), h.caption())}
      ${entryList(t, page, list, h.locale, { change: (i) => this.editEntry(page, i), remove: (i) => this.removeEntry(page, i) })}
      ${canAdd
        ? fieldset(t, { id, legend: h.tx(rep.add_another), ...(error ? { error } : {}) }, (p) =>
            choiceList(p, [{ value: 'yes', label: t('civicFormYes') }, { value: 'no', label: t('civicFormNo') }], 'radio', [this.d.more ?? ''], (v) => h.draft.patch({ more: v })),
          )
        : html`<p class="inset">${t('civicFormMaxReached', { max: rep.max })}</p>`}
      ${continueBack(t, { onBack: () => this.back(page.id + MORE) })}
    </form>`;
  }

  private reviewRows(): AnswerRow[] {
    const h = this.host;
    const rows: AnswerRow[] = [];
    for (const step of h.steps()) {
      const page = h.index!.pages.get(step);
      if (!page) continue;
      if (page.repeatable) {
        (this.d.entries[page.id] ?? []).forEach((entry, i) =>
          rows.push({
            key: `${page.id}.${i}`,
            label: `${h.tx(page.repeatable!.item)} ${i + 1}`,
            value: entryText(h.t, page, entry, h.locale),
            step: page.id + MORE,
          }),
        );
      } else for (const q of page.questions) rows.push({ key: q.id, label: h.tx(q.label), value: answerText(h.t, q, h.values, h.locale), step: page.id });
    }
    return rows;
  }

  private renderReview(): TemplateResult {
    const h = this.host;
    const def = h.def!;
    // Files go as multipart, whose code the client loads for them: fetched now, before Send.
    if (!this.uploadFetched && def.pages.some((p) => p.questions.some((q) => q.type === 'file'))) {
      this.uploadFetched = true;
      import('../../api/forms/upload.js').catch(() => {});
    }
    return html`${checkAnswers(h.t, {
      rows: this.reviewRows(),
      sending: this.submit.sending,
      submitError: this.submit.error,
      ...(def.declaration ? { declaration: markdownText(parseMarkdown(h.tx(def.declaration))) } : {}),
      submitLabel: def.declaration ? h.t('civicFormAgreeSend') : h.t('civicFormSend'),
      onChange: (row) => h.flow.change(row.step),
      onBack: () => this.back(REVIEW),
      onSubmit: (e) => void this.send(e),
    })}
    ${h.progress !== undefined ? uploadProgress(h.t, h.progress) : nothing}`;
  }

  private renderExit(id: string): TemplateResult {
    const h = this.host;
    const exit = h.def!.exit_pages!.find((e) => e.id === id)!;
    return html`${stepTitle(h.tx(exit.heading), h.caption())}
      <div class="guidance" part="guidance">${renderMarkdown(h.tx(exit.body))}</div>
      <div class="actions"><button type="button" class="civic-button civic-button--secondary" part="back-button" @click=${() => h.flow.back(id)}>${h.t('formBack')}</button></div>`;
  }

  private renderDone(): TemplateResult | typeof nothing {
    const h = this.host;
    const r = h.receipt;
    if (!r) return nothing;
    const def = h.def!;
    const link = h.trackerUrl?.replaceAll('{reference}', encodeURIComponent(r.reference));
    return html`${confirmationPanel({ title: h.t('civicFormDoneTitle'), referenceLabel: h.t('civicFormDoneReference'), reference: r.reference })}
      ${def.what_happens_next ? html`<h3>${h.t('civicFormDoneNext')}</h3>${renderMarkdown(h.tx(def.what_happens_next))}` : nothing}
      ${link ? html`<p><a href=${link} part="tracker-link">${h.t('civicFormDoneTrack')}</a></p>` : nothing}
      <p><button type="button" class="civic-button civic-button--secondary" @click=${() => void h.startOver()}>${h.t('civicFormAnother')}</button></p>`;
  }

  /** Any step but a question page: the confirmation, the saved link, check your answers, an exit page, "add another". */
  renderStep(step: string): TemplateResult | typeof nothing {
    const h = this.host;
    if (step === DONE) return this.renderDone();
    if (h.saveLink)
      return savedPanel(h.t, h.caption(), h.saveLink, () => {
        h.saveLink = undefined;
        h.flow.focus();
      });
    if (step === REVIEW) return this.renderReview();
    if (h.index!.exits.has(step)) return this.renderExit(step);
    return this.renderMore(h.index!.pages.get(step.slice(0, -MORE.length))!);
  }
}
