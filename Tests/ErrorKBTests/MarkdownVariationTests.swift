import Foundation
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport

/// The kinds of variation real pages show, each in a small document of its own: the importer
/// works by general rules, not by the corpus files it was tried on.
@Suite struct MarkdownVariationTests {
    func parse(_ text: String) throws -> ParsedDocument {
        try DocumentImporter.importData(Data(text.utf8), fileName: "t.md", domain: "d", locale: "en").parsed
    }

    @Test func headingsAtAnyLevelWithOrWithoutEscapesAndIndent() throws {
        let doc = try parse("""
            # Errors
            ## 10xx - General
            ## \\-1000 UNKNOWN
            - a
            ### -1001 DISCONNECTED
            * b
              #### \\-1002 UNAUTHORIZED
              * c
            #### 1003 POSITIVE_CODE
            -   d
            """)
        #expect(doc.entries.map(\.code) == [-1000, -1001, -1002, 1003])
        #expect(doc.entries.map(\.name) == ["UNKNOWN", "DISCONNECTED", "UNAUTHORIZED", "POSITIVE_CODE"])
        #expect(doc.entries.map { $0.messages.map(\.text) } == [["a"], ["b"], ["c"], ["d"]])
        #expect(doc.unexplainedLines.isEmpty)
    }

    @Test func headingsThatMentionCodesAreSectionsWhoseTablesExplainThem() throws {
        let doc = try parse("""
            # Errors
            ### -2010 NEW_ORDER_REJECTED
            * NEW_ORDER_REJECTED
            ## Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED
            Error message | Description
            ------------ | ------------
            "Market is closed." | The symbol is not trading.
            """)
        #expect(doc.entries.map(\.code) == [-2010])
        #expect(doc.sections.map(\.title) == ["Messages for -1010 ERROR_MSG_RECEIVED, -2010 NEW_ORDER_REJECTED"])
        #expect(doc.tableRows.map(\.codes) == [[-1010, -2010]])
    }

    @Test func messagesAsBulletsParagraphsAndWrappedLines() throws {
        let doc = try parse("""
            # Errors
            ### -1 A
             * one
              * two
            -   three is a long message that the page
                wrapped onto the next line
            ### -2 B

            A plain paragraph message.
            """)
        #expect(doc.entries[0].messages.map(\.text) == ["one", "two", "three is a long message that the page wrapped onto the next line"])
        #expect(doc.entries[1].messages.map(\.text) == ["A plain paragraph message."])
    }

    @Test func tablesWithAndWithoutLeadingPipesAndAwkwardCells() throws {
        let doc = try parse("""
            # Errors
            ## Rows
            | Error message | Description |
            | --- | --- |
            | "First." | Line one  \u{20}
            \u{20}\u{20}
            line two. |
            | "A." / "B." | Shared &amp; decoded &lt;ok&gt; \\* star |
            "Missing quote | x<br>y<br/>z<br></br>w
            ## Other
            Error message|Description
            ---|---
            "Tight."|No padding |
            """)
        #expect(doc.tableRows.map(\.message) == ["First.", "A.", "B.", "Missing quote", "Tight."])
        #expect(doc.tableRows.map(\.description) == ["Line one\nline two.", "Shared & decoded <ok> * star", "Shared & decoded <ok> * star", "x\ny\nz\nw", "No padding"])
        #expect(doc.tableRows.first.map { [$0.line, $0.lastLine] } == [5, 7])
        #expect(doc.unexplainedLines.isEmpty)
    }

    @Test func decorationIsStripped() throws {
        let doc = try parse("""
            ---
            title: "Error Codes"
            url: https://developers.binance.com/docs/zh-CN/some-product/error-code
            ---
            # Error Codes
            <a id="x"></a>
            ## 10xx - 常规[\u{200B}](https://developers.binance.com/docs/x#10xx "10xx - 常规的直接链接")
            <a id="y"></a>
            ### -1000 未知错误[\u{200B}](https://developers.binance.com/docs/x#-1000 "-1000 未知错误的直接链接")
            - 未知错误。
            ### -1001
            - No name here.
            """)
        #expect(doc.sourceURL == "https://developers.binance.com/docs/zh-CN/some-product/error-code")
        #expect(DocumentOrigin.parse(url: doc.sourceURL!) == ("some-product", "zh-CN"))
        #expect(doc.title == "Error Codes")
        #expect(doc.sections.map(\.title) == ["10xx - 常规"])
        #expect(doc.entries.map(\.name) == ["未知错误", nil])
        #expect(doc.entries[0].messages.map(\.lang) == [.zh])
        #expect(doc.lineKinds[0...3].allSatisfy { $0 == .frontMatter })
        #expect(doc.lineKinds[5] == .anchor)
        #expect(doc.unexplainedLines.isEmpty)
    }

