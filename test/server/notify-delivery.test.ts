// The notify send queue with an injected clock (the timer is off; each step is notify.tick(now)):
// a crash between send and mark, a restart, retries with backoff, bounces, the per-recipient rate
// limit, the outbox, digests on schedule, and logs that never carry an address. Email goes through
// a real SMTP server process.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { DATABASES, describeOn, get, startTestServer, type TestServer, type TestStorage } from './helpers.js';
import { STAFF, staff } from './notify-helpers.js';

const T0 = new Date('2030-01-07T11:00:00Z'); // Monday 06:00 in Hartford
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function activeSubscriber(server: TestServer, address: string, topics: Array<[string, string]>, channel = 'email'): Promise<number> {
  const [s] = await server.database.query<{ id: number }>(
    `INSERT INTO notify_subscribers (channel, address, language, status, created_at, updated_at) VALUES ($1, $2, 'en', 'active', $3, $3) RETURNING id`,
    [channel, address, T0],
  );
  for (const [topic, frequency] of topics) {
    await server.database.query('INSERT INTO notify_subscriber_topics (subscriber_id, topic_id, frequency, created_at) VALUES ($1, $2, $3, $4)', [s!.id, topic, frequency, T0]);
  }
  return s!.id;
}

const text = (en: string) => ({ en, es: `${en} (es)` });
const publish = (server: TestServer, topic: string, subject: string, when: Date) =>
  server.notify.publish({ topic, area: null, subject: text(subject), body: text(`${subject}: details.`) }, when);

