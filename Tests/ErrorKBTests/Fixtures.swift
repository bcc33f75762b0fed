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

    /// A database written by the real `kb build` binary, opened with plain GRDB for view queries.
    static let builtDatabasePath: String = {
        let directory = temporaryDirectory()
        let path = directory.appendingPathComponent("seed.db").path
        let result = KBProcess.run(["build", "--out", path], home: directory.path)
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

/// Runs the `kb` binary that `swift build` put beside the test bundle.
enum KBProcess {
    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kb"),
            Fixtures.packageRoot.appendingPathComponent(".build/debug/kb"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    static func run(_ arguments: [String], home: String? = nil, environment extra: [String: String] = [:],
                    executable: URL? = nil, prefix: [String] = [], stdin: String? = nil) -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = prefix + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "KB_DB")
        if let home { environment["HOME"] = home; environment.removeValue(forKey: "XDG_CACHE_HOME") }
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let input = Pipe()
            process.standardInput = input
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        do { try process.run() } catch {
            return Result(status: -1, stdout: "", stderr: "cannot run \(process.executableURL!.path): \(error)")
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Placeholders as the seed facts count them: ％s, %s, %b, {0}.
func containsPlaceholder(_ text: String) -> Bool {
    ["％s", "%s", "%b", "{0}"].contains { text.contains($0) }
}
