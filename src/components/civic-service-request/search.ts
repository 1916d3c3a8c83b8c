import type { Service } from '../../api/types.js';

/** Lower case, accents dropped, so "Grafiti" finds "graffiti" and "basura" finds "Basura". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const words = (text: string): string[] => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

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

/** How many typos a query word of this length may carry. */
const tolerance = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** How well one query word matches one word of the text: 3 exact, 2 prefix, 1 near miss, 0 none. */
function wordScore(query: string, word: string): number {
  if (word === query) return 3;
  if (word.startsWith(query)) return 2;
  const limit = tolerance(query.length);
  if (limit === 0) return 0;
  // Compare with the word cut to the query's length too, so a typo in a prefix still matches.
  const cut = word.slice(0, query.length);
  return Math.min(editDistance(query, word, limit), editDistance(query, cut, limit)) <= limit ? 1 : 0;
}

function fieldScore(queryWords: string[], text: string): number[] {
  const ws = words(text);
  return queryWords.map((q) => Math.max(0, ...ws.map((w) => wordScore(q, w))));
}

/**
 * "pothole, streetlight or trash" / "bache, alumbrado o basura" (the search hint, typed as it
 * reads): a list of alternatives, each searched on its own.
 */
const ALTERNATIVES = /[,;/]|\s(?:or|o|u)\s/iu;

/** How well a service matches every word of one alternative, or 0 when a word matches nothing. */
function serviceScore(service: Service, queryWords: string[]): number {
  const name = fieldScore(queryWords, service.service_name);
  const keywords = fieldScore(queryWords, service.keywords.join(' '));
  const description = fieldScore(queryWords, service.description ?? '');
  let score = 0;
  for (let i = 0; i < queryWords.length; i++) {
    const best = Math.max(name[i]! * 3, keywords[i]! * 2, description[i]!);
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

/**
 * Services matching a search, best first: every query word must match a word of the name,
 * keywords or description (exactly, as a prefix, or within a typo or two); name matches rank
 * above keyword matches above description matches. A list ("pothole, streetlight or trash")
 * matches what any of its items matches. An empty query returns `services` as is.
 */
export function searchServices(services: readonly Service[], query: string): Service[] {
  const alternatives = query
    .split(ALTERNATIVES)
    .map(words)
    .filter((w) => w.length > 0);
  if (alternatives.length === 0) return [...services];
  const scored: Array<{ service: Service; score: number; index: number }> = [];
  services.forEach((service, index) => {
    const score = Math.max(...alternatives.map((queryWords) => serviceScore(service, queryWords)));
    if (score > 0) scored.push({ service, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.service);
}
