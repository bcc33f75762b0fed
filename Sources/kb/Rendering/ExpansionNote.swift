import ErrorKB

/// How `kb search` tells what it searched for besides the words typed (table format): a note per
/// phrase on standard error, and a label under each hit found so.
enum ExpansionNote {
    /// One line per phrase: `'rate limit' also searched as 'too many requests', 'request weight' (search synonyms)`,
    /// `no entry is named MARGIN_NOT_SUFFICIENT; near names searched: MARGIN_NOT_SUFFICIEN`.
    static func lines(_ expansions: [SearchExpansion]) -> [String] {
        var lines: [String] = []
        var phrases: [(SearchExpansion.Kind, String)] = []
        for expansion in expansions where !phrases.contains(where: { $0 == (expansion.kind, expansion.phrase) }) {
            phrases.append((expansion.kind, expansion.phrase))
        }
        for (kind, phrase) in phrases {
            let words = expansions.filter { $0.kind == kind && $0.phrase == phrase }.map(\.words)
            switch kind {
            case .synonym:
                lines.append("'\(phrase)' also searched as " + words.map { "'\($0)'" }.joined(separator: ", ")
                             + " (search synonyms; their hits come after those with the words typed)")
            case .nearName:
                lines.append("no entry is named \(phrase); near names searched: " + words.joined(separator: ", "))
            case .nearWord:
                lines.append("no page has the word '\(phrase)'; also searched as " + words.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
        return lines
    }

    /// The label of a hit found through a synonym or a near name.
    static func label(_ via: SearchExpansion) -> String {
        switch via.kind {
        case .synonym: return "found as '\(via.words)' (synonym of '\(via.phrase)')"
        case .nearName: return "near name (you typed \(via.phrase))"
        case .nearWord: return "found as '\(via.words)' (near word of '\(via.phrase)')"
        }
    }
}
