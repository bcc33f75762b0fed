import ErrorKBModel
import ErrorKBStore

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
    /// The best matching text, plain (no markup), on one line.
    public var snippet: String
    /// Where the query's terms match in `snippet`: half-open ranges of Unicode code points (see `Snippet`).
    public var highlights: [Range<Int>]
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

    /// Options; by default every domain and language, 20 hits, all terms.
    public init(domain: String? = nil, lang: MessageLanguage? = nil, limit: Int = 20, matchAny: Bool = false) {
        self.domain = domain
        self.lang = lang
        self.limit = limit
        self.matchAny = matchAny
    }

    var filter: SearchFilter { SearchFilter(domain: domain, lang: lang) }
}

extension KnowledgeBase {
    /// How many distinct terms of a query are used: at most this many keep the SQL within
    /// SQLite's expression depth whatever is typed.
    static let maxTerms = 32

    /// Full-text search over names, messages and table rows, in English and Chinese.
    /// Words match whole, except the last, which matches as a prefix (the word being typed);
    /// Chinese matches as substrings of any length; all terms must match.
    /// A query that is a code lists that code's entries first.
    public func search(_ query: String, options: SearchOptions = .init()) throws -> [SearchHit] {
        let terms = Self.terms(of: query)
        guard !terms.isEmpty, options.limit > 0 else { return [] }
        return try records { records in
            var codeHits: [Int64] = []
            if terms.count == 1, case .code(let code)? = LookupKey(String(terms[0])) {
                codeHits = try records.entryIDs(code: code, filter: options.filter, limit: options.limit)
            }
            let seen = Set(codeHits)
            let found = try records.fullTextMatches(terms: terms, matchAny: options.matchAny, filter: options.filter, limit: options.limit + seen.count)
                .filter { $0.entryID.map { !seen.contains($0) } ?? true }
                .prefix(options.limit - codeHits.count)
            // One query each for all the entries and table rows found, then hits in rank order.
            let entryIDs = codeHits + found.compactMap(\.entryID)
            let entries = try EntryDetail.load(records.entries(ids: entryIDs), records)
            let entriesByID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
            let tableRows = try records.tableRows(ids: found.compactMap(\.tableRowID))
            let tableRowsByID = Dictionary(uniqueKeysWithValues: tableRows.map { ($0.id, TableRowDetail($0)) })
            var hits = codeHits.compactMap { entriesByID[$0].map { SearchHit(entry: $0, terms: terms, score: nil) } }
            for match in found {
                if let entry = match.entryID.flatMap({ entriesByID[$0] }) {
                    hits.append(SearchHit(entry: entry, terms: terms, score: match.score))
                } else if let row = match.tableRowID.flatMap({ tableRowsByID[$0] }) {
                    hits.append(SearchHit(tableRow: row, terms: terms, score: match.score))
                }
            }
            // Nothing found must mean nothing matches, not an index that lost its rows.
            if hits.isEmpty { try records.checkSearchIndexIsWhole() }
            return hits
        }
    }

    /// The distinct terms of a query, split at whitespace and control characters (NUL included).
    static func terms(of query: String) -> [Substring] {
        let cleaned = String(query.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        var seen: Set<Substring> = []
        return Array(cleaned.split(whereSeparator: \.isWhitespace).filter { seen.insert($0).inserted }.prefix(maxTerms))
    }
}

extension SearchHit {
    /// The snippet with its highlights, for a renderer to mark.
    public var excerpt: Snippet { Snippet(text: snippet, highlights: highlights) }

    init(entry: EntryDetail, terms: [Substring], score: Double?) {
        let texts = entry.messages.map(\.text) + [entry.name ?? ""]
        self.init(kind: .entry, domain: entry.domain, locale: entry.locale, code: entry.code, name: entry.name,
                  section: entry.section, messages: entry.messages, source: entry.source, line: entry.line,
                  snippet: Snippet.make(texts, terms: terms), score: score)
    }

    private init(kind: Kind, domain: String, locale: String, code: Int64?, name: String?, section: String?, messages: [MessageText],
                 source: String, line: Int, snippet: Snippet, score: Double?) {
        self.init(kind: kind, domain: domain, locale: locale, code: code, name: name, section: section, messages: messages,
                  source: source, line: line, snippet: snippet.text, highlights: snippet.highlights, score: score)
    }

    init(tableRow: TableRowDetail, terms: [Substring], score: Double?) {
        let lang = MessageLanguage(of: tableRow.description).rawValue
        self.init(kind: .tableRow, domain: tableRow.domain, locale: tableRow.locale, code: nil, name: nil,
                  section: tableRow.section,
                  messages: [MessageText(text: tableRow.message, lang: MessageLanguage(of: tableRow.message).rawValue, line: tableRow.line),
                             MessageText(text: tableRow.description, lang: lang, line: tableRow.line)],
                  source: tableRow.source, line: tableRow.line,
                  snippet: Snippet.make([tableRow.message, tableRow.description], terms: terms), score: score)
    }
}
