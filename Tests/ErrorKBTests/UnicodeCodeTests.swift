import Foundation
import Testing
@testable import ErrorKBStore
@testable import ErrorKBQuery

/// Codes written with full-width digits or another minus sign (`－１１２１`, `−2019`, `‐1121`,
/// `﹣4001`) in log lines and payloads are read as the code wherever an ASCII code is read, as
/// kb show reads them; a payload that cannot be read names the character, never a byte of it.
@Suite struct UnicodeCodeTests {
    /// The reader alone: each line gives the code its ASCII twin gives.
    @Test(arguments: [
        ("错误码 －１１２１", Int64(-1121), LogFormat.codeOnly),
        ("code=－１１２１", -1121, .codeOnly),
        ("错误码：－１１２１", -1121, .codeOnly),
        ("错误码＝−２０１９", -2019, .codeOnly),
        ("order failed code=−2019", -2019, .codeOnly),
        ("下单失败，错误码 ﹣4001", -4001, .codeOnly),
        ("ERROR ‐1121", -1121, .codeOnly),
        ("code=１１２１", 1121, .codeOnly),
        (#"{"code":－１１２１,"msg":"Invalid symbol."}"#, -1121, .json),
        (#"{"code":"－１１２１","msg":"Invalid symbol."}"#, -1121, .json),
        (#"{"code": −2019, "msg": "Margin is insufficient."}"#, -2019, .json),
        ("{'code': －２０１９, 'msg': '杠杆账户余额不足'}", -2019, .pythonDict),
        ("APIError(code=－２０１９): Margin is insufficient.", -2019, .pythonBinance),
        ("<APIError> code=−2019, msg=Margin is insufficient.", -2019, .goBinance),
        ("[ServerError] －２０１９: Margin is insufficient.", -2019, .codeThenMessage),
    ] as [(String, Int64, LogFormat)])
    func wideAndOtherMinusCodesAreRead(line: String, code: Int64, format: LogFormat) {
        let read = LogLine.read(line[...])
        #expect(read.kind == .error && read.code == code && read.format == format, "\(read)")
    }

    /// Numbers that are no codes stay none: a full-width price, a range with a dash, a ratio.
    @Test(arguments: ["2024-05-01 INFO 价格 ６３２５０．１", "2024-05-01 INFO range 1000–2000 ok", "INFO 心跳正常 延迟 ３５ms"])
    func wideNumbersThatAreNoCodesStayNone(_ line: String) {
        let read = LogLine.read(line[...])
        #expect(read.kind == .text && read.code == nil)
    }

    /// A payload that cannot be read names the character as it is, with its code point, and
    /// counts columns in characters.
    @Test(arguments: [
        (#"{"code":×,"msg":"x"}"#, "unexpected '×' (U+00D7) at column 9"),
        (#"{"code":－１１２１ "msg":"x"}"#, "expected '}' at column 15"),
        ("{\"code\":\u{200B}-1121,\"msg\":\"x\"}", "unexpected U+200B at column 9"),
        (#"{"msg":"错误","code":@}"#, "unexpected '@' at column 20"),
    ])
    func aMalformedPayloadNamesTheCharacter(line: String, reason: String) {
        let read = LogLine.read(line[...])
        #expect(read.kind == .malformed && read.reason == reason, "\(read.reason ?? "")")
    }

    /// On the real pages: the same answer as the ASCII line, in match and classify; the CLI's
    /// payload error shows the character.
    @Test(.enabled(if: SharedPages.available, "skipped: ../shared is absent"))
    func theAnswerIsTheASCIICodesAnswer() throws {
        let matcher = try MessageMatcher(KnowledgeBase.open(path: SharedPages.path))
        for (wide, ascii) in [("错误码 －１１２１", "错误码 -1121"), ("code=－１１２１", "code=-1121"),
                              (#"{"code":－１１２１,"msg":"Invalid symbol."}"#, #"{"code":-1121,"msg":"Invalid symbol."}"#),
                              ("下单失败，错误码：－２０１９，杠杆账户余额不足", "下单失败，错误码：-2019，杠杆账户余额不足"),
                              ("ERROR −4001 Price less than 0.", "ERROR -4001 Price less than 0.")] {
            let a = matcher.match(line: wide), b = matcher.match(line: ascii)
            #expect(a.answer == .code && a.codes == b.codes && a.match == b.match && a.candidates == b.candidates, "\(wide)")
        }
        #expect(matcher.match(line: "错误码 －１１２１").codes == [-1121])
        let given = TestProcess.kb(["match", "--db", SharedPages.path, "--code", "－２０１９", "杠杆账户余额不足"])
        #expect(given.status == 0 && given.stdout.contains("answer: -2019 MARGIN_NOT_SUFFICIEN (exact)"))
        #expect(TestProcess.kb(["match", "--db", SharedPages.path, "--code", "abc"]).status == 2)
        let cli = TestProcess.kb(["match", "--db", SharedPages.path, #"{"code":×,"msg":"x"}"#])
        #expect(cli.status == 1 && cli.stderr == "kb: the payload cannot be read: unexpected '×' (U+00D7) at column 9\n")
    }
}
