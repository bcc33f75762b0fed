import Foundation
import GRDB
@testable import ErrorKBStore
@testable import ErrorKBQuery

/// A database of the real pages beside the project: the two seed documents and one current
/// version of six corpus pages, named one by one (the bilingual and crypto-loan pages import
/// badly until the importer reads them; they stay out). Built once per test run by the real
/// `kb build`; tests that use it skip cleanly when ../shared is absent.
enum SharedPages {
    static let root = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let files = [
        "seed-docs/binance-coin-margined-futures-error-code.en.md", "seed-docs/binance-wallet-error-code.zh-CN.txt",
        "corpus/spot-errors.en.md", "corpus/spot-errors.zh-CN.md",
        // The bilingual file gives USD-M zh-CN; its English half is replaced by the newer page given after it.
        "corpus/usds-margined-futures-error-code.en+zh-CN.md", "corpus/usds-margined-futures-error-code.en.md",
        "corpus/portfolio-margin-pro-error-code.en.md", "corpus/options-error-code.en.md", "corpus/portfolio-margin-error-code.en.md",
    ]
    /// Spot's pages name no URL; the options page's URL says options-trading, the acceptance
    /// material says options.
    static let origins = ["spot-errors.en*=spot/en", "spot-errors.zh-CN*=spot/zh-CN", "options-error-code*=options/en"]

    static var available: Bool {
        files.allSatisfy { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }

    /// The file, built on first use.
    static let path: String = {
        let path = Fixtures.temporaryDirectory().appendingPathComponent("all.db").path
        let result = TestProcess.kb(["build", "--out", path] + files.map { root.appendingPathComponent($0).path }
                                    + origins.flatMap { ["--origin", $0] })
        precondition(result.status == 0, "kb build of the shared pages failed: \(result.stderr)")
        return path
    }()

    /// A matcher on the whole file, loaded once (nil when ../shared is absent).
    static let matcher: MessageMatcher? = available ? try? MessageMatcher(KnowledgeBase.open(path: path)) : nil

    /// The file opened read-only with plain GRDB.
    static func database() throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config)
    }
}
