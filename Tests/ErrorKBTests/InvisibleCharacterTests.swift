import Testing
@testable import ErrorKBSupport
@testable import ErrorKBModel

/// Invisible characters leave headings, names and codes; lines that start with a code are told.
@Suite struct InvisibleCharacterTests {
    @Test func invisiblesAreRemovedAndVisibleTextKept() {
        #expect("UNKNOWN\u{200B}".removingInvisibles() == "UNKNOWN")
        #expect("\u{FEFF}-1000\u{200D} UN\u{00AD}KNOWN\u{2060}".removingInvisibles() == "-1000 UNKNOWN")
        #expect("重复的交易对 ｜".removingInvisibles() == "重复的交易对 ｜")
        #expect("-20198\u{200B}".containsInvisibles && !"-20198".containsInvisibles)
    }

    @Test func aCodeWithAnInvisibleCharacterIsStillACode() {
        #expect(CodeLine("-20198\u{200B}", requireMinus: true) .map { [String($0.code), $0.name ?? "nil"] } == ["-20198", "nil"])
        #expect(CodeLine("-1000 UNKNOWN\u{200B}", requireMinus: true)?.name == "UNKNOWN")
        #expect(CodeLine("\\-1000\u{200B} TOO_MANY", requireMinus: false)?.name == "TOO_MANY")
    }

    @Test(arguments: ["-1000 UNKNOWN", "### -20198\u{200B}", "* `-1010 ERROR_MSG_RECEIVED`", "- \\-1121", "−1121 BAD_SYMBOL",
                      "#### 51006 EXCEED_MAX_BORROWABLE", "| -1013 | INVALID_MESSAGE |", "  -1999.", "> -2010 NEW_ORDER_REJECTED"])
    func linesThatStartWithACode(line: String) {
        #expect(CodeLine.looksLikeCode(line[...]))
    }

    @Test(arguments: ["## 10xx - General Server or Network issues", "## -9xxx Filter failures", "\"code\":-1121,", "- 10 orders per second",
                      "51006 is positive and not a heading", "-   Generated error 1000", "## 3xxx-5xxx SAPI", "-12 short", "24小时内", "-1000x"])
    func linesThatDoNot(line: String) {
        #expect(!CodeLine.looksLikeCode(line[...]))
    }
}
