import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DATABASES,
  describeOn,
  PNG_1X1,
  asXmlText,
  assertSchema,
  get,
  parseXml,
  postForm,
  rowCounts,
  startTestServer,
  type TestServer,
  type XmlNode,
} from './helpers.js';

interface ServiceJson {
  service_code: string;
  service_name: string;
  metadata: boolean;
  type: string;
  keywords?: string;
  group?: string;
}
interface AttributeJson {
  variable: boolean;
  code: string;
  datatype: string;
  required: boolean;
  order: number;
  description: string;
  values?: Array<{ key: string; name: string }>;
}
interface RequestJson {
  service_request_id: string;
  status: 'open' | 'closed';
  service_code: string;
  status_notes?: string;
  requested_datetime: string;
  updated_datetime?: string;
  expected_datetime?: string;
  lat?: number;
  long?: number;
  media_url?: string;
  description?: string;
  notes?: Array<{ datetime: string; type?: string; summary?: string; description?: string }>;
}
type ErrorJson = Array<{ code: number; description: string }>;

const KEY = 'test-key';
const BATCH_DELAY_MS = 1500;
const DAY = 86_400_000;
const VALID = { api_key: KEY, service_code: 'POTHOLE', lat: '41.7637', long: '-72.6851', 'attribute[SIZE]': 'LARGE' };
const PERSONAL = {
  email: 'private.person@example.org',
  phone: '860-555-0199',
  first_name: 'Privatefirst',
  last_name: 'Privatelast',
  device_id: 'device-secret-123',
  account_id: 'account-secret-456',
};

const xmlList = (node: XmlValueLike, ...path: string[]): XmlNode[] => {
  let cur: XmlValueLike = node;
  for (const p of path) cur = (cur as XmlNode)[p] as XmlValueLike;
  return (cur ?? []) as XmlNode[];
};
type XmlValueLike = XmlNode | XmlNode[] | string | undefined;

/** Every JSON field appears in the XML element with the same text. */
function assertXmlMirrorsJson(xml: XmlNode, json: Record<string, unknown>, skip: string[] = []) {
  for (const [k, v] of Object.entries(json)) {
    if (skip.includes(k) || v === undefined || v === null || typeof v === 'object') continue;
    assert.equal(xml[k], asXmlText(v), `XML <${k}> mirrors JSON`);
  }
  for (const k of Object.keys(xml)) if (!skip.includes(k)) assert.ok(k in json, `XML has <${k}> that JSON lacks`);
}