    @Test func aDocumentWithoutEntriesImportsAsZero() throws {
        let empty = try DocumentImporter.importData(Data("# Notes\n\nNothing here.\n".utf8), fileName: "notes.md")
        #expect(empty.parsed.entries.isEmpty && empty.parsed.tableRows.isEmpty)
        #expect(empty.origin == DocumentOrigin(domain: "", locale: ""))
        #expect(try DocumentImporter.importData(Data(), fileName: "empty.md").parsed.entries.isEmpty)
    }

    @Test func theFormatIsToldFromTheContentNotTheName() throws {
        let markdown = try DocumentImporter.importData(Data("#### \\-1 A\n- m\n".utf8), fileName: "page.txt", domain: "d", locale: "en")
        #expect(markdown.parsed.format == .markdown)
        let scraped = try DocumentImporter.importData(Data("10xx - 常规\n-1 A\n消息。\n".utf8), fileName: "page.md", domain: "d", locale: "zh-CN")
        #expect(scraped.parsed.format == .scrapedText)
        #expect(scraped.parsed.entries.first?.messages.map(\.text) == ["消息。"])
    }

    /// Code headings as people edit pages: other minus signs (en dash, full-width, `&minus;`), the
    /// code in backticks, a colon or a dash after it, and bold lines from wiki exports. Each was
    /// read as a section (silently, for the en dash and `&minus;`) or skipped with a warning.
    @Test func codeHeadingsAsPeopleEditThem() throws {
        let doc = try parse("""
            # Errors
            ### –1000 UNKNOWN
            * en dash
            ### －1001 DISCONNECTED
            * full-width minus
            ### &minus;1002 UNAUTHORIZED
            * entity
            ### `-1003` TOO_MANY_REQUESTS
            * code span
            ### `-1006 UNEXPECTED_RESP`
            * whole heading in a code span
            ### -1007: TIMEOUT
            * colon
            ### -1008 - SERVER_BUSY
            * dash
            ### -1013：无效消息
            * full-width colon
            **-1014 UNKNOWN_ORDER_COMPOSITION**
            * bold line
            ### -1015: 
            * colon and no name
            """)
        #expect(doc.entries.map(\.code) == [-1000, -1001, -1002, -1003, -1006, -1007, -1008, -1013, -1014, -1015])
        #expect(doc.entries.map(\.name) == ["UNKNOWN", "DISCONNECTED", "UNAUTHORIZED", "TOO_MANY_REQUESTS", "UNEXPECTED_RESP", "TIMEOUT",
                                            "SERVER_BUSY", "无效消息", "UNKNOWN_ORDER_COMPOSITION", nil])
        #expect(doc.entries.map { $0.messages.map(\.text) } == [["en dash"], ["full-width minus"], ["entity"], ["code span"],
                                                                ["whole heading in a code span"], ["colon"], ["dash"], ["full-width colon"],
                                                                ["bold line"], ["colon and no name"]])
        #expect(doc.unexplainedLines.isEmpty && doc.warnings.isEmpty)
        // Still not codes: a number and punctuation, a time, bold prose that mentions a code.
        let prose = try parse("# Errors\n### -1 A\n* m\n### -1999.\n### 10:30 maintenance\n**Retry after -1003 errors**\n")
        #expect(prose.entries.map(\.code) == [-1])
    }

    /// Scraped text with other minus signs and separators (a zh-CN page copied from a browser).
    @Test func scrapedCodeLinesAsPeopleEditThem() throws {
        let text = "10xx - 常规\n–1000 UNKNOWN\n未知错误。\n－1001：DISCONNECTED\n内部错误。\n-1002: UNAUTHORIZED\n无权限。\n"
        let scraped = try DocumentImporter.importData(Data(text.utf8), fileName: "page.txt", domain: "d", locale: "zh-CN").parsed
        #expect(scraped.format == .scrapedText)
        #expect(scraped.entries.map(\.code) == [-1000, -1001, -1002])
        #expect(scraped.entries.map(\.name) == ["UNKNOWN", "DISCONNECTED", "UNAUTHORIZED"])
        #expect(scraped.entries.map { $0.messages.map(\.text) } == [["未知错误。"], ["内部错误。"], ["无权限。"]])
    }
}
