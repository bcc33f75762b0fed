import ErrorKBModel
import ErrorKBSupport

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

    let matcher: MessageMatcher
    var counts: [Verdict: Int] = [:]
    var lines = 0
    /// Lines counted under an answer (each once, however many errors it holds).
    var errorLines = 0
    var malformed = 0
    var malformedLines: [MalformedLine] = []
    var tooLong = 0
    var tooLongLines: [Int] = []
    var unmatched = Groups()
    var notErrors = Groups()
    /// Bytes the line scanner looked at, for tests of linear time.
    public internal(set) var work = 0

    /// Counts against the matcher's database (all of it, or the domain it was loaded with).
    public init(matcher: MessageMatcher) {
        self.matcher = matcher
    }

    /// A classifier for a later part of a log (`merge(_:lineOffset:)`): it also keeps, in
    /// temporary files, the lines past its group limits, which may belong to groups an earlier
    /// part kept. Throws `Spool.Failure` when a temporary file cannot be made.
    package init(laterPartWith matcher: MessageMatcher) throws {
        self.matcher = matcher
        unmatched.spill = try Spool()
        notErrors.spill = try Spool()
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
            errorLines += 1
            // The line's other errors (a batch answer): each counted under its own answer.
            for index in reading.more.indices {
                var other = LogLineReader.other(index, of: reading)
                counts[matcher.decide(&other).verdict, default: 0] += 1
            }
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
        // In one order whatever the order of counting (a merge, the hash seed): rows that share
        // a key take the first verdict's name and domains.
        for verdict in counts.keys.sorted(by: Verdict.precedes) {
            let count = counts[verdict]!
            let row = self.row(verdict, count: count)
            let key = RowKey(code: row.code, codes: row.codes, text: row.template, how: row.match, undocumented: row.undocumented,
                             name: row.name, domains: row.domains, ambiguous: row.ambiguous)
            if let at = index[key] { merged[at].count += count } else { index[key] = merged.count; merged.append(row) }
        }
        merged.sort { a, b in
            // Most frequent first; then by code nearest zero (document order), codes, text, name, domains.
            if a.count != b.count { return a.count > b.count }
            let (x, y) = (a.code.map { $0.magnitude } ?? .max, b.code.map { $0.magnitude } ?? .max)
            if x != y { return x < y }
            if a.codes != b.codes { return a.codes.lexicographicallyPrecedes(b.codes) }
            if a.template != b.template { return (a.template ?? "") < (b.template ?? "") }
            // Rows of one code that a URL narrowed to different meanings.
            if a.name != b.name { return (a.name ?? "") < (b.name ?? "") }
            return a.domains.lexicographicallyPrecedes(b.domains)
        }
        return Report(lines: lines, errorLines: errorLines, errors: merged.reduce(0) { $0 + $1.count }, rows: merged,
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
        /// A URL that narrowed an ambiguous code makes another row (its meaning, its domains).
        var name: String?
        var domains: [String]
        var ambiguous: Bool
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
