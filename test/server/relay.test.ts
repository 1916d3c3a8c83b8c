import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import { DATABASES, PNG_1X1, assertSchema, get, parseXml, postForm, startTestServer, type TestServer } from './helpers.js';

// The relay does not depend on the database driver; its own (unused) storage is PGlite.
const PGLITE = DATABASES.find((d) => d.name === 'PGlite')!;

/** A key with characters that every encoding spells differently. */
const KEY = 's3cr3t key/2025+relay';
const NUMERIC_KEY = '4242424242424242';

interface Seen {
  method: string;
  url: string;
  body: string;
}

/** A tiny Open311 look-alike: answers from a table of handlers and records what it was sent. */
class FakeUpstream {
  seen: Seen[] = [];
  routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.seen.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('latin1') });
        const path = (req.url ?? '').split('?')[0]!;
        const handler = this.routes.get(path);
        if (handler) handler(req, res);
        else {
          res.writeHead(404, { 'Content-Type': 'application/json' });
          res.end('[{"code":404,"description":"path: not here"}]');
        }
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/open311/v2`;
  }

  reply(path: string, status: number, type: string, body: string | Buffer): void {
    this.routes.set(`/open311/v2/${path}`, (_req, res) => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => this.server?.close(() => done()) ?? done());
  }
}

describe('relay hardening', () => {
  const fake = new FakeUpstream();
  let relay: TestServer;
  before(async () => {
    await fake.start();
    relay = await startTestServer(PGLITE, { upstream: fake.url, upstreamApiKey: KEY, upstreamTimeoutMs: 400 });
  });
  after(async () => {
    await relay?.stop();
    await fake.stop();
  });

  describe('upstream content is never rewritten; the key is removed in every spelling', () => {
    test('an answer without the key arrives byte for byte, whatever it contains', async () => {
      const body = JSON.stringify([
        { service_code: 'TEST', service_name: 'This is a test service', description: 'contest s3cr3t keys and relay+ids 10042424242424242421' },
      ]);
      fake.reply('services.json', 200, 'application/json; charset=utf-8', body);
      const res = await get(`${relay.open311}/services.json`);
      assert.equal(res.status, 200);
      assert.equal(res.text, body);
    });

    test('whole occurrences raw, URL-encoded, form-encoded, JSON-escaped, in JSON, XML, text and binary answers are removed', async () => {
      const url = encodeURIComponent(KEY);
      const form = new URLSearchParams({ k: KEY }).toString().slice(2);
      assert.notEqual(url, form);
      fake.reply('requests.json', 200, 'application/json', JSON.stringify({ echo: KEY, link: `https://city.example/x?api_key=${url}&y=1`, form: `api_key=${form}`, lower: url.toLowerCase() }));
      fake.reply('requests.xml', 400, 'text/xml', `<errors><error><code>400</code><description>api_key ${KEY} &lt;${form}&gt;</description></error></errors>`);
      fake.reply('tokens/plain.json', 500, 'text/plain', `upstream crashed with key=${KEY}`);
      fake.reply('tokens/binary.json', 200, 'application/octet-stream', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(KEY), Buffer.from([3])]));
      const json = await get<Record<string, string>>(`${relay.open311}/requests.json`);
      assert.deepEqual(json.body, { echo: '', link: 'https://city.example/x?api_key=&y=1', form: 'api_key=', lower: '' });
      const xml = await get(`${relay.open311}/requests.xml`);
      assert.equal(xml.status, 400);
      assert.equal(xml.text, '<errors><error><code>400</code><description>api_key  &lt;&gt;</description></error></errors>');
      const text = await get(`${relay.open311}/tokens/plain.json`);
      assert.equal(text.status, 500);
      assert.equal(text.text, 'upstream crashed with key=');
      const binary = Buffer.from(await (await fetch(`${relay.open311}/tokens/binary.json`)).arrayBuffer());
      assert.deepEqual([...binary], [0, 1, 2, 3]);
    });

    test('a numeric key inside a longer number (an id) is left alone; the key on its own is removed', async () => {
      const numeric = await startTestServer(PGLITE, { upstream: fake.url, upstreamApiKey: NUMERIC_KEY });
      try {
        const body = `[{"service_request_id":"1${NUMERIC_KEY}7","token":"${NUMERIC_KEY}"}]`;
        fake.reply('requests/1.json', 200, 'application/json', body);
        const res = await get(`${numeric.open311}/requests/1.json`);
        assert.equal(res.text, `[{"service_request_id":"1${NUMERIC_KEY}7","token":""}]`);
      } finally {
        await numeric.stop();
      }
    });

    test('a key shorter than 16 characters is warned about at start-up', async () => {
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => logged.push(args.join(' '));
      let short: TestServer | undefined;
      try {
        short = await startTestServer(PGLITE, { upstream: fake.url, upstreamApiKey: 'test' });
      } finally {
        console.error = original;
      }
      try {
        assert.ok(logged.some((l) => /OPEN311_API_KEY has 4 characters/.test(l) && /16/.test(l)), logged.join('\n'));
        fake.reply('services/T.json', 200, 'application/json', '{"notice":"contests and testing"}');
        assert.equal((await get(`${short.open311}/services/T.json`)).text, '{"notice":"contests and testing"}');
      } finally {
        await short.stop();
      }
      const quiet: string[] = [];
      console.error = (...args: unknown[]) => quiet.push(args.join(' '));
      try {
        await (await startTestServer(PGLITE, { upstream: fake.url, upstreamApiKey: KEY })).stop();
      } finally {
        console.error = original;
      }
      assert.ok(!quiet.some((l) => /OPEN311_API_KEY/.test(l)), 'a long key is not warned about');
    });
  });

  describe("a browser's api_key never reaches the upstream", () => {
    test('in the query string of a GET and a POST, or in a form or multipart body: only the relay key arrives', async () => {
      fake.reply('requests.json', 200, 'application/json', '[{"service_request_id":"1"}]');
      fake.seen = [];
      await get(`${relay.open311}/requests.json?status=open&api_key=browser-query-key`);
      await postForm(`${relay.open311}/requests.json?api_key=browser-query-key`, { service_code: 'X', api_key: 'browser-body-key' });
      const multipart = new FormData();
      multipart.append('service_code', 'X');
      multipart.append('api_key', 'browser-multipart-key');
      await get(`${relay.open311}/requests.json`, { method: 'POST', body: multipart });
      assert.equal(fake.seen.length, 3);
      for (const s of fake.seen) {
        assert.ok(!/browser-/.test(s.url + s.body), `${s.method} ${s.url} ${s.body}`);
        assert.ok(!/api_key/.test(s.url), s.url);
      }
      assert.equal(fake.seen[0]!.url, '/open311/v2/requests.json?status=open');
      assert.equal(new URLSearchParams(fake.seen[1]!.body).getAll('api_key').join('|'), KEY);
      assert.equal((fake.seen[2]!.body.match(/name="api_key"/g) ?? []).length, 1);
      assert.ok(fake.seen[2]!.body.includes(KEY));
    });

    test('a POST body of another type (which could hide a key) is refused with an Open311 400', async () => {
      fake.seen = [];
      const res = await get(`${relay.open311}/requests.json`, {
        method: 'POST',
        body: JSON.stringify({ api_key: 'browser-json-key' }),
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(res.status, 400);
      assertSchema('errors', res.body);
      assert.equal(fake.seen.length, 0);
    });
  });

  describe("the upstream's photos, served by the relay", () => {
    test('only raster images pass, and without their metadata', async () => {
      const chunk = (type: string, data: Buffer) => {
        const out = Buffer.alloc(12 + data.length);
        out.writeUInt32BE(data.length, 0);
        out.write(type, 4, 'latin1');
        data.copy(out, 8);
        out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
        return out;
      };
      const withText = Buffer.concat([PNG_1X1.subarray(0, 33), chunk('tEXt', Buffer.from('Location\0GPS 41.76 -72.68')), PNG_1X1.subarray(33)]);
      fake.routes.set('/media/photo-1', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end(withText);
      });
      fake.routes.set('/media/page-1', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'image/png' });
        res.end('<html><script>alert(1)</script></html>');
      });
      const photo = await fetch(`${relay.base}/media/photo-1`);
      assert.equal(photo.status, 200);
      assert.equal(photo.headers.get('content-type'), 'image/png');
      assert.equal(photo.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(Buffer.from(await photo.arrayBuffer()), PNG_1X1);
      assert.equal((await fetch(`${relay.base}/media/page-1`)).status, 404);
      assert.equal((await fetch(`${relay.base}/media/missing-1`)).status, 404);
    });
  });

  describe('an upstream that sends headers and then stalls', () => {
    test('gets the relay’s Open311 502 within its timeout, in JSON and XML', async () => {
      const stalled: ServerResponse[] = [];
      fake.routes.set('/open311/v2/services.json', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('[{"service_code":');
        stalled.push(res);
      });
      fake.routes.set('/open311/v2/services.xml', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.write('<services>');
        stalled.push(res);
      });
      const json = await get(`${relay.open311}/services.json`);
      assert.equal(json.status, 502);
      assertSchema('errors', json.body);
      const xml = await get(`${relay.open311}/services.xml`);
      assert.equal(xml.status, 502);
      assert.match(xml.headers.get('content-type') ?? '', /^text\/xml/);
      assert.ok(parseXml(xml.text).errors);
      for (const r of stalled) r.destroy();
    });
  });
});

