import Foundation
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport

/// The real documents of ../shared/corpus, imported by the same general rules as the seeds.
/// Skipped, saying why, when that folder is absent.
@Suite(.enabled(if: Corpus.available, "skipped: ../shared/corpus is absent"))
struct CorpusTests {
    static var folder: URL { Corpus.folder }

    static func load(_ name: String, domain: String? = nil, locale: String? = nil) throws -> ImportedDocument {
        try DocumentImporter.importFile(at: folder.appendingPathComponent(name).path, domain: domain, locale: locale)
    }

    static let spotEN = try! load("spot-errors.en.md", domain: "spot", locale: "en")
    static let spotZH = try! load("spot-errors.zh-CN.md", domain: "spot", locale: "zh-CN")

    @Test(arguments: ["spot-errors.en.md", "spot-errors.zh-CN.md", "spot-errors.en.2020-11-30.md", "spot-errors.en.2025-12-02.md",
                      "usds-margined-futures-error-code.en.md", "portfolio-margin-pro-error-code.en.md"])
    func everyLineIsExplained(file: String) throws {
        let document = try Self.load(file, domain: file.hasPrefix("spot") ? "spot" : nil, locale: file.hasPrefix("spot") ? "en" : nil)
        #expect(document.parsed.unexplainedLines.isEmpty, "\(file): \(document.parsed.unexplainedLines)")
        #expect(document.parsed.format == .markdown)
    }

    @Test func spotInBothLanguagesHasTheSame104Codes() {
        let english = Set(Self.spotEN.parsed.entries.map(\.code))
        #expect(english.count == 104)
        #expect(Set(Self.spotZH.parsed.entries.map(\.code)) == english)
        #expect(Self.spotZH.parsed.entries.first?.name == "未知错误")
        // The heading with a leading space is still an entry.
        #expect(Self.spotZH.parsed.entries.contains { $0.code == -1022 })
    }

    @Test func spotTablesBecomeMessageKeyedRows() {
        for document in [Self.spotEN, Self.spotZH] {
            let rows = document.parsed.tableRows
            #expect(rows.count == 59)
            let rejections = rows.filter { $0.codes == [-1010, -2010, -2011, -2038] }
            #expect(rejections.count == 41)
            #expect(rows.filter { $0.message.hasPrefix("Filter failure: ") }.count == 18)
            // Two quoted messages in one cell share the description; a missing quote is tolerated.
            #expect(rows.contains { $0.message == "Rest API trading is not enabled." } && rows.contains { $0.message == "WebSocket API trading is not enabled." })
            #expect(rows.contains { $0.message == "FIX API trading is not enabled." })
            #expect(rows.allSatisfy { !$0.description.contains("<br") && !$0.message.contains("\"") })
        }
        let oco = Self.spotEN.parsed.tableRows.first { $0.message == "The relationship of the prices for the orders is not correct." }
        #expect(oco?.description.components(separatedBy: "\n").count == 4)
        #expect(Self.spotEN.parsed.tableRows.first { $0.message.hasPrefix("The requested action") }?.description
                == "The request sent would not have changed the status quo.\n(e.g. `newQty` cannot equal the order quantity.)")
    }

    @Test func usdsMarginedFuturesHas205Codes() throws {
        let document = try Self.load("usds-margined-futures-error-code.en.md")
        #expect(document.origin == DocumentOrigin(domain: "usds-margined-futures", locale: "en"))
        #expect(document.parsed.sourceURL == "https://developers.binance.com/docs/derivatives/usds-margined-futures/error-code")
        #expect(Set(document.parsed.entries.map(\.code)).count == 205)
        #expect(document.parsed.title == "Error Codes")
        #expect(document.parsed.lineKinds[0..<8].allSatisfy { $0 == .frontMatter })
        #expect(Fixtures.entries(document, code: -1003).first?.name == "TOO_MANY_REQUESTS")
    }

    /// 237 code headings over 236 codes (-5012 twice), and -1010 ERROR_MSG_RECEIVED, which the
    /// page defines only in its Order Rejection list: an entry by the wallet seed's own rule.
    @Test func portfolioMarginProHas238EntriesOver237Codes() throws {
        let document = try Self.load("portfolio-margin-pro-error-code.en.md")
        #expect(document.origin == DocumentOrigin(domain: "portfolio-margin-pro", locale: "en"))
        #expect(document.parsed.entries.count == 238)
        #expect(Set(document.parsed.entries.map(\.code)).count == 237)
        #expect(Fixtures.entries(document, code: -1010).map { [$0.line, $0.messages.count] } == [[1030, 0]])
        #expect(document.parsed.mentions.map(\.code) == [-2010, -2011])
        #expect(Fixtures.entries(document, code: -5012).count == 2)
        #expect(Fixtures.entries(document, code: -20121).first?.name == nil)
        #expect(Fixtures.entries(document, code: -1000).first?.messages.map(\.text).last == "An unknown error occurred while processing the request.[%s]")
        let rows = document.parsed.tableRows
        #expect(rows.count == 40)
        #expect(rows.filter { $0.codes == [-1010, -2010, -2011] }.count == 26)
        let position = rows.first { $0.message == "Filter failure: MAX_POSITION" }
        #expect(position.map { ($0.line, $0.lastLine) } ?? (0, 0) == (766, 768))
        #expect(Fixtures.entries(document, code: -2021).first?.messages.first?.text.hasPrefix("This code is sent when either") == true)
    }

    @Test func theOlderSpotVersions() throws {
        #expect(try Self.load("spot-errors.en.2025-12-02.md", domain: "spot", locale: "en").parsed.entries.count == 103)
        let first = try Self.load("spot-errors.en.2020-11-30.md", domain: "spot", locale: "en")
        #expect(first.parsed.entries.count == 39)
        #expect(first.parsed.tableRows.count == 32)
    }

    /// The spot pages state no URL: the corpus's MANIFEST.md beside them says spot/en; a copy
    /// without it needs the flags.
    @Test func spotFilesTakeTheirOriginFromTheManifestBesideThem() throws {
        #expect(try Self.load("spot-errors.en.md").origin == DocumentOrigin(domain: "spot", locale: "en"))
        // What the page states wins: the manifest calls the options page's domain "options", its URL "options-trading".
        #expect(try Self.load("options-error-code.en.md").origin == DocumentOrigin(domain: "options-trading", locale: "en"))
        let copy = Fixtures.temporaryDirectory().appendingPathComponent("spot-errors.en.md").path
        try FileManager.default.copyItem(atPath: Self.folder.appendingPathComponent("spot-errors.en.md").path, toPath: copy)
        #expect(throws: ImportError.unknownOrigin(file: copy, missing: ["domain", "locale"])) {
            try DocumentImporter.importFile(at: copy)
        }
    }
}

/// Where the shared corpus lives, beside the project.
enum Corpus {
    static let folder = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("MANIFEST.md").path) }
}
