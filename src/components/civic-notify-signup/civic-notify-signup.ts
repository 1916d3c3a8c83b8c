import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { NotifyBackend } from '../../api/notify/client.js';
import type { NotifyTopicsResponse } from '../../api/notify/types.js';
import { AnnouncerController } from '../../core/announcer.js';
import { CivicElement } from '../../core/civic-element.js';
import { DraftController } from '../../core/forms/draft.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { FormFlowController } from '../../core/forms/flow.js';
import { answersStyles } from '../../core/forms/answers-styles.js';
import { flowStyles } from '../../core/forms/flow-styles.js';
import { formStyles } from '../../core/forms/form-styles.js';
import { continueBack, stepTitle } from '../../core/forms/pieces.js';
import { languageReady, registerMessages } from '../../core/i18n.js';
import { resolveNotifyBackend } from '../../core/notify-backend.js';
import type { ConfirmController } from './confirm.js';
import { fieldList } from './fields.js';
import { notifyKit } from './kit.js';
import type { LaterSteps } from './later.js';
import type { ManageController } from './manage.js';
import { asksArea, emptySignupDraft, signupErrors, topicFields, type SignupDraft, type SignupStep } from './model.js';
import { notifySignupStyles } from './civic-notify-signup.styles.js';
import { notifyFirstMessages } from './strings-first.js';

registerMessages(notifyFirstMessages);

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
  static override properties = {
    notifyEndpoint: { attribute: 'notify-endpoint' },
    notifyBackend: { attribute: false },
    geocoderUrl: { attribute: 'geocoder-url' },
    confirmToken: { attribute: 'confirm-token' },
    manageToken: { attribute: 'manage-token' },
    draftKey: { attribute: 'draft-key' },
    topics: { state: true, attribute: false },
    topicsError: { state: true, attribute: false },
    laterError: { state: true, attribute: false },
  };

  static override styles = [...(CivicElement.styles as []), formStyles, flowStyles, answersStyles, notifySignupStyles];

  /** Base URL of the notifications contract (`/notify/v1`); overrides the hall's `notify-endpoint`. */
  notifyEndpoint?: string;

  /** Any `NotifyBackend` (a city's own vendor adapter); wins over `notify-endpoint`. */
  notifyBackend?: NotifyBackend;

  /** Address search URL (Nominatim-compatible) for "near an address"; overrides the hall's `geocoder-url`. Without one, only everywhere or a neighbourhood. */
  geocoderUrl?: string;

  /** A confirmation link's token; by default read from the page's `?confirm=`. */
  confirmToken?: string;

  /** A manage link's token; by default read from the page's `?manage=`. */
  manageToken?: string;

  /** Names the stored draft; set it when one page has two sign-up forms. */
  draftKey?: string;

  private topics?: NotifyTopicsResponse;
  private topicsError?: unknown;
  /** The later steps' code could not be loaded (offline): shown with a retry. */
  private laterError?: unknown;

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
  /** Everything after the first screen (where, how, check answers, send, check your email): loaded right after the first render. */
  private later?: LaterSteps;
  private laterLoading?: Promise<LaterSteps | undefined>;
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

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The first screen is up: fetch the later steps now, so Continue does not wait for them.
    // After a failed fetch, Continue (or the retry) asks again, not every render.
    if (this.mode === 'signup' && this.topics && this.draft.restored && !this.laterError) void this.loadLater();
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
      const shared = { backend: () => this.source()?.backend, t: () => this.t, locale: () => this.locale, announcer: this.announcer, summary: this.summary, kit: notifyKit };
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

  /** The later steps, loaded once (again after a failure); `undefined` when their code cannot be fetched. */
  private loadLater(): Promise<LaterSteps | undefined> {
    this.laterLoading ??= import('./later.js').then(
      async ({ LaterSteps }) => {
        await languageReady(this.locale);
        this.later = new LaterSteps({
          element: this,
          kit: notifyKit,
          draft: this.draft,
          flow: this.flow,
          summary: this.summary,
          announcer: this.announcer,
          topics: () => this.topics!,
          backend: () => this.source()?.backend,
          geocoder: () => this.geocoder(),
          t: () => this.t,
          locale: () => this.locale,
          subscribed: (topics, channels) => this.emit('civic-notify-subscribed', { topics, channels }),
          startOver: () => void this.startOver(),
        });
        this.laterError = undefined;
        this.requestUpdate();
        return this.later;
      },
      (error: unknown) => {
        this.laterLoading = undefined;
        this.laterError = error;
        return undefined;
      },
    );
    return this.laterLoading;
  }

  private get values() {
    return this.draft.value.values;
  }

  private topicSpecs() {
    return topicFields(this.t, this.topics!, this.values).flatMap((g) => [g.group, ...g.frequencies]);
  }

  private async continueFromTopics(event: Event): Promise<void> {
    event.preventDefault();
    const errors = signupErrors(this.t, 'topics', this.topicSpecs(), this.topics!, this.values, this.locale);
    // The next step's code was fetched after the first render; this waits only if it has not arrived.
    if (!errors.length && !(await this.loadLater())) return;
    this.flow.submitStep(event, 'topics', errors, () => this.flow.next('topics'));
  }

  /** Forgets the sign-up in progress and starts again. */
  async startOver(): Promise<void> {
    await this.draft.discard();
    this.later?.reset();
    this.flow.reset();
  }

  private renderSignup(): TemplateResult | typeof nothing {
    const t = this.t;
    const step = this.flow.step;
    if (step === 'topics') {
      return html`<form novalidate @submit=${(e: Event) => void this.continueFromTopics(e)}>
        ${stepTitle(t('notifyTopicsTitle'), t('notifyCaption'))}
        <p>${t('notifyIntro')}</p>
        ${fieldList(t, this.topicSpecs(), this.values, this.summary, (id, value) => this.draft.patch({ values: { ...this.values, [id]: value } }))}
        ${this.laterError ? errorPanel(t, this.laterError) : nothing} ${continueBack(t)}
      </form>`;
    }
    if (this.later) return this.later.render(step);
    if (this.laterError) return html`${stepTitle(t('notifyTitle'))}${errorPanel(t, this.laterError, () => void this.loadLater())}`;
    return html`<p role="status">${t('loading')}</p>`;
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
