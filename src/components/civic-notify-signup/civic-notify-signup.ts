import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { NotifyBackend } from '../../api/notify/client.js';
import type { NotifyTopicsResponse } from '../../api/notify/types.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { DraftController } from '../../core/forms/draft.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { FormFlowController, type StepError } from '../../core/forms/flow.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { submissionFingerprint } from '../../core/forms/fingerprint.js';
import { checkAnswers, continueBack, stepTitle, type AnswerRow } from '../../core/forms/pieces.js';
import { SubmitController } from '../../core/forms/submit.js';
import { languageReady, registerMessages } from '../../core/i18n.js';
import { resolveNotifyBackend } from '../../core/notify-backend.js';
import type { ConfirmController } from './confirm.js';
import { findPlaces, renderFields } from './fields.js';
import type { ManageController } from './manage.js';
import { ResendController } from './resend.js';
import {
  areaFields,
  areaOf,
  asksArea,
  channelFields,
  channelsOf,
  chosenTopics,
  emptySignupDraft,
  languageOf,
  FREQUENCY_KEY,
  signupErrors,
  textOf,
  topicFields,
  type SignupDraft,
  type SignupStep,
} from './model.js';
import { notifySignupStyles } from './civic-notify-signup.styles.js';
import { notifyMessages } from './strings.js';
import { formStyles } from '../../core/forms/form-styles.js';

registerMessages(notifyMessages);

/** Detail of `civic-notify-subscribed`: a subscription was asked for (it waits for its confirmation). */
export interface CivicNotifySubscribedDetail {
  topics: string[];
  channels: string[];
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-notify-signup': CivicNotifySignup;
  }
  interface HTMLElementEventMap {
    'civic-notify-subscribed': CustomEvent<CivicNotifySubscribedDetail>;
  }
}

type FieldStep = 'topics' | 'area' | 'channels';

/**
 * Residents sign up for the city's news and alerts by email or text message: topics from the
 * backend in their groups, how often for each (emergency alerts always at once), optionally only
 * near an address or in a neighbourhood, and the channels, with the text-message consent beside
 * an unticked box. Double opt-in: "Check your email" (or "Reply YES to the text we sent") with
 * a resend. The same element on the page a message links to confirms the link's token
 * (`?confirm=`) and lets the subscriber change or end the subscription (`?manage=`), without
 * an account: topics, frequency, area, language, each channel on or off, and the missing channel
 * added (confirmed by the new address before anything goes there). Runs on the shared form engine; the resident's language is sent for the messages.
 *
 * @summary Sign up for city news and alerts by email or text; confirm and manage.
 * @tagname civic-notify-signup
 *
 * @fires {CustomEvent<CivicNotifySubscribedDetail>} civic-notify-subscribed - The backend accepted a sign-up (pending its confirmation).
 * @fires {CustomEvent<CivicInvalidDetail>} civic-invalid - A step failed validation (cancelable).
 *
 * @csspart step-title - Each step's heading.
 * @csspart error-summary - "There is a problem" with links to the fields.
 * @csspart error-panel - A backend failure with its retry.
 * @csspart continue-button - Each step's Continue.
 * @csspart back-button - Each step's Back.
 * @csspart submit-button - Sign up; on the manage page, Save changes.
 * @csspart summary-list - The check-your-answers list.
 * @csspart confirmation-panel - "Check your email", "You are subscribed", "You are unsubscribed".
 * @csspart consent - The text-message consent text and its box.
 * @csspart resend-button - Send the confirmation again.
 * @csspart unsubscribe-button - Unsubscribe from everything (manage page).
 *
 * @cssprop --civic-form-gap - Space between sections. Default `var(--civic-space-l)`.
 * @cssprop --civic-form-panel-color - Confirmation panel background. Default `#00703c`.
 * @cssprop --civic-notify-signup-max-width - Widest the form grows. Default `40rem`.
 * @cssprop --civic-notify-signup-warning-color - "Unsubscribe from everything" button. Default `var(--civic-color-error)`.
 */
