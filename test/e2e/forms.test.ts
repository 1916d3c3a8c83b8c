// City forms end to end on the built demo, keyboard only, in English and Spanish: the elderly
// property tax relief form through its routing (an exit page on the way), the building permit
// pre-application with an upload and "save and come back later" opened in a fresh browser
// context, the submissions in the staff export, their status in the tracker; then axe on every
// page of every form in the catalog; then staff publish a new form from the Staff page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { FileChooser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import type { FormDefinition } from '../../src/forms/definition.js';
import { button, byId, focused, startDemo, tabTo, watchProblems, WCAG_TAGS, type DemoSite } from './browser.js';

const TOKEN = 'e2e-forms-staff-token';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let site: DemoSite;
before(async () => {
  site = await startDemo({ staffToken: TOKEN });
});
after(async () => {
  await site?.close();
});

const WORDS = {
  en: {
    age: 'How old were you on December 31 last year?',
    exitAge: 'You cannot get this tax relief',
    residence: 'Do you own the home and live in it as your main residence?',
    review: 'Check your answers before sending',
    done: 'Form sent',
    continue: 'Continue',
    back: 'Back',
    agree: 'Agree and send',
    send: 'Send',
    saveLater: 'Save and come back later',
    saved: 'Come back to this form later',
    track: 'Check the progress of your form',
    inReview: 'In review',
  },
  es: {
    age: '¿Qué edad tenía el 31 de diciembre del año pasado?',
    exitAge: 'No puede recibir este alivio fiscal',
    residence: '¿Es usted propietario de la vivienda y vive en ella como su residencia principal?',
    review: 'Revise sus respuestas antes de enviar',
    done: 'Formulario enviado',
    continue: 'Continuar',
    back: 'Atrás',
    agree: 'Aceptar y enviar',
    send: 'Enviar',
    saveLater: 'Guardar y volver más tarde',
    saved: 'Vuelva a este formulario más tarde',
    track: 'Consulte el estado de su formulario',
    inReview: 'En revisión',
  },
};
type Lang = keyof typeof WORDS;

const title = (page: Page) => page.evaluate(() => document.querySelector('civic-form')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() ?? '');
const inForm = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector('civic-form')?.shadowRoot?.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '', selector);

/** Waits for the form's heading: `want`, or any once the form has drawn a page. */
async function waitForTitle(page: Page, want?: string): Promise<string> {
  await page.waitForFunction(
    (w) => {
      const t = document.querySelector('civic-form')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() ?? '';
      return w ? t === w : t !== '';
    },
    want ?? '',
    { timeout: 15_000 },
  );
  return title(page);
}

async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Tab to a text box and type. */
async function fill(page: Page, id: string, value: string): Promise<void> {
  await tabTo(page, id, byId(id));
  await page.keyboard.type(value);
}

/** Tab into a radio group (focus lands on its first radio when none is chosen) and arrow to choice `index`. */
async function radio(page: Page, name: string, index: number): Promise<void> {
  await tabTo(page, `${name}-0`, (f) => f.id.startsWith(`${name}-`) && f.type === 'radio');
  const at = Number((await focused(page)).id.slice(name.length + 1));
  if (index === at) await page.keyboard.press('Space');
  for (let i = at; i < index; i++) await page.keyboard.press('ArrowDown');
  for (let i = at; i > index; i--) await page.keyboard.press('ArrowUp');
}

/** Continue (or another submit) by keyboard, and the next page's heading has focus. */
async function press(page: Page, label: string): Promise<string> {
  const before = await title(page);
  await tabTo(page, label, button(label));
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (b) => {
      // Done once focus is where the form puts it (the new heading, or the error summary): a
      // loaded machine can draw the page before it moves focus, and a Tab before that is lost.
      const root = document.querySelector('civic-form')?.shadowRoot;
      const t = root?.querySelector('#step-title')?.textContent?.trim() ?? '';
      const at = root?.activeElement;
      return (t !== '' && t !== b && at?.id === 'step-title') || at?.closest('.civic-error-summary');
    },
    before,
    { timeout: 15_000 },
  );
  return title(page);
}

