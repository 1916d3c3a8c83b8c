import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CSP } from '../../server/static.js';
import { DATABASES, PNG_1X1, assertSchema, get, parseXml, postForm, rowCounts, startTestServer, type TestServer } from './helpers.js';

// These behaviours do not depend on the database driver; they run on the default, PGlite.
const PGLITE = DATABASES.find((d) => d.name === 'PGlite')!;
const UPSTREAM_KEY = 'upstream-secret-key-9f3a';
const CITY_ORIGIN = 'https://www.hartfordct.gov';
/** A content-hashed chunk, large enough to be worth compressing. */
const CHUNK = Array.from({ length: 200 }, (_, i) => `export const value${i} = ${JSON.stringify('civic '.repeat(i % 7))};`).join('\n');

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('relay to an upstream Open311 server', () => {
  let upstream: TestServer;
  let relay: TestServer;
  before(async () => {
    upstream = await startTestServer(PGLITE, { apiKeys: UPSTREAM_KEY });
    relay = await startTestServer(PGLITE, { upstream: upstream.open311, upstreamApiKey: UPSTREAM_KEY, corsOrigins: '*' });
  });
  after(async () => {
    await relay?.stop();
    await upstream?.stop();
  });

  test('the upstream itself refuses a POST without its key', async () => {
    const res = await postForm(`${upstream.open311}/requests.json`, { service_code: 'SNOWPLOW', address_string: '1 Main St' });
    assert.equal(res.status, 403);
  });

  test('POST through the relay gets the key added server side (a browser-sent key is replaced) and lands upstream', async () => {
    const before = await rowCounts(upstream);
    const res = await postForm<Array<{ service_request_id: string }>>(`${relay.open311}/requests.json`, {
      service_code: 'SNOWPLOW',
      address_string: '1 Main St',
      api_key: 'whatever-the-page-had',
    });
    assert.equal(res.status, 200);
    assertSchema('post-response', res.body);
    assert.ok(!res.text.includes(UPSTREAM_KEY));
    assert.equal((await rowCounts(upstream)).requests, before.requests + 1);
    const back = await get(`${upstream.open311}/requests/${res.body[0]!.service_request_id}.json`);
    assert.equal(back.status, 200);
  });

  test('GETs pass through with query, status and content type', async () => {
    for (const fmt of ['json', 'xml']) {
      const discovery = await get<string>(`${relay.open311}/discovery.${fmt}`);
      assert.equal(discovery.status, 200);
      assert.ok(discovery.text.includes(relay.open311), `discovery.${fmt} names the relay`);
      assert.ok(!discovery.text.includes(upstream.open311), `discovery.${fmt} does not send browsers around the relay`);
    }
    for (const path of [ 'requests.json?status=closed&page_size=3', 'services/BULKY.xml']) {
      const direct = await get(`${upstream.open311}/${path}`);
      const relayed = await get(`${relay.open311}/${path}`);
      assert.equal(relayed.status, 200, path);
      assert.equal(relayed.headers.get('content-type'), direct.headers.get('content-type'));
      assert.equal(relayed.text, direct.text, path);
    }
    const missing = await get<string>(`${relay.open311}/requests/999999.xml`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /^text\/xml/);
    assert.match(missing.text, /<errors><error><code>404<\/code>/);
  });

  test('upstream validation errors come back as they are, without the key', async () => {
    const res = await postForm<Array<{ code: number; description: string }>>(`${relay.open311}/requests.xml`, {
      service_code: 'POTHOLE',
      lat: '41.76',
    });
    assert.equal(res.status, 400);
    assert.ok(!res.text.includes(UPSTREAM_KEY));
    assert.ok(parseXml(res.text).errors);
  });

  test('multipart media passes through the relay', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ service_code: 'GRAFFITI', address_string: '5 Pearl Street', 'attribute[SURFACE]': 'SIGN', 'attribute[OFFENSIVE]': 'NO' })) {
      form.append(k, v);
    }
    form.append('media', new Blob([PNG_1X1], { type: 'image/png' }), 'tag.png');
    const res = await get<Array<{ service_request_id: string }>>(`${relay.open311}/requests.json`, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    const [r] = (await get<Array<{ media_url: string }>>(`${relay.open311}/requests/${res.body[0]!.service_request_id}.json`)).body;
    const img = await fetch(r!.media_url);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), PNG_1X1);
  });

  test('an unreachable upstream is a 502 Open311 error', async () => {
    const dead = await startTestServer(PGLITE, { upstream: 'http://127.0.0.1:9/open311/v2' });
    try {
      const res = await get<Array<{ code: number; description: string }>>(`${dead.open311}/services.json`);
      assert.equal(res.status, 502);
      assertSchema('errors', res.body);
    } finally {
      await dead.stop();
    }
  });
});

