import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { CivicLocationPicker, type LocationGeocoder, type PickedLocation } from '../../src/define/civic-location-picker.js';
import { NominatimGeocoder, shortAddress } from '../../src/api/geocoder.js';
import { BACKEND_URL } from '../helpers/backend.js';

const GEOCODER = `${BACKEND_URL}/geocode`;
const BOUNDS = '-72.72,41.72,-72.66,41.81';
/** One grey pixel for every tile: no internet here, and none needed to test the map. */
const TILE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';
const NEW_YORK = { latitude: 40.7128, longitude: -74.006 };

const truth = new NominatimGeocoder({ url: GEOCODER });
const root = (el: CivicLocationPicker) => el.shadowRoot!;
const input = (el: CivicLocationPicker) => root(el).querySelector<HTMLInputElement>('#address')!;
const listbox = (el: CivicLocationPicker) => root(el).querySelector<HTMLElement>('[role=listbox]')!;
/** The geocoder's suggestions (without the last option, "Use … as typed"). */
const options = (el: CivicLocationPicker) => [...root(el).querySelectorAll<HTMLElement>('[role=option]:not(.option--typed)')];
const typedOption = (el: CivicLocationPicker) => root(el).querySelector<HTMLElement>('[role=option].option--typed');
const spoken = (el: CivicLocationPicker) => root(el).querySelector('[role=status]')!.textContent!.trim();
const notice = (el: CivicLocationPicker) => root(el).querySelector('[part=notice]')?.textContent?.trim();
const inlineError = (el: CivicLocationPicker) => root(el).querySelector('.civic-error-message')?.textContent?.replace(/\s+/g, ' ').trim();
const button = (el: CivicLocationPicker, part: 'locate-button' | 'map-button') => root(el).querySelector<HTMLButtonElement>(`[part=${part}]`)!;

