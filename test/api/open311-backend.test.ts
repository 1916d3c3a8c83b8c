// Against the real reference backend over HTTP (cross-origin, so CORS is exercised too),
// in both wire formats: what a widget gets must not depend on the format.
import { expect } from '@open-wc/testing';
import { Open311Client, Open311Error, type ServiceRequest } from '../../src/api/index.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

const HARTFORD = { lat: 41.7637, long: -72.6851 };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection, got a value');
}

async function pngPhoto(): Promise<File> {
  const canvas = new OffscreenCanvas(4, 4);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#c00';
  ctx.fillRect(0, 0, 4, 4);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], 'pothole.png', { type: 'image/png' });
}

for (const format of ['json', 'xml'] as const) {
  describe(`Open311Client against the reference backend (${format})`, () => {
    const client = () => new Open311Client({ endpoint: OPEN311_ENDPOINT, format });

    it('discovery lists this endpoint and its extensions', async () => {
      const c = client();
      const discovery = await c.discovery();
      expect(discovery.endpoints[0].url.replace(/\/$/, '')).to.equal(OPEN311_ENDPOINT);
      for (const ext of ['extensions', 'page', 'bbox', 'updated_after', 'media'] as const) {
        expect(await c.supports(ext), ext).to.equal(true);
      }
    });

    it('services: normalised records with keyword arrays and boolean metadata', async () => {
      const services = await client().services();
      const pothole = services.find((s) => s.service_code === 'POTHOLE');
      expect(pothole).to.include({ service_name: 'Pothole', metadata: true, type: 'realtime' });
      expect(pothole?.keywords).to.include('road');
      expect(services.find((s) => s.service_code === 'BULKY')?.type).to.equal('batch');
    });

    it('service definition: a multivaluelist with its {key,name} values', async () => {
      const def = await client().serviceDefinition('SIDEWALK');
      const hazard = def.attributes.find((a) => a.code === 'HAZARD');
      expect(hazard).to.include({ datatype: 'multivaluelist', required: true, variable: true });
      expect(hazard?.values).to.deep.include({ key: 'ROOTS', name: 'Lifted by tree roots' });
    });

    it('an unknown service code rejects Open311Error 404 about service_code', async () => {
      const err = (await rejection(client().serviceDefinition('NO_SUCH_SERVICE'))) as Open311Error;
      expect(err).to.be.instanceOf(Open311Error);
      expect(err.status).to.equal(404);
      expect(err.errorFor('service_code')).not.to.equal(undefined);
    });

    it('submits with single and multivaluelist attributes, then reads the request back', async () => {
      const c = client();
      const description = `Raised slab by the bus stop (${format} ${Date.now()})`;
      const result = await c.submit({
        service_code: 'SIDEWALK',
        ...HARTFORD,
        description,
        attributes: { HAZARD: ['RAISED', 'ROOTS'] },
      });
      expect(result.service_request_id).to.match(/^\d+$/);
      const id = result.service_request_id ?? '';
      const back = await c.request(id);
      expect(back).to.include({ service_request_id: id, status: 'open', service_code: 'SIDEWALK', description });
      expect(back?.lat).to.be.closeTo(HARTFORD.lat, 1e-6);
      expect(back?.long).to.be.closeTo(HARTFORD.long, 1e-6);
      expect(back?.requested_datetime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);

      const pothole = await c.submit({ service_code: 'POTHOLE', ...HARTFORD, attributes: { SIZE: 'LARGE', LANE: 'BIKE' } });
      expect(pothole.service_request_id).to.match(/^\d+$/);
    });

    it('a missing required attribute rejects 400 with the error on that field', async () => {
      const err = (await rejection(
        client().submit({ service_code: 'SIDEWALK', ...HARTFORD, description: 'no hazard chosen' }),
      )) as Open311Error;
      expect(err).to.be.instanceOf(Open311Error);
      expect(err.status).to.equal(400);
      expect(err.errorFor('attribute[HAZARD]')?.description).to.be.a('string');
    });

    it('a batch service answers a token, which resolves to the request id', async () => {
      const c = client();
      const result = await c.submit({
        service_code: 'BULKY',
        address_string: '550 Main St, Hartford',
        attributes: { ITEMS: ['FURNITURE', 'MATTRESS'], ITEM_COUNT: '2' },
      });
      expect(result.token).to.be.a('string');
      expect(result).not.to.have.property('service_request_id');
      const id = await c.requestIdForToken(result.token ?? '');
      expect(id).to.match(/^\d+$/);
      expect((await c.request(id ?? ''))?.service_code).to.equal('BULKY');
    });

    it('an unknown token rejects Open311Error 404', async () => {
      const err = (await rejection(client().requestIdForToken('no-such-token'))) as Open311Error;
      expect(err).to.be.instanceOf(Open311Error);
      expect(err.status).to.equal(404);
    });

    it('an unknown request id resolves undefined', async () => {
      expect(await client().request('999999999')).to.equal(undefined);
    });

    it('requests: by id, by bbox, by page, updated_after, and notes with extensions', async () => {
      const c = client();
      const { service_request_id: id = '' } = await c.submit({ service_code: 'POTHOLE', ...HARTFORD, attributes: { SIZE: 'SMALL' } });

      const byId = await c.requests({ service_request_id: [id] });
      expect(byId.map((r) => r.service_request_id)).to.deep.equal([id]);

      const bbox: [number, number, number, number] = [HARTFORD.long - 0.001, HARTFORD.lat - 0.001, HARTFORD.long + 0.001, HARTFORD.lat + 0.001];
      const inBox = await c.requests({ bbox });
      expect(inBox.map((r) => r.service_request_id)).to.include(id);
      for (const r of inBox) {
        expect(r.long).to.be.within(bbox[0], bbox[2]);
        expect(r.lat).to.be.within(bbox[1], bbox[3]);
      }

      const page1 = await c.requests({ page: 1, page_size: 3 });
      const page2 = await c.requests({ page: 2, page_size: 3 });
      expect(page1).to.have.length(3);
      expect(page2.length).to.be.within(1, 3);
      const ids1 = page1.map((r) => r.service_request_id);
      expect(page2.some((r) => ids1.includes(r.service_request_id))).to.equal(false);

      const recent = await c.requests({ updated_after: new Date(Date.now() - 60_000).toISOString() });
      expect(recent.map((r) => r.service_request_id)).to.include(id);

      const withNotes = await c.request(id, { extensions: true });
      expect(withNotes?.notes).to.be.an('array');
      const list = await c.requests({ service_request_id: [id], extensions: true });
      expect(list[0].notes).to.be.an('array');
    });

    it('uploads a photo as multipart media and reads back a media_url that serves it', async () => {
      const c = client();
      const result = await c.submit({ service_code: 'POTHOLE', ...HARTFORD, attributes: { SIZE: 'MEDIUM' }, media: await pngPhoto() });
      const back = await c.request(result.service_request_id ?? '');
      expect(back?.media_url).to.match(/^https?:\/\//);
      const image = await fetch(back?.media_url ?? '');
      expect(image.ok).to.equal(true);
      expect(image.headers.get('content-type')).to.match(/^image\/png/);
    });
  });
}

describe('Open311Client against the reference backend: formats agree', () => {
  it('JSON and XML give the same normalised services, definitions and requests', async () => {
    const json = new Open311Client({ endpoint: OPEN311_ENDPOINT, format: 'json' });
    const xml = new Open311Client({ endpoint: OPEN311_ENDPOINT, format: 'xml' });
    expect(await xml.services()).to.deep.equal(await json.services());
    expect(await xml.serviceDefinition('POTHOLE')).to.deep.equal(await json.serviceDefinition('POTHOLE'));
    const query = { status: 'closed' as const, extensions: true, page_size: 20 };
    const [fromJson, fromXml]: ServiceRequest[][] = await Promise.all([json.requests(query), xml.requests(query)]);
    expect(fromJson.length).to.be.greaterThan(0);
    expect(fromXml).to.deep.equal(fromJson);
  });

  it('auto format speaks JSON to a backend that offers both', async () => {
    const seen: string[] = [];
    const spy = ((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new URL(String(input)).pathname);
      return fetch(input, init);
    }) as typeof fetch;
    const c = new Open311Client({ endpoint: `${OPEN311_ENDPOINT}/`, fetch: spy });
    expect((await c.services()).length).to.be.greaterThan(0);
    // The list is asked for alongside discovery, in JSON, and only once.
    expect(seen.filter((path) => path.includes('/services'))).to.deep.equal(['/open311/v2/services.json']);
    expect(seen).to.include('/open311/v2/discovery.json');
  });
});