describe('CORS, geocoding and static files', () => {
  let server: TestServer;
  let anyOrigin: TestServer;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'civic-static-'));
    mkdirSync(join(root, 'demo', 'report'), { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>Hartford</title>');
    writeFileSync(join(root, 'demo', 'report', 'index.html'), '<!doctype html><title>Report</title>');
    writeFileSync(join(root, 'demo', 'site.css'), 'body{}');
    writeFileSync(join(root, 'demo', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, 'dist', 'civic-elements.js'), 'export {};');
    mkdirSync(join(root, 'dist', 'civic-elements'), { recursive: true });
    writeFileSync(join(root, 'dist', 'civic-elements', 'marker.png'), PNG_1X1);
    writeFileSync(join(root, 'dist', 'civic-elements', 'core-Ab3dE_f1.js'), CHUNK);
    writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
    server = await startTestServer(PGLITE, { corsOrigins: [CITY_ORIGIN, 'http://localhost:8000'], serveDemo: true, rootDir: root });
    anyOrigin = await startTestServer(PGLITE, { corsOrigins: '*', serveDemo: false, rootDir: root });
  });
  after(async () => {
    await anyOrigin?.stop();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  describe('CORS', () => {
    test('an allowed origin gets Access-Control-Allow-Origin on API answers, errors included', async () => {
      for (const path of ['/open311/v2/services.json', '/open311/v2/services/NOPE.xml', '/geocode/search?q=main']) {
        const res = await fetch(`${server.base}${path}`, { headers: { Origin: CITY_ORIGIN } });
        assert.equal(res.headers.get('access-control-allow-origin'), CITY_ORIGIN, path);
        assert.match(res.headers.get('vary') ?? '', /Origin/);
      }
    });

    test('another origin gets no CORS headers', async () => {
      const res = await fetch(`${server.open311}/services.json`, { headers: { Origin: 'https://evil.example' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    });

    test('preflight for POST: allowed origin gets methods and headers, others nothing', async () => {
      const ask = (origin: string) =>
        fetch(`${server.open311}/requests.json`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
        });
      const ok = await ask(CITY_ORIGIN);
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), CITY_ORIGIN);
      assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(ok.headers.get('access-control-allow-headers') ?? '', /content-type/i);
      const no = await ask('https://evil.example');
      assert.equal(no.headers.get('access-control-allow-origin'), null);
      assert.equal(no.headers.get('access-control-allow-methods'), null);
    });

    test('widget files under /dist/ carry CORS headers for an allowed origin (module scripts load in CORS mode), none for others', async () => {
      const allowed = await fetch(`${server.base}/dist/civic-elements.js`, { headers: { Origin: CITY_ORIGIN } });
      assert.equal(allowed.status, 200);
      assert.equal(allowed.headers.get('access-control-allow-origin'), CITY_ORIGIN);
      assert.match(allowed.headers.get('vary') ?? '', /Origin/);
      const chunk = await fetch(`${server.base}/dist/civic-elements/marker.png`, { headers: { Origin: 'http://localhost:8000' } });
      assert.equal(chunk.status, 200);
      assert.equal(chunk.headers.get('access-control-allow-origin'), 'http://localhost:8000');
      const other = await fetch(`${server.base}/dist/civic-elements.js`, { headers: { Origin: 'https://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });

    test('"*" must be configured explicitly, and then allows any origin', async () => {
      const res = await fetch(`${anyOrigin.open311}/services.json`, { headers: { Origin: 'https://anywhere.example' } });
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
    });
  });

  describe('geocoding (Nominatim-compatible)', () => {
    let address: { id: number; house_number: string; street: string; zipcode: string; lat: number; lon: number };
    before(async () => {
      [address] = (await server.database.query<typeof address>(
        `SELECT * FROM addresses WHERE street = 'Farmington Avenue' ORDER BY id LIMIT 1`,
      )) as [typeof address];
    });

    test('search by house number and street, tolerant of case, abbreviations and a city suffix', async () => {
      for (const q of [
        `${address.house_number} Farmington Avenue`,
        `${address.house_number} farmington ave`,
        `${address.house_number} FARMINGTON AVE., Hartford, CT ${address.zipcode}`,
        `${address.house_number} Farm`,
      ]) {
        const res = await get<Array<Record<string, unknown>>>(`${server.base}/geocode/search?q=${encodeURIComponent(q)}&format=json&limit=5`);
        assert.equal(res.status, 200);
        assertSchema('geocode-search', res.body);
        const hit = res.body[0]!;
        assert.equal(hit.place_id, address.id, q);
        assert.equal(hit.lat, String(address.lat));
        assert.equal(hit.lon, String(address.lon));
        assert.deepEqual(hit.address, {
          house_number: address.house_number,
          road: 'Farmington Avenue',
          city: 'Hartford',
          state: 'Connecticut',
          postcode: address.zipcode,
          country: 'United States',
          country_code: 'us',
        });
        assert.match(String(hit.display_name), new RegExp(`^${address.house_number}, Farmington Avenue, Hartford`));
      }
    });

    test('"St" and "Street" match the same addresses; limit is honoured; jsonv2 has category', async () => {
      const st = await get<Array<{ place_id: number }>>(`${server.base}/geocode/search?q=main%20st&limit=50`);
      const street = await get<Array<{ place_id: number }>>(`${server.base}/geocode/search?q=Main%20Street&limit=50`);
      assert.ok(st.body.length >= 5);
      assert.deepEqual(st.body, street.body);
      const two = await get<unknown[]>(`${server.base}/geocode/search?q=main%20st&limit=2`);
      assert.equal(two.body.length, 2);
      const v2 = await get<Array<{ category: string; type: string }>>(`${server.base}/geocode/search?q=main%20st&format=jsonv2&limit=1`);
      assert.equal(v2.body[0]!.category, 'place');
      const none = await get<unknown[]>(`${server.base}/geocode/search?q=1%20Nowhere%20Boulevard`);
      assert.deepEqual(none.body, []);
    });

    test('reverse: the nearest address within ~200 m, else "Unable to geocode"', async () => {
      const near = await get<{ place_id: number; address: { road: string } }>(
        `${server.base}/geocode/reverse?lat=${address.lat + 0.0003}&lon=${address.lon}&format=json`,
      );
      assert.equal(near.status, 200);
      assert.equal(near.body.address.road, 'Farmington Avenue');
      const far = await get(`${server.base}/geocode/reverse?lat=41.9&lon=-72.9`);
      assert.deepEqual(far.body, { error: 'Unable to geocode' });
    });
  });

  describe('static files', () => {
    test('demo/ at / with index.html, a strict CSP on HTML, correct content types', async () => {
      const home = await fetch(`${server.base}/`);
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(home.headers.get('content-security-policy'), CSP);
      assert.equal(
        CSP,
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'; form-action 'self'",
      );
      assert.match(await home.text(), /<title>Hartford<\/title>/);
      const css = await fetch(`${server.base}/site.css`);
      assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
      assert.equal(css.headers.get('content-security-policy'), null);
      const svg = await fetch(`${server.base}/logo.svg`);
      assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
      const js = await fetch(`${server.base}/dist/civic-elements.js`);
      assert.equal(js.status, 200);
      assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
      const dir = await fetch(`${server.base}/report`, { redirect: 'manual' });
      assert.equal(dir.status, 301);
      assert.equal(dir.headers.get('location'), '/report/');
      const sub = await fetch(`${server.base}/report/`);
      assert.equal(sub.headers.get('content-security-policy'), CSP);
      assert.match(await sub.text(), /Report/);
      assert.equal((await fetch(`${server.base}/missing.html`)).status, 404);
    });

    test('text is compressed per Accept-Encoding (brotli first, then gzip), the same bytes once decoded', async () => {
      const url = `${server.base}/dist/civic-elements/core-Ab3dE_f1.js`;
      const plain = await fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.equal(await plain.text(), CHUNK);
      for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip']] as const) {
        const res = await fetch(url, { headers: { 'Accept-Encoding': accept } });
        assert.equal(res.headers.get('content-encoding'), encoding, accept);
        assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
        assert.ok(Number(res.headers.get('content-length')) < CHUNK.length / 3, `${accept}: compressed`);
        assert.equal(await res.text(), CHUNK, accept);
      }
      const api = await fetch(`${server.open311}/services.json`, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(api.headers.get('content-encoding'), 'br');
      const apiPlain = await fetch(`${server.open311}/services.json`, { headers: { 'Accept-Encoding': 'identity' } });
      assert.equal(apiPlain.headers.get('content-encoding'), null);
      assert.deepEqual(await api.json(), await apiPlain.json());
      const png = await fetch(`${server.base}/dist/civic-elements/marker.png`, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(png.headers.get('content-encoding'), null, 'images are not compressed again');
    });

    test('content-hashed chunks are immutable for a year; the loader and pages revalidate with an ETag (304)', async () => {
      const chunk = await fetch(`${server.base}/dist/civic-elements/core-Ab3dE_f1.js`);
      assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      for (const path of ['/dist/civic-elements.js', '/', '/site.css']) {
        const first = await fetch(`${server.base}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
        await first.arrayBuffer();
        assert.equal(first.headers.get('cache-control'), 'no-cache', path);
        const etag = first.headers.get('etag');
        assert.match(etag ?? '', /^"[^"]+"$/, path);
        const again = await fetch(`${server.base}${path}`, { headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': etag! } });
        assert.equal(again.status, 304, path);
        assert.equal(await again.text(), '', path);
        const otherEncoding = await fetch(`${server.base}${path}`, { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag! } });
        assert.equal(otherEncoding.status, 200, `${path}: another representation, another ETag`);
      }
    });

    test('no path traversal out of demo/ or dist/', async () => {
      for (const path of ['/../secret.txt', '/dist/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/dist/..%2F..%2Fsecret.txt', '/dist/%2e%2e%5csecret.txt', '/..%5csecret.txt']) {
        const res = await rawGet(server.base, path);
        assert.notEqual(res.status, 200, path);
        assert.ok(!res.body.includes('TOP SECRET'), path);
      }
    });

    test('SERVE_DEMO=0 serves no files', async () => {
      assert.equal((await fetch(`${anyOrigin.base}/`)).status, 404);
      assert.equal((await fetch(`${anyOrigin.base}/dist/civic-elements.js`)).status, 404);
    });
  });
});

describe('server/main.ts', () => {
  test('prints one stdout line with the real URL, serves, and exits cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'civic-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', SERVE_DEMO: '0', API_KEYS: 'k1,k2', BATCH_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      child.stdout.on('data', (c) => (stdout += c));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL on stdout: ${stdout}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /^civic-elements reference backend: (http:\/\/127\.0\.0\.1:(\d+)\/)\n/.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      assert.notEqual(new URL(url).port, '0');
      const res = await get<unknown>(`${url}open311/v2/discovery.json`);
      assert.equal(res.status, 200);
      const refused = await postForm(`${url}open311/v2/requests.json`, { service_code: 'SNOWPLOW', address_string: '1 Main St', api_key: 'nope' });
      assert.equal(refused.status, 403, 'API_KEYS is read from the environment');
      const accepted = await postForm(`${url}open311/v2/requests.json`, { service_code: 'SNOWPLOW', address_string: '1 Main St', api_key: 'k2' });
      assert.equal(accepted.status, 200);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.equal(stdout.split('\n').filter(Boolean).length, 1, `exactly one stdout line: ${stdout}`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
