import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-service-request.js';
import { CivicServiceRequest } from '../src/components/civic-service-request/civic-service-request.js';
import { defineElement } from '../src/core/define.js';
import type { CivicBackend } from '../src/api/backend.js';
import type { Draft } from '../src/components/civic-service-request/model.js';
import { emergencyBackend } from './support/emergency-backend.js';
import {
  everyDatatype,
  downRequestBackend,
  emptyRequestBackend,
  pendingRequestBackend,
  seedDraft,
  storyBackend,
  type StoryBackendOptions,
} from './support/service-request-backend.js';

defineElement('civic-service-request', CivicServiceRequest);

/**
 * A resident reports a problem, step by step. On a city page it sits inside `<civic-hall>`
 * and talks to the city's Open311 server; these stories plug in sample backends (`backend`
 * property) and start from a stored draft, so each step and state shows without a server.
 */
const meta: Meta = {
  title: 'Widgets/civic-service-request',
  component: 'civic-service-request',
};
export default meta;
type Story = StoryObj;

let counter = 0;

/** A story that starts on `step` with a draft answered that far. */
function at(step: Draft['step'], backend: StoryBackendOptions = {}, draft: Partial<Draft> = {}, lang = 'en', picker = false): Story {
  const key = `story-${step}-${counter++}`;
  return {
    loaders: [async () => seedDraft(key, step, draft)],
    render: () => html`<div lang=${lang}>
      <civic-service-request ?address-only=${!picker} draft-key=${key} service-param="" tracker-url="/track.html?request={id}" .backend=${storyBackend(backend)}></civic-service-request>
    </div>`,
  };
}

/** A story on the first step with a given backend. */
function start(backend: CivicBackend, attrs: { featured?: string } = {}): Story {
  const key = `story-start-${counter++}`;
  return {
    loaders: [async () => (await import('../src/core/storage/drafts.js')).deleteDraft(`civic-service-request:${key}`)],
    render: () => html`<civic-service-request draft-key=${key} service-param="" featured=${attrs.featured ?? ''} .backend=${backend}></civic-service-request>`,
  };
}

/** Presses the step's main button once the element has rendered (validation on submit). */
async function pressContinue(canvas: HTMLElement): Promise<void> {
  const el = canvas.querySelector('civic-service-request')!;
  for (let i = 0; i < 50; i++) {
    const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part=continue-button], [part=submit-button]');
    if (button) {
      button.click();
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const withContinue = (story: Story): Story => ({ ...story, play: async ({ canvasElement }) => pressContinue(canvasElement) });

export const Category: Story = start(storyBackend(), { featured: 'POTHOLE MISSED' });
/** Emergency mode: discovery announces an emergency; its alert is shown and its storm categories come first. */
export const Emergency: Story = start(emergencyBackend(), { featured: 'POTHOLE MISSED' });
export const Loading: Story = start(pendingRequestBackend());
export const Empty: Story = start(emptyRequestBackend());
export const BackendDown: Story = start(downRequestBackend());
export const CategoryNotChosen: Story = withContinue(start(storyBackend()));

/** Every datatype: informational text, radios, a select (more than 6 choices), checkboxes, text, number, date, textarea. */
export const QuestionsEveryDatatype: Story = at('questions', {}, { answers: {} });
/** One story per datatype: only that question is asked. */
const only = (code: string): Story => at('questions', { attributes: everyDatatype.filter((a) => a.code === code) }, { answers: {} });
export const QuestionInformationOnly: Story = only('INFO');
export const QuestionRadios: Story = only('SIZE');
export const QuestionSelect: Story = only('LANE');
export const QuestionCheckboxes: Story = only('HAZARDS');
export const QuestionString: Story = only('POLE');
export const QuestionNumber: Story = only('DEPTH');
export const QuestionDate: Story = only('SINCE');
export const QuestionTextarea: Story = only('NOTES');
export const QuestionsErrors: Story = withContinue(at('questions', {}, { answers: { DEPTH: 'deep', SINCE: { day: '31', month: '2', year: '2026', time: '' } } }));
/** With `<civic-location-picker>` (no geocoder here, so the address is free text; the map needs tiles from the internet). */
export const Location: Story = at('location', {}, { location: undefined, address: '' }, 'en', true);
export const LocationError: Story = withContinue(at('location', {}, { location: undefined, address: '' }, 'en', true));
/** Without the picker (`address-only`): a typed address. */
export const LocationAddressOnly: Story = at('location', {}, { location: undefined, address: '' });
/** "Is it one of these?": open requests of the same kind close by. */
export const Nearby: Story = withContinue(at('location', { nearby: true }, {}, 'en', true));
export const Details: Story = at('details', { media: true });
export const DetailsWithoutPhotoUpload: Story = at('details', { media: false });

/** A 4000×3000 picture, as a phone camera saves one, drawn here (no files in stories). */
async function phoneSizedPhoto(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 4000;
  canvas.height = 3000;
  const ctx = canvas.getContext('2d')!;
  const gradient = ctx.createLinearGradient(0, 0, 4000, 3000);
  gradient.addColorStop(0, '#345');
  gradient.addColorStop(1, '#c96');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 4000, 3000);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.97));
  return new File([blob], 'IMG_2041.JPG', { type: 'image/jpeg' });
}

/**
 * A large photo chosen: "Preparing your photo…" while it is made smaller (long side 2048 px,
 * JPEG), then the preview of the smaller one, which is what will be sent.
 */
export const DetailsLargePhotoShrunk: Story = {
  ...at('details', { media: true }),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('civic-service-request')!;
    let input: HTMLInputElement | null | undefined;
    for (let i = 0; i < 50 && !input; i++) {
      input = el.shadowRoot?.querySelector<HTMLInputElement>('#photo');
      if (!input) await new Promise((r) => setTimeout(r, 50));
    }
    if (!input) return;
    const files = new DataTransfer();
    files.items.add(await phoneSizedPhoto());
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
  },
};
export const ContactOptional: Story = at('contact', {}, { contact: { first_name: '', last_name: '', email: '', phone: '' } });
export const ContactRequiredErrors: Story = withContinue(at('contact', { contactPolicy: 'required' }, { contact: { first_name: '', last_name: '', email: '', phone: '' } }));
/** A link for Graffiti while a Pothole draft is stored: continue the draft, or start the new one? */
export const DraftForAnotherService: Story = (() => {
  const key = `story-draft-question-${counter++}`;
  return {
    loaders: [async () => seedDraft(key, 'location')],
    render: () =>
      html`<civic-service-request address-only draft-key=${key} service-param="" service-code="GRAFFITI" .backend=${storyBackend()}></civic-service-request>`,
  };
})();
export const CheckAnswers: Story = at('review');
export const SubmitServerError: Story = withContinue(at('review', { submit: 'server-error' }));
export const SubmitTimeout: Story = withContinue(at('review', { submit: 'timeout' }));
export const SubmitOffline: Story = withContinue(at('review', { submit: 'offline' }));
export const SubmitRejectedOnAField: Story = withContinue(at('review', { submit: 'rejected' }));
export const Success: Story = withContinue(at('review', { submit: 'success' }));
export const SuccessWithToken: Story = withContinue(at('review', { submit: 'token' }));
export const Spanish: Story = at('questions', {}, { answers: {} }, 'es');
