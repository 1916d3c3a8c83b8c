import { expect, waitUntil } from '@open-wc/testing';
import { createBackend } from '../../src/core/backend-factory.js';
import { CachingOpen311Client } from '../../src/core/open311-backend.js';
import { Open311Client } from '../../src/api/open311.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

const DOWN = 'http://127.0.0.1:9/open311/v2';
const storedFor = (endpoint: string) => `civic-elements:services:${JSON.stringify([endpoint, 'hartford.ct.us', ''])}`;
const kept = (endpoint: string) => (JSON.parse(localStorage.getItem(storedFor(endpoint)) ?? 'null') as { services: unknown } | null)?.services;

describe('the Open311 backend the elements register', () => {
  beforeEach(() => localStorage.clear());

  it('makes an Open311 client for an endpoint', () => {
    const backend = createBackend({ endpoint: OPEN311_ENDPOINT, jurisdictionId: 'hartford.ct.us' });
    expect(backend).to.be.instanceOf(Open311Client);
  });

  it('keeps the service list for the next visit, answers it from there at once, and refreshes it', async () => {
    const truth = await new Open311Client({ endpoint: OPEN311_ENDPOINT }).services();
    const firstVisit = new CachingOpen311Client({ endpoint: OPEN311_ENDPOINT, jurisdictionId: 'hartford.ct.us' });
    expect((await firstVisit.services()).map((s) => s.service_code)).to.deep.equal(truth.map((s) => s.service_code));
    expect(kept(OPEN311_ENDPOINT)).to.deep.equal(truth);

    // What an earlier visit saw, since changed on the server.
    const stale = [{ service_code: 'OLD', service_name: 'Gone since', group: 'Old', metadata: false, type: 'realtime', keywords: [] }];
    localStorage.setItem(storedFor(OPEN311_ENDPOINT), JSON.stringify({ services: stale, emergency: 'null' }));
    const nextVisit = new CachingOpen311Client({ endpoint: OPEN311_ENDPOINT, jurisdictionId: 'hartford.ct.us' });
    expect(await nextVisit.services()).to.deep.equal(stale);
    await waitUntil(() => JSON.stringify(kept(OPEN311_ENDPOINT)) === JSON.stringify(truth), 'refreshed for the visit after', { timeout: 15_000 });
  });

  it('does not answer from storage when discovery says something else about an emergency than when it was kept', async () => {
    const truth = await new Open311Client({ endpoint: OPEN311_ENDPOINT }).services();
    const stale = [{ service_code: 'OLD', service_name: 'Kept before the storm ended', group: 'Old', metadata: false, type: 'realtime', keywords: [] }];
    localStorage.setItem(storedFor(OPEN311_ENDPOINT), JSON.stringify({ services: stale, emergency: JSON.stringify({ name: 'Tropical Storm Elsa' }) }));
    const visit = new CachingOpen311Client({ endpoint: OPEN311_ENDPOINT, jurisdictionId: 'hartford.ct.us' });
    expect((await visit.services()).map((s) => s.service_code)).to.deep.equal(truth.map((s) => s.service_code));
  });

  it('without a stored list, a server that cannot be reached fails as before, and stores nothing', async () => {
    const client = new CachingOpen311Client({ endpoint: DOWN, jurisdictionId: 'hartford.ct.us', timeout: 2000 });
    let failed = false;
    await client.services().catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(localStorage.getItem(storedFor(DOWN))).to.equal(null);
  });
});
