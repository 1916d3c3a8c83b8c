import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-follow.js';
import { NetworkError } from '../src/api/errors.js';
import type { NotifyBackend } from '../src/api/notify/client.js';
import { never, notifyBackend } from './support/notify-backend.js';

/**
 * "Email me (or text me) when this changes" under a 311 request: `<civic-service-request>`'s
 * confirmation and `<civic-status-tracker>` load it on demand when a `notify-endpoint` is set.
 */
const meta: Meta = {
  title: 'Widgets/civic-follow',
  component: 'civic-follow',
};
export default meta;
type Story = StoryObj;

const render = (b: NotifyBackend, lang = 'en') => html`<civic-follow lang=${lang} kind="service_request" request-id="1042" .notifyBackend=${b}></civic-follow>`;
const open = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('civic-follow')!;
  await new Promise((r) => setTimeout(r, 200));
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part=open-button]')?.click();
};

export const Offer: Story = { render: () => render(notifyBackend()) };
export const Open: Story = { render: () => render(notifyBackend()), play: open };
export const Sending: Story = {
  render: () => render(notifyBackend({ follow: never })),
  play: async (ctx) => {
    await open(ctx);
    const root = ctx.canvasElement.querySelector('civic-follow')!.shadowRoot!;
    await new Promise((r) => setTimeout(r, 200));
    const email = root.querySelector<HTMLInputElement>('#email')!;
    email.value = 'ana@example.com';
    email.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('[part=follow-button]')!.click();
  },
};
export const Failed: Story = { render: () => render(notifyBackend({ follow: () => Promise.reject(new NetworkError()) })), play: Sending.play };
export const CheckYourEmail: Story = { render: () => render(notifyBackend()), play: Sending.play };
export const Spanish: Story = { render: () => render(notifyBackend(), 'es'), play: open };
