import ErrorKBStore
import ErrorKBSupport

/// An entry or table row a search found, with what ranking needs: its name and texts (an
/// entry's messages; a table row's description, its message standing for the name) and how
/// relevant it is. The full detail of a hit is loaded only for the hits shown.
struct SearchCandidate {
    var match: FullTextMatch
    var entry: LocatedEntry?
    var row: LocatedTableRow?
    var relevance: Relevance
    /// The name and texts it is ranked on (see the type's comment).
    var name: String?
    var texts: [String]
    /// The synonym, near name or near word that found it; nil when the words typed did.
    var via: SearchExpansion?

    /// What tells candidates of one meaning: an entry's meaning (`entries.meaning`, issue 13's
    /// grouping of the entries of one code that document one error), a table row's message as
    /// compared (the same runtime message on several pages).
    var group: String {
        if let entry { return "e\(entry.meaning)" }
        return "t" + RankTokens.of(row?.message ?? "").joined(separator: " ")
    }

    /// The candidates with one per meaning, in order: each keeps the first (best) of its meaning
    /// and the places (domain and locale) of the others.
    static func grouped(_ candidates: [SearchCandidate]) -> [(best: SearchCandidate, members: [SearchCandidate])] {
        var order: [String] = []
        var groups: [String: [SearchCandidate]] = [:]
        for candidate in candidates {
            if groups[candidate.group] == nil { order.append(candidate.group) }
            groups[candidate.group, default: []].append(candidate)
        }
        return order.map { (groups[$0]![0], groups[$0]!) }
    }

    /// The candidates of `matches` in their order, with their relevance to `query` (a match
    /// whose row is gone is left out). `partial` rows have only some of the query's words.
    static func load(_ matches: [FullTextMatch], query: [String], partial: Set<Int64> = [], _ records: RecordReader) throws -> [SearchCandidate] {
        let entries = Dictionary(uniqueKeysWithValues: try records.entries(ids: matches.compactMap(\.entryID)).map { ($0.id, $0) })
        var messages: [Int64: [String]] = [:]
        for message in try records.messages(ofEntries: Array(entries.keys)) { messages[message.entryID, default: []].append(message.text) }
        let rows = Dictionary(uniqueKeysWithValues: try records.tableRows(ids: matches.compactMap(\.tableRowID)).map { ($0.id, $0) })
        return matches.compactMap { match in
            let name: String?, texts: [String]
            if let entry = match.entryID.flatMap({ entries[$0] }) {
                (name, texts) = (entry.name, messages[entry.id] ?? [])
            } else if let row = match.tableRowID.flatMap({ rows[$0] }) {
                (name, texts) = (row.message, [row.description])
            } else {
                return nil
            }
            var relevance = Relevance(query: query, name: name, texts: texts, score: match.score)
            relevance.partial = partial.contains(match.rowid) ? 1 : 0
            return SearchCandidate(match: match, entry: match.entryID.flatMap { entries[$0] }, row: match.tableRowID.flatMap { rows[$0] },
                                   relevance: relevance, name: name, texts: texts, via: nil)
        }
    }

    /// The candidate ranked for another query (its partial mark kept).
    func ranked(as query: [String]) -> SearchCandidate {
        var candidate = self
        candidate.relevance = Relevance(query: query, name: name, texts: texts, score: match.score)
        candidate.relevance.partial = relevance.partial
        return candidate
    }

