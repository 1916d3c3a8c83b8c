import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CivicRecordsStatus } from '../../src/define/civic-records-status.js';
import { RecordsClient, type RecordsReceipt } from '../../src/api/index.js';
import { RECORDS_ENDPOINT, STAFF_TOKEN } from '../helpers/backend.js';

const $ = <T extends Element = HTMLElement>(el: CivicRecordsStatus, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: CivicRecordsStatus, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const text = (el: CivicRecordsStatus, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const client = new RecordsClient({ endpoint: RECORDS_ENDPOINT });
const PDF = btoa('%PDF-1.4\n%%EOF\n');

async function file(description = 'Police incident reports for Park Street during October 2026, including call logs.'): Promise<RecordsReceipt> {
  return client.submit({ request_description: description, email: 'requester@example.com' });
}

async function staff(tracking: string, body: unknown): Promise<void> {
  const res = await fetch(`${RECORDS_ENDPOINT}/requests/${tracking}/events.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${STAFF_TOKEN}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`staff ${res.status}: ${await res.text()}`);
}

async function show(attrs: { tracking?: string; token?: string; lang?: string; endpoint?: string }): Promise<CivicRecordsStatus> {
  const el = await fixture<CivicRecordsStatus>(html`<civic-records-status
    lang=${attrs.lang ?? 'en'}
    records-endpoint=${attrs.endpoint ?? RECORDS_ENDPOINT}
    tracking-number=${attrs.tracking ?? ''}
    token=${attrs.token ?? ''}
  ></civic-records-status>`);
  await waitUntil(() => $(el, '#step-title') && !$(el, '[role=status]')?.textContent?.includes('Looking up'), 'loaded', { timeout: 15_000 });
  return el;
}

describe('<civic-records-status>', () => {
  it('shows a new request through its private link: status, the law’s date, what was asked', async () => {
    const r = await file();
    const el = await show({ tracking: r.tracking_number, token: r.access_token });
    await expect(el).to.be.accessible();
    expect(text(el, '#step-title')).to.equal(`Public records request ${r.tracking_number}`);
    expect(text(el, '[part=status]')).to.equal('Received: waiting for the city to acknowledge it');
    expect(text(el, '[part=deadline]')).to.contain('Due by');
    expect(text(el, '[part=deadline]')).to.contain('4 business days');
    expect(text(el, '.facts')).to.contain('Police incident reports');
    expect(text(el, '[part=documents]')).to.contain('No records have been released yet.');
  });

  it('when the city asks a question, the clock is on hold and the requester answers on the page', async () => {
    const r = await file();
    await staff(r.tracking_number, { type: 'clarification_requested', message: 'Which block of Park Street?' });
    const el = await show({ tracking: r.tracking_number, token: r.access_token });
    expect(text(el, '[part=status]')).to.equal('The city has asked you a question');
    expect(text(el, '[part=deadline]')).to.equal('The deadline is on hold until you answer.');
    expect(text(el, '[part=timeline]')).to.contain('Which block of Park Street?');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=reply] button[type=submit]')!.click();
    await el.updateComplete;
    expect(text(el, '.civic-error-summary')).to.contain('Enter your answer');
    const box = $<HTMLTextAreaElement>(el, '#reply')!;
    box.value = 'The 100 block, between Main and Broad.';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    $<HTMLButtonElement>(el, '[part=reply] button[type=submit]')!.click();
    await waitUntil(() => !$(el, '[part=reply]'), 'reply sent', { timeout: 15_000 });
    expect(text(el, '[part=deadline]')).to.contain('Due by');
    expect(text(el, '[part=timeline]')).to.contain('You answered');
    await waitUntil(() => text(el, '[role=status]').includes('Your answer was sent'), 'announced');
  });

  it('a fee estimate is accepted with one button', async () => {
    const r = await file();
    await staff(r.tracking_number, { type: 'fee_estimate', fee_amount: '12.50', message: 'Copies cost 50 cents a page.' });
    const el = await show({ tracking: r.tracking_number, token: r.access_token });
    expect(text(el, '[part=timeline]')).to.contain('Fee estimate: $12.50');
    $<HTMLButtonElement>(el, '[part=reply] button')!.click();
    await waitUntil(() => !$(el, '[part=reply]'), 'accepted', { timeout: 15_000 });
    expect(text(el, '[part=timeline]')).to.contain('Fee accepted');
  });

  it('lists released records to download; the public sees only the public ones, and no answer box', async () => {
    const r = await file();
    await staff(r.tracking_number, {
      type: 'released',
      message: 'Here are the reports.',
      documents: [
        { name: 'reports.pdf', content_type: 'application/pdf', content_base64: PDF, public: true },
        { name: 'your-call.pdf', content_type: 'application/pdf', content_base64: PDF, public: false },
      ],
    });
    const mine = await show({ tracking: r.tracking_number, token: r.access_token });
    expect(text(mine, '[part=status]')).to.equal('Records released');
    const links = $$<HTMLAnchorElement>(mine, '[part=documents] a');
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['reports.pdf', 'your-call.pdf']);
    expect((await fetch(links[1]!.href)).status).to.equal(200);
    await expect(mine).to.be.accessible();
    const pub = await show({ tracking: r.tracking_number });
    expect($$(pub, '[part=documents] a').map((a) => a.textContent!.trim())).to.deep.equal(['reports.pdf']);
    expect(text(pub, '.facts')).not.to.contain('requester@example.com');
  });

  it('a wrong link says the request cannot be found', async () => {
    const r = await file();
    const el = await show({ tracking: r.tracking_number, token: 'not-the-token' });
    expect(text(el, '#step-title')).to.equal(`We couldn't find request ${r.tracking_number}`);
    await expect(el).to.be.accessible();
  });

  it('without a tracking number: a lookup and the public log, each entry linking to its request', async () => {
    const r = await file('Parks Commission minutes for September and October 2026.');
    await staff(r.tracking_number, { type: 'acknowledged' });
    const el = await show({});
    expect(text(el, '#step-title')).to.equal('Follow a public records request');
    await waitUntil(() => $$(el, '.log a').some((a) => a.textContent === r.tracking_number), 'log listed');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await el.updateComplete;
    expect(text(el, '.civic-error-summary')).to.contain('Enter the tracking number');
    const input = $<HTMLInputElement>(el, '#lookup')!;
    input.value = r.tracking_number;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    $<HTMLButtonElement>(el, 'form button[type=submit]')!.click();
    await waitUntil(() => text(el, '#step-title') === `Public records request ${r.tracking_number}`, 'public view', { timeout: 15_000 });
    expect(text(el, '[part=status]')).to.equal('Acknowledged: staff are looking for the records');
  });

  it('speaks Spanish', async () => {
    const r = await file();
    const el = await show({ tracking: r.tracking_number, token: r.access_token, lang: 'es' });
    expect(text(el, '[part=status]')).to.equal('Recibida: esperando que la ciudad la confirme');
    expect(text(el, '[part=deadline]')).to.contain('días hábiles');
  });

  it('a backend that is down says so with a retry', async () => {
    const el = await show({ tracking: 'R-2026-00001', token: 'x', endpoint: 'http://127.0.0.1:9/records/v1' });
    expect(text(el, '[role=alert]')).to.contain("couldn't reach");
    await expect(el).to.be.accessible();
  });
});
