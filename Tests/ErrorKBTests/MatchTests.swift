import Foundation
import Testing
@testable import ErrorKBQuery

@Suite struct MatchTests {
    static let matcher = try! MessageMatcher(Fixtures.seedKB)
    var matcher: MessageMatcher { Self.matcher }

    @Test func aLiteralMessageOutranksATemplateThatAlsoFits() {
        let result = matcher.match(message: "Order's notional must be no smaller than one (unless you choose reduce only)")
        #expect(result.candidates.map(\.how) == [.exact, .template])
        #expect(result.candidates.allSatisfy { $0.code == -4178 && $0.domain == "coin-margined-futures" })
        #expect(result.candidates.last?.arguments == ["one"])
        #expect(result.candidates.last?.template == "Order's notional must be no smaller than {1} (unless you choose reduce only)")
        #expect(!result.ambiguous)
    }

    @Test func payloadWithTemplateArguments() {
        let result = matcher.match(line: #"{"code":-1015,"msg":"Too many new orders; current limit is 10 orders per 10 SECOND."}"#)
        #expect(result.format == .json && result.code == -1015 && result.answer == .code)
        let best = result.candidates.first
        #expect(best?.domain == "coin-margined-futures")
        #expect(best?.code == -1015)
        #expect(best?.name == "TOO_MANY_ORDERS")
        #expect(best?.how == .template)
        #expect(best?.arguments == ["10", "10 SECOND"])
    }

    @Test func theMessagePicksTheDomainOfAnAmbiguousCode() {
        let picked = matcher.match(message: "Price less than 0.", code: -4001)
        #expect(picked.candidates.first?.domain == "coin-margined-futures")
        #expect(picked.candidates.first?.name == "PRICE_LESS_THAN_ZERO")
        #expect(!picked.ambiguous)
        let chinese = matcher.match(message: "非法操作", code: -4001)
        #expect(chinese.candidates.first?.name == "CAPITAL_INVALID")
        #expect(!chinese.ambiguous)
    }

    @Test func aCodeAloneThatMeansTwoThingsIsAmbiguous() {
        let result = matcher.match(message: nil, code: -4001)
        #expect(result.ambiguous)
        #expect(Set(result.candidates.map { "\($0.domain) \($0.name ?? "")" }) == ["coin-margined-futures PRICE_LESS_THAN_ZERO", "wallet CAPITAL_INVALID"])
        #expect(result.candidates.allSatisfy { $0.how == .code })
        let unknownMessage = matcher.match(message: "something undocumented", code: -4001)
        #expect(unknownMessage.ambiguous && !unknownMessage.messageMatched)
        // A code with the same meaning everywhere is not ambiguous.
        #expect(!matcher.match(message: nil, code: -1000).ambiguous)
    }

    @Test func filterFailureRowsMatch() {
        // The seed corpus has no -1013 entry and no page that gives the filter table a code: the
        // row is the answer, with no code.
        let result = matcher.match(message: "Filter failure: LOT_SIZE")
        #expect(result.candidates.count == 1)
        #expect(result.answer == .codes && result.codes.isEmpty && !result.ambiguous)
        let row = result.candidates.first
        #expect(row?.how == .tableRow && row?.domain == "wallet" && row?.code == nil)
        #expect(row?.description == "\"数量\"太高，太低和/或不遵循该交易对的步长规则。")
    }

    @Test func orderRejectionRowExplainsItsCode() {
        let result = matcher.match(message: "Account has insufficient balance for requested action.", code: -2010)
        let best = result.candidates.first
        #expect(best?.how == .tableRow)
        #expect(best?.code == -2010 && best?.name == "NEW_ORDER_REJECTED" && best?.domain == "wallet")
        #expect(best?.description == "没有足够的资金来完成行动")
        #expect(best?.codes == [-1010, -2010, -2011])
    }

    @Test func trailingPunctuationAndWhitespaceAreTolerated() {
        for text in ["Invalid symbol", "Invalid symbol.", "  Invalid   symbol.  ", "Invalid symbol。"] {
            let best = matcher.match(message: text).candidates.first
            #expect(best?.code == -1121 && best?.how == .exact, "\(text)")
        }
    }

    @Test func chineseRuntimeMessage() {
        let best = matcher.match(message: "参数foo为空。").candidates.first
        #expect(best?.code == -1105 && best?.domain == "wallet" && best?.arguments == ["foo"])
        #expect(best?.template == "参数{1}为空。")
    }

    @Test func unmatchedMessages() throws {
        let result = matcher.match(message: "The moon is made of cheese")
        #expect(!result.isMatched && !result.messageMatched)
        #expect(try MessageMatcher(Fixtures.seedKB, domain: "wallet").match(message: "Invalid symbol").candidates.isEmpty)
    }

    @Test(arguments: [
        (#"{"code":-1121,"msg":"Invalid symbol."}"#, LogLine(kind: .error, format: .json, code: -1121, message: "Invalid symbol.")),
        (#"2026-11-21T10:00:00Z WARN order failed {"code": -2010, "msg": "Market is closed."} retrying"#,
         LogLine(kind: .error, format: .json, code: -2010, message: "Market is closed.")),
        (#"{"code":"-1121","msg":"a \"quoted\" \u4f59\u989d"}"#, LogLine(kind: .error, format: .json, code: -1121, message: "a \"quoted\" 余额")),
        (#"{"msg":"only a message"}"#, LogLine(kind: .error, format: .json, message: "only a message")),
        (#"{"extra":{"nested":[1,2,{"x":null}]},"code":-1,"msg":"m"}"#, LogLine(kind: .error, format: .json, code: -1, message: "m")),
        ("Invalid symbol.", LogLine(kind: .text, format: .bare, message: "Invalid symbol.", looksLikeError: false)),
        ("{not json at all", LogLine(kind: .text, format: .bare, message: "{not json at all", looksLikeError: false)),
        (#"{"code":-1121,"msg":"Invalid symbol."#, LogLine(kind: .malformed, format: .json, code: -1121, reason: "unterminated string")),
        (#"{"code":-1121 "msg":"x"}"#, LogLine(kind: .malformed, format: .json, code: -1121, reason: "expected '}' at column 15")),
        ("   ", LogLine(kind: .blank, looksLikeError: false)),
        // Lone or mismatched surrogates (a fuzz find): U+FFFD, never a trap.
        (#"{"msg":"\uD800\u0041"}"#, LogLine(kind: .error, format: .json, message: "\u{FFFD}A")),
        (#"{"msg":"\uDBFF\u0000x"}"#, LogLine(kind: .error, format: .json, message: "\u{FFFD}\u{0}x")),
        (#"{"msg":"\uD83D\uDE00"}"#, LogLine(kind: .error, format: .json, message: "😀")),
    ])
    func payloadLines(line: String, expected: LogLine) {
        #expect(LogLine.read(line[...]) == expected)
    }
}
