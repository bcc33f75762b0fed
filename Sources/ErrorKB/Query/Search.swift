import GRDB

/// One search result: an entry, or a message-keyed table row.
public struct SearchHit: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case entry, reason }

    public var kind: Kind
    public var domain: String
    public var locale: String
    public var code: Int64?
    public var name: String?
    public var section: String?
    /// The entry's messages; for a table row, its message then its description.
    public var messages: [MessageText]
    public var source: String
    public var line: Int
    /// The best matching text with each hit wrapped in `**`.
    public var snippet: String
    /// bm25 rank: lower is better; exact code matches rank first with -infinity shown as nil.
    public var score: Double?
}

public struct SearchOptions: Sendable {
    public var domain: String?
    public var lang: MessageLanguage?
    public var limit: Int
    /// Rank hits that match any term, rather than requiring all (for suggestions).
    public var matchAny: Bool

    public init(domain: String? = nil, lang: MessageLanguage? = nil, limit: Int = 20, matchAny: Bool = false) {
        self.domain = domain
        self.lang = lang
        self.limit = limit
        self.matchAny = matchAny
    }
}

extension KnowledgeBase {
    /// Full-text search over names, messages and table rows, in English and Chinese.
    /// Words match whole, except the last, which matches as a prefix (the word being typed);
    /// Chinese matches as substrings of any length; all terms must match.
    /// A query that is a code lists that code's entries first.
    public func search(_ query: String, options: SearchOptions = .init()) throws -> [SearchHit] {
        // Control characters (NUL included) separate terms; at most `maxTerms` distinct terms count,
        // which keeps the SQL within SQLite's expression depth whatever is typed.
        let cleaned = String(query.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        var seenTerms: Set<Substring> = []
        let terms = Array(cleaned.split(whereSeparator: \.isWhitespace).filter { seenTerms.insert($0).inserted }.prefix(Self.maxTerms))
        guard !terms.isEmpty, options.limit > 0 else { return [] }
        return try read { db in
            var hits: [SearchHit] = []
            var seen: Set<Int64> = []
            if terms.count == 1, case .code(let code)? = LookupKey(String(terms[0])) {
                var sql = "SELECT e.id FROM entries e JOIN documents d ON d.id = e.document_id WHERE e.code IN (?, ?)"
                var arguments: StatementArguments = [code, code > 0 ? -code : code]
                appendFilters(to: &sql, &arguments, options, entryColumn: "e.id", reasonColumn: "NULL")
                sql += " ORDER BY d.domain, e.ordinal LIMIT ?"
                arguments += [options.limit]
                let ids = try db.cachedValues(Int64.self, sql, arguments)
                for entry in try entryDetails(db, ids: ids) {
                    seen.insert(entry.id)
                    hits.append(SearchHit(entry: entry, terms: terms, score: nil))
                }
            }
            let found = try matches(db, terms: terms, options: options, limit: options.limit + seen.count)
                .filter { $0.entryID.map { !seen.contains($0) } ?? true }
                .prefix(options.limit - hits.count)
            // One query for all the entries found, then hits in rank order.
            let entries = try entryDetails(db, ids: found.compactMap(\.entryID))
            let entriesByID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
            for match in found {
                if let entryID = match.entryID, let entry = entriesByID[entryID] {
                    hits.append(SearchHit(entry: entry, terms: terms, score: match.score))
                } else if let reasonID = match.reasonID,
                          let reason = try reasonDetails(db, where: "r.id = ?", arguments: [reasonID]).first {
                    hits.append(SearchHit(reason: reason, terms: terms, score: match.score))
                }
            }
            return hits
        }
    }

    private struct Match { var entryID: Int64?; var reasonID: Int64?; var score: Double? }

    /// How many distinct terms of a query are used.
    static let maxTerms = 32

    /// How many words a prefix may stand for before it is left to FTS5 as a prefix.
    static let maxCompletions = 32

    /// The last word, as the words it completes to (from `search_words`): FTS5 reads those in
    /// document order, where a prefix query reads every completion in full first. Nil keeps the
    /// prefix: a term that is not one plain word, no word stored, or too many.
    private func completions(of term: Substring, _ db: Database) throws -> String? {
        guard term.unicodeScalars.allSatisfy({ !$0.isCJK && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }),
              let words = try SearchWords.completions(of: term.lowercased(), limit: Self.maxCompletions, db), !words.isEmpty else { return nil }
        return "(" + words.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
    }

    /// How many matches are ranked at most, when no filter is given (see `matches`).
    static let rankingWindow = 300

    /// Index lookup for the terms that have words, plus a literal check for terms with symbols.
    private func matches(_ db: Database, terms: [Substring], options: SearchOptions, limit: Int) throws -> [Match] {
        // Only the last word is a prefix: FTS5 reads every word a prefix stands for in full, which
        // for a common word ('order' → order, orders, ordered…) costs more than the search.
        // Suggestions (any term) keep prefixes for every word.
        var patterns = terms.indices.compactMap { SearchTerms.pattern(forTerm: terms[$0], prefix: options.matchAny || $0 == terms.count - 1) }
        // A plain word always has a pattern, so the last pattern is the last term's.
        if !options.matchAny, let last = terms.last, let expanded = try completions(of: last, db) {
            patterns[patterns.count - 1] = expanded
        }
        let literals = options.matchAny ? [] : terms.filter { SearchTerms.needsLiteralCheck($0) }.map { String($0).lowercased() }
        var sql: String
        var arguments: StatementArguments = []
        // `s` has one row per entry or table row: search_index rowids are entries.id, or
        // -reason_rows.id for table rows.
        if patterns.isEmpty {
            // Nothing to look up in the index (a query of symbols only): scan the text.
            sql = """
                SELECT s.entry_id, s.reason_id, NULL AS score FROM (
                    SELECT e.id AS id, e.id AS entry_id, NULL AS reason_id FROM entries e
                    UNION ALL SELECT -r.id, NULL, r.id FROM reason_rows r) s
                """
        } else {
            // Every token is letters and digits in double quotes, so the pattern is valid FTS5 by
            // construction; GRDB's FTS5Pattern(rawPattern:) would open an in-memory database per
            // query to check it, which cost more than the search itself.
            func joined(_ patterns: [String]) -> String {
                patterns.map { "(\($0))" }.joined(separator: options.matchAny ? " OR " : " AND ")
            }
            var pattern = joined(patterns)
            // Ranking scores every match; for a very common term (one character in a million
            // entries) only `rankingWindow` matches are ranked, from the highest rowid down: FTS5
            // hands matches over in rowid order, so the LIMIT ends the scan there, in one pass.
            // Filters and literal checks could be starved by that cut, so they rank every match.
            // The window is never smaller than the hits asked for.
            let window = literals.isEmpty && options.domain == nil && options.lang == nil ? max(Self.rankingWindow, limit) : nil
            if let window {
                // The same holds for the last word: when the words as typed already fill the
                // window, rank those matches; the cut would have kept rows like them anyway.
                let exact = joined(terms.compactMap { SearchTerms.pattern(forTerm: $0, prefix: false) })
                if exact != pattern, try db.cachedValue(Int.self, "SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? ORDER BY rowid LIMIT ?)",
                                                        [exact, window]) == window {
                    pattern = exact
                }
            }
            arguments += [pattern, window ?? -1]
            // Newest rowids first: entries (positive rowids) before table rows (negative), so
            // that many matching table rows cannot crowd every entry out of the window.
            sql = """
                SELECT s.entry_id, s.reason_id, s.score FROM (
                    SELECT f.rowid AS id, CASE WHEN f.rowid > 0 THEN f.rowid END AS entry_id,
                           CASE WHEN f.rowid < 0 THEN -f.rowid END AS reason_id, bm25(search_index, 4.0, 1.0) AS score
                    FROM search_index f WHERE search_index MATCH ? ORDER BY f.rowid DESC LIMIT ?) s
                """
        }
        // The document only when a domain is asked for: a lookup per match.
        sql += options.domain == nil ? " WHERE 1" : """
             JOIN documents d ON d.id = (CASE WHEN s.id > 0 THEN (SELECT document_id FROM entries WHERE id = s.id)
                                             ELSE (SELECT document_id FROM reason_rows WHERE id = -s.id) END) WHERE 1
            """
        for literal in literals {
            sql += """
                 AND (instr(lower(coalesce((SELECT name FROM entries WHERE id = s.entry_id), '')), ?) > 0
                   OR EXISTS (SELECT 1 FROM messages m WHERE m.entry_id = s.entry_id AND instr(lower(m.text), ?) > 0)
                   OR EXISTS (SELECT 1 FROM reason_rows r WHERE r.id = s.reason_id
                              AND (instr(lower(r.message), ?) > 0 OR instr(lower(r.description), ?) > 0)))
                """
            arguments += [literal, literal, literal, literal]
        }
        appendFilters(to: &sql, &arguments, options, entryColumn: "s.entry_id", reasonColumn: "s.reason_id")
        sql += patterns.isEmpty ? " ORDER BY s.id" : " ORDER BY score, s.id"
        sql += " LIMIT ?"
        arguments += [limit]
        return try db.cachedRows(sql, arguments).map { Match(entryID: $0[0], reasonID: $0[1], score: $0[2]) }
    }

    private func appendFilters(to sql: inout String, _ arguments: inout StatementArguments, _ options: SearchOptions,
                               entryColumn: String, reasonColumn: String) {
        if let domain = options.domain {
            sql += " AND d.domain = ?"
            arguments += [domain]
        }
        if let lang = options.lang {
            // An entry matches a language when one of its messages is in it; a table row by its description.
            sql += """
                 AND (EXISTS (SELECT 1 FROM messages m WHERE m.entry_id = \(entryColumn) AND m.lang = ?)
                   OR EXISTS (SELECT 1 FROM reason_rows r WHERE r.id = \(reasonColumn)
                              AND (CASE WHEN r.description GLOB '*[一-龥]*' THEN 'zh' ELSE 'en' END) = ?))
                """
            arguments += [lang.rawValue, lang.rawValue]
        }
    }
}

extension SearchHit {
    init(entry: EntryDetail, terms: [Substring], score: Double?) {
        let texts = entry.messages.map(\.text) + [entry.name ?? ""]
        self.init(kind: .entry, domain: entry.domain, locale: entry.locale, code: entry.code, name: entry.name,
                  section: entry.section, messages: entry.messages, source: entry.source, line: entry.line,
                  snippet: Snippet.make(texts, terms: terms), score: score)
    }

    init(reason: ReasonDetail, terms: [Substring], score: Double?) {
        let lang = MessageLanguage(of: reason.description).rawValue
        self.init(kind: .reason, domain: reason.domain, locale: reason.locale, code: nil, name: nil,
                  section: reason.section,
                  messages: [MessageText(text: reason.message, lang: MessageLanguage(of: reason.message).rawValue, line: reason.line),
                             MessageText(text: reason.description, lang: lang, line: reason.line)],
                  source: reason.source, line: reason.line,
                  snippet: Snippet.make([reason.message, reason.description], terms: terms), score: score)
    }
}
