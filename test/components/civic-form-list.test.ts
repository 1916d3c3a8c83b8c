import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CivicFormList } from '../../src/define/civic-form-list.js';
import '../../src/define/civic-hall.js';
import { FORMS_ENDPOINT } from '../helpers/backend.js';

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const links = (el: CivicFormList) => $$<HTMLAnchorElement>(el, '[part=form-link]').map((a) => a.textContent!.trim());

async function create(lang = 'en', endpoint = FORMS_ENDPOINT): Promise<CivicFormList> {
  const el = await fixture<CivicFormList>(html`<civic-form-list lang=${lang} forms-endpoint=${endpoint} href-template="/forms/{slug}.html"></civic-form-list>`);
  await waitUntil(() => $(el, '[part=form-link], [role=alert]'), 'the catalog or a problem', { timeout: 15_000 });
  return el;
}

async function search(el: CivicFormList, query: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#form-search')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

describe('<civic-form-list>', () => {
  it('lists every seeded form by category, each linking to its page', async () => {
    const el = await create();
    await expect(el).to.be.accessible();
    expect(links(el)).to.have.length(8);
    expect($$(el, '[part=category-title]').length).to.be.greaterThan(1);
    expect($$(el, 'h2').length).to.equal($$(el, '[part=category-title]').length);
    const permit = $$<HTMLAnchorElement>(el, '[part=form-link]').find((a) => a.textContent!.includes('Building permit'))!;
    expect(permit.getAttribute('href')).to.equal('/forms/building-permit-pre-application.html');
  });

  it('finds forms through typos and says how many', async () => {
    const el = await create();
    await search(el, 'buidling premit');
    expect(links(el)[0]).to.contain('Building permit');
    await search(el, 'eldrely tax');
    expect(links(el)).to.have.length(1);
    expect(links(el)[0]).to.contain('property tax relief');
    await waitUntil(() => $(el, '[role=status]')?.textContent?.includes('1 form found'), 'count announced');
    await expect(el).to.be.accessible();
  });

  it('says when nothing matches, with what to try', async () => {
    const el = await create();
    await search(el, 'zzzzqqq');
    expect(links(el)).to.deep.equal([]);
    expect(el.shadowRoot!.textContent).to.contain('No forms match “zzzzqqq”');
  });

  it('speaks Spanish, and searches the Spanish titles without accents', async () => {
    const el = await create('es');
    expect($(el, 'label')!.textContent).to.contain('Buscar formularios');
    await search(el, 'alivio impuesto propiedad');
    expect(links(el)[0]).to.contain('Alivio del impuesto');
  });

  it('takes the forms endpoint from its <civic-hall>', async () => {
    const hall = await fixture(html`<civic-hall forms-endpoint=${FORMS_ENDPOINT}><civic-form-list></civic-form-list></civic-hall>`);
    const el = hall.querySelector('civic-form-list')!;
    await waitUntil(() => $(el, '[part=form-link]'), 'the catalog', { timeout: 15_000 });
    expect($<HTMLAnchorElement>(el, '[part=form-link]')!.getAttribute('href')).to.match(/^\?form=/);
  });

  it('a backend that cannot be reached shows a retry', async () => {
    const el = await create('en', 'http://127.0.0.1:9/forms/v1');
    expect($(el, '[role=alert]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
