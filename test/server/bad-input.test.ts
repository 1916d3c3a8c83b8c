import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inspect } from 'node:util';
import { ATTRIBUTE_MAX_LENGTH, ATTRIBUTE_TEXT_MAX_LENGTH, FIELD_MAX_LENGTH, FORM_LIMITS } from '../../server/open311/submit.js';
import { DATABASES, assertSchema, describeOn, get, parseXml, postForm, rowCounts, startTestServer, type Answer, type TestServer } from './helpers.js';

type ErrorJson = Array<{ code: number; description: string }>;

const KEY = 'bad-input-test-key';
const VALID = { api_key: KEY, service_code: 'POTHOLE', lat: '41.7637', long: '-72.6851', 'attribute[SIZE]': 'LARGE' };
const PERSONAL = {
  email: 'leaky.resident@example.org',
  phone: '860-555-0142',
  first_name: 'Leakyfirstname',
  last_name: 'Leakylastname',
  device_id: 'leaky-device-77',
  account_id: 'leaky-account-88',
};

/** An Open311 error answer with this status, one description about `field`, valid JSON error schema. */
function assertOpen311Error(res: Answer<unknown>, status: number, field: string): void {
  assert.equal(res.status, status, res.text.slice(0, 300));
  const body = res.body as ErrorJson;
  assertSchema('errors', body);
  assert.ok(
    body.some((e) => e.description.startsWith(`${field}: `)),
    `a description starts with "${field}: " — got ${res.text.slice(0, 300)}`,
  );
}

function assertXmlError(res: Answer<unknown>, status: number, field: string): void {
  assert.equal(res.status, status, res.text.slice(0, 300));
  assert.match(res.headers.get('content-type') ?? '', /^text\/xml/);
  const errors = (parseXml(res.text).errors as { error: Array<{ code: string; description: string }> }).error;
  assert.ok(errors.some((e) => e.code === String(status) && e.description.startsWith(`${field}: `)), res.text);
}

