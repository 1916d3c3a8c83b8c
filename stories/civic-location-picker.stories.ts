import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { CivicLocationPicker, type LocationGeocoder } from '../src/define/civic-location-picker.js';
import type { GeocodeResult } from '../src/api/geocoder.js';
import { NetworkError } from '../src/api/errors.js';
import { defineElement } from '../src/core/define.js';

// Storybook's build tree-shakes src/define imports; register explicitly (as the civic-hall stories do).
defineElement('civic-location-picker', CivicLocationPicker);

/**
 * Where is it? A typed address with suggestions, "Use my location", or a pin on a map that loads
 * only when opened. On a city page it takes `geocoder-url` from `<civic-hall>`; these stories plug
 * in a small sample geocoder through the `geocoder` property, so each state shows without a server.
 * The map uses OpenStreetMap's tiles, so it needs the internet.
 */
const meta: Meta = {
  title: 'Widgets/civic-location-picker',
  component: 'civic-location-picker',
};
export default meta;
type Story = StoryObj;

const HARTFORD = '-72.72,41.72,-72.66,41.81';

const place = (houseNumber: string, road: string, lat: number, long: number): GeocodeResult => ({
  lat,
  long,
  displayName: `${houseNumber}, ${road}, Hartford, Connecticut, 06103, United States`,
  address: { houseNumber, road, city: 'Hartford', state: 'Connecticut', postcode: '06103', country: 'United States', countryCode: 'us' },
});

const samplePlaces: GeocodeResult[] = [
  place('481', 'Main Street', 41.756758, -72.674558),
  place('625', 'Main Street', 41.759061, -72.674337),
  place('770', 'Main Street', 41.761399, -72.674118),
  place('110', 'Pearl Street', 41.766962, -72.676967),
  place('240', 'Trumbull Street', 41.766021, -72.677011),
];

/** Matches every word typed against the sample places; reverse answers the nearest. */
const sampleGeocoder: LocationGeocoder = {
  async search(q) {
    const words = q.toLowerCase().split(/\W+/).filter(Boolean);
    return samplePlaces.filter((p) => words.every((w) => p.displayName.toLowerCase().includes(w)));
  },
  async reverse(lat, long) {
    const distance = (p: GeocodeResult) => (p.lat - lat) ** 2 + (p.long - long) ** 2;
    return [...samplePlaces].sort((a, b) => distance(a) - distance(b))[0];
  },
};

const downGeocoder: LocationGeocoder = {
  search: async () => {
    throw new NetworkError();
  },
  reverse: async () => {
    throw new NetworkError();
  },
};

/** Types into the picker the way a resident would, so the story opens in that state. */
const typeInto = (text: string) => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const picker = canvasElement.querySelector('civic-location-picker')!;
  await picker.updateComplete;
  const input = picker.shadowRoot!.querySelector('input')!;
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};

export const Empty: Story = {
  render: () => html`<civic-location-picker bounds=${HARTFORD} .geocoder=${sampleGeocoder}></civic-location-picker>`,
};

/** Suggestions, then "Use … as typed" for an address the geocoder only nearly knows. */
export const SuggestionsOpen: Story = {
  render: () => html`<civic-location-picker bounds=${HARTFORD} .geocoder=${sampleGeocoder}></civic-location-picker>`,
  play: typeInto('Main'),
};

/** Nothing matched: the address is kept exactly as typed, and the resident is told the city will use it. */
export const NoAddressFound: Story = {
  render: () => html`<civic-location-picker bounds=${HARTFORD} .geocoder=${sampleGeocoder}></civic-location-picker>`,
  play: typeInto('Zzyzx Road'),
};

/** The geocoder is down (or slower than 6 s): typing still works, the same way as when nothing matched. */
export const AddressSearchDown: Story = {
  render: () => html`<civic-location-picker bounds=${HARTFORD} .geocoder=${downGeocoder}></civic-location-picker>`,
  play: typeInto('Main'),
};

