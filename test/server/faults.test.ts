import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../../server/app.js';
import { DataDirInUseError } from '../../server/db.js';
import { DATABASES, assertSchema, describeOn, get, parseXml, rowCounts, startTestServer, type Answer, type TestServer, type TestStorage } from './helpers.js';

type Created = Array<{ service_request_id: string }>;
type ErrorJson = Array<{ code: number; description: string }>;

const REPORT = { service_code: 'GRAFFITI', address_string: '5 Pearl Street', 'attribute[SURFACE]': 'SIGN', 'attribute[OFFENSIVE]': 'NO' };

function post(url: string, fields: Record<string, string>, key?: string): Promise<Answer<unknown>> {
  return get(url, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(key ? { 'Idempotency-Key': key } : {}) },
  });
}

/** `server/main.ts` as its own process, on the given storage. */
class ChildServer {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(storage: TestStorage, env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        SERVE_DEMO: '0',
        DATA_DIR: storage.options.dataDir ?? '',
        DATABASE_URL: storage.options.databaseUrl ?? '',
        ...env,
      },
    });
    this.child.stdout.on('data', (c: Buffer) => (this.stdout += c));
    this.child.stderr.on('data', (c: Buffer) => (this.stderr += c));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves when `stream` has printed something matching `pattern`; rejects if the process exits first. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const m = pattern.exec(this[stream]);
        if (m) {
          this.child[stream].off('data', look);
          resolve(m);
        }
      };
      this.child[stream].on('data', look);
      void this.exited.then((code) => reject(new Error(`exited ${code} before ${pattern}: ${this.stderr}`)));
      look();
    });
  }

  async url(): Promise<string> {
    return (await this.waitFor('stdout', /civic-elements reference backend: (http:\/\/\S+\/)\n/))[1]!;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await this.exited;
    }
  }
}

