// The importers: a fillable PDF the test builds with pdf-lib (every AcroForm field type) and
// Form.io fixtures written from its documented JSON become draft definitions that validate,
// with a report of what needs a human; `npx civic-elements` runs them from the command line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { AnnotationFlags, PDFDocument, PDFName, PDFString, type PDFTextField } from 'pdf-lib';
import { importFormio, importPdf } from '../../importers/index.mjs';
import type { FormDefinition, Question, SelectionQuestion } from '../../src/forms/definition.js';
import { walk } from '../../src/forms/route.js';
import { validateDefinition } from '../../src/forms/validate-definition.js';
import { REPO_ROOT } from '../../server/config.js';

const run = promisify(execFile);
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'form-definition.schema.json'), 'utf8'));
const validateSchema = new Ajv2020({ allErrors: true, strict: true }).addFormat('email', /^[^@\s]+@[^@\s]+$/).compile(schema);
const fixture = (name: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'server', 'fixtures', name), 'utf8'));

function assertValid(def: FormDefinition) {
  assert.deepEqual(validateDefinition(def), [], JSON.stringify(validateDefinition(def), null, 1));
  assert.ok(validateSchema(def), JSON.stringify(validateSchema.errors, null, 1));
}
const questions = (def: FormDefinition) => new Map<string, Question>(def.pages.flatMap((p) => p.questions.map((q) => [q.id, q])));

/** A two-page fillable PDF with every AcroForm field type, some labelled by tooltip and some not. */
async function permitPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Sidewalk Cafe Permit Application');
  const one = doc.addPage([612, 792]);
  const two = doc.addPage([612, 792]);
  const form = doc.getForm();
  const tip = (field: { acroField: { dict: { set(k: PDFName, v: PDFString): void } } }, words: string) => field.acroField.dict.set(PDFName.of('TU'), PDFString.of(words));

  const business = form.createTextField('businessName');
  business.addToPage(one, { x: 50, y: 700, width: 300, height: 20 });
  business.enableRequired();
  business.setMaxLength(80);
  tip(business, 'Legal name of the business');
  const email = form.createTextField('applicant.emailAddress');
  email.addToPage(one, { x: 50, y: 660, width: 300, height: 20 });
  const unnamed = form.createTextField('Text1');
  unnamed.addToPage(one, { x: 50, y: 620, width: 300, height: 20 });
  const described = form.createTextField('Text2');
  described.addToPage(one, { x: 50, y: 580, width: 300, height: 20 });
  tip(described, 'Number of tables on the sidewalk');
  const plan = form.createTextField('seating_plan_description');
  plan.enableMultiline();
  plan.addToPage(one, { x: 50, y: 480, width: 300, height: 80 });
  const alcohol = form.createCheckBox('servesAlcohol');
  alcohol.addToPage(one, { x: 50, y: 440, width: 15, height: 15 });
  tip(alcohol, 'Will you serve alcohol outside?');
  const season = form.createRadioGroup('season');
  season.addOptionToPage('year_round', one, { x: 50, y: 400, width: 15, height: 15 });
  season.addOptionToPage('summer_only', one, { x: 100, y: 400, width: 15, height: 15 });
  for (const [y, day] of [[370, 'weekdays'], [350, 'weekends']] as const) {
    const box = form.createCheckBox(`outdoorHours.${day}`);
    box.addToPage(one, { x: 50, y, width: 15, height: 15 });
  }
  const office = form.createTextField('officeUseOnly');
  office.addToPage(one, { x: 50, y: 100, width: 200, height: 20 });
  office.enableReadOnly();

  const district = form.createDropdown('businessDistrict');
  district.addOptions(['Downtown', 'Park Street', 'Franklin Avenue', 'Albany Avenue']);
  district.addToPage(two, { x: 50, y: 700, width: 200, height: 20 });
  tip(district, 'Business district');
  const days = form.createOptionList('openDays');
  days.addOptions(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
  days.enableMultiselect();
  days.addToPage(two, { x: 50, y: 560, width: 200, height: 120 });
  tip(days, 'Days the cafe opens');
  const print = form.createButton('printButton');
  print.addToPage('Print', two, { x: 400, y: 50, width: 80, height: 20 });
  const sig = doc.context.obj({ FT: 'Sig', Type: 'Annot', Subtype: 'Widget', Rect: [50, 50, 250, 80], P: two.ref, F: 4 });
  sig.set(PDFName.of('T'), PDFString.of('applicantSignature'));
  const sigRef = doc.context.register(sig);
  two.node.addAnnot(sigRef);
  form.acroForm.addField(sigRef);
  return doc.save();
}

