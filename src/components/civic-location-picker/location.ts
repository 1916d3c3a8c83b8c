import type { AddressGeocoder } from '../../core/address/geocoder.js';

/** A place with coordinates; `address` is its short local name ("174 Park Street"), or what was typed without a geocoder. */
export interface PickedPoint {
  lat: number;
  long: number;
  address?: string;
}

/**
 * An address typed as free text, with no coordinates: without a geocoder, when the geocoder found
 * nothing, failed or was too slow, or when the resident chose "Use … as typed".
 */
export interface PickedAddress {
  lat?: undefined;
  long?: undefined;
  address: string;
}

/**
 * The location a resident chose. Either a point (from a suggestion, "Use my location" or the
 * map; `address` is the place's short local name when the geocoder knows one), or an address
 * typed as free text without coordinates (no geocoder, or one that could not place it). Narrow
 * with `if (value.lat !== undefined)`: then `long` is a number too.
 */
export type PickedLocation = PickedPoint | PickedAddress;

/** Detail of `civic-location-change`. */
export interface CivicLocationChangeDetail {
  value: PickedLocation | undefined;
}

/** What the picker needs from a geocoder: `NominatimGeocoder` or anything shaped like it. */
export type LocationGeocoder = AddressGeocoder;

/** Six decimals: 0.1 m, more than any phone's GPS or a map click can tell. */
export const round = (n: number): number => Math.round(n * 1e6) / 1e6;

export function sameLocation(a: PickedLocation | undefined, b: PickedLocation | undefined): boolean {
  return a?.lat === b?.lat && a?.long === b?.long && a?.address === b?.address;
}

/** A value as the picker keeps it: finite coordinates or none, a trimmed address or none, `undefined` when empty. */
export function normalise(value: PickedLocation | undefined | null): PickedLocation | undefined {
  if (!value) return undefined;
  const address = value.address?.trim() || undefined;
  if (typeof value.lat === 'number' && typeof value.long === 'number' && Number.isFinite(value.lat) && Number.isFinite(value.long)) {
    return address ? { lat: value.lat, long: value.long, address } : { lat: value.lat, long: value.long };
  }
  return address ? { address } : undefined;
}

/** The form entries: `<name>[lat]`, `<name>[long]` (a point), `<name>[address]` (when known). */
export function toFormData(name: string, value: PickedLocation): FormData {
  const data = new FormData();
  if (value.lat !== undefined) {
    data.append(`${name}[lat]`, String(value.lat));
    data.append(`${name}[long]`, String(value.long));
  }
  if (value.address) data.append(`${name}[address]`, value.address);
  return data;
}

/** The value back from form entries (a restored form), whatever the name they were saved under. */
export function fromFormData(state: FormData): PickedLocation | undefined {
  const read = (key: string) => {
    for (const [k, v] of state) if (k.endsWith(`[${key}]`) && typeof v === 'string') return v;
    return undefined;
  };
  const lat = read('lat');
  const long = read('long');
  const address = read('address');
  return normalise(lat !== undefined && long !== undefined ? { lat: Number(lat), long: Number(long), ...(address ? { address } : {}) } : address ? { address } : undefined);
}
