import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { resolveConfig, type Config, type ServerOptions } from './config.js';
import { compress } from './compress.js';
import { cors } from './cors.js';
import { describeError, openDatabase, type Database } from './db.js';
import { geocodeRoutes } from './geocode.js';
import { MAX_MEDIA_BYTES, stripMetadata } from './media.js';
import { Open311Error, errorResponse } from './open311/format.js';
import { open311Routes } from './open311/routes.js';
import { Open311Store } from './open311/store.js';
import { recordsRoutes } from './records/routes.js';
import { formsRoutes } from './forms/routes.js';
import { formsMessage } from './forms/messages.js';
import { negotiateLanguage } from './records/messages.js';
import { notifyRoutes } from './notify/routes.js';
import { NotifyErrorAnswer } from './notify/messages.js';
import { NotifyService } from './notify/service.js';
import { relay, relayMedia, type RelayOptions } from './relay.js';
import { alertsRoutes } from './alerts/routes.js';
import { AlertsStore } from './alerts/store.js';
import { createSchema } from './schema.js';
import { seed, type SeedAddress } from './seed.js';
import { hashedDistFile, serveDirectory } from './static.js';
import { demoPages } from './demo.js';

export type { ServerOptions } from './config.js';

const HEALTH_TIMEOUT_MS = 2000;

export interface RunningServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** The open database, for tests and tools in the same process. */
  database: Database;
  /** The notify worker: `tick(now)` runs it once at a given time (tests that turn `notifyWorker` off). */
  notify: NotifyService;
  close(): Promise<void>;
}

export function buildApp(config: Config, db: Database, notify: NotifyService): Hono {
  const app = new Hono();
  const store = new Open311Store(db);
  // Every text answer on the wire compressed: API JSON and XML here, static files by serveDirectory.
  app.use('*', compress());
  const api = cors(config.corsOrigins);
  app.use('/open311/*', api);
  app.use('/geocode/*', api);
  app.use('/media/*', api);
  // Widgets are embedded from other origins: their module scripts, lazy chunks and images are
  // fetched in CORS mode, so the widget files need the same allow-list as the API.
  app.use('/dist/*', api);
  app.use('/alerts/*', api);
  const alerts = new AlertsStore(db);
  app.use(
    '/open311/*',
    bodyLimit({
      maxSize: MAX_MEDIA_BYTES + 1024 * 1024,
      onError: (c) =>
        errorResponse(c.req.path.endsWith('.xml') ? 'xml' : 'json', Open311Error.of(413, 'media', 'The photo must be 10 MB or smaller.')),
    }),
  );

  const relayed: RelayOptions | undefined = config.upstream
    ? { upstream: config.upstream, apiKey: config.upstreamApiKey, timeoutMs: config.upstreamTimeoutMs }
    : undefined;
  if (relayed) app.all('/open311/v2/*', relay(relayed));
  else app.route('/open311/v2', open311Routes({ store, config, alerts }));
  if (relayed) app.get('/media/:id', relayMedia(relayed));

  app.use('/records/*', api);
  app.use(
    '/records/*',
    bodyLimit({
      maxSize: 60 * 1024 * 1024,
      onError: (c) => c.json({ errors: [{ field: 'attachments', message: 'The request is too large: attach at most 5 files of 10 MB or less.' }] }, 413),
    }),
  );
  app.route('/records/v1', recordsRoutes({ db, config }));
  app.use('/forms/*', api);
  // Answers alone are small: only a multipart body (with files) may be large.
  const formsTooLarge = (c: Context) =>
    c.json({ errors: [{ question: null, code: 'too_large', message: formsMessage(negotiateLanguage(c.req.header('Accept-Language')), 'tooLarge') }] }, 413, {
      Connection: 'close',
    });
  const answersLimit = bodyLimit({ maxSize: 2 * 1024 * 1024, onError: formsTooLarge });
  // A PDF to draft from (staff) may be as large as a city's scanned-in forms get.
  const importLimit = bodyLimit({ maxSize: 20 * 1024 * 1024, onError: formsTooLarge });
  app.use('/forms/*', (c, next) => {
    const type = c.req.header('Content-Type') ?? '';
    if (c.req.path === '/forms/v1/import.json' && type.startsWith('application/pdf')) return importLimit(c, next);
    return type.includes('multipart/form-data') ? next() : answersLimit(c, next);
  });
  app.use(
    '/forms/*',
    bodyLimit({
      // Ten files of the largest size a definition may allow (25 MB), and the answers.
      maxSize: 10 * 25 * 1024 * 1024 + 1024 * 1024,
      onError: formsTooLarge,
    }),
  );
  app.route('/forms/v1', formsRoutes({ db, config }));
  app.route('/alerts/v1', alertsRoutes({ store: alerts, config }));

  app.use('/notify/*', api);
  app.use(
    '/notify/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: (c) => {
        const body = NotifyErrorAnswer.of(413, 'body', 'too_long', 'tooLarge').body('en');
        return c.json(body, 413);
      },
    }),
  );
  app.route('/notify/v1', notifyRoutes({ db, config, service: notify }));

  app.route(
    '/geocode',
    geocodeRoutes(() => db.query<SeedAddress>('SELECT id, house_number, street, zipcode, lat, lon, name FROM addresses ORDER BY id')),
  );

  app.get('/media/:id', async (c) => {
    const id = c.req.param('id');
    const media = /^[0-9a-f-]{36}$/.test(id) ? await store.media(id) : undefined;
    if (!media) return c.text('Not found\n', 404);
    // Photos stored before uploads were stripped get the same treatment on the way out.
    let bytes = media.bytes;
    try {
      bytes = stripMetadata(media.bytes, media.content_type);
    } catch {
      return c.text('Not found\n', 404);
    }
    // A Blob is a body under both the Node and the DOM typings of Response.
    return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: {
        'Content-Type': media.content_type,
        'Content-Length': String(bytes.byteLength),
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      },
    });
  });

  // For a load balancer or a monitor: 200 only while the database answers and (PGlite) its directory takes writes.
  app.get('/healthz', async (c) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        db.check(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
        }),
      ]);
      return c.json({ ok: true, database: db.driver });
    } catch (err) {
      console.error('healthz: database unavailable:', describeError(err));
      return c.json({ ok: false, database: db.driver, error: 'The database cannot answer a query or store a write.' }, 503);
    } finally {
      clearTimeout(timer);
    }
  });

  if (config.serveDemo) {
    app.get('/dist/*', serveDirectory(join(config.rootDir, 'dist'), '/dist/', { immutable: hashedDistFile }));
    app.get('/*', demoPages(join(config.rootDir, 'demo', 'pages')));
    app.get('/*', serveDirectory(join(config.rootDir, 'demo'), '/'));
  }
  app.notFound((c) => c.text('Not found\n', 404));
  return app;
}

