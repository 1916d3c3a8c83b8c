import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicServiceRequest } from '../../src/define/civic-service-request.js';
import { Open311Client } from '../../src/api/open311.js';
import type { CivicBackend } from '../../src/api/backend.js';
import type { ServiceAttribute, ServiceDefinition, SubmitInput } from '../../src/api/types.js';
import { BACKEND_URL, NOTIFY_ENDPOINT, OPEN311_ENDPOINT } from '../helpers/backend.js';
import { loadDraft } from '../../src/core/storage/drafts.js';

let n = 0;
const uniqueKey = () => `test-${Date.now()}-${n++}`;
const root = (el: CivicServiceRequest) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: CivicServiceRequest, sel: string) => root(el).querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: CivicServiceRequest, sel: string) => [...root(el).querySelectorAll<T>(sel)];
const title = (el: CivicServiceRequest) => $(el, '#step-title')?.textContent?.trim() ?? '';
const client = () => new Open311Client({ endpoint: OPEN311_ENDPOINT });

async function create(attrs: { backend?: CivicBackend; draftKey?: string; extra?: Partial<CivicServiceRequest> } = {}): Promise<CivicServiceRequest> {
  const key = attrs.draftKey ?? uniqueKey();
  const el = await fixture<CivicServiceRequest>(
    attrs.backend
      ? html`<civic-service-request address-only draft-key=${key} service-param="" .backend=${attrs.backend}></civic-service-request>`
      : html`<civic-service-request address-only draft-key=${key} service-param="" endpoint=${OPEN311_ENDPOINT}></civic-service-request>`,
  );
  Object.assign(el, attrs.extra ?? {});
  await waitUntil(() => $(el, '[data-service-code]') || $(el, '[role=alert]') || $(el, '#step-title') && title(el) !== '' && !$(el, '[role=status]')?.textContent?.includes('Loading'), 'first step shown', { timeout: 15_000 });
  return el;
}

