import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database, Queryable, SqlParam } from '../db.js';
import type { RecordsRule } from '../../src/api/records/rules.js';
import type { Attachment, RecordsSubmission } from './submit.js';

export interface RequestRow extends RecordsSubmission {
  id: number;
  tracking_number: string;
  access_token: string;
  rule: RecordsRule;
  received_at: Date;
  language: string;
  is_public: boolean;
  idempotency_key: string | null;
  body_hash: string | null;
}

export interface EventRow {
  id: number;
  request_id: number;
  type: string;
  status: string;
  created_at: Date;
  actor: 'requester' | 'staff' | 'system';
  message: string | null;
  reason: string | null;
  fee_amount: string | null;
  due_date: string | null;
}

export interface DocumentRow {
  id: string;
  request_id: number;
  event_id: number | null;
  kind: 'attachment' | 'release';
  visibility: 'public' | 'requester';
  name: string;
  content_type: string;
  size: number;
  created_at: Date;
}

const REQUEST_COLUMNS = [
  'request_description',
  'date_range_start',
  'date_range_end',
  'department',
  'delivery_format',
  'fee_amount_willing',
  'fee_waiver',
  'fee_waiver_explanation',
  'expedited_processing',
  'expedited_processing_explanation',
  'name_first',
  'name_last',
  'email',
  'phone_number',
  'address_line1',
  'address_line2',
  'address_city',
  'address_state_province',
  'address_zip_postal_code',
  'address_country',
] as const satisfies ReadonlyArray<keyof RecordsSubmission>;

const DOCUMENT_COLUMNS = 'id, request_id, event_id, kind, visibility, name, content_type, octet_length(bytes)::int AS size, created_at';

