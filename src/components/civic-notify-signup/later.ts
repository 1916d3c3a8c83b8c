import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { NotifyBackend } from '../../api/notify/client.js';
import type { NotifyTopicsResponse } from '../../api/notify/types.js';
import type { AnnouncerController } from '../../core/announcer.js';
import { checkAnswers, type AnswerRow } from '../../core/forms/answers.js';
import type { DraftController } from '../../core/forms/draft.js';
import type { ErrorSummaryController } from '../../core/forms/error-summary.js';
import { submissionFingerprint } from '../../core/forms/fingerprint.js';
import type { FormFlowController, StepError } from '../../core/forms/flow.js';
import type { FieldSpec } from '../../core/forms/schema.js';
import { SubmitController } from '../../core/forms/submit.js';
import { registerMessages, type Translate } from '../../core/i18n.js';
import { withConsent } from './consent.js';
import type { NotifyKit } from './kit.js';
import type { SignupDraft, SignupStep } from './model.js';
import { ResendController } from './resend.js';
import { areaFields, areaOf, channelFields, channelsOf, findPlaces } from './steps.js';
import { notifyMessages } from './strings.js';

registerMessages(notifyMessages);

/** What the later steps use of the element: its controllers, its backend and its words. */
export interface LaterStepsHost {
  element: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  kit: NotifyKit;
  draft: DraftController<SignupDraft>;
  flow: FormFlowController<SignupStep>;
  summary: ErrorSummaryController;
  announcer: AnnouncerController;
  topics(): NotifyTopicsResponse;
  backend(): NotifyBackend | undefined;
  geocoder(): string | undefined;
  t(): Translate;
  locale(): string;
  /** The backend accepted a sign-up: the element fires `civic-notify-subscribed`. */
  subscribed(topics: string[], channels: string[]): void;
  /** "Sign up with another address". */
  startOver(): void;
}

type LaterStep = Exclude<SignupStep, 'topics'>;
type FieldStep = 'topics' | 'area' | 'channels';

/**
 * The sign-up after its first screen: where (everywhere, near an address found with the
 * geocoder, a neighbourhood), how to reach you (with the SMS consent), check your answers, the
 * send (one submission at a time, field errors back on their steps) and "Check your email" with
 * its resend. The element loads this module right after its first render, so Continue never
 * waits for it.
 */
export class LaterSteps {
  private readonly submit: SubmitController<unknown>;
  private readonly resender: ResendController;
  /** Where the confirmation went, for "Check your email" and its resend (kept in memory only). */
  private sentTo?: { email?: string; phone?: string };
  private finding = false;

  constructor(private readonly h: LaterStepsHost) {
    this.submit = new SubmitController(h.element, {
      draft: h.draft,
      placeErrors: (error) => this.placeServerErrors(error),
      onFailed: () => void h.announcer.announce(h.t()('notifySendFailed')),
    });
    this.resender = new ResendController(h.element, { backend: h.backend, t: h.t, locale: h.locale, announcer: h.announcer, kit: h.kit });
  }

  private get values() {
    return this.h.draft.value.values;
  }

  /** A step's fields, the first screen's included (a backend error can name one of them). */
  private fields(step: FieldStep): FieldSpec[] {
    const { kit, draft } = this.h;
    const t = this.h.t();
    const topics = this.h.topics();
    if (step === 'topics') return kit.topicFields(t, topics, this.values).flatMap((g) => [g.group, ...g.frequencies]);
    if (step === 'area') return areaFields(t, topics, this.values, draft.value.places, Boolean(this.h.geocoder()));
    return channelFields(t, topics, this.values);
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
    this.h.flow.placeServerErrors(placed);
    return placed.length > 0;
  }

  private async continueFrom(event: Event, step: 'area' | 'channels'): Promise<void> {
    event.preventDefault();
    const { kit, draft, summary } = this.h;
    const t = this.h.t();
    const errors = kit.signupErrors(t, step, this.fields(step), this.h.topics(), this.values, this.h.locale());
    if (step === 'area' && !errors.length && kit.textOf(this.values.area_kind) === 'address' && draft.value.placesFor !== kit.textOf(this.values.address)) {
      // A new address: find it first, then the resident chooses from what was found (one is chosen for them).
      await this.findAddress();
      const places = draft.value.places ?? [];
      if (!places.length) errors.push({ step, id: 'address', message: t('notifyErrorAddressNotFound') });
      else if (places.length > 1) {
        summary.clear();
        void this.h.announcer.announce(t('notifyPlacesFound', { count: places.length }));
        await this.h.element.updateComplete;
        // The first place's radio, or the list's select when there are many.
        const root = this.h.element.renderRoot;
        (root.querySelector<HTMLElement>('#place-0') ?? root.querySelector<HTMLElement>('select#place'))?.focus();
        return;
      }
    }
    this.h.flow.submitStep(event, step, errors, () => this.h.flow.next(step));
  }

