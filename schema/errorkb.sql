-- ErrorKB schema: a knowledge base of API error codes imported from documentation pages.
--
-- This file is the whole schema as it is; `kb` creates it in one step (GRDB's migrator) and
-- stamps the file with the version below. A later change of the schema adds a migration.
--
-- Every imported row records the document it came from and its 1-based source line.
-- Analysts usually want the views at the bottom: catalog, codes, duplicates, table_row_catalog,
-- section_catalog, templates and translations. The `dictionary` table describes every table,
-- view and column (its source is schema/dictionary.md).

-- Documents ---------------------------------------------------------------------------------

-- One row per imported document: where it came from, and the digest, size and line count of its
-- exact bytes (the text itself is not kept). A file that holds several pages (the bilingual
-- wallet and USD-M files) gives a document per page, each with its own bytes and lines; line
-- numbers count from the file's start.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    source_url  TEXT,              -- the page the text was taken from, NULL when unknown
    domain      TEXT NOT NULL,     -- API product, e.g. 'wallet', 'coin-margined-futures'
    locale      TEXT NOT NULL,     -- page locale, e.g. 'zh-CN', 'en'
    title       TEXT,              -- the document's first heading
    format      TEXT NOT NULL,     -- 'scraped-text', 'markdown' or 'html', told from the content
    file_name   TEXT NOT NULL,     -- file name given to `kb build`
    sha256      TEXT NOT NULL,     -- hex digest of the raw bytes
    size        INTEGER NOT NULL,  -- bytes
    line_count  INTEGER NOT NULL,
    identity    TEXT               -- what makes two documents versions of one page: domain, locale, source URL (or title without a closing date, or file name)
);

-- Importing a newer version of a document replaces it: same domain, same locale, and the same
-- source URL (without one, the same title once a closing date is removed; without either, the
-- same file name). Every version imported is kept here.
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

-- Sections of a document, in document order ('10xx - General Server or Network issues').
CREATE TABLE sections (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,  -- 1-based position in the document
    title        TEXT NOT NULL,
    range_label  TEXT,              -- the code range the title starts with ('10xx', '3xxx-5xxx'), if any
    line         INTEGER NOT NULL
);
CREATE INDEX sections_document ON sections(document_id);

-- Entries and messages ------------------------------------------------------------------------

-- One row per definition of an error code. A code defined twice in one document has two rows.
CREATE TABLE entries (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id   INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,  -- 1-based position among the document's entries
    code         INTEGER NOT NULL,  -- e.g. -1121
    name         TEXT,              -- verbatim ('BAD_SYMBOL', 'TOO MANY REQUESTS'); NULL when the page gives none
    line         INTEGER NOT NULL
);
CREATE INDEX entries_code ON entries(code);
CREATE INDEX entries_name ON entries(name COLLATE NOCASE);
CREATE INDEX entries_document ON entries(document_id, ordinal);

-- The messages documented for an entry, in document order. Each message is also a template:
-- its placeholders (%s, ％s, {0}, {param}) numbered in order; `kb match` turns a runtime message
-- back into the template it came from, with the arguments.
CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    entry_id      INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,  -- 1-based position within the entry
    text          TEXT NOT NULL,
    lang          TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
    line          INTEGER NOT NULL,
    template      TEXT,                        -- 'Too many new orders; current limit is {1} orders per {2}.'; NULL without placeholders
    placeholders  INTEGER NOT NULL DEFAULT 0   -- how many placeholders the message has
);
CREATE INDEX messages_entry ON messages(entry_id, ordinal);

-- One row per placeholder of a message.
CREATE TABLE placeholders (
    message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,  -- 1-based: {1} in the template is ordinal 1
    token       TEXT NOT NULL,     -- as written: '%s', '％s', '{0}'; quotes around it are not part of it
    position    INTEGER NOT NULL,  -- offset of the token in the message, in characters from 0
    style       TEXT NOT NULL CHECK (style IN ('printf', 'fullwidth', 'indexed', 'named')),
    PRIMARY KEY (message_id, ordinal)
) WITHOUT ROWID;

-- Code lines that refer back to an entry defined earlier in the same document
-- (the wallet page lists -2010 and -2011 again under 订单拒绝错误). Not entries, not duplicates.
CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id   INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    code         INTEGER NOT NULL,
    name         TEXT,
    entry_id     INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,  -- the entry referred to
    line         INTEGER NOT NULL
);

