/**
 * Tables of the forms contract. A definition is kept per version, so a submission can name the
 * version it answered. Answers (personal data) are read only by staff calls.
 */
export const FORMS_DDL = [
  `CREATE TABLE IF NOT EXISTS forms_definitions (
     slug text NOT NULL,
     version integer NOT NULL CHECK (version >= 1),
     definition jsonb NOT NULL,
     published_at timestamptz NOT NULL,
     PRIMARY KEY (slug, version)
   )`,
  `CREATE SEQUENCE IF NOT EXISTS forms_submission_seq START 1`,
  `CREATE TABLE IF NOT EXISTS forms_submissions (
     id integer PRIMARY KEY DEFAULT nextval('forms_submission_seq'),
     reference text NOT NULL UNIQUE,
     slug text NOT NULL,
     version integer NOT NULL,
     language text NOT NULL,
     status text NOT NULL,
     submitted_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     idempotency_key text UNIQUE,
     body_hash text,
     -- personal data: for staff only
     answers jsonb NOT NULL,
     FOREIGN KEY (slug, version) REFERENCES forms_definitions (slug, version)
   )`,
  `CREATE INDEX IF NOT EXISTS forms_submissions_slug ON forms_submissions (slug, submitted_at DESC)`,
  `CREATE TABLE IF NOT EXISTS forms_files (
     id text PRIMARY KEY,
     submission_id integer NOT NULL REFERENCES forms_submissions(id),
     path text NOT NULL,
     name text NOT NULL,
     content_type text NOT NULL,
     bytes bytea NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS forms_files_submission ON forms_files (submission_id)`,
];
