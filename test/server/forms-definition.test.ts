// validateDefinition: the rules a definition must keep, checked the same way in the browser and
// on the server, with errors that say where and what.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormDefinition } from '../../src/forms/definition.js';
import { validateDefinition } from '../../src/forms/validate-definition.js';
import { seeds } from './forms-helpers.js';

const t = (en: string) => ({ en, es: `${en} (es)` });

function small(): FormDefinition {
  return {
    slug: 'tiny',
    version: 1,
    category: 'test',
    languages: ['en', 'es'],
    name: t('Tiny form'),
    start_page: 'age',
    pages: [
      {
        id: 'age',
        questions: [
          { id: 'age', type: 'selection', required: true, label: t('Age'), options: [{ value: 'old', label: t('65+') }, { value: 'young', label: t('Under 65') }] },
        ],
        routes: [{ when: { question: 'age', any_of: ['young'] }, goto: 'exit-young' }],
      },
      { id: 'name', questions: [{ id: 'name', type: 'name', required: true, label: t('Name') }] },
    ],
    exit_pages: [{ id: 'exit-young', heading: t('Not for you'), body: t('See [other help](https://example.org/help).') }],
  };
}

function errorsOf(mutate: (d: FormDefinition & Record<string, unknown>) => void) {
  const d = small() as FormDefinition & Record<string, unknown>;
  mutate(d);
  return validateDefinition(d);
}

function assertError(errors: { path: string; message: string }[], path: string, words: RegExp) {
  assert.ok(
    errors.some((e) => e.path === path && words.test(e.message)),
    `expected ${path} ~ ${words}; got ${JSON.stringify(errors, null, 1)}`,
  );
}

