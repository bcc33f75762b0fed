import ErrorKBModel

/// Counts a log's errors by the documented error they are: one pass, constant memory.
public struct Classifier {
    /// What a line is counted under.
    public struct Key: Hashable, Codable, Sendable {
        /// "*" when the code alone was known and it means different things in several domains.
        public var domain: String?
        /// The code; nil for a table row.
        public var code: Int64?
        /// The name, when the entry has one.
        public var name: String?
        /// The template (placeholders numbered) or message matched.
        public var template: String?
    }

    /// One documented error and how many lines were it.
    public struct Row: Codable, Sendable, Equatable {
        /// The domain; "*" when the code alone was known and means different things.
        public var domain: String?
        /// The code; nil for a table row.
        public var code: Int64?
        /// The name, when the entry has one.
        public var name: String?
        /// The template (placeholders numbered) or message matched.
        public var template: String?
        /// Lines counted.
        public var count: Int
    }

    /// What a log holds: counts per documented error, unmatched and malformed lines.
    public struct Report: Codable, Sendable, Equatable {
        /// Lines read, blank lines excluded.
        public var lines: Int
        /// Counts, most frequent first.
        public var rows: [Row]
        /// Lines that match no documented error.
        public var unmatched: Int
        /// Lines whose payload is not valid JSON.
        public var malformed: Int
        /// The first malformed lines, with why (at most `Classifier.malformedReportLimit`).
        public var malformedLines: [MalformedLine]
    }

    /// A malformed line: its number and why.
    public struct MalformedLine: Codable, Sendable, Equatable {
        /// 1-based line number in the log.
        public var line: Int
        /// Why the payload cannot be read.
        public var reason: String
    }

    /// How many malformed lines a report lists.
    public static let malformedReportLimit = 100

    private let matcher: MessageMatcher
    private let domain: String?
    /// Counts by what matched; turned into strings once, in `report`.
    private var counts: [MessageMatcher.Ranked.Source: Int] = [:]
    private var ambiguousCodes: [Int64: Int] = [:]
    private var lines = 0
    private var unmatched = 0
    private var malformed = 0
    private var malformedLines: [MalformedLine] = []

    /// Counts against the matcher's database, in one domain or all.
    public init(matcher: MessageMatcher, domain: String? = nil) {
        self.matcher = matcher
        self.domain = domain
    }

    /// Classifies one line. Returns the reason when the line holds a malformed payload.
    @discardableResult
    public mutating func add(_ line: String, number: Int) -> String? {
        add(bytes: Array(line.utf8)[...], number: number)
    }

    /// Classifies one line given as UTF-8 bytes. Returns the reason when it is a malformed payload.
    @discardableResult
    public mutating func add(bytes line: ArraySlice<UInt8>, number: Int) -> String? {
        let found: (best: MessageMatcher.Ranked?, ambiguous: Bool)
        switch PayloadLine.parse(line) {
        case .blank:
            return nil
        case .malformed(let reason):
            lines += 1
            malformed += 1
            if malformedLines.count < Self.malformedReportLimit { malformedLines.append(.init(line: number, reason: reason)) }
            return reason
        case .bare(let text):
            found = matcher.best(normalized: MessageTemplate.normalizedBytes(text), code: nil, domain: domain)
        case .payload(let code, let message):
            found = matcher.best(normalized: message.map { MessageTemplate.normalizedBytes($0) }, code: code, domain: domain)
        }
        lines += 1
        guard let best = found.best else {
            unmatched += 1
            return nil
        }
        if found.ambiguous, case .entry(let entry) = best.source {
            ambiguousCodes[matcher.code(ofEntry: entry), default: 0] += 1
        } else {
            counts[best.source, default: 0] += 1
        }
        return nil
    }

    /// Rows by count, most frequent first.
    public func report() -> Report {
        var merged: [Key: Int] = [:]
        for (source, count) in counts {
            let key = matcher.classifierKey(source)
            merged[Key(domain: key.domain, code: key.code, name: key.name, template: key.template), default: 0] += count
        }
        for (code, count) in ambiguousCodes { merged[Key(domain: "*", code: code, name: nil, template: nil), default: 0] += count }
        let rows = merged.map { Row(domain: $0.key.domain, code: $0.key.code, name: $0.key.name, template: $0.key.template, count: $0.value) }
            .sorted { a, b in
                // Most frequent first; then by domain, code nearest zero (document order), template.
                if a.count != b.count { return a.count > b.count }
                if a.domain != b.domain { return (a.domain ?? "") < (b.domain ?? "") }
                if a.code != b.code { return (a.code ?? 0).magnitude < (b.code ?? 0).magnitude }  // magnitude: abs traps on Int64.min
                return (a.template ?? "") < (b.template ?? "")
            }
        return Report(lines: lines, rows: rows, unmatched: unmatched, malformed: malformed, malformedLines: malformedLines)
    }
}
