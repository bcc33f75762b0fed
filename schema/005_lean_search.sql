-- ErrorKB schema, migration 005: a leaner file for large corpora.
--
-- The documents no longer carry their full text (sha256, size and line_count still identify
-- the exact bytes), and the search index no longer keeps a second copy of every name and
-- message: its content is read from the entries and table rows themselves.

ALTER TABLE documents DROP COLUMN raw_text;

DROP TABLE search_index;
DROP TABLE search_docs;

-- What the search index covers: one row per entry (id = entries.id) and one per table row
-- (id = -reason_rows.id), as people read them. The index itself holds the search form of the
-- same text, in which Chinese, Japanese and Korean runs are written as overlapping character
-- pairs then each character ('余额不足' -> '余额 额不 不足 足 余 额 不'), so one word index finds any substring, even of one
-- or two characters; `kb` computes that form when it writes each row.
CREATE VIEW search_docs AS
SELECT e.id AS id, e.document_id, e.id AS entry_id, NULL AS reason_id,
       coalesce(e.name, '') AS name_terms,
       coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM messages m WHERE m.entry_id = e.id ORDER BY m.ordinal)), '') AS text_terms
FROM entries e
UNION ALL
SELECT -r.id, r.document_id, NULL, r.id, r.message, r.description
FROM reason_rows r;

-- The full-text index. Identifiers split at '_', so 'withdraw' finds CAPITAL_WITHDRAW_*.
-- sqlite3, Python and Datasette find it by content="search_docs" (Datasette: fts_pk "id").
-- Rows are written by `kb` in the search form above, so the index must not be rebuilt from
-- the view ('rebuild' would index the plain text and lose one- and two-character Chinese search).
CREATE VIRTUAL TABLE search_index USING fts5(
    name_terms, text_terms,
    content="search_docs", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);

-- A message without placeholders is its own template: messages.template is NULL for it (most
-- messages), and catalog shows the text in its place, as before.
UPDATE messages SET template = NULL WHERE placeholders = 0;
DROP VIEW catalog;
CREATE VIEW catalog AS
SELECT d.domain,
       d.locale,
       e.code,
       e.name,
       s.title                          AS section,
       m.text                           AS message,
       m.lang,
       coalesce(d.source_url, d.file_name) AS source,
       coalesce(m.line, e.line)         AS line,
       coalesce(m.template, m.text)     AS template,
       m.placeholders
FROM entries e
JOIN documents d ON d.id = e.document_id
LEFT JOIN headings s ON s.id = e.section_id
LEFT JOIN messages m ON m.entry_id = e.id;
