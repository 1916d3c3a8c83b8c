import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { NotifyBackend } from '../../api/notify/client.js';
import type { NotifyChannel, NotifyFollow, NotifySubscriptionView, NotifySubscriptionUpdate, NotifyTopicsResponse } from '../../api/notify/types.js';
import type { AnnouncerController } from '../../core/announcer.js';
import { errorPanel } from '../../core/forms/error-panel.js';
import type { ErrorSummaryController } from '../../core/forms/error-summary.js';
import type { StepError } from '../../core/forms/flow.js';
import { confirmationPanel } from '../../core/forms/answers.js';
import type { FieldSpec, FieldValue } from '../../core/forms/schema.js';
import { registerMessages, type Translate } from '../../core/i18n.js';
import { withConsent } from './consent.js';
import type { NotifyKit } from './kit.js';
import type { FoundPlace } from './model.js';
import { areaFields, areaOf, channelFields, findPlaces } from './steps.js';
import { notifyPageMessages } from './strings-pages.js';
import { notifyMessages } from './strings.js';

registerMessages(notifyMessages);
registerMessages(notifyPageMessages);

export interface ManageOptions {
  backend(): NotifyBackend | undefined;
  topics(): NotifyTopicsResponse | undefined;
  t(): Translate;
  locale(): string;
  geocoderUrl(): string | undefined;
  announcer: AnnouncerController;
  summary: ErrorSummaryController;
  kit: NotifyKit;
}

const STATUS_KEY = { pending: 'notifyStatusPending', active: 'notifyStatusActive', unsubscribed: 'notifyStatusUnsubscribed', stopped: 'notifyStatusStopped' } as const;

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** The form's values for a stored subscription. */
function valuesOf(topics: NotifyTopicsResponse, sub: NotifySubscriptionView): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {
    language: sub.language,
    radius_m: '500',
    area_kind: 'everywhere',
    channels_on: sub.channels.filter((c) => c.status === 'active').map((c) => c.channel),
    add_channel: [],
  };
  for (const g of topics.groups) values[`topics-${g.id}`] = sub.topics.filter((c) => topics.topics.find((x) => x.id === c.id)?.group === g.id).map((c) => c.id);
  for (const c of sub.topics) values[`frequency-${c.id}`] = c.frequency;
  const area = sub.area;
  if (area && 'neighbourhood' in area) Object.assign(values, { area_kind: 'neighbourhood', neighbourhood: area.neighbourhood });
  else if (area) Object.assign(values, { area_kind: 'address', address: area.address, radius_m: String(area.radius_m), place: '0' });
  return values;
}

/**
 * The page a message's "Manage your subscription" link opens, with no account: change topics,
 * frequency, area, channels and language; leave one topic; or unsubscribe from everything.
 */
export class ManageController implements ReactiveController {
  private token?: string;
  private sub?: NotifySubscriptionView | null;
  private loadError?: unknown;
  private values: Record<string, FieldValue> = {};
  private places?: FoundPlace[];
  private placesFor?: string;
  private saving = false;
  private saved = false;
  private saveError?: unknown;
  private gone = false;
  /** The channel just added: its address has a confirmation to answer. */
  private added?: NotifyChannel;