async function queueStates(server: TestServer): Promise<Record<string, number>> {
  const rows = await server.database.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM notify_queue WHERE last_error IS DISTINCT FROM 'reset' GROUP BY status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Everything written to stderr/stdout and the console while `fn` runs. */
async function captureLogs(fn: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const original = { err: process.stderr.write.bind(process.stderr), out: process.stdout.write.bind(process.stdout), error: console.error, log: console.log, warn: console.warn };
  process.stderr.write = ((c: string | Uint8Array, ...rest: unknown[]) => (chunks.push(String(c)), original.err(c, ...(rest as [])))) as typeof process.stderr.write;
  console.error = (...args: unknown[]) => chunks.push(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => chunks.push(args.map(String).join(' '));
  console.log = (...args: unknown[]) => chunks.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    process.stderr.write = original.err;
    console.error = original.error;
    console.warn = original.warn;
    console.log = original.log;
  }
  return chunks.join('\n');
}

for (const db of DATABASES) {
  describeOn(db, 'notify delivery', () => {
    // One server for most tests (a PGlite start is slow on a busy machine); each test uses its
    // own addresses, and reset() stops everyone else's and forgets the queue and the digest runs.
    let sink: SmtpSink;
    let storage: TestStorage;
    let shared: TestServer;
    const options = () => ({ smtpUrl: sink.url, notifyWorker: false, staffToken: STAFF });
    before(async () => {
      sink = await startSmtpSink({ reject: 'bounce.me@example.org' });
      storage = await db.create();
      shared = await startTestServer(db, options(), storage);
    });
    after(async () => {
      await shared?.stop();
      await storage?.destroy();
      await sink?.close();
    });
    async function reset(): Promise<TestServer> {
      await shared.database.query(`UPDATE notify_subscribers SET status = 'stopped'`);
      await shared.database.query(`UPDATE notify_queue SET status = 'failed', last_error = 'reset' WHERE status IN ('queued','sending')`);
      await shared.database.query(`DELETE FROM meta WHERE key LIKE 'notify_digest_%'`);
      shared.notify.hooks = {};
      shared.notify.settings.ratePerHour = 30;
      sink.clear();
      return shared;
    }

    test('a crash between the SMTP server taking a message and the mark: after restart it is sent again with the same Message-ID; nothing lost, no second message', async () => {
      let server = await reset();
      {
        for (let i = 0; i < 5; i++) await activeSubscriber(server, `crash${i}@example.org`, [['road-closures', 'immediate']]);
        await publish(server, 'road-closures', 'Bridge closed', T0);
        let sent = 0;
        let crashed = false;
        const die = () => {
          crashed = true;
          throw new Error('simulated crash');
        };
        // The third message reaches the SMTP server and the process "dies" before marking it:
        // from then on nothing is sent or marked.
        server.notify.hooks.afterSend = () => {
          if (crashed || ++sent === 3) die();
        };
        server.notify.hooks.beforeSend = () => {
          if (crashed) die();
        };
        await assert.rejects(server.notify.tick(T0), /simulated crash/);
        const beforeRestart = sink.count();
        const states = await queueStates(server);
        assert.ok(states.sending! >= 1 && (states.sent ?? 0) + states.sending! === 5, JSON.stringify(states));
        await server.stop();
        // Restart on the same database; within the lease (60 s) nobody takes the claimed messages.
        server = shared = await startTestServer(db, options(), storage);
        await server.notify.tick(at(0.5));
        assert.deepEqual(await queueStates(server), states);
        await server.notify.tick(at(2));
        assert.deepEqual(await queueStates(server), { sent: 5 });
        const messages = await sink.waitFor(beforeRestart + states.sending!);
        const ids = new Map<string, number>();
        for (const m of messages) ids.set(m.messageId, (ids.get(m.messageId) ?? 0) + 1);
        assert.equal(ids.size, 5, 'one distinct message per subscriber: nothing lost');
        assert.ok([...ids.values()].includes(2), 'the message in flight at the crash went again…');
        assert.equal(new Set(messages.map((m) => `${m.to[0]} ${m.messageId}`)).size, 5, '…under its one Message-ID, to the same recipient');
        const queued = await server.database.query<{ message_id: string }>(`SELECT message_id FROM notify_queue WHERE last_error IS DISTINCT FROM 'reset'`);
        assert.deepEqual(new Set(queued.map((q) => q.message_id)), new Set(ids.keys()));
        const total = sink.count();
        await server.notify.tick(at(10));
        assert.equal(sink.count(), total, 'a marked message is never sent again');
      }
    });

    test('a crash after claiming and before sending: the message is sent once after the lease', async () => {
      const server = await reset();
      {
        await activeSubscriber(server, 'claimed@example.org', [['city-news', 'immediate']]);
        await publish(server, 'city-news', 'Library opens', T0);
        server.notify.hooks.beforeSend = () => {
          throw new Error('simulated crash');
        };
        await assert.rejects(server.notify.tick(T0), /simulated crash/);
        server.notify.hooks = {};
        await server.notify.tick(at(2));
        const [m] = await sink.waitFor(1);
        assert.equal(m!.subject, 'Library opens');
        await server.notify.tick(at(5));
        assert.equal(sink.count(), 1);
      }
    });

    test('SMTP down: retried with exponential backoff until it answers; a 550 is a bounce, recorded and not retried; no address in any log line or error', async () => {
      const down = await startSmtpSink();
      const port = down.port;
      await down.close();
      const server = await startTestServer(db, { smtpUrl: `smtp://127.0.0.1:${port}`, notifyWorker: false });
      let back: SmtpSink | undefined;
      try {
        const logs = await captureLogs(async () => {
          await activeSubscriber(server, 'patient.reader@example.org', [['council-agendas', 'immediate']]);
          await activeSubscriber(server, 'bounce.me@example.org', [['council-agendas', 'immediate']]);
          await publish(server, 'council-agendas', 'Agenda for Monday', T0);
          await server.notify.tick(T0);
          let rows = await server.database.query<{ status: string; attempts: number; next_attempt_at: Date; last_error: string }>(
            'SELECT status, attempts, next_attempt_at, last_error FROM notify_queue ORDER BY id',
          );
          assert.deepEqual(rows.map((r) => [r.status, r.attempts]), [['queued', 1], ['queued', 1]]);
          assert.equal(new Date(rows[0]!.next_attempt_at).getTime(), at(1).getTime(), 'first retry after 1 minute');
          await server.notify.tick(at(0.5));
          await server.notify.tick(at(1));
          rows = await server.database.query('SELECT status, attempts, next_attempt_at, last_error FROM notify_queue ORDER BY id');
          assert.equal(rows[0]!.attempts, 2);
          assert.equal(new Date(rows[0]!.next_attempt_at).getTime(), at(3).getTime(), 'then after 2 minutes');
          back = await startSmtpSink({ port, reject: 'bounce.me@example.org' });
          await server.notify.tick(at(3));
          rows = await server.database.query('SELECT status, attempts, next_attempt_at, last_error FROM notify_queue ORDER BY id');
          assert.deepEqual(rows.map((r) => r.status), ['sent', 'bounced']);
          assert.match(rows[1]!.last_error, /^SMTP 550/);
          await server.notify.tick(at(600));
          assert.equal(back.count(), 1);
          assert.equal(back.messages()[0]!.subject, 'Agenda for Monday');
        });
        assert.match(logs, /will retry/);
        assert.match(logs, /given up/);
        for (const address of ['patient.reader', 'bounce.me', 'example.org']) assert.ok(!logs.includes(address), `a log line names ${address}:\n${logs}`);
        const errors = await server.database.query<{ last_error: string | null }>('SELECT last_error FROM notify_queue');
        for (const e of errors) assert.ok(!String(e.last_error).includes('@'), String(e.last_error));
      } finally {
        await server.stop();
        await back?.close();
      }
    });

    test('at most NOTIFY_RATE_PER_HOUR messages per recipient per hour; the rest wait, emergency alerts never do', async () => {
      const server = await reset();
      server.notify.settings.ratePerHour = 3;
      {
        await activeSubscriber(server, 'busy@example.org', [['road-closures', 'immediate'], ['emergency-alerts', 'immediate']]);
        for (let i = 1; i <= 5; i++) await publish(server, 'road-closures', `Closure ${i}`, T0);
        await server.notify.tick(T0);
        await sink.waitFor(3);
        await server.notify.tick(at(30));
        assert.equal(sink.count(), 3, 'two wait for the hour to pass');
        await publish(server, 'emergency-alerts', 'Flash flood warning', at(31));
        await server.notify.tick(at(31));
        await sink.waitFor(4);
        assert.equal(sink.messages().at(-1)!.subject, 'Flash flood warning');
        await server.notify.tick(at(61));
        const all = await sink.waitFor(6);
        assert.deepEqual(
          all.map((m) => m.subject).filter((s) => s.startsWith('Closure')).sort(),
          ['Closure 1', 'Closure 2', 'Closure 3', 'Closure 4', 'Closure 5'],
        );
        const rows = await server.database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notify_queue q JOIN notify_subscribers s ON s.id = q.subscriber_id WHERE s.address = 'busy@example.org' AND q.status = 'sent'`,
        );
        assert.equal(rows[0]!.n, 6);
      }
    });

    test('daily and weekly digests at 07:00 city time, once each, with what was published since', async () => {
      const server = await reset();
      {
        await activeSubscriber(server, 'digest.reader@example.org', [['road-closures', 'daily'], ['city-news', 'weekly']]);
        await publish(server, 'road-closures', 'Elm Street closed', T0);
        await publish(server, 'road-closures', 'Oak Street closed', T0);
        await publish(server, 'city-news', 'Festival on Saturday', T0);
        await server.notify.tick(T0);
        assert.equal(sink.count(), 0, 'nothing before 07:00');
        await server.notify.tick(at(65)); // Monday 07:05
        const mails = await sink.waitFor(2);
        const daily = mails.find((m) => /daily digest/.test(m.subject))!;
        const weekly = mails.find((m) => /weekly digest/.test(m.subject))!;
        assert.match(daily.subject, /\(2\)/);
        assert.match(daily.text, /Elm Street closed[\s\S]*Oak Street closed/);
        assert.ok(!daily.text.includes('Festival'));
        assert.match(weekly.text, /Festival on Saturday/);
        assert.ok(daily.header('List-Unsubscribe'));
        await server.notify.tick(at(120));
        assert.equal(sink.count(), 2, 'one digest a day');
        await publish(server, 'road-closures', 'Pine Street closed', at(180));
        await server.notify.tick(at(24 * 60 + 2)); // Tuesday 06:02: not yet
        assert.equal(sink.count(), 2);
        await server.notify.tick(at(24 * 60 + 61)); // Tuesday 07:01
        const next = await sink.waitFor(3);
        assert.match(next[2]!.subject, /daily digest \(1\)/);
        assert.match(next[2]!.text, /Pine Street closed/);
      }
    });

    test('without SMTP_URL messages go to the outbox, exactly once, which staff read at /notify/v1/outbox.json', async () => {
      const server = await startTestServer(db, { notifyWorker: false, staffToken: STAFF });
      try {
        await activeSubscriber(server, 'outbox.reader@example.org', [['trash-schedule', 'immediate']]);
        await publish(server, 'trash-schedule', 'No pickup on Thursday', T0);
        await server.notify.tick(T0);
        await server.notify.tick(at(5));
        const res = await get<{ messages: Array<{ to: string; subject: string; text: string; headers: Record<string, string>; channel: string }> }>(
          `${server.base}/notify/v1/outbox.json`,
          { headers: staff },
        );
        assert.equal(res.status, 200);
        assert.equal(res.body.messages.length, 1);
        const [m] = res.body.messages;
        assert.equal(m!.to, 'outbox.reader@example.org');
        assert.equal(m!.subject, 'No pickup on Thursday');
        assert.match(m!.headers['List-Unsubscribe']!, /^<http:\/\/127\.0\.0\.1:\d+\/notify\/v1\/unsubscribe\/[A-Za-z0-9_-]{43}>$/);
        assert.equal(m!.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
        assert.deepEqual(await queueStates(server), { sent: 1 });
      } finally {
        await server.stop();
      }
    });

    test('an area-limited message reaches subscribers whose area meets it, and those without an area', async () => {
      const server = await reset();
      {
        const near = await activeSubscriber(server, 'near@example.org', [['road-closures', 'immediate']]);
        const far = await activeSubscriber(server, 'far@example.org', [['road-closures', 'immediate']]);
        await activeSubscriber(server, 'citywide@example.org', [['road-closures', 'immediate']]);
        await server.database.query('UPDATE notify_subscribers SET area_lat = 41.7658, area_lon = -72.6734, area_radius_m = 500 WHERE id = $1', [near]);
        await server.database.query('UPDATE notify_subscribers SET area_lat = 41.7300, area_lon = -72.6880, area_radius_m = 500 WHERE id = $1', [far]);
        const r = await server.notify.publish({ topic: 'road-closures', area: { lat: 41.766, lon: -72.674, radius_m: 300 }, subject: text('Downtown closure'), body: text('Main St') }, T0);
        assert.equal(r.immediate, 2);
        await server.notify.tick(T0);
        const mails = await sink.waitFor(2);
        assert.deepEqual(mails.map((m) => m.to[0]).sort(), ['citywide@example.org', 'near@example.org']);
      }
    });

    if (db.name === 'PostgreSQL') {
      test('two servers on one PostgreSQL database share the queue (FOR UPDATE SKIP LOCKED): each message once', async () => {
        await reset();
        const a = shared;
        const b = await startTestServer(db, options(), storage);
        try {
          for (let i = 0; i < 300; i++) await activeSubscriber(a, `shared${i}@example.org`, [['city-news', 'immediate']]);
          await publish(a, 'city-news', 'Shared queue', T0);
          await Promise.all([a.notify.tick(T0), b.notify.tick(T0)]);
          const mails = await sink.waitFor(300);
          assert.equal(new Set(mails.map((m) => m.messageId)).size, 300);
          assert.equal(sink.count(), 300);
          assert.equal(new Set(mails.map((m) => m.to[0])).size, 300);
        } finally {
          await b.stop();
        }
      });
    }
  });
}