  private async findAddress(): Promise<void> {
    const { kit, draft } = this.h;
    const typed = kit.textOf(this.values.address);
    this.finding = true;
    this.h.element.requestUpdate();
    try {
      const places = await findPlaces(this.h.geocoder()!, typed, this.h.locale());
      draft.patch({ places, placesFor: typed, values: { ...this.values, place: places.length ? '0' : '' } });
    } catch {
      draft.patch({ places: [], placesFor: undefined });
    } finally {
      this.finding = false;
      this.h.element.requestUpdate();
    }
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const { kit, draft } = this.h;
    const backend = this.h.backend();
    const topics = this.h.topics();
    if (!backend) return;
    const v = this.values;
    const channels = channelsOf(v);
    const area = kit.asksArea(topics, v) ? areaOf(v, draft.value.places) : undefined;
    const input = {
      ...(channels.includes('email') ? { email: kit.textOf(v.email) } : {}),
      ...(channels.includes('sms') ? { phone: kit.textOf(v.phone), ...(topics.consent.sms ? { sms_consent: topics.consent.sms.id } : {}) } : {}),
      topics: kit.chosenTopics(topics, v),
      ...(area ? { area } : {}),
      language: kit.languageOf(this.h.locale()),
      page_url: location.href.split('#')[0]!,
    };
    const answer = await this.submit.send(() => backend.subscribe(input), () => submissionFingerprint(input, []));
    if (!answer) return;
    this.sentTo = { ...(input.email ? { email: input.email } : {}), ...(input.phone ? { phone: input.phone } : {}) };
    await draft.discard({ ...kit.emptySignupDraft(), step: 'sent' });
    this.h.flow.reset();
    this.h.subscribed(
      input.topics.map((c) => c.id),
      channels,
    );
  }

  /** Forgets what was sent and any failure (start over). */
  reset(): void {
    this.sentTo = undefined;
    this.resender.reset();
    this.submit.reset();
  }

  private fieldStep(step: 'area' | 'channels', title: string): TemplateResult {
    const { kit, draft, summary } = this.h;
    const t = this.h.t();
    const consent = withConsent(kit, t, this.values, { sms: this.h.topics().consent.sms, terms: t('notifyTerms'), privacy: t('notifyPrivacy') });
    return html`<form novalidate @submit=${(e: Event) => void this.continueFrom(e, step)}>
      ${kit.stepTitle(title, t('notifyCaption'))}
      ${kit.fieldList(t, this.fields(step), this.values, summary, (id, value) => draft.patch({ values: { ...this.values, [id]: value } }), consent)}
      ${this.finding ? html`<p role="status">${t('notifyFinding')}</p>` : nothing}
      ${kit.continueBack(t, { onBack: () => this.h.flow.back(step) })}
    </form>`;
  }

  private reviewRows(): AnswerRow<SignupStep>[] {
    const { kit, draft } = this.h;
    const t = this.h.t();
    const topics = this.h.topics();
    const v = this.values;
    const names = kit.chosenTopics(topics, v).map((c) => `${topics.topics.find((x) => x.id === c.id)!.name} (${t(kit.FREQUENCY_KEY[c.frequency])})`);
    const area = areaOf(v, draft.value.places);
    const channels = channelsOf(v);
    const rows: AnswerRow<SignupStep>[] = [{ key: 'topics', label: t('notifyReviewTopics'), value: names.join('\n'), step: 'topics' }];
    if (kit.asksArea(topics, v)) {
      const where = !area ? t('notifyAreaEverywhere') : 'neighbourhood' in area ? (topics.neighbourhoods?.find((n) => n.id === area.neighbourhood)?.name ?? area.neighbourhood) : t('notifyNear', { address: area.address, radius: area.radius_m });
      rows.push({ key: 'area', label: t('notifyReviewArea'), value: where, step: 'area' });
    }
    if (channels.includes('email')) rows.push({ key: 'email', label: t('notifyEmailLabel'), value: kit.textOf(v.email), step: 'channels' });
    if (channels.includes('sms')) rows.push({ key: 'phone', label: t('notifyPhoneLabel'), value: kit.textOf(v.phone), step: 'channels' });
    return rows;
  }

  render(step: LaterStep): TemplateResult {
    const t = this.h.t();
    const flow = this.h.flow;
    switch (step) {
      case 'area':
        return this.fieldStep('area', t('notifyAreaTitle'));
      case 'channels':
        return this.fieldStep('channels', t('notifyChannelsTitle'));
      case 'review':
        return checkAnswers(t, {
          rows: this.reviewRows(),
          sending: this.submit.sending,
          submitError: this.submit.error,
          declaration: t('notifyDeclaration', { hours: this.h.topics().confirmation_hours }),
          submitLabel: t('notifySubmit'),
          onChange: (row) => flow.change(row.step),
          onBack: () => flow.back('review'),
          onSubmit: (e) => void this.send(e),
        });
      case 'sent':
        return this.resender.renderSent(this.sentTo ?? {}, this.h.topics().confirmation_hours, () => this.h.startOver());
    }
  }
}
