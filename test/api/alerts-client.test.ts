// AlertsClient over HTTP: ETag revalidation and failures, with an injected fetch standing in for
// feeds we cannot reach (a city's CAP server, api.weather.gov).
import { expect } from '@open-wc/testing';
import { AlertsClient, HtmlErrorPageError, HttpError, NetworkError, TimeoutError } from '../../src/api/index.js';

interface Call {
  url: string;
  ifNoneMatch: string | null;
  accept: string | null;
}

/** A feed that answers `body` with ETag `"v1"`, and 304 when asked with that ETag. */
function feed(body: string, type = 'application/json'): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    calls.push({ url: String(input), ifNoneMatch: headers.get('if-none-match'), accept: headers.get('accept') });
    if (headers.get('if-none-match') === '"v1"') return new Response(null, { status: 304, headers: { ETag: '"v1"' } });
    return new Response(body, { status: 200, headers: { 'Content-Type': type, ETag: '"v1"' } });
  };
  return { fetch: fake as typeof fetch, calls };
}

const CAP_URL = '/test/api/fixtures/alerts/cap-single.xml';

describe('AlertsClient', () => {
  it('reads a feed, then revalidates it with If-None-Match and gets “not modified”', async () => {
    const body = await (await fetch(CAP_URL)).text();
    const server = feed(body, 'application/cap+xml');
    const client = new AlertsClient({ fetch: server.fetch });
    const first = await client.read('https://city.example/alerts.xml');
    expect(first.modified).to.equal(true);
    if (!first.modified) throw new Error('unreachable');
    expect(first.alerts.map((a) => a.identifier)).to.deep.equal(['HFD-EOC-2026-0412']);
    expect(first.etag).to.equal('"v1"');
    const second = await client.read('https://city.example/alerts.xml', { etag: first.etag });
    expect(second).to.deep.equal({ modified: false, etag: '"v1"' });
    expect(server.calls.map((c) => c.ifNoneMatch)).to.deep.equal([null, '"v1"']);
    expect(server.calls[0]!.accept).to.contain('application/cap+xml');
  });

  it('tells an error status, an HTML page, no answer and a slow answer apart', async () => {
    const status = (code: number, body = '') =>
      new AlertsClient({ fetch: (async () => new Response(body, { status: code })) as typeof fetch }).read('https://x.example/a');
    const errorOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
    const http = await errorOf(status(503, 'busy'));
    expect(http).to.be.instanceOf(HttpError);
    expect((http as HttpError).status).to.equal(503);
    expect(await errorOf(status(502, '<!DOCTYPE html><html><body>Bad gateway</body></html>'))).to.be.instanceOf(HtmlErrorPageError);
    const down = new AlertsClient().read('http://127.0.0.1:9/alerts/v1/active.json');
    expect(await errorOf(down)).to.be.instanceOf(NetworkError);
    const never = new AlertsClient({ timeout: 50, fetch: (() => new Promise<Response>(() => {})) as typeof fetch });
    expect(await errorOf(never.read('https://x.example/a'))).to.be.instanceOf(TimeoutError);
  });
});
