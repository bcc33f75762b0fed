-- Version 10: a search table that every SQLite client can use as it is (the sqlite3 CLI, Python,
-- sqlite-utils, Datasette with or without a metadata file).
--
-- kb's own index (search_index) holds Chinese in a form only kb queries (character pairs), so
-- `MATCH '余额不足'` found nothing there. search_rows holds each entry and table row as people
-- read it, with its code, name, domain and locale, and search_rows_fts indexes it with SQLite's
-- own trigram tokenizer: any substring of 3 characters or more, Chinese or English, by MATCH.
-- Shorter strings are a LIKE on search_rows (the trigram index cannot match them).
-- search_rows is a real table, so Datasette finds its index without metadata and FTS5's
-- 'rebuild' (`sqlite-utils rebuild-fts`) rebuilds exactly the same index.

-- One row per entry (id = entries.id) and per table row (id = minus table_rows.id), the ids
-- search_index uses.
CREATE TABLE search_rows (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    code         INTEGER,        -- the entry's code; NULL for a table row
    codes        TEXT,           -- the entry's code, or the codes a table row is returned under, as text ('-1010 -2010 -2011'); NULL when it has none
    name         TEXT,           -- the entry's name; a table row's message ('Filter failure: LOT_SIZE')
    domain       TEXT NOT NULL,
    locale       TEXT NOT NULL,
    message      TEXT NOT NULL   -- the entry's messages, one per line; a table row's description
);

-- The trigram index over search_rows. kb writes it with search_rows, in set-based statements
-- (no triggers: FTS5 flushes its pending terms at every statement a trigger opens, which turns
-- a build into a million one-row segments).
CREATE VIRTUAL TABLE search_rows_fts USING fts5(
    codes, name, message,
    content="search_rows", content_rowid="id",
    tokenize="trigram"
);

-- A file of version 9 (or older, migrated) gets the rows of what it holds.
INSERT INTO search_rows (id, document_id, code, codes, name, domain, locale, message)
SELECT e.id, e.document_id, e.code, CAST(e.code AS TEXT), e.name, d.domain, d.locale,
       coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM messages m WHERE m.entry_id = e.id ORDER BY m.ordinal)), '')
FROM entries e JOIN documents d ON d.id = e.document_id;
INSERT INTO search_rows (id, document_id, code, codes, name, domain, locale, message)
SELECT -r.id, r.document_id, NULL,
       (SELECT group_concat(code, ' ') FROM (SELECT code FROM table_row_codes c WHERE c.table_row_id = r.id ORDER BY c.ordinal)),
       r.message, d.domain, d.locale, r.description
FROM table_rows r JOIN documents d ON d.id = r.document_id;
INSERT INTO search_rows_fts (search_rows_fts) VALUES ('rebuild');

PRAGMA user_version = 10;
