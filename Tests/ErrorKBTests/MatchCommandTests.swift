import Foundation
import Testing

/// `kb match` and `kb classify` as a user runs them (seed corpus): what they accept, what they
/// print in each format, and their exit statuses.
@Suite struct MatchCommandTests {
    let db = Fixtures.builtDatabasePath

    func match(_ arguments: [String]) -> TestProcess.Result { TestProcess.kb(["match"] + arguments + ["--db", db]) }

    @Test func theLinesClassifyReadsAreAnswered() {
        for line in [#"{"code":-2019,"msg":"Margin is insufficient."}"#, "APIError(code=-2019): Margin is insufficient.",
                     "binance.exceptions.BinanceAPIException: APIError(code=-2019): Margin is insufficient.",
                     "<APIError> code=-2019, msg=Margin is insufficient.", "{'code': -2019, 'msg': 'Margin is insufficient.'}",
                     "ERROR: -2019, Margin is insufficient.", #"2024-05-01 12:00:00 ERROR order failed: {\"code\":-2019,\"msg\":\"Margin is insufficient.\"}"#,
                     "开空仓失败: <APIError> code=-2019, msg=Margin is insufficient.", "2024-05-01 12:00:00 ERROR Margin is insufficient."] {
            let result = match([line])
            #expect(result.status == 0, "\(line): \(result.summary)")
            #expect(result.stdout.contains("answer: -2019 MARGIN_NOT_SUFFICIEN (exact) in coin-margined-futures\n"), "\(line): \(result.stdout)")
        }
    }

    /// A pasted traceback or log excerpt can come on standard input: `kb match -`, or a pipe with
    /// nothing else given. The error line is found in it as in the same text given as words.
    @Test func theMessageCanComeOnStandardInput() {
        let traceback = """
            Traceback (most recent call last):
              File "/app/bot.py", line 88, in place_order
                return self.sign_request("POST", url_path, payload)
            binance.error.ClientError: (400, -2019, 'Margin is insufficient.', {'Content-Type': 'application/json'})

            """
        for arguments in [["-"], []] {
            let piped = TestProcess.kb(["match"] + arguments + ["--db", db], stdin: traceback)
            #expect(piped.status == 0 && piped.stdout.contains("answer: -2019 MARGIN_NOT_SUFFICIEN (exact) in coin-margined-futures\n"), "\(piped.summary)")
            #expect(piped.stdout == match([traceback]).stdout)
        }
        // Nothing on standard input: asked for, it is a data error; not asked for, the usage error.
        let asked = TestProcess.kb(["match", "-", "--db", db], stdin: "")
        #expect(asked.status == 3 && asked.stderr == "kb: -: standard input is empty: give the runtime error there, or as words\n")
        let bare = TestProcess.kb(["match", "--db", db], stdin: "\n")
        #expect(bare.status == 2 && bare.stderr.hasPrefix("kb: give a message (- or a pipe for standard input)"), "\(bare.summary)")
    }

    @Test func textThatStartsWithAMinusIsText() {
        let copied = match(["-2022 REDUCE_ONLY_REJECT ReduceOnly Order is rejected."])
        #expect(copied.status == 0 && copied.stdout.hasPrefix("read as code-message: code -2022"), "\(copied.summary)")
        let split = match(["-2022", "REDUCE_ONLY_REJECT", "ReduceOnly", "Order", "is", "rejected."])
        #expect(split.status == 0 && split.stdout.contains("answer: -2022 REDUCE_ONLY_REJECT (exact)"))
        let option = match(["--formt", "json", "x"])
        #expect(option.status == 2 && option.stderr.hasPrefix("kb: Error: unknown option '--formt'; did you mean '--format'?; a message that starts with '-' can follow '--'"))
        let terminated = match(["--", "-x not documented"])
        #expect(terminated.status == 1 && terminated.stderr == "kb: no documented message matches\n", "\(terminated.summary)")
    }

