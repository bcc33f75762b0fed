-- Version 8: what `kb update` needs to fetch a page again with a conditional request, per
-- document. A migration of its own, so that `kb add` and `kb update` bring a version 7 file up
-- to date in place (its document history kept) instead of asking for a rebuild.

-- The HTTP validators of the bytes imported, as the server sent them (NULL for a document read
-- from a file, or when the server sent none), and when they were fetched.
ALTER TABLE documents ADD COLUMN etag TEXT;           -- ETag response header, verbatim ('"5f3c-1a2b"', 'W/"x"')
ALTER TABLE documents ADD COLUMN last_modified TEXT;  -- Last-Modified response header, verbatim (an HTTP date)
ALTER TABLE documents ADD COLUMN fetched_at TEXT;     -- when the bytes were downloaded, UTC ISO 8601 ('2026-05-28T09:14:03Z')

-- When each version's bytes were downloaded (NULL for a version read from a file).
ALTER TABLE document_versions ADD COLUMN fetched_at TEXT;

PRAGMA user_version = 8;
