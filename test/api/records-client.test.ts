// RecordsClient against the real reference backend over HTTP (CORS included), and against
// hostile answers a city's own backend might give.
import { expect } from '@open-wc/testing';
import { ContractError, HtmlErrorPageError, MalformedResponseError, NetworkError, RecordsClient, TimeoutError } from '../../src/api/index.js';
import { RECORDS_ENDPOINT, STAFF_TOKEN } from '../helpers/backend.js';

const good = {
  request_description: 'Minutes of the Parks Commission meetings held between June and August 2026.',
  department: 'clerk',
  delivery_format: 'electronic',
  email: 'resident@example.com',
};

async function staff(tracking: string, body: unknown): Promise<Response> {
  return fetch(`${RECORDS_ENDPOINT}/requests/${tracking}/events.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${STAFF_TOKEN}` },
    body: JSON.stringify(body),
  });
}

describe('RecordsClient', () => {
  const client = new RecordsClient({ endpoint: `${RECORDS_ENDPOINT}/` });

  it('reads discovery in the language asked for', async () => {
    const en = await client.discovery();
    expect(en.rule.id).to.equal('us-ct');
    expect(en.departments.find((d) => d.code === 'clerk')?.name).to.equal('Town and City Clerk');
    const es = await client.withLanguage('es-MX').discovery();
    expect(es.departments.find((d) => d.code === 'clerk')?.name).to.equal('Secretaría Municipal');
  });

  it('files a request, then reads it back through the access link (and not with a wrong token)', async () => {
    const receipt = await client.submit(good);
    expect(receipt.tracking_number).to.match(/^R-\d{4}-\d{5}$/);
    expect(receipt.due_basis).to.contain('4 business days');
    const view = await client.request(receipt.tracking_number, receipt.access_token);
    expect(view?.status).to.equal('submitted');
    expect(view?.due_date).to.equal(receipt.due_date);
    expect(await client.request(receipt.tracking_number, 'wrong-token')).to.equal(undefined);
    expect(await client.request(receipt.tracking_number)).to.equal(undefined);
  });

  it('rejects bad fields with ContractError, each on its field, in Spanish when asked', async () => {
    let error: unknown;
    try {
      await client.withLanguage('es').submit({ ...good, request_description: '', email: 'nope' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ContractError);
    const e = error as ContractError;
    expect(e.status).to.equal(400);
    expect(e.fieldErrors.request_description).to.equal('Describa los documentos que desea.');
    expect(e.fieldErrors.email).to.contain('correo electrónico');
  });

  it('sends attachments as multipart; the same Idempotency-Key files one request', async () => {
    const pdf = new File(['%PDF-1.4\n%%EOF\n'], 'site-plan.pdf', { type: 'application/pdf' });
    const key = `client-${Date.now()}-${Math.random()}`;
    const first = await client.submit(good, { attachments: [pdf], idempotencyKey: key });
    const again = await client.submit(good, { attachments: [pdf], idempotencyKey: key });
    expect(again.tracking_number).to.equal(first.tracking_number);
    const view = await client.request(first.tracking_number, first.access_token);
    expect(view?.attachments?.map((a) => a.name)).to.deep.equal(['site-plan.pdf']);
  });

  it('follows a clarification round and sees the acknowledged request in the public log', async () => {
    const receipt = await client.submit(good);
    expect((await staff(receipt.tracking_number, { type: 'clarification_requested', message: 'Which commission?' })).status).to.equal(201);
    const waiting = await client.request(receipt.tracking_number, receipt.access_token);
    expect(waiting?.clock).to.equal('paused');
    expect(waiting?.waiting_for).to.equal('clarification');
    const answered = await client.reply(receipt.tracking_number, receipt.access_token, 'The Parks and Recreation Commission.');
    expect(answered.clock).to.equal('running');
    const log = await client.publicLog({ pageSize: 100 });
    const entry = log.requests.find((r) => r.tracking_number === receipt.tracking_number);
    expect(entry?.request_description).to.equal(good.request_description);
    expect(JSON.stringify(entry)).not.to.contain('resident@example.com');
  });

  it('names what went wrong with a hostile or absent backend', async () => {
    const answer = (body: string, status: number, type: string) =>
      new RecordsClient({ endpoint: 'https://records.example/v1', fetch: async () => new Response(body, { status, headers: { 'Content-Type': type } }) });
    let e: unknown = await answer('<!doctype html><title>Bad gateway</title>', 502, 'text/html').discovery().catch((x: unknown) => x);
    expect(e).to.be.instanceOf(HtmlErrorPageError);
    e = await answer('{"rule":', 200, 'application/json').discovery().catch((x: unknown) => x);
    expect(e).to.be.instanceOf(MalformedResponseError);
    e = await answer('[1,2,3]', 200, 'application/json').discovery().catch((x: unknown) => x);
    expect(e).to.be.instanceOf(MalformedResponseError);
    e = await new RecordsClient({ endpoint: 'http://127.0.0.1:9/records/v1' }).discovery().catch((x: unknown) => x);
    expect(e).to.be.instanceOf(NetworkError);
    const stalled = new RecordsClient({ endpoint: 'https://records.example/v1', timeout: 50, fetch: (_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))) });
    e = await stalled.discovery().catch((x: unknown) => x);
    expect(e).to.be.instanceOf(TimeoutError);
  });
});
