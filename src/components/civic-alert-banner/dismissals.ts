/**
 * Which alerts a resident hid, by content hash, in localStorage: a hidden notice stays hidden on
 * every page of the site, and comes back as soon as its words change. Storage that is full or
 * blocked (private browsing) only means a hidden alert shows again on the next page.
 */

const KEY = 'civic-alert-banner:dismissed';
/** Enough for every notice of a long storm; the oldest are forgotten first. */
const MAX_ENTRIES = 50;

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function isDismissed(hash: string): boolean {
  return read().includes(hash);
}

export function dismiss(hash: string): void {
  const list = read().filter((h) => h !== hash);
  list.push(hash);
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(-MAX_ENTRIES)));
  } catch {
    // See above: nothing to do but show it again later.
  }
}
