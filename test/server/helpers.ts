import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { XMLParser } from 'fast-xml-parser';
import { describe, test } from 'node:test';
import pg from 'pg';
import { startServer, type RunningServer, type ServerOptions } from '../../server/app.js';

/** A database the suite can run on. PostgreSQL runs only when TEST_DATABASE_URL is set. */
export interface TestDatabase {
  name: 'PGlite' | 'PostgreSQL';
  /** A reason to skip, or false. */
  skip: string | false;
  /** Fresh, empty storage: a temp data dir or a new schema. */
  create(): Promise<TestStorage>;
}

/**
 * A suite on one database. When that database is not available the suite becomes one skipped test
 * carrying the reason, so the summary counts it as skipped rather than passed.
 */
export function describeOn(db: TestDatabase, title: string, fn: () => void): void {
  const name = `${title} on ${db.name}`;
  if (db.skip) test(name, { skip: db.skip }, () => undefined);
  else describe(name, fn);
}

export interface TestStorage {
  options: ServerOptions;
  destroy(): Promise<void>;
}

const PG_URL = process.env.TEST_DATABASE_URL ?? '';
let schemaCounter = 0;

/** The URL with a search_path, so each test server lives in its own schema of the shared database. */
function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const DATABASES: TestDatabase[] = [
  {
    name: 'PGlite',
    skip: false,
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'civic-server-test-'));
      return {
        options: { dataDir: dir },
        async destroy() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_URL ? false : 'TEST_DATABASE_URL is not set (start one with: eval "$(bash scripts/pg-test-server.sh)")',
    async create() {
      const schema = `civic_test_${process.pid}_${++schemaCounter}`;
      // Drop first: a crashed earlier run with the same pid must not leak rows into this one.
      await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      return {
        options: { databaseUrl: withSchema(PG_URL, schema), dataDir: '/nonexistent-pglite-must-not-be-used' },
        async destroy() {
          await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        },
      };
    },
  },
];

export interface TestServer extends RunningServer {
  /** `url` without the trailing slash. */
  base: string;
  open311: string;
  storage: TestStorage;
  stop(): Promise<void>;
}

export async function startTestServer(db: TestDatabase, options: ServerOptions = {}, storage?: TestStorage): Promise<TestServer> {
  const store = storage ?? (await db.create());
  const server = await startServer({ port: 0, host: '127.0.0.1', serveDemo: false, ...store.options, ...options });
  const base = server.url.replace(/\/$/, '');
  return {
    ...server,
    base,
    open311: `${base}/open311/v2`,
    storage: store,
    async stop() {
      await server.close();
      if (!storage) await store.destroy();
    },
  };
}

/** Row counts of every table a POST writes to, to prove a rejected request stored nothing. */
export async function rowCounts(server: RunningServer): Promise<{ requests: number; notes: number; media: number }> {
  const [row] = await server.database.query<{ requests: number; notes: number; media: number }>(
    `SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM request_notes)::int AS notes,
            (SELECT count(*) FROM media)::int AS media`,
  );
  return row!;
}

// --- JSON Schemas (our own, in ./schemas) ---

const ajv = new Ajv({ allErrors: true, strictTypes: false });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', {
  type: 'string',
  validate: (s: string) => {
    try {
      return /^[a-z][a-z0-9+.-]*:/i.test(s) && Boolean(new URL(s));
    } catch {
      return false;
    }
  },
});
const schemaDir = new URL('./schemas/', import.meta.url);
for (const file of readdirSync(schemaDir)) {
  ajv.addSchema(JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8')) as object);
}

export type SchemaName =
  | 'discovery'
  | 'services'
  | 'service-definition'
  | 'requests'
  | 'post-response'
  | 'tokens'
  | 'errors'
  | 'geocode-search';

/** Throws with ajv's messages when `data` does not match the schema. */
export function assertSchema(name: SchemaName, data: unknown): void {
  const validate = ajv.getSchema(`${name}.json`) as ValidateFunction | undefined;
  if (!validate) throw new Error(`no schema ${name}`);
  if (!validate(data)) {
    throw new Error(`${name} schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(data).slice(0, 500)}`);
  }
}

// --- XML ---

const LIST_ELEMENTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'note', 'endpoint', 'format', 'extension']);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => LIST_ELEMENTS.has(name),
});

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export function parseXml(text: string): XmlNode {
  return parser.parse(text, true) as XmlNode;
}

/** What a JSON value becomes as XML text: the spec prints booleans and numbers as text. */
export function asXmlText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

// --- HTTP ---

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export async function get<T = unknown>(url: string, init?: RequestInit): Promise<Answer<T>> {
  const res = await fetch(url, init);
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: res.headers, text, body: (isJson ? JSON.parse(text) : text) as T };
}

export function postForm<T = unknown>(url: string, fields: Record<string, string | string[]>): Promise<Answer<T>> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return get<T>(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
}

/** A tiny valid PNG (1x1, transparent). */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
