import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ResponseCache, etagOf, matchesIfNoneMatch, type CachedAnswer } from '../../server/open311/cache.js';
import { DATABASES, describeOn, get, parseXml, postForm, startTestServer, type TestServer } from './helpers.js';

interface RequestJson {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
  lat?: number;
  long?: number;
}

const POTHOLE = { service_code: 'POTHOLE', lat: '41.7637', long: '-72.6851', 'attribute[SIZE]': 'LARGE', description: 'Cache test pothole' };
// Two disjoint boxes inside the seeded city, and the POST above falls in the first one.
const BOX_A = '-72.700,41.755,-72.675,41.775';
const BOX_B = '-72.718,41.729,-72.701,41.754';

const ids = (list: RequestJson[]) => list.map((r) => r.service_request_id);

for (const db of DATABASES) {
  describeOn(db, 'GET answers from the response cache', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db);
    });
    after(async () => {
      await server?.stop();
    });

    describe('ETag and 304', () => {
      test('an unchanged answer has the same ETag, and If-None-Match with it gets 304 without a body', async () => {
        const first = await get<RequestJson[]>(`${server.open311}/requests.json`);
        const etag = first.headers.get('etag');
        assert.ok(etag, 'ETag header');
        // Weak when compressed (fetch asks for gzip): the bytes sent differ from the plain ones.
        assert.match(etag, /^(W\/)?"[^"]+"$/);
        assert.equal(first.headers.get('cache-control'), 'no-cache');
        const again = await get(`${server.open311}/requests.json`);
        assert.equal(again.headers.get('etag'), etag);
        assert.equal(again.text, first.text);

        const revalidated = await get(`${server.open311}/requests.json`, { headers: { 'If-None-Match': etag } });
        assert.equal(revalidated.status, 304);
        assert.equal(revalidated.text, '');
        assert.equal(revalidated.headers.get('etag'), etag);
        // Weak comparison, and one match in a list is enough (RFC 9110).
        const weak = await get(`${server.open311}/requests.json`, { headers: { 'If-None-Match': `"other", W/${etag.replace(/^W\//, '')}` } });
        assert.equal(weak.status, 304);
      });

      test('another ETag, or another resource with the same ETag sent, gets the full answer', async () => {
        const list = await get(`${server.open311}/requests.json`);
        const other = await get(`${server.open311}/requests.json`, { headers: { 'If-None-Match': '"not-this-one"' } });
        assert.equal(other.status, 200);
        assert.equal(other.text, list.text);
        const services = await get<unknown[]>(`${server.open311}/services.json`, { headers: { 'If-None-Match': list.headers.get('etag')! } });
        assert.equal(services.status, 200);
        assert.ok(services.body.length > 0);
      });

      test('a cached answer is compressed per encoding; each decodes to the plain bytes, whose ETag is strong', async () => {
        const plain = await get(`${server.open311}/requests.json`, { headers: { 'Accept-Encoding': 'identity' } });
        assert.equal(plain.headers.get('content-encoding'), null);
        const strong = plain.headers.get('etag')!;
        assert.match(strong, /^"[^"]+"$/);
        for (const encoding of ['br', 'gzip', 'br']) {
          const res = await get(`${server.open311}/requests.json`, { headers: { 'Accept-Encoding': encoding } });
          assert.equal(res.headers.get('content-encoding'), encoding);
          assert.equal(res.headers.get('etag'), `W/${strong}`);
          assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
          assert.equal(res.text, plain.text, `${encoding} decodes to the same answer`);
          const revalidated = await get(`${server.open311}/requests.json`, { headers: { 'Accept-Encoding': encoding, 'If-None-Match': `W/${strong}` } });
          assert.equal(revalidated.status, 304);
        }
      });

      test('X-Total-Count and the content type come with a cached answer too', async () => {
        await get(`${server.open311}/requests.json?page_size=5`);
        const cached = await get<RequestJson[]>(`${server.open311}/requests.json?page_size=5`);
        assert.equal(cached.body.length, 5);
        assert.ok(Number(cached.headers.get('x-total-count')) > 5);
        assert.match(cached.headers.get('content-type') ?? '', /^application\/json/);
      });
    });

    describe('a different query is not served another answer', () => {
      test('two boxes, no box, and each status get their own requests', async () => {
        const all = (await get<RequestJson[]>(`${server.open311}/requests.json`)).body;
        const a = (await get<RequestJson[]>(`${server.open311}/requests.json?bbox=${BOX_A}`)).body;
        const b = (await get<RequestJson[]>(`${server.open311}/requests.json?bbox=${BOX_B}`)).body;
        const [minA, minLatA, maxA, maxLatA] = BOX_A.split(',').map(Number) as [number, number, number, number];
        assert.ok(a.length > 0 && b.length > 0, 'both boxes hold seeded requests');
        assert.ok(a.every((r) => r.long! >= minA && r.long! <= maxA && r.lat! >= minLatA && r.lat! <= maxLatA));
        assert.equal(ids(a).filter((id) => ids(b).includes(id)).length, 0, 'disjoint boxes share no request');
        assert.ok(all.length > a.length);
        assert.deepEqual(ids(a), ids(all.filter((r) => r.long! >= minA && r.long! <= maxA && r.lat! >= minLatA && r.lat! <= maxLatA)));

        const open = (await get<RequestJson[]>(`${server.open311}/requests.json?status=open`)).body;
        const closed = (await get<RequestJson[]>(`${server.open311}/requests.json?status=closed`)).body;
        assert.ok(open.length > 0 && open.every((r) => r.status === 'open'));
        assert.ok(closed.length > 0 && closed.every((r) => r.status === 'closed'));
      });

      test('the same query in XML is XML, and pages differ', async () => {
        const json = await get<RequestJson[]>(`${server.open311}/requests.json?page_size=3`);
        const xml = await get<string>(`${server.open311}/requests.xml?page_size=3`);
        assert.match(xml.headers.get('content-type') ?? '', /^text\/xml/);
        assert.notEqual(xml.headers.get('etag'), json.headers.get('etag'));
        const doc = parseXml(xml.text) as { service_requests: { request: Array<{ service_request_id: string }> } };
        assert.deepEqual(
          doc.service_requests.request.map((r) => r.service_request_id),
          ids(json.body),
        );
        const page2 = await get<RequestJson[]>(`${server.open311}/requests.json?page_size=3&page=2`);
        assert.equal(page2.body.length, 3);
        assert.equal(ids(page2.body).filter((id) => ids(json.body).includes(id)).length, 0);
      });

      test('parameters in another order are the same answer', async () => {
        const one = await get(`${server.open311}/requests.json?status=open&page_size=4`);
        const other = await get(`${server.open311}/requests.json?page_size=4&status=open&service_code=`);
        assert.equal(other.text, one.text);
        assert.equal(other.headers.get('etag'), one.headers.get('etag'));
      });
    });

    describe('every write is visible on the next GET', () => {
      test('a POST appears in the list, the box and by id; the old ETag no longer matches', async () => {
        const before = await get<RequestJson[]>(`${server.open311}/requests.json`);
        const boxBefore = await get<RequestJson[]>(`${server.open311}/requests.json?bbox=${BOX_A}`);
        const otherBox = await get<RequestJson[]>(`${server.open311}/requests.json?bbox=${BOX_B}`);
        const posted = await postForm<Array<{ service_request_id: string }>>(`${server.open311}/requests.json`, POTHOLE);
        assert.equal(posted.status, 200);
        const id = posted.body[0]!.service_request_id;

        const list = await get<RequestJson[]>(`${server.open311}/requests.json`, { headers: { 'If-None-Match': before.headers.get('etag')! } });
        assert.equal(list.status, 200);
        assert.equal(list.body[0]!.service_request_id, id, 'newest first');
        assert.equal(Number(list.headers.get('x-total-count')), Number(before.headers.get('x-total-count')) + 1);
        assert.ok(ids((await get<RequestJson[]>(`${server.open311}/requests.json?bbox=${BOX_A}`)).body).includes(id));
        assert.ok(!ids(boxBefore.body).includes(id));
        assert.deepEqual(ids((await get<RequestJson[]>(`${server.open311}/requests.json?bbox=${BOX_B}`)).body), ids(otherBox.body));
        assert.equal((await get<RequestJson[]>(`${server.open311}/requests/${id}.json`)).body[0]!.status, 'open');
      });

      test('a status change made in the database (as city staff would) shows on the next GET', async () => {
        const open = (await get<RequestJson[]>(`${server.open311}/requests.json?status=open&page_size=1`)).body[0]!;
        const id = open.service_request_id;
        const single = await get<RequestJson[]>(`${server.open311}/requests/${id}.json`);
        assert.equal(single.body[0]!.status, 'open');
        await server.database.query(`UPDATE requests SET status = 'closed', status_notes = 'Filled by the cache test crew.' WHERE id = $1`, [Number(id)]);

        const after = await get<RequestJson[]>(`${server.open311}/requests/${id}.json`, { headers: { 'If-None-Match': single.headers.get('etag')! } });
        assert.equal(after.status, 200);
        assert.equal(after.body[0]!.status, 'closed');
        assert.equal(after.body[0]!.status_notes, 'Filled by the cache test crew.');
        const closed = (await get<RequestJson[]>(`${server.open311}/requests.json?status=closed`)).body;
        assert.ok(ids(closed).includes(id));
        const stillOpen = (await get<RequestJson[]>(`${server.open311}/requests.json?status=open`)).body;
        assert.ok(!ids(stillOpen).includes(id));
      });

      test('a renamed service shows in services.json and in requests', async () => {
        const services = await get<Array<{ service_code: string; service_name: string }>>(`${server.open311}/services.json`);
        assert.ok(services.body.some((s) => s.service_code === 'POTHOLE'));
        await server.database.query(`UPDATE services SET service_name = 'Pothole (renamed by test)' WHERE service_code = 'POTHOLE'`);
        const renamed = await get<Array<{ service_code: string; service_name: string }>>(`${server.open311}/services.json`);
        assert.equal(renamed.body.find((s) => s.service_code === 'POTHOLE')!.service_name, 'Pothole (renamed by test)');
        assert.notEqual(renamed.headers.get('etag'), services.headers.get('etag'));
        const potholes = (await get<Array<{ service_name: string }>>(`${server.open311}/requests.json?service_code=POTHOLE`)).body;
        assert.ok(potholes.length > 0 && potholes.every((r) => r.service_name === 'Pothole (renamed by test)'));
      });

      test('a write that rolls back changes nothing a GET sees', async () => {
        const before = await get(`${server.open311}/requests.json`);
        await assert.rejects(
          server.database.transaction(async (tx) => {
            await tx.query(`UPDATE requests SET status_notes = 'never committed'`);
            throw new Error('roll back');
          }),
        );
        const after = await get(`${server.open311}/requests.json`, { headers: { 'If-None-Match': before.headers.get('etag')! } });
        assert.equal(after.status, 304);
      });
    });
  });
}

