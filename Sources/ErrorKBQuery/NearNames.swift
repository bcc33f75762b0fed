import Foundation
import ErrorKBStore
import ErrorKBSupport

/// The documented names near an error name typed that no entry has: pages and users misspell
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
}
