import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type SqlParam = string | number | boolean | null | Date | Uint8Array;
export type Row = Record<string, unknown>;

/** What every caller needs from a database: PostgreSQL SQL with `$1` parameters. */
export interface Queryable {
  query<T = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

export interface Database extends Queryable {
  /** Runs `fn` in one transaction: all of its writes land, or none do. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly driver: 'pglite' | 'postgres';
}

/** Embedded PostgreSQL (WASM) persisted in `dataDir`; one connection, so queries serialise. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  return {
    driver: 'pglite',
    async query<T>(sql: string, params: readonly SqlParam[] = []) {
      const res = await db.query<T>(sql, [...params]);
      return res.rows;
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return db.transaction(async (tx) =>
        fn({
          async query<R>(sql: string, params: readonly SqlParam[] = []) {
            return (await tx.query<R>(sql, [...params])).rows;
          },
        }),
      );
    },
    async close() {
      await db.close();
    },
  };
}

/** A PostgreSQL server. A `search_path` can ride in the URL (`?options=-c search_path=x`). */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // Surface connection problems at start-up, not on the first request.
  await pool.query('SELECT 1');
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly SqlParam[] = []) {
      const res = await client.query(sql, [...params]);
      return res.rows as T[];
    },
  });
  return {
    driver: 'postgres',
    query: wrap(pool).query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** The fields of a PostgreSQL error (pg's `DatabaseError` and PGlite's share them) that name no data. */
interface PgErrorFields {
  code: string;
  severity: string;
  routine?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  dataType?: string;
}

function isPgError(err: unknown): err is Error & PgErrorFields {
  return err instanceof Error && typeof (err as Partial<PgErrorFields>).code === 'string' && typeof (err as Partial<PgErrorFields>).severity === 'string';
}

/**
 * An error as one log line that carries no personal data. Database errors bring the failing row
 * (`detail`), the statement's parameters and quoted values in the message, which hold residents'
 * emails, phones and names: only the SQLSTATE and the names of schema objects are kept.
 */
export function describeError(err: unknown): string {
  if (isPgError(err)) {
    const names = new Set([err.schema, err.table, err.column, err.constraint, err.dataType].filter((n): n is string => !!n));
    const message = err.message.replace(/"([^"]*)"|'([^']*)'/g, (quoted, dq?: string, sq?: string) =>
      names.has(dq ?? sq ?? '') ? quoted : '"…"',
    );
    const where = [err.table && `table ${err.table}`, err.column && `column ${err.column}`, err.constraint && `constraint ${err.constraint}`]
      .filter(Boolean)
      .join(', ');
    return `database error ${err.code} (${err.routine ?? 'unknown routine'}${where ? `; ${where}` : ''}): ${message}`;
  }
  return err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
}
