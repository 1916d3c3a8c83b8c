import { readdirSync, readFileSync } from 'node:fs';
import type { Database, Queryable } from './db.js';
import { CITY, PLACES, SERVICES, STREETS, type SeedService } from './seed-data.js';
import { seedForms } from './forms/seed.js';

/** mulberry32: tiny, fast and deterministic, so every fresh database holds the same city. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedAddress {
  id: number;
  /** Empty for a street corner. */
  house_number: string;
  street: string;
  zipcode: string;
  lat: number;
  lon: number;
  /** A named place: "City Hall", "Main Street and Asylum Avenue". */
  name?: string | null;
}

export function buildAddresses(random: () => number): SeedAddress[] {
  const out: SeedAddress[] = [];
  for (const street of STREETS) {
    const count = 10;
    const [lo, hi] = street.numbers;
    for (let i = 0; i < count; i++) {
      const t = (i + random() * 0.8) / count;
      // Even numbers on one side, odd on the other, as on a real street.
      let number = Math.round(lo + (hi - lo) * t);
      const side = random() < 0.5 ? 0 : 1;
      if (number % 2 !== side) number += 1;
      const offset = (side ? 1 : -1) * 0.00012;
      const [lat1, lon1] = street.from;
      const [lat2, lon2] = street.to;
      const dLat = lat2 - lat1;
      const dLon = lon2 - lon1;
      const len = Math.hypot(dLat, dLon) || 1;
      out.push({
        id: out.length + 1,
        house_number: String(number),
        street: street.name,
        zipcode: street.zipcode,
        lat: round6(lat1 + dLat * t + (-dLon / len) * offset),
        lon: round6(lon1 + dLon * t + (dLat / len) * offset),
      });
    }
  }
  return out;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const DAY = 86_400_000;
const HOUR = 3_600_000;

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function answers(random: () => number, service: SeedService, requested: Date): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const a of service.attributes) {
    if (!a.variable || (!a.required && random() < 0.5)) continue;
    const keys = (a.values ?? []).map(([key]) => key);
    switch (a.datatype) {
      case 'singlevaluelist':
        out[a.code] = pick(random, keys);
        break;
      case 'multivaluelist': {
        const chosen = keys.filter(() => random() < 0.4);
        out[a.code] = chosen.length > 0 ? chosen : [pick(random, keys)];
        break;
      }
      case 'number':
        out[a.code] = String(1 + Math.floor(random() * 6));
        break;
      case 'datetime':
        out[a.code] = new Date(requested.getTime() - Math.floor(random() * 3) * DAY).toISOString();
        break;
      case 'string':
        out[a.code] = a.code === 'UNIT' ? `Apt ${1 + Math.floor(random() * 12)}` : pick(random, ['Blue sedan', 'Silver Honda Civic', 'Red pickup']);
        break;
      case 'text':
        out[a.code] = 'See description.';
        break;
    }
  }
  return out;
}

interface SeedRequest {
  id: number;
  service_code: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  description: string | null;
  agency_responsible: string;
  service_notice: string;
  requested_at: string;
  updated_at: string;
  expected_at: string | null;
  available_at: string;
  address: string;
  address_id: string;
  zipcode: string;
  lat: number;
  lon: number;
  attributes: Record<string, string | string[]>;
}

interface SeedNote {
  request_id: number;
  datetime: string;
  type: string;
  summary: string;
  description: string;
}

export function buildRequests(random: () => number, addresses: SeedAddress[], now: Date) {
  const requests: SeedRequest[] = [];
  const notes: SeedNote[] = [];
  const total = 420;
  for (let i = 0; i < total; i++) {
    const service = pick(random, SERVICES);
    const address = pick(random, addresses);
    const ageDays = random() * 120;
    const requested = new Date(now.getTime() - ageDays * DAY);
    // Older requests are more likely to be done.
    const closed = random() < Math.min(0.92, 0.15 + ageDays / 40);
    const id = 100001 + i;
    const timeline: Array<Omit<SeedNote, 'request_id'>> = [
      {
        datetime: requested.toISOString(),
        type: 'opened',
        summary: 'Request received',
        description: `Your request was received and sent to ${service.agency}.`,
      },
    ];
    let last = requested;
    const step = (maxHours: number) => {
      // Never in the future, and never before the previous step (a request made a minute ago).
      const next = Math.min(now.getTime() - 60_000, last.getTime() + (1 + random() * maxHours) * HOUR);
      last = new Date(Math.max(last.getTime(), next));
      return last;
    };
    if (closed || random() < 0.6) {
      timeline.push({
        datetime: step(30).toISOString(),
        type: 'assigned',
        summary: 'Assigned',
        description: `Assigned to a ${service.agency} crew.`,
      });
    }
    if (closed && random() < 0.5) {
      timeline.push({
        datetime: step(72).toISOString(),
        type: 'inspected',
        summary: 'Inspected',
        description: 'A city inspector visited the location.',
      });
    }
    const statusNotes = closed ? pick(random, service.closingNotes) : null;
    if (closed) {
      timeline.push({ datetime: step(24 * service.slaDays).toISOString(), type: 'closed', summary: 'Closed', description: statusNotes! });
    }
    for (const note of timeline) notes.push({ request_id: id, ...note });
    requests.push({
      id,
      service_code: service.code,
      status: closed ? 'closed' : 'open',
      status_notes: statusNotes,
      description: random() < 0.9 ? pick(random, service.descriptions) : null,
      agency_responsible: service.agency,
      service_notice: service.notice,
      requested_at: requested.toISOString(),
      updated_at: last.toISOString(),
      expected_at: closed ? null : new Date(requested.getTime() + service.slaDays * DAY).toISOString(),
      available_at: requested.toISOString(),
      address: `${address.house_number} ${address.street}, ${CITY.name}, ${CITY.stateCode} ${address.zipcode}`,
      address_id: String(address.id),
      zipcode: address.zipcode,
      lat: address.lat,
      lon: address.lon,
      attributes: answers(random, service, requested),
    });
  }
  return { requests, notes };
}

