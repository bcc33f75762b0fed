import ErrorKBModel
import GRDB

/// An entry or table row that a full-text query matched, with its bm25 score (lower is better).
package struct FullTextMatch: Sendable, Equatable {
    package var entryID: Int64?
    package var tableRowID: Int64?
    package var score: Double?

    /// The index's rowid: the entry's id, or minus the table row's.
    package var rowid: Int64 { entryID ?? -(tableRowID ?? 0) }

    package init(entryID: Int64?, tableRowID: Int64?, score: Double?) {
        self.entryID = entryID
        self.tableRowID = tableRowID
        self.score = score
    }
}

/// What a search is narrowed to.
package struct SearchFilter: Sendable, Equatable {
    /// Only this domain.
    package var domain: String?
    /// Only entries with a message in this language, table rows whose description is in it.
    package var lang: MessageLanguage?

    package init(domain: String? = nil, lang: MessageLanguage? = nil) {
        self.domain = domain
        self.lang = lang
    }

    var isEmpty: Bool { domain == nil && lang == nil }

    /// The filter as SQL conditions (each starts with AND) over the given entry and table row id
    /// columns; the domain condition needs the document joined as `d`.
    func conditions(entryColumn: String, tableRowColumn: String) -> (sql: String, arguments: StatementArguments) {
        var sql = ""
        var arguments: StatementArguments = []
        if let domain {
            sql += " AND d.domain = ?"
            arguments += [domain]
        }
        if let lang {
            // An entry matches a language when one of its messages is in it; a table row by its description.
            sql += """
                 AND (EXISTS (SELECT 1 FROM messages m WHERE m.entry_id = \(entryColumn) AND m.lang = ?)
                   OR EXISTS (SELECT 1 FROM table_rows r WHERE r.id = \(tableRowColumn)
                              AND (CASE WHEN r.description GLOB '*[一-龥]*' THEN 'zh' ELSE 'en' END) = ?))
                """
            arguments += [lang.rawValue, lang.rawValue]
        }
        return (sql, arguments)
    }
}

/// The SQL of a full-text search: index lookup for the terms that have words, plus a literal
/// check for terms with symbols, ranked by bm25 (a name match weighs 4, a text match 1).
enum FullTextQuery {
    /// How many matches are ranked at most in a file of more than `exactRankRows` rows, when no
    /// filter is given (see `matches`).
    static let rankingWindow = 300

    /// In a file of at most this many entries and table rows every match is ranked: the built-in
    /// corpus of every Binance page has 2,291 rows in its index, so its searches are always
    /// ranked in full. Scoring costs about 0.5 µs a match, so a search of this many costs 10 ms.
    static let exactRankRows = 20_000

    /// How many terms a prefix may stand for before it is left to FTS5 as a prefix.
    static let maxCompletions = 32

