-- ErrorKB schema, migration 003: a file analysts can be handed.
--
-- The file explains itself: `metadata` says what built it from which inputs, and `dictionary`
-- describes every table, view and column (generated from schema/dictionary.md).

-- The section headings table becomes `headings`, so that `sections` can be the analysts' view.
-- SQLite renames it in the views and foreign keys that name it (catalog, reasons, entries, …).
ALTER TABLE sections RENAME TO headings;

-- What built this file: schema version, kb version, inputs, and a build time only when
-- SOURCE_DATE_EPOCH gave one (so rebuilding the same inputs gives the same bytes).
CREATE TABLE metadata (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- One row per table, view and column: what it holds. column is '' for the object itself.
CREATE TABLE dictionary (
    object       TEXT NOT NULL,
    "column"     TEXT NOT NULL,
    description  TEXT NOT NULL,
    PRIMARY KEY (object, "column")
);

-- One row per (domain, code): its names (' | ' between several) and how many messages it has.
CREATE VIEW codes AS
SELECT d.domain,
       e.code,
       (SELECT group_concat(name, ' | ') FROM (
            SELECT DISTINCT e2.name FROM entries e2 JOIN documents d2 ON d2.id = e2.document_id
            WHERE d2.domain = d.domain AND e2.code = e.code AND e2.name IS NOT NULL ORDER BY e2.id)) AS names,
       count(DISTINCT e.id)  AS definitions,
       count(m.id)           AS messages
FROM entries e
JOIN documents d ON d.id = e.document_id
LEFT JOIN messages m ON m.entry_id = e.id
GROUP BY d.domain, e.code;

-- One row per section of each document, with how many entries and distinct codes it holds.
CREATE VIEW sections AS
SELECT d.domain,
       d.locale,
       h.ordinal,
       h.title,
       h.range_label,
       (SELECT count(*) FROM entries e WHERE e.section_id = h.id)              AS entries,
       (SELECT count(DISTINCT code) FROM entries e WHERE e.section_id = h.id)  AS codes,
       (SELECT count(*) FROM reason_rows r WHERE r.section_id = h.id)          AS table_rows,
       coalesce(d.source_url, d.file_name) AS source,
       h.line
FROM headings h
JOIN documents d ON d.id = h.document_id;
