import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
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
  /** Resolves when the database can answer a query and store a write; else rejects with `DatabaseUnavailableError`. */
  check(): Promise<void>;
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

/** The database cannot answer or cannot store writes: the caller should be told to try again later (503). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** A second server already uses this data directory. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

const LOCK_FILE = 'civic-server.lock';
const locksHeld = new Set<string>();

function lockHolderAlive(path: string, holder: { pid?: unknown; hostname?: unknown }): boolean {
  // Another machine's process cannot be checked from here: assume it runs.
  if (holder.hostname !== hostname()) return true;
  if (typeof holder.pid !== 'number') return false;
  // This process: a server of ours still open on the directory, or a stale file from a process that had our pid.
  if (holder.pid === process.pid) return locksHeld.has(path);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `dataDir` for this server. Two servers on one PGlite directory both run, hand out the
 * same ids and lose each other's writes; so the second one refuses to start. A lock left by a
 * process that died (kill -9, power loss) is taken over.
 * @returns the function that releases the lock
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, hostname: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      locksHeld.add(path);
      return () => {
        locksHeld.delete(path);
        rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder: { pid?: unknown; hostname?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
    } catch {
      // unreadable or half written: its writer died before finishing, so the lock is stale
    }
    if (lockHolderAlive(path, holder)) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by another civic-elements server (pid ${String(holder.pid)} on ${String(holder.hostname)}). ` +
          `Stop that server first, or give this one its own DATA_DIR. If no server runs, delete ${path}.`,
      );
    }
    rmSync(path, { force: true });
  }
  throw new DataDirInUseError(`DATA_DIR ${dataDir} could not be locked: another server keeps taking it.`);
}

/**
 * Whether `dataDir` is still the directory PGlite opened and still takes writes. PGlite keeps
 * files open, so after the directory is deleted its writes would "succeed" into unlinked files
 * and be lost at the next start: every write transaction checks first.
 */
function dataDirWritable(dataDir: string, inode: number): void {
  const probe = join(dataDir, '.civic-write-probe');
  try {
    if (statSync(dataDir).ino !== inode) throw new Error('the directory was replaced');
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (err) {
    throw new DatabaseUnavailableError(`the data directory ${dataDir} cannot be written: ${(err as Error).message}`);
  }
}

/** Embedded PostgreSQL (WASM) persisted in `dataDir`; one connection, so queries serialise. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  let db: PGlite;
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initPgliteDir(dataDir);
    db = await PGlite.create(dataDir, PGLITE_OPTIONS);
  } catch (err) {
    unlock();
    throw err;
  }
  const inode = statSync(dataDir).ino;
  return {
    driver: 'pglite',
    async query<T>(sql: string, params: readonly SqlParam[] = []) {
      const res = await db.query<T>(sql, [...params]);
      return res.rows;
    },
    async check() {
      dataDirWritable(dataDir, inode);
      try {
        await db.query('SELECT 1');
      } catch (err) {
        throw new DatabaseUnavailableError(describeError(err));
      }
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      dataDirWritable(dataDir, inode);
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
      try {
        await db.close();
      } finally {
        unlock();
      }
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
    async check() {
      try {
        await pool.query('SELECT 1');
      } catch (err) {
        throw new DatabaseUnavailableError(describeError(err));
      }
    },
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

/**
 * Whether an error means the database is out of reach or out of space rather than the request
 * being wrong: connection failures, shutdowns, a full disk, missing files. Those are a 503.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (isPgError(err)) return /^(08|53|57P|58)/.test(err.code);
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'ENOENT', 'EACCES', 'EROFS', 'ENOSPC'].includes(code);
}
