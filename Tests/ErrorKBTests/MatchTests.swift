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
        let parsed = ErrorPayload.parse(#"{"code":-1015,"msg":"Too many new orders; current limit is 10 orders per 10 SECOND."}"#)
        guard case .payload(let code, let message) = parsed else { Issue.record("not a payload: \(parsed)"); return }
        let best = matcher.match(message: message, code: code).candidates.first
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
        let result = matcher.match(message: "Filter failure: LOT_SIZE")
        #expect(result.candidates.count == 1)
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

    @Test func unmatchedMessages() {
        let result = matcher.match(message: "The moon is made of cheese")
        #expect(!result.isMatched && !result.messageMatched)
        #expect(matcher.match(message: "Invalid symbol", domain: "wallet").candidates.isEmpty)
    }

    @Test(arguments: [
        (#"{"code":-1121,"msg":"Invalid symbol."}"#, ErrorPayload.payload(code: -1121, message: "Invalid symbol.")),
        (#"2026-11-21T10:00:00Z WARN order failed {"code": -2010, "msg": "Market is closed."} retrying"#, .payload(code: -2010, message: "Market is closed.")),
        (#"{"code":"-1121","msg":"a \"quoted\" \u4f59\u989d"}"#, .payload(code: -1121, message: "a \"quoted\" 余额")),
        (#"{"msg":"only a message"}"#, .payload(code: nil, message: "only a message")),
        (#"{"extra":{"nested":[1,2,{"x":null}]},"code":-1,"msg":"m"}"#, .payload(code: -1, message: "m")),
        ("Invalid symbol.", .bare("Invalid symbol.")),
        ("{not json at all", .bare("{not json at all")),
        (#"{"code":-1121,"msg":"Invalid symbol."#, .malformed(reason: "unterminated string")),
        (#"{"code":-1121 "msg":"x"}"#, .malformed(reason: "expected '}' at column 15")),
        ("   ", .blank),
        // Lone or mismatched surrogates (a fuzz find): U+FFFD, never a trap.
        (#"{"msg":"\uD800\u0041"}"#, .payload(code: nil, message: "\u{FFFD}A")),
        (#"{"msg":"\uDBFF\u0000x"}"#, .payload(code: nil, message: "\u{FFFD}\u{0}x")),
        (#"{"msg":"\uD83D\uDE00"}"#, .payload(code: nil, message: "😀")),
    ])
    func payloadLines(line: String, expected: ErrorPayload) {
        #expect(ErrorPayload.parse(line[...]) == expected)
    }
}
