-- ErrorKB schema, migration 006: the words of the search index.
--
-- Every distinct word (letters and digits, lower case; not Chinese, which is searched by its
-- characters) of the names and messages in the index. The last word of a query matches as a
-- prefix; kb looks its completions up here and searches for them by name ('order' →
-- order, orderid, orders, ordertype), which FTS5 reads in document order, instead of a prefix
-- query, which reads every completion in full before the first match.
CREATE TABLE search_words (
    word  TEXT PRIMARY KEY
) WITHOUT ROWID;
