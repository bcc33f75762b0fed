import ArgumentParser
import ErrorKB
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Options every read command takes.
struct ReadOptions: ParsableArguments {
    @Option(name: .long, help: "The database to read (default: $KB_DB, else the built-in seed corpus).")
    var db: String?

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    /// Opens the database, and checks that `domain`, when given, is one it holds.
    func open(domain: String?) throws -> KnowledgeBase {
        let kb = try open()
        if let domain, try !kb.domains().contains(domain) {
            throw UsageError("unknown domain '\(domain)'; this database has: \(try kb.domains().joined(separator: ", "))")
        }
        return kb
    }

    func open() throws -> KnowledgeBase { try Self.open(db: db) }

    /// --db, else $KB_DB, else the seed corpus built into kb.
    static func open(db: String?) throws -> KnowledgeBase {
        if let path = db ?? ProcessInfo.processInfo.environment["KB_DB"], !path.isEmpty {
            return try KnowledgeBase.open(path: path)
        }
        return try KnowledgeBase.seed()
    }
}

/// "Nothing found": said on stderr, exit status 1.
func nothingFound(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("kb: \(message)\n".utf8))
    return ExitCode(1)
}

/// A usage problem found while running (an unknown domain): exit status 2, no usage dump.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// A data problem found while running (an unreadable input): exit status 3.
struct KBFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
