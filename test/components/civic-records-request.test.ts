import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicRecordsRequest } from '../../src/define/civic-records-request.js';
import '../../src/define/civic-hall.js';
import { RecordsClient } from '../../src/api/index.js';
import { RECORDS_ENDPOINT } from '../helpers/backend.js';

let n = 0;
const uniqueKey = () => `records-test-${Date.now()}-${n++}`;
const $ = <T extends Element = HTMLElement>(el: CivicRecordsRequest, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: CivicRecordsRequest, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const title = (el: CivicRecordsRequest) => $(el, '#step-title')?.textContent?.trim() ?? '';
const summaryLinks = (el: CivicRecordsRequest) => $$<HTMLAnchorElement>(el, '.civic-error-summary a').map((a) => a.textContent!.trim());
const inlineError = (el: CivicRecordsRequest, id: string) => $(el, `#${CSS.escape(id)}-error`)?.textContent?.replace(/\s+/g, ' ').trim();
const DESCRIPTION = 'Building permits and inspection reports for 174 Park Street, January to March 2026.';

async function create(options: { key?: string; lang?: string; endpoint?: string; contactPolicy?: string } = {}): Promise<CivicRecordsRequest> {
  const el = await fixture<CivicRecordsRequest>(html`<civic-records-request
    lang=${options.lang ?? 'en'}
    records-endpoint=${options.endpoint ?? RECORDS_ENDPOINT}
    draft-key=${options.key ?? uniqueKey()}
    contact-policy=${options.contactPolicy ?? 'optional'}
    tracker-url="/records-status.html?request={tracking}&token={token}"
  ></civic-records-request>`);
  await waitUntil(() => title(el) !== '' || $(el, '[role=alert]'), 'first step or a problem shown', { timeout: 15_000 });
  return el;
}

async function type(el: CivicRecordsRequest, id: string, value: string): Promise<void> {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, `#${CSS.escape(id)}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function click(el: CivicRecordsRequest, selector: string): Promise<void> {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
}

async function choose(el: CivicRecordsRequest, id: string, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function next(el: CivicRecordsRequest): Promise<void> {
  const before = title(el);
  await click(el, '[part=continue-button], [part=submit-button]');
  await waitUntil(() => title(el) !== before || $(el, '.civic-error-summary') || $(el, '[role=alert]'), 'step moved or errors shown', { timeout: 15_000 });
  await el.updateComplete;
}

async function attach(el: CivicRecordsRequest, file: File): Promise<void> {
  const input = $<HTMLInputElement>(el, '#attachments')!;
  const list = new DataTransfer();
  list.items.add(file);
  input.files = list.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Describes the records and goes on to the check-answers step with defaults elsewhere. */
async function toReview(el: CivicRecordsRequest): Promise<void> {
  await type(el, 'request_description', DESCRIPTION);
  await next(el);
  await next(el);
  await next(el);
  await type(el, 'email', 'ana@example.com');
  await next(el);
  expect(title(el)).to.equal('Check your answers before sending');
}

describe('<civic-records-request>', () => {
  it('is accessible on its first step, with guidance and the backend’s departments', async () => {
    const el = await create();
    await expect(el).to.be.accessible();
    expect(title(el)).to.equal('What records do you want?');
    expect($(el, '[part=guidance]')!.textContent).to.contain('a time range');
    const options = $$<HTMLOptionElement>(el, '#department option').map((o) => o.textContent!.trim());
    expect(options).to.include('Police Department');
    expect($(el, 'label[for=department]')!.textContent).to.contain('(optional)');
  });

  describe('validation', () => {
    it('an empty description shows the summary (focused) and the same words inline', async () => {
      const el = await create();
      await next(el);
      expect(summaryLinks(el)).to.deep.equal(['Describe the records you want']);
      expect(inlineError(el, 'request_description')).to.equal('Error: Describe the records you want');
      expect(el.shadowRoot!.activeElement?.id).to.equal('civic-error-summary');
      await expect(el).to.be.accessible();
    });

    it('a vague description, an unreal date and a reversed range each get a message', async () => {
      const el = await create();
      await type(el, 'request_description', 'Emails.');
      await type(el, 'date_range_start-day', '30');
      await type(el, 'date_range_start-month', '2');
      await type(el, 'date_range_start-year', '2025');
      await next(el);
      expect(summaryLinks(el)).to.deep.equal([
        'Describe the records in more detail: what they are, which department, and the dates or names that identify them',
        'The start date must be a real date',
      ]);
      await type(el, 'request_description', DESCRIPTION);
      await type(el, 'date_range_start-day', '1');
      await type(el, 'date_range_start-month', '4');
      for (const [part, v] of [['day', '1'], ['month', '3'], ['year', '2025']]) await type(el, `date_range_end-${part}`, v!);
      await next(el);
      expect(summaryLinks(el)).to.deep.equal(['The end date must be the same as or after the start date']);
    });

    it('a fee waiver asks for its reason only when chosen', async () => {
      const el = await create();
      await type(el, 'request_description', DESCRIPTION);
      await next(el);
      expect($(el, '#fee_waiver_explanation')).to.equal(null);
      await click(el, '#fee_waiver-0');
      expect($(el, '#fee_waiver_explanation')).to.exist;
      await type(el, 'fee_amount_willing', 'ten dollars');
      await next(el);
      expect(summaryLinks(el)).to.deep.equal([
        'Enter the amount you are willing to pay as a number, like 25 or 25.50',
        'Explain why the fees should be waived',
      ]);
      await expect(el).to.be.accessible();
    });

    it('where the city requires contact, a name and a way to reach the requester are needed', async () => {
      const el = await create({ contactPolicy: 'required' });
      await type(el, 'request_description', DESCRIPTION);
      await next(el);
      await next(el);
      await next(el);
      expect($(el, '.inset')!.textContent).to.contain('needs your name');
      await next(el);
      expect(summaryLinks(el)).to.deep.equal(['Enter your first name', 'Enter your last name', 'Enter an email address, a telephone number or a postal address']);
    });
  });

  describe('a whole request against the reference backend', () => {
    it('files it with an attachment and confirms the tracking number, the law’s date and a private link', async () => {
      const el = await create();
      await type(el, 'request_description', DESCRIPTION);
      await choose(el, 'department', 'development');
      await next(el);
      await click(el, '#delivery_format-1');
      await type(el, 'fee_amount_willing', '25');
      await next(el);
      await attach(el, new File(['%PDF-1.4\n%%EOF\n'], 'letter.pdf', { type: 'application/pdf' }));
      expect($(el, '.file-list')!.textContent).to.contain('letter.pdf');
      await next(el);
      expect($(el, '.inset')!.textContent).to.contain('without giving your name');
      await type(el, 'name_first', 'Ana');
      await type(el, 'email', 'ana@example.com');
      await next(el);
      const rows = Object.fromEntries($$(el, '.summary-row').map((r) => [r.dataset.key, r.querySelector('.summary-value')!.textContent!.trim()]));
      expect(rows.request_description).to.equal(DESCRIPTION);
      expect(rows.department).to.contain('Development Services');
      expect(rows.delivery_format).to.contain('Paper copy');
      expect(rows.fee_amount_willing).to.equal('25');
      expect(rows.attachments).to.equal('letter.pdf');
      expect(rows.contact).to.contain('ana@example.com');
      await expect(el).to.be.accessible();

      const submitted = oneEvent(el, 'civic-records-submitted');
      await click(el, '[part=submit-button]');
      const event = await submitted;
      await waitUntil(() => $(el, '[data-reference]'), 'confirmation', { timeout: 15_000 });
      const tracking = $(el, '[data-reference]')!.textContent!.trim();
      expect(tracking).to.equal(event.detail.trackingNumber);
      expect($(el, '[part=deadline]')!.textContent).to.contain("Connecticut's Freedom of Information Act gives the city 4 business days");
      expect($(el, '[part=updates-note]')!.textContent).to.contain('ana@example.com');
      const link = new URL($<HTMLAnchorElement>(el, '[part=access-link]')!.href);
      expect(link.searchParams.get('request')).to.equal(tracking);
      await expect(el).to.be.accessible();

      const view = await new RecordsClient({ endpoint: RECORDS_ENDPOINT }).request(tracking, link.searchParams.get('token')!);
      expect(view?.request_description).to.equal(DESCRIPTION);
      expect(view?.delivery_format?.code).to.equal('paper');
      expect(view?.attachments?.map((a) => a.name)).to.deep.equal(['letter.pdf']);
    });

    it('"Change" opens a step and Continue returns to the check-answers step', async () => {
      const el = await create();
      await toReview(el);
      await click(el, '.summary-row[data-key=department] [part=change-link]');
      expect(title(el)).to.equal('What records do you want?');
      await choose(el, 'department', 'police');
      await next(el);
      expect(title(el)).to.equal('Check your answers before sending');
      expect($(el, '.summary-row[data-key=department] .summary-value')!.textContent).to.contain('Police');
    });

    it('speaks Spanish, the backend’s words included', async () => {
      const el = await create({ lang: 'es' });
      expect(title(el)).to.equal('¿Qué documentos desea?');
      await waitUntil(() => $$(el, '#department option').some((o) => o.textContent!.includes('Departamento de Policía')), 'Spanish departments');
      await type(el, 'request_description', DESCRIPTION);
      await next(el);
      await next(el);
      await next(el);
      await next(el);
      await click(el, '[part=submit-button]');
      await waitUntil(() => $(el, '[part=deadline]'), 'confirmation', { timeout: 15_000 });
      expect($(el, '[part=deadline]')!.textContent).to.contain('4 días hábiles');
    });
  });

  it('talks to a city’s own RecordsBackend given to the hall', async () => {
    const real = new RecordsClient({ endpoint: RECORDS_ENDPOINT });
    const discovery = await real.discovery();
    const submitted: unknown[] = [];
    const vendor = {
      discovery: async () => ({ ...discovery, departments: [{ code: 'tax', name: 'Tax Collector' }] }),
      submit: async (request: unknown) => {
        submitted.push(request);
        return { tracking_number: 'V-77', access_token: 't', status: 'submitted', received_date: '2026-12-01', due_date: null, extended_due_date: null, due_basis: 'Vendor basis.' };
      },
      request: async () => undefined,
      publicLog: async () => ({ requests: [], total: 0 }),
      reply: async () => {
        throw new Error('not used');
      },
    };
    const hall = await fixture(html`<civic-hall .recordsBackend=${vendor}><civic-records-request draft-key=${uniqueKey()}></civic-records-request></civic-hall>`);
    const el = hall.querySelector('civic-records-request')!;
    await waitUntil(() => title(el) !== '', 'first step');
    expect($$<HTMLOptionElement>(el, '#department option').map((o) => o.textContent!.trim())).to.include('Tax Collector');
    await toReview(el);
    await click(el, '[part=submit-button]');
    await waitUntil(() => $(el, '[data-reference]'), 'confirmation');
    expect($(el, '[data-reference]')!.textContent).to.equal('V-77');
    expect(submitted).to.have.length(1);
  });

  describe('nothing typed is lost', () => {
    it('a reload restores the draft', async () => {
      const key = uniqueKey();
      const first = await create({ key });
      await type(first, 'request_description', DESCRIPTION);
      await next(first);
      first.remove();
      const again = await create({ key });
      expect(title(again)).to.equal('How you would like the records');
      await click(again, '[part=back-button]');
      expect($<HTMLTextAreaElement>(again, '#request_description')!.value).to.equal(DESCRIPTION);
    });

    it('offline: the send fails with everything kept, and a retry files one request', async () => {
      const el = await create();
      await toReview(el);
      const realFetch = window.fetch;
      const posts: string[] = [];
      window.fetch = (input, init) => {
        if (init?.method === 'POST') {
          posts.push(String(input));
          return Promise.reject(new TypeError('Failed to fetch'));
        }
        return realFetch(input, init);
      };
      try {
        await click(el, '[part=submit-button]');
        await waitUntil(() => $(el, '[role=alert]'), 'failure shown');
      } finally {
        window.fetch = realFetch;
      }
      expect(posts.length).to.equal(1);
      expect($(el, '[role=alert]')!.textContent).to.contain("couldn't reach");
      expect($(el, '[part=submit-button]')!.textContent!.trim()).to.equal('Try again');
      await expect(el).to.be.accessible();
      await click(el, '[part=submit-button]');
      await waitUntil(() => $(el, '[data-reference]'), 'confirmation', { timeout: 15_000 });
    });

    it('offline: the same request goes by itself once the device is back online', async () => {
      const el = await create();
      await toReview(el);
      const realFetch = window.fetch;
      window.fetch = (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
      try {
        await click(el, '[part=submit-button]');
        await waitUntil(() => $(el, '[role=alert]'), 'failure shown');
      } finally {
        window.fetch = realFetch;
      }
      const submitted = oneEvent(el, 'civic-records-submitted');
      window.dispatchEvent(new Event('online'));
      const { detail } = await submitted;
      expect(detail.trackingNumber).to.match(/^R-\d{4}-\d{5}$/);
    });

    it('a backend 400 lands on the field it names, on its step', async () => {
      const el = await create();
      await toReview(el);
      const realFetch = window.fetch;
      window.fetch = (input, init) =>
        init?.method === 'POST'
          ? Promise.resolve(new Response(JSON.stringify({ errors: [{ field: 'email', message: 'This address bounces: use another one.' }] }), { status: 400, headers: { 'Content-Type': 'application/json' } }))
          : realFetch(input, init);
      try {
        await click(el, '[part=submit-button]');
        await waitUntil(() => title(el) === 'Your contact details', 'contact step opened');
      } finally {
        window.fetch = realFetch;
      }
      expect(summaryLinks(el)).to.deep.equal(['This address bounces: use another one.']);
      expect(inlineError(el, 'email')).to.equal('Error: This address bounces: use another one.');
      expect($<HTMLInputElement>(el, '#email')!.value).to.equal('ana@example.com');
    });

    it('a backend that is down says so with a retry', async () => {
      const el = await create({ endpoint: 'http://127.0.0.1:9/records/v1' });
      expect($(el, '[role=alert]')!.textContent).to.contain("couldn't reach");
      expect($(el, '[part=retry-button]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });
});
