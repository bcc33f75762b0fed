import Foundation
import ErrorKBStore
import ErrorKBSupport

/// The documented names near an error name typed that no entry has, and the index words near a
/// word no page has (`wordAlternatives`): pages and users misspell
/// names (-2019 is MARGIN_NOT_SUFFICIEN on every futures page; users type MARGIN_NOT_SUFFICIENT).
/// A name is near when it is within a small edit distance of the one typed (1 for names under 8
/// characters, else 2) or shares a long prefix with it (10 characters or more, and 80 % of the
/// longer name). Only names that share the typed name's first word are compared: a range of the
/// name index, not a scan of every name.
enum NearNames {
    /// At most this many names sharing the first word are compared.
    static let scanned = 500
    /// At most this many near names are searched, the nearest first.
    static let kept = 5

    /// The query as an error name, when it is one as pages write them: two or more words of ASCII
    /// letters and digits joined by `_`, starting with a letter (MARGIN_NOT_SUFFICIENT, lot_size);
    /// nil otherwise.
    static func typedName(_ query: String) -> String? {
        let name = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = name.split(separator: "_", omittingEmptySubsequences: false)
        guard words.count >= 2, name.first?.isLetter == true,
              words.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else { return nil }
        return name
    }

    /// How far `name` is from `typed`, ignoring ASCII case; nil when it is not near (or is the same name).
    static func distance(_ typed: String, _ name: String) -> Int? {
        let a = Array(typed.uppercased().utf8), b = Array(name.uppercased().utf8)
        guard a != b else { return nil }
        let edits = editDistance(a, b)
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        let longer = max(a.count, b.count)
        if edits <= (longer < 8 ? 1 : 2) || (prefix >= 10 && prefix * 5 >= longer * 4) { return edits }
        return nil
    }

    /// Levenshtein distance: insertions, deletions and substitutions of bytes.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The entries of the names near the query's (when it is a name), each ranked as a whole
    /// name match and labelled with the name it stands for, leaving out the entries in `excluding`.
    static func candidates(_ query: String, excluding: Set<Int64>, options: SearchOptions,
                           _ records: RecordReader) throws -> (candidates: [SearchCandidate], expansions: [SearchExpansion]) {
        guard let typed = typedName(query) else { return ([], []) }
        let firstWord = typed.prefix { $0 != "_" }
        let prefix = String(firstWord.count >= 3 ? firstWord : typed.prefix(3))
        var near: [(name: String, distance: Int)] = []
        for name in try records.names(startingWith: prefix, limit: scanned) {
            guard let distance = distance(typed, name), !near.contains(where: { $0.name.uppercased() == name.uppercased() }) else { continue }
            near.append((name, distance))
        }
        var candidates: [SearchCandidate] = []
        var expansions: [SearchExpansion] = []
        for (name, _) in near.sorted(by: { $0.distance < $1.distance }).prefix(kept) {
            let ids = try records.entryIDs(names: [name], filter: options.filter, limit: options.limit).filter { !excluding.contains($0) }
            guard !ids.isEmpty else { continue }
            let expansion = SearchExpansion(kind: .nearName, phrase: typed, words: name, source: nil)
            expansions.append(expansion)
            candidates += try SearchCandidate.load(ids.map { FullTextMatch(entryID: $0, tableRowID: nil, score: 0) }, query: RankTokens.of(name), records)
                .map { var candidate = $0; candidate.via = expansion; return candidate }
        }
        return (SearchCandidate.ranked(candidates), expansions)
    }

    /// Words of a query longer than this many tokens are not corrected (pasted text is full of
    /// identifiers no page has).
    static let correctedQueryTokens = 6
    /// At most this many index terms sharing a word's first three letters are compared.
    static let scannedTerms = 1_000

    /// For each word of the query that no page has (ASCII letters, 5 or more, not the start of an
    /// index word when it is the last), the query with the word replaced by the nearest index
    /// word: the word it inflects (`whitelisted` → `whitelist`: -ing, -ed, -es, -s, -d taken off),
    /// else the nearest (edit distance 1 under 8 letters, else 2; the first three letters kept):
    /// `api key permisson` → `api key permission`. At most 3 words. With `together` false
    /// (nothing has every word typed), a word the index has is also tried as the index word that
    /// inflects it (`duplicate client order id` → `duplicated client order id`: -ed, -d, -s added;
    /// one such word, not the last).
    static func wordAlternatives(_ query: String, together: Bool = true, _ records: RecordReader) throws -> [(expansion: SearchExpansion, query: String)] {
        let tokens = RankTokens.of(query)
        guard tokens.count <= correctedQueryTokens else { return [] }
        var alternatives: [(expansion: SearchExpansion, query: String)] = []
        for (index, token) in tokens.enumerated() where token.count >= 5 && token.allSatisfy({ $0.isASCII && $0.isLetter }) && alternatives.count < 3 {
            // A word the index has, or the start of one when it is the last word (being typed), is no typo.
            let following = try records.indexTerms(startingWith: token, limit: 1).first
            // The last word matches as a prefix already; one inflection tried per query keeps the
            // cost of a search with some of the words to one more lookup.
            if following == token, !together, index < tokens.count - 1, !alternatives.contains(where: { $0.expansion.words.hasPrefix($0.expansion.phrase) }) {
                for suffix in ["ed", "d", "s"] where try records.indexTerms(startingWith: token + suffix, limit: 1).first == token + suffix {
                    alternatives.append((SearchExpansion(kind: .nearWord, phrase: token, words: token + suffix, source: nil),
                                         RankTokens.text(tokens.replacing(index, with: token + suffix))))
                    break
                }
            }
            if following == token || (index == tokens.count - 1 && following != nil) { continue }
            // An inflection of an index word (whitelisted, cancelling) is that word.
            var stem: String?
            for suffix in ["ing", "ed", "es", "s", "d"] where stem == nil && token.hasSuffix(suffix) && token.count - suffix.count >= 4 {
                let shorter = String(token.dropLast(suffix.count))
                if try records.indexTerms(startingWith: shorter, limit: 1).first == shorter { stem = shorter }
            }
            if let stem {
                alternatives.append((SearchExpansion(kind: .nearWord, phrase: token, words: stem, source: nil), RankTokens.text(tokens.replacing(index, with: stem))))
                continue
            }
            let allowed = token.count < 8 ? 1 : 2
            let word = Array(token.utf8)
            let near = try records.indexTerms(startingWith: String(token.prefix(3)), limit: scannedTerms).compactMap { term -> (term: String, distance: Int)? in
                // A shorter form of the word (whitelist for whitelisted) is its inflection, not a correction.
                guard abs(term.utf8.count - word.count) <= allowed, !token.hasPrefix(term) else { return nil }
                let distance = editDistance(word, Array(term.utf8))
                return distance <= allowed ? (term, distance) : nil
            }
            guard let best = near.min(by: { ($0.distance, $0.term) < ($1.distance, $1.term) }) else { continue }
            alternatives.append((SearchExpansion(kind: .nearWord, phrase: token, words: best.term, source: nil),
                                 RankTokens.text(tokens.replacing(index, with: best.term))))
        }
        return alternatives
    }
}

extension Array {
    /// The array with the element at `index` replaced.
    func replacing(_ index: Int, with element: Element) -> [Element] {
        var copy = self
        copy[index] = element
        return copy
    }
}
