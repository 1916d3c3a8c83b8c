// <civic-service-request> in emergency mode, against the real reference backend: staff start an
// emergency through the alerts API, the form shows its alert and offers the storm categories first.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CivicServiceRequest } from '../../src/define/civic-service-request.js';
import { BACKEND_URL, OPEN311_ENDPOINT } from '../helpers/backend.js';
import { emergencyBackend } from '../../stories/support/emergency-backend.js';

/** The token web-test-runner.config.mjs starts the backend with. */
const STAFF_TOKEN = 'wtr-staff-token-not-a-secret';

const staff = (body: unknown) =>
  fetch(`${BACKEND_URL}/alerts/v1/emergency.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${STAFF_TOKEN}` },
    body: JSON.stringify(body),
  });

const root = (el: CivicServiceRequest) => el.shadowRoot!;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const groupTitles = (el: CivicServiceRequest) => [...root(el).querySelectorAll('.group-title')].map((h) => squash(h.textContent));
let n = 0;

async function form(lang = 'en'): Promise<CivicServiceRequest> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}><civic-service-request address-only draft-key=${`emergency-${n++}`} service-param="" endpoint=${OPEN311_ENDPOINT}></civic-service-request></div>`,
  );
  const el = wrapper.querySelector('civic-service-request')!;
  await waitUntil(() => root(el).querySelector('[data-service-code]'), 'categories shown', { timeout: 15_000 });
  return el;
}

describe('<civic-service-request> in emergency mode', () => {
  before(async () => {
    const res = await staff({ action: 'start', name: 'Tropical Storm Elsa', ends: new Date(Date.now() + 3_600_000).toISOString() });
    expect(res.status, await res.clone().text()).to.equal(201);
  });
  after(async () => {
    await staff({ action: 'end' });
  });

  it('shows the emergency’s alert above the categories and offers the storm ones first; accessible', async () => {
    const el = await form();
    await waitUntil(() => root(el).querySelector('[part=emergency-mode]'), 'emergency shown');
    const panel = root(el).querySelector('[part=emergency-mode]')!;
    expect(squash(panel.querySelector('strong')!.textContent)).to.equal('Emergency: Tropical Storm Elsa');
    expect(squash(panel.textContent)).to.contain('call the utility and 911');
    expect(panel.compareDocumentPosition(root(el).querySelector('fieldset')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    expect(groupTitles(el)[0]).to.equal('Tropical Storm Elsa');
    const firstGroup = root(el).querySelector('.group')!;
    expect([...firstGroup.querySelectorAll('[data-service-code]')].map((c) => c.getAttribute('data-service-code'))).to.have.members([
      'STORM_TREE', 'STORM_FLOOD', 'STORM_DEBRIS', 'STORM_POWERLINE',
    ]);
    expect(root(el).querySelector('[part=emergency-mode] [role=alert], [part=emergency-mode][role=alert]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('in Spanish, from the alert’s Spanish block', async () => {
    const el = await form('es');
    await waitUntil(() => root(el).querySelector('[part=emergency-mode]'), 'emergency shown');
    const panel = root(el).querySelector('[part=emergency-mode]')!;
    expect(panel.getAttribute('lang')).to.equal('es-US');
    expect(squash(panel.querySelector('strong')!.textContent)).to.equal('Emergencia: Tropical Storm Elsa');
    await expect(el).to.be.accessible();
  });

  it('after it ends, the form is back to normal on the same page', async () => {
    expect((await staff({ action: 'end' })).status).to.equal(200);
    const el = await form();
    expect(root(el).querySelector('[part=emergency-mode]')).to.equal(null);
    expect(groupTitles(el)).not.to.include('Tropical Storm Elsa');
    expect(root(el).querySelector('[data-service-code^="STORM_"]')).to.equal(null);
  });
});

describe('<civic-service-request> with another backend that announces an emergency', () => {
  it('shows it the same way (the Emergency story’s backend, its alert in a data: URL)', async () => {
    const el = await fixture<CivicServiceRequest>(html`<civic-service-request address-only draft-key="emergency-story" service-param="" .backend=${emergencyBackend()}></civic-service-request>`);
    await waitUntil(() => root(el).querySelector('[part=emergency-mode]'), 'emergency shown', { timeout: 10_000 });
    expect(squash(root(el).querySelector('[part=emergency-mode] strong')!.textContent)).to.equal('Emergency: Tropical Storm Elsa');
    expect(groupTitles(el)[0]).to.equal('Tropical Storm Elsa');
    await expect(el).to.be.accessible();
  });
});
