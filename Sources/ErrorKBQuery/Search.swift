import ErrorKBModel
import ErrorKBStore
import ErrorKBSupport

/// One search result: an entry, or a message-keyed table row.
public struct SearchHit: Codable, Sendable, Equatable {
    /// An entry (a code), or a message-keyed table row.
    public enum Kind: String, Codable, Sendable { case entry, tableRow = "table_row" }

    /// What the hit is.
    public var kind: Kind
    /// The API product.
    public var domain: String
    /// The document's locale.
    public var locale: String
    /// The entry's code; nil for a table row.
    public var code: Int64?
    /// A table row's codes: those it is returned under (its section's, in document order); nil for an entry.
    public var codes: [Int64]?
    /// The entry's name; nil for a table row or a nameless entry.
    public var name: String?
    /// The title of its section.
    public var section: String?
    /// The entry's messages; for a table row, its message then its description.
    public var messages: [MessageText]
    /// The document's source URL, else its file name.
    public var source: String
    /// 1-based line in the document.
    public var line: Int
    /// The best matching text with each hit wrapped in `**`.
    public var snippet: String
    /// bm25 rank: lower is better; exact code matches rank first with -infinity shown as nil.
    public var score: Double?
}

/// What a search looks at and how many hits it returns.
public struct SearchOptions: Sendable {
    /// Only this domain.
    public var domain: String?
    /// Only entries with a message in this language (table rows: their description).
    public var lang: MessageLanguage?
    /// At most this many hits.
    public var limit: Int
    /// Rank hits that match any term, rather than requiring all (for suggestions).
    public var matchAny: Bool
    /// Rank every match by bm25, not only the `FullTextQuery.rankingWindow` newest: slower on
    /// common words; for measuring what the window changes (bench/kb-bench agreement).
    public var rankEveryMatch = false

    /// Options; by default every domain and language, 20 hits, all terms.
    public init(domain: String? = nil, lang: MessageLanguage? = nil, limit: Int = 20, matchAny: Bool = false) {
        self.domain = domain
        self.lang = lang
        self.limit = limit
        self.matchAny = matchAny
    }

    var filter: SearchFilter { SearchFilter(domain: domain, lang: lang) }
}

/// A search's hits and how many there were before `limit` cut them.
public struct SearchResults: Codable, Sendable, Equatable {
    /// The hits shown, best first.
    public var hits: [SearchHit]
    /// How many hits the query has in all, counted up to `SearchResults.countCap`; more than
    /// `hits.count` when `limit` cut the list.
    public var total: Int
    /// Whether `total` stopped at the cap (there may be more).
    public var totalIsCapped: Bool
    /// Whether nothing had every word of the query, so the hits have only some of them.
    public var partial: Bool = false

    /// Hits are counted up to this many.
    public static let countCap = 1_000

    enum CodingKeys: String, CodingKey {
        case hits, total, totalIsCapped = "total_is_capped", partial
    }
}

extension KnowledgeBase {
    /// How many distinct terms of a query are used: at most this many keep the SQL within
    /// SQLite's expression depth whatever is typed.
    static let maxTerms = 32

    /// How many of the best bm25 matches are ranked again by phrase, name and prior (`Relevance`).
    static let rerankDepth = 60

    /// Full-text search over names, messages and table rows, in English and Chinese.
    /// The query is text (see `SearchQuery`): punctuation separates words. Words match whole,
    /// except the last, which matches as a prefix (the word being typed); Chinese matches as
    /// substrings of any length; all terms must match, and when nothing has them all, a query of
    /// several words ranks what has any of them. A documented code or a known name in the
    /// query lists its entries first; the rest are ordered by `Relevance`.
    public func search(_ query: String, options: SearchOptions = .init()) throws -> [SearchHit] {
        try searchResults(query, options: options).hits
    }