    /// The best `limit` matches by bm25; `windowed` false ranks every match (no `rankingWindow`).
    static func matches(_ db: Database, terms: [Substring], matchAny: Bool, everyPrefix: Bool = false, filter: SearchFilter, limit: Int,
                        windowed: Bool = true) throws -> [FullTextMatch] {
        let (sql, arguments) = try statement(db, terms: terms, matchAny: matchAny, everyPrefix: everyPrefix, filter: filter, limit: limit,
                                             counting: false, windowed: windowed)
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            FullTextMatch(entryID: row["entry_id"], tableRowID: row["table_row_id"], score: row["score"])
        }
    }

    /// How many entries and table rows match (meanings, when `grouped`), counted among the first
    /// `cap` matches in rowid order, unranked; `capped` when more matched. In a file of at most
    /// `exactRankRows` rows every match is counted.
    static func count(_ db: Database, terms: [Substring], matchAny: Bool, filter: SearchFilter, cap: Int,
                      grouped: Bool = false) throws -> (count: Int, capped: Bool) {
        let cap = try isSmall(db) ? exactRankRows + 1 : cap
        let (sql, arguments) = try statement(db, terms: terms, matchAny: matchAny, everyPrefix: false, filter: filter, limit: cap, counting: true)
        let what = grouped ? """
            count(DISTINCT coalesce('e' || (SELECT meaning FROM entries WHERE id = m.entry_id),
                                    't' || (SELECT lower(message) FROM table_rows WHERE id = m.table_row_id)))
            """ : "count(*)"
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(what), count(*) FROM (\(sql)) m"), arguments: arguments)
        let counted: Int = row?[0] ?? 0, matches: Int = row?[1] ?? 0
        return (counted, matches >= cap)
    }

    private static func statement(_ db: Database, terms: [Substring], matchAny: Bool, everyPrefix: Bool, filter: SearchFilter, limit: Int,
                                  counting: Bool, windowed: Bool = true) throws -> (String, StatementArguments) {
        // Only the last word is a prefix: FTS5 reads every word a prefix stands for in full, which
        // for a common word ('order' → order, orders, ordered…) costs more than the search.
        // Suggestions keep prefixes for every word.
        var expressions = terms.indices.compactMap { MatchExpression.term(terms[$0], prefix: everyPrefix || $0 == terms.count - 1) }
        // A plain word always has an expression, so the last expression is the last term's.
        if !everyPrefix, let last = terms.last, MatchExpression.isPlainWord(last), let expanded = try completions(of: last, db) {
            expressions[expressions.count - 1] = expanded
        }
        // Placeholders are not in the index: a hit must contain them as written (％s or %s alike).
        let literals = matchAny ? [] : terms.filter { MatchExpression.isPlaceholder($0) }.map { String($0).lowercased() }
        var sql: String
        var arguments: StatementArguments = []
        // `s` has one row per entry or table row: search_index rowids are entries.id, or
        // -table_rows.id for table rows.
        if expressions.isEmpty {
            // Nothing to look up in the index (a query of symbols only): scan the text.
            sql = """
                SELECT s.entry_id, s.table_row_id, NULL AS score FROM (
                    SELECT e.id AS id, e.id AS entry_id, NULL AS table_row_id FROM entries e
                    UNION ALL SELECT -r.id, NULL, r.id FROM table_rows r) s
                """
        } else {
            var expression = MatchExpression.joined(expressions, any: matchAny)
            // Ranking scores every match; in a file of more than `exactRankRows` rows (a million
            // generated entries) only `rankingWindow` matches are ranked, from the highest rowid
            // down: FTS5 hands matches over in rowid order, so the LIMIT ends the scan there, in
            // one pass. Filters and literal checks could be starved by that cut, so they rank
            // every match. The window is never smaller than the hits asked for.
            let ranksAll = try !counting && (!windowed || !literals.isEmpty || !filter.isEmpty || isSmall(db))
            let window = counting ? limit : ranksAll ? nil : max(rankingWindow, limit)
            if let window, !counting {
                // The same holds for the last word: when the words as typed already fill the
                // window, rank those matches; the cut would have kept rows like them anyway.
                let exact = MatchExpression.joined(terms.compactMap { MatchExpression.term($0, prefix: false) }, any: matchAny)
                if exact != expression, try db.cachedValue(Int.self, "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? ORDER BY rowid LIMIT ?)",
                                                           [exact, window]) == window {
                    expression = exact
                }
            }
            // A count needs no score: computing it was a third of a search's time.
            let score = counting ? "NULL" : "\(RankFunction.name)(search_index, 4.0, 1.0, ?)"
            if !counting { arguments += [RankFunction.documents(try SearchVocabulary.documents(of: expression, db))] }
            arguments += [expression, window ?? -1]
            // Newest rowids first: entries (positive rowids) before table rows (negative), so
            // that many matching table rows cannot crowd every entry out of the window.
            sql = """
                SELECT s.entry_id, s.table_row_id, s.score FROM (
                    SELECT f.rowid AS id, CASE WHEN f.rowid > 0 THEN f.rowid END AS entry_id,
                           CASE WHEN f.rowid < 0 THEN -f.rowid END AS table_row_id, \(score) AS score
                    FROM search_index f WHERE search_index MATCH ? ORDER BY f.rowid DESC LIMIT ?) s
                """
        }
        // The document only when a domain is asked for: a lookup per match.
        sql += filter.domain == nil ? " WHERE 1" : """
             JOIN documents d ON d.id = (CASE WHEN s.id > 0 THEN (SELECT document_id FROM entries WHERE id = s.id)
                                             ELSE (SELECT document_id FROM table_rows WHERE id = -s.id) END) WHERE 1
            """
        for literal in literals {
            // Chinese pages write the full-width ％s.
            sql += """
                 AND (instr(replace(lower(coalesce((SELECT name FROM entries WHERE id = s.entry_id), '')), '％', '%'), ?) > 0
                   OR EXISTS (SELECT 1 FROM messages m WHERE m.entry_id = s.entry_id AND instr(replace(lower(m.text), '％', '%'), ?) > 0)
                   OR EXISTS (SELECT 1 FROM table_rows r WHERE r.id = s.table_row_id
                              AND (instr(replace(lower(r.message), '％', '%'), ?) > 0 OR instr(replace(lower(r.description), '％', '%'), ?) > 0)))
                """
            arguments += [literal, literal, literal, literal]
        }
        let conditions = filter.conditions(entryColumn: "s.entry_id", tableRowColumn: "s.table_row_id")
        sql += conditions.sql
        arguments += conditions.arguments
        if !counting { sql += expressions.isEmpty ? " ORDER BY s.id" : " ORDER BY score, s.id" }
        sql += " LIMIT ?"
        arguments += [limit]
        return (sql, arguments)
    }

    /// Whether the index has at most `exactRankRows` rows: every match is then ranked and counted.
    /// Read from two primary keys (entries' and table rows' ids are distinct and positive, so
    /// their highest ids bound the rows), summed as reals, which no id can overflow.
    private static func isSmall(_ db: Database) throws -> Bool {
        try (db.cachedValue(Double.self, """
            SELECT CAST(coalesce((SELECT max(id) FROM entries), 0) AS REAL) + CAST(coalesce((SELECT max(id) FROM table_rows), 0) AS REAL)
            """) ?? 0) <= Double(exactRankRows)
    }

    /// The last word, as the terms it completes to (from `search_terms`): FTS5 reads those in
    /// document order, where a prefix query reads every completion in full first. Nil keeps the
    /// prefix: a term that is not one plain word, no term stored, or too many.
    private static func completions(of term: Substring, _ db: Database) throws -> String? {
        guard MatchExpression.isPlainWord(term),
              let terms = try SearchVocabulary.completions(of: term.lowercased(), limit: maxCompletions, db), !terms.isEmpty else { return nil }
        return MatchExpression.anyOf(terms)
    }
}
