import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GeocodeResult } from '../../api/geocoder.js';
import { isAbort, type AddressGeocoder } from '../address/geocoder.js';

/** Why "use my location" gave no position, in words a widget can turn into what to do instead. */
export type GeolocationProblem = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export interface GeolocationOptions {
  /** The device gave a position. */
  onPosition(lat: number, long: number): void;
  onProblem(problem: GeolocationProblem): void;
  /** Milliseconds the device may take. Default 15 000. */
  timeout?: number;
}

/**
 * "Use my location" and naming a point: asks the browser for the device's position (one shot,
 * high accuracy, a minute-old fix is fine), turns its failures into a {@link GeolocationProblem}
 * (permission refused, position unavailable, too slow, no geolocation in this browser), and
 * names a point with the geocoder's reverse lookup. `busy` says which is under way; `cancel()`
 * drops both, so an answer that comes after the resident moved on is never applied.
 */
export class GeolocationController implements ReactiveController {
  busy?: 'locating' | 'reversing';
  private attempt = 0;
  private naming?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: GeolocationOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Forgets the position asked for and the name being looked up. */
  cancel(): void {
    this.attempt++;
    this.naming?.abort();
    this.naming = undefined;
    this.setBusy(undefined);
  }

  /** Asks for the device's position; answers through `onPosition` or `onProblem`. */
  locate(): void {
    const geolocation = 'geolocation' in navigator ? navigator.geolocation : undefined;
    if (!geolocation) {
      this.options.onProblem('unsupported');
      return;
    }
    this.cancel();
    const attempt = this.attempt;
    this.setBusy('locating');
    geolocation.getCurrentPosition(
      (position) => {
        if (attempt !== this.attempt) return;
        this.setBusy(undefined);
        this.options.onPosition(position.coords.latitude, position.coords.longitude);
      },
      (error) => {
        if (attempt !== this.attempt) return;
        this.setBusy(undefined);
        this.options.onProblem(
          error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable',
        );
      },
      { enableHighAccuracy: true, timeout: this.options.timeout ?? 15_000, maximumAge: 60_000 },
    );
  }

  /**
   * The place nearest to a point, by the geocoder's reverse lookup. `undefined` when it knows
   * none or failed (the point stands without a street name); `'stale'` when `cancel()` or a later
   * call came first, and the answer must be dropped.
   */
  async name(geocoder: AddressGeocoder, lat: number, long: number, lang: string): Promise<GeocodeResult | undefined | 'stale'> {
    this.cancel();
    const naming = new AbortController();
    this.naming = naming;
    this.setBusy('reversing');
    let found: GeocodeResult | undefined;
    try {
      found = await geocoder.reverse(lat, long, { lang, signal: naming.signal });
    } catch (error) {
      if (isAbort(error)) return 'stale';
    }
    if (naming.signal.aborted) return 'stale';
    this.naming = undefined;
    this.setBusy(undefined);
    return found;
  }

  private setBusy(busy: GeolocationController['busy']): void {
    if (this.busy === busy) return;
    this.busy = busy;
    this.host.requestUpdate();
  }
}
