import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import type { Config } from '../config.js';
import type { Database } from '../db.js';
import { recordsRules } from '../../src/api/records/rules.js';
import { RecordsErrorAnswer, message, negotiateLanguage, type Language } from './messages.js';
import { RecordsStore, sameToken, type RequestRow } from './store.js';
import { checkAttachments, realDate, validateSubmission, type Attachment, MAX_ATTACHMENTS } from './submit.js';
import { FINAL, STAFF_EVENTS, nextStatus, pauseOf, publicView, requesterView, type Named, type ViewContext } from './view.js';

interface SeedFile {
  departments: Named[];
  delivery_formats: Named[];
}

const seed = JSON.parse(readFileSync(new URL('./seed.json', import.meta.url), 'utf8')) as SeedFile;
const TRACKING = /^R-\d{4}-\d{5,9}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_PAGE_SIZE = 100;

function json(status: number, body: unknown, language: Language): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Language': language, Vary: 'Accept-Language', 'Cache-Control': 'no-store' },
  });
}

function bodyHash(raw: Record<string, unknown>, attachments: Attachment[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(Object.keys(raw).sort().map((k) => [k, raw[k]])));
  for (const a of attachments) h.update(a.name).update(a.contentType).update(a.bytes);
  return h.digest('hex');
}

/** Fields and files of a JSON or multipart body; anything else is a 400 in the contract's format. */
async function readBody(c: Context): Promise<{ raw: Record<string, unknown>; files: Attachment[] }> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.includes('application/json')) {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw RecordsErrorAnswer.of(400, 'body', 'body');
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw RecordsErrorAnswer.of(400, 'body', 'body');
    return { raw: raw as Record<string, unknown>, files: [] };
  }
  if (type.includes('multipart/form-data')) {
    let form: Record<string, string | File | Array<string | File>>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw RecordsErrorAnswer.of(400, 'body', 'body');
    }
    const raw: Record<string, unknown> = {};
    const files: Attachment[] = [];
    for (const [key, value] of Object.entries(form)) {
      for (const one of [value].flat()) {
        if (typeof one === 'string') {
          if (key in raw) throw RecordsErrorAnswer.of(400, key, 'body');
          raw[key] = one;
        } else if (key === 'attachments' || key === 'attachments[]') {
          if (files.length >= MAX_ATTACHMENTS) throw RecordsErrorAnswer.of(400, 'attachments', 'attachmentCount');
          files.push({ name: one.name, contentType: one.type, bytes: new Uint8Array(await one.arrayBuffer()) });
        }
      }
    }
    return { raw, files };
  }
  throw RecordsErrorAnswer.of(400, 'body', 'body');
}

export interface RecordsOptions {
  db: Database;
  config: Config;
}

/**
 * `/records/v1`: public-records requests with FOIA.gov's field names, deadlines from the
 * jurisdiction's rule, an access link per request, an opt-in public log and a staff API.
 */
