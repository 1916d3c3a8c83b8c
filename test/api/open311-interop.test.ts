// Interoperability with Open311 servers nobody here wrote, through fixtures shaped like what
// they do: how multi-select answers are read, discovery that describes other endpoints,
// records of another id, HTML 404 pages, and valid JSON of the wrong shape.
import { expect } from '@open-wc/testing';
import { MalformedResponseError, Open311Client, Open311Error, type SubmitInput } from '../../src/api/index.js';
import { FIXTURE_ENDPOINT, fixtureFetch, mySocietyLikeServer, phpLikeServer, type FixtureAnswer, type RecordedCall } from './fixture-server.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, got a value');
}

const REPORT: SubmitInput = {
  service_code: 'SIDEWALK',
  address_string: '12 Main St',
  description: 'Lifted slabs',
  attributes: { SIDE: 'N', HAZARDS: ['ROOTS', 'CRACKS', 'ICE'] },
};

/** Each test talks to its own host: the client remembers per endpoint which form a server reads. */
let hosts = 0;
function endpoint(kind: string): string {
  hosts += 1;
  return `https://${kind}-${hosts}.example/open311/v2`;
}

function clientFor(routes: Record<string, FixtureAnswer | ((call: RecordedCall) => FixtureAnswer)>, at: string) {
  const server = fixtureFetch(routes);
  const posts = () => server.calls.filter((c) => c.method === 'POST');
  return { client: new Open311Client({ endpoint: at, format: 'json', fetch: server.fetch }), posts };
}

describe('Open311Client: multi-select answers reach every kind of server whole', () => {
  it('a mySociety-like server (400 on attribute[code][]) gets the report again as repeated attribute[code], with every choice', async () => {
    const ms = mySocietyLikeServer();
    const { client, posts } = clientFor({ 'requests.json': ms.route }, endpoint('mysociety'));
    const result = await client.submit(REPORT);
    expect(result.service_request_id).to.equal('MS-1');
    expect(ms.stored).to.deep.equal([{ SIDE: 'N', HAZARDS: ['ROOTS', 'CRACKS', 'ICE'] }]);
    // First the form whose failure is loud, then the other one, once.
    const [first, second] = posts().map((c) => [...(c.body as URLSearchParams).keys()].filter((k) => k.startsWith('attribute')));
    expect(first).to.deep.equal(['attribute[SIDE]', 'attribute[HAZARDS][]', 'attribute[HAZARDS][]', 'attribute[HAZARDS][]']);
    expect(second).to.deep.equal(['attribute[SIDE]', 'attribute[HAZARDS]', 'attribute[HAZARDS]', 'attribute[HAZARDS]']);
  });

  it('remembers the form per endpoint: the next report goes in one POST, also from another client', async () => {
    const ms = mySocietyLikeServer();
    const at = endpoint('mysociety');
    const a = clientFor({ 'requests.json': ms.route }, at);
    await a.client.submit(REPORT);
    expect(a.posts()).to.have.length(2);
    const b = clientFor({ 'requests.json': ms.route }, at);
    await b.client.submit({ ...REPORT, attributes: { HAZARDS: ['ICE'] } });
    expect(b.posts()).to.have.length(1);
    expect(ms.stored[1]).to.deep.equal({ HAZARDS: 'ICE' });
  });

  it('a PHP/Rails-like server (keeps the last of a repeated key) gets attribute[code][] and stores every choice, in one POST', async () => {
    const php = phpLikeServer();
    const { client, posts } = clientFor({ 'requests.json': php.route }, endpoint('php'));
    expect((await client.submit(REPORT)).service_request_id).to.equal('PHP-1');
    expect(php.stored).to.deep.equal([{ SIDE: 'N', HAZARDS: ['ROOTS', 'CRACKS', 'ICE'] }]);
    expect(posts()).to.have.length(1);
  });

  it('a multipart report (with a photo) is resent in the other form too, photo included', async () => {
    const ms = mySocietyLikeServer();
    const at = endpoint('mysociety');
    const discovery = { body: JSON.stringify({ endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: at, formats: ['application/json'], extensions: ['media'] }] }) };
    const { client, posts } = clientFor({ 'discovery.json': discovery, 'requests.json': ms.route }, at);
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'slab.jpg', { type: 'image/jpeg' });
    await client.submit({ ...REPORT, media: photo });
    expect(ms.stored[0]!.HAZARDS).to.deep.equal(['ROOTS', 'CRACKS', 'ICE']);
    const resent = posts()[1]!.body as FormData;
    expect((resent.get('media') as File).size).to.equal(3);
  });

  it('a 400 about something else is not resent: the caller gets the server\'s errors', async () => {
    const refuse = () => ({ status: 400, type: 'application/json', body: '[{"code":400,"description":"description: Enter a description"}]' });
    const at = endpoint('strict');
    const { client, posts } = clientFor({ 'requests.json': refuse }, at);
    const err = (await rejection(client.submit(REPORT))) as Open311Error;
    expect(err).to.be.instanceOf(Open311Error);
    expect(err.errorFor('description')).not.to.equal(undefined);
    expect(posts()).to.have.length(1);
  });

  it('when the other form is refused for another reason, that is the error, and the form is remembered', async () => {
    const ms = mySocietyLikeServer();
    let described = false;
    const wantsDescription = (call: RecordedCall): FixtureAnswer => {
      const fields = new URLSearchParams(call.body as URLSearchParams);
      const repeated = fields.has('attribute[HAZARDS]');
      if (repeated && !described) return { status: 400, type: 'application/json', body: '[{"code":400,"description":"description: Enter a description"}]' };
      return ms.route(call);
    };
    const { client, posts } = clientFor({ 'requests.json': wantsDescription }, endpoint('mysociety'));
    const err = (await rejection(client.submit(REPORT))) as Open311Error;
    expect(err.errorFor('description')).not.to.equal(undefined);
    expect(posts()).to.have.length(2);
    described = true;
    await client.submit(REPORT);
    expect(posts()).to.have.length(3);
    expect(ms.stored).to.deep.equal([{ SIDE: 'N', HAZARDS: ['ROOTS', 'CRACKS', 'ICE'] }]);
  });

  it('when the other form is refused too, that answer is the error and nothing is remembered', async () => {
    let calls = 0;
    const refuseBoth = (call: RecordedCall): FixtureAnswer => {
      calls += 1;
      const keys = [...(call.body as URLSearchParams).keys()];
      const form = keys.includes('attribute[HAZARDS][]') ? 'brackets' : 'repeated';
      return { status: 400, type: 'application/json', body: JSON.stringify([{ code: 400, description: `attribute[HAZARDS]: refused (${form})` }]) };
    };
    const at = endpoint('refusing');
    const { client } = clientFor({ 'requests.json': refuseBoth }, at);
    const err = (await rejection(client.submit(REPORT))) as Open311Error;
    expect(err.errorFor('attribute[HAZARDS]')?.description).to.contain('(repeated)');
    expect(calls).to.equal(2);
    // Not remembered: the next report starts with the loud form again.
    await rejection(client.submit(REPORT));
    expect(calls).to.equal(4);
  });
});

