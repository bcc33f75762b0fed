import Foundation
import GRDB
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport
@testable import ErrorKBSupport

/// A file that holds one page after another (the English page, a `---`, the Chinese page) is a
/// document per page, each with its own lines, digest and locale, so that `translations` pairs
/// them.
@Suite struct BilingualTests {
    static let twoPages = """
        ---
        source_url: https://developers.binance.com/docs/wallet/error-code
        ---
        # Error Codes
        ## 10xx - General[\u{200B}](/docs/wallet/error-code#10xx "Direct link to 10xx")
        ### -1000 UNKNOWN[\u{200B}](/docs/wallet/error-code#-1000-unknown "Direct link to -1000 UNKNOWN")
          * An unknown error occurred while processing the request.

        ---

        # 错误代码
        ## 10xx - 常规服务器或网络问题[\u{200B}](/docs/zh-CN/wallet/error-code#10xx "10xx的直接链接")
        ### -1000 UNKNOWN[\u{200B}](/docs/zh-CN/wallet/error-code#-1000-unknown "-1000 UNKNOWN的直接链接")
          * 处理请求时发生未知错误。

        """

    @Test func eachPageIsADocumentWithItsOwnLocaleAndURL() throws {
        let data = Data(Self.twoPages.utf8)
        let pages = try DocumentImporter.importPages(data, fileName: "wallet.en+zh-CN.md")
        #expect(pages.map(\.origin) == [DocumentOrigin(domain: "wallet", locale: "en"), DocumentOrigin(domain: "wallet", locale: "zh-CN")])
        #expect(pages.map(\.parsed.sourceURL) == ["https://developers.binance.com/docs/wallet/error-code",
                                                  "https://developers.binance.com/docs/zh-CN/wallet/error-code"])
        #expect(pages.map(\.parsed.firstLine) == [1, 11])
        #expect(pages.map(\.lineCount) == [10, 4])
        #expect(pages.map(\.parsed.title) == ["Error Codes", "错误代码"])
        // Lines count from the file's start; the `---` between the pages is a rule of the first.
        #expect(pages[1].parsed.entries.map(\.line) == [13] && pages[1].parsed.entries[0].messages.map(\.line) == [14])
        #expect(pages[0].parsed.lineKinds[8] == .rule)
        #expect(pages.allSatisfy { $0.parsed.unexplainedLines.isEmpty && $0.pagesInFile == 2 })
        // Digest and size are each page's own bytes.
        #expect(pages.map(\.size).reduce(0, +) == data.count)
        let start = data.range(of: Data("# 错误代码".utf8))!.lowerBound
        #expect(pages.map(\.sha256) == [SHA256.hex(of: data[..<start]), SHA256.hex(of: data[start...])])
        #expect(pages[1].name == "wallet.en+zh-CN.md (lines 11–14)")
        #expect(throws: ImportError.severalPages(file: "wallet.en+zh-CN.md", firstLines: [1, 11])) {
            try DocumentImporter.importData(data, fileName: "wallet.en+zh-CN.md")
        }
    }

    @Test func aTitleRepeatedBeforeAnyCodeIsOnePage() throws {
        let text = "---\nurl: https://example.com/docs/x/error-code\n---\n# Error Codes\n> Source: <https://example.com/docs/x/error-code>\n# Error Codes\n### -1 A\n- a\n"
        #expect(try DocumentImporter.importPages(Data(text.utf8), fileName: "x.md").count == 1)
        // A shell comment in a fence is no heading.
        let fenced = "# Errors\n### -1 A\n- a\n```\n# not a page\n```\n### -2 B\n- b\n"
        #expect(try DocumentImporter.importPages(Data(fenced.utf8), fileName: "y.md", domain: "x", locale: "en").map(\.entryCount) == [2])
    }
}

/// The two bilingual files of ../shared/corpus, against the counts made independently of the
/// importer (Tests/ErrorKBTests/Fixtures/corpus-counts).
@Suite(.enabled(if: Corpus.available, "skipped: ../shared/corpus is absent"))
struct BilingualCorpusTests {
    static func pages(_ name: String) throws -> [ImportedDocument] {
        try DocumentImporter.importPages(at: Corpus.folder.appendingPathComponent(name).path)
    }

