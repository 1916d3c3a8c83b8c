// Real-server differences, one fixture each, read through the public client the way a widget
// would: whatever the server's dialect, the caller sees the same normalised shape.
import { expect } from '@open-wc/testing';
import { Open311Client } from '../../src/api/index.js';
import { FIXTURE_ENDPOINT, fixtureFetch, type FixtureAnswer } from './fixture-server.js';

function client(routes: Record<string, FixtureAnswer>, format: 'json' | 'xml' | 'auto' = 'auto') {
  const server = fixtureFetch(routes);
  return { client: new Open311Client({ endpoint: FIXTURE_ENDPOINT, format, fetch: server.fetch }), calls: server.calls };
}

describe('Open311Client normalisation: services', () => {
  it('reads a bare JSON array with numeric codes and "true" as a boolean', async () => {
    const { client: c } = client({ 'services.json': { file: 'services-bare.json' } });
    const services = await c.services();
    expect(services).to.deep.equal([
      {
        service_code: '1',
        service_name: 'Cans left out 24x7',
        description: 'Garbage or recycling cans left out after collection.',
        metadata: true,
        type: 'realtime',
        keywords: ['lorem', 'ipsum', 'dolor'],
        group: 'sanitation',
      },
      // null description / keywords and "" group are absent, never null or "".
      { service_code: '2', service_name: 'Construction plate shifted', metadata: false, type: 'batch', keywords: [] },
    ]);
  });

  it('unwraps {"services":[…]}, reads "True"/1/"False", keyword arrays, and lower-cases type', async () => {
    const { client: c } = client({ 'services.json': { file: 'services-wrapped.json' } });
    const services = await c.services();
    expect(services.map((s) => [s.service_code, s.metadata, s.type])).to.deep.equal([
      ['POTHOLE', true, 'realtime'],
      ['GRAFFITI', true, 'realtime'],
      ['INFO', false, 'blackbox'],
    ]);
    expect(services[0].keywords).to.deep.equal(['road', 'hole']);
    expect(services[1].keywords).to.deep.equal(['paint', 'tag']);
  });

  it('reads XML in any element order, with empty elements left out', async () => {
    const { client: c } = client({ 'services.xml': { file: 'services.xml' } }, 'xml');
    const services = await c.services();
    expect(services[1]).to.deep.equal({
      service_code: '002',
      service_name: 'Construction plate shifted',
      metadata: false,
      type: 'realtime',
      keywords: [],
      group: 'street',
    });
    expect(services[1]).not.to.have.property('description');
    expect(services[0].service_code).to.equal('001');
  });
});

describe('Open311Client normalisation: service definitions', () => {
  it('reads XML: a single <value> is still a list, flags are booleans, sorted by order', async () => {
    const { client: c } = client({ 'services/DMV66.xml': { file: 'service-definition.xml' } }, 'xml');
    const def = await c.serviceDefinition('DMV66');
    expect(def.service_code).to.equal('DMV66');
    expect(def.attributes.map((a) => a.code)).to.deep.equal(['NOTICE', 'ROADSIDE', 'HAZARDS']);
    const [notice, roadside, hazards] = def.attributes;
    expect(notice).to.include({ variable: false, required: false, datatype: 'text', order: 1 });
    expect(notice.values).to.deep.equal([]);
    expect(roadside).to.include({ variable: true, required: true, datatype: 'singlevaluelist', order: 2 });
    expect(roadside).not.to.have.property('datatype_description');
    expect(roadside.values).to.deep.equal([{ key: 'N', name: 'North side' }]);
    expect(hazards.values).to.deep.equal([
      { key: '1', name: 'Broken glass' },
      { key: '2', name: 'Oil' },
      { key: '3', name: 'Needles' },
    ]);
    expect(hazards.datatype_description).to.equal('Choose all that apply');
  });

  it('reads JSON with string flags and orders, bare-string values, numeric codes; drops code-less attributes', async () => {
    const { client: c } = client({ 'services/33.json': { file: 'service-definition.json' } });
    const def = await c.serviceDefinition('33');
    expect(def.service_code).to.equal('33');
    expect(def.attributes).to.deep.equal([
      { variable: true, code: '7', datatype: 'number', required: false, order: 1, description: 'How many?', values: [] },
      {
        variable: true,
        code: 'SIZE',
        datatype: 'singlevaluelist',
        required: true,
        order: 2,
        description: 'How big is it?',
        values: [
          { key: 'Small', name: 'Small' },
          { key: 'Large', name: 'Large' },
        ],
      },
    ]);
  });
});