/**
 * Inserts rows with one statement per table: the rows travel as a single JSON parameter, which
 * keeps first start fast on PGlite and stays clear of the protocol's parameter limit.
 */
async function insertJson(db: Queryable, table: string, columns: string, rows: readonly object[]): Promise<void> {
  const names = columns
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .join(', ');
  await db.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${columns})`, [
    JSON.stringify(rows),
  ]);
}

/** Where the seed's catalogs live: one `<lang>.json` per language, `{ "English text": "translation" }`. */
const TRANSLATIONS_DIR = new URL('./translations/', import.meta.url);

/**
 * The seed's catalogs as rows. A `{agency}` in a catalog entry stands for each agency's name (the
 * note templates "Your request was received and sent to {agency}."), itself translated.
 */
export function translationRows(dir: URL = TRANSLATIONS_DIR): Array<{ lang: string; source: string; text: string }> {
  const agencies = [...new Set([...SERVICES.map((s) => s.agency), 'the city'])];
  const rows: Array<{ lang: string; source: string; text: string }> = [];
  for (const file of readdirSync(dir).filter((f) => /^[a-z]{2,3}(-[a-z0-9]+)*\.json$/i.test(f)).sort()) {
    const lang = file.replace(/\.json$/, '').toLowerCase();
    const catalog = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, string>;
    for (const [source, text] of Object.entries(catalog)) {
      if (!source.includes('{agency}')) {
        rows.push({ lang, source, text });
        continue;
      }
      for (const agency of agencies) {
        rows.push({ lang, source: source.replaceAll('{agency}', agency), text: text.replaceAll('{agency}', catalog[agency] ?? agency) });
      }
    }
  }
  return rows;
}

/** Adds the seed's translations a database lacks; what a city changed or added itself is kept. */
async function seedTranslations(db: Queryable): Promise<void> {
  const rows = translationRows();
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO translations (lang, source, text) SELECT lang, source, text FROM jsonb_to_recordset($1::jsonb) AS x(lang text, source text, text text)
     ON CONFLICT (lang, source) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/** Seeds once: a second start on the same database finds the flag and only adds missing translations. */
export async function seed(db: Database, now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two servers starting on one PostgreSQL database must not both seed.
    await tx.query('SELECT pg_advisory_xact_lock(311311)');
    await seedTranslations(tx);
    await seedForms(tx, now);
    const done = await tx.query(`SELECT value FROM meta WHERE key = 'seeded_at'`);
    if (done.length > 0) return false;
    const random = prng(311);
    const services = SERVICES.map((s, i) => ({
      service_code: s.code,
      service_name: s.name,
      description: s.description,
      type: s.type,
      keywords: s.keywords.join(', '),
      group_name: s.group,
      agency_responsible: s.agency,
      service_notice: s.notice,
      sort_order: i,
    }));
    await insertJson(
      tx,
      'services',
      'service_code text, service_name text, description text, type text, keywords text, group_name text, agency_responsible text, service_notice text, sort_order int',
      services,
    );
    const attributes = SERVICES.flatMap((s) =>
      s.attributes.map((a, i) => ({
        service_code: s.code,
        code: a.code,
        variable: a.variable,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description ?? null,
        sort_order: i + 1,
        description: a.description,
        list_values: (a.values ?? []).map(([key, name]) => ({ key, name })),
      })),
    );
    await insertJson(
      tx,
      'service_attributes',
      'service_code text, code text, variable boolean, datatype text, required boolean, datatype_description text, sort_order int, description text, list_values jsonb',
      attributes,
    );
    const addresses = buildAddresses(random);
    // Named places join the geocoder's list, not the pool seeded requests are placed in, so adding
    // one leaves every seeded request where it was.
    const places = PLACES.map((p, i) => ({ id: addresses.length + i + 1, ...p }));
    await insertJson(tx, 'addresses', 'id int, house_number text, street text, zipcode text, lat float8, lon float8, name text', [...addresses, ...places]);
    const { requests, notes } = buildRequests(random, addresses, now);
    await insertJson(
      tx,
      'requests',
      'id int, service_code text, status text, status_notes text, description text, agency_responsible text, service_notice text, requested_at timestamptz, updated_at timestamptz, expected_at timestamptz, available_at timestamptz, address text, address_id text, zipcode text, lat float8, lon float8, attributes jsonb',
      requests,
    );
    await insertJson(tx, 'request_notes', 'request_id int, datetime timestamptz, type text, summary text, description text', notes);
    await tx.query(`SELECT setval('request_id_seq', $1)`, [100000 + requests.length]);
    await tx.query(`INSERT INTO meta (key, value) VALUES ('seeded_at', $1)`, [now.toISOString()]);
    return true;
  });
}
