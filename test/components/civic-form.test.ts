import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FormsClient } from '../../src/api/index.js';
import { CivicForm } from '../../src/define/civic-form.js';
import type { FormDefinition } from '../../src/forms/definition.js';
import { FORMS_ENDPOINT, STAFF_TOKEN } from '../helpers/backend.js';
import { $, $$, attach, click, date, inlineError, next, pick, seed, summaryLinks, title, type } from '../helpers/civic-form.js';

let n = 0;
const key = () => `form-test-${Date.now()}-${n++}`;

/** The definition with only these pages (the first one starting), no exit pages. */
const only = (def: FormDefinition, ...ids: string[]): FormDefinition => ({ ...def, start_page: ids[0]!, pages: def.pages.filter((p) => ids.includes(p.id)), exit_pages: [] });

async function create(definition: FormDefinition, lang = 'en'): Promise<CivicForm> {
  const el = await fixture<CivicForm>(html`<civic-form lang=${lang} draft-key=${key()} .definition=${definition}></civic-form>`);
  await waitUntil(() => title(el) !== '' || $(el, '[role=alert]'), 'first page or a problem shown', { timeout: 15_000 });
  if (!definition.start_page.startsWith('nowhere')) expect($(el, '.problems')?.textContent ?? '').to.equal('');
  return el;
}

