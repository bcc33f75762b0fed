import Foundation
import Testing
@testable import ErrorKBStore
@testable import ErrorKBQuery

/// A message that bots write after a bare code (`ERROR -4001 Price less than 0.`, `code=-2019
/// msg=…`, `[-2011] …`, `-2015 (…)`) is used with the code, as `-4001: …` is, by kb match and kb
/// classify alike; a text after a code that is no documented message (`, retrying`) leaves the
/// code alone. Expected answers read from the pages: Price less than 0. is -4001's message
/// (coin-m seed :292, USDⓈ-M :325), Margin is insufficient. / 杠杆账户余额不足 -2019's (coin-m :245,
/// USDⓈ-M en+zh-CN :1701-1702), Unknown order sent. and Account has insufficient balance… are
/// order-rejection rows of spot-errors.en.md (:374, :377), 无效的API密钥，IP或操作权限。 is -2015's
/// (wallet zh-CN :148), 无效的交易对。 -1121's (wallet zh-CN :120).
@Suite(.enabled(if: SharedPages.available, "skipped: ../shared is absent"))
struct MessageAfterCodeTests {
    var matcher: MessageMatcher { SharedPages.matcher! }

    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var code: Int64
        var how: MatchCandidate.How
        var message: String
        var testDescription: String { line }
    }

    static let withMessage: [Case] = [
        .init(line: "2026-11-30 10:00:00 ERROR -4001 Price less than 0.", code: -4001, how: .exact, message: "Price less than 0."),
        .init(line: "order rejected code=-4001 - Price less than 0.", code: -4001, how: .exact, message: "Price less than 0."),
        .init(line: "code=-2019 msg=Margin is insufficient.", code: -2019, how: .exact, message: "Margin is insufficient."),
        .init(line: "2026-11-30 WARN order failed code: -2019 message: \"Margin is insufficient.\"", code: -2019, how: .exact, message: "Margin is insufficient."),
        .init(line: "-2015 (Invalid API-key, IP, or permissions for action.)", code: -2015, how: .exact,
              message: "Invalid API-key, IP, or permissions for action."),
        .init(line: "WARN: Binance error -2015 (Invalid API-key, IP, or permissions for action.)", code: -2015, how: .exact,
              message: "Invalid API-key, IP, or permissions for action."),
        .init(line: "[-2011] Unknown order sent.", code: -2011, how: .tableRow, message: "Unknown order sent."),
        .init(line: "2026-11-30 10:00:03 ERROR -2010 Account has insufficient balance for requested action.", code: -2010, how: .tableRow,
              message: "Account has insufficient balance for requested action."),
        .init(line: "下单失败 code=-2019 msg=杠杆账户余额不足", code: -2019, how: .exact, message: "杠杆账户余额不足"),
        .init(line: "撤单失败 错误码 -2015：无效的API密钥，IP或操作权限。", code: -2015, how: .exact, message: "无效的API密钥，IP或操作权限。"),
        .init(line: "[-1121] 无效的交易对。", code: -1121, how: .exact, message: "无效的交易对。"),
        .init(line: "下单失败，错误码 -2019，原因：杠杆账户余额不足", code: -2019, how: .exact, message: "杠杆账户余额不足"),
    ]

    @Test(arguments: withMessage)
    func theMessageAfterACodePicksItsMeaning(_ example: Case) {
        let result = matcher.match(line: example.line)
        #expect(result.answer == .code && result.codes == [example.code], "\(result.codes)")
        #expect(result.match == example.how)
        #expect(result.message == example.message)
        #expect(!result.ambiguous)
        #expect(result.format == .codeThenMessage)
        // classify counts the line as match answers it.
        var classifier = Classifier(matcher: matcher)
        classifier.add(example.line, number: 1)
        let rows = classifier.report().rows
        #expect(rows.count == 1 && rows.first?.code == example.code && rows.first?.match == example.how && rows.first?.ambiguous == false)
    }

    /// With a colon (`-4001: …`) and without (`-4001 …`) the answer is the same.
    @Test func aSpaceAnswersAsAColonDoes() {
        for (spaced, colon) in [("ERROR -4001 Price less than 0.", "ERROR -4001: Price less than 0."),
                                ("ERROR -2019 杠杆账户余额不足", "ERROR -2019: 杠杆账户余额不足")] {
            let a = matcher.match(line: spaced), b = matcher.match(line: colon)
            #expect(a.codes == b.codes && a.match == b.match && a.meanings == b.meanings && a.candidates == b.candidates, "\(spaced)")
        }
    }

    /// A text after the code that is no documented message: the code alone, no message, as before.
    @Test(arguments: [
        ("binance returned -4001, retrying", Int64(-4001), true),
        ("Error -1008 from exchange, backing off 5s", -1008, true),
        ("下单失败，错误码 -4001，稍后重试", -4001, true),
        ("[-1121] order skipped", -1121, false),
        ("2026-11-30 ERROR code=-2019 (attempt 3 of 5)", -2019, false),
        ("Found error. status: 400, error code: -2019 (attempt 3 of 5)", -2019, false),
    ])
    func aTextThatIsNoMessageLeavesTheCodeAlone(line: String, code: Int64, ambiguous: Bool) {
        let result = matcher.match(line: line)
        #expect(result.answer == .code && result.codes == [code] && result.match == .code)
        #expect(result.message == nil && (result.format == .codeOnly || result.format == .connectorExample))
        #expect(result.ambiguous == ambiguous)
        #expect(result.notes.isEmpty)
    }

    /// Another code's message after a code: the code stays the answer, the message a note.
    @Test func anotherCodesMessageIsANote() {
        let connector = matcher.match(line: "ws error code: -2019 message: 杠杆账户余额不足")
        #expect(connector.format == .connectorExample && connector.match == .exact && connector.message == "杠杆账户余额不足")
        let result = matcher.match(line: "ERROR -4001 Margin is insufficient.")
        #expect(result.codes == [-4001] && result.match == .code && result.message == "Margin is insufficient.")
        #expect(result.notes.map(\.code) == [-2019])
    }

    /// kb classify counts a log of these lines as kb match answers each; the CLI says so too.
    @Test func classifyAndMatchAgreeOnALogOfThem() throws {
        let lines = Self.withMessage.map(\.line) + ["binance returned -4001, retrying", "Error -1008 from exchange, backing off 5s"]
        var classifier = Classifier(matcher: matcher)
        for (number, line) in lines.enumerated() { classifier.add(line, number: number + 1) }
        let report = classifier.report()
        #expect(report.errors == lines.count && report.unmatched == 0 && report.notErrors == 0)
        var expected: [String: Int] = [:]
        for line in lines {
            let result = matcher.match(line: line)
            expected["\(result.codes) \(result.match.map { "\($0)" } ?? "-")", default: 0] += 1
        }
        var counted: [String: Int] = [:]
        for row in report.rows { counted["\(row.code.map { [$0] } ?? row.codes) \(row.match.map { "\($0)" } ?? "-")", default: 0] += row.count }
        #expect(counted == expected)
        let log = Fixtures.temporaryDirectory().appendingPathComponent("after-code.log")
        try lines.joined(separator: "\n").write(to: log, atomically: true, encoding: .utf8)
        let classify = TestProcess.kb(["classify", log.path, "--db", SharedPages.path])
        #expect(classify.status == 0)
        #expect(classify.stdout.contains("errors \(lines.count), unmatched 0, not errors 0"))
        let match = TestProcess.kb(["match", "--db", SharedPages.path, "--", "ERROR -4001 Price less than 0."])
        #expect(match.status == 0)
        #expect(match.stdout.contains("read as code-message: code -4001, message \"Price less than 0.\""))
        #expect(match.stdout.contains("answer: -4001 PRICE_LESS_THAN_ZERO (exact)"))
    }
}