-- Facts an entry states about other codes: 'replaces' (-1099's message '替换错误代码-1999').
CREATE TABLE entry_relations (
    id        INTEGER PRIMARY KEY,
    entry_id  INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    relation  TEXT NOT NULL,     -- 'replaces'
    code      INTEGER NOT NULL,  -- the other code
    line      INTEGER NOT NULL
);

-- Table rows ----------------------------------------------------------------------------------

-- Table rows keyed by a message rather than a code: filter failures, order rejections.
CREATE TABLE table_rows (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id    INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,  -- 1-based position among the document's rows
    message       TEXT NOT NULL,     -- the runtime message, e.g. 'Filter failure: LOT_SIZE'
    description   TEXT NOT NULL,     -- what it means; cells over several lines are joined with newlines
    line          INTEGER NOT NULL,  -- first line of the row
    last_line     INTEGER NOT NULL,  -- last line of the row
    placeholders  INTEGER NOT NULL DEFAULT 0  -- placeholders in the message and description
);
CREATE INDEX table_rows_document ON table_rows(document_id, ordinal);

-- The codes a table row applies to (the codes listed in its section), in document order.
CREATE TABLE table_row_codes (
    table_row_id  INTEGER NOT NULL REFERENCES table_rows(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    code          INTEGER NOT NULL,
    PRIMARY KEY (table_row_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX table_row_codes_code ON table_row_codes(code);

-- Lines -----------------------------------------------------------------------------------------

-- How every line of a document was read: a count per kind ('entry', 'message', 'blank',
-- 'navigation', 'toc', ..., and 'unexplained' for lines the importer could not place).
CREATE TABLE line_kinds (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    lines        INTEGER NOT NULL,
    PRIMARY KEY (document_id, kind)
) WITHOUT ROWID;

-- Where the non-entry text is: runs of consecutive lines of one kind (blank lines excluded).
CREATE TABLE line_spans (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    first_line   INTEGER NOT NULL,
    last_line    INTEGER NOT NULL,
    PRIMARY KEY (document_id, first_line)
) WITHOUT ROWID;

-- The file itself ------------------------------------------------------------------------------

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

-- Full-text search -----------------------------------------------------------------------------

-- The search index's external content table: one row per entry (id = entries.id) and one per
-- table row (id = -table_rows.id), as people read them. The index itself holds the search form
-- of the same text, in which Chinese, Japanese and Korean runs are written as overlapping
-- character pairs then each character ('余额不足' -> '余额 额不 不足 足 余 额 不'), so one word
-- index finds any substring, even of one or two characters; `kb` computes that form when it
-- writes each row.
CREATE VIEW search_content AS
SELECT e.id AS id, e.document_id, e.id AS entry_id, NULL AS table_row_id,
       coalesce(e.name, '') AS name_terms,
       coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM messages m WHERE m.entry_id = e.id ORDER BY m.ordinal)), '') AS text_terms
FROM entries e
UNION ALL
SELECT -r.id, r.document_id, NULL, r.id, r.message, r.description
FROM table_rows r;

-- The full-text index (FTS5). Identifiers split at '_', so 'withdraw' finds CAPITAL_WITHDRAW_*.
-- sqlite3, Python and Datasette find it by content="search_content" (Datasette: fts_pk "id").
-- Rows are written by `kb` in the search form above, so the index must not be rebuilt from
-- its content table ('rebuild' would index the plain text and lose one- and two-character
-- Chinese search).
CREATE VIRTUAL TABLE search_index USING fts5(
    name_terms, text_terms,
    content="search_content", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);

-- Every term of the search index, as its tokenizer wrote it (lower case, accents removed;
-- Chinese pairs and characters too), copied from FTS5's vocabulary (fts5vocab) whenever
-- documents change. The last word of a query matches as a prefix; kb looks its completions up
-- here and searches for them by name ('order' → order, orderid, orders, ordertype), which FTS5
-- reads in document order, instead of a prefix query, which reads every completion in full
-- before the first match.
CREATE TABLE search_terms (
    term  TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Views for analysts ---------------------------------------------------------------------------

-- One row per message. An entry without messages appears once, with message NULL. A message
-- without placeholders is its own template.
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
LEFT JOIN sections s ON s.id = e.section_id
LEFT JOIN messages m ON m.entry_id = e.id;

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

-- The message-keyed table rows with the codes they apply to ('-1010,-2010,-2011', or NULL).
CREATE VIEW table_row_catalog AS
SELECT d.domain,
       d.locale,
       s.title  AS section,
       r.message,
       r.description,
       (SELECT group_concat(code, ',')
          FROM (SELECT code FROM table_row_codes c WHERE c.table_row_id = r.id ORDER BY c.ordinal)) AS codes,
       coalesce(d.source_url, d.file_name) AS source,
       r.line
FROM table_rows r
JOIN documents d ON d.id = r.document_id
LEFT JOIN sections s ON s.id = r.section_id;

-- One row per section of each document, with how many entries, distinct codes and table rows it holds.
CREATE VIEW section_catalog AS
SELECT d.domain,
       d.locale,
       s.ordinal,
       s.title,
       s.range_label,
       (SELECT count(*) FROM entries e WHERE e.section_id = s.id)              AS entries,
       (SELECT count(DISTINCT code) FROM entries e WHERE e.section_id = s.id)  AS codes,
       (SELECT count(*) FROM table_rows r WHERE r.section_id = s.id)           AS table_rows,
       coalesce(d.source_url, d.file_name) AS source,
       s.line
FROM sections s
JOIN documents d ON d.id = s.document_id;

-- Every message that has placeholders: its template and the tokens it uses ('％s,％s').
CREATE VIEW templates AS
SELECT d.domain,
       d.locale,
       e.code,
       e.name,
       m.template,
       m.placeholders,
       (SELECT group_concat(token, ',')
          FROM (SELECT token FROM placeholders p WHERE p.message_id = m.id ORDER BY p.ordinal)) AS tokens,
       m.text  AS message,
       m.lang,
       coalesce(d.source_url, d.file_name) AS source,
       m.line
FROM messages m
JOIN entries e ON e.id = m.entry_id
JOIN documents d ON d.id = e.document_id
WHERE m.placeholders > 0;

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

-- Duplicates as data: one row per member of each group. kind is one of
--   code_repeated  the same code defined more than once in one document
--   name_shared    one name used by several codes in one domain
--   code_conflict  a code that two domains name differently (no name in common)
--   code_shared    a code with the same name in several domains
CREATE VIEW duplicates AS
WITH named AS (
    SELECT DISTINCT d.domain, e.code, e.name, coalesce(e.name, '') AS key
    FROM entries e JOIN documents d ON d.id = e.document_id
),
domain_codes AS (
    SELECT DISTINCT domain, code FROM named
),
multi_domain AS (
    SELECT code FROM domain_codes GROUP BY code HAVING count(*) > 1
),
conflicting AS (
    SELECT DISTINCT a.code
    FROM domain_codes a
    JOIN domain_codes b ON b.code = a.code AND b.domain > a.domain
    WHERE NOT EXISTS (
        SELECT 1 FROM named x JOIN named y ON y.code = x.code AND y.key = x.key
        WHERE x.code = a.code AND x.domain = a.domain AND y.domain = b.domain)
)
SELECT 'code_repeated' AS kind, d.domain, e.code, e.name
FROM entries e JOIN documents d ON d.id = e.document_id
WHERE (e.document_id, e.code) IN
      (SELECT document_id, code FROM entries GROUP BY document_id, code HAVING count(*) > 1)
UNION ALL
SELECT 'name_shared', domain, code, name
FROM named
WHERE name IS NOT NULL
  AND (domain, name) IN (SELECT domain, name FROM named WHERE name IS NOT NULL
                         GROUP BY domain, name HAVING count(DISTINCT code) > 1)
UNION ALL
SELECT 'code_conflict', domain, code, name
FROM named WHERE code IN conflicting
UNION ALL
SELECT 'code_shared', domain, code, name
FROM named WHERE code IN multi_domain AND code NOT IN conflicting;

-- Stamps --------------------------------------------------------------------------------------

-- "EKB1" in ASCII: every ErrorKB database says so in its header.
PRAGMA application_id = 1162560049;
-- The schema version. Version 7 is the first written as one file (tables and views renamed:
-- sections, table_rows, table_row_codes, search_content, search_terms); kb refuses older files.
PRAGMA user_version = 7;