/** Opens the database (creating and seeding it on first run) and listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options);
  const db = await openDatabase(config);
  try {
    await createSchema(db);
    if (await seed(db)) console.error(`seeded ${db.driver} database`);
  } catch (err) {
    await db.close();
    throw err;
  }
  const notify = new NotifyService(db, {
    origin: config.publicUrl ?? '',
    pageUrl: config.notifyPageUrl,
    cityName: config.cityName,
    cityPhone: config.cityPhone,
    mailFrom: config.mailFrom,
    timeZone: config.timeZone,
    smtpUrl: config.smtpUrl,
    sms:
      config.smsApiUrl && config.smsAccountSid && config.smsAuthToken
        ? { url: config.smsApiUrl, accountSid: config.smsAccountSid, authToken: config.smsAuthToken, from: config.smsFrom ?? '' }
        : undefined,
    ratePerHour: config.notifyRatePerHour,
    leaseMs: config.notifyLeaseMs,
  });
  const app = buildApp(config, db, notify);
  let server: Server;
  try {
    server = await new Promise<Server>((resolvePromise, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolvePromise(s as Server));
      s.once('error', reject);
    });
  } catch (err) {
    await notify.close();
    await db.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}/`;
  // Links in messages need an absolute origin; without PUBLIC_URL it is this server's own.
  if (!config.publicUrl) notify.settings.origin = url.replace(/\/$/, '');
  if (config.notifyWorker) notify.start(config.notifyPollMs);
  return {
    url,
    database: db,
    notify,
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await notify.close();
      await db.close();
    },
  };
}
