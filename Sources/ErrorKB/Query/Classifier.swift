/// Counts a log's errors by the documented error they are: one pass, constant memory.
public struct Classifier {
    public struct Key: Hashable, Codable, Sendable {
        /// "*" when the code alone was known and it means different things in several domains.
        public var domain: String?
        public var code: Int64?
        public var name: String?
        public var template: String?
    }

    public struct Row: Codable, Sendable, Equatable {
        public var domain: String?
        public var code: Int64?
        public var name: String?
        public var template: String?
        public var count: Int
    }

    public struct Report: Codable, Sendable, Equatable {
        public var lines: Int
        public var rows: [Row]
        public var unmatched: Int
        public var malformed: Int
        /// The first malformed lines, with why (at most `Classifier.malformedReportLimit`).
        public var malformedLines: [MalformedLine]
    }

    public struct MalformedLine: Codable, Sendable, Equatable {
        public var line: Int
        public var reason: String
    }

    public static let malformedReportLimit = 100

    private let matcher: MessageMatcher
    private let domain: String?
    private var counts: [Key: Int] = [:]
    private var lines = 0
    private var unmatched = 0
    private var malformed = 0
    private var malformedLines: [MalformedLine] = []

    public init(matcher: MessageMatcher, domain: String? = nil) {
        self.matcher = matcher
        self.domain = domain
    }

    /// Classifies one line; returns what the line was read as, so callers can report it.
    @discardableResult
    public mutating func add(_ line: String, number: Int) -> ErrorPayload {
        let parsed = ErrorPayload.parse(line[...])
        let result: MatchResult
        switch parsed {
        case .blank:
            return parsed
        case .malformed(let reason):
            lines += 1
            malformed += 1
            if malformedLines.count < Self.malformedReportLimit { malformedLines.append(.init(line: number, reason: reason)) }
            return parsed
        case .bare(let text):
            result = matcher.match(message: text, domain: domain)
        case .payload(let code, let message):
            result = matcher.match(message: message, code: code, domain: domain)
        }
        lines += 1
        guard let best = result.candidates.first else {
            unmatched += 1
            return parsed
        }
        let key = result.ambiguous
            ? Key(domain: "*", code: best.code, name: nil, template: nil)
            : Key(domain: best.domain, code: best.code, name: best.name, template: best.template ?? best.message)
        counts[key, default: 0] += 1
        return parsed
    }

    /// Rows by count, most frequent first.
    public func report() -> Report {
        let rows = counts.map { Row(domain: $0.key.domain, code: $0.key.code, name: $0.key.name, template: $0.key.template, count: $0.value) }
            .sorted { a, b in
                // Most frequent first; then by domain, code nearest zero (document order), template.
                if a.count != b.count { return a.count > b.count }
                if a.domain != b.domain { return (a.domain ?? "") < (b.domain ?? "") }
                if a.code != b.code { return abs(a.code ?? 0) < abs(b.code ?? 0) }
                return (a.template ?? "") < (b.template ?? "")
            }
        return Report(lines: lines, rows: rows, unmatched: unmatched, malformed: malformed, malformedLines: malformedLines)
    }
}
