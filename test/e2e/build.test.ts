// What `npm run build` ships for script tags, read from dist/ (the e2e script builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Leaflet's `emptyImageUrl`, set as `src` of tiles it removes (to cancel their download), never shown. */
const LEAFLET_BLANK = 'data:image/gif;base64,R0lGODlhAQABAAD/ACwAAAAAAQABAAACADs=';
const dist = resolve(import.meta.dirname, '..', '..', 'dist');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const staticImports = (code: string) => [...code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{][^'"`]*?from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!);
const dynamicImports = (code: string) => [...code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
const scriptTagFiles = () => [
  'civic-elements.js',
  ...readdirSync(dist).filter((f) => f.startsWith('civic-elements.all') && f.endsWith('.js')),
  ...readdirSync(join(dist, 'civic-elements')).filter((f) => f.endsWith('.js')).map((f) => `civic-elements/${f}`),
];
/** The chunk the autoloader imports for a tag. */
const chunkFor = (tag: string) => new RegExp(`["'\`]${tag}["'\`]:\\s*\\(\\)\\s*=>[^]*?import\\(["'\`]\\./([^"'\`]+)`).exec(read('civic-elements.js'))![1]!;

describe('the script-tag builds in dist/', () => {
  it('civic-elements.all.js has no static imports; what it imports on demand is beside it', () => {
    const code = read('civic-elements.all.js');
    assert.deepEqual(staticImports(code), []);
    const lazy = [...new Set(dynamicImports(code))].sort();
    assert.equal(lazy.length, 2, lazy.join(', '));
    assert.match(lazy[0]!, /^\.\/civic-elements\.all\.es-[\w-]+\.js$/);
    assert.match(lazy[1]!, /^\.\/civic-elements\.all\.map-[\w-]+\.js$/);
    for (const file of lazy) {
      assert.ok(existsSync(join(dist, file)), file);
      assert.deepEqual(staticImports(read(file)), [], `${file} is self-contained`);
    }
  });

  it("the one-file build's Spanish file holds every widget's Spanish, and the one file none of it", async () => {
    const spanish = read(readdirSync(dist).find((f) => /^civic-elements\.all\.es-[\w-]+\.js$/.test(f))!);
    const all = read('civic-elements.all.js');
    const components = resolve(import.meta.dirname, '..', '..', 'src', 'components');
    const files = readdirSync(components).flatMap((dir) => readdirSync(join(components, dir)).filter((f) => /strings.*\.es\.ts$/.test(f)).map((f) => join(components, dir, f)));
    assert.ok(files.length >= 15, `${files.length} Spanish files`);
    for (const file of files) {
      const { es } = (await import(file)) as { es: Record<string, unknown> };
      // One plain message of each file, as the minified chunk spells it.
      const message = Object.values(es).find((m): m is string => typeof m === 'string' && /^[^'"`\\{}]+$/.test(m))!;
      assert.ok(message, file);
      assert.ok(spanish.includes(message), `${file}: "${message}" is in the Spanish file`);
      assert.ok(!all.includes(message), `${file}: "${message}" is not in the one file`);
    }
  });

  it('the autoloader registers nothing itself and imports each tag from the folder next to it', () => {
    const loader = read('civic-elements.js');
    assert.doesNotMatch(loader, /customElements\.define/);
    for (const tag of ['civic-hall', 'civic-service-list', 'civic-service-request', 'civic-location-picker', 'civic-status-tracker', 'civic-request-map']) {
      assert.ok(existsSync(join(dist, chunkFor(tag))), tag);
      assert.match(chunkFor(tag), /^civic-elements\//, tag);
    }
  });

  it('no image is a data: URL (a strict CSP without img-src data: must work), except the blank GIF Leaflet sets on removed tiles', () => {
    for (const file of scriptTagFiles()) {
      const dataUrls = (read(file).match(/data:image\/[\w+.-]+[;,][^"'`)\s]{0,40}/g) ?? []).filter((u) => !LEAFLET_BLANK.startsWith(u));
      assert.deepEqual(dataUrls, [], file);
    }
  });

  it('the shared core carries neither the Open311 client nor any Spanish; the Open311 widgets bring the client, the alert and records widgets do without', () => {
    const closure = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const spec of staticImports(read(file))) closure(join(file, '..', spec).replace(/^\.\//, ''), seen);
      return seen;
    };
    // The client's mark: the discovery entry it looks for (the error classes, which every client
    // shares, know Open311's field names too, so those are no mark).
    const hall = [...closure(chunkFor('civic-hall'))].map(read).join('\n');
    assert.doesNotMatch(hall, /georeport/i);
    assert.doesNotMatch(hall, /Volver a intentarlo/);
    const list = [...closure(chunkFor('civic-service-list'))].map(read).join('\n');
    assert.match(list, /georeport/i);
    assert.doesNotMatch(list, /Volver a intentarlo/);
    // Widgets that do not talk Open311 do not carry its client (issue 7).
    for (const tag of ['civic-alert-banner', 'civic-records-request', 'civic-records-status']) {
      assert.doesNotMatch([...closure(chunkFor(tag))].map(read).join('\n'), /georeport/i, tag);
    }
    // Each Open311 widget carries the calls its first screen makes and no other; the rest, and the
    // readers of XML and error answers, load when needed. Each call's mark is a word only its code has.
    const marks = {
      services: /blackbox/,
      requests: /page_size/,
      definition: /service_definition/,
      submit: /Idempotency-Key/,
      statistics: /window_days/,
      xml: /parsererror/,
    };
    const calls: Record<string, Array<keyof typeof marks>> = {
      'civic-service-list': ['services'],
      'civic-service-request': ['services'],
      'civic-status-tracker': ['requests'],
      'civic-request-map': ['services', 'requests'],
      'civic-report-card': ['statistics'],
    };
    for (const [tag, made] of Object.entries(calls)) {
      const code = [...closure(chunkFor(tag))].map(read).join('\n');
      for (const [call, mark] of Object.entries(marks)) {
        if (made.includes(call as keyof typeof marks)) assert.match(code, mark, `${tag} carries ${call}`);
        else assert.doesNotMatch(code, mark, `${tag} does not carry ${call}`);
      }
    }
  });
});
