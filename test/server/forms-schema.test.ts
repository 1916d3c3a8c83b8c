// form-definition.schema.json and the TypeScript types in src/forms/definition.ts say the same
// thing: the same properties on every object (checked against the types at compile time), the
// same question types and file types, and every seeded definition conforms to both.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  FILE_TYPES,
  QUESTION_TYPES,
  type Condition,
  type DateQuestion,
  type ExitPage,
  type FileQuestion,
  type FormDefinition,
  type FormPage,
  type FormSupport,
  type NumberQuestion,
  type PlainQuestion,
  type Question,
  type Repeatable,
  type Route,
  type SelectionOption,
  type SelectionQuestion,
  type TextQuestion,
} from '../../src/forms/definition.js';
import { REPO_ROOT } from '../../server/config.js';
import { seeds } from './forms-helpers.js';
import { MAX_PAGES } from '../../src/forms/check-definition.js';
import { validateDefinition } from '../../src/forms/validate-definition.js';

/** Every key of T, no more, no fewer: a missing or extra key fails `npm run typecheck`. */
function keysOf<T>() {
  return <const K extends readonly (keyof T)[]>(
    keys: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : { missing: Exclude<keyof T, K[number]> }),
  ): readonly string[] => keys as readonly string[];
}

const BASE = ['id', 'type', 'label', 'hint', 'required'] as const;
const TYPE_KEYS = {
  definition: keysOf<FormDefinition>()([
    '$schema', 'slug', 'version', 'category', 'category_name', 'languages', 'name', 'summary', 'department', 'keywords',
    'reference_prefix', 'start_page', 'pages', 'exit_pages', 'declaration', 'what_happens_next', 'privacy_url', 'support',
  ]),
  support: keysOf<FormSupport>()(['email', 'phone', 'url', 'hours']),
  page: keysOf<FormPage>()(['id', 'heading', 'guidance', 'questions', 'repeatable', 'next', 'routes']),
  repeatable: keysOf<Repeatable>()(['min', 'max', 'item', 'add_another']),
  route: keysOf<Route>()(['when', 'goto']),
  condition: keysOf<Condition>()(['question', 'any_of']),
  exit_page: keysOf<ExitPage>()(['id', 'heading', 'body']),
  option: keysOf<SelectionOption>()(['value', 'label', 'hint']),
  q_text: keysOf<TextQuestion>()([...BASE, 'min_length', 'max_length']),
  q_number: keysOf<NumberQuestion>()([...BASE, 'min', 'max', 'decimals', 'unit']),
  q_plain: keysOf<PlainQuestion>()([...BASE]),
  q_date: keysOf<DateQuestion>()([...BASE, 'min', 'max']),
  q_selection: keysOf<SelectionQuestion>()([...BASE, 'multiple', 'display', 'options']),
  q_file: keysOf<FileQuestion>()([...BASE, 'accept', 'max_bytes', 'max_files']),
};
/** The `type` values each schema branch allows, as the TS union says them. */
const BRANCH_TYPES: Record<string, readonly Question['type'][]> = {
  q_text: ['text', 'textarea'] satisfies TextQuestion['type'][],
  q_number: ['number'] satisfies NumberQuestion['type'][],
  q_plain: ['email', 'phone', 'address', 'name', 'yes_no'] satisfies PlainQuestion['type'][],
  q_date: ['date'] satisfies DateQuestion['type'][],
  q_selection: ['selection'] satisfies SelectionQuestion['type'][],
  q_file: ['file'] satisfies FileQuestion['type'][],
};

interface SchemaNode {
  properties?: Record<string, { enum?: string[]; const?: string; items?: { enum?: string[] } }>;
  required?: string[];
  $ref?: string;
}
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'form-definition.schema.json'), 'utf8')) as SchemaNode & {
  $defs: Record<string, SchemaNode>;
};
function schemaKeys(name: string): string[] {
  const node = name === 'definition' ? schema : schema.$defs[name]!;
  const own = Object.keys(node.properties ?? {});
  const base = node.$ref ? Object.keys(schema.$defs[node.$ref.replace('#/$defs/', '')]!.properties ?? {}) : [];
  return [...new Set([...base, ...own])].sort();
}