/**
 * A one-page form as Acrobat writes one: text fields whose /AA actions call Acrobat's form
 * functions (format, keystroke, validate, calculate; the JavaScript of the PDF Reference
 * §12.6.3 and Acrobat's AFNumber_Format family), one with a script of its own, a hidden helper
 * field, and a dropdown whose /Opt holds [export value, shown text] pairs.
 */
async function acrobatPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Dumpster Permit');
  const page = doc.addPage([612, 792]);
  const form = doc.getForm();
  let y = 740;
  const field = (name: string, tip: string, aa: Record<string, string>): PDFTextField => {
    const f = form.createTextField(name);
    f.addToPage(page, { x: 50, y: (y -= 40), width: 200, height: 20 });
    f.acroField.dict.set(PDFName.of('TU'), PDFString.of(tip));
    const actions = Object.fromEntries(Object.entries(aa).map(([k, js]) => [k, { S: 'JavaScript', JS: PDFString.of(js) }]));
    if (Object.keys(actions).length) f.acroField.dict.set(PDFName.of('AA'), doc.context.obj(actions));
    return f;
  };
  field('StartDate', 'First day on the street', { F: 'AFDate_FormatEx("mm/dd/yyyy");', K: 'AFDate_KeystrokeEx("mm/dd/yyyy");' });
  field('Days', 'Number of days', { F: 'AFNumber_Format(0, 0, 0, 0, "", true);', K: 'AFNumber_Keystroke(0, 0, 0, 0, "", true);', V: 'AFRange_Validate(true, 1, true, 30);' });
  const deposit = field('Deposit', 'Deposit offered', {});
  // Longer scripts are often streams (here Flate-compressed) rather than strings.
  deposit.acroField.dict.set(PDFName.of('AA'), doc.context.obj({ F: { S: 'JavaScript', JS: doc.context.register(doc.context.flateStream('AFNumber_Format(2, 0, 0, 0, "$", true);')) } }));
  field('Zip', 'ZIP code', { F: 'AFSpecial_Format(0);' });
  field('Rate', 'Rate', { F: 'AFNumber_Format(9, 0, 0, 0, "", true);', V: 'AFRange_Validate(true, 10, true, 1);' });
  field('Contact', 'Daytime contact', { K: 'AFSpecial_Keystroke(2);' });
  field('SSN', 'Social Security number', { F: 'AFSpecial_Format(3);' });
  field('DeliveryTime', 'Delivery time', { F: 'AFTime_FormatEx("h:MM tt");' });
  field('Total', 'Fee', { C: 'AFSimple_Calculate("SUM", new Array ("Days"));' });
  field('Plate', 'Truck plate', { K: 'if (event.change) event.change = event.change.toUpperCase();' });
  const helperField = field('Counter', 'Counter', {});
  helperField.acroField.getWidgets()[0]!.setFlagTo(AnnotationFlags.Hidden, true);
  const size = form.createDropdown('Size');
  size.addOptions(['10 cubic yards', '20 cubic yards']);
  size.acroField.dict.set(PDFName.of('Opt'), doc.context.obj([[PDFString.of('D10'), PDFString.of('10 cubic yards')], [PDFString.of('D20'), PDFString.of('20 cubic yards')]]));
  size.addToPage(page, { x: 50, y: 100, width: 200, height: 20 });
  size.acroField.dict.set(PDFName.of('TU'), PDFString.of('Dumpster size'));
  return doc.save();
}

