// The shared pure modules the browser and the server both run: routing, answer validation and
// the safe Markdown subset. A generated 50-page definition reports how long validate + route take.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Answers, FormDefinition } from '../../src/forms/definition.js';
import { answerMessage } from '../../src/forms/answer-messages.js';
import { markdownText, parseMarkdown } from '../../src/forms/markdown.js';
import { canAddAnother, findPage, pageAfter, pageBefore, pruneAnswers, skippedKeys, walk } from '../../src/forms/route.js';
import { checkAnswer, validateAnswers, type AnswerError } from '../../src/forms/validate-answers.js';
import { validateDefinition } from '../../src/forms/validate-definition.js';
import { seeds } from './forms-helpers.js';

const seed = (slug: string) => seeds.find((s) => s.definition.slug === slug)!.definition;
const taxRelief = seed('property-tax-relief-elderly');
const youth = seed('youth-program-registration');
const TODAY = '2026-12-01';

const eligible: Answers = {
  age_group: '65-plus',
  owns_and_lives: 'yes',
  income_band: 'under-limit',
  name: { first: 'Rosa', last: 'Díaz' },
  date_of_birth: '1950-04-12',
  phone: '860-555-0142',
  property_address: { line1: '12 Vine St', city: 'Hartford', state: 'CT', zip: '06112' },
  marital_status: 'single',
  social_security: '18,400.50',
  other_income: '6200',
};

const codes = (errors: AnswerError[]) => errors.map((e) => `${e.question ?? '-'}:${e.code}${e.index === undefined ? '' : `@${e.index}`}`).sort();

describe('route', () => {
  test('an empty draft walks the default path to check-answers', () => {
    assert.deepEqual(walk(taxRelief, {}), {
      pages: ['age', 'residence', 'income', 'applicant', 'property', 'marital', 'income-detail', 'documents'],
      end: 'check-answers',
    });
  });

  test('an answer routes to an exit page', () => {
    assert.deepEqual(walk(taxRelief, { age_group: 'under-65' }), { pages: ['age'], end: 'exit-age' });
    assert.deepEqual(walk(taxRelief, { age_group: '65-plus', owns_and_lives: 'no' }), { pages: ['age', 'residence'], end: 'exit-residence' });
    assert.equal(pageAfter(taxRelief, 'income', { income_band: 'over-limit' }), 'exit-income');
  });

  test('a route to a page, and next skipping a page', () => {
    assert.deepEqual(walk(taxRelief, { ...eligible, marital_status: 'married' }).pages.slice(5), ['marital', 'spouse', 'income-detail', 'documents']);
    assert.deepEqual(walk(taxRelief, eligible).pages.slice(5), ['marital', 'income-detail', 'documents']);
    assert.equal(pageAfter(taxRelief, 'marital', { marital_status: 'single' }), 'income-detail');
  });

  test('back follows the walk, not the list', () => {
    assert.equal(pageBefore(taxRelief, 'income-detail', eligible), 'marital');
    assert.equal(pageBefore(taxRelief, 'income-detail', { ...eligible, marital_status: 'married' }), 'spouse');
    assert.equal(pageBefore(taxRelief, 'check-answers', eligible), 'documents');
    assert.equal(pageBefore(taxRelief, 'age', eligible), undefined);
  });

  test('answers on skipped pages are found and pruned', () => {
    const changed = { ...eligible, marital_status: 'single', spouse_name: { first: 'Luis', last: 'Díaz' } };
    assert.deepEqual(skippedKeys(taxRelief, changed), ['spouse_name']);
    assert.equal('spouse_name' in pruneAnswers(taxRelief, changed), false);
    assert.deepEqual(validateAnswers(taxRelief, pruneAnswers(taxRelief, changed), { today: TODAY }), []);
  });

  test('a repeatable page takes entries up to its max', () => {
    const page = findPage(youth, 'children')!;
    assert.equal(canAddAnother(page, Array.from({ length: 5 }, () => ({}))), true);
    assert.equal(canAddAnother(page, Array.from({ length: 6 }, () => ({}))), false);
  });
});