export function recordsRoutes({ db, config }: RecordsOptions): Hono {
  const app = new Hono();
  const store = new RecordsStore(db);
  const rule = recordsRules[config.recordsRule] ?? recordsRules['us-ct']!;
  const departments = seed.departments;
  const deliveryFormats = seed.delivery_formats;
  const lang = (c: Context) => negotiateLanguage(c.req.header('Accept-Language'));
  const ctx = (c: Context): ViewContext => {
    const url = new URL(c.req.url);
    const base = `${config.publicUrl ?? url.origin}/records/v1`;
    return { language: lang(c), now: new Date(), base, timeZone: rule.timeZone, departments, deliveryFormats };
  };

  const requireStaff = (c: Context) => {
    if (!config.staffToken) throw RecordsErrorAnswer.of(403, 'authorization', 'staffDisabled');
    const m = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '');
    if (!m || !sameToken(m[1]!.trim(), config.staffToken)) throw RecordsErrorAnswer.of(401, 'authorization', 'staffOnly');
  };

  const findWithToken = async (c: Context): Promise<RequestRow> => {
    const trackingNumber = c.req.param('tracking') ?? '';
    const request = TRACKING.test(trackingNumber) ? await store.byTrackingNumber(trackingNumber) : undefined;
    if (!request || !sameToken(c.req.query('access_token'), request.access_token)) throw RecordsErrorAnswer.of(404, 'tracking_number', 'notFound');
    return request;
  };

  app.get('/discovery.json', (c) => {
    const language = lang(c);
    return json(
      200,
      {
        contract: 'civic-elements records v1',
        jurisdiction: { id: rule.id, name: rule.jurisdiction[language] },
        rule,
        contact_policy: config.recordsContactRequired ? 'required' : 'optional',
        public_log: config.recordsPublicLog,
        departments: departments.map((d) => ({ code: d.code, name: d.name[language] })),
        delivery_formats: deliveryFormats.map((d) => ({ code: d.code, name: d.name[language] })),
        limits: { request_description: 10_000, attachments: MAX_ATTACHMENTS, attachment_bytes: 10 * 1024 * 1024 },
        attachment_types: ['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      },
      language,
    );
  });

  app.post('/requests.json', async (c) => {
    const language = lang(c);
    const { raw, files } = await readBody(c);
    const submission = validateSubmission(raw, {
      departments: departments.map((d) => d.code),
      deliveryFormats: deliveryFormats.map((d) => d.code),
      contactRequired: config.recordsContactRequired,
    });
    const attachments = checkAttachments(files);
    const key = c.req.header('Idempotency-Key')?.trim() || null;
    const hash = key ? bodyHash(raw, attachments) : null;
    if (key) {
      if (key.length > 200) throw RecordsErrorAnswer.of(400, 'Idempotency-Key', 'body');
      const earlier = await store.byIdempotencyKey(key);
      if (earlier) {
        if (earlier.body_hash !== hash) throw RecordsErrorAnswer.of(422, 'Idempotency-Key', 'idempotency');
        return json(201, await createdBody(earlier, c), language);
      }
    }
    let request: RequestRow;
    try {
      request = await store.create({ submission, attachments, rule, receivedAt: new Date(), language, idempotencyKey: key, bodyHash: hash });
    } catch (err) {
      // Two sends with one key at once: the second loses the unique index and replays the first.
      const earlier = key ? await store.byIdempotencyKey(key) : undefined;
      if (!earlier) throw err;
      if (earlier.body_hash !== hash) throw RecordsErrorAnswer.of(422, 'Idempotency-Key', 'idempotency');
      request = earlier;
    }
    return json(201, await createdBody(request, c), language);
  });

  async function createdBody(request: RequestRow, c: Context) {
    const view = requesterView(request, await store.events(request.id), [], ctx(c));
    return {
      tracking_number: request.tracking_number,
      access_token: request.access_token,
      status: view.status,
      received_date: view.received_date,
      due_date: view.due_date,
      extended_due_date: view.extended_due_date,
      due_basis: view.due_basis,
    };
  }

  app.get('/requests/:tracking{.+\\.json}', async (c) => {
    const language = lang(c);
    const trackingNumber = c.req.param('tracking').replace(/\.json$/, '');
    const request = TRACKING.test(trackingNumber) ? await store.byTrackingNumber(trackingNumber) : undefined;
    if (!request) throw RecordsErrorAnswer.of(404, 'tracking_number', 'notFound');
    const [events, documents] = await Promise.all([store.events(request.id), store.documents(request.id)]);
    const token = c.req.query('access_token');
    if (token !== undefined) {
      if (!sameToken(token, request.access_token)) throw RecordsErrorAnswer.of(404, 'tracking_number', 'notFound');
      return json(200, requesterView(request, events, documents, ctx(c)), language);
    }
    const published = config.recordsPublicLog && request.is_public && events.some((e) => e.actor === 'staff');
    if (!published) throw RecordsErrorAnswer.of(404, 'tracking_number', 'notFound');
    return json(200, publicView(request, events, documents, ctx(c)), language);
  });

  app.get('/requests.json', async (c) => {
    const language = lang(c);
    if (!config.recordsPublicLog) throw RecordsErrorAnswer.of(404, 'path', 'publicLogOff');
    const page = Math.min(Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1), 100_000);
    const size = Math.min(Math.max(1, Number.parseInt(c.req.query('page_size') ?? '20', 10) || 20), MAX_PAGE_SIZE);
    const { rows, total } = await store.publicLog(size, (page - 1) * size);
    const items = [];
    for (const row of rows) {
      const [events, documents] = await Promise.all([store.events(row.id), store.documents(row.id)]);
      items.push(publicView(row, events, documents, ctx(c)));
    }
    const res = json(200, { requests: items, total, page, page_size: size }, language);
    res.headers.set('X-Total-Count', String(total));
    return res;
  });

  app.get('/documents/:id', async (c) => {
    const language = lang(c);
    const id = c.req.param('id');
    const doc = UUID.test(id) ? await store.document(id) : undefined;
    if (!doc) throw RecordsErrorAnswer.of(404, 'document', 'notFound');
    if (doc.visibility !== 'public') {
      const [owner] = await db.query<{ access_token: string }>('SELECT access_token FROM records_requests WHERE id = $1', [doc.request_id]);
      const staff = config.staffToken && sameToken(/^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1], config.staffToken);
      if (!staff && (!owner || !sameToken(c.req.query('access_token'), owner.access_token))) throw RecordsErrorAnswer.of(404, 'document', 'notFound');
    }
    const filename = doc.name.replace(/[^\w.\- ]/g, '_');
    return new Response(new Blob([doc.bytes as Uint8Array<ArrayBuffer>]), {
      headers: {
        'Content-Type': doc.content_type,
        'Content-Length': String(doc.bytes.byteLength),
        'Content-Disposition': `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': doc.visibility === 'public' ? 'public, max-age=3600' : 'private, no-store',
        'Content-Language': language,
      },
    });
  });

  // The requester answers a clarification or accepts a fee estimate through the access link.
  app.post('/requests/:tracking/replies.json', async (c) => {
    const language = lang(c);
    const request = await findWithToken(c);
    const { raw } = await readBody(c);
    const events = await store.events(request.id);
    const { waitingFor } = pauseOf(events);
    if (!waitingFor) throw RecordsErrorAnswer.of(409, 'message', 'notWaiting');
    const text = typeof raw.message === 'string' ? raw.message.trim() : '';
    if (!text && waitingFor === 'clarification') throw RecordsErrorAnswer.of(400, 'message', 'messageRequired');
    if (text.length > 10_000) throw RecordsErrorAnswer.of(400, 'message', 'tooLong', { max: 10_000 });
    const type = waitingFor === 'fee' ? 'fee_accepted' : 'clarification_provided';
    await store.addEvent({ request, type, status: nextStatus(type, events), actor: 'requester', at: new Date(), message: text || null });
    return json(200, requesterView(request, await store.events(request.id), await store.documents(request.id), ctx(c)), language);
  });

  // --- staff ---

  app.get('/staff/requests.json', async (c) => {
    const language = lang(c);
    requireStaff(c);
    const rows = await store.staffList(200, 0);
    const items = [];
    for (const row of rows) {
      const view = requesterView(row, await store.events(row.id), await store.documents(row.id), ctx(c));
      items.push({
        ...view,
        access_token: row.access_token,
        requester: {
          name_first: row.name_first,
          name_last: row.name_last,
          email: row.email,
          phone_number: row.phone_number,
          address_line1: row.address_line1,
          address_line2: row.address_line2,
          address_city: row.address_city,
          address_state_province: row.address_state_province,
          address_zip_postal_code: row.address_zip_postal_code,
          address_country: row.address_country,
        },
        fee_waiver_explanation: row.fee_waiver_explanation,
        expedited_processing_explanation: row.expedited_processing_explanation,
      });
    }
    return json(200, { requests: items }, language);
  });

  app.post('/requests/:tracking/events.json', async (c) => {
    const language = lang(c);
    requireStaff(c);
    const trackingNumber = c.req.param('tracking');
    const request = TRACKING.test(trackingNumber) ? await store.byTrackingNumber(trackingNumber) : undefined;
    if (!request) throw RecordsErrorAnswer.of(404, 'tracking_number', 'notFound');
    const { raw } = await readBody(c);
    const type = typeof raw.type === 'string' ? raw.type : '';
    if (!(type in STAFF_EVENTS)) throw RecordsErrorAnswer.of(400, 'type', 'eventType');
    const events = await store.events(request.id);
    const current = events.at(-1)?.status ?? 'submitted';
    if (FINAL.has(current) && type !== 'reopened') throw RecordsErrorAnswer.of(409, 'type', 'finished');
    if ((type === 'clarification_provided' || type === 'fee_accepted') && !pauseOf(events).waitingFor) throw RecordsErrorAnswer.of(409, 'type', 'notWaiting');
    const str = (field: string, max = 10_000) => {
      const v = raw[field];
      if (v === undefined || v === null || v === '') return null;
      if (typeof v !== 'string' || v.length > max) throw RecordsErrorAnswer.of(400, field, 'tooLong', { max });
      return v.trim() || null;
    };
    const messageText = str('message');
    const reason = str('reason', 5_000);
    if (type === 'denied' && !reason) throw RecordsErrorAnswer.of(400, 'reason', 'reasonRequired');
    let feeAmount: number | null = null;
    if (type === 'fee_estimate') {
      const fee = String(raw.fee_amount ?? '');
      if (!/^\d{1,7}(\.\d{1,2})?$/.test(fee)) throw RecordsErrorAnswer.of(400, 'fee_amount', 'feeAmountRequired');
      feeAmount = Number(fee);
    }
    const dueDate = str('due_date', 10);
    if (dueDate && !realDate(dueDate)) throw RecordsErrorAnswer.of(400, 'due_date', 'dateInvalid');
    if (type === 'extended' && !rule.extension && !dueDate) throw RecordsErrorAnswer.of(400, 'due_date', 'dueDateRequired');
    const documents: Array<Attachment & { visibility: 'public' | 'requester' }> = [];
    if (type === 'released' || type === 'partially_released') {
      const list = Array.isArray(raw.documents) ? (raw.documents as unknown[]) : [];
      if (list.length === 0) throw RecordsErrorAnswer.of(400, 'documents', 'documentsRequired');
      if (list.length > 20) throw RecordsErrorAnswer.of(400, 'documents', 'attachmentCount');
      for (const item of list) {
        const d = item as Record<string, unknown>;
        if (typeof d?.name !== 'string' || typeof d.content_type !== 'string' || typeof d.content_base64 !== 'string') {
          throw RecordsErrorAnswer.of(400, 'documents', 'documentBad');
        }
        const bytes = new Uint8Array(Buffer.from(d.content_base64, 'base64'));
        const [checked] = checkAttachments([{ name: d.name, contentType: d.content_type, bytes }], 'documents');
        documents.push({ ...checked!, visibility: d.public === false ? 'requester' : 'public' });
      }
    }
    const isPublic = typeof raw.public === 'boolean' ? raw.public : undefined;
    await store.addEvent({
      request,
      type,
      status: nextStatus(type, events),
      actor: 'staff',
      at: new Date(),
      message: messageText,
      reason,
      feeAmount,
      dueDate,
      documents,
      ...(isPublic !== undefined ? { isPublic } : {}),
    });
    const fresh = (await store.byTrackingNumber(request.tracking_number))!;
    return json(201, requesterView(fresh, await store.events(fresh.id), await store.documents(fresh.id), ctx(c)), language);
  });

  app.notFound((c) => json(404, RecordsErrorAnswer.of(404, 'path', 'notFound').body(lang(c)), lang(c)));
  app.onError((err, c) => {
    const language = lang(c);
    if (err instanceof RecordsErrorAnswer) return json(err.status, err.body(language), language);
    // Never the error's message or the request body: either may carry a requester's details.
    console.error(`records: ${c.req.method} ${new URL(c.req.url).pathname} failed (${err.name})`);
    return json(500, { errors: [{ field: 'server', message: message(language, 'server') }] }, language);
  });
  return app;
}
