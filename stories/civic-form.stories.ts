import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-form.js';
import { ContractError, NetworkError } from '../src/api/errors.js';
import type { FormsBackend } from '../src/api/forms/client.js';
import { saveDraft } from '../src/core/storage/drafts.js';
import { formsBackend, never, receipt, sampleForm } from './support/sample-form.js';

/**
 * Any city form from a JSON definition, one page at a time: routing, exit pages, "add another",
 * check answers, a declaration, a confirmation. On a city page it loads `form` from the hall's
 * `forms-endpoint`; these stories plug in a sample backend (`formsBackend`) and stored drafts.
 */
const meta: Meta = { title: 'Widgets/civic-form', component: 'civic-form' };
export default meta;
type Story = StoryObj;

const ANSWERS = {
  'q-is_owner': 'yes',
  'q-name-first': 'Ana',
  'q-name-last': 'Ruiz',
  'q-address-line1': '174 Park Street',
  'q-address-city': 'Hartford',
  'q-address-state': 'CT',
  'q-address-zip': '06106',
};
const ENTRIES = { trees: [{ 'q-spot': 'Left of the driveway', 'q-kind': 'flowering' }] };

const draft = (key: string, step: string, values: Record<string, unknown> = ANSWERS, entries: Record<string, unknown> = ENTRIES) => () => saveDraft(`civic-form:${key}`, { step, values, entries });

const render = (key: string, b: FormsBackend = formsBackend(), lang = 'en') =>
  html`<civic-form lang=${lang} form="street-tree-request" draft-key=${key} tracker-url="/track.html?request={reference}" .formsBackend=${b}></civic-form>`;

const press = (part: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('civic-form')!;
  for (let i = 0; i < 40 && !el.shadowRoot?.querySelector(`[part=${part}]`); i++) await new Promise((r) => setTimeout(r, 50));
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[part=${part}]`)?.click();
};

export const FirstPage: Story = { loaders: [() => saveDraft('civic-form:story-first', { step: 'owner', values: {}, entries: {} })], render: () => render('story-first') };
export const Errors: Story = { loaders: [() => saveDraft('civic-form:story-errors', { step: 'owner', values: {}, entries: {} })], render: () => render('story-errors'), play: press('continue-button') };
export const ExitPage: Story = { loaders: [draft('story-exit', 'exit-owner', { 'q-is_owner': 'no' }, {})], render: () => render('story-exit') };
export const RepeatablePage: Story = { loaders: [draft('story-repeat', 'trees', { 'q-is_owner': 'yes' }, {})], render: () => render('story-repeat') };
export const AddAnother: Story = { loaders: [draft('story-more', 'trees~more')], render: () => render('story-more') };
export const GroupedQuestions: Story = { loaders: [draft('story-contact', 'contact')], render: () => render('story-contact') };
export const CheckAnswers: Story = { loaders: [draft('story-review', 'check-answers')], render: () => render('story-review') };
export const Sending: Story = { loaders: [draft('story-sending', 'check-answers')], render: () => render('story-sending', formsBackend({ submit: never })), play: press('submit-button') };
export const Uploading: Story = {
  loaders: [draft('story-upload', 'check-answers')],
  render: () =>
    render(
      'story-upload',
      formsBackend({
        submit: (_slug, _input, options) => {
          options?.onProgress?.(42, 100);
          return never();
        },
      }),
    ),
  play: press('submit-button'),
};
export const SendFailed: Story = { loaders: [draft('story-failed', 'check-answers')], render: () => render('story-failed', formsBackend({ submit: () => Promise.reject(new NetworkError()) })), play: press('submit-button') };
export const ServerRefused: Story = {
  loaders: [draft('story-refused', 'check-answers')],
  render: () => render('story-refused', formsBackend({ submit: () => Promise.reject(new ContractError(400, [{ field: 'address', message: 'Enter an address in Hartford' }])) })),
  play: press('submit-button'),
};
export const Confirmation: Story = { loaders: [draft('story-done', 'check-answers')], render: () => render('story-done', formsBackend({ submit: async () => receipt })), play: press('submit-button') };
export const SaveAndReturn: Story = { loaders: [draft('story-save', 'contact')], render: () => render('story-save'), play: press('save-later') };
export const Loading: Story = { render: () => render('story-loading', formsBackend({ definition: never })) };
export const BackendDown: Story = { render: () => render('story-down', formsBackend({ definition: () => Promise.reject(new NetworkError()) })) };
export const NotFound: Story = { render: () => render('story-404', formsBackend({ definition: () => Promise.reject(new ContractError(404)) })) };
export const BadDefinition: Story = { render: () => render('story-bad', formsBackend({ definition: async () => ({ ...sampleForm, start_page: 'nowhere' }) })) };
export const Spanish: Story = { loaders: [draft('story-es', 'check-answers')], render: () => render('story-es', formsBackend(), 'es') };
