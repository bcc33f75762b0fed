-- ErrorKB schema, migration 001: the foundation.
--
-- A knowledge base of API error codes imported from documentation pages.
-- Every imported row records the document it came from and its 1-based source line.
-- Analysts usually want the views at the bottom: catalog, duplicates and reasons.

-- One row per imported document: where it came from and its full original text.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    source_url  TEXT,              -- the page the text was taken from, NULL when unknown
    domain      TEXT NOT NULL,     -- API product, e.g. 'wallet', 'coin-margined-futures'
    locale      TEXT NOT NULL,     -- page locale, e.g. 'zh-CN', 'en'
    title       TEXT,              -- the document's first heading
    format      TEXT NOT NULL,     -- 'scraped-text' or 'markdown', told from the content
    file_name   TEXT NOT NULL,     -- file name given to `kb build`
    sha256      TEXT NOT NULL,     -- hex digest of the raw bytes
    size        INTEGER NOT NULL,  -- bytes
    line_count  INTEGER NOT NULL,
    raw_text    TEXT NOT NULL
);

-- Headed parts of a document, in document order ('10xx - General Server or Network issues').
CREATE TABLE sections (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,  -- 1-based position in the document
    title        TEXT NOT NULL,
    range_label  TEXT,              -- the code range the title starts with ('10xx', '3xxx-5xxx'), if any
    line         INTEGER NOT NULL
);
CREATE INDEX sections_document ON sections(document_id);

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

-- The messages documented for an entry, in document order.
CREATE TABLE messages (
    id        INTEGER PRIMARY KEY,
    entry_id  INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,  -- 1-based position within the entry
    text      TEXT NOT NULL,
    lang      TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
    line      INTEGER NOT NULL
);
CREATE INDEX messages_entry ON messages(entry_id, ordinal);

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

-- Table rows keyed by a message rather than a code: filter failures, order rejections.
CREATE TABLE reason_rows (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id   INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,  -- 1-based position among the document's rows
    message      TEXT NOT NULL,     -- the runtime message, e.g. 'Filter failure: LOT_SIZE'
    description  TEXT NOT NULL,     -- what it means; cells over several lines are joined with newlines
    line         INTEGER NOT NULL,  -- first line of the row
    last_line    INTEGER NOT NULL   -- last line of the row
);
CREATE INDEX reason_rows_document ON reason_rows(document_id, ordinal);

-- The codes a reason row applies to (the codes listed in its section), in document order.
CREATE TABLE reason_codes (
    reason_id  INTEGER NOT NULL REFERENCES reason_rows(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    code       INTEGER NOT NULL,
    PRIMARY KEY (reason_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX reason_codes_code ON reason_codes(code);

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

-- Search documents: one per entry and one per reason row, in the form the index reads.
-- Chinese, Japanese and Korean runs are written as overlapping character pairs ('余额不足' ->
-- '余额 额不 不足 足'), so one word index finds any substring, even of one or two characters.
CREATE TABLE search_docs (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entry_id     INTEGER REFERENCES entries(id) ON DELETE CASCADE,
    reason_id    INTEGER REFERENCES reason_rows(id) ON DELETE CASCADE,
    name_terms   TEXT NOT NULL,  -- the entry name (or the reason's message), index form
    text_terms   TEXT NOT NULL   -- the messages (or the reason's description), index form
);
CREATE INDEX search_docs_entry ON search_docs(entry_id);
CREATE INDEX search_docs_reason ON search_docs(reason_id);

-- The full-text index over search_docs. Identifiers split at '_', so 'withdraw' finds
-- CAPITAL_WITHDRAW_*. External content: sqlite3, Python and Datasette find it by content="search_docs".
CREATE VIRTUAL TABLE search_index USING fts5(
    name_terms, text_terms,
    content="search_docs", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);

-- One row per message. An entry without messages appears once, with message NULL.
CREATE VIEW catalog AS
SELECT d.domain,
       d.locale,
       e.code,
       e.name,
       s.title                          AS section,
       m.text                           AS message,
       m.lang,
       coalesce(d.source_url, d.file_name) AS source,
       coalesce(m.line, e.line)         AS line
FROM entries e
JOIN documents d ON d.id = e.document_id
LEFT JOIN sections s ON s.id = e.section_id
LEFT JOIN messages m ON m.entry_id = e.id;

-- The message-keyed table rows with the codes they apply to ('-1010,-2010,-2011', or NULL).
CREATE VIEW reasons AS
SELECT d.domain,
       d.locale,
       s.title  AS section,
       r.message,
       r.description,
       (SELECT group_concat(code, ',')
          FROM (SELECT code FROM reason_codes c WHERE c.reason_id = r.id ORDER BY c.ordinal)) AS codes,
       coalesce(d.source_url, d.file_name) AS source,
       r.line
FROM reason_rows r
JOIN documents d ON d.id = r.document_id
LEFT JOIN sections s ON s.id = r.section_id;

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