describe('validateAnswers', () => {
  test('a complete eligible application has no errors', () => {
    assert.deepEqual(validateAnswers(taxRelief, eligible, { today: TODAY }), []);
  });

  test('every rule: required, not in the list, type rules, files, skipped, unknown, exit', () => {
    const errors = validateAnswers(
      taxRelief,
      {
        ...eligible,
        income_band: 'lots',
        phone: '555-01',
        date_of_birth: '1950-02-30',
        social_security: 'eighteen',
        other_income: '10.555',
        property_address: { line1: '12 Vine St', city: 'Hartford', state: 'ZZ', zip: '06112' },
        name: { first: 'Rosa', last: '' },
        spouse_name: { first: 'Luis', last: 'Díaz' },
        income_proof: [{ name: 'return.exe', type: 'application/x-msdownload', size: 100 }],
        favourite_colour: 'blue',
      },
      { today: TODAY },
    );
    assert.deepEqual(codes(errors), [
      'date_of_birth:date',
      'favourite_colour:unknown',
      'income_band:not_in_list',
      'income_proof:file_type',
      'name:name',
      'other_income:decimals',
      'phone:phone',
      'property_address:state',
      'social_security:number',
      'spouse_name:skipped',
    ].sort());
    const missing = validateAnswers(taxRelief, { age_group: '65-plus', owns_and_lives: 'yes', income_band: 'under-limit' }, { today: TODAY });
    assert.deepEqual(
      codes(missing),
      ['date_of_birth', 'marital_status', 'name', 'other_income', 'phone', 'property_address', 'social_security'].map((q) => `${q}:required`),
    );
    assert.deepEqual(codes(validateAnswers(taxRelief, { age_group: 'under-65' })), ['-:exit']);
  });

  test('files: type, size, count', () => {
    const q = taxRelief.pages.find((p) => p.id === 'documents')!.questions[0]!;
    assert.equal(checkAnswer(q, [{ name: 'a.pdf', type: 'application/pdf', size: 11 * 1024 * 1024 }])?.code, 'file_too_big');
    assert.equal(checkAnswer(q, Array.from({ length: 4 }, (_, i) => ({ name: `${i}.pdf`, type: 'application/pdf', size: 1 })))?.code, 'too_many_files');
    assert.equal(checkAnswer(q, [{ name: 'a.png', type: 'image/png', size: 1000 }]), undefined);
  });

  test('dates against today, numbers against min and max', () => {
    const dob = taxRelief.pages.find((p) => p.id === 'applicant')!.questions[1]!;
    assert.equal(checkAnswer(dob, '2026-12-02', { today: TODAY })?.code, 'too_late');
    assert.equal(checkAnswer(dob, '2026-12-01', { today: TODAY }), undefined);
    const ss = taxRelief.pages.find((p) => p.id === 'income-detail')!.questions[0]!;
    assert.equal(checkAnswer(ss, '-5')?.code, 'too_small');
    assert.equal(checkAnswer(ss, 1200.5), undefined);
  });

  test('repeatable entries are checked one by one, with their index', () => {
    const base: Answers = {
      program: 'summer-camp',
      guardian_name: { first: 'Ana', last: 'Ruiz' },
      guardian_phone: '(860) 555-0100',
      guardian_email: 'ana@example.com',
      guardian_address: { line1: '5 Main St', city: 'Hartford', state: 'ct', zip: '06103' },
      emergency_name: 'Luz Ruiz',
      emergency_phone: '860 555 0101',
      fee_assistance: 'no',
      photo_consent: 'yes',
    };
    const child = { child_name: { first: 'Leo', last: 'Ruiz' }, child_birth_date: '2017-05-01', child_grade: '3' };
    assert.deepEqual(validateAnswers(youth, { ...base, children: [child, { ...child, child_name: { first: 'Mia', last: 'Ruiz' } }] }, { today: TODAY }), []);
    assert.deepEqual(codes(validateAnswers(youth, { ...base, children: [child, { ...child, child_grade: '13' }] }, { today: TODAY })), ['child_grade:not_in_list@1']);
    assert.deepEqual(codes(validateAnswers(youth, base, { today: TODAY })), ['child_birth_date:required@0', 'child_grade:required@0', 'child_name:required@0']);
    assert.deepEqual(codes(validateAnswers(youth, { ...base, children: Array.from({ length: 7 }, () => child) }, { today: TODAY })), ['child_name:too_many_entries']);
    assert.deepEqual(codes(validateAnswers(youth, { ...base, child_name: { first: 'A', last: 'B' }, children: [child] }, { today: TODAY })), ['child_name:unknown']);
  });

  test('messages say what to do, in English and Spanish', () => {
    const q = taxRelief.pages[0]!.questions[0]!;
    assert.equal(answerMessage({ question: q.id, page: 'age', code: 'required' }, q, 'en'), 'Select an answer for “How old were you on December 31 last year?”');
    assert.equal(answerMessage({ question: q.id, page: 'age', code: 'required' }, q, 'es-US'), 'Seleccione una respuesta para «¿Qué edad tenía el 31 de diciembre del año pasado?»');
    const file = taxRelief.pages.find((p) => p.id === 'documents')!.questions[0]!;
    assert.equal(answerMessage({ question: file.id, page: 'documents', code: 'file_type', params: { file: 'x.exe' } }, file, 'en'), 'x.exe must be one of these types: PDF, JPEG, PNG');
  });
});

