// What the client sends, and the fallbacks when a backend lacks an extension.
import { expect } from '@open-wc/testing';
import { Open311Client, Open311Error } from '../../src/api/index.js';
import { FIXTURE_ENDPOINT, fixtureFetch, type FixtureAnswer } from './fixture-server.js';

function setup(routes: Record<string, FixtureAnswer>, options: { format?: 'json' | 'xml'; withDiscovery?: boolean } = {}) {
  const server = fixtureFetch({
    ...(options.withDiscovery ? { 'discovery.json': { file: 'discovery.json' } } : {}),
    ...routes,
  });
  const client = new Open311Client({
    endpoint: `${FIXTURE_ENDPOINT}/`,
    jurisdictionId: 'city.example',
    apiKey: 'public-key',
    format: options.format,
    fetch: server.fetch,
  });
  const last = () => {
    const call = server.calls.at(-1);
    if (!call) throw new Error('no call made');
    return call;
  };
  return { client, calls: server.calls, last };
}

describe('Open311Client.requests query', () => {
  it('sends core filters comma-joined, with jurisdiction_id, below an endpoint given with a trailing slash', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'requests-bare.json' } });
    await client.requests({
      service_request_id: ['1', '2'],
      service_code: ['POTHOLE', 'GRAFFITI'],
      status: ['open', 'closed'],
      start_date: '2024-01-01T00:00:00Z',
      end_date: '2024-03-01T00:00:00Z',
    });
    const { url } = last();
    expect(url.origin + url.pathname).to.equal('https://city.example/open311/v2/requests.json');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      service_request_id: '1,2',
      service_code: 'POTHOLE,GRAFFITI',
      status: 'open,closed',
      start_date: '2024-01-01T00:00:00Z',
      end_date: '2024-03-01T00:00:00Z',
      jurisdiction_id: 'city.example',
    });
  });

  it('sends page, bbox, updated_after and extensions=true when discovery offers them, and trusts the answer', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'requests-bare.json' } }, { withDiscovery: true });
    const list = await client.requests({
      page: 2,
      page_size: 50,
      bbox: [-73, 41, -72, 42],
      updated_after: '2024-03-04T00:00:00Z',
      extensions: true,
    });
    const params = last().url.searchParams;
    expect(params.get('page')).to.equal('2');
    expect(params.get('page_size')).to.equal('50');
    expect(params.get('bbox')).to.equal('-73,41,-72,42');
    expect(params.get('updated_after')).to.equal('2024-03-04T00:00:00Z');
    expect(params.get('extensions')).to.equal('true');
    // The server did the filtering: its whole answer comes back.
    expect(list).to.have.length(4);
  });

  it('without the bbox extension: no bbox sent, filtered here on lat/long', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'requests-bare.json' } });
    const list = await client.requests({ bbox: [-73, 41, -72, 42] });
    expect(last().url.searchParams.has('bbox')).to.equal(false);
    // A-101 lies outside, A-102 has no usable location.
    expect(list.map((r) => r.service_request_id ?? r.token)).to.deep.equal(['A-100', 'tok-9']);
  });

  it('without updated_after: not sent, filtered here on updated (else requested) datetime', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'requests-bare.json' } });
    const list = await client.requests({ updated_after: '2024-03-04T00:00:00Z' });
    expect(last().url.searchParams.has('updated_after')).to.equal(false);
    expect(list.map((r) => r.service_request_id ?? r.token)).to.deep.equal(['A-100', 'A-102', 'tok-9']);
  });

  it('without page: not sent, the answer sliced here so paging ends', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'requests-bare.json' } });
    const page2 = await client.requests({ page: 2, page_size: 3 });
    expect(last().url.searchParams.has('page')).to.equal(false);
    expect(last().url.searchParams.has('page_size')).to.equal(false);
    expect(page2.map((r) => r.token)).to.deep.equal(['tok-9']);
    expect(await client.requests({ page: 3, page_size: 3 })).to.deep.equal([]);
  });

  it('without extensions: extensions=true is not sent', async () => {
    const { client, last } = setup({ 'requests/A-100.json': { file: 'requests-bare.json' } });
    const r = await client.request('A-100', { extensions: true });
    expect(last().url.searchParams.has('extensions')).to.equal(false);
    expect(r?.service_request_id).to.equal('A-100');
  });
});