describe('import-pdf', () => {
  test('every field type becomes a question or a report line, and the draft validates', async () => {
    const { definition, report } = await importPdf(await permitPdf(), { fileName: 'sidewalk-cafe.pdf' });
    assertValid(definition);
    assert.equal(definition.slug, 'sidewalk-cafe');
    assert.deepEqual(definition.name, { en: 'Sidewalk Cafe Permit Application' });
    assert.deepEqual(
      definition.pages.map((p) => p.questions.map((q) => `${q.id}:${q.type}`)),
      [
        ['business_name:text', 'email_address:email', 'text1:text', 'number_of_tables_on_the_sidewalk:text', 'seating_plan_description:textarea', 'serves_alcohol:yes_no', 'season:selection', 'outdoor_hours:selection'],
        ['business_district:selection', 'open_days:selection'],
      ],
    );
    const q = questions(definition);
    assert.deepEqual(q.get('business_name'), { id: 'business_name', label: { en: 'Legal name of the business' }, required: true, type: 'text', max_length: 80 });
    assert.equal(q.get('serves_alcohol')!.label.en, 'Will you serve alcohol outside?');
    assert.deepEqual((q.get('season') as SelectionQuestion).options.map((o) => [o.value, o.label.en]), [['year_round', 'Year round'], ['summer_only', 'Summer only']]);
    const daysQ = q.get('open_days') as SelectionQuestion;
    assert.equal(daysQ.multiple, true);
    assert.equal(daysQ.options.length, 7);
    const hours = q.get('outdoor_hours') as SelectionQuestion;
    assert.deepEqual([hours.multiple, hours.options.map((o) => [o.value, o.label.en])], [true, [['weekdays', 'Weekdays'], ['weekends', 'Weekends']]]);
    assert.ok(definition.declaration, 'a signature becomes a declaration');
    const lines = report.toString();
    assert.match(lines, /"Text1" \(page 1\): no label/);
    assert.doesNotMatch(lines, /"Text2".*no label/);
    assert.match(lines, /"applicantSignature" \(page 2\): a signature/);
    assert.match(lines, /"printButton" \(page 2\): a push button/);
    assert.match(lines, /"officeUseOnly" \(page 1\): read-only/);
    assert.match(lines, /draft is in "en" only/);
  });

  test('a PDF from another producer (ReportLab: its own widget layout and flags) drafts the same way', async () => {
    const pdf = readFileSync(join(REPO_ROOT, 'test', 'server', 'fixtures', 'reportlab-sidewalk-dining.pdf'));
    const { definition, report } = await importPdf(pdf, { fileName: 'sidewalk-dining.pdf' });
    assertValid(definition);
    assert.deepEqual(definition.name, { en: 'Sidewalk Dining Permit Application' });
    assert.deepEqual(
      definition.pages.map((p) => p.questions.map((q) => `${q.id}:${q.type}${q.required ? '!' : ''}`)),
      [
        ['business_name:text', 'owner_email:email', 'tables:text', 'alcohol:selection!', 'season:selection', 'days:selection', 'agree:yes_no!', 'text1:textarea'],
        ['applicant_signature_date:date'],
      ],
    );
    const q = questions(definition);
    assert.equal(q.get('owner_email')!.label.en, 'Owner email address');
    assert.deepEqual((q.get('alcohol') as SelectionQuestion).options.map((o) => o.value), ['yes', 'no']);
    assert.deepEqual((q.get('season') as SelectionQuestion).options.map((o) => o.value), ['Spring', 'Summer', 'Fall']);
    assert.equal((q.get('days') as SelectionQuestion).multiple, true);
    const lines = report.toString();
    assert.match(lines, /"Text1" \(page 1\): no label/);
    assert.match(lines, /"alcohol" \(page 1\): radio choices labelled from their export values/);
  });

  test("a text field's Acrobat format gives its answer type (read as text, never run); calculated, hidden and scripted fields are reported", async () => {
    const { definition, report } = await importPdf(await acrobatPdf(), { fileName: 'dumpster.pdf' });
    assertValid(definition);
    const q = questions(definition);
    assert.deepEqual([...q.values()].map((x) => `${x.id}:${x.type}`), ['start_date:date', 'days:number', 'deposit:number', 'zip:text', 'rate:number', 'contact:phone', 'ssn:text', 'delivery_time:text', 'plate:text', 'size:selection']);
    assert.deepEqual(q.get('days'), { id: 'days', label: { en: 'Number of days' }, type: 'number', decimals: 0, min: 1, max: 30 });
    assert.equal((q.get('deposit') as { decimals?: number }).decimals, 2);
    // Nine decimals and a range the wrong way round: kept within what a definition allows.
    assert.deepEqual(q.get('rate'), { id: 'rate', label: { en: 'Rate' }, type: 'number', decimals: 6 });
    // The export values are what the office reads; the shown words are the labels.
    assert.deepEqual((q.get('size') as SelectionQuestion).options.map((o) => [o.value, o.label.en]), [['D10', '10 cubic yards'], ['D20', '20 cubic yards']]);
    const lines = report.toString();
    assert.match(lines, /"StartDate" \(page 1\): a date in the PDF \("mm\/dd\/yyyy"\)/);
    assert.doesNotMatch(lines, /"StartDate".*from its name/);
    assert.match(lines, /"Deposit" \(page 1\): an amount of money in the PDF \("\$"\)/);
    assert.match(lines, /"Zip" \(page 1\): a ZIP code in the PDF/);
    assert.match(lines, /"Rate" \(page 1\): a range from 10 to 1 in the PDF, the wrong way round: left out/);
    assert.match(lines, /"SSN" \(page 1\): a Social Security number: ask for it only if the law requires it/);
    assert.match(lines, /"DeliveryTime" \(page 1\): a time of day in the PDF \("h:MM tt"\)/);
    assert.match(lines, /"Total" \(page 1\): calculated in the PDF/);
    assert.match(lines, /"Counter" \(page 1\): hidden in the PDF/);
    assert.match(lines, /"Plate" \(page 1\): has JavaScript of its own/);
    assert.doesNotMatch(lines, /"(Days|StartDate|Deposit|Zip|Contact|SSN)" \(page 1\): has JavaScript of its own/);
    assert.ok(!JSON.stringify(definition).includes('event.change'), 'no script is carried into the draft');
  });

  test('a PDF without form fields is refused with a reason', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    await assert.rejects(importPdf(await doc.save()), /no form fields/);
  });

  test('an encrypted PDF (an owner password forbids editing) is refused with what to do, not drafted from ciphertext', async () => {
    const pdf = readFileSync(join(REPO_ROOT, 'test', 'server', 'fixtures', 'reportlab-encrypted.pdf'));
    await assert.rejects(importPdf(pdf), /encrypted.*without its security/);
  });

  test('an XFA (LiveCycle) form: refused with what to do when it has no AcroForm fields, reported when it has both', async () => {
    const withXfa = async (field: boolean) => {
      const doc = await PDFDocument.create();
      const page = doc.addPage();
      const form = doc.getForm();
      if (field) form.createTextField('applicantName').addToPage(page, { x: 50, y: 700, width: 200, height: 20 });
      const xdp = doc.context.stream('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template/></xdp:xdp>');
      form.acroForm.dict.set(PDFName.of('XFA'), doc.context.register(xdp));
      // Drawing appearances would open the form again, and pdf-lib drops XFA when it does.
      return doc.save({ updateFieldAppearances: false });
    };
    await assert.rejects(importPdf(await withXfa(false)), /XFA \(LiveCycle\) form.*static fillable PDF/);
    const { definition, report } = await importPdf(await withXfa(true));
    assertValid(definition);
    assert.match(report.toString(), /also carries an XFA form/);
  });
});

