// The demo's report journey in Spanish, end to end: at every step, every string a resident sees
// or hears (text, including screen-reader-only text, and aria-label / title / alt / placeholder)
// is Spanish — the widgets' own words and the backend's (services, groups, questions, answers,
// notice, notes), Leaflet's controls included. What is not checked, because it is not the city's
// words: addresses (street names are names) and what residents wrote (descriptions).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startDemo, stubMapTiles, watchProblems, type DemoSite } from './browser.js';
import { en as coreEn } from '../../src/core/locales/en.js';
import { enForms } from '../../src/core/locales/en-forms.js';
import { enMap } from '../../src/core/locales/en-map.js';
import { es as coreEs } from '../../src/core/locales/es.js';
import { serviceRequestMessages } from '../../src/components/civic-service-request/strings.js';
import { es as serviceRequestEs } from '../../src/components/civic-service-request/strings.es.js';
import { serviceRequestLaterMessages } from '../../src/components/civic-service-request/strings-later.js';
import { es as serviceRequestLaterEs } from '../../src/components/civic-service-request/strings-later.es.js';
import { locationPickerMessages } from '../../src/components/civic-location-picker/strings.js';
import { es as locationPickerEs } from '../../src/components/civic-location-picker/strings.es.js';
import { statusTrackerMessages } from '../../src/components/civic-status-tracker/strings.js';
import { es as statusTrackerEs } from '../../src/components/civic-status-tracker/strings.es.js';
import type { Message } from '../../src/core/locales/en.js';
// The widgets' catalogs extend the i18n module's message map; it has to be in the program.
import type {} from '../../src/core/i18n.js';
import { SERVICES } from '../../server/seed-data.js';
import { translationRows } from '../../server/seed.js';

let site: DemoSite;
before(async () => {
  site = await startDemo();
});
after(async () => {
  await site?.close();
});

