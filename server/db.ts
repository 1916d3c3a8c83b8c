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
  /**
   * PGlite only: calls `fn` with the payload of each NOTIFY on `channel`, in this process, before
   * the writing statement or transaction's promise settles. (PostgreSQL delivers NOTIFY on another
   * connection, later than a GET right after a commit may run, so it has no `listen` here.)
   */
  listen?(channel: string, fn: (payload: string) => void): Promise<void>;
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
    async listen(channel: string, fn: (payload: string) => void) {
      await db.listen(channel, fn);
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