export const Chosen: Story = {
  render: () =>
    html`<civic-location-picker
      bounds=${HARTFORD}
      .geocoder=${sampleGeocoder}
      .value=${{ lat: samplePlaces[3]!.lat, long: samplePlaces[3]!.long, address: samplePlaces[3]!.displayName }}
    ></civic-location-picker>`,
};

export const PinWithoutAddress: Story = {
  render: () => html`<civic-location-picker bounds=${HARTFORD} .geocoder=${sampleGeocoder} .value=${{ lat: 41.7637, long: -72.6851 }}></civic-location-picker>`,
};

export const ErrorFromHostForm: Story = {
  render: () =>
    html`<civic-location-picker required bounds=${HARTFORD} .geocoder=${sampleGeocoder} error="Enter where the problem is"></civic-location-picker>`,
};

export const OutsideTheCity: Story = {
  render: () =>
    html`<civic-location-picker bounds=${HARTFORD} .geocoder=${sampleGeocoder} .value=${{ lat: 40.7128, long: -74.006 }}></civic-location-picker>`,
};

export const MapOpen: Story = {
  render: () =>
    html`<civic-location-picker
      bounds=${HARTFORD}
      .geocoder=${sampleGeocoder}
      .value=${{ lat: samplePlaces[0]!.lat, long: samplePlaces[0]!.long, address: samplePlaces[0]!.displayName }}
    ></civic-location-picker>`,
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('civic-location-picker')!;
    await picker.updateComplete;
    picker.shadowRoot!.querySelector<HTMLButtonElement>('[part=map-button]')!.click();
  },
};

export const FreeTextWithoutGeocoder: Story = {
  render: () => html`<civic-location-picker bounds=${HARTFORD}></civic-location-picker>`,
};

export const InAPlainForm: Story = {
  render: () => html`<form
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const out = (e.target as HTMLFormElement).querySelector('output')!;
      out.value = JSON.stringify([...new FormData(e.target as HTMLFormElement)]);
    }}
  >
    <civic-location-picker name="where" required bounds=${HARTFORD} .geocoder=${sampleGeocoder} label="Where is the problem?"></civic-location-picker>
    <p><button>Continue</button> <button type="reset">Start again</button></p>
    <output></output>
  </form>`,
};

/**
 * Named by the page's own `<label for>` (the picker's default label gives way to it), with the
 * page's own rule through `setCustomValidity`: submitting shows its message inline and focuses the
 * address input, as a native input would.
 */
export const PageLabelAndCustomValidity: Story = {
  render: () => html`<form
    @submit=${(e: SubmitEvent) => e.preventDefault()}
  >
    <label for="bin-spot">Where should the crew collect the bulky item?</label>
    <civic-location-picker
      id="bin-spot"
      name="spot"
      bounds=${HARTFORD}
      .geocoder=${sampleGeocoder}
      .value=${{ lat: samplePlaces[1]!.lat, long: samplePlaces[1]!.long, address: '625 Main Street' }}
    ></civic-location-picker>
    <p><button>Book collection</button></p>
  </form>`,
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('civic-location-picker')!;
    await picker.updateComplete;
    picker.setCustomValidity('We already have a collection booked at 625 Main Street this week');
    picker.reportValidity();
  },
};

export const Disabled: Story = {
  render: () => html`<civic-location-picker disabled .geocoder=${sampleGeocoder} .value=${{ address: 'Corner of Main and Pearl' }}></civic-location-picker>`,
};

export const Spanish: Story = {
  render: () => html`<div lang="es"><civic-location-picker required bounds=${HARTFORD} .geocoder=${sampleGeocoder}></civic-location-picker></div>`,
  play: typeInto('Main'),
};

export const Themed: Story = {
  render: () => html`<div class="city-brand">
    <style>
      .city-brand {
        font-family: Georgia, serif;
        --civic-color-primary: #7a1f3d;
        --civic-radius: 0;
        --civic-location-picker-map-height: 14rem;
      }
    </style>
    <civic-location-picker bounds=${HARTFORD} .geocoder=${sampleGeocoder} label="Where did you see it?"></civic-location-picker>
  </div>`,
  play: typeInto('Street'),
};