describe('Open311Client normalisation: service requests', () => {
  it('unwraps {"service_requests":[…]}: string ids, numeric lat/long from strings, lower-case status', async () => {
    const { client: c } = client({ 'requests.json': { file: 'requests-wrapped.json' } });
    const list = await c.requests();
    expect(list.map((r) => r.service_request_id)).to.deep.equal(['638344', '638345']);
    expect(list[0]).to.deep.equal({
      service_request_id: '638344',
      status: 'open',
      service_name: 'Pothole',
      service_code: 'POTHOLE',
      description: 'Deep hole in the bike lane',
      // Without a timezone: taken as UTC.
      requested_datetime: '2024-03-01T14:05:00Z',
      updated_datetime: '2024-03-02T09:00:00Z',
      address: '12 Main St',
      lat: 41.7658,
      long: -72.6734,
    });
    expect(list[1].status).to.equal('closed');
    // The server's own offset is kept.
    expect(list[1].requested_datetime).to.equal('2024-03-01T08:00:00-05:00');
    expect(list[1]).not.to.have.property('lat');
  });

  it('drops a list record with neither id nor token, keeps one with only a token', async () => {
    const { client: c } = client({ 'requests.json': { file: 'requests-bare.json' } });
    const list = await c.requests();
    expect(list.map((r) => r.service_request_id ?? `token:${r.token}`)).to.deep.equal(['A-100', 'A-101', 'A-102', 'token:tok-9']);
    const wrapped = await client({ 'requests.json': { file: 'requests-wrapped.json' } }).client.requests();
    expect(wrapped.some((r) => r.description?.startsWith('A record with neither'))).to.equal(false);
  });

  it('normalises notes, +0100 offsets, and refuses non-http media URLs and 0,0 locations', async () => {
    const { client: c } = client({ 'requests.json': { file: 'requests-bare.json' } });
    const [a100, a101, a102] = await c.requests();
    expect(a100.requested_datetime).to.equal('2024-03-01T14:05:00+01:00');
    expect(a100.notes).to.deep.equal([
      { datetime: '2024-03-01T14:05:00Z', type: 'opened', summary: 'Request received' },
      { datetime: '2024-03-03T09:30:00Z', type: 'update', summary: 'Crew assigned', description: 'Scheduled for Thursday' },
    ]);
    expect(a100.extended_attributes).to.deep.equal({ x: 5 });
    expect(a100.media_url).to.equal('https://city.example/photos/a100.jpg');
    expect(a101).not.to.have.property('media_url');
    expect(a102).not.to.have.property('lat');
    expect(a102).not.to.have.property('long');
  });

  it('reads XML with <long> before <lat>, <zipcode/> left out, and invalid dates left out', async () => {
    const { client: c } = client({ 'requests.xml': { file: 'requests.xml' } }, 'xml');
    const [first, second] = await c.requests();
    expect(first.lat).to.equal(41.7658);
    expect(first.long).to.equal(-72.6734);
    for (const field of ['zipcode', 'status_notes', 'media_url', 'expected_datetime', 'agency_responsible']) {
      expect(first, field).not.to.have.property(field);
    }
    expect(first.requested_datetime).to.equal('2024-03-01T14:05:00+05:00');
    expect(first.updated_datetime).to.equal('2024-03-01T14:05:00Z');
    // Indentation around a value is not part of it.
    expect(first.service_notice).to.equal('Crews inspect within 2 business days.');
    expect(second).to.deep.equal({
      service_request_id: '638345',
      status: 'closed',
      service_code: 'GRAFFITI',
      requested_datetime: '2024-03-01T08:00:00Z',
    });
  });

  it('keeps escaped markup in a description as text, never as markup', async () => {
    const { client: c } = client({ 'requests.xml': { file: 'requests.xml' } }, 'xml');
    const [first] = await c.requests();
    expect(first.description).to.equal('Hole <b>deep</b> & wide <script>alert(1)</script>');
  });

  it('reads an XML root with namespace declarations, prefixed elements and xsi:nil', async () => {
    const { client: c } = client({ 'requests.xml': { file: 'requests-namespaced.xml' } }, 'xml');
    const list = await c.requests();
    expect(list).to.deep.equal([
      {
        service_request_id: '900',
        status: 'open',
        lat: 41.5,
        long: -72.5,
        service_code: 'STREETLIGHT',
        requested_datetime: '2024-04-01T12:00:00Z',
      },
    ]);
  });

  it('unwraps a SOAP envelope around the answer', async () => {
    const { client: c } = client({ 'requests.xml': { file: 'requests-soap.xml' } }, 'xml');
    const list = await c.requests();
    expect(list.map((r) => [r.service_request_id, r.status])).to.deep.equal([['901', 'closed']]);
  });

  it('reads one request by id, and resolves undefined for an empty list or a 404', async () => {
    const { client: c } = client(
      {
        'requests/638345.xml': { file: 'requests.xml' },
        'requests/777.xml': { file: 'requests-empty.xml' },
        'requests/404.xml': { file: 'errors-404.xml', status: 404 },
      },
      'xml',
    );
    expect((await c.request('638345'))?.service_code).to.equal('GRAFFITI');
    expect(await c.request('777')).to.equal(undefined);
    expect(await c.request('404')).to.equal(undefined);
  });
});