export class CivicNotifySignup extends CivicElement {
  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, notifySignupStyles];

  /** Base URL of the notifications contract (`/notify/v1`); overrides the hall's `notify-endpoint`. */
  @property({ attribute: 'notify-endpoint' }) notifyEndpoint?: string;

  /** Any `NotifyBackend` (a city's own vendor adapter); wins over `notify-endpoint`. */
  @property({ attribute: false }) notifyBackend?: NotifyBackend;

  /** Address search URL (Nominatim-compatible) for "near an address"; overrides the hall's `geocoder-url`. Without one, only everywhere or a neighbourhood. */
  @property({ attribute: 'geocoder-url' }) geocoderUrl?: string;

  /** A confirmation link's token; by default read from the page's `?confirm=`. */
  @property({ attribute: 'confirm-token' }) confirmToken?: string;

  /** A manage link's token; by default read from the page's `?manage=`. */
  @property({ attribute: 'manage-token' }) manageToken?: string;

  /** Names the stored draft; set it when one page has two sign-up forms. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  @state() private topics?: NotifyTopicsResponse;
  @state() private topicsError?: unknown;
  /** Where the confirmation went, for "Check your email" and its resend (kept in memory only). */
  @state() private sentTo?: { email?: string; phone?: string };
  @state() private finding = false;

  private readonly summary = new ErrorSummaryController(this);
  private readonly announcer = new AnnouncerController(this);
  private readonly draft = new DraftController<SignupDraft>(this, {
    key: () => `civic-notify-signup:${this.draftKey ?? this.notifyEndpoint ?? this.hallConfig?.notifyEndpoint ?? ''}`,
    empty: emptySignupDraft,
    revive: (stored) => ({ ...emptySignupDraft(), ...stored, step: stored.step === 'sent' ? 'topics' : (stored.step ?? 'topics'), values: { ...emptySignupDraft().values, ...stored.values } }),
    keep: (d) => d.step !== 'sent',
  });
  private readonly flow = new FormFlowController<SignupStep>(this, {
    draft: this.draft,
    summary: this.summary,
    steps: () => (this.topics && asksArea(this.topics, this.values) ? ['topics', 'area', 'channels', 'review'] : ['topics', 'channels', 'review']),
    review: 'review',
    t: () => this.t,
    continueInOrder: ['topics'],
  });
  private readonly submit = new SubmitController<unknown>(this, {
    draft: this.draft,
    placeErrors: (error) => this.placeServerErrors(error),
    onFailed: () => this.announcer.announce(this.t('notifySendFailed')),
  });
  private readonly resender = new ResendController(this, { backend: () => this.source()?.backend, t: () => this.t, locale: () => this.locale, announcer: this.announcer });
  /** The confirmation or manage page, when this is one: their code loads only there. */
  private page?: ConfirmController | ManageController;
  private loaded?: { key: string; abort: AbortController };

  private source() {
    return resolveNotifyBackend(this, this.hallConfig, this.locale);
  }

  private geocoder(): string | undefined {
    return this.geocoderUrl || this.hallConfig?.geocoderUrl || undefined;
  }

  private pageParam(name: string): string | undefined {
    return new URLSearchParams(location.search).get(name) ?? undefined;
  }

  /** Which page this is: a confirmation link, a manage link, or the sign-up form. */
  private get mode(): 'confirm' | 'manage' | 'signup' {
    if (this.confirmToken || this.pageParam('confirm')) return 'confirm';
    if (this.manageToken || this.pageParam('manage')) return 'manage';
    return 'signup';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const source = this.source();
    if (source && this.loaded?.key !== source.key) void this.load(source.key, source.backend);
  }

  private async load(key: string, backend: NotifyBackend): Promise<void> {
    this.loaded?.abort.abort();
    const abort = new AbortController();
    this.loaded = { key, abort };
    this.topicsError = undefined;
    if (this.mode === 'signup' && !this.draft.restored) await this.draft.restore();
    try {
      const topics = await backend.topics(abort.signal);
      if (abort.signal.aborted) return;
      this.topics = topics;
      const confirm = this.confirmToken || this.pageParam('confirm');
      const manage = this.manageToken || this.pageParam('manage');
      const shared = { backend: () => this.source()?.backend, t: () => this.t, locale: () => this.locale, announcer: this.announcer, summary: this.summary };
      if (this.mode === 'confirm' && confirm && !this.page) {
        const { ConfirmController } = await import('./confirm.js');
        await languageReady(this.locale);
        const page = new ConfirmController(this, shared);
        this.page = page;
        page.run(confirm);
      } else if (this.mode === 'manage' && manage && !this.page) {
        const { ManageController } = await import('./manage.js');
        await languageReady(this.locale);
        const page = new ManageController(this, { ...shared, topics: () => this.topics, geocoderUrl: () => this.geocoder() });
        this.page = page;
        await page.load(manage);
      }
    } catch (error) {
      if (!abort.signal.aborted) this.topicsError = error;
    }
  }

  private get values() {
    return this.draft.value.values;
  }

  private fields(step: FieldStep) {
    const topics = this.topics!;
    if (step === 'topics') return topicFields(this.t, topics, this.values).flatMap((g) => [g.group, ...g.frequencies]);
    if (step === 'area') return areaFields(this.t, topics, this.values, this.draft.value.places, Boolean(this.geocoder()));
    return channelFields(this.t, topics, this.values);
  }

  /** A backend 400 names fields: each error goes to the step of its field. */
  private placeServerErrors(error: unknown): boolean {
    const e = error as { kind?: string; status?: number; fieldErrors?: Record<string, string> } | null;
    if (e?.kind !== 'contract' || e.status !== 400 || !e.fieldErrors) return false;
    const steps: FieldStep[] = ['topics', 'area', 'channels'];
    const placed: StepError<SignupStep>[] = Object.entries(e.fieldErrors).map(([name, message]) => {
      const id = name === 'topics' ? this.fields('topics')[0]?.id : name === 'area' ? 'area_kind' : name;
      const step = steps.find((s) => this.fields(s).some((f) => f.id === id));
      return step && id ? { step, id, message } : { step: 'review', id: 'submit', message };
    });
    this.flow.placeServerErrors(placed);
    return placed.length > 0;
  }

  private async continueFrom(event: Event, step: FieldStep): Promise<void> {
    event.preventDefault();
    const errors = signupErrors(this.t, step, this.fields(step), this.topics!, this.values, this.locale);
    if (step === 'area' && !errors.length && textOf(this.values.area_kind) === 'address' && this.draft.value.placesFor !== textOf(this.values.address)) {
      // A new address: find it first, then the resident chooses from what was found (one is chosen for them).
      await this.findAddress();
      const places = this.draft.value.places ?? [];
      if (!places.length) errors.push({ step, id: 'address', message: this.t('notifyErrorAddressNotFound') });
      else if (places.length > 1) {
        this.summary.clear();
        void this.announcer.announce(this.t('notifyPlacesFound', { count: places.length }));
        await this.updateComplete;
        // The first place's radio, or the list's select when there are many.
        (this.renderRoot.querySelector<HTMLElement>('#place-0') ?? this.renderRoot.querySelector<HTMLElement>('select#place'))?.focus();
        return;
      }
    }
    this.flow.submitStep(event, step, errors, () => this.flow.next(step));
  }

  private async findAddress(): Promise<void> {
    const typed = textOf(this.values.address);
    this.finding = true;
    try {
      const places = await findPlaces(this.geocoder()!, typed, this.locale);
      this.draft.patch({ places, placesFor: typed, values: { ...this.values, place: places.length ? '0' : '' } });
    } catch {
      this.draft.patch({ places: [], placesFor: undefined });
    } finally {
      this.finding = false;
    }
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const backend = this.source()?.backend;
    const topics = this.topics;
    if (!backend || !topics) return;
    const v = this.values;
    const channels = channelsOf(v);
    const area = asksArea(topics, v) ? areaOf(v, this.draft.value.places) : undefined;
    const input = {
      ...(channels.includes('email') ? { email: textOf(v.email) } : {}),
      ...(channels.includes('sms') ? { phone: textOf(v.phone), ...(topics.consent.sms ? { sms_consent: topics.consent.sms.id } : {}) } : {}),
      topics: chosenTopics(topics, v),
      ...(area ? { area } : {}),
      language: languageOf(this.locale),
      page_url: location.href.split('#')[0]!,
    };
    const answer = await this.submit.send(() => backend.subscribe(input), () => submissionFingerprint(input, []));
    if (!answer) return;
    this.sentTo = { ...(input.email ? { email: input.email } : {}), ...(input.phone ? { phone: input.phone } : {}) };
    await this.draft.discard({ ...emptySignupDraft(), step: 'sent' });
    this.flow.reset();
    this.emit('civic-notify-subscribed', { topics: input.topics.map((c) => c.id), channels });
  }

  /** Forgets the sign-up in progress and starts again. */
  async startOver(): Promise<void> {
    await this.draft.discard();
    this.sentTo = undefined;
    this.resender.reset();
    this.submit.reset();
    this.flow.reset();
  }

  private fieldStep(step: FieldStep, title: string, intro?: TemplateResult): TemplateResult {
    return html`<form novalidate @submit=${(e: Event) => void this.continueFrom(e, step)}>
      ${stepTitle(title, this.t('notifyCaption'))} ${intro ?? nothing}
      ${renderFields(this.t, this.fields(step), this.values, this.summary, (id, value) => this.draft.patch({ values: { ...this.values, [id]: value } }), {
        sms: this.topics!.consent.sms,
        terms: this.t('notifyTerms'),
        privacy: this.t('notifyPrivacy'),
      })}
      ${this.finding ? html`<p role="status">${this.t('notifyFinding')}</p>` : nothing}
      ${continueBack(this.t, step === 'topics' ? {} : { onBack: () => this.flow.back(step) })}
    </form>`;
  }

  private reviewRows(): AnswerRow<SignupStep>[] {
    const topics = this.topics!;
    const v = this.values;
    const names = chosenTopics(topics, v).map((c) => `${topics.topics.find((x) => x.id === c.id)!.name} (${this.t(FREQUENCY_KEY[c.frequency])})`);
    const area = areaOf(v, this.draft.value.places);
    const channels = channelsOf(v);
    const rows: AnswerRow<SignupStep>[] = [{ key: 'topics', label: this.t('notifyReviewTopics'), value: names.join('\n'), step: 'topics' }];
    if (asksArea(topics, v)) {
      const where = !area ? this.t('notifyAreaEverywhere') : 'neighbourhood' in area ? (topics.neighbourhoods?.find((h) => h.id === area.neighbourhood)?.name ?? area.neighbourhood) : this.t('notifyNear', { address: area.address, radius: area.radius_m });
      rows.push({ key: 'area', label: this.t('notifyReviewArea'), value: where, step: 'area' });
    }
    if (channels.includes('email')) rows.push({ key: 'email', label: this.t('notifyEmailLabel'), value: textOf(v.email), step: 'channels' });
    if (channels.includes('sms')) rows.push({ key: 'phone', label: this.t('notifyPhoneLabel'), value: textOf(v.phone), step: 'channels' });
    return rows;
  }

  private renderSignup(): TemplateResult | typeof nothing {
    const t = this.t;
    switch (this.flow.step) {
      case 'topics':
        return this.fieldStep('topics', t('notifyTopicsTitle'), html`<p>${t('notifyIntro')}</p>`);
      case 'area':
        return this.fieldStep('area', t('notifyAreaTitle'));
      case 'channels':
        return this.fieldStep('channels', t('notifyChannelsTitle'));
      case 'review':
        return checkAnswers(t, {
          rows: this.reviewRows(),
          sending: this.submit.sending,
          submitError: this.submit.error,
          declaration: t('notifyDeclaration', { hours: this.topics!.confirmation_hours }),
          submitLabel: t('notifySubmit'),
          onChange: (row) => this.flow.change(row.step),
          onBack: () => this.flow.back('review'),
          onSubmit: (e) => void this.send(e),
        });
      case 'sent':
        return this.resender.renderSent(this.sentTo ?? {}, this.topics!.confirmation_hours, () => void this.startOver());
    }
  }

  protected override render(): unknown {
    const source = this.source();
    if (!source) return html`<p>${this.t('notConfigured')}</p>`;
    if (this.topicsError) return html`${stepTitle(this.t('notifyTitle'))}${errorPanel(this.t, this.topicsError, () => void this.load(source.key, source.backend))}`;
    if (!this.topics || (this.mode === 'signup' ? !this.draft.restored : !this.page)) return html`<p role="status">${this.t('loading')}</p>`;
    const body = this.mode === 'signup' ? this.renderSignup() : this.page!.render();
    return html`<div class="notify" part="base">${this.summary.render(this.t)} ${body} ${this.announcer.render()}</div>`;
  }
}
