// What a resident meets on a first visit, on the backend side: the demo geocoder finds every
// address the demo shows, a typed address alone is accepted (except where a service demands the
// exact spot), and backend content answers in the resident's language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DATABASES, describeOn, get, parseXml, postForm, rowCounts, startTestServer, type TestServer, type XmlNode } from './helpers.js';
import { negotiateLanguage } from '../../server/open311/language.js';
import { SERVICES } from '../../server/seed-data.js';
import { translationRows } from '../../server/seed.js';

interface Place {
  place_id: number;
  lat: string;
  lon: string;
  name: string;
  display_name: string;
  address: { house_number?: string; road?: string };
}
type ErrorJson = Array<{ code: number; description: string }>;
interface ServiceJson {
  service_code: string;
  service_name: string;
  description: string;
  group: string;
  keywords: string;
}
interface DefinitionJson {
  attributes: Array<{ code: string; description: string; datatype_description?: string; values: Array<{ key: string; name: string }> }>;
}
interface RequestJson {
  service_request_id: string;
  service_code: string;
  service_name: string;
  status_notes?: string;
  agency_responsible?: string;
  service_notice?: string;
  description?: string;
  notes: Array<{ summary: string; description: string }>;
}

const es = { headers: { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.5' } };
/** Every English sentence of the seed that names the city's services, questions and answers. */
const seedWords = SERVICES.flatMap((s) => [
  s.name,
  s.group,
  s.description,
  s.notice,
  s.agency,
  ...s.keywords,
  ...s.closingNotes,
  ...s.attributes.flatMap((a) => [a.description, ...(a.datatype_description ? [a.datatype_description] : []), ...(a.values ?? []).map(([, n]) => n)]),
]);

describe('Accept-Language negotiation', () => {
  test('q-values, primary subtags and wildcards pick the best language the server has', () => {
    const cases: Array<[string | undefined, string]> = [
      ['es', 'es'],
      ['es-MX', 'es'],
      ['ES-mx', 'es'],
      ['es-MX,es;q=0.9,en;q=0.5', 'es'],
      ['fr-CA, fr;q=0.9, es;q=0.5', 'es'],
      ['en-US,en;q=0.9,es;q=0.8', 'en'],
      ['es;q=0.2, en;q=0.8', 'en'],
      ['es;q=0, en', 'en'],
      ['de, *;q=0.1', 'en'],
      ['fr', 'en'],
      ['', 'en'],
      [undefined, 'en'],
      ['es;q=abc', 'en'],
    ];
    for (const [header, want] of cases) assert.equal(negotiateLanguage(header, ['es']), want, String(header));
  });

  test('the seed\'s Spanish catalog translates every sentence of the city\'s services', () => {
    const spanish = new Map(translationRows().filter((r) => r.lang === 'es').map((r) => [r.source, r.text]));
    assert.deepEqual(seedWords.filter((w) => !spanish.has(w)), []);
    // The note templates are expanded for every agency, with the agency itself translated.
    assert.equal(
      spanish.get('Your request was received and sent to Department of Public Works – Streets.'),
      'Recibimos su solicitud y la enviamos a Departamento de Obras Públicas – Calles.',
    );
  });
});

for (const db of DATABASES) {
  describeOn(db, 'a resident\'s first visit', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(db);
    });
    after(async () => {
      await server?.stop();
    });
    const search = (q: string, limit = 5) =>
      get<Place[]>(`${server.base}/geocode/search?q=${encodeURIComponent(q)}&format=jsonv2&limit=${limit}`);

    describe('demo geocoder', () => {
      test('City Hall, 550 Main Street, comes first: by its address, its name, and for "Main Street"', async () => {
        for (const q of ['550 Main Street', '550 main st', 'City Hall', 'city h', 'Main Street']) {
          const [first] = (await search(q)).body;
          assert.equal(first?.name, 'City Hall', q);
          assert.equal(first!.address.house_number, '550');
          assert.equal(first!.address.road, 'Main Street');
          assert.match(first!.display_name, /^City Hall, 550, Main Street, Hartford/);
        }
      });

      test('the corner in the address hint ("Main Street and Asylum Avenue") is found as residents write it', async () => {
        for (const q of ['Main Street and Asylum Avenue', 'Main St & Asylum Ave', 'asylum and main']) {
          const [first] = (await search(q)).body;
          assert.equal(first?.name, 'Main Street and Asylum Avenue', q);
          // A corner has no house number and no single road.
          assert.deepEqual([first!.address.house_number, first!.address.road], [undefined, undefined]);
        }
      });

      test('names the country in the language asked for (accept-language parameter or header)', async () => {
        const asked = (await get<Place[]>(`${server.base}/geocode/search?q=174%20Park%20Street&accept-language=es`)).body[0]!;
        assert.equal(asked.display_name, '174, Park Street, Hartford, Connecticut, 06106, Estados Unidos');
        const header = (await get<Place[]>(`${server.base}/geocode/search?q=174%20Park%20Street`, es)).body[0]!;
        assert.match(header.display_name, /Estados Unidos$/);
        const english = (await search('174 Park Street')).body[0]!;
        assert.match(english.display_name, /United States$/);
      });

      test('every seeded request\'s address is found, at that request\'s coordinates', async () => {
        const requests = await get<Array<{ address: string; lat: number; long: number }>>(`${server.base}/open311/v2/requests.json?page_size=1000`);
        assert.ok(requests.body.length > 100);
        const seen = new Set<string>();
        for (const r of requests.body) {
          if (seen.has(r.address)) continue;
          seen.add(r.address);
          const hits = (await search(r.address, 1)).body;
          assert.equal(hits.length, 1, r.address);
          assert.deepEqual([Number(hits[0]!.lat), Number(hits[0]!.lon)], [r.lat, r.long], r.address);
        }
      });
    });

    describe('backend content in the resident\'s language', () => {
      test('services: every name, description and group in Spanish when asked, English otherwise; Content-Language and Vary say so', async () => {
        const english = await get<ServiceJson[]>(`${server.open311}/services.json`);
        const spanish = await get<ServiceJson[]>(`${server.open311}/services.json`, es);
        assert.equal(english.headers.get('content-language'), 'en');
        assert.equal(spanish.headers.get('content-language'), 'es');
        assert.match(spanish.headers.get('vary') ?? '', /Accept-Language/i);
        assert.equal(spanish.body.length, SERVICES.length);
        for (const [i, s] of spanish.body.entries()) {
          const seed = SERVICES.find((x) => x.code === s.service_code)!;
          assert.equal(english.body[i]!.service_name, seed.name);
          assert.notEqual(s.service_name, seed.name, s.service_code);
          assert.notEqual(s.description, seed.description, s.service_code);
          assert.notEqual(s.group, seed.group, s.service_code);
        }
        const pothole = spanish.body.find((s) => s.service_code === 'POTHOLE')!;
        assert.equal(pothole.service_name, 'Bache');
        assert.equal(pothole.group, 'Calles y aceras');
      });

      test('keywords carry both languages, so a search matches what a resident types in either', async () => {
        for (const init of [undefined, es]) {
          const services = (await get<ServiceJson[]>(`${server.open311}/services.json`, init)).body;
          const words = (code: string) => services.find((s) => s.service_code === code)!.keywords.split(', ');
          assert.ok(words('POTHOLE').includes('bache') && words('POTHOLE').includes('pothole'));
          assert.ok(words('STLIGHT').includes('alumbrado'));
          assert.ok(words('MISSEDPU').includes('basura') && words('MISSEDPU').includes('trash'));
        }
      });

      test('questions and answers of every service definition, in JSON and XML', async () => {
        for (const seed of SERVICES) {
          const def = (await get<DefinitionJson>(`${server.open311}/services/${seed.code}.json`, es)).body;
          for (const a of def.attributes) {
            const source = seed.attributes.find((x) => x.code === a.code)!;
            assert.notEqual(a.description, source.description, `${seed.code} ${a.code}`);
            if (source.datatype_description) assert.notEqual(a.datatype_description, source.datatype_description);
            for (const v of a.values) {
              const name = source.values!.find(([k]) => k === v.key)![1];
              // "No" is Spanish too.
              if (name !== 'No') assert.notEqual(v.name, name, `${seed.code} ${a.code} ${v.key}`);
            }
          }
        }
        const xml = await get<string>(`${server.open311}/services/POTHOLE.xml`, es);
        const doc = parseXml(xml.text) as XmlNode;
        assert.match(JSON.stringify(doc), /¿Qué tamaño tiene el bache\?/);
        assert.match(JSON.stringify(doc), /Más pequeño que un plato/);
      });

      test('requests: service name, status notes, agency, notice and every note in Spanish; the resident\'s own words as written', async () => {
        const q = 'requests.json?extensions=true&status=closed&page_size=50';
        const english = (await get<RequestJson[]>(`${server.open311}/${q}`)).body;
        const spanish = (await get<RequestJson[]>(`${server.open311}/${q}`, es)).body;
        assert.equal(spanish.length, english.length);
        for (const [i, r] of spanish.entries()) {
          const en = english[i]!;
          assert.equal(r.service_request_id, en.service_request_id);
          assert.equal(r.description, en.description);
          for (const field of ['service_name', 'status_notes', 'agency_responsible', 'service_notice'] as const) {
            assert.notEqual(r[field], en[field], `${r.service_request_id} ${field}`);
          }
          assert.equal(r.notes.length, en.notes.length);
          r.notes.forEach((n, j) => {
            assert.notEqual(n.summary, en.notes[j]!.summary);
            assert.notEqual(n.description, en.notes[j]!.description);
          });
        }
        const one = await get<string>(`${server.open311}/requests/${spanish[0]!.service_request_id}.xml?extensions=true`, es);
        assert.match(one.text, /<summary>Solicitud recibida<\/summary>/);
      });

      test('a new request: the POST answer\'s notice and the first note follow the language of each reader', async () => {
        const posted = await postForm<Array<{ service_request_id: string; service_notice: string }>>(`${server.open311}/requests.json`, {
          service_code: 'SNOWPLOW',
          address_string: '550 Main Street',
        });
        assert.equal(posted.body[0]!.service_notice, 'Main roads are plowed first, then residential streets.');
        const id = posted.body[0]!.service_request_id;
        const read = (await get<RequestJson[]>(`${server.open311}/requests/${id}.json?extensions=true`, es)).body[0]!;
        assert.equal(read.notes[0]!.summary, 'Solicitud recibida');
        assert.equal(read.notes[0]!.description, 'Recibimos su solicitud y la enviamos a Departamento de Obras Públicas – Operaciones de Nieve.');
        const spanishPost = await fetch(`${server.open311}/requests.json`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'es' },
          body: new URLSearchParams({ service_code: 'SNOWPLOW', address_string: '550 Main Street' }),
        });
        const [answer] = (await spanishPost.json()) as Array<{ service_notice: string }>;
        assert.equal(answer!.service_notice, 'Primero se limpian las vías principales y después las calles residenciales.');
      });
    });

    describe('location', () => {
      test('a typed address alone is enough for most services', async () => {
        const res = await postForm<Array<{ service_request_id: string }>>(`${server.open311}/requests.json`, {
          service_code: 'SNOWPLOW',
          address_string: 'Behind 12 Elm Row',
        });
        assert.equal(res.status, 200);
        const stored = await get<Array<{ address: string; lat?: number }>>(`${server.open311}/requests/${res.body[0]!.service_request_id}.json`);
        assert.equal(stored.body[0]!.address, 'Behind 12 Elm Row');
        assert.equal(stored.body[0]!.lat, undefined);
      });

      test('a service that demands the exact spot (SIGNAL) refuses an address alone with a 400 naming lat, with its other problems, and stores nothing', async () => {
        const before = await rowCounts(server);
        const alone = await postForm<ErrorJson>(`${server.open311}/requests.json`, {
          service_code: 'SIGNAL',
          address_string: 'Main and Pearl',
          'attribute[SIGNAL_PROBLEM]': 'DARK',
        });
        assert.equal(alone.status, 400);
        assert.deepEqual(alone.body.map((e) => e.description.split(':')[0]), ['lat']);
        const more = await postForm<ErrorJson>(`${server.open311}/requests.json`, { service_code: 'SIGNAL', address_string: 'Main and Pearl' });
        assert.deepEqual(more.body.map((e) => e.description.split(':')[0]).sort(), ['attribute[SIGNAL_PROBLEM]', 'lat']);
        assert.deepEqual(await rowCounts(server), before);
        const point = await postForm(`${server.open311}/requests.json`, {
          service_code: 'SIGNAL',
          lat: '41.7676',
          long: '-72.6737',
          'attribute[SIGNAL_PROBLEM]': 'DARK',
        });
        assert.equal(point.status, 200);
      });
    });
  });
}
