extension Classifier {
    /// Adds what `later` counted of the lines that follow this classifier's: `later` numbered
    /// its lines from 1, and they are numbered here after the `lineOffset` lines (blank ones
    /// included) that this classifier's part of the log holds. The result is the classifier one
    /// pass over both parts would have made, report for report, provided `later` was made with
    /// `init(laterPartWith:)` (or kept every group it saw) and both counted against the same
    /// matcher. Parts are merged in the order of the log. Throws `Spool.Failure` when `later`'s
    /// temporary file cannot be read back.
    public mutating func merge(_ later: Classifier, lineOffset: Int) throws {
        for (verdict, count) in later.counts { counts[verdict, default: 0] += count }
        lines += later.lines
        errorLines += later.errorLines
        malformed += later.malformed
        malformedLines += later.malformedLines.prefix(Self.malformedReportLimit - malformedLines.count).map {
            MalformedLine(line: $0.line + lineOffset, reason: $0.reason)
        }
        tooLong += later.tooLong
        tooLongLines += later.tooLongLines.prefix(Self.malformedReportLimit - tooLongLines.count).map { $0 + lineOffset }
        try unmatched.merge(later.unmatched, lineOffset: lineOffset)
        try notErrors.merge(later.notErrors, lineOffset: lineOffset)
        work += later.work
    }
}

extension Verdict {
    /// An order of verdicts that does not depend on hashing: kind, how, code, text, hint.
    static func precedes(_ a: Verdict, _ b: Verdict) -> Bool {
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        if a.how != b.how { return a.how.index < b.how.index }
        if a.code != b.code { return a.code < b.code }
        if a.text != b.text { return a.text < b.text }
        return a.hint < b.hint
    }
}