async function type(el: CivicServiceRequest, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${CSS.escape(id)}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function check(el: CivicServiceRequest, id: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${CSS.escape(id)}`)!;
  input.click();
  await el.updateComplete;
}

async function continueStep(el: CivicServiceRequest): Promise<void> {
  const before = title(el);
  $<HTMLButtonElement>(el, '[part=continue-button], [part=submit-button]')!.click();
  await el.updateComplete;
  await waitUntil(() => title(el) !== before || $(el, '.civic-error-summary') || $(el, '[role=alert]'), 'step moved or errors shown', { timeout: 15_000 });
  await el.updateComplete;
}

async function chooseService(el: CivicServiceRequest, code: string): Promise<void> {
  await check(el, `service-${code}`);
  await continueStep(el);
  await waitUntil(() => !$(el, '[role=status]')?.textContent?.includes('Loading…') || title(el) !== 'Tell us about the problem', 'questions loaded', { timeout: 15_000 });
  await waitUntil(() => $(el, 'form'), 'step form');
}

const summaryLinks = (el: CivicServiceRequest) => $$<HTMLAnchorElement>(el, '.civic-error-summary a').map((a) => a.textContent!.trim());
const inlineError = (el: CivicServiceRequest, id: string) => $(el, `#${CSS.escape(id)}-error`)?.textContent?.replace(/\s+/g, ' ').trim();

/** Goes through POTHOLE to the review step at the given address. */
async function potholeToReview(el: CivicServiceRequest, description: string): Promise<void> {
  await chooseService(el, 'POTHOLE');
  await check(el, 'attr-SIZE-2');
  await continueStep(el);
  await type(el, 'location', '550 Main Street');
  await continueStep(el);
  await type(el, 'description', description);
  await continueStep(el);
  await continueStep(el);
  expect(title(el)).to.equal('Check your answers before sending your report');
}

/** A definition with one question of every datatype, to see each render and validate. */
const everyDatatype: ServiceAttribute[] = [
  { variable: false, code: 'INFO', datatype: 'text', required: false, order: 1, description: 'Report each problem separately.', values: [] },
  { variable: true, code: 'S', datatype: 'string', required: true, order: 2, description: 'Pole number', datatype_description: 'On the metal tag.', values: [] },
  { variable: true, code: 'N', datatype: 'number', required: true, order: 3, description: 'How many?', values: [] },
  { variable: true, code: 'D', datatype: 'datetime', required: true, order: 4, description: 'Since when?', values: [] },
  { variable: true, code: 'T', datatype: 'text', required: true, order: 5, description: 'What happened?', values: [] },
  { variable: true, code: 'R', datatype: 'singlevaluelist', required: true, order: 6, description: 'Which side?', values: [{ key: 'L', name: 'Left' }, { key: 'R', name: 'Right' }] },
  { variable: true, code: 'SEL', datatype: 'singlevaluelist', required: true, order: 7, description: 'Which park?', values: 'ABCDEFG'.split('').map((k) => ({ key: k, name: `Park ${k}` })) },
  { variable: true, code: 'M', datatype: 'multivaluelist', required: true, order: 8, description: 'What do you see?', values: [{ key: 'A', name: 'Trash' }, { key: 'B', name: 'Rats' }] },
];

/** The real backend, with one service's definition replaced. */
function withDefinition(code: string, attributes: ServiceAttribute[], base: CivicBackend = client()): CivicBackend {
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (prop === 'serviceDefinition') {
        return async (c: string): Promise<ServiceDefinition> => (c === code ? { service_code: code, attributes } : target.serviceDefinition(c));
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('<civic-service-request>', () => {
  it('is accessible on its first step, with the backend\'s services', async () => {
    const el = await create();
    await expect(el).to.be.accessible();
  });

  describe('category step', () => {
    it('lists every service once, grouped, with the emergency notice; featured services first', async () => {
      const el = await create({ extra: { featured: 'SNOWPLOW BLIGHT' } });
      await el.updateComplete;
      const services = await client().services();
      expect($$(el, '[data-service-code]').map((d) => d.dataset.serviceCode).sort()).to.deep.equal(services.map((s) => s.service_code).sort());
      expect($(el, '[part=emergency-notice]')!.textContent).to.contain('911');
      const first = $$(el, '.group')[0]!;
      expect(first.querySelector('h3')!.textContent).to.equal('Most reported');
      expect([...first.querySelectorAll<HTMLElement>('[data-service-code]')].map((d) => d.dataset.serviceCode)).to.deep.equal(['SNOWPLOW', 'BLIGHT']);
    });

    it('search matches names, keywords and descriptions, with typos', async () => {
      const el = await create();
      const shown = () => $$(el, '[data-service-code]').map((d) => d.dataset.serviceCode);
      await type(el, 'service-search', 'pothoel');
      expect(shown()[0]).to.equal('POTHOLE');
      await type(el, 'service-search', 'landlord');
      expect(shown()).to.deep.equal(['NOHEAT']);
      await type(el, 'service-search', 'grafiti');
      expect(shown()).to.include('GRAFFITI');
      await type(el, 'service-search', 'zzzzqqq');
      expect(shown()).to.deep.equal([]);
      expect(root(el).textContent).to.contain('Nothing matches your search');
      await expect(el).to.be.accessible();
    });

    it('asks for a choice when Continue is pressed without one: summary takes focus, inline error repeats it', async () => {
      const el = await create();
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal(['Choose the kind of problem you want to report']);
      expect(root(el).activeElement?.id).to.equal('civic-error-summary');
      expect(inlineError(el, 'service')).to.equal('Error: Choose the kind of problem you want to report');
      await expect(el).to.be.accessible();
    });

    it('shows loading, then an empty list, accessibly', async () => {
      let release!: () => void;
      const wait = new Promise<void>((r) => (release = r));
      const backend = { services: async () => (await wait, []), supports: async () => false } as unknown as CivicBackend;
      const el = await fixture<CivicServiceRequest>(html`<civic-service-request draft-key=${uniqueKey()} .backend=${backend}></civic-service-request>`);
      await waitUntil(() => $(el, '[role=status]')?.textContent?.includes('Loading'), 'loading');
      await expect(el).to.be.accessible();
      release();
      await waitUntil(() => root(el).textContent!.includes('No services are available right now.'), 'empty');
      await expect(el).to.be.accessible();
    });

    it('explains a backend that is down, with a retry', async () => {
      const el = await fixture<CivicServiceRequest>(
        html`<civic-service-request draft-key=${uniqueKey()} endpoint="http://127.0.0.1:9/open311/v2"></civic-service-request>`,
      );
      await waitUntil(() => $(el, '[role=alert]'), 'error', { timeout: 15_000 });
      expect($(el, '[role=alert]')!.textContent).to.match(/couldn.t reach/i);
      await expect(el).to.be.accessible();
      el.endpoint = OPEN311_ENDPOINT;
      await waitUntil(() => $(el, '[data-service-code]'), 'list after fix', { timeout: 15_000 });
    });

    it('skips the questions step for a service that asks none', async () => {
      const el = await create();
      await check(el, 'service-SNOWPLOW');
      await continueStep(el);
      expect(title(el)).to.equal('Where is the problem?');
      $<HTMLButtonElement>(el, '[part=back-button]')!.click();
      await el.updateComplete;
      expect(title(el)).to.equal('What do you want to report?');
    });

    it('starts on the location for a `service-code` that asks no questions', async () => {
      const el = await fixture<CivicServiceRequest>(
        html`<civic-service-request address-only draft-key=${uniqueKey()} service-code="SNOWPLOW" endpoint=${OPEN311_ENDPOINT}></civic-service-request>`,
      );
      await waitUntil(() => title(el) === 'Where is the problem?', 'location step', { timeout: 15_000 });
    });

    it('starts on the questions of `service-code`', async () => {
      const el = await fixture<CivicServiceRequest>(
        html`<civic-service-request address-only draft-key=${uniqueKey()} service-code="POTHOLE" endpoint=${OPEN311_ENDPOINT}></civic-service-request>`,
      );
      await waitUntil(() => $(el, '#attr-SIZE'), 'pothole questions', { timeout: 15_000 });
      await waitUntil(() => $(el, '.caption')!.textContent === 'Pothole', 'service name once services load', { timeout: 15_000 });
    });
  });

  describe('questions step: every datatype', () => {
    it('renders each datatype with its label, hint and control, and is accessible', async () => {
      const el = await create({ backend: withDefinition('POTHOLE', everyDatatype) });
      await chooseService(el, 'POTHOLE');
      expect($(el, '[part=information]')!.textContent).to.equal('Report each problem separately.');
      expect($(el, 'label[for=attr-S]')!.textContent).to.equal('Pole number');
      expect($(el, '#attr-S-hint')!.textContent).to.equal('On the metal tag.');
      expect($<HTMLInputElement>(el, '#attr-N')!.inputMode).to.equal('decimal');
      expect($$(el, '#attr-D input').map((i) => i.id)).to.deep.equal(['attr-D-day', 'attr-D-month', 'attr-D-year', 'attr-D-time']);
      expect($(el, 'textarea#attr-T')).to.exist;
      expect($(el, '#attr-T-info')!.textContent).to.contain('4,000');
      expect($$<HTMLInputElement>(el, '#attr-R input[type=radio]').map((i) => i.value)).to.deep.equal(['L', 'R']);
      expect($$<HTMLOptionElement>(el, 'select#attr-SEL option').map((o) => o.value)).to.deep.equal(['', ...'ABCDEFG']);
      expect($$<HTMLInputElement>(el, '#attr-M input[type=checkbox]').length).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('validates required answers, numbers and real dates, with the same words inline and in the summary', async () => {
      const el = await create({ backend: withDefinition('POTHOLE', everyDatatype) });
      await chooseService(el, 'POTHOLE');
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal([
        'Answer the question “Pole number”',
        'Answer the question “How many?”',
        'Enter a date for “Since when?”',
        'Answer the question “What happened?”',
        'Choose an answer for “Which side?”',
        'Choose an answer for “Which park?”',
        'Choose at least one answer for “What do you see?”',
      ]);
      expect(inlineError(el, 'attr-M')).to.equal('Error: Choose at least one answer for “What do you see?”');
      expect(inlineError(el, 'attr-D')).to.equal('Error: Enter a date for “Since when?”');
      await expect(el).to.be.accessible();

      await type(el, 'attr-S', 'HFD-1');
      await type(el, 'attr-N', 'three');
      await type(el, 'attr-D-day', '31');
      await type(el, 'attr-D-month', '2');
      await type(el, 'attr-D-year', '2025');
      await type(el, 'attr-T', 'Fell over');
      await check(el, 'attr-R-1');
      const select = $<HTMLSelectElement>(el, '#attr-SEL')!;
      select.value = 'C';
      select.dispatchEvent(new Event('change'));
      await check(el, 'attr-M-0');
      await check(el, 'attr-M-1');
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal(['Enter a number for “How many?”, for example 3', 'Enter a real date for “Since when?”']);

      // The summary link moves focus to the field it names.
      $<HTMLAnchorElement>(el, '.civic-error-summary a')!.click();
      expect(root(el).activeElement?.id).to.equal('attr-N');

      await type(el, 'attr-N', '3');
      await type(el, 'attr-D-day', '28');
      await type(el, 'attr-D-time', '25:00');
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal(['Enter a time for “Since when?” like 14:30, or leave it empty']);
      await type(el, 'attr-D-time', '20:15');
      await continueStep(el);
      expect(title(el)).to.equal('Where is the problem?');
    });
  });

  describe('drafts', () => {
    /** A Pothole draft stored under `key`, as a resident leaves it half done. */
    async function potholeDraft(key: string): Promise<void> {
      const el = await create({ draftKey: key });
      await chooseService(el, 'POTHOLE');
      await check(el, 'attr-SIZE-1');
      await waitUntil(async () => (await loadDraft<{ answers: Record<string, unknown> }>(`civic-service-request:${key}`))?.value.answers.SIZE, 'draft stored');
      el.remove();
    }
    const linkedTo = async (key: string, code: string) => {
      const el = await fixture<CivicServiceRequest>(
        html`<civic-service-request address-only draft-key=${key} service-param="" service-code=${code} endpoint=${OPEN311_ENDPOINT}></civic-service-request>`,
      );
      await waitUntil(() => title(el) !== '' && !title(el).startsWith('Loading'), 'first screen', { timeout: 15_000 });
      return el;
    };
    const graffiti = 'Continue your report about Pothole, or start a new one about Graffiti Removal?';

    it('a link for another service asks whether to continue the draft or start anew, accessibly; continuing keeps every answer', async () => {
      const key = uniqueKey();
      await potholeDraft(key);
      const el = await linkedTo(key, 'GRAFFITI');
      await waitUntil(() => title(el) === graffiti, 'the question, with both names', { timeout: 15_000 });
      expect($(el, '[part=continue-draft]')!.textContent!.trim()).to.equal('Continue my report about Pothole');
      expect($(el, '[part=start-new]')!.textContent!.trim()).to.equal('Start a new report about Graffiti Removal');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=continue-draft]')!.click();
      await waitUntil(() => $(el, '#attr-SIZE-1'), 'back on the Pothole questions');
      expect($<HTMLInputElement>(el, '#attr-SIZE-1')!.checked).to.be.true;
      expect(root(el).activeElement).to.equal($(el, '#step-title'));
    });

    it('starting a new one forgets the old draft and opens the linked service\'s questions', async () => {
      const key = uniqueKey();
      await potholeDraft(key);
      const el = await linkedTo(key, 'GRAFFITI');
      await waitUntil(() => title(el) === graffiti, 'the question', { timeout: 15_000 });
      $<HTMLButtonElement>(el, '[part=start-new]')!.click();
      await waitUntil(() => $(el, '[id^=attr-SURFACE]'), 'the Graffiti questions', { timeout: 15_000 });
      expect((await loadDraft<{ serviceCode?: string }>(`civic-service-request:${key}`))?.value.serviceCode).not.to.equal('POTHOLE');
    });

    it('a link for the same service, or a Spanish page, words it accordingly', async () => {
      const key = uniqueKey();
      await potholeDraft(key);
      const same = await linkedTo(key, 'POTHOLE');
      await waitUntil(() => $(same, '#attr-SIZE-1'), 'straight back to the draft');
      expect($(same, '[part=draft-question]')).to.equal(null);
      same.remove();
      const wrapper = await fixture(html`<div lang="es"><civic-service-request address-only draft-key=${key} service-param="" service-code="GRAFFITI" endpoint=${OPEN311_ENDPOINT}></civic-service-request></div>`);
      const es = wrapper.querySelector('civic-service-request')!;
      await waitUntil(() => /^¿Desea continuar su reporte sobre .+ o empezar uno nuevo sobre .+\?$/.test(title(es)), 'asked in Spanish', { timeout: 15_000 });
    });

    it('survive a reload (a new element), and "start over" clears them', async () => {
      const key = uniqueKey();
      const el = await create({ draftKey: key });
      await chooseService(el, 'POTHOLE');
      await check(el, 'attr-SIZE-1');
      await continueStep(el);
      await type(el, 'location', '12 Park Street');
      await new Promise((r) => setTimeout(r, 300));
      el.remove();

      const again = await create({ draftKey: key });
      await waitUntil(() => $(again, '#location'), 'restored on the location step', { timeout: 15_000 });
      expect($<HTMLInputElement>(again, '#location')!.value).to.equal('12 Park Street');
      $<HTMLButtonElement>(again, '[part=back-button]')!.click();
      await again.updateComplete;
      await waitUntil(() => $(again, '#attr-SIZE-1'), 'questions');
      expect($<HTMLInputElement>(again, '#attr-SIZE-1')!.checked).to.be.true;

      $<HTMLButtonElement>(again, '[part=start-over]')!.click();
      await waitUntil(() => title(again) === 'What do you want to report?', 'back to start');
      await new Promise((r) => setTimeout(r, 300));
      again.remove();
      const fresh = await create({ draftKey: key });
      expect(title(fresh)).to.equal('What do you want to report?');
      expect($$<HTMLInputElement>(fresh, 'input[name=service]').some((i) => i.checked)).to.be.false;
    });
  });

  describe('check answers and submit', () => {
    it('lists every answer with a Change link back to its step, sends, and confirms with the reference', async () => {
      const el = await create({ extra: { trackerUrl: '/track.html?request={id}' } });
      await potholeToReview(el, 'Deep hole by the bus stop');
      const rows = $$(el, '.summary-row').map((r) => [r.querySelector('dt')!.textContent!.trim(), r.querySelector('.summary-value')!.textContent!.trim()]);
      expect(rows).to.deep.include(['Problem', 'Pothole']);
      expect(rows).to.deep.include(['How big is the pothole?', 'Larger than a car tire']);
      expect(rows).to.deep.include(['Location', '550 Main Street']);
      expect(rows).to.deep.include(['Description', 'Deep hole by the bus stop']);
      await expect(el).to.be.accessible();

      // Change → the step → Continue comes back here.
      $<HTMLButtonElement>(el, '.summary-row[data-key=description] [part=change-link]')!.click();
      await el.updateComplete;
      expect(title(el)).to.equal('Describe the problem');
      await type(el, 'description', 'Deep hole by the bus stop, getting bigger');
      await continueStep(el);
      expect(title(el)).to.equal('Check your answers before sending your report');

      const submitted = oneEvent(el, 'civic-request-submitted');
      await continueStep(el);
      const { detail } = await submitted;
      expect(title(el)).to.equal('Report sent');
      expect(detail.serviceCode).to.equal('POTHOLE');
      expect($(el, '.reference')!.textContent).to.equal(detail.serviceRequestId);
      expect($<HTMLAnchorElement>(el, '[part=track-link]')!.getAttribute('href')).to.equal(`/track.html?request=${detail.serviceRequestId}`);
      expect($(el, '[part=service-notice]')!.textContent).to.contain('Potholes are usually filled');
      const stored = await client().request(detail.serviceRequestId!, { extensions: true });
      expect(stored!.description).to.equal('Deep hole by the bus stop, getting bigger');
      expect(stored!.extended_attributes).to.deep.equal({ attributes: { SIZE: 'LARGE' } });
      await expect(el).to.be.accessible();
    });

    it('a 400 from the backend lands on the field it names', async () => {
      // The page thinks SIZE is optional; the backend requires it.
      const def = await client().serviceDefinition('POTHOLE');
      const relaxed = def.attributes.map((a) => ({ ...a, required: false }));
      const el = await create({ backend: withDefinition('POTHOLE', relaxed) });
      await chooseService(el, 'POTHOLE');
      await continueStep(el);
      await type(el, 'location', '550 Main Street');
      await continueStep(el);
      await continueStep(el);
      await continueStep(el);
      await continueStep(el);
      await waitUntil(() => $(el, '.civic-error-summary'), 'server errors shown', { timeout: 15_000 });
      expect(title(el)).to.equal('Tell us about the problem');
      expect(summaryLinks(el)).to.deep.equal(['An answer is required for "How big is the pothole?".']);
      expect(inlineError(el, 'attr-SIZE')).to.equal('Error: An answer is required for "How big is the pothole?".');
      await expect(el).to.be.accessible();
    });

    it('a 500 keeps everything typed and offers a retry that sends it once', async () => {
      let fail = true;
      const failing: typeof fetch = (input, init) =>
        init?.method === 'POST' && fail
          ? Promise.resolve(new Response('[{"code":500,"description":"server: boom"}]', { status: 500, headers: { 'Content-Type': 'application/json' } }))
          : fetch(input, init);
      const backend = new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: failing });
      const el = await create({ backend });
      await potholeToReview(el, 'Five hundred test');
      await continueStep(el);
      await waitUntil(() => $(el, '[role=alert]'), 'failure shown');
      expect($(el, '[role=alert]')!.textContent).to.contain("The city's service had a problem");
      expect(title(el)).to.equal('Check your answers before sending your report');
      expect($(el, '.summary-row[data-key=description] .summary-value')!.textContent!.trim()).to.equal('Five hundred test');
      await expect(el).to.be.accessible();
      const live = () => $(el, '[role=status][aria-live=polite]')!.textContent!.trim();
      await waitUntil(() => live() === 'Your report was not sent. Everything you entered is kept.', 'the failure announced');
      fail = false;
      const submitted = oneEvent(el, 'civic-request-submitted');
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      const { detail } = await submitted;
      expect(detail.serviceRequestId).to.match(/^\d+$/);
      await el.updateComplete;
      expect(title(el)).to.equal('Report sent');
      expect(live(), 'no stale "not sent" once it was sent').to.equal('');
    });

    it('after a timeout where the server did create it, the retry answers the same request (Idempotency-Key)', async () => {
      let slow = true;
      const keys: string[] = [];
      const slowPost: typeof fetch = async (input, init) => {
        if (init?.method === 'POST') keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
        const answer = await fetch(input, init);
        if (init?.method === 'POST' && slow) {
          await new Promise((r) => setTimeout(r, 1500));
        }
        return answer;
      };
      const backend = new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: slowPost, timeout: 800 });
      const el = await create({ backend });
      const description = `Timeout test ${uniqueKey()}`;
      await potholeToReview(el, description);
      await continueStep(el);
      await waitUntil(() => $(el, '[role=alert]'), 'timeout shown', { timeout: 10_000 });
      expect($(el, '[role=alert]')!.textContent).to.contain('taking too long');
      expect($(el, '.summary-row[data-key=description] .summary-value')!.textContent!.trim()).to.equal(description);
      slow = false;
      const submitted = oneEvent(el, 'civic-request-submitted');
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      const { detail } = await submitted;
      expect(keys).to.have.length(2);
      expect(keys[0]).to.not.equal('');
      expect(keys[1]).to.equal(keys[0]);
      const same = (await client().requests({ service_code: ['POTHOLE'] })).filter((r) => r.description === description);
      expect(same.map((r) => r.service_request_id)).to.deep.equal([detail.serviceRequestId]);
    });

    it('a report changed after a failed send gets a new Idempotency-Key; an unchanged resend keeps it', async () => {
      let fail = true;
      const keys: string[] = [];
      const failing: typeof fetch = (input, init) => {
        if (init?.method !== 'POST') return fetch(input, init);
        keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
        return fail
          ? Promise.resolve(new Response('[{"code":503,"description":"try later"}]', { status: 503, headers: { 'Content-Type': 'application/json' } }))
          : fetch(input, init);
      };
      const el = await create({ backend: new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: failing }) });
      const first = `Key test ${uniqueKey()}`;
      await potholeToReview(el, first);
      const sendAndFail = async () => {
        const before = keys.length;
        $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
        await waitUntil(() => keys.length > before && $(el, '[role=alert]'), 'failure shown');
      };
      const changeDescription = async (text: string) => {
        $<HTMLButtonElement>(el, '.summary-row[data-key=description] [part=change-link]')!.click();
        await el.updateComplete;
        await type(el, 'description', text);
        await continueStep(el);
        expect(title(el)).to.equal('Check your answers before sending your report');
      };
      await sendAndFail();
      // Changed, then changed back: the same report as before, so the same key.
      await changeDescription(`${first}!`);
      await changeDescription(first);
      await sendAndFail();
      expect(keys[1]).to.equal(keys[0]);
      const changed = `${first}, and a second one`;
      await changeDescription(changed);
      await sendAndFail();
      expect(keys[2]).to.not.equal('');
      expect(keys[2]).to.not.equal(keys[1]);
      fail = false;
      const submitted = oneEvent(el, 'civic-request-submitted');
      $<HTMLButtonElement>(el, '[part=submit-button]')!.click();
      const { detail } = await submitted;
      expect(keys[3]).to.equal(keys[2]);
      expect((await client().request(detail.serviceRequestId!))?.description).to.equal(changed);
    });

    it('offline: says so, keeps everything, and sends it by itself once back online', async () => {
      let offline = true;
      const net: typeof fetch = (input, init) =>
        init?.method === 'POST' && offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
      const el = await create({ backend: new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: net }) });
      await potholeToReview(el, 'Sent when back online');
      await continueStep(el);
      await waitUntil(() => $(el, '[role=alert]'), 'offline shown');
      expect($(el, '[role=alert]')!.textContent).to.match(/couldn.t reach/i);
      await expect(el).to.be.accessible();
      offline = false;
      const submitted = oneEvent(el, 'civic-request-submitted');
      window.dispatchEvent(new Event('online'));
      const { detail } = await submitted;
      expect(detail.serviceRequestId).to.match(/^\d+$/);
      expect(title(el)).to.equal('Report sent');
    });

    it('sends Idempotency-Key cross-origin only to a server whose discovery announces it', async () => {
      const sent: Array<string | null> = [];
      const hiding = (announce: boolean): typeof fetch => async (input, init) => {
        if (init?.method === 'POST') sent.push(new Headers(init.headers).get('Idempotency-Key'));
        const answer = await fetch(input, init);
        if (announce || !String(input).includes('/discovery.')) return answer;
        const doc = (await answer.json()) as { endpoints: Array<{ extensions: string[] }> };
        for (const e of doc.endpoints) e.extensions = e.extensions.filter((x) => x !== 'idempotency');
        return new Response(JSON.stringify(doc), { headers: { 'Content-Type': 'application/json' } });
      };
      const input = { service_code: 'SNOWPLOW', address_string: '550 Main Street', idempotencyKey: 'k-1' };
      await new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: hiding(true) }).submit({ ...input, idempotencyKey: `k-${uniqueKey()}` });
      await new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: hiding(false) }).submit({ ...input, idempotencyKey: `k-${uniqueKey()}` });
      expect(sent[0]).to.match(/^k-/);
      expect(sent[1]).to.equal(null);
    });

    it('a double click sends one request', async () => {
      let posts = 0;
      const counting: typeof fetch = (input, init) => {
        if (init?.method === 'POST') posts++;
        return fetch(input, init);
      };
      const el = await create({ backend: new Open311Client({ endpoint: OPEN311_ENDPOINT, fetch: counting }) });
      await potholeToReview(el, 'Double click');
      const button = $<HTMLButtonElement>(el, '[part=submit-button]')!;
      const submitted = oneEvent(el, 'civic-request-submitted');
      button.click();
      button.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=submit-button]')?.click();
      await submitted;
      expect(posts).to.equal(1);
    });
  });

  describe('location step with <civic-location-picker>', () => {
    it('asks for a place inside the picker, then sends the picked point and finds open requests close by', async () => {
      const el = await fixture<CivicServiceRequest>(
        html`<civic-service-request draft-key=${uniqueKey()} service-param="" radius="100000" tracker-url="/track.html?request={id}"
          geocoder-url=${`${BACKEND_URL}/geocode`} endpoint=${OPEN311_ENDPOINT}></civic-service-request>`,
      );
      await waitUntil(() => $(el, '[data-service-code]'), 'list', { timeout: 15_000 });
      await chooseService(el, 'POTHOLE');
      await check(el, 'attr-SIZE-0');
      await continueStep(el);
      // The picker is loaded on demand, once the resident is past the first step.
      await waitUntil(() => $(el, 'civic-location-picker'), 'picker loaded', { timeout: 15_000 });
      const picker = $(el, 'civic-location-picker') as HTMLElement & { error?: string; updateComplete: Promise<unknown> };
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal(['Choose where the problem is: search for an address or pick a place on the map']);
      await picker.updateComplete;
      expect(picker.error).to.equal('Choose where the problem is: search for an address or pick a place on the map');
      expect(picker.shadowRoot!.textContent).to.contain('Choose where the problem is');
      await expect(el).to.be.accessible();

      const input = picker.shadowRoot!.querySelector<HTMLInputElement>('#address')!;
      input.focus();
      input.value = 'Main Street';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'Main Street' }));
      await waitUntil(() => picker.shadowRoot!.querySelector('[role=option]'), 'suggestions', { timeout: 15_000 });
      picker.shadowRoot!.querySelector<HTMLElement>('[role=option]')!.click();
      await continueStep(el);
      // A radius of 100 km holds every open pothole of the seeded city.
      expect(title(el)).to.equal('Is it one of these?');
      const first = $(el, '.nearby-item')!;
      expect(first.querySelector('a')!.getAttribute('href')).to.equal(`/track.html?request=${first.dataset.requestId}`);
      await expect(el).to.be.accessible();
      await continueStep(el);
      expect(title(el)).to.equal('Describe the problem');
      await continueStep(el);
      await continueStep(el);
      const submitted = oneEvent(el, 'civic-request-submitted');
      await continueStep(el);
      const { detail } = await submitted;
      const stored = await client().request(detail.serviceRequestId!);
      expect(stored!.lat).to.be.closeTo(41.77, 0.05);
      expect(stored!.address).to.match(/Main Street/);
    });
  });

  describe('location step when the geocoder cannot help', () => {
    /** A service request with the picker, pointed at a geocoder on a closed port. */
    async function withDeadGeocoder(): Promise<CivicServiceRequest> {
      const el = await fixture<CivicServiceRequest>(
        html`<civic-service-request draft-key=${uniqueKey()} service-param="" geocoder-url="http://127.0.0.1:9/geocode" endpoint=${OPEN311_ENDPOINT}></civic-service-request>`,
      );
      await waitUntil(() => $(el, '[data-service-code]'), 'list', { timeout: 15_000 });
      return el;
    }

    async function typeInPicker(el: CivicServiceRequest, text: string) {
      await waitUntil(() => $(el, 'civic-location-picker'), 'picker loaded', { timeout: 15_000 });
      const picker = $(el, 'civic-location-picker') as HTMLElement & { error?: string; value?: unknown; updateComplete: Promise<unknown> };
      await picker.updateComplete;
      const input = picker.shadowRoot!.querySelector<HTMLInputElement>('#address')!;
      input.focus();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
      await waitUntil(() => picker.value, 'typed address kept', { timeout: 15_000 });
      return picker;
    }

    it('continues with the address exactly as typed, says so, and sends it as address_string', async () => {
      const el = await withDeadGeocoder();
      await chooseService(el, 'SNOWPLOW');
      const picker = await typeInPicker(el, 'Behind 12 Elm Row, by the garages');
      expect(picker.shadowRoot!.querySelector('[part=notice]')!.textContent!.trim()).to.equal(
        'We could not find this address on the map. The city will use it as you typed it.',
      );
      await continueStep(el);
      expect(title(el)).to.equal('Describe the problem');
      await continueStep(el);
      await continueStep(el);
      expect(title(el)).to.equal('Check your answers before sending your report');
      expect($(el, '[data-key=location] .summary-value')!.textContent!.trim()).to.equal('Behind 12 Elm Row, by the garages');
      const submitted = oneEvent(el, 'civic-request-submitted');
      await continueStep(el);
      const { detail } = await submitted;
      const stored = await client().request(detail.serviceRequestId!);
      expect(stored!.address).to.equal('Behind 12 Elm Row, by the garages');
      expect(stored!.lat).to.equal(undefined);
    });

    it('a service whose backend demands coordinates says so on the location step, in the resident\'s words', async () => {
      const el = await withDeadGeocoder();
      await chooseService(el, 'SIGNAL');
      await check(el, 'attr-SIGNAL_PROBLEM-0');
      await continueStep(el);
      await typeInPicker(el, 'Main and Pearl');
      await continueStep(el);
      await continueStep(el);
      await continueStep(el);
      expect(title(el)).to.equal('Check your answers before sending your report');
      await continueStep(el);
      await waitUntil(() => title(el) === 'Where is the problem?', 'back on the location step', { timeout: 15_000 });
      const message = 'The city needs the exact place for this kind of report: choose it on the map or use your location';
      expect(summaryLinks(el)).to.deep.equal([message]);
      const picker = $(el, 'civic-location-picker') as HTMLElement & { error?: string; updateComplete: Promise<unknown> };
      await picker.updateComplete;
      expect(picker.error).to.equal(message);
      await expect(el).to.be.accessible();
    });
  });

  describe('details step: photo', () => {
    const png = () =>
      new File([Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))], 'hole.png', { type: 'image/png' });
    const choose = async (el: CivicServiceRequest, file: File) => {
      const input = $<HTMLInputElement>(el, '#photo')!;
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await waitUntil(() => !$(el, '[part=photo] [role=status]'), 'photo prepared', { timeout: 15_000 });
      await el.updateComplete;
    };
    /** What the widget hands the backend, with the real backend still answering. */
    const recording = () => {
      const sent: SubmitInput[] = [];
      const base = client();
      const backend = new Proxy(base, {
        get(target, prop) {
          if (prop === 'submit') return (input: SubmitInput) => (sent.push(input), target.submit(input));
          const v = Reflect.get(target, prop);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      return { backend, sent };
    };
    /** POTHOLE at an address with `photo`, sent; resolves the new request's id. */
    const reportWithPhoto = async (el: CivicServiceRequest, photo: File): Promise<string> => {
      await chooseService(el, 'POTHOLE');
      await check(el, 'attr-SIZE-0');
      await continueStep(el);
      await type(el, 'location', '550 Main Street');
      await continueStep(el);
      await choose(el, photo);
      expect($<HTMLImageElement>(el, '.photo-preview')?.alt).to.equal(`Your photo: ${photo.name}`);
      await continueStep(el);
      await continueStep(el);
      const submitted = oneEvent(el, 'civic-request-submitted');
      await continueStep(el);
      return (await submitted).detail.serviceRequestId!;
    };
    /**
     * A phone-sized photo drawn here: a gradient under coarse noise, so JPEG cannot squeeze it to
     * nothing, saved at high quality as cameras do.
     */
    const phonePhoto = async (width: number, height: number): Promise<File> => {
      const noise = new OffscreenCanvas(Math.ceil(width / 16), Math.ceil(height / 16));
      const nctx = noise.getContext('2d')!;
      const pixels = nctx.createImageData(noise.width, noise.height);
      for (let i = 0; i < pixels.data.length; i += 4) {
        pixels.data[i] = (i * 7919) % 251;
        pixels.data[i + 1] = (i * 104729) % 241;
        pixels.data[i + 2] = (i * 1299709) % 239;
        pixels.data[i + 3] = 255;
      }
      nctx.putImageData(pixels, 0, 0);
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      const gradient = ctx.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#345');
      gradient.addColorStop(1, '#c96');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, width, height);
      ctx.globalAlpha = 0.6;
      ctx.drawImage(noise, 0, 0, width, height);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.97 });
      return new File([blob], 'IMG_2041.JPG', { type: 'image/jpeg' });
    };
    const dimensions = async (blob: Blob) => {
      const bitmap = await createImageBitmap(blob);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    };

    it('shrinks a large photo before upload (long side 2048, JPEG), sends only that, and the city stores the smaller one', async () => {
      const original = await phonePhoto(4000, 3000);
      expect(original.size, 'a photo worth shrinking').to.be.greaterThan(1024 * 1024);
      const { backend, sent } = recording();
      const el = await create({ backend });
      const id = await reportWithPhoto(el, original);
      expect(sent).to.have.length(1);
      const media = sent[0]!.media!;
      expect(media).to.not.equal(original);
      expect(media.type).to.equal('image/jpeg');
      expect(media.size).to.be.below(original.size / 2);
      expect(await dimensions(media)).to.deep.equal({ width: 2048, height: 1536 });
      const stored = await client().request(id);
      const served = await (await fetch(stored!.media_url!)).blob();
      expect(served.size).to.be.below(original.size);
      const { width, height } = await dimensions(served);
      expect(Math.max(width, height)).to.be.at.most(2048);
    });

    it('a photo too heavy to send as it is (over 10 MB) is accepted once shrunk', async () => {
      const heavy = await phonePhoto(4000, 3000);
      // Padding after the JPEG's end marker: decoders ignore it, the size check does not.
      const padded = new File([heavy, new Uint8Array(11 * 1024 * 1024 - heavy.size)], 'IMG_2042.JPG', { type: 'image/jpeg' });
      const { backend, sent } = recording();
      const el = await create({ backend });
      await reportWithPhoto(el, padded);
      expect(sent[0]!.media!.size).to.be.below(1024 * 1024);
    });

    it('sends a small photo, and one the browser cannot decode, exactly as chosen', async () => {
      const heic = new File(
        [new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6d, 0x69, 0x66, 0x31, 0x68, 0x65, 0x69, 0x63, 1, 2, 3])],
        'IMG_2043.HEIC',
        { type: 'image/heic' },
      );
      for (const photo of [png(), heic]) {
        const { backend, sent } = recording();
        const el = await create({ backend });
        await reportWithPhoto(el, photo);
        expect(sent[0]!.media).to.equal(photo);
      }
    });

    it('checks the type in the browser, previews the photo, removes it, and sends it as media', async () => {
      const el = await create();
      await chooseService(el, 'POTHOLE');
      await check(el, 'attr-SIZE-0');
      await continueStep(el);
      await type(el, 'location', '550 Main Street');
      await continueStep(el);
      expect($(el, '#photo')).to.exist;
      await choose(el, new File(['not an image'], 'notes.txt', { type: 'text/plain' }));
      expect(inlineError(el, 'photo')).to.equal('Error: The photo must be a JPEG, PNG, GIF, WebP, HEIC or AVIF image');
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal(['The photo must be a JPEG, PNG, GIF, WebP, HEIC or AVIF image']);
      await choose(el, png());
      const preview = $<HTMLImageElement>(el, '.photo-preview')!;
      expect(preview.alt).to.equal('Your photo: hole.png');
      expect(preview.src).to.match(/^blob:/);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '#photo-remove')!.click();
      await el.updateComplete;
      expect($(el, '.photo-preview')).to.not.exist;
      await waitUntil(() => root(el).activeElement?.id === 'photo', 'focus back on the file input');
      await choose(el, png());
      await continueStep(el);
      await continueStep(el);
      const submitted = oneEvent(el, 'civic-request-submitted');
      await continueStep(el);
      const { detail } = await submitted;
      const stored = await client().request(detail.serviceRequestId!);
      expect(stored!.media_url).to.match(/\/media\//);
    });

    it('does not offer a photo when the backend takes no media', async () => {
      const base = client();
      const noMedia = new Proxy(base, {
        get(target, prop) {
          if (prop === 'supports') return async (ext: string) => ext !== 'media' && target.supports(ext as 'bbox');
          const v = Reflect.get(target, prop);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      const el = await create({ backend: noMedia });
      await chooseService(el, 'POTHOLE');
      await check(el, 'attr-SIZE-0');
      await continueStep(el);
      await type(el, 'location', '550 Main Street');
      await continueStep(el);
      expect(title(el)).to.equal('Describe the problem');
      expect($(el, '#photo')).to.not.exist;
    });
  });

  describe('batch services answer a token', () => {
    it('resolves the token to a request id for the confirmation', async () => {
      const el = await create();
      await chooseService(el, 'BULKY');
      await check(el, 'attr-ITEMS-0');
      await type(el, 'attr-ITEM_COUNT', '2');
      await continueStep(el);
      if (root(el).querySelector('.civic-error-summary')) throw new Error(summaryLinks(el).join('; '));
      await type(el, 'location', '550 Main Street');
      await continueStep(el);
      await continueStep(el);
      await continueStep(el);
      const submitted = oneEvent(el, 'civic-request-submitted');
      await continueStep(el);
      const { detail } = await submitted;
      expect(detail.token).to.be.a('string');
      expect(detail.serviceRequestId).to.match(/^\d+$/);
      expect($(el, '.reference')!.textContent).to.equal(detail.serviceRequestId);
    });
  });

  describe('contact policy', () => {
    it('asks for name and a way to reach the resident when the backend requires contact (code enforcement)', async () => {
      const el = await create();
      await chooseService(el, 'ABANDVEH');
      await type(el, 'attr-MAKE_COLOR', 'Blue sedan');
      await continueStep(el);
      await type(el, 'location', '550 Main Street');
      await continueStep(el);
      await continueStep(el);
      expect(title(el)).to.equal('Your contact details');
      expect($<HTMLInputElement>(el, '#email')!.autocomplete).to.equal('email');
      expect($<HTMLInputElement>(el, '#phone')!.autocomplete).to.equal('tel');
      expect($<HTMLInputElement>(el, '#first_name')!.autocomplete).to.equal('given-name');
      expect($<HTMLInputElement>(el, '#last_name')!.autocomplete).to.equal('family-name');
      expect($(el, '[part=privacy-note]')!.textContent).to.contain('never published');
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal([
        'Enter your first name',
        'Enter your last name',
        'Enter an email address or a phone number so the city can contact you',
      ]);
      await expect(el).to.be.accessible();
      await type(el, 'first_name', 'Ana');
      await type(el, 'last_name', 'Ruiz');
      await type(el, 'email', 'ana@example');
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal(['Enter an email address in the correct format, like name@example.com']);
      await type(el, 'email', 'ana@example.org');
      await continueStep(el);
      expect(title(el)).to.equal('Check your answers before sending your report');
    });

    it('lets the page make contact required for a service (contact-policy)', async () => {
      const el = await create({ extra: { contactPolicy: '*:optional POTHOLE:required' } });
      await chooseService(el, 'POTHOLE');
      await check(el, 'attr-SIZE-0');
      await continueStep(el);
      await type(el, 'location', '550 Main Street');
      await continueStep(el);
      await continueStep(el);
      await continueStep(el);
      expect(summaryLinks(el)).to.include('Enter your first name');
    });
  });

  describe('in Spanish', () => {
    it('follows the page language and is accessible', async () => {
      const wrapper = await fixture(
        html`<div lang="es"><civic-service-request address-only draft-key=${uniqueKey()} endpoint=${OPEN311_ENDPOINT}></civic-service-request></div>`,
      );
      const el = wrapper.querySelector('civic-service-request')!;
      await waitUntil(() => $(el, '[data-service-code]'), 'list', { timeout: 15_000 });
      expect(title(el)).to.equal('¿Qué desea reportar?');
      await continueStep(el);
      expect(summaryLinks(el)).to.deep.equal(['Elija el tipo de problema que desea reportar']);
      await expect(el).to.be.accessible();
    });

    /** What the page's fetch was asked, passed through to the real backend unchanged. */
    function recordFetch(): { calls: Array<{ url: string; headers: Headers }>; restore(): void } {
      const original = window.fetch;
      const calls: Array<{ url: string; headers: Headers }> = [];
      window.fetch = (input, init) => {
        calls.push({ url: String(input), headers: new Headers(init?.headers) });
        return original(input, init);
      };
      return { calls, restore: () => (window.fetch = original) };
    }

    it('asks the backend in Spanish (Accept-Language, with no preflight) and shows its services in Spanish', async () => {
      const recorded = recordFetch();
      try {
        const wrapper = await fixture(
          html`<div lang="es-MX"><civic-service-request address-only draft-key=${uniqueKey()} service-param="" endpoint=${OPEN311_ENDPOINT}></civic-service-request></div>`,
        );
        const el = wrapper.querySelector('civic-service-request')!;
        await waitUntil(() => $(el, '[data-service-code]'), 'list', { timeout: 15_000 });
        const label = (code: string) => $(el, `label[for=service-${code}]`)!.textContent!.replace(/\s+/g, ' ').trim();
        expect(label('POTHOLE')).to.contain('Bache');
        expect($$(el, '.group-title').map((g) => g.textContent!.trim())).to.include('Calles y aceras');
        const backendCalls = recorded.calls.filter((c) => c.url.startsWith(OPEN311_ENDPOINT));
        expect(backendCalls.length).to.be.greaterThan(0);
        for (const call of backendCalls) {
          expect(call.headers.get('accept-language')).to.equal('es-MX, es;q=0.9');
          // Only CORS-safelisted request headers, with safelisted values: the browser sends no preflight.
          expect([...call.headers.keys()].every((h) => h === 'accept' || h === 'accept-language')).to.be.true;
          expect(call.headers.get('accept-language')).to.match(/^[0-9A-Za-z *,\-.;=]*$/);
        }
        await expect(el).to.be.accessible();
      } finally {
        recorded.restore();
      }
    });

    it('the Spanish search hint, typed as it reads, finds what it names', async () => {
      const wrapper = await fixture(
        html`<div lang="es"><civic-service-request address-only draft-key=${uniqueKey()} service-param="" endpoint=${OPEN311_ENDPOINT}></civic-service-request></div>`,
      );
      const el = wrapper.querySelector('civic-service-request')!;
      await waitUntil(() => $(el, '[data-service-code]'), 'list', { timeout: 15_000 });
      const shown = () => $$(el, '[data-service-code]').map((d) => d.dataset.serviceCode);
      expect($(el, '#service-search-hint')?.textContent?.trim() ?? root(el).textContent).to.contain('bache, alumbrado o basura');
      await type(el, 'service-search', 'bache, alumbrado o basura');
      expect(shown()).to.include.members(['POTHOLE', 'STLIGHT', 'MISSEDPU']);
      expect(shown()).to.not.include('GRAFFITI');
      for (const [word, code] of [['bache', 'POTHOLE'], ['alumbrado', 'STLIGHT'], ['basura', 'MISSEDPU'], ['semaforo', 'SIGNAL'], ['pothole', 'POTHOLE']] as const) {
        await type(el, 'service-search', word);
        expect(shown(), word).to.include(code);
      }
    });

    it('a live language switch reloads the backend\'s words in the new language, keeping the draft', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en"><civic-service-request address-only draft-key=${uniqueKey()} service-param="" endpoint=${OPEN311_ENDPOINT}></civic-service-request></div>`,
      );
      const el = wrapper.querySelector('civic-service-request')!;
      await waitUntil(() => $(el, '[data-service-code]'), 'list', { timeout: 15_000 });
      await chooseService(el, 'POTHOLE');
      await waitUntil(() => $(el, '#attr-SIZE'), 'questions', { timeout: 15_000 });
      await check(el, 'attr-SIZE-1');
      expect(root(el).textContent).to.contain('How big is the pothole?');
      wrapper.setAttribute('lang', 'es');
      await waitUntil(() => root(el).textContent!.includes('¿Qué tamaño tiene el bache?'), 'questions in Spanish', { timeout: 15_000 });
      expect(title(el)).to.equal('Cuéntenos sobre el problema');
      expect(root(el).textContent).to.contain('Más pequeño que un plato');
      expect(root(el).textContent).to.not.contain('How big is the pothole?');
      expect($<HTMLInputElement>(el, '#attr-SIZE-1')!.checked).to.be.true;
    });
  });

  describe('updates by email or text (notify-endpoint)', () => {
    it('the confirmation offers following the request; with an email on the report, says it will get them', async () => {
      const el = await create({ extra: { notifyEndpoint: NOTIFY_ENDPOINT } });
      await potholeToReview(el, 'Deep hole by the bus stop');
      await continueStep(el);
      expect(title(el)).to.equal('Report sent');
      await waitUntil(() => $(el, 'civic-follow')?.shadowRoot?.querySelector('[part=open-button]'), 'the follow offer loaded on demand', { timeout: 15_000 });
      expect($(el, 'civic-follow')!.getAttribute('request-id')).to.equal($(el, '.reference')!.textContent);
      await expect(el).to.be.accessible();

      const withEmail = await create({ extra: { notifyEndpoint: NOTIFY_ENDPOINT } });
      await chooseService(withEmail, 'POTHOLE');
      await check(withEmail, 'attr-SIZE-2');
      await continueStep(withEmail);
      await type(withEmail, 'location', '550 Main Street');
      await continueStep(withEmail);
      await type(withEmail, 'description', 'Deep hole by the bus stop');
      await continueStep(withEmail);
      await type(withEmail, 'email', 'ana@example.org');
      await continueStep(withEmail);
      await continueStep(withEmail);
      expect(title(withEmail)).to.equal('Report sent');
      expect($(withEmail, '[part=followed]')!.textContent).to.contain('ana@example.org');
      expect($(withEmail, 'civic-follow')).to.equal(null);
    });
  });
});
