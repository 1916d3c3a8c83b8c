import { readFileSync, readdirSync } from 'node:fs';
import type { Queryable } from '../db.js';
import type { FormDefinition } from '../../src/forms/definition.js';
import { validateDefinition } from '../../src/forms/validate-definition.js';
import { seedDefinition } from './store.js';

const SEED_DIR = new URL('./seed/', import.meta.url);

/** The seeded definitions in `server/forms/seed/*.json`, each checked like a staff publish. */
export function seedDefinitions(): FormDefinition[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const def = JSON.parse(readFileSync(new URL(file, SEED_DIR), 'utf8')) as FormDefinition;
      const errors = validateDefinition(def);
      if (errors.length) throw new Error(`server/forms/seed/${file}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      return def;
    });
}

/** Adds each seeded form whose slug has no definition yet (a staff update is never overwritten). */
export async function seedForms(tx: Queryable, at = new Date()): Promise<void> {
  for (const def of seedDefinitions()) await seedDefinition(tx, def, at);
}
