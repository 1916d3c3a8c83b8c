import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-service-list.js';
import { pendingBackend, sampleServices, servicesBackend, unreachableBackend } from './support/sample-backend.js';

/**
 * The services a resident can report, grouped as the backend groups them. On a city page it
 * takes its endpoint from `<civic-hall>`; these stories plug in sample backends through the
 * `backend` property so each state shows without a server.
 */
const meta: Meta = {
  title: 'Widgets/civic-service-list',
  component: 'civic-service-list',
};
export default meta;
type Story = StoryObj;

export const Loaded: Story = {
  render: () => html`<civic-service-list .backend=${servicesBackend(sampleServices)}></civic-service-list>`,
};

export const WithReportLinks: Story = {
  render: () =>
    html`<civic-service-list .backend=${servicesBackend(sampleServices)} report-url="/report.html?service={service_code}"></civic-service-list>`,
};

export const Loading: Story = {
  render: () => html`<civic-service-list .backend=${pendingBackend()}></civic-service-list>`,
};

export const Empty: Story = {
  render: () => html`<civic-service-list .backend=${servicesBackend([])}></civic-service-list>`,
};

export const BackendDown: Story = {
  render: () => html`<civic-service-list .backend=${unreachableBackend()}></civic-service-list>`,
};

export const Spanish: Story = {
  render: () => html`<div lang="es"><civic-service-list .backend=${servicesBackend(sampleServices)}></civic-service-list></div>`,
};

export const Themed: Story = {
  render: () => html`<div class="city-brand">
    <style>
      .city-brand { font-family: Georgia, serif; --civic-color-primary: #7a1f3d; --civic-service-list-column-width: 12rem; }
    </style>
    <civic-service-list .backend=${servicesBackend(sampleServices)} heading-level="3"></civic-service-list>
  </div>`,
};