describe('markdown', () => {
  test('paragraphs, headings, emphasis, lists and safe links', () => {
    assert.deepEqual(parseMarkdown('## Before you start\n\nYou need **a lease** or *a bill*.\n\n- one [form](https://x.gov/a)\n- two\n\n1. first\n2. second'), [
      { t: 'h', level: 2, c: ['Before you start'] },
      { t: 'p', c: ['You need ', { t: 'b', c: ['a lease'] }, ' or ', { t: 'i', c: ['a bill'] }, '.'] },
      { t: 'ul', items: [['one ', { t: 'a', href: 'https://x.gov/a', c: ['form'] }], ['two']] },
      { t: 'ol', items: [['first'], ['second']] },
    ]);
  });

  test('HTML stays text and unsafe links lose their target', () => {
    assert.deepEqual(parseMarkdown('<img src=x onerror=alert(1)> [x](javascript:alert) [m](mailto:a@b.gov)'), [
      { t: 'p', c: ['<img src=x onerror=alert(1)> ', 'x', ' ', { t: 'a', href: 'mailto:a@b.gov', c: ['m'] }] },
    ]);
    assert.equal(markdownText(parseMarkdown('2 * 3 = 6 and snake_case_name')), '2 * 3 = 6 and snake_case_name');
  });

  test('every seeded guidance parses to at least one block', () => {
    for (const { definition } of seeds)
      for (const page of definition.pages) if (page.guidance) for (const text of Object.values(page.guidance)) assert.ok(parseMarkdown(text).length > 0);
  });
});

/** A 50-page definition: one question per page, a route every fifth page, an exit page. */
export function fiftyPages(): FormDefinition {
  const t = (s: string) => ({ en: s, es: `${s} (es)` });
  const pages = Array.from({ length: 50 }, (_, i) => ({
    id: `p${i}`,
    questions: [
      i % 5 === 0
        ? { id: `q${i}`, type: 'selection' as const, required: true, label: t(`Question ${i}`), options: [{ value: 'a', label: t('A') }, { value: 'skip', label: t('Skip ahead') }] }
        : { id: `q${i}`, type: 'text' as const, required: true, label: t(`Question ${i}`), max_length: 200 },
    ],
    ...(i % 5 === 0 && i < 45 ? { routes: [{ when: { question: `q${i}`, any_of: ['skip'] }, goto: `p${i + 2}` }] } : {}),
    ...(i === 45 ? { routes: [{ when: { question: 'q45', any_of: ['skip'] }, goto: 'exit' }] } : {}),
  }));
  return { slug: 'fifty', version: 1, category: 'test', languages: ['en', 'es'], name: t('Fifty pages'), start_page: 'p0', pages, exit_pages: [{ id: 'exit', heading: t('Stop'), body: t('Stop here.') }] };
}

test('a generated 50-page definition validates and routes (time reported)', () => {
  const def = fiftyPages();
  const answers: Answers = Object.fromEntries(def.pages.map((p, i) => [p.questions[0]!.id, i % 5 === 0 ? 'a' : `answer ${i}`]));
  const started = performance.now();
  const rounds = 20;
  for (let i = 0; i < rounds; i++) {
    assert.deepEqual(validateDefinition(def), []);
    assert.equal(walk(def, answers).pages.length, 50);
    assert.deepEqual(validateAnswers(def, answers), []);
  }
  const ms = (performance.now() - started) / rounds;
  console.log(`# 50-page definition: validateDefinition + walk + validateAnswers ${ms.toFixed(2)} ms per round (${rounds} rounds)`);
});
