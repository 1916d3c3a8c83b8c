// `npm run bench:notify`: send throughput of the notify queue to a real SMTP server process.
// A 10,000-subscriber topic on a fresh store (a temp PGlite dir, or a new schema of the
// PostgreSQL server in --database-url / DATABASE_URL), one staff message published over HTTP,
// and the time until the SMTP sink (test/helpers/smtp-sink-process.mjs, its own process) has
// received all 10,000 → messages/s. The server's own worker does the sending (its timer, as in
// production). Figures only; nothing here passes or fails.
//
//   node --import tsx bench/notify-send.mjs [--subscribers 10000] [--db pglite|postgres] [--database-url URL]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { startServer } from '../server/app.ts';
import { startSmtpSink } from '../test/helpers/smtp-sink.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'pglite' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? '' },
  },
});
const n = Number(values.subscribers);
const staffToken = 'bench-staff-token-0123456789abcdef';

let dataDir;
let schema;
let databaseUrl;
if (values.db === 'postgres') {
  if (!values['database-url']) throw new Error('--db postgres needs --database-url (or DATABASE_URL / TEST_DATABASE_URL)');
  schema = `notify_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: values['database-url'] });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await admin.end();
  const u = new URL(values['database-url']);
  u.searchParams.set('options', `-c search_path=${schema}`);
  databaseUrl = u.toString();
} else {
  dataDir = mkdtempSync(join(tmpdir(), 'civic-notify-bench-'));
}

const sink = await startSmtpSink();
const server = await startServer({ port: 0, serveDemo: false, staffToken, smtpUrl: sink.url, notifyPollMs: 200, dataDir, databaseUrl });
try {
  const db = server.database;
  await db.query(
    `INSERT INTO notify_subscribers (channel, address, language, status, created_at, updated_at)
     SELECT 'email', 'resident' || g || '@example.org', CASE WHEN g % 3 = 0 THEN 'es' ELSE 'en' END, 'active', now(), now() FROM generate_series(1, $1::int) g`,
    [n],
  );
  await db.query(`INSERT INTO notify_subscriber_topics (subscriber_id, topic_id, frequency, created_at) SELECT id, 'road-closures', 'immediate', now() FROM notify_subscribers`);
  const t0 = performance.now();
  const res = await fetch(`${server.url}notify/v1/messages.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${staffToken}` },
    body: JSON.stringify({
      topic: 'road-closures',
      subject: { en: 'Main Street closed Saturday', es: 'Main Street cerrada el sábado' },
      body: { en: 'Main Street is closed between Asylum and Pearl on Saturday from 6 am to 6 pm.', es: 'Main Street está cerrada entre Asylum y Pearl el sábado de 6 a 18 h.' },
    }),
  });
  const published = await res.json();
  const tPublished = performance.now();
  if (res.status !== 202 || published.recipients !== n) throw new Error(`publish answered ${res.status} ${JSON.stringify(published)}`);
  let count = 0;
  while ((count = sink.count()) < n) await delay(100);
  const t1 = performance.now();
  const [q] = await db.query(`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS total FROM notify_queue`);
  const sample = sink.messages().slice(0, 1)[0];
  const seconds = (t1 - t0) / 1000;
  const result = {
    database: server.database.driver,
    subscribers: n,
    publish_ms: Math.round(tPublished - t0),
    all_received_s: Number(seconds.toFixed(2)),
    messages_per_s: Math.round(n / seconds),
    received: count,
    queue: q,
    list_unsubscribe: Boolean(sample?.header('List-Unsubscribe')),
  };
  console.log(JSON.stringify(result));
  console.log(`| ${result.database} | ${n} | ${result.publish_ms} ms | ${result.all_received_s} s | **${result.messages_per_s} msg/s** |`);
} finally {
  await server.close();
  await sink.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (schema) {
    const admin = new pg.Client({ connectionString: values['database-url'] });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
