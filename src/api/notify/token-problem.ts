// Its own module: the confirmation and manage pages, which load on demand, use it without importing
// the client (which the element's first chunk holds).

/** How a token link ended: `expired` or `used` (the element offers a new link), `unknown` (no such token). */
export type NotifyTokenProblem = 'expired' | 'used' | 'unknown';

/**
 * Why a token was refused, from a rejection of {@link NotifyBackend.confirm} (or `subscription`):
 * a 410 with code `expired` or `used`, a 404, or `undefined` for anything else (network…).
 */
export function notifyTokenProblem(error: unknown): NotifyTokenProblem | undefined {
  const e = error as { kind?: string; status?: number; errors?: { code?: string }[] } | null;
  if (e?.kind !== 'contract') return undefined;
  if (e.status === 404) return 'unknown';
  if (e.status !== 410) return undefined;
  return e.errors?.some((x) => x.code === 'used') ? 'used' : 'expired';
}
