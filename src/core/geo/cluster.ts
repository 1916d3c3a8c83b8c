/**
 * Point clustering for request maps, around supercluster (a k-d tree per zoom level): index
 * once when the data changes, then each pan or zoom asks only for what the view shows, so the
 * map draws a few hundred markers whatever the number of requests. Loaded lazily with the map.
 */

import Supercluster from 'supercluster';
import type { LngLatBounds } from '../map/defaults.js';

/** What a view shows at one place: several requests as one cluster, or one request. */
export type ClusterItem<T> =
  | { kind: 'cluster'; id: number; lat: number; long: number; count: number }
  | { kind: 'point'; lat: number; long: number; item: T };

export interface ClusterOptions {
  /** Cluster radius in pixels. Default 60. */
  radius?: number;
  /** Highest zoom at which points are still clustered. Default 16. */
  maxZoom?: number;
}

/** A clustered index of items with a position. */
export class PointClusters<T> {
  private readonly index: Supercluster<{ i: number }, Record<string, never>>;
  private readonly items: T[];

  /** Indexes `items` that have a finite `lat`/`long` (read with `position`); others are left out. */
  constructor(items: readonly T[], position: (item: T) => [lat: number, long: number] | undefined, options: ClusterOptions = {}) {
    this.index = new Supercluster({ radius: options.radius ?? 60, maxZoom: options.maxZoom ?? 16 });
    const kept: T[] = [];
    const features: Array<{ type: 'Feature'; properties: { i: number }; geometry: { type: 'Point'; coordinates: [number, number] } }> = [];
    for (const item of items) {
      const p = position(item);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
      features.push({ type: 'Feature', properties: { i: kept.length }, geometry: { type: 'Point', coordinates: [p[1], p[0]] } });
      kept.push(item);
    }
    this.items = kept;
    this.index.load(features);
  }

  /** How many items were indexed. */
  get size(): number {
    return this.items.length;
  }

  /** Clusters and single points inside `bounds` at integer `zoom`. */
  at(bounds: LngLatBounds, zoom: number): Array<ClusterItem<T>> {
    return this.index.getClusters(bounds, Math.round(zoom)).map((f) => {
      const [long, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as { cluster?: true; cluster_id?: number; point_count?: number; i?: number };
      return props.cluster
        ? { kind: 'cluster', id: props.cluster_id!, lat, long, count: props.point_count! }
        : { kind: 'point', lat, long, item: this.items[props.i!]! };
    });
  }

  /** The zoom at which a cluster splits apart. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
