import Testing
@testable import ErrorKBModel
@testable import ErrorKBQuery

/// One list of minus signs (`MinusSign`) for `kb show`'s codes, log lines and payloads, and search
/// queries: each sign before 1121 (ASCII digits and full-width ones) is -1121 in all three, and
/// dashes that are no minus (em dash, a hyphen-minus look-alike outside the list) are not.
@Suite struct MinusSignTests {
    static let signs = ["\u{2212}", "\u{FF0D}", "\u{FE63}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{207B}", "\u{208B}", "\u{2796}"]

    @Test(arguments: signs)
    func everyReaderTakesTheSign(sign: String) {
        for digits in ["1121", "１１２１"] {
            let text = sign + digits
            #expect(LookupKey.asciiCode(text) == "-1121", "\(text)")
            #expect(ByteText.integer(in: Array(text.utf8)[...], at: 0)?.value == -1121, "\(text)")
            #expect(SearchQuery.folded(text).hasPrefix("-"), "\(text)")
        }
    }

    @Test(arguments: ["\u{2014}1121", "\u{2015}1121", "~1121"])
    func otherDashesAreNoMinus(text: String) {
        #expect(LookupKey.asciiCode(text) != "-1121")
        #expect(ByteText.integer(in: Array(text.utf8)[...], at: 0)?.value != -1121)
        #expect(!SearchQuery.folded(text).hasPrefix("-"))
    }
}
