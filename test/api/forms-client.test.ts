// FormsClient against the real reference backend over HTTP (CORS included).
import { expect } from '@open-wc/testing';
import { ContractError, FormsClient } from '../../src/api/index.js';
import { FORMS_ENDPOINT } from '../helpers/backend.js';

describe('FormsClient', () => {
  const client = new FormsClient({ endpoint: `${FORMS_ENDPOINT}/` });

  it('reads the catalog and a definition, in the language asked for', async () => {
    const forms = await client.catalog();
    expect(forms.map((f) => f.slug)).to.include('building-permit-pre-application');
    const es = await client.withLanguage('es').catalog();
    expect(es.find((f) => f.slug === 'contact-the-mayor')!.title).to.not.equal(forms.find((f) => f.slug === 'contact-the-mayor')!.title);
    const def = await client.definition('contact-the-mayor');
    expect(def.start_page).to.equal('topic');
  });

  it('a refusal names its questions: ContractError field errors by question id', async () => {
    let error: unknown;
    try {
      await client.submit('contact-the-mayor', { answers: { topic: 'not-a-topic' } });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).status).to.equal(400);
    expect(Object.keys((error as ContractError).fieldErrors)).to.include.members(['topic', 'message']);
  });

  it('sends files as multipart through XMLHttpRequest, reporting the upload up to its end', async () => {
    const calls: Array<[number, number]> = [];
    const pdf = new File([`%PDF-1.4\n${'x'.repeat(300_000)}\n%%EOF\n`], 'comment.pdf', { type: 'application/pdf' });
    const today = new Date().toISOString().slice(0, 10);
    const receipt = await client.submit(
      'public-hearing-comment',
      {
        answers: { body: 'council', hearing_date: today, agenda_item: 'Item 2', position: 'neutral', comment: 'See the letter.', name: { first: 'Ana', last: 'Ruiz' }, speak_in_person: 'no' },
        language: 'en',
      },
      { files: { attachment: [pdf] }, onProgress: (loaded, total) => calls.push([loaded, total]) },
    );
    expect(receipt.reference).to.match(/^PHC-/);
    expect(calls.length).to.be.greaterThan(0);
    const [loaded, total] = calls[calls.length - 1]!;
    expect(loaded).to.equal(total);
    expect(total).to.be.greaterThan(300_000);
  });

  it('a reference nobody issued is undefined, not an error', async () => {
    expect(await client.submission('MAY-2026-999999')).to.equal(undefined);
  });
});