    /// `search`, with the number of hits before the limit.
    public func searchResults(_ query: String, options: SearchOptions = .init()) throws -> SearchResults {
        let parsed = SearchQuery(query)
        guard !parsed.terms.isEmpty, options.limit > 0 else { return SearchResults(hits: [], total: 0, totalIsCapped: false) }
        return try records { records in
            try records.checkSearchIndexIsKBs()
            var terms = parsed.terms
            var firstIDs: [Int64] = []
            for code in parsed.codes {
                let ids = try records.entryIDs(code: code, filter: options.filter, limit: options.limit)
                guard !ids.isEmpty else { continue }
                firstIDs += ids.filter { !firstIDs.contains($0) }
                terms.removeAll { $0 == String(abs(code))[...] }
            }
            let seen = Set(firstIDs)
            // A known name is ranked with the matches (its whole name matches), even when the
            // ranking window missed it.
            let named = options.matchAny ? [] : try records.entryIDs(names: Self.nameForms(of: parsed.terms), filter: options.filter, limit: options.limit)
                .filter { !seen.contains($0) }
            var anyTerm = options.matchAny
            var found: [FullTextMatch] = []
            var partialRows: Set<Int64> = []
            if !terms.isEmpty {
                let depth = max(options.limit, Self.rerankDepth) + seen.count
                found = try records.fullTextMatches(terms: terms, matchAny: anyTerm, everyPrefix: options.matchAny, filter: options.filter, limit: depth,
                                                    windowed: !options.rankEveryMatch)
                if found.isEmpty, !anyTerm {
                    // Nothing has every word: rank what has any of them, Chinese runs as their pairs
                    // (缺少参数 → 缺少, 少参, 参数), since users' words seldom match the pages' whole.
                    let loose = Self.looseTerms(terms)
                    if loose.count > 1 {
                        anyTerm = true
                        terms = loose
                        found = try records.fullTextMatches(terms: terms, matchAny: true, filter: options.filter, limit: depth, windowed: !options.rankEveryMatch)
                    }
                } else if !anyTerm, terms.count >= 3, try !Self.hasPhrase(found.prefix(10), RankTokens.of(query), records) {
                    // Pasted text holds words no page has with the others (`error: Invalid symbol`):
                    // when no good match has the words together, the hits with some of them are
                    // ranked too, where a whole message inside the text stands out.
                    let seenMatches = Set(found.map(\.rowid))
                    let some = try records.fullTextMatches(terms: terms, matchAny: true, filter: options.filter, limit: depth, windowed: !options.rankEveryMatch)
                        .filter { !seenMatches.contains($0.rowid) }
                    partialRows = Set(some.map(\.rowid))
                    found += some
                }
                found = found.filter { $0.entryID.map { !seen.contains($0) } ?? true }
            }
            let foundIDs = Set(found.compactMap(\.entryID))
            found += named.filter { !foundIDs.contains($0) }.map { FullTextMatch(entryID: $0, tableRowID: nil, score: 0) }
            // One query each for all the entries and table rows found, then hits in rank order.
            let entries = try EntryDetail.load(records.entries(ids: firstIDs + found.compactMap(\.entryID)), records)
            let entriesByID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
            let tableRows = try records.tableRows(ids: found.compactMap(\.tableRowID))
            let tableRowsByID = Dictionary(uniqueKeysWithValues: tableRows.map { ($0.id, TableRowDetail($0)) })
            let first = firstIDs.compactMap { entriesByID[$0].map { SearchHit(entry: $0, terms: parsed.terms, score: nil) } }
            var ranked: [(hit: SearchHit, relevance: Relevance)] = []
            let queryTokens = RankTokens.of(query)
            for match in found {
                if let entry = match.entryID.flatMap({ entriesByID[$0] }) {
                    ranked.append((SearchHit(entry: entry, terms: parsed.terms, score: match.score),
                                   Relevance(query: queryTokens, name: entry.name, texts: entry.messages.map(\.text), score: match.score)))
                } else if let row = match.tableRowID.flatMap({ tableRowsByID[$0] }) {
                    ranked.append((SearchHit(tableRow: row, terms: parsed.terms, score: match.score),
                                   Relevance(query: queryTokens, name: row.message, texts: [row.description], score: match.score)))
                } else {
                    continue
                }
                if partialRows.contains(match.rowid) { ranked[ranked.count - 1].relevance.partial = 1 }
            }
            // The prior: how many of the ranked hits document the same meaning.
            var places: [String: Int] = [:]
            for item in ranked { places[item.hit.meaningKey, default: 0] += 1 }
            for index in ranked.indices { ranked[index].relevance.prior = -(places[ranked[index].hit.meaningKey] ?? 0) }
            let hits = Array((first + ranked.sorted { $0.relevance < $1.relevance }.map(\.hit)).prefix(options.limit))
            // Nothing found must mean nothing matches, not an index that lost its rows.
            if hits.isEmpty { try records.checkSearchIndexIsWhole() }
            var total = first.count + found.count
            var capped = false
            if hits.count == options.limit, total > 0 {
                let counted = terms.isEmpty ? 0 : try records.fullTextCount(terms: terms, matchAny: anyTerm, filter: options.filter, cap: SearchResults.countCap)
                total = max(total, first.count + counted)
                capped = counted >= SearchResults.countCap
            }
            return SearchResults(hits: hits, total: max(total, hits.count), totalIsCapped: capped, partial: anyTerm && !options.matchAny)
        }
    }