describe('form definition schema and types', () => {
  test('every object has the same properties in the schema and the types', () => {
    for (const [name, keys] of Object.entries(TYPE_KEYS)) {
      assert.deepEqual(schemaKeys(name), [...keys].sort(), name);
    }
  });

  test('question types and file types agree', () => {
    const fromSchema = Object.entries(BRANCH_TYPES).flatMap(([branch, types]) => {
      const t = schema.$defs[branch]!.properties!.type!;
      const listed = t.enum ?? [t.const!];
      assert.deepEqual([...listed].sort(), [...types].sort(), branch);
      return listed;
    });
    assert.deepEqual(fromSchema.sort(), [...QUESTION_TYPES].sort());
    assert.deepEqual(schema.$defs.q_file!.properties!.accept!.items!.enum, [...FILE_TYPES]);
  });

  test('the most pages a definition may have is the same in the schema and the checks', () => {
    assert.equal((schema.properties as Record<string, { maxItems?: number }>).pages!.maxItems, MAX_PAGES);
  });

  test('at least eight seeded definitions, each valid against the schema', () => {
    assert.ok(seeds.length >= 8, `${seeds.length} seeded definitions`);
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).addFormat('email', /^[^@\s]+@[^@\s]+$/).compile(schema);
    for (const { file, definition } of seeds) {
      assert.ok(validate(definition), `${file}: ${JSON.stringify(validate.errors, null, 1)}`);
      assert.equal(`${definition.slug}.json`, file);
    }
  });

  test('the schema refuses what the types refuse: an unknown property, a missing translation map, a bad type', () => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).addFormat('email', /^[^@\s]+@[^@\s]+$/).compile(schema);
    const base = structuredClone(seeds[0]!.definition);
    assert.ok(validate(base));
    const extra = { ...structuredClone(base), colour: 'red' };
    assert.equal(validate(extra), false);
    const badType = structuredClone(base);
    (badType.pages[0]!.questions[0] as { type: string }).type = 'signature';
    assert.equal(validate(badType), false);
    const noLabel = structuredClone(base);
    delete (noLabel.pages[0]!.questions[0] as { label?: unknown }).label;
    assert.equal(validate(noLabel), false);
    const script = structuredClone(base);
    (script.pages[0] as { routes?: unknown[] }).routes = [{ when: { js: 'answers.age > 64' }, goto: 'x' }];
    assert.equal(validate(script), false);
  });
});

