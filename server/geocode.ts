import { Hono, type Context } from 'hono';
import { CITY } from './seed-data.js';
import type { SeedAddress } from './seed.js';
import { negotiateLanguage } from './open311/language.js';

/** The country's name in the languages the demo speaks (Nominatim's `accept-language`); the rest are names. */
const COUNTRY: Record<string, string> = { es: 'Estados Unidos' };

// Street-type words people abbreviate; both sides are normalised to the long form before matching.
const ABBREVIATIONS: Record<string, string> = {
  st: 'street',
  str: 'street',
  ave: 'avenue',
  av: 'avenue',
  rd: 'road',
  blvd: 'boulevard',
  dr: 'drive',
  ln: 'lane',
  pl: 'place',
  ct: 'court',
  ter: 'terrace',
  pkwy: 'parkway',
  sq: 'square',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
};
// Place words that add nothing once we know every address is in Hartford.
const PLACE_WORDS = new Set(['hartford', 'connecticut', 'usa', 'us', 'united', 'states']);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    // "Main St & Asylum Ave", "Main St / Asylum Ave": a corner, said as residents say it.
    .replace(/\s*[&/@]\s*/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

interface Query {
  number?: string;
  street: string[];
}

function parseQuery(q: string): Query {
  const words = tokens(q).filter((w) => !PLACE_WORDS.has(w) && !/^\d{5}(-\d{4})?$/.test(w));
  let number: string | undefined;
  if (words[0] && /^\d+[a-z]?$/.test(words[0])) number = words.shift();
  // "…, Hartford, CT": a trailing state code after a street name is the state, not "Court".
  if (words.length > 2 && words[words.length - 1] === 'ct') words.pop();
  return { number, street: words.map((w) => ABBREVIATIONS[w] ?? w) };
}

/** Every query word matches the street word at its position; the last may be a prefix ("Farm" → Farmington). */
function streetMatches(streetWords: string[], query: string[]): boolean {
  if (query.length === 0 || query.length > streetWords.length) return false;
  return query.every((w, i) => {
    const s = streetWords[i]!;
    return i === query.length - 1 ? s.startsWith(w) || (ABBREVIATIONS[w] ?? w) === s : s === w;
  });
}

/** Every query word is a word of the place's name, in any order ("Asylum and Main"); the last may be a prefix. */
function nameMatches(name: string, query: Query): boolean {
  const words = tokens(name).map((w) => ABBREVIATIONS[w] ?? w);
  const wanted = [...(query.number ? [query.number] : []), ...query.street];
  if (wanted.length === 0) return false;
  return wanted.every((w, i) => words.some((n) => (i === wanted.length - 1 ? n.startsWith(w) : n === w)));
}

function place(a: SeedAddress, v2: boolean, lang: string) {
  const corner = a.house_number === '';
  const country = COUNTRY[lang] ?? CITY.country;
  const display = [a.name, a.house_number, corner ? undefined : a.street, CITY.name, CITY.state, a.zipcode, country].filter(Boolean).join(', ');
  const d = 0.0001;
  return {
    place_id: a.id,
    licence: 'Reference data for civic-elements (Hartford seed addresses)',
    lat: String(a.lat),
    lon: String(a.lon),
    ...(v2 ? { category: 'place', addresstype: 'place' } : { class: 'place' }),
    type: 'house',
    ...(v2 ? { place_rank: 30 } : {}),
    importance: 0.1,
    name: a.name ?? '',
    display_name: display,
    address: {
      // A corner has no house number, and naming one of its two streets would misplace it.
      ...(corner ? {} : { house_number: a.house_number, road: a.street }),
      city: CITY.name,
      state: CITY.state,
      postcode: a.zipcode,
      country,
      country_code: CITY.countryCode,
    },
    boundingbox: [a.lat - d, a.lat + d, a.lon - d, a.lon + d].map((n) => n.toFixed(7)),
  };
}

function distanceMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/**
 * Exact house numbers first, then numbers that start with what was typed (a search-as-you-type
 * prefix); named places (City Hall) before plain addresses of the same rank. A named place also
 * matches by its name ("city hall", "Asylum and Main").
 */
export function searchAddresses(addresses: SeedAddress[], q: string, limit: number): SeedAddress[] {
  const query = parseQuery(q);
  const byAddress = (a: SeedAddress) =>
    a.house_number !== '' &&
    (!query.number || a.house_number.startsWith(query.number)) &&
    streetMatches(tokens(a.street), query.street);
  const byName = (a: SeedAddress) => Boolean(a.name) && nameMatches(a.name!, query);
  const rank = (a: SeedAddress) => (!query.number || a.house_number === query.number || byName(a) ? 0 : 1);
  const hits = addresses.filter((a) => byAddress(a) || byName(a));
  hits.sort(
    (x, y) =>
      rank(x) - rank(y) ||
      Number(!x.name) - Number(!y.name) ||
      (x.name && y.name ? x.id - y.id : 0) ||
      x.street.localeCompare(y.street) ||
      Number(x.house_number) - Number(y.house_number),
  );
  return hits.slice(0, limit);
}

export function nearestAddress(addresses: SeedAddress[], lat: number, lon: number, maxMeters = 200): SeedAddress | undefined {
  let best: SeedAddress | undefined;
  let bestDistance = maxMeters;
  for (const a of addresses) {
    const d = distanceMeters(lat, lon, a.lat, a.lon);
    if (d <= bestDistance) {
      best = a;
      bestDistance = d;
    }
  }
  return best;
}

/** A Nominatim-compatible geocoder over the seeded address list, so the demo needs no internet. */
export function geocodeRoutes(loadAddresses: () => Promise<SeedAddress[]>): Hono {
  const app = new Hono();
  let cached: Promise<SeedAddress[]> | undefined;
  const addresses = () => (cached ??= loadAddresses());

  // Nominatim takes the language as a parameter (`accept-language`) or as the header.
  const language = (c: Context) => negotiateLanguage(c.req.query('accept-language') ?? c.req.header('Accept-Language'), Object.keys(COUNTRY));

  app.get('/search', async (c) => {
    const q = c.req.query('q')?.trim();
    if (!q) return c.json({ error: { code: 400, message: 'Nothing to search for' } }, 400);
    const limit = Math.min(Math.max(Number.parseInt(c.req.query('limit') ?? '10', 10) || 10, 1), 50);
    const v2 = c.req.query('format') === 'jsonv2';
    return c.json(searchAddresses(await addresses(), q, limit).map((a) => place(a, v2, language(c))));
  });

  app.get('/reverse', async (c) => {
    const lat = Number(c.req.query('lat'));
    const lon = Number(c.req.query('lon'));
    if (!c.req.query('lat') || !c.req.query('lon') || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      return c.json({ error: { code: 400, message: 'Parameter lat and lon are required' } }, 400);
    }
    const hit = nearestAddress(await addresses(), lat, lon);
    if (!hit) return c.json({ error: 'Unable to geocode' });
    return c.json(place(hit, c.req.query('format') === 'jsonv2', language(c)));
  });
  return app;
}