    /// For a query of one Chinese character, the word of two it most often starts among the
    /// candidates (余 → 余额, in 7 of them): one character is a word being typed, as the last
    /// English word is a prefix, so hits are ranked as for that word. Nil for any other query,
    /// or when no such word is in two candidates or more.
    static func completion(of terms: [Substring], in candidates: [SearchCandidate]) -> String? {
        guard terms.count == 1, let first = terms[0].unicodeScalars.first, first.isCJK, terms[0].unicodeScalars.count == 1 else { return nil }
        var counts: [String: Int] = [:]
        for candidate in candidates {
            var words: Set<String> = []
            for text in [candidate.name ?? ""] + candidate.texts {
                let scalars = Array(text.unicodeScalars)
                for i in scalars.indices.dropLast() where scalars[i] == first && scalars[i + 1].isCJK {
                    words.insert(String(String.UnicodeScalarView([scalars[i], scalars[i + 1]])))
                }
            }
            for word in words { counts[word, default: 0] += 1 }
        }
        guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), best.value >= 2 else { return nil }
        return best.key
    }

    /// The candidates best first: each gets its prior (how many of them share its meaning, or,
    /// for an entry, how many pages document its meaning (`documented`, by meaning) when more),
    /// then they are sorted by `Relevance`.
    static func ranked(_ candidates: [SearchCandidate], documented: [Int64: Int] = [:]) -> [SearchCandidate] {
        var places: [String: Int] = [:]
        for candidate in candidates { places[candidate.group, default: 0] += 1 }
        var ranked = candidates
        for index in ranked.indices {
            let pages = ranked[index].entry.flatMap { documented[$0.meaning] } ?? 0
            ranked[index].relevance.prior = -max(places[ranked[index].group] ?? 0, pages)
        }
        // A stable order for equal relevance: the index's (bm25, then rowid) as found.
        return ranked.enumerated().sorted { ($0.element.relevance, $0.offset) < ($1.element.relevance, $1.offset) }.map(\.element)
    }

    /// The ranked hits of the words typed (`typed`, found with any word when `anyTerm`) with those
    /// found otherwise, in the order README's "Search" states: whole matches of the words typed;
    /// entries of a name near the one typed; whole matches found through a synonym; the other
    /// hits with every word typed; the other hits found through a synonym; hits with only some
    /// of the words typed.
    static func merged(typed: [SearchCandidate], anyTerm: Bool, near: [SearchCandidate], synonyms: [SearchCandidate]) -> [SearchCandidate] {
        // A row found with only some of the words typed and found again whole (a near name, an
        // alternative with every word) is ranked where it was found whole.
        let foundWhole = Set((near + synonyms).map(\.match.rowid))
        let typed = typed.filter { !foundWhole.contains($0.match.rowid) }
        let whole = typed.prefix { $0.relevance.tier == 0 }
        var rest = Array(typed.dropFirst(whole.count))
        var tail: [SearchCandidate] = []
        // A synonym's whole match (`order not found` is -2013's message `Order does not exist.`
        // in the pages' words) is a whole match of what was typed.
        let wholeSynonyms = synonyms.filter { $0.relevance.tier == 0 }
        // Without synonyms the order is the words' own (a phrase with some of the words can come
        // before scattered words that have them all).
        if !synonyms.isEmpty {
            let weak = { (candidate: SearchCandidate) in isWeak(candidate, anyTerm: anyTerm) }
            tail = synonyms.filter { $0.relevance.tier != 0 } + rest.filter(weak)
            rest.removeAll(where: weak)
        }
        return Array(whole) + near + wholeSynonyms + rest + tail
    }

    /// Whether a hit of the words typed has only some of them (`anyTerm`: none had them all).
    static func isWeak(_ candidate: SearchCandidate, anyTerm: Bool) -> Bool {
        anyTerm || candidate.relevance.partial == 1
    }

    /// The hits to show for the ranked candidates, in order. With `members` (one result per
    /// meaning), each hit lists the places its meaning is documented: every entry of an entry's
    /// meaning, the members found of a table row's.
    /// `places`, when given, holds the places of (at least) the candidates' meanings, read already.
    static func hits(_ candidates: [SearchCandidate], members: [[SearchCandidate]]? = nil, terms: [Substring],
                     places known: [Int64: [(domain: String, locale: String)]]? = nil, _ records: RecordReader) throws -> [SearchHit] {
        let details = Dictionary(uniqueKeysWithValues: try EntryDetail.load(candidates.compactMap(\.entry), records).map { ($0.id, $0) })
        let meaningPlaces: [Int64: [(domain: String, locale: String)]] =
            members == nil ? [:] : try known ?? records.places(ofMeanings: candidates.compactMap { $0.entry?.meaning })
        var hits: [SearchHit] = []
        for (index, candidate) in candidates.enumerated() {
            var hit: SearchHit
            if let entry = candidate.entry.flatMap({ details[$0.id] }) {
                hit = SearchHit(entry: entry, terms: terms, score: candidate.match.score)
            } else if let row = candidate.row {
                hit = SearchHit(tableRow: TableRowDetail(row), terms: terms, score: candidate.match.score)
            } else {
                continue
            }
            if let members {
                var places: [SearchHit.Place] = []
                if let meaning = candidate.entry?.meaning, let documented = meaningPlaces[meaning] {
                    places = documented.map { SearchHit.Place(domain: $0.domain, locale: $0.locale) }
                } else {
                    places = members[index].compactMap { member -> SearchHit.Place? in member.row.map { SearchHit.Place(domain: $0.domain, locale: $0.locale) } }
                }
                var unique: [SearchHit.Place] = []
                for place in places where !unique.contains(place) { unique.append(place) }
                hit.places = unique
            }
            hit.via = candidate.via
            hits.append(hit)
        }
        return hits
    }
}

/// The full-text part of a search: the candidates for the query's words, found with every word
/// when some rows have them all, else with any of them (see `init`).
struct CandidateSearch {
    /// How many of the best bm25 matches are ranked again by `Relevance`.
    static let depth = 60