describe('Open311Client normalisation: discovery and format', () => {
  it('reads extensions from the discovery entry for this endpoint, not another one', async () => {
    const { client: c } = client({ 'discovery.json': { file: 'discovery.json' } });
    const discovery = await c.discovery();
    expect(discovery.endpoints).to.have.length(2);
    expect(discovery.endpoints[1]).not.to.have.property('extensions');
    expect(await c.supports('bbox')).to.equal(true);
    expect(await c.supports('media')).to.equal(true);
    const other = new Open311Client({
      endpoint: 'https://test.city.example/open311/v2/',
      fetch: fixtureFetch({ 'discovery.json': { file: 'discovery.json' } }).fetch,
    });
    expect(await other.supports('bbox')).to.equal(false);
  });

  it('switches to XML when discovery lists only XML, and reads XML <extensions>', async () => {
    const { client: c, calls } = client({
      'discovery.xml': { file: 'discovery-xml-only.xml' },
      'services.xml': { file: 'services.xml' },
    });
    const services = await c.services();
    expect(services).to.have.length(2);
    // The JSON list was asked for alongside discovery (what nearly every server speaks); once
    // discovery says XML only, the list is asked for again in XML, last.
    expect(calls.map((x) => x.url.pathname).sort()).to.deep.equal([
      '/open311/v2/discovery.json',
      '/open311/v2/discovery.xml',
      '/open311/v2/services.json',
      '/open311/v2/services.xml',
    ]);
    expect(calls.at(-1)!.url.pathname).to.equal('/open311/v2/services.xml');
    expect(calls.at(-1)!.accept).to.match(/^text\/xml/);
    expect(await c.supports('bbox')).to.equal(true);
    expect(await c.supports('page')).to.equal(false);
    const discovery = await c.discovery();
    expect(discovery).not.to.have.property('key_service');
    expect(discovery.endpoints[0].formats).to.deep.equal(['text/xml']);
  });

  it('treats a server without discovery as offering no extensions, speaking JSON', async () => {
    const { client: c, calls } = client({ 'services.json': { file: 'services-bare.json' } });
    expect(await c.supports('extensions')).to.equal(false);
    expect(await c.discovery()).to.deep.equal({ endpoints: [] });
    await c.services();
    expect(calls.at(-1)?.url.pathname).to.equal('/open311/v2/services.json');
    expect(calls.at(-1)?.accept).to.match(/^application\/json/);
    // Discovery is asked once, then cached.
    await c.services();
    expect(calls.filter((x) => x.url.pathname.includes('discovery'))).to.have.length(2);
  });
});