/** What a resident's typing looks like to the element: the value changes, then `input` fires. */
function type(el: CivicLocationPicker, text: string): void {
  const field = input(el);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

function press(target: Element, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

const suggestionsShown = (el: CivicLocationPicker) =>
  waitUntil(() => options(el).length > 0 && !listbox(el).hidden, 'suggestions shown', { timeout: 10_000 });
const said = (el: CivicLocationPicker, words: string) => waitUntil(() => spoken(el) === words, `announced "${words}"`, { timeout: 10_000 });
const chosen = (el: CivicLocationPicker) =>
  oneEvent(el, 'civic-location-change').then((e) => (e as CustomEvent<{ value: PickedLocation | undefined }>).detail.value);

/** Replaces `navigator.geolocation` (no GPS here) with one that gives `answer`; returns the undo. */
function stubGeolocation(answer: { latitude: number; longitude: number } | { code: 1 | 2 | 3 }): () => void {
  const stub = {
    getCurrentPosition(success: PositionCallback, failure?: PositionErrorCallback | null) {
      setTimeout(() => {
        if ('code' in answer) {
          failure?.({ code: answer.code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
        } else {
          success({ coords: { ...answer, accuracy: 10 }, timestamp: Date.now() } as unknown as GeolocationPosition);
        }
      });
    },
    watchPosition: () => 0,
    clearWatch: () => {},
  };
  Object.defineProperty(navigator, 'geolocation', { value: stub, configurable: true });
  return () => delete (navigator as { geolocation?: Geolocation }).geolocation;
}

async function picker(attrs: { required?: boolean; bounds?: string; geocoder?: boolean; name?: string } = {}) {
  const el = await fixture<CivicLocationPicker>(html`<civic-location-picker
    geocoder-url=${attrs.geocoder === false ? '' : GEOCODER}
    tile-url=${TILE}
    bounds=${attrs.bounds ?? BOUNDS}
    name=${attrs.name ?? 'location'}
    ?required=${attrs.required ?? false}
  ></civic-location-picker>`);
  return el;
}

/** Opens the map and waits until Leaflet drew it and its pin. */
async function openMap(el: CivicLocationPicker): Promise<HTMLElement> {
  button(el, 'map-button').click();
  await waitUntil(() => root(el).querySelector('.leaflet-marker-icon'), 'map with pin', { timeout: 15_000 });
  return root(el).querySelector<HTMLElement>('.map')!;
}

describe('<civic-location-picker>', () => {
  let restoreGeolocation: (() => void) | undefined;
  afterEach(() => {
    restoreGeolocation?.();
    restoreGeolocation = undefined;
  });

  it('is accessible when empty', async () => {
    const el = await picker();
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('label')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Address or place (optional)');
    expect(input(el).getAttribute('role')).to.equal('combobox');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  describe('typing an address (combobox)', () => {
    it('suggests the geocoder\'s addresses in a listbox, announces how many, and is accessible while open', async () => {
      const el = await picker();
      type(el, 'Main St');
      await suggestionsShown(el);
      const expected = await truth.search('Main St', { limit: 5 });
      expect(options(el).map((o) => o.textContent!.trim())).to.deep.equal(expected.map((r) => r.displayName));
      expect(input(el).getAttribute('aria-expanded')).to.equal('true');
      expect(input(el).getAttribute('aria-controls')).to.equal(listbox(el).id);
      await said(el, `${expected.length} addresses found`);
      expect(typedOption(el)!.textContent!.trim()).to.equal('Use “Main St” as typed');
      await expect(el).to.be.accessible();
    });

    it('is operable by keyboard alone: arrows move the active option, Enter chooses it, and the choice is announced', async () => {
      const el = await picker();
      type(el, 'Asylum');
      await suggestionsShown(el);
      press(input(el), 'ArrowDown');
      press(input(el), 'ArrowDown');
      await el.updateComplete;
      const second = options(el)[1]!;
      expect(input(el).getAttribute('aria-activedescendant')).to.equal(second.id);
      expect(second.getAttribute('aria-selected')).to.equal('true');
      press(input(el), 'ArrowUp');
      await el.updateComplete;
      expect(input(el).getAttribute('aria-activedescendant')).to.equal(options(el)[0]!.id);
      press(input(el), 'ArrowDown');
      await el.updateComplete;
      const event = chosen(el);
      press(input(el), 'Enter');
      const value = await event;
      const [, place] = await truth.search('Asylum', { limit: 5 });
      expect(value).to.deep.equal({ lat: place!.lat, long: place!.long, address: shortAddress(place!) });
      expect(el.value).to.deep.equal(value);
      expect(input(el).value).to.equal(shortAddress(place!));
      expect(listbox(el).hidden).to.be.true;
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(input(el).hasAttribute('aria-activedescendant')).to.be.false;
      await said(el, `Chosen location: ${shortAddress(place!)}`);
      await expect(el).to.be.accessible();
    });

    it('chooses a suggestion by click', async () => {
      const el = await picker();
      type(el, 'Park St');
      await suggestionsShown(el);
      const text = options(el)[2]!.textContent!.trim();
      const event = chosen(el);
      options(el)[2]!.click();
      // "370, Park Street, Hartford, …" is chosen as "370 Park Street".
      const [number, street] = text.split(', ');
      expect((await event)?.address).to.equal(`${number} ${street}`);
    });

    it('closes the list on Escape without choosing', async () => {
      const el = await picker();
      type(el, 'Broad');
      await suggestionsShown(el);
      press(input(el), 'ArrowDown');
      press(input(el), 'Escape');
      await el.updateComplete;
      expect(listbox(el).hidden).to.be.true;
      expect(input(el).getAttribute('aria-expanded')).to.equal('false');
      expect(el.value).to.equal(undefined);
      expect(input(el).value).to.equal('Broad');
    });

    it('when nothing matched, keeps the address exactly as typed, says so, and shows no empty list', async () => {
      const el = await picker();
      const event = chosen(el);
      type(el, 'Zzyzx Road, behind the rink');
      expect(await event).to.deep.equal({ address: 'Zzyzx Road, behind the rink' });
      await el.updateComplete;
      expect(notice(el)).to.equal('We could not find this address on the map. The city will use it as you typed it.');
      await said(el, 'We could not find this address on the map. The city will use it as you typed it.');
      expect(input(el).getAttribute('aria-describedby')).to.contain('address-notice');
      expect(input(el).value).to.equal('Zzyzx Road, behind the rink');
      expect(listbox(el).hidden).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('offers "Use … as typed" after the suggestions, by keyboard, for an address the geocoder only nearly knows', async () => {
      const el = await picker();
      type(el, 'Main St');
      await suggestionsShown(el);
      const last = typedOption(el)!;
      expect(last.textContent!.trim()).to.equal('Use “Main St” as typed');
      expect(last.getAttribute('role')).to.equal('option');
      for (let i = 0; i < options(el).length + 1; i++) press(input(el), 'ArrowDown');
      await el.updateComplete;
      expect(input(el).getAttribute('aria-activedescendant')).to.equal(last.id);
      expect(last.getAttribute('aria-selected')).to.equal('true');
      const event = chosen(el);
      press(input(el), 'Enter');
      expect(await event).to.deep.equal({ address: 'Main St' });
      await el.updateComplete;
      expect(notice(el)).to.equal('We could not find this address on the map. The city will use it as you typed it.');
      await expect(el).to.be.accessible();
    });

    it('stores a suggestion in the short local form residents use, not the geocoder\'s long name', async () => {
      const el = await picker();
      type(el, '174 Park');
      await suggestionsShown(el);
      expect(options(el)[0]!.textContent!.trim()).to.equal('174, Park Street, Hartford, Connecticut, 06106, United States');
      const event = chosen(el);
      options(el)[0]!.click();
      const value = await event;
      expect(value!.address).to.equal('174 Park Street');
      expect(input(el).value).to.equal('174 Park Street');
      await said(el, 'Chosen location: 174 Park Street');

      type(el, 'city hall');
      await suggestionsShown(el);
      const hall = chosen(el);
      options(el)[0]!.click();
      expect((await hall)!.address).to.equal('City Hall, 550 Main Street');
    });

    it('asks the geocoder once per typing pause, with the city as a bounded viewbox', async () => {
      const calls: Array<{ q: string; options: unknown; signal: unknown }> = [];
      const counting: LocationGeocoder = {
        search: (q, o = {}) => {
          const { signal, ...options } = o;
          calls.push({ q, options, signal });
          return truth.search(q, o);
        },
        reverse: (lat, long) => truth.reverse(lat, long),
      };
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker bounds=${BOUNDS} .geocoder=${counting}></civic-location-picker>`);
      for (const text of ['Ma', 'Mai', 'Main', 'Main S', 'Main St']) type(el, text);
      await suggestionsShown(el);
      expect(calls.map(({ q, options }) => ({ q, options }))).to.deep.equal([
        { q: 'Main St', options: { limit: 5, lang: 'en', viewbox: [-72.72, 41.72, -72.66, 41.81], bounded: true } },
      ]);
      expect(calls[0]!.signal).to.be.instanceOf(AbortSignal);
    });

    it('aborts a search still on its way when the resident types on', async () => {
      const signals: AbortSignal[] = [];
      const slow: LocationGeocoder = {
        search: (q, o = {}) => {
          signals.push(o.signal!);
          // The first call never answers by itself: only its abort ends it.
          if (signals.length === 1) return new Promise((_, reject) => o.signal!.addEventListener('abort', () => reject(o.signal!.reason)));
          return truth.search(q, o);
        },
        reverse: (lat, long) => truth.reverse(lat, long),
      };
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker .geocoder=${slow}></civic-location-picker>`);
      type(el, 'Asylum');
      await waitUntil(() => signals.length === 1, 'first search asked');
      expect(signals[0]!.aborted).to.be.false;
      type(el, 'Zion');
      expect(signals[0]!.aborted).to.be.true;
      await suggestionsShown(el);
      expect(notice(el)).to.equal(undefined);
      expect(options(el).every((o) => o.textContent!.includes('Zion Street'))).to.be.true;
    });

    it('really cancels the HTTP call of a stale search (NominatimGeocoder with a signal)', async () => {
      const settled: string[] = [];
      const watching = new NominatimGeocoder({
        url: GEOCODER,
        fetch: (url, init) =>
          fetch(url, init).then(
            (r) => (settled.push('answered'), r),
            (e: unknown) => (settled.push((e as Error).name), Promise.reject(e)),
          ),
      });
      const controller = new AbortController();
      const call = watching.search('Main St', { signal: controller.signal });
      controller.abort();
      const error = await call.catch((e: unknown) => e);
      expect((error as Error).name).to.equal('AbortError');
      await waitUntil(() => settled.length === 1, 'fetch settled');
      expect(settled).to.deep.equal(['AbortError']);
    });

    it('keeps only the latest answer when an earlier search answers late', async () => {
      let releaseFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
      const asked: string[] = [];
      const slowFirst: LocationGeocoder = {
        async search(q, o) {
          asked.push(q);
          const results = await truth.search(q, o);
          if (asked.length === 1) await firstHeld;
          return results;
        },
        reverse: (lat, long) => truth.reverse(lat, long),
      };
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker .geocoder=${slowFirst}></civic-location-picker>`);
      type(el, 'Asylum');
      await waitUntil(() => asked.length === 1, 'first search asked');
      type(el, 'Zion');
      await suggestionsShown(el);
      releaseFirst();
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(options(el).every((o) => o.textContent!.includes('Zion Street'))).to.be.true;
    });

    it('forgets the chosen place as soon as the address is edited', async () => {
      const el = await picker();
      type(el, 'Capitol');
      await suggestionsShown(el);
      options(el)[0]!.click();
      expect(el.value).to.not.equal(undefined);
      const event = chosen(el);
      type(el, `${input(el).value} x`);
      expect(await event).to.equal(undefined);
      expect(el.value).to.equal(undefined);
    });

    it('when address search is down, keeps the address as typed, says so, and keeps the other ways open', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker geocoder-url="http://127.0.0.1:9/geocode"></civic-location-picker>`);
      type(el, '12 Elm Row');
      await waitUntil(() => notice(el), 'notice', { timeout: 10_000 });
      expect(notice(el)).to.equal('We could not find this address on the map. The city will use it as you typed it.');
      expect(el.value).to.deep.equal({ address: '12 Elm Row' });
      expect(button(el, 'locate-button').disabled).to.be.false;
      expect(button(el, 'map-button').disabled).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('when the geocoder answers with an error page, keeps the address as typed', async () => {
      // The backend has no such path: a real 404 "Not found" page where a geocoder should be.
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker geocoder-url=${`${BACKEND_URL}/no-geocoder-here`}></civic-location-picker>`);
      type(el, '12 Elm Row');
      await waitUntil(() => el.value, 'typed address kept', { timeout: 10_000 });
      expect(el.value).to.deep.equal({ address: '12 Elm Row' });
      expect(notice(el)).to.equal('We could not find this address on the map. The city will use it as you typed it.');
    });

    it('when the geocoder is too slow, keeps the address as typed', async () => {
      // A geocoder whose server accepts the call and never answers, with a short deadline.
      const hanging = new NominatimGeocoder({ url: GEOCODER, timeout: 100, fetch: () => new Promise<Response>(() => {}) });
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker .geocoder=${hanging}></civic-location-picker>`);
      type(el, '12 Elm Row');
      await waitUntil(() => el.value, 'typed address kept', { timeout: 10_000 });
      expect(el.value).to.deep.equal({ address: '12 Elm Row' });
      expect(notice(el)).to.equal('We could not find this address on the map. The city will use it as you typed it.');
    });

    it('gets its geocoder from an enclosing <civic-hall>', async () => {
      const hall = await fixture(html`<civic-hall geocoder-url=${GEOCODER}><civic-location-picker></civic-location-picker></civic-hall>`);
      const el = hall.querySelector('civic-location-picker')!;
      await el.updateComplete;
      type(el, 'Pearl');
      await suggestionsShown(el);
      expect(options(el)[0]!.textContent).to.contain('Pearl Street');
    });
  });

  describe('without a geocoder', () => {
    it('accepts the typed address as free text: a plain text input, no combobox', async () => {
      const el = await picker({ geocoder: false });
      expect(input(el).hasAttribute('role')).to.be.false;
      expect(root(el).querySelector('[role=listbox]')).to.equal(null);
      expect(root(el).querySelector('.civic-hint')!.textContent).to.equal('Type the address, use your location, or choose the place on a map.');
      const event = chosen(el);
      type(el, 'Corner of Main and Pearl, by the bus stop');
      expect(await event).to.deep.equal({ address: 'Corner of Main and Pearl, by the bus stop' });
      await expect(el).to.be.accessible();
    });
  });

  describe('use my location', () => {
    it('finds the resident, looks up the address and shows and announces it', async () => {
      const [place] = await truth.search('Washington Street', { limit: 1 });
      restoreGeolocation = stubGeolocation({ latitude: place!.lat, longitude: place!.long });
      const el = await picker();
      button(el, 'locate-button').click();
      await waitUntil(() => el.value?.address, 'address looked up', { timeout: 10_000 });
      expect(el.value).to.deep.equal({ lat: place!.lat, long: place!.long, address: shortAddress(place!) });
      expect(input(el).value).to.equal(shortAddress(place!));
      await said(el, `Chosen location: ${shortAddress(place!)}`);
      await expect(el).to.be.accessible();
    });

    for (const [code, words] of [
      [1, "This page isn't allowed to use your location. Type the address or choose the place on the map instead."],
      [2, "Your location isn't available right now. Type the address or choose the place on the map instead."],
      [3, 'Finding your location took too long. Try again, or type the address instead.'],
    ] as const) {
      it(`explains what to do when the location fails (error code ${code})`, async () => {
        restoreGeolocation = stubGeolocation({ code });
        const el = await picker();
        button(el, 'locate-button').click();
        await waitUntil(() => notice(el) === words, 'message shown');
        await said(el, words);
        expect(el.value).to.equal(undefined);
        expect(button(el, 'locate-button').disabled).to.be.false;
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('use my location in a browser without geolocation', () => {
    it('says so and points to the other ways', async () => {
      Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
      restoreGeolocation = () => delete (navigator as { geolocation?: Geolocation }).geolocation;
      const el = await picker();
      button(el, 'locate-button').click();
      await el.updateComplete;
      expect(notice(el)).to.equal("This browser can't share your location. Type the address or choose the place on the map instead.");
    });
  });

  describe('outside the city (bounds)', () => {
    it('refuses a point outside bounds with a clear inline message, and is invalid', async () => {
      restoreGeolocation = stubGeolocation(NEW_YORK);
      const el = await picker();
      button(el, 'locate-button').click();
      await waitUntil(() => inlineError(el), 'inline error', { timeout: 10_000 });
      const message = 'The place you chose is outside the city. Choose a place inside the city limits.';
      expect(inlineError(el)).to.equal(`Error: ${message}`);
      expect(el.validity.customError).to.be.true;
      expect(el.validationMessage).to.equal(message);
      expect(el.checkValidity()).to.be.false;
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      expect(input(el).getAttribute('aria-describedby')).to.contain('address-error');
      await waitUntil(() => spoken(el).endsWith(message), 'announced with the message', { timeout: 10_000 });
      expect(root(el).querySelector('.point')!.textContent).to.equal('Pin at 40.7128, -74.006');
      await expect(el).to.be.accessible();
    });

    it('accepts any point when no bounds are set', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker></civic-location-picker>`);
      el.value = { lat: NEW_YORK.latitude, long: NEW_YORK.longitude };
      await el.updateComplete;
      expect(el.checkValidity()).to.be.true;
      expect(inlineError(el)).to.equal(undefined);
    });
  });

  describe('the map, when its tiles cannot load', () => {
    it('a tile URL that 404s: says so and points to typing the address, which still works', async () => {
      const el = await fixture<CivicLocationPicker>(
        html`<civic-location-picker geocoder-url=${GEOCODER} bounds=${BOUNDS} tile-url=${`${BACKEND_URL}/no-such-tiles/{z}/{x}/{y}.png`}></civic-location-picker>`,
      );
      button(el, 'map-button').click();
      await waitUntil(() => notice(el), 'the failure said', { timeout: 15_000 });
      expect(notice(el)).to.equal("The map couldn't load. Type the address or use your location instead.");
      await said(el, "The map couldn't load. Type the address or use your location instead.");
      await expect(el).to.be.accessible();
      type(el, 'Laurel Street');
      await suggestionsShown(el);
    });
  });

  describe('the map', () => {
    it('is not loaded until the resident asks for it, then is keyboard operable and accessible', async () => {
      const [place] = await truth.search('Laurel Street', { limit: 1 });
      const el = await picker();
      el.value = { lat: place!.lat, long: place!.long, address: place!.displayName };
      await el.updateComplete;
      expect(root(el).querySelector('.map')).to.equal(null);
      expect(button(el, 'map-button').getAttribute('aria-expanded')).to.equal('false');
      const map = await openMap(el);
      expect(button(el, 'map-button').getAttribute('aria-expanded')).to.equal('true');
      expect(button(el, 'map-button').textContent!.trim()).to.equal('Hide map');
      expect(map.getAttribute('role')).to.equal('application');
      expect(map.getAttribute('tabindex')).to.equal('0');
      expect(root(el).querySelector('.leaflet-control-attribution a[href*="openstreetmap.org/copyright"]')).to.exist;
      expect(getComputedStyle(root(el).querySelector('.leaflet-control-attribution a')!).textDecorationLine).to.equal('underline');
      await expect(el).to.be.accessible();

      map.focus();
      for (let i = 0; i < 3; i++) press(map, 'ArrowRight');
      press(map, 'ArrowUp');
      expect(el.value?.lat).to.equal(place!.lat);
      const event = chosen(el);
      press(map, 'Enter');
      const point = await event;
      expect(point!.long).to.be.greaterThan(place!.long);
      expect(point!.lat).to.be.greaterThan(place!.lat);
      await waitUntil(() => el.value?.address, 'reverse geocoded', { timeout: 10_000 });
      const named = await truth.reverse(el.value!.lat!, el.value!.long!);
      expect(el.value!.address).to.equal(shortAddress(named!));
      expect(input(el).value).to.equal(shortAddress(named!));
      await said(el, `Chosen location: ${shortAddress(named!)}`);
    });

    it('moves the pin where the map is clicked and chooses that place', async () => {
      const [place] = await truth.search('Pearl Street', { limit: 1 });
      const el = await picker();
      el.value = { lat: place!.lat, long: place!.long, address: place!.displayName };
      const map = await openMap(el);
      const box = map.getBoundingClientRect();
      const event = chosen(el);
      const at = { clientX: box.left + box.width * 0.75, clientY: box.top + box.height * 0.5, bubbles: true, cancelable: true, view: window };
      map.dispatchEvent(new MouseEvent('mousedown', at));
      map.dispatchEvent(new MouseEvent('mouseup', at));
      map.dispatchEvent(new MouseEvent('click', at));
      const point = await event;
      expect(point!.long).to.be.greaterThan(place!.long);
      expect(point!.lat).to.be.closeTo(place!.lat, 0.0005);
      const pin = root(el).querySelector<HTMLElement>('.leaflet-marker-icon')!.getBoundingClientRect();
      expect(pin.left + pin.width / 2).to.be.closeTo(at.clientX, 2);
    });

    it('says so when the map\'s tiles cannot load, and points to the ways that still work', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker tile-url="http://127.0.0.1:9/{z}/{x}/{y}.png" bounds=${BOUNDS}></civic-location-picker>`);
      await openMap(el);
      await waitUntil(() => notice(el), 'tile failure told', { timeout: 15_000 });
      expect(notice(el)).to.equal("The map couldn't load. Type the address or use your location instead.");
      await said(el, "The map couldn't load. Type the address or use your location instead.");
      expect(input(el).disabled).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('hides and shows again without reloading', async () => {
      const el = await picker();
      const map = await openMap(el);
      button(el, 'map-button').click();
      await el.updateComplete;
      expect(root(el).querySelector<HTMLElement>('.map-panel')!.hidden).to.be.true;
      expect(button(el, 'map-button').getAttribute('aria-expanded')).to.equal('false');
      button(el, 'map-button').click();
      await el.updateComplete;
      expect(root(el).querySelector<HTMLElement>('.map-panel')!.hidden).to.be.false;
      expect(root(el).querySelector('.map')).to.equal(map);
    });

    it('refuses a pin dropped outside the city', async () => {
      const el = await picker({ bounds: '-72.70,41.75,-72.69,41.76' });
      el.value = { lat: 41.755, long: -72.695 };
      const map = await openMap(el);
      map.focus();
      for (let i = 0; i < 20; i++) press(map, 'ArrowRight');
      press(map, 'Enter');
      await waitUntil(() => inlineError(el), 'inline error', { timeout: 10_000 });
      expect(el.validity.customError).to.be.true;
      await expect(el).to.be.accessible();
    });
  });

  describe('in a plain <form>', () => {
    async function inForm(attrs: { geocoder?: boolean } = {}) {
      const form = await fixture<HTMLFormElement>(html`<form>
        <civic-location-picker name="where" required geocoder-url=${attrs.geocoder === false ? '' : GEOCODER} tile-url=${TILE}></civic-location-picker>
        <button>Send</button>
      </form>`);
      const el = form.querySelector('civic-location-picker')!;
      await el.updateComplete;
      let submitted = 0;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted++;
      });
      return { form, el, submitted: () => submitted };
    }

    it('blocks submission while required and empty, and says what to do inline', async () => {
      const { form, el, submitted } = await inForm();
      expect(el.form).to.equal(form);
      form.requestSubmit();
      await el.updateComplete;
      expect(submitted()).to.equal(0);
      expect(el.validity.valueMissing).to.be.true;
      expect(inlineError(el)).to.equal('Error: Enter an address, use your location, or choose the place on the map');
      expect(root(el).querySelector('label')!.textContent!.trim()).to.equal('Address or place');
      expect(input(el).getAttribute('aria-required')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('asks for a choice from the list when an address was typed but not chosen', async () => {
      const { form, el, submitted } = await inForm();
      type(el, 'Main St');
      form.requestSubmit();
      await el.updateComplete;
      expect(submitted()).to.equal(0);
      expect(inlineError(el)).to.equal('Error: Choose an address from the list, or choose the place on the map');
    });

    it('submits <name>[lat], [long] and [address] once a place is chosen, and reset clears them', async () => {
      const { form, el, submitted } = await inForm();
      type(el, 'Sigourney');
      await suggestionsShown(el);
      press(input(el), 'ArrowDown');
      press(input(el), 'Enter');
      await el.updateComplete;
      const value = el.value!;
      const data = new FormData(form);
      expect(data.get('where[lat]')).to.equal(String(value.lat));
      expect(data.get('where[long]')).to.equal(String(value.long));
      expect(data.get('where[address]')).to.equal(value.address);
      form.requestSubmit();
      expect(submitted()).to.equal(1);
      expect(inlineError(el)).to.equal(undefined);

      const event = chosen(el);
      form.reset();
      expect(await event).to.equal(undefined);
      await el.updateComplete;
      expect(el.value).to.equal(undefined);
      expect(input(el).value).to.equal('');
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      expect(el.validity.valueMissing).to.be.true;
    });

    it('reset also clears an address typed but not chosen, and its suggestions', async () => {
      const { form, el } = await inForm();
      type(el, 'Main St');
      await suggestionsShown(el);
      form.reset();
      await el.updateComplete;
      expect(input(el).value).to.equal('');
      expect(listbox(el).hidden).to.be.true;
      expect(options(el)).to.have.length(0);
    });

    it('submits the typed address alone, and is valid, when the geocoder is down', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <civic-location-picker name="where" required geocoder-url="http://127.0.0.1:9/geocode"></civic-location-picker>
      </form>`);
      let submitted = 0;
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted++;
      });
      const el = form.querySelector('civic-location-picker')!;
      type(el, '12 Elm Row, behind the library');
      await waitUntil(() => el.value, 'typed address kept', { timeout: 10_000 });
      await el.updateComplete;
      expect([...new FormData(form)]).to.deep.equal([['where[address]', '12 Elm Row, behind the library']]);
      expect(el.validity.valid).to.be.true;
      form.requestSubmit();
      expect(submitted).to.equal(1);
      expect(inlineError(el)).to.equal(undefined);
    });

    it('submits a typed address alone when no geocoder is configured', async () => {
      const { form, el, submitted } = await inForm({ geocoder: false });
      type(el, '12 Elm Row, behind the library');
      await el.updateComplete;
      expect([...new FormData(form)]).to.deep.equal([['where[address]', '12 Elm Row, behind the library']]);
      form.requestSubmit();
      expect(submitted()).to.equal(1);
    });

    it('is left out of the form and inert while disabled, by itself or by its fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled>
        <civic-location-picker name="where"></civic-location-picker>
      </fieldset></form>`);
      const el = form.querySelector('civic-location-picker')!;
      el.value = { lat: 41.76, long: -72.68, address: 'A' };
      await el.updateComplete;
      expect(input(el).disabled).to.be.true;
      expect(button(el, 'locate-button').disabled).to.be.true;
      expect(button(el, 'map-button').disabled).to.be.true;
      expect([...new FormData(form).keys()]).to.deep.equal([]);
      form.querySelector('fieldset')!.disabled = false;
      el.disabled = true;
      await el.updateComplete;
      expect(input(el).disabled).to.be.true;
      el.disabled = false;
      await waitUntil(() => !input(el).disabled, 'enabled again');
      expect([...new FormData(form).keys()]).to.deep.equal(['where[lat]', 'where[long]', 'where[address]']);
    });
  });

  describe('form association, like a native input', () => {
    /** A real form with the picker, a submit button, and a count of submits that got through. */
    async function form(picker = html`<civic-location-picker id="where" name="where" geocoder-url=${GEOCODER} tile-url=${TILE}></civic-location-picker>`) {
      const f = await fixture<HTMLFormElement>(html`<form>${picker}<button>Send</button></form>`);
      const el = f.querySelector('civic-location-picker')!;
      await el.updateComplete;
      let submits = 0;
      f.addEventListener('submit', (e) => {
        e.preventDefault();
        submits++;
      });
      return { f, el, submits: () => submits };
    }
    const entries = (f: HTMLFormElement) => [...new FormData(f)];
    /** Every `input` and `change` the page sees, in order. */
    function recordEvents(target: EventTarget) {
      const seen: Array<{ type: string; composed: boolean; bubbles: boolean }> = [];
      for (const type of ['input', 'change']) target.addEventListener(type, (e) => seen.push({ type, composed: e.composed, bubbles: e.bubbles }));
      return seen;
    }

    it('has the form surface of an input: form, name, labels, willValidate', async () => {
      const { f, el } = await form();
      expect(el.form).to.equal(f);
      expect(el.name).to.equal('where');
      expect(el.willValidate).to.be.true;
      expect(el.labels).to.have.length(0);
      expect(f.elements.namedItem('where')).to.equal(el);
    });

    it('sets the form value and validity at once, before any render: typed, set by script, cleared', async () => {
      const { f, el } = await form(html`<civic-location-picker name="where" required></civic-location-picker>`);
      expect(el.validity.valueMissing).to.be.true;
      type(el, '12 Elm Row');
      // No await: what a submit handler reading the form right after the keystroke would see.
      expect(entries(f)).to.deep.equal([['where[address]', '12 Elm Row']]);
      expect(el.validity.valid).to.be.true;
      el.value = { lat: 41.7637, long: -72.6851, address: '550 Main Street' };
      expect(entries(f)).to.deep.equal([
        ['where[lat]', '41.7637'],
        ['where[long]', '-72.6851'],
        ['where[address]', '550 Main Street'],
      ]);
      el.value = undefined;
      expect(entries(f)).to.deep.equal([]);
      expect(el.validity.valueMissing).to.be.true;
      el.required = false;
      expect(el.validity.valid).to.be.true;
      el.required = true;
      expect(el.validity.valueMissing).to.be.true;
      expect(el.validationMessage).to.equal('Enter an address, use your location, or choose the place on the map');
      el.value = { address: '9 Vine Street' };
      el.name = 'place';
      expect(entries(f)).to.deep.equal([['place[address]', '9 Vine Street']]);
      el.disabled = true;
      expect(el.willValidate).to.be.false;
      expect(entries(f)).to.deep.equal([]);
    });

    it('sets the form value at once when a suggestion is picked', async () => {
      const { f, el } = await form();
      type(el, 'Sigourney');
      await suggestionsShown(el);
      press(input(el), 'ArrowDown');
      press(input(el), 'Enter');
      const value = el.value!;
      expect(value.lat).to.be.a('number');
      expect(entries(f)).to.deep.equal([
        ['where[lat]', String(value.lat)],
        ['where[long]', String(value.long)],
        ['where[address]', value.address],
      ]);
    });

    it('sets the form value at once when geolocated, and again when the address arrives', async () => {
      const [place] = await truth.search('Vine Street', { limit: 1 });
      restoreGeolocation = stubGeolocation({ latitude: place!.lat, longitude: place!.long });
      const { f, el } = await form();
      const formAtEachChange: string[][] = [];
      el.addEventListener('change', () => formAtEachChange.push([...new FormData(f).keys()]));
      button(el, 'locate-button').click();
      await waitUntil(() => formAtEachChange.length === 2, 'point, then its address', { timeout: 10_000 });
      expect(formAtEachChange).to.deep.equal([
        ['where[lat]', 'where[long]'],
        ['where[lat]', 'where[long]', 'where[address]'],
      ]);
      expect(new FormData(f).get('where[address]')).to.equal(shortAddress(place!));
    });

    it('blocks submit while required and empty (valueMissing), and lets it through once a place is chosen', async () => {
      const { f, el, submits } = await form(html`<civic-location-picker name="where" required geocoder-url=${GEOCODER}></civic-location-picker>`);
      let invalid = 0;
      el.addEventListener('invalid', () => invalid++);
      f.requestSubmit();
      expect(submits()).to.equal(0);
      expect(invalid).to.equal(1);
      expect(el.checkValidity()).to.be.false;
      expect(root(el).activeElement).to.equal(input(el));
      el.value = { lat: 41.7637, long: -72.6851, address: '550 Main Street' };
      f.requestSubmit();
      expect(submits()).to.equal(1);
    });

    it('setCustomValidity works as on an input: customError, its message, submit blocked, shown inline, cleared by ""', async () => {
      const { f, el, submits } = await form();
      el.value = { lat: 41.7637, long: -72.6851, address: '550 Main Street' };
      el.setCustomValidity('We already have a report at this address');
      expect(el.validity.customError).to.be.true;
      expect(el.validity.valid).to.be.false;
      expect(el.validationMessage).to.equal('We already have a report at this address');
      expect(el.checkValidity()).to.be.false;
      // checkValidity fires `invalid` too (as on an input), so the message shows inline.
      await el.updateComplete;
      expect(inlineError(el)).to.equal('Error: We already have a report at this address');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      f.requestSubmit();
      expect(submits()).to.equal(0);
      // The page's message stays through edits, as on an input, until the page clears it.
      el.value = { lat: 41.77, long: -72.67, address: '1 Main Street' };
      expect(el.validity.customError).to.be.true;
      el.setCustomValidity('');
      expect(el.validity.valid).to.be.true;
      expect(el.validationMessage).to.equal('');
      await el.updateComplete;
      expect(inlineError(el)).to.equal(undefined);
      f.requestSubmit();
      expect(submits()).to.equal(1);
    });

    it('the page\'s custom message wins over the picker\'s own, while both flags stand', async () => {
      const { el } = await form(html`<civic-location-picker name="where" required></civic-location-picker>`);
      el.setCustomValidity('Tell us where the bin is');
      expect(el.validity.valueMissing).to.be.true;
      expect(el.validity.customError).to.be.true;
      expect(el.validationMessage).to.equal('Tell us where the bin is');
    });

    it('reportValidity() fires invalid, shows the message and moves focus to the address input', async () => {
      const { el } = await form(html`<civic-location-picker name="where" required></civic-location-picker>`);
      const other = document.createElement('button');
      document.body.append(other);
      other.focus();
      const invalid = oneEvent(el, 'invalid');
      expect(el.reportValidity()).to.be.false;
      await invalid;
      expect(document.activeElement).to.equal(el);
      expect(root(el).activeElement).to.equal(input(el));
      await el.updateComplete;
      expect(inlineError(el)).to.equal('Error: Enter an address, use your location, or choose the place on the map');
      other.remove();
      type(el, 'By the bus shelter');
      expect(el.reportValidity()).to.be.true;
    });

    it('a <label for> outside names the address input and focuses it when clicked', async () => {
      const f = await fixture<HTMLFormElement>(html`<form>
        <label for="spot">Where is the broken streetlight?</label>
        <civic-location-picker id="spot" name="spot"></civic-location-picker>
      </form>`);
      const el = f.querySelector('civic-location-picker')!;
      const label = f.querySelector('label')!;
      await el.updateComplete;
      expect([...el.labels]).to.deep.equal([label]);
      // One label: the page's; the picker's own default label gives way.
      expect(root(el).querySelector('label')).to.equal(null);
      expect(input(el).getAttribute('aria-label')).to.equal('Where is the broken streetlight?');
      label.click();
      expect(document.activeElement).to.equal(el);
      expect(root(el).activeElement).to.equal(input(el));
      await expect(el).to.be.accessible();
      await expect(f).to.be.accessible();
    });

    it('reset clears the value and the form entries, and fires no input or change', async () => {
      const { f, el } = await form();
      const seen = recordEvents(el);
      el.value = { lat: 41.7637, long: -72.6851, address: '550 Main Street' };
      f.reset();
      expect(el.value).to.equal(undefined);
      expect(entries(f)).to.deep.equal([]);
      await el.updateComplete;
      expect(input(el).value).to.equal('');
      expect(seen).to.deep.equal([]);
    });

    it('comes back from the browser\'s form state restore, with no event', async () => {
      const { f, el } = await form();
      const seen = recordEvents(el);
      const saved = new FormData();
      saved.append('where[lat]', '41.7637');
      saved.append('where[long]', '-72.6851');
      saved.append('where[address]', '550 Main Street');
      el.formStateRestoreCallback(saved);
      expect(el.value).to.deep.equal({ lat: 41.7637, long: -72.6851, address: '550 Main Street' });
      expect(new FormData(f).get('where[address]')).to.equal('550 Main Street');
      await el.updateComplete;
      expect(input(el).value).to.equal('550 Main Street');
      expect(seen).to.deep.equal([]);
    });

    it('a disabled fieldset disables it (formDisabledCallback): left out of the form and of validation', async () => {
      const f = await fixture<HTMLFormElement>(html`<form><fieldset><civic-location-picker name="where" required></civic-location-picker></fieldset></form>`);
      const el = f.querySelector('civic-location-picker')!;
      await el.updateComplete;
      el.value = { address: 'A' };
      f.querySelector('fieldset')!.disabled = true;
      expect(el.willValidate).to.be.false;
      expect(entries(f)).to.deep.equal([]);
      await waitUntil(() => input(el).disabled, 'inner input disabled');
      f.querySelector('fieldset')!.disabled = false;
      expect(el.willValidate).to.be.true;
      await waitUntil(() => !input(el).disabled, 'enabled again');
      expect(entries(f)).to.deep.equal([['where[address]', 'A']]);
    });

    describe('input and change events, seen from outside a shadow root', () => {
      /** The picker inside another element's shadow root, as a widget that embeds it has it. */
      async function embedded(geocoder: boolean) {
        const outer = await fixture<HTMLElement>(html`<div></div>`);
        const shadow = outer.attachShadow({ mode: 'open' });
        const el = document.createElement('civic-location-picker');
        if (geocoder) el.geocoderUrl = GEOCODER;
        el.tileUrl = TILE;
        shadow.append(el);
        await el.updateComplete;
        return { outer, el, seen: recordEvents(outer) };
      }
      const composedBubbling = (type: string) => ({ type, composed: true, bubbles: true });

      it('typing fires input at each keystroke, and change once when the resident leaves the input', async () => {
        const { el, seen } = await embedded(false);
        type(el, '12 Elm');
        type(el, '12 Elm Row');
        expect(seen).to.deep.equal([composedBubbling('input'), composedBubbling('input')]);
        input(el).dispatchEvent(new Event('change', { bubbles: true }));
        expect(seen.slice(2)).to.deep.equal([composedBubbling('change')]);
        // Leaving again without an edit: no second change.
        input(el).dispatchEvent(new Event('change', { bubbles: true }));
        expect(seen).to.have.length(3);
      });

      it('really leaving the input after typing fires change, with the value already set', async () => {
        const { el, outer, seen } = await embedded(false);
        const values: unknown[] = [];
        outer.addEventListener('change', () => values.push(el.value));
        input(el).focus();
        // Real typing: the browser's own input event, which leaves the shadow root by itself.
        document.execCommand('insertText', false, '4 Oak Lane');
        expect(seen).to.deep.equal([composedBubbling('input')]);
        expect(el.value).to.deep.equal({ address: '4 Oak Lane' });
        input(el).blur();
        expect(values).to.deep.equal([{ address: '4 Oak Lane' }]);
      });

      it('choosing a suggestion fires input then change; script and reset fire neither', async () => {
        const { el, seen } = await embedded(true);
        type(el, 'Sigourney');
        await suggestionsShown(el);
        seen.length = 0;
        press(input(el), 'ArrowDown');
        press(input(el), 'Enter');
        expect(seen).to.deep.equal([composedBubbling('input'), composedBubbling('change')]);
        seen.length = 0;
        el.value = { address: 'Set by script' };
        el.formResetCallback();
        expect(seen).to.deep.equal([]);
      });

      it('a map click fires input then change', async () => {
        const { el, seen } = await embedded(false);
        const map = await openMap(el);
        const box = map.getBoundingClientRect();
        const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true, view: window };
        for (const type of ['mousedown', 'mouseup', 'click']) map.dispatchEvent(new MouseEvent(type, at));
        await waitUntil(() => el.value, 'point chosen');
        expect(seen).to.deep.equal([composedBubbling('input'), composedBubbling('change')]);
        expect(el.value!.lat).to.be.a('number');
      });
    });
  });

  describe('an error set by the host form', () => {
    it('shows it inline with "Error:", links it to the input, and focus() lands on the input', async () => {
      const el = await picker();
      el.error = 'Enter where the problem is';
      await el.updateComplete;
      expect(inlineError(el)).to.equal('Error: Enter where the problem is');
      expect(input(el).getAttribute('aria-describedby')!.split(' ')).to.include('address-error');
      expect(input(el).getAttribute('aria-invalid')).to.equal('true');
      el.focus();
      expect(root(el).activeElement).to.equal(input(el));
      expect(document.activeElement).to.equal(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('value set by script (a restored draft)', () => {
    it('shows the address, fills the form, and fires no event', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><civic-location-picker name="where"></civic-location-picker></form>`);
      const el = form.querySelector('civic-location-picker')!;
      let events = 0;
      el.addEventListener('civic-location-change', () => events++);
      el.value = { lat: 41.7637, long: -72.6851, address: '550 Main Street' };
      await el.updateComplete;
      expect(input(el).value).to.equal('550 Main Street');
      expect(new FormData(form).get('where[address]')).to.equal('550 Main Street');
      expect(events).to.equal(0);
    });
  });

  describe('inside a host that binds .value to each change', () => {
    it('does not restart when the host hands the same place back, so the address lookup still arrives', async () => {
      const [place] = await truth.search('Vine Street', { limit: 1 });
      restoreGeolocation = stubGeolocation({ latitude: place!.lat, longitude: place!.long });
      const el = await picker();
      el.addEventListener('civic-location-change', (e) => {
        const value = e.detail.value;
        el.value = value ? { ...value } : undefined;
      });
      button(el, 'locate-button').click();
      await waitUntil(() => el.value?.address, 'address looked up', { timeout: 10_000 });
      expect(el.value!.address).to.equal(shortAddress(place!));
      expect(input(el).value).to.equal(shortAddress(place!));
    });
  });

  describe('in Spanish', () => {
    it('speaks Spanish from the nearest lang', async () => {
      const wrapper = await fixture(html`<div lang="es"><civic-location-picker geocoder-url=${GEOCODER} required></civic-location-picker></div>`);
      const el = wrapper.querySelector('civic-location-picker')!;
      await el.updateComplete;
      expect(root(el).querySelector('label')!.textContent!.trim()).to.equal('Dirección o lugar');
      expect(button(el, 'locate-button').textContent!.trim()).to.equal('Usar mi ubicación');
      expect(button(el, 'map-button').textContent!.trim()).to.equal('Ver en el mapa');
      expect(el.validationMessage).to.equal('Escriba una dirección, use su ubicación o elija el lugar en el mapa');
      type(el, 'Main St');
      await suggestionsShown(el);
      await said(el, `Se encontraron ${options(el).length} direcciones`);
      await expect(el).to.be.accessible();
    });

    it('says in Spanish that a typed address is used as typed', async () => {
      const wrapper = await fixture(html`<div lang="es"><civic-location-picker geocoder-url="http://127.0.0.1:9/geocode"></civic-location-picker></div>`);
      const el = wrapper.querySelector('civic-location-picker')!;
      type(el, 'Calle Elm 12');
      await waitUntil(() => el.value, 'typed address kept', { timeout: 10_000 });
      await el.updateComplete;
      expect(notice(el)).to.equal('No pudimos encontrar esta dirección en el mapa. La ciudad la usará tal como la escribió.');
    });

    it('puts Leaflet\'s own controls in the widget\'s language, and follows a live switch', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="es-MX"><civic-location-picker tile-url=${TILE} bounds=${BOUNDS}></civic-location-picker></div>`);
      const el = wrapper.querySelector('civic-location-picker')!;
      await el.updateComplete;
      const map = await openMap(el);
      const zoomIn = map.querySelector<HTMLElement>('.leaflet-control-zoom-in')!;
      const zoomOut = map.querySelector<HTMLElement>('.leaflet-control-zoom-out')!;
      const leaflet = () => map.querySelector<HTMLAnchorElement>('.leaflet-control-attribution a[href="https://leafletjs.com"]')!;
      expect([zoomIn.title, zoomIn.getAttribute('aria-label'), zoomOut.title, zoomOut.getAttribute('aria-label')]).to.deep.equal(['Acercar', 'Acercar', 'Alejar', 'Alejar']);
      expect(leaflet().title).to.equal('Leaflet, una biblioteca JavaScript para mapas interactivos');
      const credit = () => map.querySelector('.leaflet-control-attribution')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(credit()).to.equal('Leaflet | © colaboradores de OpenStreetMap');
      await expect(el).to.be.accessible();
      wrapper.setAttribute('lang', 'en');
      await waitUntil(() => zoomIn.title === 'Zoom in', 'relabelled in English');
      expect(zoomOut.getAttribute('aria-label')).to.equal('Zoom out');
      expect(leaflet().title).to.equal('Leaflet, a JavaScript library for interactive maps');
      expect(credit()).to.equal('Leaflet | © OpenStreetMap contributors');
    });
  });

  describe('theme', () => {
    it('takes the map height and the highlight colour from tokens set by the page', async () => {
      const wrapper = await fixture(html`<div style="--civic-location-picker-map-height: 12rem; --civic-color-primary: rgb(122, 31, 61)">
        <civic-location-picker geocoder-url=${GEOCODER} tile-url=${TILE}></civic-location-picker>
      </div>`);
      const el = wrapper.querySelector('civic-location-picker')!;
      await el.updateComplete;
      type(el, 'Main St');
      await suggestionsShown(el);
      press(input(el), 'ArrowDown');
      await el.updateComplete;
      expect(getComputedStyle(options(el)[0]!).backgroundColor).to.equal('rgb(122, 31, 61)');
      const map = await openMap(el);
      expect(map.getBoundingClientRect().height).to.equal(12 * parseFloat(getComputedStyle(document.documentElement).fontSize));
    });
  });

  describe('label and hint', () => {
    it('uses the page\'s own words when given', async () => {
      const el = await fixture<CivicLocationPicker>(html`<civic-location-picker label="Where is the pothole?" hint="The nearest address is fine"></civic-location-picker>`);
      expect(root(el).querySelector('label')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Where is the pothole? (optional)');
      expect(root(el).querySelector('.civic-hint')!.textContent).to.equal('The nearest address is fine');
    });
  });
});