describe('Open311Client.submit', () => {
  it('posts application/x-www-form-urlencoded with api_key, jurisdiction_id and attribute[code][] per value', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'post-id.json' } });
    const result = await client.submit({
      service_code: 'POTHOLE',
      lat: 41.7658,
      long: -72.6734,
      description: 'Deep & wide',
      email: 'resident@example.org',
      attributes: { ROADSIDE: 'N', HAZARDS: ['1', '3'], EMPTY: '' },
    });
    const call = last();
    expect(call.method).to.equal('POST');
    expect(call.url.href).to.equal('https://city.example/open311/v2/requests.json');
    expect(call.body).to.be.instanceOf(URLSearchParams);
    const body = call.body as URLSearchParams;
    expect([...body]).to.deep.equal([
      ['api_key', 'public-key'],
      ['jurisdiction_id', 'city.example'],
      ['service_code', 'POTHOLE'],
      ['lat', '41.7658'],
      ['long', '-72.6734'],
      ['description', 'Deep & wide'],
      ['email', 'resident@example.org'],
      ['attribute[ROADSIDE]', 'N'],
      ['attribute[HAZARDS][]', '1'],
      ['attribute[HAZARDS][]', '3'],
    ]);
    // The browser sends it as the spec's content type.
    expect(new Request('https://x/', { method: 'POST', body }).headers.get('content-type')).to.match(
      /^application\/x-www-form-urlencoded/,
    );
    expect(result).to.deep.equal({
      service_request_id: '293944',
      service_notice: 'The City will inspect within 24 hours.',
    });
  });

  it('sends the photo as multipart `media` when the backend offers media', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'post-id.json' } }, { withDiscovery: true });
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'pothole.jpg', { type: 'image/jpeg' });
    await client.submit({ service_code: 'POTHOLE', address_string: '12 Main St', media: photo, attributes: { HAZARDS: ['2'] } });
    const body = last().body;
    expect(body).to.be.instanceOf(FormData);
    const form = body as FormData;
    const media = form.get('media');
    expect(media).to.be.instanceOf(File);
    expect((media as File).name).to.equal('pothole.jpg');
    expect((media as File).size).to.equal(3);
    expect(form.get('api_key')).to.equal('public-key');
    expect(form.getAll('attribute[HAZARDS][]')).to.deep.equal(['2']);
  });

  it('drops the photo and stays urlencoded when the backend does not offer media', async () => {
    const { client, last } = setup({ 'requests.json': { file: 'post-id.json' } });
    await client.submit({ service_code: 'POTHOLE', address_string: '12 Main St', media: new Blob(['x'], { type: 'image/png' }) });
    const body = last().body;
    expect(body).to.be.instanceOf(URLSearchParams);
    expect((body as URLSearchParams).has('media')).to.equal(false);
  });
});

describe('Open311Client token flow', () => {
  it('a POST answering a token, then the token resolving to an id', async () => {
    let resolved = false;
    const server = fixtureFetch({
      'requests.xml': { file: 'post-token.xml' },
      'tokens/TOK-12345.xml': () => ({ file: resolved ? 'token-resolved.json' : 'token-pending.xml' }),
      'tokens/UNKNOWN.xml': { file: 'errors-404.xml', status: 404 },
    });
    const client = new Open311Client({ endpoint: FIXTURE_ENDPOINT, format: 'xml', fetch: server.fetch });
    const result = await client.submit({ service_code: 'POTHOLE', lat: 41.7, long: -72.6 });
    expect(result).to.deep.equal({ token: 'TOK-12345', service_notice: 'We will assign a reference number shortly.' });
    expect(await client.requestIdForToken('TOK-12345')).to.equal(undefined);
    resolved = true;
    expect(await client.requestIdForToken('TOK-12345')).to.equal('638344');
    let error: unknown;
    await client.requestIdForToken('UNKNOWN').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Open311Error);
    expect((error as Open311Error).status).to.equal(404);
  });
});
