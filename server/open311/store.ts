import { randomUUID } from 'node:crypto';
import type { Database, Queryable, SqlParam } from '../db.js';
import type { AttributeDatatype, ServiceType } from '../../src/api/types.js';

export interface ServiceRow {
  service_code: string;
  service_name: string;
  description: string | null;
  type: ServiceType;
  keywords: string;
  group_name: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  has_attributes: boolean;
}

export interface AttributeRow {
  code: string;
  variable: boolean;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  sort_order: number;
  description: string;
  list_values: Array<{ key: string; name: string }>;
}

/** The public columns of a request. Personal fields are deliberately absent from this list. */
export interface RequestRow {
  id: number;
  service_code: string;
  service_name: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_at: Date;
  updated_at: Date;
  expected_at: Date | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  lon: number | null;
  media_id: string | null;
  media_url: string | null;
  total: number;
  /** The earliest `requested_at` among all matching requests (every page), for the cache's expiry. */
  oldest: Date;
}

export interface NoteRow {
  request_id: number;
  datetime: Date;
  type: string;
  summary: string;
  description: string | null;
}

const PUBLIC_REQUEST_COLUMNS = `r.id, r.service_code, s.service_name, r.status, r.status_notes, r.description,
  r.agency_responsible, r.service_notice, r.requested_at, r.updated_at, r.expected_at, r.address, r.address_id,
  r.zipcode, r.lat, r.lon, r.media_id, r.media_url`;

export interface RequestFilter {
  ids?: string[];
  serviceCodes?: string[];
  statuses?: Array<'open' | 'closed'>;
  start?: Date;
  end?: Date;
  updatedAfter?: Date;
  bbox?: [number, number, number, number];
  /** `start` is the spec's default (now minus 90 days), so the answer changes as time passes. */
  rollingStart?: boolean;
  limit: number;
  offset: number;
}

export interface NewRequest {
  service: ServiceRow;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  zipcode?: string;
  description?: string;
  media_url?: string;
  media?: { contentType: string; bytes: Uint8Array };
  attributes: Record<string, string | string[]>;
  personal: Record<'email' | 'phone' | 'first_name' | 'last_name' | 'device_id' | 'account_id', string | undefined>;
  availableAt: Date;
  /** The reporter's language (the answer's), for the messages the city sends about the request. */
  language?: string;
}

