import Foundation
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport

/// The rules every format shares, on small documents written for each case: headings with
/// invisible characters, codes listed in a section, headings that cannot be read, thematic
/// breaks, cells over several lines, and the importer's check of its own work.
@Suite struct ImporterRuleTests {
    func read(_ text: String, name: String = "page.md") throws -> ImportedDocument {
        try DocumentImporter.importData(Data(text.utf8), fileName: name, domain: "test", locale: "en")
    }

    @Test func headingsLoseTheirInvisibleCharacters() throws {
        let document = try read("""
            # Error Codes
            ## 20xxx - Futures/Spot Algo\u{200B}
            ### -20121\u{200B}
            * Invalid symbol.
            ### -1000 UNKNOWN\u{200B}
            * An unknown error occurred.
            """)
        #expect(document.parsed.sections.map(\.title) == ["20xxx - Futures/Spot Algo"])
        #expect(document.parsed.entries.map(\.code) == [-20121, -1000])
        #expect(document.parsed.entries.map(\.name) == [nil, "UNKNOWN"])
        #expect(document.parsed.entries.map { $0.messages.map(\.text) } == [["Invalid symbol."], ["An unknown error occurred."]])
        #expect(!document.parsed.lineKinds.contains(.prose))
        #expect(document.parsed.warnings.isEmpty)
    }

    @Test func aListedCodeIsAnEntryUnlessThePageDefinedItBefore() throws {
        let document = try read("""
            # Error Codes
            ### -2010 NEW_ORDER_REJECTED
            * NEW_ORDER_REJECTED
            ## Order Rejection Issues
            The following codes are returned by the matching engine:
            * `-1010 ERROR_MSG_RECEIVED`
            * `-2010 NEW_ORDER_REJECTED`

            Combined with the following messages:

            | Error message | Description |
            |---|---|
            | "Unknown order sent." | The order was not found. |
            """)
        let parsed = document.parsed
        #expect(parsed.entries.map(\.code) == [-2010, -1010])
        #expect(parsed.entries[1].messages.isEmpty && parsed.entries[1].section == 0 && parsed.entries[1].line == 6)
        #expect(parsed.mentions.map { [$0.code, Int64($0.line), Int64($0.entry)] } == [[-2010, 7, 0]])
        #expect(parsed.tableRows.map(\.codes) == [[-1010, -2010]])
        #expect(parsed.lineKinds[4] == .prose && parsed.lineKinds[8] == .prose)
    }

    @Test func aCodeHeadingThatCannotBeReadIsReportedWithTheLinesUnderIt() throws {
        let document = try read("""
            # Error Codes
            ## 10xx - General
            ### -1000. UNKNOWN
            * An unknown error occurred.
            ### -1001 DISCONNECTED
            * Internal error.
            """)
        #expect(document.parsed.entries.map(\.code) == [-1001])
        #expect(document.parsed.lineKinds[2] == .skipped && document.parsed.lineKinds[3] == .skipped)
        #expect(document.parsed.warnings.map(\.line) == [3, 4])
        #expect(document.parsed.warnings.first?.message.contains("-1000. UNKNOWN") == true)
        #expect(!document.parsed.lineKinds.contains(.prose))
    }

    @Test func aLineThatStartsWithACodeButIsNoEntryIsReported() throws {
        let document = try read("""
            # Error Codes
            ## Other codes
            | Code | Name | Since |
            |---|---|---|
            | -1000 | UNKNOWN | 2019 |
            """)
        #expect(document.parsed.entries.isEmpty)
        #expect(document.parsed.warnings.map(\.line) == [5])
        #expect(document.parsed.warnings.first?.message.hasPrefix("starts with a code but was read as other_table") == true)
    }

    @Test func aTableOfContentsIsCheckedAgainstTheEntries() throws {
        let document = try read("""
            # 错误代码
            10xx - 常规服务器或网络问题
            -1000 UNKNOWN
            处理请求时发生未知错误。

            上一页
            查询
            下一页
            联系我们
            10xx - 常规服务器或网络问题
            -1000 UNKNOWN
            -9999 NOT_ON_THE_PAGE
            """, name: "page.txt")
        #expect(document.parsed.format == .scrapedText)
        #expect(document.parsed.lineKinds[10] == .toc && document.parsed.lineKinds[11] == .toc)
        #expect(document.parsed.warnings.map(\.line) == [12])
    }

    @Test func aThematicBreakIsARuleNotAMessage() throws {
        let document = try read("""
            # Error Codes
            ### -1 A
            * first

            ---

            ### -2 B
            * second
            """)
        #expect(document.parsed.entries.map { $0.messages.map(\.text) } == [["first"], ["second"]])
        #expect(document.parsed.lineKinds[4] == .rule)
    }

    /// The scrape of the wallet page lost the `<br>`s of two cells: the rest of the cell follows
    /// on lines without a pipe, after a line of two spaces.
    @Test func aCellOverSeveralLinesWithoutLeadingPipes() throws {
        let document = try read("""
            # Error Codes
            ## Filter failures
            Error message| Description  
            ---|---  
            "Filter failure: MAX_POSITION"| The account's position has reached the maximum defined limit.   
              
            This is composed of the sum of the balance of the base asset.  
            "Filter failure: MAX_NUM_ORDERS"| Account has too many open orders on the symbol.  
              
            ## Next section
            """)
        let rows = document.parsed.tableRows
        #expect(rows.map(\.message) == ["Filter failure: MAX_POSITION", "Filter failure: MAX_NUM_ORDERS"])
        #expect(rows.first?.description == "The account's position has reached the maximum defined limit.\nThis is composed of the sum of the balance of the base asset.")
        #expect(rows.map { [$0.line, $0.lastLine] } == [[5, 7], [8, 8]])
        #expect(document.parsed.lineKinds[8] == .blank && document.parsed.unexplainedLines.isEmpty)
    }
}
