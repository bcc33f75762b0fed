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
        """

    @Test func countsPerDocumentedErrorWithUnmatchedAndMalformed() {
        var classifier = Classifier(matcher: MatchTests.matcher)
        for (index, line) in Self.log.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            classifier.add(String(line), number: index + 1)
        }
        let report = classifier.report()
        #expect(report.lines == 8)
        #expect(report.unmatched == 1)
        #expect(report.malformed == 1)
        #expect(report.malformedLines == [.init(line: 6, reason: "unterminated string")])
        #expect(report.rows == [
            .init(domain: "coin-margined-futures", code: -1015, name: "TOO_MANY_ORDERS", template: "Too many new orders; current limit is {1} orders per {2}.", count: 2),
            .init(domain: "coin-margined-futures", code: -1121, name: "BAD_SYMBOL", template: "Invalid symbol.", count: 2),
            .init(domain: "*", code: -4001, name: nil, template: nil, count: 1),
            .init(domain: "wallet", code: nil, name: nil, template: "Filter failure: LOT_SIZE", count: 1),
        ])
    }

    @Test func theCommandStreamsFromAFileOrStandardInput() throws {
        let home = Fixtures.temporaryDirectory()
        let file = home.appendingPathComponent("app.log")
        try Data(Self.log.utf8).write(to: file)
        let fromFile = TestProcess.kb(["classify", file.path, "--format", "csv", "--db", Fixtures.builtDatabasePath])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.hasPrefix("domain,code,name,template,count\r\ncoin-margined-futures,-1015,TOO_MANY_ORDERS,Too many new orders; current limit is {1} orders per {2}.,2\r\n"))
        #expect(fromFile.stdout.hasSuffix("unmatched,,,,1\r\nmalformed,,,,1\r\n"))
        #expect(fromFile.stderr == "kb: \(file.path):6: malformed payload: unterminated string\n")
        let fromStdin = TestProcess.kb(["classify", "--format", "json", "--db", Fixtures.builtDatabasePath], stdin: Self.log)
        let json = try JSONSerialization.jsonObject(with: Data(fromStdin.stdout.utf8)) as? [String: Any]
        #expect(json?["unmatched"] as? Int == 1)
        #expect((json?["rows"] as? [Any])?.count == 4)
        #expect(TestProcess.kb(["classify", "/nonexistent.log", "--db", Fixtures.builtDatabasePath]).status == 3)
    }

    @Test func matchCommand() throws {
        let db = Fixtures.builtDatabasePath
        let payload = TestProcess.kb(["match", "--payload", #"{"code":-1015,"msg":"Too many new orders; current limit is 10 orders per 10 SECOND."}"#, "--db", db])
        #expect(payload.status == 0)
        #expect(payload.stdout.hasPrefix("1. template    -1015 TOO_MANY_ORDERS    coin-margined-futures · en\n"))
        #expect(payload.stdout.contains("   arguments: \"10\", \"10 SECOND\"\n"))
        let ambiguous = TestProcess.kb(["match", "--code", "-4001", "--db", db])
        #expect(ambiguous.stdout.hasPrefix("ambiguous: this means different things in coin-margined-futures and wallet"))
        let none = TestProcess.kb(["match", "The moon is made of cheese", "--db", db])
        #expect(none.status == 1)
        #expect(none.stderr == "kb: no documented message matches\n")
        let suggested = TestProcess.kb(["match", "symbol unknown to us", "--suggest", "--db", db])
        #expect(suggested.status == 1)
        #expect(suggested.stdout.hasPrefix("nearest entries:\n"))
        let json = TestProcess.kb(["match", "参数foo为空。", "--format", "json", "--db", db])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let first = (object?["candidates"] as? [[String: Any]])?.first
        #expect(first?["code"] as? Int == -1105 && first?["arguments"] as? [String] == ["foo"] && first?["how"] as? String == "template")
        #expect(TestProcess.kb(["match", "--payload", #"{"code":1,"msg":"x"#, "--db", db]).status == 2)
    }
}
