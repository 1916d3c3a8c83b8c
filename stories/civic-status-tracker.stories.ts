import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-status-tracker.js';
import type { CivicBackend } from '../src/api/backend.js';
import { NetworkError } from '../src/api/errors.js';
import type { ServiceRequest } from '../src/api/types.js';

/**
 * "Where is my request?": a resident types the reference number from their confirmation, or
 * arrives from its link (`/track.html?request=1234`), and sees what the city has done and when
 * to expect the fix. On a city page it takes its endpoint from `<civic-hall>`; these stories
 * plug in sample backends through the `backend` property so each state shows without a server.
 */
const meta: Meta = {
  title: 'Widgets/civic-status-tracker',
  component: 'civic-status-tracker',
};
export default meta;
type Story = StoryObj;

const DAY = 24 * 3600 * 1000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const openRequest: ServiceRequest = {
  service_request_id: '100231',
  status: 'open',
  service_name: 'Pothole',
  service_code: 'POTHOLE',
  description: 'Deep pothole in the right lane, about the size of a car tire.',
  agency_responsible: 'Department of Public Works – Streets',
  requested_datetime: at(-3),
  updated_datetime: at(-1),
  expected_datetime: at(4),
  address: '550 Main Street, Hartford, CT 06103',
  lat: 41.7637,
  long: -72.6851,
  notes: [
    { datetime: at(-3), type: 'opened', summary: 'Request received', description: 'Your request was received and sent to Department of Public Works – Streets.' },
    { datetime: at(-2), type: 'assigned', summary: 'Assigned', description: 'A road crew has been assigned.' },
    { datetime: at(-1), type: 'inspected', summary: 'Inspected', description: 'Crew confirmed the pothole; repair scheduled.' },
  ],
};

const closedRequest: ServiceRequest = {
  ...openRequest,
  service_request_id: '100187',
  status: 'closed',
  status_notes: 'Not city property: this stretch belongs to the state. We passed your report to CT DOT (reference 55-2031).',
  updated_datetime: at(-1),
  expected_datetime: undefined,
  notes: [
    ...openRequest.notes!,
    { datetime: at(-1), type: 'closed', summary: 'Closed', description: 'Referred to the Connecticut Department of Transportation.' },
  ],
};

const overdueRequest: ServiceRequest = {
  ...openRequest,
  service_request_id: '100112',
  service_name: 'Streetlight Out',
  agency_responsible: 'Department of Public Works – Traffic',
  requested_datetime: at(-12),
  updated_datetime: at(-9),
  expected_datetime: at(-5),
  notes: [{ datetime: at(-12), type: 'opened', summary: 'Request received' }, { datetime: at(-9), type: 'assigned', summary: 'Assigned' }],
};

/** A backend that knows these requests (by id) and these tokens (never resolved). */
function sampleBackend(requests: ServiceRequest[], pendingTokens: string[] = []): CivicBackend {
  return {
    request: async (id: string) => requests.find((r) => r.service_request_id === id),
    requestIdForToken: async (token: string) => {
      if (pendingTokens.includes(token)) return undefined;
      throw Object.assign(new Error('unknown token'), { kind: 'open311', status: 404 });
    },
  } as Partial<CivicBackend> as CivicBackend;
}

const never = () => new Promise<never>(() => {});

export const LookupForm: Story = {
  render: () => html`<civic-status-tracker url-param="" .backend=${sampleBackend([openRequest])}></civic-status-tracker>`,
};

export const Loading: Story = {
  render: () =>
    html`<civic-status-tracker url-param="" request-id="100231" .backend=${{ request: never } as Partial<CivicBackend> as CivicBackend}></civic-status-tracker>`,
};

export const OpenWithTimeline: Story = {
  render: () => html`<civic-status-tracker url-param="" request-id="100231" refresh-interval="0" .backend=${sampleBackend([openRequest])}></civic-status-tracker>`,
};

/** The map could not load (here: tiles that 404): it says so, under the address that says where. */
export const MapUnavailable: Story = {
  render: () =>
    html`<civic-status-tracker url-param="" request-id="100231" refresh-interval="0" tile-url="/no-such-tiles/{z}/{x}/{y}.png" .backend=${sampleBackend([openRequest])}></civic-status-tracker>`,
};

export const ClosedWithExplanation: Story = {
  render: () =>
    html`<civic-status-tracker url-param="" request-id="100187" refresh-interval="0" .backend=${sampleBackend([closedRequest])}></civic-status-tracker>`,
};

export const Overdue: Story = {
  render: () =>
    html`<civic-status-tracker url-param="" request-id="100112" refresh-interval="0" .backend=${sampleBackend([overdueRequest])}></civic-status-tracker>`,
};

export const StillProcessing: Story = {
  render: () => {
    const token = '3f0c9a52-8e7b-4d1e-9a6f-2b4c8d0e1f23';
    return html`<civic-status-tracker url-param="" token=${token} .backend=${sampleBackend([], [token])}></civic-status-tracker>`;
  },
};

export const NotFound: Story = {
  render: () => html`<civic-status-tracker url-param="" request-id="12345" .backend=${sampleBackend([])}></civic-status-tracker>`,
};

export const BackendDown: Story = {
  render: () =>
    html`<civic-status-tracker
      url-param=""
      request-id="100231"
      .backend=${{
        request: async () => {
          throw new NetworkError();
        },
      } as Partial<CivicBackend> as CivicBackend}
    ></civic-status-tracker>`,
};

export const Spanish: Story = {
  render: () => html`<div lang="es">
    <civic-status-tracker url-param="" request-id="100112" refresh-interval="0" .backend=${sampleBackend([overdueRequest])}></civic-status-tracker>
  </div>`,
};

export const Themed: Story = {
  render: () => html`<div class="city-brand">
    <style>
      .city-brand { font-family: Georgia, serif; --civic-color-primary: #7a1f3d; --civic-status-tracker-expected-background: #fbf3f5; }
    </style>
    <civic-status-tracker url-param="" request-id="100231" refresh-interval="0" heading-level="3" .backend=${sampleBackend([openRequest])}></civic-status-tracker>
  </div>`,
};
