/// One documented error that a runtime error may be.
public struct MatchCandidate: Codable, Sendable, Equatable {
    /// How the candidate was found, best first.
    public enum How: String, Codable, Sendable, Comparable {
        /// The message is a documented message (up to spacing and final punctuation).
        case exact
        /// The message is a documented table row (a filter failure, an order rejection).
        case tableRow = "table_row"
        /// The message fits a documented template; `arguments` are its variable parts.
        case template
        /// The message drifted from a documented one (more text after it, a few words changed):
        /// lower confidence (see `NearMatch`).
        case near
        /// Only the code is known.
        case code

        var rank: Int {
            switch self {
            case .exact, .tableRow: return 0
            case .template: return 1
            case .near: return 2
            case .code: return 3
            }
        }
        /// A number per case, for hashing.
        var index: UInt8 {
            switch self {
            case .exact: return 0
            case .tableRow: return 1
            case .template: return 2
            case .near: return 3
            case .code: return 4
            }
        }

        /// Better first: exact and table row, then template, near, code.
        public static func < (a: How, b: How) -> Bool { a.rank < b.rank }
    }

    /// How the candidate was found.
    public var how: How
    /// The API product.
    public var domain: String
    /// The document's locale.
    public var locale: String
    /// The code; nil for a table row asked about without a code (see `codes`).
    public var code: Int64?
    /// The entry's name (for a table row with a code: the name of that code's entry).
    public var name: String?
    /// The documented message (or table row message) that matched.
    public var message: String?
    /// The template with numbered placeholders, when the match used one.
    public var template: String?
    /// The template's arguments, in order.
    public var arguments: [String]
    /// For a table row: what it means.
    public var description: String?
    /// For a table row: the codes it applies to (`table_row_codes`).
    public var codes: [Int64]?
    /// The meaning the candidate documents (`entries.meaning`), when it has a code.
    public var meaning: Int64?
    /// The document's source URL, else its file name.
    public var source: String
    /// 1-based line of the message or row.
    public var line: Int
}

/// A meaning an answer allows (see `entries.meaning`): one error, wherever it is documented.
public struct MatchMeaning: Codable, Sendable, Equatable {
    /// `entries.meaning`: the id of its first entry.
    public var meaning: Int64
    /// Its code.
    public var code: Int64
    /// Its name (the first in English when it has several, as the zh pages translate some).
    public var name: String?
    /// Every name it has, in document order.
    public var names: [String]
    /// The domains that document it, sorted.
    public var domains: [String]
}

/// The same text documented under another code than the one the input carries: a note, never
/// the answer ("this message is documented under -4178 in coin-margined-futures").
public struct MatchNote: Codable, Sendable, Equatable {
    /// The other code.
    public var code: Int64
    /// Its name.
    public var name: String?
    /// Where the text is documented under it.
    public var domains: [String]
    /// The documented text.
    public var message: String
}

/// The answer to "which documented error is this?", for a log line, a message or a code.
public struct MatchResult: Codable, Sendable, Equatable {
    /// What the input is.
    public enum Answer: String, Codable, Sendable {
        /// One code (`code`); `ambiguous` when it has several meanings and nothing picks one.
        case code
        /// The text is documented under several codes (`codes`; `ambiguous`), or is a table row
        /// whose section names several (not ambiguous: the same rejection under each).
        case codes
        /// The input carries a code no page in the database documents.
        case undocumented
        /// It looks like an error, but nothing documented matches it.
        case unmatched
        /// Not an error (a success answer, or a line that does not look like one).
        case notError = "not_error"
        /// A payload that cannot be read (`reason`); `code` when its code was read whole.
        case malformed
    }

    /// The line or message asked about.
    public var input: String?
    /// The format the line was read in.
    public var format: LogFormat?
    /// The message read from the input.
    public var message: String?
    /// The code given (--code) or read from the input.
    public var code: Int64?
    /// What the input is.
    public var answer: Answer
    /// How the answer was found (exact, table_row, template, near, code); nil without one.
    public var match: MatchCandidate.How?
    /// The codes the answer names: one, or several.
    public var codes: [Int64]
    /// True when the answer allows several meanings (of one code, or of several codes) and
    /// nothing in the input picks one.
    public var ambiguous: Bool
    /// True when the input's code is documented nowhere in the database.
    public var undocumented: Bool
    /// Why a malformed payload cannot be read.
    public var reason: String?
    /// The meanings the answer allows.
    public var meanings: [MatchMeaning]
    /// The domains the evidence allows, sorted.
    public var domains: [String]
    /// The documented errors it may be, best first (candidates in the input's language first).
    public var candidates: [MatchCandidate]
    /// The same text documented under other codes than the input's.
    public var notes: [MatchNote]
    /// The domains the line's URL, API path or host names (`/eapi/` → options), when they
    /// narrowed an answer its code and message left ambiguous; nil otherwise.
    public var urlDomains: [String]?
    /// The line's other errors after this one, each answered like a line of its own: the
    /// payloads of a batch answer (`[{"code":-2022,…},{"code":-4164,…}]`), or of a line that
    /// holds several. Nil when the line holds one error.
    public var more: [MatchResult]?
    /// The input's line number, when lines of a file are matched (`kb match --lines`).
    public var line: Int?
    /// The nearest entries by full-text search, when asked for and nothing matched (`kb match --suggest`).
    public var suggestions: [SearchHit]?

    /// Whether any candidate was found (by message or code).
    public var isMatched: Bool { !candidates.isEmpty }
    /// Whether the message itself was recognised, not just the code.
    public var messageMatched: Bool { match.map { $0 != .code } ?? false }
}
