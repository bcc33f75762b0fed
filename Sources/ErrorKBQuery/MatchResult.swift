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
        public static func < (a: How, b: How) -> Bool { a.rank < b.rank }
    }

    public var how: How
    public var domain: String
    public var locale: String
    public var code: Int64?
    public var name: String?
    /// The documented message (or table row message) that matched.
    public var message: String?
    /// The template with numbered placeholders, when the match used one.
    public var template: String?
    public var arguments: [String]
    /// For a table row: what it means, and the codes it applies to.
    public var description: String?
    public var codes: [Int64]?
    public var source: String
    public var line: Int
}

/// The answer to "which documented error is this?".
public struct MatchResult: Codable, Sendable, Equatable {
    public var message: String?
    public var code: Int64?
    /// Best first.
    public var candidates: [MatchCandidate]
    /// True when the best candidates come from several domains that mean different things and
    /// nothing in the message picks one (code -4001 alone).
    public var ambiguous: Bool

    public var isMatched: Bool { !candidates.isEmpty }
    /// Whether the message itself was recognised, not just the code.
    public var messageMatched: Bool { candidates.first.map { $0.how != .code } ?? false }
}
