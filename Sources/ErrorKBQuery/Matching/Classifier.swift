import ErrorKBModel

/// Counts a log's errors by the documented error they are, with the same decision as `kb match`
/// (`MessageMatcher.decide`): one pass, memory bounded whatever the log (counts per verdict, and
/// at most `groupLimit` groups of unmatched lines, `lineListLimit` line numbers each).
public struct Classifier {
    /// How many malformed and too-long lines a report lists.
    public static let malformedReportLimit = 100
    /// How many distinct unmatched texts are kept per kind; later ones are only counted.
    public static let groupLimit = 1000
    /// How many line numbers an unmatched group lists.
    public static let lineListLimit = 10
    /// Lines longer than this many bytes are not read: `kb classify` reports them as too long.
    public static let maxLineLength = 1 << 20

    private let matcher: MessageMatcher
    private var counts: [Verdict: Int] = [:]
    private var lines = 0
    private var malformed = 0
    private var malformedLines: [MalformedLine] = []
    private var tooLong = 0
    private var tooLongLines: [Int] = []
    private var unmatched = Groups()
    private var notErrors = Groups()
    /// Bytes the line scanner looked at, for tests of linear time.
    public private(set) var work = 0

    /// Counts against the matcher's database (all of it, or the domain it was loaded with).
    public init(matcher: MessageMatcher) {
        self.matcher = matcher
    }

    /// Classifies one line. Returns the reason when the line holds a malformed payload.
    @discardableResult
    public mutating func add(_ line: String, number: Int) -> String? {
        add(bytes: Array(line.utf8)[...], number: number)
    }

    /// Classifies one line given as UTF-8 bytes. Returns the reason when it is a malformed payload.
    @discardableResult
    public mutating func add(bytes line: ArraySlice<UInt8>, number: Int) -> String? {
        var reading = withUnsafeMutablePointer(to: &work) { LogLineReader.read(line, work: $0) }
        let verdict = matcher.decide(&reading).verdict
        switch verdict.kind {
        case .blank:
            return nil
        case .malformed:
            lines += 1
            malformed += 1
            let reason = reading.reason ?? "malformed payload"
            if malformedLines.count < Self.malformedReportLimit { malformedLines.append(.init(line: number, reason: reason)) }
            return reason
        case .unmatched:
            unmatched.add(reading.message ?? line, number: number)
        case .notError:
            notErrors.add(ByteText.trimmed(line), number: number)
        case .code, .codes, .undocumented:
            counts[verdict, default: 0] += 1
        }
        lines += 1
        return nil
    }

    /// A line longer than `maxLineLength`: counted, not read.
    public mutating func addTooLong(number: Int) {
        lines += 1
        tooLong += 1
        if tooLongLines.count < Self.malformedReportLimit { tooLongLines.append(number) }
    }

    /// Rows by count, most frequent first, and what was not counted.
    public func report() -> Report {
        var merged: [Row] = []
        var index: [RowKey: Int] = [:]
        for (verdict, count) in counts {
            let row = self.row(verdict, count: count)
            let key = RowKey(code: row.code, codes: row.codes, text: row.template, how: row.match, undocumented: row.undocumented)
            if let at = index[key] { merged[at].count += count } else { index[key] = merged.count; merged.append(row) }
        }
        merged.sort { a, b in
            // Most frequent first; then by code nearest zero (document order), codes, text.
            if a.count != b.count { return a.count > b.count }
            let (x, y) = (a.code.map { $0.magnitude } ?? .max, b.code.map { $0.magnitude } ?? .max)
            if x != y { return x < y }
            if a.codes != b.codes { return a.codes.lexicographicallyPrecedes(b.codes) }
            return (a.template ?? "") < (b.template ?? "")
        }
        return Report(lines: lines, errors: merged.reduce(0) { $0 + $1.count }, rows: merged,
                      unmatched: unmatched.count, unmatchedGroups: unmatched.report(),
                      notErrors: notErrors.count, notErrorGroups: notErrors.report(),
                      malformed: malformed, malformedLines: malformedLines, tooLong: tooLong, tooLongLines: tooLongLines)
    }

    private struct RowKey: Hashable {
        var code: Int64?
        var codes: [Int64]
        var text: String?
        var how: MatchCandidate.How?
        var undocumented: Bool
    }

    private func row(_ verdict: Verdict, count: Int) -> Row {
        if verdict.kind == .undocumented {
            return Row(count: count, code: verdict.code, codes: [verdict.code], name: nil, domains: [], match: nil, template: nil,
                              ambiguous: false, undocumented: true)
        }
        let scope = matcher.scope(verdict)
        let meanings = scope.meanings.map(matcher.meaning)
        return Row(count: count, code: verdict.kind == .code ? verdict.code : nil, codes: scope.codes,
                          name: meanings.count == 1 ? meanings[0].name : nil, domains: matcher.domains(of: scope), match: verdict.how,
                          template: verdict.text >= 0 ? matcher.texts[Int(verdict.text)].display : nil,
                          ambiguous: scope.ambiguous, undocumented: false)
    }
}

extension Classifier {
    /// Lines that were not counted, grouped by their text with numbers masked (`#`), in memory
    /// bounded by `groupLimit`.
    struct Groups {
        private(set) var count = 0
        private var index: [UInt64: Int] = [:]
        private var groups: [Group] = []

        mutating func add(_ text: ArraySlice<UInt8>, number: Int) {
            count += 1
            let key = Self.maskedHash(text)
            if let at = index[key] {
                groups[at].count += 1
                if groups[at].lines.count < Classifier.lineListLimit { groups[at].lines.append(number) }
            } else if groups.count < Classifier.groupLimit {
                index[key] = groups.count
                groups.append(Group(text: Self.mask(text), count: 1, lines: [number]))
            }
        }

        /// The groups, most lines first, then first seen first.
        func report() -> [Group] {
            groups.enumerated().sorted { a, b in
                a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset
            }.map(\.element)
        }

        /// A hash of what `mask` makes of the text, made without it (most lines join a group).
        static func maskedHash(_ text: ArraySlice<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var written = 0
            var inNumber = false
            for byte in ByteText.trimmed(text).prefix(400) where written < 200 {
                let digit = ByteText.isDigit(byte)
                if digit && inNumber { continue }
                inNumber = digit
                hash = (hash ^ UInt64(digit ? UInt8(ascii: "#") : byte)) &* 0x100_0000_01B3
                written += 1
            }
            return hash
        }

        /// The text with each run of digits one `#`, at most 200 bytes.
        static func mask(_ text: ArraySlice<UInt8>) -> String {
            var bytes: [UInt8] = []
            var inNumber = false
            for byte in ByteText.trimmed(text).prefix(400) {
                if ByteText.isDigit(byte) {
                    if !inNumber { bytes.append(UInt8(ascii: "#")) }
                    inNumber = true
                } else {
                    bytes.append(byte)
                    inNumber = false
                }
            }
            var end = min(200, bytes.count)
            while end < bytes.count, end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }
}
