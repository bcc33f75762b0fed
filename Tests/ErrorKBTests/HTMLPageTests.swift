import Foundation
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport

/// The wallet page as the site serves it (Fixtures/wallet-error-code.zh-CN.html, a copy of
/// ../shared/corpus's) gives exactly the facts of the wallet seed, the same page scraped to
/// text, with line numbers of the HTML source.
@Suite struct HTMLPageTests {
    static let path = Fixtures.packageRoot.appendingPathComponent("Tests/ErrorKBTests/Fixtures/wallet-error-code.zh-CN.html").path
    static let page = try! DocumentImporter.importFile(at: path)
    var parsed: ParsedDocument { Self.page.parsed }
    var text: ParsedDocument { Fixtures.wallet.parsed }

    @Test func urlFromTheCanonicalLinkAndLocaleFromTheHTMLElement() {
        #expect(Self.page.origin == DocumentOrigin(domain: "wallet", locale: "zh-CN"))
        #expect(parsed.sourceURL == "https://developers.binance.com/docs/zh-CN/wallet/error-code")
        #expect(parsed.locale == "zh-CN")
        #expect(parsed.format == .html)
        #expect(parsed.title == "错误代码")
        #expect(Self.page.identity == Fixtures.wallet.identity)
    }

    @Test func theSeedFacts() {
        #expect(parsed.sections.count == 14)
        #expect(parsed.entries.count == 236 && Set(parsed.entries.map(\.code)).count == 235)
        #expect(Fixtures.entries(Self.page, code: -5012).map(\.name) == ["TRANSFER_PENDING", "FUTURE_ACCT_OR_SUBRELATION_NOT_EXIST"])
        let rejection = parsed.sections.firstIndex { $0.title == "订单拒绝错误" }
        #expect(Fixtures.entries(Self.page, code: -1010).map { [$0.section == rejection, $0.messages.isEmpty] } == [[true, true]])
        #expect(parsed.mentions.map(\.code) == [-2010, -2011])
        let messages = parsed.entries.flatMap(\.messages)
        #expect(messages.count == 259 && messages.filter { containsPlaceholder($0.text) }.count == 22)
        #expect(parsed.tableRows.count == 40 && parsed.tableRows.filter { $0.message.hasPrefix("Filter failure: ") }.count == 14)
        #expect(Fixtures.entries(Self.page, code: -1099).first?.relations.map { [$0.relation, String($0.code)] } == [["replaces", "-1999"]])
        var codesByName: [String: Set<Int64>] = [:]
        for entry in parsed.entries { if let name = entry.name { codesByName[name, default: []].insert(entry.code) } }
        #expect(codesByName.filter { $0.value.count > 1 }.count == 11)
    }

    /// Entry by entry, row by row: what the HTML says is what the text says.
    @Test func theSameContentAsTheScrapedText() {
        func content(_ document: ParsedDocument) -> [String] {
            document.entries.map { entry in
                "\(entry.code) \(entry.name ?? "-") [\(entry.section.map { document.sections[$0].title } ?? "")] " + entry.messages.map { "\($0.text)/\($0.lang)" }.joined(separator: " | ")
            }
        }
        #expect(content(parsed) == content(text))
        #expect(parsed.sections.map(\.title) == text.sections.map(\.title))
        #expect(parsed.sections.map(\.rangeLabel) == text.sections.map(\.rangeLabel))
        #expect(parsed.tableRows.map { [$0.message, $0.description, $0.codes.map(String.init).joined(separator: ",")] }
                == text.tableRows.map { [$0.message, $0.description, $0.codes.map(String.init).joined(separator: ",")] })
        #expect(parsed.mentions.map { [$0.code, Int64($0.entry)] } == text.mentions.map { [$0.code, Int64($0.entry)] })
    }

    /// Checked against the independent count (Fixtures/corpus-counts/entries.jsonl) and by hand.
    @Test func lineNumbersAreTheHTMLSource() {
        #expect(parsed.lineKinds.count == 1190)
        #expect(parsed.entries.first?.line == 27 && parsed.entries.last?.line == 1187)
        #expect(Fixtures.entries(Self.page, code: -5012).map(\.line) == [615, 623])
        #expect(Fixtures.entries(Self.page, code: -1010).map(\.line) == [1065])
        #expect(parsed.mentions.map(\.line) == [1066, 1067])
        #expect(Fixtures.entries(Self.page, code: -10047).first?.messages.map(\.line) == [961])
        #expect(Set(parsed.tableRows.map(\.line)) == [812, 1183])
        #expect(Fixtures.entries(Self.page, code: -2022).first?.messages.map(\.line) == [1188])
    }

    /// Every line is explained: chrome by element, even where it shares a line with content.
    @Test func chromeIsCountedAsSuch() {
        #expect(parsed.unexplainedLines.isEmpty && parsed.warnings.isEmpty)
        #expect(parsed.lineKinds[5] == .source)            // line 6: the head's links
        #expect(parsed.lineKinds[17] == .navigation)       // line 18: navbar, sidebar, breadcrumbs, and the content's opening tag
        #expect(parsed.lineKinds[1187] == .message)        // line 1188: the last message, then pagination, TOC, footer
        #expect(parsed.lineKinds[811] == .tableRow && parsed.lineKinds[1182] == .tableRow)
        let counts = parsed.lineKindCounts
        #expect(counts[.entry] == 236 && counts[.message] == 259 && counts[.section] == 14 && counts[.mention] == 2)
        #expect(counts[.blank] == 182)
    }
}

