/**
 * Tables of the notify contract. Addresses (email, phone) live only in `notify_subscribers`;
 * tokens only as SHA-256 hashes; the consent log refuses UPDATE and DELETE.
 */
export const NOTIFY_DDL = [
  `CREATE TABLE IF NOT EXISTS notify_subscribers (
     id serial PRIMARY KEY,
     channel text NOT NULL CHECK (channel IN ('email','sms')),
     -- personal data: a lower-cased email or an E.164 number; never in a public answer or a log
     address text NOT NULL,
     language text NOT NULL DEFAULT 'en',
     -- pending: never confirmed; active: confirmed (or implied by a report); stopped: STOP by text
     status text NOT NULL CHECK (status IN ('pending','active','stopped')),
     area jsonb,
     area_lat double precision,
     area_lon double precision,
     area_radius_m double precision,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     UNIQUE (channel, address)
   )`,
  // Channels of one subscription (an email and a number added from its manage page): coalesce(group_id, id).
  `ALTER TABLE notify_subscribers ADD COLUMN IF NOT EXISTS group_id integer`,
  `CREATE INDEX IF NOT EXISTS notify_subscribers_group ON notify_subscribers (group_id) WHERE group_id IS NOT NULL`,
  `CREATE TABLE IF NOT EXISTS notify_subscriber_topics (
     subscriber_id integer NOT NULL REFERENCES notify_subscribers(id),
     topic_id text NOT NULL,
     frequency text NOT NULL CHECK (frequency IN ('immediate','daily','weekly')),
     created_at timestamptz NOT NULL,
     PRIMARY KEY (subscriber_id, topic_id)
   )`,
  `CREATE INDEX IF NOT EXISTS notify_subscriber_topics_topic ON notify_subscriber_topics (topic_id, subscriber_id)`,
  `CREATE TABLE IF NOT EXISTS notify_follows (
     subscriber_id integer NOT NULL REFERENCES notify_subscribers(id),
     kind text NOT NULL CHECK (kind IN ('service_request','records_request')),
     ref_id text NOT NULL,
     active boolean NOT NULL DEFAULT true,
     created_at timestamptz NOT NULL,
     PRIMARY KEY (subscriber_id, kind, ref_id)
   )`,
  `CREATE INDEX IF NOT EXISTS notify_follows_ref ON notify_follows (kind, ref_id) WHERE active`,
  // What a signup asked for; applied to its subscriber only when confirmed.
  `CREATE TABLE IF NOT EXISTS notify_signups (
     id serial PRIMARY KEY,
     subscriber_id integer NOT NULL REFERENCES notify_subscribers(id),
     request jsonb NOT NULL,
     status text NOT NULL CHECK (status IN ('pending','applied','cancelled')),
     created_at timestamptz NOT NULL,
     applied_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS notify_signups_subscriber ON notify_signups (subscriber_id, id)`,
  `CREATE TABLE IF NOT EXISTS notify_tokens (
     hash text PRIMARY KEY,
     purpose text NOT NULL CHECK (purpose IN ('confirm','manage','unsubscribe')),
     subscriber_id integer NOT NULL REFERENCES notify_subscribers(id),
     signup_id integer REFERENCES notify_signups(id),
     -- what a one-click unsubscribe with this token leaves: {topic} | {follow:{kind,id}} | {} (everything)
     scope jsonb NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL,
     expires_at timestamptz,
     used_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS notify_tokens_created ON notify_tokens (created_at)`,
  `CREATE TABLE IF NOT EXISTS notify_consent_log (
     id bigserial PRIMARY KEY,
     at timestamptz NOT NULL,
     subscriber_id integer NOT NULL REFERENCES notify_subscribers(id),
     channel text NOT NULL,
     event text NOT NULL CHECK (event IN ('requested','confirmed','changed','unsubscribed','stopped','started','implied')),
     agreed jsonb NOT NULL,
     consent_text text NOT NULL,
     language text NOT NULL,
     page_url text,
     ip text
   )`,
  `CREATE OR REPLACE FUNCTION notify_consent_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'notify_consent_log is append-only';
   END $$`,
  `CREATE OR REPLACE TRIGGER notify_consent_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON notify_consent_log
   FOR EACH STATEMENT EXECUTE FUNCTION notify_consent_log_append_only()`,
  `CREATE TABLE IF NOT EXISTS notify_publications (
     id serial PRIMARY KEY,
     topic_id text NOT NULL,
     area jsonb,
     subject jsonb NOT NULL,
     body jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     recipients integer NOT NULL DEFAULT 0
   )`,
  `CREATE TABLE IF NOT EXISTS notify_digest_items (
     subscriber_id integer NOT NULL REFERENCES notify_subscribers(id),
     publication_id integer NOT NULL REFERENCES notify_publications(id),
     frequency text NOT NULL CHECK (frequency IN ('daily','weekly')),
     created_at timestamptz NOT NULL,
     digested_at timestamptz,
     PRIMARY KEY (subscriber_id, publication_id)
   )`,
  `CREATE INDEX IF NOT EXISTS notify_digest_items_waiting ON notify_digest_items (frequency, subscriber_id) WHERE digested_at IS NULL`,
  // The send queue. message_id is fixed when a message is queued, so every attempt carries the same one.
  `CREATE TABLE IF NOT EXISTS notify_queue (
     id bigserial PRIMARY KEY,
     dedupe_key text NOT NULL UNIQUE,
     message_id text NOT NULL UNIQUE,
     subscriber_id integer NOT NULL REFERENCES notify_subscribers(id),
     template text NOT NULL,
     params jsonb NOT NULL DEFAULT '{}',
     scope jsonb NOT NULL DEFAULT '{}',
     -- 0: never held back by the per-recipient limit (emergency alerts)
     priority integer NOT NULL DEFAULT 1,
     status text NOT NULL CHECK (status IN ('queued','sending','sent','failed','bounced')),
     attempts integer NOT NULL DEFAULT 0,
     next_attempt_at timestamptz NOT NULL,
     lease_until timestamptz,
     last_error text,
     created_at timestamptz NOT NULL,
     sent_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS notify_queue_due ON notify_queue (priority, next_attempt_at, id) WHERE status IN ('queued','sending')`,
  `CREATE INDEX IF NOT EXISTS notify_queue_recipient ON notify_queue (subscriber_id, sent_at) WHERE sent_at IS NOT NULL`,
  `CREATE INDEX IF NOT EXISTS notify_queue_recent ON notify_queue (subscriber_id, template, created_at)`,
  // Where messages go when no SMTP server or SMS provider is configured (the demo's Outbox page).
  `CREATE TABLE IF NOT EXISTS notify_outbox (
     id bigserial PRIMARY KEY,
     queue_id bigint NOT NULL UNIQUE REFERENCES notify_queue(id),
     channel text NOT NULL,
     to_address text NOT NULL,
     subject text,
     text text NOT NULL,
     headers jsonb NOT NULL DEFAULT '{}',
     language text NOT NULL,
     created_at timestamptz NOT NULL
   )`,
  // A change of a followed request, whoever wrote it; the worker turns each into one message per follower.
  `CREATE TABLE IF NOT EXISTS notify_changes (
     id bigserial PRIMARY KEY,
     kind text NOT NULL,
     ref_id text NOT NULL,
     change text NOT NULL,
     detail jsonb NOT NULL DEFAULT '{}',
     created_at timestamptz NOT NULL DEFAULT now(),
     processed_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS notify_changes_waiting ON notify_changes (id) WHERE processed_at IS NULL`,
  `CREATE OR REPLACE FUNCTION notify_record_change() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
   DECLARE
     followed boolean;
     rr record;
   BEGIN
     IF TG_TABLE_NAME = 'requests' THEN
       IF TG_OP = 'INSERT' THEN
         IF NEW.email IS NOT NULL THEN
           INSERT INTO notify_changes (kind, ref_id, change, detail) VALUES ('service_request', NEW.id::text, 'created', '{}');
         END IF;
         RETURN NULL;
       END IF;
       SELECT EXISTS (SELECT 1 FROM notify_follows WHERE kind = 'service_request' AND ref_id = NEW.id::text AND active) INTO followed;
       IF NOT followed THEN RETURN NULL; END IF;
       IF NEW.status IS DISTINCT FROM OLD.status THEN
         INSERT INTO notify_changes (kind, ref_id, change, detail)
         VALUES ('service_request', NEW.id::text, 'status', jsonb_build_object('status', NEW.status, 'status_notes', NEW.status_notes));
       END IF;
       IF NEW.expected_at IS DISTINCT FROM OLD.expected_at THEN
         INSERT INTO notify_changes (kind, ref_id, change, detail)
         VALUES ('service_request', NEW.id::text, 'expected', jsonb_build_object('expected_at', NEW.expected_at));
       END IF;
     ELSIF TG_TABLE_NAME = 'request_notes' THEN
       IF NEW.type = 'opened' THEN RETURN NULL; END IF;
       IF EXISTS (SELECT 1 FROM notify_follows WHERE kind = 'service_request' AND ref_id = NEW.request_id::text AND active) THEN
         INSERT INTO notify_changes (kind, ref_id, change, detail)
         VALUES ('service_request', NEW.request_id::text, 'note', jsonb_build_object('note_id', NEW.id, 'summary', NEW.summary, 'description', NEW.description));
       END IF;
     ELSIF TG_TABLE_NAME = 'records_events' THEN
       SELECT tracking_number, email INTO rr FROM records_requests WHERE id = NEW.request_id;
       IF rr.email IS NOT NULL
          OR EXISTS (SELECT 1 FROM notify_follows WHERE kind = 'records_request' AND ref_id = rr.tracking_number AND active) THEN
         INSERT INTO notify_changes (kind, ref_id, change, detail)
         VALUES ('records_request', rr.tracking_number, 'step',
                 jsonb_build_object('event_id', NEW.id, 'type', NEW.type, 'status', NEW.status, 'message', NEW.message, 'due_date', NEW.due_date));
       END IF;
     END IF;
     RETURN NULL;
   END $$`,
  // A city alert (server/alerts) goes to the emergency-alerts topic; a Cancel or a test does not.
  `CREATE OR REPLACE FUNCTION notify_alert_issued() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
   BEGIN
     INSERT INTO notify_changes (kind, ref_id, change, detail) VALUES ('alert', NEW.identifier, 'issued', '{}');
     RETURN NULL;
   END $$`,
  `CREATE OR REPLACE TRIGGER alerts_notify AFTER INSERT ON alerts FOR EACH ROW
   WHEN (NEW.status = 'Actual' AND NEW.msg_type <> 'Cancel') EXECUTE FUNCTION notify_alert_issued()`,
  // WHEN clauses keep bulk loads (seed:bench) from calling the function for rows nobody follows.
  `CREATE OR REPLACE TRIGGER requests_notify_insert AFTER INSERT ON requests FOR EACH ROW WHEN (NEW.email IS NOT NULL)
   EXECUTE FUNCTION notify_record_change()`,
  `CREATE OR REPLACE TRIGGER requests_notify_update AFTER UPDATE ON requests FOR EACH ROW
   WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.expected_at IS DISTINCT FROM NEW.expected_at)
   EXECUTE FUNCTION notify_record_change()`,
  `CREATE OR REPLACE TRIGGER request_notes_notify AFTER INSERT ON request_notes FOR EACH ROW WHEN (NEW.type <> 'opened')
   EXECUTE FUNCTION notify_record_change()`,
  // The requester hears of every step but their own replies.
  `CREATE OR REPLACE TRIGGER records_events_notify AFTER INSERT ON records_events FOR EACH ROW
   WHEN (NEW.actor <> 'requester' OR NEW.type = 'submitted') EXECUTE FUNCTION notify_record_change()`,
];
