import type { Service } from '../../api/types.js';
import { wordScore, words } from '../../core/fuzzy.js';

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