    /// Every --payload is read like any line: a dict, text that is not JSON, a cut payload.
    @Test func everyPayloadIsReadAlike() {
        let dict = match(["--payload", "{'code': -1015, 'msg': 'Too many new orders; current limit is 10 orders per 10 SECOND.'}"])
        #expect(dict.status == 0 && dict.stdout.contains("arguments: \"10\", \"10 SECOND\""))
        let codeOnly = match(["--payload", "{'code': -2019, 'msg': 'x'}"])
        #expect(codeOnly.status == 1 && codeOnly.stderr == "kb: no documented message matches; the candidates above match the code only\n")
        #expect(codeOnly.stdout.contains("1. code    -2019 MARGIN_NOT_SUFFICIEN"))
        let text = match(["--payload", "not json"])
        #expect(text.status == 1 && text.stderr == "kb: no documented message matches\n")
        let cut = match(["--payload", #"{"code":-2019,"msg":"Margin is insuff"#])
        #expect(cut.status == 1 && cut.stderr == "kb: the payload cannot be read: unterminated string; its code -2019 is readable: kb match --code -2019\n")
    }

    @Test func jsonAndCSVAreOneDocument() throws {
        let suggested = match(["symbol unknown to us", "--suggest", "--format", "json"])
        #expect(suggested.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(suggested.stdout.utf8)) as? [String: Any]
        #expect(object?["answer"] as? String == "not_error" && (object?["suggestions"] as? [Any])?.isEmpty == false)
        #expect(match(["x", "--suggest", "--format", "csv"]).status == 2)
        let csv = match(["--payload", #"{"code":-1015,"msg":"Too many new orders; current limit is 10 orders per 10 SECOND."}"#, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("answer,ambiguous,how,domain,locale,code,name,template,arguments,message,description,codes,meaning,source,line\n"))
        #expect(csv.stdout.contains(#","[""10"",""10 SECOND""]","#) && !csv.stdout.contains("\u{1F}"))
        let ambiguous = match(["--code", "-4001", "--format", "json"])
        let answer = try JSONSerialization.jsonObject(with: Data(ambiguous.stdout.utf8)) as? [String: Any]
        #expect(answer?["ambiguous"] as? Bool == true && (answer?["meanings"] as? [Any])?.count == 2 && answer?["codes"] as? [Int] == [-4001])
        #expect(ambiguous.stdout.contains(#""answer": "code""#))
    }

    @Test func matchLinesAnswersEachLine() throws {
        let log = Fixtures.temporaryDirectory().appendingPathComponent("app.log")
        try Data(ClassifyTests.log.utf8).write(to: log)
        let table = match(["--lines", log.path])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("line  answer"))
        let json = match(["--lines", log.path, "--format", "json"])
        let answers = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        // Line 5 is blank: no answer, as kb classify leaves it out of its lines.
        #expect(answers.map { $0["line"] as? Int } == [1, 2, 3, 4, 6, 7, 8, 9, 10])
        #expect(answers.map { $0["answer"] as? String } == ["code", "code", "code", "code", "malformed", "not_error", "code", "codes", "unmatched"])
        let csv = match(["--lines", log.path, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("line,answer,code,codes,name,domains,match,template,ambiguous,undocumented,format\n1,code,-1015,-1015,TOO_MANY_ORDERS,"))
    }

    @Test func classifyTablesShowWhatWasNotCounted() {
        let table = TestProcess.kb(["classify", "--db", db], stdin: ClassifyTests.log)
        #expect(table.status == 0)
        #expect(table.stdout.contains("errors 6, unmatched 1, not errors 1, malformed 1, too long 0; lines 9\n"))
        #expect(table.stdout.contains("unmatched lines that look like errors, by text (1 of 1 groups):\n  1  ERROR something undocumented broke  (line 10)\n"))
        #expect(table.stdout.contains("(ambiguous)") && table.stdout.contains("(table row)"))
        let csv = TestProcess.kb(["classify", "--format", "csv", "--db", db], stdin: ClassifyTests.log)
        let rows = csv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.allSatisfy { $0.count == 12 })
        #expect(rows.allSatisfy { !["unmatched", "malformed"].contains($0[5]) })
    }
}
