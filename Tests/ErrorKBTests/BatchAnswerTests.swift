import Foundation
import Testing
@testable import ErrorKBQuery

/// A line that holds several errors (a `POST /fapi/v1/batchOrders` answer, which mixes placed
/// orders with errors; two payloads; two python-binance errors) has each answered by kb match
/// and counted by kb classify; a blank line is no answer to either. Seed pages (COIN-M): -2022
/// REDUCE_ONLY_REJECT (:255-257), -2019 (:243-245), -2013 NO_SUCH_ORDER (:223-225), -1021 (:84-86).
@Suite struct BatchAnswerTests {
    static let matcher = try! MessageMatcher(Fixtures.seedKB)
    static let batch = #"[{"orderId":8389765519,"status":"NEW"},{"code":-2022,"msg":"ReduceOnly Order is rejected."},{"code":-2019,"msg":"Margin is insufficient."}]"#

    @Test(arguments: [
        (batch, [-2022, -2019]),
        (#"cancel {"code":-2013,"msg":"Order does not exist."} and {"code":-2019,"msg":"Margin is insufficient."}"#, [-2013, -2019]),
        ("[{'code': -2019, 'msg': 'Margin is insufficient.'}, {'code': -2022, 'msg': 'ReduceOnly Order is rejected.'}]", [-2019, -2022]),
        (#"{"level":"error","errors":"[{\"code\":-2019,\"msg\":\"x\"},{\"code\":-2013,\"msg\":\"y\"}]"}"#, [-2019, -2013]),
        ("APIError(code=-1021): Timestamp for this request is outside of the recvWindow. APIError(code=-2019): Margin is insufficient.", [-1021, -2019]),
        ("<APIError> code=-2019, msg=Margin is insufficient.; <APIError> code=-2013, msg=Order does not exist.", [-2019, -2013]),
        // An object that holds a payload is not a second one (the WebSocket API's answer).
        (#"{"id":"1","status":400,"error":{"code":-2019,"msg":"Margin is insufficient."},"rateLimits":[{"count":1}]}"#, [-2019]),
        // Success answers beside an error are not errors.
        (#"[{"code":200,"msg":"success"},{"code":-2013,"msg":"Order does not exist."}]"#, [-2013]),
    ] as [(String, [Int64])])
    func everyErrorOfTheLineIsAnswered(_ line: String, _ codes: [Int64]) {
        let result = Self.matcher.match(line: line)
        let answers = [result] + (result.more ?? [])
        #expect(answers.flatMap(\.codes) == codes && answers.allSatisfy { $0.answer == .code && !$0.ambiguous })
    }

    @Test func theTwoPythonBinanceMessagesAreCutApart() {
        let result = Self.matcher.match(line: "APIError(code=-2019): Margin is insufficient. APIError(code=-2013): Order does not exist.")
        #expect(result.message == "Margin is insufficient." && result.match == .exact)
        #expect(result.more?.map(\.message) == ["Order does not exist."] && result.more?.first?.match == .exact)
    }

    @Test func aLineOfSuccessAnswersIsNotAnError() {
        #expect(Self.matcher.match(line: #"[{"code":200,"msg":"success"},{"code":0,"msg":"ok"}]"#).answer == .notError)
        #expect(Self.matcher.match(line: #"[{"orderId":1,"status":"NEW"},{"orderId":2,"status":"NEW"}]"#).answer == .notError)
    }

    /// classify counts errors, and lines once: lines = error lines + unmatched + not errors +
    /// malformed + too long; errors − error lines = the further errors of lines with several.
    @Test func classifyCountsEachErrorAndEachLineOnce() {
        var classifier = Classifier(matcher: Self.matcher)
        for (number, line) in [Self.batch, "", #"{"code":-2019,"msg":"Margin is insufficient."}"#, "   ", "nothing here",
                               #"[{"code":-2013,"msg":"Order does not exist."},{"code":-9999,"msg":"x"}]"#].enumerated() {
            classifier.add(line, number: number + 1)
        }
        let report = classifier.report()
        #expect(report.lines == 4 && report.errorLines == 3 && report.errors == 5 && report.notErrors == 1)
        #expect(report.rows.map { "\($0.count) \($0.codes) \($0.undocumented)" } == ["2 [-2019] false", "1 [-2013] false", "1 [-2022] false", "1 [-9999] true"])
    }

    @Test func aBlankLineIsNoAnswerToMatchAsToClassify() {
        for line in ["", "   ", "\t\r"] {
            #expect(Self.matcher.match(lineBytes: Array(line.utf8)[...]) == nil)
            var classifier = Classifier(matcher: Self.matcher)
            classifier.add(line, number: 1)
            #expect(classifier.report().lines == 0)
        }
        #expect(Self.matcher.match(lineBytes: Array("nothing here".utf8)[...])?.answer == .notError)
    }

    @Test func theCommandShowsAndCountsEachError() throws {
        let db = Fixtures.builtDatabasePath
        let table = TestProcess.kb(["match", Self.batch, "--db", db])
        #expect(table.status == 0 && table.stdout.contains("answer: -2022 REDUCE_ONLY_REJECT (exact)"))
        #expect(table.stdout.contains("error 2 of 2 in the line:\nread as json: code -2019, message \"Margin is insufficient.\"\nanswer: -2019"))
        let json = TestProcess.kb(["match", Self.batch, "--db", db, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(document["codes"] as? [Int] == [-2022] && (document["more"] as? [[String: Any]])?.map { $0["codes"] as? [Int] } == [[-2019]])
        // An undocumented code among them is exit 1, said plainly.
        let undocumented = TestProcess.kb(["match", #"[{"code":-2019,"msg":"Margin is insufficient."},{"code":-9999,"msg":"y"}]"#, "--db", db])
        #expect(undocumented.status == 1 && undocumented.stderr.contains("-9999 is not documented in this database"))
        let log = Fixtures.temporaryDirectory().appendingPathComponent("batch.log")
        try Data((Self.batch + "\n\n" + #"{"code":-2013,"msg":"Order does not exist."}"# + "\n").utf8).write(to: log)
        let csv = TestProcess.kb(["match", "--lines", log.path, "--db", db, "--format", "csv", "--fields", "line,answer,code"])
        #expect(csv.stdout == "line,answer,code\n1,code,-2022\n1,code,-2019\n3,code,-2013\n")
        let classify = TestProcess.kb(["classify", log.path, "--db", db])
        #expect(classify.stdout.contains("errors 3 (on 2 lines), unmatched 0, not errors 0, malformed 0, too long 0; lines 2\n"))
    }
}