/// HTML written for each case: chrome told by element, blocks, tables, and what is reported.
@Suite struct HTMLReaderTests {
    func read(_ body: String, lang: String = "en") throws -> ImportedDocument {
        let html = """
            <!DOCTYPE html>
            <html lang="\(lang)"><head><title>Error Codes | Site</title>
            <link rel="canonical" href="https://developers.binance.com/docs/derivatives/options-trading/error-code">
            <script>
            var x = "-1000 UNKNOWN";
            </script>
            </head><body>
            \(body)
            </body></html>
            """
        return try DocumentImporter.importData(Data(html.utf8), fileName: "page.html")
    }

    @Test func blocksTablesAndChrome() throws {
        let document = try read("""
            <nav class="navbar"><a href="/">Home</a><ul><li>-9999 NOT_A_CODE_HERE</li></ul></nav>
            <div role="region"><a href="#main">Skip to content</a></div>
            <article><div class="theme-doc-markdown markdown">
            <h1>Error Codes</h1>
            <h2 id="10xx">10xx - General<a class="hash-link" href="#10xx">\u{200B}</a></h2>
            <h3>-1000 UNKNOWN<a class="hash-link" href="#-1000">\u{200B}</a></h3>
            <ul>
            <li>
            <p>An unknown error occurred.</p>
            </li>
            <li>Limit is %sx</li>
            </ul>
            <h3>-1001\u{200B}</h3>
            <p>Internal error;
            please try again.</p>
            <table><thead><tr><th>Error message</th><th>Description</th></tr></thead>
            <tbody><tr><td>&quot;Filter failure: LOT_SIZE&quot;</td><td>too high<br>or too low｜</td></tr></tbody></table>
            <table><tr><td>-1002</td><td>A</td><td>B</td></tr></table>
            <div>stray text</div>
            </div></article>
            <footer class="footer">Copyright</footer>
            """)
        let parsed = document.parsed
        #expect(document.origin == DocumentOrigin(domain: "options-trading", locale: "en"))
        #expect(parsed.entries.map(\.code) == [-1000, -1001] && parsed.entries.map(\.name) == ["UNKNOWN", nil])
        #expect(parsed.entries.map { $0.messages.map(\.text) } == [["An unknown error occurred.", "Limit is %sx"], ["Internal error; please try again."]])
        #expect(parsed.entries[0].messages.map(\.line) == [16, 18])
        #expect(parsed.tableRows.map { [$0.message, $0.description] } == [["Filter failure: LOT_SIZE", "too high\nor too low"]])
        #expect(parsed.sections.map(\.title) == ["10xx - General"])
        // Line 25: a row of a table that is not message-keyed starts with a code; line 8: the
        // navbar's code-like item is chrome, checked against the entries at the end.
        #expect(parsed.warnings.map(\.line) == [25, 8])
        #expect(parsed.unexplainedLines == [26])          // text outside any block or chrome
        #expect(parsed.lineKinds[3] == .markup && parsed.lineKinds[4] == .markup)   // the script
        #expect(parsed.lineKinds[7] == .navigation && parsed.lineKinds[8] == .navigation)   // nav, a bare link
        #expect(parsed.lineKinds[21] == .message)         // a paragraph's second line
        #expect(parsed.lineKinds[27] == .footer)
    }
}
