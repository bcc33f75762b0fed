import Foundation
import Testing
@testable import ErrorKBQuery

@Suite struct ClassifyTests {
    static let log = """
        {"code":-1015,"msg":"Too many new orders; current limit is 10 orders per 10 SECOND."}
        {"code":-1015,"msg":"Too many new orders; current limit is 50 orders per 1 MINUTE."}
        2026-11-21 ERROR {"code":-1121,"msg":"Invalid symbol."} at /api/v3/order
        Invalid symbol

        {"code":-1121,"msg":"Invalid symbol.
        nothing documented says this
        {"code":-4001,"msg":"zzz"}
        Filter failure: LOT_SIZE
        ERROR something undocumented broke
        """

    static func classify(_ log: String, matcher: MessageMatcher = MatchTests.matcher) -> Classifier.Report {
        var classifier = Classifier(matcher: matcher)
        for (index, line) in log.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            classifier.add(String(line), number: index + 1)
        }
        return classifier.report()
    }

    @Test func countsPerDocumentedErrorWithUnmatchedAndMalformed() {
        let report = Self.classify(Self.log)
        #expect(report.lines == 9)
        #expect(report.errors == 6)
        #expect(report.malformed == 1)
        #expect(report.malformedLines == [.init(line: 6, reason: "unterminated string")])
        // "ERROR …" looks like an error; the plain sentence does not.
        #expect(report.unmatched == 1 && report.unmatchedGroups == [.init(text: "ERROR something undocumented broke", count: 1, lines: [10])])
        #expect(report.notErrors == 1 && report.notErrorGroups == [.init(text: "nothing documented says this", count: 1, lines: [7])])
        #expect(report.rows == [
            .init(count: 2, code: -1015, codes: [-1015], name: "TOO_MANY_ORDERS", domains: ["coin-margined-futures", "wallet"], match: .template,
                  template: "Too many new orders; current limit is {1} orders per {2}.", ambiguous: false, undocumented: false),
            .init(count: 2, code: -1121, codes: [-1121], name: "BAD_SYMBOL", domains: ["coin-margined-futures", "wallet"], match: .exact,
                  template: "Invalid symbol.", ambiguous: false, undocumented: false),
            .init(count: 1, code: -4001, codes: [-4001], name: nil, domains: ["coin-margined-futures", "wallet"], match: .code,
                  template: nil, ambiguous: true, undocumented: false),
            .init(count: 1, code: nil, codes: [], name: nil, domains: ["wallet"], match: .tableRow, template: "Filter failure: LOT_SIZE",
                  ambiguous: false, undocumented: false),
        ])
    }

    @Test func theCommandStreamsFromAFileOrStandardInput() throws {
        let home = Fixtures.temporaryDirectory()
        let file = home.appendingPathComponent("app.log")
        try Data(Self.log.utf8).write(to: file)
        let fromFile = TestProcess.kb(["classify", file.path, "--format", "csv", "--db", Fixtures.builtDatabasePath])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.hasPrefix("""
            kind,count,code,codes,name,domains,match,template,ambiguous,undocumented,text,lines
            error,2,-1015,-1015,TOO_MANY_ORDERS,coin-margined-futures wallet,template,Too many new orders; current limit is {1} orders per {2}.,false,false,,

            """))
        #expect(fromFile.stdout.hasSuffix("""
            unmatched,1,,,,,,,,,ERROR something undocumented broke,10
            not_error,1,,,,,,,,,nothing documented says this,7
            malformed,1,,,,,,,,,unterminated string,6

            """))
        #expect(fromFile.stderr == "kb: \(file.path):6: malformed payload: unterminated string\n")
        let fromStdin = TestProcess.kb(["classify", "--format", "json", "--db", Fixtures.builtDatabasePath], stdin: Self.log)
        let json = try JSONSerialization.jsonObject(with: Data(fromStdin.stdout.utf8)) as? [String: Any]
        #expect(json?["unmatched"] as? Int == 1 && json?["not_errors"] as? Int == 1 && json?["errors"] as? Int == 6)
        #expect((json?["rows"] as? [Any])?.count == 4)
        #expect((json?["malformed_lines"] as? [[String: Any]])?.first?["line"] as? Int == 6)
        #expect(TestProcess.kb(["classify", "/nonexistent.log", "--db", Fixtures.builtDatabasePath]).status == 3)
    }
}
