import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db.js';
import type { Answers, FormDefinition } from '../../src/forms/definition.js';

export interface SubmissionRow {
  id: number;
  reference: string;
  slug: string;
  version: number;
  language: string;
  status: string;
  submitted_at: Date;
  updated_at: Date;
  idempotency_key: string | null;
  body_hash: string | null;
  answers: Answers;
}

export interface FileRow {
  id: string;
  submission_id: number;
  path: string;
  name: string;
  content_type: string;
  size: number;
}

export interface StoredFile {
  /** Answer path: `plans`, or `children.0.birth_certificate`. */
  path: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

const FILE_COLUMNS = 'id, submission_id, path, name, content_type, octet_length(bytes)::int AS size';

export class FormsStore {
  constructor(private readonly db: Database) {}

  /** The newest version of every form. */
  async catalog(): Promise<FormDefinition[]> {
    const rows = await this.db.query<{ definition: FormDefinition }>(
      `SELECT DISTINCT ON (slug) definition FROM forms_definitions ORDER BY slug, version DESC`,
    );
    return rows.map((r) => r.definition);
  }

  async definition(slug: string, version?: number, q: Queryable = this.db): Promise<FormDefinition | undefined> {
    const [row] =
      version === undefined
        ? await q.query<{ definition: FormDefinition }>(`SELECT definition FROM forms_definitions WHERE slug = $1 ORDER BY version DESC LIMIT 1`, [slug])
        : await q.query<{ definition: FormDefinition }>(`SELECT definition FROM forms_definitions WHERE slug = $1 AND version = $2`, [slug, version]);
    return row?.definition;
  }

  /** Stores a definition as the next version of its slug; returns that version. */
  async publish(definition: FormDefinition, at: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      // One publisher at a time per slug, so two PUTs never claim the same version.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`forms:${definition.slug}`]);
      const [{ v } = { v: 0 }] = await tx.query<{ v: number }>(`SELECT coalesce(max(version), 0)::int AS v FROM forms_definitions WHERE slug = $1`, [definition.slug]);
      const version = v + 1;
      await tx.query(`INSERT INTO forms_definitions (slug, version, definition, published_at) VALUES ($1, $2, $3, $4)`, [
        definition.slug,
        version,
        JSON.stringify({ ...definition, version }),
        at,
      ]);
      return version;
    });
  }

  async byReference(reference: string): Promise<SubmissionRow | undefined> {
    const [row] = await this.db.query<SubmissionRow>(`SELECT * FROM forms_submissions WHERE reference = $1`, [reference]);
    return row;
  }

  async byIdempotencyKey(key: string): Promise<SubmissionRow | undefined> {
    const [row] = await this.db.query<SubmissionRow>(`SELECT * FROM forms_submissions WHERE idempotency_key = $1`, [key]);
    return row;
  }

  /** Stores a submission and its files in one transaction, with a reference like `BPP-2026-000123`. */
  async create(input: {
    slug: string;
    version: number;
    prefix: string;
    year: string;
    language: string;
    answers: Answers;
    files: StoredFile[];
    at: Date;
    idempotencyKey: string | null;
    bodyHash: string | null;
  }): Promise<SubmissionRow> {
    return this.db.transaction(async (tx) => {
      const [{ id } = { id: 0 }] = await tx.query<{ id: number }>(`SELECT nextval('forms_submission_seq')::int AS id`);
      const reference = `${input.prefix}-${input.year}-${String(id).padStart(6, '0')}`;
      const [row] = await tx.query<SubmissionRow>(
        `INSERT INTO forms_submissions (id, reference, slug, version, language, status, submitted_at, updated_at, idempotency_key, body_hash, answers)
         VALUES ($1, $2, $3, $4, $5, 'received', $6, $6, $7, $8, $9) RETURNING *`,
        [id, reference, input.slug, input.version, input.language, input.at, input.idempotencyKey, input.bodyHash, JSON.stringify(input.answers)],
      );
      for (const f of input.files) {
        await tx.query(`INSERT INTO forms_files (id, submission_id, path, name, content_type, bytes) VALUES ($1, $2, $3, $4, $5, $6)`, [
          randomUUID(),
          id,
          f.path,
          f.name,
          f.contentType,
          f.bytes,
        ]);
      }
      return row!;
    });
  }

  async list(slug: string, status: string | undefined, limit: number): Promise<SubmissionRow[]> {
    return status
      ? this.db.query<SubmissionRow>(`SELECT * FROM forms_submissions WHERE slug = $1 AND status = $2 ORDER BY submitted_at DESC, id DESC LIMIT $3`, [slug, status, limit])
      : this.db.query<SubmissionRow>(`SELECT * FROM forms_submissions WHERE slug = $1 ORDER BY submitted_at DESC, id DESC LIMIT $2`, [slug, limit]);
  }

  async files(submissionIds: number[]): Promise<FileRow[]> {
    if (submissionIds.length === 0) return [];
    return this.db.query<FileRow>(`SELECT ${FILE_COLUMNS} FROM forms_files WHERE submission_id = ANY(string_to_array($1, ',')::int[]) ORDER BY path, name`, [submissionIds.join(',')]);
  }

  async file(submissionId: number, id: string): Promise<(FileRow & { bytes: Uint8Array }) | undefined> {
    const [row] = await this.db.query<FileRow & { bytes: Uint8Array }>(`SELECT ${FILE_COLUMNS}, bytes FROM forms_files WHERE submission_id = $1 AND id = $2`, [
      submissionId,
      id,
    ]);
    return row;
  }

  async setStatus(id: number, status: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE forms_submissions SET status = $2, updated_at = $3 WHERE id = $1`, [id, status, at]);
  }
}

/** Seeds a definition as version 1 when its slug has none. */
export async function seedDefinition(q: Queryable, definition: FormDefinition, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO forms_definitions (slug, version, definition, published_at)
     SELECT $1, 1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM forms_definitions WHERE slug = $1)`,
    [definition.slug, JSON.stringify({ ...definition, version: 1 }), at],
  );
}
