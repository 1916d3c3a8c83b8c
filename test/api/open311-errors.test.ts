// How failures reach a caller: each one a CivicError with a `kind` a widget can switch on.
import { expect } from '@open-wc/testing';
import {
  CivicError,
  HtmlErrorPageError,
  MalformedResponseError,
  NetworkError,
  Open311Client,
  Open311Error,
  TimeoutError,
} from '../../src/api/index.js';
import { FIXTURE_ENDPOINT, fixtureFetch, type FixtureAnswer } from './fixture-server.js';

function client(routes: Record<string, FixtureAnswer>, format: 'json' | 'xml' = 'json') {
  return new Open311Client({ endpoint: FIXTURE_ENDPOINT, format, fetch: fixtureFetch(routes).fetch });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, got a value');
}

describe('Open311Client errors: <errors> bodies', () => {
  it('400 <errors>: each error with its field, found by errorFor', async () => {
    const c = client({ 'requests.xml': { file: 'errors-400.xml', status: 400 } }, 'xml');
    const e = await rejection(c.submit({ service_code: 'POTHOLE', lat: 41.7, long: -72.6 }));
    expect(e).to.be.instanceOf(Open311Error);
    expect(e).to.be.instanceOf(CivicError);
    const err = e as Open311Error;
    expect(err.kind).to.equal('open311');
    expect(err.status).to.equal(400);
    expect(err.errors).to.deep.equal([
      { code: '400', description: 'attribute[ROADSIDE]: Choose which side of the road', field: 'attribute[ROADSIDE]' },
      { code: '400', description: 'description: Enter a description of the problem', field: 'description' },
      // "Error:" names no parameter, so it is not taken for a field.
      { code: '400', description: 'Error: something else went wrong' },
    ]);
    expect(err.errorFor('attribute[ROADSIDE]')?.description).to.match(/^attribute\[ROADSIDE\]: Choose/);
    expect(err.errorFor('description')?.code).to.equal('400');
    expect(err.errorFor('email')).to.equal(undefined);
    expect(err.fieldErrors).to.deep.equal({
      'attribute[ROADSIDE]': 'Choose which side of the road',
      description: 'Enter a description of the problem',
    });
    expect(err.message).to.contain('Choose which side of the road');
  });

  it('403 JSON error array: numeric code as a string, api_key field', async () => {
    const c = client({ 'requests.json': { file: 'errors-403.json', status: 403 } });
    const err = (await rejection(c.submit({ service_code: 'X', address_string: '1 Main St' }))) as Open311Error;
    expect(err).to.be.instanceOf(Open311Error);
    expect(err.status).to.equal(403);
    expect(err.errors[0]).to.include({ code: '403', field: 'api_key' });
  });

  it('404 <errors> on a service definition rejects with status 404', async () => {
    const c = client({ 'services/NOPE.xml': { file: 'errors-404.xml', status: 404 } }, 'xml');
    const err = (await rejection(c.serviceDefinition('NOPE'))) as Open311Error;
    expect(err).to.be.instanceOf(Open311Error);
    expect(err.status).to.equal(404);
    expect(err.errors[0].field).to.equal('service_request_id');
  });

  it('500 {"errors":[…]} JSON object carries the server words', async () => {
    const c = client({ 'services.json': { file: 'errors-500.json', status: 500 } });
    const err = (await rejection(c.services())) as Open311Error;
    expect(err.status).to.equal(500);
    expect(err.errors).to.deep.equal([{ code: '500', description: 'The CRM is down for maintenance' }]);
  });

  it('an error status with a plain-text body still rejects Open311Error with the status', async () => {
    const c = client({ 'services.json': { body: 'Service Unavailable', status: 503, type: 'text/plain' } });
    const err = (await rejection(c.services())) as Open311Error;
    expect(err).to.be.instanceOf(Open311Error);
    expect(err.status).to.equal(503);
    expect(err.errors).to.deep.equal([]);
  });

  it('an <errors> body on 200 is an error, not an empty list', async () => {
    const c = client({ 'requests.xml': { file: 'errors-400.xml', status: 200 } }, 'xml');
    const err = (await rejection(c.requests())) as Open311Error;
    expect(err).to.be.instanceOf(Open311Error);
    expect(err.errors).to.have.length(3);
  });
});

