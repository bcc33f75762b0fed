-- Version 9: meanings, and the codes table rows get from links and from other pages.
--
-- `kb match`, `kb classify`, the duplicates view and search all need one answer to "do these
-- entries of a code mean the same thing?". It is computed once, when documents are built or
-- added, and stored here as data.

-- A meaning of a code: the entries that document one error, whatever page, product or language
-- they are on. Two entries of one code share a meaning when one translates the other (same
-- domain, another locale, paired in document order), when their names are the same ignoring
-- case, '_', '-' and spaces, or when they document the same message (compared with spacing,
-- case, final punctuation and the quotes around placeholders ignored). `meaning` is the id of
-- the meaning's first entry (its own id when no other entry shares it).
ALTER TABLE entries ADD COLUMN meaning INTEGER NOT NULL DEFAULT 0;
CREATE INDEX entries_meaning ON entries(meaning);

-- Where a link within a page can land: the HTML anchors just before a section's heading
-- (`<a id="filter_failures"></a>`) and the heading's own slug (`filter-failures`).
CREATE TABLE section_anchors (
    section_id  INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    anchor      TEXT NOT NULL,
    PRIMARY KEY (section_id, anchor)
) WITHOUT ROWID;

-- Links from an entry's messages to a part of the same page: the spot page's -1013
-- INVALID_MESSAGE says its messages are in [Filter Failures](#filter-failures). The table rows
-- of the section linked to are returned under the entry's code (table_row_codes.via = 'link').
CREATE TABLE entry_links (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    anchor      TEXT NOT NULL,   -- the anchor linked to, without '#'
    section_id  INTEGER REFERENCES sections(id) ON DELETE SET NULL,  -- the section it lands on; NULL when none has the anchor
    line        INTEGER NOT NULL
);
CREATE INDEX entry_links_entry ON entry_links(entry_id);

-- Why a table row applies to a code: 'section' (its section names the code), 'link' (an entry
-- of the code links to its section) or 'message' (its section names no code and no entry links
-- to it, and the same message is a table row with codes on another page: the wallet page copies
-- spot's filter table without a -1013 entry).
ALTER TABLE table_row_codes ADD COLUMN via TEXT NOT NULL DEFAULT 'section' CHECK (via IN ('section', 'link', 'message'));

-- One row per meaning: the code, its names, and where it is documented.
CREATE VIEW meanings AS
SELECT e.meaning,
       e.code,
       (SELECT group_concat(name, ' | ') FROM (
            SELECT DISTINCT e2.name FROM entries e2
            WHERE e2.meaning = e.meaning AND e2.name IS NOT NULL ORDER BY e2.id)) AS names,
       (SELECT group_concat(domain, ',') FROM (
            SELECT DISTINCT d2.domain FROM entries e2 JOIN documents d2 ON d2.id = e2.document_id
            WHERE e2.meaning = e.meaning ORDER BY d2.domain)) AS domains,
       (SELECT group_concat(locale, ',') FROM (
            SELECT DISTINCT d2.locale FROM entries e2 JOIN documents d2 ON d2.id = e2.document_id
            WHERE e2.meaning = e.meaning ORDER BY d2.locale)) AS locales,
       count(*) AS entries
FROM entries e
GROUP BY e.meaning;

-- Duplicates as data, now by meaning: one row per member of each group. kind is one of
--   code_repeated  the same code defined more than once in one document
--   name_shared    one name used by several codes in one domain
--   code_conflict  a code with more than one meaning (see entries.meaning)
--   code_shared    a code with one meaning documented in several domains
DROP VIEW duplicates;
CREATE VIEW duplicates AS
WITH named AS (
    SELECT DISTINCT d.domain, e.code, e.name
    FROM entries e JOIN documents d ON d.id = e.document_id
),
conflicting AS (
    SELECT code FROM entries GROUP BY code HAVING count(DISTINCT meaning) > 1
),
multi_domain AS (
    SELECT e.code FROM entries e JOIN documents d ON d.id = e.document_id
    GROUP BY e.code HAVING count(DISTINCT d.domain) > 1
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

PRAGMA user_version = 9;
