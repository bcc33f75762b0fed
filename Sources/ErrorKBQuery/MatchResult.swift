/// One documented error that a runtime message may be.
public struct MatchCandidate: Codable, Sendable, Equatable {
    /// How the candidate was found, best first.
    public enum How: String, Codable, Sendable, Comparable {
        /// The message is a documented message (up to trailing punctuation and spacing).
        case exact
        /// The message is a documented table row (a filter failure, an order rejection).
        case tableRow = "table_row"
        /// The message fits a documented template; `arguments` are its variable parts.
        case template
        /// Only the code is known.
        case code

        var rank: Int { [.exact: 0, .tableRow: 0, .template: 1, .code: 2][self]! }
        /// Better first: exact and table row, then template, then code.
        public static func < (a: How, b: How) -> Bool { a.rank < b.rank }
    }

    /// How the candidate was found.
    public var how: How
    /// The API product.
    public var domain: String
    /// The document's locale.
    public var locale: String
    /// The code; nil for a table row that explains none.
    public var code: Int64?
    /// The entry's name.
    public var name: String?
    /// The documented message (or table row message) that matched.
    public var message: String?
    /// The template with numbered placeholders, when the match used one.
    public var template: String?
    /// The template's arguments, in order.
    public var arguments: [String]
    /// For a table row: what it means, and the codes it applies to.
    public var description: String?
    /// The codes the table row applies to.
    public var codes: [Int64]?
    /// The document's source URL, else its file name.
    public var source: String
    /// 1-based line of the message or row.
    public var line: Int
}

/// The answer to "which documented error is this?".
public struct MatchResult: Codable, Sendable, Equatable {
    /// The runtime message asked about.
    public var message: String?
    /// The code asked about.
    public var code: Int64?
    /// Best first.
    public var candidates: [MatchCandidate]
    /// True when the best candidates come from several domains that mean different things and
    /// nothing in the message picks one (code -4001 alone).
    public var ambiguous: Bool

    /// Whether any candidate was found (by message or code).
    public var isMatched: Bool { !candidates.isEmpty }
    /// Whether the message itself was recognised, not just the code.
    public var messageMatched: Bool { candidates.first.map { $0.how != .code } ?? false }
}
