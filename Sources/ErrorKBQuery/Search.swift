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
    /// The best matching text, plain (no markup), on one line.
    public var snippet: String
    /// Where the query's terms match in `snippet`: half-open ranges of Unicode code points (see `Snippet`).
    public var highlights: [Range<Int>]
    /// bm25 rank: lower is better; exact code matches rank first with -infinity shown as nil.
    public var score: Double?
    /// One result per meaning: every domain and locale that documents it (this hit's first);
    /// nil with `SearchOptions.grouped` off.
    public var places: [Place]?
    /// What found the hit when the words typed did not: a synonym of a phrase in the query, or a
    /// name near the one typed (see `SearchExpansion`); nil for a hit of the words typed.
    public var via: SearchExpansion?

    /// A page that documents a meaning.
    public struct Place: Codable, Sendable, Equatable {
        /// The API product.
        public var domain: String
        /// The page's locale.
        public var locale: String
    }
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
    /// One result per meaning (issue 13's `entries.meaning`; table rows by message), listing the
    /// places it is documented; off lists every entry and table row found (`kb search --all`).
    public var grouped = true

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
    /// How many hits the query has in all, counted among the first `SearchResults.countCap`
    /// matches in a file of more than 20,000 rows, among every match in a smaller one; more than
    /// `hits.count` when `limit` cut the list.
    public var total: Int
    /// Whether `total` stopped at the cap (there may be more).
    public var totalIsCapped: Bool
    /// Whether nothing had every word of the query, so the hits have only some of them.
    public var partial: Bool = false
    /// What was searched for besides the words typed: the synonyms of phrases in the query, the
    /// documented names near a name typed that no entry has. Empty when nothing was.
    public var expansions: [SearchExpansion] = []

    /// Hits are counted up to this many matches: counting 1,000 on a million-row file was a
    /// third of a search's time (each match's meaning is looked up to count meanings once).
    public static let countCap = 300

    enum CodingKeys: String, CodingKey {
        case hits, total, totalIsCapped = "total_is_capped", partial, expansions
    }
}

extension KnowledgeBase {
    /// How many distinct terms of a query are used: at most this many keep the SQL within
    /// SQLite's expression depth whatever is typed.
    static let maxTerms = 32

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
            // The entries of a code named in the query come first; its digits are no word to find.
            var terms = parsed.terms
            var firstIDs: [Int64] = []
            for code in parsed.codes {
                let ids = try records.entryIDs(code: code, filter: options.filter, limit: options.limit)
                guard !ids.isEmpty else { continue }
                firstIDs += ids.filter { !firstIDs.contains($0) }
                terms.removeAll { $0 == String(code.magnitude)[...] }
            }
            let first = try SearchCandidate.load(firstIDs.map { FullTextMatch(entryID: $0, tableRowID: nil, score: nil) }, query: [], records)
            var search = try CandidateSearch(terms: terms, query: RankTokens.of(query), options: options, excluding: Set(firstIDs), records)
            if let completion = SearchCandidate.completion(of: parsed.terms, in: search.candidates) { search.rank(as: RankTokens.of(completion)) }
            // A template the text fits has every word of it: the hits are no partial answer.
            let fitsTemplate = try search.addTemplates(options: options)
            var near: [SearchCandidate] = []
            var synonyms: [SearchCandidate] = []
            var expansions: [SearchExpansion] = []
            if !options.matchAny {
                // A known name is ranked with the matches (its whole name matches), even when the
                // ranking window missed it.
                let named = try records.entryIDs(names: Self.nameForms(of: parsed.terms), filter: options.filter, limit: options.limit)
                try search.add(named: named)
                if named.isEmpty {
                    (near, expansions) = try NearNames.candidates(query, excluding: Set(firstIDs), options: options, records)
                }
                let alternatives = try SearchSynonyms.builtIn.chainedAlternatives(of: query) + NearNames.wordAlternatives(query, together: !search.anyTerm, records)
                let whole = search.candidates.filter { !SearchCandidate.isWeak($0, anyTerm: search.anyTerm) } + near
                let found = try SearchSynonyms.candidates(alternatives, excluding: Set(firstIDs + whole.map(\.match.rowid)), options: options, records)
                synonyms = found.candidates
                expansions += found.expansions
            }
            // The places of every candidate's meaning, read once: for the ranking and the hits.
            let places = try records.places(ofMeanings: Array(Set((first + search.candidates + near + synonyms).compactMap { $0.entry?.meaning })))
            let documented = places.mapValues(\.count)
            // Hits with every word are ranked by how widely their meaning is documented; hits with
            // some of the words by how many of them share it (a widely documented error is no
            // better an answer for having one word of the query). A synonym's hits have every
            // word of the synonym.
            let ranked = first + SearchCandidate.merged(typed: SearchCandidate.ranked(search.candidates, documented: search.anyTerm ? [:] : documented),
                                                        anyTerm: search.anyTerm, near: near, synonyms: SearchCandidate.ranked(synonyms, documented: documented))
            let groups = options.grouped ? SearchCandidate.grouped(ranked) : ranked.map { ($0, [$0]) }
            let shown = Array(groups.prefix(options.limit))
            let hits = try SearchCandidate.hits(shown.map(\.best), members: options.grouped ? shown.map(\.members) : nil, terms: parsed.terms,
                                                places: places, records)
            // Nothing found must mean nothing matches, not an index that lost its rows.
            if hits.isEmpty { try records.checkSearchIndexIsWhole() }
            var total = groups.count
            var capped = false
            if hits.count == options.limit, !search.terms.isEmpty {
                let counted = try records.fullTextCount(terms: search.terms, matchAny: search.anyTerm, filter: options.filter, cap: SearchResults.countCap,
                                                        grouped: options.grouped)
                total = max(total, first.count + counted.count)
                capped = counted.capped
            }
            return SearchResults(hits: hits, total: max(total, hits.count), totalIsCapped: capped, partial: search.anyTerm && !options.matchAny && !fitsTemplate,
                                 expansions: expansions)
        }
    }

    /// What is wrong with the search indexes, one sentence per problem (empty when nothing is):
    /// kb's index rebuilt by another program, rows missing from either index.
    public func searchIndexProblems() throws -> [String] {
        try records { try $0.searchIndexProblems() }
    }

    /// The names a query could be, as pages write them: `too many requests`, `TOO_MANY_REQUESTS`.
    static func nameForms(of terms: [Substring]) -> [String] {
        guard !terms.isEmpty, terms.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.isWordScalar && !$0.isCJK } }) else { return [] }
        return [terms.joined(separator: "_"), terms.joined(separator: " ")]
    }
}

extension SearchHit {
    /// The snippet with its highlights, for a renderer to mark.
    public var excerpt: Snippet { Snippet(text: snippet, highlights: highlights) }

    init(entry: EntryDetail, terms: [Substring], score: Double?) {
        let texts = entry.messages.map(\.text) + [entry.name ?? ""]
        self.init(kind: .entry, domain: entry.domain, locale: entry.locale, code: entry.code, codes: nil, name: entry.name,
                  section: entry.section, messages: entry.messages, source: entry.source, line: entry.line,
                  snippet: Snippet.make(texts, terms: terms), score: score)
    }

    private init(kind: Kind, domain: String, locale: String, code: Int64?, codes: [Int64]?, name: String?, section: String?,
                 messages: [MessageText], source: String, line: Int, snippet: Snippet, score: Double?) {
        self.init(kind: kind, domain: domain, locale: locale, code: code, codes: codes, name: name, section: section, messages: messages,
                  source: source, line: line, snippet: snippet.text, highlights: snippet.highlights, score: score)
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
