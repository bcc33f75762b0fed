-- ErrorKB schema, migration 006: the words of the search index.
--
-- Every term of the search index, as its tokenizer wrote it (lower case, accents removed;
-- Chinese pairs and characters too), copied from FTS5's vocabulary whenever documents change.
-- The last word of a query matches as a prefix; kb looks its completions up here and searches
-- for them by name ('order' → order, orderid, orders, ordertype), which FTS5 reads in document
-- order, instead of a prefix query, which reads every completion in full before the first match.
CREATE TABLE search_words (
    word  TEXT PRIMARY KEY
) WITHOUT ROWID;
