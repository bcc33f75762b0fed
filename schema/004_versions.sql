-- ErrorKB schema, migration 004: document versions and paired locales.
--
-- Importing a newer version of a document replaces it: same domain, same locale, and the same
-- source URL (or, without one, the same file name). Every version imported is kept here.

ALTER TABLE documents ADD COLUMN identity TEXT;  -- what makes two files versions of one document

CREATE TABLE document_versions (
    id           INTEGER PRIMARY KEY,
    identity     TEXT NOT NULL,
    version      INTEGER NOT NULL,  -- 1, 2, … in import order
    domain       TEXT NOT NULL,
    locale       TEXT NOT NULL,
    source_url   TEXT,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    size         INTEGER NOT NULL,
    line_count   INTEGER NOT NULL,
    entries      INTEGER NOT NULL,
    messages     INTEGER NOT NULL,
    document_id  INTEGER REFERENCES documents(id) ON DELETE SET NULL,  -- the current version's document; NULL once replaced
    UNIQUE (identity, version)
);

-- Entries of one domain in two locales, paired by code; their messages paired by position
-- when both have as many. flag: message_count_differs or placeholder_count_differs.
CREATE VIEW translations AS
WITH located AS (
    SELECT e.id, d.domain, d.locale, e.code, e.name,
           (SELECT count(*) FROM messages m WHERE m.entry_id = e.id) AS message_count
    FROM entries e JOIN documents d ON d.id = e.document_id
),
pairs AS (
    SELECT a.id AS a_id, b.id AS b_id, a.domain, a.code,
           a.locale AS locale_a, a.name AS name_a, a.message_count AS count_a,
           b.locale AS locale_b, b.name AS name_b, b.message_count AS count_b
    FROM located a
    JOIN located b ON b.domain = a.domain AND b.code = a.code AND b.locale > a.locale
)
SELECT p.domain,
       p.code,
       p.locale_a,
       p.name_a,
       p.locale_b,
       p.name_b,
       ma.ordinal,
       ma.text          AS message_a,
       mb.text          AS message_b,
       ma.placeholders  AS placeholders_a,
       mb.placeholders  AS placeholders_b,
       CASE WHEN p.count_a <> p.count_b THEN 'message_count_differs'
            WHEN ma.placeholders <> mb.placeholders THEN 'placeholder_count_differs'
       END AS flag
FROM pairs p
LEFT JOIN messages ma ON ma.entry_id = p.a_id AND p.count_a = p.count_b
LEFT JOIN messages mb ON mb.entry_id = p.b_id AND mb.ordinal = ma.ordinal;
