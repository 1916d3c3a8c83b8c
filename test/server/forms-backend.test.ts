// The forms contract (/forms/v1) on PGlite and PostgreSQL: catalog and definitions with ETags,
// submissions validated with the same shared rules as the browser (400 per question, nothing
// stored), uploads typed from their bytes, idempotent sends, the tracker view, and the staff side.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Answers, FormDefinition } from '../../src/forms/definition.js';
import { DATABASES, PNG_1X1, describeOn, get, startTestServer, type Answer, type TestServer } from './helpers.js';
import { seeds } from './forms-helpers.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { validateDefinition } from '../../src/forms/validate-definition.js';

const STAFF = 'staff-token-for-forms-tests-0123456789';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Created {
  reference: string;
  status: string;
  version: number;
}
interface Refused {
  errors: Array<{ question: string | null; page: string; index?: number; code: string; message: string; path?: string }>;
}

const building: Answers = {
  project_type: 'deck',
  site_address: { line1: '174 Park St', city: 'Hartford', state: 'CT', zip: '06106' },
  building_use: 'one-two-family',
  work_description: 'A 12 by 16 foot wooden deck at the back door, 3 feet off the ground.',
  estimated_cost: '14,500',
  trades: ['structural'],
  historic_district: 'no',
  applicant_role: 'owner',
  applicant_name: { first: 'Marisol', last: 'Vega' },
  applicant_email: 'marisol@example.com',
  applicant_phone: '860-555-0199',
};

const taxRelief: Answers = {
  age_group: '65-plus',
  owns_and_lives: 'yes',
  income_band: 'under-limit',
  name: { first: 'Rosa', last: 'Díaz' },
  date_of_birth: '1950-04-12',
  phone: '860-555-0142',
  property_address: { line1: '12 Vine St', city: 'Hartford', state: 'CT', zip: '06112' },
  marital_status: 'married',
  spouse_name: { first: 'Luis', last: 'Díaz' },
  social_security: '18400.50',
  other_income: '6200',
};

