import GRDB

/// `search_rows` and its trigram index `search_rows_fts` (schema/v09-search-rows.sql): the
/// search every SQLite client can use as it is. Triggers keep the index in step with the table;
/// this keeps the table in step with the entries and table rows.
enum SearchRows {
    /// Adds the rows of entries and table rows written since (a replaced document's rows were
    /// taken out by `deleteRows`), gives table rows the codes they have now (other pages can add
    /// some), and indexes what is new or changed. Needs the entries' and messages' indexes.
    static func refresh(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO search_rows (id, document_id, code, codes, name, domain, locale, message)
            SELECT e.id, e.document_id, e.code, CAST(e.code AS TEXT), e.name, d.domain, d.locale,
                   coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM messages m WHERE m.entry_id = e.id ORDER BY m.ordinal)), '')
            FROM entries e JOIN documents d ON d.id = e.document_id
            WHERE NOT EXISTS (SELECT 1 FROM search_rows s WHERE s.id = e.id);
            INSERT INTO search_rows (id, document_id, code, codes, name, domain, locale, message)
            SELECT -r.id, r.document_id, NULL, \(codes("r.id")), r.message, d.domain, d.locale, r.description
            FROM table_rows r JOIN documents d ON d.id = r.document_id
            WHERE NOT EXISTS (SELECT 1 FROM search_rows s WHERE s.id = -r.id);
            CREATE TEMP TABLE IF NOT EXISTS recoded (id INTEGER PRIMARY KEY);
            DELETE FROM temp.recoded;
            INSERT INTO temp.recoded SELECT id FROM search_rows WHERE id < 0 AND codes IS NOT \(codes("-search_rows.id"));
            INSERT INTO search_rows_fts (search_rows_fts, rowid, codes, name, message)
            SELECT 'delete', id, codes, name, message FROM search_rows WHERE id IN temp.recoded;
            UPDATE search_rows SET codes = \(codes("-search_rows.id")) WHERE id IN temp.recoded;
            INSERT INTO search_rows_fts (rowid, codes, name, message)
            SELECT id, codes, name, message FROM search_rows s
            WHERE NOT EXISTS (SELECT 1 FROM search_rows_fts_docsize z WHERE z.id = s.id);
            """)
    }

    /// Takes a document's rows out of the index and the table (before the document is deleted).
    static func deleteRows(ofDocument documentID: Int64, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO search_rows_fts (search_rows_fts, rowid, codes, name, message)
            SELECT 'delete', id, codes, name, message FROM search_rows WHERE document_id = ?
            """, arguments: [documentID])
        try db.execute(sql: "DELETE FROM search_rows WHERE document_id = ?", arguments: [documentID])
    }

    /// A table row's codes as `search_rows.codes` holds them: '-1010 -2010 -2011', or NULL.
    private static func codes(_ tableRowID: String) -> String {
        "(SELECT group_concat(code, ' ') FROM (SELECT code FROM table_row_codes c WHERE c.table_row_id = \(tableRowID) ORDER BY c.ordinal))"
    }

    /// Rebuilds the trigram index from the table (FTS5's 'rebuild', as `sqlite-utils rebuild-fts` does).
    static func rebuildIndex(_ db: Database) throws {
        try db.execute(sql: "INSERT INTO search_rows_fts (search_rows_fts) VALUES ('rebuild')")
    }

    /// What is wrong with the table or its index, if anything: rows missing or left over, or an
    /// index that has not one row per row of the table. (FTS5's 'integrity-check' would compare
    /// every token, but it is a write: readers do not run it.)
    static func problems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let expected = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM table_rows)") ?? 0
        let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_rows") ?? 0
        if rows != expected { problems.append("search_rows has \(rows) rows for \(expected) entries and table rows; repair it with kb reindex") }
        let indexed = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_rows_fts_docsize") ?? 0
        if indexed != rows { problems.append("search_rows_fts indexes \(indexed) of the \(rows) rows of search_rows; repair it with kb reindex") }
        return problems
    }
}
