import type { MiddlewareHandler } from 'hono';

/**
 * CORS from an explicit allow-list (PUT and DELETE too: the notify contract manages a
 * subscription with them). Other origins get no CORS headers at all, so the browser
 * blocks them; `*` has to be configured on purpose.
 */
export function cors(allowed: string[]): MiddlewareHandler {
  const any = allowed.includes('*');
  const origins = new Set(allowed);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const permitted = origin !== undefined && (any || origins.has(origin));
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      const headers = new Headers({ Vary: 'Origin' });
      if (permitted) {
        headers.set('Access-Control-Allow-Origin', any ? '*' : origin);
        headers.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
        headers.set('Access-Control-Allow-Headers', c.req.header('Access-Control-Request-Headers') ?? 'Content-Type');
        headers.set('Access-Control-Max-Age', '600');
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (permitted) {
      c.res.headers.set('Access-Control-Allow-Origin', any ? '*' : origin);
      // ETag: the alert banner revalidates with If-None-Match.
      c.res.headers.set('Access-Control-Expose-Headers', 'X-Total-Count, ETag');
    }
  };
}
