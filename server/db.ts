import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
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

/**
 * PostgreSQL's default 128 MB of shared buffers live inside the WASM memory, which never shrinks;
 * the reference data is a few MB and the OS caches the files anyway.
 */
const PGLITE_OPTIONS = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };

/**
 * Creating a cluster (initdb) grows the WASM memory of the process doing it by ~500 MiB that
 * stay for its lifetime, so a child process does that and exits; this process then only opens.
 */
async function initPgliteDir(dataDir: string): Promise<void> {
  const script = `const { PGlite } = await import(process.argv[1]);
    const db = await PGlite.create(process.argv[2], JSON.parse(process.argv[3]));
    await db.close();`;
  await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, import.meta.resolve('@electric-sql/pglite'), dataDir, JSON.stringify(PGLITE_OPTIONS)],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}

/** Embedded PostgreSQL (WASM) persisted in `dataDir`; one connection, so queries serialise. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initPgliteDir(dataDir);
  const db = await PGlite.create(dataDir, PGLITE_OPTIONS);
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