    /// The terms searched for (a Chinese run as its pairs when nothing had it whole).
    private(set) var terms: [Substring]
    /// Whether the terms were searched with any of them rather than all.
    private(set) var anyTerm: Bool
    private(set) var candidates: [SearchCandidate] = []
    private let query: [String]
    private let records: RecordReader
    private var seen: Set<Int64>

    /// Finds the candidates for `terms`, leaving out the entries in `excluding`:
    ///
    /// - the best matches of every word (bm25 over the ranking window);
    /// - when none, the best matches of any word, a Chinese run of 3 or more letters counting by
    ///   its pairs (缺少参数 → 缺少, 少参, 参数), since users' words seldom match a page's whole;
    /// - when the query has 3 words or more and no good match has them together or is whole inside
    ///   them (pasted text: `error: Invalid symbol`), the matches of any word as well, marked
    ///   partial, so that a whole message inside the text can come first.
    ///
    /// With `loose` false, only the first: a synonym's words are looked for together or not at all.
    init(terms: [Substring], query: [String], options: SearchOptions, excluding: Set<Int64>, loose: Bool = true, _ records: RecordReader) throws {
        self.terms = terms
        self.query = query
        self.records = records
        anyTerm = options.matchAny
        seen = excluding
        guard !terms.isEmpty else { return }
        let depth = max(options.limit, Self.depth) + excluding.count
        func matches(any: Bool) throws -> [FullTextMatch] {
            try records.fullTextMatches(terms: self.terms, matchAny: any, everyPrefix: options.matchAny, filter: options.filter, limit: depth,
                                        windowed: !options.rankEveryMatch)
        }
        try add(matches(any: anyTerm))
        guard !anyTerm, loose else { return }
        if candidates.isEmpty {
            let loose = Self.looseTerms(terms)
            guard loose.count > 1 else { return }
            self.terms = loose
            anyTerm = true
            try add(matches(any: true))
        } else if terms.count >= 3, !candidates.prefix(10).contains(where: { $0.relevance.tier <= 1 }) {
            try add(matches(any: true), partial: true)
        }
    }

    /// Ranks the candidates as for the given query tokens (see `SearchCandidate.completion`).
    mutating func rank(as query: [String]) {
        candidates = candidates.map { $0.ranked(as: query) }
    }

    /// How many words (a Chinese letter counts as one) a query needs before its templates are
    /// looked for: pasted messages are longer than the words people type.
    static let templateWords = 5

    /// Adds the templates the whole query fits (a pasted message with its arguments filled in:
    /// `… no smaller than 20 (unless you choose reduce only)` fits `… no smaller than %s (unless
    /// you choose reduce only)`), looked for in the whole index by the words they share with the
    /// query; returns whether a candidate (found before or now) fits the whole query. Nothing for
    /// a query of fewer than `templateWords` words.
    mutating func addTemplates(options: SearchOptions) throws -> Bool {
        guard query.count >= Self.templateWords, !options.matchAny else { return false }
        var phrases: [[String]] = []
        for i in query.indices.dropLast() where query[i] != RankTokens.wildcard && query[i + 1] != RankTokens.wildcard {
            let (a, b) = (query[i], query[i + 1])
            let chinese = [a, b].map { $0.unicodeScalars.first?.isCJK == true }
            if chinese == [false, false] {
                phrases.append([a, b])
            } else if chinese == [true, true], i + 2 < query.count, query[i + 2].unicodeScalars.first?.isCJK == true {
                phrases.append([a + b, b + query[i + 2]])
            }
        }
        let matches = try records.templateCandidates(phrases: Array(phrases.prefix(KnowledgeBase.maxTerms)), filter: options.filter,
                                                     limit: Self.depth).filter { !seen.contains($0.rowid) }
        let fitting = try SearchCandidate.load(matches, query: query, records).filter { $0.relevance.tier == 0 }
        seen.formUnion(fitting.map(\.match.rowid))
        candidates += fitting
        // Found already, by its words, or now: a template the whole text fits.
        return candidates.contains { candidate in
            ([candidate.name ?? ""] + candidate.texts).contains { RankTokens.matchesWhole(query, RankTokens.of($0)) }
        }
    }

    /// Adds the entries named by the query (score 0) that are not candidates yet.
    mutating func add(named ids: [Int64]) throws {
        try add(ids.map { FullTextMatch(entryID: $0, tableRowID: nil, score: 0) })
    }

    private mutating func add(_ matches: [FullTextMatch], partial: Bool = false) throws {
        let new = matches.filter { seen.insert($0.rowid).inserted }
        candidates += try SearchCandidate.load(new, query: query, partial: partial ? Set(new.map(\.rowid)) : [], records)
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
        return Array(loose.prefix(KnowledgeBase.maxTerms))
    }
}
