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

    func open() throws -> KnowledgeBase {
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
