import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicServiceList } from '../../src/define/civic-service-list.js';
import { Open311Client } from '../../src/api/open311.js';
import type { CivicBackend } from '../../src/api/backend.js';
import type { Service } from '../../src/api/types.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

const shadow = (el: CivicServiceList) => el.shadowRoot!;
const items = (el: CivicServiceList) => [...shadow(el).querySelectorAll<HTMLLIElement>('li[data-service-code]')];
const loaded = (el: CivicServiceList) => waitUntil(() => items(el).length > 0 || shadow(el).querySelector('[role=alert]'), 'list or error shown', { timeout: 15_000 });

/** The backend's own answer, read independently of the widget, to compare against. */
const truth = () => new Open311Client({ endpoint: OPEN311_ENDPOINT }).services();

/** A backend whose answer the test releases by hand, to see the loading state. */
function heldBackend(): { backend: CivicBackend; release(services: Service[]): void } {
  let release!: (s: Service[]) => void;
  const pending = new Promise<Service[]>((r) => (release = r));
  const backend = { services: () => pending } as unknown as CivicBackend;
  return { backend, release: (s) => release(s) };
}

describe('<civic-service-list>', () => {
  it('is accessible with the backend\'s services listed', async () => {
    const el = await fixture<CivicServiceList>(html`<civic-service-list endpoint=${OPEN311_ENDPOINT}></civic-service-list>`);
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  describe('listing the reference backend\'s services', () => {
    it('shows every service once, under its group heading, with its description', async () => {
      const el = await fixture<CivicServiceList>(html`<civic-service-list endpoint=${OPEN311_ENDPOINT}></civic-service-list>`);
      await loaded(el);
      const services = await truth();
      expect(items(el).map((li) => li.dataset.serviceCode).sort()).to.deep.equal(services.map((s) => s.service_code).sort());
      for (const section of shadow(el).querySelectorAll('section')) {
        const group = section.querySelector('h3')!.textContent!.trim();
        for (const li of section.querySelectorAll<HTMLLIElement>('li')) {
          const service = services.find((s) => s.service_code === li.dataset.serviceCode)!;
          expect(service.group ?? 'Other').to.equal(group);
          expect(li.querySelector('.name')!.textContent).to.equal(service.service_name);
          if (service.description) expect(li.querySelector('.description')!.textContent).to.equal(service.description);
        }
      }
      expect(shadow(el).querySelector('.count')!.textContent).to.equal(`${services.length} services`);
    });

    it('gets its endpoint from an enclosing <civic-hall>', async () => {
      const hall = await fixture(html`<civic-hall endpoint=${OPEN311_ENDPOINT}><civic-service-list></civic-service-list></civic-hall>`);
      const el = hall.querySelector('civic-service-list')!;
      await loaded(el);
      expect(items(el).length).to.equal((await truth()).length);
    });

    it('limits the list to `service-codes`', async () => {
      const [a, b] = await truth();
      const el = await fixture<CivicServiceList>(
        html`<civic-service-list endpoint=${OPEN311_ENDPOINT} service-codes="${a!.service_code}, ${b!.service_code}"></civic-service-list>`,
      );
      await loaded(el);
      expect(items(el).map((li) => li.dataset.serviceCode).sort()).to.deep.equal([a!.service_code, b!.service_code].sort());
      expect(shadow(el).querySelector('.count')!.textContent).to.equal('2 services');
    });

    it('announces how many services it found in a polite status region', async () => {
      const el = await fixture<CivicServiceList>(html`<civic-service-list endpoint=${OPEN311_ENDPOINT}></civic-service-list>`);
      await loaded(el);
      const n = (await truth()).length;
      await waitUntil(() => shadow(el).querySelector('[role=status]')?.textContent?.includes(`${n} services`), 'count announced');
    });

    it('uses the heading level it is given, groups one below', async () => {
      const el = await fixture<CivicServiceList>(html`<civic-service-list heading-level="3" endpoint=${OPEN311_ENDPOINT}></civic-service-list>`);
      await loaded(el);
      expect(shadow(el).querySelector('h3.title')).to.exist;
      expect(shadow(el).querySelectorAll('h4.group-title').length).to.be.greaterThan(0);
    });
  });

  describe('links to a report page (report-url)', () => {
    it('links each service with its code filled in, and fires a cancelable civic-service-select', async () => {
      const el = await fixture<CivicServiceList>(
        html`<civic-service-list endpoint=${OPEN311_ENDPOINT} report-url="/report.html?service={service_code}"></civic-service-list>`,
      );
      await loaded(el);
      const first = items(el)[0]!;
      const link = first.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal(`/report.html?service=${encodeURIComponent(first.dataset.serviceCode!)}`);
      el.addEventListener('civic-service-select', (e) => e.preventDefault(), { once: true });
      const event = oneEvent(el, 'civic-service-select');
      link.click();
      const { detail, defaultPrevented } = await event;
      expect(detail.serviceCode).to.equal(first.dataset.serviceCode);
      expect(detail.service.service_name).to.equal(link.textContent);
      expect(defaultPrevented).to.be.true;
      expect(location.pathname).not.to.equal('/report.html');
    });
  });

  describe('loading', () => {
    it('says it is loading in a status region, and is accessible meanwhile', async () => {
      const held = heldBackend();
      const el = await fixture<CivicServiceList>(html`<civic-service-list .backend=${held.backend}></civic-service-list>`);
      expect(shadow(el).querySelector('[role=status]')!.textContent).to.equal('Loading services…');
      await expect(el).to.be.accessible();
      held.release([{ service_code: 'X', service_name: 'Pothole', metadata: false, keywords: [] }]);
      await waitUntil(() => items(el).length === 1);
    });
  });

  describe('empty', () => {
    it('says no services are available, accessibly', async () => {
      const el = await fixture<CivicServiceList>(html`<civic-service-list endpoint=${OPEN311_ENDPOINT} service-codes="NO_SUCH_CODE"></civic-service-list>`);
      await waitUntil(() => shadow(el).textContent!.includes('No services are available right now.'), 'empty message', { timeout: 15_000 });
      expect(items(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('backend down', () => {
    it('explains the failure with a retry that loads the list once the backend answers', async () => {
      // Port 9 on loopback: nothing listens, the browser's fetch fails for real.
      const el = await fixture<CivicServiceList>(html`<civic-service-list endpoint="http://127.0.0.1:9/open311/v2"></civic-service-list>`);
      await loaded(el);
      const alert = shadow(el).querySelector('[role=alert]')!;
      expect(alert.textContent).to.match(/couldn.t reach/i);
      await expect(el).to.be.accessible();
      el.endpoint = OPEN311_ENDPOINT; // the city fixes its configuration...
      await waitUntil(() => items(el).length > 0, 'list after the endpoint works', { timeout: 15_000 });
    });

    it('"Try again" asks the backend again', async () => {
      let calls = 0;
      const flaky = {
        services: async () => {
          calls++;
          if (calls === 1) throw Object.assign(new Error('offline'), { kind: 'network' });
          return [{ service_code: 'P', service_name: 'Pothole', metadata: false, keywords: [] }];
        },
      } as unknown as CivicBackend;
      const el = await fixture<CivicServiceList>(html`<civic-service-list .backend=${flaky}></civic-service-list>`);
      await loaded(el);
      shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
      await waitUntil(() => items(el).length === 1, 'list after retry');
      expect(calls).to.equal(2);
    });
  });

  describe('in Spanish', () => {
    it('follows the page language, and is accessible', async () => {
      const wrapper = await fixture(html`<div lang="es"><civic-service-list endpoint=${OPEN311_ENDPOINT}></civic-service-list></div>`);
      const el = wrapper.querySelector('civic-service-list')!;
      await loaded(el);
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Lo que puede reportar');
      expect(shadow(el).querySelector('.count')!.textContent).to.match(/^\d+ servicios$/);
      await expect(el).to.be.accessible();
    });

    it('what it announced follows a live switch of the page language', async () => {
      const wrapper = await fixture(html`<div lang="en"><civic-service-list endpoint=${OPEN311_ENDPOINT}></civic-service-list></div>`);
      const el = wrapper.querySelector('civic-service-list')!;
      await loaded(el);
      const n = (await truth()).length;
      const live = () => shadow(el).querySelector('[role=status]')?.textContent?.trim();
      await waitUntil(() => live() === `${n} services`, 'announced in English');
      wrapper.setAttribute('lang', 'es');
      await waitUntil(() => live() === `${n} servicios`, 'the same news, now in Spanish');
    });

    it('shows the backend\'s services and groups in Spanish, and switches back live', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="es"><civic-service-list endpoint=${OPEN311_ENDPOINT}></civic-service-list></div>`);
      const el = wrapper.querySelector('civic-service-list')!;
      await loaded(el);
      const text = () => shadow(el).textContent!.replace(/\s+/g, ' ');
      await waitUntil(() => text().includes('Bache'), 'Spanish service names', { timeout: 15_000 });
      expect(text()).to.contain('Calles y aceras');
      expect(text()).to.not.contain('Pothole');
      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => text().includes('Pothole'), 'English again', { timeout: 15_000 });
      expect(text()).to.contain('Streets & Sidewalks');
    });

    it('takes replacement strings', async () => {
      const el = await fixture<CivicServiceList>(
        html`<civic-service-list endpoint=${OPEN311_ENDPOINT} .strings=${{ serviceListTitle: 'Report a problem' }}></civic-service-list>`,
      );
      await loaded(el);
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Report a problem');
    });
  });

  it('drops an answer from a backend it no longer uses', async () => {
    const old = heldBackend();
    const el = await fixture<CivicServiceList>(html`<civic-service-list .backend=${old.backend}></civic-service-list>`);
    el.backend = { services: async () => [{ service_code: 'NEW', service_name: 'New', metadata: false, keywords: [] }] } as unknown as CivicBackend;
    await waitUntil(() => items(el).length === 1);
    old.release([{ service_code: 'OLD', service_name: 'Old', metadata: false, keywords: [] }]);
    await new Promise((r) => setTimeout(r, 50));
    expect(items(el).map((li) => li.dataset.serviceCode)).to.deep.equal(['NEW']);
  });
});
