import Testing
@testable import ErrorKBQuery

/// Patterns are built from quoted letters and digits, so no input makes FTS5 report a syntax
/// error, even tokens that the tokenizer reduces to nothing (lone combining marks).
@Suite struct SearchSafetyTests {
    @Test(arguments: ["\u{301}", "a\u{301}", "\u{301}\u{302} b", "ᄀ", "\u{200B}", "\u{FE0F}", "Ⅻ", "½", "٣", "𝟘", "ǅ", "\u{E000}", "ﾟ", "〆", "ー", "々"])
    func unusualLettersAreNotSyntaxErrors(query: String) throws {
        _ = try Fixtures.seedKB.search(query)
        _ = try Fixtures.seedKB.search(query, options: SearchOptions(matchAny: true))
    }
}
