import Testing
@testable import ErrorKBModel

/// The facts of binance-coin-margined-futures-error-code.en.md, read through the library.
@Suite struct CoinMarginedSeedTests {
    let doc = Fixtures.coinM
    var parsed: ParsedDocument { doc.parsed }

    @Test func originComesFromTheTrailingSourceLine() {
        #expect(doc.origin == DocumentOrigin(domain: "coin-margined-futures", locale: "en"))
        #expect(parsed.sourceURL == "https://developers.binance.com/docs/derivatives/coin-margined-futures/error-code")
        #expect(parsed.lineKinds[665] == .source)
        #expect(parsed.format == .markdown)
    }

    @Test func sectionsEntriesAndMessages() {
        #expect(parsed.sections.map(\.title) == [
            "10xx - General Server or Network issues", "11xx - Request issues", "20xx - Processing Issues",
            "40xx - Filters and other Issues",
        ])
        #expect(parsed.entries.count == 152)
        #expect(Set(parsed.entries.map(\.code)).count == 152)
        #expect(parsed.messageCount == 187)
        #expect(parsed.entries.flatMap(\.messages).filter { containsPlaceholder($0.text) }.count == 29)
        #expect(parsed.entries.flatMap(\.messages).allSatisfy { $0.lang == .en })
        #expect(parsed.unexplainedLines.isEmpty)
        #expect(parsed.tableRows.isEmpty && parsed.mentions.isEmpty)
    }

    @Test func markdownEscapesAreUndone() {
        #expect(Fixtures.entries(doc, code: -1000).first?.name == "UNKNOWN")
        #expect(Fixtures.entries(doc, code: -1003).first?.name == "TOO_MANY_REQUESTS")
        #expect(parsed.entries.allSatisfy { !($0.name ?? "").contains("\\") })
        #expect(Fixtures.entries(doc, code: -1010).first?.messages.map(\.text) == ["ERROR_MSG_RECEIVED."])
        #expect(Fixtures.entries(doc, code: -4113).first?.messages.map(\.text) == ["The counterparty's best price does not meet the PERCENT_PRICE filter limit."])
        // Code spans keep their text; the backticks are literal text around the placeholder.
        #expect(Fixtures.entries(doc, code: -4026).first?.messages.map(\.text) == ["Commission invalid.", "`%s` less than zero.", "`%s` absolute value greater than `%s`"])
    }

    @Test func namesAreKeptAsWritten() {
        #expect(Fixtures.entries(doc, code: -1008).first?.name == "Request Throttled")
        #expect(Fixtures.entries(doc, code: -2019).first?.name == "MARGIN_NOT_SUFFICIEN")
    }

    @Test func documentOrderIsKept() {
        let codes = parsed.entries.map(\.code)
        #expect(codes.suffix(2) == [-4202, -4188])
        #expect(Fixtures.entries(doc, code: -4188).first?.line == 662)
    }
}
