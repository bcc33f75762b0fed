import ErrorKBSupport

/// How well a hit answers a query, beyond bm25. Hits sort by, in order:
///
/// 1. `tier`: 0 when the query is the hit's whole name or whole message (a documented
///    placeholder stands for any words: `Mandatory parameter 'symbol' was not sent…`), has its
///    words in another order (`RankTokens.sameWords`), or holds a whole message of two words or
///    more (a pasted line: `error: Invalid symbol.`), 1 when its words appear in that order,
///    together, in the name or a message (a phrase), 2 otherwise;
/// 2. `partial`: a hit with every word before one with only some of them;
/// 3. `filled`: of whole matches, the one that leaves fewer of the query's words to placeholders
///    (or, in another order or inside pasted text, unexplained) first;
/// 4. `missing`: of hits with some of a Chinese query, the one with more of its letter pairs;
/// 5. `nameMiss`: 0 when the name holds the query (ignoring case, `_`, `-` and spaces:
///    `notional` is in MIN_NOTIONAL, `lot size` in `Filter failure: LOT_SIZE`), else 1;
/// 6. `prior`: minus the number of places among the hits that document the same meaning (an
///    entry's code; a table row's message), so that an error documented in every product comes
///    before one documented once. Among whole matches the prior comes before the name: `invalid
///    symbol` is the message of -1121 in every product and the name of -20121 in one;
/// 7. `score`: bm25, lower is better.
///
/// Table rows are compared with their message as the name and their description as the text.
struct Relevance: Comparable {
    var tier: Int
    /// 1 for a hit that has only some of the words (ranked along with those that have them all
    /// when none of those has them together), else 0.
    var partial = 0
    var nameMiss: Int
    var prior: Int = 0
    var score: Double
    /// For a whole match, how many of the query's words its placeholders stand for (0 for the
    /// very text): the template that leaves less to its placeholders fits better.
    var filled = 0
    /// How many of the query's Chinese pairs the hit lacks (see `RankTokens.units`): of hits with
    /// only some of a Chinese query, the one with more of it answers better.
    var missing = 0

    static func < (a: Relevance, b: Relevance) -> Bool {
        if (a.tier, a.partial, a.filled) != (b.tier, b.partial, b.filled) { return (a.tier, a.partial, a.filled) < (b.tier, b.partial, b.filled) }
        return (a.tier == 0 ? a.prior : 0, a.missing, a.nameMiss, a.prior, a.score) < (b.tier == 0 ? b.prior : 0, b.missing, b.nameMiss, b.prior, b.score)
    }

    /// The relevance of a hit named `name` with `texts`, for the query's tokens.
    init(query: [String], name: String?, texts: [String], score: Double?) {
        self.score = score ?? -.infinity
        let nameTokens = name.map(RankTokens.of) ?? []
        let textTokens = texts.map(RankTokens.of)
        if query.isEmpty {
            tier = 2
        } else if let fit = ([nameTokens] + textTokens).compactMap({ RankTokens.filledWords(query, $0) }).min() {
            tier = 0
            filled = fit
        } else if let inside = textTokens.filter({ RankTokens.appearsWhole($0, in: query) }).map({ $0.filter { $0 != RankTokens.wildcard }.count }).max() {
            // A message inside pasted text: the rest of the text is what it leaves unexplained.
            tier = 0
            filled = query.count - inside
        } else if ([nameTokens] + textTokens).contains(where: { RankTokens.sameWords(query, $0) }) {
            // The whole message in another order (`insufficient margin`: `Margin is insufficient.`).
            tier = 0
            filled = 1
        } else if RankTokens.contains(query, nameTokens) || textTokens.contains(where: { RankTokens.contains(query, $0) }) {
            tier = 1
        } else {
            tier = 2
        }
        // A placeholder stands for arguments, never for the letters typed.
        missing = RankTokens.units(of: query).filter { unit in
            !([nameTokens] + textTokens).contains { tokens in tokens.indices.contains { tokens[$0...].starts(with: unit) } }
        }.count
        let key = query.joined()
        nameMiss = !key.isEmpty && nameTokens.filter({ $0 != RankTokens.wildcard }).joined().contains(key) ? 0 : 1
    }
}

/// Text as the ranking compares it: lower-case words (letters and digits) and single Chinese
/// characters, with each documented placeholder (`%s`, `％s`, `{0}`) as a wildcard.
enum RankTokens {
    static let wildcard = "\u{1}"

