-- The first schema of the PostgreSQL store. Applied by src/store/postgres/migrate.ts with
-- search_path set to the store's schema, so names here are unqualified.

-- Every collection's documents in one table: a collection is a value, not a table, so a new
-- collection needs no migration (as with lowdb's one file per collection).
CREATE TABLE documents (
  collection text NOT NULL,
  id text NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (collection, id)
);

-- find() asks `doc @> {field: value}`; jsonb_path_ops is the smaller GIN that serves exactly @>.
CREATE INDEX documents_doc_gin ON documents USING gin (doc jsonb_path_ops);

-- Named counters for ticket codes: bumped by an upsert, never reset, never reused.
CREATE TABLE sequences (
  name text PRIMARY KEY,
  value bigint NOT NULL
);

-- Inbound event ids for webhook deduplication; rows older than the retention are pruned.
CREATE TABLE seen_ids (
  event_id text PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seen_ids_seen_at ON seen_ids (seen_at);
