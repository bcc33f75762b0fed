import GRDB

/// The terms of the search index (FTS5's vocabulary), kept in `search_terms` so that a query's
/// last word, a prefix, can be expanded into the terms it completes to.
enum SearchVocabulary {
    /// Refills `search_terms` from the index itself: exactly the terms its tokenizer wrote, after
    /// any document was added or replaced.
    static func refresh(_ db: Database) throws {
        try open(db)
        try db.cachedStatement(sql: "DELETE FROM search_terms").execute()
        try db.cachedStatement(sql: "INSERT INTO search_terms (term) SELECT term FROM temp.search_vocabulary").execute()
    }

    /// FTS5's vocabulary of the index (an `fts5vocab` table of its rows) as a temp table, kept
    /// for the connection's life: creating it anew each time would change the schema, which makes
    /// SQLite recompile every cached statement.
    static func open(_ db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search_index, row)")
    }

    static let origins = CheckedRow.Origins(["term": "search_terms.term"], label: ("term", "term "))

    /// The terms that complete `prefix` (lower case), at most `limit`; nil when there are more.
    static func completions(of prefix: String, limit: Int, _ db: Database) throws -> [String]? {
        let terms = try CheckedRow.all(db.cachedStatement(sql: "SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?"),
                                       [prefix, prefix + "\u{10FFFF}", limit + 1], origins) { try $0.text("term") }
        return terms.count > limit ? nil : terms
    }
}