describe('form-definition.schema.json and validateDefinition refuse the same shapes', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).addFormat('email', /^[^@\s]+@[^@\s]+$/).compile(schema);
  type Def = FormDefinition & Record<string, unknown>;
  const q0 = (d: Def) => d.pages[0]!.questions[0] as unknown as Record<string, unknown>;
  const mutations: Array<[string, (d: Def) => void]> = [
    ['unchanged', () => undefined],
    ['unknown top-level property', (d) => (d.colour = 'red')],
    ['version 0', (d) => (d.version = 0)],
    ['version as text', (d) => ((d as Record<string, unknown>).version = '1')],
    ['slug with capitals', (d) => (d.slug = 'Contact')],
    ['no languages', (d) => (d.languages = [])],
    ['bad language code', (d) => (d.languages = ['english'])],
    ['reference prefix lower case', (d) => (d.reference_prefix = 'may')],
    ['privacy url javascript:', (d) => (d.privacy_url = 'javascript:alert(1)')],
    ['support email without @', (d) => (d.support = { email: 'mayor' })],
    ['support unknown property', (d) => ((d.support as Record<string, unknown>) = { fax: '1' })],
    ['no pages', (d) => (d.pages = [])],
    ['page without questions', (d) => (d.pages[0]!.questions = [])],
    ['page id with a space', (d) => (d.pages[0]!.id = 'a page')],
    ['question unknown type', (d) => (q0(d).type = 'signature')],
    ['question without label', (d) => delete q0(d).label],
    ['question property of another type', (d) => (q0(d).max_bytes = 10)],
    ['selection without options', (d) => delete q0(d).options],
    ['selection empty options', (d) => (q0(d).options = [])],
    ['option value with a space', (d) => ((q0(d).options as Array<{ value: string }>)[0]!.value = 'a question')],
    ['display unknown', (d) => (q0(d).display = 'slider')],
    ['required as text', (d) => (q0(d).required = 'yes')],
    ['label as a string', (d) => (q0(d).label = 'Topic')],
    ['label with an empty string', (d) => (q0(d).label = { en: '', es: 'Tema' })],
    ['text max_length 0', (d) => d.pages[1]!.questions.splice(0, 1, { id: 'message', type: 'textarea', label: { en: 'M', es: 'M' }, max_length: 0 })],
    ['number decimals 7', (d) => d.pages[1]!.questions.push({ id: 'n', type: 'number', label: { en: 'N', es: 'N' }, decimals: 7 })],
    ['date bound not a date', (d) => d.pages[1]!.questions.push({ id: 'd', type: 'date', label: { en: 'D', es: 'D' }, min: 'yesterday' })],
    ['file without accept', (d) => d.pages[1]!.questions.push({ id: 'f', type: 'file', label: { en: 'F', es: 'F' }, max_bytes: 10 } as never)],
    ['file type unknown', (d) => d.pages[1]!.questions.push({ id: 'f', type: 'file', label: { en: 'F', es: 'F' }, max_bytes: 10, accept: ['text/html' as 'text/plain'] })],
    ['file too big', (d) => d.pages[1]!.questions.push({ id: 'f', type: 'file', label: { en: 'F', es: 'F' }, max_bytes: 30 * 1024 * 1024, accept: ['application/pdf'] })],
    ['file max_files 11', (d) => d.pages[1]!.questions.push({ id: 'f', type: 'file', label: { en: 'F', es: 'F' }, max_bytes: 10, accept: ['application/pdf'], max_files: 11 })],
    ['route with code', (d) => ((d.pages[0] as unknown as Record<string, unknown>).routes = [{ when: { question: 'topic', any_of: ['idea'], js: 'x' }, goto: 'message' }])],
    ['route without goto', (d) => ((d.pages[0] as unknown as Record<string, unknown>).routes = [{ when: { question: 'topic', any_of: ['idea'] } }])],
    ['route any_of empty', (d) => ((d.pages[0] as unknown as Record<string, unknown>).routes = [{ when: { question: 'topic', any_of: [] }, goto: 'message' }])],
    ['repeatable without item', (d) => ((d.pages[1] as unknown as Record<string, unknown>).repeatable = { max: 3, add_another: { en: 'A', es: 'A' } })],
    ['repeatable max 51', (d) => (d.pages[1]!.repeatable = { max: 51, item: { en: 'I', es: 'I' }, add_another: { en: 'A', es: 'A' } })],
    ['exit page without body', (d) => ((d as Record<string, unknown>).exit_pages = [{ id: 'x', heading: { en: 'H', es: 'H' } }])],
  ];
  for (const [name, mutate] of mutations) {
    test(name, () => {
      const d = structuredClone(seeds.find((s) => s.definition.slug === 'contact-the-mayor')!.definition) as Def;
      mutate(d);
      const bySchema = validate(d) as boolean;
      const errors = validateDefinition(d);
      assert.equal(errors.length === 0, bySchema, `schema says ${bySchema ? 'valid' : JSON.stringify(validate.errors?.[0])}; validateDefinition says ${JSON.stringify(errors)}`);
    });
  }
});
