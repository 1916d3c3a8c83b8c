import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import { AlertsError } from './validate.js';

interface Cached {
  body: string;
  etag: string;
  at: number;
}

/** Answers `?point=` or `?zone=` for the configured ones only, so the relay is no open proxy. */
function query(config: Config, params: URLSearchParams): string {
  const zone = params.get('zone')?.trim().toUpperCase();
  const point = params.get('point')?.replace(/\s+/g, '');
  if (zone) {
    if (!config.nwsZones.includes(zone)) throw AlertsError.of(404, 'zone', `This server does not relay NWS alerts for zone ${zone}.`);
    return `zone=${encodeURIComponent(zone)}`;
  }
  if (point) {
    const same = config.nwsPoints.find((p) => {
      const [a, b] = p.split(',').map(Number);
      const [c, d] = point.split(',').map(Number);
      return a !== undefined && b !== undefined && Math.abs(a - c!) < 1e-4 && Math.abs(b - d!) < 1e-4;
    });
    if (!same) throw AlertsError.of(404, 'point', `This server does not relay NWS alerts for point ${point}.`);
    // The NWS API takes at most four decimals.
    return `point=${same.split(',').map((n) => Number(n).toFixed(4)).join(',')}`;
  }
  throw AlertsError.of(400, 'zone', 'Give a zone (for example CTZ002) or a point (lat,lon).');
}

/**
 * The NWS alerts API through the backend: the NWS wants a User-Agent that identifies the caller
 * (browsers cannot set one), and one shared, briefly cached read per area spares it a request per
 * resident. A failed read falls back to the last answer for a while, then to 502.
 */
export function nwsRelay(config: Config, fetchImpl: typeof fetch = fetch) {
  const cache = new Map<string, Cached>();
  const userAgent = `civic-elements-reference-backend/0.1 (${config.nwsContact ?? config.jurisdictionId})`;
  return async (params: URLSearchParams, now = Date.now()): Promise<Cached> => {
    const q = query(config, params);
    const hit = cache.get(q);
    if (hit && now - hit.at < config.nwsCacheSeconds * 1000) return hit;
    try {
      const res = await fetchImpl(`${config.nwsUrl}/alerts/active?${q}`, {
        headers: { 'User-Agent': userAgent, Accept: 'application/geo+json' },
        signal: AbortSignal.timeout(15_000),
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`NWS answered ${res.status}`);
      JSON.parse(body);
      const fresh: Cached = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`, at: now };
      cache.set(q, fresh);
      return fresh;
    } catch (err) {
      console.error('nws relay:', err instanceof Error ? err.message : err);
      // Alerts an hour old are better than none while the NWS is unreachable; older ones are not.
      if (hit && now - hit.at < 3_600_000) return hit;
      throw AlertsError.of(502, 'nws', 'The National Weather Service did not answer. Try again later.');
    }
  };
}
