import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Drafts of forms in progress, kept in IndexedDB (via `idb`) so a reload, a closed tab or a
 * phone that drops the page does not lose what a resident typed. One record per key; values
 * are anything structured clone can copy (plain objects, arrays, `Blob`s for photos).
 *
 * Every call degrades to "no draft" when IndexedDB is unavailable (private modes, blocked
 * storage): a form must still work, it just cannot remember.
 */

interface DraftRecord<T = unknown> {
  key: string;
  value: T;
  /** When the draft was last written (ms since the epoch). */
  savedAt: number;
}

interface DraftsSchema extends DBSchema {
  drafts: { key: string; value: DraftRecord };
}

const DB_NAME = 'civic-elements';
const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<DraftsSchema> | undefined> | undefined;

function db(): Promise<IDBPDatabase<DraftsSchema> | undefined> {
  opening ??= openDB<DraftsSchema>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('drafts')) database.createObjectStore('drafts', { keyPath: 'key' });
    },
    blocking() {
      // Another tab wants a newer version: step aside so it can upgrade; reopen on next use.
      void opening?.then((d) => d?.close());
      opening = undefined;
    },
  }).catch(() => undefined);
  return opening;
}

/** A draft and when it was saved, or `undefined` when there is none (or storage is unavailable). */
export async function loadDraft<T>(key: string): Promise<{ value: T; savedAt: number } | undefined> {
  try {
    const record = await (await db())?.get('drafts', key);
    return record ? { value: record.value as T, savedAt: record.savedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (replaces) a draft; resolves false when it could not be kept. */
export async function saveDraft<T>(key: string, value: T): Promise<boolean> {
  try {
    const database = await db();
    if (!database) return false;
    await database.put('drafts', { key, value, savedAt: Date.now() });
    return true;
  } catch {
    return false;
  }
}

/** Forgets a draft (after a successful submit, or "start over"). */
export async function deleteDraft(key: string): Promise<void> {
  try {
    await (await db())?.delete('drafts', key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