for (const db of DATABASES) {
  describeOn(db, 'bad input', () => {
    let keyed: TestServer;
    let open: TestServer;
    before(async () => {
      keyed = await startTestServer(db, { apiKeys: KEY });
      open = await startTestServer(db);
    });
    after(async () => {
      await keyed?.stop();
      await open?.stop();
    });

    describe('a ~1 MB POST of 50,000 repeated attribute[X][]', () => {
      const flood = `service_code=POTHOLE&lat=41.76&long=-72.68&attribute[SIZE]=LARGE&${'attribute[X][]=a&'.repeat(50_000)}`;

      test('without a key: 403 on api_key, nothing stored', async () => {
        assert.ok(flood.length > 800_000);
        const before = await rowCounts(keyed);
        const res = await get(`${keyed.open311}/requests.json`, {
          method: 'POST',
          body: flood,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        });
        assertOpen311Error(res, 403, 'api_key');
        assert.deepEqual(await rowCounts(keyed), before);
      });

      test('with no keys configured: 400 on the field count (form-urlencoded and multipart), nothing stored', async () => {
        // Encoded first: on a busy machine encoding 50,000 parts takes seconds, and the kept-alive
        // connection of the first POST would be closed by the server's idle timeout just as fetch,
        // done encoding, reuses it.
        const form = new FormData();
        for (const [k, v] of Object.entries({ service_code: 'POTHOLE', lat: '41.76', long: '-72.68', 'attribute[SIZE]': 'LARGE' })) form.append(k, v);
        for (let i = 0; i < 50_000; i++) form.append('attribute[X][]', 'a');
        const encoded = new Response(form);
        const multipart = { body: new Uint8Array(await encoded.arrayBuffer()), headers: { 'Content-Type': encoded.headers.get('content-type')! } };
        const before = await rowCounts(open);
        const res = await get(`${open.open311}/requests.json`, {
          method: 'POST',
          body: flood,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        });
        assertOpen311Error(res, 400, 'body');
        assert.match((res.body as ErrorJson)[0]!.description, new RegExp(`${FORM_LIMITS.fields}`));
        const multi = await get(`${open.open311}/requests.xml`, { method: 'POST', ...multipart });
        assertXmlError(multi, 400, 'body');
        assert.deepEqual(await rowCounts(open), before);
      });

      test('a wrong key in the query string is refused before the body is read', async () => {
        const res = await get(`${keyed.open311}/requests.json?api_key=stolen`, {
          method: 'POST',
          body: flood,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        });
        assertOpen311Error(res, 403, 'api_key');
      });

      test('one name with more values than the cap is a 400 naming the attribute', async () => {
        const choices = Array.from({ length: FORM_LIMITS.valuesPerName + 1 }, () => 'RAISED');
        const res = await postForm(`${keyed.open311}/requests.json`, {
          api_key: KEY,
          service_code: 'SIDEWALK',
          address_string: '1 Main St',
          'attribute[HAZARD][]': choices,
        });
        assertOpen311Error(res, 400, 'attribute[HAZARD]');
      });

      test('a form-urlencoded body over the form limit is a 413 Open311 error', async () => {
        const res = await postForm(`${keyed.open311}/requests.json`, { ...VALID, description: 'x'.repeat(FORM_LIMITS.formBytes + 1) });
        assertOpen311Error(res, 413, 'body');
      });
    });

    describe('length limits on every stored field', () => {
      for (const [name, max] of Object.entries(FIELD_MAX_LENGTH)) {
        test(`${name}: ${max + 1} characters is a 400 naming it (JSON and XML), nothing stored`, async () => {
          const before = await rowCounts(keyed);
          const long = name === 'email' ? `${'a'.repeat(max)}@x.org` : name === 'media_url' ? `https://x.org/${'a'.repeat(max)}` : 'a'.repeat(max + 1);
          assertOpen311Error(await postForm(`${keyed.open311}/requests.json`, { ...VALID, [name]: long }), 400, name);
          assertXmlError(await postForm(`${keyed.open311}/requests.xml`, { ...VALID, [name]: long }), 400, name);
          assert.deepEqual(await rowCounts(keyed), before);
        });
      }

      test('a very long service_code or jurisdiction_id is a 404 that does not echo all of it', async () => {
        for (const name of ['service_code', 'jurisdiction_id']) {
          const res = await postForm(`${keyed.open311}/requests.json`, { ...VALID, [name]: 'Q'.repeat(100_000) });
          assertOpen311Error(res, 404, name);
          assert.ok(res.text.length < 1000, `${name}: ${res.text.length} characters of error`);
        }
        const path = await get(`${open.open311}/services/${'Q'.repeat(5000)}.json`);
        assertOpen311Error(path, 404, 'service_code');
        assert.ok(path.text.length < 1000);
      });

      test('an address_string of exactly the limit is stored and read back whole', async () => {
        const address = `1 Main Street ${'x'.repeat(FIELD_MAX_LENGTH.address_string! - 14)}`;
        assert.equal(address.length, FIELD_MAX_LENGTH.address_string);
        const res = await postForm<Array<{ service_request_id: string }>>(`${keyed.open311}/requests.json`, {
          ...VALID,
          lat: '',
          long: '',
          address_string: address,
        });
        assert.equal(res.status, 200, res.text);
        const back = await get<Array<{ address: string }>>(`${keyed.open311}/requests/${res.body[0]!.service_request_id}.json`);
        assert.equal(back.body[0]!.address, address);
      });

      test('attribute answers: a string answer and a text answer over their limits are 400s naming them', async () => {
        const before = await rowCounts(keyed);
        const string = await postForm(`${keyed.open311}/requests.json`, {
          api_key: KEY,
          service_code: 'STLIGHT',
          address_string: '1 Main St',
          'attribute[PROBLEM]': 'OUT',
          'attribute[POLE_NUMBER]': 'H'.repeat(ATTRIBUTE_MAX_LENGTH + 1),
        });
        assertOpen311Error(string, 400, 'attribute[POLE_NUMBER]');
        const dumping = { api_key: KEY, service_code: 'ILLDUMP', address_string: '1 Main St', 'attribute[MATERIAL][]': 'TIRES' };
        const text = await postForm(`${keyed.open311}/requests.json`, { ...dumping, 'attribute[VEHICLE]': 'v'.repeat(ATTRIBUTE_TEXT_MAX_LENGTH + 1) });
        assertOpen311Error(text, 400, 'attribute[VEHICLE]');
        assert.deepEqual(await rowCounts(keyed), before);
        const atLimit = await postForm(`${keyed.open311}/requests.json`, { ...dumping, 'attribute[VEHICLE]': 'v'.repeat(ATTRIBUTE_TEXT_MAX_LENGTH) });
        assert.equal(atLimit.status, 200, atLimit.text);
      });
    });

    describe('NUL bytes', () => {
      for (const [name, value] of [
        ['description', 'a\u0000b'],
        ['email', 'a\u0000@example.org'],
        ['address_string', '1 Main\u0000 St'],
        ['attribute[SIZE]', 'LARGE\u0000'],
        ['first_name', '\u0000'],
      ] as const) {
        test(`in ${name}: 400 naming it, nothing stored`, async () => {
          const before = await rowCounts(keyed);
          assertOpen311Error(await postForm(`${keyed.open311}/requests.json`, { ...VALID, [name]: value }), 400, name);
          assert.deepEqual(await rowCounts(keyed), before);
        });
      }

      test('in a multivaluelist answer sent as attribute[CODE][]: 400 naming attribute[CODE]', async () => {
        const res = await postForm(`${keyed.open311}/requests.json`, {
          api_key: KEY,
          service_code: 'SIDEWALK',
          address_string: '1 Main St',
          'attribute[HAZARD][]': ['RAISED', 'CRACKED\u0000'],
        });
        assertOpen311Error(res, 400, 'attribute[HAZARD]');
      });

      test('in a GET filter and in a path segment: 400, not a database error', async () => {
        assertOpen311Error(await get(`${open.open311}/requests.json?service_code=%00`), 400, 'service_code');
        assertOpen311Error(await get(`${open.open311}/services/%00.json`), 400, 'service_code');
        assertXmlError(await get(`${open.open311}/tokens/a%00b.xml`), 400, 'token');
        assertOpen311Error(await get(`${open.open311}/requests/1%00.json`), 400, 'service_request_id');
      });
    });

    describe('malformed % escapes in paths', () => {
      for (const [path, field] of [
        ['services/%E0%A4%A', 'service_code'],
        ['services/%ZZ', 'service_code'],
        ['tokens/%ZZ', 'token'],
        ['requests/%E0%A4%A', 'service_request_id'],
      ] as const) {
        test(`${path}: 400 naming ${field}, in JSON and XML`, async () => {
          assertOpen311Error(await get(`${open.open311}/${path}.json`), 400, field);
          assertXmlError(await get(`${open.open311}/${path}.xml`), 400, field);
        });
      }
    });

    describe('GET filters out of range', () => {
      for (const [query, field] of [
        ['page=99999999999999999999', 'page'],
        ['page=1000001', 'page'],
        ['start_date=0000-01-01', 'start_date'],
        ['start_date=2025-02-30', 'start_date'],
        ['end_date=2025-13-01', 'end_date'],
        ['updated_after=2025-02-29T10:00:00Z', 'updated_after'],
        ['start_date=2025-03-14T24:00:00Z', 'start_date'],
        ['start_date=2025-03-14T09:30:00%2B15:00', 'start_date'],
        ['start_date=0001-01-01T00:00:00%2B14:00', 'start_date'],
        ['bbox=,,,', 'bbox'],
        ['bbox=0x1,0,1,1', 'bbox'],
        ['bbox=1e1,0,20,1', 'bbox'],
      ] as const) {
        test(`${query}: 400 naming ${field}`, async () => {
          assertOpen311Error(await get(`${open.open311}/requests.json?${query}`), 400, field);
          assertXmlError(await get(`${open.open311}/requests.xml?${query}`), 400, field);
        });
      }

      test('real edge dates are still accepted: a leap day, year 1, the last page', async () => {
        for (const query of ['start_date=2024-02-29', 'start_date=0001-01-01T00:00:00Z', 'end_date=9999-12-31', 'page=1000000']) {
          const res = await get(`${open.open311}/requests.json?${query}`);
          assert.equal(res.status, 200, `${query}: ${res.text.slice(0, 200)}`);
        }
      });

      test('an impossible date in a datetime attribute answer is a 400 naming the attribute', async () => {
        const res = await postForm(`${keyed.open311}/requests.json`, {
          api_key: KEY,
          service_code: 'MISSEDPU',
          address_string: '1 Main St',
          'attribute[CART_TYPE]': 'TRASH',
          'attribute[COLLECTION_DATE]': '2025-02-30T07:00',
        });
        assertOpen311Error(res, 400, 'attribute[COLLECTION_DATE]');
      });
    });

    describe('a database error', () => {
      test('is logged without the email, phone or names of the request that hit it', async () => {
        // A constraint the validation knows nothing about makes the INSERT itself fail.
        await open.database.query(`ALTER TABLE requests ADD CONSTRAINT test_fault CHECK (description IS DISTINCT FROM 'trip the database')`);
        const logged: string[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => {
          logged.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 5 }))).join(' '));
        };
        let res: Answer<unknown>;
        try {
          res = await postForm(`${open.open311}/requests.json`, { ...VALID, ...PERSONAL, api_key: '', description: 'trip the database' });
        } finally {
          console.error = original;
          await open.database.query('ALTER TABLE requests DROP CONSTRAINT test_fault');
        }
        assert.equal(res.status, 500);
        assertSchema('errors', res.body);
        const log = logged.join('\n');
        assert.match(log, /23514/, `the SQLSTATE is logged: ${log}`);
        assert.match(log, /test_fault/, 'the constraint name is logged');
        for (const value of Object.values(PERSONAL)) assert.ok(!log.includes(value), `log has ${value}: ${log}`);
        assert.ok(!log.includes('trip the database'), 'nor the submitted text');
      });
    });
  });
}