/**
 * Turns on file chooser interception for a page, before it is needed. Playwright turns it on
 * lazily, when a `filechooser` listener is added, and does not wait for the browser to agree: a
 * Space pressed straight after can open the real (headless, invisible) chooser instead, and the
 * event never comes. Called before the page loads, many round trips precede the first upload.
 */
function interceptChoosers(page: Page): void {
  page.on('filechooser', () => {});
}

type Chosen = Parameters<FileChooser['setFiles']>[0];

/** Tab to the file input `id` and choose `files` from the keyboard: Space opens the chooser. */
async function chooseFile(page: Page, id: string, files: Chosen): Promise<void> {
  await tabTo(page, id, byId(id));
  const open = () => Promise.all([page.waitForEvent('filechooser', { timeout: 10_000 }), page.keyboard.press('Space')]).then(([c]) => c);
  const chooser = await open().catch(async (error: unknown) => {
    // No chooser: if focus left the field, that is the page's doing, and the test fails saying
    // where focus went. If it is still on the field, the browser dropped the chooser (not ours to
    // test): Space once more.
    const at = await focused(page);
    if (at.id !== id) throw new Error(`Space opened no file chooser: focus moved from ${id} to ${JSON.stringify(at)}`, { cause: error });
    return open();
  });
  await chooser.setFiles(files);
}

/** A PDF chosen for the form's file question `id`, and listed under it. */
async function upload(page: Page, id: string, name: string): Promise<void> {
  await chooseFile(page, id, { name, mimeType: 'application/pdf', buffer: PDF });
  await page.waitForFunction((n) => document.querySelector('civic-form')?.shadowRoot?.querySelector('.file-list')?.textContent?.includes(n), name);
}

async function staff(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${site.url}/forms/v1/${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${TOKEN}` } });
}

async function taxRelief(lang: Lang): Promise<void> {
  const w = WORDS[lang];
  const page = await site.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${site.url}/forms/property-tax-relief-elderly.html?lang=${lang}`);
  await waitForTitle(page, w.age);
  assert.deepEqual(await axe(page), []);

  // Under 65 without disability benefits: the routing ends on an exit page; Back returns.
  await radio(page, 'q-age_group', 2);
  assert.equal(await press(page, w.continue), w.exitAge);
  assert.equal((await focused(page)).id, 'step-title', 'the exit page’s heading has focus');
  assert.deepEqual(await axe(page), []);
  assert.equal(await press(page, w.back), w.age);
  await radio(page, 'q-age_group', 0);
  assert.equal(await press(page, w.continue), w.residence);
  await radio(page, 'q-owns_and_lives', 0);
  await press(page, w.continue);
  await radio(page, 'q-income_band', 0);
  await press(page, w.continue);
  // About you: nothing typed yet gives an error summary that takes focus.
  await press(page, w.continue);
  assert.notEqual(await inForm(page, '.civic-error-summary'), '');
  assert.deepEqual(await axe(page), []);
  await fill(page, 'q-name-first', 'Rosa');
  await fill(page, 'q-name-last', 'Álvarez');
  await fill(page, 'q-date_of_birth-day', '12');
  await fill(page, 'q-date_of_birth-month', '3');
  await fill(page, 'q-date_of_birth-year', '1951');
  await fill(page, 'q-phone', '860 555 0134');
  await press(page, w.continue);
  await fill(page, 'q-property_address-line1', '41 Wethersfield Avenue');
  await fill(page, 'q-property_address-city', 'Hartford');
  await fill(page, 'q-property_address-state', 'CT');
  await fill(page, 'q-property_address-zip', '06114');
  await press(page, w.continue);
  // Married and living together: the routing adds the spouse's page.
  await radio(page, 'q-marital_status', 1);
  await press(page, w.continue);
  await fill(page, 'q-spouse_name-first', 'Luis');
  await fill(page, 'q-spouse_name-last', 'Álvarez');
  await press(page, w.continue);
  await fill(page, 'q-social_security', '18000');
  await fill(page, 'q-other_income', '6000');
  await press(page, w.continue);
  assert.equal(await press(page, w.continue), w.review);
  const review = await inForm(page, '.summary');
  assert.match(review, /Rosa Álvarez/);
  assert.match(review, /Luis Álvarez/);
  assert.match(review, /41 Wethersfield Avenue, Hartford, CT, 06114/);
  assert.deepEqual(await axe(page), []);
  assert.equal(await press(page, w.agree), w.done);
  const reference = await inForm(page, '[data-reference]');
  assert.match(reference, /^PTR-\d{4}-\d+$/);
  assert.deepEqual(await axe(page), []);

  // The city sees it in its export and moves it on; the resident follows it in the tracker.
  const csv = await (await staff('forms/property-tax-relief-elderly/submissions.csv')).text();
  assert.match(csv, new RegExp(`${reference}.*Rosa`));
  const patch = await staff(`submissions/${reference}.json`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'in_review' }) });
  assert.equal(patch.status, 200, await patch.text());
  await tabTo(page, w.track, (f) => f.tag === 'a' && f.text === w.track);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/track\.html\?request=/);
  await page.waitForFunction(() => document.querySelector('civic-status-tracker')?.shadowRoot?.querySelector('[part=status]'), null, { timeout: 15_000 });
  const status = await page.evaluate(() => document.querySelector('civic-status-tracker')!.shadowRoot!.querySelector('[part=status]')!.textContent!.trim());
  assert.equal(status, w.inReview);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await page.close();
}

