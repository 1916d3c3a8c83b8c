import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/define/civic-request-map.js';
import type { CivicBackend } from '../src/api/backend.js';
import { NetworkError } from '../src/api/errors.js';
import type { RequestsQuery, ServiceRequest } from '../src/api/types.js';
import { sampleServices } from './support/sample-backend.js';

/**
 * Public requests on a clustered map with filters, and the same requests as a table. These
 * stories plug in sample backends through the `backend` property; tiles are a plain grey
 * image so nothing is fetched from the internet.
 */
const meta: Meta = {
  title: 'Widgets/civic-request-map',
  component: 'civic-request-map',
};
export default meta;
type Story = StoryObj;

/** A grey 1×1 PNG standing in for map tiles. */
const TILE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN49uwZAAVoArMCxcTLAAAAAElFTkSuQmCC';
const HARTFORD = '-72.72,41.72,-72.64,41.80';
const STREETS = ['Main Street', 'Asylum Avenue', 'Farmington Avenue', 'Park Street', 'Broad Street', 'Zion Street'];

/** `count` requests scattered over Hartford, the same on every render (seeded). */
function sampleRequests(count: number): ServiceRequest[] {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  return Array.from({ length: count }, (_, i) => {
    const service = sampleServices[i % 4]!;
    return {
      service_request_id: String(10000 + i),
      status: random() < 0.6 ? 'open' : 'closed',
      service_code: service.service_code,
      service_name: service.service_name,
      requested_datetime: new Date(Date.UTC(2026, 9, 1) + Math.floor(random() * 50) * 86_400_000).toISOString(),
      address: `${100 + Math.floor(random() * 900)} ${STREETS[i % STREETS.length]}`,
      lat: 41.73 + random() * 0.06,
      long: -72.71 + random() * 0.06,
    };
  });
}

/** A backend offering `bbox` that answers from `requests` (filters applied like a server would). */
function requestsBackend(requests: ServiceRequest[]): CivicBackend {
  return {
    supports: async (extension: string) => extension === 'bbox' || extension === 'page',
    services: async () => sampleServices,
    requests: async (q: RequestsQuery = {}) => {
      const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
      const list = requests.filter(
        (r) =>
          r.long! >= w && r.long! <= e && r.lat! >= s && r.lat! <= n &&
          (!q.status || r.status === q.status) &&
          (!q.service_code?.length || q.service_code.includes(r.service_code!)),
      );
      const size = q.page_size ?? 1000;
      return list.slice(((q.page ?? 1) - 1) * size, (q.page ?? 1) * size);
    },
  } as unknown as CivicBackend;
}

const pending = { supports: async () => true, services: async () => sampleServices, requests: () => new Promise(() => {}) } as unknown as CivicBackend;
const down = {
  supports: async () => false,
  services: async () => {
    throw new NetworkError();
  },
  requests: async () => {
    throw new NetworkError();
  },
} as unknown as CivicBackend;

const map = (backend: CivicBackend, view = 'map') =>
  html`<civic-request-map .backend=${backend} bounds=${HARTFORD} tile-url=${TILE} tracker-url="/track.html?request={id}" view=${view}></civic-request-map>`;

export const Loading: Story = { render: () => map(pending) };

export const MapWithClusters: Story = { render: () => map(requestsBackend(sampleRequests(400))) };

export const ListView: Story = { render: () => map(requestsBackend(sampleRequests(400)), 'list') };

export const FilteredEmpty: Story = { render: () => map(requestsBackend([])) };

export const BackendDown: Story = { render: () => map(down) };

export const Spanish: Story = {
  render: () => html`<div lang="es">${map(requestsBackend(sampleRequests(400)))}</div>`,
};

export const SpanishList: Story = {
  render: () => html`<div lang="es">${map(requestsBackend(sampleRequests(400)), 'list')}</div>`,
};

/** Tiles that never arrive (offline, blocked, a wrong `tile-url`): the map says so and points to the list. */
export const StreetsUnavailable: Story = {
  render: () =>
    html`<civic-request-map .backend=${requestsBackend(sampleRequests(400))} bounds=${HARTFORD} tile-url="/no-such-tiles/{z}/{x}/{y}.png"></civic-request-map>`,
};

/** The list on a phone (320 px): one card per request, each line named by its column. */
export const ListOnAPhone: Story = {
  render: () => html`<div style="max-inline-size: 320px">${map(requestsBackend(sampleRequests(40)), 'list')}</div>`,
};