function multipart(answers: Answers, files: Array<[string, Buffer, string, string]>, extra: Record<string, unknown> = {}): FormData {
  const form = new FormData();
  form.append('submission', JSON.stringify({ answers, ...extra }));
  for (const [path, bytes, type, name] of files) form.append(path, new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

for (const db of DATABASES) {
  describeOn(db, 'forms contract', () => {
    let server: TestServer;
    let forms: string;
    const postJson = <T>(slug: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> =>
      get<T>(`${forms}/forms/${slug}/submissions.json`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
    const postForm = <T>(slug: string, body: FormData, headers: Record<string, string> = {}): Promise<Answer<T>> =>
      get<T>(`${forms}/forms/${slug}/submissions.json`, { method: 'POST', body, headers });
    const staff = { Authorization: `Bearer ${STAFF}` };
    const stored = async () => {
      const [row] = await server.database.query<{ s: number; f: number }>(`SELECT (SELECT count(*) FROM forms_submissions)::int AS s, (SELECT count(*) FROM forms_files)::int AS f`);
      return row!;
    };

    before(async () => {
      server = await startTestServer(db, { staffToken: STAFF });
      forms = `${server.base}/forms/v1`;
    });
    after(() => server.stop());

    describe('catalog and definitions', () => {
      test('the catalog lists every seeded form with its title in the asked language', async () => {
        const en = await get<{ forms: Array<{ slug: string; title: string; category: string; languages: string[]; url: string }> }>(`${forms}/forms.json`);
        assert.equal(en.status, 200);
        assert.deepEqual(en.body.forms.map((f) => f.slug).sort(), seeds.map((s) => s.definition.slug).sort());
        const tax = en.body.forms.find((f) => f.slug === 'property-tax-relief-elderly')!;
        assert.equal(tax.title, 'Elderly homeowner property tax relief');
        assert.deepEqual(tax.languages, ['en', 'es']);
        assert.equal(tax.url, `${forms}/forms/property-tax-relief-elderly.json`);
        const es = await get<{ forms: Array<{ slug: string; title: string }> }>(`${forms}/forms.json`, { headers: { 'Accept-Language': 'es-US,es;q=0.9' } });
        assert.equal(es.headers.get('content-language'), 'es');
        assert.equal(es.body.forms.find((f) => f.slug === 'block-party-permit')!.title, 'Permiso para evento especial o fiesta de cuadra');
      });

      test('a definition by slug with an ETag; 304 when unchanged; 404 for an unknown slug or version', async () => {
        const res = await get<FormDefinition>(`${forms}/forms/block-party-permit.json`);
        assert.equal(res.status, 200);
        assert.equal(res.body.slug, 'block-party-permit');
        assert.equal(res.body.version, 1);
        const etag = res.headers.get('etag')!;
        assert.match(etag, /^(W\/)?"[\w-]+"$/);
        const again = await fetch(`${forms}/forms/block-party-permit.json`, { headers: { 'If-None-Match': etag } });
        assert.equal(again.status, 304);
        const missing = await get<Refused>(`${forms}/forms/no-such-form.json`);
        assert.equal(missing.status, 404);
        assert.equal(missing.body.errors[0]!.code, 'not_found');
        assert.equal((await get(`${forms}/forms/block-party-permit.json?version=9`)).status, 404);
      });
    });

    describe('submitting', () => {
      test('JSON answers → 201 with a human reference; the tracker shows status and title, no answers', async () => {
        const res = await postJson<Created>('property-tax-relief-elderly', { answers: taxRelief, language: 'es' });
        assert.equal(res.status, 201, res.text);
        assert.match(res.body.reference, /^PTR-\d{4}-\d{6}$/);
        assert.equal(res.body.status, 'received');
        assert.equal(res.body.version, 1);
        const tracker = await get<Record<string, unknown>>(`${forms}/submissions/${res.body.reference}.json`, { headers: { 'Accept-Language': 'es' } });
        assert.equal(tracker.status, 200);
        assert.deepEqual(tracker.body.form, { slug: 'property-tax-relief-elderly', title: 'Alivio del impuesto a la propiedad para propietarios de edad avanzada' });
        assert.equal(tracker.body.status_label, 'Recibida');
        assert.ok(!tracker.text.includes('Díaz') && !tracker.text.includes('Vine'), 'no personal data in the tracker view');
        assert.equal((await get(`${forms}/submissions/PTR-2026-999999.json`)).status, 404);
      });

      test('multipart with uploads: types read from the bytes, files stored with their answer', async () => {
        const before = await stored();
        const res = await postForm<Created>(
          'building-permit-pre-application',
          multipart(building, [
            ['plans', PDF, 'application/pdf', 'site-plan.pdf'],
            ['photos', PNG_1X1, 'image/png', 'back-door.png'],
          ]),
        );
        assert.equal(res.status, 201, res.text);
        assert.match(res.body.reference, /^BLD-\d{4}-\d{6}$/);
        const after = await stored();
        assert.deepEqual(after, { s: before.s + 1, f: before.f + 2 });
      });

      test('every bad submission is a 400 per question, in the asked language, and nothing is stored', async () => {
        const before = await stored();
        const cases: Array<[string, () => Promise<Answer<Refused>>, string, string]> = [
          ['required missing', () => postJson('property-tax-relief-elderly', { answers: { ...taxRelief, phone: '' } }), 'phone', 'required'],
          ['value not in the list', () => postJson('property-tax-relief-elderly', { answers: { ...taxRelief, marital_status: 'it-is-complicated' } }), 'marital_status', 'not_in_list'],
          [
            'answer on a page the routing skipped',
            () => postJson('property-tax-relief-elderly', { answers: { ...taxRelief, marital_status: 'single' } }),
            'spouse_name',
            'skipped',
          ],
          [
            'wrong file type (bytes are not a PDF)',
            () => postForm('building-permit-pre-application', multipart(building, [['plans', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf', 'plans.pdf']])),
            'plans',
            'file_type',
          ],
          [
            'file too large for its question',
            () =>
              postForm(
                'property-tax-relief-elderly',
                multipart(taxRelief, [['income_proof', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'application/pdf', 'return.pdf']]),
              ),
            'income_proof',
            'file_too_big',
          ],
          ['required upload missing', () => postJson('building-permit-pre-application', { answers: building }), 'plans', 'required'],
          [
            'a file claimed in JSON without its bytes',
            () => postJson('building-permit-pre-application', { answers: { ...building, plans: [{ name: 'x.pdf', type: 'application/pdf', size: 10 }] } }),
            'plans',
            'type',
          ],
          ['a question the form does not have', () => postJson('contact-the-mayor', { answers: { topic: 'idea', favourite: 'x' } }), 'favourite', 'unknown'],
          [
            'a file part named like no question',
            () => postForm('building-permit-pre-application', multipart(building, [['plans', PDF, 'application/pdf', 'p.pdf'], ['__proto__', PDF, 'application/pdf', 'x.pdf']])),
            '__proto__',
            'unknown',
          ],
        ];
        for (const [what, send, question, code] of cases) {
          const res = await send();
          assert.equal(res.status, 400, `${what}: ${res.text}`);
          const error = res.body.errors.find((e) => e.question === question);
          assert.ok(error, `${what}: ${res.text}`);
          assert.equal(error.code, code, what);
          assert.ok(error.message.length > 10, what);
        }
        const es = await postJson<Refused>('property-tax-relief-elderly', { answers: { ...taxRelief, phone: '' } }, { 'Accept-Language': 'es' });
        assert.equal(es.body.errors[0]!.message, 'Escriba una respuesta para «Número de teléfono»');
        const exit = await postJson<Refused>('property-tax-relief-elderly', { answers: { age_group: 'under-65' } });
        assert.equal(exit.status, 400);
        assert.equal(exit.body.errors[0]!.code, 'exit');
        for (const bad of ['not json', JSON.stringify({ answers: 'x' }), JSON.stringify([1])]) {
          const res = await get<Refused>(`${forms}/forms/contact-the-mayor/submissions.json`, { method: 'POST', body: bad, headers: { 'Content-Type': 'application/json' } });
          assert.equal(res.status, 400, bad);
          assert.equal(res.body.errors[0]!.code, 'body');
        }
        assert.equal((await postJson('no-such-form', { answers: {} })).status, 404);
        const huge = await postJson<Refused>('contact-the-mayor', { answers: { topic: 'idea', message: 'x'.repeat(3 * 1024 * 1024) } });
        assert.equal(huge.status, 413);
        assert.equal(huge.body.errors[0]!.code, 'too_large');
        assert.deepEqual(await stored(), before);
      });

      test('repeatable entries: each child checked, errors carry the entry index', async () => {
        const base = seeds.find((s) => s.definition.slug === 'youth-program-registration')!;
        assert.ok(base);
        const answers: Answers = {
          program: 'after-school',
          children: [
            { child_name: { first: 'Leo', last: 'Ruiz' }, child_birth_date: '2017-05-01', child_grade: '3' },
            { child_name: { first: 'Mia', last: '' }, child_birth_date: '2019-09-09', child_grade: '1' },
          ],
          guardian_name: { first: 'Ana', last: 'Ruiz' },
          guardian_phone: '(860) 555-0100',
          guardian_email: 'ana@example.com',
          guardian_address: { line1: '5 Main St', city: 'Hartford', state: 'CT', zip: '06103' },
          emergency_name: 'Luz Ruiz',
          emergency_phone: '860 555 0101',
          fee_assistance: 'yes',
          photo_consent: 'no',
        };
        const bad = await postJson<Refused>('youth-program-registration', { answers });
        assert.equal(bad.status, 400);
        assert.deepEqual(
          bad.body.errors.map((e) => [e.question, e.page, e.index, e.code]),
          [['child_name', 'children', 1, 'name']],
        );
        (answers.children as Array<Record<string, unknown>>)[1]!.child_name = { first: 'Mia', last: 'Ruiz' };
        const gap = await postForm<Refused>('youth-program-registration', multipart(answers, [['children.5.child_name', PDF, 'application/pdf', 'x.pdf']]));
        assert.equal(gap.status, 400);
        assert.deepEqual(gap.body.errors.map((e) => [e.question, e.index, e.code]), [['child_name', 5, 'unknown']]);
        const ok = await postJson<Created>('youth-program-registration', { answers });
        assert.equal(ok.status, 201, ok.text);
      });

      test('a hostile body: 100,000 answers to no question, or 10,000 entries, is a short 400 and nothing stored', async () => {
        const before = await stored();
        const many = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'x']));
        const unknown = await postJson<Refused>('contact-the-mayor', { answers: { topic: 'idea', ...many } });
        assert.equal(unknown.status, 400);
        const codes = unknown.body.errors.map((e) => e.code);
        assert.equal(codes.filter((c) => c === 'unknown').length, 20);
        assert.ok(unknown.text.length < 20_000, `${unknown.text.length} bytes`);
        const children = Array.from({ length: 10_000 }, () => ({ child_name: { first: 'A', last: 'B' } }));
        const tooMany = await postJson<Refused>('youth-program-registration', { answers: { program: 'summer-camp', children } });
        assert.equal(tooMany.status, 400);
        assert.deepEqual(tooMany.body.errors.filter((e) => e.page === 'children').map((e) => e.code), ['too_many_entries']);
        assert.deepEqual(await stored(), before);
      });

      test('Idempotency-Key: the same key and body answer the first submission; another body is a 422', async () => {
        const before = await stored();
        const body = { answers: { topic: 'idea', message: 'More benches on Main Street, please.', name: { first: 'Jo', last: 'Park' }, email: 'jo@example.com' } };
        const first = await postJson<Created>('contact-the-mayor', body, { 'Idempotency-Key': 'mayor-key-1' });
        const again = await postJson<Created>('contact-the-mayor', body, { 'Idempotency-Key': 'mayor-key-1' });
        assert.equal(first.status, 201, first.text);
        assert.equal(again.status, 201);
        assert.equal(again.body.reference, first.body.reference);
        assert.match(first.body.reference, /^MAY-/);
        const other = await postJson<Refused>('contact-the-mayor', { ...body, answers: { ...body.answers, topic: 'concern' } }, { 'Idempotency-Key': 'mayor-key-1' });
        assert.equal(other.status, 422);
        assert.equal((await stored()).s, before.s + 1);
      });
    });

    describe('staff', () => {
      test('without the token: 401, and nothing is published', async () => {
        const def = seeds.find((s) => s.definition.slug === 'contact-the-mayor')!.definition;
        const res = await get<Refused>(`${forms}/forms/contact-the-mayor.json`, { method: 'PUT', body: JSON.stringify(def), headers: { 'Content-Type': 'application/json' } });
        assert.equal(res.status, 401);
        assert.equal((await get(`${forms}/forms/contact-the-mayor/submissions.json`)).status, 401);
        assert.equal((await get(`${forms}/forms/contact-the-mayor/submissions.csv`, { headers: { Authorization: 'Bearer wrong' } })).status, 401);
        assert.equal((await get<FormDefinition>(`${forms}/forms/contact-the-mayor.json`)).body.version, 1);
      });

      test('import: a fillable PDF or a Form.io form becomes a draft and its report, stored nowhere; anything else is a 4xx that says why', async () => {
        const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'server', 'fixtures', name));
        const draft = (body: Uint8Array<ArrayBuffer> | Buffer | string, type: string, name: string, headers: Record<string, string> = staff) =>
          get<{ definition: FormDefinition; report: Array<{ where: string; what: string }> } & Refused>(`${forms}/import.json?name=${encodeURIComponent(name)}`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'Content-Type': type, ...headers } });
        const catalog = async () => (await get<{ forms: Array<{ slug: string }> }>(`${forms}/forms.json`)).body.forms.map((f) => f.slug).sort();
        const before = await catalog();

        const pdf = await draft(fixture('reportlab-sidewalk-dining.pdf'), 'application/pdf', 'Sidewalk Dining.pdf');
        assert.equal(pdf.status, 200, pdf.text);
        assert.deepEqual(validateDefinition(pdf.body.definition), []);
        assert.equal(pdf.body.definition.slug, 'sidewalk-dining');
        assert.ok(pdf.body.report.some((r) => r.where.startsWith('field "Text1"') && /no label/.test(r.what)), JSON.stringify(pdf.body.report));
        const formio = await draft(fixture('formio-tree-permit-wizard.json'), 'application/json; charset=utf-8', 'Tree Permit.json');
        assert.equal(formio.status, 200, formio.text);
        assert.deepEqual(validateDefinition(formio.body.definition), []);
        assert.equal(formio.body.definition.slug, 'street-tree-request', 'named by the form itself');
        assert.deepEqual(await catalog(), before, 'a draft is not published');

        const refused: Array<[Buffer | string, string, number, RegExp]> = [
          ['just some words', 'application/pdf', 400, /not a PDF/],
          ['%PDF-1.7\n1 0 obj <<', 'application/pdf', 400, /cannot be drafted/],
          [fixture('reportlab-encrypted.pdf'), 'application/pdf', 400, /encrypted/],
          ['{"components": ', 'application/json', 400, /not JSON/],
          ['{"title": "no components"}', 'application/json', 400, /not a Form\.io form/],
          ['name,email', 'text/csv', 415, /fillable PDF/],
        ];
        for (const [body, type, status, message] of refused) {
          const res = await draft(body, type, 'x');
          assert.equal(res.status, status, `${type} ${String(body).slice(0, 20)}: ${res.text}`);
          assert.equal(res.body.errors[0]!.path, '(file)');
          assert.match(res.body.errors[0]!.message, message);
        }
        const es = await draft('just some words', 'application/pdf', 'x', { ...staff, 'Accept-Language': 'es' });
        assert.equal(es.headers.get('content-language'), 'es');
        assert.equal(es.body.errors[0]!.message, 'Este archivo no es un PDF (no empieza con %PDF-).');
        assert.equal((await draft(fixture('reportlab-sidewalk-dining.pdf'), 'application/pdf', 'x.pdf', {})).status, 401);
        assert.equal((await draft(new Uint8Array(21 * 1024 * 1024), 'application/pdf', 'big.pdf')).status, 413);
        assert.equal((await draft(`{"components": [], "x": "${'a'.repeat(3 * 1024 * 1024)}"}`, 'application/json', 'big.json')).status, 413);
      });

      test('publish: an invalid definition is a 400 with paths; a valid one becomes the next version; submissions record theirs', async () => {
        const def = structuredClone(seeds.find((s) => s.definition.slug === 'public-hearing-comment')!.definition);
        const broken = structuredClone(def);
        broken.pages[0]!.routes = [{ when: { question: 'body', any_of: ['council'] }, goto: 'nowhere' }];
        const refused = await get<Refused>(`${forms}/forms/public-hearing-comment.json`, { method: 'PUT', body: JSON.stringify(broken), headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(refused.status, 400);
        assert.deepEqual(refused.body.errors.map((e) => e.path), ['pages[0].routes[0].goto']);
        // 20,000 pages (under the 2 MB body limit): a 400 that says so, not a crash.
        const huge = { ...structuredClone(def), pages: Array.from({ length: 20_000 }, (_, i) => ({ id: `p${i}`, questions: [{ id: `q${i}`, type: 'yes_no', label: { en: 'Q', es: 'P' } }] })), start_page: 'p0' };
        const tooMany = await get<Refused>(`${forms}/forms/public-hearing-comment.json`, { method: 'PUT', body: JSON.stringify(huge), headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(tooMany.status, 400);
        assert.deepEqual(tooMany.body.errors, [{ path: 'pages', message: 'must hold at most 500' }]);
        const wrongSlug = await get<Refused>(`${forms}/forms/another-slug.json`, { method: 'PUT', body: JSON.stringify(def), headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(wrongSlug.status, 400);

        const answers = {
          body: 'council',
          hearing_date: new Date().toISOString().slice(0, 10),
          agenda_item: 'Item 4: FY2027 budget',
          position: 'support',
          comment: 'Please fund the library branch hours.',
          name: { first: 'Dee', last: 'Lopez' },
          speak_in_person: 'no',
        };
        const v1 = await postJson<Created>('public-hearing-comment', { answers });
        assert.equal(v1.status, 201, v1.text);
        assert.equal(v1.body.version, 1);

        def.pages[1]!.questions[0]!.label = { en: 'Do you support or oppose it?', es: '¿Está a favor o en contra?' };
        def.pages[3]!.questions.push({ id: 'ward', type: 'selection', required: true, label: { en: 'Your ward', es: 'Su distrito' }, options: [{ value: '1', label: { en: 'Ward 1', es: 'Distrito 1' } }, { value: '2', label: { en: 'Ward 2', es: 'Distrito 2' } }] });
        const published = await get<{ slug: string; version: number }>(`${forms}/forms/public-hearing-comment.json`, { method: 'PUT', body: JSON.stringify(def), headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(published.status, 201, published.text);
        assert.deepEqual(published.body, { slug: 'public-hearing-comment', version: 2 });
        const current = await get<FormDefinition>(`${forms}/forms/public-hearing-comment.json`);
        assert.equal(current.body.version, 2);
        assert.equal((await get<FormDefinition>(`${forms}/forms/public-hearing-comment.json?version=1`)).body.version, 1);

        const missingWard = await postJson<Refused>('public-hearing-comment', { answers });
        assert.equal(missingWard.status, 400);
        assert.equal(missingWard.body.errors[0]!.question, 'ward');
        const v2 = await postJson<Created>('public-hearing-comment', { answers: { ...answers, ward: '2', comment: '=HYPERLINK("http://evil.example","click")' } });
        assert.equal(v2.body.version, 2);
        const old = await postJson<Created>('public-hearing-comment', { version: 1, answers });
        assert.equal(old.status, 201, old.text);
        assert.equal(old.body.version, 1);

        const list = await get<{ submissions: Array<{ reference: string; version: number; answers: Answers }> }>(`${forms}/forms/public-hearing-comment/submissions.json`, { headers: staff });
        assert.equal(list.status, 200);
        assert.deepEqual(list.body.submissions.map((s) => [s.reference, s.version]).sort(), [
          [v1.body.reference, 1],
          [v2.body.reference, 2],
          [old.body.reference, 1],
        ].sort());

        const csv = await get<string>(`${forms}/forms/public-hearing-comment/submissions.csv`, { headers: staff });
        assert.equal(csv.status, 200);
        assert.match(csv.headers.get('content-type')!, /^text\/csv/);
        const lines = csv.text.trimEnd().split('\r\n');
        assert.equal(lines.length, 4);
        assert.match(lines[0]!, /^reference,submitted,status,version,language,Which body holds the hearing\? \[body\],/);
        assert.ok(lines[0]!.includes('Your ward [ward]'));
        const evil = lines.find((l) => l.startsWith(v2.body.reference))!;
        assert.ok(evil.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), evil);
        assert.ok(evil.includes('Dee Lopez'));
      });

      test('publishing a new slug adds it to the catalog (a new ETag) as version 1', async () => {
        const before = await get(`${forms}/forms.json`);
        const def = structuredClone(seeds.find((s) => s.definition.slug === 'contact-the-mayor')!.definition);
        def.slug = 'contact-city-council';
        def.name = { en: 'Contact the City Council', es: 'Comunicarse con el Concejo Municipal' };
        const res = await get<{ version: number }>(`${forms}/forms/contact-city-council.json`, { method: 'PUT', body: JSON.stringify(def), headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.body.version, 1);
        const after = await get<{ forms: Array<{ slug: string; title: string }> }>(`${forms}/forms.json`);
        assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
        assert.ok(after.body.forms.some((f) => f.slug === 'contact-city-council' && f.title === 'Contact the City Council'));
        const notJson = await get<Refused>(`${forms}/forms/contact-city-council.json`, { method: 'PUT', body: '{', headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(notJson.status, 400);
        const noEnvelope = new FormData();
        noEnvelope.append('plans', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'plans.pdf');
        const refused = await postForm<Refused>('building-permit-pre-application', noEnvelope);
        assert.equal(refused.status, 400);
        assert.equal(refused.body.errors[0]!.code, 'body');
      });

      test('export lists uploaded files with staff-only download links', async () => {
        const res = await postForm<Created>('building-permit-pre-application', multipart(building, [['plans', PDF, 'application/pdf', 'plans.pdf']]));
        assert.equal(res.status, 201, res.text);
        const list = await get<{ submissions: Array<{ reference: string; files: Array<{ path: string; name: string; type: string; size: number; url: string }> }> }>(
          `${forms}/forms/building-permit-pre-application/submissions.json`,
          { headers: staff },
        );
        const mine = list.body.submissions.find((s) => s.reference === res.body.reference)!;
        assert.deepEqual(mine.files.map((f) => [f.path, f.name, f.type, f.size]), [['plans', 'plans.pdf', 'application/pdf', PDF.length]]);
        const download = await fetch(mine.files[0]!.url, { headers: staff });
        assert.equal(download.status, 200);
        assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
        assert.deepEqual(Buffer.from(await download.arrayBuffer()), PDF);
        assert.equal((await fetch(mine.files[0]!.url)).status, 401);
      });

      test('status: staff set it, the tracker shows it; a status outside the list is a 400', async () => {
        const res = await postJson<Created>('property-tax-relief-elderly', { answers: { ...taxRelief, marital_status: 'single', spouse_name: undefined } });
        assert.equal(res.status, 201, res.text);
        const url = `${forms}/submissions/${res.body.reference}.json`;
        const bad = await get<Refused>(url, { method: 'PATCH', body: JSON.stringify({ status: 'lost' }), headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(bad.status, 400);
        assert.equal((await get(url, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }), headers: { 'Content-Type': 'application/json' } })).status, 401);
        const ok = await get<{ status: string; status_label: string }>(url, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }), headers: { ...staff, 'Content-Type': 'application/json' } });
        assert.equal(ok.status, 200);
        const tracker = await get<{ status: string; status_label: string }>(url);
        assert.deepEqual([tracker.body.status, tracker.body.status_label], ['approved', 'Approved']);
      });
    });
  });
}
