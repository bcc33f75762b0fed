-- ErrorKB schema, migration 002: message templates.
--
-- Each message is also a template: its placeholders (%s, ％s, {0}, {param}) numbered in order.
-- `kb match` turns a runtime message back into the template it came from, with the arguments.

ALTER TABLE messages ADD COLUMN template TEXT;                            -- 'Too many new orders; current limit is {1} orders per {2}.'
ALTER TABLE messages ADD COLUMN placeholders INTEGER NOT NULL DEFAULT 0;  -- how many placeholders the message has

-- Placeholders in table rows (none in the seed pages' tables, but other pages may have them).
ALTER TABLE reason_rows ADD COLUMN placeholders INTEGER NOT NULL DEFAULT 0;

-- One row per placeholder of a message.
CREATE TABLE placeholders (
    message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,  -- 1-based: {1} in the template is ordinal 1
    token       TEXT NOT NULL,     -- as written: '%s', '％s', '{0}'; quotes around it are not part of it
    position    INTEGER NOT NULL,  -- offset of the token in the message, in characters from 0
    style       TEXT NOT NULL CHECK (style IN ('printf', 'fullwidth', 'indexed', 'named')),
    PRIMARY KEY (message_id, ordinal)
) WITHOUT ROWID;

-- catalog, with each message's template and placeholder count.
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
       m.template,
       m.placeholders
FROM entries e
JOIN documents d ON d.id = e.document_id
LEFT JOIN sections s ON s.id = e.section_id
LEFT JOIN messages m ON m.entry_id = e.id;

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
