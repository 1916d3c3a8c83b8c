/** A point: the same shape as a chosen location. */
export interface Point {
  lat: number;
  long: number;
}

const EARTH_RADIUS = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine): plenty for "within 150 m". */
export function metresBetween(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.long - a.long);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The box `[minLng, minLat, maxLng, maxLat]` around a point that holds every point within `metres`. */
export function nearbyBox(p: Point, metres: number): [number, number, number, number] {
  const dLat = (metres / EARTH_RADIUS) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos(rad(p.lat)));
  return [p.long - dLng, p.lat - dLat, p.long + dLng, p.lat + dLat];
}
