import type { Queryable } from './db.js';
import { FORMS_DDL } from './forms/schema.js';
import { RECORDS_DDL } from './records/schema.js';

/**
 * One schema for both drivers. `IF NOT EXISTS` keeps start-up idempotent; the seed itself is
 * guarded by a row in `meta`, so a restart never duplicates data.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS meta (
     key text PRIMARY KEY,
     value text NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS services (
     service_code text PRIMARY KEY,
     service_name text NOT NULL,
     description text,
     type text NOT NULL DEFAULT 'realtime' CHECK (type IN ('realtime','batch','blackbox')),
     keywords text NOT NULL DEFAULT '',
     group_name text,
     agency_responsible text,
     service_notice text,
     sort_order integer NOT NULL DEFAULT 0
   )`,
  `CREATE TABLE IF NOT EXISTS service_attributes (
     service_code text NOT NULL REFERENCES services(service_code),
     code text NOT NULL,
     variable boolean NOT NULL,
     datatype text NOT NULL CHECK (datatype IN ('string','number','datetime','text','singlevaluelist','multivaluelist')),
     required boolean NOT NULL,
     datatype_description text,
     sort_order integer NOT NULL,
     description text NOT NULL,
     list_values jsonb NOT NULL DEFAULT '[]',
     PRIMARY KEY (service_code, code)
   )`,
  `CREATE TABLE IF NOT EXISTS media (
     id text PRIMARY KEY,
     content_type text NOT NULL,
     bytes bytea NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE SEQUENCE IF NOT EXISTS request_id_seq START 100001`,
  `CREATE TABLE IF NOT EXISTS requests (
     id integer PRIMARY KEY DEFAULT nextval('request_id_seq'),
     token text UNIQUE,
     service_code text NOT NULL REFERENCES services(service_code),
     status text NOT NULL CHECK (status IN ('open','closed')),
     status_notes text,
     description text,
     agency_responsible text,
     service_notice text,
     requested_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     expected_at timestamptz,
     -- batch requests exist from the POST on, but get an id only from this moment
     available_at timestamptz NOT NULL,
     address text,
     address_id text,
     zipcode text,
     lat double precision,
     lon double precision,
     media_id text REFERENCES media(id),
     media_url text,
     attributes jsonb NOT NULL DEFAULT '{}',
     -- personal data: stored for the city, never selected by a public read
     email text,
     phone text,
     first_name text,
     last_name text,
     device_id text,
     account_id text
   )`,
  // Covers the default list and bbox filters, so the matching ids come from the index alone
  // (1,000,000 requests: the 1,100 ids of a 90-day bbox in ~20–30 ms instead of ~80–100 ms
  // of bitmap scans over 50,000 rows).
  `CREATE INDEX IF NOT EXISTS requests_recent ON requests (requested_at DESC) INCLUDE (id, lon, lat, available_at)`,
  `DROP INDEX IF EXISTS requests_requested_at`,
  `CREATE INDEX IF NOT EXISTS requests_updated_at ON requests (updated_at)`,
  // The next batch request to become visible, which ends the life of every cached answer.
  `CREATE INDEX IF NOT EXISTS requests_available_at ON requests (available_at)`,
  `CREATE TABLE IF NOT EXISTS request_notes (
     id serial PRIMARY KEY,
     request_id integer NOT NULL REFERENCES requests(id),
     datetime timestamptz NOT NULL,
     type text NOT NULL,
     summary text NOT NULL,
     description text
   )`,
  `CREATE INDEX IF NOT EXISTS request_notes_request ON request_notes (request_id, datetime)`,
  `CREATE TABLE IF NOT EXISTS addresses (
     id integer PRIMARY KEY,
     house_number text NOT NULL,
     street text NOT NULL,
     zipcode text NOT NULL,
     lat double precision NOT NULL,
     lon double precision NOT NULL
   )`,
  // Named places (City Hall, a street corner): added after the first release, hence not in CREATE.
  `ALTER TABLE addresses ADD COLUMN IF NOT EXISTS name text`,
  // The city's words in other languages, keyed by the English text they translate (gettext style).
  `CREATE TABLE IF NOT EXISTS translations (
     lang text NOT NULL,
     source text NOT NULL,
     text text NOT NULL,
     PRIMARY KEY (lang, source)
   )`,
  // Alerts (CAP 1.2 messages, server/alerts). Every message is kept: an Update or Cancel marks
  // what it references as superseded instead of rewriting it, as CAP's own model has it.
  `CREATE TABLE IF NOT EXISTS alerts (
     identifier text PRIMARY KEY,
     sender text NOT NULL,
     sent timestamptz NOT NULL,
     status text NOT NULL CHECK (status IN ('Actual','Exercise','System','Test','Draft')),
     msg_type text NOT NULL CHECK (msg_type IN ('Alert','Update','Cancel')),
     scope text NOT NULL DEFAULT 'Public',
     refs jsonb NOT NULL DEFAULT '[]',
     info jsonb NOT NULL DEFAULT '[]',
     -- the latest expires of its info blocks: past it, the message is never listed
     expires timestamptz,
     emergency boolean NOT NULL DEFAULT false,
     superseded_by text
   )`,
  `CREATE INDEX IF NOT EXISTS alerts_active ON alerts (expires) WHERE superseded_by IS NULL`,
  `CREATE TABLE IF NOT EXISTS emergencies (
     id serial PRIMARY KEY,
     name text NOT NULL,
     started_at timestamptz NOT NULL,
     ends_at timestamptz NOT NULL,
     ended_at timestamptz,
     everyday text NOT NULL CHECK (everyday IN ('group','hide')),
     alert_identifier text NOT NULL REFERENCES alerts(identifier)
   )`,
  // Services that exist only during an emergency; offered while one is active, hidden otherwise.
  `CREATE TABLE IF NOT EXISTS emergency_services (
     service_code text PRIMARY KEY REFERENCES services(service_code),
     emergency_id integer NOT NULL REFERENCES emergencies(id)
   )`,
  // One counter that every write to a table behind a GET answer bumps, in the writer's
  // transaction: the response cache compares it on each GET, so a change made by this server,
  // another server on the same database or psql is visible on the next GET once committed.
  `CREATE TABLE IF NOT EXISTS data_version (
     one boolean PRIMARY KEY DEFAULT true CHECK (one),
     n bigint NOT NULL
   )`,
  `INSERT INTO data_version (one, n) VALUES (true, 0) ON CONFLICT (one) DO NOTHING`,
  // The search_path of creation goes with the function, so a psql session with another search_path still finds the counter.
  `CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
   DECLARE version bigint;
   BEGIN
     UPDATE data_version SET n = n + 1 RETURNING n INTO version;
     -- PGlite delivers this in-process as the write commits, so a GET there needs no query.
     PERFORM pg_notify('civic_data_version', version::text);
     RETURN NULL;
   END $$`,
  ...['meta', 'services', 'service_attributes', 'requests', 'request_notes', 'translations', 'alerts', 'emergencies', 'emergency_services'].map(
    (table) =>
      `CREATE OR REPLACE TRIGGER ${table}_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`,
  ),
];

export async function createSchema(db: Queryable): Promise<void> {
  for (const stmt of [...DDL, ...RECORDS_DDL, ...FORMS_DDL]) await db.query(stmt);
}
