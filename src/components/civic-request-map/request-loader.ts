import type { CivicBackend } from '../../api/backend.js';
import type { RequestsQuery, ServiceRequest } from '../../api/types.js';
import type { LngLatBounds } from '../../core/map/defaults.js';

/** The map's filters, as the resident set them. Empty string: no filter. */
export interface RequestFilters {
  /** `open`, `closed` or `''` (both). */
  status: '' | 'open' | 'closed';
  /** One service code, or `''` for every category. */
  category: string;
  /** First day, `YYYY-MM-DD`, or `''`. */
  from: string;
  /** Last day (inclusive), `YYYY-MM-DD`, or `''`. */
  to: string;
}

export const NO_FILTERS: RequestFilters = { status: '', category: '', from: '', to: '' };

const WORLD: LngLatBounds = [-180, -90, 180, 90];

/** Whether `outer` contains `inner` entirely. */
export function contains(outer: LngLatBounds, inner: LngLatBounds): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** Whether two boxes share any ground. */
export function overlaps(a: LngLatBounds, b: LngLatBounds): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** `bounds` grown by `ratio` of its width and height on every side, clamped to the world. */
export function pad(bounds: LngLatBounds, ratio: number): LngLatBounds {
  const dx = (bounds[2] - bounds[0]) * ratio;
  const dy = (bounds[3] - bounds[1]) * ratio;
  return [Math.max(-180, bounds[0] - dx), Math.max(-90, bounds[1] - dy), Math.min(180, bounds[2] + dx), Math.min(90, bounds[3] + dy)];
}

/** Start of local day `YYYY-MM-DD` (or its end with `end`), as an ISO datetime. */
function dayBoundary(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = end
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999)
    : new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Whether `request` passes `filters` (also applied here, so a backend that ignores one cannot widen the set). */
export function matches(request: ServiceRequest, filters: RequestFilters): boolean {
  if (filters.status && request.status !== filters.status) return false;
  if (filters.category && request.service_code !== filters.category) return false;
  if (filters.from || filters.to) {
    const at = request.requested_datetime ? Date.parse(request.requested_datetime) : NaN;
    if (Number.isNaN(at)) return false;
    const from = filters.from ? dayBoundary(filters.from, false) : undefined;
    const to = filters.to ? dayBoundary(filters.to, true) : undefined;
    if (from && at < Date.parse(from)) return false;
    if (to && at > Date.parse(to)) return false;
  }
  return true;
}

interface Entry {
  /** Areas fully loaded for this filter set. */
  areas: LngLatBounds[];
  /** Areas whose loading stopped at `maxRequests`: there may be more requests in them. */
  cappedAreas: LngLatBounds[];
  requests: Map<string, ServiceRequest>;
  /** Bumped by every completed load. */
  revision: number;
}

export interface LoaderOptions {
  /** Requests per call (the spec's servers answer at most 1000). Default 1000. */
  pageSize?: number;
  /** Stop paging one area after this many requests. Default 10,000. */
  maxRequests?: number;
  /** Share of the view's width/height added on each side of a bbox request. Default 0.5. */
  padding?: number;
}

/**
 * Loads public requests for map views and remembers what it loaded, per filter set.
 *
 * With the `bbox` extension it asks for a padded box around the view and records the box, so
 * pans and zooms inside an area already loaded do not call the backend again. Without it, it
 * loads the filter set once — the date range when one is set, else the server's default window
 * (the spec: the last 90 days, at most 1000) — paging with `page`/`page_size`.
 */
export class RequestLoader {
  private readonly entries = new Map<string, Entry>();
  private readonly pending: Array<{ entry: Entry; area: LngLatBounds; promise: Promise<void> }> = [];
  private bbox?: Promise<boolean>;
  private readonly pageSize: number;
  private readonly maxRequests: number;
  private readonly padding: number;

  constructor(
    readonly backend: CivicBackend,
    options: LoaderOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.maxRequests = options.maxRequests ?? 10_000;
    this.padding = options.padding ?? 0.5;
  }

  private entry(filters: RequestFilters): Entry {
    const key = JSON.stringify([filters.status, filters.category, filters.from, filters.to]);
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { areas: [], cappedAreas: [], requests: new Map(), revision: 0 }));
    return entry;
  }

  /** Whether `view` is already loaded for `filters` (no call needed). */
  covers(filters: RequestFilters, view: LngLatBounds): boolean {
    return this.entry(filters).areas.some((area) => contains(area, view));
  }

  /**
   * Whether `view` overlaps an area whose loading stopped at `maxRequests`: what is shown there
   * may not be every request, and a resident must be told so rather than shown a count as if
   * it were complete.
   */
  capped(filters: RequestFilters, view: LngLatBounds): boolean {
    return this.entry(filters).cappedAreas.some((area) => overlaps(area, view));
  }

  /** Changes whenever more requests were loaded for `filters`. */
  revision(filters: RequestFilters): string {
    return `${JSON.stringify(filters)}#${this.entry(filters).revision}`;
  }

  /** Every request loaded so far for `filters` (any area), passing the filters. */
  loaded(filters: RequestFilters): ServiceRequest[] {
    return [...this.entry(filters).requests.values()].filter((r) => matches(r, filters));
  }

  /** Makes sure `view` is loaded for `filters`; calls the backend only when it is not yet. */
  async ensure(filters: RequestFilters, view: LngLatBounds): Promise<void> {
    this.bbox ??= this.backend.supports('bbox').catch(() => false);
    const useBbox = await this.bbox;
    const entry = this.entry(filters);
    for (;;) {
      if (this.covers(filters, view)) return;
      // A load under way that will cover this view: wait for it instead of asking again.
      const running = this.pending.find((job) => job.entry === entry && contains(job.area, view));
      if (!running) break;
      await running.promise;
    }
    const area = useBbox ? pad(view, this.padding) : WORLD;
    const job = { entry, area, promise: this.fetch(filters, area, useBbox) };
    this.pending.push(job);
    try {
      await job.promise;
    } finally {
      this.pending.splice(this.pending.indexOf(job), 1);
    }
  }

  private async fetch(filters: RequestFilters, area: LngLatBounds, useBbox: boolean): Promise<void> {
    const query: RequestsQuery = { page_size: this.pageSize };
    if (useBbox) query.bbox = area;
    if (filters.status) query.status = filters.status;
    if (filters.category) query.service_code = [filters.category];
    const start = filters.from ? dayBoundary(filters.from, false) : undefined;
    const end = filters.to ? dayBoundary(filters.to, true) : undefined;
    if (start) query.start_date = start;
    if (end) query.end_date = end;
    const found: ServiceRequest[] = [];
    for (let page = 1; found.length < this.maxRequests; page++) {
      const batch = await this.backend.requests({ ...query, page });
      found.push(...batch);
      if (batch.length < this.pageSize) break;
    }
    const entry = this.entry(filters);
    let changed = false;
    for (const request of found) {
      const id = request.service_request_id ?? request.token;
      if (!id) continue;
      const known = entry.requests.get(id);
      if (!known || known.status !== request.status || known.updated_datetime !== request.updated_datetime) changed = true;
      entry.requests.set(id, request);
    }
    entry.areas.push(area);
    if (found.length >= this.maxRequests) entry.cappedAreas.push(area);
    // Only news makes a new revision: an overlapping area that brought nothing new costs no redraw.
    if (changed) entry.revision++;
  }
}
