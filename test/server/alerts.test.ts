import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DATABASES, describeOn, get, postForm, startTestServer, type TestServer } from './helpers.js';

const TOKEN = 'staff-secret-7c1e';
const HOUR = 3_600_000;
const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const NWS_FIXTURE = readFileSync(new URL('../api/fixtures/alerts/nws-point.json', import.meta.url), 'utf8');

interface AlertJson {
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  references: Array<{ sender: string; identifier: string; sent: string }>;
  emergency: boolean;
  info: Array<Record<string, unknown> & { language: string; headline: string; expires: string }>;
}
interface Active {
  alerts: AlertJson[];
}
interface ServiceJson {
  service_code: string;
  service_name: string;
  group?: string;
}

function postJson<T = unknown>(url: string, body: unknown, token: string | null = TOKEN) {
  return get<T>(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A GET whose body is not parsed (a 304 has none). */
async function raw(url: string, init?: RequestInit): Promise<{ status: number; headers: Headers; text: string }> {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const info = (extra: Record<string, unknown> = {}) => ({
  language: 'en-US',
  category: ['Infra'],
  event: 'Water Main Break',
  urgency: 'Expected',
  severity: 'Moderate',
  certainty: 'Observed',
  expires: later(6 * HOUR),
  headline: 'Boil water notice for the North End',
  instruction: 'Boil tap water for one minute before drinking.',
  areaDesc: 'North End',
  ...extra,
});

async function counts(server: TestServer): Promise<{ alerts: number; emergencies: number; services: number }> {
  const [row] = await server.database.query<{ alerts: number; emergencies: number; services: number }>(
    `SELECT (SELECT count(*) FROM alerts)::int AS alerts, (SELECT count(*) FROM emergencies)::int AS emergencies, (SELECT count(*) FROM services)::int AS services`,
  );
  return row!;
}

/** CAP 1.2 `alert` and `info` element order (the schema's xs:sequence), for the elements we publish. */
const ALERT_ORDER = ['identifier', 'sender', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code', 'note', 'references', 'incidents', 'info'];
const INFO_ORDER = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area'];
const REQUIRED_ALERT = ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope'];
const REQUIRED_INFO = ['category', 'event', 'urgency', 'severity', 'certainty'];

type Ordered = Array<Record<string, unknown>>;
const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false });
const names = (nodes: Ordered) => nodes.map((n) => Object.keys(n).find((k) => k !== ':@' && k !== '#text')!).filter(Boolean);
const childrenOf = (nodes: Ordered, name: string) => nodes.filter((n) => name in n).map((n) => n[name] as Ordered);

function assertInOrder(seen: string[], order: string[], where: string): void {
  const idx = seen.map((n) => order.indexOf(n));
  assert.ok(idx.every((i) => i >= 0), `${where}: unknown element in ${seen.join(',')}`);
  assert.deepEqual([...idx].sort((a, b) => a - b), idx, `${where}: elements out of CAP order: ${seen.join(',')}`);
}

for (const db of DATABASES) describeOn(db, 'alerts contract /alerts/v1', () => {
  let server: TestServer;
  let nws: Server;
  let nwsUrl: string;
  const nwsCalls: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  let nwsDown = false;

  before(async () => {
    nws = createServer((req, res) => {
      nwsCalls.push({ url: req.url ?? '', headers: req.headers });
      if (nwsDown) return void res.writeHead(503).end('down');
      res.writeHead(200, { 'Content-Type': 'application/geo+json' }).end(NWS_FIXTURE);
    });
    await new Promise<void>((r) => nws.listen(0, '127.0.0.1', () => r()));
    nwsUrl = `http://127.0.0.1:${(nws.address() as AddressInfo).port}`;
    server = await startTestServer(db, {
      staffToken: TOKEN,
      nwsUrl,
      nwsZones: 'CTZ002',
      nwsPoints: ['41.7637,-72.6851'],
      nwsContact: 'webmaster@hartford.example',
      corsOrigins: 'https://www.hartfordct.gov',
    });
  });
  after(async () => {
    await server?.stop();
    await new Promise((r) => nws?.close(r));
  });

  const url = (path: string) => `${server.base}/alerts/v1/${path}`;

  describe('staff authentication', () => {
    test('401 with a Bearer challenge without a token, 403 with a wrong one; nothing stored', async () => {
      const before = await counts(server);
      const none = await postJson<{ errors: Array<{ description: string }> }>(url('alerts.json'), { info: [info()] }, null);
      assert.equal(none.status, 401);
      assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.match(none.body.errors[0]!.description, /^authorization: /);
      const wrong = await postJson(url('alerts.json'), { info: [info()] }, 'not-the-token');
      assert.equal(wrong.status, 403);
      const emergency = await postJson(url('emergency.json'), { action: 'end' }, 'not-the-token');
      assert.equal(emergency.status, 403);
      assert.deepEqual(await counts(server), before);
    });

    test('a server without STAFF_TOKEN refuses every staff call', async () => {
      const bare = await startTestServer(DATABASES[0]!);
      try {
        const res = await postJson(`${bare.base}/alerts/v1/alerts.json`, { info: [info()] }, 'anything');
        assert.equal(res.status, 403);
        assert.equal((await counts(bare)).alerts, 0);
      } finally {
        await bare.stop();
      }
    });
  });

  describe('bad input: 400 naming each field, nothing stored', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['not JSON', '{"info": [', /^body: /],
      ['not an object', '[1,2]', /^body: /],
      ['no info', { msgType: 'Alert' }, /^info: /],
      ['unknown severity', { info: [info({ severity: 'Catastrophic' })] }, /^info\[0\]\.severity: Use one of Extreme/],
      ['expiry in the past', { info: [info({ expires: '2020-01-01T00:00:00Z' })] }, /^info\[0\]\.expires: The expiry must be in the future/],
      ['no expiry', { info: [info({ expires: undefined })] }, /^info\[0\]\.expires: Enter a date/],
      ['no headline', { info: [info({ headline: '' })] }, /^info\[0\]\.headline: /],
      ['a web link that is not http', { info: [info({ web: 'javascript:alert(1)' })] }, /^info\[0\]\.web: /],
      ['the same language twice', { info: [info(), info()] }, /^info: Give each language once/],
      ['an Update naming nothing', { msgType: 'Update', info: [info()] }, /^references: /],
      ['an Update of an unknown alert', { msgType: 'Update', references: ['nope'], info: [info()] }, /^references: No alert in force with identifier nope/],
      ['an unknown msgType', { msgType: 'Ack', info: [info()] }, /^msgType: /],
      ['a polygon of three points', { info: [info({ areaDesc: 'Downtown', polygon: '41.77,-72.69 41.77,-72.66 41.77,-72.69' })] }, /^info\[0\]\.polygon: A polygon needs at least four/],
      ['a polygon that does not close', { info: [info({ areaDesc: 'Downtown', polygon: '41.77,-72.69 41.77,-72.66 41.75,-72.66 41.75,-72.69' })] }, /^info\[0\]\.polygon: A polygon must end where it starts/],
      ['a polygon point off the globe', { info: [info({ areaDesc: 'Downtown', polygon: ['41.77,-72.69 95,-72.66 41.75,-72.66 41.77,-72.69'] })] }, /^info\[0\]\.polygon\[0\]: "95,-72.66" is not a "lat,lon" pair/],
      ['a circle without a radius', { info: [info({ areaDesc: 'Park', circle: '41.76,-72.68' })] }, /^info\[0\]\.circle: A circle is "lat,lon radius"/],
      ['a polygon that is not text', { info: [info({ areaDesc: 'Downtown', polygon: [[41.77, -72.69]] })] }, /^info\[0\]\.polygon\[0\]: Use CAP text, for example "41\.77,-72\.69 41\.77/],
      ['a circle without words', { info: [info({ areaDesc: undefined, circle: '41.76,-72.68 1.5' })] }, /^info\[0\]\.areaDesc: Describe the area in words too/],
    ];
    for (const [name, body, message] of cases) {
      test(name, async () => {
        const before = await counts(server);
        const res = await postJson<{ errors: Array<{ code: number; description: string }> }>(url('alerts.json'), body);
        assert.equal(res.status, 400, res.text);
        assert.match(res.body.errors.map((e) => e.description).join('\n'), message);
        assert.deepEqual(await counts(server), before);
      });
    }

    test('every problem at once, so staff fix them in one go', async () => {
      const res = await postJson<{ errors: Array<{ description: string }> }>(url('alerts.json'), { info: [{ urgency: 'Soon' }] });
      assert.equal(res.status, 400);
      const fields = res.body.errors.map((e) => e.description.split(':')[0]);
      for (const f of ['info[0].event', 'info[0].headline', 'info[0].urgency', 'info[0].severity', 'info[0].certainty', 'info[0].expires']) assert.ok(fields.includes(f), f);
    });

    test('a body over 200 KB: 413, nothing stored', async () => {
      const before = await counts(server);
      const res = await postJson<{ errors: Array<{ description: string }> }>(url('alerts.json'), { info: [info({ description: 'x'.repeat(210_000) })] });
      assert.equal(res.status, 413);
      assert.match(res.body.errors[0]!.description, /^body: /);
      assert.deepEqual(await counts(server), before);
    });

    test('a JSON body without the JSON content type', async () => {
      const res = await get(url('alerts.json'), { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' }, body: '{}' });
      assert.equal(res.status, 400);
    });
  });

  describe('issue, update, cancel', () => {
    let first: AlertJson;

    test('an issued alert is listed with its CAP fields, in both languages', async () => {
      const res = await postJson<{ alert: AlertJson }>(url('alerts.json'), {
        info: [info(), info({ language: 'es-US', headline: 'Aviso de hervir el agua en el North End', event: 'Rotura de tubería' })],
      });
      assert.equal(res.status, 201, res.text);
      first = res.body.alert;
      assert.match(first.identifier, /^hartford\.ct\.us-/);
      assert.equal(first.sender, 'alerts@hartford.ct.us');
      assert.match(first.sent, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      const active = await get<Active>(url('active.json'));
      assert.equal(active.status, 200);
      const listed = active.body.alerts.find((a) => a.identifier === first.identifier)!;
      assert.deepEqual(
        { status: listed.status, msgType: listed.msgType, scope: listed.scope, emergency: listed.emergency, languages: listed.info.map((i) => i.language) },
        { status: 'Actual', msgType: 'Alert', scope: 'Public', emergency: false, languages: ['en-US', 'es-US'] },
      );
      assert.deepEqual(listed.info[0]!.area, [{ areaDesc: 'North End' }]);
      assert.equal(listed.info[0]!.severity, 'Moderate');
    });

    test('ETag: the same list answers 304 to If-None-Match, a change gives a new tag', async () => {
      const a = await get(url('active.json'));
      const etag = a.headers.get('etag')!;
      assert.ok(etag);
      assert.equal(a.headers.get('cache-control'), 'no-cache');
      const again = await raw(url('active.json'), { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      const xml = await get(url('active.xml'));
      assert.notEqual(xml.headers.get('etag'), etag);
      assert.equal((await raw(url('active.xml'), { headers: { 'If-None-Match': xml.headers.get('etag')! } })).status, 304);
      const minor = await postJson<{ alert: AlertJson }>(url('alerts.json'), { info: [info({ headline: 'Leaf pickup delayed', severity: 'Minor' })] });
      assert.equal(minor.status, 201);
      const changed = await raw(url('active.json'), { headers: { 'If-None-Match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
    });

    test('an Update replaces what it references (CAP triple), a Cancel removes it and is not listed', async () => {
      const update = await postJson<{ alert: AlertJson }>(url('alerts.json'), {
        msgType: 'Update',
        references: [first.identifier],
        info: [info({ headline: 'Boil water notice extended to Downtown' })],
      });
      assert.equal(update.status, 201, update.text);
      assert.deepEqual(update.body.alert.references, [{ sender: first.sender, identifier: first.identifier, sent: first.sent }]);
      let ids = (await get<Active>(url('active.json'))).body.alerts.map((a) => a.identifier);
      assert.ok(!ids.includes(first.identifier));
      assert.ok(ids.includes(update.body.alert.identifier));
      // The replaced alert is no longer in force: it cannot be updated again.
      const stale = await postJson(url('alerts.json'), { msgType: 'Cancel', references: [first.identifier] });
      assert.equal(stale.status, 400);
      const cancel = await postJson<{ alert: AlertJson }>(url('alerts.json'), { msgType: 'Cancel', references: [update.body.alert.identifier] });
      assert.equal(cancel.status, 201, cancel.text);
      ids = (await get<Active>(url('active.json'))).body.alerts.map((a) => a.identifier);
      assert.ok(!ids.includes(update.body.alert.identifier));
      assert.ok(!ids.includes(cancel.body.alert.identifier));
    });

    test('expired alerts, expired language blocks, drills and tests are never listed', async () => {
      const past = new Date(Date.now() - HOUR).toISOString();
      const future = later(HOUR);
      const rows: Array<[string, string, string, string]> = [
        ['expired-1', 'Actual', JSON.stringify([{ ...info({ expires: past }), area: [] }]), past],
        ['drill-1', 'Exercise', JSON.stringify([{ ...info({ expires: future }), area: [] }]), future],
        ['test-1', 'Test', JSON.stringify([{ ...info({ expires: future }), area: [] }]), future],
        ['half-1', 'Actual', JSON.stringify([{ ...info({ expires: past }), area: [] }, { ...info({ language: 'es-US', expires: future }), area: [] }]), future],
      ];
      for (const [id, status, infoJson, expires] of rows) {
        await server.database.query(
          `INSERT INTO alerts (identifier, sender, sent, status, msg_type, info, expires) VALUES ($1, 'alerts@hartford.ct.us', now(), $2, 'Alert', $3, $4)`,
          [id, status, infoJson, expires],
        );
      }
      const active = (await get<Active>(url('active.json'))).body.alerts;
      const ids = active.map((a) => a.identifier);
      for (const gone of ['expired-1', 'drill-1', 'test-1']) assert.ok(!ids.includes(gone), gone);
      assert.deepEqual(active.find((a) => a.identifier === 'half-1')!.info.map((i) => i.language), ['es-US']);
      const xml = (await get<string>(url('active.xml'))).text;
      for (const gone of ['expired-1', 'drill-1', 'test-1']) assert.ok(!xml.includes(`<identifier>${gone}<`), gone);
    });
  });

  describe('active.xml: an Atom feed of CAP 1.2 alerts', () => {
    test('well-formed, in the Atom and CAP namespaces, every element in CAP order', async () => {
      await postJson(url('alerts.json'), {
        info: [
          info({ headline: 'Tornado warning <until 9:30> & more', severity: 'Extreme', urgency: 'Immediate', effective: later(0), onset: later(60_000), web: 'https://example.org/a?b=1&c=2', description: 'Go inside.' }),
          info({ language: 'es-US', headline: 'Aviso de tornado', severity: 'Extreme' }),
        ],
      });
      const inPark = await postJson(url('alerts.json'), {
        info: [info({ headline: 'Flooding in the park', areaDesc: 'Bushnell Park', polygon: ' 41.765,-72.69  41.765,-72.68 41.76,-72.68 41.765,-72.69 ', circle: ['41.7637,-72.6851 0.5'] })],
      });
      assert.equal(inPark.status, 201, inPark.text);
      const res = await get<string>(url('active.xml'));
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
      assert.equal(XMLValidator.validate(res.text), true);
      const doc = orderedParser.parse(res.text) as Ordered;
      const feed = doc.find((n) => 'feed' in n)!;
      assert.equal((feed[':@'] as Record<string, string>)['@_xmlns'], 'http://www.w3.org/2005/Atom');
      const entries = childrenOf(feed.feed as Ordered, 'entry');
      assert.ok(entries.length >= 2);
      for (const entry of entries) {
        for (const f of ['id', 'title', 'updated', 'content']) assert.ok(names(entry).includes(f), f);
        const content = entry.find((n) => 'content' in n)!;
        const alert = (content.content as Ordered).find((n) => 'alert' in n)!;
        assert.equal((alert[':@'] as Record<string, string>)['@_xmlns'], 'urn:oasis:names:tc:emergency:cap:1.2');
        const alertChildren = names(alert.alert as Ordered);
        assertInOrder(alertChildren, ALERT_ORDER, 'alert');
        for (const r of REQUIRED_ALERT) assert.ok(alertChildren.includes(r), `alert.${r}`);
        for (const block of childrenOf(alert.alert as Ordered, 'info')) {
          const infoChildren = names(block);
          assertInOrder(infoChildren, INFO_ORDER, 'info');
          for (const r of REQUIRED_INFO) assert.ok(infoChildren.includes(r), `info.${r}`);
        }
      }
      assert.ok(res.text.includes('Tornado warning &lt;until 9:30&gt; &amp; more'));
      const withArea = childrenOf(feed.feed as Ordered, 'entry').flatMap((entry) => {
        const alert = ((entry.find((n) => 'content' in n)!.content as Ordered).find((n) => 'alert' in n)!.alert as Ordered);
        return childrenOf(alert, 'info').flatMap((block) => childrenOf(block, 'area'));
      });
      assert.ok(withArea.length > 0, 'an alert with an area');
      for (const area of withArea) assertInOrder(names(area), ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'], 'area');
      assert.ok(res.text.includes('<area><areaDesc>Bushnell Park</areaDesc><polygon>41.765,-72.69 41.765,-72.68 41.76,-72.68 41.765,-72.69</polygon><circle>41.7637,-72.6851 0.5</circle></area>'));
      // CAP datetimes have an offset and never "Z".
      for (const m of res.text.matchAll(/<(sent|effective|onset|expires)>([^<]+)</g)) assert.match(m[2]!, /[+-]\d{2}:\d{2}$/);
    });
  });

  describe('NWS relay', () => {
    test('relays a configured zone with an identifying User-Agent, and caches it briefly', async () => {
      nwsCalls.length = 0;
      const a = await raw(url('nws/active?zone=ctz002'));
      assert.equal(a.status, 200, a.text);
      assert.equal(JSON.parse(a.text).features.length, 4);
      assert.match(a.headers.get('content-type') ?? '', /geo\+json/);
      assert.equal(nwsCalls.length, 1);
      assert.equal(nwsCalls[0]!.url, '/alerts/active?zone=CTZ002');
      assert.match(String(nwsCalls[0]!.headers['user-agent']), /civic-elements.*webmaster@hartford\.example/);
      const b = await raw(url('nws/active?zone=CTZ002'), { headers: { 'If-None-Match': a.headers.get('etag')! } });
      assert.equal(b.status, 304);
      assert.equal(nwsCalls.length, 1);
    });

    test('relays a configured point, with four decimals', async () => {
      nwsCalls.length = 0;
      const res = await raw(url('nws/active?point=41.7637,-72.6851'));
      assert.equal(res.status, 200);
      assert.equal(nwsCalls[0]!.url, '/alerts/active?point=41.7637,-72.6851');
    });

    test('refuses anything else: no open proxy', async () => {
      nwsCalls.length = 0;
      assert.equal((await get(url('nws/active?zone=NYZ072'))).status, 404);
      assert.equal((await get(url('nws/active?point=40.7,-74.0'))).status, 404);
      assert.equal((await get(url('nws/active'))).status, 400);
      assert.equal(nwsCalls.length, 0);
    });

    test('the NWS down and nothing cached: 502 in the contract’s error format', async () => {
      nwsDown = true;
      try {
        const other = await startTestServer(DATABASES[0]!, { nwsUrl, nwsZones: 'CTZ003' });
        try {
          const res = await get<{ errors: Array<{ code: number; description: string }> }>(`${other.base}/alerts/v1/nws/active?zone=CTZ003`);
          assert.equal(res.status, 502);
          assert.match(res.body.errors[0]!.description, /^nws: /);
        } finally {
          await other.stop();
        }
      } finally {
        nwsDown = false;
      }
    });
  });

  test('CORS: a city page may read the ETag', async () => {
    const res = await get(url('active.json'), { headers: { Origin: 'https://www.hartfordct.gov' } });
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://www.hartfordct.gov');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag/);
  });
});

for (const db of DATABASES) describeOn(db, 'emergency mode', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(db, { staffToken: TOKEN });
  });
  after(async () => server?.stop());

  const url = (path: string) => `${server.base}/alerts/v1/${path}`;
  const services = async (format: 'json' | 'xml' = 'json') => get<ServiceJson[]>(`${server.open311}/services.${format}`);
  const everyday = async () => (await services()).body.map((s) => s.service_code);
  let normal: string[];

  test('before: no emergency, no storm services, discovery says nothing', async () => {
    normal = await everyday();
    assert.ok(normal.length > 5);
    assert.ok(!normal.some((c) => c.startsWith('STORM_')));
    assert.deepEqual((await get(url('emergency.json'))).body, { emergency: null });
    const discovery = await get<Record<string, unknown>>(`${server.open311}/discovery.json`);
    assert.ok(!('emergency' in discovery.body));
  });

  test('bad starts: 400 naming the field, nothing stored', async () => {
    const before = await counts(server);
    const cases: Array<[unknown, RegExp]> = [
      [{ action: 'begin' }, /^action: /],
      [{ action: 'start', ends: later(HOUR) }, /^name: /],
      [{ action: 'start', name: 'Elsa', ends: '2020-01-01T00:00:00Z' }, /^ends: The end must be in the future/],
      [{ action: 'start', name: 'Elsa', ends: later(HOUR), everyday: 'shuffle' }, /^everyday: /],
      [{ action: 'start', name: 'Elsa', ends: later(HOUR), categories: [{ service_code: 'bad code!', service_name: 'X' }] }, /^categories\[0\]\.service_code: /],
    ];
    for (const [body, message] of cases) {
      const res = await postJson<{ errors: Array<{ description: string }> }>(url('emergency.json'), body);
      assert.equal(res.status, 400, res.text);
      assert.match(res.body.errors[0]!.description, message);
    }
    assert.equal((await postJson(url('emergency.json'), { action: 'end' })).status, 409);
    assert.deepEqual(await counts(server), before);
    assert.deepEqual(await everyday(), normal);
  });

  test('start: the storm categories come first in one group, everyday ones after; discovery and the alert say so', async () => {
    const res = await postJson<{ emergency: { name: string; service_codes: string[]; alert: string } }>(url('emergency.json'), {
      action: 'start',
      name: 'Tropical Storm Elsa',
      ends: later(2 * HOUR),
    });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.emergency.service_codes, ['STORM_DEBRIS', 'STORM_FLOOD', 'STORM_POWERLINE', 'STORM_TREE']);
    const list = (await services()).body;
    assert.deepEqual(list.slice(0, 4).map((s) => s.service_code), ['STORM_TREE', 'STORM_FLOOD', 'STORM_DEBRIS', 'STORM_POWERLINE']);
    assert.ok(list.slice(0, 4).every((s) => s.group === 'Tropical Storm Elsa'));
    assert.match(list[3]!.service_name, /call the utility and 911/);
    assert.deepEqual(list.slice(4).map((s) => s.service_code), normal);
    const xml = (await services('xml')).text;
    assert.ok(xml.indexOf('<service_code>STORM_TREE</service_code>') < xml.indexOf(`<service_code>${normal[0]}</service_code>`));
    const discovery = await get<{ emergency: { name: string; group: string; alert: string } }>(`${server.open311}/discovery.json`);
    assert.equal(discovery.body.emergency.name, 'Tropical Storm Elsa');
    assert.equal(discovery.body.emergency.alert, res.body.emergency.alert);
    assert.match((await get(`${server.open311}/discovery.xml`)).text, /<emergency><name>Tropical Storm Elsa<\/name>/);
    const alerts = (await get<Active>(url('active.json'))).body.alerts;
    const alert = alerts.find((a) => a.identifier === res.body.emergency.alert)!;
    assert.equal(alert.emergency, true);
    assert.deepEqual(alert.info.map((i) => i.headline), ['Emergency: Tropical Storm Elsa', 'Emergencia: Tropical Storm Elsa']);
    const report = await postForm<Array<{ service_request_id: string }>>(`${server.open311}/requests.json`, {
      service_code: 'STORM_TREE',
      lat: '41.7637',
      long: '-72.6851',
      description: 'Oak across the road.',
    });
    assert.equal(report.status, 200, report.text);
    assert.equal((await get(`${server.open311}/services/STORM_TREE.json`)).status, 200);
    assert.equal((await postJson(url('emergency.json'), { action: 'start', name: 'Another', ends: later(HOUR) })).status, 409);
  });

  test('end: everything returns to normal, and storm categories take no new requests', async () => {
    const res = await postJson(url('emergency.json'), { action: 'end' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(await everyday(), normal);
    assert.ok(!(await get<Active>(url('active.json'))).body.alerts.some((a) => a.emergency));
    assert.ok(!('emergency' in (await get<Record<string, unknown>>(`${server.open311}/discovery.json`)).body));
    const late = await postForm(`${server.open311}/requests.json`, { service_code: 'STORM_TREE', lat: '41.7637', long: '-72.6851', description: 'x' });
    assert.equal(late.status, 404);
    assert.equal((await get(`${server.open311}/services/STORM_TREE.json`)).status, 404);
    // The request made during the storm is still there to track.
    const list = await get<Array<{ service_code: string }>>(`${server.open311}/requests.json?service_code=STORM_TREE`);
    assert.equal(list.body.length, 1);
  });

  test('“hide” lists only the storm categories, and the emergency ends by itself at its end time', async () => {
    const res = await postJson<{ emergency: { alert: string } }>(url('emergency.json'), {
      action: 'start',
      name: 'Winter Storm Kenan',
      ends: later(HOUR),
      everyday: 'hide',
      categories: [{ service_code: 'STORM_PLOW', service_name: 'Street not plowed', keywords: ['snow'] }],
    });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual((await services()).body.map((s) => s.service_code), ['STORM_PLOW']);
    // Time passes: the end time is now behind us.
    await server.database.query(`UPDATE emergencies SET ends_at = now() - interval '1 second'`);
    await server.database.query(`UPDATE alerts SET expires = now() - interval '1 second' WHERE identifier = $1`, [res.body.emergency.alert]);
    assert.deepEqual(await everyday(), normal);
    assert.deepEqual((await get(url('emergency.json'))).body, { emergency: null });
    assert.ok(!(await get<Active>(url('active.json'))).body.alerts.some((a) => a.identifier === res.body.emergency.alert));
  });
});
