import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinition } from '../../src/forms/definition.js';
import { REPO_ROOT } from '../../server/config.js';

const SEED_DIR = join(REPO_ROOT, 'server', 'forms', 'seed');

/** The seeded definitions, read from their files. */
export const seeds = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, definition: JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8')) as FormDefinition }));
