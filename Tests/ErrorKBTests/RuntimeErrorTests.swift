import Foundation
import Testing
@testable import ErrorKBStore
@testable import ErrorKBQuery

/// Issue 13's faults, each as a kind, on the real pages (SharedPages), with inputs of our own
/// beside the issue's, in English and Chinese.
@Suite(.enabled(if: SharedPages.available, "skipped: ../shared is absent"))
struct RuntimeErrorTests {
    var matcher: MessageMatcher { SharedPages.matcher! }

    /// 1. A code in the input restricts every answer to it; the same text under another code is
    /// a note; an undocumented code is said so.
    @Test(arguments: [
        (#"{"code":-4164,"msg":"Order's notional must be no smaller than 20 (unless you choose reduce only)."}"#, Int64(-4164), Int64(-4178)),
        ("APIError(code=-4131): The counterparty's best price does not meet the PERCENT_PRICE filter limit.", -4131, -4113),
        ("<APIError> code=-4118, msg=ReduceOnly Order Failed. Please check your existing position and open orders", -4118, -4112),
        ("<APIError> code=-4178, msg=Order's notional must be no smaller than 5.0 (unless you choose reduce only)", -4178, -4164),
        ("开空仓失败: binance_common.errors.BadRequestError: (-4113, \"The counterparty's best price does not meet the PERCENT_PRICE filter limit.\")", -4113, -4131),
    ])
    func theGivenCodeIsTheAnswer(line: String, code: Int64, other: Int64) {
        let result = matcher.match(line: line)
        #expect(result.answer == .code && result.codes == [code], "\(result.codes)")
        #expect(!result.candidates.isEmpty && result.candidates.allSatisfy { $0.code == code })
        #expect(!result.ambiguous)
        #expect(result.notes.map(\.code) == [other])
    }

    @Test func anUndocumentedCodeIsSaidSo() {
        for line in [#"{"code":-4999,"msg":"Margin is insufficient."}"#, "APIError(code=-5047): The original order is not a reduce-only order.",
                     "下单失败：<APIError> code=-2008, msg=Invalid Api-Key ID."] {
            let result = matcher.match(line: line)
            #expect(result.answer == .undocumented && result.undocumented && result.candidates.isEmpty, "\(line)")
        }
        #expect(matcher.match(line: #"{"code":-4999,"msg":"Margin is insufficient."}"#).notes.map(\.code) == [-2019])
        let cli = TestProcess.kb(["match", "--code", "-4164", "x", "--db", SharedPages.path])
        #expect(cli.status == 0 || cli.status == 1)
        let undocumented = TestProcess.kb(["match", #"{"code":-4999,"msg":"Margin is insufficient."}"#, "--db", SharedPages.path])
        #expect(undocumented.status == 1 && undocumented.stderr == "kb: -4999 is not documented in this database\n")
        #expect(undocumented.stdout.contains("note: this message is documented under -2019 MARGIN_NOT_SUFFICIEN in"))
    }

    /// 2. One meaning documented in several places is not ambiguous; real conflicts are.
    @Test(arguments: [
        ("Invalid API-key, IP, or permissions for action.", Int64(-2015)),
        (#"{"code":-1003,"msg":"Too many requests queued."}"#, -1003),
        ("APIError(code=-1100): Illegal characters found in a parameter.", -1100),
        ("<APIError> code=-1102, msg=A mandatory parameter was not sent, was empty/null, or malformed.", -1102),
        ("binance_common.errors.BadRequestError: (-1104, 'Not all sent parameters were read.')", -1104),
        ("ERROR: -1151, Symbol is present multiple times in the list.", -1151),
        ("下单失败：无效的API密钥，IP或操作权限。", -2015),
        ("2024-05-01 12:00:00 [错误] 撤单失败, 原因: 此请求的时间戳在recvWindow之外。", -1021),
    ])
    func oneMeaningInSeveralPlacesIsNotAmbiguous(line: String, code: Int64) {
        let result = matcher.match(line: line)
        #expect(result.answer == .code && result.codes == [code] && !result.ambiguous, "\(result.meanings.map(\.names))")
        #expect(result.meanings.count == 1)
    }

    @Test func realConflictsAreAmbiguousUntilTheMessagePicks() {
        for code: Int64 in [-4001, -1008, -1004, -5012] {
            let result = matcher.match(message: nil, code: code)
            #expect(result.ambiguous && result.meanings.count >= 2, "\(code)")
        }
        let picked = matcher.match(line: "<APIError> code=-4001, msg=Price less than 0.")
        #expect(!picked.ambiguous && picked.meanings.map(\.name) == ["PRICE_LESS_THAN_ZERO"])
        let wallet = matcher.match(line: "{'code': -4001, 'msg': '非法操作'}")
        #expect(!wallet.ambiguous && wallet.meanings.map(\.name) == ["CAPITAL_INVALID"])
        #expect(!matcher.match(message: nil, code: -2010).ambiguous)
    }

    /// 3. Table rows carry the codes their page gives them; an exact text outranks the code alone.
    @Test func tableRowsAnswerWithTheirCodes() {
        let filter = matcher.match(line: "Filter failure: LOT_SIZE")
        #expect(filter.answer == .code && filter.codes == [-1013] && filter.match == .tableRow)
        #expect(filter.meanings.map(\.name) == ["INVALID_MESSAGE"])
        let given = matcher.match(message: "Filter failure: LOT_SIZE", code: -1013)
        #expect(given.match == .tableRow && given.candidates.count >= 3 && given.candidates.allSatisfy { $0.how == .tableRow && $0.code == -1013 })
        // The wallet copies the table with a row spot lacks.
        #expect(matcher.match(line: "2024-05-01 ERROR Filter failure: PERCENT_PRICE_BY_SIDE").codes == [-1013])
        let rejection = matcher.match(line: "撤单失败: Unknown order sent.")
        #expect(rejection.answer == .codes && !rejection.ambiguous && Set(rejection.codes).isSuperset(of: [-1010, -2010, -2011, -2038]))
        #expect(matcher.match(line: #"{"code":-2011,"msg":"Unknown order sent."}"#).codes == [-2011])
    }

    /// 4. Candidates in the input's language come first.
    @Test func candidatesInTheInputsLanguageComeFirst() {
        let english = matcher.match(line: "Account has insufficient balance for requested action.")
        #expect(english.candidates.first?.locale == "en")
        let chinese = matcher.match(line: "下单失败：余额不足")
        #expect(chinese.candidates.first?.locale == "zh-CN")
        let timestamp = matcher.match(line: "2024-05-01 12:00:00 ERROR Timestamp for this request is outside of the recvWindow.")
        #expect(timestamp.codes == [-1021] && timestamp.candidates.first?.locale == "en")
    }

    /// 7. A text documented under several codes is counted under none, by match and classify alike.
    @Test func aTextUnderSeveralCodesIsCountedUnderNone() {
        let line = "2024-05-01 12:00:00 ERROR Order's notional must be no smaller than 20 (unless you choose reduce only)."
        let result = matcher.match(line: line)
        #expect(result.answer == .codes && result.ambiguous && Set(result.codes) == [-4164, -4178])
        var classifier = Classifier(matcher: matcher)
        classifier.add(line, number: 1)
        classifier.add(#"{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"#, number: 2)
        let report = classifier.report()
        #expect(report.rows.first { $0.code == nil }?.codes.sorted() == [-4178, -4164])
        let timestamp = report.rows.first { $0.code == -1021 }
        #expect(timestamp?.domains.count ?? 0 >= 4 && timestamp?.ambiguous == false)
    }

    /// 9. Near matches: labelled, lower confidence, the right code.
    @Test(arguments: [
        // The USD-M zh-CN page keeps the longer English text ("…not be recorded in the order history"); this tail is on no page.
        (#"{"code":-5022,"msg":"Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order book"}"#, Int64(-5022)),
        ("[2024-05-02 03:14:15] bot.ERROR: cancel failed - Way too many requests; IP(203.0.113.7) banned until 1771748578656. Please use the websocket for live updates to avoid bans.", -1003),
        ("2024-05-01 12:00:00,123 ERROR order failed: Quantity less than or equal to zero.", -4003),
        ("WARNING:root:retry 2/5 after This symbol does not have a reference price.", -2043),
        ("binance.exceptions.BinanceAPIException: APIError(code=-2015): Invalid API-key, IP, or permissions for action, request ip: 198.51.100.23", -2015),
        ("2024-05-01 ERROR Margin is insufficient. Please add margin or reduce position size.", -2019),
    ])
    func nearMatchesAreLabelled(line: String, code: Int64) {
        let result = matcher.match(line: line)
        #expect(result.codes == [code] && result.match == .near, "\(result.codes) \(String(describing: result.match))")
        #expect(result.candidates.allSatisfy { $0.how == .near })
    }

    /// Information lines hold no near matches, and drifted text is not a near match of a short one.
    @Test func nearMatchesStayAwayFromNoise() {
        #expect(matcher.match(line: "2024-05-01 12:00:20 INFO Margin is sufficient: available=1021.55 USDT").answer == .notError)
        #expect(matcher.match(line: "2024-05-01 12:00:00 INFO Quantity less than or equal to zero.").answer == .notError)
    }
}