    @Test func theWalletFileIsTheEnglishPageThenTheChineseOne() throws {
        let pages = try Self.pages("wallet-error-code.en+zh-CN.md")
        #expect(pages.map(\.origin.locale) == ["en", "zh-CN"])
        #expect(pages.map(\.parsed.firstLine) == [1, 1549])
        #expect(pages.map(\.entryCount) == [237, 236])
        #expect(pages.map { Set($0.parsed.entries.map(\.code)).count } == [236, 235])
        #expect(pages.map(\.messageCount) == [254, 259])
        #expect(pages.map(\.tableRowCount) == [40, 40])
        #expect(pages.map { $0.parsed.sections.count } == [14, 14])
        #expect(pages.map { $0.parsed.entries.filter { $0.name == nil }.count } == [15, 6])
        // The English page has -4040, which the Chinese one lacks.
        #expect(pages.map { Fixtures.entries($0, code: -4040).map(\.line) } == [[781], []])
        #expect(Fixtures.entries(pages[1], code: -1151).first?.name == "重复的交易对")
        #expect(pages.allSatisfy { $0.parsed.unexplainedLines.isEmpty && $0.parsed.warnings.isEmpty })
    }

    @Test func theUSDMFileAndItsChineseMessages() throws {
        let pages = try Self.pages("usds-margined-futures-error-code.en+zh-CN.md")
        #expect(pages.map(\.origin) == [DocumentOrigin(domain: "usds-margined-futures", locale: "en"), DocumentOrigin(domain: "usds-margined-futures", locale: "zh-CN")])
        #expect(pages.map(\.parsed.firstLine) == [1, 1281])
        #expect(pages.map(\.entryCount) == [201, 198])
        #expect(pages.map(\.messageCount) == [244, 455])
        #expect(pages.map { Fixtures.entries($0, code: -4183).first?.name } == ["ISOLATED_REJECT_WITH_JOINT_MARGIN", "PRICE_HIGHTER_THAN_STOP_MULTIPLIER_UP"])
        // Each Chinese entry lists the English messages and the Chinese ones; `%sx` is a placeholder and a unit.
        let leverage = Fixtures.entries(pages[1], code: -4209).first?.messages ?? []
        #expect(leverage.map(\.text) == ["The max leverage of Symbol is 20x", "Leverage adjustment failed. Current symbol max leverage limit is %sx",
                                         "交易对最大杠杆为20x", "杠杆调整失败。交易对最大杠杆为%sx"])
        #expect(leverage.map(\.lang) == [.en, .en, .zh, .zh])
        #expect(leverage.map { MessageTemplate($0.text).canonical }[3] == "杠杆调整失败。交易对最大杠杆为{1}x")
        #expect(pages.allSatisfy { $0.parsed.unexplainedLines.isEmpty && $0.parsed.warnings.isEmpty })
    }

    @Test func translationsPairTheTwoPagesOfAFile() throws {
        let home = Fixtures.temporaryDirectory()
        let db = home.appendingPathComponent("wallet.db").path
        let build = TestProcess.kb(["build", Corpus.folder.appendingPathComponent("wallet-error-code.en+zh-CN.md").path, "--out", db])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("documents         2"))
        try DatabaseQueue(path: db).read { db in
            let documents = try Row.fetchAll(db, sql: "SELECT locale, line_count, source_url FROM documents ORDER BY id").map { "\($0[0] as String) \($0[1] as Int) \($0[2] as String)" }
            #expect(documents == ["en 1548 https://developers.binance.com/docs/wallet/error-code", "zh-CN 1535 https://developers.binance.com/docs/zh-CN/wallet/error-code"])
            // 235 codes on both pages (-4040 only in English), -5012 twice on each.
            #expect(try Int.fetchOne(db, sql: "SELECT count(DISTINCT code) FROM translations WHERE domain = 'wallet' AND locale_a = 'en' AND locale_b = 'zh-CN'") == 235)
            let unknown = try Row.fetchOne(db, sql: "SELECT name_a, name_b, message_a, message_b FROM translations WHERE code = -1000")
            #expect(unknown.map { [$0[0], $0[1], $0[2], $0[3]] as [String] } == ["UNKNOWN", "UNKNOWN", "An unknown error occurred while processing the request.", "处理请求时发生未知错误。"])
        }
    }
}