describe('validateDefinition', () => {
  test('every seeded definition is valid', () => {
    for (const { file, definition } of seeds) assert.deepEqual(validateDefinition(definition), [], file);
  });

  test('a small valid definition has no errors', () => {
    assert.deepEqual(validateDefinition(small()), []);
  });

  test('not an object, missing properties, unknown properties, wrong kinds', () => {
    assert.deepEqual(validateDefinition('form'), [{ path: '(definition)', message: 'must be an object' }]);
    assertError(errorsOf((d) => delete (d as Partial<FormDefinition>).start_page), 'start_page', /required/);
    assertError(errorsOf((d) => (d.colour = 'red')), 'colour', /not a property/);
    assertError(errorsOf((d) => ((d.pages[0]!.questions[0] as unknown as Record<string, unknown>).onchange = 'alert(1)')), 'pages[0].questions[0].onchange', /not a property of a selection question/);
    assertError(errorsOf((d) => ((d.pages[1]!.questions[0] as { type: string }).type = 'signature')), 'pages[1].questions[0].type', /must be one of/);
    assertError(errorsOf((d) => ((d as { version: unknown }).version = '2')), 'version', /whole number/);
    assertError(errorsOf((d) => (d.pages[1]!.id = 'Name Page')), 'pages[1].id', /an id/);
  });

  test('at most 500 pages: a long chain of pages is a clear error, never a crash', () => {
    const chain = (n: number) => {
      const d = small();
      d.exit_pages = [];
      d.pages = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, questions: [{ id: `q${i}`, type: 'yes_no' as const, label: t(`Question ${i}`) }] }));
      d.start_page = 'p0';
      // A route on the last page that tests the first question: the "comes before" check walks the whole chain.
      d.pages[n - 1]!.routes = [{ when: { question: 'q0', any_of: ['yes'] }, goto: 'p0' }];
      return d;
    };
    const atMost = validateDefinition(chain(500));
    assert.deepEqual(atMost.map((e) => e.path), ['pages[499]'], JSON.stringify(atMost));
    assert.match(atMost[0]!.message, /leads back to "p0"/);
    assert.deepEqual(validateDefinition(chain(20_000)), [{ path: 'pages', message: 'must hold at most 500' }]);
  });

  test('conditions are data only: a route with code in it is refused', () => {
    const errors = errorsOf((d) => ((d.pages[0]!.routes![0]!.when as unknown as Record<string, unknown>).js = 'answers.age < 65'));
    assertError(errors, 'pages[0].routes[0].when.js', /not a property of a condition/);
  });

  test('a route to an unknown page, a condition on an unknown question or value', () => {
    assertError(errorsOf((d) => (d.pages[0]!.routes![0]!.goto = 'nowhere')), 'pages[0].routes[0].goto', /"nowhere" is not a page/);
    assertError(errorsOf((d) => (d.pages[0]!.next = 'nowhere')), 'pages[0].next', /not a page/);
    assertError(errorsOf((d) => (d.pages[0]!.routes![0]!.when.question = 'income')), 'pages[0].routes[0].when.question', /not a question/);
    assertError(errorsOf((d) => (d.pages[0]!.routes![0]!.when.any_of = ['teen'])), 'pages[0].routes[0].when.any_of[0]', /"teen" is not a value of "age"/);
    assertError(errorsOf((d) => (d.pages[0]!.routes![0]!.when.question = 'name')), 'pages[0].routes[0].when.question', /name question/);
    assertError(errorsOf((d) => (d.start_page = 'exit-young')), 'start_page', /not the id of a page/);
  });

  test('duplicate ids', () => {
    assertError(errorsOf((d) => (d.pages[1]!.id = 'age')), 'pages[1].id', /duplicate page id "age"/);
    assertError(errorsOf((d) => (d.exit_pages![0]!.id = 'name')), 'exit_pages[0].id', /duplicate page id/);
    assertError(errorsOf((d) => (d.pages[1]!.questions[0]!.id = 'age')), 'pages[1].questions[0].id', /duplicate question id "age" \(also pages\[0\]\.questions\[0\]\.id\)/);
    assertError(
      errorsOf((d) => (d.pages[0]!.questions[0] as { options: unknown[] }).options.push({ value: 'old', label: t('Again') })),
      'pages[0].questions[0].options[2].value',
      /duplicate value/,
    );
  });

  test('unreachable pages and exit pages, loops', () => {
    assertError(errorsOf((d) => (d.pages[0]!.next = 'check-answers')), 'pages[1]', /cannot be reached/);
    assertError(errorsOf((d) => (d.pages[0]!.routes = [])), 'exit_pages[0]', /cannot be reached/);
    assertError(errorsOf((d) => (d.pages[1]!.next = 'age')), 'pages[1]', /must not loop/);
  });

  test('a route may test only a question that comes before it', () => {
    const errors = errorsOf((d) => {
      d.pages[0]!.routes = [];
      d.pages[0]!.next = 'name';
      d.exit_pages = [];
      d.pages.push({ id: 'later', questions: [{ id: 'later', type: 'yes_no', label: t('Later?') }] });
      d.pages[1]!.routes = [{ when: { question: 'later', any_of: ['yes'] }, goto: 'check-answers' }];
    });
    assertError(errors, 'pages[1].routes[0].when.question', /does not come before/);
  });

  test('every string needs every declared language, and no undeclared one', () => {
    assertError(errorsOf((d) => delete d.pages[1]!.questions[0]!.label.es), 'pages[1].questions[0].label.es', /declared language "es"/);
    assertError(errorsOf((d) => (d.name.fr = 'Petit')), 'name.fr', /not a declared language/);
    assertError(errorsOf((d) => (d.exit_pages![0]!.heading.es = ' ')), 'exit_pages[0].heading.es', /missing/);
    assertError(errorsOf((d) => d.languages.push('en')), 'languages', /twice/);
  });

  test('guidance links must be http(s), mailto or a site path', () => {
    assertError(
      errorsOf((d) => (d.exit_pages![0]!.body.en = 'Click [here](javascript:alert(1))')),
      'exit_pages[0].body.en',
      /links to "javascript:/,
    );
  });

  test('question rules that contradict themselves', () => {
    const n = errorsOf((d) => d.pages[1]!.questions.push({ id: 'n', type: 'number', label: t('N'), min: 10, max: 1 }));
    assertError(n, 'pages[1].questions[1].min', /not be more than max/);
    const accept = errorsOf((d) =>
      d.pages[1]!.questions.push({ id: 'f', type: 'file', label: t('F'), accept: ['application/pdf', 'application/x-msdownload' as 'application/pdf'], max_bytes: 1000 }),
    );
    assertError(accept, 'pages[1].questions[1].accept[1]', /must be one of/);
    const f = errorsOf((d) => d.pages[1]!.questions.push({ id: 'f', type: 'file', label: t('F'), accept: ['application/pdf'], max_bytes: 100 * 1024 * 1024 }));
    assertError(f, 'pages[1].questions[1].max_bytes', /25 MB/);
    const s = errorsOf((d) => d.pages[1]!.questions.push({ id: 's', type: 'selection', label: t('S'), display: 'checkboxes', options: [{ value: 'a', label: t('A') }] }));
    assertError(s, 'pages[1].questions[1].display', /multiple/);
  });
});
