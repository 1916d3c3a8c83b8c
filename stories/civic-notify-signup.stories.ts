import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-notify-signup.js';
import { NetworkError } from '../src/api/errors.js';
import type { NotifyBackend } from '../src/api/notify/client.js';
import { saveDraft } from '../src/core/storage/drafts.js';
import { emailOnlySubscription, never, notifyBackend, refused } from './support/notify-backend.js';

/**
 * Residents sign up for city news and alerts by email or text (topics, frequency, area,
 * channels with the SMS consent), confirm by the link in the email, and manage or end the
 * subscription from the link in every message. On a city page it takes `notify-endpoint` from
 * `<civic-hall>`; these stories plug in a sample backend (`notifyBackend`) and stored drafts.
 */
const meta: Meta = {
  title: 'Widgets/civic-notify-signup',
  component: 'civic-notify-signup',
};
export default meta;
type Story = StoryObj;

const chosen = { 'topics-safety': ['emergency', 'snow'], 'topics-services': ['roads'], 'frequency-roads': 'daily' };

function draft(key: string, step: string, values: Record<string, unknown> = {}) {
  return () => saveDraft(`civic-notify-signup:${key}`, { step, values: { area_kind: 'everywhere', radius_m: '500', channels: ['email'], ...chosen, ...values } });
}

const render = (key: string, b: NotifyBackend, extra: { lang?: string; confirm?: string; manage?: string } = {}) =>
  html`<civic-notify-signup
    lang=${extra.lang ?? 'en'}
    draft-key=${key}
    confirm-token=${extra.confirm ?? ''}
    manage-token=${extra.manage ?? ''}
    .notifyBackend=${b}
  ></civic-notify-signup>`;

const submit = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('civic-notify-signup')!;
  // Check your answers renders once the topics have come and the later steps' code has loaded.
  let button: HTMLButtonElement | null | undefined;
  for (let i = 0; i < 100 && !(button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part=submit-button]')); i++) await new Promise((r) => setTimeout(r, 50));
  button?.click();
};

export const Topics: Story = { loaders: [() => saveDraft('civic-notify-signup:story-topics', { step: 'topics', values: {} })], render: () => render('story-topics', notifyBackend()) };
export const TopicsChosen: Story = { loaders: [draft('story-chosen', 'topics')], render: () => render('story-chosen', notifyBackend()) };
export const Loading: Story = { render: () => render('story-loading', notifyBackend({ topics: never })) };
export const BackendDown: Story = { render: () => render('story-down', notifyBackend({ topics: () => Promise.reject(new NetworkError()) })) };
export const Area: Story = { loaders: [draft('story-area', 'area', { area_kind: 'neighbourhood' })], render: () => render('story-area', notifyBackend()) };
export const EmailAndText: Story = { loaders: [draft('story-channels', 'channels', { channels: ['email', 'sms'] })], render: () => render('story-channels', notifyBackend()) };
export const CheckAnswers: Story = {
  loaders: [draft('story-review', 'review', { email: 'ana@example.com', area_kind: 'neighbourhood', neighbourhood: 'downtown' })],
  render: () => render('story-review', notifyBackend()),
};
export const Sending: Story = { loaders: [draft('story-sending', 'review', { email: 'ana@example.com' })], render: () => render('story-sending', notifyBackend({ subscribe: never })), play: submit };
export const SendFailed: Story = {
  loaders: [draft('story-failed', 'review', { email: 'ana@example.com' })],
  render: () => render('story-failed', notifyBackend({ subscribe: () => Promise.reject(new NetworkError()) })),
  play: submit,
};
export const CheckYourEmail: Story = { loaders: [draft('story-sent', 'review', { email: 'ana@example.com' })], render: () => render('story-sent', notifyBackend()), play: submit };
export const ReplyYes: Story = {
  loaders: [draft('story-sms', 'review', { channels: ['sms'], phone: '860 555 0134', sms_consent: ['yes'] })],
  render: () => render('story-sms', notifyBackend()),
  play: submit,
};
export const Confirming: Story = { render: () => render('story-confirming', notifyBackend({ confirm: never }), { confirm: 'sample-confirming' }) };
export const Confirmed: Story = { render: () => render('story-confirmed', notifyBackend(), { confirm: 'sample-confirmed' }) };
export const LinkExpired: Story = { render: () => render('story-expired', notifyBackend({ confirm: () => refused('expired') }), { confirm: 'sample-expired' }) };
export const LinkUsed: Story = { render: () => render('story-used', notifyBackend({ confirm: () => refused('used') }), { confirm: 'sample-used' }) };
export const Manage: Story = { render: () => render('story-manage', notifyBackend(), { manage: 'sample-manage' }) };
export const ManageUnknownLink: Story = { render: () => render('story-manage-unknown', notifyBackend({ subscription: async () => undefined }), { manage: 'sample-unknown' }) };
export const Spanish: Story = { loaders: [draft('story-es', 'channels', { channels: ['email', 'sms'] })], render: () => render('story-es', notifyBackend(), { lang: 'es' }) };
const onManage = (selector: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('civic-notify-signup')!;
  await new Promise((r) => setTimeout(r, 400));
  el.shadowRoot!.querySelector<HTMLButtonElement>(selector)?.click();
};
export const ManageSaved: Story = { render: () => render('story-saved', notifyBackend(), { manage: 'sample-saved' }), play: onManage('[part=submit-button]') };
export const Unsubscribed: Story = { render: () => render('story-gone', notifyBackend(), { manage: 'sample-gone' }), play: onManage('[part=unsubscribe-button]') };
/** Manage page of an email-only subscription: "Also send me text messages" ticked, the number and the SMS consent (unticked) beside it. */
export const ManageAddText: Story = {
  render: () => render('story-add-text', notifyBackend({ subscription: async () => emailOnlySubscription }), { manage: 'sample-add-text' }),
  play: onManage('#add_channel-0'),
};
/** After saving a new number: "Check your phone to confirm the new number", the number listed as waiting. */
export const ManageAddedText: Story = {
  render: () =>
    render(
      'story-added-text',
      notifyBackend({
        subscription: async () => emailOnlySubscription,
        update: async () => ({ ...emailOnlySubscription, channels: [...emailOnlySubscription.channels, { channel: 'sms', address_masked: '••• ••• 0134', status: 'pending' }] }),
      }),
      { manage: 'sample-added-text' },
    ),
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('civic-notify-signup')!;
    const root = () => el.shadowRoot!;
    await new Promise((r) => setTimeout(r, 400));
    root().querySelector<HTMLInputElement>('#add_channel-0')?.click();
    await el.updateComplete;
    const phone = root().querySelector<HTMLInputElement>('#phone')!;
    phone.value = '860 555 0134';
    phone.dispatchEvent(new Event('input', { bubbles: true }));
    phone.dispatchEvent(new Event('change', { bubbles: true }));
    root().querySelector<HTMLInputElement>('#sms_consent-0')?.click();
    await el.updateComplete;
    root().querySelector<HTMLButtonElement>('[part=submit-button]')?.click();
  },
};
