import Foundation
import GRDB
@testable import ErrorKBModel
@testable import ErrorKBImport
@testable import ErrorKBStore
@testable import ErrorKBBuild

/// Shared inputs: the seed documents as the library reads them, and a database made by `kb build`.
enum Fixtures {
    static let wallet: ImportedDocument = seed("binance-wallet-error-code.zh-CN.txt")
    static let coinM: ImportedDocument = seed("binance-coin-margined-futures-error-code.en.md")

    static func seed(_ name: String) -> ImportedDocument {
        let file = EmbeddedCorpus.seedDocuments.first { $0.fileName == name }!
        return try! DocumentImporter.importData(file.data, fileName: file.fileName)
    }

    /// The library's view of the seed corpus, in memory.
    static let seedKB: KnowledgeBase = try! KnowledgeBase.inMemory([wallet, coinM])

    /// The two original seed documents, whose facts were counted by hand, as files.
    static let originalSeedFiles = ["binance-coin-margined-futures-error-code.en.md", "binance-wallet-error-code.zh-CN.txt"]
        .map { packageRoot.appendingPathComponent("seed/\($0)").path }

    /// A database of the two original seed documents written by the real `kb build` binary,
    /// opened with plain GRDB for view queries. (The built-in corpus holds more pages; tests
    /// that assert hand-counted facts name the documents they count.)
    static let builtDatabasePath: String = {
        let directory = temporaryDirectory()
        let path = directory.appendingPathComponent("seed.db").path
        let result = TestProcess.kb(["build", "--out", path] + originalSeedFiles, home: directory.path)
        precondition(result.status == 0, "kb build failed: \(result.stderr)")
        return path
    }()

    static let builtDatabase: DatabaseQueue = {
        var config = Configuration()
        config.readonly = true
        return try! DatabaseQueue(path: builtDatabasePath, configuration: config)
    }()

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("errorkb-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The repository root, for reading `seed/` and `schema/` as files.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Entries of a document by code, in document order.
    static func entries(_ document: ImportedDocument, code: Int64) -> [ParsedDocument.Entry] {
        document.parsed.entries.filter { $0.code == code }
    }
}

/// Placeholders as the seed facts count them: ％s, %s, %b, {0}.
func containsPlaceholder(_ text: String) -> Bool {
    ["％s", "%s", "%b", "{0}"].contains { text.contains($0) }
}

/// A small seeded generator (SplitMix64), so that a failing random test can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Checks on a database file as an analyst's tool would open it.
enum DatabaseCheck {
    /// `PRAGMA integrity_check`, read-only; nil when the file cannot be opened at all.
    static func integrity(_ path: String) -> String? {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? queue.close() }
        return (try? queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") })?.joined(separator: "; ")
    }

    /// One value from a read-only query.
    static func value<T: DatabaseValueConvertible>(_ path: String, _ sql: String, as type: T.Type = T.self) -> T? {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { try T.fetchOne($0, sql: sql) }
    }

    /// Names in a directory that look like temporary files.
    static func temporaryFiles(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".tmp") }.sorted()
    }

    /// The two original seed documents as files (the built-in corpus holds more; these tests
    /// need documents, not the corpus).
    static var seedFiles: [String] { Fixtures.originalSeedFiles }

    /// A markdown page in the seed's style with `sections × perSection` entries, in a domain of
    /// its own ("generated"), whose codes overlap the seed's (-1000, -1121, …) as other products do.
    static func generatedDocument(sections: Int, perSection: Int, domain: String = "generated") -> Data {
        var text = "---\nurl: https://example.com/docs/en/\(domain)/error-code\n---\n\n# Generated error codes\n\n"
        for section in 1...sections {
            text += "## \(section)xxx - Generated section \(section)\n\n"
            for index in 0..<perSection {
                let code = section * 1000 + index
                text += "#### \\-\(code) GENERATED\\_ERROR\\_\(section)\\_\(index)\n\n"
                text += "-   Generated error \(code): the value %s is not valid for {0}; 余额不足 \(index).\n\n"
            }
        }
        return Data(text.utf8)
    }
}
