import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAddresses, buildRequests, prng } from '../../server/seed.js';
import { DATABASES, describeOn, postForm, rowCounts, startTestServer } from './helpers.js';

const DAY = 86_400_000;

for (const db of DATABASES) {
  describeOn(db, 'storage', () => {
    test('first start creates and seeds; a restart keeps data and does not seed again; writes are transactional', async () => {
      const storage = await db.create();
      try {
        let server = await startTestServer(db, {}, storage);
        const seeded = await rowCounts(server);
        const [shape] = await server.database.query<{
          services: number;
          groups: number;
          addresses: number;
          oldest_days: number;
          newest_days: number;
          without_notes: number;
          open_without_expected: number;
          closed_without_notes: number;
          outside_hartford: number;
        }>(`SELECT
              (SELECT count(*) FROM services)::int AS services,
              (SELECT count(DISTINCT group_name) FROM services)::int AS groups,
              (SELECT count(*) FROM addresses WHERE zipcode LIKE '061__')::int AS addresses,
              (SELECT extract(epoch FROM now() - min(requested_at)) / 86400 FROM requests)::float8 AS oldest_days,
              (SELECT extract(epoch FROM now() - max(requested_at)) / 86400 FROM requests)::float8 AS newest_days,
              (SELECT count(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM request_notes n WHERE n.request_id = r.id))::int AS without_notes,
              (SELECT count(*) FROM requests WHERE status = 'open' AND expected_at IS NULL)::int AS open_without_expected,
              (SELECT count(*) FROM requests WHERE status = 'closed' AND status_notes IS NULL)::int AS closed_without_notes,
              (SELECT count(*) FROM requests WHERE abs(lat - 41.765) > 0.06 OR abs(lon + 72.69) > 0.06)::int AS outside_hartford`);
        assert.ok(seeded.requests >= 200 && seeded.requests <= 1000, `${seeded.requests} requests`);
        assert.ok(seeded.notes > seeded.requests);
        assert.equal(shape!.services, 16);
        assert.equal(shape!.groups, 7);
        assert.ok(shape!.addresses >= 300, `${shape!.addresses} addresses`);
        assert.ok(shape!.oldest_days > 100 && shape!.oldest_days <= 121, `oldest ${shape!.oldest_days} days`);
        assert.ok(shape!.newest_days < 3, `newest ${shape!.newest_days} days`);
        assert.equal(shape!.without_notes, 0);
        assert.equal(shape!.open_without_expected, 0);
        assert.equal(shape!.closed_without_notes, 0);
        assert.equal(shape!.outside_hartford, 0);

        const posted = await postForm<Array<{ service_request_id: string }>>(`${server.open311}/requests.json`, {
          service_code: 'GRAFFITI',
          address_string: '55 Pearl Street',
          'attribute[SURFACE]': 'SIGN',
          'attribute[OFFENSIVE]': 'NO',
        });
        const id = posted.body[0]!.service_request_id;

        // A transaction that fails half way leaves no trace.
        const before = await rowCounts(server);
        await assert.rejects(
          server.database.transaction(async (tx) => {
            await tx.query(
              `INSERT INTO requests (service_code, status, requested_at, updated_at, available_at) VALUES ('POTHOLE', 'open', now(), now(), now())`,
            );
            await tx.query('INSERT INTO no_such_table VALUES (1)');
          }),
        );
        assert.deepEqual(await rowCounts(server), before);
        await server.close();

        server = await startTestServer(db, {}, storage);
        try {
          assert.deepEqual(await rowCounts(server), { ...seeded, requests: seeded.requests + 1, notes: seeded.notes + 1 });
          const again = await fetch(`${server.open311}/requests/${id}.json`);
          assert.equal(again.status, 200);
          const next = await postForm<Array<{ service_request_id: string }>>(`${server.open311}/requests.json`, {
            service_code: 'SNOWPLOW',
            address_string: '10 Main Street',
          });
          assert.ok(Number(next.body[0]!.service_request_id) > Number(id), 'ids keep increasing across restarts');
        } finally {
          await server.close();
        }
      } finally {
        await storage.destroy();
      }
    });
  });
}

test('the seed is deterministic for a given seeding time', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const build = () => {
    const random = prng(311);
    const addresses = buildAddresses(random);
    return { addresses, ...buildRequests(random, addresses, now) };
  };
  const a = build();
  assert.deepEqual(build(), a);
  const ages = a.requests.map((r) => (now.getTime() - Date.parse(r.requested_at)) / DAY);
  assert.ok(Math.max(...ages) > 110 && Math.min(...ages) < 2);
  assert.ok(new Set(a.requests.map((r) => r.address)).size > 150, 'spread over many addresses');
  const notesOf = new Map<number, number[]>();
  for (const n of a.notes) notesOf.set(n.request_id, [...(notesOf.get(n.request_id) ?? []), Date.parse(n.datetime)]);
  for (const r of a.requests) {
    const times = notesOf.get(r.id)!;
    assert.deepEqual(times, [...times].sort((x, y) => x - y), `timeline of ${r.id} in order`);
    assert.ok(times.every((t) => t <= now.getTime()), 'no note in the future');
    assert.equal(Date.parse(r.updated_at), Math.max(...times), 'updated_datetime is the last note');
  }
});
