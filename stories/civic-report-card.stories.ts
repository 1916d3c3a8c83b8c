import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-report-card.js';
import {
  pendingReportBackend,
  requestsBackend,
  sampleCard,
  sampleRequests,
  stalledReportBackend,
  statisticsBackend,
  unreachableReportBackend,
} from './support/report-card-backend.js';

/**
 * The city's 311 report card: a sortable table first, bars with the same numbers, a CSV
 * download, when and how the figures were computed. On a city page it takes its endpoint from
 * `<civic-hall>`; these stories plug in sample backends through the `backend` property.
 */
const meta: Meta = {
  title: 'Widgets/civic-report-card',
  component: 'civic-report-card',
};
export default meta;
type Story = StoryObj;

/** From a server with the `statistics` extension: one call. */
export const Loaded: Story = {
  render: () => html`<civic-report-card .backend=${statisticsBackend(sampleCard)} window-days="365"></civic-report-card>`,
};

/** From a plain Open311 server: the widget pages through `requests` and computes the figures. */
export const ComputedInBrowser: Story = {
  render: () => html`<civic-report-card .backend=${requestsBackend(sampleRequests())} window-days="90"></civic-report-card>`,
};

/** Over 30 days the small categories have fewer than 20 requests: "Not enough data". */
export const NotEnoughData: Story = {
  render: () => html`<civic-report-card .backend=${statisticsBackend(sampleCard)} window-days="30"></civic-report-card>`,
};

/** Loading stopped at `max-requests`: the card says its figures leave out older requests. */
export const Incomplete: Story = {
  render: () => html`<civic-report-card .backend=${requestsBackend(sampleRequests())} window-days="365" max-requests="200"></civic-report-card>`,
};

export const Loading: Story = {
  render: () => html`<civic-report-card .backend=${pendingReportBackend()}></civic-report-card>`,
};

/** Part of the way through the requests of the period. */
export const LoadingWithProgress: Story = {
  render: () => html`<civic-report-card .backend=${stalledReportBackend(sampleRequests())} window-days="365"></civic-report-card>`,
};

export const Empty: Story = {
  render: () => html`<civic-report-card .backend=${requestsBackend([])}></civic-report-card>`,
};

export const BackendDown: Story = {
  render: () => html`<civic-report-card .backend=${unreachableReportBackend()}></civic-report-card>`,
};

export const Spanish: Story = {
  render: () => html`<div lang="es"><civic-report-card .backend=${statisticsBackend(sampleCard)} window-days="365"></civic-report-card></div>`,
};

export const Themed: Story = {
  render: () => html`<div class="city-brand">
    <style>
      .city-brand { font-family: Georgia, serif; --civic-color-primary: #7a1f3d; --civic-report-card-bar-color: #7a1f3d; --civic-report-card-stripe: #f7eef1; }
    </style>
    <civic-report-card .backend=${statisticsBackend(sampleCard)} window-days="90" heading-level="3"></civic-report-card>
  </div>`,
};
