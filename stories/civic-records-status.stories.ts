import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-records-status.js';
import { NetworkError } from '../src/api/errors.js';
import type { RecordsBackend, RecordsRequestView } from '../src/api/records/client.js';

/**
 * The requester follows a records request through the private link from their confirmation:
 * status, the law's date (or "on hold"), the city's messages, an answer box, released records.
 * These stories plug in a sample backend (`recordsBackend`).
 */
const meta: Meta = {
  title: 'Widgets/civic-records-status',
  component: 'civic-records-status',
};
export default meta;
type Story = StoryObj;

const base: RecordsRequestView = {
  tracking_number: 'R-2026-00042',
  status: 'submitted',
  received_date: '2026-12-04',
  due_date: '2026-12-10',
  clock: 'running',
  overdue: false,
  due_basis: "Connecticut's Freedom of Information Act gives the city 4 business days to provide the records or deny the request: by Thursday, December 10, 2026.",
  request_description: 'Building permits and inspection reports for 174 Park Street, issued between January and March 2026.',
  department: { code: 'development', name: 'Development Services (building permits, zoning)' },
  timeline: [{ type: 'submitted', status: 'submitted', datetime: '2026-12-04T10:12:00-05:00' }],
  documents: [],
};

const pdf = (name: string, isPublic: boolean) => ({ id: name, name, content_type: 'application/pdf', size: 48_213, public: isPublic, kind: 'release' as const, url: '#' });

function backend(view: RecordsRequestView | undefined | Error, log: RecordsRequestView[] = []): RecordsBackend {
  return {
    discovery: () => new Promise(() => {}),
    submit: () => new Promise(() => {}),
    request: async () => {
      if (view instanceof Error) throw view;
      return view;
    },
    publicLog: async () => ({ requests: log, total: log.length }),
    reply: async () => ({ ...base, status: 'acknowledged' }),
  };
}

const render = (b: RecordsBackend, opts: { tracking?: string; token?: string; lang?: string } = {}) =>
  html`<civic-records-status lang=${opts.lang ?? 'en'} tracking-number=${opts.tracking ?? 'R-2026-00042'} token=${opts.token ?? 'sample'} .recordsBackend=${b}></civic-records-status>`;

export const Received: Story = { render: () => render(backend(base)) };
export const QuestionFromTheCity: Story = {
  render: () =>
    render(
      backend({
        ...base,
        status: 'clarification_requested',
        clock: 'paused',
        due_date: null,
        waiting_for: 'clarification',
        timeline: [...base.timeline, { type: 'clarification_requested', status: 'clarification_requested', datetime: '2026-12-07T09:00:00-05:00', message: 'Which permits: residential or commercial?' }],
      }),
    ),
};
export const FeeEstimate: Story = {
  render: () =>
    render(
      backend({
        ...base,
        status: 'fee_estimate',
        clock: 'paused',
        due_date: null,
        waiting_for: 'fee',
        timeline: [...base.timeline, { type: 'fee_estimate', status: 'fee_estimate', datetime: '2026-12-07T09:00:00-05:00', fee_amount: 12.5, message: 'Copies cost 50 cents a page.' }],
      }),
    ),
};
export const Overdue: Story = { render: () => render(backend({ ...base, status: 'acknowledged', due_date: '2026-11-20', overdue: true })) };
export const Released: Story = {
  render: () =>
    render(
      backend({
        ...base,
        status: 'released',
        clock: 'stopped',
        documents: [pdf('permits-2026-q1.pdf', true), pdf('your-inspection-letter.pdf', false)],
        timeline: [...base.timeline, { type: 'released', status: 'released', datetime: '2026-12-09T15:30:00-05:00', message: 'Here are the permits and inspection reports.' }],
      }),
    ),
};
export const Denied: Story = {
  render: () =>
    render(
      backend({
        ...base,
        status: 'denied',
        clock: 'stopped',
        timeline: [...base.timeline, { type: 'denied', status: 'denied', datetime: '2026-12-09T15:30:00-05:00', reason: 'These records are exempt under Conn. Gen. Stat. § 1-210(b)(3).' }],
      }),
    ),
};
export const NotFound: Story = { render: () => render(backend(undefined)) };
export const BackendDown: Story = { render: () => render(backend(new NetworkError())) };
export const LookupAndPublicLog: Story = { render: () => render(backend(base, [{ ...base, status: 'acknowledged' }]), { tracking: '', token: '' }) };
export const Spanish: Story = { render: () => render(backend(base), { lang: 'es' }) };
