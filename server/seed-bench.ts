// `npm run seed:bench -- --requests 1000000`: fills the database in DATABASE_URL (PostgreSQL)
// with the usual seeded city plus synthetic requests up to the given total, for
// `npm run bench:server -- --bbox-latency`. The synthetic requests are spread evenly over the
// past five years, oldest first as a city's table fills (ids and pages follow time), and over the
// seeded addresses (±~100 m), so the default 90-day list holds about 1 in 20 of them; they have
// no notes or attribute answers. Running it again only tops up to the total.
import { parseArgs } from 'node:util';
import { openPostgres } from './db.js';
import { createSchema } from './schema.js';
import { seed } from './seed.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '1000000' } } });
const target = Number(values.requests);
const url = process.env.DATABASE_URL;
if (!url || !Number.isSafeInteger(target) || target < 0) {
  console.error('usage: DATABASE_URL=postgres://… npm run seed:bench -- --requests 1000000');
  process.exit(2);
}

const BATCH = 100_000;
const db = await openPostgres(url);
try {
  await createSchema(db);
  await seed(db);
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM requests')) as [{ count: number }];
  let missing = target - count;
  console.error(`${count} requests; adding ${Math.max(0, missing)}`);
  const started = Date.now();
  while (missing > 0) {
    const n = Math.min(BATCH, missing);
    // Deterministic per row (hashes of the new id), so two runs build the same city.
    await db.query(
      `WITH svc AS (SELECT array_agg(service_code ORDER BY sort_order) AS codes, array_agg(agency_responsible ORDER BY sort_order) AS agencies,
                           array_agg(service_notice ORDER BY sort_order) AS notices FROM services),
            addr AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(lat ORDER BY id) AS lats, array_agg(lon ORDER BY id) AS lons,
                            array_agg(house_number || ' ' || street || ', Hartford, CT ' || zipcode ORDER BY id) AS labels,
                            array_agg(zipcode ORDER BY id) AS zips FROM addresses),
            g AS (SELECT nextval('request_id_seq') AS id, i FROM generate_series($2::int + 1, $2::int + $1::int) AS i ORDER BY i),
            h AS (SELECT id, i, ('x' || substr(md5(id::text), 1, 8))::bit(32)::int::bigint + 2147483648 AS a,
                             ('x' || substr(md5(id::text), 9, 8))::bit(32)::int::bigint + 2147483648 AS b,
                             ('x' || substr(md5(id::text), 17, 8))::bit(32)::int::bigint + 2147483648 AS c FROM g),
            r AS (SELECT h.id, h.i, 1 + (h.a % cardinality(svc.codes)) AS s, 1 + (h.b % cardinality(addr.ids)) AS ad,
                         now() - (1 - h.i / $3::float8) * interval '1826 days' AS requested_at,
                         (h.a / 65536 % 2048) / 2048.0 - 0.5 AS jlat, (h.b / 65536 % 2048) / 2048.0 - 0.5 AS jlon, h.c % 100 AS pct
                  FROM h, svc, addr)
       INSERT INTO requests (id, service_code, status, status_notes, description, agency_responsible, service_notice, requested_at,
                             updated_at, expected_at, available_at, address, address_id, zipcode, lat, lon)
       SELECT r.id, svc.codes[r.s], CASE WHEN r.pct < 80 THEN 'closed' ELSE 'open' END,
              CASE WHEN r.pct < 80 THEN 'Resolved by the crew.' END, 'Synthetic request for load tests.', svc.agencies[r.s], svc.notices[r.s],
              r.requested_at, r.requested_at + interval '2 days', CASE WHEN r.pct >= 80 THEN r.requested_at + interval '10 days' END,
              r.requested_at, addr.labels[r.ad], addr.ids[r.ad]::text, addr.zips[r.ad],
              round((addr.lats[r.ad] + r.jlat * 0.002)::numeric, 6)::float8, round((addr.lons[r.ad] + r.jlon * 0.002)::numeric, 6)::float8
       FROM r, svc, addr ORDER BY r.i`,
      [n, target - count - missing, target - count],
    );
    missing -= n;
    console.error(`  ${target - missing} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  // Sets the visibility map too, which index-only scans need (autovacuum would, later).
  await db.query('VACUUM ANALYZE requests');
} finally {
  await db.close();
}
