import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-records-request.js';
import { connecticut, florida } from '../src/api/records/rules.js';
import { NetworkError } from '../src/api/errors.js';
import type { RecordsBackend, RecordsDiscovery, RecordsReceipt } from '../src/api/records/client.js';
import { saveDraft } from '../src/core/storage/drafts.js';

/**
 * A resident asks for public records: what (with guidance on a good request), how to receive
 * them, fees, supporting documents, contact as the law allows, check answers, and the date the
 * law gives the city. On a city page it takes `records-endpoint` from `<civic-hall>`; these
 * stories plug in sample backends (`recordsBackend`) and stored drafts so each state shows
 * without a server.
 */
const meta: Meta = {
  title: 'Widgets/civic-records-request',
  component: 'civic-records-request',
};
export default meta;
type Story = StoryObj;

const discovery = (overrides: Partial<RecordsDiscovery> = {}): RecordsDiscovery => ({
  jurisdiction: { id: 'us-ct', name: 'Connecticut' },
  rule: connecticut,
  contact_policy: 'optional',
  public_log: true,
  departments: [
    { code: 'clerk', name: 'Town and City Clerk' },
    { code: 'police', name: 'Police Department' },
    { code: 'development', name: 'Development Services (building permits, zoning)' },
  ],
  delivery_formats: [
    { code: 'electronic', name: 'Electronic copy (download or email)' },
    { code: 'paper', name: 'Paper copy (by mail or pick up)' },
    { code: 'inspection', name: 'Inspect in person at City Hall' },
  ],
  limits: { request_description: 10_000, attachments: 5, attachment_bytes: 10 * 1024 * 1024 },
  attachment_types: ['application/pdf', 'image/jpeg', 'image/png', 'text/plain'],
  ...overrides,
});

const receipt: RecordsReceipt = {
  tracking_number: 'R-2026-00042',
  access_token: 'sample-token',
  status: 'submitted',
  received_date: '2026-12-04',
  due_date: '2026-12-10',
  extended_due_date: null,
  due_basis:
    "Connecticut's Freedom of Information Act gives the city 4 business days to provide the records or deny the request: by Thursday, December 10, 2026. No answer by then counts as a denial, which you can appeal to the Freedom of Information Commission.",
};

const never = () => new Promise<never>(() => {});

function backend(options: { discovery?: () => Promise<RecordsDiscovery>; submit?: () => Promise<RecordsReceipt> } = {}): RecordsBackend {
  return {
    discovery: options.discovery ?? (async () => discovery()),
    submit: options.submit ?? (async () => receipt),
    request: async () => undefined,
    publicLog: async () => ({ requests: [], total: 0 }),
    reply: never,
  };
}

const DESCRIPTION = 'Building permits and inspection reports for 174 Park Street, issued between January and March 2026.';

/** A stored draft on `step`, so the story opens there. */
function draft(key: string, step: string, values: Record<string, unknown> = {}) {
  return () => saveDraft(`civic-records-request:${key}`, { step, values: { delivery_format: 'electronic', fee_waiver: 'no', expedited_processing: 'no', request_description: DESCRIPTION, ...values } });
}

const render = (key: string, b: RecordsBackend, extra: { lang?: string; contactPolicy?: string } = {}) =>
  html`<civic-records-request
    lang=${extra.lang ?? 'en'}
    draft-key=${key}
    contact-policy=${extra.contactPolicy ?? 'optional'}
    tracker-url="/records-status.html?request={tracking}&token={token}"
    .recordsBackend=${b}
  ></civic-records-request>`;

export const Describe: Story = { loaders: [() => saveDraft('civic-records-request:story-describe', { step: 'describe', values: {} })], render: () => render('story-describe', backend()) };
export const Loading: Story = { render: () => render('story-loading', backend({ discovery: never })) };
export const BackendDown: Story = { render: () => render('story-down', backend({ discovery: () => Promise.reject(new NetworkError()) })) };
export const Delivery: Story = { loaders: [draft('story-delivery', 'delivery')], render: () => render('story-delivery', backend()) };
export const FeeWaiverAsked: Story = { loaders: [draft('story-waiver', 'delivery', { fee_waiver: 'yes' })], render: () => render('story-waiver', backend()) };
export const SupportingDocuments: Story = { loaders: [draft('story-files', 'files')], render: () => render('story-files', backend()) };
export const ContactOptional: Story = { loaders: [draft('story-contact', 'contact')], render: () => render('story-contact', backend()) };
export const ContactRequired: Story = { loaders: [draft('story-contact-req', 'contact')], render: () => render('story-contact-req', backend(), { contactPolicy: 'required' }) };
export const CheckAnswers: Story = {
  loaders: [draft('story-review', 'review', { department: 'development', email: 'ana@example.com', name_first: 'Ana', fee_amount_willing: '25' })],
  render: () => render('story-review', backend()),
};
export const Sending: Story = { loaders: [draft('story-sending', 'review')], render: () => render('story-sending', backend({ submit: never })) };
export const SendFailed: Story = {
  loaders: [draft('story-failed', 'review')],
  render: () => render('story-failed', backend({ submit: () => Promise.reject(new NetworkError()) })),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('civic-records-request')!;
    await new Promise((r) => setTimeout(r, 300));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit-button]')?.click();
  },
};
export const Confirmation: Story = {
  loaders: [draft('story-done', 'review')],
  render: () => render('story-done', backend()),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('civic-records-request')!;
    await new Promise((r) => setTimeout(r, 300));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=submit-button]')?.click();
  },
};
export const NoFixedDeadline: Story = {
  loaders: [draft('story-fl', 'review')],
  render: () =>
    render(
      'story-fl',
      backend({
        discovery: async () => discovery({ rule: florida, jurisdiction: { id: 'us-fl', name: 'Florida' } }),
        submit: async () => ({ ...receipt, due_date: null, due_basis: "Florida's Public Records Act sets no fixed deadline: the city must respond promptly and in good faith." }),
      }),
    ),
  play: Confirmation.play,
};
export const Spanish: Story = { loaders: [() => saveDraft('civic-records-request:story-es', { step: 'describe', values: {} })], render: () => render('story-es', backend(), { lang: 'es' }) };
