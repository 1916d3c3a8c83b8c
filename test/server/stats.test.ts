/// <reference lib="dom" />
// The DOM lib: this test drives the browser client (Open311Client, whose XML reader names DOM types) from Node.
// The `statistics` extension: the report card computed in SQL must equal the browser's
// computation from `GET requests` on the same data (src/api/report-card.ts), on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Open311Client } from '../../src/api/open311.js';
import type { CivicBackend } from '../../src/api/backend.js';
import { loadReportCard } from '../../src/api/report-card-source.js';
import type { ReportCard } from '../../src/api/report-card.js';
import { DATABASES, describeOn, get, parseXml, startTestServer, type TestServer } from './helpers.js';

type ErrorJson = Array<{ code: number; description: string }>;

for (const db of DATABASES) {
  describeOn(db, 'statistics extension', () => {
    let server: TestServer;
    let client: Open311Client;
    /** The same server seen as one without the extension: the browser computes from `requests`. */
    let computing: CivicBackend;
    before(async () => {
      server = await startTestServer(db);
      client = new Open311Client({ endpoint: server.open311 });
      computing = {
        supports: (e) => client.supports(e),
        requests: (q) => client.requests(q),
      } as CivicBackend;
    });
    after(async () => {
      await server?.stop();
    });

    async function bothPaths(windowDays: number): Promise<{ sql: ReportCard; browser: ReportCard }> {
      assert.equal(await client.supports('statistics'), true);
      const sql = await client.statistics(windowDays);
      const browser = await loadReportCard(computing, {
        windowDays,
        now: new Date(sql.computed_at),
        serviceLevels: sql.service_levels,
        pageSize: 100,
      });
      return { sql, browser };
    }

    test('discovery announces statistics, in JSON and XML', async () => {
      const json = await get<{ endpoints: Array<{ extensions: string[] }> }>(`${server.open311}/discovery.json`);
      assert.ok(json.body.endpoints[0]!.extensions.includes('statistics'));
      const xml = await get<string>(`${server.open311}/discovery.xml`);
      assert.match(xml.text, /<extension>statistics<\/extension>/);
    });

    for (const windowDays of [30, 90, 365]) {
      test(`over ${windowDays} days the SQL figures equal the browser's computed from GET requests`, async () => {
        const { sql, browser } = await bothPaths(windowDays);
        assert.equal(sql.source, 'statistics');
        assert.equal(browser.source, 'requests');
        assert.deepEqual({ ...browser, source: 'statistics' }, sql);
        // The seeded city is big enough for the comparison to mean something.
        assert.ok(sql.all.received > 50, `received ${sql.all.received}`);
        assert.ok(sql.all.days_to_close && sql.all.days_to_acknowledge && sql.all.on_time_share !== null);
        assert.ok(sql.categories.length >= 10);
      });
    }

    test('over 365 days some categories have enough data and some do not', async () => {
      const sql = await client.statistics(365);
      assert.ok(sql.categories.some((c) => c.enough_data && c.on_time_share !== null));
      assert.ok(sql.categories.some((c) => !c.enough_data && c.on_time_share === null && c.days_to_close === null));
    });

    test('counts match the database directly, and every category names its service', async () => {
      const sql = await client.statistics(90);
      const [row] = await server.database.query<{ received: number; closed: number }>(
        `SELECT count(*)::int AS received, (count(*) FILTER (WHERE status = 'closed'))::int AS closed
         FROM requests WHERE requested_at >= $1 AND requested_at <= $2`,
        [new Date(sql.start_date), new Date(sql.computed_at)],
      );
      assert.deepEqual([sql.all.received, sql.all.closed], [row!.received, row!.closed]);
      assert.equal(sql.categories.reduce((n, c) => n + c.received, 0), sql.all.received);
      assert.ok(sql.categories.every((c) => c.service_code && c.service_name));
    });

    test('a request worked on after it closed counts as reopened, on both paths', async () => {
      const [closed] = await server.database.query<{ id: number }>(
        `SELECT id FROM requests WHERE status = 'closed' AND requested_at > now() - interval '20 days' ORDER BY id LIMIT 1`,
      );
      const before = await client.statistics(30);
      await server.database.query(
        `INSERT INTO request_notes (request_id, datetime, type, summary) VALUES ($1, now(), 'inspected', 'Inspected again')`,
        [closed!.id],
      );
      const { sql, browser } = await bothPaths(30);
      assert.equal(sql.all.reopened, (before.all.reopened ?? 0) + 1);
      assert.deepEqual({ ...browser, source: 'statistics' }, sql);
    });

    describe('bad input', () => {
      for (const value of ['0', 'abc', '4000', '1.5', '-3']) {
        test(`window_days=${value} is a 400 naming window_days`, async () => {
          const res = await get<ErrorJson>(`${server.open311}/statistics.json?window_days=${value}`);
          assert.equal(res.status, 400);
          assert.match(res.body[0]!.description, /^window_days: /);
        });
      }

      test('statistics.xml is a 404 in XML, pointing to statistics.json', async () => {
        const res = await get<string>(`${server.open311}/statistics.xml`);
        assert.equal(res.status, 404);
        const xml = parseXml(res.text) as { errors: { error: Array<{ description: string }> } };
        assert.match(xml.errors.error[0]!.description, /statistics\.json/);
      });

      test('another jurisdiction is a 404', async () => {
        const res = await get<ErrorJson>(`${server.open311}/statistics.json?jurisdiction_id=elsewhere.gov`);
        assert.equal(res.status, 404);
        assert.match(res.body[0]!.description, /^jurisdiction_id: /);
      });
    });
  });
}
