// The reference backend's extensions that <civic-service-request> relies on: `contact_policy` on
// service definitions, stored answers under `extended_attributes`, and `Idempotency-Key`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES, assertSchema, describeOn, get, parseXml, postForm, rowCounts, startTestServer, type TestServer } from './helpers.js';

type ErrorJson = Array<{ code: number; description: string }>;
interface Created {
  service_request_id?: string;
  token?: string;
  service_notice?: string;
}
interface RequestJson {
  service_request_id: string;
  extended_attributes?: { attributes: Record<string, string | string[]> };
}

const BLIGHT = {
  service_code: 'BLIGHT',
  lat: '41.7637',
  long: '-72.6851',
  description: 'Back door open at night.',
  'attribute[CONDITIONS][]': ['OPEN', 'TRASH'],
  'attribute[VACANT]': 'YES',
  'attribute[DETAILS]': 'Dog in the yard.',
};

function postWithKey(url: string, key: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return get<Created[] | ErrorJson>(url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': key },
  });
}

for (const db of DATABASES) {
  describeOn(db, 'service request extensions', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db, { corsOrigins: ['http://city.example'] });
    });
    after(async () => {
      await server?.stop();
    });

    describe('contact_policy', () => {
      test('code-enforcement services declare contact required, in JSON and XML; others declare it or leave it out', async () => {
        for (const code of ['BLIGHT', 'NOHEAT', 'ABANDVEH']) {
          const def = await get<{ contact_policy?: string }>(`${server.open311}/services/${code}.json`);
          assertSchema('service-definition', def.body);
          assert.equal(def.body.contact_policy, 'required', code);
        }
        const xml = parseXml((await get<string>(`${server.open311}/services/BLIGHT.xml`)).text);
        assert.equal((xml.service_definition as Record<string, unknown>).contact_policy, 'required');
        const pothole = await get<{ contact_policy?: string }>(`${server.open311}/services/POTHOLE.json`);
        assert.equal(pothole.body.contact_policy, undefined);
        const graffiti = await get<{ contact_policy?: string }>(`${server.open311}/services/GRAFFITI.json`);
        assert.equal(graffiti.body.contact_policy, 'anonymous');
      });

      test('a code-enforcement POST without email or phone is refused on the email field and stores nothing', async () => {
        const before = await rowCounts(server);
        const res = await postForm<ErrorJson>(`${server.open311}/requests.json`, BLIGHT);
        assert.equal(res.status, 400);
        assert.ok(res.body.some((e) => e.description.startsWith('email: ')), JSON.stringify(res.body));
        assert.deepEqual(await rowCounts(server), before);
        const withPhone = await postForm<Created[]>(`${server.open311}/requests.json`, { ...BLIGHT, phone: '860-555-0100' });
        assert.equal(withPhone.status, 200);
      });
    });

    describe('extended_attributes with extensions=true', () => {
      test('returns the stored answers (lists as arrays) and no personal field; absent without extensions', async () => {
        const created = await postForm<Created[]>(`${server.open311}/requests.json`, {
          ...BLIGHT,
          email: 'private.person@example.org',
          first_name: 'Privatefirst',
        });
        const id = created.body[0]!.service_request_id!;
        const one = await get<RequestJson[]>(`${server.open311}/requests/${id}.json?extensions=true`);
        assertSchema('requests', one.body);
        assert.deepEqual(one.body[0]!.extended_attributes, {
          attributes: { CONDITIONS: ['OPEN', 'TRASH'], VACANT: 'YES', DETAILS: 'Dog in the yard.' },
        });
        assert.doesNotMatch(one.text, /private\.person|Privatefirst/);
        const plain = await get<RequestJson[]>(`${server.open311}/requests/${id}.json`);
        assert.equal(plain.body[0]!.extended_attributes, undefined);
        const list = await get<RequestJson[]>(`${server.open311}/requests.json?extensions=true&service_code=BLIGHT`);
        assertSchema('requests', list.body);
        assert.ok(list.body.find((r) => r.service_request_id === id)?.extended_attributes);
        const xml = await get<string>(`${server.open311}/requests/${id}.xml?extensions=true`);
        assert.match(xml.text, /<extended_attributes><attributes>.*<attribute><code>CONDITIONS<\/code><values><value>OPEN<\/value><value>TRASH<\/value><\/values><\/attribute>.*<\/extended_attributes>/);
        assert.match(xml.text, /<attribute><code>VACANT<\/code><value>YES<\/value><\/attribute>/);
      });
    });

    describe('Idempotency-Key', () => {
      test('a retry with the same key answers the first result and creates nothing more', async () => {
        const fields = { ...BLIGHT, email: 'a@example.org' };
        const first = await postWithKey(`${server.open311}/requests.json`, 'key-retry-1', fields);
        assert.equal(first.status, 200);
        const counts = await rowCounts(server);
        const again = await postWithKey(`${server.open311}/requests.json`, 'key-retry-1', fields);
        assert.equal(again.status, 200);
        assert.deepEqual(again.body, first.body);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(await rowCounts(server), counts);
        const other = await postWithKey(`${server.open311}/requests.json`, 'key-retry-2', fields);
        assert.notEqual((other.body as Created[])[0]!.service_request_id, (first.body as Created[])[0]!.service_request_id);
      });

      test('a refused POST frees its key, so the corrected request goes through with it', async () => {
        const refused = await postWithKey(`${server.open311}/requests.json`, 'key-fix-1', BLIGHT);
        assert.equal(refused.status, 400);
        const fixed = await postWithKey(`${server.open311}/requests.json`, 'key-fix-1', { ...BLIGHT, email: 'b@example.org' });
        assert.equal(fixed.status, 200);
        assert.ok((fixed.body as Created[])[0]!.service_request_id);
      });

      test('concurrent POSTs with one key create one request', async () => {
        const counts = await rowCounts(server);
        const fields = { ...BLIGHT, email: 'c@example.org' };
        const answers = await Promise.all([1, 2, 3].map(() => postWithKey(`${server.open311}/requests.json`, 'key-race-1', fields)));
        assert.equal((await rowCounts(server)).requests, counts.requests + 1);
        const ok = answers.filter((a) => a.status === 200);
        assert.ok(ok.length >= 1);
        for (const a of answers) assert.ok(a.status === 200 || a.status === 409, String(a.status));
      });

      test('CORS preflight allows the Idempotency-Key header', async () => {
        const res = await fetch(`${server.open311}/requests.json`, {
          method: 'OPTIONS',
          headers: {
            Origin: 'http://city.example',
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'idempotency-key',
          },
        });
        assert.equal(res.status, 204);
        assert.match(res.headers.get('access-control-allow-headers') ?? '', /idempotency-key/i);
      });
    });
  });
}