describe('import-formio', () => {
  test('a wizard: panels become pages, a simple conditional becomes a route, JavaScript is reported', () => {
    const { definition, report } = importFormio(fixture('formio-tree-permit-wizard.json'));
    assertValid(definition);
    assert.equal(definition.slug, 'street-tree-request');
    assert.deepEqual(
      definition.pages.map((p) => p.id),
      ['page1', 'landlord', 'tree_page', 'photos_page', 'neighbors', 'email'],
    );
    assert.deepEqual(definition.pages[0]!.routes, [{ when: { question: 'owner_or_tenant', any_of: ['rent'] }, goto: 'landlord' }]);
    assert.equal(definition.pages[0]!.next, 'tree_page');
    assert.deepEqual(walk(definition, { owner_or_tenant: 'own' }).pages.slice(0, 2), ['page1', 'tree_page']);
    assert.deepEqual(walk(definition, { owner_or_tenant: 'rent' }).pages.slice(0, 3), ['page1', 'landlord', 'tree_page']);
    const q = questions(definition);
    assert.equal(q.get('site_address')!.type, 'address');
    assert.equal(q.get('landlord_agrees')!.type, 'yes_no');
    assert.equal((q.get('species') as SelectionQuestion).display, 'select');
    assert.equal((q.get('overhead') as SelectionQuestion).multiple, true);
    assert.deepEqual(q.get('photos'), { id: 'photos', label: { en: 'Photos of the spot' }, type: 'file', accept: ['image/jpeg', 'image/png', 'image/heic'], max_bytes: 5 * 1024 * 1024, max_files: 5 });
    assert.equal(definition.pages.find((p) => p.id === 'neighbors')!.repeatable!.max, 5);
    assert.ok(!JSON.stringify(definition).includes('data.'), 'no JavaScript carried over');
    const lines = report.toString();
    for (const words of [/"notes": a JavaScript condition/, /"donation": a calculated value/, /"parcel": a JavaScript validation/, /"signature": a signature/, /"source": a hidden field/, /\.exe/])
      assert.match(lines, words);
  });

  test('a flat form: one question a page; {show, when, eq} and one isEqual condition become routes; the rest is reported', () => {
    const { definition, report } = importFormio(fixture('formio-noise-complaint.json'));
    assertValid(definition);
    assert.ok(definition.pages.every((p) => p.questions.length === 1));
    assert.deepEqual(walk(definition, { source: 'party', anonymous: 'no' }).pages, ['source', 'loudness', 'details', 'anonymous', 'your_name']);
    assert.deepEqual(walk(definition, { source: 'construction', anonymous: 'yes' }).pages, ['source', 'company_name', 'permit_day', 'loudness', 'details', 'anonymous']);
    assert.deepEqual(walk(definition, { source: 'dog' }).pages.slice(0, 2), ['source', 'dog_owner']);
    const lines = report.toString();
    assert.match(lines, /"loudness": a condition with several parts/);
    assert.match(lines, /"satisfaction": a "survey" component/);
    assert.match(lines, /hidden when "anonymous" is "true"/);
  });

  test('a flat form with a data grid: its columns stay on one "add another" page; layouts open up', () => {
    const form = {
      title: 'Tree Removal Request',
      name: 'treeRemoval',
      display: 'form',
      components: [
        { type: 'columns', key: 'cols', columns: [{ components: [{ type: 'textfield', key: 'firstName', label: 'First name', validate: { required: true } }] }, { components: [{ type: 'textfield', key: 'lastName', label: 'Last name' }] }] },
        {
          type: 'datagrid',
          key: 'trees',
          label: 'Trees',
          validate: { maxLength: 4 },
          components: [
            { type: 'textfield', key: 'species', label: 'Species', validate: { required: true } },
            { type: 'number', key: 'diameter', label: 'Diameter (inches)' },
          ],
        },
        { type: 'textarea', key: 'notes', label: 'Notes' },
      ],
    };
    const { definition } = importFormio(form);
    assertValid(definition);
    assert.deepEqual(
      definition.pages.map((p) => [p.id, p.questions.map((q) => q.id), p.repeatable?.max]),
      [['first_name', ['first_name'], undefined], ['last_name', ['last_name'], undefined], ['trees', ['species', 'diameter'], 4], ['notes', ['notes'], undefined]],
    );
  });

  test('not a Form.io form is refused with a reason', () => {
    assert.throws(() => importFormio({ title: 'x' }), /components/);
  });
});