const forms = (m: Message | undefined): string[] => (m === undefined ? [] : typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string'));

/**
 * English words that must not reach a Spanish reader: every fixed piece of the widgets' English
 * messages (split at `{placeholders}`) that the Spanish message does not share, and every seed
 * sentence the Spanish catalog translates differently.
 */
function englishNeedles(): string[] {
  const catalogs: Array<[Record<string, Message>, Record<string, Message>]> = [
    // The shared Spanish covers the core, form engine and map English.
    [{ ...coreEn, ...enForms, ...enMap }, coreEs],
    [serviceRequestMessages.en, serviceRequestEs],
    [serviceRequestLaterMessages.en, serviceRequestLaterEs],
    [locationPickerMessages.en, locationPickerEs],
    [statusTrackerMessages.en, statusTrackerEs],
  ];
  const needles = new Set<string>();
  for (const [english, spanish] of catalogs) {
    for (const [key, message] of Object.entries(english)) {
      const theirs = forms(spanish[key]).join(' ');
      for (const piece of forms(message).flatMap((f) => f.split(/\{[^}]+\}/))) {
        const text = piece.trim().replace(/^[,.:;()·–-]+|[,.:;()·–-]+$/g, '').trim();
        if (text.length >= 4 && /[a-z]{3}/i.test(text) && !theirs.includes(text)) needles.add(text);
      }
    }
  }
  const spanish = new Map(translationRows().filter((r) => r.lang === 'es').map((r) => [r.source, r.text]));
  for (const s of SERVICES) {
    const words = [s.name, s.group, s.description, s.notice, s.agency, ...s.attributes.flatMap((a) => [a.description, ...(a.values ?? []).map(([, n]) => n)])];
    for (const w of words) if (spanish.get(w) !== w && w.length >= 4) needles.add(w);
  }
  return [...needles];
}
const NEEDLES = englishNeedles();
/** A needle as a whole word or phrase: "Street" is English, "OpenStreetMap" is a name. */
const NEEDLE_PATTERNS = NEEDLES.map((n) => new RegExp(`(^|[^\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u'));
/** Short English words that appear in no Spanish sentence. */
const ENGLISH_WORDS = /(?<!\p{L})(the|your|you|and|with|what|where|when|how|this|that|is|are|to|of|for|not|please|report|problem|send|back|continue|change|map|zoom)(?!\p{L})/iu;
/** Addresses are names, in any language: "174 Park Street", "…, Hartford, CT 06106". */
const ADDRESS = /\b\d+[a-z]? [A-Z][a-z]+ (Street|Avenue)\b|Hartford, (CT|Connecticut)/;

/**
 * Every string a resident can see or hear inside the element, through nested shadow roots. Sent
 * as source text: the test runner's transpiler adds helpers to functions that the page lacks.
 */
const COLLECT = `(({ host, skip }) => {
  const out = [];
  const visible = (el) => el.checkVisibility({ checkVisibilityCSS: true });
  const walk = (root) => {
    for (const node of Array.from(root.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = (node.textContent || '').replace(/\\s+/g, ' ').trim();
        const parent = node.parentElement || (node.parentNode && node.parentNode.host);
        if (text && parent && visible(parent)) out.push(text);
      } else if (node instanceof Element) {
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName) || skip.some((s) => node.matches(s))) continue;
        if (!visible(node)) continue;
        for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
          const value = (node.getAttribute(name) || '').trim();
          if (value) out.push(value);
        }
        if (node.shadowRoot) walk(node.shadowRoot);
        walk(node);
      }
    }
  };
  const el = document.querySelector(host);
  if (el && el.shadowRoot) walk(el.shadowRoot);
  return out;
})`;

function residentStrings(page: Page, host: string, skip: string[] = []): Promise<string[]> {
  return page.evaluate(`${COLLECT}(${JSON.stringify({ host, skip })})`) as Promise<string[]>;
}

/** Asserts that nothing English is left, and returns what was read (for step-specific checks). */
async function assertSpanish(page: Page, host: string, step: string, allowed: string[] = [], skip: string[] = []): Promise<string> {
  const strings = (await residentStrings(page, host, skip)).filter((s) => !allowed.includes(s) && !ADDRESS.test(s));
  const english = strings.filter((s) => ENGLISH_WORDS.test(s) || NEEDLE_PATTERNS.some((n) => n.test(s)));
  assert.deepEqual(english, [], `${step}: English on screen`);
  assert.ok(strings.length > 3, `${step}: read the step's text`);
  return strings.join(' | ');
}

async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() === t,
    title,
    { timeout: 15_000 },
  );
}

async function continueTo(page: Page, title: string): Promise<void> {
  await page.locator('civic-service-request [part=continue-button]').click();
  await waitForTitle(page, title);
}

const REQUEST = 'civic-service-request';

