import GRDB

/// The terms of the search index, kept in `search_words` so that a query's last word, a prefix,
/// can be expanded into the words it completes to.
enum SearchWords {
    /// Refills `search_words` from the index itself (FTS5's vocabulary): exactly the terms its
    /// tokenizer wrote, after any document was added or replaced.
    static func refresh(_ db: Database) throws {
        try openVocabulary(db)
        try db.cachedStatement(sql: "DELETE FROM search_words").execute()
        try db.cachedStatement(sql: "INSERT INTO search_words (word) SELECT term FROM temp.search_vocabulary").execute()
    }

    /// FTS5's vocabulary of the index as a temp table, kept for the connection's life: creating
    /// it anew each time would change the schema, which makes SQLite recompile every cached statement.
    static func openVocabulary(_ db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search_index, row)")
    }

    /// The words that complete `prefix` (lower case), at most `limit`; nil when there are more.
    static func completions(of prefix: String, limit: Int, _ db: Database) throws -> [String]? {
        let words = try db.cachedValues(String.self, "SELECT word FROM search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
                                        [prefix, prefix + "\u{10FFFF}", limit + 1])
        return words.count > limit ? nil : words
    }
}