describe('photos of requests made through the relay', () => {
  let upstream: TestServer;
  let relay: TestServer;
  before(async () => {
    upstream = await startTestServer(PGLITE);
    relay = await startTestServer(PGLITE, { upstream: upstream.open311, upstreamApiKey: KEY });
  });
  after(async () => {
    await relay?.stop();
    await upstream?.stop();
  });

  test('media_url points at the relay, which serves the upstream photo', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ service_code: 'GRAFFITI', address_string: '5 Pearl Street', 'attribute[SURFACE]': 'SIGN', 'attribute[OFFENSIVE]': 'NO' })) {
      form.append(k, v);
    }
    form.append('media', new Blob([PNG_1X1], { type: 'image/png' }), 'tag.png');
    const created = await get<Array<{ service_request_id: string }>>(`${relay.open311}/requests.json`, { method: 'POST', body: form });
    assert.equal(created.status, 200);
    for (const fmt of ['json', 'xml'] as const) {
      const res = await get(`${relay.open311}/requests/${created.body[0]!.service_request_id}.${fmt}`);
      const mediaUrl = fmt === 'json' ? (res.body as Array<{ media_url: string }>)[0]!.media_url : /<media_url>([^<]+)<\/media_url>/.exec(res.text)![1]!;
      assert.ok(mediaUrl.startsWith(`${relay.base}/media/`), mediaUrl);
      assert.ok(!res.text.includes(upstream.base), 'no link around the relay');
      const img = await fetch(mediaUrl);
      assert.equal(img.status, 200);
      assert.equal(img.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await img.arrayBuffer()), PNG_1X1);
    }
    assert.equal((await fetch(`${relay.base}/media/00000000-0000-0000-0000-000000000000`)).status, 404);
  });
});
