import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-form-list.js';
import { NetworkError } from '../src/api/errors.js';
import type { FormsBackend } from '../src/api/forms/client.js';
import { formsBackend, never } from './support/sample-form.js';

/** The city's forms by category, with a typo-tolerant search; each links to its page (`href-template`). */
const meta: Meta = { title: 'Widgets/civic-form-list', component: 'civic-form-list' };
export default meta;
type Story = StoryObj;

const render = (b: FormsBackend = formsBackend(), lang = 'en') => html`<civic-form-list lang=${lang} href-template="/forms/{slug}.html" .formsBackend=${b}></civic-form-list>`;

const search = (query: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('civic-form-list')!;
  for (let i = 0; i < 40 && !el.shadowRoot?.querySelector('#form-search'); i++) await new Promise((r) => setTimeout(r, 50));
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#form-search')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

export const ByCategory: Story = { render: () => render() };
export const SearchWithTypos: Story = { render: () => render(), play: search('dumpstr premit') };
export const NoMatch: Story = { render: () => render(), play: search('zzzz') };
export const Empty: Story = { render: () => render(formsBackend({ catalog: async () => [] })) };
export const Loading: Story = { render: () => render(formsBackend({ catalog: never })) };
export const BackendDown: Story = { render: () => render(formsBackend({ catalog: () => Promise.reject(new NetworkError()) })) };
export const Spanish: Story = { render: () => render(formsBackend(), 'es') };
