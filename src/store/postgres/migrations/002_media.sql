-- Kept evidence (photos, videos, PDFs people attach to reports), for MEDIA_STORE=postgres: the bytes as
-- downloaded, the type read from them. The record about each file (original URL, status) is a document in
-- the `media` collection; this table holds only bytes. See src/media/.
CREATE TABLE media (
  id text PRIMARY KEY,
  mime text NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