/** Compares an access token without leaking its length or content through timing. */
export function sameToken(given: string | undefined, stored: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

function normaliseRow(row: RequestRow): RequestRow {
  const fee = row.fee_amount_willing as unknown;
  return { ...row, fee_amount_willing: fee === null || fee === undefined ? null : Number(fee) };
}

export class RecordsStore {
  constructor(private readonly db: Database) {}

  async byTrackingNumber(trackingNumber: string, q: Queryable = this.db): Promise<RequestRow | undefined> {
    const [row] = await q.query<RequestRow>('SELECT * FROM records_requests WHERE tracking_number = $1', [trackingNumber]);
    return row ? normaliseRow(row) : undefined;
  }

  async byIdempotencyKey(key: string, q: Queryable = this.db): Promise<RequestRow | undefined> {
    const [row] = await q.query<RequestRow>('SELECT * FROM records_requests WHERE idempotency_key = $1', [key]);
    return row ? normaliseRow(row) : undefined;
  }

  /** Stores a request, its "submitted" event and its attachments in one transaction. */
  async create(input: {
    submission: RecordsSubmission;
    attachments: Attachment[];
    rule: RecordsRule;
    receivedAt: Date;
    language: string;
    idempotencyKey: string | null;
    bodyHash: string | null;
  }): Promise<RequestRow> {
    return this.db.transaction(async (tx) => {
      const [{ id } = { id: 0 }] = await tx.query<{ id: number }>(`SELECT nextval('records_request_seq')::int AS id`);
      const year = new Intl.DateTimeFormat('en-US', { timeZone: input.rule.timeZone, year: 'numeric' }).format(input.receivedAt);
      const trackingNumber = `R-${year}-${String(id).padStart(5, '0')}`;
      const token = randomBytes(24).toString('base64url');
      const values: SqlParam[] = REQUEST_COLUMNS.map((c) => input.submission[c]);
      const params = REQUEST_COLUMNS.map((_, i) => `$${i + 10}`).join(', ');
      await tx.query(
        `INSERT INTO records_requests (id, tracking_number, access_token, rule, received_at, language, idempotency_key, body_hash, is_public,
           ${REQUEST_COLUMNS.join(', ')})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ${params})`,
        [id, trackingNumber, token, JSON.stringify(input.rule), input.receivedAt, input.language, input.idempotencyKey, input.bodyHash, true, ...values],
      );
      await tx.query(`INSERT INTO records_events (request_id, type, status, created_at, actor) VALUES ($1, 'submitted', 'submitted', $2, 'requester')`, [
        id,
        input.receivedAt,
      ]);
      for (const file of input.attachments) {
        await tx.query(
          `INSERT INTO records_documents (id, request_id, kind, visibility, name, content_type, bytes, created_at)
           VALUES ($1, $2, 'attachment', 'requester', $3, $4, $5, $6)`,
          [randomUUID(), id, file.name, file.contentType, file.bytes, input.receivedAt],
        );
      }
      const row = await this.byTrackingNumber(trackingNumber, tx);
      if (!row) throw new Error('records request vanished inside its own transaction');
      return row;
    });
  }

  async events(requestId: number): Promise<EventRow[]> {
    return this.db.query<EventRow>('SELECT * FROM records_events WHERE request_id = $1 ORDER BY id', [requestId]);
  }

  async documents(requestId: number): Promise<DocumentRow[]> {
    return this.db.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM records_documents WHERE request_id = $1 ORDER BY created_at, name`, [requestId]);
  }

  async document(id: string): Promise<(DocumentRow & { bytes: Uint8Array }) | undefined> {
    const [row] = await this.db.query<DocumentRow & { bytes: Uint8Array }>(`SELECT ${DOCUMENT_COLUMNS}, bytes FROM records_documents WHERE id = $1`, [id]);
    return row;
  }

  /** Adds an event (and released documents, and a visibility change) in one transaction. */
  async addEvent(input: {
    request: RequestRow;
    type: string;
    status: string;
    actor: EventRow['actor'];
    at: Date;
    message?: string | null;
    reason?: string | null;
    feeAmount?: number | null;
    dueDate?: string | null;
    documents?: Array<Attachment & { visibility: 'public' | 'requester' }>;
    isPublic?: boolean;
  }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [event] = await tx.query<{ id: number }>(
        `INSERT INTO records_events (request_id, type, status, created_at, actor, message, reason, fee_amount, due_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [input.request.id, input.type, input.status, input.at, input.actor, input.message ?? null, input.reason ?? null, input.feeAmount ?? null, input.dueDate ?? null],
      );
      for (const doc of input.documents ?? []) {
        await tx.query(
          `INSERT INTO records_documents (id, request_id, event_id, kind, visibility, name, content_type, bytes, created_at)
           VALUES ($1, $2, $3, 'release', $4, $5, $6, $7, $8)`,
          [randomUUID(), input.request.id, event!.id, doc.visibility, doc.name, doc.contentType, doc.bytes, input.at],
        );
      }
      if (input.isPublic !== undefined) await tx.query('UPDATE records_requests SET is_public = $2 WHERE id = $1', [input.request.id, input.isPublic]);
    });
  }

  /**
   * The public log: requests the city has acknowledged and not marked private, newest first.
   * Only public columns are selected; the requester's identity never leaves this query.
   */
  async publicLog(limit: number, offset: number): Promise<{ rows: Array<Pick<RequestRow, 'id' | 'tracking_number' | 'request_description' | 'department' | 'received_at' | 'rule'>>; total: number }> {
    const where = `is_public AND EXISTS (SELECT 1 FROM records_events e WHERE e.request_id = r.id AND e.actor = 'staff')`;
    const rows = await this.db.query<Pick<RequestRow, 'id' | 'tracking_number' | 'request_description' | 'department' | 'received_at' | 'rule'>>(
      `SELECT id, tracking_number, request_description, department, received_at, rule FROM records_requests r WHERE ${where}
       ORDER BY received_at DESC, id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const [count] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM records_requests r WHERE ${where}`);
    return { rows, total: count?.n ?? 0 };
  }

  async staffList(limit: number, offset: number): Promise<RequestRow[]> {
    const rows = await this.db.query<RequestRow>('SELECT * FROM records_requests ORDER BY received_at DESC, id DESC LIMIT $1 OFFSET $2', [limit, offset]);
    return rows.map(normaliseRow);
  }
}
