// A third language without code: one JSON catalog file, named by a <link> in the page, fetched
// only when a widget speaks that language (README, Language).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CivicServiceList } from '../../src/define/civic-service-list.js';
import { OPEN311_ENDPOINT } from '../helpers/backend.js';

const CATALOG = new URL('/test/components/fixtures/fr.json', location.href).href;
const shadow = (el: CivicServiceList) => el.shadowRoot!;
const listed = (el: CivicServiceList) =>
  waitUntil(() => shadow(el).querySelectorAll('li[data-service-code]').length > 0, 'services listed', { timeout: 15_000 });
const title = (el: CivicServiceList) => shadow(el).querySelector('.title')!.textContent!.trim();
const fetchedCatalog = () => performance.getEntriesByName(CATALOG).length > 0;

describe('a language added by one catalog file', () => {
  const link = document.createElement('link');
  link.rel = 'civic-catalog';
  link.hreflang = 'fr';
  link.href = CATALOG;
  before(() => document.head.append(link));
  after(() => link.remove());

  it('is not fetched while every widget on the page speaks English', async () => {
    const el = await fixture<CivicServiceList>(html`<civic-service-list endpoint=${OPEN311_ENDPOINT}></civic-service-list>`);
    await listed(el);
    expect(title(el)).to.equal('What you can report');
    expect(fetchedCatalog()).to.equal(false);
  });

  it('gives a widget in that language its words, plurals included, and English for the keys it leaves out', async () => {
    const el = await fixture<CivicServiceList>(html`<civic-service-list lang="fr-CA" endpoint=${OPEN311_ENDPOINT}></civic-service-list>`);
    await listed(el);
    expect(fetchedCatalog()).to.equal(true);
    expect(title(el)).to.equal('Ce que vous pouvez signaler');
    const count = shadow(el).querySelectorAll('li[data-service-code]').length;
    expect(shadow(el).querySelector('.count')!.textContent!.trim()).to.equal(`${count} services`);
    await expect(el).to.be.accessible();
  });

  it('leaves an English widget beside it in English', async () => {
    const host = await fixture<HTMLDivElement>(html`<div>
      <civic-service-list lang="fr" endpoint=${OPEN311_ENDPOINT}></civic-service-list>
      <civic-service-list lang="en" endpoint=${OPEN311_ENDPOINT}></civic-service-list>
    </div>`);
    const [fr, en] = [...host.querySelectorAll<CivicServiceList>('civic-service-list')] as [CivicServiceList, CivicServiceList];
    await Promise.all([listed(fr), listed(en)]);
    expect(title(fr)).to.equal('Ce que vous pouvez signaler');
    expect(title(en)).to.equal('What you can report');
  });
});
