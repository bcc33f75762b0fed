import ErrorKBSupport
import Foundation
import Testing
@testable import ErrorKBQuery

/// `kb classify --jobs N`: a regular file read in byte ranges by parallel jobs gives the report
/// and the notes one job gives, byte for byte, line numbers included.
@Suite struct ParallelClassifyTests {
    static let jobCounts = [2, 3, 7]

    /// One pass over the whole file (what `--jobs 1` does), with its notes.
    static func onePass(_ path: String) throws -> (Classifier.Report, [LogClassification.Note]) {
        var notes: [LogClassification.Note] = []
        let classifier = try LogClassification.classify(.stream(path: path), name: path, matcher: MatchTests.matcher) { notes.append($0) }
        return (classifier.report(), notes)
    }

    static func json(_ report: Classifier.Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    /// The ranges `jobs` jobs read, checked: they cover the file, each but the last ends just after
    /// an LF, and each boundary was moved from its even share into the next line start (so that a
    /// line crossed it): the test really splits lines' neighbourhoods, not a file of lucky sizes.
    static func checkedRanges(_ log: GeneratedLog, path: String, jobs: Int, minimum: Int) throws -> [Range<Int>] {
        let ranges = try LineRanges.split(path: path, count: jobs, minimumLength: minimum)
        #expect(ranges.count == jobs)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == log.bytes.count)
        for (index, pair) in zip(ranges, ranges.dropFirst()).enumerated() {
            #expect(pair.0.upperBound == pair.1.lowerBound && !pair.0.isEmpty)
            #expect(log.bytes[pair.0.upperBound - 1] == 0x0A)
            let even = log.bytes.count / jobs * (index + 1)
            #expect(even < pair.0.upperBound, "boundary \(index + 1) of \(jobs) is at a line start: no line crosses it")
            #expect(!log.bytes[even..<(pair.0.upperBound - 1)].contains(0x0A), "boundary \(index + 1) is not the next line start")
        }
        return ranges
    }

    @Test func theReportAndNotesAreOnePassesWhateverTheJobs() throws {
        let log = GeneratedLog(rounds: 4, withLongLine: false)
        let path = try log.write()
        let (reference, referenceNotes) = try Self.onePass(path)
        // What the log holds, counted as it was written.
        #expect(reference.lines == log.nonBlank)
        #expect(reference.malformed == 4 && reference.malformedLines.map(\.line) == log.malformedLines)
        #expect(referenceNotes == log.malformedLines.map { .init(line: $0, message: "malformed payload: unterminated string") })
        #expect(reference.unmatched == log.unmatched && reference.notErrors == log.notErrors)
        #expect(reference.unmatchedGroups.count == Classifier.groupLimit)
        #expect(reference.unmatchedGroups.first == .init(text: GeneratedLog.recurring, count: 5, lines: log.recurringLines))
        #expect(reference.rows.first { $0.code == -1121 }?.count == log.invalidSymbol)
        for jobs in Self.jobCounts {
            _ = try Self.checkedRanges(log, path: path, jobs: jobs, minimum: 1024)
            var notes: [LogClassification.Note] = []
            let classifier = try LogClassification.classify(file: path, jobs: jobs, matcher: MatchTests.matcher, minimumRangeLength: 1024) {
                notes.append($0)
            }
            #expect(try Self.json(classifier.report()) == Self.json(reference), "--jobs \(jobs)")
            #expect(classifier.report() == reference)
            #expect(notes == referenceNotes, "--jobs \(jobs)")
        }
    }

    @Test func aLineOverTheCapIsNotedWithItsNumberInALaterRange() throws {
        let log = GeneratedLog(rounds: 2, withLongLine: true)
        let path = try log.write()
        let (reference, referenceNotes) = try Self.onePass(path)
        #expect(reference.tooLong == 1 && reference.tooLongLines == log.tooLongLines)
        #expect(referenceNotes.map(\.line) == (log.malformedLines + log.tooLongLines).sorted())
        for jobs in Self.jobCounts {
            let ranges = try LineRanges.split(path: path, count: jobs, minimumLength: 1024)
            #expect(ranges.count == jobs)
            // The long line is read by a later job, which numbers it from its own range's start.
            #expect(ranges[0].upperBound <= log.longLineOffset!)
            var notes: [LogClassification.Note] = []
            let classifier = try LogClassification.classify(file: path, jobs: jobs, matcher: MatchTests.matcher, minimumRangeLength: 1024) {
                notes.append($0)
            }
            #expect(try Self.json(classifier.report()) == Self.json(reference), "--jobs \(jobs)")
            #expect(notes == referenceNotes, "--jobs \(jobs)")
        }
    }

    @Test func aLaterPartCountsLinesOfAGroupItKeptNoRoomFor() throws {
        // Part two sees the limit's worth of new texts before the text part one saw first.
        let uniques = (0..<Classifier.groupLimit).map { "ERROR unique failure \(GeneratedLog.letters($0))" }
        let lines = [GeneratedLog.recurring] + uniques + [GeneratedLog.recurring, GeneratedLog.recurring]
        var one = Classifier(matcher: MatchTests.matcher)
        for (index, line) in lines.enumerated() { one.add(line, number: index + 1) }
        var first = Classifier(matcher: MatchTests.matcher)
        first.add(lines[0], number: 1)
        var later = try Classifier(laterPartWith: MatchTests.matcher)
        for (index, line) in lines.dropFirst().enumerated() { later.add(line, number: index + 1) }
        try first.merge(later, lineOffset: 1)
        #expect(first.report() == one.report())
        #expect(first.report().unmatchedGroups.first == .init(text: GeneratedLog.recurring, count: 3, lines: [1, lines.count - 1, lines.count]))
        // Without its spool, the later part's lines past the limit are lost to the group.
        var plain = Classifier(matcher: MatchTests.matcher)
        plain.add(lines[0], number: 1)
        var unspooled = Classifier(matcher: MatchTests.matcher)
        for (index, line) in lines.dropFirst().enumerated() { unspooled.add(line, number: index + 1) }
        try plain.merge(unspooled, lineOffset: 1)
        #expect(plain.report().unmatchedGroups.first?.count == 1)
    }

    @Test func aBoundaryNeverStartsAtAByteOrderMark() throws {
        let line = Array("ERROR something undocumented broke\n".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<200 { bytes += line }
        let half = bytes.count
        // Lines that start with a BOM around the middle: LineReader would drop it at a range start.
        for _ in 0..<3 { bytes += [0xEF, 0xBB, 0xBF] + line }
        for _ in 0..<200 { bytes += line }
        let path = Fixtures.temporaryDirectory().appendingPathComponent("bom.log").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let ranges = try LineRanges.split(path: path, count: 2, minimumLength: 64)
        #expect(ranges.count == 2 && ranges[0].upperBound == half + 3 * (line.count + 3))
        let (reference, _) = try Self.onePass(path)
        let parallel = try LogClassification.classify(file: path, jobs: 2, matcher: MatchTests.matcher, minimumRangeLength: 64) { _ in }
        #expect(parallel.report() == reference)
    }
}

/// The same through the real `kb` binary: every format, stdout and stderr byte for byte.
@Suite struct ParallelClassifyCommandTests {
    @Test func everyFormatAndNoteIsTheOneJobsWhateverTheJobs() throws {
        let log = GeneratedLog(rounds: 2, withLongLine: true)
        let path = try log.write()
        for jobs in ParallelClassifyTests.jobCounts {
            // kb's own minimum range: the file is really cut into `jobs` ranges.
            #expect(try LineRanges.split(path: path, count: jobs, minimumLength: LogClassification.minimumRangeLength).count == jobs)
        }
        func classify(_ format: String, jobs: Int) -> TestProcess.Result {
            TestProcess.kb(["classify", path, "--format", format, "--jobs", "\(jobs)", "--db", Fixtures.builtDatabasePath])
        }
        let formats = ["json", "table", "jsonl", "tsv"]
        let single = Dictionary(uniqueKeysWithValues: formats.map { ($0, classify($0, jobs: 1)) })
        let json = single["json"]!
        #expect(json.status == 0, "\(json.summary)")
        let notes = (log.malformedLines.map { ($0, "malformed payload: unterminated string") }
            + log.tooLongLines.map { ($0, "line too long (over 1048576 bytes), not read") }).sorted { $0.0 < $1.0 }
        #expect(json.stderr == notes.map { "kb: \(path):\($0.0): \($0.1)\n" }.joined())
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(report?["too_long_lines"] as? [Int] == log.tooLongLines)
        #expect(report?["lines"] as? Int == log.nonBlank)
        for jobs in ParallelClassifyTests.jobCounts {
            // Every format with the most ranges, JSON with the others.
            for format in jobs == 7 ? formats : ["json"] {
                let parallel = classify(format, jobs: jobs)
                let one = single[format]!
                #expect(parallel.status == one.status && parallel.stdout == one.stdout && parallel.stderr == one.stderr, "--format \(format) --jobs \(jobs)")
            }
        }
        // Standard input is read by one job, whatever --jobs says: the same report.
        let stdin = TestProcess.kb(["classify", "--format", "json", "--jobs", "2", "--db", Fixtures.builtDatabasePath],
                                   stdin: String(decoding: log.bytes, as: UTF8.self))
        #expect(stdin.status == 0 && stdin.stdout == json.stdout)
        #expect(stdin.stderr == json.stderr.replacingOccurrences(of: "kb: \(path):", with: "kb: -:"))
    }

    @Test(arguments: ["0", "-1"])
    func noJobsIsAUsageError(jobs: String) {
        let result = TestProcess.kb(["classify", "/dev/null", "--jobs=\(jobs)", "--db", Fixtures.builtDatabasePath])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs must be at least 1"))
        #expect(result.stdout.isEmpty)
    }
}