    /// What is wrong with the search indexes, one sentence per problem (empty when nothing is):
    /// kb's index rebuilt by another program, rows missing from either index.
    public func searchIndexProblems() throws -> [String] {
        try records { try $0.searchIndexProblems() }
    }

    /// The terms of a query that nothing matches whole: words as they are, each Chinese run of
    /// three letters or more as its overlapping pairs.
    static func looseTerms(_ terms: [Substring]) -> [Substring] {
        var loose: [Substring] = []
        for term in terms {
            let scalars = Array(term.unicodeScalars)
            if scalars.count >= 3, scalars.allSatisfy(\.isCJK) {
                for i in 0..<(scalars.count - 1) {
                    let pair = Substring(String(String.UnicodeScalarView([scalars[i], scalars[i + 1]])))
                    if !loose.contains(pair) { loose.append(pair) }
                }
            } else if !loose.contains(term) {
                loose.append(term)
            }
        }
        return Array(loose.prefix(maxTerms))
    }

    /// Whether one of the matches has the query's words together (a phrase) or is whole inside it.
    static func hasPhrase(_ matches: ArraySlice<FullTextMatch>, _ query: [String], _ records: RecordReader) throws -> Bool {
        let entries = try records.entries(ids: matches.compactMap(\.entryID))
        var texts = entries.map { [$0.name ?? ""] }
        for message in try records.messages(ofEntries: entries.map(\.id)) { texts.append([message.text]) }
        texts += try records.tableRows(ids: matches.compactMap(\.tableRowID)).map { [$0.message, $0.description] }
        return texts.joined().contains { text in
            let tokens = RankTokens.of(text)
            return RankTokens.contains(query, tokens) || RankTokens.appearsWhole(tokens, in: query)
        }
    }

    /// The names a query could be, as pages write them: `too many requests`, `TOO_MANY_REQUESTS`.
    static func nameForms(of terms: [Substring]) -> [String] {
        guard !terms.isEmpty, terms.allSatisfy({ $0.unicodeScalars.allSatisfy { SearchQuery.isWordScalar($0) && !$0.isCJK } }) else { return [] }
        return [terms.joined(separator: "_"), terms.joined(separator: " ")]
    }
}

extension SearchHit {
    /// What tells hits of one meaning: an entry's code, a table row's message as compared.
    var meaningKey: String {
        code.map { "c\($0)" } ?? "m" + RankTokens.of(messages.first?.text ?? "").joined(separator: " ")
    }

    init(entry: EntryDetail, terms: [Substring], score: Double?) {
        let texts = entry.messages.map(\.text) + [entry.name ?? ""]
        self.init(kind: .entry, domain: entry.domain, locale: entry.locale, code: entry.code, codes: nil, name: entry.name,
                  section: entry.section, messages: entry.messages, source: entry.source, line: entry.line,
                  snippet: Snippet.make(texts, terms: terms), score: score)
    }

    init(tableRow: TableRowDetail, terms: [Substring], score: Double?) {
        let lang = MessageLanguage(of: tableRow.description).rawValue
        self.init(kind: .tableRow, domain: tableRow.domain, locale: tableRow.locale, code: nil, codes: tableRow.codes, name: nil,
                  section: tableRow.section,
                  messages: [MessageText(text: tableRow.message, lang: MessageLanguage(of: tableRow.message).rawValue, line: tableRow.line),
                             MessageText(text: tableRow.description, lang: lang, line: tableRow.line)],
                  source: tableRow.source, line: tableRow.line,
                  snippet: Snippet.make([tableRow.message, tableRow.description], terms: terms), score: score)
    }
}