    static func of(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func flush() {
            if !word.isEmpty { tokens.append(String(word).lowercased()); word = String.UnicodeScalarView() }
        }
        while i < scalars.count {
            let scalar = scalars[i]
            if (scalar == "%" || scalar == "％"), i + 1 < scalars.count, "sdbf".unicodeScalars.contains(scalars[i + 1]) {
                flush(); tokens.append(wildcard); i += 2; continue
            }
            if scalar == "{", let close = scalars[(i + 1)...].prefix(33).firstIndex(of: "}"), close > i + 1,
               scalars[(i + 1)..<close].allSatisfy({ $0.isASCII && ($0.isWordScalar || $0 == "_") }) {
                flush(); tokens.append(wildcard); i = close + 1; continue
            }
            if scalar.isCJK {
                flush(); tokens.append(String(scalar))
            } else if scalar.isWordScalar {
                word.append(scalar)
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return tokens
    }

    /// Tokens as query text again: Chinese characters run together, words apart, a wildcard as `%s`.
    static func text(_ tokens: [String]) -> String {
        var text = ""
        for token in tokens.map({ $0 == wildcard ? "%s" : $0 }) {
            if let last = text.unicodeScalars.last, !(last.isCJK && token.unicodeScalars.first?.isCJK == true) { text += " " }
            text += token
        }
        return text
    }

    /// Whether `query` is all of `pattern`, a wildcard standing for one or more query tokens.
    static func matchesWhole(_ query: [String], _ pattern: [String]) -> Bool {
        filledWords(query, pattern) != nil
    }

    /// When `query` is all of `pattern` (a wildcard standing for one or more query tokens), the
    /// fewest query tokens its wildcards stand for (0 for the very text); nil when it is not.
    static func filledWords(_ query: [String], _ pattern: [String]) -> Int? {
        guard !pattern.isEmpty, pattern.count <= query.count + pattern.filter({ $0 == wildcard }).count else { return nil }
        // filled[j]: the fewest tokens filled in for pattern[..<i] to cover query[..<j].
        var filled = [Int?](repeating: nil, count: query.count + 1)
        filled[0] = 0
        for token in pattern {
            var next = [Int?](repeating: nil, count: query.count + 1)
            for j in 0..<query.count {
                guard let before = filled[j] else { continue }
                if token == wildcard {
                    for k in (j + 1)...query.count { next[k] = min(next[k] ?? .max, before + k - j) }
                } else if query[j] == token {
                    next[j + 1] = min(next[j + 1] ?? .max, before)
                }
            }
            filled = next
            if !filled.contains(where: { $0 != nil }) { return nil }
        }
        return filled[query.count]
    }

    /// Words that change no meaning when a message is typed in another order: English articles,
    /// `is`-forms and linking words, Chinese 的.
    static let littleWords: Set<String> = ["a", "an", "the", "is", "are", "was", "were", "be", "been", "of", "to", "for", "this", "的"]

    /// Whether `query` has the words of `text`, two or more, in any order, leaving out
    /// `littleWords` (a placeholder in `text` never matches).
    static func sameWords(_ query: [String], _ text: [String]) -> Bool {
        let words = { (tokens: [String]) in tokens.filter { !littleWords.contains($0) }.sorted() }
        let content = words(query)
        return content.count >= 2 && !text.contains(wildcard) && content == words(text)
    }

    /// The query's Chinese as `missing` counts it: each pair of letters side by side (a lone
    /// letter on its own). English words are left to bm25, which weighs rare words above common
    /// ones; Chinese is searched by its pairs when no page has the run whole, and pairs overlap.
    static func units(of query: [String]) -> [[String]] {
        let isCJK = { (token: String) in token.unicodeScalars.first?.isCJK == true }
        var units: [[String]] = []
        for (i, token) in query.enumerated() where token != wildcard {
            if !isCJK(token) {
                continue
            } else if i + 1 < query.count, isCJK(query[i + 1]) {
                units.append([token, query[i + 1]])
            } else if i == 0 || !isCJK(query[i - 1]) {
                units.append([token])
            }
        }
        return units
    }

    /// Whether all of `message` (two words or more; a wildcard stands for one word) appears,
    /// together and in order, in `query`.
    static func appearsWhole(_ message: [String], in query: [String]) -> Bool {
        guard message.filter({ $0 != wildcard }).count >= 2, message.count <= query.count else { return false }
        for start in 0...(query.count - message.count) where message.indices.allSatisfy({ message[$0] == wildcard || message[$0] == query[start + $0] }) {
            return true
        }
        return false
    }

    /// Whether the query's tokens appear together, in order, in `pattern` (a wildcard stands for
    /// one token; the last query word may be the start of a word, as in the search).
    static func contains(_ query: [String], _ pattern: [String]) -> Bool {
        guard !query.isEmpty, query.count <= pattern.count else { return false }
        let last = query.count - 1
        for start in 0...(pattern.count - query.count) {
            if query.indices.allSatisfy({ i in
                let token = pattern[start + i]
                return token == query[i] || token == wildcard || (i == last && token.hasPrefix(query[i]))
            }) { return true }
        }
        return false
    }
}
