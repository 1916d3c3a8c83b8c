// What a resident meets on a first visit, on the backend side: the demo geocoder finds every
// address the demo shows, a typed address alone is accepted (except where a service demands the
// exact spot), and backend content answers in the resident's language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES, describeOn, get, postForm, rowCounts, startTestServer, type TestServer } from './helpers.js';

interface Place {
  place_id: number;
  lat: string;
  lon: string;
  name: string;
  display_name: string;
  address: { house_number?: string; road?: string };
}
type ErrorJson = Array<{ code: number; description: string }>;

for (const db of DATABASES) {
  describeOn(db, 'a resident\'s first visit', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db);
    });
    after(async () => {
      await server?.stop();
    });
    const search = (q: string, limit = 5) =>
      get<Place[]>(`${server.base}/geocode/search?q=${encodeURIComponent(q)}&format=jsonv2&limit=${limit}`);

    describe('demo geocoder', () => {
      test('City Hall, 550 Main Street, comes first: by its address, its name, and for "Main Street"', async () => {
        for (const q of ['550 Main Street', '550 main st', 'City Hall', 'city h', 'Main Street']) {
          const [first] = (await search(q)).body;
          assert.equal(first?.name, 'City Hall', q);
          assert.equal(first!.address.house_number, '550');
          assert.equal(first!.address.road, 'Main Street');
          assert.match(first!.display_name, /^City Hall, 550, Main Street, Hartford/);
        }
      });

      test('the corner in the address hint ("Main Street and Asylum Avenue") is found as residents write it', async () => {
        for (const q of ['Main Street and Asylum Avenue', 'Main St & Asylum Ave', 'asylum and main']) {
          const [first] = (await search(q)).body;
          assert.equal(first?.name, 'Main Street and Asylum Avenue', q);
          // A corner has no house number and no single road.
          assert.deepEqual([first!.address.house_number, first!.address.road], [undefined, undefined]);
        }
      });

      test('every seeded request\'s address is found, at that request\'s coordinates', async () => {
        const requests = await get<Array<{ address: string; lat: number; long: number }>>(`${server.base}/open311/v2/requests.json?page_size=1000`);
        assert.ok(requests.body.length > 100);
        const seen = new Set<string>();
        for (const r of requests.body) {
          if (seen.has(r.address)) continue;
          seen.add(r.address);
          const hits = (await search(r.address, 1)).body;
          assert.equal(hits.length, 1, r.address);
          assert.deepEqual([Number(hits[0]!.lat), Number(hits[0]!.lon)], [r.lat, r.long], r.address);
        }
      });
    });

    describe('location', () => {
      test('a typed address alone is enough for most services', async () => {
        const res = await postForm<Array<{ service_request_id: string }>>(`${server.open311}/requests.json`, {
          service_code: 'SNOWPLOW',
          address_string: 'Behind 12 Elm Row',
        });
        assert.equal(res.status, 200);
        const stored = await get<Array<{ address: string; lat?: number }>>(`${server.open311}/requests/${res.body[0]!.service_request_id}.json`);
        assert.equal(stored.body[0]!.address, 'Behind 12 Elm Row');
        assert.equal(stored.body[0]!.lat, undefined);
      });

      test('a service that demands the exact spot (SIGNAL) refuses an address alone with a 400 naming lat, with its other problems, and stores nothing', async () => {
        const before = await rowCounts(server);
        const alone = await postForm<ErrorJson>(`${server.open311}/requests.json`, {
          service_code: 'SIGNAL',
          address_string: 'Main and Pearl',
          'attribute[SIGNAL_PROBLEM]': 'DARK',
        });
        assert.equal(alone.status, 400);
        assert.deepEqual(alone.body.map((e) => e.description.split(':')[0]), ['lat']);
        const more = await postForm<ErrorJson>(`${server.open311}/requests.json`, { service_code: 'SIGNAL', address_string: 'Main and Pearl' });
        assert.deepEqual(more.body.map((e) => e.description.split(':')[0]).sort(), ['attribute[SIGNAL_PROBLEM]', 'lat']);
        assert.deepEqual(await rowCounts(server), before);
        const point = await postForm(`${server.open311}/requests.json`, {
          service_code: 'SIGNAL',
          lat: '41.7676',
          long: '-72.6737',
          'attribute[SIGNAL_PROBLEM]': 'DARK',
        });
        assert.equal(point.status, 200);
      });
    });
  });
}
