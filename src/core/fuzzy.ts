/**
 * Typo-tolerant search over short texts (form titles, service names): accents and case do not
 * count, each query word must match a word of the text exactly, as a prefix, or within a few
 * edits (Damerau–Levenshtein: a swapped pair of letters is one edit), more edits for longer words.
 */

/** Lower case, accents dropped, so "Grafiti" finds "graffiti" and "solicitud" finds "Solicitúd". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded words of a text. */
export const words = (text: string): string[] => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Damerau–Levenshtein distance (optimal string alignment), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** How many typos a query word of this length may carry: none up to 3 letters, 1 up to 7, then 2. */
export const typoLimit = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** How well one query word matches one word: 3 exact, 2 prefix, 1 within the typo limit, 0 not at all. */
export function wordScore(query: string, word: string): number {
  if (word === query) return 3;
  if (word.startsWith(query)) return 2;
  const limit = typoLimit(query.length);
  if (limit === 0) return 0;
  // Against the word cut to the query's length too, so a typo in a half-typed word still matches.
  const cut = word.slice(0, query.length);
  return Math.min(editDistance(query, word, limit), editDistance(query, cut, limit)) <= limit ? 1 : 0;
}

/**
 * How well `text` matches every word of `query` (the sum of each word's best score), or 0 when
 * one query word matches nothing. An empty query matches everything with score 1.
 */
export function fuzzyScore(query: string, text: string): number {
  const q = words(query);
  if (!q.length) return 1;
  const ws = words(text);
  let total = 0;
  for (const word of q) {
    const best = Math.max(0, ...ws.map((w) => wordScore(word, w)));
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** The items whose text matches `query`, best first (ties keep their order). */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.item);
}