describe('npx civic-elements', () => {
  const dir = mkdtempSync(join(tmpdir(), 'civic-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('import-pdf and import-formio write the draft to stdout and the report to stderr', async () => {
    const pdf = join(dir, 'cafe.pdf');
    writeFileSync(pdf, await permitPdf());
    const fromPdf = await run('npx', ['--no-install', 'civic-elements', 'import-pdf', pdf, '--slug', 'sidewalk-cafe-permit'], { cwd: REPO_ROOT });
    const def = JSON.parse(fromPdf.stdout) as FormDefinition;
    assert.equal(def.slug, 'sidewalk-cafe-permit');
    assertValid(def);
    assert.match(fromPdf.stderr, /need a human/);
    const fromFormio = await run('npx', ['--no-install', 'civic-elements', 'import-formio', join(REPO_ROOT, 'test/server/fixtures/formio-noise-complaint.json')], { cwd: REPO_ROOT });
    assertValid(JSON.parse(fromFormio.stdout) as FormDefinition);
  });

  test('a usage mistake or an unreadable file exits non-zero with a message', async () => {
    await assert.rejects(run('npx', ['--no-install', 'civic-elements', 'import-word', 'x.doc'], { cwd: REPO_ROOT }), (err: { code: number; stderr: string }) => err.code === 2 && /Usage/.test(err.stderr));
    await assert.rejects(run('npx', ['--no-install', 'civic-elements', 'import-pdf', join(dir, 'missing.pdf')], { cwd: REPO_ROOT }), (err: { code: number; stderr: string }) => err.code === 1 && /cannot read/.test(err.stderr));
  });
});