for (const db of DATABASES) {
  describeOn(db, 'GeoReport v2', () => {
    // One server with keys and a batch delay, one with the defaults; shared by every test below.
    let keyed: TestServer;
    let open: TestServer;

    before(async () => {
      keyed = await startTestServer(db, { apiKeys: [KEY, 'other-key'], batchDelayMs: BATCH_DELAY_MS });
      open = await startTestServer(db);
    });
    after(async () => {
      await keyed?.stop();
      await open?.stop();
    });

    describe('discovery', () => {
      test('JSON lists both formats and every extension', async () => {
        const res = await get<{ endpoints: Array<{ url: string; formats: string[]; extensions: string[] }> }>(
          `${keyed.open311}/discovery.json`,
        );
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
        assertSchema('discovery', res.body);
        const ep = res.body.endpoints[0]!;
        assert.equal(ep.url, keyed.open311);
        assert.deepEqual([...ep.formats].sort(), ['application/json', 'text/xml']);
        assert.deepEqual(ep.extensions, ['extensions', 'page', 'bbox', 'updated_after', 'media', 'idempotency', 'statistics']);
      });

      test('XML nests <extensions><extension> and <formats><format>', async () => {
        const res = await get<string>(`${keyed.open311}/discovery.xml`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/xml/);
        const doc = parseXml(res.text);
        const ep = xmlList(doc, 'discovery', 'endpoints', 'endpoint')[0]!;
        assert.deepEqual(xmlList(ep, 'extensions', 'extension'), ['extensions', 'page', 'bbox', 'updated_after', 'media', 'idempotency', 'statistics']);
        assert.deepEqual([...xmlList(ep, 'formats', 'format')].sort(), ['application/json', 'text/xml']);
        assert.equal(ep.url, keyed.open311);
      });
    });

    describe('services and definitions', () => {
      let services: ServiceJson[];
      const definitions = new Map<string, AttributeJson[]>();

      before(async () => {
        services = (await get<ServiceJson[]>(`${keyed.open311}/services.json`)).body;
        for (const s of services) {
          const def = await get<{ service_code: string; attributes: AttributeJson[] }>(`${keyed.open311}/services/${s.service_code}.json`);
          assertSchema('service-definition', def.body);
          assert.equal(def.body.service_code, s.service_code);
          definitions.set(s.service_code, def.body.attributes);
        }
      });

      test('services JSON matches the schema: ~15 services in the seven groups, with keywords and a batch one', () => {
        assertSchema('services', services);
        assert.ok(services.length >= 14 && services.length <= 20, `${services.length} services`);
        assert.deepEqual(
          new Set(services.map((s) => s.group)),
          new Set(['Streets & Sidewalks', 'Sanitation', 'Trees', 'Graffiti', 'Code Enforcement', 'Parks', 'Snow & Ice']),
        );
        assert.ok(services.every((s) => (s.keywords ?? '').split(',').filter((k) => k.trim()).length > 0));
        assert.ok(services.some((s) => s.type === 'batch'));
        for (const s of services) assert.equal(s.metadata, (definitions.get(s.service_code) ?? []).length > 0, s.service_code);
      });

      test('definitions use all six datatypes, informational and required attributes', () => {
        const all = [...definitions.values()].flat();
        assert.deepEqual(new Set(all.map((a) => a.datatype)), new Set(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']));
        assert.ok(all.some((a) => !a.variable), 'an informational attribute');
        assert.ok(all.some((a) => a.variable && a.required), 'a required attribute');
        for (const a of all.filter((x) => x.datatype.endsWith('valuelist'))) assert.ok((a.values ?? []).length > 1, a.code);
      });

      test('services XML mirrors JSON, with & escaped', async () => {
        const res = await get<string>(`${keyed.open311}/services.xml`);
        assert.match(res.text, /<group>Streets &amp; Sidewalks<\/group>/);
        const xml = xmlList(parseXml(res.text), 'services', 'service');
        assert.equal(xml.length, services.length);
        xml.forEach((s, i) => assertXmlMirrorsJson(s, services[i] as unknown as Record<string, unknown>));
      });

      test('service definition XML: <service_definition><attributes><attribute><values><value><key/><name/>', async () => {
        const res = await get<string>(`${keyed.open311}/services/POTHOLE.xml`);
        const doc = parseXml(res.text);
        assert.equal((doc.service_definition as XmlNode).service_code, 'POTHOLE');
        const attrs = xmlList(doc, 'service_definition', 'attributes', 'attribute');
        const json = definitions.get('POTHOLE')!;
        assert.equal(attrs.length, json.length);
        attrs.forEach((a, i) => {
          assertXmlMirrorsJson(a, json[i] as unknown as Record<string, unknown>, ['values']);
          const values = xmlList(a, 'values', 'value');
          assert.deepEqual(
            values.map((v) => ({ key: v.key, name: v.name })),
            json[i]!.values ?? [],
          );
        });
      });

      test('unknown service: 404 with an Open311 error body, JSON and XML', async () => {
        const j = await get<ErrorJson>(`${keyed.open311}/services/NOPE.json`);
        assert.equal(j.status, 404);
        assertSchema('errors', j.body);
        assert.equal(j.body[0]!.code, 404);
        const x = await get<string>(`${keyed.open311}/services/NOPE.xml`);
        assert.equal(x.status, 404);
        const err = xmlList(parseXml(x.text), 'errors', 'error')[0]!;
        assert.equal(err.code, '404');
        assert.match(String(err.description), /^service_code: /);
      });
    });

    describe('GET requests', () => {
      test('default: the last 90 days, newest first, schema-valid, open ones with expected dates, closed with notes', async () => {
        const res = await get<RequestJson[]>(`${keyed.open311}/requests.json`);
        assert.equal(res.status, 200);
        assertSchema('requests', res.body);
        const [{ n }] = (await keyed.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM requests WHERE requested_at >= now() - interval '90 days' AND available_at <= now()`,
        )) as [{ n: number }];
        assert.ok(n > 150, `seed has a few hundred requests (${n} in 90 days)`);
        assert.equal(res.body.length, n);
        assert.equal(res.headers.get('x-total-count'), String(n));
        const times = res.body.map((r) => Date.parse(r.requested_datetime));
        assert.ok(times.every((t) => t >= Date.now() - 90 * DAY - 60_000));
        assert.deepEqual(times, [...times].sort((a, b) => b - a));
        const opened = res.body.filter((r) => r.status === 'open');
        const closed = res.body.filter((r) => r.status === 'closed');
        assert.ok(opened.length > 10 && closed.length > 10);
        assert.ok(opened.every((r) => r.expected_datetime));
        assert.ok(closed.every((r) => r.status_notes));
        assert.ok(res.body.every((r) => /[+-]\d{2}:\d{2}$|Z$/.test(r.requested_datetime)));
        // Hartford, CT.
        assert.ok(res.body.every((r) => Math.abs(r.lat! - 41.765) < 0.06 && Math.abs(r.long! + 72.69) < 0.06));
      });

      test('XML <service_requests><request> mirrors JSON', async () => {
        const j = await get<RequestJson[]>(`${keyed.open311}/requests.json?page_size=20`);
        const x = await get<string>(`${keyed.open311}/requests.xml?page_size=20`);
        const xml = xmlList(parseXml(x.text), 'service_requests', 'request');
        assert.equal(xml.length, 20);
        xml.forEach((r, i) => assertXmlMirrorsJson(r, j.body[i] as unknown as Record<string, unknown>));
      });

      test('service_request_id list wins over every other filter', async () => {
        const some = (await get<RequestJson[]>(`${keyed.open311}/requests.json?status=closed&page_size=2`)).body;
        const ids = some.map((r) => r.service_request_id);
        const res = await get<RequestJson[]>(`${keyed.open311}/requests.json?service_request_id=${ids.join(',')}&status=open`);
        assert.deepEqual(res.body.map((r) => r.service_request_id).sort(), [...ids].sort());
      });

      test('service_code and status comma lists, start_date/end_date window', async () => {
        const codes = await get<RequestJson[]>(`${keyed.open311}/requests.json?service_code=POTHOLE,GRAFFITI`);
        assert.ok(codes.body.length > 0);
        assert.deepEqual(new Set(codes.body.map((r) => r.service_code)), new Set(['POTHOLE', 'GRAFFITI']));
        const openOnly = await get<RequestJson[]>(`${keyed.open311}/requests.json?status=open`);
        assert.ok(openOnly.body.length > 0 && openOnly.body.every((r) => r.status === 'open'));
        const both = await get<RequestJson[]>(`${keyed.open311}/requests.json?status=open,closed`);
        const all = await get<RequestJson[]>(`${keyed.open311}/requests.json`);
        assert.equal(both.body.length, all.body.length);
        const start = new Date(Date.now() - 110 * DAY);
        const end = new Date(Date.now() - 95 * DAY);
        const window = await get<RequestJson[]>(`${keyed.open311}/requests.json?start_date=${start.toISOString()}&end_date=${end.toISOString()}`);
        assert.ok(window.body.length > 0, 'old requests outside the default window exist');
        assert.ok(window.body.every((r) => Date.parse(r.requested_datetime) >= start.getTime() && Date.parse(r.requested_datetime) <= end.getTime()));
      });

      test('page/page_size pages through without overlap', async () => {
        const p1 = await get<RequestJson[]>(`${keyed.open311}/requests.json?page=1&page_size=25`);
        const p2 = await get<RequestJson[]>(`${keyed.open311}/requests.json?page=2&page_size=25`);
        const all = await get<RequestJson[]>(`${keyed.open311}/requests.json`);
        assert.equal(p1.body.length, 25);
        assert.deepEqual(
          [...p1.body, ...p2.body].map((r) => r.service_request_id),
          all.body.slice(0, 50).map((r) => r.service_request_id),
        );
        assert.equal(p2.headers.get('x-total-count'), String(all.body.length));
      });

      test('bbox keeps only requests inside the box', async () => {
        const bbox = [-72.69, 41.755, -72.67, 41.77];
        const res = await get<RequestJson[]>(`${keyed.open311}/requests.json?bbox=${bbox.join(',')}`);
        const all = await get<RequestJson[]>(`${keyed.open311}/requests.json`);
        const inside = (r: RequestJson) => r.long! >= bbox[0]! && r.lat! >= bbox[1]! && r.long! <= bbox[2]! && r.lat! <= bbox[3]!;
        assert.ok(res.body.length > 0);
        assert.equal(res.body.length, all.body.filter(inside).length);
        assert.ok(res.body.every(inside));
      });

      test('updated_after returns only later updates', async () => {
        const since = new Date(Date.now() - 10 * DAY);
        const res = await get<RequestJson[]>(`${keyed.open311}/requests.json?updated_after=${encodeURIComponent(since.toISOString())}`);
        assert.ok(res.body.length > 0);
        assert.ok(res.body.every((r) => Date.parse(r.updated_datetime!) > since.getTime()));
        const all = await get<RequestJson[]>(`${keyed.open311}/requests.json`);
        assert.ok(res.body.length < all.body.length);
      });

      test('extensions=true adds a notes timeline (JSON and XML); without it there is none', async () => {
        const plain = await get<RequestJson[]>(`${keyed.open311}/requests.json?status=closed&page_size=5`);
        assert.ok(plain.body.every((r) => r.notes === undefined));
        const ext = await get<RequestJson[]>(`${keyed.open311}/requests.json?status=closed&page_size=5&extensions=true`);
        assertSchema('requests', ext.body);
        for (const r of ext.body) {
          const notes = r.notes!;
          assert.ok(notes.length >= 2);
          assert.equal(notes[0]!.type, 'opened');
          assert.equal(notes.at(-1)!.type, 'closed');
          assert.equal(notes.at(-1)!.description, r.status_notes);
          const times = notes.map((n) => Date.parse(n.datetime));
          assert.deepEqual(times, [...times].sort((a, b) => a - b));
        }
        const x = await get<string>(`${keyed.open311}/requests.xml?status=closed&page_size=5&extensions=true`);
        const first = xmlList(parseXml(x.text), 'service_requests', 'request')[0]!;
        const notes = xmlList(first, 'notes', 'note');
        assert.deepEqual(
          notes.map((n) => n.summary),
          ext.body[0]!.notes!.map((n) => n.summary),
        );
      });

      test('bad filters: 400 naming the parameter', async () => {
        for (const [q, field] of [
          ['status=pending', 'status'],
          ['start_date=yesterday', 'start_date'],
          ['updated_after=soon', 'updated_after'],
          ['bbox=1,2,3', 'bbox'],
          ['page=0', 'page'],
        ] as const) {
          const res = await get<ErrorJson>(`${keyed.open311}/requests.json?${q}`);
          assert.equal(res.status, 400, q);
          assertSchema('errors', res.body);
          assert.ok(res.body[0]!.description.startsWith(`${field}: `), res.body[0]!.description);
        }
      });

      test('requests/{id} in JSON and XML; unknown id is 404 in both', async () => {
        const one = (await get<RequestJson[]>(`${keyed.open311}/requests.json?page_size=1`)).body[0]!;
        const j = await get<RequestJson[]>(`${keyed.open311}/requests/${one.service_request_id}.json`);
        assertSchema('requests', j.body);
        assert.deepEqual(j.body, [one]);
        const x = await get<string>(`${keyed.open311}/requests/${one.service_request_id}.xml`);
        assertXmlMirrorsJson(xmlList(parseXml(x.text), 'service_requests', 'request')[0]!, one as unknown as Record<string, unknown>);
        for (const id of ['999999', 'abc']) {
          const nj = await get<ErrorJson>(`${keyed.open311}/requests/${id}.json`);
          assert.equal(nj.status, 404);
          assertSchema('errors', nj.body);
          const nx = await get<string>(`${keyed.open311}/requests/${id}.xml`);
          assert.equal(nx.status, 404);
          assert.equal(xmlList(parseXml(nx.text), 'errors', 'error')[0]!.code, '404');
        }
      });

      test('jurisdiction_id: the configured one is accepted, another is 404', async () => {
        const ok = await get(`${keyed.open311}/services.json?jurisdiction_id=hartford.ct.us`);
        assert.equal(ok.status, 200);
        const bad = await get<ErrorJson>(`${keyed.open311}/services.json?jurisdiction_id=boston.gov`);
        assert.equal(bad.status, 404);
        assert.match(bad.body[0]!.description, /^jurisdiction_id: /);
        const badXml = await get<string>(`${keyed.open311}/requests.xml?jurisdiction_id=boston.gov`);
        assert.equal(badXml.status, 404);
        assert.match(badXml.text, /<errors><error><code>404<\/code>/);
      });
    });

    describe('POST requests', () => {
      test('realtime: JSON answer with an id; the request reads back with its data', async () => {
        const res = await postForm<Array<{ service_request_id: string; service_notice: string }>>(`${keyed.open311}/requests.json`, {
          ...VALID,
          jurisdiction_id: 'hartford.ct.us',
          'attribute[LANE]': 'BIKE',
          description: 'Pothole <b>&</b> "quotes" in the bike lane',
          address_string: '100 Park Street, Hartford, CT',
        });
        assert.equal(res.status, 200);
        assertSchema('post-response', res.body);
        const id = res.body[0]!.service_request_id;
        const back = await get<RequestJson[]>(`${keyed.open311}/requests/${id}.json?extensions=true`);
        const r = back.body[0]!;
        assert.equal(r.status, 'open');
        assert.equal(r.service_code, 'POTHOLE');
        assert.equal(r.description, 'Pothole <b>&</b> "quotes" in the bike lane');
        assert.equal(r.lat, 41.7637);
        assert.equal(r.long, -72.6851);
        assert.ok(Math.abs(Date.parse(r.requested_datetime) - Date.now()) < 60_000);
        assert.deepEqual(r.notes!.map((n) => n.type), ['opened']);
        const [stored] = await keyed.database.query<{ attributes: Record<string, unknown> }>('SELECT attributes FROM requests WHERE id = $1', [
          Number(id),
        ]);
        assert.deepEqual(stored!.attributes, { SIZE: 'LARGE', LANE: 'BIKE' });
        const xml = await get<string>(`${keyed.open311}/requests/${id}.xml`);
        assert.match(xml.text, /<description>Pothole &lt;b&gt;&amp;&lt;\/b&gt; &quot;quotes&quot; in the bike lane<\/description>/);
        assert.equal(xmlList(parseXml(xml.text), 'service_requests', 'request')[0]!.description, r.description);
      });

      test('XML answer; multivaluelist as attribute[CODE][]', async () => {
        const res = await postForm<string>(`${keyed.open311}/requests.xml`, {
          api_key: KEY,
          service_code: 'SIDEWALK',
          address_id: '12',
          'attribute[HAZARD][]': ['RAISED', 'ROOTS'],
        });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/xml/);
        const item = xmlList(parseXml(res.text), 'service_requests', 'request')[0]!;
        assert.match(String(item.service_request_id), /^\d+$/);
        const [stored] = await keyed.database.query<{ attributes: Record<string, unknown> }>('SELECT attributes FROM requests WHERE id = $1', [
          Number(item.service_request_id),
        ]);
        assert.deepEqual(stored!.attributes, { HAZARD: ['RAISED', 'ROOTS'] });
      });

      test('personal fields are stored but never appear in any GET, JSON or XML', async () => {
        const res = await postForm<Array<{ service_request_id: string }>>(`${keyed.open311}/requests.json`, { ...VALID, ...PERSONAL });
        const id = res.body[0]!.service_request_id;
        assert.ok(!Object.values(PERSONAL).some((v) => res.text.includes(v)), 'POST answer');
        const [stored] = await keyed.database.query<Record<string, string>>(
          'SELECT email, phone, first_name, last_name, device_id, account_id FROM requests WHERE id = $1',
          [Number(id)],
        );
        assert.deepEqual(stored, PERSONAL);
        const urls = [
          `requests/${id}.json`,
          `requests/${id}.xml`,
          `requests/${id}.json?extensions=true`,
          `requests/${id}.xml?extensions=true`,
          `requests.json?service_request_id=${id}&extensions=true`,
          `requests.xml?service_request_id=${id}&extensions=true`,
          'requests.json?extensions=true',
          'requests.xml?extensions=true',
        ];
        for (const u of urls) {
          const body = (await get(`${keyed.open311}/${u}`)).text;
          assert.ok(body.includes(`>${id}<`) || body.includes(`"${id}"`), `${u} shows the request`);
          for (const [field, value] of Object.entries(PERSONAL)) {
            assert.ok(!body.includes(value), `${u} leaks ${field}`);
            assert.ok(!body.includes(`"${field}"`) && !body.includes(`<${field}>`), `${u} has a ${field} field`);
          }
        }
      });

      const rejected: Array<[name: string, fields: Record<string, string | string[]>, status: number, field: string]> = [
        ['missing service_code', { ...VALID, service_code: '' }, 400, 'service_code'],
        ['no location', { api_key: KEY, service_code: 'POTHOLE', 'attribute[SIZE]': 'LARGE' }, 400, 'address_string'],
        ['lat without long', { api_key: KEY, service_code: 'POTHOLE', lat: '41.76', 'attribute[SIZE]': 'LARGE' }, 400, 'long'],
        ['lat out of range', { ...VALID, lat: '91' }, 400, 'lat'],
        ['long out of range', { ...VALID, long: '-181.5' }, 400, 'long'],
        ['lat not a number', { ...VALID, lat: 'north' }, 400, 'lat'],
        ['missing required attribute', { ...VALID, 'attribute[SIZE]': '' }, 400, 'attribute[SIZE]'],
        ['singlevaluelist key not in list', { ...VALID, 'attribute[SIZE]': 'HUGE' }, 400, 'attribute[SIZE]'],
        [
          'multivaluelist key not in list',
          { api_key: KEY, service_code: 'SIDEWALK', address_string: '1 Main St', 'attribute[HAZARD][]': ['RAISED', 'LAVA'] },
          400,
          'attribute[HAZARD]',
        ],
        [
          'number not numeric',
          { api_key: KEY, service_code: 'BULKY', address_string: '1 Main St', 'attribute[ITEMS][]': 'MATTRESS', 'attribute[ITEM_COUNT]': 'six' },
          400,
          'attribute[ITEM_COUNT]',
        ],
        [
          'datetime not parseable',
          { api_key: KEY, service_code: 'MISSEDPU', address_string: '1 Main St', 'attribute[CART_TYPE]': 'TRASH', 'attribute[COLLECTION_DATE]': 'last Tuesday' },
          400,
          'attribute[COLLECTION_DATE]',
        ],
        ['description over 4000 characters', { ...VALID, description: 'x'.repeat(4001) }, 400, 'description'],
        ['missing api_key', { ...VALID, api_key: '' }, 403, 'api_key'],
        ['wrong api_key', { ...VALID, api_key: 'stolen' }, 403, 'api_key'],
        ['unknown service', { ...VALID, service_code: 'NOPE' }, 404, 'service_code'],
        ['unknown jurisdiction', { ...VALID, jurisdiction_id: 'boston.gov' }, 404, 'jurisdiction_id'],
      ];
      for (const [name, fields, status, field] of rejected) {
        test(`${name}: ${status} naming ${field}, in JSON and XML, and nothing stored`, async () => {
          const before = await rowCounts(keyed);
          const j = await postForm<ErrorJson>(`${keyed.open311}/requests.json`, fields);
          assert.equal(j.status, status);
          assertSchema('errors', j.body);
          assert.equal(j.body[0]!.code, status);
          assert.ok(
            j.body.some((e) => e.description.startsWith(`${field}: `)),
            `one description starts with "${field}: " — got ${JSON.stringify(j.body)}`,
          );
          const x = await postForm<string>(`${keyed.open311}/requests.xml`, fields);
          assert.equal(x.status, status);
          assert.match(x.headers.get('content-type') ?? '', /^text\/xml/);
          const errors = xmlList(parseXml(x.text), 'errors', 'error');
          assert.deepEqual(
            errors.map((e) => ({ code: Number(e.code), description: e.description })),
            j.body,
          );
          assert.deepEqual(await rowCounts(keyed), before);
        });
      }

      test('several problems are reported together', async () => {
        const res = await postForm<ErrorJson>(`${keyed.open311}/requests.json`, {
          api_key: KEY,
          service_code: 'POTHOLE',
          description: 'y'.repeat(4001),
        });
        assert.equal(res.status, 400);
        assert.deepEqual(res.body.map((e) => e.description.split(':')[0]).sort(), ['address_string', 'attribute[SIZE]', 'description']);
      });

      test('POST without a key works when no keys are configured', async () => {
        const { api_key: _unused, ...noKey } = VALID;
        const res = await postForm<Array<{ service_request_id: string }>>(`${open.open311}/requests.json`, noKey);
        assert.equal(res.status, 200);
        assertSchema('post-response', res.body);
      });
    });

    describe('media upload', () => {
      const multipart = (fields: Record<string, string>, file?: Blob, filename = 'photo.png') => {
        const form = new FormData();
        for (const [k, v] of Object.entries(fields)) form.append(k, v);
        if (file) form.append('media', file, filename);
        return form;
      };

      test('an image is stored and served back at the request media_url with its content type', async () => {
        const res = await get<Array<{ service_request_id: string }>>(`${keyed.open311}/requests.json`, {
          method: 'POST',
          body: multipart(VALID, new Blob([PNG_1X1], { type: 'image/png' })),
        });
        assert.equal(res.status, 200);
        const [r] = (await get<RequestJson[]>(`${keyed.open311}/requests/${res.body[0]!.service_request_id}.json`)).body;
        assertSchema('requests', [r]);
        assert.ok(r!.media_url?.startsWith(`${keyed.base}/media/`), r!.media_url);
        const img = await fetch(r!.media_url!);
        assert.equal(img.status, 200);
        assert.equal(img.headers.get('content-type'), 'image/png');
        assert.equal(img.headers.get('x-content-type-options'), 'nosniff');
        assert.deepEqual(Buffer.from(await img.arrayBuffer()), PNG_1X1);
      });

      test('a non-image (even labelled image/png) is 400 and nothing is stored', async () => {
        const before = await rowCounts(keyed);
        const res = await get<ErrorJson>(`${keyed.open311}/requests.json`, {
          method: 'POST',
          body: multipart(VALID, new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: 'image/png' })),
        });
        assert.equal(res.status, 400);
        assert.match(res.body[0]!.description, /^media: /);
        assert.deepEqual(await rowCounts(keyed), before);
      });

      test('an image over 10 MB is refused and nothing is stored', async () => {
        const before = await rowCounts(keyed);
        const big = new Uint8Array(10 * 1024 * 1024 + 10);
        big.set(PNG_1X1);
        const res = await get<ErrorJson>(`${keyed.open311}/requests.json`, { method: 'POST', body: multipart(VALID, new Blob([big])) });
        assert.ok(res.status === 400 || res.status === 413, String(res.status));
        assertSchema('errors', res.body);
        assert.match(res.body[0]!.description, /^media: /);
        assert.deepEqual(await rowCounts(keyed), before);
      });
    });

    describe('batch services and tokens', () => {
      test('POST answers only a token; the id appears after BATCH_DELAY_MS', async () => {
        const res = await postForm<Array<{ token: string; service_request_id?: string }>>(`${keyed.open311}/requests.json`, {
          api_key: KEY,
          service_code: 'BULKY',
          address_string: '250 Farmington Avenue',
          'attribute[ITEMS][]': ['MATTRESS', 'FURNITURE'],
          'attribute[ITEM_COUNT]': '2',
        });
        assert.equal(res.status, 200);
        assertSchema('post-response', res.body);
        const token = res.body[0]!.token;
        assert.ok(token);
        assert.equal(res.body[0]!.service_request_id, undefined);
        const early = await get<Array<{ token: string; service_request_id?: string }>>(`${keyed.open311}/tokens/${token}.json`);
        assert.equal(early.status, 200);
        assertSchema('tokens', early.body);
        assert.deepEqual(early.body, [{ token }]);
        const earlyXml = await get<string>(`${keyed.open311}/tokens/${token}.xml`);
        const earlyItem = xmlList(parseXml(earlyXml.text), 'service_requests', 'request')[0]!;
        assert.equal(earlyItem.token, token);
        assert.equal(earlyItem.service_request_id, undefined);
        await new Promise((r) => setTimeout(r, BATCH_DELAY_MS + 100));
        const later = await get<Array<{ token: string; service_request_id: string }>>(`${keyed.open311}/tokens/${token}.json`);
        assertSchema('tokens', later.body);
        const id = later.body[0]!.service_request_id;
        assert.match(id, /^\d+$/);
        const laterXml = await get<string>(`${keyed.open311}/tokens/${token}.xml`);
        assert.equal(xmlList(parseXml(laterXml.text), 'service_requests', 'request')[0]!.service_request_id, id);
        const r = await get<RequestJson[]>(`${keyed.open311}/requests/${id}.json`);
        assert.equal(r.body[0]!.service_code, 'BULKY');
      });

      test('without a delay the token resolves at once; XML POST answers <token>', async () => {
        const res = await postForm<string>(`${open.open311}/requests.xml`, {
          service_code: 'TREETRIM',
          lat: '41.77',
          long: '-72.70',
          'attribute[TREE_LOCATION]': 'STRIP',
        });
        const item = xmlList(parseXml(res.text), 'service_requests', 'request')[0]!;
        assert.ok(item.token);
        assert.equal(item.service_request_id, undefined);
        const t = await get<Array<{ token: string; service_request_id: string }>>(`${open.open311}/tokens/${String(item.token)}.json`);
        assert.match(t.body[0]!.service_request_id, /^\d+$/);
      });

      test('unknown token: 404 in JSON and XML', async () => {
        const j = await get<ErrorJson>(`${keyed.open311}/tokens/not-a-token.json`);
        assert.equal(j.status, 404);
        assert.match(j.body[0]!.description, /^token: /);
        const x = await get<string>(`${keyed.open311}/tokens/not-a-token.xml`);
        assert.equal(x.status, 404);
        assert.equal(xmlList(parseXml(x.text), 'errors', 'error')[0]!.code, '404');
      });
    });
  });
}
