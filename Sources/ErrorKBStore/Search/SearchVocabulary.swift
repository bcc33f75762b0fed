import GRDB

/// The terms of the search index (FTS5's vocabulary), kept in `search_terms` so that a query's
/// last word, a prefix, can be expanded into the terms it completes to.
enum SearchVocabulary {
    /// Refills `search_terms` from the index itself: exactly the terms its tokenizer wrote, after
    /// any document was added or replaced.
    static func refresh(_ db: Database) throws {
        try open(db)
        try db.cachedStatement(sql: "DELETE FROM search_terms").execute()
        try db.cachedStatement(sql: "INSERT INTO search_terms (term, documents) SELECT term, doc FROM temp.search_vocabulary").execute()
    }

    /// FTS5's vocabulary of the index (an `fts5vocab` table of its rows) as a temp table, kept
    /// for the connection's life: creating it anew each time would change the schema, which makes
    /// SQLite recompile every cached statement.
    static func open(_ db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search_index, row)")
    }

    static let origins = CheckedRow.Origins(["term": "search_terms.term"], label: ("term", "term "))

    /// How many rows of the index hold each phrase of a MATCH expression, in the expression's
    /// order (`RankFunction`'s `documents`): a term's count as `search_terms` has it; a phrase of
    /// several terms, its rarest term's (an upper bound); a prefix, the sum of its completions'
    /// (an upper bound too). A term the index lacks counts 1: such a phrase matches nothing.
    static func documents(of expression: String, _ db: Database) throws -> [Int64] {
        // Only a count kb wrote is used: anything else in the column (a damaged file) counts as
        // unknown, and a search still ranks (a ranking hint is no reason to refuse one).
        func count(_ sql: String, _ arguments: StatementArguments) throws -> Int64? {
            guard let value = try db.cachedValue(Double.self, sql, arguments), value >= 1 else { return nil }
            return Int64(min(value, 1e15))
        }
        return try MatchExpression.phrases(in: expression).map { phrase in
            if phrase.isPrefix, let term = phrase.terms.first {
                let prefix = term.lowercased()
                return try count("SELECT total(CASE WHEN typeof(documents) = 'integer' THEN documents END) FROM search_terms WHERE term >= ? AND term < ?",
                                 [prefix, prefix + "\u{10FFFF}"]) ?? 1
            }
            var fewest: Int64 = .max
            for term in phrase.terms {
                fewest = min(fewest, try count("SELECT CASE WHEN typeof(documents) = 'integer' THEN documents END FROM search_terms WHERE term = ?",
                                               [term.lowercased()]) ?? 1)
            }
            return fewest == .max ? 1 : fewest
        }
    }

    /// The terms that complete `prefix` (lower case), at most `limit`; nil when there are more.
    static func completions(of prefix: String, limit: Int, _ db: Database) throws -> [String]? {
        let terms = try self.terms(startingWith: prefix, limit: limit + 1, db)
        return terms.count > limit ? nil : terms
    }

    /// The terms that start with `prefix` (lower case), at most `limit`, in term order.
    static func terms(startingWith prefix: String, limit: Int, _ db: Database) throws -> [String] {
        try CheckedRow.all(db.cachedStatement(sql: "SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?"),
                           [prefix, prefix + "\u{10FFFF}", limit], origins) { try $0.text("term") }
    }
}
