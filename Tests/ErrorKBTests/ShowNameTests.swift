import Foundation
import Testing
@testable import ErrorKBModel

/// `kb show` finds every name the pages write, with spaces or in Chinese, compared as issue 13's
/// meaning rules compare names (any case; `_`, `-` and spaces alike); `--` ends the options; a
/// heading pasted from a page shows its code. Expected entries read from the pages:
/// `### -1121 无效的交易对` (spot-errors.zh-CN.md:137), `### -1000 未知错误` (:13), `-1008 Request
/// Throttled` (coin-m seed :50, USDⓈ-M en :62 and en+zh-CN :1354, PM :62), `-12014 TOO MANY
/// REQUESTS` (PM-Pro :962, wallet :524) beside the TOO_MANY_REQUESTS of -1003 and options' -1008.
@Suite(.enabled(if: SharedPages.available, "skipped: ../shared is absent"))
struct ShowNameTests {
    /// `code domain locale` lines of `kb show ARGUMENTS`.
    static func show(_ arguments: [String]) -> (status: Int32?, rows: [String], stderr: String) {
        // Options first: after `--` every word is the key.
        let result = TestProcess.kb(["show", "--db", SharedPages.path, "--format", "tsv", "--fields", "code,domain,locale", "--no-header"] + arguments)
        return (result.status, result.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: "\t", with: " ") }, result.stderr)
    }

    @Test(arguments: [
        (["无效的交易对"], ["-1121 spot zh-CN"]),
        (["未知错误"], ["-1000 spot zh-CN"]),
        (["Request Throttled"], ["-1008 coin-margined-futures en", "-1008 portfolio-margin en", "-1008 usds-margined-futures en", "-1008 usds-margined-futures zh-CN"]),
        (["request_throttled"], ["-1008 coin-margined-futures en", "-1008 portfolio-margin en", "-1008 usds-margined-futures en", "-1008 usds-margined-futures zh-CN"]),
        (["REQUEST-THROTTLED"], ["-1008 coin-margined-futures en", "-1008 portfolio-margin en", "-1008 usds-margined-futures en", "-1008 usds-margined-futures zh-CN"]),
        (["TOO MANY REQUESTS"], ["-1003 coin-margined-futures en", "-1008 options en", "-1003 portfolio-margin en", "-1003 portfolio-margin-pro en",
                                 "-12014 portfolio-margin-pro en", "-1003 spot en", "-1003 usds-margined-futures en", "-1003 usds-margined-futures zh-CN",
                                 "-1003 wallet zh-CN", "-12014 wallet zh-CN"]),
        (["TOO MANY REQUESTS", "--domain", "wallet"], ["-1003 wallet zh-CN", "-12014 wallet zh-CN"]),
    ])
    func namesWithSpacesOrInChineseAreFound(arguments: [String], expected: [String]) {
        let result = Self.show(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.rows == expected)
    }

    /// `kb show bad symbol` (two words) is the name BAD_SYMBOL, as `kb show 'bad symbol'` is.
    @Test func aNameInSeveralWordsIsOneName() {
        let one = Self.show(["bad symbol"]), two = Self.show(["bad", "symbol"]), name = Self.show(["BAD_SYMBOL"])
        #expect(one.status == 0 && one.rows == name.rows && two.rows == name.rows && name.rows.count >= 7)
    }

    /// `--` ends the options; a pasted heading (quoted or not, with its `#` marks) shows its code's
    /// entries of that name; a code with a trailing comma is the code.
    @Test(arguments: [(["--", "-1121"], true), (["-1121,"], true), (["--", "BAD_SYMBOL"], false), (["-1121 BAD_SYMBOL"], false),
                      (["-1121", "BAD_SYMBOL"], false), (["'-1121 BAD_SYMBOL'"], false), (["### -1121 BAD_SYMBOL"], false),
                      (["--", "-1121 BAD_SYMBOL"], false), (["−1121 bad symbol"], false)])
    func theTerminatorAndPastedHeadingsShowTheCode(_ arguments: [String], all: Bool) {
        let code = Self.show(["-1121"]).rows
        let result = Self.show(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        // Every -1121 entry is named BAD_SYMBOL but spot zh-CN's (无效的交易对).
        #expect(code.contains("-1121 spot zh-CN") && code.count >= 8)
        #expect(result.rows == (all ? code : code.filter { $0 != "-1121 spot zh-CN" }), "\(arguments)")
        #expect(Self.show(["--", "-1121 无效的交易对"]).rows == ["-1121 spot zh-CN"])
    }

    /// What no entry has: said plainly, with what to run instead.
    @Test func whatNoEntryHasIsSaidWithWhatToRun() {
        let heading = Self.show(["-1121 NO_SUCH_NAME"])
        #expect(heading.status == 1 && heading.stderr == "kb: no entry of -1121 is named 'NO_SUCH_NAME'; its entries: kb show -1121\n")
        let text = Self.show(["余额 不足"])
        #expect(text.status == 1 && text.stderr == "kb: no entry for '余额 不足'; to search names and messages: kb search '余额 不足'\n")
        let two = Self.show(["-1121", "-2019"])
        #expect(two.status == 2 && two.stderr.hasPrefix("kb: Error: give one code or name, not '-1121 -2019'\n"))
    }

    @Test func lookupKeysReadHeadingsAndNames() {
        #expect(LookupKey("-1121 BAD_SYMBOL") == .heading(code: -1121, name: "BAD_SYMBOL"))
        #expect(LookupKey("'－１１２１ 无效的交易对'") == .heading(code: -1121, name: "无效的交易对"))
        #expect(LookupKey("-1121,") == .code(-1121))
        #expect(LookupKey("Request Throttled") == .name("Request Throttled"))
        #expect(LookupKey.nameKey("Request-throttled") == LookupKey.nameKey("REQUEST_THROTTLED"))
        #expect(LookupKey.nameKey("无效的 交易对") == "无效的交易对")
    }
}