const pg = DATABASES.find((d) => d.name === 'PostgreSQL')!;
describeOn(pg, 'two servers on one database', () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    a = await startTestServer(pg);
    b = await startTestServer(pg, {}, a.storage);
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
  });

  test("a POST to one server is in the other's next list", async () => {
    const listed = await get<RequestJson[]>(`${a.open311}/requests.json`);
    await get(`${a.open311}/requests.json`);
    const posted = await postForm<Array<{ service_request_id: string }>>(`${b.open311}/requests.json`, POTHOLE);
    const id = posted.body[0]!.service_request_id;
    const after = await get<RequestJson[]>(`${a.open311}/requests.json`, { headers: { 'If-None-Match': listed.headers.get('etag')! } });
    assert.equal(after.status, 200);
    assert.equal(after.body[0]!.service_request_id, id);
  });
});

describe('ResponseCache', () => {
  const answer = (text: string, expiresAt = Infinity): CachedAnswer => {
    const body = new TextEncoder().encode(text);
    return { body, headers: {}, etag: etagOf(body), expiresAt };
  };
  const never = async () => Infinity;
  const decode = (a: CachedAnswer | undefined) => (a ? new TextDecoder().decode(a.body) : undefined);

  test('an answer lives for its data version only', async () => {
    const cache = new ResponseCache();
    await cache.sync(1, 0, never);
    cache.set(1, 'k', answer('v1'));
    assert.equal(decode(cache.get(1, 'k', 0)), 'v1');
    await cache.sync(2, 0, never);
    assert.equal(cache.get(2, 'k', 0), undefined);
    assert.equal(cache.size, 0);
  });

  test('a GET that read an older version neither reads nor stores, nor empties the newer answers', async () => {
    const cache = new ResponseCache();
    await cache.sync(5, 0, never);
    cache.set(5, 'k', answer('v5'));
    await cache.sync(4, 0, never);
    assert.equal(cache.get(4, 'k', 0), undefined);
    cache.set(4, 'old', answer('v4'));
    assert.equal(decode(cache.get(5, 'k', 0)), 'v5');
    assert.equal(cache.get(5, 'old', 0), undefined);
  });

  test('everything ends when a pending batch request becomes visible', async () => {
    const cache = new ResponseCache();
    await cache.sync(1, 1000, async () => 5000);
    cache.set(1, 'k', answer('before'));
    assert.equal(decode(cache.get(1, 'k', 4999)), 'before');
    assert.equal(cache.get(1, 'k', 5000), undefined);
    await cache.sync(1, 5000, never);
    assert.equal(cache.size, 0);
  });

  test('a rolling-window answer ends at its own expiry', async () => {
    const cache = new ResponseCache();
    await cache.sync(1, 0, never);
    cache.set(1, 'window', answer('w', 100));
    cache.set(1, 'fixed', answer('f'));
    assert.equal(decode(cache.get(1, 'window', 99)), 'w');
    assert.equal(cache.get(1, 'window', 100), undefined);
    assert.equal(decode(cache.get(1, 'fixed', 100)), 'f');
  });

  test('bounded by bytes: the least recently used answer goes first', async () => {
    const cache = new ResponseCache(40);
    await cache.sync(1, 0, never);
    cache.set(1, 'a', answer('aaaaaaaaaa'));
    cache.set(1, 'b', answer('bbbbbbbbbb'));
    cache.set(1, 'c', answer('cccccccccc'));
    assert.ok(cache.get(1, 'a', 0), 'a used again');
    cache.set(1, 'd', answer('dddddddddd'));
    cache.set(1, 'e', answer('eeeeeeeeee'));
    assert.equal(cache.get(1, 'b', 0), undefined);
    assert.ok(cache.get(1, 'a', 0));
    assert.ok(cache.get(1, 'e', 0));
    cache.set(1, 'huge', answer('x'.repeat(30)));
    assert.equal(cache.get(1, 'huge', 0), undefined, 'one answer may take at most a quarter');
  });

  test("an answer's compressed bytes count towards the bound, and are kept with it", async () => {
    const cache = new ResponseCache(40);
    await cache.sync(1, 0, never);
    cache.set(1, 'a', answer('aaaaaaaaaa'));
    cache.set(1, 'b', answer('bbbbbbbbbb'));
    const b = cache.get(1, 'b', 0)!;
    cache.addEncoding('b', b, 'gzip', new Uint8Array(5));
    assert.equal(cache.get(1, 'b', 0)!.encoded?.gzip?.byteLength, 5);
    cache.set(1, 'c', answer('cccccccccc'));
    cache.addEncoding('c', cache.get(1, 'c', 0)!, 'br', new Uint8Array(10));
    // 10 + 15 + 20 > 40: the least recently used (a) goes.
    assert.equal(cache.get(1, 'a', 0), undefined);
    assert.ok(cache.get(1, 'b', 0) && cache.get(1, 'c', 0));
    // An answer no longer cached is not given bytes.
    const gone = answer('gone');
    cache.addEncoding('gone', gone, 'gzip', new Uint8Array(1));
    assert.equal(gone.encoded, undefined);
  });

  test('If-None-Match', () => {
    assert.equal(matchesIfNoneMatch(undefined, '"x"'), false);
    assert.equal(matchesIfNoneMatch('"x"', '"x"'), true);
    assert.equal(matchesIfNoneMatch('W/"x"', '"x"'), true);
    assert.equal(matchesIfNoneMatch('"y", "x"', '"x"'), true);
    assert.equal(matchesIfNoneMatch('*', '"x"'), true);
    assert.equal(matchesIfNoneMatch('"xx"', '"x"'), false);
  });
});
