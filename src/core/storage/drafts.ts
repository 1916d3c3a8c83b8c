/**
 * Drafts of forms in progress, kept in IndexedDB so a reload, a closed tab or a phone that drops
 * the page does not lose what a resident typed. One record per key; values are anything
 * structured clone can copy (plain objects, arrays, `Blob`s for photos).
 *
 * Every call degrades to "no draft" when IndexedDB is unavailable (private modes, blocked
 * storage): a form must still work, it just cannot remember. Three calls on one object store
 * need no wrapper library: the plain API, promisified here, keeps every form page lighter.
 */

interface DraftRecord<T = unknown> {
  key: string;
  value: T;
  /** When the draft was last written (ms since the epoch). */
  savedAt: number;
}

const DB_NAME = 'civic-elements';
const DB_VERSION = 1;
const STORE = 'drafts';

let opening: Promise<IDBDatabase | undefined> | undefined;

/** The settled value of an IndexedDB request (or of a transaction, once it completes). */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function db(): Promise<IDBDatabase | undefined> {
  opening ??= new Promise<IDBDatabase | undefined>((resolve) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const database = request.result;
      // Another tab wants a newer version: step aside so it can upgrade; reopen on next use.
      database.onversionchange = () => {
        database.close();
        opening = undefined;
      };
      resolve(database);
    };
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
  }).catch(() => undefined);
  return opening;
}

/** Runs one request on the drafts store and waits for its transaction to commit. */
async function run<T>(mode: IDBTransactionMode, call: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const database = await db();
  if (!database) return undefined;
  const transaction = database.transaction(STORE, mode);
  const result = settled(call(transaction.objectStore(STORE)));
  // A failed request fails its transaction too, which is what rejects below.
  result.catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  return result;
}

/** A draft and when it was saved, or `undefined` when there is none (or storage is unavailable). */
export async function loadDraft<T>(key: string): Promise<{ value: T; savedAt: number } | undefined> {
  try {
    const record = (await run('readonly', (store) => store.get(key))) as DraftRecord | undefined;
    return record ? { value: record.value as T, savedAt: record.savedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes (replaces) a draft; resolves false when it could not be kept. */
export async function saveDraft<T>(key: string, value: T): Promise<boolean> {
  try {
    const record: DraftRecord<T> = { key, value, savedAt: Date.now() };
    return (await run('readwrite', (store) => store.put(record))) !== undefined;
  } catch {
    return false;
  }
}

/** Forgets a draft (after a successful submit, or "start over"). */
export async function deleteDraft(key: string): Promise<void> {
  try {
    await run('readwrite', (store) => store.delete(key));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
