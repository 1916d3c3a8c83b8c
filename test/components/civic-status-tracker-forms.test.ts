// The tracker finds a city form's submission by its reference number (the forms backend).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CivicStatusTracker } from '../../src/define/civic-status-tracker.js';
import { FormsClient } from '../../src/api/index.js';
import { FORMS_ENDPOINT, OPEN311_ENDPOINT } from '../helpers/backend.js';

const q = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);
const text = (el: Element, s: string) => q(el, s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function sendMayor(): Promise<string> {
  const receipt = await new FormsClient({ endpoint: FORMS_ENDPOINT }).submit('contact-the-mayor', {
    answers: { topic: 'idea', message: 'More benches in Bushnell Park.', name: { first: 'Ana', last: 'Ruiz' }, email: 'ana@example.com' },
  });
  return receipt.reference;
}

async function lookUp(ref: string, lang = 'en'): Promise<CivicStatusTracker> {
  const el = await fixture<CivicStatusTracker>(html`<civic-status-tracker lang=${lang} endpoint=${OPEN311_ENDPOINT} forms-endpoint=${FORMS_ENDPOINT} refresh-interval="0"></civic-status-tracker>`);
  await el.find(ref);
  await waitUntil(() => q(el, '[part=request], [part=not-found], [role=alert]'), 'settled', { timeout: 15_000 });
  return el;
}

describe('<civic-status-tracker> with a form reference', () => {
  it('shows the submission’s status in the city’s words, in English and Spanish', async () => {
    const ref = await sendMayor();
    const el = await lookUp(ref);
    expect(text(el, '[part=request-title]')).to.contain(ref);
    expect(text(el, '[part=request-title]')).to.contain('Contact the Mayor');
    expect(q(el, '[part=status]')!.dataset.status).to.equal('received');
    await expect(el).to.be.accessible();
    // (A staff status change is followed in test/e2e/forms.test.ts: staff calls are not cross-origin.)
    const es = await lookUp(ref, 'es');
    expect(q(es, '[part=status]')!.dataset.status).to.equal('received');
    expect(text(es, '[part=status]')).to.not.equal('received');
    expect(text(es, '[part=details]')).to.contain('Enviado');
  });

  it('a form reference nobody issued is not found', async () => {
    const el = await lookUp('MAY-2026-999999');
    expect(q(el, '[part=not-found]')).to.not.equal(null);
  });
});
