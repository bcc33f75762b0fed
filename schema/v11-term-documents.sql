-- Version 11: how many rows hold each term of kb's search index, kept with the term, so that kb
-- ranks by bm25 without counting a common term's rows at every search (FTS5's own bm25 reads
-- the term's whole doclist once per query to count them; kb's kb_bm25 takes the count).
-- A migrated file gets its counts when the write that migrated it ends: every write reads the
-- index's vocabulary again (fts5vocab's `doc`). The index itself is not read here: a new file's
-- index is copied in from another connection (ParallelSearchIndex), which only works while this
-- connection has never read it.
ALTER TABLE search_terms ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;

-- A hit's relations are read by entry: without an index, every search scanned them all.
CREATE INDEX entry_relations_entry ON entry_relations(entry_id);

PRAGMA user_version = 11;