describe('<civic-form> from a definition', () => {
  it('is accessible on its first page, with the guidance drawn from Markdown', async () => {
    const el = await create(await seed('property-tax-relief-elderly'));
    await expect(el).to.be.accessible();
    expect(title(el)).to.equal('How old were you on December 31 last year?');
    expect($(el, '[part=guidance] strong')!.textContent).to.equal('February 1 and May 15');
    expect($(el, '[part=step-caption]')!.textContent).to.equal('Elderly homeowner property tax relief');
    expect($(el, '[part=back-button]')).to.equal(null);
  });

  it('says what is missing, on the field and in the summary, and keeps the page', async () => {
    const el = await create(await seed('property-tax-relief-elderly'));
    await next(el);
    expect(summaryLinks(el)).to.have.length(1);
    expect(inlineError(el, 'q-age_group')).to.contain(summaryLinks(el)[0]);
    await expect(el).to.be.accessible();
  });

  it('follows the routing to an exit page, and Back returns to the question', async () => {
    const el = await create(await seed('property-tax-relief-elderly'));
    await pick(el, 'q-age_group', 'under-65');
    await next(el);
    expect(title(el)).to.equal('You cannot get this tax relief');
    expect($(el, '[part=continue-button]')).to.equal(null);
    await expect(el).to.be.accessible();
    await click(el, '[part=back-button]');
    expect(title(el)).to.equal('How old were you on December 31 last year?');
    await pick(el, 'q-age_group', '65-plus');
    await next(el);
    expect(title(el)).to.equal('Do you own the home and live in it as your main residence?');
  });

  it('checks a page by the shared rules: a name’s parts, a real date, a US phone', async () => {
    const def = await seed('property-tax-relief-elderly');
    const el = await create(only(def, 'applicant'));
    await type(el, 'q-name-first', 'Rosa');
    await date(el, 'q-date_of_birth', '31', '2', '1950');
    await type(el, 'q-phone', '12');
    await next(el);
    expect(summaryLinks(el)).to.have.length(3);
    expect(inlineError(el, 'q-name-last')).to.not.equal(undefined);
    expect(inlineError(el, 'q-date_of_birth')).to.not.equal(undefined);
    expect(inlineError(el, 'q-phone')).to.not.equal(undefined);
    expect(($(el, '#q-name-first') as HTMLInputElement).value).to.equal('Rosa');
  });

  it('adds, changes and removes entries of a repeatable page, then checks every answer with Change links', async () => {
    const def = await seed('youth-program-registration');
    const el = await create({ ...def, pages: def.pages.slice(0, 2) });
    await pick(el, 'q-program', 'summer-camp');
    await next(el);
    const child = async (first: string) => {
      await type(el, 'q-child_name-first', first);
      await type(el, 'q-child_name-last', 'Díaz');
      await date(el, 'q-child_birth_date', '4', '5', '2016');
      await pick(el, 'q-child_grade', '3');
      await next(el);
    };
    await child('Ana');
    expect(title(el)).to.equal('You have added 1 answer');
    await next(el);
    expect(summaryLinks(el)).to.have.length(1);
    await pick(el, 'more-children', 'yes');
    await next(el);
    await child('Luis');
    expect(title(el)).to.equal('You have added 2 answers');
    const entries = $$(el, '.entries .summary-value').map((d) => d.textContent!);
    expect(entries).to.have.length(2);
    expect(entries[0]).to.match(/^Ana Díaz, May 4, 2016, /);
    expect(entries[1]).to.match(/^Luis Díaz, May 4, 2016, /);
    await expect(el).to.be.accessible();
    // Remove the first child.
    $$<HTMLButtonElement>(el, '.entries .summary-action button')[1]!.click();
    await el.updateComplete;
    expect(title(el)).to.equal('You have added 1 answer');
    await pick(el, 'more-children', 'no');
    await next(el);
    expect(title(el)).to.equal('Check your answers before sending');
    const keys = $$(el, '.summary-key').map((d) => d.textContent!.trim());
    expect(keys).to.have.length(2);
    expect($$(el, '.summary-value')[1]!.textContent).to.contain('Luis');
    await expect(el).to.be.accessible();
    // Change the program: Continue comes back to check your answers.
    await click(el, '[part=change-link]');
    expect($(el, 'input[name="q-program"]:checked')).to.not.equal(null);
    await pick(el, 'q-program', 'youth-sports');
    await next(el);
    expect(title(el)).to.equal('Check your answers before sending');
  });

  it('starts on a repeatable page: its first Continue files an entry (the later steps load before it shows)', async () => {
    const def = await seed('youth-program-registration');
    const el = await create(only(def, 'children'));
    await type(el, 'q-child_name-first', 'Ana');
    await type(el, 'q-child_name-last', 'Díaz');
    await date(el, 'q-child_birth_date', '4', '5', '2016');
    await pick(el, 'q-child_grade', '3');
    await next(el);
    expect(title(el)).to.equal('You have added 1 answer');
    // Back reopens the entry, not a page before the start.
    await click(el, '[part=back-button]');
    expect(($(el, '#q-child_name-first') as HTMLInputElement).value).to.equal('Ana');
  });

  it('after a Change that opens a new page on the route, goes there before check your answers', async () => {
    const def = await seed('building-permit-pre-application');
    const el = await create(only(def, 'applicant', 'license'));
    await pick(el, 'q-applicant_role', 'owner');
    await type(el, 'q-applicant_name-first', 'Ana');
    await type(el, 'q-applicant_name-last', 'Ruiz');
    await type(el, 'q-applicant_email', 'ana@example.com');
    await type(el, 'q-applicant_phone', '860 555 0100');
    await next(el);
    expect(title(el)).to.equal('Check your answers before sending');
    // The later steps' styles came with their code: the answers are a grid, not a run of text.
    expect(getComputedStyle($(el, '.summary-row')!).display).to.equal('grid');
    await click(el, '[part=change-link]');
    await pick(el, 'q-applicant_role', 'contractor');
    await next(el);
    expect($(el, '#q-contractor_license')).to.not.equal(null);
    await type(el, 'q-contractor_license', 'HIC.0654321');
    await next(el);
    expect(title(el)).to.equal('Check your answers before sending');
  });

  it('shows a clear error, where and what, for a definition with mistakes', async () => {
    const def = await seed('contact-the-mayor');
    const el = await create({ ...def, start_page: 'nowhere-page', pages: [{ ...def.pages[0]!, routes: [{ when: { question: 'x', any_of: ['y'] }, goto: 'missing' }] }] });
    const alert = $(el, '[role=alert]')!;
    expect(alert.textContent).to.contain('definition has mistakes');
    const problems = $$(el, '.problems li').map((li) => li.textContent);
    // In words (fetched with the problems), with where each is.
    expect(problems).to.include('start_page: "nowhere-page" is not the id of a page');
    expect(problems).to.include('pages[0].routes[0].goto: "missing" is not a page, an exit page or check-answers');
    await expect(el).to.be.accessible();
    // Mended, the form runs and the problems are gone.
    el.definition = def;
    await waitUntil(() => title(el) !== '', 'the mended definition shown', { timeout: 15_000 });
    expect($(el, '.problems')).to.equal(null);
  });

  it('speaks Spanish: its own words and the definition’s', async () => {
    const el = await create(await seed('property-tax-relief-elderly'), 'es');
    expect(title(el)).to.equal('¿Qué edad tenía el 31 de diciembre del año pasado?');
    await next(el);
    expect($(el, '.civic-error-summary')!.textContent).to.match(/problema/i);
    expect($(el, '[part=save-later]')!.textContent).to.contain('Guardar');
  });

  it('in Spanish, the first page’s Continue says what to fix in the shared rules’ Spanish words', async () => {
    const el = await create(await seed('contact-the-mayor'), 'es');
    await next(el);
    expect(summaryLinks(el)).to.have.length(1);
    expect(summaryLinks(el)[0]).to.match(/^Seleccione una respuesta para «/);
    expect(inlineError(el, 'q-topic')).to.contain(summaryLinks(el)[0]);
  });

  it('in Spanish, the later steps speak Spanish too: check your answers and its Send', async () => {
    const def = await seed('contact-the-mayor');
    const el = await create(only(def, 'topic'), 'es');
    await pick(el, 'q-topic', 'idea');
    await next(el);
    expect($(el, '[part=summary-list]')).to.not.equal(null);
    expect($(el, '[part=submit-button]')!.textContent!.trim()).to.equal('Enviar');
    await expect(el).to.be.accessible();
  });

  it('a draft left on check your answers opens there again in a new page', async () => {
    const def = only(await seed('contact-the-mayor'), 'topic');
    const draftKey = key();
    const first = await fixture<CivicForm>(html`<civic-form lang="en" draft-key=${draftKey} .definition=${def}></civic-form>`);
    await waitUntil(() => title(first) !== '');
    await pick(first, 'q-topic', 'concern');
    await next(first);
    expect(title(first)).to.equal('Check your answers before sending');
    first.remove();
    const again = await fixture<CivicForm>(html`<civic-form lang="en" draft-key=${draftKey} .definition=${def}></civic-form>`);
    await waitUntil(() => $(again, '[part=summary-list]'), 'check your answers again', { timeout: 15_000 });
    expect(title(again)).to.equal('Check your answers before sending');
    expect($(again, '[part=submit-button]')!.textContent!.trim()).to.equal('Send');
  });

  it('never turns definition text into markup', async () => {
    const def = await seed('contact-the-mayor');
    const page = { ...def.pages[0]!, guidance: { en: '<img src=x onerror=alert(1)> <a href="/x">a</a> and **bold**', es: '<b>x</b>' } };
    const el = await create({ ...def, pages: [page, ...def.pages.slice(1)] });
    expect($(el, '[part=guidance] img')).to.equal(null);
    expect($(el, '[part=guidance] a')).to.equal(null);
    expect($(el, '[part=guidance] strong')!.textContent).to.equal('bold');
    expect($(el, '[part=guidance]')!.textContent).to.contain('<img src=x');
  });

  it('save and return: a link that brings the answers back in a new page', async () => {
    const def = await seed('property-tax-relief-elderly');
    const el = await create(def);
    await pick(el, 'q-age_group', '65-plus');
    await next(el);
    await pick(el, 'q-owns_and_lives', 'yes');
    await click(el, '[part=save-later]');
    await waitUntil(() => $(el, '#resume-link'), 'the link is shown');
    const link = ($(el, '#resume-link') as HTMLInputElement).value;
    expect(link).to.match(/#civic-form=property-tax-relief-elderly\./);
    await expect(el).to.be.accessible();
    // Opened elsewhere (no draft stored there): the answers and the page come back.
    const before = location.href;
    history.replaceState(null, '', new URL(link).hash);
    const again = await create(def);
    expect(location.hash).to.equal('');
    history.replaceState(null, '', before);
    expect(title(again)).to.equal('Do you own the home and live in it as your main residence?');
    expect($$<HTMLInputElement>(again, 'input[name="q-owns_and_lives"]').find((i) => i.checked)?.value).to.equal('yes');
    await click(again, '[part=back-button]');
    expect($$<HTMLInputElement>(again, 'input[name="q-age_group"]').find((i) => i.checked)?.value).to.equal('65-plus');
  });

  it('keeps the answers as the resident goes: a new page with the same form opens where they were', async () => {
    const def = await seed('contact-the-mayor');
    const draftKey = key();
    const first = await fixture<CivicForm>(html`<civic-form lang="en" draft-key=${draftKey} .definition=${def}></civic-form>`);
    await waitUntil(() => title(first) !== '');
    await pick(first, 'q-topic', 'concern');
    await next(first);
    await type(first, 'q-message', 'The streetlight on Main Street is out.');
    first.remove();
    const again = await fixture<CivicForm>(html`<civic-form lang="en" draft-key=${draftKey} .definition=${def}></civic-form>`);
    await waitUntil(() => $(again, '#q-message'), 'the message page again', { timeout: 15_000 });
    expect(($(again, '#q-message') as HTMLTextAreaElement).value).to.equal('The streetlight on Main Street is out.');
  });

  it('a save-and-return link cut short says so and starts the form', async () => {
    const before = location.href;
    history.replaceState(null, '', '#civic-form=contact-the-mayor.q1w2e3');
    const el = await create(await seed('contact-the-mayor'));
    expect(location.hash, 'the broken link leaves the address bar').to.equal('');
    history.replaceState(null, '', before);
    expect($(el, 'input[name="q-topic"]'), 'the first page').to.not.equal(null);
    await waitUntil(() => $(el, '[aria-live=polite]')?.textContent?.includes('not complete'), 'the problem announced');
  });

  it('a file of the wrong type is refused on its field', async () => {
    const def = await seed('building-permit-pre-application');
    const el = await create(only(def, 'plans'));
    await attach(el, 'q-plans', new File(['hello'], 'notes.exe', { type: 'application/x-msdownload' }));
    await next(el);
    expect(inlineError(el, 'q-plans')).to.not.equal(undefined);
  });
});

describe('<civic-form> against the reference backend', () => {
  async function load(slug: string, lang = 'en'): Promise<CivicForm> {
    const el = await fixture<CivicForm>(html`<civic-form lang=${lang} draft-key=${key()} form=${slug} forms-endpoint=${FORMS_ENDPOINT} tracker-url="/track.html?request={reference}"></civic-form>`);
    await waitUntil(() => title(el) !== '' || $(el, '[role=alert]'), 'first page or a problem shown', { timeout: 15_000 });
    return el;
  }

  /** Contact the Mayor's office, answered up to check your answers. */
  async function mayorToReview(el: CivicForm): Promise<void> {
    await pick(el, 'q-topic', 'idea');
    await next(el);
    await type(el, 'q-message', 'Plant more trees on Park Street, please.');
    await next(el);
    await next(el);
    await type(el, 'q-name-first', 'Ana');
    await type(el, 'q-name-last', 'Ruiz');
    await type(el, 'q-email', 'ana@example.com');
    await next(el);
    expect(title(el)).to.equal('Check your answers before sending');
  }

  it('loads the definition by its slug, sends it and confirms with the reference and what happens next', async () => {
    const el = await load('contact-the-mayor');
    await expect(el).to.be.accessible();
    await mayorToReview(el);
    const sent = oneEvent(el, 'civic-form-submitted');
    await click(el, '[part=submit-button]');
    const { detail } = await sent;
    expect(detail.reference).to.match(/^MAY-\d{4}-\d+$/);
    await waitUntil(() => $(el, '[data-reference]'), 'confirmation');
    expect($(el, '[data-reference]')!.textContent).to.equal(detail.reference);
    expect($<HTMLAnchorElement>(el, '[part=tracker-link]')!.getAttribute('href')).to.equal(`/track.html?request=${detail.reference}`);
    expect($(el, 'h3')!.textContent).to.equal('What happens next');
    await expect(el).to.be.accessible();
    const status = await new FormsClient({ endpoint: FORMS_ENDPOINT }).submission(detail.reference);
    expect(status?.form.slug).to.equal('contact-the-mayor');
  });

  it('an unknown form says so', async () => {
    const el = await load('no-such-form');
    expect($(el, '[role=alert]')!.textContent).to.contain('not available');
    await expect(el).to.be.accessible();
  });

  it('a definition that comes back as a 500, then as broken JSON, says so with Try again; the retry loads it', async () => {
    const realFetch = window.fetch;
    const answers = [
      () => new Response('<html><body>Internal Server Error</body></html>', { status: 500, headers: { 'Content-Type': 'text/html' } }),
      () => new Response('{"slug": "contact-the-mayor", "pages": [', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    ];
    window.fetch = (input, init) => {
      const bad = String(input instanceof Request ? input.url : input).endsWith('/forms/contact-the-mayor.json') && answers.shift();
      return bad ? Promise.resolve(bad()) : realFetch(input, init);
    };
    try {
      const el = await load('contact-the-mayor');
      const said = () => $(el, '[role=alert]')?.textContent?.trim() ?? '';
      expect(said()).to.not.equal('');
      expect(said()).to.not.contain('Internal Server Error');
      await expect(el).to.be.accessible();
      const first = said();
      await click(el, '[part=retry-button]');
      await waitUntil(() => said() !== '' && $(el, '[part=retry-button]'), 'the broken answer shown', { timeout: 15_000 });
      expect(said()).to.not.equal(first);
      await click(el, '[part=retry-button]');
      await waitUntil(() => title(el) !== '', 'the definition loaded on the retry', { timeout: 15_000 });
      expect($(el, '[role=alert]')).to.equal(null);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('a backend 400 lands on the question it names, on its page, and a fixed answer goes', async () => {
    // The page's copy of the definition lets the message be optional; the city's backend does not.
    const def = await (await fetch(`${FORMS_ENDPOINT}/forms/contact-the-mayor.json`)).json();
    const loose = { ...def, pages: def.pages.map((p: FormDefinition['pages'][number]) => ({ ...p, questions: p.questions.map((q) => (q.id === 'message' ? { ...q, required: false } : q)) })) };
    const el = await fixture<CivicForm>(html`<civic-form lang="en" draft-key=${key()} forms-endpoint=${FORMS_ENDPOINT} .definition=${loose}></civic-form>`);
    await waitUntil(() => title(el) !== '');
    await pick(el, 'q-topic', 'idea');
    await next(el);
    await next(el);
    await next(el);
    await type(el, 'q-name-first', 'Ana');
    await type(el, 'q-name-last', 'Ruiz');
    await type(el, 'q-email', 'ana@example.com');
    await next(el);
    await next(el);
    await waitUntil(() => $(el, '#q-message'), 'back on the message page');
    expect(summaryLinks(el)).to.have.length(1);
    expect(inlineError(el, 'q-message')).to.not.equal(undefined);
    await type(el, 'q-message', 'Now with a message.');
    await next(el);
    expect(title(el)).to.equal('Check your answers before sending');
    await next(el);
    await waitUntil(() => $(el, '[data-reference]'), 'confirmation', { timeout: 15_000 });
  });

  it('offline: the send fails with everything kept, and goes by itself once the device is back online', async () => {
    const el = await load('contact-the-mayor');
    await mayorToReview(el);
    const realFetch = window.fetch;
    window.fetch = (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init));
    try {
      await click(el, '[part=submit-button]');
      await waitUntil(() => $(el, '[role=alert]'), 'failure shown');
    } finally {
      window.fetch = realFetch;
    }
    expect($(el, '[part=submit-button]')!.textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
    const sent = oneEvent(el, 'civic-form-submitted');
    window.dispatchEvent(new Event('online'));
    const { detail } = await sent;
    expect(detail.reference).to.match(/^MAY-/);
  });

  it('uploads a file with its answers, reporting progress', async () => {
    const def = await (await fetch(`${FORMS_ENDPOINT}/forms/public-hearing-comment.json`)).json();
    const el = await load('public-hearing-comment');
    expect(def.slug).to.equal('public-hearing-comment');
    await pick(el, 'q-body', 'council');
    const today = new Date();
    await date(el, 'q-hearing_date', String(today.getDate()), String(today.getMonth() + 1), String(today.getFullYear()));
    await type(el, 'q-agenda_item', 'Item 4: Park Street trees');
    await next(el);
    await pick(el, 'q-position', 'support');
    await next(el);
    await type(el, 'q-comment', 'I support the plan.');
    const pdf = new File(['%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'.repeat(2000)], 'letter.pdf', { type: 'application/pdf' });
    await attach(el, 'q-attachment', pdf);
    await next(el);
    await type(el, 'q-name-first', 'Ana');
    await type(el, 'q-name-last', 'Ruiz');
    await pick(el, 'q-speak_in_person', 'no');
    await next(el);
    expect(title(el)).to.equal('Check your answers before sending');
    const seen: number[] = [];
    const watch = new MutationObserver(() => {
      const bar = $<HTMLProgressElement>(el, '[part=upload-progress]');
      if (bar) seen.push(bar.value);
    });
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
    const sent = oneEvent(el, 'civic-form-submitted');
    await click(el, '[part=submit-button]');
    const { detail } = await sent;
    watch.disconnect();
    expect(seen.length).to.be.greaterThan(0);
    const staff = await fetch(`${FORMS_ENDPOINT}/forms/public-hearing-comment/submissions.json`, { headers: { Authorization: `Bearer ${STAFF_TOKEN}` } });
    const { submissions } = await staff.json();
    const mine = submissions.find((s: { reference: string }) => s.reference === detail.reference);
    expect(mine.files.map((f: { path: string; name: string }) => `${f.path}:${f.name}`)).to.deep.equal(['attachment:letter.pdf']);
  });
});
