// The records contract (/records/v1): FOIA.gov field names, deadlines from the jurisdiction's
// rule, an access link per request, an opt-in public log that never shows the requester, and
// the staff actions that move a request (and its clock) along.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordsDeadline } from '../../src/api/records/deadlines.js';
import { connecticut } from '../../src/api/records/rules.js';
import { DATABASES, describeOn, get, startTestServer, type Answer, type TestServer } from './helpers.js';

const STAFF = 'staff-token-for-tests-0123456789';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Created {
  tracking_number: string;
  access_token: string;
  status: string;
  received_date: string;
  due_date: string | null;
  due_basis: string;
}
interface Errors {
  errors: Array<{ field: string; message: string }>;
}
interface View {
  tracking_number: string;
  status: string;
  due_date: string | null;
  clock: string;
  waiting_for?: string | null;
  submitted_datetime?: string;
  timeline: Array<{ type: string; status: string; message?: string | null; reason?: string | null; documents?: Array<{ url: string; public: boolean }> }>;
  documents: Array<{ id: string; name: string; url: string; public: boolean }>;
}

function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  return get<T>(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

const good = {
  request_description: 'Building permits issued for 174 Park Street between January and March 2026, with inspection reports.',
  department: 'development',
  delivery_format: 'electronic',
  date_range_start: '2026-01-01',
  date_range_end: '2026-03-31',
  fee_amount_willing: '25',
  name_first: 'Ana',
  name_last: 'Rivera',
  email: 'ana.rivera@example.com',
};

async function counts(server: TestServer) {
  const [row] = await server.database.query<{ r: number; e: number; d: number }>(
    `SELECT (SELECT count(*) FROM records_requests)::int AS r, (SELECT count(*) FROM records_events)::int AS e,
            (SELECT count(*) FROM records_documents)::int AS d`,
  );
  return row!;
}

for (const db of DATABASES) {
  describeOn(db, 'records contract', () => {
    let server: TestServer;
    let records: string;
    const staff = (tracking: string, body: unknown) => postJson<View & Errors>(`${records}/requests/${tracking}/events.json`, body, { Authorization: `Bearer ${STAFF}` });

    before(async () => {
      server = await startTestServer(db, { staffToken: STAFF, recordsPublicLog: true });
      records = `${server.base}/records/v1`;
    });
    after(() => server.stop());

    describe('discovery', () => {
      test('names the jurisdiction, its rule, departments and delivery formats, in the asked language', async () => {
        const en = await get<{ rule: { id: string; days: number }; departments: Array<{ code: string; name: string }>; contact_policy: string; public_log: boolean }>(
          `${records}/discovery.json`,
        );
        assert.equal(en.status, 200);
        assert.equal(en.body.rule.id, 'us-ct');
        assert.equal(en.body.rule.days, 4);
        assert.equal(en.body.contact_policy, 'optional');
        assert.equal(en.body.public_log, true);
        assert.ok(en.body.departments.some((d) => d.code === 'police' && d.name === 'Police Department'));
        const es = await get<{ departments: Array<{ code: string; name: string }> }>(`${records}/discovery.json`, { headers: { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' } });
        assert.equal(es.headers.get('content-language'), 'es');
        assert.ok(es.body.departments.some((d) => d.code === 'police' && d.name === 'Departamento de Policía'));
      });
    });

    describe('filing a request', () => {
      test('201 with a tracking number, a private access token and the due date the law gives', async () => {
        const res = await postJson<Created>(`${records}/requests.json`, good);
        assert.equal(res.status, 201, res.text);
        assert.match(res.body.tracking_number, /^R-\d{4}-\d{5}$/);
        assert.ok(res.body.access_token.length >= 32);
        assert.equal(res.body.status, 'submitted');
        const view = await get<View>(`${records}/requests/${res.body.tracking_number}.json?access_token=${res.body.access_token}`);
        assert.equal(view.status, 200);
        const expected = recordsDeadline(connecticut, view.body.submitted_datetime!);
        assert.equal(res.body.due_date, expected.due);
        assert.match(res.body.due_basis, /^Connecticut's Freedom of Information Act gives the city 4 business days/);
        assert.equal(view.body.clock, 'running');
      });

      test('every bad field is a 400 naming it, in Spanish when asked, and nothing is stored', async () => {
        const before = await counts(server);
        const cases: Array<[Record<string, unknown>, string]> = [
          [{ ...good, request_description: '' }, 'request_description'],
          [{ ...good, request_description: 'Records.' }, 'request_description'],
          [{ ...good, request_description: 'x'.repeat(10_001) }, 'request_description'],
          [{ ...good, date_range_start: '2025-02-30' }, 'date_range_start'],
          [{ ...good, date_range_start: '2026-04-01', date_range_end: '2026-03-01' }, 'date_range_end'],
          [{ ...good, department: 'nope' }, 'department'],
          [{ ...good, delivery_format: 'fax' }, 'delivery_format'],
          [{ ...good, fee_amount_willing: '-5' }, 'fee_amount_willing'],
          [{ ...good, fee_waiver: true }, 'fee_waiver_explanation'],
          [{ ...good, expedited_processing: 'true' }, 'expedited_processing_explanation'],
          [{ ...good, fee_waiver: 'maybe' }, 'fee_waiver'],
          [{ ...good, email: 'not-an-email' }, 'email'],
          [{ ...good, phone_number: 'call me' }, 'phone_number'],
          [{ ...good, name_first: 'A'.repeat(101) }, 'name_first'],
          [{ ...good, address_line1: 'Main\u0000Street' }, 'address_line1'],
        ];
        for (const [body, field] of cases) {
          const res = await postJson<Errors>(`${records}/requests.json`, body);
          assert.equal(res.status, 400, `${field}: ${res.text}`);
          assert.ok(res.body.errors.some((e) => e.field === field), `${field}: ${res.text}`);
        }
        const es = await postJson<Errors>(`${records}/requests.json`, { ...good, request_description: '' }, { 'Accept-Language': 'es' });
        assert.equal(es.body.errors[0]!.message, 'Describa los documentos que desea.');
        for (const raw of ['not json', '[1,2]', 'null']) {
          const res = await get<Errors>(`${records}/requests.json`, { method: 'POST', body: raw, headers: { 'Content-Type': 'application/json' } });
          assert.equal(res.status, 400, raw);
          assert.equal(res.body.errors[0]!.field, 'body');
        }
        const form = await get<Errors>(`${records}/requests.json`, { method: 'POST', body: 'request_description=x', headers: { 'Content-Type': 'text/plain' } });
        assert.equal(form.status, 400);
        assert.deepEqual(await counts(server), before);
      });

      test('never asks for a purpose: contact is optional by default', async () => {
        const res = await postJson<Created>(`${records}/requests.json`, { request_description: good.request_description });
        assert.equal(res.status, 201, res.text);
      });

      test('attachments: a PDF is kept for the requester; an HTML file is refused and nothing is stored', async () => {
        const form = new FormData();
        for (const [k, v] of Object.entries(good)) form.append(k, v);
        form.append('attachments', new Blob([PDF], { type: 'application/pdf' }), 'map.pdf');
        const ok = await get<Created>(`${records}/requests.json`, { method: 'POST', body: form });
        assert.equal(ok.status, 201, ok.text);
        const view = await get<View & { attachments: Array<{ name: string; url: string }> }>(
          `${records}/requests/${ok.body.tracking_number}.json?access_token=${ok.body.access_token}`,
        );
        assert.equal(view.body.attachments[0]!.name, 'map.pdf');
        const file = await fetch(view.body.attachments[0]!.url);
        assert.equal(file.status, 200);
        assert.equal(file.headers.get('content-type'), 'application/pdf');
        const noToken = await fetch(view.body.attachments[0]!.url.replace(/\?.*$/, ''));
        assert.equal(noToken.status, 404);

        const before = await counts(server);
        const bad = new FormData();
        for (const [k, v] of Object.entries(good)) bad.append(k, v);
        bad.append('attachments', new Blob(['<html><script>alert(1)</script></html>'], { type: 'application/pdf' }), 'evil.pdf');
        const refused = await get<Errors>(`${records}/requests.json`, { method: 'POST', body: bad });
        assert.equal(refused.status, 400);
        assert.equal(refused.body.errors[0]!.field, 'attachments');
        assert.deepEqual(await counts(server), before);
      });

      test('Idempotency-Key: the same request twice is one request; a different body with that key is a 422', async () => {
        const key = `records-${Date.now()}`;
        const first = await postJson<Created>(`${records}/requests.json`, good, { 'Idempotency-Key': key });
        const again = await postJson<Created>(`${records}/requests.json`, good, { 'Idempotency-Key': key });
        assert.equal(first.status, 201);
        assert.equal(again.status, 201);
        assert.equal(again.body.tracking_number, first.body.tracking_number);
        const before = await counts(server);
        const other = await postJson<Errors>(`${records}/requests.json`, { ...good, department: 'police' }, { 'Idempotency-Key': key });
        assert.equal(other.status, 422);
        assert.deepEqual(await counts(server), before);
      });
    });

    describe('access link and public log', () => {
      test('without the token a request is private until the city acknowledges it; then the log shows it without the requester', async () => {
        const created = (await postJson<Created>(`${records}/requests.json`, good)).body;
        const url = `${records}/requests/${created.tracking_number}.json`;
        assert.equal((await get(url)).status, 404);
        assert.equal((await get(`${url}?access_token=wrong`)).status, 404);
        assert.equal((await get(`${records}/requests/R-2026-99999.json`)).status, 404);
        assert.equal((await staff(created.tracking_number, { type: 'acknowledged', message: 'We are searching the permit files.' })).status, 201);
        const pub = await get<View>(url);
        assert.equal(pub.status, 200);
        assert.equal(pub.body.status, 'acknowledged');
        assert.doesNotMatch(pub.text, /Rivera|ana\.rivera|searching the permit files|access_token|fee_amount_willing/);
        const log = await get<{ requests: View[]; total: number }>(`${records}/requests.json?page_size=100`);
        assert.equal(log.status, 200);
        assert.ok(log.body.requests.some((r) => r.tracking_number === created.tracking_number));
        assert.equal(log.headers.get('x-total-count'), String(log.body.total));
        assert.doesNotMatch(log.text, /Rivera|ana\.rivera|access_token/);
      });

      test('the city can keep a request out of the log', async () => {
        const created = (await postJson<Created>(`${records}/requests.json`, good)).body;
        await staff(created.tracking_number, { type: 'acknowledged', public: false });
        assert.equal((await get(`${records}/requests/${created.tracking_number}.json`)).status, 404);
      });
    });

    describe('staff actions', () => {
      test('need the staff token', async () => {
        const created = (await postJson<Created>(`${records}/requests.json`, good)).body;
        const none = await postJson<Errors>(`${records}/requests/${created.tracking_number}/events.json`, { type: 'acknowledged' });
        assert.equal(none.status, 401);
        const wrong = await postJson<Errors>(`${records}/requests/${created.tracking_number}/events.json`, { type: 'acknowledged' }, { Authorization: 'Bearer nope' });
        assert.equal(wrong.status, 401);
        assert.equal((await get(`${records}/staff/requests.json`)).status, 401);
      });

      test('clarification stops the clock; the requester’s reply restarts it, later than before', async () => {
        const created = (await postJson<Created>(`${records}/requests.json`, good)).body;
        const link = `${records}/requests/${created.tracking_number}.json?access_token=${created.access_token}`;
        const asked = await staff(created.tracking_number, { type: 'clarification_requested', message: 'Which permit numbers?' });
        assert.equal(asked.status, 201, asked.text);
        assert.equal(asked.body.clock, 'paused');
        assert.equal(asked.body.due_date, null);
        const view = await get<View>(link);
        assert.equal(view.body.waiting_for, 'clarification');
        assert.equal(view.body.timeline.at(-1)!.message, 'Which permit numbers?');
        const reply = await postJson<View>(`${records}/requests/${created.tracking_number}/replies.json?access_token=${created.access_token}`, {
          message: 'Permits B-2026-001 to B-2026-040.',
        });
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.clock, 'running');
        assert.equal(reply.body.status, 'submitted');
        assert.ok(reply.body.due_date! >= created.due_date!);
        const again = await postJson<Errors>(`${records}/requests/${created.tracking_number}/replies.json?access_token=${created.access_token}`, { message: 'x' });
        assert.equal(again.status, 409);
      });

      test('releases documents: public ones for everyone, requester-only ones through the link; then the request is finished', async () => {
        const created = (await postJson<Created>(`${records}/requests.json`, good)).body;
        const doc = (name: string, pub: boolean) => ({ name, content_type: 'application/pdf', content_base64: PDF.toString('base64'), public: pub });
        const released = await staff(created.tracking_number, { type: 'released', message: 'Here are the permits.', documents: [doc('permits.pdf', true), doc('inspection.pdf', false)] });
        assert.equal(released.status, 201, released.text);
        assert.equal(released.body.status, 'released');
        assert.equal(released.body.clock, 'stopped');
        const mine = await get<View>(`${records}/requests/${created.tracking_number}.json?access_token=${created.access_token}`);
        assert.deepEqual(mine.body.documents.map((d) => d.name).sort(), ['inspection.pdf', 'permits.pdf']);
        const pub = await get<View>(`${records}/requests/${created.tracking_number}.json`);
        assert.deepEqual(pub.body.documents.map((d) => d.name), ['permits.pdf']);
        const publicDoc = await fetch(pub.body.documents[0]!.url);
        assert.equal(publicDoc.status, 200);
        assert.match(publicDoc.headers.get('content-disposition') ?? '', /attachment/);
        const privateDoc = mine.body.documents.find((d) => !d.public)!;
        assert.equal((await fetch(privateDoc.url.replace(/\?.*$/, ''))).status, 404);
        assert.equal((await fetch(privateDoc.url)).status, 200);
        assert.equal((await staff(created.tracking_number, { type: 'acknowledged' })).status, 409);
        const reopened = await staff(created.tracking_number, { type: 'reopened' });
        assert.equal(reopened.body.status, 'reopened');
      });

      test('bad staff input is a 400 and stores nothing', async () => {
        const created = (await postJson<Created>(`${records}/requests.json`, good)).body;
        const before = await counts(server);
        for (const body of [
          { type: 'vanished' },
          { type: 'denied' },
          { type: 'fee_estimate', fee_amount: 'lots' },
          { type: 'extended' },
          { type: 'released', documents: [] },
          { type: 'released', documents: [{ name: 'x.html', content_type: 'text/html', content_base64: Buffer.from('<html>').toString('base64') }] },
          { type: 'acknowledged', due_date: '2026-13-01' },
        ]) {
          const res = await staff(created.tracking_number, body);
          assert.equal(res.status, 400, JSON.stringify(body) + res.text);
        }
        assert.deepEqual(await counts(server), before);
      });

      test('the staff list carries the requester; a denial carries its reason to the requester', async () => {
        const created = (await postJson<Created>(`${records}/requests.json`, good)).body;
        const denied = await staff(created.tracking_number, { type: 'denied', reason: 'These records are exempt under § 1-210(b)(3).' });
        assert.equal(denied.status, 201);
        const list = await get<{ requests: Array<{ tracking_number: string; requester: { email: string } }> }>(`${records}/staff/requests.json`, {
          headers: { Authorization: `Bearer ${STAFF}` },
        });
        assert.equal(list.status, 200);
        assert.equal(list.body.requests.find((r) => r.tracking_number === created.tracking_number)!.requester.email, good.email);
        const view = await get<View>(
          `${records}/requests/${created.tracking_number}.json?access_token=${created.access_token}`,
        );
        assert.equal(view.body.status, 'denied');
        assert.match(view.body.timeline.at(-1)!.reason!, /exempt/);
      });
    });
  });

  describeOn(db, 'records contract with contact required and no public log', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db, { recordsContactRequired: true, recordsPublicLog: false });
    });
    after(() => server.stop());

    test('a request without a way to reach the requester is refused; the log is off; staff API is off', async () => {
      const records = `${server.base}/records/v1`;
      const res = await postJson<Errors>(`${records}/requests.json`, { request_description: good.request_description });
      assert.equal(res.status, 400);
      assert.ok(res.body.errors.some((e) => e.field === 'name_first'));
      assert.ok(res.body.errors.some((e) => e.field === 'email'));
      assert.equal((await postJson(`${records}/requests.json`, good)).status, 201);
      assert.equal((await get(`${records}/requests.json`)).status, 404);
      const staff = await get(`${records}/staff/requests.json`, { headers: { Authorization: 'Bearer anything' } });
      assert.equal(staff.status, 403);
    });
  });
}
