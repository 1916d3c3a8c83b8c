import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { CivicHall } from '../../src/define/civic-hall.js';
import { CivicElement } from '../../src/core/civic-element.js';
import { defineElement } from '../../src/core/define.js';
import type { CivicBackend } from '../../src/api/backend.js';
import { Open311Client } from '../../src/api/open311.js';
// The probe talks Open311 like the real widgets, which register this through their define/ module.
import '../../src/core/open311-backend.js';

/** A widget as the real ones are built: shows what it received, counts re-fetch calls. */
class HallProbe extends CivicElement {
  configChanges = 0;
  protected override configChanged(): void {
    this.configChanges++;
  }
  get effective() {
    return this.config;
  }
  get usedBackend() {
    return this.backend;
  }
  protected override render() {
    return html`<p>${this.config.endpoint ?? 'no endpoint'} · ${this.t('tryAgain')}</p>`;
  }
}
defineElement('hall-probe', HallProbe);

const fakeBackend = (): CivicBackend =>
  ({ services: async () => [] }) as unknown as CivicBackend;

describe('<civic-hall>', () => {
  it('is accessible with widgets inside', async () => {
    const el = await fixture<CivicHall>(html`<civic-hall endpoint="https://city.example/open311/v2"
      ><hall-probe></hall-probe
    ></civic-hall>`);
    await expect(el).to.be.accessible();
  });

  describe('layout', () => {
    it('renders its children and has no box of its own', async () => {
      const el = await fixture<CivicHall>(html`<civic-hall><p id="child">Report a pothole</p></civic-hall>`);
      expect(getComputedStyle(el).display).to.equal('contents');
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.assignedElements().map((e) => e.id)).to.deep.equal(['child']);
    });
  });

  describe('configuration through context', () => {
    it('gives every widget inside the hall its configuration', async () => {
      const el = await fixture<CivicHall>(html`<civic-hall
        endpoint="https://city.example/open311/v2"
        jurisdiction-id="city.example"
        api-key="k1"
        geocoder-url="https://geo.example/search"
        tile-url="https://tiles.example/{z}/{x}/{y}.png"
        ><div><hall-probe id="a"></hall-probe></div
        ><hall-probe id="b"></hall-probe
      ></civic-hall>`);
      for (const probe of el.querySelectorAll<HallProbe>('hall-probe')) {
        await probe.updateComplete;
        expect(probe.effective).to.deep.include({
          endpoint: 'https://city.example/open311/v2',
          jurisdictionId: 'city.example',
          apiKey: 'k1',
          geocoderUrl: 'https://geo.example/search',
          tileUrl: 'https://tiles.example/{z}/{x}/{y}.png',
        });
        expect(probe.shadowRoot!.textContent).to.contain('https://city.example/open311/v2');
        expect(probe.usedBackend).to.be.instanceOf(Open311Client);
      }
    });

    it('reaches widgets nested inside another shadow root', async () => {
      const el = await fixture<CivicHall>(html`<civic-hall endpoint="https://city.example/open311/v2"><div></div></civic-hall>`);
      const host = el.querySelector('div')!;
      const probe = document.createElement('hall-probe') as HallProbe;
      host.attachShadow({ mode: 'open' }).append(probe);
      await probe.updateComplete;
      expect(probe.effective.endpoint).to.equal('https://city.example/open311/v2');
    });

    it("lets a widget's own attributes override the hall's", async () => {
      const el = await fixture<CivicHall>(html`<civic-hall endpoint="https://hall.example/v2" jurisdiction-id="hall"
        ><hall-probe endpoint="https://own.example/v2"></hall-probe
      ></civic-hall>`);
      const probe = el.querySelector<HallProbe>('hall-probe')!;
      await probe.updateComplete;
      expect(probe.effective.endpoint).to.equal('https://own.example/v2');
      expect(probe.effective.jurisdictionId).to.equal('hall');
    });

    it('lets a widget outside any hall work with its own attributes', async () => {
      const probe = await fixture<HallProbe>(html`<hall-probe endpoint="https://alone.example/v2"></hall-probe>`);
      expect(probe.effective.endpoint).to.equal('https://alone.example/v2');
      expect(probe.usedBackend).to.be.instanceOf(Open311Client);
      expect(probe.shadowRoot!.textContent).to.contain('https://alone.example/v2');
    });

    it('has no backend when nothing is configured', async () => {
      const probe = await fixture<HallProbe>(html`<hall-probe></hall-probe>`);
      expect(probe.usedBackend).to.equal(undefined);
      expect(probe.configChanges).to.equal(1);
    });

    it('updates every widget when a hall attribute changes, and re-fetches once', async () => {
      const el = await fixture<CivicHall>(html`<civic-hall endpoint="https://one.example/v2"
        ><hall-probe id="a"></hall-probe><hall-probe id="b"></hall-probe
      ></civic-hall>`);
      const probes = [...el.querySelectorAll<HallProbe>('hall-probe')];
      const before = probes.map((p) => p.usedBackend);
      expect(probes.map((p) => p.configChanges)).to.deep.equal([1, 1]);
      el.setAttribute('endpoint', 'https://two.example/v2');
      await el.updateComplete;
      for (const [i, probe] of probes.entries()) {
        await probe.updateComplete;
        expect(probe.shadowRoot!.textContent).to.contain('https://two.example/v2');
        expect(probe.usedBackend).to.not.equal(before[i]);
        expect(probe.configChanges).to.equal(2);
      }
    });

    it('gives every widget with the same endpoint one client, so discovery is asked for once', async () => {
      const el = await fixture<CivicHall>(html`<civic-hall endpoint="https://shared.example/v2"
        ><hall-probe></hall-probe><hall-probe></hall-probe
      ></civic-hall>`);
      const standalone = await fixture<HallProbe>(html`<hall-probe endpoint="https://shared.example/v2"></hall-probe>`);
      const [a, b] = [...el.querySelectorAll<HallProbe>('hall-probe')];
      expect(a!.usedBackend).to.be.instanceOf(Open311Client);
      expect(b!.usedBackend).to.equal(a!.usedBackend);
      expect(standalone.usedBackend).to.equal(a!.usedBackend);
    });

    it('keeps the same client while the configuration is unchanged', async () => {
      const el = await fixture<CivicHall>(html`<civic-hall endpoint="https://one.example/v2"><hall-probe></hall-probe></civic-hall>`);
      const probe = el.querySelector<HallProbe>('hall-probe')!;
      await probe.updateComplete;
      const first = probe.usedBackend;
      probe.requestUpdate();
      el.geocoderUrl = 'https://geo.example';
      await el.updateComplete;
      await probe.updateComplete;
      expect(probe.usedBackend).to.equal(first);
      expect(probe.configChanges).to.equal(1);
    });

    it("uses the hall's backend property, and a widget's own backend over it", async () => {
      const hallBackend = fakeBackend();
      const ownBackend = fakeBackend();
      const el = await fixture<CivicHall>(html`<civic-hall .backend=${hallBackend}
        ><hall-probe id="a"></hall-probe><hall-probe id="b" .backend=${ownBackend}></hall-probe
      ></civic-hall>`);
      const [a, b] = el.querySelectorAll<HallProbe>('hall-probe');
      await a!.updateComplete;
      await b!.updateComplete;
      expect(a!.usedBackend).to.equal(hallBackend);
      expect(b!.usedBackend).to.equal(ownBackend);
    });

    it('configures widgets that were upgraded before the hall', async () => {
      const tag = `late-hall-${Math.random().toString(36).slice(2)}`;
      const container = fixtureSync<HTMLDivElement>(html`<div></div>`);
      container.innerHTML = `<${tag} endpoint="https://late.example/v2"><hall-probe></hall-probe></${tag}>`;
      const probe = container.querySelector<HallProbe>('hall-probe')!;
      await probe.updateComplete;
      expect(probe.effective.endpoint).to.equal(undefined);
      defineElement(tag, class extends CivicHall {});
      await (container.firstElementChild as CivicHall).updateComplete;
      await probe.updateComplete;
      expect(probe.effective.endpoint).to.equal('https://late.example/v2');
    });

    it('forgets the hall when a widget is moved out of it', async () => {
      const el = fixtureSync<HTMLDivElement>(html`<div>
        <civic-hall endpoint="https://hall.example/v2"><hall-probe></hall-probe></civic-hall>
        <section></section>
      </div>`);
      const probe = el.querySelector<HallProbe>('hall-probe')!;
      await probe.updateComplete;
      el.querySelector('section')!.append(probe);
      await probe.updateComplete;
      expect(probe.effective.endpoint).to.equal(undefined);
      expect(probe.shadowRoot!.textContent).to.contain('no endpoint');
    });
  });

  describe('strings', () => {
    it("passes the hall's strings to widgets, and a widget's own strings win", async () => {
      const el = await fixture<CivicHall>(html`<civic-hall .strings=${{ tryAgain: 'Retry please' }}
        ><hall-probe id="a"></hall-probe><hall-probe id="b" .strings=${{ tryAgain: 'Reload' }}></hall-probe
      ></civic-hall>`);
      const [a, b] = el.querySelectorAll<HallProbe>('hall-probe');
      await a!.updateComplete;
      await b!.updateComplete;
      expect(a!.shadowRoot!.textContent).to.contain('Retry please');
      expect(b!.shadowRoot!.textContent).to.contain('Reload');
    });
  });

  describe('language', () => {
    it('speaks the language of its lang attribute in the widgets inside, live', async () => {
      const el = await fixture<CivicHall>(html`<civic-hall lang="es"><hall-probe></hall-probe></civic-hall>`);
      const probe = el.querySelector<HallProbe>('hall-probe')!;
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.contain('Volver a intentarlo');
      el.lang = 'en';
      await new Promise((r) => setTimeout(r));
      await probe.updateComplete;
      expect(probe.shadowRoot!.textContent).to.contain('Try again');
    });
  });

  describe('registration', () => {
    it('is registered as civic-hall and survives a second registration', () => {
      expect(customElements.get('civic-hall')).to.equal(CivicHall);
      expect(() => defineElement('civic-hall', class extends CivicHall {})).to.not.throw();
      expect(customElements.get('civic-hall')).to.equal(CivicHall);
      expect(document.createElement('civic-hall')).to.be.instanceOf(CivicHall);
    });
  });
});
