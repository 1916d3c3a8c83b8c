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