describe('Open311Client errors: not Open311 at all', () => {
  it('an nginx 502 page rejects HtmlErrorPageError', async () => {
    const c = client({ 'services.json': { file: 'proxy-502.html', status: 502 } });
    const err = await rejection(c.services());
    expect(err).to.be.instanceOf(HtmlErrorPageError);
    expect((err as HtmlErrorPageError).kind).to.equal('html');
    expect((err as HtmlErrorPageError).status).to.equal(502);
  });

  it('an HTML 500 page, even mislabelled as JSON, rejects HtmlErrorPageError', async () => {
    const c = client({ 'services.json': { file: 'error-500.html', status: 500, type: 'application/json' } });
    const err = (await rejection(c.services())) as HtmlErrorPageError;
    expect(err).to.be.instanceOf(HtmlErrorPageError);
    expect(err.status).to.equal(500);
  });

  it('an HTML page on 200 (captive portal) is not data', async () => {
    const c = client({ 'services.json': { file: 'error-500.html', status: 200 } });
    expect(await rejection(c.services())).to.be.instanceOf(HtmlErrorPageError);
  });

  it('truncated JSON rejects MalformedResponseError', async () => {
    const c = client({ 'requests.json': { file: 'malformed.json' } });
    const err = (await rejection(c.requests())) as MalformedResponseError;
    expect(err).to.be.instanceOf(MalformedResponseError);
    expect(err.kind).to.equal('malformed');
    expect(err.status).to.equal(200);
  });

  it('badly-formed XML (DOMParser parsererror) rejects MalformedResponseError', async () => {
    const c = client({ 'requests.xml': { file: 'malformed.xml' } }, 'xml');
    const err = await rejection(c.requests());
    expect(err).to.be.instanceOf(MalformedResponseError);
  });

  it('parseable but wrong-shaped answers reject MalformedResponseError, never an empty list', async () => {
    const c = client({
      'services.json': { body: '{"message":"ok"}' },
      'requests.json': { body: '"maintenance"' },
    });
    expect(await rejection(c.services())).to.be.instanceOf(MalformedResponseError);
    expect(await rejection(c.requests())).to.be.instanceOf(MalformedResponseError);
    const x = client({ 'services.xml': { body: '<?xml version="1.0"?><status>down</status>', type: 'text/xml' } }, 'xml');
    expect(await rejection(x.services())).to.be.instanceOf(MalformedResponseError);
  });

  it('an HTML fragment labelled text/html without a doctype is an HTML page', async () => {
    const c = client({ 'services.xml': { body: '<h1>Bad Gateway</h1>', status: 502, type: 'text/html' } }, 'xml');
    const err = (await rejection(c.services())) as HtmlErrorPageError;
    expect(err).to.be.instanceOf(HtmlErrorPageError);
    expect(err.status).to.equal(502);
  });

  it('an <errors> body mislabelled text/html is still read as Open311 errors', async () => {
    const c = client({ 'requests.xml': { file: 'errors-400.xml', status: 400, type: 'text/html' } }, 'xml');
    const err = (await rejection(c.submit({ service_code: 'X', address_string: 'here' }))) as Open311Error;
    expect(err).to.be.instanceOf(Open311Error);
    expect(err.errorFor('description')).not.to.equal(undefined);
  });

  it('a fetch that rejects (offline, DNS, CORS) rejects NetworkError with the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const c = new Open311Client({ endpoint: FIXTURE_ENDPOINT, format: 'json', fetch: () => Promise.reject(cause) });
    const err = (await rejection(c.services())) as NetworkError;
    expect(err).to.be.instanceOf(NetworkError);
    expect(err.kind).to.equal('network');
    expect(err.cause).to.equal(cause);
  });

  it('a real unreachable host rejects NetworkError', async () => {
    // Port 9 (discard) on loopback: nothing listens, the browser's own fetch fails.
    const c = new Open311Client({ endpoint: 'http://127.0.0.1:9/open311/v2', format: 'json', timeout: 5000 });
    expect(await rejection(c.services())).to.be.instanceOf(NetworkError);
  });

  it('no answer within `timeout` rejects TimeoutError and aborts the fetch', async () => {
    let signal: AbortSignal | undefined;
    const hang = ((_: RequestInfo | URL, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => {});
    }) as typeof fetch;
    const c = new Open311Client({ endpoint: FIXTURE_ENDPOINT, format: 'json', timeout: 50, fetch: hang });
    const started = performance.now();
    const err = (await rejection(c.services())) as TimeoutError;
    expect(err).to.be.instanceOf(TimeoutError);
    expect(err.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(2000);
    expect(signal?.aborted).to.equal(true);
  });

  it('a network failure during discovery is not cached as "no discovery"', async () => {
    let fail = true;
    const server = fixtureFetch({ 'discovery.json': { file: 'discovery.json' } });
    const flaky = ((input: RequestInfo | URL, init?: RequestInit) =>
      fail ? Promise.reject(new TypeError('offline')) : server.fetch(input, init)) as typeof fetch;
    const c = new Open311Client({ endpoint: FIXTURE_ENDPOINT, fetch: flaky });
    expect(await rejection(c.supports('bbox'))).to.be.instanceOf(NetworkError);
    fail = false;
    expect(await c.supports('bbox')).to.equal(true);
  });
});
