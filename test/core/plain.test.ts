// The pieces the widgets built without Lit share (src/core/plain/), through the service list and
// directly: the hall's configuration, text-only content, one stylesheet, the error panel.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { CivicServiceList } from '../../src/define/civic-service-list.js';
import type { CivicBackend } from '../../src/api/backend.js';
import type { Service } from '../../src/api/types.js';
import { errorPanel } from '../../src/core/forms/error-panel.js';
import { plainErrorPanel } from '../../src/core/plain/error-panel.js';
import { adoptStyles } from '../../src/core/plain/styles.js';
import { CivicHall } from '../../src/define/civic-hall.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

const items = (el: CivicServiceList) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-service-code]')];
const backendOf = (services: Service[]) => ({ services: async () => services }) as unknown as CivicBackend;

describe('plain widgets (src/core/plain/)', () => {
  it('a list inside a hall whose code arrives later takes the hall\'s endpoint then', async () => {
    // The hall's class under a tag nothing has defined yet: it upgrades after the list asked.
    const hall = await fixture(html`<late-civic-hall endpoint=${OPEN311_ENDPOINT}><civic-service-list></civic-service-list></late-civic-hall>`);
    const el = hall.querySelector('civic-service-list')!;
    expect(el.backend).to.equal(undefined);
    expect(items(el)).to.have.length(0);
    customElements.define('late-civic-hall', class extends CivicHall {});
    await waitUntil(() => items(el).length > 0, 'services from the hall\'s endpoint', { timeout: 15_000 });
    // Its own endpoint wins over the hall's.
    el.backend = backendOf([{ service_code: 'OWN', service_name: 'Own', metadata: false, keywords: [] }]);
    await waitUntil(() => items(el).map((li) => li.dataset.serviceCode).join() === 'OWN', 'its own backend');
  });

  it('shows service names, groups and descriptions that look like markup as text', async () => {
    const evil = '<img src=x onerror="window.__civicPwned = 1">';
    const el = await fixture<CivicServiceList>(
      html`<civic-service-list report-url="/r?s={service_code}" .backend=${backendOf([{ service_code: 'X"><b>', service_name: evil, description: `<b>${evil}</b>`, group: `<i>${evil}</i>`, metadata: false, keywords: [] }])}></civic-service-list>`,
    );
    await waitUntil(() => items(el).length === 1);
    const root = el.shadowRoot!;
    expect(root.querySelector('img, b, i')).to.equal(null);
    expect(root.querySelector('.name')!.textContent).to.equal(evil);
    expect(root.querySelector('.description')!.textContent).to.equal(`<b>${evil}</b>`);
    expect(root.querySelector('.group-title')!.textContent).to.equal(`<i>${evil}</i>`);
    expect(root.querySelector('a')!.getAttribute('href')).to.equal(`/r?s=${encodeURIComponent('X"><b>')}`);
    expect((window as { __civicPwned?: number }).__civicPwned).to.equal(undefined);
  });

  it('every list of the page adopts one stylesheet', async () => {
    const host = await fixture<HTMLElement>(html`<div><civic-service-list></civic-service-list><civic-service-list></civic-service-list></div>`);
    const [a, b] = [...host.querySelectorAll('civic-service-list')] as [CivicServiceList, CivicServiceList];
    expect(a.shadowRoot!.adoptedStyleSheets).to.have.length(1);
    expect(a.shadowRoot!.adoptedStyleSheets[0]).to.equal(b.shadowRoot!.adoptedStyleSheets[0]);
    expect(getComputedStyle(a).display).to.equal('block');
  });

  it('where constructed stylesheets are unsupported, a <style> carries the page\'s litNonce', () => {
    // An older browser cannot run here: its missing `replaceSync` is what is taken away.
    const replaceSync = Object.getOwnPropertyDescriptor(CSSStyleSheet.prototype, 'replaceSync')!;
    const global = globalThis as { litNonce?: string };
    delete (CSSStyleSheet.prototype as Partial<CSSStyleSheet>).replaceSync;
    global.litNonce = 'n0nce';
    try {
      const root = document.createElement('div').attachShadow({ mode: 'open' });
      adoptStyles(root, [{ cssText: ':host{display:block}' }]);
      const style = root.querySelector('style')!;
      expect(style.textContent).to.equal(':host{display:block}');
      expect(style.nonce).to.equal('n0nce');
    } finally {
      Object.defineProperty(CSSStyleSheet.prototype, 'replaceSync', replaceSync);
      delete global.litNonce;
    }
  });

  it('draws the same error panel as the Lit widgets, for each kind of failure', () => {
    const t = (key: string) => `[${key}]`;
    const shape = (root: Element) =>
      [...root.querySelectorAll('*')].map((e) => `${e.tagName}.${e.className}[${e.getAttribute('part')}][${e.getAttribute('role')}]${e.children.length ? '' : e.textContent!.trim()}`).join(' ');
    for (const kind of ['network', 'timeout', 'open311', 'contract', 'malformed', 'html', 'http', 'other', undefined]) {
      const error = Object.assign(new Error('x'), { kind });
      const lit = document.createElement('div');
      render(errorPanel(t, error, () => {}), lit);
      const plain = document.createElement('div');
      plain.append(plainErrorPanel(t, error, () => {}));
      expect(shape(plain), String(kind)).to.equal(shape(lit));
      expect(plain.textContent, String(kind)).to.match(/^\[error[A-Z]\w+\]\[tryAgain\]$/);
    }
  });
});
