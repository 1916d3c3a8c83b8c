import { expect, waitUntil } from '@open-wc/testing';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

/** Adds markup to the page (not through fixture(): the autoloader must find it on its own). */
function place(markup: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  return host;
}

const defined = (tag: string) => waitUntil(() => customElements.get(tag), `<${tag}> defined`, { timeout: 15_000 });

describe('the autoloader (dist/civic-elements.js)', () => {
  // A page component's shadow root made before the loader runs, with a widget inside.
  const early = document.createElement('div');
  early.attachShadow({ mode: 'open' }).innerHTML = '<civic-service-list></civic-service-list>';
  document.body.append(early);
  // And one straight in the page.
  const inPage = document.createElement('civic-location-picker');
  document.body.append(inPage);

  before(async () => {
    // On purpose after the page has content: a script tag at the end of a CMS page.
    await import('../../src/autoload.js');
  });

  after(() => {
    early.remove();
    inPage.remove();
  });

  it('registers nothing the page does not use', () => {
    expect(customElements.get('civic-request-map')).to.equal(undefined);
  });

  it('finds the widgets already in the page when it runs', async () => {
    await defined('civic-location-picker');
  });

  it('finds widgets in shadow roots that existed before it ran', async () => {
    await defined('civic-service-list');
  });

  it('loads an element added later, and its upgraded shadow root replaces the fallback content', async () => {
    const host = place(`<civic-status-tracker endpoint="${OPEN311_ENDPOINT}" url-param=""><p class="fallback">Call 311 to follow your request.</p></civic-status-tracker>`);
    const tracker = host.querySelector('civic-status-tracker')!;
    const fallback = host.querySelector<HTMLElement>('.fallback')!;
    // Not upgraded yet: the page's own words show.
    expect(customElements.get('civic-status-tracker')).to.equal(undefined);
    expect(fallback.checkVisibility()).to.equal(true);
    await defined('civic-status-tracker');
    await waitUntil(() => tracker.shadowRoot?.querySelector('input'), 'tracker rendered', { timeout: 15_000 });
    expect(fallback.isConnected).to.equal(true);
    expect(fallback.checkVisibility(), 'fallback hidden once upgraded').to.equal(false);
    host.remove();
  });

  it('loads an element inside a shadow root the page creates afterwards', async () => {
    const host = place('<div></div>');
    const root = host.firstElementChild!.attachShadow({ mode: 'closed' });
    expect(customElements.get('civic-request-map')).to.equal(undefined);
    root.innerHTML = '<civic-request-map view="list"></civic-request-map>';
    await defined('civic-request-map');
    host.remove();
  });
});