async function buildingPermit(lang: Lang): Promise<void> {
  const w = WORDS[lang];
  const page = await site.newPage();
  interceptChoosers(page);
  const problems = await watchProblems(page);
  await page.goto(`${site.url}/forms/building-permit-pre-application.html?lang=${lang}`);
  await waitForTitle(page);
  await radio(page, 'q-project_type', 0);
  await press(page, w.continue);
  await fill(page, 'q-site_address-line1', '174 Park Street');
  await fill(page, 'q-site_address-city', 'Hartford');
  await fill(page, 'q-site_address-state', 'CT');
  await fill(page, 'q-site_address-zip', '06106');
  await radio(page, 'q-building_use', 0);
  await press(page, w.continue);
  await fill(page, 'q-work_description', 'Replace the back porch and stairs.');
  await fill(page, 'q-estimated_cost', '25000');
  await press(page, w.continue);
  await radio(page, 'q-historic_district', 1);
  await press(page, w.continue);
  await upload(page, 'q-plans', 'porch-plans.pdf');
  await press(page, w.continue);

  // Save and come back later: the link opens in a fresh browser context (another device).
  await tabTo(page, w.saveLater, button(w.saveLater));
  await page.keyboard.press('Enter');
  await waitForTitle(page, w.saved);
  const link = await page.evaluate(() => document.querySelector('civic-form')!.shadowRoot!.querySelector<HTMLInputElement>('#resume-link')!.value);
  assert.match(link, /\/forms\/building-permit-pre-application\.html\?lang=\w+#civic-form=building-permit-pre-application\./);
  assert.deepEqual(await axe(page), []);
  await page.close();

  const other = await site.newPage();
  interceptChoosers(other);
  const otherProblems = await watchProblems(other);
  await other.goto(link);
  const applicant = await waitForTitle(other);
  assert.notEqual(applicant, w.saved);
  assert.equal(await other.evaluate(() => location.hash), '', 'the answers leave the address bar');
  await radio(other, 'q-applicant_role', 0);
  await fill(other, 'q-applicant_name-first', 'Ana');
  await fill(other, 'q-applicant_name-last', 'Ruiz');
  await fill(other, 'q-applicant_email', 'ana@example.com');
  await fill(other, 'q-applicant_phone', '860 555 0100');
  assert.equal(await press(other, w.continue), w.review);
  assert.match(await inForm(other, '.summary'), /174 Park Street/);
  // The link carried no file: the city's backend says the plans are missing, on their page.
  await press(other, w.send);
  // The error summary takes focus once its page has drawn (GOV.UK): tabbing starts from there.
  await other.waitForFunction(
    () => {
      const root = document.querySelector('civic-form')?.shadowRoot;
      return root?.querySelector('#q-plans-error') && root.activeElement?.closest('.civic-error-summary');
    },
    null,
    { timeout: 15_000 },
  );
  assert.deepEqual(await axe(other), []);
  await upload(other, 'q-plans', 'porch-plans.pdf');
  assert.equal(await press(other, w.continue), w.review);
  assert.equal(await press(other, w.send), w.done);
  const reference = await inForm(other, '[data-reference]');
  assert.match(reference, /^BPP-|^[A-Z]+-\d{4}-\d+$/);
  const exported = (await (await staff('forms/building-permit-pre-application/submissions.json')).json()) as { submissions: Array<{ reference: string; files: Array<{ path: string; name: string }> }> };
  const mine = exported.submissions.find((s) => s.reference === reference);
  assert.deepEqual(mine?.files.map((f) => `${f.path}:${f.name}`), ['plans:porch-plans.pdf']);
  assert.deepEqual(problems, []);
  // The one refusal above (the plans missing) is the backend's 400, which the browser logs.
  assert.deepEqual(otherProblems.filter((p) => !/status of 400/.test(p)), []);
  assert.equal(otherProblems.length, 1);
  await other.close();
}

describe('city forms, keyboard only', () => {
  it('in English: tax relief through its routing and an exit page, sent, exported, tracked', () => taxRelief('en'));
  it('in Spanish: the same, every page in Spanish', () => taxRelief('es'));
  it('in English: building permit with an upload, saved and finished on another device', () => buildingPermit('en'));
  it('in Spanish: the same', () => buildingPermit('es'));
});

describe('every page of every form in the catalog passes axe', () => {
  it('the forms list, then each form page by page (and its exit pages), in English and Spanish', async () => {
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/forms.html`);
    await page.waitForFunction(() => document.querySelector('civic-form-list')?.shadowRoot?.querySelector('[part=form-link]'), null, { timeout: 15_000 });
    assert.deepEqual(await axe(page), []);
    const catalog = (await (await fetch(`${site.url}/forms/v1/forms.json`)).json()) as { forms: Array<{ slug: string }> };
    assert.equal(catalog.forms.length, 8);
    const failures: string[] = [];
    let checked = 0;
    for (const { slug } of catalog.forms) {
      const def = (await (await fetch(`${site.url}/forms/v1/forms/${slug}.json`)).json()) as FormDefinition;
      for (const lang of ['en', 'es'] as const) {
        await page.goto(`${site.url}/forms/${slug}.html?lang=${lang}`);
        await waitForTitle(page);
        // Each page alone (and each exit page behind a one-question page routing to it), in the demo page.
        const singles: FormDefinition[] = def.pages.map((p) => ({ ...def, start_page: p.id, pages: [{ ...p, routes: [], next: 'check-answers' }], exit_pages: [] }));
        for (const exit of def.exit_pages ?? []) {
          const gate = { id: 'gate', questions: [{ id: 'gate', type: 'yes_no' as const, required: true, label: { en: 'Go?', es: '¿Ir?' } }], routes: [{ when: { question: 'gate', any_of: ['yes'] }, goto: exit.id }] };
          singles.push({ ...def, start_page: 'gate', pages: [gate], exit_pages: [exit] });
        }
        for (const single of singles) {
          const shown = await page.evaluate(async (d) => {
            document.querySelector('civic-form')?.remove();
            const el = document.createElement('civic-form') as HTMLElement & { definition: unknown };
            el.setAttribute('draft-key', `axe-${Math.random()}`);
            el.definition = d;
            document.querySelector('civic-hall')!.append(el);
            for (let i = 0; i < 800 && !el.shadowRoot?.querySelector('#step-title, [role=alert]'); i++) await new Promise((r) => setTimeout(r, 25));
            if (d.start_page === 'gate') {
              const gate = el.shadowRoot!.querySelector<HTMLInputElement>('#q-gate-0');
              if (!gate) return `no gate: ${el.shadowRoot!.textContent}`;
              gate.click();
              el.shadowRoot!.querySelector<HTMLButtonElement>('[part=continue-button]')!.click();
              for (let i = 0; i < 800 && !el.shadowRoot!.querySelector('[part=back-button]'); i++) await new Promise((r) => setTimeout(r, 25));
              if (!el.shadowRoot!.querySelector('[part=back-button]')) return `no exit page: ${el.shadowRoot!.textContent}`;
            }
            return el.shadowRoot?.querySelector('#step-title')?.textContent?.trim() ?? el.shadowRoot?.textContent ?? '';
          }, single);
          if (/^no (gate|exit page)|definition has mistakes/.test(shown)) failures.push(`${slug} ${lang} ${single.start_page}: not shown: ${shown}`);
          const violations = await axe(page);
          checked++;
          if (violations.length) failures.push(`${slug} ${lang} ${single.start_page} (${shown}): ${violations.join('; ')}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(checked > 50, `checked ${checked} pages`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('staff publish a form without a developer: the Staff page, keyboard only', () => {
  it('a PDF becomes a draft to download or publish; a definition file with mistakes says where and what, and publishes nothing; mended, it is published, in the catalog, and on its page', async () => {
    const seed = (await (await fetch(`${site.url}/forms/v1/forms/contact-the-mayor.json`)).json()) as FormDefinition;
    const mine = { ...seed, slug: 'snow-volunteers', name: { en: 'Volunteer to shovel snow', es: 'Ofrézcase para palear nieve' }, reference_prefix: 'SNW' };
    const page = await site.newPage();
    interceptChoosers(page);
    const problems = await watchProblems(page);
    await page.goto(`${site.url}/staff.html?lang=en`);
    await tabTo(page, 'the staff token', byId('staff-token'));
    await page.keyboard.type(TOKEN);
    const publish = async (definition: object) => {
      await chooseFile(page, 'form-file', { name: 'snow-volunteers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(definition)) });
      await tabTo(page, 'Check and publish', button('Check and publish'));
      const shown = (await page.locator('#forms-result').textContent()) ?? '';
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (old) => {
          const now = document.querySelector('#forms-result')?.textContent ?? '';
          return now !== old && /^(Published|Not published|Error)/.test(now.trim());
        },
        shown,
        { timeout: 15_000 },
      );
      return (await page.locator('#forms-result').textContent())!.replace(/\s+/g, ' ').trim();
    };

    // A fillable PDF (from another producer than ours) becomes a draft with its report; it can be
    // downloaded to translate, or published as it is.
    await chooseFile(page, 'draft-file', join(REPO_ROOT, 'test', 'server', 'fixtures', 'reportlab-sidewalk-dining.pdf'));
    // Offline first: the page says so, and the file stays chosen for the next try.
    await page.route('**/forms/v1/import.json*', (route) => route.abort('internetdisconnected'));
    await tabTo(page, 'Make a draft', button('Make a draft'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#draft-result')?.textContent?.includes('the server could not be reached'), null, { timeout: 15_000 });
    await page.unroute('**/forms/v1/import.json*');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^(Draft of|No draft)/.test(document.querySelector('#draft-result')?.textContent?.trim() ?? ''), null, { timeout: 15_000 });
    const drafted = (await page.locator('#draft-result').textContent())!.replace(/\s+/g, ' ').trim();
    assert.match(drafted, /^Draft of Sidewalk Dining Permit Application \(2 pages\)\. \d+ things need a person/);
    assert.match(drafted, /field "Text1" \(page 1\): no label/);
    assert.deepEqual(await axe(page), []);
    await tabTo(page, 'the download link', (f) => f.tag === 'a' && f.text.startsWith('Download the draft'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), 'reportlab-sidewalk-dining.json', 'named by the slug, from the file name');
    const downloaded = JSON.parse(readFileSync(await download.path(), 'utf8')) as FormDefinition;
    assert.equal(downloaded.slug, 'reportlab-sidewalk-dining');
    await tabTo(page, 'Publish this draft as it is', button('Publish this draft as it is'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Published: Sidewalk Dining Permit Application, version 1\./.test(document.querySelector('#draft-result .draft-outcome')?.textContent?.trim() ?? ''), null, { timeout: 15_000 });
    assert.ok(((await (await fetch(`${site.url}/forms/v1/forms.json`)).json()) as { forms: Array<{ slug: string }> }).forms.some((f) => f.slug === 'reportlab-sidewalk-dining'));
    assert.deepEqual(await axe(page), []);

    const refused = await publish({ ...mine, start_page: 'nowhere' });
    assert.match(refused, /^Not published: snow-volunteers\.json has 5 problems\./);
    assert.match(refused, /start_page: "nowhere" is not the id of a page/);
    assert.deepEqual(await axe(page), []);
    const before = (await (await fetch(`${site.url}/forms/v1/forms.json`)).json()) as { forms: Array<{ slug: string }> };
    assert.ok(!before.forms.some((f) => f.slug === 'snow-volunteers'), 'nothing published');

    const published = await publish(mine);
    assert.match(published, /^Published: Volunteer to shovel snow, version 1\./);
    assert.match(published, /<civic-form form="snow-volunteers"><\/civic-form>/);
    assert.deepEqual(await axe(page), []);
    const after = (await (await fetch(`${site.url}/forms/v1/forms.json`)).json()) as { forms: Array<{ slug: string }> };
    assert.ok(after.forms.some((f) => f.slug === 'snow-volunteers'), 'in the catalog');

    // A resident answers the new form; its submissions download as CSV, by keyboard.
    const sent = await fetch(`${site.url}/forms/v1/forms/snow-volunteers/submissions.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { topic: 'idea', message: 'I can shovel Park Street.', name: { first: 'Inés', last: 'Soto' }, email: 'ines@example.com' } }),
    });
    assert.equal(sent.status, 201, await sent.clone().text());
    const { reference } = (await sent.json()) as { reference: string };
    await tabTo(page, 'the form to export', byId('export-form'));
    await page.keyboard.type('Volunteer');
    assert.equal(await page.locator('#export-form').inputValue(), 'snow-volunteers', 'the list has the form published a moment ago');
    await tabTo(page, 'Download submissions (CSV)', button('Download submissions (CSV)'));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(csv.suggestedFilename(), 'snow-volunteers-submissions.csv');
    const rows = readFileSync(await csv.path(), 'utf8');
    assert.match(rows, /^reference,/);
    assert.match(rows, new RegExp(`${reference}.*Inés Soto`));
    await page.waitForFunction(() => document.querySelector('#export-result')?.textContent === 'Downloaded snow-volunteers-submissions.csv.');
    assert.deepEqual(await axe(page), []);

    // Its status, set from the list of submissions, is what the tracker shows.
    await tabTo(page, 'Show submissions', button('Show submissions'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#export-result')?.textContent === '1 submission.', null, { timeout: 15_000 });
    await tabTo(page, 'the status of the submission', byId(`submission-${reference}-status`));
    await page.keyboard.type('In review');
    await tabTo(page, 'Set status', button('Set status'));
    await page.keyboard.press('Enter');
    await page.waitForFunction((r) => document.querySelector(`#submission-${r}-title`)?.textContent === `${r}: In review`, reference, { timeout: 15_000 });
    assert.equal(((await (await fetch(`${site.url}/forms/v1/submissions/${reference}.json`)).json()) as { status: string }).status, 'in_review');
    assert.deepEqual(await axe(page), []);

    // Its page: the demo answers any published slug, and the element draws the form.
    await tabTo(page, 'the link to its page', (f) => f.tag === 'a' && f.text === 'Open the page of Volunteer to shovel snow');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/forms\/snow-volunteers\.html/);
    await waitForTitle(page, seed.pages[0]!.questions[0]!.label.en);
    assert.equal(await inForm(page, '[part=step-caption]'), 'Volunteer to shovel snow');
    assert.deepEqual(await axe(page), []);
    // The refused definition's 400 and the draft sent offline are the browser's console lines.
    assert.deepEqual(problems.filter((p) => !/status of 400|ERR_INTERNET_DISCONNECTED/.test(p)), []);
    await page.close();
  });
});
