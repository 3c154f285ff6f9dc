-- Long messages (longer than a transcript line shows; src/store/long-texts.ts), one row each: the text's UTF-8
-- bytes as they came, not a JSON document. Written as a jsonb document, a 1 MB text cost ~30 ms to store (the main
-- thread decoding and stringifying it, PostgreSQL parsing the JSON and indexing it), as bytes ~9 ms (issue 15).
CREATE TABLE long_texts (
  id text PRIMARY KEY,
  -- The conversation it belongs to (an erasure removes them all); `at`: when it was stored, epoch ms (the retention).
  key text NOT NULL,
  at bigint NOT NULL,
  bytes bytea NOT NULL
);
CREATE INDEX long_texts_key ON long_texts (key);
CREATE INDEX long_texts_at ON long_texts (at);

-- The texts kept as documents until now move here.
INSERT INTO long_texts (id, key, at, bytes)
  SELECT id, doc->>'key', COALESCE((doc->>'at')::bigint, 0), convert_to(doc->>'text', 'UTF8')
  FROM documents WHERE collection = 'long_texts'
  ON CONFLICT (id) DO NOTHING;
DELETE FROM documents WHERE collection = 'long_texts';
