import type { StoredArea } from './model.js';

/*
 * CAP 1.2 area geometry (section 3.2.4): a polygon is "lat,lon lat,lon …", WGS 84, at least four
 * pairs with the last the same as the first; a circle is "lat,lon radius", the radius in km.
 * Staff give them as CAP writes them; the notify worker reduces an alert's areas to one circle
 * that holds them all, which is what subscriptions' areas are compared with.
 */

export type LatLon = [lat: number, lon: number];

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MAX_POINTS = 2000;

function latLon(pair: string): LatLon | undefined {
  const parts = pair.split(',');
  if (parts.length !== 2 || !parts.every((x) => NUMBER.test(x.trim()))) return undefined;
  const [lat, lon] = parts.map(Number) as LatLon;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : undefined;
}

/** A CAP polygon → its points, or the sentence that says what is wrong. */
export function readPolygon(text: string): LatLon[] | string {
  const pairs = text.trim().split(/\s+/);
  if (pairs.length < 4) return 'A polygon needs at least four "lat,lon" pairs, the last the same as the first.';
  if (pairs.length > MAX_POINTS) return `A polygon may have at most ${MAX_POINTS} points.`;
  const points: LatLon[] = [];
  for (const pair of pairs) {
    const point = latLon(pair);
    if (!point) return `"${pair.slice(0, 40)}" is not a "lat,lon" pair (latitude −90 to 90, longitude −180 to 180).`;
    points.push(point);
  }
  const [first, last] = [points[0]!, points.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'A polygon must end where it starts: repeat the first pair at the end.';
  return points;
}

/** A CAP circle → its centre and radius in metres, or the sentence that says what is wrong. */
export function readCircle(text: string): { centre: LatLon; radiusM: number } | string {
  const [pair = '', radius = '', ...rest] = text.trim().split(/\s+/);
  const centre = latLon(pair);
  if (!centre || rest.length > 0 || !NUMBER.test(radius) || Number(radius) < 0 || Number(radius) > 20_000)
    return 'A circle is "lat,lon radius" with the radius in kilometres, for example "41.7637,-72.6851 2.5".';
  return { centre, radiusM: Number(radius) * 1000 };
}

/** The same text CAP would carry, with the numbers as read. */
export const polygonText = (points: LatLon[]): string => points.map(([lat, lon]) => `${lat},${lon}`).join(' ');
export const circleText = (c: { centre: LatLon; radiusM: number }): string => `${c.centre[0]},${c.centre[1]} ${c.radiusM / 1000}`;

/** Metres between two points (equirectangular: within a city, well under a metre off). */
export function metres(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const x = (b[1] - a[1]) * rad * Math.cos(((a[0] + b[0]) / 2) * rad);
  const y = (b[0] - a[0]) * rad;
  return 6_371_000 * Math.hypot(x, y);
}

/**
 * One circle that holds every polygon and circle of these areas (centred on the mean of their
 * points), or null when none has geometry: then the alert is for everyone.
 */
export function boundingCircle(areas: readonly StoredArea[]): { lat: number; lon: number; radius_m: number } | null {
  const shapes: Array<{ centre: LatLon; radiusM: number }> = [];
  for (const area of areas) {
    for (const text of area.polygon ?? []) {
      const points = readPolygon(text);
      if (typeof points !== 'string') for (const point of points) shapes.push({ centre: point, radiusM: 0 });
    }
    for (const text of area.circle ?? []) {
      const circle = readCircle(text);
      if (typeof circle !== 'string') shapes.push(circle);
    }
  }
  if (shapes.length === 0) return null;
  const centre: LatLon = [shapes.reduce((s, x) => s + x.centre[0], 0) / shapes.length, shapes.reduce((s, x) => s + x.centre[1], 0) / shapes.length];
  const radius = Math.max(...shapes.map((x) => metres(centre, x.centre) + x.radiusM));
  return { lat: centre[0], lon: centre[1], radius_m: Math.ceil(radius) };
}