describe('Open311Client: discovery that does not describe this endpoint', () => {
  const otherHostsOnly = {
    body: JSON.stringify({
      endpoints: [
        { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://county.example/georeport/v2', formats: ['text/xml'], extensions: ['bbox', 'page'] },
      ],
    }),
  };

  it('decides neither the format (JSON stays) nor the extensions (bbox filtered here)', async () => {
    const server = fixtureFetch({ 'discovery.json': otherHostsOnly, 'services.json': { file: 'services-bare.json' }, 'requests.json': { file: 'requests-bare.json' } });
    const auto = new Open311Client({ endpoint: FIXTURE_ENDPOINT, fetch: server.fetch });
    const services = await auto.services();
    expect(services.length).to.be.greaterThan(0);
    expect(services.every((s) => s.service_name !== s.service_code)).to.equal(true);
    expect(await auto.supports('bbox')).to.equal(false);
    const inBox = await auto.requests({ bbox: [-73, 41, -72, 42] });
    const get = server.calls.find((c) => c.url.pathname.endsWith('/requests.json'));
    expect(get, 'requests asked for in JSON').to.exist;
    expect(get!.url.searchParams.has('bbox')).to.equal(false);
    expect(inBox.map((r) => r.service_request_id ?? r.token)).to.deep.equal(['A-100', 'tok-9']);
  });

  it('an entry with the same path on another host still describes it (a relay, a CDN name)', async () => {
    const samePath = {
      body: JSON.stringify({
        endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://upstream.example/open311/v2/', formats: ['application/json'], extensions: ['bbox'] }],
      }),
    };
    const server = fixtureFetch({ 'discovery.json': samePath });
    expect(await new Open311Client({ endpoint: FIXTURE_ENDPOINT, fetch: server.fetch }).supports('bbox')).to.equal(true);
  });
});

describe('Open311Client.request(id) never answers another record', () => {
  it('is undefined when the server answers records of other ids (a list that ignores the path)', async () => {
    const { client } = clientFor({ 'requests/Z-999.json': { file: 'requests-bare.json' } }, FIXTURE_ENDPOINT);
    expect(await client.request('Z-999')).to.equal(undefined);
  });

  it('picks the record with the id out of such a list', async () => {
    const { client } = clientFor({ 'requests/A-102.json': { file: 'requests-bare.json' } }, FIXTURE_ENDPOINT);
    expect((await client.request('A-102'))?.service_request_id).to.equal('A-102');
  });
});

describe('Open311Client: an HTML 404 page means not found', () => {
  const html404 = { status: 404, type: 'text/html; charset=utf-8', body: '<!doctype html><html><body><h1>Page not found</h1></body></html>' };

  it('an unknown request is undefined, an unknown service and token reject Open311Error 404', async () => {
    const { client } = clientFor({ 'requests/42.json': html404, 'services/NOPE.json': html404, 'tokens/T-1.json': html404 }, FIXTURE_ENDPOINT);
    expect(await client.request('42')).to.equal(undefined);
    for (const call of [client.serviceDefinition('NOPE'), client.requestIdForToken('T-1')]) {
      const err = (await rejection(call)) as Open311Error;
      expect(err).to.be.instanceOf(Open311Error);
      expect(err.status).to.equal(404);
      expect(err.message).to.contain('could not find');
    }
  });
});

describe('Open311Client: valid JSON of the wrong shape is malformed, never an empty list', () => {
  const cases: Array<[string, string]> = [
    ['an object where the list belongs (a PHP array with keys)', '{"service_requests":{"0":{"service_request_id":"1"},"1":{"service_request_id":"2"}}}'],
    ['a status object in the wrapper', '{"service_requests":{"status":"maintenance"}}'],
    ['a bare value in the wrapper', '{"service_requests":"none today"}'],
    ['lists nested in the list', '[[{"service_request_id":"1"}]]'],
    ['bare values as entries', '["1","2"]'],
  ];
  for (const [what, body] of cases) {
    it(`requests: ${what}`, async () => {
      const { client } = clientFor({ 'requests.json': { body, type: 'application/json' } }, FIXTURE_ENDPOINT);
      const err = (await rejection(client.requests())) as MalformedResponseError;
      expect(err).to.be.instanceOf(MalformedResponseError);
      expect(err.message).to.contain('a requests list was expected');
    });
  }

  it('services: an object where the list belongs', async () => {
    const { client } = clientFor({ 'services.json': { body: '{"services":{"count":0}}', type: 'application/json' } }, FIXTURE_ENDPOINT);
    const err = (await rejection(client.services())) as MalformedResponseError;
    expect(err).to.be.instanceOf(MalformedResponseError);
    expect(err.message).to.contain('a services list was expected; found an object where the list belongs');
  });

  it('deep nesting, in JSON and in XML, rejects MalformedResponseError "nested too deeply"', async () => {
    const deepJson = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepKeywords = JSON.stringify([{ service_code: 'X', keywords: JSON.parse(`${'['.repeat(200)}"a"${']'.repeat(200)}`) }]);
    const deepXml = `<service_requests>${'<request>'.repeat(200)}1${'</request>'.repeat(200)}</service_requests>`;
    const { client } = clientFor(
      { 'requests.json': { body: deepJson, type: 'application/json' }, 'services.json': { body: deepKeywords, type: 'application/json' } },
      FIXTURE_ENDPOINT,
    );
    const xml = new Open311Client({ endpoint: FIXTURE_ENDPOINT, format: 'xml', fetch: fixtureFetch({ 'requests.xml': { body: deepXml, type: 'text/xml' } }).fetch });
    for (const call of [client.requests(), client.services(), xml.requests()]) {
      const err = (await rejection(call)) as MalformedResponseError;
      expect(err).to.be.instanceOf(MalformedResponseError);
      expect(err.message).to.contain('nested too deeply');
    }
  });

  it('still reads what real servers send: empty lists, one bare record, XML with one request, converter items', async () => {
    const { client } = clientFor(
      {
        'requests.json': { body: '{"service_requests":[]}', type: 'application/json' },
        'requests/7.json': { body: '{"service_request_id":"7","status":"open"}', type: 'application/json' },
        'requests/8.json': { body: '[{"request":{"service_request_id":"8","status":"open"}}]', type: 'application/json' },
        'services.json': { body: '{"services":null}', type: 'application/json' },
      },
      FIXTURE_ENDPOINT,
    );
    expect(await client.requests()).to.deep.equal([]);
    expect(await client.services()).to.deep.equal([]);
    expect((await client.request('7'))?.status).to.equal('open');
    expect((await client.request('8'))?.status).to.equal('open');
    const xml = new Open311Client({ endpoint: FIXTURE_ENDPOINT, format: 'xml', fetch: fixtureFetch({ 'requests.xml': { file: 'requests-empty.xml' } }).fetch });
    expect(await xml.requests()).to.deep.equal([]);
  });
});