  constructor(
    private readonly host: Host,
    private readonly o: ManageOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async load(token: string): Promise<void> {
    const backend = this.o.backend();
    const topics = this.o.topics();
    if (!backend || !topics) return;
    this.token = token;
    this.loadError = undefined;
    try {
      const sub = await backend.subscription(token);
      this.sub = sub ?? null;
      if (sub) {
        this.values = valuesOf(topics, sub);
        const area = sub.area;
        if (area && !('neighbourhood' in area)) {
          this.places = [{ label: area.address, lat: area.lat, long: area.long }];
          this.placesFor = area.address;
        }
      }
    } catch (error) {
      this.loadError = error;
    }
    this.host.requestUpdate();
  }

  private specs(topics: NotifyTopicsResponse): { id: string; specs: FieldSpec[] }[] {
    const t = this.o.t();
    return [
      { id: 'channels', specs: this.channelSpecs(topics) },
      { id: 'topics', specs: this.o.kit.topicFields(t, topics, this.values).flatMap((g) => [g.group, ...g.frequencies]) },
      { id: 'area', specs: this.o.kit.asksArea(topics, this.values) ? areaFields(t, topics, this.values, this.places, Boolean(this.o.geocoderUrl())).filter((s) => s.id !== 'place') : [] },
      {
        id: 'language',
        specs: [{ id: 'language', type: 'radios', label: t('notifyLanguageLabel'), choices: [{ value: 'en', label: 'English' }, { value: 'es', label: 'Español' }] }],
      },
    ];
  }

  /** Channels the resident can switch: confirmed ones not stopped by a STOP text. */
  private switchable(): NotifyChannel[] {
    return (this.sub?.channels ?? []).filter((c) => c.status === 'active' || c.status === 'unsubscribed').map((c) => c.channel);
  }

  /** The channel the subscription lacks (none listed, not even waiting for its confirmation), if the backend offers it. */
  private missing(topics: NotifyTopicsResponse): NotifyChannel | undefined {
    const has = new Set((this.sub?.channels ?? []).map((c) => c.channel));
    return topics.channels.find((c) => !has.has(c) && (c === 'email' || topics.consent.sms));
  }

  /** On/off for each channel, and the missing one to add: its address (or number and SMS consent) on the sign-up form's fields. */
  private channelSpecs(topics: NotifyTopicsResponse): FieldSpec[] {
    const t = this.o.t();
    const channels = this.sub?.channels ?? [];
    const label = (c: NotifyChannel) => t(c === 'email' ? 'notifyChannelEmail' : 'notifyChannelSms');
    const specs: FieldSpec[] = [];
    const switchable = this.switchable();
    if (switchable.length) {
      specs.push({
        id: 'channels_on',
        type: 'checkboxes',
        label: t('notifyManageChannelsLabel'),
        hint: t('notifyManageChannelsHint'),
        choices: switchable.map((c) => ({ value: c, label: `${label(c)}: ${channels.find((x) => x.channel === c)!.address_masked}` })),
      });
    }
    const missing = this.missing(topics);
    if (missing) {
      specs.push({ id: 'add_channel', type: 'checkboxes', label: t('notifyAddLabel'), choices: [{ value: missing, label: t(missing === 'email' ? 'notifyAddEmail' : 'notifyAddSms') }] });
      specs.push(...channelFields(t, topics, { channels: this.o.kit.listOf(this.values.add_channel) }).slice(1));
    }
    return specs;
  }

  /** A backend 400 about the new address goes to its field; anything else to the panel under the form. */
  private placeServerErrors(error: unknown): boolean {
    const e = error as { kind?: string; status?: number; fieldErrors?: Record<string, string> } | null;
    if (e?.kind !== 'contract' || e.status !== 400 || !e.fieldErrors) return false;
    const ids: Record<string, string> = { 'add.email': 'email', 'add.phone': 'phone', 'add.sms_consent': 'sms_consent' };
    const placed = Object.entries(e.fieldErrors).map(([name, message]) => ({ step: 'channels', id: ids[name] ?? (name.startsWith('channels') ? 'channels_on' : 'submit'), message }));
    this.o.summary.show(placed, this.o.t());
    return true;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.o.t();
    const topics = this.o.topics();
    const backend = this.o.backend();
    if (!topics || !backend || !this.token || this.saving) return;
    const errors: StepError[] = this.specs(topics).flatMap((s) => this.o.kit.signupErrors(t, s.id === 'topics' ? 'topics' : 'channels', s.specs, topics, this.values, this.o.locale()));
    this.saved = false;
    this.added = undefined;
    this.saveError = undefined;
    this.saving = true;
    this.host.requestUpdate();
    try {
      if (!errors.length && this.o.kit.textOf(this.values.area_kind) === 'address' && this.placesFor !== this.o.kit.textOf(this.values.address) && this.o.kit.asksArea(topics, this.values)) {
        this.places = await findPlaces(this.o.geocoderUrl()!, this.o.kit.textOf(this.values.address), this.o.locale());
        this.placesFor = this.o.kit.textOf(this.values.address);
        this.values = { ...this.values, place: '0' };
        if (!this.places.length) errors.push({ step: 'area', id: 'address', message: t('notifyErrorAddressNotFound') });
      }
      if (errors.length) {
        this.o.summary.show(errors, t);
        return;
      }
      this.o.summary.clear();
      const area = this.o.kit.asksArea(topics, this.values) ? areaOf(this.values, this.places) : undefined;
      const changes: NotifySubscriptionUpdate = { topics: this.o.kit.chosenTopics(topics, this.values), area: area ?? null, language: this.o.kit.languageOf(this.o.kit.textOf(this.values.language)) };
      const on = this.o.kit.listOf(this.values.channels_on);
      const switchable = this.switchable();
      if (switchable.length) changes.channels = switchable.map((channel) => ({ channel, enabled: on.includes(channel) }));
      const adding = this.o.kit.listOf(this.values.add_channel)[0] as NotifyChannel | undefined;
      if (adding === 'email') changes.add = { email: this.o.kit.textOf(this.values.email), page_url: location.href.split('#')[0]! };
      if (adding === 'sms') changes.add = { phone: this.o.kit.textOf(this.values.phone), ...(topics.consent.sms ? { sms_consent: topics.consent.sms.id } : {}), page_url: location.href.split('#')[0]! };
      const sub = await backend.update(this.token, changes);
      this.sub = sub;
      if (sub.status === 'unsubscribed' && !sub.channels.some((c) => c.status === 'active' || c.status === 'pending')) {
        this.gone = true;
        void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus());
        return;
      }
      this.values = { ...this.values, channels_on: sub.channels.filter((c) => c.status === 'active').map((c) => c.channel), add_channel: [], email: '', phone: '', sms_consent: [] };
      this.saved = true;
      this.added = adding;
      void this.o.announcer.announce(adding ? `${t('notifySaved')} ${t(adding === 'email' ? 'notifyAddedEmail' : 'notifyAddedSms')}` : t('notifySaved'));
    } catch (error) {
      if (!this.placeServerErrors(error)) this.saveError = error;
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  private async leave(what?: { topic: string; name: string } | { follow: NotifyFollow; name: string }): Promise<void> {
    const backend = this.o.backend();
    if (!backend || !this.token) return;
    const t = this.o.t();
    try {
      const view = await backend.unsubscribe(this.token, what && ('topic' in what ? { topic: what.topic } : { follow: what.follow }));
      if (!what || view.status === 'unsubscribed') this.gone = true;
      else {
        await this.load(this.token);
        void this.o.announcer.announce(t('notifyLeft', { topic: what.name }));
      }
      if (this.gone) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#step-title')?.focus());
    } catch (error) {
      this.saveError = error;
    }
    this.host.requestUpdate();
  }

  render(): TemplateResult {
    const t = this.o.t();
    const topics = this.o.topics();
    if (this.gone) {
      return html`${confirmationPanel({ title: t('notifyGoneTitle'), referenceLabel: '' })}
        <p>${t('notifyGone')}</p>`;
    }
    if (this.loadError) return html`${this.o.kit.stepTitle(t('notifyManageTitle'))}${errorPanel(t, this.loadError, () => this.token && void this.load(this.token))}`;
    if (this.sub === undefined || !topics) return html`<p role="status">${t('loading')}</p>`;
    if (this.sub === null) return html`${this.o.kit.stepTitle(t('notifyLinkUnknownTitle'))}<p>${t('notifyManageUnknown')}</p>`;
    const sub = this.sub;
    const leaving = [
      ...sub.topics.map((c) => ({ topic: c.id, name: topics.topics.find((x) => x.id === c.id)?.name ?? c.id })),
      ...sub.follows.map((f) => ({ follow: f, name: t(f.kind === 'service_request' ? 'notifyFollowService' : 'notifyFollowRecords', { id: f.id }) })),
    ];
    return html`<form novalidate @submit=${(e: Event) => void this.save(e)}>
        ${this.o.kit.stepTitle(t('notifyManageTitle'))}
        <ul class="channel-list" part="channels">
          ${sub.channels.map((c) => html`<li>${t(c.channel === 'email' ? 'notifyChannelEmail' : 'notifyChannelSms')}: ${c.address_masked} (${t(STATUS_KEY[c.status])})</li>`)}
        </ul>
        ${this.specs(topics).map((s) =>
          this.o.kit.fieldList(t, s.specs, this.values, this.o.summary, (id, value) => {
            this.values = { ...this.values, [id]: value };
            this.saved = false;
            this.host.requestUpdate();
          }, withConsent(this.o.kit, t, this.values, { sms: topics.consent.sms, terms: t('notifyTerms'), privacy: t('notifyPrivacy') })),
        )}
        ${this.saveError ? errorPanel(t, this.saveError) : nothing}
        <div class="actions">
          <button type="submit" id="submit" class="civic-button" part="submit-button" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? t('formSending') : t('notifySave')}</button>
        </div>
        <p role="status" class="done-note">${this.saved ? (this.added ? `${t('notifySaved')} ${t(this.added === 'email' ? 'notifyAddedEmail' : 'notifyAddedSms')}` : t('notifySaved')) : ''}</p>
      </form>
      ${leaving.length > 1
        ? html`<h3>${t('notifyLeaveTitle')}</h3>
            <ul class="leave-list">
              ${leaving.map(
                (item) => html`<li>
                  ${item.name}
                  <button type="button" class="link-button" @click=${() => void this.leave(item)}>${t('notifyLeave')}<span class="civic-visually-hidden"> ${item.name}</span></button>
                </li>`,
              )}
            </ul>`
        : nothing}
      <h3>${t('notifyStopAllTitle')}</h3>
      <p>${t('notifyStopAll')}</p>
      <p><button type="button" class="civic-button civic-button--warning" part="unsubscribe-button" @click=${() => void this.leave()}>${t('notifyUnsubscribeAll')}</button></p>`;
  }
}
