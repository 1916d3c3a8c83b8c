import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config } from '../config.js';
import { alertJson, atomFeedXml, capDatetime } from './render.js';
import { emergencyAction, emergencyRecord, readEmergencyStart } from './emergency.js';
import type { AlertRow, StoredInfo, StoredReference } from './model.js';
import { nwsRelay } from './nws.js';
import type { AlertsStore, NewAlert } from './store.js';
import { AlertsError, readAlertPost } from './validate.js';

const origin = (c: Context) => new URL(c.req.url).origin;

/** A strong validator of the exact body: the same alerts in force give the same ETag. */
const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

function errorJson(err: AlertsError): Response {
  return new Response(JSON.stringify({ errors: err.errors }), {
    status: err.status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      ...(err.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="staff"' } : {}),
      // A refused body is left unread on the socket: the connection cannot carry another request.
      ...(err.status === 413 ? { Connection: 'close' } : {}),
    },
  });
}

/** 304 when the client already has this body, else the body; never cached without revalidation. */
function conditional(c: Context, body: string, type: string, etag = etagOf(body)): Response {
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', 'Content-Type': type };
  const match = c.req.header('If-None-Match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The reference backend's alerts contract, `/alerts/v1` (see server/README.md, "Alerts"). */
export function alertsRoutes({ store, config, fetchImpl }: { store: AlertsStore; config: Config; fetchImpl?: typeof fetch }): Hono {
  const app = new Hono();
  const nws = nwsRelay(config, fetchImpl);
  const sender = `alerts@${config.jurisdictionId}`;

  app.onError((err, c) => {
    if (err instanceof AlertsError) return errorJson(err);
    console.error('alerts:', err);
    return c.json({ errors: [{ code: 500, description: 'server: Something went wrong on our side.' }] }, 500);
  });

  // Alerts are text: a body this large is a mistake or an attack, refused before it is read.
  app.use('*', bodyLimit({ maxSize: 200_000, onError: () => errorJson(AlertsError.of(413, 'body', 'The body must be 200 KB or smaller.')) }));

  const staff = async (c: Context, next: () => Promise<void>) => {
    const header = c.req.header('Authorization') ?? '';
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!token) throw AlertsError.of(401, 'authorization', 'Send the staff token as Authorization: Bearer <token>.');
    if (!config.staffToken) throw AlertsError.of(403, 'authorization', 'The staff API is off on this server (no STAFF_TOKEN configured).');
    if (!sameSecret(token, config.staffToken)) throw AlertsError.of(403, 'authorization', 'This staff token is not valid.');
    await next();
  };

  async function readJson(c: Context): Promise<unknown> {
    if (!(c.req.header('Content-Type') ?? '').toLowerCase().startsWith('application/json')) {
      throw AlertsError.of(400, 'body', 'Send JSON with Content-Type: application/json.');
    }
    const text = await c.req.text();
    try {
      return JSON.parse(text);
    } catch {
      throw AlertsError.of(400, 'body', 'The body is not valid JSON.');
    }
  }

  const identifier = () => `${config.jurisdictionId}-${randomUUID()}`;

  /** Identifiers → CAP reference triples of alerts still in force; throws 400 naming any other. */
  async function resolveReferences(ids: string[]): Promise<StoredReference[]> {
    const found = await store.current(ids);
    const missing = ids.filter((id) => !found.some((r) => r.identifier === id));
    if (missing.length > 0) throw AlertsError.of(400, 'references', `No alert in force with identifier ${missing.join(', ')}.`);
    return found.map((r) => ({ sender: r.sender, identifier: r.identifier, sent: capDatetime(r.sent, config.timeZone) }));
  }

  const stored = (a: NewAlert): AlertRow => ({
    identifier: a.identifier,
    sender: a.sender,
    sent: a.sent,
    status: a.status,
    msg_type: a.msgType,
    scope: 'Public',
    refs: a.references,
    info: a.info,
    expires: null,
    emergency: a.emergency,
    superseded_by: null,
  });

  app.get('/active.json', async (c) => {
    const now = new Date();
    const rows = await store.active(now);
    const body = JSON.stringify({ alerts: rows.map((r) => alertJson(r, now, config.timeZone)) });
    return conditional(c, body, 'application/json; charset=utf-8');
  });

  app.get('/active.xml', async (c) => {
    const now = new Date();
    const rows = await store.active(now);
    const body = atomFeedXml(rows, {
      selfUrl: `${origin(c)}/alerts/v1/active.xml`,
      feedId: `urn:civic-elements:${config.jurisdictionId}:alerts`,
      title: `Alerts: ${config.jurisdictionId}`,
      author: sender,
      now,
      timeZone: config.timeZone,
    });
    return conditional(c, body, 'application/atom+xml; charset=utf-8');
  });

  app.get('/nws/active', async (c) => {
    const answer = await nws(new URL(c.req.url).searchParams);
    return conditional(c, answer.body, 'application/geo+json; charset=utf-8', answer.etag);
  });

  app.post('/alerts.json', staff, async (c) => {
    const now = new Date();
    const post = readAlertPost(await readJson(c), now);
    const alert: NewAlert = {
      identifier: identifier(),
      sender,
      sent: now,
      status: post.status,
      msgType: post.msgType,
      references: await resolveReferences(post.references),
      info: post.info,
      emergency: post.emergency,
    };
    await store.insert(alert);
    return c.json({ alert: alertJson(stored(alert), now, config.timeZone) }, 201);
  });

  app.get('/emergency.json', async (c) => {
    const e = await store.emergency(new Date());
    return c.json({ emergency: e ? emergencyRecord(e, `${origin(c)}/alerts/v1/active.json`, config.timeZone) : null });
  });

  app.post('/emergency.json', staff, async (c) => {
    const now = new Date();
    const { action, body } = emergencyAction(await readJson(c));
    const current = await store.emergency(now);
    if (action === 'end') {
      if (!current) throw AlertsError.of(409, 'action', 'No emergency is in force.');
      const cancel: NewAlert = {
        identifier: identifier(),
        sender,
        sent: now,
        status: 'Actual',
        msgType: 'Cancel',
        // Staff may have cancelled or updated the emergency's alert by hand: cancel what is left of it.
        references: await resolveReferences([current.alert_identifier]).catch(() => []),
        info: [],
        emergency: false,
      };
      await store.endEmergency(current.id, now, cancel);
      return c.json({ emergency: null, ended: current.name });
    }
    if (current) throw AlertsError.of(409, 'action', `An emergency is already in force (${current.name}); end it first.`);
    const start = readEmergencyStart(body, now);
    const stormNames = start.services.map((s) => s.service_name).join(', ');
    const block = (language: string, headline: string, instruction: string): StoredInfo => ({
      language,
      category: ['Met', 'Safety'],
      event: start.name,
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Observed',
      effective: now.toISOString(),
      expires: start.endsAt.toISOString(),
      senderName: config.jurisdictionId,
      headline,
      instruction,
      ...(start.web ? { web: start.web } : {}),
      area: [],
    });
    const alert: NewAlert = {
      identifier: identifier(),
      sender,
      sent: now,
      status: 'Actual',
      msgType: 'Alert',
      references: [],
      emergency: true,
      info: [
        block('en-US', `Emergency: ${start.name}`, start.instruction?.en ?? `Report storm damage with the 311 form (${stormNames}). For a downed power line, stay away and call the utility and 911.`),
        block('es-US', `Emergencia: ${start.name}`, start.instruction?.es ?? 'Reporte los daños de la tormenta con el formulario 311. Si ve un cable eléctrico caído, aléjese y llame a la compañía eléctrica y al 911.'),
      ],
    };
    await store.startEmergency({ name: start.name, startedAt: now, endsAt: start.endsAt, everyday: start.everyday, services: start.services }, alert);
    const e = (await store.emergency(now))!;
    return c.json({ emergency: emergencyRecord(e, `${origin(c)}/alerts/v1/active.json`, config.timeZone), alert: alertJson(stored(alert), now, config.timeZone) }, 201);
  });

  return app;
}
