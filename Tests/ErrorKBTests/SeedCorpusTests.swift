import Foundation
import Testing
@testable import ErrorKBModel
@testable import ErrorKBImport
@testable import ErrorKBBuild

/// The built-in corpus: what seed/MANIFEST.md says of each page, and the pages as copied.
@Suite struct SeedCorpusTests {
    @Test func theManifestNamesEveryPageAndOnlyThem() {
        #expect(Set(EmbeddedCorpus.manifest.origins.keys) == Set(EmbeddedCorpus.seedDocuments.map(\.fileName)))
        #expect(EmbeddedCorpus.manifest.origins.values.allSatisfy { $0.provenance?.isEmpty == false })
        #expect(EmbeddedCorpus.manifest.origins["spot-errors.zh-CN.md"].map { [$0.domain, $0.locale, $0.source] } == ["spot", "zh-CN", nil])
    }

    @Test func everyProductAndLocaleOnce() throws {
        let documents = try EmbeddedCorpus.importSeed()
        let origins = documents.map { "\($0.origin.domain) \($0.origin.locale)" }
        #expect(origins.sorted() == [
            "coin-margined-futures en", "crypto-loan en", "options-trading en", "portfolio-margin en", "portfolio-margin-pro en",
            "spot en", "spot zh-CN", "usds-margined-futures en", "usds-margined-futures zh-CN", "wallet en", "wallet zh-CN",
        ])
        #expect(Set(documents.map(\.identity)).count == documents.count)
        #expect(documents.allSatisfy { $0.parsed.unexplainedLines.isEmpty && $0.parsed.warnings.isEmpty })
        let usdmChinese = documents.first { $0.fileName == "usds-margined-futures-error-code.zh-CN.md" }
        #expect(usdmChinese?.parsed.sourceURL == "https://developers.binance.com/docs/zh-CN/derivatives/usds-margined-futures/error-code")
    }

    /// Each page is its origin's bytes: a whole file, or the lines of a bilingual file's page.
    @Test(.enabled(if: Corpus.available, "skipped: ../shared/corpus is absent"))
    func thePagesAreTheirOriginsBytes() throws {
        func lines(_ name: String, _ range: ClosedRange<Int>) throws -> Data {
            let text = try String(contentsOf: Corpus.folder.appendingPathComponent(name), encoding: .utf8)
            let all = text.split(separator: "\n", omittingEmptySubsequences: false)
            let last = min(range.upperBound, all.count)
            return Data((all[(range.lowerBound - 1)..<last].joined(separator: "\n") + (last < all.count ? "\n" : "")).utf8)
        }
        for (file, data) in EmbeddedCorpus.seedDocuments where !file.hasPrefix("binance-") {
            let expected: Data
            switch file {
            case "wallet-error-code.en.md": expected = try lines("wallet-error-code.en+zh-CN.md", 1...1546)
            case "usds-margined-futures-error-code.zh-CN.md": expected = try lines("usds-margined-futures-error-code.en+zh-CN.md", 1281...2745)
            default: expected = try Data(contentsOf: Corpus.folder.appendingPathComponent(file))
            }
            #expect(data == expected, "\(file)")
        }
    }

    /// `kb build seed/*` reads seed/MANIFEST.md beside the pages, as the built-in corpus does.
    @Test func buildingTheSeedFolderTakesTheManifestsOrigins() throws {
        let home = Fixtures.temporaryDirectory()
        let db = home.appendingPathComponent("seed.db").path
        let folder = Fixtures.packageRoot.appendingPathComponent("seed")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
        let result = TestProcess.kb(["build", "--out", db] + files)
        #expect(result.status == 0, "\(result.stderr)")
        // 11 pages; the manifest is their table, not a page (said on stderr).
        #expect(result.stdout.contains("documents         11") && result.stdout.contains("entries           2013"))
        let manifest = folder.appendingPathComponent("MANIFEST.md").path
        #expect(result.stderr == "kb: \(manifest): the table of its folder's pages, read with each of them; not imported as a page\n")
    }
}
