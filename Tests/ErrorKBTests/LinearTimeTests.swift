import Foundation
import Testing
@testable import ErrorKBQuery

/// The line scanner's work grows with the line, never faster, whatever the line holds (issue 16,
/// item 7: these lines took 26 to 61 s); lines over the cap are reported, not read (item 8).
/// Work is counted (`Classifier.work`: bytes the scanner looked at), never timed.
@Suite struct LinearTimeTests {
    /// The lines that were quadratic, at a given size.
    static let hostile: [(name: String, line: @Sendable (Int) -> String)] = [
        ("open braces", { String(repeating: "{", count: $0) }),
        ("braces and words", { String(repeating: "{x ", count: $0 / 3) }),
        ("nested keys", { String(repeating: #"{"a":"#, count: $0 / 5) }),
        ("nested payloads", { String(repeating: #"{"code":-1,"msg":"#, count: $0 / 18) }),
        ("escaped braces", { String(repeating: #"{\"a\":"#, count: $0 / 7) }),
        ("quotes", { "{" + String(repeating: #"'a':'"#, count: $0 / 5) }),
        ("tuples", { String(repeating: "(1, '", count: $0 / 5) }),
        ("closed objects", { String(repeating: #"{"a":[1,{"b":2}],"c":"d"} "#, count: $0 / 26) }),
        ("minus signs", { String(repeating: "-1000 ", count: $0 / 6) }),
    ]

    static func work(_ line: String) -> Int {
        var classifier = Classifier(matcher: MatchTests.matcher)
        classifier.add(line, number: 1)
        return classifier.work
    }

    @Test(arguments: hostile.indices)
    func theScannerIsLinear(_ index: Int) {
        let (name, make) = Self.hostile[index]
        let small = Self.work(make(20_000)), large = Self.work(make(80_000))
        // A byte is looked at once by the pass and at most once per enclosing object read
        // (ObjectScanner.maxDepth), plus one read of an object left open.
        #expect(large <= (ObjectScanner.maxDepth + 3) * 80_000, "\(name): \(large) bytes looked at for 80,000")
        #expect(Double(large) <= 4.4 * Double(max(small, 1)), "\(name): \(small) for 20,000 bytes, \(large) for 80,000")
    }

    @Test func theLinesFromTheIssueAreClassified() {
        var classifier = Classifier(matcher: MatchTests.matcher)
        let lines = [String(repeating: "{", count: 80_000), String(repeating: "{x ", count: 30_000), String(repeating: #"{"a":"#, count: 20_000)]
        for (index, line) in lines.enumerated() { classifier.add(line, number: index + 1) }
        let report = classifier.report()
        #expect(report.lines == 3 && report.errors == 0)
        #expect(classifier.work <= (ObjectScanner.maxDepth + 3) * lines.reduce(0) { $0 + $1.utf8.count })
    }

    /// `kb match --payload` with 40,000 braces (32 s before) answers; `kb classify` reports a line
    /// over the cap (1 MiB) with its number, reads the lines around it, and holds none of it.
    @Test(.timeLimit(.minutes(10)))
    func theCommandsTakeHostileLines() throws {
        let match = TestProcess.kb(["match", "--payload", String(repeating: "{", count: 40_000), "--db", Fixtures.builtDatabasePath], timeout: 100)
        #expect(match.status == 1 && match.stderr == "kb: no documented message matches\n", "\(match.summary)")
        let home = Fixtures.temporaryDirectory()
        let log = home.appendingPathComponent("long.log")
        var data = Data(#"{"code":-1121,"msg":"Invalid symbol."}"#.utf8 + [0x0A])
        data += Data(repeating: UInt8(ascii: "{"), count: Classifier.maxLineLength + 500_000) + [0x0A]
        data += Data("Invalid symbol.\n".utf8)
        try data.write(to: log)
        let classify = TestProcess.kb(["classify", log.path, "--format", "json", "--db", Fixtures.builtDatabasePath], timeout: 100)
        #expect(classify.status == 0, "\(classify.summary)")
        #expect(classify.stderr == "kb: \(log.path):2: line too long (over \(Classifier.maxLineLength) bytes), not read\n")
        let report = try JSONSerialization.jsonObject(with: Data(classify.stdout.utf8)) as? [String: Any]
        #expect(report?["lines"] as? Int == 3 && report?["errors"] as? Int == 2)
        #expect(report?["too_long"] as? Int == 1 && report?["too_long_lines"] as? [Int] == [2])
    }
}
