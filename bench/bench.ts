/**
 * The benchmark page: `npm run bench` (bench/run.mjs) builds it with Vite, opens it in headless
 * Chromium and calls the functions below, one fresh page per measurement. Synthetic requests are
 * spread over a city-sized box; tiles are a 1×1 image, so nothing leaves the machine.
 */
import '../src/define/civic-request-map.js';
import type { CivicRequestMap } from '../src/components/civic-request-map/civic-request-map.js';
import type { CivicBackend } from '../src/api/backend.js';
import type { RequestsQuery, ServiceRequest } from '../src/api/types.js';
import { loadMapKit } from '../src/core/map/load.js';

const TILE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN49uwZAAVoArMCxcTLAAAAAElFTkSuQmCC';
/** Greater Hartford, a little larger than the city. */
const AREA: [number, number, number, number] = [-72.78, 41.70, -72.60, 41.84];
const BOUNDS = AREA.join(',');
const SERVICES = ['POTHOLE', 'STLIGHT', 'GRAFFITI', 'MISSEDPU', 'TREETRIM'];

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
/** After the next paint: a frame, then a task after it. */
const painted = async () => {
  await frame();
  await new Promise((r) => setTimeout(r, 0));
  return performance.now();
};

/** `n` requests with positions spread over `AREA` (seeded: the same every run). */
function synthetic(n: number): ServiceRequest[] {
  let seed = 42;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const start = Date.now() - 80 * 86_400_000;
  const out: ServiceRequest[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const code = SERVICES[i % SERVICES.length]!;
    out[i] = {
      service_request_id: String(100000 + i),
      status: random() < 0.55 ? 'open' : 'closed',
      service_code: code,
      service_name: code,
      requested_datetime: new Date(start + Math.floor(random() * 80 * 86_400_000)).toISOString(),
      address: `${1 + (i % 2000)} Main Street`,
      lat: AREA[1] + random() * (AREA[3] - AREA[1]),
      long: AREA[0] + random() * (AREA[2] - AREA[0]),
    };
  }
  return out;
}

/** An in-memory backend with `bbox` and paging, as a large city's server would answer. */
function memoryBackend(requests: ServiceRequest[]): CivicBackend & { calls: number } {
  let last: { key: string; list: ServiceRequest[] } | undefined;
  const backend = {
    calls: 0,
    supports: async (e: string) => e === 'bbox' || e === 'page',
    services: async () => SERVICES.map((c) => ({ service_code: c, service_name: c, metadata: false, keywords: [] })),
    requests: async (q: RequestsQuery = {}) => {
      backend.calls++;
      const key = JSON.stringify({ ...q, page: 0 });
      if (last?.key !== key) {
        const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
        last = { key, list: requests.filter((r) => r.long! >= w && r.long! <= e && r.lat! >= s && r.lat! <= n) };
      }
      const size = q.page_size ?? 1000;
      const page = q.page ?? 1;
      return last.list.slice((page - 1) * size, page * size);
    },
  };
  return backend as unknown as CivicBackend & { calls: number };
}

/** Median of a few runs. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface ClusteredResult {
  n: number;
  firstRenderMs: number;
  reclusterMs: number[];
  markersShown: number;
  backendCalls: number;
}

/** `<civic-request-map>` with `n` requests: time to first clustered render, then to re-cluster after zooms. */
async function clustered(n: number): Promise<ClusteredResult> {
  const requests = synthetic(n);
  const backend = memoryBackend(requests);
  // Leaflet and supercluster arrive before the clock starts: a page pays that once, and it is network, not clustering.
  await Promise.all([loadMapKit(), import('../src/core/geo/cluster.js')]);
  await painted();
  const stage = document.getElementById('stage')!;
  const t0 = performance.now();
  const el = document.createElement('civic-request-map') as CivicRequestMap;
  el.setAttribute('bounds', BOUNDS);
  el.setAttribute('tile-url', TILE);
  el.setAttribute('max-requests', String(n));
  el.backend = backend;
  stage.append(el);
  const markers = () => el.shadowRoot?.querySelectorAll('.civic-cluster, .civic-pin').length ?? 0;
  const total = () => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('.civic-cluster') ?? [])].reduce((s, c) => s + Number(c.dataset.count), 0);
  // First render: markers for every request in view (all pages loaded, indexed, drawn), painted.
  for (;;) {
    await frame();
    if (markers() > 0 && total() + el.shadowRoot!.querySelectorAll('.civic-pin').length >= n && !el.shadowRoot!.textContent!.includes('Loading')) break;
    if (performance.now() - t0 > 60_000) throw new Error('clustered map did not render in 60 s');
  }
  const firstRenderMs = (await painted()) - t0;
  const map = el.leafletMap!;
  const reclusterMs: number[] = [];
  for (const dz of [1, 1, -1, 1]) {
    await painted();
    const t = performance.now();
    map.setZoom(map.getZoom() + dz, { animate: false });
    await el.updateComplete;
    reclusterMs.push((await painted()) - t);
  }
  return { n, firstRenderMs, reclusterMs, markersShown: markers(), backendCalls: backend.calls };
}

export interface PlainResult {
  n: number;
  /** `null` when it did not finish within the time limit. */
  firstRenderMs: number | null;
  added: number;
  zoomMs: number | null;
}

/** The naive way: one Leaflet marker per request, added to the same kind of map. */
async function plain(n: number, limitMs: number): Promise<PlainResult> {
  const requests = synthetic(n);
  const kit = await loadMapKit();
  await painted();
  const t0 = performance.now();
  const container = document.createElement('div');
  container.className = 'plain-map';
  document.getElementById('stage')!.append(container);
  const map = kit.createMap(container, { tileUrl: TILE, bounds: AREA });
  const layer = kit.L.layerGroup().addTo(map);
  let added = 0;
  const chunk = 2000;
  while (added < n) {
    for (const r of requests.slice(added, added + chunk)) kit.L.marker([r.lat!, r.long!], { icon: kit.pinIcon, keyboard: true }).addTo(layer);
    added = Math.min(n, added + chunk);
    if (performance.now() - t0 > limitMs) return { n, firstRenderMs: null, added, zoomMs: null };
    await new Promise((r) => setTimeout(r, 0));
  }
  const firstRenderMs = (await painted()) - t0;
  if (firstRenderMs > limitMs) return { n, firstRenderMs: null, added, zoomMs: null };
  const t = performance.now();
  map.setZoom(map.getZoom() + 1, { animate: false });
  const zoomMs = (await painted()) - t;
  return { n, firstRenderMs, added, zoomMs };
}

Object.assign(window, { bench: { clustered, plain, median } });