/** How long an `Idempotency-Key` is remembered; a retry after that creates a new request. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export class Open311Store {
  constructor(readonly db: Database) {}

  listServices(): Promise<ServiceRow[]> {
    return this.db.query<ServiceRow>(
      `SELECT s.*, EXISTS (SELECT 1 FROM service_attributes a WHERE a.service_code = s.service_code) AS has_attributes
       FROM services s ORDER BY s.sort_order, s.service_code`,
    );
  }

  async getService(code: string): Promise<ServiceRow | undefined> {
    const rows = await this.db.query<ServiceRow>(
      `SELECT s.*, EXISTS (SELECT 1 FROM service_attributes a WHERE a.service_code = s.service_code) AS has_attributes
       FROM services s WHERE s.service_code = $1`,
      [code],
    );
    return rows[0];
  }

  attributes(code: string): Promise<AttributeRow[]> {
    return this.db.query<AttributeRow>(
      `SELECT code, variable, datatype, required, datatype_description, sort_order, description, list_values
       FROM service_attributes WHERE service_code = $1 ORDER BY sort_order`,
      [code],
    );
  }

  findRequests(f: RequestFilter, now: Date): Promise<RequestRow[]> {
    const where = ['r.available_at <= $1'];
    const params: SqlParam[] = [now];
    const add = (clause: string, value: SqlParam) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (f.ids) add(`r.id::text = ANY(string_to_array(?, ','))`, f.ids.join(','));
    if (f.serviceCodes) add(`r.service_code = ANY(string_to_array(?, ','))`, f.serviceCodes.join(','));
    if (f.statuses) add(`r.status = ANY(string_to_array(?, ','))`, f.statuses.join(','));
    if (f.start) add('r.requested_at >= ?', f.start);
    if (f.end) add('r.requested_at <= ?', f.end);
    if (f.updatedAfter) add('r.updated_at > ?', f.updatedAfter);
    if (f.bbox) {
      const [minLng, minLat, maxLng, maxLat] = f.bbox;
      add('r.lon >= ?', minLng);
      add('r.lat >= ?', minLat);
      add('r.lon <= ?', maxLng);
      add('r.lat <= ?', maxLat);
    }
    params.push(f.limit, f.offset);
    // Matching ids first: for the default list and a bbox the covering index on requested_at
    // answers that alone (index-only scan); only the page's rows are then read in full.
    return this.db.query<RequestRow>(
      `WITH m AS MATERIALIZED (SELECT r.id, r.requested_at FROM requests r WHERE ${where.join(' AND ')}),
            page AS (SELECT id, requested_at FROM m ORDER BY requested_at DESC, id DESC
                     LIMIT $${params.length - 1} OFFSET $${params.length})
       SELECT ${PUBLIC_REQUEST_COLUMNS}, (SELECT count(*) FROM m)::int AS total, (SELECT min(requested_at) FROM m) AS oldest
       FROM page p JOIN requests r ON r.id = p.id JOIN services s ON s.service_code = r.service_code
       ORDER BY p.requested_at DESC, p.id DESC`,
      params,
    );
  }

  notes(requestIds: number[]): Promise<NoteRow[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.db.query<NoteRow>(
      `SELECT request_id, datetime, type, summary, description FROM request_notes
       WHERE request_id = ANY(string_to_array($1, ',')::int[]) ORDER BY request_id, datetime, id`,
      [requestIds.join(',')],
    );
  }

  async token(token: string, now: Date): Promise<{ token: string; service_request_id?: string } | undefined> {
    const rows = await this.db.query<{ id: number; available: boolean }>(
      'SELECT id, available_at <= $2 AS available FROM requests WHERE token = $1',
      [token, now],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.available ? { token, service_request_id: String(row.id) } : { token };
  }

  /** Stored attribute answers of these requests (public: no personal field lives there). */
  async answers(requestIds: number[]): Promise<Map<number, Record<string, string | string[]>>> {
    const out = new Map<number, Record<string, string | string[]>>();
    if (requestIds.length === 0) return out;
    const rows = await this.db.query<{ id: number; attributes: Record<string, string | string[]> | string }>(
      `SELECT id, attributes FROM requests WHERE id = ANY(string_to_array($1, ',')::int[])`,
      [requestIds.join(',')],
    );
    for (const r of rows) out.set(r.id, typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes);
    return out;
  }

  private idempotencyReady?: Promise<unknown>;

  /** The key table lives with the routes that use it; created (or brought up to date) on first use, idempotently. */
  private idempotencyTable(): Promise<unknown> {
    this.idempotencyReady ??= (async () => {
      await this.db.query(
        `CREATE TABLE IF NOT EXISTS idempotency_keys (
           key text PRIMARY KEY,
           answer jsonb,
           created_at timestamptz NOT NULL
         )`,
      );
      await this.db.query('ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS fingerprint text');
      await this.db.query('CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at)');
    })();
    return this.idempotencyReady;
  }

  /**
   * Creates the request once per `Idempotency-Key`. Claiming the key, writing the request and
   * storing the answer are one transaction, so a crash part way leaves no trace (the retry simply
   * runs again) and a concurrent duplicate waits for the first to commit, then gets its answer.
   * Keys older than `IDEMPOTENCY_KEY_TTL_MS` are forgotten.
   */
  async createOnce(
    key: string,
    fingerprint: string,
    input: NewRequest,
    now: Date,
    answerOf: (created: { id: number; token?: string }) => Record<string, string | undefined>,
    beforeCommit?: () => Promise<void>,
  ): Promise<{ kind: 'created' | 'replayed'; answer: Record<string, string | undefined> } | { kind: 'mismatch' }> {
    await this.idempotencyTable();
    return this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS)]);
      // A row without an answer can only be left by an older version's crash: it is free to claim.
      const claimed = await tx.query(
        `INSERT INTO idempotency_keys (key, fingerprint, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at
         WHERE idempotency_keys.answer IS NULL
         RETURNING key`,
        [key, fingerprint, now],
      );
      if (claimed.length === 0) {
        const [row] = await tx.query<{ answer: Record<string, string> | string; fingerprint: string | null }>(
          'SELECT answer, fingerprint FROM idempotency_keys WHERE key = $1',
          [key],
        );
        if (row!.fingerprint !== null && row!.fingerprint !== fingerprint) return { kind: 'mismatch' };
        return { kind: 'replayed', answer: typeof row!.answer === 'string' ? JSON.parse(row!.answer) : row!.answer };
      }
      const answer = answerOf(await this.insertRequest(tx, input, now));
      await tx.query('UPDATE idempotency_keys SET answer = $2::jsonb WHERE key = $1', [key, JSON.stringify(answer)]);
      await beforeCommit?.();
      return { kind: 'created', answer };
    });
  }

  async media(id: string): Promise<{ content_type: string; bytes: Uint8Array } | undefined> {
    const rows = await this.db.query<{ content_type: string; bytes: Uint8Array }>(
      'SELECT content_type, bytes FROM media WHERE id = $1',
      [id],
    );
    return rows[0];
  }

  /** Writes the request, its photo and its first note together, or nothing. */
  create(input: NewRequest, now: Date): Promise<{ id: number; token?: string }> {
    return this.db.transaction((tx) => this.insertRequest(tx, input, now));
  }

  private async insertRequest(tx: Queryable, input: NewRequest, now: Date): Promise<{ id: number; token?: string }> {
    const token = input.service.type === 'batch' ? randomUUID() : undefined;
    let mediaId: string | null = null;
    if (input.media) {
      mediaId = randomUUID();
      await tx.query('INSERT INTO media (id, content_type, bytes, created_at) VALUES ($1, $2, $3, $4)', [
        mediaId,
        input.media.contentType,
        input.media.bytes,
        now,
      ]);
    }
    const p = input.personal;
    const rows = await tx.query<{ id: number }>(
      `INSERT INTO requests (token, service_code, status, description, agency_responsible, service_notice,
         requested_at, updated_at, available_at, address, address_id, zipcode, lat, lon, media_id, media_url,
         attributes, email, phone, first_name, last_name, device_id, account_id, language)
       VALUES ($1, $2, 'open', $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb,
         $16, $17, $18, $19, $20, $21, $22)
       RETURNING id`,
      [
        token ?? null,
        input.service.service_code,
        input.description ?? null,
        input.service.agency_responsible,
        input.service.service_notice,
        now,
        input.availableAt,
        input.address_string ?? null,
        input.address_id ?? null,
        input.zipcode ?? null,
        input.lat ?? null,
        input.long ?? null,
        mediaId,
        input.media_url ?? null,
        JSON.stringify(input.attributes),
        p.email ?? null,
        p.phone ?? null,
        p.first_name ?? null,
        p.last_name ?? null,
        p.device_id ?? null,
        p.account_id ?? null,
        input.language ?? null,
      ],
    );
    const id = rows[0]!.id;
    await tx.query(
      `INSERT INTO request_notes (request_id, datetime, type, summary, description) VALUES ($1, $2, 'opened', 'Request received', $3)`,
      [id, now, `Your request was received and sent to ${input.service.agency_responsible ?? 'the city'}.`],
    );
    return { id, token };
  }

  /** Every stored translation, by language: `lang → (English source → text)`. */
  async translations(): Promise<Map<string, Map<string, string>>> {
    const rows = await this.db.query<{ lang: string; source: string; text: string }>('SELECT lang, source, text FROM translations');
    const out = new Map<string, Map<string, string>>();
    for (const r of rows) {
      let catalog = out.get(r.lang);
      if (!catalog) out.set(r.lang, (catalog = new Map()));
      catalog.set(r.source, r.text);
    }
    return out;
  }

  private notifiedVersion = -1;
  private watching?: Promise<void>;

  /** Bumped by every committed write to a table GET answers come from (see schema.ts). */
  async dataVersion(): Promise<number> {
    if (this.db.listen) {
      this.watching ??= this.watchDataVersion(this.db.listen.bind(this.db));
      await this.watching;
      return this.notifiedVersion;
    }
    return this.readDataVersion();
  }

  private async readDataVersion(): Promise<number> {
    const rows = await this.db.query<{ n: string | number }>('SELECT n FROM data_version');
    return Number(rows[0]?.n ?? 0);
  }

  /** Listens before reading, so a write in between is not missed. */
  private async watchDataVersion(listen: NonNullable<Database['listen']>): Promise<void> {
    await listen('civic_data_version', (payload) => {
      this.notifiedVersion = Math.max(this.notifiedVersion, Number(payload));
    });
    const current = await this.readDataVersion();
    this.notifiedVersion = Math.max(this.notifiedVersion, current);
  }

  /** When the next pending (batch) request becomes visible, in epoch ms; Infinity when none waits. */
  async nextAvailableAt(now: Date): Promise<number> {
    const rows = await this.db.query<{ at: Date | null }>('SELECT min(available_at) AS at FROM requests WHERE available_at > $1', [now]);
    const at = rows[0]?.at;
    return at ? new Date(at).getTime() : Infinity;
  }

  async seededAt(): Promise<Date> {
    const rows = await this.db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'seeded_at'`);
    return rows[0] ? new Date(rows[0].value) : new Date(0);
  }
}