for (const db of DATABASES) {
  describeOn(db, 'faults', () => {
    describe('Idempotency-Key', () => {
      let server: TestServer;
      before(async () => {
        server = await startTestServer(db);
      });
      after(async () => {
        await server?.stop();
      });

      test('a server killed mid-request leaves the key free: after a restart the retry creates the request once', { timeout: 180_000 }, async () => {
        const storage = await db.create();
        try {
          const first = new ChildServer(storage, { CIVIC_TEST_HOLD_POST_MS: '120000' });
          const report = { ...REPORT, description: 'Tag on the mailbox, reported during a crash' };
          const url = `${await first.url()}open311/v2/requests.json`;
          const lost = post(url, report, 'crash-key-1').then(
            () => 'answered',
            () => 'connection lost',
          );
          await first.waitFor('stderr', /test hook: holding a POST before commit/);
          first.child.kill('SIGKILL');
          assert.equal(await lost, 'connection lost');
          await first.exited;

          const second = new ChildServer(storage);
          try {
            const base = await second.url();
            const retry = await post(`${base}open311/v2/requests.json`, report, 'crash-key-1');
            assert.equal(retry.status, 200, `not stuck: ${retry.text}`);
            assert.equal(retry.headers.get('idempotent-replayed'), null, 'the killed attempt left no answer to replay');
            const again = await post(`${base}open311/v2/requests.json`, report, 'crash-key-1');
            assert.equal(again.status, 200);
            assert.equal(again.headers.get('idempotent-replayed'), 'true');
            assert.deepEqual(again.body, retry.body);
            const listed = await get<Array<{ description?: string }>>(`${base}open311/v2/requests.json?service_code=GRAFFITI`);
            assert.equal(listed.body.filter((r) => r.description === report.description).length, 1, 'exactly one request');
          } finally {
            await second.stop();
          }
        } finally {
          await storage.destroy();
        }
      });

      test('the same key with a different body is a 422 (JSON and XML) and stores nothing', async () => {
        const first = await post(`${server.open311}/requests.json`, { ...REPORT, description: 'first' }, 'reused-key-1');
        assert.equal(first.status, 200);
        const counts = await rowCounts(server);
        const changed = await post(`${server.open311}/requests.json`, { ...REPORT, description: 'changed' }, 'reused-key-1');
        assert.equal(changed.status, 422);
        assertSchema('errors', changed.body);
        assert.match((changed.body as ErrorJson)[0]!.description, /^idempotency_key: /);
        const xml = await post(`${server.open311}/requests.xml`, { ...REPORT, description: 'changed' }, 'reused-key-1');
        assert.equal(xml.status, 422);
        assert.ok(parseXml(xml.text).errors);
        assert.deepEqual(await rowCounts(server), counts);
      });

      test('the same multipart report sent twice (new boundaries, another api_key order) is a replay, not a 422', async () => {
        const send = () => {
          const form = new FormData();
          for (const [k, v] of Object.entries(REPORT)) form.append(k, v);
          form.append('description', 'multipart retry');
          return get(`${server.open311}/requests.json`, { method: 'POST', body: form, headers: { 'Idempotency-Key': 'multipart-key-1' } });
        };
        const first = await send();
        const second = await send();
        assert.equal(first.status, 200);
        assert.equal(second.status, 200);
        assert.equal(second.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(second.body, first.body);
      });

      test('a key is remembered for 24 hours, then forgotten', async () => {
        const report = { ...REPORT, description: 'expiry' };
        const first = (await post(`${server.open311}/requests.json`, report, 'expiring-key-1')).body as Created;
        await server.database.query(`UPDATE idempotency_keys SET created_at = now() - interval '23 hours' WHERE key = 'expiring-key-1'`);
        const within = await post(`${server.open311}/requests.json`, report, 'expiring-key-1');
        assert.equal(within.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(within.body, first);
        await server.database.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'expiring-key-1'`);
        const after = await post(`${server.open311}/requests.json`, report, 'expiring-key-1');
        assert.equal(after.status, 200);
        assert.equal(after.headers.get('idempotent-replayed'), null);
        assert.notEqual((after.body as Created)[0]!.service_request_id, first[0]!.service_request_id);
      });
    });

    describe('X-Total-Count', () => {
      let server: TestServer;
      before(async () => {
        server = await startTestServer(db);
      });
      after(async () => {
        await server?.stop();
      });

      test('is the total on every page, also past the last one', async () => {
        const firstPage = await get<unknown[]>(`${server.open311}/requests.json?page_size=100`);
        const total = Number(firstPage.headers.get('x-total-count'));
        assert.ok(total > 100, `${total}`);
        const last = Math.ceil(total / 100);
        for (const page of [2, last, last + 1, last + 50]) {
          const res = await get<unknown[]>(`${server.open311}/requests.json?page_size=100&page=${page}`);
          assert.equal(res.headers.get('x-total-count'), String(total), `page ${page}`);
          assert.equal(res.body.length, page < last ? 100 : page === last ? total - 100 * (last - 1) : 0, `page ${page}`);
        }
        const ids = await get<unknown[]>(`${server.open311}/requests.json?service_request_id=100001,100002&page_size=1&page=3`);
        assert.deepEqual(ids.body, []);
        assert.equal(ids.headers.get('x-total-count'), '2');
      });
    });

    describe('/healthz', () => {
      test('reports the database', async () => {
        const server = await startTestServer(db);
        try {
          const res = await get<{ ok: boolean; database: string }>(`${server.base}/healthz`);
          assert.equal(res.status, 200);
          assert.deepEqual(res.body, { ok: true, database: db.name === 'PGlite' ? 'pglite' : 'postgres' });
        } finally {
          await server.stop();
        }
      });
    });
  });
}

const PGLITE = DATABASES.find((d) => d.name === 'PGlite')!;

describe('one PGlite data directory, one server', () => {
  test('a second server on the same DATA_DIR refuses to start with a clear message, in process and as main.ts', { timeout: 180_000 }, async () => {
    const storage = await PGLITE.create();
    const first = await startTestServer(PGLITE, {}, storage);
    try {
      await assert.rejects(startServer({ port: 0, serveDemo: false, dataDir: storage.options.dataDir }), (err: unknown) => {
        assert.ok(err instanceof DataDirInUseError);
        assert.match(err.message, /DATA_DIR .* is in use by another civic-elements server \(pid \d+/);
        return true;
      });
      const second = new ChildServer(storage);
      assert.equal(await second.exited, 1);
      assert.match(second.stderr, /did not start: DATA_DIR .* is in use by another civic-elements server/);
      assert.equal(second.stdout, '', 'it never announced a URL');
      // The first server still works.
      assert.equal((await post(`${first.open311}/requests.json`, REPORT)).status, 200);
    } finally {
      await first.stop();
    }
    try {
      // Once the first has stopped, the directory is free again.
      const next = await startTestServer(PGLITE, {}, storage);
      await next.stop();
    } finally {
      await storage.destroy();
    }
  });

  test('a lock left by a process that died is taken over', async () => {
    const storage = await PGLITE.create();
    try {
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      const dataDir = storage.options.dataDir!;
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, 'civic-server.lock'), JSON.stringify({ pid: Number(dead.stdout), hostname: hostname() }));
      const server = await startTestServer(PGLITE, {}, storage);
      await server.stop();
    } finally {
      await storage.destroy();
    }
  });
});

describe('a PGlite data directory that disappears while the server runs', () => {
  let dataDir: string;
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'civic-vanish-')), 'data');
    server = await startServer({ port: 0, serveDemo: false, dataDir });
  });
  after(async () => {
    await server?.close().catch(() => undefined);
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  test('writes fail with an Open311 503 (never "200 then lost") and /healthz says 503', async () => {
    const open311 = `${server.url}open311/v2`;
    assert.equal((await get(`${server.url}healthz`)).status, 200);
    assert.equal((await post(`${open311}/requests.json`, REPORT)).status, 200);
    rmSync(dataDir, { recursive: true, force: true });
    for (const fmt of ['json', 'xml'] as const) {
      const res = await post(`${open311}/requests.${fmt}`, REPORT);
      assert.equal(res.status, 503, res.text);
      if (fmt === 'json') assertSchema('errors', res.body);
      else assert.match(res.text, /<errors><error><code>503<\/code>/);
    }
    const keyed = await post(`${open311}/requests.json`, REPORT, 'vanished-key');
    assert.equal(keyed.status, 503);
    const health = await get<{ ok: boolean }>(`${server.url}healthz`);
    assert.equal(health.status, 503);
    assert.equal(health.body.ok, false);
    // A new, empty directory at the same path is not the database either.
    mkdirSync(dataDir, { recursive: true });
    assert.equal((await post(`${open311}/requests.json`, REPORT)).status, 503);
    assert.equal((await get(`${server.url}healthz`)).status, 503);
  });
});