describe('demo report page in Spanish: every string a resident sees is Spanish, backend content included', () => {
  it('reports a pothole and follows it on the tracker, all in Spanish', async () => {
    assert.ok(NEEDLES.includes('Pothole') && NEEDLES.includes('Continue'), 'the English to look for');
    const page = await site.newPage();
    const problems = await watchProblems(page);
    await stubMapTiles(page);
    await page.goto(`${site.url}/report.html`);
    // The city's CMS renders the page in Spanish; Mexican Spanish falls back to Spanish words.
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'es-MX'));
    await waitForTitle(page, '¿Qué desea reportar?');
    await page.locator(`${REQUEST} label[for=service-POTHOLE]`).filter({ hasText: 'Bache' }).waitFor({ timeout: 15_000 });
    let read = await assertSpanish(page, REQUEST, 'category');
    assert.match(read, /Calles y aceras/);
    assert.match(read, /bache, alumbrado o basura/);

    // Search with the hint's own words.
    await page.locator(`${REQUEST} #service-search`).fill('bache');
    read = await assertSpanish(page, REQUEST, 'category, searched');
    assert.match(read, /Bache/);
    await page.locator(`${REQUEST} #service-POTHOLE`).check();
    await continueTo(page, 'Cuéntenos sobre el problema');
    read = await assertSpanish(page, REQUEST, 'questions');
    assert.match(read, /¿Qué tamaño tiene el bache\?/);
    assert.match(read, /Más pequeño que un plato/);
    await continueTo(page, 'Cuéntenos sobre el problema');
    read = await assertSpanish(page, REQUEST, 'questions, with errors');
    assert.match(read, /Hay un problema/);
    await page.locator(`${REQUEST} #attr-SIZE-2`).check();
    await page.locator(`${REQUEST} #attr-LANE-0`).check();
    await continueTo(page, '¿Dónde está el problema?');

    // Location: suggestions from the geocoder, in Spanish, then the map's own controls.
    const picker = page.locator(`${REQUEST} civic-location-picker`);
    await picker.locator('#address').fill('174 Park');
    await picker.locator('[role=option]').first().waitFor({ timeout: 15_000 });
    read = await assertSpanish(page, REQUEST, 'location, suggestions');
    // The geocoder's name for the place is an address, and names the country in Spanish.
    assert.equal((await picker.locator('[role=option]').first().textContent())?.trim(), '174, Park Street, Hartford, Connecticut, 06106, Estados Unidos');
    assert.match(read, /Usar «174 Park» tal como la escribió/);
    await picker.locator('[role=option]').first().click();
    assert.equal(await picker.locator('#address').inputValue(), '174 Park Street');
    await picker.locator('[part=map-button]').click();
    await picker.locator('.leaflet-control-zoom-in').waitFor({ timeout: 15_000 });
    read = await assertSpanish(page, REQUEST, 'location, map open');
    assert.match(read, /Acercar/);
    assert.match(read, /colaboradores de/);
    await picker.locator('[part=map-button]').click();

    await page.locator(`${REQUEST} [part=continue-button]`).click();
    await page.waitForFunction(
      (titles) => titles.includes(document.querySelector('civic-service-request')?.shadowRoot?.querySelector('#step-title')?.textContent?.trim() ?? ''),
      ['¿Es alguno de estos?', 'Describa el problema'],
      { timeout: 15_000 },
    );
    if ((await page.locator(`${REQUEST} #step-title`).textContent())?.trim() === '¿Es alguno de estos?') {
      // Other residents' descriptions are their own words.
      await assertSpanish(page, REQUEST, 'nearby', [], ['.nearby-description']);
      await page.locator(`${REQUEST} [part=continue-button]`).click();
      await waitForTitle(page, 'Describa el problema');
    }

    read = await assertSpanish(page, REQUEST, 'details');
    const description = `Hay un bache enorme frente a la parada (${Date.now()})`;
    await page.locator(`${REQUEST} #description`).fill(description);
    await continueTo(page, 'Sus datos de contacto');
    await assertSpanish(page, REQUEST, 'contact');
    await continueTo(page, 'Revise sus respuestas antes de enviar el reporte');
    read = await assertSpanish(page, REQUEST, 'review', [description]);
    assert.match(read, /Más grande que una llanta de auto/);
    assert.match(read, /Carril de circulación/);

    await page.locator(`${REQUEST} [part=submit-button]`).click();
    await waitForTitle(page, 'Reporte enviado');
    read = await assertSpanish(page, REQUEST, 'confirmation');
    assert.match(read, /Los baches suelen rellenarse en un plazo de 5 días hábiles\./);
    const id = (await page.locator(`${REQUEST} .reference`).textContent())!.trim();

    // The tracker, on a Spanish page too: status, agency, notes.
    await Promise.all([page.waitForURL(`**/track.html?request=${id}`), page.locator(`${REQUEST} [part=track-link]`).click()]);
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
    const tracker = page.locator('civic-status-tracker');
    await tracker.locator('[part=timeline]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('civic-status-tracker')?.shadowRoot?.textContent?.includes('Solicitud recibida'), undefined, {
      timeout: 15_000,
    });
    read = await assertSpanish(page, 'civic-status-tracker', 'tracker', [description]);
    assert.match(read, /Departamento de Obras Públicas – Calles/);
    assert.match(read, /Recibimos su solicitud y la enviamos a Departamento de Obras Públicas – Calles\./);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
